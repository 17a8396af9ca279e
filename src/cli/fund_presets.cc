// `renewal fund-presets [NAME] [--json]`: the funding policy presets, or one of them
// with its rules and seed citations.
#include <ostream>
#include <string>
#include <string_view>

#include "command.h"
#include "renewal/base/json_write.h"
#include "renewal/funding/funding.h"
#include "renewal/funding/funding_json.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

absl::Status FundPresets(const Args& args, std::ostream& out) {
  if (args.positional().size() > 1) {
    return UsageError("usage: renewal fund-presets [NAME] [--json]");
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (args.positional().size() == 1) {
    RENEWAL_ASSIGN_OR_RETURN(FundingPolicy p, ResolveFundingPolicy(args.positional()[0]));
    if (args.flag("json")) {
      out << DumpFundingPolicyJson(p) << "\n";
      return absl::OkStatus();
    }
    // The descriptions are the policies' own Chinese wording; in English the rules
    // are listed by id with their sources (document titles are proper names).
    if (lang == Lang::kZh) {
      out << p.name << "：" << p.description << "\n";
      for (const FundingRule& r : p.rules) {
        out << "  " << r.id << "：" << r.description << "〔" << r.seed << "〕\n";
      }
      if (p.residual) out << "  兜底：" << ZhOf(*p.residual) << "\n";
    } else {
      out << p.name << ": " << p.rules.size() << " rules\n";
      for (const FundingRule& r : p.rules) out << "  " << r.id << " [" << r.seed << "]\n";
      if (p.residual) out << "  residual: " << EnOf(*p.residual) << "\n";
    }
    return absl::OkStatus();
  }
  // --json: one document, {"presets": [{"name": ..., "description": ...}, ...]}
  // (docs/schemas/fund-presets.schema.json).
  std::string json = "{\"presets\":[";
  for (std::string_view name : FundingPresetNames()) {
    RENEWAL_ASSIGN_OR_RETURN(FundingPolicy p, FundingPreset(name));
    if (args.flag("json")) {
      json += json.back() == '[' ? "{\"name\":" : ",{\"name\":";
      internal::AppendJsonString(json, name);
      json += ",\"description\":";
      internal::AppendJsonString(json, p.description);
      json += "}";
    } else if (lang == Lang::kZh) {
      out << name << "\t" << p.description << "\n";
    } else {
      out << name << "\n";
    }
  }
  if (args.flag("json")) out << json << "]}\n";
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "fund-presets",
     .usage = "fund-presets [NAME] [--json]",
     .summary = "List the funding policy presets, or show one (rules and seed citations).",
     .options = {JsonOption()},
     .run = FundPresets,
     .positionals = "NAME: a preset to show",
     .example = "fund-presets yueyang",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
