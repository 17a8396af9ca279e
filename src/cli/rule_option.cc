#include "rule_option.h"

#include "command.h"
#include "renewal/base/file.h"

namespace renewal::cli {

absl::StatusOr<VoteRule> LoadRuleOption(const std::string& spec) {
  const std::string_view name = internal::WithoutGzipSuffix(spec);
  if (spec == "-" || name.ends_with(".json")) {
    absl::StatusOr<std::string> text = ReadInput(spec);
    if (!text.ok()) return internal::Prefixed(text.status(), "--rule");
    absl::StatusOr<VoteRule> rule = ParseVoteRuleJson(*text);
    if (!rule.ok()) {
      return internal::Prefixed(rule.status(), spec);
    }
    return rule;
  }
  return VoteRulePreset(spec);
}

}  // namespace renewal::cli
