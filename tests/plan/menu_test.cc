// Residents' menu choice (菜单式改造, seed 001 Ningbo: 组织业主对改造内容进行选择;
// BRIEF §3 "基础类应改尽改"). The small cases are worked by hand below; amounts in fen.
#include "renewal/plan/menu.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <thread>
#include <utility>

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

MenuItem Item(std::string id, std::int64_t fen, bool required = false) {
  MenuItem m;
  m.id = std::move(id);
  m.cost = Money::Fen(fen);
  m.required = required;
  m.category = required ? Category::kBasic : Category::kImprovement;
  return m;
}

std::vector<std::string> Funded(const MenuResult& r) {
  std::vector<std::string> out;
  for (const MenuStep& s : r.steps) out.push_back(s.item_id);
  return out;
}

// Budget 900; the basic item R (100) comes off the top: 800 left for 4 households.
// A (400) and B (400) are approved by H1, H2, H3; C (200) by H4 only.
MenuInput MajorityAndMinority() {
  MenuInput in;
  in.budget = Money::Fen(900);
  in.items = {Item("R", 100, true), Item("A", 400), Item("B", 400), Item("C", 200)};
  in.ballots = {{"H1", {"A", "B"}}, {"H2", {"A", "B"}}, {"H3", {"A", "B"}}, {"H4", {"C"}}};
  return in;
}

// Greedy by approvals: A (3 votes) → 400 left; B (3 votes) → 0 left; C does not fit.
TEST(Menu, GreedyByApprovalsServesTheMajorityOnly) {
  auto r = ChooseMenu(MajorityAndMinority(), MenuRule::kGreedyApprovals);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Funded(*r), ElementsAre("R", "A", "B"));
  EXPECT_EQ(r->left, Money::Fen(0));
  EXPECT_EQ(r->spent, Money::Fen(900));
  EXPECT_THAT(r->unfunded, ElementsAre("C"));
  EXPECT_EQ(r->households[3].approved_funded, 0);  // H4 gets nothing
  EXPECT_EQ(r->households[0].approved_funded, 2);
}

// Equal shares: each household has 800/4 = 200.
//  Round 1: A: H1–H3 have 600 ≥ 400, ρ = 400/3; B: the same; C: H4 has 200, ρ = 200.
//           Smallest ρ = 400/3, A and B tie (3 approvals, cost 400): input order → A.
//           H1–H3 pay 400/3 each and keep 200 − 400/3 = 200/3.
//  Round 2: B: 3 · 200/3 = 200 < 400, unaffordable; C: ρ = 200 → funded, H4 keeps 0.
//  Round 3: nothing affordable. Spent on options 600; 200 left.
//  Completion (greedy by approvals over the leftover 200): B costs 400 > 200: no.
TEST(Menu, EqualSharesHandWorked) {
  auto r = ChooseMenu(MajorityAndMinority(), MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Funded(*r), ElementsAre("R", "A", "C"));
  ASSERT_EQ(r->steps.size(), 3u);
  EXPECT_EQ(r->steps[1].phase, MenuPhase::kEqualShares);
  EXPECT_EQ(r->steps[1].rho_fen, "400/3");
  EXPECT_EQ(r->steps[2].rho_fen, "200");
  EXPECT_EQ(r->required_cost, Money::Fen(100));
  EXPECT_EQ(r->spent, Money::Fen(700));
  EXPECT_EQ(r->left, Money::Fen(200));
  EXPECT_THAT(r->unfunded, ElementsAre("B"));
  ASSERT_EQ(r->households.size(), 4u);
  EXPECT_EQ(r->households[0].share_fen, "200");
  EXPECT_EQ(r->households[0].paid_fen, "400/3");
  EXPECT_EQ(r->households[0].approved, 2);
  EXPECT_EQ(r->households[0].approved_funded, 1);
  EXPECT_EQ(r->households[0].approved_funded_cost, Money::Fen(400));
  EXPECT_EQ(r->households[3].paid_fen, "200");
  EXPECT_EQ(r->households[3].approved_funded, 1);  // the minority is served
}

