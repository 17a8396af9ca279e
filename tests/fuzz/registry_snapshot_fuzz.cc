// Registry snapshot: any bytes load or are refused with a status (never a crash);
// what loads is a registry the builder would accept: its JSON loads back to the
// same registry, and the snapshot written from it is the same bytes.
//
// First byte: 0 loads the rest as it is (mutations mostly meet a checksum); 1 first
// recomputes every checksum (docs/snapshot.md's layout), so that crafted content
// reaches the checks behind them.
#include <cstring>
#include <string>

#include "fuzz_support.h"
#include "renewal/base/journal.h"
#include "renewal/registry/snapshot.h"

namespace {

// The layout of docs/snapshot.md, version 1.
constexpr std::size_t kHeader = 88, kSectionHeader = 56, kName = 32;

void FixChecksums(std::string& f) {
  if (f.size() < kHeader) return;
  const std::uint32_t header_crc = renewal::internal::Crc32(std::string_view(f).substr(0, 80));
  std::memcpy(f.data() + 80, &header_crc, 4);
  std::size_t pos = kHeader;
  while (f.size() - pos >= kSectionHeader) {
    std::uint64_t bytes;
    std::memcpy(&bytes, f.data() + pos + kName + 16, 8);
    if (bytes > f.size() - pos - kSectionHeader) return;
    const std::uint32_t crc =
        renewal::internal::Crc32(std::string_view(f).substr(pos + kSectionHeader, bytes));
    std::memcpy(f.data() + pos + kName + 4, &crc, 4);
    pos += kSectionHeader + bytes + (8 - bytes % 8) % 8;
    if (pos > f.size()) return;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  if (size == 0 || data[0] > 1) return 0;
  std::string bytes(fuzz::Text(data + 1, size - 1));
  if (data[0] == 1) FixChecksums(bytes);
  renewal::LoadOptions o;
  o.current_year = 2026;
  absl::StatusOr<Registry> r = LoadRegistrySnapshot(bytes, o);
  if (!r.ok()) {
    const absl::StatusCode c = r.status().code();
    fuzz::Check(c == absl::StatusCode::kInvalidArgument || c == absl::StatusCode::kDataLoss ||
                    c == absl::StatusCode::kAlreadyExists,
                "a refused snapshot is InvalidArgument, DataLoss or AlreadyExists");
    return 0;
  }
  fuzz::Check(DumpRegistrySnapshot(*r) == bytes, "the snapshot round trip is stable");
  absl::StatusOr<Registry> again = LoadRegistryJson(DumpRegistryJson(*r), o);
  fuzz::Check(again.ok(), "a loaded snapshot is a registry the JSON reader accepts");
  fuzz::Check(*again == *r, "and the same registry");
  return 0;
}
