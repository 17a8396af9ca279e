// Eligibility screening (改造范围): is an estate in scope for renovation under a
// policy? A Policy is a named list of rules; screening gives every rule a pass /
// fail / unknown outcome with the values compared, and the estate an overall
// status: any fail → ineligible; otherwise any unknown → undetermined; otherwise
// eligible. Missing survey data never passes a rule (docs/eligibility.md).
//
// The evaluation year is always an argument (never the clock), so a screening can
// be reproduced later.
#ifndef RENEWAL_ELIGIBILITY_H_
#define RENEWAL_ELIGIBILITY_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/registry/registry.h"

namespace renewal {

enum class RuleKind : std::uint8_t {
  kBuiltNoLaterThan,          // build_year <= year
  kFlag,                      // a yes/no fact must have a given value
  kNoDemolitionPlan,          // no demolition plan (any, or within N years)
  kNoRecentRenovation,        // no comprehensive renovation in the last N years
  kIllegalStructuresAtMost,   // illegal structures no worse than a level
  kSelfGovernance,            // owners' committee OR self-governance group
  kWillingnessAtLeast,        // residents' willingness >= a share
  kBasicFacilitiesDeficient,  // at least one basic facility poor or missing
};
template <>
struct LabelTable<RuleKind> {
  static constexpr std::array<Label<RuleKind>, 8> kLabels{{
      {RuleKind::kBuiltNoLaterThan, "built_no_later_than", "建成年代", "built no later than"},
      {RuleKind::kFlag, "flag", "条件", "condition"},
      {RuleKind::kNoDemolitionPlan, "no_demolition_plan", "未纳入征迁计划",
       "not in a demolition plan"},
      {RuleKind::kNoRecentRenovation, "no_recent_renovation", "近年未实施综合改造",
       "no recent comprehensive renovation"},
      {RuleKind::kIllegalStructuresAtMost, "illegal_structures_at_most", "违章建筑拆除情况",
       "illegal structures removed"},
      {RuleKind::kSelfGovernance, "owners_committee_or_self_governance",
       "已产生业主委员会或自治小组", "owners' committee or self-governance group"},
      {RuleKind::kWillingnessAtLeast, "willingness_at_least", "居民改造意愿",
       "residents' willingness"},
      {RuleKind::kBasicFacilitiesDeficient, "basic_facilities_deficient", "基础设施明显不足",
       "basic facilities deficient"},
  }};
};

// The yes/no facts of EstateFacts a kFlag rule can test.
enum class EstateFlag : std::uint8_t {
  kInShantytownPlan, kUrbanVillage, kMostlySelfBuilt, kConsentRemoveIllegal,
  kConsentPropertyManagement, kConsentFundTopUp, kConsentEntrustPublicResources,
  kOwnersCommittee, kSelfGovernanceGroup, kHasElevator
};
template <>
struct LabelTable<EstateFlag> {
  static constexpr std::array<Label<EstateFlag>, 10> kLabels{{
      {EstateFlag::kInShantytownPlan, "in_shantytown_plan", "纳入棚户区改造计划",
       "in the shantytown renovation plan"},
      {EstateFlag::kUrbanVillage, "urban_village", "城中村", "urban village"},
      {EstateFlag::kMostlySelfBuilt, "mostly_self_built", "以居民自建住房为主",
       "mostly self-built housing"},
      {EstateFlag::kConsentRemoveIllegal, "consent_remove_illegal", "居民同意拆除违章建筑",
       "residents agree to remove illegal structures"},
      {EstateFlag::kConsentPropertyManagement, "consent_property_management",
       "同意接受专业物业管理并缴纳物业费",
       "residents accept professional management and fees"},
      {EstateFlag::kConsentFundTopUp, "consent_fund_top_up", "同意补交维修资金",
       "residents agree to top up the maintenance fund"},
      {EstateFlag::kConsentEntrustPublicResources, "consent_entrust_public_resources",
       "同意将公共资源委托运营", "residents agree to entrust public resources to operators"},
      {EstateFlag::kOwnersCommittee, "owners_committee", "已成立业主委员会",
       "owners' committee exists"},
      {EstateFlag::kSelfGovernanceGroup, "self_governance_group", "已成立自治小组",
       "self-governance group exists"},
      {EstateFlag::kHasElevator, "has_elevator", "有电梯", "has an elevator"},
  }};
};

// The fact a kFlag rule reads; std::nullopt when not surveyed.
std::optional<bool> FlagValue(const EstateFacts& facts, EstateFlag flag);

enum class RuleOutcome : std::uint8_t { kPass, kFail, kUnknown };
template <>
struct LabelTable<RuleOutcome> {
  static constexpr std::array<Label<RuleOutcome>, 3> kLabels{{
      {RuleOutcome::kPass, "pass", "符合", "pass"},
      {RuleOutcome::kFail, "fail", "不符合", "fail"},
      {RuleOutcome::kUnknown, "unknown", "数据缺失", "unknown (data missing)"},
  }};
};

enum class Eligibility : std::uint8_t { kEligible, kIneligible, kUndetermined };
template <>
struct LabelTable<Eligibility> {
  static constexpr std::array<Label<Eligibility>, 3> kLabels{{
      {Eligibility::kEligible, "eligible", "符合改造条件", "eligible"},
      {Eligibility::kIneligible, "ineligible", "不符合改造条件", "ineligible"},
      {Eligibility::kUndetermined, "undetermined", "待核实", "undetermined"},
  }};
};

// One rule. Which parameters matter depends on `kind`; the others are ignored.
struct EligibilityRule {
  std::string id;  // unique within the policy, e.g. "built_by_2000"
  RuleKind kind = RuleKind::kBuiltNoLaterThan;
  int year = 2000;                        // kBuiltNoLaterThan: latest build year (inclusive)
  int years = 0;                          // kNoDemolitionPlan: 0 = any plan, N = within N years;
                                          // kNoRecentRenovation: N (>= 1)
  EstateFlag flag = EstateFlag::kInShantytownPlan;  // kFlag
  bool required = false;                            // kFlag: the value that passes
  IllegalStructures max_illegal = IllegalStructures::kLargelyRemoved;  // kIllegalStructuresAtMost
  // kWillingnessAtLeast: the share of households, as the exact fraction
  // share_num / share_den of all households (e.g. 2/3), inclusive (以上).
  std::int64_t share_num = 2;
  std::int64_t share_den = 3;
  std::string zh;      // the rule as the policy words it
  std::string en;
  std::string source;  // citation, e.g. "seed 002 三、(一)"
  bool operator==(const EligibilityRule&) const = default;
};

struct Policy {
  std::string name;
  std::string zh;
  std::string en;
  std::vector<EligibilityRule> rules;
  bool operator==(const Policy&) const = default;
};

/// What one rule found for one estate: the outcome and the compared values as
/// short, language-neutral text with the registry's keys ("1998" vs "<= 2000";
/// "partly_removed"; "not surveyed"), and the same values worded wholly in Chinese
/// ("部分拆除", "未改造过或2021年或以前") and wholly in English ("partly removed"),
/// which ReasonZh and ReasonEn use.
struct RuleResult {
  RuleOutcome outcome = RuleOutcome::kUnknown;
  std::string actual;
  std::string expected;
  std::string actual_zh, expected_zh;
  std::string actual_en, expected_en;
};

struct EstateScreening {
  Eligibility status = Eligibility::kUndetermined;
  std::vector<RuleResult> rules;  // one per policy rule, in policy order
};

// RuleOutcome of one rule, without the texts (the hot path).
RuleOutcome EvaluateRule(const EligibilityRule& rule, const EstateFacts& facts, int year);
// RuleOutcome with the compared values.
RuleResult ExplainRule(const EligibilityRule& rule, const EstateFacts& facts, int year);
EstateScreening ScreenEstate(const Policy& policy, const EstateFacts& facts, int year);
// Combines rule outcomes: any fail → ineligible; else any unknown → undetermined.
Eligibility Combine(std::span<const RuleOutcome> outcomes);

// A sentence giving the rule, the values and the outcome, e.g.
// "建成年代：2000年（含）以前建成；实际 1998，要求 <= 2000 → 符合".
std::string ReasonZh(const EligibilityRule& rule, const RuleResult& result);
std::string ReasonEn(const EligibilityRule& rule, const RuleResult& result);

// Screening of a whole registry, column-wise: outcome(e, r) for estate e, rule r.
struct ScreeningResult {
  std::size_t rule_count = 0;
  std::vector<Eligibility> status;  // per estate
  std::vector<RuleOutcome> outcomes;    // estate-major, status.size() * rule_count
  std::size_t eligible = 0, ineligible = 0, undetermined = 0;

