// Shared by the vote subcommands (tally, consult, elevator): the --rule option
// and the Chinese wording of areas and ballot counts.
#ifndef RENEWAL_CLI_VOTE_CLI_H_
#define RENEWAL_CLI_VOTE_CLI_H_

#include <array>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "renewal/votes/vote.h"

namespace renewal::cli {

// `--rule`: a preset name, or the path of a rule JSON file (ending in .json).
absl::StatusOr<VoteRule> LoadRuleOption(const std::string& spec);

// "548.20 m²".
std::string M2(std::int64_t centi);

// "规则：name title（source）".
std::string RuleLine(const VoteRule& rule);

// "选票：共 10 张；有效 6，被取代 1，共有人一致 1，无效 2；房屋不存在 1；..." (no newline).
std::string BallotCountsLine(const std::array<std::int64_t, kBallotStatusCount>& counts,
                             std::int64_t total);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_VOTE_CLI_H_
