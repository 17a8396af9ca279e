// `renewal vote-rules [--json]`: the preset vote rules with their sources.
#include <ostream>
#include <string_view>

#include "command.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_json.h"

namespace renewal::cli {
namespace {

absl::Status Rules(const Args& args, std::ostream& out) {
  if (!args.positional().empty()) {
    return UsageError("usage: renewal vote-rules [--json]");
  }
  const bool json = args.flag("json");
  if (json) out << "[";
  bool first = true;
  for (std::string_view name : VoteRulePresetNames()) {
    const VoteRule rule = *VoteRulePreset(name);
    if (json) {
      out << (first ? "" : ",") << VoteRuleToJson(rule);
      first = false;
      continue;
    }
    out << rule.name << "  " << rule.title << "\n    " << rule.source << "\n";
    for (const ThresholdTest& t : rule.tests) {
      out << "    " << t.name << "：" << ZhOf(t.counted) << ZhOf(t.basis) << " "
          << (t.comparison == VoteComparison::kAtLeast ? "≥ " : "> ") << ThresholdToString(t.threshold)
          << " × " << ZhOf(t.over) << ZhOf(t.basis) << "\n";
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
