// The seed presets. Each rule cites the passage it encodes.
#include <array>
#include <string_view>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/funding/funding.h"

namespace renewal {
namespace {

constexpr std::string_view kHengyangSeed = "《湖南省城镇老旧小区改造“解难题、建机制”可复制经验做法清单（第一批）》（湘建城函〔2021〕161号）";
constexpr std::string_view kFujianSeed = "《城镇老旧小区改造可复制政策机制清单（第四批）》";
constexpr std::string_view kYueyangSeed = "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》";
constexpr std::string_view kSeed003 = "《关于城镇老旧小区改造工作专题调研报告》";
constexpr std::string_view kSeed004 = "《关于加快推进全省城镇老旧小区改造工作的指导意见》（浙江省住房和城乡建设厅、发展和改革委员会、财政厅）";

RuleTarget To(FundingSource s, Ratio share = Ratio::Whole()) { return {Payer::Of(s), share}; }
RuleTarget ToItemUtility(Ratio share = Ratio::Whole()) { return {Payer::ItemUtility(), share}; }

FundingRule Percent(std::string id, std::string description, std::string seed, ItemMatch match,
                    std::vector<RuleTarget> targets, FundingBasis basis = FundingBasis::kCost) {
  FundingRule r;
  r.id = std::move(id);
  r.description = std::move(description);
  r.seed = std::move(seed);
  r.match = match;
  r.kind = FundingRuleKind::kPercent;
  r.targets = std::move(targets);
  r.basis = basis;
  return r;
}

FundingRule Fixed(std::string id, std::string description, std::string seed, ItemMatch match,
                  FundingSource to, Money amount, PerUnit per) {
  FundingRule r;
  r.id = std::move(id);
  r.description = std::move(description);
  r.seed = std::move(seed);
  r.match = match;
  r.kind = FundingRuleKind::kFixed;
  r.targets = {To(to)};
  r.amount = amount;
  r.per = per;
  return r;
}

Money Yuan(std::int64_t y) { return Money::Fen(y * 100); }

}  // namespace

FundingPolicy National2020Policy(const National2020Shares& s) {
  const std::string seed = StrCat(kSeed004, " 二(三)1; 国办发〔2020〕23号");
  FundingPolicy p;
  p.name = "national_2020";
  p.description = "基础类政府重点支持，完善类政府适当支持，提升类以市场化运作为主（份额为可调参数）";
  p.rules.push_back(Percent("national_2020.basic", "基础类：政府重点支持", seed,
                            ItemMatch{.categories = MaskOf({Category::kBasic})},
                            {To(s.government, s.basic_government)}, FundingBasis::kRemaining));
  p.rules.push_back(Percent("national_2020.improvement", "完善类：政府适当支持", seed,
                            ItemMatch{.categories = MaskOf({Category::kImprovement})},
                            {To(s.government, s.improvement_government)}, FundingBasis::kRemaining));
  p.rules.push_back(Percent("national_2020.enhancement", "提升类：以市场化运作为主", seed,
                            ItemMatch{.categories = MaskOf({Category::kEnhancement})},
                            {To(s.market, s.enhancement_market)}, FundingBasis::kRemaining));
  p.residual = s.residual;
  return p;
}

FundingPolicy YueyangPolicy() {
  FundingPolicy p;
  p.name = "yueyang";
  p.description = "岳阳市城区：管线单位承担迁改、区财政以奖代补20%；路面开挖恢复区财政承担；"
                  "市财政按区财政投入（不含加装电梯）的50%奖补";
  const ItemMatch pipeline{.tags_any = TagBit(CostTag::kPipelineRelocation)};
  p.rules.push_back(Percent("yueyang.pipeline_district_award", "管线迁改费用区财政以奖代补20%",
                            StrCat(kYueyangSeed, " 六、(二)"), pipeline,
                            {To(FundingSource::kDistrict, Ratio::Percent(20))}));
  p.rules.push_back(Percent("yueyang.pipeline_units", "管线迁改费用由各管线单位分摊承担",
                            StrCat(kYueyangSeed, " 六、(二)"), pipeline, {ToItemUtility()},
                            FundingBasis::kRemaining));
  p.rules.push_back(Percent("yueyang.road_restoration",
                            "管线施工涉及的路面开挖、恢复工程建设费用由区财政承担",
                            StrCat(kYueyangSeed, " 六、(二)"),
                            ItemMatch{.tags_any = TagBit(CostTag::kRoadRestoration)},
                            {To(FundingSource::kDistrict)}, FundingBasis::kRemaining));
  // 区财政负责安排专项资金: the district carries the rest (residual), then the city
  // reimburses half of the district's investment, elevators excluded.
  p.residual = FundingSource::kDistrict;
  FundingRule award = Percent("yueyang.city_award", "市财政按区财政投入（不包括加装电梯投入）的50%奖补",
                              StrCat(kYueyangSeed, " 六、(一)"),
                              ItemMatch{.facilities = 0, .tags_none = TagBit(CostTag::kElevator)},
                              {To(FundingSource::kCity, Ratio::Percent(50))},
                              FundingBasis::kSourceShare);
  award.match.facilities = ~MaskOf({Facility::kElevator}) & ((1u << kFacilityCount) - 1);
  award.of = FundingSource::kDistrict;
  award.mode = DerivedMode::kTransfer;
  award.after_residual = true;
  p.rules.push_back(award);
  return p;
}

FundingPolicy FujianPolicy() {
  FundingPolicy p;
  p.name = "fujian";
  p.description = "福建省：明确电力、通讯、供水、排水、供气等专业经营单位出资责任";
  const std::string seed = StrCat(kFujianSeed, " 六、水电气热信等管线单位出资责任不明确");
  p.rules.push_back(Percent(
      "fujian.trench_civil", "电力、通讯、有线电视的管沟、站房及箱柜设施土建部分由地方财政承担", seed,
      ItemMatch{.facilities = MaskOf({Facility::kPower, Facility::kWeakCurrent}),
                .tags_any = TagBit(CostTag::kTrenchCivil)},
      {To(FundingSource::kLocalFinance)}));
  p.rules.push_back(Percent("fujian.water_gas", "供水、燃气改造费用由相关企业承担", seed,
                            ItemMatch{.facilities = MaskOf({Facility::kWater, Facility::kGas}),
                                      .tags_none = TagBit(CostTag::kTrenchCivil)},
                            {ToItemUtility()}, FundingBasis::kRemaining));
  p.rules.push_back(Percent(
      "fujian.telecom_cable_relocation", "通讯、广电网络缆线迁改、规整费用：企业65%，地方财政35%",
      seed,
      ItemMatch{.facilities = MaskOf({Facility::kWeakCurrent}),
                .tags_any = TagBit(CostTag::kPipelineRelocation),
                .tags_none = TagBit(CostTag::kTrenchCivil)},
      {ToItemUtility(Ratio::Percent(65)), To(FundingSource::kLocalFinance, Ratio::Percent(35))}));
  const ItemMatch power{.facilities = MaskOf({Facility::kPower}),
                        .tags_none = TagBit(CostTag::kTrenchCivil)};
  ItemMatch utility_owned = power;
  utility_owned.owners = MaskOf({AssetOwner::kUtility});
  p.rules.push_back(Percent("fujian.power_utility_owned", "产权归属供电企业的，由供电企业承担", seed,
                            utility_owned, {To(FundingSource::kPowerUtility)}));
  ItemMatch unit_owned = power;
  unit_owned.owners = MaskOf({AssetOwner::kPropertyUnit});
  p.rules.push_back(Percent("fujian.power_unit_owned", "产权归属产权单位的，由产权单位承担", seed,
                            unit_owned, {To(FundingSource::kPropertyUnit)}));
  ItemMatch common = power;
  common.owners = MaskOf({AssetOwner::kOwnersInCommon});
  p.rules.push_back(Percent(
      "fujian.power_owners_common", "产权归属小区居民业主共有的（含一户一表），政府、供电企业各承担50%",
      seed, common,
      {To(FundingSource::kLocalFinance, Ratio::Percent(50)),
       To(FundingSource::kPowerUtility, Ratio::Percent(50))}));
  // "一户一表" is named as owners' common property even where the owner is not stated.
  ItemMatch meter{.facilities = MaskOf({Facility::kPower}),
                  .tags_any = TagBit(CostTag::kOneMeterPerHousehold),
                  .tags_none = TagBit(CostTag::kTrenchCivil)};
  meter.owners = MaskOf({AssetOwner::kUnknown});
  p.rules.push_back(Percent("fujian.one_meter_per_household", "“一户一表”改造费用，政府、供电企业各承担50%",
                            seed, meter,
                            {To(FundingSource::kLocalFinance, Ratio::Percent(50)),
                             To(FundingSource::kPowerUtility, Ratio::Percent(50))}));
  p.residual = FundingSource::kLocalFinance;
  return p;
}

FundingPolicy HengyangPolicy() {
  FundingPolicy p;
  p.name = "hengyang";
  p.description = "衡阳市：供水、燃气和弱电改造项目，各按每改造一个社区给予10万元项目资金补助";
  p.rules.push_back(Fixed(
      "hengyang.utility_subsidy", "对供水、燃气和弱电改造项目，各按每改造一个社区给予10万元",
      StrCat(kHengyangSeed, " 序号3 资金筹措难（衡阳）"),
      ItemMatch{.facilities = MaskOf({Facility::kWater, Facility::kGas, Facility::kWeakCurrent})},
      FundingSource::kCity, Yuan(100'000), PerUnit::kFacility));
  p.residual = FundingSource::kDistrict;
  return p;
}

FundingPolicy Household6000Policy() {
  FundingPolicy p;
  p.name = "household_6000";
  p.description = "市本级按6000元/户标准补贴，区财政不低于市级补助标准配套";
  const std::string seed = StrCat(kSeed003, " 三、(四)");
  p.rules.push_back(Fixed("household_6000.city", "市本级按6000元/户标准补贴", seed, ItemMatch{},
                          FundingSource::kCity, Yuan(6000), PerUnit::kHousehold));
  FundingRule match = Percent("household_6000.district_match", "区财政不低于市级补助标准配套兜底",
                              seed, ItemMatch{}, {To(FundingSource::kDistrict)},
                              FundingBasis::kSourceShare);
  match.of = FundingSource::kCity;
  match.mode = DerivedMode::kAdd;
  p.rules.push_back(match);
  p.residual = FundingSource::kResidentsDirect;
  return p;
}

FundingPolicy Elevator100kPolicy() {
  FundingPolicy p;
  p.name = "elevator_100k";
  p.description = "对加装电梯每台补贴10万元";
  p.rules.push_back(Fixed("elevator_100k.subsidy", "对加装电梯每台补贴10万元",
                          StrCat(kSeed003, " 三、(三)"),
                          ItemMatch{.tags_any = TagBit(CostTag::kElevator)}, FundingSource::kCity,
                          Yuan(100'000), PerUnit::kElevator));
  p.residual = FundingSource::kResidentsDirect;
  return p;
}

FundingPolicy NingboFundSubsidyPolicy() {
  FundingPolicy p;
  p.name = "ningbo_fund_subsidy";
  p.description = "宁波市：维修资金即交即用，市、区两级财政按居民改造中使用住宅专项维修资金金额的50%给予补贴";
  // The seed does not say how the 50% divides between city and district: equal
  // halves (25% + 25%) by assumption, documented in docs/funding.md.
  FundingRule r = Percent("ningbo.fund_subsidy",
                          "市、区两级财政按居民改造中使用住宅专项维修资金金额的50%给予补贴",
                          StrCat(kFujianSeed, " 五、未同步建立…维修资金（宁波）"), ItemMatch{},
                          {To(FundingSource::kCity, Ratio::Percent(25)),
                           To(FundingSource::kDistrict, Ratio::Percent(25))},
                          FundingBasis::kSourceShare);
  r.of = FundingSource::kMaintenanceFund;
  r.mode = DerivedMode::kTransfer;
  r.after_residual = true;
  p.rules.push_back(r);
  // Residents pay their contribution from the maintenance fund 即交即用.
  p.residual = FundingSource::kMaintenanceFund;
  return p;
}

namespace {
constexpr std::array<std::string_view, 7> kPresetNames = {
    "national_2020", "yueyang", "fujian", "hengyang", "household_6000", "elevator_100k",
    "ningbo_fund_subsidy"};

absl::StatusOr<FundingPolicy> OnePreset(std::string_view name) {
  if (name == "national_2020") return National2020Policy();
  if (name == "yueyang") return YueyangPolicy();
  if (name == "fujian") return FujianPolicy();
  if (name == "hengyang") return HengyangPolicy();
  if (name == "household_6000") return Household6000Policy();
  if (name == "elevator_100k") return Elevator100kPolicy();
  if (name == "ningbo_fund_subsidy") return NingboFundSubsidyPolicy();
  std::string known;
  for (std::string_view n : kPresetNames) known += StrCat(known.empty() ? "" : ", ", n);
  return absl::NotFoundError(StrCat("policy: no preset named \"", name, "\" (known: ", known, ")"));
}
}  // namespace

std::span<const std::string_view> FundingPresetNames() { return kPresetNames; }

absl::StatusOr<FundingPolicy> FundingPreset(std::string_view name) {
  // "a+b+c": a on top of (b on top of c).
  const std::size_t plus = name.find('+');
  if (plus == std::string_view::npos) return OnePreset(name);
  RENEWAL_ASSIGN_OR_RETURN(FundingPolicy top, OnePreset(name.substr(0, plus)));
  RENEWAL_ASSIGN_OR_RETURN(FundingPolicy rest, FundingPreset(name.substr(plus + 1)));
  return ComposePolicies(top, rest);
}

}  // namespace renewal
