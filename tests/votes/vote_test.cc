// Owner votes: every threshold at its exact boundary, worked out by hand from the
// rule (BRIEF §4), and the counting rules of 法释〔2009〕7号 arts. 8–9.
#include "renewal/votes/vote.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "vote_testing.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const ThresholdResult& Result(const VoteOutcome& o, std::string_view name) {
  for (const ThresholdResult& t : o.tests) {
    if (t.test.name == name) return t;
  }
  static ThresholdResult none;
  ADD_FAILURE() << "no test " << name;
  return none;
}


// ---------------------------------------------------------------------------
// Fractions

TEST(FractionTest, ParsesExactly) {
  EXPECT_EQ(*ParseThreshold("2/3"), (Threshold{2, 3}));
  EXPECT_EQ(*ParseThreshold("80%"), (Threshold{80, 100}));
  EXPECT_EQ(*ParseThreshold("66.5%"), (Threshold{665, 1000}));
  EXPECT_EQ(*ParseThreshold("1"), (Threshold{1, 1}));
  for (std::string_view bad : {"4/3", "1/0", "-1/2", "abc", "", "2/3x", "101%"}) {
    auto f = ParseThreshold(bad);
    EXPECT_EQ(f.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(std::string(f.status().message()), HasSubstr("threshold")) << bad;
  }
}

TEST(FractionTest, PercentRoundsHalfUp) {
  EXPECT_EQ(VotePercent(2, 3), "66.67%");
  EXPECT_EQ(VotePercent(1, 2), "50.00%");
  EXPECT_EQ(VotePercent(1, 8), "12.50%");
  EXPECT_EQ(VotePercent(1, 3), "33.33%");
  EXPECT_EQ(VotePercent(6666, 10000), "66.66%");
  EXPECT_EQ(VotePercent(1, 1), "100.00%");
}

// ---------------------------------------------------------------------------
// civil_code_major (民法典 art. 278 (6)–(8); seed 001 珠海/成都)

// Areas 33.33 / 33.33 / 33.34 m² = 100.00 m². Two thirds of 10000 centi-m² is
// 6666.67, so participation needs 6667: D1+D3 = 66.67 m² passes, D1+D2 = 66.66
// fails. Heads 2 of 3 is exactly 2/3 and passes "三分之二以上".
TEST(CivilCodeMajorTest, ParticipationAreaBoundaryBothSides) {
  Registry r = Build(Singles({3333, 3333, 3334}));
  VoteOutcome pass = Count(r, MakeVote("civil_code_major"), {{"D1", kYes}, {"D3", kYes}});
  EXPECT_TRUE(pass.passed);
  EXPECT_EQ(Result(pass, "participation_area").numerator, 6667);
  EXPECT_EQ(Result(pass, "participation_area").denominator, 10000);
  EXPECT_EQ(Result(pass, "participation_area").minimum_to_pass, 6667);
  EXPECT_EQ(Result(pass, "participation_area").margin, 0);
  EXPECT_TRUE(Result(pass, "participation_heads").passed);  // 2/3 exactly
  EXPECT_EQ(Result(pass, "participation_heads").margin, 0);

  VoteOutcome fail = Count(r, MakeVote("civil_code_major"), {{"D1", kYes}, {"D2", kYes}});
  EXPECT_FALSE(fail.passed);
  EXPECT_FALSE(Result(fail, "participation_area").passed);
  EXPECT_EQ(Result(fail, "participation_area").numerator, 6666);
  EXPECT_EQ(Result(fail, "participation_area").margin, -1);  // 0.01 m² short
  EXPECT_TRUE(Result(fail, "participation_heads").passed);
  EXPECT_TRUE(Result(fail, "agree_area").passed);
}

// Four participants of 100.00 m²: 3 agreeing is exactly 3/4 of area and heads and
// passes. With D1 at 99.99 m², agreeing 299.99 of 399.99: 29999*4 = 119996 <
// 3*39999 = 119997, fails by 0.01 m²; heads 3/4 still pass.
TEST(CivilCodeMajorTest, AgreeThreeQuartersBoundaryBothSides) {
  const std::vector<Cast> casts = {{"D1", kYes}, {"D2", kYes}, {"D3", kYes}, {"D4", kNo}};
  Registry even = Build(Singles({10000, 10000, 10000, 10000}));
  VoteOutcome pass = Count(even, MakeVote("civil_code_major"), casts);
  EXPECT_TRUE(pass.passed);
  EXPECT_EQ(Result(pass, "agree_area").margin, 0);
  EXPECT_EQ(Result(pass, "agree_heads").numerator, 3);
  EXPECT_EQ(Result(pass, "agree_heads").denominator, 4);

  Registry uneven = Build(Singles({9999, 10000, 10000, 10000}));
  VoteOutcome fail = Count(uneven, MakeVote("civil_code_major"), casts);
  EXPECT_FALSE(fail.passed);
  EXPECT_FALSE(Result(fail, "agree_area").passed);
  EXPECT_EQ(Result(fail, "agree_area").numerator, 29999);
  EXPECT_EQ(Result(fail, "agree_area").denominator, 39999);
  EXPECT_EQ(Result(fail, "agree_area").minimum_to_pass, 30000);  // ceil(3*39999/4) = 29999.25 → 30000
  EXPECT_EQ(Result(fail, "agree_area").margin, -1);
  EXPECT_TRUE(Result(fail, "agree_heads").passed);
}

// Heads: 6 owners of equal area, 4 participate (4/6 = 2/3, passes); 3 participate
// (1/2) fails both participation tests.
TEST(CivilCodeMajorTest, ParticipationHeadsBoundary) {
  Registry r = Build(Singles({100, 100, 100, 100, 100, 100}));
  VoteOutcome pass = Count(r, MakeVote("civil_code_major"),
                       {{"D1", kYes}, {"D2", kYes}, {"D3", kYes}, {"D4", kYes}});
  EXPECT_TRUE(pass.passed);
  VoteOutcome fail = Count(r, MakeVote("civil_code_major"), {{"D1", kYes}, {"D2", kYes}, {"D3", kYes}});
  EXPECT_FALSE(Result(fail, "participation_heads").passed);
  EXPECT_EQ(Result(fail, "participation_heads").minimum_to_pass, 4);
  EXPECT_EQ(Result(fail, "participation_heads").margin, -1);
}

// ---------------------------------------------------------------------------
// civil_code_ordinary ("过半数": strict)

// 4 × 100 m², all take part. 2 agree = exactly half: fails on area (20000 is
// not > 20000; minimum 20001) and heads (2 is not > 2; minimum 3). 3 agree
// passes with 99.99 m² to spare (30000 - 20001).
TEST(CivilCodeOrdinaryTest, ExactlyHalfFails) {
  Registry r = Build(Singles({10000, 10000, 10000, 10000}));
  VoteOutcome half = Count(r, MakeVote("civil_code_ordinary"),
                       {{"D1", kYes}, {"D2", kYes}, {"D3", kNo}, {"D4", kAbst}});
  EXPECT_FALSE(half.passed);
  EXPECT_FALSE(Result(half, "agree_area").passed);
  EXPECT_EQ(Result(half, "agree_area").minimum_to_pass, 20001);
  EXPECT_EQ(Result(half, "agree_area").margin, -1);
  EXPECT_FALSE(Result(half, "agree_heads").passed);
  EXPECT_EQ(Result(half, "agree_heads").minimum_to_pass, 3);
  EXPECT_EQ(half.totals.heads_abstain, 1);
  EXPECT_EQ(half.totals.heads_participating, 4);  // abstaining is taking part

  VoteOutcome more = Count(r, MakeVote("civil_code_ordinary"),
                       {{"D1", kYes}, {"D2", kYes}, {"D3", kYes}, {"D4", kNo}});
  EXPECT_TRUE(more.passed);
  EXPECT_EQ(Result(more, "agree_area").margin, 9999);
  EXPECT_EQ(Result(more, "agree_heads").margin, 0);
}

// Area more than half but heads exactly half: D1 200.00 m² and D2 agree (300 of
// 500 m²), D3 and D4 disagree: area passes, heads 2/4 fails the strict test.
TEST(CivilCodeOrdinaryTest, HeadsExactlyHalfFailsEvenWithAreaMajority) {
  Registry r = Build(Singles({20000, 10000, 10000, 10000}));
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"),
                    {{"D1", kYes}, {"D2", kYes}, {"D3", kNo}, {"D4", kNo}});
  EXPECT_TRUE(Result(o, "agree_area").passed);
  EXPECT_FALSE(Result(o, "agree_heads").passed);
  EXPECT_FALSE(o.passed);
}

