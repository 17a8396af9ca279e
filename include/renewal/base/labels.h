// Enumerations of the survey ledger, each with a stable JSON key, a Chinese and an
// English name. Parsing accepts any of the three; output uses the key.
#ifndef RENEWAL_LABELS_H_
#define RENEWAL_LABELS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace renewal {

template <class E>
struct Label {
  E value;
  std::string_view key;  // stable, ASCII, used in JSON
  std::string_view zh;
  std::string_view en;
};

// Specialised below for every labelled enum: `static constexpr std::array kLabels`.
template <class E>
struct LabelTable;

template <class E>
constexpr std::span<const Label<E>> Labels() {
  return LabelTable<E>::kLabels;
}

template <class E>
constexpr const Label<E>& LabelOf(E value) {
  // Tables are declared in enumerator order, so the value is the index.
  return LabelTable<E>::kLabels[static_cast<std::size_t>(value)];
}
template <class E>
constexpr std::string_view KeyOf(E value) { return LabelOf(value).key; }
template <class E>
constexpr std::string_view ZhOf(E value) { return LabelOf(value).zh; }
template <class E>
constexpr std::string_view EnOf(E value) { return LabelOf(value).en; }

// Accepts the key, the Chinese or the English name.
template <class E>
constexpr std::optional<E> ParseLabel(std::string_view text) {
  for (const Label<E>& l : Labels<E>()) {
    if (text == l.key || text == l.zh || text == l.en) return l.value;
  }
  return std::nullopt;
}

template <class E>
constexpr std::size_t LabelCount() { return LabelTable<E>::kLabels.size(); }

// ---------------------------------------------------------------------------
// Where a dwelling's exclusive area comes from; SPC interpretation 法释〔2009〕7号
// art. 8 ranks them registered > surveyed > contract.
enum class AreaSource : std::uint8_t { kRegistered, kSurveyed, kContract };
template <>
struct LabelTable<AreaSource> {
  static constexpr std::array<Label<AreaSource>, 3> kLabels{{
      {AreaSource::kRegistered, "registered", "登记面积", "registered"},
      {AreaSource::kSurveyed, "surveyed", "测绘面积", "surveyed"},
      {AreaSource::kContract, "contract", "合同面积", "contract"},
  }};
};

enum class PropertyType : std::uint8_t {
  kCommercial, kReformHousing, kPublicHousing, kWorkUnit, kOwnerless, kResettlement,
  kAffordable, kOther
};
template <>
struct LabelTable<PropertyType> {
  static constexpr std::array<Label<PropertyType>, 8> kLabels{{
      {PropertyType::kCommercial, "commercial", "商品房", "commercial housing"},
      {PropertyType::kReformHousing, "reform_housing", "房改房", "reformed public housing"},
      {PropertyType::kPublicHousing, "public_housing", "公房", "public rental housing"},
      {PropertyType::kWorkUnit, "work_unit", "单位自管", "work-unit managed"},
      {PropertyType::kOwnerless, "ownerless", "无主", "ownerless"},
      {PropertyType::kResettlement, "resettlement", "安置房", "resettlement housing"},
      {PropertyType::kAffordable, "affordable", "经济适用房", "affordable housing"},
      {PropertyType::kOther, "other", "其他", "other"},
  }};
};

// Sale state matters for headcount: units the developer has not sold, or sold and not
// delivered, count together as one person (法释〔2009〕7号 art. 9).
enum class SaleState : std::uint8_t { kOwned, kDeveloperUnsold, kSoldUndelivered };
template <>
struct LabelTable<SaleState> {
  static constexpr std::array<Label<SaleState>, 3> kLabels{{
      {SaleState::kOwned, "owned", "已售", "owned"},
      {SaleState::kDeveloperUnsold, "developer_unsold", "开发商未售", "developer-held, unsold"},
      {SaleState::kSoldUndelivered, "sold_undelivered", "已售未交付", "sold, not delivered"},
  }};
};

