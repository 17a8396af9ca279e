// JSON formats of the planning area (docs/plan.md, docs/schemas/plan*.schema.json).
#include "renewal/plan/plan_io.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace renewal {
namespace {

using ::testing::HasSubstr;

TEST(PlanIo, ParsesProjectsWithMoneyAsStringOrInteger) {
  auto ps = ParseProjectsJson(R"({"projects": [
    {"id": "P1", "estate_id": "E1", "cost_yuan": "1234.50", "government_share_yuan": 1000,
     "vote_passed": true, "agreement_bp": 7500, "carried_over_years": 2,
     "items": [{"facility": "供水", "cost_yuan": "1234.50"}]},
    {"id": "P2", "estate_id": "E2", "cost_yuan": 10, "must_include": true, "vote_passed": null}]})");
  ASSERT_TRUE(ps.ok()) << ps.status();
  ASSERT_EQ(ps->size(), 2u);
  EXPECT_EQ((*ps)[0].cost, Money::Fen(123450));
  EXPECT_EQ((*ps)[0].government_share, Money::Fen(100000));
  EXPECT_EQ((*ps)[0].vote_passed, true);
  EXPECT_EQ((*ps)[0].agreement_bp, 7500);
  EXPECT_EQ((*ps)[0].carried_over_years, 2);
  ASSERT_EQ((*ps)[0].items.size(), 1u);
  EXPECT_EQ((*ps)[0].items[0].facility, Facility::kWater);
  EXPECT_EQ((*ps)[0].items[0].category, Category::kBasic);
  EXPECT_EQ((*ps)[1].government_share, Money::Fen(1000));  // defaults to the cost
  EXPECT_TRUE((*ps)[1].must_include);
  EXPECT_FALSE((*ps)[1].vote_passed.has_value());
}

// The options file (docs/schemas/plan-options.schema.json): district limits in
// projects and in yuan of spending; it replaces the list and keeps other options.
TEST(PlanIo, ParsesDistrictLimitsFromTheOptionsFile) {
  PlanOptions base;
  base.budget = Money::Fen(100);
  base.district_limits.push_back({});
  auto o = ParsePlanOptionsJson(R"({"district_limits": [
    {"district_id": "D1", "max_spending_yuan": "400000.50"},
    {"district_id": "D2", "min_projects": 1, "max_projects": 3, "min_spending_yuan": 300000}]})",
                                base);
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->budget, Money::Fen(100));
  ASSERT_EQ(o->district_limits.size(), 2u);
  EXPECT_EQ(o->district_limits[0].district_id, "D1");
  EXPECT_EQ(o->district_limits[0].max_spending, Money::Fen(40000050));
  EXPECT_EQ(o->district_limits[0].min_projects, 0);
  EXPECT_EQ(o->district_limits[1].min_spending, Money::Fen(30000000));
  EXPECT_FALSE(o->district_limits[1].max_spending.has_value());
  EXPECT_EQ(o->district_limits[1].max_projects, 3);

  auto bad = ParsePlanOptionsJson(R"({"district_limits": [{"district_id": "D1", "max_spend": 1}]})", base);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("district_limits[0] \"D1\" max_spend: unknown field"));
  bad = ParsePlanOptionsJson(
      R"({"district_limits": [{"district_id": "D1", "min_spending_yuan": 5, "max_spending_yuan": 4}]})", base);
  EXPECT_THAT(bad.status().message(), HasSubstr("need 0 <= min_spending_yuan <= max_spending_yuan"));
  bad = ParsePlanOptionsJson(R"({"district_limits": [{"district_id": "D1", "max_spending_yuan": 4.5}]})", base);
  EXPECT_THAT(bad.status().message(), HasSubstr("district_limits[0] \"D1\" max_spending_yuan"));
  bad = ParsePlanOptionsJson(R"({"district_limits": [{"min_projects": 1}]})", base);
  EXPECT_THAT(bad.status().message(), HasSubstr("district_limits[0] district_id: required"));
}

