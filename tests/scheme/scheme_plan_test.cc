#include "renewal/scheme/scheme_plan.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "scheme_testing.h"

namespace renewal {
namespace {

using scheme_testing::City;
using scheme_testing::Edited;
using scheme_testing::Plan;
using scheme_testing::PlanText;
using ::testing::HasSubstr;

TEST(SchemePlan, ReadsTheDocumentWithCatalogueDefaults) {
  const SchemePlan p = Plan();
  EXPECT_EQ(p.id, "P-E1-2025");
  EXPECT_EQ(p.estate, "E1");
  ASSERT_EQ(p.items.size(), 3u);
  // Category, facility, unit and scope come from the catalogue entry.
  EXPECT_EQ(p.items[0].category, Category::kBasic);
  EXPECT_EQ(p.items[0].facility, Facility::kWater);
  EXPECT_EQ(p.items[0].unit, "米");
  EXPECT_EQ(p.items[0].scope, CostScope::kEstate);
  EXPECT_EQ(p.items[0].quantity_milli, 350'500);
  EXPECT_EQ(p.items[2].category, Category::kImprovement);
  EXPECT_EQ(p.items[2].scope, CostScope::kEntrance);
  EXPECT_EQ(p.items[2].entrance, "1");
  ASSERT_TRUE(p.funding.residents.has_value());
  EXPECT_EQ(p.funding.residents->fen(), 1'200'000);
  EXPECT_EQ(p.funding.social->fen(), 0);
  EXPECT_EQ(p.management_mode, ManagementMode::kProfessional);
  ASSERT_EQ(p.consultations.size(), 1u);
  EXPECT_EQ(p.consultations[0].totals.heads_agree, 7);
  EXPECT_EQ(p.notices.size(), 2u);
  ASSERT_EQ(p.opinions.size(), 2u);
  EXPECT_EQ(p.opinions[0].answer, OpinionAnswer::kAdopted);
  EXPECT_EQ(p.waivers[0].facility, Facility::kHeating);
  EXPECT_FALSE(p.elevator_decisions[1].passed);
}

TEST(SchemePlan, RoundTrips) {
  const SchemePlan p = Plan();
  const std::string written = SchemePlanToJson(p);
  absl::StatusOr<SchemePlan> again = ParseSchemePlanJson(written);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, p);
  EXPECT_EQ(SchemePlanToJson(*again), written);
}

TEST(SchemePlan, CostsByHand) {
  const SchemePlan p = Plan();
  // 350.5 m × 180.00 yuan = 63,090.00 yuan; 1 × 50,000.00; 1 × 450,000.00.
  EXPECT_EQ(SchemeItemCost(p.items[0])->fen(), 6'309'000);
  EXPECT_EQ(SchemeTotalCost(p)->fen(), 6'309'000 + 5'000'000 + 45'000'000);
  // Half a fen rounds away from zero: 0.005 × 100 fen = 0.5 fen → 1 fen.
  SchemeItem half;
  half.quantity_milli = 5;
  half.unit_cost = Money::Fen(100);
  EXPECT_EQ(SchemeItemCost(half)->fen(), 1);
  half.quantity_milli = 4;  // 0.4 fen → 0
  EXPECT_EQ(SchemeItemCost(half)->fen(), 0);
}

TEST(SchemePlan, ConsultationRoundIsCountedFromItsTotals) {
  // 两个80% (湘建城函〔2021〕161号): 8 of 10 owners consulted = 80% (以上 includes it),
  // 7 of those 8 agree = 87.5% ≥ 80%.
  SchemePlan p = Plan();
  absl::StatusOr<RoundEvaluation> e = EvaluateConsultationRound(p.consultations[0]);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_TRUE(e->passed);
  // One consulted fewer: 7/10 = 70% < 80% fails.
  p.consultations[0].totals.heads_participating = 7;
  p.consultations[0].totals.heads_disagree = 0;
  EXPECT_FALSE(EvaluateConsultationRound(p.consultations[0])->passed);
  // 6 of 8 agree = 75% < 80% fails.
  p = Plan();
  p.consultations[0].totals.heads_agree = 6;
  p.consultations[0].totals.heads_disagree = 2;
  EXPECT_FALSE(EvaluateConsultationRound(p.consultations[0])->passed);
}

TEST(SchemePlan, FitsTheRegistry) {
  EXPECT_TRUE(CheckPlanAgainstRegistry(Plan(), City()).ok());
}

// Bad input: each error names the record and the field; nothing is returned.
struct BadCase {
  const char* name;
  const char* from;
  const char* to;
  absl::StatusCode code;
  const char* message;
};

class SchemePlanBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(SchemePlanBadInput, IsRefusedNamingRecordAndField) {
  const BadCase& c = GetParam();
  absl::StatusOr<SchemePlan> p = ParseSchemePlanJson(Edited(c.from, c.to));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), c.code);
  EXPECT_THAT(std::string(p.status().message()), HasSubstr(c.message));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SchemePlanBadInput,
    ::testing::Values(
        BadCase{"unknown_catalogue_key", R"("catalogue": "accessibility")",
                R"("catalogue": "swimming_pool")", absl::StatusCode::kNotFound,
                R"(items[1] "I-2" catalogue: unknown catalogue key "swimming_pool")"},
        BadCase{"negative_quantity", R"("quantity": "350.5")", R"("quantity": "-350.5")",
                absl::StatusCode::kInvalidArgument,
                R"(items[0] "I-1" quantity: must be >= 0, got -350.5)"},
        BadCase{"negative_integer_quantity", R"("quantity": 1, "unit_cost_fen": 5000000)",
                R"("quantity": -2, "unit_cost_fen": 5000000)", absl::StatusCode::kInvalidArgument,
                R"(items[1] "I-2" quantity: must be >= 0, got -2)"},
        BadCase{"waiver_without_reason", R"("reason": "供暖管网由热力公司另行改造")",
                R"("reason": "  ")", absl::StatusCode::kInvalidArgument,
                "waivers[0] reason: a waiver states its reason"},
        BadCase{"waiver_reason_absent", R"(, "reason": "供暖管网由热力公司另行改造")", "",
                absl::StatusCode::kInvalidArgument, "waivers[0] reason: required field is missing"},
        BadCase{"notice_ends_before_start", R"("ends": "2025-05-07")", R"("ends": "2025-04-30")",
                absl::StatusCode::kInvalidArgument,
                R"(notices[1] ends: "2025-04-30" is before starts "2025-05-01")"},
        BadCase{"round_closes_before_opening", R"("closes": "2025-03-15")",
                R"("closes": "2025-02-28")", absl::StatusCode::kInvalidArgument,
                R"(consultations[0] closes: "2025-02-28" is before opens "2025-03-01")"},
        BadCase{"no_such_day", R"("date": "2025-03-05")", R"("date": "2025-02-29")",
                absl::StatusCode::kInvalidArgument,
                R"(opinions[0] "O-1" date: expected a date YYYY-MM-DD, got "2025-02-29" (no such day))"},
        BadCase{"negative_cost", R"("unit_cost_fen": 18000)", R"("unit_cost_fen": -1)",
                absl::StatusCode::kInvalidArgument, R"(items[0] "I-1" unit_cost_fen: must be >= 0, got -1)"},
        BadCase{"duplicate_key", R"("quantity": "350.5",)", R"("quantity": "350.5", "quantity": 2,)",
                absl::StatusCode::kInvalidArgument, "duplicate key \"quantity\""},
        BadCase{"unknown_field", R"("management_mode": "professional",)",
                R"("management_mode": "professional", "colour": "red",)",
                absl::StatusCode::kInvalidArgument, "colour"},
        BadCase{"adopted_without_change", R"(, "change": "删除1栋2单元加装电梯")", "",
                absl::StatusCode::kInvalidArgument,
                R"(opinions[0] "O-1" change: an adopted opinion states the plan change it caused)"},
        BadCase{"not_adopted_without_explanation", R"(, "explanation": "场地不足，留待下一轮改造")",
                "", absl::StatusCode::kInvalidArgument,
                R"(opinions[1] "O-2" explanation: an opinion not adopted is explained)"},
        BadCase{"unknown_rule", R"("rule": "changsha_two_80")", R"("rule": "two_90")",
                absl::StatusCode::kNotFound, "consultations[0] rule: "},
        BadCase{"participation_above_total", R"("heads_participating": 8)",
                R"("heads_participating": 11)", absl::StatusCode::kInvalidArgument,
                "consultations[0] totals.heads_participating: more than heads_total 10"},
        BadCase{"entrance_item_without_entrance", R"(, "entrance": "1"}
  ],)", R"(}
  ],)", absl::StatusCode::kInvalidArgument,
                R"(items[2] "I-3" entrance: required field is missing)"},
        BadCase{"duplicate_item", R"({"id": "I-2",)", R"({"id": "I-1",)",
                absl::StatusCode::kAlreadyExists, R"(items[1] "I-1" id: duplicate item id)"}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST(SchemePlan, OpinionOutsideTheEstateIsRefused) {
  // E2-B1-1-101 is a dwelling of estate E2, not of the plan's estate E1.
  const SchemePlan p = Plan(Edited(R"("dwelling": "E1-B2-1-102")", R"("dwelling": "E2-B1-1-101")"));
  const absl::Status s = CheckPlanAgainstRegistry(p, City());
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), R"(opinions[1] "O-2" dwelling: "E2-B1-1-101" is not in estate "E1")");
  // An unknown dwelling likewise.
  const SchemePlan q = Plan(Edited(R"("dwelling": "E1-B2-1-102")", R"("dwelling": "X-9")"));
  EXPECT_THAT(std::string(CheckPlanAgainstRegistry(q, City()).message()),
              HasSubstr(R"(opinions[1] "O-2" dwelling: "X-9")"));
}

