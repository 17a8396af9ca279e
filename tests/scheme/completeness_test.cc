#include "renewal/scheme/completeness.h"

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

CompletenessPolicy Preset(std::string_view name) {
  absl::StatusOr<CompletenessPolicy> p = CompletenessPreset(name);
  EXPECT_TRUE(p.ok()) << p.status();
  return *p;
}

const Need* Find(const CompletenessResult& r, Facility f, std::string_view entrance = "") {
  for (const Need& n : r.needs) {
    if (n.facility == f && n.entrance == entrance) return &n;
  }
  return nullptr;
}

TEST(Completeness, NationalOnTheE1Plan) {
  // 国办发〔2020〕23号 "基础类应改尽改": E1's survey shows three basic facilities poor or
  // missing: water (poor), heating (missing), fire safety (missing); roof is fair,
  // not required. The plan covers water (I-1), waives heating with a reason and
  // leaves out fire safety.
  const CompletenessPolicy policy = Preset("national");
  absl::StatusOr<CompletenessResult> r = CheckCompleteness(Plan(), City(), policy);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->required, 3);
  EXPECT_EQ(r->covered, 1);
  EXPECT_EQ(r->waived, 1);
  EXPECT_EQ(r->missing, 1);
  EXPECT_EQ(r->not_surveyed, 0);
  EXPECT_FALSE(r->complete());
  const Need* water = Find(*r, Facility::kWater);
  ASSERT_NE(water, nullptr);
  EXPECT_EQ(water->status, NeedStatus::kCovered);
  EXPECT_EQ(water->condition, Condition::kPoor);
  EXPECT_THAT(water->items, ElementsAre("I-1"));
  EXPECT_EQ(policy.rules[water->rule].id, "basic_water");
  EXPECT_THAT(policy.rules[water->rule].source, HasSubstr("国办发〔2020〕23号"));
  const Need* heating = Find(*r, Facility::kHeating);
  ASSERT_NE(heating, nullptr);
  EXPECT_EQ(heating->status, NeedStatus::kWaived);
  EXPECT_EQ(heating->waiver, "供暖管网由热力公司另行改造");
  const Need* fire = Find(*r, Facility::kFireSafety);
  ASSERT_NE(fire, nullptr);
  EXPECT_EQ(fire->status, NeedStatus::kMissing);
  EXPECT_EQ(fire->condition, Condition::kMissing);
  EXPECT_EQ(fire->reason_zh, "消防调查为缺失，基础类设施较差或缺失的应改尽改；方案未纳入，也未说明不改的理由");
  EXPECT_EQ(fire->reason_en,
            "fire safety surveyed missing; a basic facility in poor condition or missing must be "
            "renovated; not in the plan and not waived");
  EXPECT_EQ(Find(*r, Facility::kRoof), nullptr);  // fair: no need
  // Improvement (能改则改): accessibility is poor and covered by I-2; entrances 1 and 2
  // of the 6-floor E1-B1 (6 ≥ 4, no elevator): entrance 1 has its elevator item,
  // entrance 2 voted against it. E1-B2 has 3 floors: no suggestion.
  EXPECT_EQ(r->suggested, 3);
  EXPECT_EQ(r->suggested_covered, 2);
  EXPECT_EQ(r->declined, 1);
  const Need* e1 = Find(*r, Facility::kElevator, "1");
  ASSERT_NE(e1, nullptr);
  EXPECT_EQ(e1->building, "E1-B1");
  EXPECT_EQ(e1->floors, 6);
  EXPECT_EQ(e1->status, NeedStatus::kCovered);
  const Need* e2 = Find(*r, Facility::kElevator, "2");
  ASSERT_NE(e2, nullptr);
  EXPECT_EQ(e2->status, NeedStatus::kDeclined);
  EXPECT_EQ(r->needs.size(), 6u);
}

