// Scoring sheets (综合评分表). Ningbo: seed 001_c9c5fc786dd61830.txt 一、四是方案量化打分
// (配套设施与服务短板、居民参与积极性、长效管理机制); Zhuzhou: seed 000_0d284f5c619b042b.txt
// 1.6/1.7 (title only; our weights, docs/plan.md). Points are milli-points.
#include "renewal/plan/scoring.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Criterion& Find(const ScoringSheet& s, std::string_view key) {
  for (const Criterion& c : s.criteria) {
    if (c.key == key) return c;
  }
  ADD_FAILURE() << "no criterion " << key;
  return s.criteria.front();
}

TEST(Scoring, PresetsWeighOneHundredPoints) {
  for (const std::string& name : PresetSheetNames()) {
    auto s = PresetSheet(name);
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(ValidateSheet(*s).ok());
    MilliPoints sum = 0;
    for (const Criterion& c : s->criteria) sum += c.max_points;
    EXPECT_EQ(sum, 100'000) << name;
  }
  EXPECT_EQ(PresetSheet("宁波")->name, "ningbo");
  auto bad = PresetSheet("beijing");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(bad.status().message(), HasSubstr("\"beijing\""));
}

// Linear 0 → 6 shortfalls for 30 points: 1 → 5, 3 → 15, 6 and beyond → 30.
// Willingness 50% → 100% for 15 points: 80% → 15·30/50 = 9.
// Agreement 66.67% → 100% for 15: 80% → 15·1333/3333 = 5.99909… → 5.999 (half up);
// 66.67% and 66.66% → 0 (both sides of the lower bound).
TEST(Scoring, LinearBetweenBoundsHalfUp) {
  const ScoringSheet s = NingboSheet();
  const Criterion& basic = Find(s, "basic_shortfalls");
  EXPECT_EQ(ScoreValue(basic, 0), 0);
  EXPECT_EQ(ScoreValue(basic, 1), 5'000);
  EXPECT_EQ(ScoreValue(basic, 3), 15'000);
  EXPECT_EQ(ScoreValue(basic, 6), 30'000);
  EXPECT_EQ(ScoreValue(basic, 9), 30'000);
  EXPECT_EQ(ScoreValue(Find(s, "willingness"), 8000), 9'000);
  const Criterion& agreement = Find(s, "agreement");
  EXPECT_EQ(ScoreValue(agreement, 8000), 5'999);
  EXPECT_EQ(ScoreValue(agreement, 6667), 0);
  EXPECT_EQ(ScoreValue(agreement, 6666), 0);
  EXPECT_EQ(ScoreValue(agreement, 10000), 15'000);
  // Fewer is better: 0 points at 10, full at 0; 3 → 1000·7/10 = 700.
  Criterion down;
  down.function = ScoreFunction::kLinear;
  down.max_points = 1000;
  down.low = 10;
  down.high = 0;
  EXPECT_EQ(ScoreValue(down, 3), 700);
  EXPECT_EQ(ScoreValue(down, 11), 0);
  EXPECT_EQ(ScoreValue(down, -1), 1000);
}

// Hazards: one → 5 points, two or more → 10 (the step includes its threshold).
TEST(Scoring, StepsAndTables) {
  const ScoringSheet s = NingboSheet();
  const Criterion& h = Find(s, "hazards");
  EXPECT_EQ(ScoreValue(h, 0), 0);
  EXPECT_EQ(ScoreValue(h, 1), 5'000);
  EXPECT_EQ(ScoreValue(h, 2), 10'000);
  EXPECT_EQ(ScoreValue(h, 5), 10'000);
  const Criterion& m = Find(s, "management_mode");
  EXPECT_EQ(ScoreValue(m, static_cast<std::int64_t>(ManagementMode::kProfessional)), 10'000);
  EXPECT_EQ(ScoreValue(m, static_cast<std::int64_t>(ManagementMode::kSelfManaged)), 6'000);
  EXPECT_EQ(ScoreValue(m, static_cast<std::int64_t>(ManagementMode::kGovernmentTrustee)), 4'000);
  EXPECT_EQ(ScoreValue(m, static_cast<std::int64_t>(ManagementMode::kNone)), 0);
  const ScoringSheet z = ZhuzhouSheet();
  const Criterion& households = Find(z, "households");
  EXPECT_EQ(ScoreValue(households, 99), 0);
  EXPECT_EQ(ScoreValue(households, 100), 4'000);
  EXPECT_EQ(ScoreValue(households, 499), 7'000);
  EXPECT_EQ(ScoreValue(households, 500), 10'000);
}

ProjectFacts Facts(std::string id) {
  ProjectFacts f;
  f.project_id = std::move(id);
  return f;
}

// Ningbo, one estate: basic 3 (15), service 2 (10·2/4 = 5), hazards 1 (5), willingness
// 90% (15·40/50 = 12), agreement 100% (15), management agreed (10), professional (10):
// 72 points.
TEST(Scoring, NingboWorkedExampleAndMissingPolicies) {
  ProjectFacts a = Facts("A");
  a.at(Feature::kBasicShortfalls) = 3;
  a.at(Feature::kServiceShortfalls) = 2;
  a.at(Feature::kHazardCount) = 1;
  a.at(Feature::kWillingnessBp) = 9000;
  a.at(Feature::kAgreementBp) = 10000;
  a.at(Feature::kManagementAgreed) = 1;
  a.at(Feature::kManagementMode) = static_cast<std::int64_t>(ManagementMode::kProfessional);
  // B: the same without the vote (agreement missing → 0 points, flagged): 57.
  ProjectFacts b = a;
  b.project_id = "B";
  b.at(Feature::kAgreementBp) = std::nullopt;
  // C: no facility survey → excluded from the ranking (policy kExcludeProject).
  ProjectFacts c = a;
  c.project_id = "C";
  c.at(Feature::kBasicShortfalls) = std::nullopt;
  auto scores = ScoreProjects(NingboSheet(), {a, b, c}, {});
  ASSERT_TRUE(scores.ok()) << scores.status();
  EXPECT_EQ((*scores)[0].total, 72'000);
  EXPECT_EQ((*scores)[0].rank, 1);
  EXPECT_TRUE((*scores)[0].missing.empty());
  EXPECT_EQ((*scores)[1].total, 57'000);
  EXPECT_THAT((*scores)[1].missing, ElementsAre("agreement"));
  EXPECT_TRUE((*scores)[1].criteria[4].missing);
  EXPECT_FALSE((*scores)[1].excluded);
  EXPECT_EQ((*scores)[1].rank, 2);
  EXPECT_TRUE((*scores)[2].excluded);
  EXPECT_EQ((*scores)[2].rank, 0);
  EXPECT_THAT((*scores)[2].missing, ElementsAre("basic_shortfalls"));
}

// Zhuzhou example sheet: age 30 (15·10/20 = 7.5), basic 6 (20), no hazards (0),
// 320 households (7), willingness missing (0, flagged), consents yes/yes/no (10),
// funding confirmed (10), fund collected 50% (2.5), management not agreed (0): 57.
TEST(Scoring, ZhuzhouWorkedExample) {
  ProjectFacts f = Facts("Z");
  f.at(Feature::kAgeYears) = 30;
  f.at(Feature::kBasicShortfalls) = 6;
  f.at(Feature::kHazardCount) = 0;
  f.at(Feature::kHouseholds) = 320;
  f.at(Feature::kConsentRemoveIllegal) = 1;
  f.at(Feature::kConsentPropertyManagement) = 1;
  f.at(Feature::kConsentFundTopUp) = 0;
  f.at(Feature::kFundingConfirmed) = 1;
  f.at(Feature::kFundCollectionBp) = 5000;
  f.at(Feature::kManagementAgreed) = 0;
  auto scores = ScoreProjects(ZhuzhouSheet(), {f}, {});
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ((*scores)[0].total, 57'000);
  EXPECT_THAT((*scores)[0].missing, ElementsAre("willingness"));
}

// Ties: equal totals are ordered by carried-over years, then households, then id.
TEST(Scoring, RankTieBreakIsStated) {
  auto make = [](std::string id, std::int64_t households) {
    ProjectFacts f = Facts(std::move(id));
    f.at(Feature::kBasicShortfalls) = 2;
    f.at(Feature::kHouseholds) = households;
    return f;
  };
  std::vector<ProjectFacts> fs = {make("P-b", 100), make("P-a", 100), make("P-c", 300),
                                  make("P-d", 50)};
  auto scores = ScoreProjects(NingboSheet(), fs, {0, 0, 0, 1});
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ((*scores)[3].rank, 1);  // carried over one year
  EXPECT_EQ((*scores)[2].rank, 2);  // most households
  EXPECT_EQ((*scores)[1].rank, 3);  // "P-a" < "P-b"
  EXPECT_EQ((*scores)[0].rank, 4);
  EXPECT_THAT(std::string(kRankTieBreak), HasSubstr("carried_over_years desc"));
}

TEST(Scoring, BadSheetIsRejected) {
  ScoringSheet s = NingboSheet();
  s.criteria[2].steps = {{2, 5'000}, {1, 10'000}};
  auto st = ValidateSheet(s);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("criteria[2] \"hazards\" steps[1].at_least"));
  s = NingboSheet();
  s.criteria[0].max_points = -1;
  EXPECT_THAT(ValidateSheet(s).message(), HasSubstr("\"basic_shortfalls\" max_points"));
  auto scores = ScoreProjects(s, {Facts("A")}, {});
  EXPECT_EQ(scores.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace renewal
