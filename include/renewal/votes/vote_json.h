// JSON for votes: the ballots document (a vote and its ballots, read) and the
// outcome (written). Formats: docs/votes.md, docs/schemas/vote-ballots.schema.json,
// docs/schemas/vote-outcome.schema.json.
#ifndef RENEWAL_VOTE_JSON_H_
#define RENEWAL_VOTE_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"

namespace renewal {

// "2026-03-01T08:00:00+08:00" (RFC 3339; "Z" or ±hh:mm; no fractions) to
// seconds since the epoch, and back in China Standard Time (+08:00).
absl::StatusOr<std::int64_t> ParseVoteTime(std::string_view text);
std::string FormatVoteTime(std::int64_t seconds);

struct VoteDocument {
  Vote vote;
  BallotBox ballots;
};

// Reads {"vote": {...}, "ballots": [...]}. Without "rule" the matter's default
// applies (DefaultVoteRuleName). All-or-nothing: an error names the record and field,
// e.g. `ballots[3] "B-0003" choice: unknown value "yes"`.
absl::StatusOr<VoteDocument> ParseVoteDocument(const Registry& registry, std::string_view json);
absl::StatusOr<VoteDocument> LoadVoteFile(const Registry& registry, const std::string& path);

// The outcome with the vote, every test, the ballot counts, the record of every
// ballot's status and the breakdowns. Areas are integers of 0.01 m²
// (`*_centi_m2`); fractions are exact strings.
std::string VoteOutcomeToJson(const Registry& registry, const Vote& vote, const BallotBox& ballots,
                          const VoteOutcome& outcome);
// The scope in words: "小区 E-01", "楼栋 E-01-B1 2单元"; "estate E-01", "building
// E-01-B1 entrance 2".
std::string VoteScopeZh(const VoteScope& scope);
std::string VoteScopeEn(const VoteScope& scope);

}  // namespace renewal

#endif  // RENEWAL_VOTE_JSON_H_