// Python's make_plan keywords as one JSON object: every option, nulls keep the base,
// an unknown key is named with the known ones.
TEST(PlanIo, ParsesThePlanKeywords) {
  PlanOptions base;
  base.budget = Money::Fen(100);
  base.solve.node_limit = 7;
  auto o = ParsePlanKeywordsJson(R"({"year": 2025, "objective": "households",
    "basis": "government_share", "solver": "fast", "node_limit": null,
    "must_include_hazards": true, "require_vote_passed": false, "require_funding_confirmed": true,
    "require_management_agreed": true, "require_review_passed": true, "carry_over_bonus_points": 2,
    "plan_tier_budget_yuan": "12.34", "district_limits": [{"district_id": "D1", "max_projects": 2}]})",
                                 base);
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->budget, Money::Fen(100));
  EXPECT_EQ(o->year, 2025);
  EXPECT_EQ(o->objective, Objective::kHouseholds);
  EXPECT_EQ(o->basis, BudgetBasis::kGovernmentShare);
  EXPECT_EQ(o->solve.solver, SolverKind::kFast);
  EXPECT_EQ(o->solve.node_limit, 7);
  EXPECT_TRUE(o->must_include_hazards);
  EXPECT_FALSE(o->require_vote_passed);
  EXPECT_TRUE(o->require_funding_confirmed);
  EXPECT_TRUE(o->require_management_agreed);
  EXPECT_TRUE(o->require_review_passed);
  EXPECT_EQ(o->carry_over_bonus, 2 * kMilliPerPoint);
  EXPECT_EQ(o->plan_tier_budget, Money::Fen(1234));
  ASSERT_EQ(o->district_limits.size(), 1u);
  EXPECT_EQ(o->district_limits[0].max_projects, 2);

  auto bad = ParsePlanKeywordsJson(R"({"dorp": ["P1"]})", base);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("options.dorp: unknown option (known: year, "));
  bad = ParsePlanKeywordsJson(R"({"objective": "beauty"})", base);
  EXPECT_THAT(bad.status().message(), HasSubstr("options.objective: unknown value \"beauty\""));
  bad = ParsePlanKeywordsJson(R"({"district_limits": [{"district_id": "D1", "max_spend": 1}]})", base);
  EXPECT_THAT(bad.status().message(),
              HasSubstr("options.district_limits[0] \"D1\" max_spend: unknown field"));
  bad = ParsePlanKeywordsJson(R"({"year": "2025"})", base);
  EXPECT_THAT(bad.status().message(), HasSubstr("options.year: must be an integer"));
}

TEST(PlanIo, BadProjectsNameTheRecordAndField) {
  auto bad = ParseProjectsJson(R"({"projects": [{"id": "P1", "estate_id": "E1", "cost_yuan": "-3"}]})");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("projects[0] \"P1\" cost"));
  bad = ParseProjectsJson(R"({"projects": [{"id": "P1", "estate_id": "E1", "cost_yuan": 1.5}]})");
  EXPECT_THAT(bad.status().message(), HasSubstr("projects[0] \"P1\" cost_yuan"));
  bad = ParseProjectsJson(R"({"projects": [{"id": "P1", "estate_id": "E1", "cost_yuan": 1, "vote_pased": true}]})");
  EXPECT_THAT(bad.status().message(), HasSubstr("vote_pased: unknown field"));
  bad = ParseProjectsJson(R"({"projects": [{"id": "P1", "estate_id": "E1", "cost_yuan": 1, "agreement_bp": 10001}]})");
  EXPECT_THAT(bad.status().message(), HasSubstr("agreement_bp"));
  bad = ParseProjectsJson(R"({"projects": [{"id": "P1", "estate_id": "E1", "cost_yuan": 1},
                                            {"id": "P1", "estate_id": "E2", "cost_yuan": 1}]})");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kAlreadyExists);
  bad = ParseProjectsJson("{");
  EXPECT_THAT(bad.status().message(), HasSubstr("malformed JSON at byte"));
}

TEST(PlanIo, FactsAndMenu) {
  auto fs = ParseFactsJson(R"({"facts": [{"project_id": "P1", "district_id": "D1",
      "households": 120, "vote_passed": true, "management_mode": "professional",
      "willingness_bp": null}]})");
  ASSERT_TRUE(fs.ok()) << fs.status();
  EXPECT_EQ((*fs)[0].at(Feature::kHouseholds), 120);
  EXPECT_EQ((*fs)[0].at(Feature::kVotePassed), 1);
  EXPECT_EQ((*fs)[0].at(Feature::kManagementMode),
            static_cast<std::int64_t>(ManagementMode::kProfessional));
  EXPECT_FALSE((*fs)[0].at(Feature::kWillingnessBp).has_value());
  auto bad = ParseFactsJson(R"({"facts": [{"project_id": "P1", "housholds": 1}]})");
  EXPECT_THAT(bad.status().message(), HasSubstr("facts[0] housholds: unknown field"));

  auto menu = ParseMenuJson(R"({"budget_yuan": "9.00",
      "items": [{"id": "R", "cost_yuan": "1.00", "required": true}, {"id": "A", "cost_yuan": 4}],
      "ballots": [{"household_id": "H1", "approved": ["A"]}]})");
  ASSERT_TRUE(menu.ok()) << menu.status();
  EXPECT_EQ(menu->budget, Money::Fen(900));
  EXPECT_TRUE(menu->items[0].required);
  EXPECT_EQ(menu->items[1].cost, Money::Fen(400));
  auto r = ChooseMenu(*menu, MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok());
  // 8.00 left for one household; A costs 4.00, paid by H1 alone (ρ = 400 fen).
  boost::json::value v = boost::json::parse(MenuResultToJson(*r));
  EXPECT_EQ(v.at("left_yuan").as_string(), "4.00");
  EXPECT_EQ(v.at("funded").at(1).at("rho_fen").as_string(), "400");
}

