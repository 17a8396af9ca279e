#include "renewal/scheme/review.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scheme_testing.h"

namespace renewal {
namespace {

using scheme_testing::City;
using scheme_testing::CorrectedPlan;
using scheme_testing::Edited;
using scheme_testing::Plan;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

ReviewPolicy Preset(std::string_view name) {
  absl::StatusOr<ReviewPolicy> p = ReviewPreset(name);
  EXPECT_TRUE(p.ok()) << p.status();
  return *p;
}

std::vector<std::string> FailedIds(const ReviewPolicy& policy, const ReviewResult& r) {
  std::vector<std::string> ids;
  for (std::size_t i : r.failed) ids.push_back(policy.checks[i].id);
  return ids;
}

TEST(Review, ChangshaPresetHasTheFourConditionsAndCompleteness) {
  // 湘建城函〔2021〕161号: "八不通过"（没有开展现状调研、没有征求居民意见、没有畅通消防通道
  // 及适老设施、就社会出资与居民出资告知）, and "基础类应改尽改".
  const ReviewPolicy p = Preset("changsha_eight_no");
  ASSERT_EQ(p.checks.size(), 5u);
  EXPECT_EQ(p.checks[0].kind, CheckKind::kSurveyDone);
  EXPECT_EQ(p.checks[1].kind, CheckKind::kResidentsConsulted);
  EXPECT_EQ(p.checks[1].rule, "changsha_two_80");
  EXPECT_EQ(p.checks[2].kind, CheckKind::kFireLaneAndAgeing);
  EXPECT_EQ(p.checks[3].kind, CheckKind::kContributionsDisclosed);
  EXPECT_EQ(p.checks[4].kind, CheckKind::kComplete);
  for (const ReviewCheck& c : p.checks) EXPECT_THAT(c.source, HasSubstr("湘建城函〔2021〕161号"));
}

TEST(Review, PlanWithoutTheFireItemFailsTwoChecks) {
  const ReviewPolicy policy = Preset("changsha_eight_no");
  absl::StatusOr<ReviewResult> r = ReviewPlan(Plan(), City(), policy);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, ReviewStatus::kFailed);
  // Survey: 15 facilities read (14 basic + accessibility), all surveyed. Consulted:
  // 8/10 consulted ≥ 80%, 7/8 agree ≥ 80%. Contributions: both stated. Fire safety
  // is missing and not in the plan: the fire-lane check and completeness fail.
  EXPECT_EQ(r->checks[0].outcome, CheckOutcome::kPass);
  EXPECT_EQ(r->checks[0].actual, "15/15 surveyed");
  EXPECT_EQ(r->checks[1].outcome, CheckOutcome::kPass);
  EXPECT_EQ(r->checks[1].actual, "consulted_heads 8/10; agree_heads 7/8");
  EXPECT_EQ(r->checks[2].outcome, CheckOutcome::kFail);
  EXPECT_EQ(r->checks[2].actual, "fire_safety: missing; accessibility: item I-2");
  EXPECT_EQ(r->checks[3].outcome, CheckOutcome::kPass);
  EXPECT_EQ(r->checks[4].outcome, CheckOutcome::kFail);
  EXPECT_THAT(FailedIds(policy, *r), ElementsAre("fire_lane_and_ageing", "complete"));
  EXPECT_EQ(r->checks[2].reason_zh,
            "畅通消防通道及适老设施（未畅通的不通过）：不通过。消防现状缺失，方案未纳入；"
            "无障碍已纳入方案（I-2）");
  EXPECT_THAT(r->checks[4].reason_zh, HasSubstr("缺1项（消防）"));
  EXPECT_THAT(r->checks[4].reason_en, HasSubstr("1 missing (fire safety)"));
}

TEST(Review, CorrectedPlanPasses) {
  const ReviewPolicy policy = Preset("changsha_eight_no");
  absl::StatusOr<ReviewResult> r = ReviewPlan(CorrectedPlan(), City(), policy);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, ReviewStatus::kPassed);
  EXPECT_TRUE(r->failed.empty());
}

