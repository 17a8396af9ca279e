#include "dwelling_ids.h"

#include <utility>


namespace renewal {

std::optional<DwellingIds::Parts> DwellingIds::Split(std::string_view id) {
  const std::size_t last = id.rfind('-');
  if (last == std::string_view::npos || last == 0 || last + 1 == id.size()) return std::nullopt;
  const std::size_t mid = id.rfind('-', last - 1);
  if (mid == std::string_view::npos || mid == 0 || mid + 1 == last) return std::nullopt;
  return Parts{id.substr(0, mid), id.substr(mid + 1, last - mid - 1), id.substr(last + 1)};
}

DwellingIds::DwellingIds()
    : tree_(std::make_unique<Tree>()), listed_(0, Hash{tree_.get()}, Eq{tree_.get()}) {}
DwellingIds::DwellingIds(DwellingIds&&) noexcept = default;
DwellingIds& DwellingIds::operator=(DwellingIds&&) noexcept = default;
DwellingIds::~DwellingIds() = default;

template <class F>
void DwellingIds::Tree::ForEachPiece(Index row, F f) const {
  std::string_view s = stored[row];
  if (!s.empty() && s.front() == DwellingIds::kRoomMark) {
    const Registry& r = *registry;
    const EntranceView e = r.entrance(r.dwellings().entrance[row]);
    f(std::string_view(r.building(e.building).id));
    f(std::string_view("-"));
    f(e.id);
    f(std::string_view("-"));
    s.remove_prefix(1);
  }
  f(s);
}

void DwellingIds::Append(Index row, std::string* out) const {
  tree_->ForEachPiece(row, [out](std::string_view piece) { out->append(piece); });
}

std::optional<std::string_view> DwellingIds::RoomIfCompressible(std::string_view id,
                                                                Index entrance) const {
  const std::optional<Parts> p = Split(id);
  if (!p) return std::nullopt;
  const Registry& r = *tree_->registry;
  const EntranceView e = r.entrance(entrance);
  if (p->entrance != e.id || p->building != r.building(e.building).id) return std::nullopt;
  return p->room;
}

std::optional<Index> DwellingIds::FindCompressed(std::string_view id) const {
  const std::optional<Parts> p = Split(id);
  if (!p) return std::nullopt;
  const Registry& r = *tree_->registry;
  const std::optional<Index> b = r.FindBuilding(p->building);
  if (!b) return std::nullopt;
  const std::optional<Index> e = r.FindEntrance(*b, p->entrance);
  if (!e) return std::nullopt;
  const EntranceView view = r.entrance(*e);
  if (view.dwelling_count > kScanLimit) return std::nullopt;  // its rows are listed
  const Index first = view.first_dwelling;
  const Index end = first + view.dwelling_count;
  const StringColumn& stored = tree_->stored;
  const std::size_t size = p->room.size() + 1;
  for (Index d = first; d < end; ++d) {
    const std::string_view s = stored[d];
    if (s.size() == size && s.front() == DwellingIds::kRoomMark && s.substr(1) == p->room) {
      return d;
    }
  }
  return std::nullopt;
}

std::optional<Index> DwellingIds::FindListed(std::string_view id) const {
  if (listed_.empty()) return std::nullopt;
  const auto it = listed_.find(id);
  if (it == listed_.end()) return std::nullopt;
  return *it;
}

std::optional<Index> DwellingIds::Find(std::string_view id) const {
  if (std::optional<Index> d = FindCompressed(id)) return d;
  return FindListed(id);
}

bool DwellingIds::List(Index row) { return listed_.insert(row).second; }

std::size_t DwellingIds::bytes() const {
  return tree_->stored.bytes() + listed_.capacity() * (sizeof(Index) + 1);
}

void DwellingIds::shrink_to_fit() {
  tree_->stored.shrink_to_fit();
  if (listed_.size() * 16 < listed_.bucket_count() * 7) listed_.rehash(0);
}

std::size_t DwellingIds::Hash::operator()(Index row) const {
  internal::PieceHasher h;
  tree->ForEachPiece(row, [&h](std::string_view piece) { h.Add(piece); });
  return h.Finish();
}

std::size_t DwellingIds::Hash::operator()(std::string_view s) const {
  internal::PieceHasher h;
  h.Add(s);
  return h.Finish();
}

bool DwellingIds::Eq::Spells(Index row, std::string_view s) const {
  bool match = true;
  tree->ForEachPiece(row, [&](std::string_view piece) {
    if (!match) return;
    match = s.substr(0, piece.size()) == piece;
    s.remove_prefix(std::min(s.size(), piece.size()));
  });
  return match && s.empty();
}

// Listed rows are distinct IDs: a row equals another when it spells the same (how
// List finds a duplicate).
bool DwellingIds::Eq::operator()(Index a, Index b) const {
  if (a == b) return true;
  std::string spelled;
  tree->ForEachPiece(b, [&spelled](std::string_view piece) { spelled.append(piece); });
  return Spells(a, spelled);
}

}  // namespace renewal
