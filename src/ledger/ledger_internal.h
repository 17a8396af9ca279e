// Private parts of the maintenance fund ledger: its maps and its journal records.
// The journal's framing is base's (renewal/base/journal.h); see docs/ledger.md for
// the payloads' byte layout.
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
#include "renewal/base/journal.h"
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

// The ledger's journal: a base journal (renewal/base/journal.h) of kind "LEDG" whose
// first record is the header below and every other record one transaction.
inline constexpr JournalKind kLedgerJournal{{'L', 'E', 'D', 'G'}, "ledger"};
inline constexpr char kLedgerMagic[8] = {'R', 'N', 'W', 'L', 'E', 'D', 'G', '1'};
inline constexpr std::uint8_t kHeaderRecord = 0xFF;
inline constexpr std::uint32_t kLedgerFormatVersion = 1;

struct JournalHeader {
  std::uint32_t version = kLedgerFormatVersion;
  std::uint8_t fund_scope = 0;
  std::uint64_t dwellings = 0;
  std::uint64_t funds = 0;
  std::uint32_t fingerprint = 0;  // CRC-32 of the dwelling IDs and areas
};
std::uint32_t RegistryFingerprint(const Registry& registry);

// Record payloads (the framing is the base journal's).
std::string EncodeHeader(const JournalHeader& h);
void EncodeTransaction(const Transaction& tx, std::span<const std::uint32_t> accounts,
                       std::span<const std::int64_t> amounts, std::string* out);
absl::StatusOr<JournalHeader> DecodeHeader(std::string_view payload);
// Fills tx.accounts / tx.amounts too.
absl::Status DecodeTransaction(std::string_view payload, Transaction* tx);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_LEDGER_INTERNAL_H_
