// The completeness presets (docs/scheme.md): which survey findings require or
// suggest which items, each rule cited.
#include "renewal/base/strcat.h"
#include "renewal/scheme/completeness.h"

namespace renewal {
namespace {

constexpr std::string_view kNational =
    "《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》（国办发〔2020〕23号）";
constexpr std::string_view kHunan =
    "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号）";
// No seed gives a floor count; 4 floors (四层及以上) is the common threshold of local
// elevator-addition rules and is a parameter (docs/scheme.md).
constexpr int kElevatorFloors = 4;

CompletenessRule Basic(Facility f, std::string_view source) {
  CompletenessRule r;
  r.id = StrCat("basic_", KeyOf(f));
  r.facility = f;
  r.trigger = Condition::kPoor;
  r.kind = NeedKind::kRequired;
  r.zh = "基础类设施较差或缺失的应改尽改";
  r.en = "a basic facility in poor condition or missing must be renovated";
  r.source = std::string(source);
  return r;
}

CompletenessRule Improvement(Facility f, NeedKind kind, std::string_view zh, std::string_view en,
                             std::string_view source) {
  CompletenessRule r;
  r.id = StrCat(kind == NeedKind::kRequired ? "required_" : "suggested_", KeyOf(f));
  r.facility = f;
  r.trigger = Condition::kPoor;
  r.kind = kind;
  r.zh = std::string(zh);
  r.en = std::string(en);
  r.source = std::string(source);
  return r;
}

CompletenessRule Elevator(std::string_view zh, std::string_view en, std::string_view source) {
  CompletenessRule r;
  r.id = "suggested_elevator";
  r.facility = Facility::kElevator;
  r.kind = NeedKind::kSuggested;
  r.min_floors = kElevatorFloors;
  r.zh = std::string(zh);
  r.en = std::string(en);
  r.source = std::string(source);
  return r;
}

CompletenessPolicy National() {
  CompletenessPolicy p;
  p.name = "national";
  p.zh = "基础类应改尽改，完善类、提升类能改则改";
  p.en = "basic items wherever needed; improvement and enhancement items where possible";
  for (const Label<Facility>& l : Labels<Facility>()) {
    if (DefaultCategoryOf(l.value) == Category::kBasic) p.rules.push_back(Basic(l.value, kNational));
  }
  p.rules.push_back(Improvement(Facility::kAccessibility, NeedKind::kSuggested,
                                "完善类无障碍及适老化设施能改则改",
                                "improvement: accessibility works where possible", kNational));
  p.rules.push_back(Elevator("完善类加装电梯能改则改，由本单元表决决定",
                             "improvement: an added elevator where possible, decided by the "
                             "entrance's vote",
                             kNational));
  return p;
}

CompletenessPolicy Changsha() {
  CompletenessPolicy p;
  p.name = "changsha";
  p.zh = "长沙：基础类应改尽改，消防及无障碍设施配置，电梯能装尽装";
  p.en = "Changsha: basic items wherever needed, fire and accessibility works, elevators "
         "wherever they can be added";
  for (const Label<Facility>& l : Labels<Facility>()) {
    if (DefaultCategoryOf(l.value) == Category::kBasic) p.rules.push_back(Basic(l.value, kHunan));
  }
  // The seed names "未增设或改造无障碍通道及消防设施的配置" a fault of a plan.
  p.rules.push_back(Improvement(Facility::kAccessibility, NeedKind::kRequired,
                                "无障碍通道及适老设施较差或缺失的须增设或改造",
                                "accessible routes and ageing-friendly facilities in poor "
                                "condition or missing must be added or renovated",
                                kHunan));
  p.rules.push_back(Elevator("电梯能装尽装，由本单元表决决定",
                             "elevators wherever they can be added, decided by the entrance's vote",
                             kHunan));
  return p;
}

}  // namespace

std::vector<std::string_view> CompletenessPresetNames() { return {"national", "changsha"}; }

absl::StatusOr<CompletenessPolicy> CompletenessPreset(std::string_view name) {
  if (name == "national") return National();
  if (name == "changsha") return Changsha();
  return absl::NotFoundError(StrCat("completeness policy: no preset named \"", name,
                                    "\" (presets: national, changsha)"));
}

}  // namespace renewal
