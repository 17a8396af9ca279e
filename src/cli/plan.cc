// `renewal plan REGISTRY PROJECTS --budget YUAN --sheet NAME [--drop IDS] [--json]`: the
// annual plan, optionally after planned projects drop out.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"
#include "command.h"
#include "input.h"
#include "report_format.h"
#include "enum_option.h"
#include "renewal/base/file.h"
#include "renewal/plan/plan.h"
#include "renewal/plan/plan_io.h"
#include "renewal/plan/scoring.h"
#include "renewal/registry/registry_json.h"
#include "renewal/scheme/review.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

// Each project's review_passed from the reviews (`renewal review --json`), by estate:
// passed when its estate's plan passed; a project whose estate has no review is not
// ready under --require-review.
absl::Status ApplyReviews(const std::string& path, std::vector<CandidateProject>& projects) {
  absl::StatusOr<std::string> text = ReadInput(path);
  if (!text.ok()) return internal::Prefixed(text.status(), "--require-review", " ");
  absl::StatusOr<std::vector<ReviewVerdict>> verdicts = ParseReviewVerdictsJson(*text);
  if (!verdicts.ok()) return internal::Prefixed(verdicts.status(), path);
  absl::flat_hash_map<std::string_view, bool> passed;
  for (const ReviewVerdict& v : *verdicts) passed[v.estate] = v.status == ReviewStatus::kPassed;
  for (CandidateProject& p : projects) {
    const auto it = passed.find(p.estate_id);
    p.review_passed = it == passed.end() ? std::optional<bool>() : it->second;
  }
  return absl::OkStatus();
}

absl::Status RunPlan(const Args& a, std::ostream& out) {
  if (a.positional().size() != 2) {
    return UsageError("expected REGISTRY and PROJECTS files");
  }
  std::optional<std::string> budget_text = a.option("budget");
  if (!budget_text) return absl::InvalidArgumentError("--budget YUAN is required");
  absl::StatusOr<Money> budget = Money::Parse(*budget_text);
  if (!budget.ok()) {
    return absl::InvalidArgumentError("--budget: " + std::string(budget.status().message()));
  }
  PlanOptions o;
  o.budget = *budget;
  long long year = 0;
  RENEWAL_RETURN_IF_ERROR(a.IntOption("year", 0, &year));
  o.year = static_cast<int>(year);
  RENEWAL_RETURN_IF_ERROR(EnumOption(a, "objective", &o.objective));
  RENEWAL_RETURN_IF_ERROR(EnumOption(a, "basis", &o.basis));
  RENEWAL_RETURN_IF_ERROR(EnumOption(a, "solver", &o.solve.solver));
  long long bonus = 0;
  RENEWAL_RETURN_IF_ERROR(a.IntOption("carry-over-bonus", 0, &bonus));
  o.carry_over_bonus = bonus * kMilliPerPoint;
  if (std::optional<std::string> plan_budget = a.option("plan-tier-budget")) {
    absl::StatusOr<Money> m = Money::Parse(*plan_budget);
    if (!m.ok()) return absl::InvalidArgumentError("--plan-tier-budget: " + std::string(m.status().message()));
    o.plan_tier_budget = *m;
  }
  o.must_include_hazards = a.flag("hazards-first");
  o.require_vote_passed = a.flag("require-vote");
  o.require_funding_confirmed = a.flag("require-funding");
  o.require_management_agreed = a.flag("require-management");
  if (std::optional<std::string> path = a.option("options")) {
    absl::StatusOr<std::string> text = ReadInput(*path);
    if (!text.ok()) return internal::Prefixed(text.status(), "options file", " ");
    absl::StatusOr<PlanOptions> with = ParsePlanOptionsJson(*text, o);
    if (!with.ok()) {
      return internal::Prefixed(with.status(), *path);
    }
    o = *std::move(with);
  }
  RENEWAL_ASSIGN_OR_RETURN(ScoringSheet sheet, PresetSheet(a.option("sheet").value_or("ningbo")));
  RENEWAL_ASSIGN_OR_RETURN(Registry registry, LoadRegistryInput(a.positional()[0]));
  RENEWAL_ASSIGN_OR_RETURN(std::vector<CandidateProject> projects, LoadProjectsInput(a.positional()[1]));
  if (std::optional<std::string> reviews = a.option("require-review")) {
    RENEWAL_RETURN_IF_ERROR(ApplyReviews(*reviews, projects));
    o.require_review_passed = true;
  }
  RENEWAL_ASSIGN_OR_RETURN(AnnualPlan plan, MakeAnnualPlan(registry, projects, sheet, o));
  // Projects that drop out after the plan is made, in order, each replaced by substitutes.
  if (std::optional<std::string> drop = a.option("drop")) {
    const std::vector<std::string> ids = absl::StrSplit(*drop, ',', absl::SkipEmpty());
    if (absl::Status s = DropAndSubstituteAll(plan, ids, o); !s.ok()) {
      return absl::Status(s.code(), "--drop: " + std::string(s.message()));
    }
  }
  RENEWAL_ASSIGN_OR_RETURN(const bool report, WantsReport(a));
  if (report) return WriteReport(a, PlanToJson(plan), out);
  if (a.flag("json")) {
    out << PlanToJson(plan) << "\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(a));
  out << (lang == Lang::kZh ? PlanToTextZh(plan) : PlanToTextEn(plan));
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "plan",
     .usage =
     "plan REGISTRY PROJECTS --budget YUAN [--sheet ningbo|zhuzhou] [--year Y] "
     "[--objective score|households] [--basis total_cost|government_share] "
     "[--solver auto|exact|fast] [--hazards-first] [--require-vote] [--require-funding] "
     "[--require-management] [--require-review REVIEWS.json] [--carry-over-bonus POINTS] [--plan-tier-budget YUAN] "
     "[--options OPTIONS.json (district limits)] [--drop ID,ID... (drop out, substitutes in)] "
     "[--json | --format html|xlsx [-o FILE]]",
     .summary = "annual renovation plan under budget: scores, selection, tiers, explanations",
     .options = {{"--budget", "YUAN", "required: the year's budget in yuan", ""},
                 {"--sheet", "ningbo|zhuzhou", "the scoring sheet", "ningbo"},
                 {"--year", "Y", "the plan year", "0 (none)"},
                 {"--objective", "score|households", "what the selection maximises", "score"},
                 {"--basis", "total_cost|government_share", "what the budget pays for",
                  "total_cost"},
                 {"--solver", "auto|exact|fast", "the knapsack solver", "auto"},
                 {"--hazards-first", "", "projects with safety hazards go in first", ""},
                 {"--require-vote", "", "only projects whose owners' vote passed", ""},
                 {"--require-funding", "", "only projects whose funding is confirmed", ""},
                 {"--require-management", "", "only projects with management agreed", ""},
                 {"--require-review", "REVIEWS.json",
                  "only projects whose estate plan passed review (renewal review --json)", ""},
                 {"--carry-over-bonus", "POINTS", "extra score for last year's carry-overs", "0"},
                 {"--plan-tier-budget", "YUAN", "budget of the plan (second) tier", "none"},
                 {"--options", "OPTIONS.json",
                  "plan options, e.g. district limits (\"-\": stdin)", ""},
                 {"--drop", "ID,ID...", "projects that drop out; substitutes move in", ""},
                 JsonOption(), ReportOptions()[0], ReportOptions()[1]},
     .run = RunPlan,
     .positionals = "REGISTRY PROJECTS: registry and projects JSON (one may be \"-\": stdin)",
     .example = "plan registry.json projects.json --budget 120000000 --year 2025 --options "
                "options.json",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