// Completion: budget 1200, required R 300 → 900 for 3 households (300 each).
// X (600) by H1, H2; Y (400) by H2, H3; Z (300) by H3; W (200) by H1.
//  Round 1: ρ(X) = 300, ρ(Y) = 200, ρ(Z) = 300, ρ(W) = 200: Y and W tie at 200, Y has
//           more approvals → Y; H2 and H3 keep 100.
//  Round 2: X: 300 + 100 < 600; Z: 100 < 300; W: ρ = 200 → W; H1 keeps 100.
//  Round 3: none. Spent 600; 300 left. Completion by approvals: X (2 votes) 600 > 300;
//           Z (1 vote) costs exactly the 300 left → funded (the boundary fits).
TEST(Menu, EqualSharesCompletionTakesAnItemCostingExactlyTheRest) {
  MenuInput in;
  in.budget = Money::Fen(1200);
  in.items = {Item("R", 300, true), Item("X", 600), Item("Y", 400), Item("Z", 300),
              Item("W", 200)};
  in.ballots = {{"H1", {"X", "W"}}, {"H2", {"X", "Y"}}, {"H3", {"Y", "Z"}}};
  auto r = ChooseMenu(in, MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Funded(*r), ElementsAre("R", "Y", "W", "Z"));
  EXPECT_EQ(r->steps[3].phase, MenuPhase::kCompletion);
  EXPECT_EQ(r->left, Money::Fen(0));
  EXPECT_THAT(r->unfunded, ElementsAre("X"));
  EXPECT_EQ(r->households[2].approved_funded, 2);  // H3: Y and Z
  // One fen less and Z no longer fits in the completion.
  in.budget = Money::Fen(1199);
  r = ChooseMenu(in, MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->unfunded, ElementsAre("X", "Z"));
  EXPECT_EQ(r->left, Money::Fen(299));
}

// add1 (pabutools' exhaustion_by_budget_increase) against the greedy completion.
// Budget 500, basic R 100 → 400 for 4 households (100 each). A (200) and P (200) are
// approved by H1 and H2, Q (150) by H3; H4's ballot is empty.
//  MES at share 100: ρ(A) = ρ(P) = 200/2 = 100, Q unaffordable (H3 has 100 < 150).
//    A and P tie (2 approvals, cost 200): input order → A. H1, H2 keep 0: P and Q are
//    unaffordable; 200 left.
//  Greedy completion: P (2 approvals) costs exactly the 200 left → R, A, P; H3 gets
//    nothing.
//  add1, share 100 + k: for k < 50 the outcome stays {A} (200, not exhaustive: P and Q
//    would fit in the 200 left). At k = 50 H3 has 150 = cost of Q: round 1 funds A
//    (ρ 100 < ρ(Q) 150), round 2 Q (ρ 150; P has only 50 + 50 < 200). {A, Q} costs
//    350 ≤ 400 and is exhaustive (P costs 200 > 50 left) → stop. R, A, Q; 50 left;
//    every household with an approval gets one item.
MenuInput MinorityNeedsMoreShare() {
  MenuInput in;
  in.budget = Money::Fen(500);
  in.items = {Item("R", 100, true), Item("A", 200), Item("P", 200), Item("Q", 150)};
  in.ballots = {{"H1", {"A", "P"}}, {"H2", {"A", "P"}}, {"H3", {"Q"}}, {"H4", {}}};
  return in;
}

TEST(Menu, Add1FundsWhatTheGreedyCompletionDoesNot) {
  auto g = ChooseMenu(MinorityNeedsMoreShare(), MenuRule::kEqualShares, MesCompletion::kGreedy);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(Funded(*g), ElementsAre("R", "A", "P"));
  EXPECT_EQ(g->steps[2].phase, MenuPhase::kCompletion);
  EXPECT_EQ(g->left, Money::Fen(0));
  EXPECT_EQ(g->households[2].approved_funded, 0);

  auto a = ChooseMenu(MinorityNeedsMoreShare(), MenuRule::kEqualShares, MesCompletion::kAdd1);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_THAT(Funded(*a), ElementsAre("R", "A", "Q"));
  EXPECT_EQ(a->completion, MesCompletion::kAdd1);
  EXPECT_EQ(a->share_increase_fen, 50);
  EXPECT_EQ(a->steps[1].phase, MenuPhase::kEqualShares);
  EXPECT_EQ(a->steps[1].rho_fen, "100");
  EXPECT_EQ(a->steps[2].phase, MenuPhase::kEqualShares);
  EXPECT_EQ(a->steps[2].rho_fen, "150");
  EXPECT_EQ(a->spent, Money::Fen(450));
  EXPECT_EQ(a->left, Money::Fen(50));
  EXPECT_THAT(a->unfunded, ElementsAre("P"));
  EXPECT_EQ(a->households[0].share_fen, "150");
  EXPECT_EQ(a->households[0].paid_fen, "100");
  EXPECT_EQ(a->households[2].paid_fen, "150");
  EXPECT_EQ(a->households[2].approved_funded, 1);
  // add1 then greedy: nothing else fits in 50.
  auto ag = ChooseMenu(MinorityNeedsMoreShare(), MenuRule::kEqualShares, MesCompletion::kAdd1Greedy);
  ASSERT_TRUE(ag.ok());
  EXPECT_THAT(Funded(*ag), ElementsAre("R", "A", "Q"));
  // Plain MES: A only, 200 left.
  auto none = ChooseMenu(MinorityNeedsMoreShare(), MenuRule::kEqualShares, MesCompletion::kNone);
  ASSERT_TRUE(none.ok());
  EXPECT_THAT(Funded(*none), ElementsAre("R", "A"));
  EXPECT_EQ(none->left, Money::Fen(200));
}

