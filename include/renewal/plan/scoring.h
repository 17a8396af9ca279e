// Competitive scoring of candidate projects (综合评分表, BRIEF §7; seed 001 Ningbo
// "量化计分、排序"; seed 000 Zhuzhou 《城镇老旧小区改造项目综合评分表》).
//
// A sheet is a list of criteria. Each criterion reads one fact of a project
// (ProjectFacts), maps it to points with a scoring function (linear between bounds,
// step thresholds, a categorical table, yes/no) and has an explicit policy for a
// missing fact. Points are exact integers in milli-points (1/1000 point); linear
// interpolation rounds half up in 128-bit arithmetic, never floating point.
#ifndef RENEWAL_SCORING_H_
#define RENEWAL_SCORING_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/plan/project.h"

namespace renewal {

class Registry;

// Points are counted in milli-points: 12.5 points == 12500.
using MilliPoints = std::int64_t;
inline constexpr MilliPoints kMilliPerPoint = 1000;

// The facts a criterion can read. Percentages are basis points (0..10000 = 0..100%).
enum class Feature : std::uint8_t {
  kAgeYears,             // plan year − build year
  kHazardCount,          // surveyed safety hazards (安全隐患)
  kBasicShortfalls,      // basic-category facilities in poor or missing condition
  kServiceShortfalls,    // improvement/enhancement facilities poor or missing
  kHouseholds,           // dwellings of the estate (户数)
  kWillingnessBp,        // survey: share of households wanting renovation
  kAgreementBp,          // vote: share of owners agreeing to the plan
  kManagementMode,       // post-renovation management mode (categorical, ManagementMode)
  kManagementAgreed,     // long-term management arrangement agreed (yes/no)
  kVotePassed,           // plan vote passed (yes/no)
  kFundingConfirmed,     // funding plan confirmed (yes/no)
  kFundCollectionBp,     // maintenance fund collected / due
  kOwnersCommittee,      // owners' committee exists (yes/no)
  kConsentRemoveIllegal,        // Xiangtan entry conditions (seed 000)
  kConsentPropertyManagement,
  kConsentFundTopUp,
};
template <>
struct LabelTable<Feature> {
  static constexpr std::array<Label<Feature>, 16> kLabels{{
      {Feature::kAgeYears, "age_years", "房龄", "age in years"},
      {Feature::kHazardCount, "hazard_count", "安全隐患数", "safety hazards"},
      {Feature::kBasicShortfalls, "basic_shortfalls", "基础类设施短板", "basic facility shortfalls"},
      {Feature::kServiceShortfalls, "service_shortfalls", "完善提升类短板",
       "improvement and service shortfalls"},
      {Feature::kHouseholds, "households", "户数", "households"},
      {Feature::kWillingnessBp, "willingness_bp", "改造意愿", "residents' willingness"},
      {Feature::kAgreementBp, "agreement_bp", "方案同意率", "agreement with the plan"},
      {Feature::kManagementMode, "management_mode", "管理模式", "management mode"},
      {Feature::kManagementAgreed, "management_agreed", "长效管理机制", "long-term management agreed"},
      {Feature::kVotePassed, "vote_passed", "表决通过", "vote passed"},
      {Feature::kFundingConfirmed, "funding_confirmed", "资金落实", "funding confirmed"},
      {Feature::kFundCollectionBp, "fund_collection_bp", "维修资金归集率",
       "maintenance fund collection"},
      {Feature::kOwnersCommittee, "owners_committee", "业主委员会", "owners' committee"},
      {Feature::kConsentRemoveIllegal, "consent_remove_illegal", "同意拆违",
       "consent to remove illegal structures"},
      {Feature::kConsentPropertyManagement, "consent_property_management", "同意物业管理",
       "consent to property management"},
      {Feature::kConsentFundTopUp, "consent_fund_top_up", "同意补交维修资金",
       "consent to top up the maintenance fund"},
  }};
};
inline constexpr std::size_t kFeatureCount = LabelTable<Feature>::kLabels.size();

enum class ScoreFunction : std::uint8_t { kLinear, kStep, kTable, kYesNo };
template <>
struct LabelTable<ScoreFunction> {
  static constexpr std::array<Label<ScoreFunction>, 4> kLabels{{
      {ScoreFunction::kLinear, "linear", "线性", "linear between bounds"},
      {ScoreFunction::kStep, "step", "分档", "step thresholds"},
      {ScoreFunction::kTable, "table", "分类表", "categorical table"},
      {ScoreFunction::kYesNo, "yes_no", "是否", "yes/no"},
  }};
};

// What a missing fact scores. Never silent: either way the criterion result says
// `missing`.
enum class MissingPolicy : std::uint8_t {
  kZero,            // the criterion scores 0 and the project is flagged
  kExcludeProject,  // the project is not ranked (flagged "incomplete")
};
template <>
struct LabelTable<MissingPolicy> {
  static constexpr std::array<Label<MissingPolicy>, 2> kLabels{{
      {MissingPolicy::kZero, "zero", "缺项计零分", "score zero"},
      {MissingPolicy::kExcludeProject, "exclude", "缺项不参与排序", "exclude the project"},
  }};
};

struct StepThreshold {
  std::int64_t at_least;   // feature value ≥ this ...
  MilliPoints points;      // ... scores this (the highest matching threshold wins)
  bool operator==(const StepThreshold&) const = default;
};
struct TableEntry {
  std::int64_t value;      // feature value (enum index for categorical features)
  MilliPoints points;
  bool operator==(const TableEntry&) const = default;
};

struct Criterion {
  std::string key;   // stable id, e.g. "basic_shortfalls"
  std::string zh;    // label on the published sheet
  Feature feature = Feature::kAgeYears;
  ScoreFunction function = ScoreFunction::kYesNo;
  MilliPoints max_points = 0;  // the weight: points at the top of the scale
  // kLinear: 0 points at `low`, max_points at `high`, clamped outside; `low` may be
  // above `high` (fewer is better).
  std::int64_t low = 0;
  std::int64_t high = 0;
  std::vector<StepThreshold> steps;   // kStep, ascending at_least
  std::vector<TableEntry> table;      // kTable; unlisted values score 0
  MissingPolicy missing = MissingPolicy::kZero;
  bool operator==(const Criterion&) const = default;
};

struct ScoringSheet {
  std::string name;
  std::string source;  // seed citation
  std::vector<Criterion> criteria;
  bool operator==(const ScoringSheet&) const = default;
};

// Checks weights ≥ 0, linear bounds distinct, steps ascending, points ≤ max_points.
absl::Status ValidateSheet(const ScoringSheet& sheet);

// Presets. `ningbo`: seed 001 (宁波 竞争比选: 配套设施与服务短板、居民参与积极性、长效管理机制).
// `zhuzhou`: a comprehensive sheet in the style seed 000 names (株洲 综合评分表); its
// weights are our documented example (docs/plan.md), the seed gives only the title.
ScoringSheet NingboSheet();
ScoringSheet ZhuzhouSheet();
std::vector<std::string> PresetSheetNames();
absl::StatusOr<ScoringSheet> PresetSheet(std::string_view name);

// The facts of one project, gathered from the registry and the project record.
// std::nullopt = not known.
struct ProjectFacts {
  std::string project_id;
  std::string estate_id;
  std::string district_id;
  std::array<std::optional<std::int64_t>, kFeatureCount> values{};
  std::optional<std::int64_t>& at(Feature f) { return values[static_cast<std::size_t>(f)]; }
  const std::optional<std::int64_t>& at(Feature f) const {
    return values[static_cast<std::size_t>(f)];
  }
};

// Gathers facts: registry (build year, hazards, facility conditions, households,
// willingness, management mode, owners' committee, consents) and the project's own
// readiness fields. `plan_year` gives ages. NotFound when the estate is unknown.
absl::StatusOr<ProjectFacts> GatherFacts(const Registry& registry, const CandidateProject& project,
                                         int plan_year);

struct CriterionScore {
  MilliPoints points = 0;
  bool missing = false;
  std::optional<std::int64_t> value;  // the fact read
};

struct ProjectScore {
  std::string project_id;
  std::vector<CriterionScore> criteria;  // in sheet order
  MilliPoints total = 0;
  bool excluded = false;                 // a kExcludeProject fact is missing
  std::vector<std::string> missing;      // keys of criteria whose fact is missing
  int rank = 0;                          // 1-based; 0 when excluded
};

// Points of one criterion for one value (exposed for tests).
MilliPoints ScoreValue(const Criterion& c, std::int64_t value);

// Tie-break used by RankScores, stated once: total points (desc), then carried-over
// years (desc), then households (desc), then project id (asc, bytewise).
inline constexpr std::string_view kRankTieBreak =
    "total desc, carried_over_years desc, households desc, project id asc";

// Scores every project; ranks the non-excluded ones. `carried_over_years[i]` feeds
// the tie-break (may be empty).
absl::StatusOr<std::vector<ProjectScore>> ScoreProjects(const ScoringSheet& sheet,
                                                        const std::vector<ProjectFacts>& facts,
                                                        const std::vector<int>& carried_over_years);

}  // namespace renewal

#endif  // RENEWAL_SCORING_H_
