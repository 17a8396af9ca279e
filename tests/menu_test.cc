// Residents' menu choice (菜单式改造, seed 001 Ningbo: 组织业主对改造内容进行选择;
// BRIEF §3 "基础类应改尽改"). The small cases are worked by hand below; amounts in fen.
#include "renewal/menu.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

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
