// `--rule` of the vote commands (tally, consult, elevator).
#ifndef RENEWAL_CLI_RULE_OPTION_H_
#define RENEWAL_CLI_RULE_OPTION_H_

#include <string>

#include "absl/status/statusor.h"
#include "renewal/votes/vote.h"

namespace renewal::cli {

// `--rule`: a preset name, or the path of a rule JSON file (ending in .json).
absl::StatusOr<VoteRule> LoadRuleOption(const std::string& spec);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_RULE_OPTION_H_
