#include "renewal/registry/registry.h"

#include <algorithm>
#include <ctime>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "absl/strings/str_format.h"
#include "renewal/base/id_index.h"
#include "registry_indexes.h"
#include "registry_persons.h"

namespace renewal {

std::string Area::ToString() const {
  const std::int64_t mag = centi_ < 0 ? -centi_ : centi_;
  return absl::StrFormat("%s%d.%02d", centi_ < 0 ? "-" : "", mag / 100, mag % 100);
}

int CurrentYear() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return local.tm_year + 1900;
}

Registry::Registry() : indexes_(std::make_unique<Indexes>()) { BindIndexes(); }
Registry::~Registry() = default;
Registry::Registry(Registry&& o) noexcept { *this = std::move(o); }
Registry& Registry::operator=(Registry&& o) noexcept {
  // Every member, then rebind: the dwelling ID index reads this object's columns.
  districts_ = std::move(o.districts_);
  streets_ = std::move(o.streets_);
  estates_ = std::move(o.estates_);
  buildings_ = std::move(o.buildings_);
  entrance_building_ = std::move(o.entrance_building_);
  entrance_first_dwelling_ = std::move(o.entrance_first_dwelling_);
  entrance_id_ = std::move(o.entrance_id_);
  dwellings_ = std::move(o.dwellings_);
  owner_name_ = std::move(o.owner_name_);
  owner_kind_ = std::move(o.owner_kind_);
  person_count_ = o.person_count_;
  coordinate_system_ = o.coordinate_system_;
  estate_first_dwelling_ = std::move(o.estate_first_dwelling_);
  estate_first_person_ = std::move(o.estate_first_person_);
  indexes_ = std::move(o.indexes_);
  BindIndexes();
  return *this;
}

void Registry::BindIndexes() {
  if (indexes_) indexes_->dwelling.Bind(this);
}

void Registry::AppendDwellingId(Index i, std::string* out) const {
  indexes_->dwelling.Append(i, out);
}

void Registry::ForEachDwellingId(absl::FunctionRef<void(Index, std::string_view)> fn) const {
  const StringColumn& stored = indexes_->dwelling.column();
  std::string id;
  for (Index e = 0; e < entrance_building_.size(); ++e) {
    // The ID prefix "<building id>-<entrance id>-", once per entrance (its dwellings are contiguous).
    id.assign(buildings_[entrance_building_[e]].id);
    id += '-';
    id += entrance_id_[e];
    id += '-';
    const std::size_t prefix = id.size();
    for (Index d = entrance_first_dwelling_[e]; d < entrance_first_dwelling_[e + 1]; ++d) {
      const std::string_view s = stored[d];
      if (!s.empty() && s.front() == DwellingIds::kRoomMark) {
        id.resize(prefix);
        id.append(s.substr(1));
        fn(d, id);
      } else {
        fn(d, s);
      }
    }
  }
}

EntranceView Registry::entrance(Index i) const {
  return EntranceView{i, entrance_building_[i], entrance_id_[i], entrance_first_dwelling_[i],
                      entrance_first_dwelling_[i + 1] - entrance_first_dwelling_[i]};
}

DwellingView Registry::dwelling(Index i) const {
  const DwellingColumns& d = dwellings_;
  std::string id;
  indexes_->dwelling.Append(i, &id);
  return DwellingView{i,
                      std::move(id),
                      d.entrance[i],
                      Area::Centi(d.area_centi[i]),
                      d.area_source[i],
                      d.property_type[i],
                      d.sale_state[i],
                      d.floor[i]};
}

OwnerView Registry::owner(Index i) const {
  return OwnerView{i, indexes_->owner.column()[i], owner_name_[i], owner_kind_[i]};
}

std::vector<Index> Registry::OwnersOf(Index dwelling) const {
  std::vector<Index> out;
  if (dwellings_.owner[dwelling] == kNoIndex) return out;
  out.push_back(dwellings_.owner[dwelling]);
  const auto& co = dwellings_.co_owners;
  auto it = std::lower_bound(co.begin(), co.end(), std::pair<Index, Index>{dwelling, 0});
  for (; it != co.end() && it->first == dwelling; ++it) out.push_back(it->second);
  return out;
}

Index Registry::BuildingOfDwelling(Index dwelling) const {
  return entrance_building_[dwellings_.entrance[dwelling]];
}

Index Registry::EstateOfDwelling(Index dwelling) const {
  return buildings_[BuildingOfDwelling(dwelling)].estate;
}

