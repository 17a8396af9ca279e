// Funding policies and allocation: every preset on a hand-worked plan, caps and
// fallbacks, bad policies, and a randomized conservation test.
#include "renewal/funding/funding.h"

#include <random>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/funding/cost.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;
using S = FundingSource;

constexpr std::int64_t Y(std::int64_t yuan) { return yuan * 100; }  // fen

CostItem Item(std::string id, Facility f, std::int64_t fen, TagSet tags = 0,
              AssetOwner owner = AssetOwner::kOwnersInCommon) {
  CostItem item;
  item.id = std::move(id);
  item.name = item.id;
  item.facility = f;
  item.category = DefaultCategoryOf(f);
  item.lump_sum = true;
  item.cost = Money::Fen(fen);
  item.tags = tags;
  item.asset_owner = owner;
  return item;
}

CostPlan PlanOf(std::vector<CostItem> items, std::int64_t households = 0) {
  CostPlan plan;
  plan.id = "P-1";
  plan.estate = "E-1";
  plan.households = households;
  plan.items = std::move(items);
  EXPECT_TRUE(ComputeCosts(plan).ok());
  return plan;
}

// Checks the section-4 invariants and returns the allocation.
void ExpectInvariants(const FundingPolicy& policy, const CostPlan& plan,
                      const FundingAllocation& a) {
  ASSERT_EQ(a.item_cost.size(), plan.items.size());
  std::array<std::int64_t, kFundingSourceCount> by_source{};
  std::int64_t gap = 0;
  for (std::uint32_t i = 0; i < plan.items.size(); ++i) {
    std::int64_t sum = a.item_gap[i].fen();
    EXPECT_GE(a.item_gap[i].fen(), 0);
    gap += a.item_gap[i].fen();
    for (const FundingShare& s : a.SharesOf(i)) {
      EXPECT_EQ(s.item, i);
      EXPECT_GT(s.amount.fen(), 0) << "no empty or negative shares";
      sum += s.amount.fen();
      by_source[static_cast<std::size_t>(s.source)] += s.amount.fen();
      if (s.rule == kNoRule) {  // the residual step, or its cap fallback
        EXPECT_TRUE(s.step == ShareStep::kResidual || s.step == ShareStep::kCapFallback);
      } else {
        EXPECT_LT(s.rule, policy.rules.size());
        EXPECT_NE(s.step, ShareStep::kResidual);
      }
    }
    EXPECT_EQ(sum, plan.items[i].cost.fen()) << "item " << plan.items[i].id;
  }
  EXPECT_EQ(gap, a.gap.fen());
  for (std::size_t s = 0; s < kFundingSourceCount; ++s) {
    EXPECT_EQ(by_source[s], a.by_source[s].fen());
    if (policy.limits[s].cap) {
      EXPECT_LE(by_source[s], policy.limits[s].cap->fen());
    }
  }
}

FundingAllocation AllocateChecked(const FundingPolicy& policy, const CostPlan& plan) {
  absl::StatusOr<FundingAllocation> a = Allocate(policy, plan);
  EXPECT_TRUE(a.ok()) << a.status();
  if (!a.ok()) return {};
  ExpectInvariants(policy, plan, *a);
  return *a;
}

std::uint32_t RuleIndex(const FundingPolicy& p, std::string_view id) {
  for (std::uint32_t i = 0; i < p.rules.size(); ++i) {
    if (p.rules[i].id == id) return i;
  }
  ADD_FAILURE() << "no rule " << id;
  return kNoRule;
}

