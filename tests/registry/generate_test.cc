// The synthetic city: determinism, and the default city's counts and spreads
// against seed 003_c40c6dca2ac1fb31.txt (1,233 estates, 16.68万户, 5 districts).
#include "renewal/registry/generate.h"

#include <algorithm>
#include <map>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;

// splitmix64's published first output for state 0.
TEST(Rng, SplitMixReferenceValue) {
  SplitMix64 sm(0);
  EXPECT_EQ(sm.Next(), 0xE220A8397B1DCDAFULL);
}

TEST(Rng, SameSeedSameStream) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const std::uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    differs = differs || x != c.Next();
  }
  EXPECT_TRUE(differs);
  Rng s1(42, 2, 7), s2(42, 2, 7), s3(42, 2, 8);
  EXPECT_EQ(s1.Next(), s2.Next());
  EXPECT_NE(s2.Next(), s3.Next());
}

TEST(Rng, BelowIsInRangeAndRoughlyUniform) {
  Rng r(1);
  std::vector<int> counts(6);
  for (int i = 0; i < 60'000; ++i) ++counts[r.Below(6)];
  for (int c : counts) {  // expected 10,000 each; deterministic, so not flaky
    EXPECT_GT(c, 9'500);
    EXPECT_LT(c, 10'500);
  }
  for (int i = 0; i < 1000; ++i) {
    const int x = r.Between(-3, 3);
    EXPECT_GE(x, -3);
    EXPECT_LE(x, 3);
  }
  EXPECT_EQ(r.Below(1), 0u);
  const std::uint32_t weights[] = {0, 5, 0, 5};
  for (int i = 0; i < 1000; ++i) {
    const std::size_t k = r.Pick(weights);
    EXPECT_TRUE(k == 1 || k == 3);
  }
}

TEST(Generate, TargetHouseholds) {
  EXPECT_EQ(TargetHouseholds({}), 166'800u);
  // 10 × 166,800 / 1,233 = 1,352.8 → 1,353.
  EXPECT_EQ(TargetHouseholds({.estates = 10}), 1'353u);
  EXPECT_EQ(TargetHouseholds({.estates = 1233, .households_scale_pct = 50}), 83'400u);
}

TEST(Generate, SameSeedIdenticalDifferentSeedDifferent) {
  const absl::StatusOr<Registry> a = GenerateCity({.estates = 60, .seed = 7});
  const absl::StatusOr<Registry> b = GenerateCity({.estates = 60, .seed = 7});
  const absl::StatusOr<Registry> c = GenerateCity({.estates = 60, .seed = 8});
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok() && c.ok());
  EXPECT_TRUE(*a == *b);
  EXPECT_FALSE(*a == *c);
  EXPECT_EQ(a->dwelling_count(), TargetHouseholds({.estates = 60}));
}

TEST(Generate, BadOptions) {
  absl::StatusOr<Registry> r = GenerateCity({.estates = 0});
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("estates: must be between 1 and 10000000, got 0"));
  r = GenerateCity({.estates = 5, .households_scale_pct = 10});
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("households_scale_pct"));
}

TEST(Generate, ScaledHouseholdsStayWithinCapacity) {
  for (std::uint32_t pct : {30u, 300u, 1000u}) {
    SCOPED_TRACE(pct);
    const absl::StatusOr<Registry> r =
        GenerateCity({.estates = 20, .seed = 1, .households_scale_pct = pct});
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->dwelling_count(), TargetHouseholds({.estates = 20, .households_scale_pct = pct}));
  }
}

class DefaultCity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<Registry> r = GenerateCity();
    ASSERT_TRUE(r.ok()) << r.status();
    city_ = new Registry(*std::move(r));
  }
  static void TearDownTestSuite() {
    delete city_;
    city_ = nullptr;
  }
  static Registry* city_;
};
Registry* DefaultCity::city_ = nullptr;

