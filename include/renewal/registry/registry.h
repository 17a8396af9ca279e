// The estate registry (摸底台账): districts, streets, estates, buildings, entrances
// (单元), dwellings (户) and owners, sized for the whole country (~219,000 estates,
// ~38 million dwellings).
//
// Layout: estates and buildings are few enough to be plain structs. Entrances,
// dwellings and owners are stored column-wise with dense 32-bit indices; string IDs
// live in arenas; owner IDs are looked up through a hash set of row numbers, dwelling
// IDs through their building and entrance (docs/registry-format.md). Children are
// contiguous: an estate owns a range of buildings, a building a range of entrances,
// an entrance a range of dwellings, so scope queries are index ranges.
//
// A Registry is built by RegistryBuilder (which validates every record) and is
// immutable afterwards; the JSON reader, the generator and the Python bindings all
// go through the builder.
#ifndef RENEWAL_REGISTRY_H_
#define RENEWAL_REGISTRY_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/area.h"
#include "renewal/base/labels.h"
#include "renewal/base/string_column.h"

namespace renewal {

using Index = std::uint32_t;
inline constexpr Index kNoIndex = UINT32_MAX;

// Sentinel for year facts meaning "known: never / not planned" (as opposed to
// std::nullopt, "not surveyed").
inline constexpr int kNever = 0;

// Limits checked on input.
inline constexpr std::int64_t kMaxDwellingAreaCenti = 1'000'000;  // 10,000 m²
inline constexpr int kEarliestBuildYear = 1900;

struct District {
  std::string id;
  std::string name;
  bool operator==(const District&) const = default;
};

struct Street {  // street office or community (街道/社区)
  std::string id;
  std::string name;
  Index district = kNoIndex;
  bool operator==(const Street&) const = default;
};

struct Location {
  double lon = 0;
  double lat = 0;
  bool operator==(const Location&) const = default;
};

// The coordinate system of every estate's lon/lat (the registry's top-level `crs`).
// Default GCJ-02: survey ledgers take points from Amap / Tencent maps, which (as every
// map published in China must) use the GCJ-02 offset of WGS-84 (docs/map.md).
enum class CoordinateSystem : std::uint8_t { kGcj02, kWgs84, kCgcs2000 };
inline constexpr CoordinateSystem kDefaultCoordinateSystem = CoordinateSystem::kGcj02;

}  // namespace renewal

template <>
struct renewal::LabelTable<renewal::CoordinateSystem> {
  static constexpr std::array<Label<CoordinateSystem>, 3> kLabels{{
      {CoordinateSystem::kGcj02, "GCJ-02", "国测局坐标系", "GCJ-02 (offset of WGS-84 used by Chinese web maps)"},
      {CoordinateSystem::kWgs84, "WGS-84", "世界大地坐标系", "WGS-84 (GPS)"},
      {CoordinateSystem::kCgcs2000, "CGCS2000", "2000国家大地坐标系", "China Geodetic Coordinate System 2000"},
  }};
};

namespace renewal {

// Survey facts of one estate (BRIEF §1) and the flags eligibility uses (§2).
// std::nullopt means "not surveyed"; screening reports such rules as unknown.
struct EstateFacts {
  std::optional<int> build_year;
  Structure structure = Structure::kUnknown;
  std::optional<int> floors;            // highest building
  std::optional<bool> has_elevator;
  std::array<Condition, kFacilityCount> facilities{};  // indexed by Facility
  std::optional<std::vector<Hazard>> safety_hazards;   // empty: surveyed, none found
  IllegalStructures illegal_structures = IllegalStructures::kUnknown;
  std::optional<bool> owners_committee;       // 业主委员会
  std::optional<bool> self_governance_group;  // 自治小组
  ManagementMode management_mode = ManagementMode::kUnknown;
  std::optional<double> willingness_pct;      // share of households wanting renovation, 0–100
  std::optional<Location> location;
  std::optional<bool> in_shantytown_plan;     // 棚户区改造计划
  std::optional<int> demolition_plan_year;    // planned demolition year, kNever if none
  std::optional<int> last_renovation_year;    // last comprehensive renovation, kNever if none
  std::optional<bool> urban_village;          // 城中村
  std::optional<bool> mostly_self_built;      // 以居民自建住房为主
  // Residents' consents for Xiangtan's competitive entry (seed 000).
  std::optional<bool> consent_remove_illegal;
  std::optional<bool> consent_property_management;
  std::optional<bool> consent_fund_top_up;
  std::optional<bool> consent_entrust_public_resources;