// One fen less for Q's supporter: with the budget at 499 (399 for the options, share
// 99.75), Q becomes affordable at k = 50.25 → first at k = 51, where {A, Q} costs 350
// ≤ 399 and is exhaustive (P 200 > 49): the same items at a larger increase.
TEST(Menu, Add1StepsInWholeFen) {
  MenuInput in = MinorityNeedsMoreShare();
  in.budget = Money::Fen(499);
  auto a = ChooseMenu(in, MenuRule::kEqualShares, MesCompletion::kAdd1);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_THAT(Funded(*a), ElementsAre("R", "A", "Q"));
  EXPECT_EQ(a->share_increase_fen, 51);
  EXPECT_EQ(a->households[0].share_fen, "603/4");  // 99.75 + 51 = 150.75
}

// A menu where add1 raises the shares one fen at a time: budget 400 for 4 households
// (share 100), each approving one item of its own: A 101, B 102, C 103, D 104. At
// k = 0 nothing is affordable; at k = 1 A (its supporter has 101), k = 2 A, B, k = 3
// A, B, C = 306 with 94 left < D's 104: exhaustive, stop. Ties (ρ/cost = 1 for all)
// go to the lower cost.
MenuInput OneFenAtATime() {
  MenuInput in;
  in.budget = Money::Fen(400);
  in.items = {Item("A", 101), Item("B", 102), Item("C", 103), Item("D", 104)};
  in.ballots = {{"H1", {"A"}}, {"H2", {"B"}}, {"H3", {"C"}}, {"H4", {"D"}}};
  return in;
}

TEST(Menu, Add1ReportsProgressEachStep) {
  std::vector<std::pair<std::int64_t, std::int64_t>> seen;
  MenuControl control;
  control.progress = [&](std::int64_t k, std::int64_t bound) { seen.push_back({k, bound}); };
  auto a = ChooseMenu(OneFenAtATime(), MenuRule::kEqualShares, MesCompletion::kAdd1, control);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_THAT(Funded(*a), ElementsAre("A", "B", "C"));
  EXPECT_EQ(a->share_increase_fen, 3);
  EXPECT_EQ(a->left, Money::Fen(94));
  // Before the steps from k = 0, 1 and 2; the bound is the budget for the options.
  EXPECT_THAT(seen, ElementsAre(std::pair<std::int64_t, std::int64_t>{0, 400},
                                std::pair<std::int64_t, std::int64_t>{1, 400},
                                std::pair<std::int64_t, std::int64_t>{2, 400}));
}

