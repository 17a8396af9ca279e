// Eligibility rules, each checked on both sides of its boundary with values
// worked out by hand from the seed text cited next to the test.
#include "renewal/eligibility/eligibility.h"

#include <cmath>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr int kYear = 2024;  // evaluation year used throughout

// An estate that passes every rule of every preset.
EstateFacts CleanFacts() {
  EstateFacts f;
  f.build_year = 1995;
  for (auto& c : f.facilities) c = Condition::kGood;
  f.facilities[static_cast<std::size_t>(Facility::kDrainage)] = Condition::kPoor;
  f.illegal_structures = IllegalStructures::kNone;
  f.owners_committee = true;
  f.self_governance_group = false;
  f.willingness_pct = 90;
  f.in_shantytown_plan = false;
  f.demolition_plan_year = kNever;
  f.last_renovation_year = kNever;
  f.urban_village = false;
  f.mostly_self_built = false;
  f.consent_remove_illegal = true;
  f.consent_property_management = true;
  f.consent_fund_top_up = true;
  f.consent_entrust_public_resources = true;
  return f;
}

EligibilityRule RuleOf(RuleKind kind) {
  EligibilityRule r;
  r.id = "r";
  r.kind = kind;
  return r;
}

Policy MustPreset(std::string_view name) {
  absl::StatusOr<Policy> p = PresetPolicy(name);
  EXPECT_TRUE(p.ok()) << p.status();
  return p.ok() ? *p : Policy{};
}

// --- built no later than ------------------------------------------------------

// National: "2000年底前建成"; Yueyang 三、(一) "2000年（含）以前": 2000 is in, 2001 out.
TEST(BuiltNoLaterThan, BoundaryIsInclusive) {
  EligibilityRule r = RuleOf(RuleKind::kBuiltNoLaterThan);
  r.year = 2000;
  EstateFacts f;
  f.build_year = 2000;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.build_year = 2001;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.build_year = 1975;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.build_year.reset();
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);
}

TEST(BuiltNoLaterThan, ExplainsValues) {
  EligibilityRule r = RuleOf(RuleKind::kBuiltNoLaterThan);
  r.year = 2000;
  EstateFacts f;
  f.build_year = 2001;
  RuleResult res = ExplainRule(r, f, kYear);
  EXPECT_EQ(res.outcome, RuleOutcome::kFail);
  EXPECT_EQ(res.actual, "2001");
  EXPECT_EQ(res.expected, "<= 2000");
  f.build_year.reset();
  res = ExplainRule(r, f, kYear);
  EXPECT_EQ(res.actual, "not surveyed");
}

// --- flags ---------------------------------------------------------------------

TEST(Flag, EveryFlagBothWaysAndUnknown) {
  for (const Label<EstateFlag>& l : Labels<EstateFlag>()) {
    SCOPED_TRACE(std::string(l.key));
    EligibilityRule r = RuleOf(RuleKind::kFlag);
    r.flag = l.value;
    EstateFacts f;
    EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);  // not surveyed never passes
    EstateFacts yes = f, no = f;
    // Set the flag through the same accessor the rule reads.
    const auto set = [&](EstateFacts& g, bool v) {
      switch (l.value) {
        case EstateFlag::kInShantytownPlan: g.in_shantytown_plan = v; break;
        case EstateFlag::kUrbanVillage: g.urban_village = v; break;
        case EstateFlag::kMostlySelfBuilt: g.mostly_self_built = v; break;
        case EstateFlag::kConsentRemoveIllegal: g.consent_remove_illegal = v; break;
        case EstateFlag::kConsentPropertyManagement: g.consent_property_management = v; break;
        case EstateFlag::kConsentFundTopUp: g.consent_fund_top_up = v; break;
        case EstateFlag::kConsentEntrustPublicResources:
          g.consent_entrust_public_resources = v;
          break;
        case EstateFlag::kOwnersCommittee: g.owners_committee = v; break;
        case EstateFlag::kSelfGovernanceGroup: g.self_governance_group = v; break;
        case EstateFlag::kHasElevator: g.has_elevator = v; break;
      }
    };
    set(yes, true);
    set(no, false);
    EXPECT_EQ(FlagValue(yes, l.value), true);
    EXPECT_EQ(FlagValue(no, l.value), false);
    r.required = false;
    EXPECT_EQ(EvaluateRule(r, no, kYear), RuleOutcome::kPass);
    EXPECT_EQ(EvaluateRule(r, yes, kYear), RuleOutcome::kFail);
    r.required = true;
    EXPECT_EQ(EvaluateRule(r, yes, kYear), RuleOutcome::kPass);
    EXPECT_EQ(EvaluateRule(r, no, kYear), RuleOutcome::kFail);
  }
}

