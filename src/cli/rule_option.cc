#include "rule_option.h"

#include <fstream>
#include <sstream>

namespace renewal::cli {

absl::StatusOr<VoteRule> LoadRuleOption(const std::string& spec) {
  if (spec.size() > 5 && spec.substr(spec.size() - 5) == ".json") {
    std::ifstream in(spec, std::ios::binary);
    if (!in) return absl::NotFoundError("--rule: cannot open \"" + spec + "\"");
    std::ostringstream text;
    text << in.rdbuf();
    absl::StatusOr<VoteRule> rule = ParseVoteRuleJson(text.str());
    if (!rule.ok()) {
      return absl::Status(rule.status().code(),
                          spec + ": " + std::string(rule.status().message()));
    }
    return rule;
  }
  return VoteRulePreset(spec);
}

}  // namespace renewal::cli
