// Plans and policies from JSON; allocation JSON.
#include "renewal/funding/funding_json.h"

#include <string>

#include "boost/json.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;
using S = FundingSource;

const std::string kExamples = std::string(RENEWAL_SOURCE_DIR) + "/examples/funding/";

TEST(FundingJsonTest, ExamplePlanUnderYueyangMatchesTheHandWorkedNumbers) {
  absl::StatusOr<CostPlan> plan = LoadCostPlanFile(kExamples + "yueyang_plan.json");
  ASSERT_TRUE(plan.ok()) << plan.status();
  ASSERT_EQ(plan->items.size(), 4u);
  EXPECT_EQ(plan->items[0].utility, S::kWaterUtility);
  EXPECT_TRUE(HasTag(plan->items[0].tags, CostTag::kPipelineRelocation));
  EXPECT_EQ(plan->items[1].cost.fen(), 3'000'000);  // 600 m² × 50.00
  EXPECT_EQ(plan->items[1].name, "管线施工路面开挖恢复");
  EXPECT_EQ(plan->items[3].category, Category::kImprovement);
  absl::StatusOr<FundingPolicy> p = ResolveFundingPolicy("yueyang");
  ASSERT_TRUE(p.ok());
  absl::StatusOr<FundingAllocation> a = Allocate(*p, *plan);
  ASSERT_TRUE(a.ok()) << a.status();
  // Same plan as PresetTest.Yueyang: city 50,000.01, district 450,000.00.
  EXPECT_EQ(a->Total(S::kCity).fen(), 5'000'001);
  EXPECT_EQ(a->Total(S::kDistrict).fen(), 45'000'000);
  const std::string out = DumpAllocationJson(*a, *p, *plan);
  const boost::json::value v = boost::json::parse(out);
  EXPECT_EQ(v.at("by_source").at("city").as_string(), "50000.01");
  EXPECT_EQ(v.at("items").at(0).at("shares").at(0).at("rule").as_string(),
            "yueyang.pipeline_district_award");
  EXPECT_EQ(v.at("gap").as_string(), "0.00");
}

TEST(FundingJsonTest, PolicyFileComposesOnItsBase) {
  absl::StatusOr<FundingPolicy> p = ResolveFundingPolicy(kExamples + "city_policy.json");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->name, "example_city");
  ASSERT_EQ(p->rules.size(), 6u);  // 3 own + 3 national
  EXPECT_EQ(p->rules[3].id, "national_2020.basic");
  EXPECT_EQ(p->limit(S::kCity).cap, Money::Fen(30'000'000));
  EXPECT_EQ(p->rules[2].targets[0].payer, Payer::ItemUtility());
  EXPECT_EQ(p->rules[2].targets[1].share, Ratio::Percent(35));
  EXPECT_EQ(p->rules[1].amount.fen(), 10'000'000);
}

TEST(FundingJsonTest, PresetsRoundTripThroughJson) {
  for (std::string_view name : FundingPresetNames()) {
    absl::StatusOr<FundingPolicy> p = FundingPreset(name);
    ASSERT_TRUE(p.ok());
    const std::string text = DumpFundingPolicyJson(*p);
    absl::StatusOr<FundingPolicy> back = ParseFundingPolicyJson(text);
    ASSERT_TRUE(back.ok()) << name << ": " << back.status() << "\n" << text;
    EXPECT_EQ(*back, *p) << name;
  }
}

struct BadCase {
  const char* json;
  absl::StatusCode code;
  const char* message;
};

TEST(FundingJsonTest, BadPoliciesNameTheRuleAndField) {
  const BadCase cases[] = {
      {R"({"name":"x","rules":[{"id":"a","kind":"percent","source":"cty","percent":"10"}]})",
       absl::StatusCode::kInvalidArgument, "rules[0] \"a\" source: unknown source \"cty\""},
      {R"({"name":"x","rules":[{"id":"a","kind":"percent","targets":[{"source":"city","percent":"60"},{"source":"district","percent":"41"}]}]})",
       absl::StatusCode::kInvalidArgument, "101%, over 100%"},
      {R"({"name":"x","rules":[{"id":"a","kind":"fixed","source":"city","amount":60.5,"per":"household"}]})",
       absl::StatusCode::kInvalidArgument, "rules[0] \"a\" amount: expected yuan as a string"},
      {R"({"name":"x","rules":[{"id":"a","kind":"percent","source":"city","percent":"50","basis":"source_share","of":"district"},{"id":"b","kind":"percent","source":"district","percent":"50","basis":"source_share","of":"city"}]})",
       absl::StatusCode::kInvalidArgument, "cycle of derived shares"},
      {R"({"name":"x","rules":[{"id":"a","kind":"percent","source":"city","percnt":"50"}]})",
       absl::StatusCode::kInvalidArgument, "rules[0] \"a\" percnt: unknown field"},
      {R"({"name":"x","limits":{"mars":{"cap":"1"}}})", absl::StatusCode::kInvalidArgument,
       "limits.mars: unknown source"},
      {R"({"name":"x","base":"atlantis"})", absl::StatusCode::kNotFound, "policy base"},
      {R"({"name":"x","rules":[{"id":"a","kind":"percent","source":"city","percent":"-5"}]})",
       absl::StatusCode::kInvalidArgument, "rules[0] \"a\" percent"},
      {R"([1,2])", absl::StatusCode::kInvalidArgument, "expected a JSON object"},
      {R"({"name":)", absl::StatusCode::kInvalidArgument, "malformed JSON at byte 8: unexpected end of input"},
  };
  for (const BadCase& c : cases) {
    absl::StatusOr<FundingPolicy> p = ParseFundingPolicyJson(c.json);
    EXPECT_EQ(p.status().code(), c.code) << c.json << " " << p.status();
    EXPECT_THAT(p.status().message(), HasSubstr(c.message)) << c.json;
  }
}

