// JSON formats of the planning area (docs/plan.md, docs/schemas/plan*.schema.json):
//   projects   {"projects": [{"id", "estate_id", "cost_yuan", ...}]}      (input)
//   facts      {"facts": [{"project_id", "district_id", "<feature key>": n}]} (input)
//   plan       the annual plan with one decision per project             (output)
//   rolling    a multi-year rolling plan                                 (output)
//   options    {"district_limits": [{"district_id", "min_projects", ...}]} (input)
//   menu       {"budget_yuan", "items", "ballots"} and its result        (input/output)
// Money is written as a string of yuan with two decimals ("1234.50"); money input
// accepts such a string or an integer number of yuan.
#ifndef RENEWAL_PLAN_IO_H_
#define RENEWAL_PLAN_IO_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/plan/menu.h"
#include "renewal/plan/plan.h"
#include "renewal/plan/scoring.h"

namespace renewal {

absl::StatusOr<std::vector<CandidateProject>> ParseProjectsJson(std::string_view json);
absl::StatusOr<std::vector<CandidateProject>> LoadProjectsFile(const std::string& path);
absl::StatusOr<std::vector<ProjectFacts>> ParseFactsJson(std::string_view json);
// `base` with the options the document sets (district_limits replaces the list).
absl::StatusOr<PlanOptions> ParsePlanOptionsJson(std::string_view json, const PlanOptions& base);
/// `base` with every option the JSON object sets, keyed as the keywords of Python's
/// `renewal.plan.make_plan`: year, objective, basis, solver (label keys), node_limit,
/// must_include_hazards, require_vote_passed, require_funding_confirmed,
/// require_management_agreed, carry_over_bonus_points (whole points), plan_tier_budget_yuan
/// (yuan), district_limits (as in the options file; replaces the list). A null value
/// leaves the option as in `base`. An unknown key is InvalidArgument
/// `options.<key>: unknown option (known: ...)`; other messages name `options.<key>`.
/// The budget is not an option (set it in `base`).
absl::StatusOr<PlanOptions> ParsePlanKeywordsJson(std::string_view json, const PlanOptions& base);
absl::StatusOr<MenuInput> ParseMenuJson(std::string_view json);

std::string PlanToJson(const AnnualPlan& plan);
std::string RollingPlanToJson(const RollingPlan& plan);
std::string MenuResultToJson(const MenuResult& result);
std::string SheetToJson(const ScoringSheet& sheet);

// The plan as a table for people, wholly in Chinese (amounts in 万元) or wholly in
// English (amounts in yuan); IDs are data and stay as they are. Shortfalls left by
// dropped projects follow the table as notes.
std::string PlanToTextZh(const AnnualPlan& plan);
std::string PlanToTextEn(const AnnualPlan& plan);

}  // namespace renewal

#endif  // RENEWAL_PLAN_IO_H_
