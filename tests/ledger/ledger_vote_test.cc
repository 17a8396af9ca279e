// A maintenance-fund use gated by a real vote count (issue: fund use needs a passed
// vote under civil_code_ordinary where an owners' assembly exists).
#include "renewal/ledger/ledger_vote.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ledger_test_util.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;

// Building B1 of the small registry: D-1 60 m² (张三), D-2 80 m² (李四光), D-3 100 m²
// (王五); 240 m² and 3 persons in all.
VoteOutcome CountRoofVote(const Registry& r, BallotChoice d2_choice) {
  Vote v;
  v.id = "V-roof";
  v.matter = VoteMatter::kUseFund;
  v.scope.kind = VoteScopeKind::kBuilding;
  v.scope.id = "B1";
  v.rule = *VoteRulePreset("civil_code_ordinary");
  v.opens = 100;
  v.closes = 200;
  BallotBox box;
  EXPECT_TRUE(box.Add(r, {"b1", "D-1", BallotChoice::kAgree, 150, CastBy::kOwner, ""}).ok());
  EXPECT_TRUE(box.Add(r, {"b2", "D-2", d2_choice, 150, CastBy::kOwner, ""}).ok());
  EXPECT_TRUE(box.Add(r, {"b3", "D-3", BallotChoice::kDisagree, 150, CastBy::kOwner, ""}).ok());
  absl::StatusOr<VoteOutcome> out = Tally(r, v, box);
  EXPECT_TRUE(out.ok()) << out.status();
  return *out;
}

UseRequest RoofUse(const VoteOutcome& vote) {
  UseRequest q;
  q.id = "U-roof";
  q.date = 20250301;
  q.scope = {LedgerScopeKind::kBuilding, ::renewal::testing::kB1};
  q.amount = Money::Fen(1'000'000);  // 10,000.00 yuan
  q.facility = Facility::kRoof;
  q.approval = ApprovalFromVote(vote);
  return q;
}

TEST(LedgerVote, APassedOrdinaryVoteOpensTheFund) {
  const Registry r = ::renewal::testing::SmallRegistry();
  // All 3 persons and 240 m² take part (≥ 2/3 of both). Agree: D-1 + D-2 = 140 m² of
  // 240 (> 1/2) and 2 of 3 persons (> 1/2): passed under art. 278 item (5).
  const VoteOutcome vote = CountRoofVote(r, BallotChoice::kAgree);
  ASSERT_TRUE(vote.passed);
  EXPECT_EQ(ApprovalFromVote(vote).rule, "civil_code_ordinary");
  Ledger ledger = *Ledger::Create(r);
  absl::StatusOr<UseResult> used = ledger.Use(RoofUse(vote));
  ASSERT_TRUE(used.ok()) << used.status();
  EXPECT_EQ(ledger.tx_count(), 1u);
}

TEST(LedgerVote, AFailedVoteKeepsTheFundClosed) {
  const Registry r = ::renewal::testing::SmallRegistry();
  // Agree: D-1 only, 60 m² of 240 and 1 of 3 persons: not more than half.
  const VoteOutcome vote = CountRoofVote(r, BallotChoice::kDisagree);
  ASSERT_FALSE(vote.passed);
  Ledger ledger = *Ledger::Create(r);
  absl::StatusOr<UseResult> used = ledger.Use(RoofUse(vote));
  EXPECT_EQ(used.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(used.status().message(), HasSubstr("vote \"V-roof\" did not pass"));
  EXPECT_EQ(ledger.tx_count(), 0u);
}

}  // namespace
}  // namespace renewal
