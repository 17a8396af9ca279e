// Projects through their stages: order, guards, corrections, evidence, outcomes and
// money; every refused event names project, stage and what is missing, and changes
// nothing.
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/progress/progress_store.h"
#include "support/progress_programmes.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using test_support::MakeEvent;
using test_support::MoneyEvent;
using test_support::Transition;

Programme Make(std::string_view policy) { return Programme(*GuardPreset(policy)); }

Event Create(const std::string& id, int date = 20240105) {
  Event e = MakeEvent(EventKind::kCreate, id, date);
  e.info.id = id;
  e.info.estates = {{"E-1", 120}, {"E-2", 80}};
  e.info.plan_year = 2024;
  e.info.plan_batch = 1;
  e.info.province = "湖南省";
  e.info.city = "岳阳市";
  e.info.district = "岳阳楼区";
  e.info.street = "洞庭街道";
  return e;
}

Event EvidenceEvent(const std::string& project, int date, Evidence v) {
  Event e = MakeEvent(EventKind::kEvidence, project, date);
  e.evidence = std::move(v);
  return e;
}

// A counted vote as the votes area reports it.
VoteOutcome Counted(std::string id, std::string rule, bool passed) {
  VoteOutcome o;
  o.vote_id = std::move(id);
  o.rule_name = std::move(rule);
  o.passed = passed;
  o.totals.area_total = 1'000'000;
  o.totals.area_agree = passed ? 700'000 : 600'000;
  o.totals.heads_total = 100;
  o.totals.heads_agree = passed ? 70 : 60;
  return o;
}

Evidence Review(std::string id, bool passed) {
  Evidence v;
  v.kind = EvidenceKind::kReview;
  v.id = std::move(id);
  v.passed = passed;
  return v;
}

