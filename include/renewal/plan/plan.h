// Programme planning (BRIEF §7): the project library, the annual plan under the
// fiscal budget ("结合财政承受能力", "成熟一个、改造一个"), the tiers "实施一批、谋划一批、
// 储备一批", substitutes (候补) and multi-year rolling plans (seed 000 Xiangtan
// 项目库 2021-2025; seed 001 Ningbo 滚动纳入计划).
//
// The selection is a 0/1 knapsack with side constraints, solved by
//   * an exact solver for up to a few thousand candidates that proves optimality:
//     reduction by the LP bound, then an expanding-core dynamic programme (Pisinger's
//     minknap) when no district limit binds, or a branch and bound when one does;
//   * a fast greedy for national scale that reports its gap to the LP bound.
// Everything is integer: values are milli-points or households, weights are fen.
#ifndef RENEWAL_PLAN_H_
#define RENEWAL_PLAN_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"
#include "renewal/plan/knapsack.h"
#include "renewal/plan/project.h"
#include "renewal/plan/scoring.h"

namespace renewal {

class Registry;

// ---------------------------------------------------------------------------
// The annual plan.

enum class Objective : std::uint8_t { kScore, kHouseholds };
template <>
struct LabelTable<Objective> {
  static constexpr std::array<Label<Objective>, 2> kLabels{{
      {Objective::kScore, "score", "总得分", "total score"},
      {Objective::kHouseholds, "households", "受益户数", "households benefited"},
  }};
};
enum class BudgetBasis : std::uint8_t { kTotalCost, kGovernmentShare };
template <>
struct LabelTable<BudgetBasis> {
  static constexpr std::array<Label<BudgetBasis>, 2> kLabels{{
      {BudgetBasis::kTotalCost, "total_cost", "总投资", "total cost"},
      {BudgetBasis::kGovernmentShare, "government_share", "政府出资", "government share"},
  }};
};

// Per-district limits: project counts and spending. Spending is on the budget basis
// (total cost or government share, PlanOptions::basis) of the selected projects.
struct DistrictLimit {
  std::string district_id;
  std::int64_t min_projects = 0;
  std::int64_t max_projects = std::numeric_limits<std::int64_t>::max();
  Money min_spending;                 // 0: no minimum
  std::optional<Money> max_spending;  // none: no maximum
};

struct PlanOptions {
  Money budget;
  int year = 0;  // plan year (ages); 0 = current year
  Objective objective = Objective::kScore;
  BudgetBasis basis = BudgetBasis::kTotalCost;
  std::vector<DistrictLimit> district_limits;
  bool must_include_hazards = false;  // estates with surveyed safety hazards are forced in
  bool require_vote_passed = false;   // "成熟一个、改造一个": only ready projects
  bool require_funding_confirmed = false;
  bool require_management_agreed = false;
  bool require_review_passed = false;  // the estate plan passed review (方案审查)
  // Priority for deferred projects (seed 001 "优先考虑"): points added per year carried.
  MilliPoints carry_over_bonus = 0;
  // Size of the plan tier (谋划一批) after the implement tier; 0 = the same as budget.
  Money plan_tier_budget;
  SolveOptions solve;
};

enum class Tier : std::uint8_t { kImplement, kPlan, kReserve, kExcluded };
template <>
struct LabelTable<Tier> {
  static constexpr std::array<Label<Tier>, 4> kLabels{{
      {Tier::kImplement, "implement", "实施一批", "implement this year"},
      {Tier::kPlan, "plan", "谋划一批", "plan for next"},
      {Tier::kReserve, "reserve", "储备一批", "reserve"},
      {Tier::kExcluded, "excluded", "不纳入", "not eligible this year"},
  }};
};

// Why a project is in or out.
enum class Reason : std::uint8_t {
  kMustInclude,      // forced (safety hazard or must_include)
  kSelected,         // chosen by the optimiser
  kDistrictMinimum,  // in although a better project elsewhere is out: the district minimum binds
  kBudget,           // out: the budget binds
  kDistrictMaximum,  // out: its district is at its maximum
  kNotReady,         // out: readiness filter
  kIncompleteData,   // out: missing fact with the exclude policy
  kDroppedOut,       // was planned, dropped out (突发情况不能实施)
  kSubstitute,       // in as a substitute for a dropped project (候补增补)
};
template <>
struct LabelTable<Reason> {
  static constexpr std::array<Label<Reason>, 9> kLabels{{
      {Reason::kMustInclude, "must_include", "必改(安全隐患)", "must include"},
      {Reason::kSelected, "selected", "择优入选", "selected by score"},
      {Reason::kDistrictMinimum, "district_minimum", "区县下限", "district minimum"},
      {Reason::kBudget, "budget", "预算约束", "budget"},
      {Reason::kDistrictMaximum, "district_maximum", "区县上限", "district maximum"},
      {Reason::kNotReady, "not_ready", "条件未成熟", "not ready"},
      {Reason::kIncompleteData, "incomplete_data", "资料不全", "incomplete data"},
      {Reason::kDroppedOut, "dropped_out", "因故退出", "dropped out"},
      {Reason::kSubstitute, "substitute", "候补增补", "substitute"},
  }};
};

struct ProjectDecision {
  std::string project_id;
  std::string estate_id;
  std::string district_id;
  bool selected = false;
  Tier tier = Tier::kReserve;
  Reason reason = Reason::kBudget;
  // One sentence with the values compared, wholly in Chinese and wholly in English.
  std::string explanation_zh, explanation_en;
  MilliPoints score = 0;       // with the carry-over bonus
  int rank = 0;                // score rank (1-based; 0 when excluded)
  std::int64_t households = 0;
  Money cost;                  // on the budget basis
  Money total_cost;
  // Objective per 万元 of cost, in 1/1000 units (milli-points or milli-households);
  // compare with AnnualPlan::cutoff_milli_per_wan.
  std::int64_t ratio_milli_per_wan = 0;
  bool ready = true;           // passes the readiness filters
  int substitute_order = 0;    // 1-based order among substitutes (候补), 0 if none
  std::vector<std::string> missing;  // criteria scored with a missing fact
  std::vector<CriterionScore> criteria;
};

// A district left below its minimum by DropAndSubstitute (no substitute of that
// district could restore it).
struct DistrictShortfall {
  std::string district_id;
  std::int64_t min_projects = 0;
  std::int64_t projects = 0;  // selected after the drop
  Money min_spending;
  Money spent;                // selected after the drop, on the budget basis
  // With the values compared, wholly in Chinese and wholly in English.
  std::string explanation_zh, explanation_en;
};

// One DropAndSubstitute call: the project that dropped out and those taken in for it.
struct Substitution {
  std::string dropped_id;
  std::vector<std::string> added_ids;  // in the order taken; may be empty
};

struct AnnualPlan {
  int year = 0;
  std::string sheet;
  Objective objective = Objective::kScore;
  BudgetBasis basis = BudgetBasis::kTotalCost;
  Money budget;
  Money spent;
  Money left;
  MilliPoints total_score = 0;
  std::int64_t households = 0;
  std::int64_t objective_value = 0;
  std::int64_t lp_bound = 0;  // objective units
  std::int64_t gap_ppm = 0;
  bool proven_optimal = false;
  SolverKind solver = SolverKind::kExact;
  std::int64_t nodes = 0;
  // Marginal cut-off: objective per 万元 of the LP's critical project (the best
  // project left out in ratio order), in objective units ×1000 per 万元; 0 if none.
  std::int64_t cutoff_milli_per_wan = 0;
  std::string cutoff_project_id;
  std::vector<std::string> criteria_keys;  // sheet order, for per-criterion columns
  std::vector<ProjectDecision> decisions;   // in rank order (excluded last, by id)
  // Empty from MakeAnnualPlan (minimums are met or the plan fails); after
  // DropAndSubstitute, the districts it could not bring back to their minimum.
  std::vector<DistrictShortfall> district_shortfalls;
  std::vector<Substitution> substitutions;  // DropAndSubstitute calls, in order
};

// Scores, filters, solves and explains. Projects name estates of `registry`.
absl::StatusOr<AnnualPlan> MakeAnnualPlan(const Registry& registry,
                                          const std::vector<CandidateProject>& projects,
                                          const ScoringSheet& sheet, const PlanOptions& options);
// The same from pre-gathered facts (facts[i] belongs to projects[i]).
absl::StatusOr<AnnualPlan> MakeAnnualPlanFromFacts(const std::vector<CandidateProject>& projects,
                                                   const std::vector<ProjectFacts>& facts,
                                                   const ScoringSheet& sheet,
                                                   const PlanOptions& options);

// A planned project drops out (seed 001 "遇到突发情况不能实施时，及时增补"). First, every
// district now below its minimum (projects or spending) takes its own substitutes in
// substitute order, each that fits the money left and the district's maxima, until the
// minimum is met again; then substitutes of any district are taken in order while they
// fit the money freed plus the money left and their district's maxima. A minimum that
// cannot be restored is reported in plan.district_shortfalls. Returns the ids added;
// `plan` is updated. NotFound when `dropped_id` is not an implement-tier project;
// nothing changes on error.
absl::StatusOr<std::vector<std::string>> DropAndSubstitute(AnnualPlan& plan,
                                                           std::string_view dropped_id,
                                                           const PlanOptions& options);

/// Several projects drop out, in the order given: DropAndSubstitute for each id (each
/// call recorded in plan.substitutions). On success `plan` holds the result of every
/// drop; on error (the first id that fails, NotFound when it is not an implement-tier
/// project at that point) `plan` is unchanged and the message names that id. This is
/// the `drop` option of the CLI (`renewal plan --drop A,B`) and of Python's make_plan.
absl::Status DropAndSubstituteAll(AnnualPlan& plan, const std::vector<std::string>& dropped_ids,
                                  const PlanOptions& options);

// ---------------------------------------------------------------------------
// Multi-year rolling plans (三年行动 2020–2022, 五年 2021–2025).

struct YearBudget {
  int year = 0;
  Money budget;
};
struct YearOutcome {
  int year = 0;
  Money budget;
  Money spent;
  std::vector<std::string> implemented;  // project ids, rank order
  std::int64_t households = 0;
  std::int64_t cumulative_households = 0;
  std::size_t rolled_over = 0;  // candidates left for the next year
  bool proven_optimal = false;
};
struct RollingPlan {
  std::vector<YearOutcome> years;
  std::vector<std::string> not_done;  // never implemented in the horizon
};
// Each year plans the projects not yet done; deferred projects gain one carried-over
// year (and the carry-over bonus) per year waited.
absl::StatusOr<RollingPlan> MakeRollingPlan(const Registry& registry,
                                            const std::vector<CandidateProject>& projects,
                                            const ScoringSheet& sheet,
                                            const std::vector<YearBudget>& years,
                                            const PlanOptions& options);
absl::StatusOr<RollingPlan> MakeRollingPlanFromFacts(const std::vector<CandidateProject>& projects,
                                                     const std::vector<ProjectFacts>& facts,
                                                     const ScoringSheet& sheet,
                                                     const std::vector<YearBudget>& years,
                                                     const PlanOptions& options);

}  // namespace renewal

#endif  // RENEWAL_PLAN_H_