// --- demolition plan ----------------------------------------------------------

// National exclusion "拟通过拆除新建实施改造": any plan excludes.
TEST(NoDemolitionPlan, AnyPlanFails) {
  EligibilityRule r = RuleOf(RuleKind::kNoDemolitionPlan);
  r.years = 0;
  EstateFacts f;
  f.demolition_plan_year = kNever;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.demolition_plan_year = 2060;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.demolition_plan_year.reset();
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);
}

// Yueyang 三、(三) "未纳入今后5年规划征迁改造范围": evaluated in 2024 the next 5 years
// are 2024..2028; a plan for 2029 is outside, 2028 inside; overdue plans count.
TEST(NoDemolitionPlan, WithinNextFiveYears) {
  EligibilityRule r = RuleOf(RuleKind::kNoDemolitionPlan);
  r.years = 5;
  EstateFacts f;
  f.demolition_plan_year = 2028;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.demolition_plan_year = 2029;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.demolition_plan_year = 2024;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.demolition_plan_year = 2020;  // overdue, still planned
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.demolition_plan_year = kNever;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  RuleResult res = ExplainRule(r, f, kYear);
  EXPECT_EQ(res.actual, "none");
  EXPECT_EQ(res.expected, "none or >= 2029");
}

// --- renovation -----------------------------------------------------------------

// Yueyang 三、(三) "近5年未实施综合改造": evaluated in 2024 the last 5 years are
// 2020..2024, so a renovation in 2019 (exactly 5 years before) passes, 2020 fails.
TEST(NoRecentRenovation, LastFiveYears) {
  EligibilityRule r = RuleOf(RuleKind::kNoRecentRenovation);
  r.years = 5;
  EstateFacts f;
  f.last_renovation_year = 2019;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.last_renovation_year = 2020;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.last_renovation_year = 2024;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.last_renovation_year = kNever;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.last_renovation_year.reset();
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);
}

// The evaluation year is an input: the same estate, renovated in 2019, is
// inside the window in 2023 and outside it in 2024.
TEST(NoRecentRenovation, EvaluationYearIsAnInput) {
  EligibilityRule r = RuleOf(RuleKind::kNoRecentRenovation);
  r.years = 5;
  EstateFacts f;
  f.last_renovation_year = 2019;
  EXPECT_EQ(EvaluateRule(r, f, 2023), RuleOutcome::kFail);
  EXPECT_EQ(EvaluateRule(r, f, 2024), RuleOutcome::kPass);
  EXPECT_EQ(ExplainRule(r, f, 2023).expected, "never or <= 2018");
}

// --- illegal structures -----------------------------------------------------------

// Yueyang 三、(四) "违章建筑拆除情况较好": none or largely removed pass.
TEST(IllegalStructuresAtMost, LargelyRemovedIsTheBoundary) {
  EligibilityRule r = RuleOf(RuleKind::kIllegalStructuresAtMost);
  r.max_illegal = IllegalStructures::kLargelyRemoved;
  EstateFacts f;
  f.illegal_structures = IllegalStructures::kNone;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.illegal_structures = IllegalStructures::kLargelyRemoved;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.illegal_structures = IllegalStructures::kPartlyRemoved;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.illegal_structures = IllegalStructures::kWidespread;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.illegal_structures = IllegalStructures::kUnknown;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);
  f.illegal_structures = IllegalStructures::kPartlyRemoved;
  RuleResult res = ExplainRule(r, f, kYear);
  EXPECT_EQ(res.actual, "partly_removed");
  EXPECT_EQ(res.expected, "none or largely_removed");
}

// --- self-governance ----------------------------------------------------------------

