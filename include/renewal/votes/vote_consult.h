// Consultations (征询) built on the vote count (BRIEF §4, seed 001):
// Yichang's multi-round consultation and Shanghai's per-entrance elevator
// consultations.
#ifndef RENEWAL_VOTE_CONSULT_H_
#define RENEWAL_VOTE_CONSULT_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"

namespace renewal {

// One round of a multi-round consultation (宜昌 "三轮征询", seed
// 001_c9c5fc786dd61830.txt): it addresses the dwellings that have not agreed yet.
struct ConsultationRound {
  std::string name;  // e.g. "第一轮：业委会入户走访"
  std::int64_t opens = 0;
  std::int64_t closes = 0;
  BallotBox ballots;
};

struct RoundResult {
  std::string name;
  std::int64_t addressed = 0;       // dwellings not yet agreed when the round opened
  std::int64_t responded = 0;       // of those, dwellings whose person answered
  // Dwellings agreed in this round, including the other units of a person who
  // agreed for one of them (one person, one vote): those are not asked again.
  std::int64_t newly_agreed = 0;
  std::vector<BallotStatus> ballot_status;  // this round's ballots; agreed dwellings are out of scope
  // Agreement so far, counted over the whole scope by the consultation's rule
  // (persons and areas as in a vote; earlier agreement is kept).
  VoteTotals cumulative;
  std::vector<ThresholdResult> tests;
  bool passed = false;
};

struct ConsultationResult {
  std::vector<RoundResult> rounds;
  bool passed = false;           // the rule on the final cumulative agreement
  std::vector<Index> remaining;  // dwellings that never agreed, ascending
  std::vector<DwellingChoice> remaining_last_choice;  // their last counted choice
};

// Errors: scope or rule as in Tallier::Count; a round closing before it opens.
absl::StatusOr<ConsultationResult> RunConsultation(const Registry& registry, const VoteScope& scope,
                                                   const VoteRule& rule,
                                                   std::span<const ConsultationRound> rounds);

// Elevator additions are decided per entrance (单元); Shanghai opens a
// consultation as soon as one household applies (seed 001, 上海市).
struct ElevatorApplication {
  std::string dwelling_id;
  std::int64_t time = 0;
  std::string id;  // optional, for the record
};

struct EntranceConsultation {
  Index building = kNoIndex;
  Index entrance = kNoIndex;
  std::string opened_by;  // the dwelling of the earliest application
  std::string opened_by_id;  // that application's ID ("" when it has none)
  std::int64_t opens = 0;
  std::int64_t closes = 0;
  std::int64_t applications = 0;
  VoteOutcome outcome;
};

// One consultation per entrance with at least one application, open from the
// earliest application (the first listed of equally early ones) for
// `duration_seconds`; `rule` defaults to
// civil_code_major (art. 278 item (7)) when empty. Ordered by entrance.
absl::StatusOr<std::vector<EntranceConsultation>> ElevatorConsultations(
    const Registry& registry, std::span<const ElevatorApplication> applications,
    const BallotBox& ballots, const VoteRule& rule, std::int64_t duration_seconds);

}  // namespace renewal

#endif  // RENEWAL_VOTE_CONSULT_H_
