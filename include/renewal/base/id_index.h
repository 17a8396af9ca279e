// Row lookup by ID in O(1) without storing the string twice: the hash set holds
// only 32-bit row numbers and hashes them through the arena (transparent lookup).
//
// Optionally, rows may store only the tail of their ID: a stored text starting
// with kPrefixMark means "the ID is <prefix pieces of this row> + <rest>", where
// a callback names the pieces (for dwellings: "<building id>-<entrance id>-").
// Hierarchical IDs like "E0001-B02-1-301" then cost 4 bytes instead of 15.
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

inline constexpr char kPrefixMark = '\x01';

// Up to four pieces that, followed by the stored tail, spell an ID.
struct IdPrefix {
  std::array<std::string_view, 4> piece;
  int count = 0;
};
using PrefixFn = IdPrefix (*)(const void* context, std::uint32_t row);

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

  // Enables stored tails; `context` is handed back to `fn`. Rebind after the
  // context object moves.
  void SetPrefix(PrefixFn fn, const void* context) {
    source_->prefix = fn;
    source_->context = context;
  }

  const StringColumn& column() const { return source_->column; }
  std::size_t size() const { return source_->column.size(); }

  // The full ID of `row`.
  std::string operator[](std::uint32_t row) const {
    std::string out;
    Append(row, &out);
    return out;
  }
  void Append(std::uint32_t row, std::string* out) const {
    source_->ForEachPiece(row, [out](std::string_view piece) {
      out->append(piece);
      return true;
    });
  }

  // Appends `stored` (the ID, or kPrefixMark + its tail) as the next row. Returns
  // {row, true}, or {existing row, false} when `id` is present, or {UINT32_MAX, false}
  // when the arena is full. One probe finds or places the row (a separate find and
  // insert cost a second walk of the table, a cache miss at national scale). The new
  // row's prefix must be resolvable before the table next hashes it (its next
  // growth or lookup), not during this call.
  std::pair<std::uint32_t, bool> Insert(std::string_view id, std::string_view stored) {
    const auto row = static_cast<std::uint32_t>(source_->column.size());
    if (!source_->column.fits(stored)) return {Find(id), false};  // UINT32_MAX if absent
    bool inserted = false;
    auto it = rows_.lazy_emplace(id, [&](const auto& construct) {
      source_->column.push_back(stored);  // fits: checked above
      construct(row);
      inserted = true;
    });
    return {*it, inserted};
  }
  std::pair<std::uint32_t, bool> Insert(std::string_view id) { return Insert(id, id); }

  // Replaces the index with `column`'s rows (stored forms as for Insert; the prefix
  // function must already resolve every row). Returns UINT32_MAX, or the first row
  // whose ID spells the same as an earlier row's (the index is then unusable). For
  // bulk loads (the snapshot): one probe per row, no string built.
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
    PrefixFn prefix = nullptr;
    const void* context = nullptr;

    // Calls f(piece) for the pieces that spell row's ID, in order, while f returns true.
    template <class F>
    void ForEachPiece(std::uint32_t row, F f) const {
      std::string_view stored = column[row];
      // A stored ID is marked only when the row was added with a prefix function;
      // an ID that itself begins with the mark byte is then just bytes.
      if (prefix != nullptr && !stored.empty() && stored.front() == kPrefixMark) {
        const IdPrefix p = prefix(context, row);
        for (int i = 0; i < p.count; ++i) {
          if (!f(p.piece[static_cast<std::size_t>(i)])) return;
        }
        stored.remove_prefix(1);
      }
      f(stored);
    }
  };
  // A row looked up by what it spells (Adopt), where a plain row number compares by
  // identity; its hash computed beforehand.
  struct SpelledRow {
    std::uint32_t row;
    std::size_t hash;
  };
  struct Hash {
    using is_transparent = void;
    const Source* source;
    std::size_t operator()(SpelledRow r) const { return r.hash; }
    std::size_t operator()(std::uint32_t row) const {
      PieceHasher h;
      source->ForEachPiece(row, [&h](std::string_view piece) {
        h.Add(piece);
        return true;
      });
      return h.Finish();
    }
    std::size_t operator()(std::string_view s) const {
      PieceHasher h;
      h.Add(s);
      return h.Finish();
    }
  };
  struct Eq {
    using is_transparent = void;
    const Source* source;
    // Does row spell exactly `s`?
    bool Matches(std::uint32_t row, std::string_view s) const {
      bool match = true;
      // Walks the pieces, consuming `s`; the last piece (the tail) must end it.
      source->ForEachPiece(row, [&](std::string_view piece) {
        match = s.substr(0, piece.size()) == piece;
        s.remove_prefix(std::min(s.size(), piece.size()));
        return match;
      });
      return match && s.empty();
    }
    // Rows are only inserted after a failed lookup, so no two rows spell the same
    // ID and row identity is ID equality.
    bool operator()(std::uint32_t a, std::uint32_t b) const { return a == b; }
    bool operator()(std::uint32_t a, SpelledRow b) const {
      std::string spelled;
      source->ForEachPiece(b.row, [&spelled](std::string_view piece) {
        spelled.append(piece);
        return true;
      });
      return Matches(a, spelled);
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
