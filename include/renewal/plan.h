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
#include "renewal/labels.h"
#include "renewal/money.h"
#include "renewal/scoring.h"

namespace renewal {

class Registry;

// ---------------------------------------------------------------------------
// The project library.

struct ProjectItem {
  Facility facility = Facility::kWater;
  Category category = Category::kBasic;
  Money cost;
  bool operator==(const ProjectItem&) const = default;
};

// A candidate project: one estate's plan with its cost and readiness facts. Costs
// come from the funding split (total and government share); readiness facts are
// plain fields so that planning does not depend on the votes or funding modules.
struct CandidateProject {
  std::string id;
  std::string estate_id;
  std::string name;
  Money cost;              // total estimate
  Money government_share;  // the part paid from the budget being planned
  std::vector<ProjectItem> items;
  std::optional<bool> vote_passed;
  std::optional<bool> funding_confirmed;
  std::optional<bool> management_agreed;
  std::optional<std::int64_t> agreement_bp;        // owners agreeing, basis points
  std::optional<std::int64_t> fund_collection_bp;  // maintenance fund collected, basis points
  int carried_over_years = 0;  // years deferred from earlier plans (priority, seed 001 五)
  bool must_include = false;   // forced in (e.g. a safety order)
  bool operator==(const CandidateProject&) const = default;
};

// Checks ids unique and non-empty, costs ≥ 0, government share within [0, cost],
// basis points in [0, 10000], carried_over_years ≥ 0. Messages name the record.
absl::Status ValidateProjects(const std::vector<CandidateProject>& projects);

// ---------------------------------------------------------------------------
// The knapsack core (exposed for tests and benchmarks).

struct KnapsackItem {
  std::int64_t value = 0;   // ≥ 0
  std::int64_t weight = 0;  // ≥ 0
  std::int32_t group = -1;  // index into group limits, -1 for none
  bool forced = false;      // must be selected
};
// Per-group limits on the number of items chosen and on their total weight (money,
// in the units of the weights).
struct GroupLimit {
  std::int64_t min_count = 0;
  std::int64_t max_count = std::numeric_limits<std::int64_t>::max();
  std::int64_t min_weight = 0;
  std::int64_t max_weight = std::numeric_limits<std::int64_t>::max();
};
struct KnapsackProblem {
  std::vector<KnapsackItem> items;
  std::int64_t capacity = 0;
  std::vector<GroupLimit> groups;
};

enum class SolverKind : std::uint8_t { kAuto, kExact, kFast };
template <>
struct LabelTable<SolverKind> {
  static constexpr std::array<Label<SolverKind>, 3> kLabels{{
      {SolverKind::kAuto, "auto", "自动", "exact up to the exact limit, else fast"},
      {SolverKind::kExact, "exact", "精确", "expanding-core DP or branch and bound"},
      {SolverKind::kFast, "fast", "快速", "greedy with LP gap"},
  }};
};

struct SolveOptions {
  SolverKind solver = SolverKind::kAuto;
  std::size_t exact_limit = 5000;  // kAuto uses the exact solver up to this many items
  // Work limit of the exact search; beyond it the best plan found is returned, not
  // proven. A node is one search node of the branch and bound, or one state kept in
  // the dynamic programme's list after an expansion step (a state alive for several
  // steps counts once per step).
  std::int64_t node_limit = 5'000'000;
};

struct KnapsackSolution {
  std::vector<bool> selected;
  std::int64_t value = 0;
  std::int64_t weight = 0;
  // LP-relaxation bound (without the group limits), rounded down.
  std::int64_t lp_bound = 0;
  SolverKind solver = SolverKind::kExact;
  bool proven_optimal = false;  // exact search finished (or value reached the bound)
  std::int64_t nodes = 0;       // search nodes or DP states (SolveOptions::node_limit)
  bool dynamic_programming = false;  // the exact search was the expanding-core DP
  std::int64_t fixed_by_reduction = 0;  // variables fixed by the bound before search
  // (lp_bound − value) / lp_bound, as parts per million (0 when lp_bound is 0).
  std::int64_t gap_ppm = 0;
  // The critical item of the LP relaxation (the first that does not fit whole in
  // ratio order), or -1 when everything fits.
  std::int64_t critical_item = -1;
};

// Deterministic for equal input. Errors: negative values/weights/capacity
// (InvalidArgument), forced items over capacity or group limits that cannot be met
// (FailedPrecondition, naming the items/groups; also when the search proves that no
// selection meets the weight limits), no selection meeting the group limits found
// within the node limit (ResourceExhausted).
absl::StatusOr<KnapsackSolution> SolveKnapsack(const KnapsackProblem& problem,
                                               const SolveOptions& options = {});

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
  std::string explanation;     // one sentence, Chinese, with the values compared
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
  std::string explanation;    // Chinese, with the values compared
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
