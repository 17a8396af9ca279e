// Private parts of the maintenance fund ledger: the journal file and its record format.
//
// File = records; record = u32 payload length, u32 CRC-32 (IEEE) of the payload,
// payload. All integers little-endian. The first record is the header; every other
// record is one transaction. See docs/ledger.md for the byte layout.
#ifndef RENEWAL_SRC_LEDGER_INTERNAL_H_
#define RENEWAL_SRC_LEDGER_INTERNAL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "ledger_tx_ids.h"
#include "renewal/base/split.h"
#include "renewal/ledger/ledger.h"

namespace renewal {

struct Ledger::Maps {
  internal::TxIds tx_ids;  // transaction id → index in tx_
  absl::flat_hash_set<std::string> subsidized;            // use ids already subsidised
  absl::flat_hash_map<Index, std::int64_t> su_deposited;  // selling-unit deposits by dwelling
  // The developer's deposits for units it still holds, and units sold since.
  absl::flat_hash_map<Index, std::int64_t> developer_deposited;
  absl::flat_hash_set<Index> sold;
  // Interest shares, reused (no page faults and zeroing per credit).
  std::vector<std::int64_t> parts;
  SplitScratch split;
};

}  // namespace renewal

namespace renewal::internal {

inline constexpr char kLedgerMagic[8] = {'R', 'N', 'W', 'L', 'E', 'D', 'G', '1'};
inline constexpr std::uint8_t kHeaderRecord = 0xFF;
inline constexpr std::uint32_t kLedgerFormatVersion = 1;
inline constexpr std::size_t kRecordFrame = 8;  // length + crc

std::uint32_t Crc32(std::string_view bytes, std::uint32_t crc = 0);

struct JournalHeader {
  std::uint32_t version = kLedgerFormatVersion;
  std::uint8_t fund_scope = 0;
  std::uint64_t dwellings = 0;
  std::uint64_t funds = 0;
  std::uint32_t fingerprint = 0;  // CRC-32 of the dwelling IDs and areas
};
std::uint32_t RegistryFingerprint(const Registry& registry);

// Appends one framed record to `out`.
void AppendHeaderRecord(const JournalHeader& h, std::string* out);
void AppendTransactionRecord(const Transaction& tx, std::span<const std::uint32_t> accounts,
                             std::span<const std::int64_t> amounts, std::string* out);
absl::StatusOr<JournalHeader> DecodeHeader(std::string_view payload);
// Fills tx.accounts / tx.amounts too.
absl::Status DecodeTransaction(std::string_view payload, Transaction* tx);

// How many whole frames the image holds (a cheap upper bound on its records, for
// sizing indexes before a replay; checksums are not verified).
std::size_t CountFrames(std::string_view image);

// Walks the records of a journal image. Calls `fn(payload, record_index)` for each
// whole record. A last record that is incomplete (cut inside its frame or payload,
// or whose checksum fails and which ends the file) is a torn tail: reported in
// `report`, not passed on. A bad record followed by more data is DataLoss.
absl::Status ScanRecords(std::string_view image,
                         const std::function<absl::Status(std::string_view, std::size_t)>& fn,
                         OpenReport* report);

absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

// A read-only memory map of a whole file (no copy, no zero-fill).
class MappedFile {
 public:
  static absl::StatusOr<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  std::string_view bytes() const { return {data_, size_}; }

 private:
  MappedFile() = default;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

// A journal file open for appending, held under an exclusive lock (flock) for
// the life of this object.
class LedgerFile {
 public:
  // Opens (creating if absent) and locks it; FailedPrecondition naming the file
  // when another LedgerFile, in this process or another, holds it.
  static absl::StatusOr<std::unique_ptr<LedgerFile>> Lock(const std::string& path, bool sync);
  // After the replay: cuts the file to `valid_bytes` (dropping a torn tail) and
  // positions it there.
  absl::Status Resume(std::uint64_t valid_bytes);
  ~LedgerFile();
  // Writes the whole record and syncs; on failure cuts the file back and fails.
  absl::Status Append(std::string_view record);
  std::uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  LedgerFile() = default;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  bool sync_ = true;
  std::string path_;
};

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_LEDGER_INTERNAL_H_