enum class Structure : std::uint8_t {
  kUnknown, kBrickConcrete, kBrickWood, kFrame, kShearWall, kSteel, kOther
};
template <>
struct LabelTable<Structure> {
  static constexpr std::array<Label<Structure>, 7> kLabels{{
      {Structure::kUnknown, "unknown", "未知", "unknown"},
      {Structure::kBrickConcrete, "brick_concrete", "砖混", "brick-concrete"},
      {Structure::kBrickWood, "brick_wood", "砖木", "brick-wood"},
      {Structure::kFrame, "frame", "框架", "frame"},
      {Structure::kShearWall, "shear_wall", "剪力墙", "shear wall"},
      {Structure::kSteel, "steel", "钢结构", "steel"},
      {Structure::kOther, "other", "其他", "other"},
  }};
};

// Facility types of the survey and of plan items (国办发〔2020〕23号 lists).
enum class Facility : std::uint8_t {
  kWater, kDrainage, kPower, kGas, kWeakCurrent, kHeating, kRoads, kFireSafety, kSecurity,
  kLighting, kRoof, kFacade, kStairwell, kParking, kAccessibility, kGreening, kWaste,
  kElevator, kCharging, kPublicService
};
template <>
struct LabelTable<Facility> {
  static constexpr std::array<Label<Facility>, 20> kLabels{{
      {Facility::kWater, "water", "供水", "water supply"},
      {Facility::kDrainage, "drainage", "排水", "drainage"},
      {Facility::kPower, "power", "供电", "power supply"},
      {Facility::kGas, "gas", "供气", "gas"},
      {Facility::kWeakCurrent, "weak_current", "弱电", "weak current (telecom, cable)"},
      {Facility::kHeating, "heating", "供暖", "heating"},
      {Facility::kRoads, "roads", "道路", "roads"},
      {Facility::kFireSafety, "fire_safety", "消防", "fire safety"},
      {Facility::kSecurity, "security", "安防", "security"},
      {Facility::kLighting, "lighting", "照明", "lighting"},
      {Facility::kRoof, "roof", "屋面", "roof"},
      {Facility::kFacade, "facade", "外立面", "facade"},
      {Facility::kStairwell, "stairwell", "楼道", "stairwell"},
      {Facility::kParking, "parking", "停车", "parking"},
      {Facility::kAccessibility, "accessibility", "无障碍", "accessibility"},
      {Facility::kGreening, "greening", "绿化", "greening"},
      {Facility::kWaste, "waste", "环卫", "waste collection"},
      {Facility::kElevator, "elevator", "电梯", "elevator"},
      {Facility::kCharging, "charging", "充电设施", "EV and e-bike charging"},
      {Facility::kPublicService, "public_service", "公共服务设施", "community services"},
  }};
};
inline constexpr std::size_t kFacilityCount = LabelTable<Facility>::kLabels.size();

// The three content categories of 国办发〔2020〕23号.
enum class Category : std::uint8_t { kBasic, kImprovement, kEnhancement };
template <>
struct LabelTable<Category> {
  static constexpr std::array<Label<Category>, 3> kLabels{{
      {Category::kBasic, "basic", "基础类", "basic"},
      {Category::kImprovement, "improvement", "完善类", "improvement"},
      {Category::kEnhancement, "enhancement", "提升类", "enhancement"},
  }};
};

// The category a facility's renovation usually falls in (国办发〔2020〕23号 二(二)).
constexpr Category DefaultCategoryOf(Facility f) {
  switch (f) {
    case Facility::kWater: case Facility::kDrainage: case Facility::kPower:
    case Facility::kGas: case Facility::kWeakCurrent: case Facility::kHeating:
    case Facility::kRoads: case Facility::kFireSafety: case Facility::kSecurity:
    case Facility::kLighting: case Facility::kRoof: case Facility::kFacade:
    case Facility::kStairwell: case Facility::kWaste:
      return Category::kBasic;
    case Facility::kParking: case Facility::kAccessibility: case Facility::kGreening:
    case Facility::kElevator: case Facility::kCharging:
      return Category::kImprovement;
    case Facility::kPublicService:
      return Category::kEnhancement;
  }
  return Category::kBasic;
}

