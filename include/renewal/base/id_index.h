// Row lookup by ID in O(1) without storing the string twice: the hash set holds
// only 32-bit row numbers and hashes them through the arena (transparent lookup).
// (Dwelling IDs, stored as a room under their entrance, are found through the
// registry's tree instead: src/registry/dwelling_ids.h. PieceHasher hashes them.)
#ifndef RENEWAL_SRC_ID_INDEX_H_
#define RENEWAL_SRC_ID_INDEX_H_

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "renewal/base/string_column.h"

namespace renewal::internal {

// A hash of the bytes of several pieces, eight bytes at a time (byte-wise FNV-1a cost
// a fifth of a registry load), then a murmur3 finaliser so that both the low bits
// (Abseil's H2) and the high bits (H1) are well mixed. Words are assembled across
// piece boundaries, so an ID hashes the same whole or in pieces.
class PieceHasher {
 public:
  void Add(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    length_ += n;
    while (fill_ != 0 && n > 0) {  // complete a word begun by the previous piece
      word_ |= std::uint64_t{static_cast<unsigned char>(*p++)} << (8 * fill_);
      --n;
      if (++fill_ == 8) Flush();
    }
    for (; n >= 8; p += 8, n -= 8) Mix(Load(p));
    for (; n > 0; --n) word_ |= std::uint64_t{static_cast<unsigned char>(*p++)} << (8 * fill_++);
  }
  std::size_t Finish() const {
    std::uint64_t h = h_;
    h = (h ^ word_ ^ (length_ << 56)) * kMultiplier;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return static_cast<std::size_t>(h);
  }

 private:
  static constexpr std::uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;
  // Byte i of the word in bits 8i..8i+7, as the piece-by-piece path assembles it.
  static std::uint64_t Load(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
    return w;
  }
  void Mix(std::uint64_t w) { h_ = std::rotl((h_ ^ w) * kMultiplier, 29); }
  void Flush() {
    Mix(word_);
    word_ = 0;
    fill_ = 0;
  }
  std::uint64_t h_ = 0xCBF29CE484222325ULL;
  std::uint64_t word_ = 0;  // bytes of an unfinished word
  unsigned fill_ = 0;       // how many
  std::uint64_t length_ = 0;
};

class IdIndex {
 public:
  IdIndex() : source_(std::make_unique<Source>()), rows_(0, Hash{source_.get()}, Eq{source_.get()}) {}
  IdIndex(IdIndex&&) noexcept = default;
  IdIndex& operator=(IdIndex&&) noexcept = default;

  const StringColumn& column() const { return source_->column; }
  std::size_t size() const { return source_->column.size(); }

  // The ID of `row`.
  std::string operator[](std::uint32_t row) const { return std::string(source_->column[row]); }

  // Appends `id` as the next row. Returns {row, true}, or {existing row, false} when
  // `id` is present, or {UINT32_MAX, false} when the arena is full. One probe finds
  // or places the row (a separate find and insert cost a second walk of the table, a
  // cache miss at national scale).
  std::pair<std::uint32_t, bool> Insert(std::string_view id) {
    const auto row = static_cast<std::uint32_t>(source_->column.size());
    if (!source_->column.fits(id)) return {Find(id), false};  // UINT32_MAX if absent
    bool inserted = false;
    auto it = rows_.lazy_emplace(id, [&](const auto& construct) {
      source_->column.push_back(id);  // fits: checked above
      construct(row);
      inserted = true;
    });
    return {*it, inserted};
  }