// Yueyang 三、(五) "已产生小区业主委员会或自治小组": either one suffices; both
// known false fails; a false with the other unknown cannot be decided.
TEST(SelfGovernance, EitherBodySuffices) {
  const EligibilityRule r = RuleOf(RuleKind::kSelfGovernance);
  EstateFacts f;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);
  f.owners_committee = true;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.owners_committee.reset();
  f.self_governance_group = true;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.owners_committee = false;
  f.self_governance_group = false;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.self_governance_group.reset();
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);
  f.owners_committee = false;
  f.self_governance_group = true;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
}

// --- willingness ------------------------------------------------------------------

// "以上" includes the boundary: 80% of households passes a ≥ 80% rule, 79.99% fails.
TEST(WillingnessAtLeast, EightyPercentInclusive) {
  EligibilityRule r = RuleOf(RuleKind::kWillingnessAtLeast);
  r.share_num = 80;
  r.share_den = 100;
  EstateFacts f;
  f.willingness_pct = 80.0;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.willingness_pct = 79.99;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.willingness_pct = 100;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.willingness_pct = 0;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.willingness_pct.reset();
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);
}

// 2/3 (the Yueyang preset's threshold) is not a double: 66.67% is above it,
// 66.66% below; the comparison is exact, so no epsilon decides.
TEST(WillingnessAtLeast, TwoThirdsExact) {
  EligibilityRule r = RuleOf(RuleKind::kWillingnessAtLeast);
  r.share_num = 2;
  r.share_den = 3;
  EstateFacts f;
  f.willingness_pct = 66.67;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.willingness_pct = 66.66;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  // The double nearest 200/3 is 66.666666666666671404...: above 2/3, so it passes;
  // its predecessor 66.666666666666657193... is below.
  f.willingness_pct = 200.0 / 3.0;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.willingness_pct = std::nextafter(200.0 / 3.0, 0.0);
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  EXPECT_EQ(ExplainRule(r, f, kYear).expected, ">= 2/3 (66.67%)");
}

// 30% of households: 0.1 * 3 * 100 is the double 30.000000000000004 (above 3/10)
// and 29.999999999999996 is below.
TEST(WillingnessAtLeast, NoRoundingTolerance) {
  EligibilityRule r = RuleOf(RuleKind::kWillingnessAtLeast);
  r.share_num = 3;
  r.share_den = 10;
  EstateFacts f;
  f.willingness_pct = 30.0;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  f.willingness_pct = std::nextafter(30.0, 0.0);
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.willingness_pct = 1e-300;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  r.share_num = 0;  // a zero threshold passes any surveyed value, even 0
  f.willingness_pct = 0;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
}

// --- basic facilities -----------------------------------------------------------------

// Seed 002 三、(二) "基础设施和功能明显不足": at least one basic-category facility
// (国办发〔2020〕23号: water, drainage, power, gas, roof, ...) poor or missing.
TEST(BasicFacilitiesDeficient, Cases) {
  const EligibilityRule r = RuleOf(RuleKind::kBasicFacilitiesDeficient);
  EstateFacts f;
  for (auto& c : f.facilities) c = Condition::kGood;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.facilities[static_cast<std::size_t>(Facility::kRoof)] = Condition::kFair;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);  // fair is not deficient
  // Parking is an improvement item, not basic.
  f.facilities[static_cast<std::size_t>(Facility::kParking)] = Condition::kMissing;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kFail);
  f.facilities[static_cast<std::size_t>(Facility::kGas)] = Condition::kUnknown;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kUnknown);
  EXPECT_THAT(ExplainRule(r, f, kYear).actual, HasSubstr("not surveyed: gas"));
  f.facilities[static_cast<std::size_t>(Facility::kWater)] = Condition::kPoor;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);  // one known deficiency decides
  f.facilities[static_cast<std::size_t>(Facility::kWater)] = Condition::kGood;
  f.facilities[static_cast<std::size_t>(Facility::kRoof)] = Condition::kMissing;
  EXPECT_EQ(EvaluateRule(r, f, kYear), RuleOutcome::kPass);
  EXPECT_EQ(ExplainRule(r, f, kYear).actual, "poor or missing: roof missing");
}