TEST(Review, ConsultationBelowTwo80Fails) {
  // 7 of 10 consulted = 70% < 80%.
  const SchemePlan p = Plan(Edited(R"("heads_participating": 8, "heads_agree": 7, "heads_disagree": 1)",
                                   R"("heads_participating": 7, "heads_agree": 7, "heads_disagree": 0)"));
  const ReviewPolicy policy = Preset("changsha_eight_no");
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, City(), policy);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->checks[1].outcome, CheckOutcome::kFail);
  EXPECT_THAT(FailedIds(policy, *r),
              ElementsAre("residents_consulted", "fire_lane_and_ageing", "complete"));
}

TEST(Review, ConsultationUnderAnotherRuleFails) {
  const SchemePlan p = Plan(Edited(R"("rule": "changsha_two_80")", R"("rule": "civil_code_ordinary")"));
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, City(), Preset("changsha_eight_no"));
  EXPECT_EQ(r->checks[1].outcome, CheckOutcome::kFail);
  EXPECT_EQ(r->checks[1].actual, "civil_code_ordinary");
  // The national review accepts any rule that passes: civil_code_ordinary wants more
  // than half of the participating area and heads: 56000/64000 and 7/8 agree.
  absl::StatusOr<ReviewResult> n = ReviewPlan(p, City(), Preset("national"));
  EXPECT_EQ(n->checks[1].outcome, CheckOutcome::kPass);
}

TEST(Review, UndisclosedContributionsFail) {
  const SchemePlan p = Plan(Edited(R"(, "social_fen": 0)", ""));
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, City(), Preset("changsha_eight_no"));
  EXPECT_EQ(r->checks[3].outcome, CheckOutcome::kFail);
  EXPECT_EQ(r->checks[3].actual, "residents_fen stated, social_fen not stated");
  EXPECT_EQ(r->checks[3].reason_zh,
            "告知社会出资与居民出资（未告知的不通过）：不通过。居民出资12000.00元，社会出资未告知");
}

TEST(Review, NoConsultationFails) {
  SchemePlan p = CorrectedPlan();
  p.consultations.clear();
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, City(), Preset("changsha_eight_no"));
  EXPECT_EQ(r->status, ReviewStatus::kFailed);
  EXPECT_EQ(r->checks[1].actual, "no consultation");
}

TEST(Review, UnsurveyedEstateFailsTheSurveyAndIsUnknownOnCompleteness) {
  const SchemePlan p = Plan(R"({"id": "P-E2", "estate": "E2", "funding": {"residents_fen": 0, "social_fen": 0}})");
  const ReviewPolicy policy = Preset("changsha_eight_no");
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, City(), policy);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->checks[0].outcome, CheckOutcome::kFail);
  EXPECT_EQ(r->checks[0].actual, "0/15 surveyed");
  EXPECT_EQ(r->checks[2].outcome, CheckOutcome::kUnknown);  // fire safety not surveyed
  EXPECT_EQ(r->checks[4].outcome, CheckOutcome::kUnknown);  // unknown never passes
}

TEST(Review, PartialSurveyIsUndetermined) {
  // Only unknowns, no failures: undetermined, never passed.
  SchemePlan p = CorrectedPlan();
  ReviewPolicy policy = Preset("changsha_eight_no");
  policy.checks = {policy.checks[4]};
  p.estate = "E2";
  p.items.clear();
  p.elevator_decisions.clear();
  p.opinions.clear();
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, City(), policy);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, ReviewStatus::kUndetermined);
}