TEST(Completeness, CorrectedPlanIsComplete) {
  absl::StatusOr<CompletenessResult> r = CheckCompleteness(CorrectedPlan(), City(), Preset("national"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->covered, 2);
  EXPECT_EQ(r->waived, 1);
  EXPECT_EQ(r->missing, 0);
  EXPECT_TRUE(r->complete());
}

TEST(Completeness, ChangshaRequiresAccessibility) {
  // 湘建城函〔2021〕161号 counts "未增设或改造无障碍通道及消防设施的配置" against a plan:
  // accessibility (poor) is required, so four required needs.
  absl::StatusOr<CompletenessResult> r = CheckCompleteness(Plan(), City(), Preset("changsha"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->required, 4);
  EXPECT_EQ(r->covered, 2);
  EXPECT_EQ(r->missing, 1);
  EXPECT_EQ(r->suggested, 2);
  // Without the accessibility item it is missing too.
  const SchemePlan p = Plan(Edited(
      R"({"id": "I-2", "catalogue": "accessibility", "quantity": 1, "unit_cost_fen": 5000000},)", ""));
  EXPECT_EQ(CheckCompleteness(p, City(), Preset("changsha"))->missing, 2);
  EXPECT_EQ(CheckCompleteness(p, City(), Preset("national"))->missing, 1);
}

TEST(Completeness, ElevatorThresholdIsInclusive) {
  // "N层以上" includes N: with N = 6 the 6-floor E1-B1 still gets the suggestion
  // (its two entrances), with N = 7 it does not.
  CompletenessPolicy policy = Preset("national");
  policy.rules.back().min_floors = 6;
  absl::StatusOr<CompletenessResult> r = CheckCompleteness(Plan(), City(), policy);
  EXPECT_EQ(r->suggested, 3);
  policy.rules.back().min_floors = 7;
  r = CheckCompleteness(Plan(), City(), policy);
  EXPECT_EQ(r->suggested, 1);  // accessibility only
  policy.rules.back().min_floors = 3;  // now E1-B2 (3 floors) too
  r = CheckCompleteness(Plan(), City(), policy);
  EXPECT_EQ(r->suggested, 4);
}

TEST(Completeness, ElevatorVotedButLeftOutIsMissing) {
  // The entrance's vote decides: entrance 2 voted for it and the plan leaves it out.
  const SchemePlan p = Plan(Edited(R"("entrance": "2", "passed": false)",
                                   R"("entrance": "2", "passed": true)"));
  absl::StatusOr<CompletenessResult> r = CheckCompleteness(p, City(), Preset("national"));
  const Need* e2 = Find(*r, Facility::kElevator, "2");
  ASSERT_NE(e2, nullptr);
  EXPECT_EQ(e2->kind, NeedKind::kRequired);
  EXPECT_EQ(e2->status, NeedStatus::kMissing);
  EXPECT_EQ(r->missing, 2);  // fire safety and this elevator
}

TEST(Completeness, NotSurveyedNeverPasses) {
  // E2 has no survey: each of the 14 basic facilities is unknown, none is complete.
  const SchemePlan p = Plan(R"({"id": "P-E2", "estate": "E2"})");
  absl::StatusOr<CompletenessResult> r = CheckCompleteness(p, City(), Preset("national"));
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->required, 14);
  EXPECT_EQ(r->not_surveyed, 14);
  EXPECT_EQ(r->missing, 0);
  EXPECT_FALSE(r->complete());
}

TEST(Completeness, UnknownPreset) {
  EXPECT_EQ(CompletenessPreset("paris").status().code(), absl::StatusCode::kNotFound);
}

TEST(Completeness, JsonNamesEveryNeed) {
  const CompletenessPolicy policy = Preset("national");
  const std::string json = CompletenessToJson(policy, *CheckCompleteness(Plan(), City(), policy));
  EXPECT_THAT(json, HasSubstr(R"("facility":"fire_safety","condition":"missing","kind":"required","status":"missing")"));
  EXPECT_THAT(json, HasSubstr(R"("waiver":"供暖管网由热力公司另行改造")"));
}

}  // namespace
}  // namespace renewal
