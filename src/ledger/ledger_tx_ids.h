// Transaction id → position in the journal, for the uniqueness check every commit
// makes. Ids the ledger assigns itself ("T1", "T2", …, most of a national journal
// of deposits) are looked up by their number in a plain column: a replay of
// millions of them then reads that column in order instead of missing the cache
// on a hash probe per transaction. Other ids go to a hash index.
#ifndef RENEWAL_SRC_LEDGER_TX_IDS_H_
#define RENEWAL_SRC_LEDGER_TX_IDS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "renewal/base/id_index.h"

namespace renewal::internal {

class TxIds {
 public:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  // The position of `id`, or kAbsent.
  std::uint32_t Find(std::string_view id) const {
    if (const std::optional<std::uint64_t> n = Number(id)) {
      if (*n < by_number_.size() && by_number_[*n] != kAbsent) return by_number_[*n];
      if (numbered_elsewhere_ == 0) return kAbsent;
    }
    const std::uint32_t row = others_.Find(id);
    return row == UINT32_MAX ? kAbsent : other_tx_[row];
  }
  // Whether Insert(id, …) has room (the hash index holds 4 GiB of id text).
  bool Fits(std::string_view id) const { return others_.column().fits(id); }
  // Records a new id (Find(id) must be kAbsent; Fits(id) must hold).
  void Insert(std::string_view id, std::uint32_t tx) {
    if (const std::optional<std::uint64_t> n = Number(id)) {
      // Grow the column only near its end: "T4000000000" typed by hand must not
      // allocate 16 GB; such ids go to the hash index.
      if (*n < by_number_.size() + (by_number_.size() >> 1) + 1024) {
        if (*n >= by_number_.size()) by_number_.resize(*n + 1, kAbsent);
        by_number_[*n] = tx;
        return;
      }
      ++numbered_elsewhere_;
    }
    others_.Insert(id);
    other_tx_.push_back(tx);
  }
  void reserve(std::size_t ids) { by_number_.reserve(ids + 1); }

  // n for a canonical "T<n>" (no sign, no leading zero, below 2^32), else nullopt.
  static std::optional<std::uint64_t> Number(std::string_view id) {
    if (id.size() < 2 || id.size() > 11 || id[0] != 'T' || id[1] == '0') return std::nullopt;
    std::uint64_t n = 0;
    for (char c : id.substr(1)) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (n >= UINT32_MAX) return std::nullopt;
    return n;
  }

 private:
  std::vector<std::uint32_t> by_number_;  // n → position of "T<n>", kAbsent when unused
  std::size_t numbered_elsewhere_ = 0;     // "T<n>" ids kept in the hash index
  IdIndex others_;
  std::vector<std::uint32_t> other_tx_;    // hash index row → position
};

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_LEDGER_TX_IDS_H_