// One unit over / under each remaining boundary:
// - civil_code_major agree heads: 3 of 4 participants (exactly 3/4) passes, 2 of 4
//   fails; areas chosen so the area tests pass in both (D4 is 1000.00 m²).
// - civil_code_ordinary agree area: 200.01 of 400.00 m² passes (> 1/2), 200.00 fails.
// - Yueyang heads: 2 of 3 owners (exactly 2/3) passes, 1 of 3 fails.
TEST(BoundaryTest, OneUnitEitherSide) {
  Registry big = Build(Singles({100, 100, 100, 100000}));
  VoteOutcome three = Count(big, MakeVote("civil_code_major"),
                        {{"D1", kYes}, {"D2", kYes}, {"D4", kYes}, {"D3", kNo}});
  EXPECT_TRUE(Result(three, "agree_heads").passed);
  EXPECT_EQ(Result(three, "agree_heads").margin, 0);
  VoteOutcome two = Count(big, MakeVote("civil_code_major"),
                      {{"D1", kYes}, {"D4", kYes}, {"D2", kNo}, {"D3", kNo}});
  EXPECT_TRUE(Result(two, "agree_area").passed);  // 100100 of 100300
  EXPECT_FALSE(Result(two, "agree_heads").passed);
  EXPECT_EQ(Result(two, "agree_heads").margin, -1);

  Registry over = Build(Singles({10001, 10000, 10000, 9999}));
  VoteOutcome o = Count(over, MakeVote("civil_code_ordinary"),
                    {{"D1", kYes}, {"D2", kYes}, {"D3", kNo}, {"D4", kNo}});
  EXPECT_EQ(Result(o, "agree_area").numerator, 20001);
  EXPECT_EQ(Result(o, "agree_area").denominator, 40000);
  EXPECT_TRUE(Result(o, "agree_area").passed);
  EXPECT_EQ(Result(o, "agree_area").margin, 0);
  Registry even = Build(Singles({10000, 10000, 10001, 9999}));
  VoteOutcome e = Count(even, MakeVote("civil_code_ordinary"),
                    {{"D1", kYes}, {"D2", kYes}, {"D3", kNo}, {"D4", kNo}});
  EXPECT_FALSE(Result(e, "agree_area").passed);
  EXPECT_EQ(Result(e, "agree_area").margin, -1);

  Registry three_owners = Build(Singles({100, 100, 100}));
  VoteOutcome y2 = Count(three_owners, MakeVote("yueyang_double_two_thirds"), {{"D1", kYes}, {"D2", kYes}});
  EXPECT_TRUE(Result(y2, "agree_heads").passed);
  EXPECT_EQ(Result(y2, "agree_heads").minimum_to_pass, 2);
  VoteOutcome y1 = Count(three_owners, MakeVote("yueyang_double_two_thirds"), {{"D1", kYes}, {"D2", kNo}});
  EXPECT_FALSE(Result(y1, "agree_heads").passed);
  EXPECT_FALSE(y1.passed);
}