// The time limit is checked before each step: the first progress call outlasts a
// 1 ms limit, so add1 stops at k = 1 and says so.
TEST(Menu, Add1StopsAtItsTimeLimit) {
  MenuControl control;
  control.time_limit = std::chrono::milliseconds(1);
  control.progress = [](std::int64_t k, std::int64_t) {
    if (k == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  };
  auto a = ChooseMenu(OneFenAtATime(), MenuRule::kEqualShares, MesCompletion::kAdd1, control);
  ASSERT_EQ(a.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(a.status().message(), HasSubstr("share raised by 1 fen of up to 400"));
  // The limit does not touch the other rules (one run each).
  EXPECT_TRUE(ChooseMenu(OneFenAtATime(), MenuRule::kEqualShares, MesCompletion::kGreedy,
                         control).ok());
}

// add1 against a literal reading of its definition: for k = 0, 1, 2, … ≤ the option
// money E, run plain MES with every share raised by k fen (a budget of R + E + k·n
// with no completion); stop at the first exhaustive outcome (keep it) or the first
// that costs more than E (keep the one before); at k = E keep the last.
TEST(Menu, Add1MatchesStepByStepDefinition) {
  std::mt19937_64 rng(20240604);
  int raised = 0;  // rounds where add1 raised the shares
  for (int round = 0; round < 640; ++round) {
    // Rounds alternate the satisfaction measure; the last 40 are larger: many
    // supporters, so the jumps cross many events.
    const bool large = round >= 600;
    MenuInput in;
    in.satisfaction = round % 2 ? MesSatisfaction::kApprovals : MesSatisfaction::kCost;
    const int items = 1 + static_cast<int>(rng() % (large ? 8 : 6));
    const int households = 1 + static_cast<int>(rng() % (large ? 20 : 6));
    const std::int64_t required = rng() % 3 == 0 ? 20 : 0;
    if (required > 0) in.items.push_back(Item("R", required, true));
    for (int i = 0; i < items; ++i) {
      in.items.push_back(
          Item("I" + std::to_string(i), 1 + static_cast<std::int64_t>(rng() % (large ? 600 : 60))));
    }
    for (int h = 0; h < households; ++h) {
      MenuBallot b{"H" + std::to_string(h), {}};
      for (int i = 0; i < items; ++i) {
        if (rng() % 2) b.approved.push_back("I" + std::to_string(i));
      }
      in.ballots.push_back(b);
    }
    const std::int64_t e = static_cast<std::int64_t>(rng() % (large ? 2000 : 200));
    in.budget = Money::Fen(required + e);
    auto cost_of = [&](const MenuResult& r) { return r.spent.fen() - required; };
    auto exhaustive = [&](const MenuResult& r) {
      for (const std::string& id : r.unfunded) {
        for (const MenuItem& it : in.items) {
          if (it.id == id && it.cost.fen() <= e - cost_of(r)) return false;
        }
      }
      return true;
    };
    std::optional<MenuResult> kept;
    std::int64_t kept_k = 0;
    for (std::int64_t k = 0; k <= e; ++k) {
      MenuInput raised = in;
      raised.budget = Money::Fen(required + e + k * households);
      auto r = ChooseMenu(raised, MenuRule::kEqualShares, MesCompletion::kNone);
      ASSERT_TRUE(r.ok()) << r.status();
      if (cost_of(*r) > e) break;
      kept = *r;
      kept_k = k;
      if (exhaustive(*r)) break;
    }
    ASSERT_TRUE(kept.has_value());
    auto a = ChooseMenu(in, MenuRule::kEqualShares, MesCompletion::kAdd1);
    ASSERT_TRUE(a.ok()) << a.status();
    EXPECT_EQ(Funded(*a), Funded(*kept)) << "round " << round;
    EXPECT_EQ(a->share_increase_fen, kept_k) << "round " << round;
    raised += kept_k > 0 ? 1 : 0;
    EXPECT_EQ(a->left.fen(), e - cost_of(*kept)) << "round " << round;
    for (std::size_t h = 0; h < in.ballots.size(); ++h) {
      EXPECT_EQ(a->households[h].paid_fen, kept->households[h].paid_fen) << "round " << round;
    }
  }
  EXPECT_GT(raised, 120);
}

// Where the two satisfaction measures differ (docs/plan.md, "Satisfaction"). Budget 400
// fen for H1, H2: 200 each. A (300) approved by both; B (100) by H1; C (100) by H2.
//  Approvals (Cardinality_Sat: compare ρ):
//   Round 1: ρ(A) = 300/2 = 150, ρ(B) = 100, ρ(C) = 100. B and C tie at 100 (1
//            approval, cost 100): input order → B; H1 keeps 100.
//   Round 2: A: 100 + 200 = 300 ≥ 300, the poorer H1 pays all 100, H2 pays 200 → ρ(A) =
//            200; C: ρ = 100 → C; H2 keeps 100.
//   Round 3: A: 100 + 100 = 200 < 300, unaffordable. MES funds B, C; 200 left; the
//            greedy completion cannot take A (300 > 200). Each household: 1 of 2 items.
//  Cost utilities (Cost_Sat: compare ρ/cost):
//   Round 1: A: 150/300 = 1/2; B: 100/100 = 1; C: 1 → A at ρ 150; H1, H2 keep 50.
//   Round 2: B: 50 < 100, C: 50 < 100, unaffordable. MES funds A; 100 left.
//   Greedy completion: B and C tie (1 approval, cost 100 ≤ 100) → B; 0 left.
//   H1 gets A and B (400 fen of its approved items), H2 gets A (300).
MenuInput MeasuresDiffer() {
  MenuInput in;
  in.budget = Money::Fen(400);
  in.items = {Item("A", 300), Item("B", 100), Item("C", 100)};
  in.ballots = {{"H1", {"A", "B"}}, {"H2", {"A", "C"}}};
  return in;
}

TEST(Menu, SatisfactionMeasuresFundDifferentSets) {
  MenuInput in = MeasuresDiffer();
  in.satisfaction = MesSatisfaction::kApprovals;
  auto r = ChooseMenu(in, MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->satisfaction, MesSatisfaction::kApprovals);
  EXPECT_THAT(Funded(*r), ElementsAre("B", "C"));
  EXPECT_EQ(r->steps[0].rho_fen, "100");
  EXPECT_EQ(r->steps[1].rho_fen, "100");
  EXPECT_EQ(r->left, Money::Fen(200));
  EXPECT_EQ(r->households[0].paid_fen, "100");
  EXPECT_EQ(r->households[1].approved_funded, 1);

  in.satisfaction = MesSatisfaction::kCost;
  r = ChooseMenu(in, MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->satisfaction, MesSatisfaction::kCost);
  EXPECT_THAT(Funded(*r), ElementsAre("A", "B"));
  EXPECT_EQ(r->steps[0].phase, MenuPhase::kEqualShares);
  EXPECT_EQ(r->steps[0].rho_fen, "150");
  EXPECT_EQ(r->steps[1].phase, MenuPhase::kCompletion);
  EXPECT_EQ(r->left, Money::Fen(0));
  EXPECT_EQ(r->households[0].paid_fen, "150");
  EXPECT_EQ(r->households[0].approved_funded_cost, Money::Fen(400));
  EXPECT_EQ(r->households[1].approved_funded_cost, Money::Fen(300));

  // Plain MES (no completion): {B, C} against {A}.
  in.satisfaction = MesSatisfaction::kApprovals;
  r = ChooseMenu(in, MenuRule::kEqualShares, MesCompletion::kNone);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Funded(*r), ElementsAre("B", "C"));
  in.satisfaction = MesSatisfaction::kCost;
  r = ChooseMenu(in, MenuRule::kEqualShares, MesCompletion::kNone);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Funded(*r), ElementsAre("A"));
}

