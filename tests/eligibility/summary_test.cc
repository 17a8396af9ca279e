// The by-district summary: counts and exact areas worked out by hand, and the JSON.
// (The aligned text table is the CLI's: tests/cli/table_test.cc.)
#include "renewal/eligibility/summary.h"

#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/small_city.h"

namespace renewal {
namespace {

using test_support::SmallCity;

TEST(Summarize, CountsAndExactAreas) {
  const Registry r = SmallCity();
  const CitySummary s = Summarize(r);
  ASSERT_EQ(s.districts.size(), 3u);
  EXPECT_EQ(s.districts[0].estates, 1u);
  EXPECT_EQ(s.districts[0].buildings, 2u);
  EXPECT_EQ(s.districts[0].dwellings, 3u);
  EXPECT_EQ(s.districts[0].area, Area::Centi(6001 + 7002 + 5555));  // 185.58 m²
  EXPECT_EQ(s.districts[1].estates, 2u);
  EXPECT_EQ(s.districts[1].area, Area::Centi(14049));
  EXPECT_EQ(s.districts[2].estates, 0u);
  EXPECT_EQ(s.total.estates, 3u);
  EXPECT_EQ(s.total.dwellings, 5u);
  EXPECT_EQ(s.total.area.ToString(), "326.07");
  EXPECT_FALSE(s.policy.has_value());
}

// Under the national preset in 2024 (built by 2000, other facts not surveyed):
// A has unknown flags → undetermined; B built 2003 → ineligible; C → undetermined.
TEST(Summarize, WithScreening) {
  const Registry r = SmallCity();
  const Policy p = *PresetPolicy("national_2020");
  const ScreeningResult screening = ScreenRegistry(r, p, 2024);
  const CitySummary s = Summarize(r, p, screening, 2024);
  EXPECT_EQ(s.policy, "national_2020");
  EXPECT_EQ(s.districts[0].undetermined, 1u);
  EXPECT_EQ(s.districts[1].ineligible, 1u);
  EXPECT_EQ(s.districts[1].undetermined, 1u);
  EXPECT_EQ(s.total.eligible, 0u);
  EXPECT_EQ(s.total.ineligible, 1u);
  EXPECT_EQ(s.total.undetermined, 2u);
}

TEST(Summarize, Json) {
  const Registry r = SmallCity();
  std::ostringstream out;
  WriteSummaryJson(Summarize(r), out);
  EXPECT_EQ(out.str(),
            "{\"policy\":null,\"year\":null,\"districts\":[\n"
            "  {\"district_id\":\"D1\",\"district\":\"城东区\",\"estates\":1,\"buildings\":2,"
            "\"households\":3,\"area_m2\":\"185.58\",\"area_centi_m2\":18558},\n"
            "  {\"district_id\":\"D2\",\"district\":\"城西区\",\"estates\":2,\"buildings\":2,"
            "\"households\":2,\"area_m2\":\"140.49\",\"area_centi_m2\":14049},\n"
            "  {\"district_id\":\"D3\",\"district\":\"新城区\",\"estates\":0,\"buildings\":0,"
            "\"households\":0,\"area_m2\":\"0.00\",\"area_centi_m2\":0}],\n"
            "\"total\":{\"district_id\":null,\"district\":\"合计\",\"estates\":3,\"buildings\":4,"
            "\"households\":5,\"area_m2\":\"326.07\",\"area_centi_m2\":32607}}\n");
}

TEST(ScreeningJson, OneEstate) {
  const Registry r = SmallCity();
  Policy p;
  p.name = "p";
  EligibilityRule rule;
  rule.id = "built_by_2000";
  rule.kind = RuleKind::kBuiltNoLaterThan;
  rule.year = 2000;
  p.rules.push_back(rule);
  std::ostringstream out;
  WriteScreeningJson(r, p, ScreenRegistry(r, p, 2024), 2024, out);
  const std::string text = out.str();
  EXPECT_THAT(text, ::testing::StartsWith(
                        "{\"policy\":{\"name\":\"p\",\"rules\":[{\"id\":\"built_by_2000\","
                        "\"kind\":\"built_no_later_than\",\"year\":2000}]},\"year\":2024,"
                        "\"counts\":{\"estates\":3,\"eligible\":1,\"ineligible\":1,"
                        "\"undetermined\":1},\"estates\":[\n"));
  EXPECT_THAT(text, ::testing::HasSubstr(
                        "{\"estate_id\":\"B\",\"name\":\"小区B\",\"district_id\":\"D2\","
                        "\"district\":\"城西区\",\"status\":\"ineligible\","
                        "\"failed\":[\"built_by_2000\"],\"unknown\":[],\"rules\":[{\"id\":"
                        "\"built_by_2000\",\"outcome\":\"fail\",\"actual\":\"2003\","
                        "\"expected\":\"<= 2000\",\"reason_zh\":\"建成年代：实际 2003，要求 2000年或以前"
                        " → 不符合\",\"reason_en\":\"built no later than: actual 2003, required "
                        "in or before 2000 → fail\"}]}"));
}

}  // namespace
}  // namespace renewal