// Survey -> ... -> preparation (the stage before 开工), citing `vote` at the plan vote.
void UpToPreparation(Programme& p, const std::string& vote) {
  int date = 20240201;
  for (Stage s : {Stage::kApplication, Stage::kPreliminaryPlan, Stage::kReview, Stage::kAnnualPlan}) {
    ASSERT_TRUE(p.Apply(Transition("P-1", date++, s)).ok()) << KeyOf(s);
  }
  ASSERT_TRUE(p.Apply(Transition("P-1", date++, Stage::kPlanVote, {vote})).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", date++, Stage::kPreparation)).ok());
}

TEST(ProgressState, StagesInSeed002Order) {
  // 《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 七: 摸底调查 → 申请 → 初步方案 → 审查
  // → 计划 → 公示、表决 → 立项、设计、财评、招标 → 施工 → 验收 → 决算、归档 → 考评 → 长效管理.
  EXPECT_EQ(ZhOf(Stage::kSurvey), "摸底调查");
  EXPECT_EQ(ZhOf(Stage::kPlanVote), "公示、表决");
  EXPECT_EQ(ZhOf(Stage::kStarted), "开工");
  EXPECT_EQ(ZhOf(Stage::kJointAcceptance), "联合竣工验收");
  EXPECT_EQ(ZhOf(Stage::kLongTermManagement), "长效管理");
  EXPECT_LT(Stage::kJointAcceptance, Stage::kSettlementAudit);
  EXPECT_LT(Stage::kFinalAccounts, Stage::kArchived);
  EXPECT_EQ(LabelCount<Stage>(), 15u);
}

TEST(ProgressState, WholeLifeUnderNationalPolicy) {
  Programme p = Make("national");
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  ASSERT_TRUE(p.Apply(EvidenceEvent("P-1", 20240110,
                                    EvidenceFromVote(Counted("V-1", "civil_code_ordinary", true))))
                  .ok());
  UpToPreparation(p, "V-1");
  // 开工 needs the passed plan vote: the one cited at the vote counts.
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240301, Stage::kStarted)).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240601, Stage::kCompleted)).ok());
  Evidence acceptance;
  acceptance.kind = EvidenceKind::kAcceptance;
  acceptance.id = "YS-2024-01";
  acceptance.passed = true;
  ASSERT_TRUE(p.Apply(EvidenceEvent("P-1", 20240610, acceptance)).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240611, Stage::kJointAcceptance, {"YS-2024-01"})).ok());
  for (Stage s : {Stage::kSettlementAudit, Stage::kFinalAccounts, Stage::kArchived,
                  Stage::kPerformanceEvaluation}) {
    ASSERT_TRUE(p.Apply(Transition("P-1", 20240701, s)).ok()) << KeyOf(s);
  }
  Event ltm = Transition("P-1", 20240801, Stage::kLongTermManagement);
  EXPECT_THAT(std::string(p.Check(ltm).message()), HasSubstr("management_mode: required"));
  ltm.mode = ManagementMode::kGovernmentTrustee;
  ASSERT_TRUE(p.Apply(ltm).ok());
  const ProjectState* s = p.Find("P-1");
  EXPECT_EQ(s->stage, Stage::kLongTermManagement);
  EXPECT_EQ(s->mode, ManagementMode::kGovernmentTrustee);
  EXPECT_EQ(s->StageAt(20240301), Stage::kStarted);
  EXPECT_EQ(s->StageAt(20240229), Stage::kPreparation);
  EXPECT_EQ(s->StageAt(20240104), std::nullopt);
  EXPECT_EQ(s->info.households(), 200);
  // Past the last stage there is nowhere to go.
  EXPECT_EQ(p.Apply(Transition("P-1", 20240901, Stage::kLongTermManagement)).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(ProgressState, YueyangStartNeedsDoubleTwoThirdsVoteAndReview) {
  // 《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 七(二): the plan is signed by owners
  // holding 双2/3; 七(一)5: the city office reviews before the plan. A vote passed
  // under the Civil Code's ordinary rule is not the city's rule.
  Programme p = Make("yueyang");
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  ASSERT_TRUE(p.Apply(EvidenceEvent("P-1", 20240110,
                                    EvidenceFromVote(Counted("V-civil", "civil_code_ordinary", true))))
                  .ok());
  ASSERT_TRUE(p.Apply(EvidenceEvent("P-1", 20240110, Review("SC-1", true))).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240201, Stage::kApplication)).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240202, Stage::kPreliminaryPlan)).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240203, Stage::kReview)).ok());
  // The annual plan needs the passed review.
  absl::Status s = p.Apply(Transition("P-1", 20240204, Stage::kAnnualPlan));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("project \"P-1\" stage annual_plan"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("通过的审查意见"));
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240204, Stage::kAnnualPlan, {"SC-1"})).ok());
  // The plan vote under the ordinary rule does not do.
  s = p.Apply(Transition("P-1", 20240205, Stage::kPlanVote, {"V-civil"}));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("double two-thirds"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("双2/3以上业主签字同意的方案表决"));
  EXPECT_EQ(p.Find("P-1")->stage, Stage::kAnnualPlan);
  ASSERT_TRUE(p.Apply(EvidenceEvent("P-1", 20240205, EvidenceFromVote(Counted(
                                                         "V-yy", "yueyang_double_two_thirds", true))))
                  .ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240205, Stage::kPlanVote, {"V-yy"})).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240206, Stage::kPreparation)).ok());
  // Both the vote and the review were cited earlier: 开工 may go ahead.
  EXPECT_TRUE(p.Apply(Transition("P-1", 20240301, Stage::kStarted)).ok());
}

TEST(ProgressState, YueyangStartRefusedWithoutReviewNamesWhatIsMissing) {
  // The Yueyang guards without the annual-plan review, so that a project reaches
  // preparation with its 双2/3 vote but no review: 开工 names the review alone.
  Programme national = Make("national");
  ASSERT_TRUE(national.Apply(Create("P-1")).ok());
  ASSERT_TRUE(national.Apply(EvidenceEvent("P-1", 20240110, EvidenceFromVote(Counted(
                                               "V-yy", "yueyang_double_two_thirds", true))))
                  .ok());
  UpToPreparation(national, "V-yy");
  GuardPolicy yy = *GuardPreset("yueyang");
  yy.requirements[static_cast<std::size_t>(Stage::kAnnualPlan)].clear();
  Programme q(yy);
  ASSERT_TRUE(q.Apply(Create("P-1")).ok());
  ASSERT_TRUE(q.Apply(EvidenceEvent("P-1", 20240110, EvidenceFromVote(Counted(
                                        "V-yy", "yueyang_double_two_thirds", true))))
                  .ok());
  UpToPreparation(q, "V-yy");
  const absl::Status s = q.Apply(Transition("P-1", 20240301, Stage::kStarted));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()), HasSubstr("project \"P-1\" stage started (开工)"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("a passed review"));
  EXPECT_THAT(std::string(s.message()), Not(HasSubstr("double two-thirds")));
  EXPECT_EQ(q.Find("P-1")->stage, Stage::kPreparation);
  // The national guards do not ask for a review.
  EXPECT_TRUE(national.Apply(Transition("P-1", 20240301, Stage::kStarted)).ok());
}

