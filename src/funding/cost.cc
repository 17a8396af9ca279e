#include "renewal/funding/cost.h"

#include <limits>

#include "absl/container/flat_hash_set.h"
#include "absl/numeric/int128.h"
#include "absl/strings/str_format.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

constexpr TagSet kNoTags = 0;

// Standard items (国办发〔2020〕23号 content lists; seeds 002 五、 and 004 二(二)).
constexpr std::array<CatalogueEntry, 28> kCatalogue{{
    {"water_supply_pipes", "供水管网改造", "water supply pipe renewal", "米", Category::kBasic,
     Facility::kWater, AssetOwner::kUtility, kNoTags, CostScope::kEstate},
    {"secondary_water_supply", "二次供水设施改造", "secondary water supply", "套", Category::kBasic,
     Facility::kWater, AssetOwner::kUtility, kNoTags, CostScope::kEstate},
    {"rain_sewage_separation", "雨污分流改造", "rain and sewage separation", "米", Category::kBasic,
     Facility::kDrainage, AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"power_lines", "供电线路及设备改造", "power lines and equipment", "米", Category::kBasic,
     Facility::kPower, AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"one_meter_per_household", "一户一表改造", "one meter per household", "户", Category::kBasic,
     Facility::kPower, AssetOwner::kOwnersInCommon, TagBit(CostTag::kOneMeterPerHousehold),
     CostScope::kBuilding},
    {"power_trench_civil", "电力管沟站房箱柜土建", "power trench, room and cabinet civil works", "米",
     Category::kBasic, Facility::kPower, AssetOwner::kGovernment, TagBit(CostTag::kTrenchCivil),
     CostScope::kEstate},
    {"gas_pipes", "燃气管道改造", "gas pipe renewal", "米", Category::kBasic, Facility::kGas,
     AssetOwner::kUtility, kNoTags, CostScope::kEstate},
    {"weak_current_trench_civil", "弱电管沟土建", "weak-current trench civil works", "米",
     Category::kBasic, Facility::kWeakCurrent, AssetOwner::kGovernment,
     TagBit(CostTag::kTrenchCivil), CostScope::kEstate},
    {"weak_current_relocation", "通信广电缆线迁改规整", "telecom and cable line relocation", "米",
     Category::kBasic, Facility::kWeakCurrent, AssetOwner::kUtility,
     TagBit(CostTag::kPipelineRelocation), CostScope::kEstate},
    {"pipeline_relocation", "管线迁改", "pipeline relocation", "米", Category::kBasic,
     Facility::kWater, AssetOwner::kUtility, TagBit(CostTag::kPipelineRelocation),
     CostScope::kEstate},
    {"road_restoration", "管线施工路面开挖恢复", "road opening and restoration for pipelines", "平方米",
     Category::kBasic, Facility::kRoads, AssetOwner::kGovernment,
     TagBit(CostTag::kRoadRestoration), CostScope::kEstate},
    {"roads", "小区道路改造", "estate roads", "平方米", Category::kBasic, Facility::kRoads,
     AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"heating_pipes", "供暖管网改造", "heating pipes", "米", Category::kBasic, Facility::kHeating,
     AssetOwner::kUtility, kNoTags, CostScope::kEstate},
    {"fire_safety", "消防设施改造", "fire safety facilities", "项", Category::kBasic,
     Facility::kFireSafety, AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"security", "安防设施(门禁、监控)", "security (access control, CCTV)", "项", Category::kBasic,
     Facility::kSecurity, AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"street_lighting", "路灯照明", "street lighting", "盏", Category::kBasic, Facility::kLighting,
     AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"roof_waterproofing", "屋面防水", "roof waterproofing", "平方米", Category::kBasic,
     Facility::kRoof, AssetOwner::kOwnersInCommon, kNoTags, CostScope::kBuilding},
    {"facade", "外立面整治", "facade renovation", "平方米", Category::kBasic, Facility::kFacade,
     AssetOwner::kOwnersInCommon, kNoTags, CostScope::kBuilding},
    {"stairwell", "楼道修缮", "stairwell repair", "项", Category::kBasic, Facility::kStairwell,
     AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEntrance},
    {"waste_sorting", "垃圾分类设施", "waste sorting facilities", "处", Category::kBasic,
     Facility::kWaste, AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"added_elevator", "加装电梯", "added elevator", "部", Category::kImprovement,
     Facility::kElevator, AssetOwner::kOwnersInCommon, TagBit(CostTag::kElevator),
     CostScope::kEntrance},
    {"parking", "停车设施", "parking", "个", Category::kImprovement, Facility::kParking,
     AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"ev_charging", "电动汽车及电动自行车充电设施", "EV and e-bike charging", "个",
     Category::kImprovement, Facility::kCharging, AssetOwner::kOwnersInCommon, kNoTags,
     CostScope::kEstate},
    {"accessibility", "无障碍及适老化改造", "accessibility and ageing-friendly works", "项",
     Category::kImprovement, Facility::kAccessibility, AssetOwner::kOwnersInCommon, kNoTags,
     CostScope::kEstate},
    {"greening", "绿化美化", "greening", "平方米", Category::kImprovement, Facility::kGreening,
     AssetOwner::kOwnersInCommon, kNoTags, CostScope::kEstate},
    {"community_service_centre", "社区综合服务设施", "community service centre", "平方米",
     Category::kEnhancement, Facility::kPublicService, AssetOwner::kGovernment, kNoTags,
     CostScope::kEstate},
    {"elderly_care", "养老服务设施", "elderly care", "平方米", Category::kEnhancement,
     Facility::kPublicService, AssetOwner::kUnknown, kNoTags, CostScope::kEstate},
    {"childcare", "托育服务设施", "childcare", "平方米", Category::kEnhancement,
     Facility::kPublicService, AssetOwner::kUnknown, kNoTags, CostScope::kEstate},
}};

