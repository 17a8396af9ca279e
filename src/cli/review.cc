// `renewal review PLAN... --registry CITY --policy NAME [--json]`: reviews estate
// plans (docs/scheme.md "Review"). A plan that fails the review is a result, not an
// error: the exit code is 0 and the output lists every failed check.
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "input.h"
#include "renewal/base/file.h"
#include "renewal/base/status_macros.h"
#include "renewal/scheme/review.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] = "review PLAN [PLAN...] --registry CITY [--policy NAME] [--json]";

absl::Status Review(const Args& args, std::ostream& out) {
  if (args.positional().empty()) return UsageError(std::string("usage: renewal ") + kUsage);
  const std::optional<std::string> city = args.option("registry");
  if (!city) return absl::InvalidArgumentError("--registry CITY is required");
  RENEWAL_ASSIGN_OR_RETURN(ReviewPolicy policy, ReviewPreset(args.option("policy").value_or("national")));
  // Every plan is read and checked before anything is written.
  std::vector<SchemePlan> plans;
  for (const std::string& path : args.positional()) {
    RENEWAL_ASSIGN_OR_RETURN(SchemePlan plan, LoadSchemePlanInput(path));
    plans.push_back(std::move(plan));
  }
  RENEWAL_ASSIGN_OR_RETURN(Registry registry, LoadRegistryInput(*city));
  std::vector<ReviewResult> results;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    absl::StatusOr<ReviewResult> r = ReviewPlan(plans[i], registry, policy);
    if (!r.ok()) return internal::Prefixed(r.status(), args.positional()[i]);
    results.push_back(*std::move(r));
  }
  if (args.flag("json")) {
    out << (results.size() == 1 ? ReviewToJson(policy, results[0]) : ReviewsToJson(policy, results));
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  for (const ReviewResult& r : results) out << ReviewToText(policy, r, lang == Lang::kEn);
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "review",
     .usage = kUsage,
     .summary = "review estate plans (一小区一方案) under a policy; every failed check listed",
     .options = {{"--registry", "CITY", "required: the registry JSON the plans' estates are in", ""},
                 {"--policy", "changsha_eight_no|national|wuhan_joint_review|changsha_two_rounds",
                  "the review policy", "national"},
                 JsonOption()},
     .run = Review,
     .positionals = "PLAN...: estate plan JSON files (one may be \"-\": stdin)",
     .example = "review examples/scheme/plan_missing_fire.json --registry examples/small_city.json "
                "--policy changsha_eight_no",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