TEST(ProgressState, FailedVoteCannotBeCited) {
  // A vote counted as failed is recorded (it happened) but citing it is refused.
  Programme p = Make("national");
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  ASSERT_TRUE(p.Apply(EvidenceEvent("P-1", 20240110,
                                    EvidenceFromVote(Counted("V-no", "yueyang_double_two_thirds", false))))
                  .ok());
  EXPECT_EQ(p.Find("P-1")->evidence[0].counts->heads_agree, 60);
  for (Stage s : {Stage::kApplication, Stage::kPreliminaryPlan, Stage::kReview, Stage::kAnnualPlan}) {
    ASSERT_TRUE(p.Apply(Transition("P-1", 20240201, s)).ok());
  }
  const absl::Status s = p.Apply(Transition("P-1", 20240205, Stage::kPlanVote, {"V-no"}));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("project \"P-1\" stage plan_vote (公示、表决) evidence[0]: vote \"V-no\" did "
                        "not pass and cannot be cited"));
  EXPECT_EQ(p.Find("P-1")->stage, Stage::kAnnualPlan);
  // Without citing anything, the guard names the missing vote.
  const absl::Status m = p.Apply(Transition("P-1", 20240205, Stage::kPlanVote));
  EXPECT_THAT(std::string(m.message()), HasSubstr("a passed vote on the renovation plan"));
}

TEST(ProgressState, EvidenceThatDoesNotExist) {
  Programme p = Make("national");
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  const absl::Status s = p.Apply(Transition("P-1", 20240201, Stage::kApplication, {"DOC-9"}));
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("project \"P-1\" stage application (申请) evidence[0]: no evidence "
                        "\"DOC-9\" was recorded"));
  EXPECT_EQ(p.Find("P-1")->stage, Stage::kSurvey);
  EXPECT_EQ(p.event_count(), 1u);
}

TEST(ProgressState, UnknownProject) {
  Programme p = Make("national");
  const absl::Status s = p.Apply(Transition("P-404", 20240201, Stage::kApplication));
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(s.message()), HasSubstr("project \"P-404\": no such project"));
  EXPECT_EQ(p.event_count(), 0u);
  EXPECT_TRUE(p.projects().empty());
}

TEST(ProgressState, StageOutOfOrder) {
  Programme p = Make("national");
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  const absl::Status s = p.Apply(Transition("P-1", 20240201, Stage::kReview));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("review (审查) is out of order: the project is at survey (摸底调查) and the "
                        "next stage is application (申请)"));
  // Backwards by a transition is out of order too.
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240201, Stage::kApplication)).ok());
  EXPECT_EQ(p.Apply(Transition("P-1", 20240202, Stage::kSurvey)).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(p.Find("P-1")->stage, Stage::kApplication);
  EXPECT_EQ(p.Find("P-1")->history.size(), 2u);
}

TEST(ProgressState, CorrectionGoesBackWithAReasonThatIsKept) {
  Programme p = Make("national");
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240201, Stage::kApplication)).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240202, Stage::kPreliminaryPlan)).ok());
  Event c = MakeEvent(EventKind::kCorrection, "P-1", 20240203);
  c.stage = Stage::kApplication;
  EXPECT_THAT(std::string(p.Apply(c).message()), HasSubstr("reason: a correction needs a reason"));
  c.reason = "初步方案未附居民意见，退回重报";
  ASSERT_TRUE(p.Apply(c).ok());
  const ProjectState* s = p.Find("P-1");
  EXPECT_EQ(s->stage, Stage::kApplication);
  ASSERT_EQ(s->history.size(), 4u);
  EXPECT_TRUE(s->history.back().correction);
  EXPECT_EQ(s->history.back().reason, "初步方案未附居民意见，退回重报");
  EXPECT_EQ(s->StageAt(20240202), Stage::kPreliminaryPlan);  // history is kept
  // A correction never moves forward (that is a transition, with its guards).
  Event forward = MakeEvent(EventKind::kCorrection, "P-1", 20240204);
  forward.stage = Stage::kStarted;
  forward.reason = "跳过";
  EXPECT_EQ(p.Apply(forward).code(), absl::StatusCode::kFailedPrecondition);
}