  std::size_t estate_count() const { return status.size(); }
  RuleOutcome outcome(Index estate, std::size_t rule) const {
    return outcomes[estate * rule_count + rule];
  }
};

// `year` is the evaluation year (e.g. 2024); rules with relative windows count
// back or forward from it.
ScreeningResult ScreenRegistry(const Registry& registry, const Policy& policy, int year);

// --- policies --------------------------------------------------------------

// "national_2020", "yueyang", "xiangtan_competitive".
std::vector<std::string_view> PresetPolicyNames();
// NotFound for an unknown name (the message lists the presets).
absl::StatusOr<Policy> PresetPolicy(std::string_view name);

// A policy from JSON (docs/schemas/eligibility-policy.schema.json). Errors name
// the rule index and field: `rules[2] year: expected an integer, got "x"`.
absl::StatusOr<Policy> ParsePolicyJson(std::string_view json);
// A preset name, or JSON text (starts with '{').
absl::StatusOr<Policy> ResolvePolicy(std::string_view name_or_json);
// A preset name, JSON text, or the path of a JSON policy file (errors from a file
// are prefixed with its path).
absl::StatusOr<Policy> LoadPolicy(std::string_view name_json_or_path);
// The policy in the same JSON format (every parameter of every rule written).
std::string PolicyToJson(const Policy& policy);

}  // namespace renewal

#endif  // RENEWAL_ELIGIBILITY_H_
