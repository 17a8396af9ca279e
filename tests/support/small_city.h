// A three-district city for the summary tests (tests/eligibility/summary_test.cc) and
// the CLI's summary table (tests/cli/summary_table_test.cc).
#ifndef RENEWAL_TESTS_SUPPORT_SMALL_CITY_H_
#define RENEWAL_TESTS_SUPPORT_SMALL_CITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "renewal/registry/registry.h"

namespace renewal::test_support {

// District D1: estate A (2 buildings; 60.01 + 70.02 + 55.55 m²), built 1990.
// District D2: estate B (1 building; 100.00 m²) built 2003, estate C (1 building;
// 40.49 m²) with no build year. D3 has no estates.
inline Registry SmallCity() {
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

}  // namespace renewal::test_support

#endif  // RENEWAL_TESTS_SUPPORT_SMALL_CITY_H_