std::string FormatMilli(std::int64_t milli) {
  const absl::int128 v = milli;
  const absl::int128 mag = v < 0 ? -v : v;
  return absl::StrFormat("%s%d.%03d", milli < 0 ? "-" : "", absl::Int128Low64(mag / 1000),
                         absl::Int128Low64(mag % 1000));
}

std::string ItemRef(std::size_t i, const CostItem& item) {
  return StrCat("items[", i, "] \"", item.id, "\"");
}

}  // namespace

absl::StatusOr<Money> ItemCost(const CostItem& item) {
  if (item.lump_sum) return item.cost;
  // quantity (thousandths) × unit price (fen) / 1000, half away from zero.
  const absl::int128 product = absl::int128(item.quantity_milli) * item.unit_price.fen();
  absl::int128 q = product / 1000;
  const absl::int128 rem = product % 1000;
  if ((rem < 0 ? -rem : rem) * 2 >= 1000) q += product < 0 ? -1 : 1;
  if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min()) {
    return absl::OutOfRangeError(StrCat("money overflow in quantity × unit_price"));
  }
  return Money::Fen(static_cast<std::int64_t>(q));
}

absl::Status ComputeCosts(CostPlan& plan) {
  if (plan.households < 0) {
    return absl::InvalidArgumentError(
        StrCat("plan \"", plan.id, "\" households: must be >= 0, got ", plan.households));
  }
  std::vector<Money> costs(plan.items.size());
  absl::flat_hash_set<std::string> seen;
  for (std::size_t i = 0; i < plan.items.size(); ++i) {
    const CostItem& item = plan.items[i];
    const std::string ref = ItemRef(i, item);
    if (item.id.empty()) return absl::InvalidArgumentError(StrCat(ref, " id: must not be empty"));
    if (!seen.insert(item.id).second) {
      return absl::AlreadyExistsError(StrCat(ref, " id: duplicate item id \"", item.id, "\""));
    }
    if (item.lump_sum) {
      if (item.cost.is_negative()) {
        return absl::InvalidArgumentError(
            StrCat(ref, " lump_sum: must be >= 0, got ", item.cost.ToYuanString()));
      }
    } else {
      if (item.unit_price.is_negative()) {
        return absl::InvalidArgumentError(
            StrCat(ref, " unit_price: must be >= 0, got ", item.unit_price.ToYuanString()));
      }
      if (item.quantity_milli < 0) {
        return absl::InvalidArgumentError(
            StrCat(ref, " quantity: must be >= 0, got ", FormatMilli(item.quantity_milli)));
      }
    }
    if (item.elevators < 0) {
      return absl::InvalidArgumentError(
          StrCat(ref, " elevators: must be >= 0, got ", item.elevators));
    }
    if (item.scope != CostScope::kEstate && item.building.empty()) {
      return absl::InvalidArgumentError(
          StrCat(ref, " building: required for ", KeyOf(item.scope), " scope"));
    }
    if (item.scope == CostScope::kEntrance && item.entrance.empty()) {
      return absl::InvalidArgumentError(StrCat(ref, " entrance: required for entrance scope"));
    }
    absl::StatusOr<Money> cost = ItemCost(item);
    if (!cost.ok()) return absl::OutOfRangeError(StrCat(ref, " cost: ", cost.status().message()));
    costs[i] = *cost;
  }
  for (std::size_t i = 0; i < plan.items.size(); ++i) plan.items[i].cost = costs[i];
  return absl::OkStatus();
}

std::span<const CatalogueEntry> CostCatalogue() { return kCatalogue; }

const CatalogueEntry* FindCatalogueEntry(std::string_view key) {
  for (const CatalogueEntry& e : kCatalogue) {
    if (e.key == key || e.zh == key || e.en == key) return &e;
  }
  return nullptr;
}

CostItem ItemFromCatalogue(const CatalogueEntry& entry, std::string id) {
  CostItem item;
  item.id = std::move(id);
  item.name = std::string(entry.zh);
  item.catalogue = std::string(entry.key);
  item.category = entry.category;
  item.facility = entry.facility;
  item.asset_owner = entry.asset_owner;
  item.tags = entry.tags;
  item.scope = entry.scope;
  return item;
}

}  // namespace renewal
