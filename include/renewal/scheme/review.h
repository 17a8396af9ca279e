// Review of an estate plan (方案审查): a policy is a list of checks, each giving
// pass / fail / unknown with the values compared; unknown never passes. A plan
// passes when every check passes, fails when any fails (every failed check is
// listed), and is undetermined otherwise. Presets: Changsha's "八不通过" (the four
// conditions 湘建城函〔2021〕161号 states, plus completeness), the national default
// and Wuhan's joint review (each department's sign-off). docs/scheme.md.
#ifndef RENEWAL_SCHEME_REVIEW_H_
#define RENEWAL_SCHEME_REVIEW_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/registry/registry.h"
#include "renewal/scheme/completeness.h"
#include "renewal/scheme/scheme_plan.h"

namespace renewal {

enum class CheckKind : std::uint8_t {
  kSurveyDone,              // the survey records every facility the policy reads
  kResidentsConsulted,      // the last consultation round passes its rule
  kFireLaneAndAgeing,       // fire safety and ageing-friendly works opened up
  kContributionsDisclosed,  // residents' and social contributions stated
  kComplete,                // completeness (completeness.h)
  kConsultationRounds,      // at least N consultation rounds
  kNoticeRounds,            // at least N public notices of at least D days
  kOpinionsAnswered,        // every opinion answered
  kDepartmentSignOff,       // a department signed the plan off
  kManagementMode,          // a management mode after renovation chosen
};
template <>
struct LabelTable<CheckKind> {
  static constexpr std::array<Label<CheckKind>, 10> kLabels{{
      {CheckKind::kSurveyDone, "survey_done", "开展现状调研", "survey of the present state"},
      {CheckKind::kResidentsConsulted, "residents_consulted", "征求居民意见",
       "residents consulted"},
      {CheckKind::kFireLaneAndAgeing, "fire_lane_and_ageing", "畅通消防通道及适老设施",
       "fire lanes and ageing-friendly facilities"},
      {CheckKind::kContributionsDisclosed, "contributions_disclosed", "社会出资与居民出资告知",
       "residents' and social contributions disclosed"},
      {CheckKind::kComplete, "complete", "基础类应改尽改", "every deficient basic item covered"},
      {CheckKind::kConsultationRounds, "consultation_rounds", "征询轮次", "consultation rounds"},
      {CheckKind::kNoticeRounds, "notice_rounds", "公示轮次", "public notice rounds"},
      {CheckKind::kOpinionsAnswered, "opinions_answered", "意见逐条答复", "every opinion answered"},
      {CheckKind::kDepartmentSignOff, "department_signoff", "部门联审意见", "department sign-off"},
      {CheckKind::kManagementMode, "management_mode", "改造后管理模式", "management after renovation"},
  }};
};

enum class CheckOutcome : std::uint8_t { kPass, kFail, kUnknown };
template <>
struct LabelTable<CheckOutcome> {
  static constexpr std::array<Label<CheckOutcome>, 3> kLabels{{
      {CheckOutcome::kPass, "pass", "通过", "pass"},
      {CheckOutcome::kFail, "fail", "不通过", "fail"},
      {CheckOutcome::kUnknown, "unknown", "无法判定", "unknown"},
  }};
};

enum class ReviewStatus : std::uint8_t { kPassed, kFailed, kUndetermined };
template <>
struct LabelTable<ReviewStatus> {
  static constexpr std::array<Label<ReviewStatus>, 3> kLabels{{
      {ReviewStatus::kPassed, "passed", "审查通过", "passed"},
      {ReviewStatus::kFailed, "failed", "审查不通过", "failed"},
      {ReviewStatus::kUndetermined, "undetermined", "待补充材料", "undetermined"},
  }};
};

/// One check; which parameters matter depends on `kind`.
struct ReviewCheck {
  std::string id;
  CheckKind kind = CheckKind::kSurveyDone;
  std::string rule;          // kResidentsConsulted: the vote rule required ("" = any)
  int count = 1;             // kConsultationRounds, kNoticeRounds: at least this many
  int min_days = 0;          // kNoticeRounds: each notice at least this many days
  Department department = Department::kFire;  // kDepartmentSignOff
  std::string zh;
  std::string en;
  std::string source;
  bool operator==(const ReviewCheck&) const = default;
};

struct ReviewPolicy {
  std::string name;
  std::string zh;
  std::string en;
  std::string completeness;  // the completeness preset kComplete and kSurveyDone use
  std::vector<ReviewCheck> checks;
  bool operator==(const ReviewPolicy&) const = default;
};

/// "changsha_eight_no", "national", "wuhan_joint_review", "changsha_two_rounds".
std::vector<std::string_view> ReviewPresetNames();
absl::StatusOr<ReviewPolicy> ReviewPreset(std::string_view name);

struct CheckResult {
  CheckOutcome outcome = CheckOutcome::kUnknown;
  std::string actual;    // language-neutral values: "2 rounds", "fire_safety, accessibility"
  std::string expected;
  std::string reason_zh;
  std::string reason_en;
};

struct ReviewResult {
  std::string plan;
  std::string estate;
  std::string policy;
  ReviewStatus status = ReviewStatus::kUndetermined;
  std::vector<CheckResult> checks;  // policy order
  std::vector<std::size_t> failed;  // indices of failed checks
  CompletenessResult completeness;
};

/// Reviews one plan. Errors: as CheckCompleteness, and an unknown completeness preset.
absl::StatusOr<ReviewResult> ReviewPlan(const SchemePlan& plan, const Registry& registry,
                                        const ReviewPolicy& policy);
/// Outcomes only, without texts (a city run). Same order as the policy's checks.
absl::StatusOr<ReviewStatus> ReviewPlanFast(const SchemePlan& plan, const Registry& registry,
                                            Index estate, const ReviewPolicy& policy,
                                            const CompletenessPolicy& completeness,
                                            std::vector<CheckOutcome>* outcomes);

/// JSON of one review (docs/schemas/scheme-review.schema.json).
std::string ReviewToJson(const ReviewPolicy& policy, const ReviewResult& result);
/// Several reviews: {"format": "renewal.scheme-reviews", "reviews": [...]}.
std::string ReviewsToJson(const ReviewPolicy& policy, const std::vector<ReviewResult>& results);
/// Text for a terminal, Chinese then English per check.
std::string ReviewToText(const ReviewPolicy& policy, const ReviewResult& result,
                         bool english = false);

/// What the annual plan reads: estate ID → passed, from a reviews document (one
/// review or the several-review form). Errors name the record and field.
struct ReviewVerdict {
  std::string estate;
  std::string plan;
  ReviewStatus status = ReviewStatus::kUndetermined;
};
absl::StatusOr<std::vector<ReviewVerdict>> ParseReviewVerdictsJson(std::string_view text);

}  // namespace renewal

#endif  // RENEWAL_SCHEME_REVIEW_H_