TEST(ProgressState, DateBeforeThePreviousEvent) {
  Programme p = Make("national");
  ASSERT_TRUE(p.Apply(Create("P-1", 20240105)).ok());
  ASSERT_TRUE(p.Apply(Transition("P-1", 20240201, Stage::kApplication)).ok());
  const absl::Status s = p.Apply(Transition("P-1", 20240131, Stage::kPreliminaryPlan));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("transition event, project \"P-1\" date: 2024-01-31 is before the "
                        "project's last event (2024-02-01)"));
  // The same day is not before.
  EXPECT_TRUE(p.Apply(Transition("P-1", 20240201, Stage::kPreliminaryPlan)).ok());
  EXPECT_EQ(p.Apply(Transition("P-1", 20240230, Stage::kReview)).code(),
            absl::StatusCode::kInvalidArgument);  // not a calendar day
}

TEST(ProgressState, MoneyMustBePositiveAndInstalmentsInOrder) {
  Programme p = Make("national");
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  const absl::Status neg = p.Apply(MoneyEvent(EventKind::kReceived, "P-1", 20240110,
                                              FundSource::kCentralSubsidy, FundChannel::kHousing,
                                              Money::Fen(-1)));
  EXPECT_EQ(neg.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(neg.message()), HasSubstr("amount: must be > 0, got -0.01"));
  EXPECT_EQ(p.Apply(MoneyEvent(EventKind::kReceived, "P-1", 20240110, FundSource::kCity,
                               FundChannel::kFinance, Money::Fen(0)))
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(p.Find("P-1")->money.empty());
  // 余拨 before 首拨 from the same source is refused; after it, accepted.
  const Event later = MoneyEvent(EventKind::kPaid, "P-1", 20240110, FundSource::kDistrict,
                                 FundChannel::kFinance, Money::Fen(100), Instalment::kLater);
  EXPECT_THAT(std::string(p.Apply(later).message()), HasSubstr("no first instalment from district"));
  ASSERT_TRUE(p.Apply(MoneyEvent(EventKind::kPaid, "P-1", 20240110, FundSource::kDistrict,
                                 FundChannel::kFinance, Money::Fen(100), Instalment::kFirst))
                  .ok());
  EXPECT_EQ(p.Apply(MoneyEvent(EventKind::kPaid, "P-1", 20240111, FundSource::kDistrict,
                               FundChannel::kFinance, Money::Fen(100), Instalment::kFirst))
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(p.Apply(later).ok());
}

TEST(ProgressState, OutcomesOnlyAtCompletionAndOnce) {
  Programme p = Make("national");
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  Event o = MakeEvent(EventKind::kOutcomes, "P-1", 20240110);
  o.outcomes.elevators = 2;
  EXPECT_EQ(p.Apply(o).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_FALSE(p.Find("P-1")->outcomes.has_value());
}

TEST(ProgressState, CreateChecksItsFields) {
  Programme p = Make("national");
  Event e = Create("P-1");
  e.info.estates.push_back({"E-1", 3});
  EXPECT_THAT(std::string(p.Apply(e).message()), HasSubstr("estates[2].id: \"E-1\" is listed twice"));
  e = Create("P-1");
  e.info.district.clear();
  EXPECT_THAT(std::string(p.Apply(e).message()), HasSubstr("create event, project \"P-1\" district: required"));
  e = Create("P-1");
  e.info.investment = Money::Fen(-5);
  EXPECT_EQ(p.Apply(e).code(), absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(p.Apply(Create("P-1")).ok());
  EXPECT_EQ(p.Apply(Create("P-1")).code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(p.projects().size(), 1u);
}

TEST(ProgressPolicy, OverdueLimits) {
  const OverduePolicy o = *ParseOverdueLimits("started=180,开工=200");  // the last one counts
  EXPECT_EQ(o.max_days[static_cast<std::size_t>(Stage::kStarted)], 200);
  EXPECT_FALSE(ParseOverdueLimits("started=0").ok());
  EXPECT_FALSE(ParseOverdueLimits("begun=10").ok());
  EXPECT_FALSE(ParseOverdueLimits("started").ok());
  EXPECT_EQ(GuardPreset("atlantis").status().code(), absl::StatusCode::kNotFound);
}

TEST(ProgressDates, ParseAndDays) {
  EXPECT_EQ(*ParseProgressDate("2024-02-29"), 20240229);
  EXPECT_FALSE(ParseProgressDate("2023-02-29").ok());
  EXPECT_FALSE(ParseProgressDate("2024-3-01").ok());
  EXPECT_EQ(DaysSinceEpoch(19700101), 0);
  EXPECT_EQ(DaysSinceEpoch(20240301) - DaysSinceEpoch(20240228), 2);  // leap year
  EXPECT_EQ(DaysSinceEpoch(20230301) - DaysSinceEpoch(20230228), 1);
}

}  // namespace
}  // namespace renewal