std::pair<Index, Index> Registry::DwellingRangeOfBuilding(Index building) const {
  const Building& b = buildings_[building];
  const Index first = entrance_first_dwelling_[b.first_entrance];
  const Index end = entrance_first_dwelling_[b.first_entrance + b.entrance_count];
  return {first, end - first};
}

std::pair<Index, Index> Registry::PersonRangeOfEstate(Index estate) const {
  const Index first = estate_first_person_[estate];
  return {first, estate_first_person_[estate + 1] - first};
}

std::pair<Index, Index> Registry::DwellingRangeOfEstate(Index estate) const {
  const Index first = estate_first_dwelling_[estate];
  return {first, estate_first_dwelling_[estate + 1] - first};
}

namespace {
std::optional<Index> Lookup(const absl::flat_hash_map<std::string, Index>& map,
                            std::string_view id) {
  auto it = map.find(ToAbsl(id));
  if (it == map.end()) return std::nullopt;
  return it->second;
}
std::optional<Index> Lookup(const internal::IdIndex& index, std::string_view id) {
  const Index row = index.Find(id);
  if (row == UINT32_MAX) return std::nullopt;
  return row;
}
}  // namespace

std::optional<Index> Registry::FindDistrict(std::string_view id) const {
  return Lookup(indexes_->district, id);
}
std::optional<Index> Registry::FindStreet(std::string_view id) const {
  return Lookup(indexes_->street, id);
}
std::optional<Index> Registry::FindEstate(std::string_view id) const {
  return Lookup(indexes_->estate, id);
}
std::optional<Index> Registry::FindBuilding(std::string_view id) const {
  return Lookup(indexes_->building, id);
}
std::optional<Index> Registry::FindDwelling(std::string_view id) const {
  return indexes_->dwelling.Find(id);
}
std::optional<Index> Registry::FindOwner(std::string_view id) const {
  Indexes& x = *indexes_;
  if (x.owner_unindexed) {
    // The IDs were checked unique when loaded, so the returned duplicate row is none.
    std::call_once(x.owner_once, [&x] { x.owner.IndexRows(); });
  }
  return Lookup(x.owner, id);
}

std::optional<Index> Registry::FindEntrance(Index building, std::string_view id) const {
  const Building& b = buildings_[building];
  for (Index e = b.first_entrance; e < b.first_entrance + b.entrance_count; ++e) {
    if (entrance_id_[e] == id) return e;
  }
  return std::nullopt;
}

std::size_t Registry::DwellingBytes() const {
  const DwellingColumns& d = dwellings_;
  return indexes_->dwelling.bytes() + d.entrance.capacity() * sizeof(Index) +
         d.area_centi.capacity() * sizeof(std::uint32_t) + d.area_source.capacity() +
         d.property_type.capacity() + d.sale_state.capacity() + d.floor.capacity() +
         d.owner.capacity() * sizeof(Index) + d.person.capacity() * sizeof(Index) +
         d.co_owners.capacity() * sizeof(std::pair<Index, Index>);
}

std::size_t Registry::TotalBytes() const {
  std::size_t total = DwellingBytes() + indexes_->owner.bytes() + owner_name_.bytes() +
                      owner_kind_.capacity() + entrance_id_.bytes() +
                      entrance_building_.capacity() * sizeof(Index) +
                      entrance_first_dwelling_.capacity() * sizeof(Index) +
                      (estate_first_dwelling_.capacity() + estate_first_person_.capacity()) *
                          sizeof(Index);
  for (const Estate& e : estates_) total += sizeof(Estate) + e.id.capacity() + e.name.capacity();
  for (const Building& b : buildings_) {
    total += sizeof(Building) + b.id.capacity() + b.name.capacity();
  }
  const auto map_bytes = [](const auto& m) {
    return m.capacity() * (sizeof(std::pair<std::string, Index>) + 1);
  };
  total += map_bytes(indexes_->estate) + map_bytes(indexes_->building) +
           map_bytes(indexes_->district) + map_bytes(indexes_->street);
  return total;
}

bool Registry::operator==(const Registry& o) const {
  if (!(districts_ == o.districts_ && streets_ == o.streets_ && estates_ == o.estates_ &&
        buildings_ == o.buildings_ && entrance_building_ == o.entrance_building_ &&
        entrance_first_dwelling_ == o.entrance_first_dwelling_ &&
        entrance_id_ == o.entrance_id_ && dwellings_ == o.dwellings_ &&
        owner_name_ == o.owner_name_ && owner_kind_ == o.owner_kind_ &&
        coordinate_system_ == o.coordinate_system_)) {
    return false;
  }
  return indexes_->dwelling.column() == o.indexes_->dwelling.column() &&
         indexes_->owner.column() == o.indexes_->owner.column();
}

}  // namespace renewal
