// `renewal summary FILE`: estates, buildings, households and area by district,
// optionally with eligibility counts under a policy.
#include <ostream>
#include <sstream>
#include <string>

#include "command.h"
#include "input.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/registry/registry_json.h"
#include "renewal/eligibility/summary.h"
#include "renewal/base/status_macros.h"
#include "progress.h"
#include "report_format.h"
#include "summary_table.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] =
    "summary FILE [--policy NAME|policy.json] [--year Y] [--json | --format html|xlsx [-o FILE]]";

absl::Status Summary(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1) {
    return UsageError(std::string("usage: renewal ") + kUsage);
  }
  long long year = 0;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("year", CurrentYear(), &year));
  if (year < 1900 || year > 2200) {
    return absl::InvalidArgumentError("--year: must be between 1900 and 2200, got " +
                                      std::to_string(year));
  }
  std::optional<Policy> policy;
  if (std::optional<std::string> spec = args.option("policy")) {
    RENEWAL_ASSIGN_OR_RETURN(Policy p, LoadPolicyInput(*spec));
    policy = std::move(p);
  }
  RENEWAL_ASSIGN_OR_RETURN(Registry r, LoadRegistryInput(args.positional()[0]));
  CitySummary summary;
  if (policy) {
    ScreeningResult screening;
    {
      Progress progress("renewal summary: screening " + std::to_string(r.estate_count()) +
                        " estates");
      screening = ScreenRegistry(r, *policy, static_cast<int>(year));
    }
    summary = Summarize(r, *policy, screening, static_cast<int>(year));
  } else {
    summary = Summarize(r);
  }
  RENEWAL_ASSIGN_OR_RETURN(const bool report, WantsReport(args));
  if (report) {
    std::ostringstream doc;
    WriteSummaryJson(summary, doc);
    return WriteReport(args, doc.str(), out);
  }
  if (args.flag("json")) {
    WriteSummaryJson(summary, out);
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (policy) out << PolicyLine(*policy, static_cast<int>(year), lang);
  out << FormatSummaryTable(summary, lang);
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "summary",
     .usage = kUsage,
     .summary = "By district: estates, buildings, households, exclusive area and (with "
                "--policy) eligible / ineligible / undetermined estates.",
     .options = {{"--policy", "NAME|policy.json",
                  "also count estates by eligibility under this policy (national_2020, "
                  "yueyang, xiangtan_competitive or a JSON file)",
                  ""},
                 {"--year", "Y", "assessment year, 1900 to 2200", "this year"},
                 JsonOption(), ReportOptions()[0], ReportOptions()[1]},
     .run = Summary,
     .positionals = "FILE: registry JSON (\"-\": stdin)",
     .example = "summary city.json --policy national_2020 --year 2026 --json",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
