// The residents' share apportioned to dwellings by exclusive area over each item's
// scope (谁受益、谁出资; Civil Code art. 283), and totals by building.
#include "renewal/funding/funding_dwellings.h"

#include <numeric>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/funding/funding.h"
#include "renewal/registry/registry.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using S = FundingSource;

// Estate E-1: building B1 (entrance 1: D1 60 m², D2 90 m²; entrance 2: D3 50 m²),
// building B2 (entrance 1: D4 100 m²). Estate E-2: building C1 with one 80 m² dwelling.
Registry TwoEstates() {
  RegistryBuilder b(2024);
  EXPECT_TRUE(b.AddDistrict({"D", "区"}).ok());
  EXPECT_TRUE(b.AddOwner("O1", "张三", OwnerKind::kPerson).ok());
  const std::string_view owners[] = {"O1"};
  const auto dwelling = [&](std::string_view id, std::int64_t area) {
    DwellingRecord d;
    d.id = id;
    d.area_centi = area;
    d.owner_ids = owners;
    EXPECT_TRUE(b.AddDwelling(d).ok());
  };
  Estate e;
  e.id = "E-1";
  e.name = "一小区";
  EXPECT_TRUE(b.BeginEstate(e, "D", "").ok());
  Building b1;
  b1.id = "B1";
  EXPECT_TRUE(b.AddBuilding(b1).ok());
  EXPECT_TRUE(b.AddEntrance("1").ok());
  dwelling("D1", 6000);
  dwelling("D2", 9000);
  EXPECT_TRUE(b.AddEntrance("2").ok());
  dwelling("D3", 5000);
  Building b2;
  b2.id = "B2";
  EXPECT_TRUE(b.AddBuilding(b2).ok());
  EXPECT_TRUE(b.AddEntrance("1").ok());
  dwelling("D4", 10000);
  EXPECT_TRUE(b.EndEstate().ok());
  Estate e2;
  e2.id = "E-2";
  e2.name = "二小区";
  EXPECT_TRUE(b.BeginEstate(e2, "D", "").ok());
  Building c1;
  c1.id = "C1";
  EXPECT_TRUE(b.AddBuilding(c1).ok());
  EXPECT_TRUE(b.AddEntrance("1").ok());
  dwelling("X1", 8000);
  EXPECT_TRUE(b.EndEstate().ok());
  absl::StatusOr<Registry> r = std::move(b).Finish();
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

CostItem Lump(std::string id, Facility f, std::int64_t fen, CostScope scope = CostScope::kEstate,
              std::string building = "", std::string entrance = "") {
  CostItem item;
  item.id = std::move(id);
  item.facility = f;
  item.category = DefaultCategoryOf(f);
  item.lump_sum = true;
  item.cost = Money::Fen(fen);
  item.scope = scope;
  item.building = std::move(building);
  item.entrance = std::move(entrance);
  return item;
}

// national_2020 defaults (80% / 50%), hand-worked:
//  roof of B1, 1,000.00 → residents 20% = 200.00 over B1 (60:90:50 m²) → 60, 90, 50 元.
//  stairwell of B1 entrance 2, 100.00 → residents 20.00 → D3.
//  greening (estate), 300.01 → district 50% = 150.005 → 150.01; residents 150.00 over
//    300 m² → D1 30.00, D2 45.00, D3 25.00, D4 50.00.
//  Totals: D1 90.00, D2 135.00, D3 95.00, D4 50.00 = 370.00.
TEST(ApportionTest, ByExclusiveAreaOverTheItemsScope) {
  const Registry reg = TwoEstates();
  CostPlan plan;
  plan.id = "P-1";
  plan.estate = "E-1";
  plan.items = {Lump("roof", Facility::kRoof, 100'000, CostScope::kBuilding, "B1"),
                Lump("stairs", Facility::kStairwell, 10'000, CostScope::kEntrance, "B1", "2"),
                Lump("green", Facility::kGreening, 30'001)};
  ASSERT_TRUE(ComputeCosts(plan).ok());
  ASSERT_TRUE(FillHouseholdsFromRegistry(plan, reg).ok());
  EXPECT_EQ(plan.households, 4);
  absl::StatusOr<FundingAllocation> a = Allocate(National2020Policy(), plan);
  ASSERT_TRUE(a.ok()) << a.status();
  absl::StatusOr<DwellingApportionment> d = ApportionToDwellings(*a, plan, reg);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_THAT(d->fen, ElementsAre(9'000, 13'500, 9'500, 5'000));
  EXPECT_EQ(d->total.fen(), 37'000);
  EXPECT_EQ(d->total, a->Total(S::kResidentsDirect));
  EXPECT_EQ(d->Of(*reg.FindDwelling("D3")).fen(), 9'500);

  const std::vector<BuildingTotal> t = TotalsByBuilding(*a, plan, reg, *d);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].residents_apportioned.fen(), 9'000 + 13'500 + 9'500);
  EXPECT_EQ(t[1].residents_apportioned.fen(), 5'000);
  EXPECT_EQ(t[0].by_source[static_cast<std::size_t>(S::kDistrict)].fen(), 80'000 + 8'000);
  EXPECT_EQ(t[1].by_source[static_cast<std::size_t>(S::kDistrict)].fen(), 0);
}

// Equal areas and a remainder: 1.00 元 over three equal dwellings → 34, 33, 33 fen
// (largest remainder, ties to the lower registry index).
TEST(ApportionTest, TieBreakIsLowerIndex) {
  RegistryBuilder b(2024);
  ASSERT_TRUE(b.AddDistrict({"D", "区"}).ok());
  ASSERT_TRUE(b.AddOwner("O", "李四", OwnerKind::kPerson).ok());
  const std::string_view owners[] = {"O"};
  Estate e;
  e.id = "E";
  e.name = "小区";
  ASSERT_TRUE(b.BeginEstate(e, "D", "").ok());
  Building bl;
  bl.id = "B";
  ASSERT_TRUE(b.AddBuilding(bl).ok());
  ASSERT_TRUE(b.AddEntrance("1").ok());
  for (const char* id : {"a", "b", "c"}) {
    DwellingRecord d;
    d.id = id;
    d.area_centi = 7000;
    d.owner_ids = owners;
    absl::Status st = b.AddDwelling(d);
    ASSERT_TRUE(st.ok()) << st;
  }
  ASSERT_TRUE(b.EndEstate().ok());
  absl::StatusOr<Registry> reg = std::move(b).Finish();
  ASSERT_TRUE(reg.ok()) << reg.status();
  CostPlan plan;
  plan.id = "P";
  plan.estate = "E";
  plan.items = {Lump("x", Facility::kRoof, 100)};
  FundingPolicy p;
  p.name = "residents";
  p.residual = S::kResidentsDirect;
  absl::StatusOr<FundingAllocation> a = Allocate(p, plan);
  ASSERT_TRUE(a.ok());
  absl::StatusOr<DwellingApportionment> d = ApportionToDwellings(*a, plan, *reg);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_THAT(d->fen, ElementsAre(34, 33, 33));
}

// Only the residents' own contribution is apportioned: direct payment, maintenance
// fund and provident fund (here 30 + 20 + 10 = 60.00 over B2's single dwelling D4);
// donations (40.00) stay at estate level.
TEST(ApportionTest, OnlyResidentsOwnSourcesAreApportioned) {
  const Registry reg = TwoEstates();
  CostPlan plan;
  plan.id = "P-1";
  plan.estate = "E-1";
  plan.items = {Lump("roof", Facility::kRoof, 10'000, CostScope::kBuilding, "B2")};
  FundingPolicy p;
  p.name = "mixed";
  FundingRule r;
  r.id = "split";
  r.targets = {{Payer::Of(S::kResidentsDirect), Ratio::Percent(30)},
               {Payer::Of(S::kMaintenanceFund), Ratio::Percent(20)},
               {Payer::Of(S::kProvidentFund), Ratio::Percent(10)},
               {Payer::Of(S::kDonations), Ratio::Percent(40)}};
  p.rules = {r};
  absl::StatusOr<FundingAllocation> a = Allocate(p, plan);
  ASSERT_TRUE(a.ok()) << a.status();
  absl::StatusOr<DwellingApportionment> d = ApportionToDwellings(*a, plan, reg);
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_THAT(d->fen, ElementsAre(0, 0, 0, 6'000));
  EXPECT_EQ(d->total.fen(), 6'000);
}

TEST(ApportionTest, BadScopesNameTheItemAndField) {
  const Registry reg = TwoEstates();
  CostPlan plan;
  plan.id = "P-1";
  plan.estate = "E-1";
  plan.items = {Lump("roof", Facility::kRoof, 100'000, CostScope::kBuilding, "B9")};
  FundingPolicy p;
  p.name = "residents";
  p.residual = S::kResidentsDirect;
  absl::StatusOr<FundingAllocation> a = Allocate(p, plan);
  ASSERT_TRUE(a.ok());
  absl::StatusOr<DwellingApportionment> d = ApportionToDwellings(*a, plan, reg);
  EXPECT_EQ(d.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(d.status().message(), HasSubstr("items[0] \"roof\" building: no building"));

  plan.items[0].building = "C1";  // estate E-2
  EXPECT_THAT(ApportionToDwellings(*a, plan, reg).status().message(),
              HasSubstr("is not in estate \"E-1\""));
  plan.items[0].scope = CostScope::kEntrance;
  plan.items[0].building = "B1";
  plan.items[0].entrance = "7";
  EXPECT_THAT(ApportionToDwellings(*a, plan, reg).status().message(),
              HasSubstr("entrance: building \"B1\" has no entrance \"7\""));
  plan.estate = "E-404";
  EXPECT_EQ(ApportionToDwellings(*a, plan, reg).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(FillHouseholdsFromRegistry(plan, reg).code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace renewal
