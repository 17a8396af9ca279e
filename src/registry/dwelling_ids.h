// Private to the registry area: the dwelling IDs, stored per row and found without
// a per-dwelling hash table (docs/registry-format.md "Dwelling IDs").
//
// Storage rule: a dwelling's ID is stored compressed, as kRoomMark + <room>, exactly
// when, split from the right at '-', it reads "<building id>-<entrance id>-<room>" with
// its own building's and entrance's IDs and a non-empty room. Split from the right, the
// entrance ID and the room contain no '-' (the building ID may), so the split, and
// with it the ID of every compressed row, is unambiguous. Every other ID is stored
// whole.
//
// Lookup: an ID is split the same way; its building is found through the building
// index, the entrance among that building's entrances, the room among that entrance's
// dwellings (a short scan of contiguous rows). Rows this cannot find (IDs stored
// whole, and every row of an entrance with more than kScanLimit dwellings, so that no
// scan is long) are in a hash set of row numbers, usually empty.
#ifndef RENEWAL_SRC_REGISTRY_DWELLING_IDS_H_
#define RENEWAL_SRC_REGISTRY_DWELLING_IDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "renewal/base/id_index.h"
#include "renewal/base/string_column.h"
#include "renewal/registry/registry.h"

namespace renewal {

class DwellingIds {
 public:
  // Entrances with more dwellings than this have their rows in the hash set.
  static constexpr Index kScanLimit = 256;
  // The first byte of a compressed stored ID (IDs never hold control characters).
  static constexpr char kRoomMark = '\x01';

  struct Parts {
    std::string_view building, entrance, room;
  };
  // `id` split from the right at its last two '-', or nullopt when it has fewer, or
  // a part would be empty.
  static std::optional<Parts> Split(std::string_view id);

  DwellingIds();
  DwellingIds(DwellingIds&&) noexcept;
  DwellingIds& operator=(DwellingIds&&) noexcept;
  ~DwellingIds();

  // The registry whose columns spell and navigate (rebind after it moves).
  void Bind(const Registry* r) { tree_->registry = r; }

  const StringColumn& column() const { return tree_->stored; }
  StringColumn& mutable_column() { return tree_->stored; }
  std::size_t listed_count() const { return listed_.size(); }

  // Appends row's ID to *out.
  void Append(Index row, std::string* out) const;
  std::optional<Index> Find(std::string_view id) const;
  // The row found through building, entrance and room only (hash set not consulted).
  std::optional<Index> FindCompressed(std::string_view id) const;
  // Does the ID of a dwelling in `entrance` compress, and to which room?
  std::optional<std::string_view> RoomIfCompressible(std::string_view id, Index entrance) const;

  // Adds `row` (already in the column and the registry's columns) to the hash set.
  // False when a listed row already spells the same ID.
  bool List(Index row);
  // The listed row that spells `id`, if any.
  std::optional<Index> FindListed(std::string_view id) const;
  void ReserveListed(std::size_t n) { listed_.reserve(n); }

  std::size_t bytes() const;
  void shrink_to_fit();

 private:
  struct Tree {
    const Registry* registry = nullptr;
    StringColumn stored;
    template <class F>
    void ForEachPiece(Index row, F f) const;
  };
  struct Hash {
    using is_transparent = void;
    const Tree* tree;
    std::size_t operator()(Index row) const;
    std::size_t operator()(std::string_view s) const;
  };
  struct Eq {
    using is_transparent = void;
    const Tree* tree;
    bool Spells(Index row, std::string_view s) const;
    bool operator()(Index a, Index b) const;
    bool operator()(Index a, std::string_view b) const { return Spells(a, b); }
    bool operator()(std::string_view a, Index b) const { return Spells(b, a); }
  };

  std::unique_ptr<Tree> tree_;
  absl::flat_hash_set<Index, Hash, Eq> listed_;
};

}  // namespace renewal

#endif  // RENEWAL_SRC_REGISTRY_DWELLING_IDS_H_
