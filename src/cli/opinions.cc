// `renewal opinions PLAN --registry CITY [--format md|html|json] [--unmasked]`: the
// opinions register and the public notice of the answers, dwellings masked
// (docs/scheme.md "Opinions").
#include <ostream>
#include <string>

#include "command.h"
#include "input.h"
#include "renewal/base/file.h"
#include "renewal/base/status_macros.h"
#include "renewal/scheme/opinions.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] = "opinions PLAN --registry CITY [--format md|html|json] [--unmasked]";

absl::Status Opinions(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1) return UsageError(std::string("usage: renewal ") + kUsage);
  const std::optional<std::string> city = args.option("registry");
  if (!city) return absl::InvalidArgumentError("--registry CITY is required");
  const std::string format = args.option("format").value_or("md");
  if (format != "md" && format != "html" && format != "json") {
    return absl::InvalidArgumentError("--format: expected md, html or json, got \"" + format + "\"");
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (lang == Lang::kEn && format != "json") {
    return UsageError("--lang en: the opinions notice is posted to residents in Chinese; "
                      "--format json is language-neutral");
  }
  const bool unmasked = args.flag("unmasked");
  if (unmasked && format != "json") {
    return absl::InvalidArgumentError("--unmasked: the public notice is always masked; use it with --format json");
  }
  RENEWAL_ASSIGN_OR_RETURN(SchemePlan plan, LoadSchemePlanInput(args.positional()[0]));
  RENEWAL_ASSIGN_OR_RETURN(Registry registry, LoadRegistryInput(*city));
  RENEWAL_RETURN_IF_ERROR(internal::Prefixed(CheckPlanAgainstRegistry(plan, registry),
                                             args.positional()[0]));
  const std::string name = registry.estate(*registry.FindEstate(plan.estate)).name;
  if (format == "md") out << OpinionsNoticeMarkdown(plan, name);
  if (format == "html") out << OpinionsNoticeHtml(plan, name);
  if (format == "json") out << OpinionsToJson(plan, !unmasked);
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "opinions",
     .usage = kUsage,
     .summary = "residents' opinions and the public notice of the answers (dwellings masked)",
     .options = {{"--registry", "CITY", "required: the registry JSON the plan's estate is in", ""},
                 {"--format", "md|html|json", "the notice in Markdown or HTML, or the register", "md"},
                 {"--unmasked", "", "with --format json: dwellings in full (not for publication)", ""}},
     .run = Opinions,
     .positionals = "PLAN: an estate plan JSON file (\"-\": stdin)",
     .example = "opinions examples/scheme/plan_corrected.json --registry examples/small_city.json "
                "--format html",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