// Reasons are built on demand and say what was compared, wholly in Chinese and wholly
// in English. By hand: D1 and D2 take part, 33.33 + 33.33 = 66.66 m² of 100.00 m²;
// 2/3 of 100.00 m² is 66.666… m², so 66.67 m² is the least that passes (以上, 民法典第278条)
// and 0.01 m² is missing; by headcount 2 of 3 is exactly 2/3, which passes with none to spare.
TEST(BoundaryTest, ExplainNamesTheValues) {
  Registry r = Build(Singles({3333, 3333, 3334}));
  VoteOutcome o = Count(r, MakeVote("civil_code_major"), {{"D1", kYes}, {"D2", kYes}});
  EXPECT_EQ(ExplainThresholdZh(Result(o, "participation_area")),
            "参与表决面积 66.66 m² / 全体业主面积 100.00 m² = 66.66% ≥ 2/3（66.67%）：未通过；"
            "尚差 0.01 m²");
  EXPECT_EQ(ExplainThresholdEn(Result(o, "participation_area")),
            "area participating 66.66 m² / area of all owners in scope 100.00 m² = 66.66% ≥ 2/3 "
            "(66.67%): failed; 0.01 m² short");
  EXPECT_EQ(ExplainThresholdZh(Result(o, "participation_heads")),
            "参与表决人数 2 人 / 全体业主人数 3 人 = 66.67% ≥ 2/3（66.67%）：通过；可再减少 0 人");
  EXPECT_EQ(ExplainThresholdEn(Result(o, "participation_heads")),
            "headcount participating 2 owners / headcount of all owners in scope 3 owners = 66.67% "
            "≥ 2/3 (66.67%): passed; 0 owners to spare");
}

// Every preset has its title in English, with no Chinese in it.
TEST(VoteRulePresets, EnglishTitles) {
  for (std::string_view name : VoteRulePresetNames()) {
    const VoteRule rule = *VoteRulePreset(name);
    EXPECT_FALSE(rule.title_en.empty()) << name;
    for (unsigned char c : rule.title_en) EXPECT_LT(c, 0x80) << name << ": " << rule.title_en;
  }
}

TEST(CivilCodeOrdinaryTest, NobodyVotingFailsWithoutDividingByZero) {
  Registry r = Build(Singles({10000, 10000}));
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"), {});
  EXPECT_FALSE(o.passed);
  EXPECT_EQ(Result(o, "agree_area").denominator, 0);
  EXPECT_FALSE(Result(o, "agree_area").reachable);
}

// ---------------------------------------------------------------------------
// Presets with "of all owners" tests.

// order165 (令第165号 art. 22) and Yueyang (seed 002 "双2/3"): agree ≥ 2/3 of all
// area and heads. Areas 33.33/33.33/33.34: D1+D3 agree = 66.67 m² ≥ 66.6667 passes;
// D1+D2 = 66.66 fails on area; heads 2/3 passes in both.
TEST(PresetTest, DoubleTwoThirdsOfAllBoundary) {
  Registry r = Build(Singles({3333, 3333, 3334}));
  for (std::string_view preset : {"order165_fund_use_without_assembly", "yueyang_double_two_thirds"}) {
    VoteOutcome pass = Count(r, MakeVote(preset), {{"D1", kYes}, {"D3", kYes}, {"D2", kNo}});
    EXPECT_TRUE(pass.passed) << preset;
    VoteOutcome fail = Count(r, MakeVote(preset), {{"D1", kYes}, {"D2", kYes}, {"D3", kNo}});
    EXPECT_FALSE(fail.passed) << preset;
    EXPECT_FALSE(Result(fail, "agree_area").passed) << preset;
    EXPECT_TRUE(Result(fail, "agree_heads").passed) << preset;
    EXPECT_EQ(Result(fail, "agree_area").margin, -1) << preset;
  }
}

// Ten owners of 1.00 m² each.
std::vector<Cast> Votes(int agree, int disagree) {
  std::vector<Cast> out;
  for (int i = 1; i <= agree + disagree; ++i) {
    out.push_back({"D" + std::to_string(i), i <= agree ? kYes : kNo});
  }
  return out;
}
std::vector<Spec> Ten() { return Singles(std::vector<std::int64_t>(10, 100)); }

// Changsha 两个80% (seed 000): ≥ 80% consulted; of those, ≥ 80% agree.
// 8 consulted, 7 agree: 8/10 and 7/8 = 87.5% pass; 7 consulted fails the first.
// 10 consulted, 8 agree = 80% exactly passes; 7 agree (70%) fails.
TEST(PresetTest, ChangshaTwo80) {
  Registry r = Build(Ten());
  EXPECT_TRUE(Count(r, MakeVote("changsha_two_80"), Votes(7, 1)).passed);
  EXPECT_FALSE(Count(r, MakeVote("changsha_two_80"), Votes(7, 0)).passed);
  EXPECT_TRUE(Count(r, MakeVote("changsha_two_80"), Votes(8, 2)).passed);
  VoteOutcome fail = Count(r, MakeVote("changsha_two_80"), Votes(7, 3));
  EXPECT_FALSE(fail.passed);
  EXPECT_TRUE(Result(fail, "consulted_heads").passed);
  EXPECT_EQ(Result(fail, "agree_heads").minimum_to_pass, 8);
}

// Hebei 3个80% (seed 001): 8 of 10 = 80% passes, 7 fails.
TEST(PresetTest, Hebei80) {
  Registry r = Build(Ten());
  EXPECT_TRUE(Count(r, MakeVote("hebei_80_entry"), Votes(8, 2)).passed);
  EXPECT_FALSE(Count(r, MakeVote("hebei_80_entry"), Votes(7, 3)).passed);
  EXPECT_TRUE(Count(r, MakeVote("hebei_80_acceptance"), Votes(8, 0)).passed);
  EXPECT_FALSE(Count(r, MakeVote("hebei_80_acceptance"), Votes(7, 0)).passed);
  // The plan stage counts opinions collected, whatever they say.
  EXPECT_TRUE(Count(r, MakeVote("hebei_80_plan"), Votes(0, 8)).passed);
  EXPECT_FALSE(Count(r, MakeVote("hebei_80_plan"), Votes(3, 4)).passed);
}