TEST(PresetTest, AllPresetsValidateAndCiteSeeds) {
  for (std::string_view name : FundingPresetNames()) {
    absl::StatusOr<FundingPolicy> p = FundingPreset(name);
    ASSERT_TRUE(p.ok()) << name << p.status();
    EXPECT_TRUE(ValidatePolicy(*p).ok()) << name;
    EXPECT_EQ(p->name, name);
    for (const FundingRule& r : p->rules) {
      EXPECT_THAT(r.seed, HasSubstr("《")) << r.id;  // a document title, not a file name
      EXPECT_FALSE(r.description.empty()) << r.id;
    }
  }
  EXPECT_EQ(FundingPreset("atlantis").status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(FundingPreset("atlantis").status().message(), HasSubstr("yueyang"));
}

// Seed 002 (Yueyang) 六、(一)(二). Hand-worked:
//  A water pipeline relocation 100,000.00: district 20% = 20,000 (以奖代补), the water
//    utility the remaining 80,000; the city then reimburses 50% of the district's
//    20,000 → city 10,000, district 10,000.
//  B road opening/restoration 30,000.00: district 30,000 → city 15,000, district 15,000.
//  C roof 50,000.01: residual district 5,000,001 fen → city 50% = 2,500,000.5 → 2,500,001
//    (half away from zero), district 2,500,000.
//  D added elevator 400,000.00: district (residual); elevators are excluded from the award.
TEST(PresetTest, Yueyang) {
  const FundingPolicy p = YueyangPolicy();
  const CostPlan plan = PlanOf({
      Item("A", Facility::kWater, Y(100'000), TagBit(CostTag::kPipelineRelocation),
           AssetOwner::kUtility),
      Item("B", Facility::kRoads, Y(30'000), TagBit(CostTag::kRoadRestoration)),
      Item("C", Facility::kRoof, 5'000'001),
      Item("D", Facility::kElevator, Y(400'000), TagBit(CostTag::kElevator)),
  });
  const FundingAllocation a = AllocateChecked(p, plan);
  EXPECT_EQ(a.Amount(0, S::kDistrict).fen(), Y(10'000));
  EXPECT_EQ(a.Amount(0, S::kWaterUtility).fen(), Y(80'000));
  EXPECT_EQ(a.Amount(0, S::kCity).fen(), Y(10'000));
  EXPECT_EQ(a.Amount(1, S::kDistrict).fen(), Y(15'000));
  EXPECT_EQ(a.Amount(1, S::kCity).fen(), Y(15'000));
  EXPECT_EQ(a.Amount(2, S::kCity).fen(), 2'500'001);
  EXPECT_EQ(a.Amount(2, S::kDistrict).fen(), 2'500'000);
  EXPECT_EQ(a.Amount(3, S::kDistrict).fen(), Y(400'000));
  EXPECT_EQ(a.Amount(3, S::kCity).fen(), 0);
  EXPECT_EQ(a.Total(S::kCity).fen(), 5'000'001);
  EXPECT_EQ(a.Total(S::kDistrict).fen(), 45'000'000);
  EXPECT_EQ(a.gap.fen(), 0);
  // Each share names its rule; the city's share is a transfer out of the district's.
  bool saw_transfer = false;
  for (const FundingShare& s : a.SharesOf(0)) {
    if (s.source == S::kCity) {
      EXPECT_EQ(s.step, ShareStep::kTransfer);
      EXPECT_EQ(s.rule, RuleIndex(p, "yueyang.city_award"));
      EXPECT_EQ(s.from, S::kDistrict);
      // Item A: water utility 80% of 100,000, district the remaining 20,000, of which the
      // city reimburses 50% (10,000) by transfer (六、(一)); each wording wholly in its
      // language, the citation being the document's title.
      EXPECT_EQ(ExplainShareZh(s, p),
                "市级奖补 10000.00 元：由区级财政转入，依据规则 yueyang.city_award（按比例 50% "
                "归市级奖补，基数 区级财政出资额（以奖代补））〔《岳阳市城区老旧小区改造工作实施方案"
                "（征求意见稿）》 六、(一)〕");
      EXPECT_EQ(ExplainShareEn(s, p),
                "city award 10000.00: transferred from district budget by rule "
                "yueyang.city_award (percentage 50% to city award of district budget's share "
                "(transfer out of that share)) [《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 "
                "六、(一)]");
      saw_transfer = true;
    }
    if (s.source == S::kWaterUtility) {
      EXPECT_EQ(s.rule, RuleIndex(p, "yueyang.pipeline_units"));
    }
  }
  EXPECT_TRUE(saw_transfer);
  for (const FundingShare& s : a.SharesOf(2)) {
    if (s.source == S::kDistrict) {
      EXPECT_EQ(s.step, ShareStep::kResidual);
    }
  }
}

// Seed 001 (Fujian) 六、管线单位出资责任. Hand-worked:
//  T power trench civil works 200,000 → local finance.  W water 150,000 → water utility.
//  G gas 80,000 → gas utility.
//  R cable relocation 10,000.01 (1,000,001 fen), 65/35: 650,000.65 / 350,000.35 → floors
//    650,000 + 350,000, the last fen to the larger remainder (.65) → cable 650,001.
//  P1 utility-owned power lines 60,000 → power utility; P2 unit-owned 40,000 → property unit.
//  P3 owners' common power lines 30,000.01: 1,500,000.5 each → tie, lower index (local
//    finance, listed first) gets 1,500,001, the power utility 1,500,000.
//  M one meter per household (owner not stated) 12,000 → 6,000 / 6,000.
//  X greening 5,000 → residual (local finance).
TEST(PresetTest, Fujian) {
  const FundingPolicy p = FujianPolicy();
  CostItem cable = Item("R", Facility::kWeakCurrent, 1'000'001,
                        TagBit(CostTag::kPipelineRelocation), AssetOwner::kUtility);
  cable.utility = S::kCable;
  const CostPlan plan = PlanOf({
      Item("T", Facility::kPower, Y(200'000), TagBit(CostTag::kTrenchCivil), AssetOwner::kGovernment),
      Item("W", Facility::kWater, Y(150'000), 0, AssetOwner::kUtility),
      Item("G", Facility::kGas, Y(80'000), 0, AssetOwner::kUtility),
      cable,
      Item("P1", Facility::kPower, Y(60'000), 0, AssetOwner::kUtility),
      Item("P2", Facility::kPower, Y(40'000), 0, AssetOwner::kPropertyUnit),
      Item("P3", Facility::kPower, 3'000'001, 0, AssetOwner::kOwnersInCommon),
      Item("M", Facility::kPower, Y(12'000), TagBit(CostTag::kOneMeterPerHousehold),
           AssetOwner::kUnknown),
      Item("X", Facility::kGreening, Y(5'000)),
  });
  const FundingAllocation a = AllocateChecked(p, plan);
  EXPECT_EQ(a.Amount(0, S::kLocalFinance).fen(), Y(200'000));
  EXPECT_EQ(a.Amount(1, S::kWaterUtility).fen(), Y(150'000));
  EXPECT_EQ(a.Amount(2, S::kGasUtility).fen(), Y(80'000));
  EXPECT_EQ(a.Amount(3, S::kCable).fen(), 650'001);
  EXPECT_EQ(a.Amount(3, S::kLocalFinance).fen(), 350'000);
  EXPECT_EQ(a.Amount(4, S::kPowerUtility).fen(), Y(60'000));
  EXPECT_EQ(a.Amount(5, S::kPropertyUnit).fen(), Y(40'000));
  EXPECT_EQ(a.Amount(6, S::kLocalFinance).fen(), 1'500'001);
  EXPECT_EQ(a.Amount(6, S::kPowerUtility).fen(), 1'500'000);
  EXPECT_EQ(a.Amount(7, S::kLocalFinance).fen(), Y(6'000));
  EXPECT_EQ(a.Amount(7, S::kPowerUtility).fen(), Y(6'000));
  EXPECT_EQ(a.Amount(8, S::kLocalFinance).fen(), Y(5'000));
  EXPECT_EQ(a.SharesOf(8)[0].step, ShareStep::kResidual);
  EXPECT_EQ(a.SharesOf(3)[0].rule, RuleIndex(p, "fujian.telecom_cable_relocation"));
}

// Seed 000 (Hengyang): 100,000 yuan per community for each of water, gas, weak current.
//  Water items 60,000 + 90,000 share one 100,000 budget in proportion to their cost:
//    40,000 / 60,000; the district pays the other 20,000 / 30,000 (residual).
//  Gas 50,000: fully paid by the city; 50,000 of its 100,000 budget is unused (noted).
//  Roof 20,000: not a utility item → district.
TEST(PresetTest, Hengyang) {
  const FundingPolicy p = HengyangPolicy();
  const CostPlan plan = PlanOf({
      Item("W1", Facility::kWater, Y(60'000)),
      Item("R", Facility::kRoof, Y(20'000)),
      Item("W2", Facility::kWater, Y(90'000)),
      Item("G", Facility::kGas, Y(50'000)),
  });
  const FundingAllocation a = AllocateChecked(p, plan);
  EXPECT_EQ(a.Amount(0, S::kCity).fen(), Y(40'000));
  EXPECT_EQ(a.Amount(0, S::kDistrict).fen(), Y(20'000));
  EXPECT_EQ(a.Amount(2, S::kCity).fen(), Y(60'000));
  EXPECT_EQ(a.Amount(2, S::kDistrict).fen(), Y(30'000));
  EXPECT_EQ(a.Amount(3, S::kCity).fen(), Y(50'000));
  EXPECT_EQ(a.Amount(1, S::kDistrict).fen(), Y(20'000));
  EXPECT_EQ(a.Total(S::kCity).fen(), Y(150'000));
  ASSERT_EQ(a.notes_en.size(), 1u);
  EXPECT_THAT(a.notes_en[0], HasSubstr("50000.00 of 200000.00 unused"));
  ASSERT_EQ(a.notes_zh.size(), 1u);
  EXPECT_THAT(a.notes_zh[0], HasSubstr("：200000.00 元中 50000.00 元未使用（所匹配的项目已全部覆盖）"));
}

// Seed 003 三、(四): city 6,000 yuan per household, district at least matching.
//  8 households → city 48,000 spread over roof 100,000 and facade 20,000 (5:1):
//  40,000 / 8,000; the district matches 40,000 / 8,000; residents pay the rest
//  20,000 / 4,000.
TEST(PresetTest, Household6000) {
  const FundingPolicy p = Household6000Policy();
  const CostPlan plan =
      PlanOf({Item("roof", Facility::kRoof, Y(100'000)), Item("facade", Facility::kFacade, Y(20'000))},
             8);
  const FundingAllocation a = AllocateChecked(p, plan);
  EXPECT_EQ(a.Amount(0, S::kCity).fen(), Y(40'000));
  EXPECT_EQ(a.Amount(1, S::kCity).fen(), Y(8'000));
  EXPECT_EQ(a.Amount(0, S::kDistrict).fen(), Y(40'000));
  EXPECT_EQ(a.Amount(1, S::kDistrict).fen(), Y(8'000));
  EXPECT_EQ(a.Amount(0, S::kResidentsDirect).fen(), Y(20'000));
  EXPECT_EQ(a.Amount(1, S::kResidentsDirect).fen(), Y(4'000));
}

// Seed 003 三、(三): 100,000 yuan per added elevator.
//  E1: 2 elevators, 500,000 → city 200,000, residents 300,000.
//  E2: 1 elevator, 80,000 → city 80,000 (20,000 of its budget unused).
TEST(PresetTest, Elevator100k) {
  const FundingPolicy p = Elevator100kPolicy();
  CostItem e1 = Item("E1", Facility::kElevator, Y(500'000), TagBit(CostTag::kElevator));
  e1.elevators = 2;
  const CostPlan plan =
      PlanOf({e1, Item("E2", Facility::kElevator, Y(80'000), TagBit(CostTag::kElevator)),
              Item("roof", Facility::kRoof, Y(1'000))});
  const FundingAllocation a = AllocateChecked(p, plan);
  EXPECT_EQ(a.Amount(0, S::kCity).fen(), Y(200'000));
  EXPECT_EQ(a.Amount(0, S::kResidentsDirect).fen(), Y(300'000));
  EXPECT_EQ(a.Amount(1, S::kCity).fen(), Y(80'000));
  EXPECT_EQ(a.Amount(1, S::kResidentsDirect).fen(), 0);
  ASSERT_EQ(a.notes_en.size(), 1u);
  EXPECT_THAT(a.notes_en[0], HasSubstr("20000.00 of 300000.00 unused"));
  EXPECT_THAT(a.notes_zh[0], HasSubstr("300000.00 元中 20000.00 元未使用"));
  EXPECT_EQ(a.Amount(2, S::kCity).fen(), 0);
  EXPECT_EQ(a.Amount(2, S::kResidentsDirect).fen(), Y(1'000));
}

// Seed 001 (Ningbo) 五、维修资金即交即用即补: residents pay from the maintenance fund;
// city and district subsidise 50% of the fund money used (25% + 25% by assumption).
//  Roof 100,000.01 → fund 10,000,001 fen; 50% = 5,000,000.5 → 5,000,001 (half away),
//  split 25:25 → 2,500,000.5 each → tie → city (first) 2,500,001, district 2,500,000;
//  the fund keeps 5,000,000.
TEST(PresetTest, NingboFundSubsidy) {
  const FundingPolicy p = NingboFundSubsidyPolicy();
  const FundingAllocation a = AllocateChecked(p, PlanOf({Item("roof", Facility::kRoof, 10'000'001)}));
  EXPECT_EQ(a.Amount(0, S::kCity).fen(), 2'500'001);
  EXPECT_EQ(a.Amount(0, S::kDistrict).fen(), 2'500'000);
  EXPECT_EQ(a.Amount(0, S::kMaintenanceFund).fen(), 5'000'000);
}

// 国办发〔2020〕23号 (seed 004 二(三)1) with the default shares 80% / 50% / 70%:
//  basic 100,000 → district 80,000, residents 20,000;
//  improvement 50,000 → district 25,000, residents 25,000;
//  enhancement 200,000 → social capital 140,000, residents 60,000;
//  basic 0.05 → district 4 fen, residents 1 fen.
TEST(PresetTest, National2020) {
  const FundingPolicy p = National2020Policy();
  const FundingAllocation a =
      AllocateChecked(p, PlanOf({Item("b", Facility::kRoof, Y(100'000)), Item("i", Facility::kGreening, Y(50'000)),
                     Item("e", Facility::kPublicService, Y(200'000)), Item("tiny", Facility::kRoof, 5)}));
  EXPECT_EQ(a.Amount(0, S::kDistrict).fen(), Y(80'000));
  EXPECT_EQ(a.Amount(0, S::kResidentsDirect).fen(), Y(20'000));
  EXPECT_EQ(a.Amount(1, S::kDistrict).fen(), Y(25'000));
  EXPECT_EQ(a.Amount(2, S::kSocialCapital).fen(), Y(140'000));
  EXPECT_EQ(a.Amount(2, S::kResidentsDirect).fen(), Y(60'000));
  EXPECT_EQ(a.Amount(3, S::kDistrict).fen(), 4);
  EXPECT_EQ(a.Amount(3, S::kResidentsDirect).fen(), 1);
  EXPECT_EQ(a.by_category[0][static_cast<std::size_t>(S::kDistrict)].fen(), Y(80'000) + 4);

  National2020Shares shares;
  shares.basic_government = Ratio::Percent(90);
  shares.government = S::kCentral;
  const FundingAllocation b = AllocateChecked(National2020Policy(shares), PlanOf({Item("b", Facility::kRoof, Y(100))}));
  EXPECT_EQ(b.Amount(0, S::kCentral).fen(), Y(90));
}

// Composition: household_6000 + elevator_100k on top of national_2020, 10 households.
//  city 60,000 over roof 100,000 : elevator 300,000 → 15,000 / 45,000;
//  district matches 15,000 / 45,000; elevator subsidy 100,000 (remaining 210,000);
//  national basic: roof remaining 70,000 × 80% = 56,000 district;
//  national improvement: elevator remaining 110,000 × 50% = 55,000 district;
//  residual residents: roof 14,000, elevator 55,000.
TEST(PresetTest, Composition) {
  absl::StatusOr<FundingPolicy> p = FundingPreset("household_6000+elevator_100k+national_2020");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->name, "household_6000+elevator_100k+national_2020");
  const FundingAllocation a =
      AllocateChecked(*p, PlanOf({Item("roof", Facility::kRoof, Y(100'000)),
                      Item("lift", Facility::kElevator, Y(300'000), TagBit(CostTag::kElevator))},
                     10));
  EXPECT_EQ(a.Amount(0, S::kCity).fen(), Y(15'000));
  EXPECT_EQ(a.Amount(1, S::kCity).fen(), Y(145'000));
  EXPECT_EQ(a.Amount(0, S::kDistrict).fen(), Y(15'000 + 56'000));
  EXPECT_EQ(a.Amount(1, S::kDistrict).fen(), Y(45'000 + 55'000));
  EXPECT_EQ(a.Amount(0, S::kResidentsDirect).fen(), Y(14'000));
  EXPECT_EQ(a.Amount(1, S::kResidentsDirect).fen(), Y(55'000));
  EXPECT_EQ(a.Total(S::kCity).fen(), Y(160'000));
  EXPECT_EQ(a.Total(S::kDistrict).fen(), Y(171'000));
}

// Caps: the city pays 100% but is capped at 50,000 with the district as fallback
// (capped at 20,000, no fallback); the province is the residual, capped at 10,000.
//  item1 40,000 → city 40,000.  item2 60,000 → city 10,000, district 20,000 (fallback),
//  30,000 left → province 10,000 (residual), gap 20,000.
TEST(AllocateTest, CapsOverflowToFallbackThenGap) {
  FundingPolicy p;
  p.name = "capped";
  FundingRule r;
  r.id = "all_city";
  r.targets = {{Payer::Of(S::kCity), Ratio::Whole()}};
  r.basis = FundingBasis::kRemaining;
  p.rules.push_back(r);
  p.limit(S::kCity) = {Money::Fen(Y(50'000)), S::kDistrict};
  p.limit(S::kDistrict) = {Money::Fen(Y(20'000)), std::nullopt};
  p.limit(S::kProvincial) = {Money::Fen(Y(10'000)), std::nullopt};
  p.residual = S::kProvincial;
  const FundingAllocation a = AllocateChecked(p, PlanOf({Item("1", Facility::kRoof, Y(40'000)),
                                             Item("2", Facility::kRoof, Y(60'000))}));
  EXPECT_EQ(a.Amount(0, S::kCity).fen(), Y(40'000));
  EXPECT_EQ(a.Amount(1, S::kCity).fen(), Y(10'000));
  EXPECT_EQ(a.Amount(1, S::kDistrict).fen(), Y(20'000));
  EXPECT_EQ(a.Amount(1, S::kProvincial).fen(), Y(10'000));
  EXPECT_EQ(a.item_gap[1].fen(), Y(20'000));
  EXPECT_EQ(a.gap.fen(), Y(20'000));
  const FundingShare& fb = a.SharesOf(1)[1];
  EXPECT_EQ(fb.step, ShareStep::kCapFallback);
  EXPECT_EQ(fb.from, S::kCity);
  EXPECT_EQ(fb.rule, 0u);
  EXPECT_THAT(ExplainShareEn(fb, p), HasSubstr("cap of city award reached"));
  EXPECT_THAT(ExplainShareZh(fb, p), HasSubstr("市级奖补已达上限，超出部分转由本来源承担"));
  EXPECT_EQ(a.notes_en.size(), 3u);
  EXPECT_EQ(a.notes_zh.size(), 3u);
}

// A programme-wide cap (e.g. a city's yearly budget): the city pays 100% but has
// 150.00 for the whole programme, the district takes the overflow. Three plans of
// 100.00 each: city 100 / district 0; city 50 / district 50; city 0 / district 100.
TEST(AllocateTest, ProgrammeCapsAreSharedAcrossPlans) {
  FundingPolicy p;
  p.name = "programme";
  FundingRule r;
  r.id = "city";
  r.targets = {{Payer::Of(S::kCity), Ratio::Whole()}};
  p.rules.push_back(r);
  p.limit(S::kCity) = {Money::Fen(Y(150)), S::kDistrict};
  std::vector<CostPlan> plans;
  for (int i = 0; i < 3; ++i) plans.push_back(PlanOf({Item("x", Facility::kRoof, Y(100))}));
  absl::StatusOr<Allocator> a = Allocator::Create(p);
  ASSERT_TRUE(a.ok());
  absl::StatusOr<std::vector<FundingAllocation>> out = a->AllocateProgramme(plans);
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_EQ((*out)[0].Total(S::kCity).fen(), Y(100));
  EXPECT_EQ((*out)[1].Total(S::kCity).fen(), Y(50));
  EXPECT_EQ((*out)[1].Total(S::kDistrict).fen(), Y(50));
  EXPECT_EQ((*out)[2].Total(S::kCity).fen(), 0);
  EXPECT_EQ((*out)[2].Total(S::kDistrict).fen(), Y(100));
  // Plans allocated one by one afterwards get the per-plan cap again.
  EXPECT_EQ(a->Allocate(plans[0])->Total(S::kCity).fen(), Y(100));
}

TEST(AllocateTest, NoResidualMeansGap) {
  FundingPolicy p;
  p.name = "none";
  const FundingAllocation a = AllocateChecked(p, PlanOf({Item("1", Facility::kRoof, 123)}));
  EXPECT_EQ(a.gap.fen(), 123);
  EXPECT_TRUE(a.SharesOf(0).empty());
}

TEST(AllocateTest, PercentOfCostIsClippedToWhatIsUncovered) {
  FundingPolicy p;
  p.name = "clip";
  FundingRule a;
  a.id = "a";
  a.targets = {{Payer::Of(S::kCity), Ratio::Percent(70)}};
  FundingRule b = a;
  b.id = "b";
  b.targets = {{Payer::Of(S::kDistrict), Ratio::Percent(70)}};
  p.rules = {a, b};
  // 70% of 100 = 70 to the city; 70% of cost = 70 > 30 left → district 30, clipped.
  const FundingAllocation r = AllocateChecked(p, PlanOf({Item("1", Facility::kRoof, 100)}));
  EXPECT_EQ(r.Amount(0, S::kCity).fen(), 70);
  EXPECT_EQ(r.Amount(0, S::kDistrict).fen(), 30);
  EXPECT_TRUE(r.SharesOf(0)[1].clipped);
}

FundingRule Derived(std::string id, S to, S of) {
  FundingRule r;
  r.id = std::move(id);
  r.targets = {{Payer::Of(to), Ratio::Percent(50)}};
  r.basis = FundingBasis::kSourceShare;
  r.of = of;
  return r;
}

TEST(ValidateTest, RejectsBadPolicies) {
  FundingPolicy p;
  p.name = "bad";
  p.rules = {Derived("a", S::kCity, S::kDistrict), Derived("b", S::kProvincial, S::kCity),
             Derived("c", S::kDistrict, S::kProvincial)};
  absl::Status st = ValidatePolicy(p);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("cycle"));
  EXPECT_THAT(st.message(), HasSubstr("city"));
  const CostPlan plan = PlanOf({Item("1", Facility::kRoof, 100)});
  EXPECT_EQ(Allocate(p, plan).status().code(), absl::StatusCode::kInvalidArgument);

  p.rules = {Derived("self", S::kCity, S::kCity)};
  EXPECT_THAT(ValidatePolicy(p).message(), HasSubstr("its own share"));

  FundingRule over;
  over.id = "over";
  over.targets = {{Payer::Of(S::kCity), Ratio::Percent(60)},
                  {Payer::Of(S::kDistrict), Ratio::Percent(50)}};
  p.rules = {over};
  st = ValidatePolicy(p);
  EXPECT_THAT(st.message(), HasSubstr("rules[0] \"over\" targets"));
  EXPECT_THAT(st.message(), HasSubstr("110%"));
  // Exactly 100% is fine.
  p.rules[0].targets[1].share = Ratio::Percent(40);
  EXPECT_TRUE(ValidatePolicy(p).ok());

  p.rules = {over, over};
  p.rules[0].targets.pop_back();
  p.rules[1].targets.pop_back();
  EXPECT_EQ(ValidatePolicy(p).code(), absl::StatusCode::kAlreadyExists);

  p.rules.clear();
  p.limit(S::kCity) = {std::nullopt, S::kDistrict};
  p.limit(S::kDistrict) = {std::nullopt, S::kCity};
  EXPECT_THAT(ValidatePolicy(p).message(), HasSubstr("cycle of cap fallbacks"));
  p.limit(S::kDistrict) = {Money::Fen(-1), std::nullopt};
  EXPECT_THAT(ValidatePolicy(p).message(), HasSubstr("limits.district.cap"));

  FundingRule neg;
  neg.id = "neg";
  neg.kind = FundingRuleKind::kFixed;
  neg.targets = {{Payer::Of(S::kCity), Ratio::Whole()}};
  neg.amount = Money::Fen(-100);
  FundingPolicy q;
  q.rules = {neg};
  EXPECT_THAT(ValidatePolicy(q).message(), HasSubstr("amount: must be >= 0"));
}

TEST(AllocateTest, OverflowIsAnError) {
  FundingPolicy p = Household6000Policy();
  p.rules[0].amount = Money::Fen(std::numeric_limits<std::int64_t>::max() / 2);
  const CostPlan plan = PlanOf({Item("1", Facility::kRoof, 100)}, 3);
  absl::StatusOr<FundingAllocation> a = Allocate(p, plan);
  EXPECT_EQ(a.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(a.status().message(), HasSubstr("household_6000.city"));

  // The reusable output is reset on error, not left half-filled.
  absl::StatusOr<Allocator> allocator = Allocator::Create(p);
  ASSERT_TRUE(allocator.ok());
  FundingAllocation out;
  out.notes_zh.push_back("stale");
  out.notes_en.push_back("stale");
  EXPECT_EQ(allocator->AllocateInto(plan, out).code(), absl::StatusCode::kOutOfRange);
  EXPECT_TRUE(out.shares.empty());
  EXPECT_TRUE(out.notes_zh.empty());
  EXPECT_TRUE(out.notes_en.empty());

  CostPlan bad = plan;
  bad.items[0].cost = Money::Fen(-1);
  EXPECT_THAT(Allocate(p, bad).status().message(), HasSubstr("items[0] \"1\" cost"));
}

TEST(CostTest, ComputesAndRejectsBadItemsWithoutChangingThePlan) {
  CostPlan plan;
  plan.id = "P";
  CostItem pipes = ItemFromCatalogue(*FindCatalogueEntry("water_supply_pipes"), "I-1");
  pipes.quantity_milli = 120'500;  // 120.5 m
  pipes.unit_price = Money::Fen(35'033);  // 350.33 元/m → 42,214.765 → 42,214.77
  plan.items.push_back(pipes);
  ASSERT_TRUE(ComputeCosts(plan).ok());
  EXPECT_EQ(plan.items[0].cost.fen(), 4'221'477);
  EXPECT_EQ(plan.items[0].name, "供水管网改造");
  EXPECT_EQ(plan.items[0].asset_owner, AssetOwner::kUtility);

  CostPlan before = plan;
  plan.items.push_back(pipes);
  plan.items[1].id = "I-2";
  plan.items[1].unit_price = Money::Fen(-500);
  const CostPlan bad = plan;
  absl::Status st = ComputeCosts(plan);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(st.message(), HasSubstr("items[1] \"I-2\" unit_price: must be >= 0, got -5.00"));
  EXPECT_EQ(plan, bad);

  plan.items[1].unit_price = Money::Fen(1);
  plan.items[1].id = "I-1";
  EXPECT_EQ(ComputeCosts(plan).code(), absl::StatusCode::kAlreadyExists);
  plan.items[1].id = "I-2";
  plan.items[1].quantity_milli = -1500;
  EXPECT_THAT(ComputeCosts(plan).message(), HasSubstr("quantity: must be >= 0, got -1.500"));
  plan.items[1].quantity_milli = 1;
  plan.items[1].scope = CostScope::kEntrance;
  plan.items[1].building = "B1";
  EXPECT_THAT(ComputeCosts(plan).message(), HasSubstr("entrance: required"));
  plan.items[1].scope = CostScope::kEstate;
  plan.items[1].unit_price = Money::Fen(std::numeric_limits<std::int64_t>::max());
  plan.items[1].quantity_milli = 2000;
  EXPECT_EQ(ComputeCosts(plan).code(), absl::StatusCode::kOutOfRange);

  // Every catalogue entry has names in both languages and is found by key and name.
  for (const CatalogueEntry& e : CostCatalogue()) {
    EXPECT_FALSE(e.zh.empty());
    EXPECT_FALSE(e.en.empty());
    EXPECT_EQ(FindCatalogueEntry(e.key), &e);
    EXPECT_EQ(FindCatalogueEntry(e.zh), &e);
  }
}

// 100,000 random items in random plans under random policies: every invariant of
// section 4 holds (shares + gap = cost to the fen, no negative share, caps kept).
TEST(AllocateTest, RandomizedConservation) {
  std::mt19937_64 rng(20261125);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const auto source = [&] { return static_cast<S>(pick(kFundingSourceCount)); };
  std::size_t items_done = 0;
  while (items_done < 100'000) {
    FundingPolicy p;
    p.name = "random";
    const std::size_t rules = 1 + pick(6);
    for (std::size_t k = 0; k < rules; ++k) {
      FundingRule r;
      r.id = "r" + std::to_string(k);
      if (pick(2)) r.match.categories = 1u << pick(3);
      if (pick(3) == 0) r.match.tags_any = static_cast<TagSet>(1u << pick(5));
      if (pick(4) == 0) r.match.owners = 1u << pick(5);
      if (pick(4) == 0) {
        r.kind = FundingRuleKind::kFixed;
        r.amount = Money::Fen(static_cast<std::int64_t>(pick(2'000'000)));
        r.per = static_cast<PerUnit>(pick(5));
        r.targets = {{Payer::Of(source()), Ratio::Whole()}};
      } else {
        const std::size_t targets = 1 + pick(3);
        std::int64_t left = 100;
        for (std::size_t t = 0; t < targets && left > 0; ++t) {
          const std::int64_t share = 1 + static_cast<std::int64_t>(pick(static_cast<std::size_t>(left)));
          left -= share;
          r.targets.push_back({pick(5) == 0 ? Payer::ItemUtility() : Payer::Of(source()),
                               Ratio::Percent(share)});
        }
        r.basis = static_cast<FundingBasis>(pick(3));
        r.of = source();
        r.mode = static_cast<DerivedMode>(pick(2));
        r.after_residual = pick(5) == 0;
      }
      p.rules.push_back(r);
    }
    for (std::size_t k = pick(4); k > 0; --k) {
      SourceLimit& l = p.limit(source());
      l.cap = Money::Fen(static_cast<std::int64_t>(pick(5'000'000)));
      if (pick(2)) l.fallback = source();
    }
    if (pick(5)) p.residual = source();
    absl::StatusOr<Allocator> allocator = Allocator::Create(p);
    if (!allocator.ok()) continue;  // random cycles are rejected: that is tested above
    CostPlan plan;
    plan.id = "R";
    plan.households = static_cast<std::int64_t>(pick(300));
    const std::size_t n = 1 + pick(40);
    for (std::size_t i = 0; i < n; ++i) {
      CostItem item = Item("i" + std::to_string(i), static_cast<Facility>(pick(kFacilityCount)),
                           static_cast<std::int64_t>(pick(3) == 0 ? pick(10) : pick(100'000'000)),
                           static_cast<TagSet>(pick(32)), static_cast<AssetOwner>(pick(5)));
      item.elevators = static_cast<std::int32_t>(pick(3));
      if (pick(4) == 0) item.category = static_cast<Category>(pick(3));
      plan.items.push_back(item);
    }
    absl::StatusOr<FundingAllocation> a = allocator->Allocate(plan);
    ASSERT_TRUE(a.ok()) << a.status();
    ExpectInvariants(allocator->policy(), plan, *a);
    if (HasFailure()) break;
    items_done += n;
  }
}


// Each explanation and note wholly in its language (issue 17): under every preset, on a
// plan touching utilities, roads, roof and an elevator, the Chinese has no Latin letter
// once rule IDs (data) are taken out, and the English no Chinese once citations (the
// documents' titles, proper names, in [...]) are taken out.
std::string Without(std::string text, std::string_view open, std::string_view close) {
  for (std::size_t at; (at = text.find(open)) != std::string::npos;) {
    const std::size_t end = text.find(close, at);
    text.erase(at, end == std::string::npos ? std::string::npos : end + close.size() - at);
  }
  return text;
}

TEST(ExplainTest, EachWhollyInItsLanguage) {
  CostItem lift = Item("E", Facility::kElevator, Y(400'000), TagBit(CostTag::kElevator));
  lift.elevators = 1;
  const CostPlan plan = PlanOf(
      {Item("W", Facility::kWater, Y(100'000), TagBit(CostTag::kPipelineRelocation),
            AssetOwner::kUtility),
       Item("G", Facility::kGas, Y(50'000)),
       Item("R", Facility::kRoads, Y(30'000), TagBit(CostTag::kRoadRestoration)),
       Item("F", Facility::kRoof, Y(20'000)), lift},
      8);
  for (std::string_view name : FundingPresetNames()) {
    const FundingPolicy p = *FundingPreset(name);
    const FundingAllocation a = AllocateChecked(p, plan);
    std::vector<std::pair<std::string, std::string>> texts;
    for (const FundingShare& s : a.shares) texts.emplace_back(ExplainShareZh(s, p), ExplainShareEn(s, p));
    for (std::size_t k = 0; k < a.notes_zh.size(); ++k) texts.emplace_back(a.notes_zh[k], a.notes_en[k]);
    for (auto [zh, en] : texts) {
      for (const FundingRule& r : p.rules) {
        for (std::size_t at; (at = zh.find(r.id)) != std::string::npos;) zh.erase(at, r.id.size());
      }
      zh = Without(zh, "〔", "〕");
      for (char c : zh) EXPECT_FALSE((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) << name << ": " << zh;
      en = Without(en, " [", "]");
      for (std::size_t i = 0; i < en.size(); ++i) {
        // ASCII, or the ellipsis of an inexact percentage.
        if (static_cast<unsigned char>(en[i]) < 0x80) continue;
        EXPECT_EQ(en.substr(i, 3), "…") << name << ": " << en;
        i += 2;
      }
    }
  }
}

}  // namespace
}  // namespace renewal
