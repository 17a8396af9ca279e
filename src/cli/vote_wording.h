// Shared by the vote subcommands (tally, consult, elevator): the Chinese wording of
// areas, rules and ballot counts.
#ifndef RENEWAL_CLI_VOTE_WORDING_H_
#define RENEWAL_CLI_VOTE_WORDING_H_

#include <array>
#include <cstdint>
#include <string>

#include "renewal/votes/vote.h"

namespace renewal::cli {

// "548.20 m²".
std::string M2(std::int64_t centi);

// "规则：name title（source）".
std::string RuleLine(const VoteRule& rule);

// "选票：共 10 张；有效 6，被取代 1，共有人一致 1，无效 2；房屋不存在 1；..." (no newline).
std::string BallotCountsLine(const std::array<std::int64_t, kBallotStatusCount>& counts,
                             std::int64_t total);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_VOTE_WORDING_H_