  // Replaces the index with `column`'s rows. Returns UINT32_MAX, or the first row
  // whose ID is the same as an earlier row's (the index is then unusable).
  std::uint32_t Adopt(StringColumn column) {
    AdoptColumn(std::move(column));
    return IndexRows();
  }
  // Replaces the rows with `column`'s, leaving the index empty until IndexRows (for a
  // caller that checked the IDs unique otherwise and indexes on first lookup).
  void AdoptColumn(StringColumn column) {
    source_->column = std::move(column);
    rows_.clear();
  }
  // Indexes every row of the column; returns as Adopt does.
  std::uint32_t IndexRows() {
    rows_.clear();
    const auto n = static_cast<std::uint32_t>(source_->column.size());
    rows_.reserve(n);  // no growth below, so prefetched slots stay where they are
    // Each row's hash is computed kAhead rows early and its slot prefetched: at
    // national scale nearly every probe is a cache miss, and this overlaps them.
    constexpr std::uint32_t kAhead = 16;
    std::array<std::size_t, kAhead> hash{};
    const Hash hasher{source_.get()};
    for (std::uint32_t row = 0; row < std::min(n, kAhead); ++row) {
      hash[row % kAhead] = hasher(row);
      rows_.prefetch(SpelledRow{row, hash[row % kAhead]});
    }
    for (std::uint32_t row = 0; row < n; ++row) {
      const SpelledRow key{row, hash[row % kAhead]};
      bool inserted = false;
      rows_.lazy_emplace(key, [&](const auto& construct) {
        construct(row);
        inserted = true;
      });
      if (!inserted) return row;
      if (row + kAhead < n) {
        const std::uint32_t ahead = row + kAhead;
        hash[ahead % kAhead] = hasher(ahead);
        rows_.prefetch(SpelledRow{ahead, hash[ahead % kAhead]});
      }
    }
    return UINT32_MAX;
  }

  // Returns UINT32_MAX when absent.
  std::uint32_t Find(std::string_view id) const {
    auto it = rows_.find(id);
    return it == rows_.end() ? UINT32_MAX : *it;
  }
  void reserve(std::size_t rows) { rows_.reserve(rows); }
  void shrink_to_fit() {
    source_->column.shrink_to_fit();
    // rehash(0) rebuilds the table (re-hashing every ID) even when it cannot get
    // smaller. Capacities double and the maximum load is 7/8, so it can only shrink
    // when less than 7/16 full; a table reserved to its size (38 M rows: 20 s) is not.
    if (rows_.size() * 16 < rows_.bucket_count() * 7) rows_.rehash(0);
  }
  std::size_t bytes() const {
    return source_->column.bytes() + rows_.capacity() * (sizeof(std::uint32_t) + 1);
  }

 private:
  struct Source {
    StringColumn column;
  };
  // A row looked up by its ID (Adopt), where a plain row number compares by
  // identity; its hash computed beforehand.
  struct SpelledRow {
    std::uint32_t row;
    std::size_t hash;
  };
  struct Hash {
    using is_transparent = void;
    const Source* source;
    std::size_t operator()(SpelledRow r) const { return r.hash; }
    std::size_t operator()(std::uint32_t row) const { return (*this)(source->column[row]); }
    std::size_t operator()(std::string_view s) const {
      PieceHasher h;
      h.Add(s);
      return h.Finish();
    }
  };
  struct Eq {
    using is_transparent = void;
    const Source* source;
    bool Matches(std::uint32_t row, std::string_view s) const { return source->column[row] == s; }
    // Rows are only inserted after a failed lookup, so no two rows spell the same
    // ID and row identity is ID equality.
    bool operator()(std::uint32_t a, std::uint32_t b) const { return a == b; }
    bool operator()(std::uint32_t a, SpelledRow b) const {
      return Matches(a, source->column[b.row]);
    }
    bool operator()(SpelledRow a, std::uint32_t b) const { return (*this)(b, a); }
    bool operator()(SpelledRow a, SpelledRow b) const { return a.row == b.row; }
    bool operator()(std::uint32_t a, std::string_view b) const { return Matches(a, b); }
    bool operator()(std::string_view a, std::uint32_t b) const { return Matches(b, a); }
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
  };

  std::unique_ptr<Source> source_;
  absl::flat_hash_set<std::uint32_t, Hash, Eq> rows_;
};

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_ID_INDEX_H_
