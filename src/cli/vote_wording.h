// Shared by the vote subcommands (tally, consult, elevator): the wording of areas,
// rules and ballot counts, wholly in Chinese or wholly in English (--lang).
#ifndef RENEWAL_CLI_VOTE_WORDING_H_
#define RENEWAL_CLI_VOTE_WORDING_H_

#include <array>
#include <cstdint>
#include <string>

#include "command.h"
#include "renewal/votes/vote.h"

namespace renewal::cli {

// "548.20 m²".
std::string M2(std::int64_t centi);

// "1 owner", "6 owners" (English).
std::string Owners(std::int64_t n);

// "规则：name title（source）"; "rule: name, title_en (source)". The source is a
// citation: the document's title, a proper name, as the rule gives it.
std::string RuleLine(const VoteRule& rule, Lang lang);

// "选票：共 10 张；有效 6，被取代 1，共有人一致 1，无效 2；房屋不存在 1；..." (no newline);
// "ballots: 10; accepted 6, superseded 1, concurring 1, rejected 2; unknown dwelling 1; ...".
std::string BallotCountsLine(const std::array<std::int64_t, kBallotStatusCount>& counts,
                             std::int64_t total, Lang lang);

// 通过 / 未通过; passed / not passed.
std::string_view PassedWord(bool passed, Lang lang);

// The explanation of one threshold test in `lang` (ExplainThresholdZh / En).
std::string ThresholdLine(const ThresholdResult& result, Lang lang);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_VOTE_WORDING_H_