// --- combining ------------------------------------------------------------------------

TEST(Combine, FailBeatsUnknownBeatsPass) {
  using O = RuleOutcome;
  EXPECT_EQ(Combine(std::vector<O>{O::kPass, O::kPass}), Eligibility::kEligible);
  EXPECT_EQ(Combine(std::vector<O>{O::kPass, O::kUnknown}), Eligibility::kUndetermined);
  EXPECT_EQ(Combine(std::vector<O>{O::kUnknown, O::kFail}), Eligibility::kIneligible);
  EXPECT_EQ(Combine(std::vector<O>{}), Eligibility::kEligible);
}

// --- presets -------------------------------------------------------------------------

TEST(Presets, NamesAndRuleIds) {
  EXPECT_THAT(PresetPolicyNames(), ElementsAre("national_2020", "yueyang", "xiangtan_competitive"));
  const auto ids = [](const Policy& p) {
    std::vector<std::string> out;
    for (const EligibilityRule& r : p.rules) out.push_back(r.id);
    return out;
  };
  EXPECT_THAT(ids(MustPreset("national_2020")),
              ElementsAre("built_by_2000", "not_in_shantytown_plan", "no_demolition_plan",
                          "not_urban_village", "not_mostly_self_built"));
  EXPECT_THAT(ids(MustPreset("yueyang")),
              ElementsAre("built_by_2000", "not_in_shantytown_plan", "no_demolition_plan",
                          "not_urban_village", "not_mostly_self_built", "no_renovation_5y",
                          "no_demolition_5y", "illegal_structures_removed",
                          "owners_committee_or_group", "basic_facilities_deficient",
                          "willingness_2_3"));
  EXPECT_THAT(ids(MustPreset("xiangtan_competitive")),
              ElementsAre("built_by_2000", "consent_remove_illegal", "consent_property_management",
                          "consent_fund_top_up", "consent_entrust_public_resources"));
  absl::StatusOr<Policy> bad = PresetPolicy("beijing");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(bad.status().message(), HasSubstr("\"beijing\""));
}

TEST(Presets, CleanEstatePassesEveryPreset) {
  for (std::string_view name : PresetPolicyNames()) {
    SCOPED_TRACE(std::string(name));
    const EstateScreening s = ScreenEstate(MustPreset(name), CleanFacts(), kYear);
    EXPECT_EQ(s.status, Eligibility::kEligible);
    for (const RuleResult& r : s.rules) EXPECT_EQ(r.outcome, RuleOutcome::kPass) << r.actual;
  }
}

// Missing data never passes: an estate with nothing surveyed gets unknown for
// every rule of every preset, so it is undetermined, never eligible.
TEST(Presets, NothingSurveyedIsUndetermined) {
  for (std::string_view name : PresetPolicyNames()) {
    SCOPED_TRACE(std::string(name));
    const EstateScreening s = ScreenEstate(MustPreset(name), EstateFacts{}, kYear);
    EXPECT_EQ(s.status, Eligibility::kUndetermined);
    for (const RuleResult& r : s.rules) EXPECT_EQ(r.outcome, RuleOutcome::kUnknown);
  }
}

