// Shared between the vote sources: the JSON value conversions of rules and of
// the outcome's parts (Boost.JSON stays out of the public headers).
#ifndef RENEWAL_SRC_VOTE_INTERNAL_H_
#define RENEWAL_SRC_VOTE_INTERNAL_H_

#include <boost/json.hpp>

#include <array>
#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"
#include "renewal/base/json_fields.h"
#include "renewal/votes/vote.h"

namespace renewal::vote_internal {

// The votes' wording of field errors (kept byte for byte from their first
// readers): values as JSON text, "missing", "unknown value \"x\" (expected one
// of a, b)", and a `null` field is a value of the wrong type.
inline constexpr internal::FieldStyle kFieldStyle{
    .describe = &internal::DescribeSerialized,
    .missing = "missing",
    .labels = internal::FieldStyle::Labels::kValueChoices,
    .null_is_absent = false};

// A preset name (string) or a rule object; `where` prefixes error messages.
absl::StatusOr<VoteRule> RuleFromJsonValue(const boost::json::value& v, std::string_view where);
boost::json::object RuleToJsonValue(const VoteRule& rule);

// The parts of the outcome JSON (docs/schemas/vote-outcome.schema.json), shared
// with the consultation results so that a test or a count reads the same there.
boost::json::object ScopeToJsonValue(const VoteScope& scope);
boost::json::object TotalsToJsonValue(const VoteTotals& totals);
boost::json::object TestToJsonValue(const ThresholdResult& result);
// `ballot_counts`: accepted, superseded, concurring, rejected, rejected_by_reason, total.
boost::json::object BallotCountsToJsonValue(
    const std::array<std::int64_t, kBallotStatusCount>& counts, std::int64_t total);
// One ballot as handed in: index, id (when given), dwelling, choice, time; the
// caller adds its status.
boost::json::object BallotToJsonValue(const Registry& registry, const BallotBox& box, std::size_t i);

}  // namespace renewal::vote_internal

#endif  // RENEWAL_SRC_VOTE_INTERNAL_H_