// Seed 003: "排查符合改造条件的老旧小区1233个、涉及居民16.68万户"; the brief asks
// for 5 districts.
TEST_F(DefaultCity, CountsMatchSeed003) {
  const Registry& c = *city_;
  EXPECT_EQ(c.estate_count(), 1'233u);
  EXPECT_EQ(c.district_count(), 5u);
  EXPECT_GE(c.street_count(), 20u);
  // 166,800 ± 2 % (exact by construction).
  EXPECT_GE(c.dwelling_count(), 163'464u);
  EXPECT_LE(c.dwelling_count(), 170'136u);
  EXPECT_EQ(c.dwelling_count(), 166'800u);
  std::vector<int> per_district(5);
  for (const Estate& e : c.estates()) ++per_district[e.district];
  for (int n : per_district) EXPECT_GT(n, 60);
  for (const Estate& e : c.estates()) {
    if (e.street != kNoIndex) {
      EXPECT_EQ(c.street(e.street).district, e.district);
    }
  }
}

TEST_F(DefaultCity, BuildYearsMostlyBy2000) {
  int known = 0, by_2000 = 0, missing = 0;
  for (const Estate& e : city_->estates()) {
    if (!e.facts.build_year) {
      ++missing;
      continue;
    }
    ++known;
    EXPECT_GE(*e.facts.build_year, 1975);
    EXPECT_LE(*e.facts.build_year, 2005);
    by_2000 += *e.facts.build_year <= 2000;
  }
  EXPECT_GT(missing, 0);                // some facts not surveyed
  EXPECT_GT(by_2000 * 100, known * 85);  // "mostly before 2001"
  EXPECT_LT(by_2000, known);             // but not all
}

TEST_F(DefaultCity, BuildingsFloorsEntrancesAreas) {
  const Registry& c = *city_;
  int min_b = 99, max_b = 0;
  for (const Estate& e : c.estates()) {
    min_b = std::min<int>(min_b, static_cast<int>(e.building_count));
    max_b = std::max<int>(max_b, static_cast<int>(e.building_count));
  }
  EXPECT_EQ(min_b, 2);
  EXPECT_EQ(max_b, 12);
  std::map<int, int> floors, entrances;
  for (const Building& b : c.buildings()) {
    ASSERT_TRUE(b.floors.has_value());
    ++floors[*b.floors];
    ++entrances[static_cast<int>(b.entrance_count)];
    EXPECT_EQ(b.has_elevator, false);
  }
  EXPECT_EQ(floors.begin()->first, 4);
  EXPECT_EQ(floors.rbegin()->first, 7);
  EXPECT_EQ(floors.size(), 4u);
  EXPECT_EQ(entrances.begin()->first, 1);
  EXPECT_EQ(entrances.rbegin()->first, 3);
  const auto& d = c.dwellings();
  const auto [lo, hi] = std::minmax_element(d.area_centi.begin(), d.area_centi.end());
  EXPECT_GE(*lo, 4'000u);   // 40.00 m²
  EXPECT_LE(*hi, 11'000u);  // 110.00 m²
  EXPECT_LT(*lo, 4'600u);
  EXPECT_GT(*hi, 10'400u);
  // Dwellings sit on floors of their building.
  for (Index i = 0; i < c.dwelling_count(); i += 97) {
    const Building& b = c.building(c.BuildingOfDwelling(i));
    EXPECT_GE(d.floor[i], 1);
    EXPECT_LE(d.floor[i], *b.floors);
  }
}

TEST_F(DefaultCity, PropertyTypesOwnersAndSales) {
  const Registry& c = *city_;
  const auto& d = c.dwellings();
  std::map<PropertyType, std::size_t> types;
  std::size_t unsold = 0, ownerless = 0;
  std::vector<int> holdings(c.owner_count());
  for (Index i = 0; i < c.dwelling_count(); ++i) {
    ++types[d.property_type[i]];
    unsold += d.sale_state[i] == SaleState::kDeveloperUnsold;
    if (d.owner[i] == kNoIndex) {
      ++ownerless;
      EXPECT_EQ(d.property_type[i], PropertyType::kOwnerless);
    } else {
      ++holdings[d.owner[i]];
    }
  }
  const std::size_t n = c.dwelling_count();
  EXPECT_GT(types[PropertyType::kReformHousing] * 100, n * 30);  // 房改房 dominate
  EXPECT_LT(types[PropertyType::kReformHousing] * 100, n * 60);
  EXPECT_GT(types[PropertyType::kCommercial], 0u);
  EXPECT_GT(types[PropertyType::kPublicHousing], 0u);
  EXPECT_GT(types[PropertyType::kWorkUnit], 0u);
  EXPECT_GT(unsold, 100u);
  EXPECT_GT(ownerless, 100u);
  int persons_with_two = 0;
  for (Index o = 0; o < c.owner_count(); ++o) {
    persons_with_two += c.owner(o).kind == OwnerKind::kPerson && holdings[o] == 2;
  }
  EXPECT_GT(persons_with_two, 1'000);
  EXPECT_GT(d.co_owners.size(), 5'000u);
}

TEST_F(DefaultCity, FactsHaveSpreadsAndGaps) {
  int unknown_facility = 0, no_location = 0, committee = 0, far = 0;
  for (const Estate& e : city_->estates()) {
    for (Condition cond : e.facts.facilities) unknown_facility += cond == Condition::kUnknown;
    if (!e.facts.location) {
      ++no_location;
    } else {
      far += std::abs(e.facts.location->lon - 113.19) > 0.2 ||
             std::abs(e.facts.location->lat - 33.77) > 0.2;
    }
    committee += e.facts.owners_committee.value_or(false);
  }
  EXPECT_GT(unknown_facility, 100);
  EXPECT_GT(no_location, 0);
  EXPECT_EQ(far, 0);
  EXPECT_GT(committee, 200);
}

}  // namespace
}  // namespace renewal