// Changping 双超80% (seed 001): strictly more than 80%. Heads: 8 of 10 (exactly
// 80%) fails, 9 passes. Area: nine agreeing dwellings of 88.89 ×8 + 88.88 = 800.00
// of 1000.00 m² is exactly 80% and fails; one more 0.01 m² passes.
TEST(PresetTest, ChangpingDoubleOver80) {
  Registry ten = Build(Ten());
  VoteOutcome eight = Count(ten, MakeVote("changping_double_80"), Votes(8, 2));
  EXPECT_FALSE(Result(eight, "agree_heads").passed);
  EXPECT_EQ(Result(eight, "agree_heads").minimum_to_pass, 9);
  EXPECT_TRUE(Count(ten, MakeVote("changping_double_80"), Votes(9, 1)).passed);

  std::vector<std::int64_t> areas(8, 8889);
  areas.push_back(8888);
  areas.push_back(20000);
  Registry exact = Build(Singles(areas));
  VoteOutcome at = Count(exact, MakeVote("changping_double_80"), Votes(9, 1));
  EXPECT_EQ(Result(at, "agree_area").numerator, 80000);
  EXPECT_EQ(Result(at, "agree_area").denominator, 100000);
  EXPECT_FALSE(Result(at, "agree_area").passed);
  EXPECT_EQ(Result(at, "agree_area").minimum_to_pass, 80001);
  EXPECT_TRUE(Result(at, "agree_heads").passed);
  areas[8] = 8889;
  areas[9] = 19999;
  Registry over = Build(Singles(areas));
  EXPECT_TRUE(Count(over, MakeVote("changping_double_80"), Votes(9, 1)).passed);
}

// Yichang (seed 001): 100% agreement; 9 of 10 fails.
TEST(PresetTest, YichangAllAgree) {
  Registry r = Build(Ten());
  EXPECT_TRUE(Count(r, MakeVote("yichang_all_agree"), Votes(10, 0)).passed);
  EXPECT_FALSE(Count(r, MakeVote("yichang_all_agree"), Votes(9, 1)).passed);
}

TEST(PresetTest, EveryPresetIsValidAndCitesItsSource) {
  for (std::string_view name : VoteRulePresetNames()) {
    auto rule = VoteRulePreset(name);
    ASSERT_TRUE(rule.ok()) << name;
    EXPECT_TRUE(ValidateVoteRule(*rule).ok()) << name;
    EXPECT_FALSE(rule->source.empty()) << name;
    // Round trip through JSON.
    auto back = ParseVoteRuleJson(VoteRuleToJson(*rule));
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, *rule);
  }
  EXPECT_EQ(VoteRulePreset("nope").status().code(), absl::StatusCode::kNotFound);
}

TEST(PresetTest, DefaultRulePerMatter) {
  EXPECT_EQ(DefaultVoteRuleName(VoteMatter::kUseFund), "civil_code_ordinary");  // art. 278 (5)
  EXPECT_EQ(DefaultVoteRuleName(VoteMatter::kRaiseFund), "civil_code_major");   // (6)
  EXPECT_EQ(DefaultVoteRuleName(VoteMatter::kRebuild), "civil_code_major");     // (7)
  EXPECT_EQ(DefaultVoteRuleName(VoteMatter::kChangeUse), "civil_code_major");   // (8)
  EXPECT_EQ(DefaultVoteRuleName(VoteMatter::kOtherMajor), "civil_code_ordinary");  // (9)
  EXPECT_EQ(DefaultVoteRuleName(VoteMatter::kElectCommittee), "civil_code_ordinary");
  EXPECT_EQ(DefaultVoteRuleName(VoteMatter::kCustom), "");
}

// ---------------------------------------------------------------------------
// Headcount (法释〔2009〕7号 art. 9)

// D1 (A) and D2 (B), 100 m² each, agree. D3 (50 m², unsold), D4 (40 m², sold
// but undelivered) and D5 (10 m², undelivered) count together as one person,
// the developer, who does not vote. Heads 2 of 3 and area 200 of 300 m² are
// exactly 2/3: Yueyang's 双2/3 passes. One head per dwelling would give 2/5.
TEST(HeadcountTest, DeveloperUnsoldUnitsAreOnePerson) {
  Registry r = Build({{"D1", 10000, {"A"}},
                      {"D2", 10000, {"B"}},
                      {"D3", 5000, {"DEV"}, SaleState::kDeveloperUnsold},
                      {"D4", 4000, {"DEV"}, SaleState::kSoldUndelivered},
                      {"D5", 1000, {"C"}, SaleState::kSoldUndelivered}});
  VoteOutcome o = Count(r, MakeVote("yueyang_double_two_thirds"), {{"D1", kYes}, {"D2", kYes}});
  EXPECT_EQ(o.totals.heads_total, 3);
  EXPECT_EQ(o.totals.area_total, 30000);
  EXPECT_EQ(o.totals.dwellings, 5);
  EXPECT_TRUE(o.passed);
}