  Condition condition(Facility f) const { return facilities[static_cast<std::size_t>(f)]; }
  bool operator==(const EstateFacts&) const = default;
};

struct Estate {
  std::string id;
  std::string name;
  Index district = kNoIndex;
  Index street = kNoIndex;  // kNoIndex when not given
  EstateFacts facts;
  Index first_building = 0;
  Index building_count = 0;
  bool operator==(const Estate&) const = default;
};

struct Building {
  std::string id;
  std::string name;
  Index estate = kNoIndex;
  std::optional<int> floors;
  std::optional<bool> has_elevator;
  std::optional<int> build_year;  // when it differs from the estate's
  Index first_entrance = 0;
  Index entrance_count = 0;
  bool operator==(const Building&) const = default;
};

struct EntranceView {
  Index index;
  Index building;
  std::string_view id;  // unique within its building, e.g. "1" for 1单元
  Index first_dwelling;
  Index dwelling_count;
};

struct DwellingView {
  Index index;
  std::string id;  // rebuilt from a compressed form, hence a string (see DwellingBytes)
  Index entrance;
  Area area;
  AreaSource area_source;
  PropertyType property_type;
  SaleState sale_state;
  int floor;  // 0 when unknown
};

struct OwnerView {
  Index index;
  std::string_view id;
  std::string_view name;
  OwnerKind kind;
};

// DwellingColumns::person of every unit the developer holds.
inline constexpr Index kDeveloperPerson = 0;

// The dwelling columns, for hot loops (votes, cost apportioning). IDs are
// reached through Registry::dwelling(i).id.
struct DwellingColumns {
  std::vector<Index> entrance;
  std::vector<std::uint32_t> area_centi;  // 0.01 m², 1 .. kMaxDwellingAreaCenti
  std::vector<AreaSource> area_source;
  std::vector<PropertyType> property_type;
  std::vector<SaleState> sale_state;
  std::vector<std::int8_t> floor;
  std::vector<Index> owner;  // first owner, kNoIndex for an ownerless dwelling
  // Further owners (co-owners), sorted by dwelling: rare, so kept sparse.
  std::vector<std::pair<Index, Index>> co_owners;
  // The owner as a person for headcounts (法释〔2009〕7号 art. 9), derived when
  // the registry is built: dwellings with the same set of owners share a person;
  // every unit not in kOwned sale state is person kDeveloperPerson (the developer
  // counts once); each ownerless dwelling is a person of its own. Dense ids in
  // order of first appearance, so votes need no owner-set matching.
  std::vector<Index> person;
  bool operator==(const DwellingColumns&) const = default;
};

class Registry {
 public:
  Registry();
  ~Registry();
  Registry(Registry&&) noexcept;
  Registry& operator=(Registry&&) noexcept;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  std::size_t district_count() const { return districts_.size(); }
  std::size_t street_count() const { return streets_.size(); }
  std::size_t estate_count() const { return estates_.size(); }
  std::size_t building_count() const { return buildings_.size(); }
  std::size_t entrance_count() const { return entrance_building_.size(); }
  std::size_t dwelling_count() const { return dwellings_.entrance.size(); }
  std::size_t owner_count() const { return owner_kind_.size(); }
  // Distinct values of dwellings().person (person 0, the developer, is counted
  // even when no unit is unsold).
  std::size_t person_count() const { return person_count_; }
  // The coordinate system of the estates' locations (top-level `crs` of the file).
  CoordinateSystem coordinate_system() const { return coordinate_system_; }

  const District& district(Index i) const { return districts_[i]; }
  const Street& street(Index i) const { return streets_[i]; }
  const Estate& estate(Index i) const { return estates_[i]; }
  const Building& building(Index i) const { return buildings_[i]; }
  std::span<const Estate> estates() const { return estates_; }
  std::span<const Building> buildings() const { return buildings_; }
  EntranceView entrance(Index i) const;
  DwellingView dwelling(Index i) const;
  // Appends dwelling i's ID to *out without other allocation (for writers).
  void AppendDwellingId(Index i, std::string* out) const;
  // Calls fn(i, id) for every dwelling in order; resolves each entrance's ID prefix
  // once rather than per dwelling (a pass over 38 M IDs: 4x faster). `id` is valid
  // during the call only.
  void ForEachDwellingId(absl::FunctionRef<void(Index, std::string_view)> fn) const;
  OwnerView owner(Index i) const;
  const DwellingColumns& dwellings() const { return dwellings_; }

  // The owners of a dwelling, first owner first (empty when ownerless).
  std::vector<Index> OwnersOf(Index dwelling) const;
  Index EstateOfDwelling(Index dwelling) const;
  Index BuildingOfDwelling(Index dwelling) const;
  // Dwelling index ranges [first, first + count).
  std::pair<Index, Index> DwellingRangeOfEstate(Index estate) const;
  std::pair<Index, Index> DwellingRangeOfBuilding(Index building) const;
  // The persons (DwellingColumns::person) whose first unit, in dwelling order,
  // lies in the estate: ids [first, first + count). Its other persons are the
  // developer and owners met in earlier estates.
  std::pair<Index, Index> PersonRangeOfEstate(Index estate) const;

