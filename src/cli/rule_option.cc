#include "rule_option.h"

#include "renewal/base/file.h"

namespace renewal::cli {

absl::StatusOr<VoteRule> LoadRuleOption(const std::string& spec) {
  if (spec.size() > 5 && spec.substr(spec.size() - 5) == ".json") {
    absl::StatusOr<std::string> text = internal::ReadFileToString(spec);
    if (!text.ok()) return internal::Prefixed(text.status(), "--rule");
    absl::StatusOr<VoteRule> rule = ParseVoteRuleJson(*text);
    if (!rule.ok()) {
      return absl::Status(rule.status().code(),
                          spec + ": " + std::string(rule.status().message()));
    }
    return rule;
  }
  return VoteRulePreset(spec);
}

}  // namespace renewal::cli
