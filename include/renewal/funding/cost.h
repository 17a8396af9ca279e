// Cost items of a renovation plan (一小区一方案) and a catalogue of standard items.
// An item is quantity × unit price or a lump sum, in one of the three categories of
// 国办发〔2020〕23号, for one facility type, with the owner of the asset (谁产权谁治理)
// and the scope that benefits (estate, building or entrance: 谁受益、谁出资).
#ifndef RENEWAL_COST_H_
#define RENEWAL_COST_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/funding/funding_source.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"

namespace renewal {

enum class AssetOwner : std::uint8_t {
  kUnknown, kUtility, kPropertyUnit, kOwnersInCommon, kGovernment
};
template <>
struct LabelTable<AssetOwner> {
  static constexpr std::array<Label<AssetOwner>, 5> kLabels{{
      {AssetOwner::kUnknown, "unknown", "未明确", "unknown"},
      {AssetOwner::kUtility, "utility", "专营单位", "utility"},
      {AssetOwner::kPropertyUnit, "property_unit", "原产权单位", "original property unit"},
      {AssetOwner::kOwnersInCommon, "owners_in_common", "业主共有", "owners in common"},
      {AssetOwner::kGovernment, "government", "政府", "government"},
  }};
};

enum class CostScope : std::uint8_t { kEstate, kBuilding, kEntrance };
template <>
struct LabelTable<CostScope> {
  static constexpr std::array<Label<CostScope>, 3> kLabels{{
      {CostScope::kEstate, "estate", "小区", "estate"},
      {CostScope::kBuilding, "building", "楼栋", "building"},
      {CostScope::kEntrance, "entrance", "单元", "entrance"},
  }};
};

enum class CostTag : std::uint8_t {
  kElevator, kPipelineRelocation, kRoadRestoration, kTrenchCivil, kOneMeterPerHousehold
};
template <>
struct LabelTable<CostTag> {
  static constexpr std::array<Label<CostTag>, 5> kLabels{{
      {CostTag::kElevator, "elevator", "加装电梯", "added elevator"},
      {CostTag::kPipelineRelocation, "pipeline_relocation", "管线迁改", "pipeline relocation"},
      {CostTag::kRoadRestoration, "road_restoration", "路面开挖恢复", "road opening and restoration"},
      {CostTag::kTrenchCivil, "trench_civil", "管沟站房箱柜土建", "trench, room and cabinet civil works"},
      {CostTag::kOneMeterPerHousehold, "one_meter_per_household", "一户一表", "one meter per household"},
  }};
};

// A set of tags as a bit mask (bit i = CostTag i).
using TagSet = std::uint8_t;
constexpr TagSet TagBit(CostTag t) { return static_cast<TagSet>(1u << static_cast<unsigned>(t)); }
constexpr bool HasTag(TagSet set, CostTag t) { return (set & TagBit(t)) != 0; }

struct CostItem {
  std::string id;
  std::string name;
  std::string catalogue;  // catalogue key, empty when free-form
  Category category = Category::kBasic;
  Facility facility = Facility::kWater;
  // Either quantity × unit price (quantity in thousandths of the unit: metres, m²,
  // sets…) or a lump sum. `cost` is derived by ComputeCost and is what is split.
  bool lump_sum = false;
  std::int64_t quantity_milli = 0;
  Money unit_price;
  Money cost;
  AssetOwner asset_owner = AssetOwner::kUnknown;
  // The pipeline unit of the item (defaults to DefaultUtilityOf(facility)).
  std::optional<FundingSource> utility;
  CostScope scope = CostScope::kEstate;
  std::string building;  // building ID for building and entrance scope
  std::string entrance;  // entrance ID within the building for entrance scope
  TagSet tags = 0;
  std::int32_t elevators = 0;  // added elevators (for per-elevator subsidies)

  bool operator==(const CostItem&) const = default;
};

// One estate's plan: the items and the facts per-household rules need.
struct CostPlan {
  std::string id;
  std::string estate;         // estate ID in the registry
  std::int64_t households = 0;  // from the registry when one is given, else stated
  std::vector<CostItem> items;
  bool operator==(const CostPlan&) const = default;
};

// quantity × unit price rounded half away from zero to the fen, or the lump sum;
// OutOfRange on overflow.
absl::StatusOr<Money> ItemCost(const CostItem& item);

// Checks every item (ids unique and non-empty, prices and quantities ≥ 0, scope
// fields present, elevators ≥ 0) and fills `cost`. Errors name the item and field,
// e.g. `items[2] "I-3" unit_price: must be >= 0, got -5.00`; on error the plan is
// unchanged.
absl::Status ComputeCosts(CostPlan& plan);

// A standard item of the catalogue (keys are stable; names in Chinese and English).
struct CatalogueEntry {
  std::string_view key;
  std::string_view zh;
  std::string_view en;
  std::string_view unit_zh;
  Category category;
  Facility facility;
  AssetOwner asset_owner;
  TagSet tags;
  CostScope scope;
};

std::span<const CatalogueEntry> CostCatalogue();
const CatalogueEntry* FindCatalogueEntry(std::string_view key);

// An item prefilled from the catalogue (category, facility, owner, tags, scope).
CostItem ItemFromCatalogue(const CatalogueEntry& entry, std::string id);

}  // namespace renewal

#endif  // RENEWAL_COST_H_