TEST(Review, WuhanRecordsEachDepartment) {
  // 《城镇老旧小区改造可复制政策机制清单（第四批）》 湖北省武汉市: 城市管理、消防、公安、交通管理、
  // 水务、供电、园林、文旅 departments review the plan together.
  const ReviewPolicy policy = Preset("wuhan_joint_review");
  ASSERT_EQ(policy.checks.size(), 8u);
  SchemePlan p = CorrectedPlan();
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, City(), policy);
  EXPECT_EQ(r->status, ReviewStatus::kUndetermined);  // nobody has signed yet
  for (const Label<Department>& l : Labels<Department>()) {
    p.signoffs.push_back({l.value, *ParsePlanDate("2025-06-01"), true, ""});
  }
  p.signoffs[1].approved = false;  // the fire service does not approve
  p.signoffs[1].opinion = "消防车道宽度不足4米";
  r = ReviewPlan(p, City(), policy);
  EXPECT_EQ(r->status, ReviewStatus::kFailed);
  EXPECT_THAT(FailedIds(policy, *r), ElementsAre("signoff_fire"));
  EXPECT_EQ(r->checks[1].reason_zh, "消防部门联审同意：不通过。消防部门2025-06-01不同意：消防车道宽度不足4米");
  p.signoffs[1].approved = true;
  EXPECT_EQ(ReviewPlan(p, City(), policy)->status, ReviewStatus::kPassed);
}

TEST(Review, TwoRoundsAndTwoNotices) {
  // 湘建城函〔2021〕161号 "两轮征询、两轮公示": one round recorded, two notices, every
  // opinion answered.
  const ReviewPolicy policy = Preset("changsha_two_rounds");
  absl::StatusOr<ReviewResult> r = ReviewPlan(Plan(), City(), policy);
  EXPECT_THAT(FailedIds(policy, *r), ElementsAre("two_consultations"));
  SchemePlan p = Plan();
  ConsultationRecord second = p.consultations[0];
  second.round = 2;
  p.consultations.push_back(second);
  p.opinions[1].answer = OpinionAnswer::kPending;
  r = ReviewPlan(p, City(), policy);
  EXPECT_THAT(FailedIds(policy, *r), ElementsAre("opinions_answered"));
}

TEST(Review, FastPathAgreesWithTheFullReview) {
  const ReviewPolicy policy = Preset("changsha_eight_no");
  const CompletenessPolicy cp = *CompletenessPreset(policy.completeness);
  for (const SchemePlan& p : {Plan(), CorrectedPlan()}) {
    std::vector<CheckOutcome> outcomes;
    absl::StatusOr<ReviewStatus> fast = ReviewPlanFast(p, City(), *City().FindEstate("E1"), policy,
                                                       cp, &outcomes);
    absl::StatusOr<ReviewResult> full = ReviewPlan(p, City(), policy);
    ASSERT_TRUE(fast.ok() && full.ok());
    EXPECT_EQ(*fast, full->status);
    for (std::size_t i = 0; i < outcomes.size(); ++i) EXPECT_EQ(outcomes[i], full->checks[i].outcome);
  }
}

TEST(Review, VerdictsReadBack) {
  const ReviewPolicy policy = Preset("changsha_eight_no");
  std::vector<ReviewResult> results = {*ReviewPlan(Plan(), City(), policy)};
  absl::StatusOr<std::vector<ReviewVerdict>> v = ParseReviewVerdictsJson(ReviewsToJson(policy, results));
  ASSERT_TRUE(v.ok()) << v.status();
  ASSERT_EQ(v->size(), 1u);
  EXPECT_EQ((*v)[0].estate, "E1");
  EXPECT_EQ((*v)[0].status, ReviewStatus::kFailed);
  v = ParseReviewVerdictsJson(ReviewToJson(policy, results[0]));
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ((*v)[0].plan, "P-E1-2025");
  results.push_back(results[0]);
  EXPECT_EQ(ParseReviewVerdictsJson(ReviewsToJson(policy, results)).status().message(),
            R"(reviews[1] estate: "E1" is reviewed twice)");
  EXPECT_EQ(ParseReviewVerdictsJson(R"({"reviews": [{"plan": "P", "estate": "E1", "status": "ok"}]})")
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(Review, PartlySurveyedEstateIsUnknownOnTheSurvey) {
  // A survey recording water only: 1 of the 15 facilities changsha reads is surveyed —
  // neither "no survey" (fail) nor a full survey (pass).
  RegistryBuilder b(2024);
  ASSERT_TRUE(b.AddDistrict({"D1", "城东区"}).ok());
  ASSERT_TRUE(b.AddOwner("O1", "张三", OwnerKind::kPerson).ok());
  Estate e;
  e.id = "E3";
  e.name = "部分调查小区";
  e.facts.facilities[static_cast<std::size_t>(Facility::kWater)] = Condition::kPoor;
  ASSERT_TRUE(b.BeginEstate(e, "D1", "").ok());
  Building bd;
  bd.id = "E3-B1";
  ASSERT_TRUE(b.AddBuilding(bd).ok());
  ASSERT_TRUE(b.AddEntrance("1").ok());
  const std::string_view owners[] = {"O1"};
  DwellingRecord d;
  d.id = "E3-B1-1-101";
  d.area_centi = 8000;
  d.owner_ids = owners;
  ASSERT_TRUE(b.AddDwelling(d).ok());
  ASSERT_TRUE(b.EndEstate().ok());
  absl::StatusOr<Registry> city = std::move(b).Finish();
  ASSERT_TRUE(city.ok()) << city.status();
  SchemePlan p;
  p.id = "P-E3";
  p.estate = "E3";
  const ReviewPolicy policy = Preset("changsha_eight_no");
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, *city, policy);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->checks[0].outcome, CheckOutcome::kUnknown);
  EXPECT_EQ(r->checks[0].actual, "1/15 surveyed");
  // Water is poor and not in the plan: completeness fails on it (missing beats unknown).
  EXPECT_EQ(r->checks[4].outcome, CheckOutcome::kFail);
}