// The existing hand-worked menus give the same outcome under both measures: there the
// items of equal ρ cost the same (A and B; A and P) and the winner also has the lower
// payment per fen of cost (C: 200/200 = 1 against A: (400/3)/400 = 1/3).
TEST(Menu, ExistingExamplesUnderBothMeasures) {
  for (MesSatisfaction m : {MesSatisfaction::kCost, MesSatisfaction::kApprovals}) {
    MenuInput in = MajorityAndMinority();
    in.satisfaction = m;
    auto r = ChooseMenu(in, MenuRule::kEqualShares);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_THAT(Funded(*r), ElementsAre("R", "A", "C")) << KeyOf(m);
    EXPECT_EQ(r->left, Money::Fen(200));
    in = MinorityNeedsMoreShare();
    in.satisfaction = m;
    auto g = ChooseMenu(in, MenuRule::kEqualShares, MesCompletion::kGreedy);
    ASSERT_TRUE(g.ok()) << g.status();
    EXPECT_THAT(Funded(*g), ElementsAre("R", "A", "P")) << KeyOf(m);
    auto a = ChooseMenu(in, MenuRule::kEqualShares, MesCompletion::kAdd1);
    ASSERT_TRUE(a.ok()) << a.status();
    EXPECT_THAT(Funded(*a), ElementsAre("R", "A", "Q")) << KeyOf(m);
    EXPECT_EQ(a->share_increase_fen, 50);
  }
}

