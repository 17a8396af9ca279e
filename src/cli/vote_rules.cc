// `renewal vote-rules [--json]`: the preset vote rules with their sources.
#include <ostream>
#include <string_view>

#include "command.h"
#include "renewal/base/status_macros.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_json.h"

namespace renewal::cli {
namespace {

absl::Status Rules(const Args& args, std::ostream& out) {
  if (!args.positional().empty()) {
    return UsageError("usage: renewal vote-rules [--json]");
  }
  const bool json = args.flag("json");
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  const bool zh = lang == Lang::kZh;
  if (json) out << "[";
  bool first = true;
  for (std::string_view name : VoteRulePresetNames()) {
    const VoteRule rule = *VoteRulePreset(name);
    if (json) {
      out << (first ? "" : ",") << VoteRuleToJson(rule);
      first = false;
      continue;
    }
    // The source is a citation: the document's title, a proper name, in either language.
    out << rule.name << "  " << (zh ? rule.title : rule.title_en) << "\n    " << rule.source << "\n";
    for (const ThresholdTest& t : rule.tests) {
      const std::string_view cmp = t.comparison == VoteComparison::kAtLeast ? "≥ " : "> ";
      if (zh) {
        out << "    " << t.name << "：" << ZhOf(t.counted) << ZhOf(t.basis) << " " << cmp
            << ThresholdToString(t.threshold) << " × " << ZhOf(t.over) << ZhOf(t.basis) << "\n";
      } else {
        // As ExplainThresholdEn words it: "area agreeing ≥ 3/4 × area of participating owners".
        const std::string_view basis = t.basis == VoteBasis::kArea ? "area" : "headcount";
        out << "    " << t.name << ": " << basis << " " << EnOf(t.counted) << " " << cmp
            << ThresholdToString(t.threshold) << " × " << basis << " of " << EnOf(t.over) << "\n";
      }
    }
  }
  if (json) out << "]\n";
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "vote-rules",
     .usage = "vote-rules [--json]",
     .summary = "list the preset vote rules and their sources",
     .options = {JsonOption()},
     .run = Rules,
     .positionals = "",
     .example = "vote-rules --json",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
