// Completeness of an estate plan against the survey (国办发〔2020〕23号
// "基础类应改尽改，完善类、提升类能改则改"): every facility the survey records as
// deficient under a rule of the policy must be covered by an item of that facility
// or waived with a reason; improvement items are suggested where the survey shows
// the need (an elevator per entrance of a building with floors ≥ N and none). Each
// finding cites its rule and the condition that made it required. docs/scheme.md.
#ifndef RENEWAL_SCHEME_COMPLETENESS_H_
#define RENEWAL_SCHEME_COMPLETENESS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/registry/registry.h"
#include "renewal/scheme/scheme_plan.h"

namespace renewal {

/// Required (应改尽改: missing fails the plan) or suggested (能改则改: reported).
enum class NeedKind : std::uint8_t { kRequired, kSuggested };
template <>
struct LabelTable<NeedKind> {
  static constexpr std::array<Label<NeedKind>, 2> kLabels{{
      {NeedKind::kRequired, "required", "应改", "required"},
      {NeedKind::kSuggested, "suggested", "宜改", "suggested"},
  }};
};

/// One rule: facility `facility` in condition `trigger` or worse (poor → poor or
/// missing) needs an item of that facility. With `min_floors` set the rule is the
/// elevator rule instead: per entrance of every building with floors >= min_floors
/// (以上, inclusive) and no elevator, decided per entrance by its vote.
struct CompletenessRule {
  std::string id;
  Facility facility = Facility::kWater;
  Condition trigger = Condition::kPoor;
  NeedKind kind = NeedKind::kRequired;
  std::optional<int> min_floors;
  std::string zh;
  std::string en;
  std::string source;  // the document's title and number
  bool operator==(const CompletenessRule&) const = default;
};

struct CompletenessPolicy {
  std::string name;
  std::string zh;
  std::string en;
  std::vector<CompletenessRule> rules;
  bool operator==(const CompletenessPolicy&) const = default;
};

/// "national" (国办发〔2020〕23号: every basic facility poor or missing required;
/// accessibility suggested; elevator suggested from 4 floors) and "changsha"
/// (湘建城函〔2021〕161号: fire safety and ageing-friendly works required, elevator
/// "能装尽装").
std::vector<std::string_view> CompletenessPresetNames();
absl::StatusOr<CompletenessPolicy> CompletenessPreset(std::string_view name);

enum class NeedStatus : std::uint8_t {
  kCovered, kWaived, kMissing, kNotSurveyed, kSuggested, kDeclined
};
template <>
struct LabelTable<NeedStatus> {
  static constexpr std::array<Label<NeedStatus>, 6> kLabels{{
      {NeedStatus::kCovered, "covered", "已纳入方案", "covered"},
      {NeedStatus::kWaived, "waived", "说明不改", "waived"},
      {NeedStatus::kMissing, "missing", "缺项", "missing"},
      {NeedStatus::kNotSurveyed, "not_surveyed", "未调查", "not surveyed"},
      {NeedStatus::kSuggested, "suggested", "建议纳入", "suggested, not in the plan"},
      {NeedStatus::kDeclined, "declined", "表决未通过", "declined by the vote"},
  }};
};

/// One finding: which rule, what the survey shows, and what the plan does.
struct Need {
  std::size_t rule = 0;  // index into the policy's rules
  Facility facility = Facility::kWater;
  Condition condition = Condition::kUnknown;  // the survey's record (estate rules)
  NeedKind kind = NeedKind::kRequired;
  NeedStatus status = NeedStatus::kMissing;
  std::string building;  // elevator rule: the entrance
  std::string entrance;
  int floors = 0;              // elevator rule: the building's floors
  std::vector<std::string> items;  // covering item IDs
  std::string waiver;          // the waiver's reason
  std::string reason_zh;
  std::string reason_en;
};

struct CompletenessResult {
  std::string estate;
  std::vector<Need> needs;  // rule order; elevator needs in entrance order
  int required = 0, covered = 0, waived = 0, missing = 0, not_surveyed = 0;
  int suggested = 0, suggested_covered = 0, declined = 0;
  /// Every required need covered or waived (a facility not surveyed is not).
  bool complete() const { return missing == 0 && not_surveyed == 0; }
};

/// The plan's completeness against the estate's survey. Errors: the estate is not
/// in the registry (NotFound), the plan does not fit it (CheckPlanAgainstRegistry).
absl::StatusOr<CompletenessResult> CheckCompleteness(const SchemePlan& plan,
                                                     const Registry& registry,
                                                     const CompletenessPolicy& policy);
/// The same without the registry checks or texts (the hot path of a city run);
/// `estate` is the plan's estate index.
CompletenessResult CheckCompletenessFast(const SchemePlan& plan, const Registry& registry,
                                         Index estate, const CompletenessPolicy& policy,
                                         bool texts);

/// JSON (docs/schemas/scheme-completeness.schema.json).
std::string CompletenessToJson(const CompletenessPolicy& policy, const CompletenessResult& result);

}  // namespace renewal

#endif  // RENEWAL_SCHEME_COMPLETENESS_H_
