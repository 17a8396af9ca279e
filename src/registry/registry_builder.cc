// RegistryBuilder: the registry assembled record by record (districts, streets,
// owners, then each estate with its buildings, entrances and dwellings), every
// field checked on the way in, and the indexes and persons built at Finish.
#include "renewal/registry/registry.h"

#include <algorithm>
#include <ctime>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "renewal/base/ids.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/status_path.h"
#include "renewal/base/strcat.h"
#include "absl/strings/str_format.h"
#include "renewal/base/id_index.h"
#include "registry_indexes.h"
#include "registry_persons.h"

namespace renewal {

// ---------------------------------------------------------------------------
// RegistryBuilder

struct RegistryBuilder::State {
  int current_year;
  Registry r;
  std::vector<bool> owner_defined;
  std::vector<Index> owner_first_reference;  // first dwelling naming the owner
  std::vector<std::pair<Index, std::string>> late_names;  // owners defined after use
  std::string scratch;
  // The owner row the previous dwelling named: files list a dwelling's owners near
  // the previous dwelling's (the same owner, or the next one defined), so checking
  // those rows first skips most probes of the owner index (a cache miss each at
  // national scale). A hit compares the ID itself, so the answer is exact.
  Index last_owner = kNoIndex;
  bool in_estate = false;
  Index estate_dwellings = 0;
};

RegistryBuilder::RegistryBuilder(int current_year) : s_(std::make_unique<State>()) {
  s_->current_year = current_year;
  s_->r.entrance_first_dwelling_.push_back(0);
}
RegistryBuilder::~RegistryBuilder() = default;

namespace {

absl::Status Duplicate(std::string_view what, std::string_view id) {
  return absl::AlreadyExistsError(StrCat("id: duplicate ", what, " id \"", id, "\""));
}

absl::Status CheckYear(std::string_view field, const std::optional<int>& year, int current_year,
                       bool allow_never) {
  if (!year) return absl::OkStatus();
  if (allow_never && *year == kNever) return absl::OkStatus();
  if (*year < kEarliestBuildYear || *year > current_year) {
    return absl::InvalidArgumentError(StrCat(field, ": must be between ", kEarliestBuildYear,
                                                   " and ", current_year, ", got ", *year));
  }
  return absl::OkStatus();
}

absl::Status CheckFloors(std::string_view field, const std::optional<int>& floors) {
  if (floors && (*floors < 1 || *floors > 120)) {
    return absl::InvalidArgumentError(
        StrCat(field, ": must be between 1 and 120, got ", *floors));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status RegistryBuilder::AddDistrict(District d) {
  RENEWAL_RETURN_IF_ERROR(CheckId(d.id));
  auto [it, inserted] = s_->r.indexes_->district.try_emplace(
      d.id, static_cast<Index>(s_->r.districts_.size()));
  if (!inserted) return Duplicate("district", d.id);
  s_->r.districts_.push_back(std::move(d));
  return absl::OkStatus();
}

absl::Status RegistryBuilder::AddStreet(std::string id, std::string name,
                                        std::string_view district_id) {
  RENEWAL_RETURN_IF_ERROR(CheckId(id));
  const std::optional<Index> district = s_->r.FindDistrict(district_id);
  if (!district) {
    return absl::NotFoundError(
        StrCat("district: no district with id \"", district_id, "\""));
  }
  auto [it, inserted] =
      s_->r.indexes_->street.try_emplace(id, static_cast<Index>(s_->r.streets_.size()));
  if (!inserted) return Duplicate("street", id);
  s_->r.streets_.push_back(Street{std::move(id), std::move(name), *district});
  return absl::OkStatus();
}

absl::Status RegistryBuilder::AddOwner(std::string_view id, std::string_view name,
                                       OwnerKind kind) {
  RENEWAL_RETURN_IF_ERROR(CheckId(id));
  Registry& r = s_->r;
  auto [row, inserted] = r.indexes_->owner.Insert(id);
  if (row == UINT32_MAX) return absl::ResourceExhaustedError("owner: ids exceed 4 GiB");
  if (inserted) {
    s_->owner_defined.push_back(true);
    s_->owner_first_reference.push_back(kNoIndex);
    r.owner_kind_.push_back(kind);
    if (!r.owner_name_.push_back(name)) {
      return absl::ResourceExhaustedError("owner: names exceed 4 GiB");
    }
    return absl::OkStatus();
  }
  if (s_->owner_defined[row]) return Duplicate("owner", id);
  // A dwelling named this owner before its definition: its name slot is an empty
  // placeholder, filled in Finish.
  s_->owner_defined[row] = true;
  r.owner_kind_[row] = kind;
  s_->late_names.emplace_back(row, std::string(name));
  return absl::OkStatus();
}

void RegistryBuilder::SetCoordinateSystem(CoordinateSystem crs) {
  s_->r.coordinate_system_ = crs;
}

absl::Status RegistryBuilder::BeginEstate(Estate estate, std::string_view district_id,
                                          std::string_view street_id) {
  if (s_->in_estate) return absl::FailedPreconditionError("BeginEstate: previous estate not ended");
  RENEWAL_RETURN_IF_ERROR(CheckId(estate.id));
  Registry& r = s_->r;
  const std::optional<Index> district = r.FindDistrict(district_id);
  if (!district) {
    return absl::NotFoundError(
        StrCat("district: no district with id \"", district_id, "\""));
  }
  estate.district = *district;
  estate.street = kNoIndex;
  if (!street_id.empty()) {
    const std::optional<Index> street = r.FindStreet(street_id);
    if (!street) {
      return absl::NotFoundError(StrCat("street: no street with id \"", street_id, "\""));
    }
    if (r.streets_[*street].district != *district) {
      return absl::InvalidArgumentError(
          StrCat("street: street \"", street_id, "\" belongs to district \"",
                       r.districts_[r.streets_[*street].district].id, "\", not \"",
                       district_id, "\""));
    }
    estate.street = *street;
  }
  const EstateFacts& f = estate.facts;
  RENEWAL_RETURN_IF_ERROR(CheckYear("build_year", f.build_year, s_->current_year, false));
  RENEWAL_RETURN_IF_ERROR(
      CheckYear("last_renovation_year", f.last_renovation_year, s_->current_year, true));
  if (f.demolition_plan_year && *f.demolition_plan_year != kNever &&
      (*f.demolition_plan_year < kEarliestBuildYear || *f.demolition_plan_year > 2200)) {
    return absl::InvalidArgumentError(StrCat(
        "demolition_plan_year: must be between 1900 and 2200, got ", *f.demolition_plan_year));
  }
  RENEWAL_RETURN_IF_ERROR(CheckFloors("floors", f.floors));
  if (f.willingness_pct && !(*f.willingness_pct >= 0 && *f.willingness_pct <= 100)) {
    return absl::InvalidArgumentError(
        StrCat("willingness_pct: must be between 0 and 100, got ", *f.willingness_pct));
  }
  if (f.location && !(f.location->lon >= -180 && f.location->lon <= 180 &&
                      f.location->lat >= -90 && f.location->lat <= 90)) {
    return absl::InvalidArgumentError(StrCat("location: lon/lat out of range, got [",
                                                   f.location->lon, ", ", f.location->lat, "]"));
  }
  auto [it, inserted] =
      r.indexes_->estate.try_emplace(estate.id, static_cast<Index>(r.estates_.size()));
  if (!inserted) return Duplicate("estate", estate.id);
  estate.first_building = static_cast<Index>(r.buildings_.size());
  estate.building_count = 0;
  r.estates_.push_back(std::move(estate));
  s_->in_estate = true;
  s_->estate_dwellings = 0;
  return absl::OkStatus();
}

absl::Status RegistryBuilder::AddBuilding(Building building) {
  if (!s_->in_estate) return absl::FailedPreconditionError("AddBuilding: no open estate");
  RENEWAL_RETURN_IF_ERROR(CheckId(building.id));
  RENEWAL_RETURN_IF_ERROR(CheckFloors("floors", building.floors));
  RENEWAL_RETURN_IF_ERROR(CheckYear("build_year", building.build_year, s_->current_year, false));
  Registry& r = s_->r;
  auto [it, inserted] =
      r.indexes_->building.try_emplace(building.id, static_cast<Index>(r.buildings_.size()));
  if (!inserted) return Duplicate("building", building.id);
  building.estate = static_cast<Index>(r.estates_.size() - 1);
  building.first_entrance = static_cast<Index>(r.entrance_building_.size());
  building.entrance_count = 0;
  r.buildings_.push_back(std::move(building));
  ++r.estates_.back().building_count;
  return absl::OkStatus();
}

absl::Status RegistryBuilder::AddEntrance(std::string_view id) {
  Registry& r = s_->r;
  if (!s_->in_estate || r.estates_.back().building_count == 0) {
    return absl::FailedPreconditionError("AddEntrance: no open building");
  }
  RENEWAL_RETURN_IF_ERROR(CheckId(id));
  const Index building = static_cast<Index>(r.buildings_.size() - 1);
  if (r.FindEntrance(building, id)) return Duplicate("entrance", id);
  r.entrance_building_.push_back(building);
  r.entrance_first_dwelling_.push_back(r.entrance_first_dwelling_.back());
  if (!r.entrance_id_.push_back(id)) {
    return absl::ResourceExhaustedError("entrance: ids exceed 4 GiB");
  }
  ++r.buildings_.back().entrance_count;
  return absl::OkStatus();
}

absl::Status RegistryBuilder::AddDwelling(const DwellingRecord& d) {
  Registry& r = s_->r;
  if (r.entrance_building_.empty() || !s_->in_estate ||
      r.buildings_.back().entrance_count == 0 ||
      r.buildings_.back().estate != r.estates_.size() - 1) {
    return absl::FailedPreconditionError("AddDwelling: no open entrance");
  }
  RENEWAL_RETURN_IF_ERROR(CheckId(d.id));
  if (d.area_centi <= 0 || d.area_centi > kMaxDwellingAreaCenti) {
    return absl::InvalidArgumentError(StrCat(
        "exclusive_area_m2: must be > 0 and <= 10000, got ", Area::Centi(d.area_centi).ToString()));
  }
  if (d.floor < -5 || d.floor > 120) {
    return absl::InvalidArgumentError(
        StrCat("floor: must be between -5 and 120, got ", d.floor));
  }
  if (d.owner_ids.empty() && d.property_type != PropertyType::kOwnerless) {
    return absl::InvalidArgumentError(
        "owners: must name at least one owner unless property_type is ownerless");
  }
  // Check every owner ID before adding anything, so that bad input leaves no half-added row.
  std::array<Index, 8> owners{};
  if (d.owner_ids.size() > owners.size()) {
    return absl::InvalidArgumentError(
        StrCat("owners: at most 8 co-owners, got ", d.owner_ids.size()));
  }
  for (std::size_t k = 0; k < d.owner_ids.size(); ++k) {
    RENEWAL_RETURN_IF_ERROR(CheckId(d.owner_ids[k]));
    for (std::size_t j = 0; j < k; ++j) {
      if (d.owner_ids[j] == d.owner_ids[k]) {
        return absl::InvalidArgumentError(
            StrCat("owners: owner \"", d.owner_ids[k], "\" listed twice"));
      }
    }
  }
  // The ID is stored as the mark and its room when it compresses (dwelling_ids.h).
  // Duplicates are found without a per-dwelling table: a compressed ID among its
  // entrance's rooms, any ID among the listed rows (IDs stored whole, rows of big
  // entrances), an ID stored whole also through building, entrance and room.
  const Index entrance = static_cast<Index>(r.entrance_building_.size() - 1);
  DwellingIds& ids = r.indexes_->dwelling;
  const std::optional<std::string_view> room = ids.RoomIfCompressible(d.id, entrance);
  const Index first = r.entrance_first_dwelling_[entrance];
  const Index dwelling = static_cast<Index>(r.dwellings_.entrance.size());
  if (room) {
    if (dwelling - first <= DwellingIds::kScanLimit) {
      const StringColumn& stored = ids.column();
      for (Index k = first; k < dwelling; ++k) {
        const std::string_view s = stored[k];
        if (s.size() == room->size() + 1 && s.front() == DwellingIds::kRoomMark &&
            s.substr(1) == *room) {
          return Duplicate("dwelling", d.id);
        }
      }
    }
    if (ids.FindListed(d.id)) return Duplicate("dwelling", d.id);
  } else if (ids.Find(d.id)) {
    return Duplicate("dwelling", d.id);
  }
  std::string& stored = s_->scratch;
  stored.clear();
  if (room) {
    stored += DwellingIds::kRoomMark;
    stored += *room;
  } else {
    stored = d.id;
  }
  // Only running out of arena space (4 GiB) can fail after this point.
  if (!ids.mutable_column().push_back(stored)) {
    return absl::ResourceExhaustedError("dwelling: ids exceed 4 GiB");
  }
  DwellingColumns& c = r.dwellings_;
  c.entrance.push_back(entrance);  // the new ID's prefix resolves through its entrance
  // Rows lookups cannot reach by building, entrance and room go in the listed set
  // (checked free of this ID above): the whole IDs, and every row of an entrance
  // once it outgrows the scan.
  if (!room) {
    ids.List(dwelling);
  } else if (dwelling - first == DwellingIds::kScanLimit) {
    for (Index k = first; k <= dwelling; ++k) ids.List(k);
  } else if (dwelling - first > DwellingIds::kScanLimit) {
    ids.List(dwelling);
  }
  const StringColumn& owner_ids = r.indexes_->owner.column();
  for (std::size_t k = 0; k < d.owner_ids.size(); ++k) {
    const Index last = s_->last_owner;
    if (last != kNoIndex && owner_ids[last] == d.owner_ids[k]) {
      owners[k] = last;
      continue;
    }
    if (last != kNoIndex && last + 1 < owner_ids.size() && owner_ids[last + 1] == d.owner_ids[k]) {
      owners[k] = s_->last_owner = last + 1;
      continue;
    }
    auto [orow, oinserted] = r.indexes_->owner.Insert(d.owner_ids[k]);
    if (orow == UINT32_MAX) return absl::ResourceExhaustedError("owner: ids exceed 4 GiB");
    if (oinserted) {  // referenced before definition: placeholder
      s_->owner_defined.push_back(false);
      s_->owner_first_reference.push_back(dwelling);
      r.owner_kind_.push_back(OwnerKind::kPerson);
      r.owner_name_.push_back("");
    }
    owners[k] = orow;
    s_->last_owner = orow;
  }
  c.area_centi.push_back(static_cast<std::uint32_t>(d.area_centi));
  c.area_source.push_back(d.area_source);
  c.property_type.push_back(d.property_type);
  c.sale_state.push_back(d.sale_state);
  c.floor.push_back(static_cast<std::int8_t>(d.floor));
  c.owner.push_back(d.owner_ids.empty() ? kNoIndex : owners[0]);
  for (std::size_t k = 1; k < d.owner_ids.size(); ++k) c.co_owners.emplace_back(dwelling, owners[k]);
  ++r.entrance_first_dwelling_.back();
  ++s_->estate_dwellings;
  return absl::OkStatus();
}

absl::Status RegistryBuilder::EndEstate() {
  if (!s_->in_estate) return absl::FailedPreconditionError("EndEstate: no open estate");
  s_->in_estate = false;
  if (s_->estate_dwellings == 0) {
    return absl::InvalidArgumentError("buildings: estate has no dwellings");
  }
  return absl::OkStatus();
}

void RegistryBuilder::ReserveDwellings(std::size_t n) {
  DwellingColumns& c = s_->r.dwellings_;
  c.entrance.reserve(n);
  c.area_centi.reserve(n);
  c.area_source.reserve(n);
  c.property_type.reserve(n);
  c.sale_state.reserve(n);
  c.floor.reserve(n);
  c.owner.reserve(n);
}

void RegistryBuilder::ReserveOwners(std::size_t n) {
  s_->r.indexes_->owner.reserve(n);
  s_->r.owner_kind_.reserve(n);
}

std::size_t RegistryBuilder::dwelling_count() const { return s_->r.dwelling_count(); }

absl::StatusOr<Registry> RegistryBuilder::Finish() && {
  Registry& r = s_->r;
  if (s_->in_estate) return absl::FailedPreconditionError("Finish: estate not ended");
  for (Index o = 0; o < s_->owner_defined.size(); ++o) {
    if (s_->owner_defined[o]) continue;
    const Index d = s_->owner_first_reference[o];
    const Index en = r.dwellings_.entrance[d];
    const Index b = r.entrance_building_[en];
    const Index e = r.buildings_[b].estate;
    // The record path in the document's layout, for `--json` errors.
    const std::string path =
        StrCat("estates[", e, "].buildings[", b - r.estates_[e].first_building, "].entrances[",
               en - r.buildings_[b].first_entrance, "].dwellings[",
               d - r.entrance_first_dwelling_[en], "].owners");
    return WithRecordPath(
        absl::NotFoundError(StrCat("estate \"", r.estates_[e].id, "\" building \"",
                                   r.buildings_[b].id, "\" dwelling \"", r.dwelling(d).id,
                                   "\" owners: no owner with id \"", r.indexes_->owner[o], "\"")),
        path);
  }
  if (!s_->late_names.empty()) {
    std::sort(s_->late_names.begin(), s_->late_names.end());
    StringColumn names;
    auto late = s_->late_names.begin();
    for (Index o = 0; o < r.owner_name_.size(); ++o) {
      if (late != s_->late_names.end() && late->first == o) {
        names.push_back(late->second);
        ++late;
      } else {
        names.push_back(r.owner_name_[o]);
      }
    }
    r.owner_name_ = std::move(names);
  }
  DwellingColumns& c = r.dwellings_;
  std::sort(c.co_owners.begin(), c.co_owners.end());
  // Columns grew by doubling; give back the slack (up to half of each).
  c.entrance.shrink_to_fit();
  c.area_centi.shrink_to_fit();
  c.area_source.shrink_to_fit();
  c.property_type.shrink_to_fit();
  c.sale_state.shrink_to_fit();
  c.floor.shrink_to_fit();
  c.owner.shrink_to_fit();
  c.co_owners.shrink_to_fit();
  // Estate ranges as columns: counting votes estate by estate reads them in order.
  r.estate_first_dwelling_.clear();
  r.estate_first_dwelling_.reserve(r.estate_count() + 1);
  for (const Estate& e : r.estates_) {
    r.estate_first_dwelling_.push_back(
        r.entrance_first_dwelling_[r.buildings_[e.first_building].first_entrance]);
  }
  r.estate_first_dwelling_.push_back(static_cast<Index>(r.dwelling_count()));
  r.person_count_ = internal::AssignPersons(c, r.owner_count(), r.estate_first_dwelling_,
                                            &r.estate_first_person_);
  r.entrance_building_.shrink_to_fit();
  r.entrance_first_dwelling_.shrink_to_fit();
  r.entrance_id_.shrink_to_fit();
  r.owner_kind_.shrink_to_fit();
  r.indexes_->dwelling.shrink_to_fit();
  r.indexes_->owner.shrink_to_fit();
  r.owner_name_.shrink_to_fit();
  return std::move(r);
}

}  // namespace renewal