TEST(SchemePlan, ItemOfAnotherEstatesBuildingIsRefused) {
  const SchemePlan p = Plan(Edited(R"("building": "E1-B1", "entrance": "1"})",
                                   R"("building": "E2-B1", "entrance": "1"})"));
  EXPECT_EQ(CheckPlanAgainstRegistry(p, City()).message(),
            R"(items[2] "I-3" building: "E2-B1" is not a building of estate "E1")");
  const SchemePlan q = Plan(Edited(R"("building": "E1-B1", "entrance": "1"})",
                                   R"("building": "E1-B1", "entrance": "7"})"));
  EXPECT_EQ(CheckPlanAgainstRegistry(q, City()).message(),
            R"(items[2] "I-3" entrance: building "E1-B1" has no entrance "7")");
}

TEST(SchemePlan, UnknownEstateIsNotFound) {
  const SchemePlan p = Plan(Edited(R"("estate": "E1")", R"("estate": "E9")"));
  EXPECT_EQ(CheckPlanAgainstRegistry(p, City()).code(), absl::StatusCode::kNotFound);
}

TEST(SchemePlan, Dates) {
  EXPECT_TRUE(ParsePlanDate("2024-02-29").ok());   // leap year
  EXPECT_FALSE(ParsePlanDate("2100-02-29").ok());  // not a leap year
  EXPECT_TRUE(ParsePlanDate("2000-02-29").ok());
  EXPECT_FALSE(ParsePlanDate("2025-13-01").ok());
  EXPECT_FALSE(ParsePlanDate("2025-1-01").ok());
  EXPECT_FALSE(ParsePlanDate("1899-12-31").ok());
}

}  // namespace
}  // namespace renewal