  /// Lookups by ID; std::nullopt when absent. Thread safety: every Find* may be
  /// called from several threads at once on the same registry. FindOwner on a
  /// registry loaded from a snapshot builds the owner index on its first call (once,
  /// under a std::once_flag; concurrent first callers wait for it). FindDwelling
  /// splits the ID into building, entrance and room and walks to it, with no
  /// per-dwelling hash table (docs/registry-format.md "Dwelling IDs").
  std::optional<Index> FindDistrict(std::string_view id) const;
  std::optional<Index> FindStreet(std::string_view id) const;
  std::optional<Index> FindEstate(std::string_view id) const;
  std::optional<Index> FindBuilding(std::string_view id) const;
  std::optional<Index> FindDwelling(std::string_view id) const;
  std::optional<Index> FindOwner(std::string_view id) const;
  // Entrance `id` of a building (a short scan: buildings have a few entrances).
  std::optional<Index> FindEntrance(Index building, std::string_view id) const;

  // Heap bytes held by the dwelling columns and their IDs (owner names and owner
  // IDs excluded), and by everything. Dwelling IDs of the form
  // "<building id>-<entrance id>-<room>" are stored as <room> only.
  std::size_t DwellingBytes() const;
  std::size_t TotalBytes() const;

  // Same content in the same order.
  bool operator==(const Registry& other) const;

 private:
  friend class RegistryBuilder;
  // The snapshot (snapshot_read.cc, snapshot_write.cc) moves the columns in bulk; its
  // reader checks everything the builder would.
  friend class SnapshotReader;
  friend class SnapshotWriter;
  struct Indexes;

  std::vector<District> districts_;
  std::vector<Street> streets_;
  std::vector<Estate> estates_;
  std::vector<Building> buildings_;
  std::vector<Index> entrance_building_;
  std::vector<Index> entrance_first_dwelling_;  // one extra entry: end of the last
  StringColumn entrance_id_;
  DwellingColumns dwellings_;
  StringColumn owner_name_;
  std::vector<OwnerKind> owner_kind_;
  std::size_t person_count_ = 1;
  CoordinateSystem coordinate_system_ = kDefaultCoordinateSystem;
  // Per estate, one extra entry at the end: where its dwellings and its own
  // persons (PersonRangeOfEstate) begin. Derived in Finish.
  std::vector<Index> estate_first_dwelling_{0};
  std::vector<Index> estate_first_person_{1};
  std::unique_ptr<Indexes> indexes_;  // ID indexes, owner and dwelling IDs

  // Points the dwelling ID index back at this object (after construction or a move).
  void BindIndexes();
};

// A dwelling as handed to the builder.
struct DwellingRecord {
  std::string_view id;
  std::int64_t area_centi = 0;
  AreaSource area_source = AreaSource::kRegistered;
  PropertyType property_type = PropertyType::kCommercial;
  SaleState sale_state = SaleState::kOwned;
  int floor = 0;
  std::span<const std::string_view> owner_ids;
};

// Builds a Registry record by record, checking each one. Errors name the field
// and the bad value; callers (the JSON reader) prefix the record path. After an
// error the builder must be discarded: nothing it built reaches a Registry.
//
// Order: districts and streets before the estates that name them; then each
// estate is BeginEstate, (AddBuilding, (AddEntrance, AddDwelling*)*)*, EndEstate.
// Owners may be defined before or after the dwellings that reference them.
class RegistryBuilder {
 public:
  // `current_year` bounds build years (no building from the future).
  explicit RegistryBuilder(int current_year);
  ~RegistryBuilder();

  absl::Status AddDistrict(District d);
  absl::Status AddStreet(std::string id, std::string name, std::string_view district_id);
  absl::Status AddOwner(std::string_view id, std::string_view name, OwnerKind kind);
  // `estate.district` and `estate.street` are filled from the IDs.
  absl::Status BeginEstate(Estate estate, std::string_view district_id,
                           std::string_view street_id);
  absl::Status AddBuilding(Building building);
  absl::Status AddEntrance(std::string_view id);
  absl::Status AddDwelling(const DwellingRecord& d);
  absl::Status EndEstate();

  // The coordinate system of the locations (default kDefaultCoordinateSystem).
  void SetCoordinateSystem(CoordinateSystem crs);

  void ReserveDwellings(std::size_t n);
  // Reserves the owner index (a 30-million-owner build otherwise rehashes it ~25 times).
  void ReserveOwners(std::size_t n);
  std::size_t dwelling_count() const;

  // Checks that every referenced owner was defined; then hands over the registry.
  absl::StatusOr<Registry> Finish() &&;

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// The current calendar year (local time), the default bound for build years.
int CurrentYear();

}  // namespace renewal

#endif  // RENEWAL_REGISTRY_H_