TEST(Review, ManagementModeAfterRenovation) {
  // 国办发〔2020〕23号 asks for long-term management: none chosen fails the national review.
  const SchemePlan p = Plan(Edited(R"("management_mode": "professional")", R"("management_mode": "none")"));
  const ReviewPolicy policy = Preset("national");
  absl::StatusOr<ReviewResult> r = ReviewPlan(p, City(), policy);
  EXPECT_THAT(FailedIds(policy, *r), ElementsAre("complete", "management_mode"));
  EXPECT_THAT(FailedIds(policy, *ReviewPlan(CorrectedPlan(), City(), policy)), ElementsAre());
}

TEST(Review, NoticeLengthIsCountedInclusive) {
  // Each notice of plan E1 runs 04-01..04-07 and 05-01..05-07: 7 days, both ends counted.
  ReviewPolicy policy = Preset("changsha_two_rounds");
  SchemePlan p = Plan();
  policy.checks[1].min_days = 7;
  EXPECT_EQ(ReviewPlan(p, City(), policy)->checks[1].outcome, CheckOutcome::kPass);
  policy.checks[1].min_days = 8;
  EXPECT_EQ(ReviewPlan(p, City(), policy)->checks[1].outcome, CheckOutcome::kFail);
  // Across a month end: 2025-01-28..2025-02-03 is 7 days as well.
  p.notices[0].starts = *ParsePlanDate("2025-01-28");
  p.notices[0].ends = *ParsePlanDate("2025-02-03");
  p.notices.resize(1);
  policy.checks[1].count = 1;
  policy.checks[1].min_days = 7;
  EXPECT_EQ(ReviewPlan(p, City(), policy)->checks[1].outcome, CheckOutcome::kPass);
}

TEST(Review, UnknownPreset) {
  EXPECT_EQ(ReviewPreset("paris").status().code(), absl::StatusCode::kNotFound);
}

TEST(Review, ReasonsAreEachInOneLanguage) {
  for (std::string_view name : ReviewPresetNames()) {
    const ReviewPolicy policy = Preset(name);
    absl::StatusOr<ReviewResult> r = ReviewPlan(Plan(), City(), policy);
    ASSERT_TRUE(r.ok());
    for (const CheckResult& c : r->checks) {
      // No ASCII letters in the Chinese text (IDs such as I-2 aside: the plan's data),
      // no CJK in the English.
      std::string zh = c.reason_zh;
      for (std::string_view id : {"I-1", "I-2", "I-3"}) {
        for (std::size_t at; (at = zh.find(id)) != std::string::npos;) zh.erase(at, id.size());
      }
      for (char ch : zh) EXPECT_FALSE((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) << c.reason_zh;
      for (unsigned char ch : c.reason_en) EXPECT_LT(ch, 0x80) << c.reason_en;
    }
  }
}

}  // namespace
}  // namespace renewal
