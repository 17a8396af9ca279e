// `renewal completeness PLAN... --registry CITY [--policy NAME] [--json]`: what the
// survey requires of each estate plan and what the plan does about it
// (docs/scheme.md "Completeness").
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "input.h"
#include "renewal/base/file.h"
#include "renewal/base/status_macros.h"
#include "renewal/scheme/completeness.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] = "completeness PLAN [PLAN...] --registry CITY [--policy NAME] [--json]";

void PrintHuman(const CompletenessResult& r, Lang lang, std::ostream& out) {
  if (lang == Lang::kZh) {
    out << "小区 " << r.estate << "：应改 " << r.required << " 项，已纳入 " << r.covered
        << "，说明不改 " << r.waived << "，缺项 " << r.missing << "，未调查 " << r.not_surveyed
        << "；建议 " << r.suggested << " 项，已纳入 " << r.suggested_covered << "，表决未通过 "
        << r.declined << "\n";
  } else {
    out << "estate " << r.estate << ": " << r.required << " required, " << r.covered
        << " covered, " << r.waived << " waived, " << r.missing << " missing, "
        << r.not_surveyed << " not surveyed; " << r.suggested << " suggested, "
        << r.suggested_covered << " in the plan, " << r.declined << " declined\n";
  }
  for (const Need& n : r.needs) {
    out << "  [" << (lang == Lang::kZh ? ZhOf(n.status) : EnOf(n.status)) << "] "
        << (lang == Lang::kZh ? n.reason_zh : n.reason_en) << "\n";
  }
}

absl::Status Completeness(const Args& args, std::ostream& out) {
  if (args.positional().empty()) return UsageError(std::string("usage: renewal ") + kUsage);
  const std::optional<std::string> city = args.option("registry");
  if (!city) return absl::InvalidArgumentError("--registry CITY is required");
  RENEWAL_ASSIGN_OR_RETURN(CompletenessPolicy policy,
                           CompletenessPreset(args.option("policy").value_or("national")));
  std::vector<SchemePlan> plans;
  for (const std::string& path : args.positional()) {
    RENEWAL_ASSIGN_OR_RETURN(SchemePlan plan, LoadSchemePlanInput(path));
    plans.push_back(std::move(plan));
  }
  RENEWAL_ASSIGN_OR_RETURN(Registry registry, LoadRegistryInput(*city));
  std::vector<CompletenessResult> results;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    absl::StatusOr<CompletenessResult> r = CheckCompleteness(plans[i], registry, policy);
    if (!r.ok()) return internal::Prefixed(r.status(), args.positional()[i]);
    results.push_back(*std::move(r));
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  for (const CompletenessResult& r : results) {
    if (args.flag("json")) {
      out << CompletenessToJson(policy, r);  // one document per line
    } else {
      PrintHuman(r, lang, out);
    }
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "completeness",
     .usage = kUsage,
     .summary = "what each estate plan must cover by its survey: required, covered, waived, missing",
     .options = {{"--registry", "CITY", "required: the registry JSON the plans' estates are in", ""},
                 {"--policy", "national|changsha", "the completeness policy", "national"},
                 JsonOption()},
     .run = Completeness,
     .positionals = "PLAN...: estate plan JSON files (one may be \"-\": stdin)",
     .example = "completeness examples/scheme/plan_missing_fire.json --registry "
                "examples/small_city.json --policy changsha",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