TEST(PlanIo, PlanJsonHasTheDocumentedFields) {
  std::vector<CandidateProject> ps(1);
  ps[0].id = "P1";
  ps[0].estate_id = "E1";
  ps[0].cost = Money::Fen(100);
  ps[0].government_share = Money::Fen(100);
  std::vector<ProjectFacts> fs(1);
  fs[0].project_id = "P1";
  fs[0].district_id = "D1";
  fs[0].at(Feature::kBasicShortfalls) = 3;
  PlanOptions o;
  o.budget = Money::Fen(100);
  auto plan = MakeAnnualPlanFromFacts(ps, fs, NingboSheet(), o);
  ASSERT_TRUE(plan.ok());
  boost::json::value v = boost::json::parse(PlanToJson(*plan));
  EXPECT_EQ(v.at("format").as_string(), "renewal.plan/1");
  EXPECT_EQ(v.at("spent_yuan").as_string(), "1.00");
  const auto& p0 = v.at("projects").at(0);
  EXPECT_EQ(p0.at("tier").as_string(), "implement");
  EXPECT_EQ(p0.at("points_milli").at("basic_shortfalls").as_int64(), 15000);
  EXPECT_TRUE(p0.at("points_milli").at("agreement").is_null());  // missing, scored 0
  EXPECT_THAT(PlanToTextZh(*plan), HasSubstr("实施一批"));
  EXPECT_THAT(PlanToTextEn(*plan), HasSubstr("implement this year"));
}

// The plan for people, wholly in one language: a 1.00-yuan budget taken whole by its one
// project (0.00万 in Chinese, where amounts are in 万元; 1.00 yuan in English).
TEST(PlanIo, PlanTextInEitherLanguage) {
  std::vector<CandidateProject> ps(1);
  ps[0].id = "P1";
  ps[0].estate_id = "E1";
  ps[0].cost = Money::Fen(100);
  ps[0].government_share = Money::Fen(100);
  std::vector<ProjectFacts> fs(1);
  fs[0].project_id = "P1";
  fs[0].district_id = "D1";
  fs[0].at(Feature::kBasicShortfalls) = 3;
  PlanOptions o;
  o.budget = Money::Fen(100);
  o.year = 2025;
  auto plan = MakeAnnualPlanFromFacts(ps, fs, NingboSheet(), o);
  ASSERT_TRUE(plan.ok());
  const std::string zh = PlanToTextZh(*plan);
  const std::string en = PlanToTextEn(*plan);
  EXPECT_THAT(zh, testing::StartsWith(
                      "年度改造计划 2025（评分表 ningbo，目标 总得分，预算口径 总投资）\n"
                      "预算 0.00万元，已安排 0.00万元，结余 0.00万元；总得分 "));
  EXPECT_THAT(en, testing::StartsWith(
                      "annual renovation plan 2025 (sheet ningbo, objective total score, budget "
                      "basis total cost)\nbudget 1.00 yuan, selected 1.00 yuan, left 0.00 yuan; "
                      "total score "));
  EXPECT_THAT(zh, HasSubstr("\tP1\tD1\t"));
  EXPECT_THAT(zh, HasSubstr("\t0.00万\t实施一批\t择优入选\t择优入选：得分 "));
  EXPECT_THAT(en, HasSubstr("\t1.00\timplement this year\tselected by score\tselected on merit: score "));
  std::string ascii = en;  // the English is ASCII but for ∞ (a ratio over no cost)
  for (std::size_t at; (at = ascii.find("∞")) != std::string::npos;) ascii.erase(at, 3);
  for (unsigned char c : ascii) EXPECT_LT(c, 0x80) << en;
}

}  // namespace
}  // namespace renewal