TEST(FundingJsonTest, BadPlansNameTheItemAndField) {
  const BadCase cases[] = {
      {R"({"id":"P","items":[{"id":"I","facility":"watr","lump_sum":"1"}]})",
       absl::StatusCode::kInvalidArgument, "items[0] \"I\" facility: unknown value \"watr\""},
      {R"({"id":"P","items":[{"id":"I","facility":"water","quantity":"2","unit_price":"-3.00"}]})",
       absl::StatusCode::kInvalidArgument, "items[0] \"I\" unit_price: must be >= 0, got -3.00"},
      {R"({"id":"P","items":[{"id":"I","facility":"water","quantity":"1.2345","unit_price":"1"}]})",
       absl::StatusCode::kInvalidArgument, "quantity: expected at most three decimals"},
      {R"({"id":"P","items":[{"id":"I","facility":"water","lump_sum":"1","quantity":"1"}]})",
       absl::StatusCode::kInvalidArgument, "either lump_sum or quantity"},
      {R"({"id":"P","items":[{"id":"I","catalogue":"spaceport","lump_sum":"1"}]})",
       absl::StatusCode::kInvalidArgument, "no catalogue item \"spaceport\""},
      {R"({"id":"P","items":[{"id":"I","facility":"water","quantity":"99999999999999","unit_price":"99999999999.00"}]})",
       absl::StatusCode::kOutOfRange, "items[0] \"I\" cost: money overflow"},
      {R"({"id":"P","items":[{"id":"I","facility":"water","lump_sum":"1","tags":["rocket"]}]})",
       absl::StatusCode::kInvalidArgument, "tags[0]: unknown value \"rocket\""},
      {R"({"id":"P","households":-1,"items":[]})", absl::StatusCode::kInvalidArgument,
       "plan households: must be >= 0"},
  };
  for (const BadCase& c : cases) {
    absl::StatusOr<CostPlan> p = ParseCostPlanJson(c.json);
    EXPECT_EQ(p.status().code(), c.code) << c.json << " " << p.status();
    EXPECT_THAT(p.status().message(), HasSubstr(c.message)) << c.json;
  }
  EXPECT_EQ(LoadCostPlanFile("/nonexistent.json").status().code(), absl::StatusCode::kNotFound);
}

// Seed 000 Yueyang Louqu, with the assumptions of tests/financing_test.cc.
TEST(FundingJsonTest, FinancingCaseFromJson) {
  absl::StatusOr<FinancingCase> c = LoadFinancingCaseFile(kExamples + "yueyang_louqu_financing.json");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->loans[0].principal.fen(), 33'800'000'000);
  EXPECT_EQ(c->loans[0].annual_rate, *Ratio::ParsePercent("4.2"));
  EXPECT_EQ(c->revenues[1].kind, RevenueKind::kParking);
  absl::StatusOr<FinancingResult> r = AnalyseFinancing(*c);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->self_balancing);
  EXPECT_EQ(r->payback_year, 13);
  const boost::json::value v = boost::json::parse(DumpFinancingResultJson(*c, *r));
  EXPECT_EQ(v.at("payback_year").as_int64(), 13);
  EXPECT_EQ(v.at("years").at(20).at("loan_balance").as_string(), "0.00");

  absl::StatusOr<FinancingCase> bad = ParseFinancingCaseJson(
      R"({"loans":[{"principal":"1","rate":"4.2","term_years":0}]})");
  EXPECT_THAT(bad.status().message(), HasSubstr("financing loans[0] term_years: must be >= 1"));
  bad = ParseFinancingCaseJson(R"({"revenues":[{"kind":"lottery","amount":1}]})");
  EXPECT_THAT(bad.status().message(), HasSubstr("revenues[0] kind: unknown value \"lottery\""));
  bad = ParseFinancingCaseJson(R"({"investment":1.5})");
  EXPECT_THAT(bad.status().message(), HasSubstr("investment: expected yuan"));
}

}  // namespace
}  // namespace renewal