// A owns D1–D3; B owns D4, C owns D5 (all 100 m²). A agrees, B and C disagree.
// Persons: 3; agreeing heads 1/3 fails "过半数"; area 300/500 passes. One head
// per dwelling would give 3/5 and pass.
TEST(HeadcountTest, OwnerOfSeveralUnitsIsOnePerson) {
  Registry r = Build({{"D1", 10000, {"A"}}, {"D2", 10000, {"A"}}, {"D3", 10000, {"A"}},
                      {"D4", 10000, {"B"}}, {"D5", 10000, {"C"}}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"),
                    {{"D1", kYes}, {"D2", kYes}, {"D3", kYes}, {"D4", kNo}, {"D5", kNo}});
  EXPECT_EQ(o.totals.heads_total, 3);
  EXPECT_EQ(o.totals.heads_agree, 1);
  EXPECT_EQ(o.totals.area_agree, 30000);
  EXPECT_TRUE(Result(o, "agree_area").passed);
  EXPECT_FALSE(Result(o, "agree_heads").passed);
  EXPECT_FALSE(o.passed);
}

// One person votes with all their units: A (D1, D2) casts for D1 only; A's area
// 200 m² counts as agreeing (docs/votes.md "one person, one vote").
TEST(HeadcountTest, OnePersonsBallotCarriesAllTheirArea) {
  Registry r = Build({{"D1", 10000, {"A"}}, {"D2", 10000, {"A"}}, {"D3", 10000, {"B"}}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"), {{"D1", kYes}, {"D3", kNo}});
  EXPECT_EQ(o.totals.area_agree, 20000);
  EXPECT_EQ(o.totals.heads_agree, 1);
  EXPECT_EQ(o.totals.heads_participating, 2);
  ASSERT_EQ(o.dwelling_choice.size(), 3u);
  EXPECT_EQ(o.dwelling_choice[1], DwellingChoice::kAgree);  // D2 follows its owner
}

// A votes agree for D1 and disagree for D2: both ballots rejected as
// inconsistent, A takes no part, and the outcome names A and the dwellings.
TEST(HeadcountTest, InconsistentPersonIsRejectedAndReported) {
  Registry r = Build({{"D1", 10000, {"A"}}, {"D2", 10000, {"A"}}, {"D3", 10000, {"B"}}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"), {{"D1", kYes}, {"D2", kNo}, {"D3", kYes}});
  EXPECT_THAT(o.ballot_status, ElementsAre(BallotStatus::kInconsistentPerson,
                                           BallotStatus::kInconsistentPerson,
                                           BallotStatus::kAccepted));
  EXPECT_EQ(o.count(BallotStatus::kInconsistentPerson), 2);
  EXPECT_EQ(o.rejected(), 2);
  EXPECT_EQ(o.totals.heads_participating, 1);
  EXPECT_EQ(o.totals.area_participating, 10000);
  ASSERT_EQ(o.inconsistent.size(), 1u);
  EXPECT_EQ(r.owner(o.inconsistent[0].owner).id, "A");
  EXPECT_THAT(o.dwellings_of(o.inconsistent[0]), ElementsAre(0, 1));
  EXPECT_EQ(o.dwelling_choice[0], DwellingChoice::kNone);
}

// Two inconsistent persons with interleaved units: each is listed once, in the
// order first met, with their own dwellings in index order; the developer's
// unvoted unit D5 is still theirs.
TEST(HeadcountTest, InconsistentPersonsEachListTheirOwnDwellings) {
  Registry r = Build({{"D1", 10000, {"A"}},
                      {"D2", 10000, {"DEV"}, SaleState::kDeveloperUnsold},
                      {"D3", 10000, {"A"}},
                      {"D4", 10000, {"DEV"}, SaleState::kDeveloperUnsold},
                      {"D5", 10000, {"DEV"}, SaleState::kDeveloperUnsold}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"),
                        {{"D4", kYes}, {"D3", kNo}, {"D2", kNo}, {"D1", kYes}});
  ASSERT_EQ(o.inconsistent.size(), 2u);
  EXPECT_EQ(r.owner(o.inconsistent[0].owner).id, "A");
  EXPECT_THAT(o.dwellings_of(o.inconsistent[0]), ElementsAre(0, 2));
  EXPECT_TRUE(o.inconsistent[1].developer);
  EXPECT_THAT(o.dwellings_of(o.inconsistent[1]), ElementsAre(1, 3, 4));
  EXPECT_EQ(o.count(BallotStatus::kInconsistentPerson), 4);
  EXPECT_EQ(o.totals.heads_participating, 0);
}

TEST(HeadcountTest, DeveloperVotingInconsistentlyIsReportedAsDeveloper) {
  Registry r = Build({{"D1", 10000, {"A"}},
                      {"D2", 10000, {"DEV"}, SaleState::kDeveloperUnsold},
                      {"D3", 10000, {"DEV"}, SaleState::kDeveloperUnsold}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"), {{"D2", kYes}, {"D3", kAbst}});
  ASSERT_EQ(o.inconsistent.size(), 1u);
  EXPECT_TRUE(o.inconsistent[0].developer);
  EXPECT_EQ(o.totals.heads_total, 2);
  EXPECT_EQ(o.totals.heads_participating, 0);
}

// Co-owner sets: {X,Y} on D1 and {Y,X} on D2 are the same person; {X} on D3 is
// another (a different set of buyers).
TEST(HeadcountTest, SameCoOwnerSetIsOnePerson) {
  Registry r = Build({{"D1", 10000, {"X", "Y"}}, {"D2", 10000, {"Y", "X"}}, {"D3", 10000, {"X"}},
                      {"D4", 10000, {"Q", "X"}}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"), {});
  EXPECT_EQ(o.totals.heads_total, 3);
}

TEST(HeadcountTest, OwnerlessDwellingCountsButCannotVote) {
  Registry r = Build({{"D1", 10000, {"A"}}, {"D2", 10000, {}}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"), {{"D1", kYes}, {"D2", kYes}});
  EXPECT_EQ(o.totals.heads_total, 2);
  EXPECT_EQ(o.totals.area_total, 20000);
  EXPECT_THAT(o.ballot_status, ElementsAre(BallotStatus::kAccepted, BallotStatus::kNoOwner));
}

// ---------------------------------------------------------------------------
// Ballots: co-owners, superseding, rejections.

// Times are stored as 32-bit offsets from the box's first ballot: a ballot more
// than 2^31 - 1 seconds (68 years) away is an input error and adds nothing; the
// window is compared exactly however far it lies from the ballots.
TEST(BallotTest, TimesSpanAtMost68YearsAndCompareExactly) {
  Registry r = Build(Singles({100, 100}));
  BallotBox box = Box(r, {{"D1", kYes, 1500}});
  BallotInput far;
  far.dwelling_id = "D2";
  far.time = 1500 + BallotBox::kMaxTimeSpan + 1;
  const absl::Status st = box.Add(r, far);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(st.message()), HasSubstr("time: 2147485148 is more than"));
  EXPECT_EQ(box.size(), 1u);
  far.time = 1500 + BallotBox::kMaxTimeSpan;  // the last second that fits
  ASSERT_TRUE(box.Add(r, far).ok());
  EXPECT_EQ(box.time(1), 2147485147);
  Vote wide = MakeVote("civil_code_ordinary");
  wide.opens = -4'000'000'000'000'000'000;
  wide.closes = 4'000'000'000'000'000'000;
  auto all = Tally(r, wide, box);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->count(BallotStatus::kAccepted), 2);
  Vote late = wide;
  late.opens = 1501;  // D1 at 1500 is one second early; D2 far inside
  auto one = Tally(r, late, box);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->count(BallotStatus::kBeforeOpening), 1);
  Vote after = wide;
  after.opens = 3'000'000'000;  // after every ballot, beyond the offsets' range
  auto none = Tally(r, after, box);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->count(BallotStatus::kBeforeOpening), 2);
}

TEST(BallotTest, CoOwnersConflictingAreRejected) {
  Registry r = Build({{"D1", 10000, {"X", "Y"}}, {"D2", 10000, {"B"}}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"),
                    {{"D1", kYes, 1500, "X"}, {"D1", kNo, 1600, "Y"}, {"D2", kYes}});
  EXPECT_THAT(o.ballot_status, ElementsAre(BallotStatus::kCoOwnerConflict,
                                           BallotStatus::kCoOwnerConflict,
                                           BallotStatus::kAccepted));
  EXPECT_EQ(o.totals.heads_participating, 1);
}

TEST(BallotTest, CoOwnersAgreeingCountOnce) {
  Registry r = Build({{"D1", 10000, {"X", "Y"}}, {"D2", 10000, {"B"}}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"),
                    {{"D1", kYes, 1500, "X"}, {"D1", kYes, 1600, "Y"}});
  EXPECT_THAT(o.ballot_status, ElementsAre(BallotStatus::kConcurring, BallotStatus::kAccepted));
  EXPECT_EQ(o.totals.heads_agree, 1);
  EXPECT_EQ(o.totals.area_agree, 10000);
}

// X agrees at 1500 and changes to disagree at 1700 (listed first): the later one
// counts; both stay in the record. A co-owner who changes their mind to match
// the other is no conflict.
TEST(BallotTest, LaterBallotSupersedesEarlier) {
  Registry r = Build({{"D1", 10000, {"X", "Y"}}, {"D2", 10000, {"B"}}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"),
                    {{"D1", kNo, 1700, "X"}, {"D1", kYes, 1500, "X"}, {"D1", kNo, 1550, "Y"}});
  EXPECT_THAT(o.ballot_status, ElementsAre(BallotStatus::kAccepted, BallotStatus::kSuperseded,
                                           BallotStatus::kConcurring));
  EXPECT_EQ(o.totals.heads_disagree, 1);
  EXPECT_EQ(o.count(BallotStatus::kSuperseded), 1);

  // Unnamed ballots for one dwelling: the household's latest counts; a tie in
  // time goes to the one handed in later.
  VoteOutcome tie = Count(r, MakeVote("civil_code_ordinary"), {{"D2", kYes, 1500}, {"D2", kNo, 1500}});
  EXPECT_THAT(tie.ballot_status, ElementsAre(BallotStatus::kSuperseded, BallotStatus::kAccepted));
  EXPECT_EQ(tie.totals.heads_disagree, 1);
}

TEST(BallotTest, EveryRejectionReason) {
  Registry r = Build({{"D1", 10000, {"A"}, SaleState::kOwned, 1}, {"D2", 10000, {"B"}, SaleState::kOwned, 2},
                      {"D3", 10000, {}, SaleState::kOwned, 2}});
  Vote v = MakeVote("civil_code_ordinary", {VoteScopeKind::kBuilding, "B2", "", {}});
  BallotBox box = Box(r, {{"NOPE", kYes, 1500, "", "b0"},      // unknown dwelling
                          {"D1", kYes, 1500, "", "b1"},        // other building
                          {"X1", kYes, 1500, "", "b2"},        // other estate
                          {"D2", kYes, 999, "", "b3"},         // before opening
                          {"D2", kYes, 2001, "", "b4"},        // after close
                          {"D2", kYes, 1500, "A", "b5"},       // A is not D2's owner
                          {"D2", kYes, 1500, "GHOST", "b6"},   // no such owner
                          {"D3", kYes, 1500, "", "b7"},        // ownerless
                          {"D2", kNo, 1000, "B", "b8"},        // at the opening: counts
                          {"D2", kYes, 2000, "B", "b9"}});     // at the close: counts, supersedes
  auto o = Tally(r, v, box);
  ASSERT_TRUE(o.ok());
  EXPECT_THAT(o->ballot_status,
              ElementsAre(BallotStatus::kUnknownDwelling, BallotStatus::kOutOfScope,
                          BallotStatus::kOutOfScope, BallotStatus::kBeforeOpening,
                          BallotStatus::kAfterClose, BallotStatus::kNotAnOwner,
                          BallotStatus::kNotAnOwner, BallotStatus::kNoOwner,
                          BallotStatus::kSuperseded, BallotStatus::kAccepted));
  EXPECT_EQ(o->rejected(), 8);
  EXPECT_EQ(o->count(BallotStatus::kAccepted), 1);
  EXPECT_EQ(box.raw_dwelling_id(0), "NOPE");
  EXPECT_EQ(box.raw_owner_id(6), "GHOST");
  EXPECT_EQ(box.id(9), "b9");
  EXPECT_EQ(o->totals.dwellings, 2);
  EXPECT_EQ(o->totals.heads_agree, 1);
}

// ---------------------------------------------------------------------------
// Bad input: clear errors, nothing changed.

TEST(BadInputTest, DuplicateBallotIdLeavesTheBoxUnchanged) {
  Registry r = Build(Singles({100}));
  BallotBox box = Box(r, {{"D1", kYes, 1500, "", "b1"}});
  BallotInput again;
  again.id = "b1";
  again.dwelling_id = "D1";
  absl::Status st = box.Add(r, again);
  EXPECT_EQ(st.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_THAT(std::string(st.message()), HasSubstr("\"b1\""));
  EXPECT_EQ(box.size(), 1u);
  BallotInput empty;
  empty.id = "b2";
  EXPECT_EQ(box.Add(r, empty).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(box.size(), 1u);
}

TEST(BadInputTest, ScopeRuleAndWindowErrorsNameTheField) {
  Registry r = Build(Singles({100}));
  BallotBox box;
  Vote v = MakeVote("civil_code_major", {VoteScopeKind::kEstate, "E9", "", {}});
  auto o = Tally(r, v, box);
  EXPECT_EQ(o.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(o.status().message()), HasSubstr("scope estate"));
  EXPECT_THAT(std::string(o.status().message()), HasSubstr("E9"));

  v = MakeVote("civil_code_major", {VoteScopeKind::kEntrance, "B1", "7", {}});
  EXPECT_THAT(std::string(Tally(r, v, box).status().message()), HasSubstr("no entrance \"7\""));

  v = MakeVote("civil_code_major", {VoteScopeKind::kDwellings, "", "", {"D1", "D1"}});
  EXPECT_EQ(Tally(r, v, box).status().code(), absl::StatusCode::kInvalidArgument);
  v = MakeVote("civil_code_major", {VoteScopeKind::kDwellings, "", "", {"D1", "Q"}});
  EXPECT_THAT(std::string(Tally(r, v, box).status().message()), HasSubstr("scope dwellings[1]"));

  v = MakeVote("civil_code_major");
  v.rule.tests[2].threshold = {4, 3};
  auto bad = Tally(r, v, box);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("tests[2] \"agree_area\" threshold"));

  v = MakeVote("civil_code_major");
  v.closes = v.opens - 1;
  EXPECT_THAT(std::string(Tally(r, v, box).status().message()), HasSubstr("closes"));
}

TEST(BadInputTest, RuleJsonErrorsNameTheField) {
  auto r = ParseVoteRuleJson(R"({"name":"x","tests":[{"name":"t","basis":"volume","counted":"agree",)"
                         R"("over":"all","threshold":"2/3","comparison":"at_least"}]})");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("tests[0] basis: unknown value \"volume\""));
  r = ParseVoteRuleJson(R"({"name":"x","tests":[]})");
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("tests: must not be empty"));
  r = ParseVoteRuleJson(R"({"name":"x","tests":[{"name":"t","basis":"area","counted":"agree",)"
                    R"("over":"all","threshold":"3/2","comparison":"at_least"}]})");
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("tests[0] threshold"));
  r = ParseVoteRuleJson("{");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  r = ParseVoteRuleJson(R"({"name":"x","tests":[],"extra":1})");
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("extra: unknown field"));
  // Chinese labels are accepted too.
  r = ParseVoteRuleJson(R"({"name":"x","tests":[{"name":"t","basis":"业主人数","counted":"同意",)"
                    R"("over":"全体业主","threshold":"80%","comparison":"more_than"}]})");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->tests[0].basis, VoteBasis::kHeads);
}

// ---------------------------------------------------------------------------
// VoteOutcome: breakdown, reproducibility.

// B1 entrance 1: D1 (100, agree), D2 (50, disagree); entrance 2: D3 (80, none);
// B2 entrance 1: D4 (70, abstain).
TEST(OutcomeTest, BreakdownByBuildingAndEntrance) {
  Registry r = Build({{"D1", 10000, {"A"}, SaleState::kOwned, 1, "1"},
                      {"D2", 5000, {"B"}, SaleState::kOwned, 1, "1"},
                      {"D3", 8000, {"C"}, SaleState::kOwned, 1, "2"},
                      {"D4", 7000, {"E"}, SaleState::kOwned, 2, "1"}});
  VoteOutcome o = Count(r, MakeVote("civil_code_ordinary"), {{"D1", kYes}, {"D2", kNo}, {"D4", kAbst}});
  ASSERT_EQ(o.buildings.size(), 2u);
  ASSERT_EQ(o.entrances.size(), 3u);
  EXPECT_EQ(r.building(o.buildings[0].building).id, "B1");
  EXPECT_EQ(o.buildings[0].dwellings, 3);
  EXPECT_EQ(o.buildings[0].area_total, 23000);
  EXPECT_EQ(o.buildings[0].area_agree, 10000);
  EXPECT_EQ(o.buildings[0].area_disagree, 5000);
  EXPECT_EQ(o.entrances[1].dwellings, 1);
  EXPECT_EQ(o.entrances[1].dwellings_agree + o.entrances[1].dwellings_disagree, 0);
  EXPECT_EQ(o.entrances[2].area_abstain, 7000);
  EXPECT_EQ(o.buildings[1].dwellings_abstain, 1);
}

// Two votes share one box: ballots 0–1 are the first vote's, 2–4 the second's.
// Counting [2, 5) sees only the second vote's ballots; statuses are relative.
TEST(OutcomeTest, CountRangeCountsASliceOfTheBox) {
  Registry r = Build(Singles({100, 100, 100}));
  BallotBox box = Box(r, {{"D1", kNo}, {"D2", kNo}, {"D1", kYes}, {"D2", kYes, 2500}, {"D3", kYes}});
  Tallier t(r);
  auto second = t.CountRange(MakeVote("civil_code_ordinary"), box, 2, 5);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_THAT(second->ballot_status, ElementsAre(BallotStatus::kAccepted, BallotStatus::kAfterClose,
                                                 BallotStatus::kAccepted));
  EXPECT_EQ(second->totals.heads_agree, 2);
  EXPECT_EQ(second->totals.heads_disagree, 0);
  auto whole = t.Count(MakeVote("civil_code_ordinary"), box);
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(whole->count(BallotStatus::kSuperseded), 1);  // D1: disagree, then agree
  auto bad = t.CountRange(MakeVote("civil_code_ordinary"), box, 4, 9);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("range [4, 9)"));
}

TEST(OutcomeTest, ReusedTallierReproducesTheSameOutcome) {
  Registry r = Build({{"D1", 10000, {"A"}}, {"D2", 10000, {"A"}}, {"D3", 10000, {"X", "Y"}},
                      {"D4", 10000, {"DEV"}, SaleState::kDeveloperUnsold}});
  BallotBox box = Box(r, {{"D1", kYes}, {"D3", kNo, 1500, "X"}, {"D3", kYes, 1600, "Y"},
                          {"D4", kYes}});
  Vote v = MakeVote("civil_code_major");
  Tallier t(r);
  auto first = t.Count(v, box);
  auto other = t.Count(MakeVote("civil_code_major", {VoteScopeKind::kBuilding, "X", "", {}}), box);
  auto second = t.Count(v, box);
  ASSERT_TRUE(first.ok() && second.ok() && other.ok());
  EXPECT_EQ(first->totals, second->totals);
  EXPECT_EQ(first->tests, second->tests);
  EXPECT_EQ(first->ballot_status, second->ballot_status);
  EXPECT_EQ(first->totals.heads_total, 3);
  EXPECT_EQ(other->totals.heads_total, 1);
}

// Z owns D1 in E1 and X1 in E2. Counted over E2 alone, Z is one person met in an
// earlier estate (not E2's own block of persons); over listed dwellings of both
// estates Z is still one person with both areas (art. 9).
TEST(PersonsTest, AnOwnerAcrossEstatesIsOnePerson) {
  Registry r = Build({{"D1", 10000, {"Z"}}, {"D2", 8000, {"O2"}}});
  auto e2 = Count(r, MakeVote("civil_code_ordinary", {VoteScopeKind::kEstate, "E2", "", {}}),
                  {{"X1", BallotChoice::kAgree}});
  EXPECT_EQ(e2.totals.heads_total, 1);
  EXPECT_EQ(e2.totals.area_total, 5000);
  EXPECT_EQ(e2.totals.heads_agree, 1);
  auto both = Count(r, MakeVote("civil_code_ordinary", {VoteScopeKind::kDwellings, "", "", {"X1", "D1", "D2"}}),
                    {{"X1", BallotChoice::kAgree}});
  EXPECT_EQ(both.totals.heads_total, 2);           // Z and O2
  EXPECT_EQ(both.totals.area_total, 23000);
  EXPECT_EQ(both.totals.area_agree, 15000);        // Z's vote carries D1 too
  EXPECT_EQ(both.totals.heads_agree, 1);
}

// CountEach gives each vote the outcome Count gives it, in both forms, and
// refuses mismatched sizes without counting anything.
TEST(OutcomeTest, CountEachMatchesCountOneByOne) {
  Registry r = Build(Singles({100, 100, 100}));
  std::vector<Vote> votes{MakeVote("civil_code_ordinary"),
                          MakeVote("civil_code_major", {VoteScopeKind::kBuilding, "X", "", {}})};
  std::vector<BallotBox> boxes;
  boxes.push_back(Box(r, {{"D1", BallotChoice::kAgree}, {"D2", BallotChoice::kDisagree}}));
  boxes.push_back(Box(r, {{"X1", BallotChoice::kAgree}, {"D3", BallotChoice::kAgree}}));
  BallotBox all = Box(r, {{"D1", BallotChoice::kAgree}, {"D2", BallotChoice::kDisagree},
                          {"X1", BallotChoice::kAgree}, {"D3", BallotChoice::kAgree}});
  const std::vector<std::size_t> starts{0, 2, 4};
  Tallier t(r);
  std::vector<VoteOutcome> each, ranges;
  auto keep = [](std::vector<VoteOutcome>& into) {
    return [&into](std::size_t k, absl::StatusOr<VoteOutcome> out) {
      ASSERT_TRUE(out.ok()) << out.status();
      EXPECT_EQ(k, into.size());
      into.push_back(*std::move(out));
    };
  };
  ASSERT_TRUE(t.CountEach(votes, boxes, {}, keep(each)).ok());
  ASSERT_TRUE(t.CountEach(votes, all, starts, {}, keep(ranges)).ok());
  ASSERT_EQ(each.size(), 2u);
  ASSERT_EQ(ranges.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    auto one = t.Count(votes[k], boxes[k]);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(each[k].totals, one->totals);
    EXPECT_EQ(each[k].ballot_status, one->ballot_status);
    EXPECT_EQ(ranges[k].totals, one->totals);
    EXPECT_EQ(ranges[k].ballot_status, one->ballot_status);
  }
  EXPECT_EQ(each[1].count(BallotStatus::kOutOfScope), 1);  // D3 is not in building X
  int calls = 0;
  auto count_calls = [&calls](std::size_t, absl::StatusOr<VoteOutcome>) { ++calls; };
  EXPECT_EQ(t.CountEach(votes, std::span<const BallotBox>(boxes).first(1), {}, count_calls).code(),
            absl::StatusCode::kInvalidArgument);
  const std::vector<std::size_t> short_starts{0, 2};
  EXPECT_EQ(t.CountEach(votes, all, short_starts, {}, count_calls).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace renewal
