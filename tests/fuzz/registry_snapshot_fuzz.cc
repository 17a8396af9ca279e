// Registry snapshot: any bytes load or are refused with a status (never a crash);
// what loads is a registry the builder would accept: its JSON loads back (to the
// same columns), and the snapshot written from it is the same bytes.
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
  // Not `*again == *r`: the JSON reader (Boost.JSON's default number parsing) may
  // read a double written in shortest form back one ulp away (a mutated longitude
  // did). Everything but the floating-point facts must match.
  fuzz::Check(again->dwellings() == r->dwellings() &&
                  again->estate_count() == r->estate_count() &&
                  again->building_count() == r->building_count() &&
                  again->entrance_count() == r->entrance_count() &&
                  again->owner_count() == r->owner_count() &&
                  again->person_count() == r->person_count(),
              "and the same columns");
  for (Index d = 0; d < r->dwelling_count(); ++d) {
    fuzz::Check(again->dwelling(d).id == r->dwelling(d).id, "and the same dwelling IDs");
  }
  for (Index e = 0; e < r->estate_count(); ++e) {
    fuzz::Check(again->estate(e).id == r->estate(e).id &&
                    again->estate(e).building_count == r->estate(e).building_count,
                "and the same estates");
  }
  return 0;
}
