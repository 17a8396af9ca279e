// The by-district summary: counts and exact areas worked out by hand, the JSON
// and the aligned text table.
#include "renewal/eligibility/summary.h"

#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal {
namespace {

// District D1: estate A (2 buildings; 60.01 + 70.02 + 55.55 m²), built 1990.
// District D2: estate B (1 building; 100.00 m²) built 2003, estate C (1 building;
// 40.49 m²) with no build year. D3 has no estates.
Registry Small() {
  RegistryBuilder b(2024);
  EXPECT_TRUE(b.AddDistrict({"D1", "城东区"}).ok());
  EXPECT_TRUE(b.AddDistrict({"D2", "城西区"}).ok());
  EXPECT_TRUE(b.AddDistrict({"D3", "新城区"}).ok());
  EXPECT_TRUE(b.AddOwner("O1", "张三", OwnerKind::kPerson).ok());
  const std::string_view owners[] = {"O1"};
  const auto estate = [&](const char* id, const char* district, std::optional<int> year,
                          std::vector<std::vector<std::int64_t>> buildings) {
    Estate e;
    e.id = id;
    e.name = std::string("小区") + id;
    e.facts.build_year = year;
    EXPECT_TRUE(b.BeginEstate(e, district, "").ok());
    int n = 0;
    for (const auto& areas : buildings) {
      Building bd;
      bd.id = std::string(id) + "-" + std::to_string(++n);
      EXPECT_TRUE(b.AddBuilding(bd).ok());
      EXPECT_TRUE(b.AddEntrance("1").ok());
      int k = 0;
      for (std::int64_t a : areas) {
        DwellingRecord d;
        const std::string did = bd.id + "-" + std::to_string(++k);
        d.id = did;
        d.area_centi = a;
        d.owner_ids = owners;
        EXPECT_TRUE(b.AddDwelling(d).ok());
      }
    }
    EXPECT_TRUE(b.EndEstate().ok());
  };
  estate("A", "D1", 1990, {{6001, 7002}, {5555}});
  estate("B", "D2", 2003, {{10000}});
  estate("C", "D2", std::nullopt, {{4049}});
  absl::StatusOr<Registry> r = std::move(b).Finish();
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

TEST(Summarize, CountsAndExactAreas) {
  const Registry r = Small();
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
  const Registry r = Small();
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
  const Registry r = Small();
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

TEST(Summarize, TableAlignsChineseColumns) {
  const Registry r = Small();
  const Policy p = *PresetPolicy("national_2020");
  const CitySummary s = Summarize(r, p, ScreenRegistry(r, p, 2024), 2024);
  EXPECT_EQ(FormatSummaryTable(s),
            "区      小区数  楼栋数  户数  专有面积(m²)  符合  不符合  待核实\n"
            "----------------------------------------------------------------\n"
            "城东区       1       2     3        185.58     0       0       1\n"
            "城西区       2       2     2        140.49     0       1       1\n"
            "新城区       0       0     0          0.00     0       0       0\n"
            "合计         3       4     5        326.07     0       1       2\n");
}

TEST(Text, DisplayWidth) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("小区"), 4u);
  EXPECT_EQ(DisplayWidth("m²"), 2u);
  EXPECT_EQ(DisplayWidth("（含）"), 6u);
}

TEST(ScreeningJson, OneEstate) {
  const Registry r = Small();
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
                        "\"expected\":\"<= 2000\",\"reason_zh\":\"建成年代：实际 2003，要求 <= 2000"
                        " → 不符合\",\"reason_en\":\"built no later than: actual 2003, required "
                        "<= 2000 → fail\"}]}"));
}

}  // namespace
}  // namespace renewal
