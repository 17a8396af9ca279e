// The worked example of examples/scheme (docs/scheme.md "Worked example"): estate
// E000025 of the sample city, whose survey shows water poor and fire safety missing.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/registry/registry_json.h"
#include "renewal/scheme/review.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;

std::string Example(std::string_view name) {
  return std::string(RENEWAL_SOURCE_DIR) + "/examples/" + std::string(name);
}

class SchemeExample : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Registry> r = LoadRegistryFile(Example("small_city.json"));
    ASSERT_TRUE(r.ok()) << r.status();
    city_ = new Registry(*std::move(r));
  }
  static const Registry* city_;
};
const Registry* SchemeExample::city_ = nullptr;

TEST_F(SchemeExample, TheSurveyShowsPoorWaterAndMissingFireSafety) {
  const Estate& e = city_->estate(*city_->FindEstate("E000025"));
  EXPECT_EQ(e.facts.condition(Facility::kWater), Condition::kPoor);
  EXPECT_EQ(e.facts.condition(Facility::kFireSafety), Condition::kMissing);
}

TEST_F(SchemeExample, PlanWithoutTheFireItemFailsAndSaysWhy) {
  absl::StatusOr<SchemePlan> plan = LoadSchemePlanFile(Example("scheme/plan_missing_fire.json"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  const ReviewPolicy policy = *ReviewPreset("changsha_eight_no");
  absl::StatusOr<ReviewResult> r = ReviewPlan(*plan, *city_, policy);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->status, ReviewStatus::kFailed);
  std::vector<std::string> failed;
  for (std::size_t i : r->failed) failed.push_back(policy.checks[i].id);
  EXPECT_THAT(failed, ElementsAre("fire_lane_and_ageing", "complete"));
  // By hand from the survey (changsha completeness, 湘建城函〔2021〕161号): basic
  // facilities poor or missing are water, drainage, heating, roads, fire safety,
  // lighting, roof, stairwell and waste (9), plus accessibility (poor) = 10 required;
  // items cover 8 of them, heating is waived, fire safety is missing.
  const CompletenessResult& c = r->completeness;
  EXPECT_EQ(c.required, 10);
  EXPECT_EQ(c.covered, 8);
  EXPECT_EQ(c.waived, 1);
  EXPECT_EQ(c.missing, 1);
  // Every one of the 8 buildings has 4 floors or more and no elevator; their
  // entrances: 2 + 3 + 1 + 3 + 2 + 2 + 1 + 3 = 17 suggested; 5栋1单元 carries its
  // elevator (I-09), 5栋2单元 voted against.
  EXPECT_EQ(c.suggested, 17);
  EXPECT_EQ(c.suggested_covered, 1);
  EXPECT_EQ(c.declined, 1);
  // 150/177 consulted = 84.75% ≥ 80%; 135/150 agree = 90% ≥ 80% (两个80%).
  EXPECT_EQ(r->checks[1].outcome, CheckOutcome::kPass);
  // Residents' 186,000.00 and social 50,000.00 yuan are stated.
  EXPECT_EQ(r->checks[3].outcome, CheckOutcome::kPass);
}

TEST_F(SchemeExample, CorrectedPlanPasses) {
  absl::StatusOr<SchemePlan> plan = LoadSchemePlanFile(Example("scheme/plan_corrected.json"));
  ASSERT_TRUE(plan.ok()) << plan.status();
  for (std::string_view name : {"changsha_eight_no", "national", "changsha_two_rounds"}) {
    absl::StatusOr<ReviewResult> r = ReviewPlan(*plan, *city_, *ReviewPreset(name));
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->status, ReviewStatus::kPassed) << name;
  }
  // The missing-fire plan has one opinion pending and one round: it fails the
  // two-round policy as well.
  absl::StatusOr<SchemePlan> first = LoadSchemePlanFile(Example("scheme/plan_missing_fire.json"));
  const ReviewPolicy two = *ReviewPreset("changsha_two_rounds");
  absl::StatusOr<ReviewResult> r = ReviewPlan(*first, *city_, two);
  EXPECT_EQ(r->failed.size(), 3u);  // rounds, notices, the pending opinion
}

}  // namespace
}  // namespace renewal