TEST(Menu, GreedyRuleRefusesAdd1) {
  for (MesCompletion c : {MesCompletion::kAdd1, MesCompletion::kAdd1Greedy}) {
    auto r = ChooseMenu(MajorityAndMinority(), MenuRule::kGreedyApprovals, c);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(r.status().message(), HasSubstr("completion \""));
    EXPECT_THAT(r.status().message(), HasSubstr("equal_shares"));
  }
  // The default completion (greedy) and none are harmless with the greedy rule.
  EXPECT_TRUE(ChooseMenu(MajorityAndMinority(), MenuRule::kGreedyApprovals).ok());
}

// Items costing 0 (as pabutools: funded only with a supporter). Budget 200 for H1, H2
// (100 each): Z0 (0) approved by H1, N0 (0) by nobody, A (200) by both.
//  MES: Z0 at ρ 0 first (level 0 under both measures), then A at ρ 100. N0 is never
//  funded: not by MES, add1, the greedy completion or the greedy rule (nobody asked).
TEST(Menu, FreeItemsNeedASupporter) {
  MenuInput in;
  in.budget = Money::Fen(200);
  in.items = {Item("N0", 0), Item("A", 200), Item("Z0", 0)};
  in.ballots = {{"H1", {"A", "Z0"}}, {"H2", {"A"}}};
  for (MesSatisfaction m : {MesSatisfaction::kCost, MesSatisfaction::kApprovals}) {
    in.satisfaction = m;
    auto r = ChooseMenu(in, MenuRule::kEqualShares, MesCompletion::kNone);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_THAT(Funded(*r), ElementsAre("Z0", "A")) << KeyOf(m);
    EXPECT_EQ(r->steps[0].rho_fen, "0");
    EXPECT_EQ(r->steps[1].rho_fen, "100");
    EXPECT_THAT(r->unfunded, ElementsAre("N0"));
    auto a = ChooseMenu(in, MenuRule::kEqualShares, MesCompletion::kAdd1Greedy);
    ASSERT_TRUE(a.ok()) << a.status();
    EXPECT_THAT(Funded(*a), ElementsAre("Z0", "A")) << KeyOf(m);
  }
  auto g = ChooseMenu(in, MenuRule::kGreedyApprovals);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_THAT(Funded(*g), ElementsAre("A", "Z0"));  // 2 approvals before 1
  EXPECT_THAT(g->unfunded, ElementsAre("N0"));
}

TEST(Menu, TieBreakIsStated) {
  auto r = ChooseMenu(MajorityAndMinority(), MenuRule::kGreedyApprovals);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tie_break, "approvals desc, cost asc, file order");
  EXPECT_EQ(r->tie_break_zh, "票数多者优先，同票时造价低者、文件中在前者优先");
  MenuInput in = MajorityAndMinority();
  in.satisfaction = MesSatisfaction::kApprovals;
  r = ChooseMenu(in, MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tie_break, "payment per supporter asc, then approvals desc, cost asc, file order");
  EXPECT_EQ(r->tie_break_zh, "每户分摊额低者优先，同额时票数多者、造价低者、文件中在前者优先");
  EXPECT_EQ(r->mes_runs, 1);
}

TEST(Menu, RequiredItemsOverBudgetNamesThem) {
  MenuInput in = MajorityAndMinority();
  in.items.push_back(Item("R2", 850, true));
  auto r = ChooseMenu(in, MenuRule::kEqualShares);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(r.status().message(), HasSubstr("\"R\" 1.00"));
  EXPECT_THAT(r.status().message(), HasSubstr("\"R2\" 8.50"));
  EXPECT_THAT(r.status().message(), HasSubstr("9.50"));
}

TEST(Menu, BadInputNamesTheRecord) {
  MenuInput in = MajorityAndMinority();
  in.items[2].cost = Money::Fen(-1);
  auto r = ChooseMenu(in, MenuRule::kGreedyApprovals);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("items[2] \"B\" cost"));

  in = MajorityAndMinority();
  in.ballots[1].approved.push_back("Q");
  r = ChooseMenu(in, MenuRule::kEqualShares);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), HasSubstr("ballots[1] \"H2\" approved[2]"));

  in = MajorityAndMinority();
  in.ballots[3].household_id = "H1";
  r = ChooseMenu(in, MenuRule::kEqualShares);
  EXPECT_EQ(r.status().code(), absl::StatusCode::kAlreadyExists);
}

}  // namespace
}  // namespace renewal