enum class Condition : std::uint8_t { kUnknown, kGood, kFair, kPoor, kMissing };
template <>
struct LabelTable<Condition> {
  static constexpr std::array<Label<Condition>, 5> kLabels{{
      {Condition::kUnknown, "unknown", "未调查", "not surveyed"},
      {Condition::kGood, "good", "完好", "good"},
      {Condition::kFair, "fair", "一般", "fair"},
      {Condition::kPoor, "poor", "较差", "poor"},
      {Condition::kMissing, "missing", "缺失", "missing"},
  }};
};

enum class Hazard : std::uint8_t {
  kStructural, kFire, kGas, kElectrical, kFallingObjects, kFlooding, kOther
};
template <>
struct LabelTable<Hazard> {
  static constexpr std::array<Label<Hazard>, 7> kLabels{{
      {Hazard::kStructural, "structural", "结构安全隐患", "structural"},
      {Hazard::kFire, "fire", "消防隐患", "fire"},
      {Hazard::kGas, "gas", "燃气隐患", "gas"},
      {Hazard::kElectrical, "electrical", "电气隐患", "electrical"},
      {Hazard::kFallingObjects, "falling_objects", "外墙脱落", "falling facade parts"},
      {Hazard::kFlooding, "flooding", "内涝", "flooding"},
      {Hazard::kOther, "other", "其他隐患", "other"},
  }};
};

enum class IllegalStructures : std::uint8_t {
  kUnknown, kNone, kLargelyRemoved, kPartlyRemoved, kWidespread
};
template <>
struct LabelTable<IllegalStructures> {
  static constexpr std::array<Label<IllegalStructures>, 5> kLabels{{
      {IllegalStructures::kUnknown, "unknown", "未调查", "not surveyed"},
      {IllegalStructures::kNone, "none", "无违章建筑", "none"},
      {IllegalStructures::kLargelyRemoved, "largely_removed", "基本拆除", "largely removed"},
      {IllegalStructures::kPartlyRemoved, "partly_removed", "部分拆除", "partly removed"},
      {IllegalStructures::kWidespread, "widespread", "普遍存在", "widespread"},
  }};
};

enum class ManagementMode : std::uint8_t {
  kUnknown, kProfessional, kWorkUnit, kSelfManaged, kGovernmentTrustee, kNone
};
template <>
struct LabelTable<ManagementMode> {
  static constexpr std::array<Label<ManagementMode>, 6> kLabels{{
      {ManagementMode::kUnknown, "unknown", "未调查", "not surveyed"},
      {ManagementMode::kProfessional, "professional", "专业物业", "professional property company"},
      {ManagementMode::kWorkUnit, "work_unit", "单位管理", "original work unit"},
      {ManagementMode::kSelfManaged, "self_managed", "居民自治", "self-management"},
      {ManagementMode::kGovernmentTrustee, "government_trustee", "政府托管", "government trusteeship"},
      {ManagementMode::kNone, "none", "无人管理", "no management"},
  }};
};

enum class OwnerKind : std::uint8_t { kPerson, kOrganisation, kDeveloper, kGovernment };
template <>
struct LabelTable<OwnerKind> {
  static constexpr std::array<Label<OwnerKind>, 4> kLabels{{
      {OwnerKind::kPerson, "person", "个人", "person"},
      {OwnerKind::kOrganisation, "organisation", "单位", "organisation"},
      {OwnerKind::kDeveloper, "developer", "开发建设单位", "developer"},
      {OwnerKind::kGovernment, "government", "政府", "government"},
  }};
};

}  // namespace renewal

#endif  // RENEWAL_LABELS_H_
