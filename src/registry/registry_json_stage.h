// Private to the registry area: one record of the registry JSON format (a district,
// street, owner, or an estate with its buildings, entrances and dwellings) as the
// streaming reader (registry_json_read.cc) stages it from parser events, before
// RecordReader (registry_json_records.cc) checks it and hands it to the builder.
//
// Fields are addressed by number (the key is interned once, when it is read), values
// are small tagged scalars, strings live in one arena per record, and children sit in
// flat vectors that are cleared, not freed, between records: staging allocates nothing
// once the first estates have warmed the buffers up. Checking happens after the
// record is complete, in a fixed order, so that the first error reported does not
// depend on the order of the keys in the file.
#ifndef RENEWAL_SRC_REGISTRY_JSON_STAGE_H_
#define RENEWAL_SRC_REGISTRY_JSON_STAGE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace renewal {
namespace registry_json_internal {

// What the document gave for a field or an array element.
enum class Kind : std::uint8_t { kAbsent, kNull, kBool, kInt64, kUint64, kDouble, kString,
                                 kArray, kObject };

struct Val {
  Kind kind = Kind::kAbsent;
  bool b = false;
  union {
    std::int64_t i = 0;
    std::uint64_t u;
    double d;
    struct {
      std::uint32_t off, len;  // bytes in the record's arena
    } s;
  };
  // Absent or null: Fields treats both as "not given".
  bool missing() const { return kind == Kind::kAbsent || kind == Kind::kNull; }
};

// The first key (in document order) that the record does not know.
struct UnknownKey {
  bool any = false;
  std::uint32_t off = 0, len = 0;
};

// Children [first, first + count) in one of the flat vectors.
struct Range {
  std::uint32_t first = 0, count = 0;
};

template <std::size_t N>
struct Fieldset {
  std::array<Val, N> f{};
  UnknownKey unknown;
};

// The keys each kind of object knows, in the order the fields are numbered.
enum DistrictField { kDistrictId, kDistrictName, kDistrictFields };
enum StreetField { kStreetId, kStreetName, kStreetDistrict, kStreetFields };
enum OwnerField { kOwnerId, kOwnerName, kOwnerKind, kOwnerFields };
enum EstateField {
  kEstateId, kEstateName, kEstateDistrict, kEstateStreet, kBuildYear, kStructure, kFloors,
  kElevator, kFacilities, kSafetyHazards, kIllegalStructures, kOwnersCommittee,
  kSelfGovernanceGroup, kManagementMode, kWillingnessPct, kLocation, kShantytownPlan,
  kDemolitionPlanYear, kLastRenovationYear, kUrbanVillage, kMostlySelfBuilt, kConsents,
  kBuildings, kEstateFields
};
enum LocationField { kLon, kLat, kLocationFields };
enum ConsentField { kRemoveIllegal, kPropertyManagement, kFundTopUp, kEntrustPublicResources,
                    kConsentFields };
enum BuildingField { kBuildingId, kBuildingName, kBuildingFloors, kBuildingElevator,
                     kBuildingBuildYear, kEntrances, kBuildingFields };
enum EntranceField { kEntranceId, kDwellings, kEntranceFields };
enum DwellingField { kDwellingId, kArea, kAreaSource, kPropertyType, kSaleState, kFloor,
                     kDwellingOwners, kDwellingFields };

inline constexpr std::array<std::string_view, kDistrictFields> kDistrictKeys{"id", "name"};
inline constexpr std::array<std::string_view, kStreetFields> kStreetKeys{"id", "name",
                                                                          "district"};
inline constexpr std::array<std::string_view, kOwnerFields> kOwnerKeys{"id", "name", "kind"};
inline constexpr std::array<std::string_view, kEstateFields> kEstateKeys{
    "id", "name", "district", "street", "build_year", "structure", "floors", "elevator",
    "facilities", "safety_hazards", "illegal_structures", "owners_committee",
    "self_governance_group", "management_mode", "willingness_pct", "location",
    "shantytown_plan", "demolition_plan_year", "last_renovation_year", "urban_village",
    "mostly_self_built", "consents", "buildings"};
inline constexpr std::array<std::string_view, kLocationFields> kLocationKeys{"lon", "lat"};
inline constexpr std::array<std::string_view, kConsentFields> kConsentKeys{
    "remove_illegal", "property_management", "fund_top_up", "entrust_public_resources"};
inline constexpr std::array<std::string_view, kBuildingFields> kBuildingKeys{
    "id", "name", "floors", "elevator", "build_year", "entrances"};
inline constexpr std::array<std::string_view, kEntranceFields> kEntranceKeys{"id", "dwellings"};
inline constexpr std::array<std::string_view, kDwellingFields> kDwellingKeys{
    "id", "exclusive_area_m2", "area_source", "property_type", "sale_state", "floor", "owners"};

// One entry of an estate's "facilities" object: any key, checked on replay.
struct FacilityItem {
  std::uint32_t key_off = 0, key_len = 0;
  Val value;
};

struct StagedDwelling {
  Val self;  // the array element: an object, or what stood there instead
  Fieldset<kDwellingFields> fields;
  Range owners;  // in StagedEstate::owner_ids
};

struct StagedEntrance {
  Val self;
  Fieldset<kEntranceFields> fields;
  Range dwellings;
};

struct StagedBuilding {
  Val self;
  Fieldset<kBuildingFields> fields;
  Range entrances;
};

// An estate with everything under it; reused from one estate to the next.
struct StagedEstate {
  Fieldset<kEstateFields> fields;
  Range facilities, hazards, buildings;
  Fieldset<kLocationFields> location;
  Fieldset<kConsentFields> consents;
  std::vector<FacilityItem> facility_items;
  std::vector<Val> hazard_values;
  std::vector<StagedBuilding> building_list;
  std::vector<StagedEntrance> entrance_list;
  std::vector<StagedDwelling> dwelling_list;
  std::vector<Val> owner_ids;

  void Clear() {
    fields = {};
    facilities = hazards = buildings = {};
    location = {};
    consents = {};
    facility_items.clear();
    hazard_values.clear();
    building_list.clear();
    entrance_list.clear();
    dwelling_list.clear();
    owner_ids.clear();
  }
};

// A district, street or owner: at most three fields.
struct StagedSmall {
  Fieldset<3> fields;
};

}  // namespace registry_json_internal
}  // namespace renewal

#endif  // RENEWAL_SRC_REGISTRY_JSON_STAGE_H_
