// DropAndSubstituteAll: several drop-outs in order, all or nothing (seed 001 "遇到突发
// 情况不能实施时，及时增补"). Expected values are worked out by hand in the comments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "renewal/plan/plan.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;

// Cost in 万元; the score is the carry-over bonus, 1 point a year carried.
CandidateProject Project(std::string id, std::int64_t cost_wan, int carried) {
  CandidateProject p;
  p.id = std::move(id);
  p.estate_id = "E-" + p.id;
  p.cost = Money::Fen(cost_wan * 1'000'000);
  p.government_share = Money::Fen(cost_wan * 500'000);
  p.carried_over_years = carried;
  return p;
}

ProjectFacts Facts(const CandidateProject& p) {
  ProjectFacts f;
  f.project_id = p.id;
  f.estate_id = p.estate_id;
  f.district_id = "D1";
  f.at(Feature::kHouseholds) = 1;
  return f;
}

std::vector<std::string> Selected(const AnnualPlan& plan) {
  std::vector<std::string> out;
  for (const ProjectDecision& d : plan.decisions) {
    if (d.selected) out.push_back(d.project_id);
  }
  return out;
}

// A (60万, 13 points), B (50万, 10), C (50万, 9), D (30万, 4); budget 100万.
// Optimum: B + C = 19 (100万) over A + D = 17 and A = 13; substitutes in rank order
// A, then D. B drops: 50万 free, A (60万) does not fit, D (30万) does → D, 20万 left.
// C drops: 70万 free, A (60万) fits → A, 10万 left.
class DropAndSubstituteAllTest : public ::testing::Test {
 protected:
  void SetUp() override {
    projects_ = {Project("A", 60, 13), Project("B", 50, 10), Project("C", 50, 9),
                 Project("D", 30, 4)};
    for (const CandidateProject& p : projects_) facts_.push_back(Facts(p));
    options_.budget = Money::Fen(100 * 1'000'000);
    options_.carry_over_bonus = 1000;
    ScoringSheet sheet;
    sheet.name = "flat";
    absl::StatusOr<AnnualPlan> plan = MakeAnnualPlanFromFacts(projects_, facts_, sheet, options_);
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = *std::move(plan);
    ASSERT_THAT(Selected(plan_), ElementsAre("B", "C"));
  }

  std::vector<CandidateProject> projects_;
  std::vector<ProjectFacts> facts_;
  PlanOptions options_;
  AnnualPlan plan_;
};

TEST_F(DropAndSubstituteAllTest, DropsInOrderAndRecordsEachCall) {
  ASSERT_TRUE(DropAndSubstituteAll(plan_, {"B", "C"}, options_).ok());
  ASSERT_EQ(plan_.substitutions.size(), 2u);
  EXPECT_EQ(plan_.substitutions[0].dropped_id, "B");
  EXPECT_THAT(plan_.substitutions[0].added_ids, ElementsAre("D"));
  EXPECT_EQ(plan_.substitutions[1].dropped_id, "C");
  EXPECT_THAT(plan_.substitutions[1].added_ids, ElementsAre("A"));
  EXPECT_EQ(plan_.left, Money::Fen(10 * 1'000'000));
}

TEST_F(DropAndSubstituteAllTest, NoIdsChangesNothing) {
  ASSERT_TRUE(DropAndSubstituteAll(plan_, {}, options_).ok());
  EXPECT_THAT(Selected(plan_), ElementsAre("B", "C"));
  EXPECT_TRUE(plan_.substitutions.empty());
}

// The first drop of B succeeds, the second fails (B is no longer in the implement
// tier): NotFound naming B, and the plan is as before the call (B still selected).
TEST_F(DropAndSubstituteAllTest, AFailedDropLeavesThePlanUnchanged) {
  const absl::Status s = DropAndSubstituteAll(plan_, {"B", "B"}, options_);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(s.message()), ::testing::HasSubstr("\"B\""));
  EXPECT_THAT(Selected(plan_), ElementsAre("B", "C"));
  EXPECT_TRUE(plan_.substitutions.empty());
  EXPECT_EQ(plan_.left, Money());
}

}  // namespace
}  // namespace renewal
