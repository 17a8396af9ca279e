// JSON for consultations: rounds read from ballots documents, the elevator
// applications document (read), and both results (written). Formats:
// docs/votes.md "Consultations", docs/schemas/vote-consultation.schema.json,
// vote-elevator-applications.schema.json, vote-elevator.schema.json.
#ifndef RENEWAL_VOTE_CONSULT_JSON_H_
#define RENEWAL_VOTE_CONSULT_JSON_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_consult.h"
#include "renewal/votes/vote_json.h"

namespace renewal {

// A multi-round consultation: its scope and rule, and the rounds in order.
struct ConsultationInput {
  VoteScope scope;
  VoteRule rule;
  std::vector<ConsultationRound> rounds;
};

// Appends one round read from a ballots document: the vote's id names the round
// and its opens/closes are the round's window. The first document gives the
// consultation's scope and rule; a later one must name the same scope (error
// "vote scope: ...", nothing appended); later rules are not used.
absl::Status AddConsultationRound(VoteDocument document, ConsultationInput* input);

// Passed, the full rule, every round (addressed, responded, newly agreed, the
// cumulative agreement, its tests, the round's ballots with their status) and
// the dwellings left with their last answer.
std::string ConsultationResultToJson(const Registry& registry, const ConsultationInput& input,
                                     const ConsultationResult& result);

// {"applications": [{"id": "A-1", "dwelling": "...", "time": "..."}]}: all or
// nothing; errors name the record and field (`applications[1] "A-2" dwelling: no
// dwelling with id "X"`). IDs, when given, are unique.
absl::StatusOr<std::vector<ElevatorApplication>> ParseElevatorApplications(
    const Registry& registry, std::string_view json);
absl::StatusOr<std::vector<ElevatorApplication>> LoadElevatorApplicationsFile(
    const Registry& registry, const std::string& path);

// The rule, the consultation period, per opened entrance its window, tests and
// ballot counts, and every ballot's fate (counted in its entrance, unknown
// dwelling, or in an entrance nobody applied for).
std::string ElevatorResultToJson(const Registry& registry, const VoteRule& rule,
                                 std::int64_t duration_seconds, const BallotBox& ballots,
                                 std::span<const EntranceConsultation> entrances);

// Where ballot i went in an elevator consultation: the index into `entrances`
// of the entrance that counted it, or one of the two markers.
inline constexpr std::size_t kBallotUnknownDwelling = static_cast<std::size_t>(-1);
inline constexpr std::size_t kBallotNoConsultation = static_cast<std::size_t>(-2);
std::vector<std::size_t> ElevatorBallotEntrances(const Registry& registry, const BallotBox& ballots,
                                                 std::span<const EntranceConsultation> entrances);

}  // namespace renewal

#endif  // RENEWAL_VOTE_CONSULT_JSON_H_