// Yueyang on hand-made estates: each breaks exactly one condition of seed 002 三.
TEST(Presets, YueyangEachConditionExcludes) {
  const Policy p = MustPreset("yueyang");
  struct Case {
    const char* what;
    void (*change)(EstateFacts&);
    const char* failing_rule;
  };
  const Case cases[] = {
      {"built 2001", [](EstateFacts& f) { f.build_year = 2001; }, "built_by_2000"},
      {"shantytown", [](EstateFacts& f) { f.in_shantytown_plan = true; }, "not_in_shantytown_plan"},
      {"urban village", [](EstateFacts& f) { f.urban_village = true; }, "not_urban_village"},
      {"self-built", [](EstateFacts& f) { f.mostly_self_built = true; }, "not_mostly_self_built"},
      {"renovated 2021", [](EstateFacts& f) { f.last_renovation_year = 2021; }, "no_renovation_5y"},
      {"partly removed", [](EstateFacts& f) { f.illegal_structures = IllegalStructures::kPartlyRemoved; },
       "illegal_structures_removed"},
      {"no committee",
       [](EstateFacts& f) {
         f.owners_committee = false;
         f.self_governance_group = false;
       },
       "owners_committee_or_group"},
      {"facilities fine",
       [](EstateFacts& f) { f.facilities[static_cast<std::size_t>(Facility::kDrainage)] = Condition::kFair; },
       "basic_facilities_deficient"},
      {"willingness 60%", [](EstateFacts& f) { f.willingness_pct = 60; }, "willingness_2_3"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EstateFacts f = CleanFacts();
    c.change(f);
    const EstateScreening s = ScreenEstate(p, f, kYear);
    EXPECT_EQ(s.status, Eligibility::kIneligible);
    for (std::size_t i = 0; i < p.rules.size(); ++i) {
      EXPECT_EQ(s.rules[i].outcome == RuleOutcome::kFail, p.rules[i].id == c.failing_rule)
          << p.rules[i].id;
    }
  }
  // A demolition plan for 2027 fails both the national and the 5-year rule.
  EstateFacts f = CleanFacts();
  f.demolition_plan_year = 2027;
  const EstateScreening s = ScreenEstate(p, f, kYear);
  EXPECT_EQ(s.rules[2].outcome, RuleOutcome::kFail);
  EXPECT_EQ(s.rules[6].outcome, RuleOutcome::kFail);
}

// Xiangtan (seed 000 item 1 三): each of the four consents is required.
TEST(Presets, XiangtanConsents) {
  const Policy p = MustPreset("xiangtan_competitive");
  EstateFacts f = CleanFacts();
  f.consent_fund_top_up = false;
  EXPECT_EQ(ScreenEstate(p, f, kYear).status, Eligibility::kIneligible);
  f.consent_fund_top_up.reset();
  EXPECT_EQ(ScreenEstate(p, f, kYear).status, Eligibility::kUndetermined);
  f = CleanFacts();
  f.build_year = 2000;
  EXPECT_EQ(ScreenEstate(p, f, kYear).status, Eligibility::kEligible);
  f.build_year = 2001;
  EXPECT_EQ(ScreenEstate(p, f, kYear).status, Eligibility::kIneligible);
}

TEST(Reasons, ChineseAndEnglish) {
  const Policy p = MustPreset("yueyang");
  EstateFacts f = CleanFacts();
  f.build_year = 2001;
  f.owners_committee.reset();
  f.self_governance_group.reset();
  const EstateScreening s = ScreenEstate(p, f, kYear);
  EXPECT_EQ(ReasonZh(p.rules[0], s.rules[0]),
            "2000年（含）以前建成：实际 2001，要求 2000年或以前 → 不符合");
  EXPECT_EQ(ReasonEn(p.rules[0], s.rules[0]),
            "built in or before 2000: actual 2001, required in or before 2000 → fail");
  EXPECT_EQ(ReasonZh(p.rules[8], s.rules[8]),
            "已产生小区业主委员会或自治小组：实际 业主委员会 未调查，自治小组 未调查，"
            "要求 二者有其一 → 数据缺失");
  EXPECT_EQ(ReasonEn(p.rules[8], s.rules[8]),
            "an owners' committee or self-governance group exists: actual owners' committee "
            "not surveyed, self-governance group not surveyed, required either of them → unknown (data missing)");
  EligibilityRule unnamed = RuleOf(RuleKind::kFlag);
  unnamed.flag = EstateFlag::kUrbanVillage;
  EXPECT_EQ(ReasonZh(unnamed, ExplainRule(unnamed, EstateFacts{}, kYear)),
            "城中村：实际 未调查，要求 否 → 数据缺失");
}

// Each reason wholly in its language (issue 17: "实际 partly_removed，要求 never or <=
// 2021" mixed them): no Latin letter in the Chinese text, no Chinese in the English,
// for every rule of every preset on clean, unsurveyed and failing facts.
bool HasLatinLetter(const std::string& s) {
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}
bool HasNonAscii(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

TEST(Reasons, EachWhollyInItsLanguage) {
  EstateFacts failing = CleanFacts();
  failing.illegal_structures = IllegalStructures::kPartlyRemoved;
  failing.last_renovation_year = 2022;
  failing.demolition_plan_year = 2027;
  failing.facilities.fill(Condition::kGood);
  for (const char* name : {"national_2020", "yueyang", "xiangtan_competitive"}) {
    const Policy p = MustPreset(name);
    for (const EstateFacts& f : {CleanFacts(), EstateFacts{}, failing}) {
      const EstateScreening s = ScreenEstate(p, f, kYear);
      for (std::size_t k = 0; k < p.rules.size(); ++k) {
        const std::string zh = ReasonZh(p.rules[k], s.rules[k]);
        const std::string en = ReasonEn(p.rules[k], s.rules[k]);
        EXPECT_FALSE(HasLatinLetter(zh)) << name << ": " << zh;
        EXPECT_FALSE(HasNonAscii(en.substr(0, en.rfind(" → ")))) << name << ": " << en;
      }
    }
  }
  // The example: partly removed against "none or largely removed".
  EligibilityRule r = RuleOf(RuleKind::kIllegalStructuresAtMost);
  r.max_illegal = IllegalStructures::kLargelyRemoved;
  const RuleResult res = ExplainRule(r, failing, kYear);
  EXPECT_EQ(res.actual_zh, "部分拆除");
  EXPECT_EQ(res.expected_zh, "无违章建筑或基本拆除");
  EXPECT_EQ(res.actual_en, "partly removed");
  EXPECT_EQ(res.expected_en, "none or largely removed");
  // 近5年未实施综合改造 in 2026: a renovation in 2021 or before passes.
  EligibilityRule recent = RuleOf(RuleKind::kNoRecentRenovation);
  recent.years = 5;
  EXPECT_EQ(ExplainRule(recent, failing, 2026).expected_zh, "未改造过或2021年或以前");
  EXPECT_EQ(ExplainRule(recent, failing, 2026).expected_en,
            "never renovated, or in or before 2021");
}

// --- whole registry ---------------------------------------------------------------

Registry ThreeEstates() {
  RegistryBuilder b(2024);
  EXPECT_TRUE(b.AddDistrict({"D1", "一区"}).ok());
  EXPECT_TRUE(b.AddOwner("O1", "张三", OwnerKind::kPerson).ok());
  const std::string_view owners[] = {"O1"};
  for (int i = 0; i < 3; ++i) {
    Estate e;
    e.id = "E" + std::to_string(i);
    e.name = "小区";
    e.facts = CleanFacts();
    if (i == 1) e.facts.build_year = 2003;   // ineligible
    if (i == 2) e.facts.urban_village.reset();  // undetermined
    EXPECT_TRUE(b.BeginEstate(e, "D1", "").ok());
    Building bd;
    bd.id = e.id + "-B1";
    EXPECT_TRUE(b.AddBuilding(bd).ok());
    EXPECT_TRUE(b.AddEntrance("1").ok());
    DwellingRecord d;
    const std::string id = e.id + "-101";
    d.id = id;
    d.area_centi = 6000;
    d.owner_ids = owners;
    EXPECT_TRUE(b.AddDwelling(d).ok());
    EXPECT_TRUE(b.EndEstate().ok());
  }
  absl::StatusOr<Registry> r = std::move(b).Finish();
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

TEST(ScreenRegistry, ColumnarOutcomesAndCounts) {
  const Registry reg = ThreeEstates();
  const Policy p = MustPreset("national_2020");
  const ScreeningResult s = ScreenRegistry(reg, p, kYear);
  ASSERT_EQ(s.estate_count(), 3u);
  EXPECT_EQ(s.rule_count, 5u);
  EXPECT_THAT(s.status, ElementsAre(Eligibility::kEligible, Eligibility::kIneligible,
                                    Eligibility::kUndetermined));
  EXPECT_EQ(s.outcome(1, 0), RuleOutcome::kFail);
  EXPECT_EQ(s.outcome(2, 3), RuleOutcome::kUnknown);
  EXPECT_EQ(s.outcome(0, 4), RuleOutcome::kPass);
  EXPECT_EQ(s.eligible, 1u);
  EXPECT_EQ(s.ineligible, 1u);
  EXPECT_EQ(s.undetermined, 1u);
}

}  // namespace
}  // namespace renewal
