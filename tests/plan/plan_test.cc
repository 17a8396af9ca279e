// The annual plan under budget (BRIEF §7; seed 001 Ningbo 择优纳入年度计划、滚动纳入计划;
// seed 000 Xiangtan 项目库、候补). Every expected value is worked out by hand in the comment.
#include "renewal/plan/plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string_view>

#include "support/plan_instances.h"
#include "knapsack_pair_moves.h"
#include "renewal/registry/registry.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

KnapsackItem Item(std::int64_t value, std::int64_t weight, std::int32_t group = -1,
                  bool forced = false) {
  return KnapsackItem{value, weight, group, forced};
}

GroupLimit Counts(std::int64_t min, std::int64_t max) {
  GroupLimit g;
  g.min_count = min;
  g.max_count = max;
  return g;
}

DistrictLimit Limit(std::string id, std::int64_t min, std::int64_t max) {
  DistrictLimit l;
  l.district_id = std::move(id);
  l.min_projects = min;
  l.max_projects = max;
  return l;
}

std::vector<std::size_t> Chosen(const KnapsackSolution& s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.selected.size(); ++i) {
    if (s.selected[i]) out.push_back(i);
  }
  return out;
}

// ---------------------------------------------------------------------------
// The knapsack core.

// Costs 60/50/50, scores 13/10/10, budget 100. Greedy by score per cost takes the 60
// (13/60 ≈ 0.217 > 10/50 = 0.2) and then nothing fits: 13. The optimum is the two
// 50s: 20. LP bound: 13 + 10·(40/50) = 21.
TEST(Knapsack, GreedyIsNotOptimalButExactIs) {
  KnapsackProblem p;
  p.items = {Item(13, 60), Item(10, 50), Item(10, 50)};
  p.capacity = 100;
  SolveOptions exact;
  exact.solver = SolverKind::kExact;
  auto s = SolveKnapsack(p, exact);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(Chosen(*s), ElementsAre(1, 2));
  EXPECT_EQ(s->value, 20);
  EXPECT_EQ(s->weight, 100);
  EXPECT_TRUE(s->proven_optimal);
  EXPECT_EQ(s->lp_bound, 21);
  EXPECT_EQ(s->critical_item, 1);  // the first 50 is cut in the LP

  SolveOptions fast;
  fast.solver = SolverKind::kFast;
  auto g = SolveKnapsack(p, fast);
  ASSERT_TRUE(g.ok());
  EXPECT_THAT(Chosen(*g), ElementsAre(0));
  EXPECT_EQ(g->value, 13);
  EXPECT_FALSE(g->proven_optimal);
  // gap = (21 − 13) / 21 = 0.380952… → 380953 ppm (rounded up).
  EXPECT_EQ(g->gap_ppm, 380953);
}

// A project costing exactly the budget left fits; one fen more does not.
TEST(Knapsack, BudgetBoundaryBothSides) {
  KnapsackProblem p;
  p.items = {Item(5, 40), Item(4, 60)};
  p.capacity = 100;  // 40 + 60 = 100 exactly
  auto s = SolveKnapsack(p);
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(Chosen(*s), ElementsAre(0, 1));
  EXPECT_EQ(s->value, 9);
  p.capacity = 99;  // only one fits: the 5
  s = SolveKnapsack(p);
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(Chosen(*s), ElementsAre(0));
  EXPECT_EQ(s->value, 5);
}

// Forced items are in even when their ratio is poor; the rest fills what is left.
// Capacity 100, forced (1, 70): left 30; best of (9, 30), (5, 20), (5, 10) in 30:
// 9 (30) vs 5+5 = 10 (30) → the two small ones. Total 11.
TEST(Knapsack, ForcedItemsFirst) {
  KnapsackProblem p;
  p.items = {Item(1, 70, -1, true), Item(9, 30), Item(5, 20), Item(5, 10)};
  p.capacity = 100;
  auto s = SolveKnapsack(p);
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(Chosen(*s), ElementsAre(0, 2, 3));
  EXPECT_EQ(s->value, 11);
}

// Group 0 has at most one item; group 1 needs at least one. Items: g0 (10, 10),
// g0 (9, 10), g1 (1, 10), none (5, 10); capacity 30. Without limits: 10 + 9 + 5 = 24.
// With them: one of group 0 (10), the group-1 item (1), and (5): 16.
TEST(Knapsack, GroupMinimumAndMaximum) {
  KnapsackProblem p;
  p.items = {Item(10, 10, 0), Item(9, 10, 0), Item(1, 10, 1), Item(5, 10)};
  p.groups = {Counts(0, 1), Counts(1, 5)};
  p.capacity = 30;
  auto s = SolveKnapsack(p);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(Chosen(*s), ElementsAre(0, 2, 3));
  EXPECT_EQ(s->value, 16);
  EXPECT_TRUE(s->proven_optimal);
  SolveOptions fast;
  fast.solver = SolverKind::kFast;
  auto g = SolveKnapsack(p, fast);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->value, 16);
}

TEST(Knapsack, BadInputIsRejected) {
  KnapsackProblem p;
  p.items = {Item(1, 10), Item(2, -5)};
  p.capacity = 100;
  auto s = SolveKnapsack(p);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.status().message(), HasSubstr("items[1] weight"));
  EXPECT_THAT(s.status().message(), HasSubstr("-5"));

  p.items = {Item(1, 60, -1, true), Item(2, 50, -1, true)};
  s = SolveKnapsack(p);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.status().message(), HasSubstr("[0, 1]"));

  p.items = {Item(1, 60, 0)};
  p.groups = {Counts(2, 3)};
  s = SolveKnapsack(p);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.status().message(), HasSubstr("group 0 needs 2"));
}

// The instance as text, printed when a comparison fails.
std::string Dump(const KnapsackProblem& p) {
  std::string o = "\ncapacity " + std::to_string(p.capacity) + "\n";
  for (const GroupLimit& g : p.groups) {
    o += "group count [" + std::to_string(g.min_count) + ", " + std::to_string(g.max_count) +
         "] weight [" + std::to_string(g.min_weight) + ", " + std::to_string(g.max_weight) + "]\n";
  }
  for (const KnapsackItem& it : p.items) {
    o += "item v " + std::to_string(it.value) + " w " + std::to_string(it.weight) + " group " +
         std::to_string(it.group) + (it.forced ? " forced" : "") + "\n";
  }
  return o;
}

std::int64_t BruteForce(const KnapsackProblem& p) {
  const std::size_t n = p.items.size();
  std::int64_t best = -1;
  std::uint32_t forced = 0;
  for (std::size_t i = 0; i < n; ++i) forced |= p.items[i].forced ? 1u << i : 0u;
  for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
    if ((mask & forced) != forced) continue;
    std::int64_t v = 0, w = 0;
    std::vector<std::int64_t> count(p.groups.size(), 0), gw(p.groups.size(), 0);
    bool ok = true;
    for (std::size_t i = 0; i < n; ++i) {
      const bool in = (mask >> i) & 1u;
      if (p.items[i].forced && !in) ok = false;
      if (!in) continue;
      v += p.items[i].value;
      w += p.items[i].weight;
      if (p.items[i].group >= 0) {
        ++count[static_cast<std::size_t>(p.items[i].group)];
        gw[static_cast<std::size_t>(p.items[i].group)] += p.items[i].weight;
      }
    }
    if (!ok || w > p.capacity) continue;
    for (std::size_t g = 0; g < p.groups.size(); ++g) {
      if (count[g] < p.groups[g].min_count || count[g] > p.groups[g].max_count) ok = false;
      if (gw[g] < p.groups[g].min_weight || gw[g] > p.groups[g].max_weight) ok = false;
    }
    if (ok) best = std::max(best, v);
  }
  return best;
}

// The exact solver against enumeration of all 2^n subsets, n ≤ 20, with forced items
// and group limits; the fast solver never beats the optimum and its gap is honest.
TEST(Knapsack, ExactMatchesBruteForceOnRandomInstances) {
  std::mt19937_64 rng(20240601);
  int feasible = 0;
  for (int round = 0; round < 300; ++round) {
    KnapsackProblem p;
    // A few instances at the full 18–20 items, the rest up to 14 (enumeration is 2^n).
    const std::size_t n = round < 9 ? 18 + static_cast<std::size_t>(round % 3) : 1 + rng() % 14;
    const int groups = static_cast<int>(rng() % 3);
    for (int g = 0; g < groups; ++g) {
      const std::int64_t lo = static_cast<std::int64_t>(rng() % 2);
      p.groups.push_back(Counts(lo, lo + static_cast<std::int64_t>(rng() % 4)));
    }
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      KnapsackItem it;
      // Correlated values (hard for greedy) half of the time.
      it.weight = 1 + static_cast<std::int64_t>(rng() % 100);
      it.value = round % 2 ? it.weight + 10 : static_cast<std::int64_t>(rng() % 100);
      it.group = groups > 0 && rng() % 2 ? static_cast<std::int32_t>(rng() % groups) : -1;
      it.forced = rng() % 15 == 0;
      total += it.weight;
      p.items.push_back(it);
    }
    p.capacity = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(total + 1));
    const std::int64_t expected = BruteForce(p);
    SolveOptions exact;
    exact.solver = SolverKind::kExact;
    auto s = SolveKnapsack(p, exact);
    if (expected < 0) {
      // Infeasible: the solver must say so (forced items or group limits).
      EXPECT_FALSE(s.ok()) << "round " << round;
      continue;
    }
    ++feasible;
    ASSERT_TRUE(s.ok()) << "round " << round << ": " << s.status();
    EXPECT_EQ(s->value, expected) << "round " << round << Dump(p);
    EXPECT_TRUE(s->proven_optimal);
    EXPECT_LE(s->weight, p.capacity);
    EXPECT_GE(s->lp_bound, s->value);
    SolveOptions fast;
    fast.solver = SolverKind::kFast;
    auto g = SolveKnapsack(p, fast);
    ASSERT_TRUE(g.ok()) << "round " << round << ": " << g.status();
    EXPECT_LE(g->value, expected);
    EXPECT_LE(g->weight, p.capacity);
  }
  EXPECT_GT(feasible, 150);
}

// Checks an exact solution against enumeration: same value, feasible, proven.
void ExpectMatchesBruteForce(const KnapsackProblem& p, const std::string& what) {
  const std::int64_t expected = BruteForce(p);
  SolveOptions exact;
  exact.solver = SolverKind::kExact;
  auto s = SolveKnapsack(p, exact);
  if (expected < 0) {
    EXPECT_FALSE(s.ok()) << what;
    if (!s.ok()) {
      EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition) << what;
    }
    return;
  }
  ASSERT_TRUE(s.ok()) << what << ": " << s.status();
  EXPECT_EQ(s->value, expected) << what << Dump(p);
  EXPECT_TRUE(s->proven_optimal) << what;
  EXPECT_LE(s->weight, p.capacity) << what;
  EXPECT_GE(s->lp_bound, s->value) << what;
  std::vector<std::int64_t> gw(p.groups.size(), 0);
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    if (s->selected[i] && p.items[i].group >= 0) gw[static_cast<std::size_t>(p.items[i].group)] += p.items[i].weight;
  }
  for (std::size_t g = 0; g < p.groups.size(); ++g) {
    EXPECT_GE(gw[g], p.groups[g].min_weight) << what << " group " << g;
    EXPECT_LE(gw[g], p.groups[g].max_weight) << what << " group " << g;
  }
}

// Strongly correlated and subset-sum-like instances (value = weight + constant,
// value = weight), where every item has nearly the same ratio and the LP bound
// prunes little, with a few weight-0 items: the expanding-core DP must still match
// enumeration.
TEST(Knapsack, CorrelatedAndSubsetSumMatchBruteForce) {
  std::mt19937_64 rng(20240602);
  for (int round = 0; round < 240; ++round) {
    KnapsackProblem p;
    const std::size_t n = round < 12 ? 18 + static_cast<std::size_t>(round % 3) : 1 + rng() % 14;
    const int kind = round % 3;  // 0: v = w + 10; 1: v = w; 2: v = w + 1000, large w
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      KnapsackItem it;
      it.weight = kind == 2 ? 100'000 + static_cast<std::int64_t>(rng() % 900'000)
                            : 1 + static_cast<std::int64_t>(rng() % 1000);
      it.value = kind == 1 ? it.weight : it.weight + (kind == 0 ? 10 : 1000);
      if (rng() % 15 == 0) {  // free items are always in the break solution
        it.weight = 0;
        it.value = static_cast<std::int64_t>(rng() % 50);
      }
      it.forced = rng() % 20 == 0;
      total += it.weight;
      p.items.push_back(it);
    }
    p.capacity = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(total + 1));
    ExpectMatchesBruteForce(p, "round " + std::to_string(round));
    auto s = SolveKnapsack(p, SolveOptions{SolverKind::kExact});
    if (s.ok()) {
      EXPECT_TRUE(s->dynamic_programming) << "round " << round;
    }
  }
}

// District money limits (at least / at most a sum of weights per group), with count
// limits and forced items, against enumeration.
TEST(Knapsack, MoneyLimitsMatchBruteForce) {
  std::mt19937_64 rng(20240603);
  int feasible = 0;
  for (int round = 0; round < 300; ++round) {
    KnapsackProblem p;
    const std::size_t n = round < 9 ? 18 + static_cast<std::size_t>(round % 3) : 1 + rng() % 14;
    const int groups = 1 + static_cast<int>(rng() % 3);
    for (int g = 0; g < groups; ++g) {
      GroupLimit gl;
      if (rng() % 2) gl.min_count = static_cast<std::int64_t>(rng() % 2);
      if (rng() % 2) gl.max_count = gl.min_count + static_cast<std::int64_t>(rng() % 4);
      if (rng() % 2) gl.min_weight = static_cast<std::int64_t>(rng() % 150);
      if (rng() % 2) gl.max_weight = gl.min_weight + static_cast<std::int64_t>(rng() % 250);
      p.groups.push_back(gl);
    }
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      KnapsackItem it;
      it.weight = 1 + static_cast<std::int64_t>(rng() % 100);
      it.value = round % 2 ? it.weight + 10 : static_cast<std::int64_t>(rng() % 100);
      it.group = rng() % 4 ? static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(groups)) : -1;
      it.forced = rng() % 20 == 0;
      total += it.weight;
      p.items.push_back(it);
    }
    p.capacity = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(total + 1));
    if (BruteForce(p) >= 0) ++feasible;
    ExpectMatchesBruteForce(p, "round " + std::to_string(round));
  }
  EXPECT_GT(feasible, 100);
}

// Hand-worked money limits. Items (value, weight): #0 g0 (10, 40), #1 g0 (9, 30),
// #2 g0 (8, 30), #3 g1 (3, 50), #4 free (6, 20); capacity 120.
//  * Group 0 at most 60 in weight: its subsets within 60 are {0} 10, {1} 9, {2} 8,
//    {1, 2} 17 (60). {1, 2, 4} = 23 (80); adding #3 would make 130 > 120. Others:
//    {1, 2, 3} = 20, {0, 3, 4} = 19. Optimum {1, 2, 4} = 23.
//  * Also group 1 at least 50: #3 (50) must be in, 70 left: {1, 2} (60) → 20;
//    {0, 4} (60) → 19; {1, 4} (50) → 18. Optimum {1, 2, 3} = 20.
//  * Group 1 at least 60: its only candidate weighs 50 — infeasible, named.
//  * #0 forced with group 0 at most 39: the forced weight 40 is over — named.
TEST(Knapsack, MoneyLimitsHandWorked) {
  KnapsackProblem p;
  p.items = {Item(10, 40, 0), Item(9, 30, 0), Item(8, 30, 0), Item(3, 50, 1), Item(6, 20)};
  p.capacity = 120;
  p.groups = {GroupLimit{}, GroupLimit{}};
  p.groups[0].max_weight = 60;
  auto s = SolveKnapsack(p);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(Chosen(*s), ElementsAre(1, 2, 4));
  EXPECT_EQ(s->value, 23);
  EXPECT_TRUE(s->proven_optimal);
  p.groups[1].min_weight = 50;
  s = SolveKnapsack(p);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(Chosen(*s), ElementsAre(1, 2, 3));
  EXPECT_EQ(s->value, 20);
  // At least 60 in group 1, whose only candidate weighs 50: named infeasibility.
  p.groups[1].min_weight = 60;
  s = SolveKnapsack(p);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.status().message(), HasSubstr("group 1 needs weight 60"));
  // A forced item over its group's maximum.
  p.groups[1].min_weight = 0;
  p.items[0].forced = true;
  p.groups[0].max_weight = 39;
  s = SolveKnapsack(p);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(s.status().message(), HasSubstr("group 0 has forced items of weight 40"));
}

// The benchmark's 2,000 candidates with scores correlated with cost
// (BM_Exact/2000/1/0): branch and bound alone stopped at its node limit; the
// expanding-core DP proves the optimum. Correctness only: no timing here.
TEST(Knapsack, TwoThousandCorrelatedCandidatesAreProvenOptimal) {
  const KnapsackProblem p = bench::Instance(2000, true, 0);
  auto s = SolveKnapsack(p, SolveOptions{SolverKind::kExact});
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->proven_optimal);
  EXPECT_TRUE(s->dynamic_programming);
  EXPECT_LE(s->weight, p.capacity);
  EXPECT_LE(s->value, s->lp_bound);
  // The independent and district instances are proven too, and the correlated one with
  // district counts (the Lagrangian multiplier then lies between item ratios).
  for (const auto& [correlated, districts] : {std::pair{false, 0}, {false, 10}, {true, 10}}) {
    auto t = SolveKnapsack(bench::Instance(2000, correlated, districts),
                           SolveOptions{SolverKind::kExact});
    ASSERT_TRUE(t.ok()) << t.status();
    EXPECT_TRUE(t->proven_optimal) << correlated << " " << districts;
    EXPECT_EQ(t->dynamic_programming, districts == 0);  // binding district counts: B&B
  }
}

// With the money limits of BM_Exact/2000/0/10/1 binding, swapping one item at a time
// left the plan 1,266 ppm below the optimum (52,721,351 of 52,788,198); the pair
// moves and the re-search of one and two districts at a time (money moved between
// them) bring the incumbent within 20 ppm. The optimum 52,788,198 was proven by an
// outside MIP solver (COIN-OR CBC 2.10.8, 21 s), so no plan may exceed it. node_limit
// 10 leaves the final search out: this checks the local search alone.
TEST(Knapsack, BindingDistrictMoneyPlanComesWithin20PpmOfTheOptimum) {
  const KnapsackProblem p = bench::Instance(2000, false, 10, true);
  SolveOptions o{SolverKind::kExact};
  o.node_limit = 10;
  auto s = SolveKnapsack(p, o);
  ASSERT_TRUE(s.ok()) << s.status();
  constexpr std::int64_t kOptimum = 52'788'198;
  EXPECT_LE(s->value, kOptimum);
  EXPECT_GE(s->value, kOptimum - kOptimum / 50'000);
  EXPECT_LE(s->weight, p.capacity);
  for (std::size_t g = 0; g < p.groups.size(); ++g) {
    std::int64_t count = 0, weight = 0;
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      if (s->selected[i] && p.items[i].group == static_cast<std::int32_t>(g)) {
        ++count;
        weight += p.items[i].weight;
      }
    }
    EXPECT_GE(count, p.groups[g].min_count) << g;
    EXPECT_LE(count, p.groups[g].max_count) << g;
    EXPECT_GE(weight, p.groups[g].min_weight) << g;
    EXPECT_LE(weight, p.groups[g].max_weight) << g;
  }
}

// One group of at most 2 items and 10 weight, selected A (7, w 6) and B (4, w 4):
// value 11. No single swap helps (A→C: 6 + 4 = 10; B→C: weight 6 + 5 = 11 > 10); the
// pair {C, D} (6 + 6 = 12, weight exactly 10) replaces both. With D of weight 6 the
// pair weighs 11 and nothing moves.
TEST(Knapsack, PairMoveFillsTheGroupMoneySingleSwapsLeave) {
  auto prepared = [](std::int64_t d_weight) {
    internal::Prepared s;  // ratio order: C, D, A, B
    s.idx = {2, 3, 0, 1};
    s.v = {6, 6, 7, 4};
    s.w = {5, d_weight, 6, 4};
    s.g = {0, 0, 0, 0};
    s.capacity = 100;
    s.max_left = {2};
    s.deficit = {0};
    s.max_w_left = {10};
    s.deficit_w = {0};
    return s;
  };
  std::vector<bool> take{false, false, true, true};
  EXPECT_EQ(internal::ImproveByPairMoves(prepared(5), take, 10, 10), 1);
  EXPECT_THAT(take, ElementsAre(true, true, false, false));
  take = {false, false, true, true};
  EXPECT_EQ(internal::ImproveByPairMoves(prepared(6), take, 10, 10), 0);
  EXPECT_THAT(take, ElementsAre(false, false, true, true));
}

// node_limit bounds the DP too (states kept per expansion step): with 1,000 the
// correlated instance stops unproven, with a feasible plan no better than the optimum.
TEST(Knapsack, NodeLimitStopsTheDynamicProgrammeUnproven) {
  const KnapsackProblem p = bench::Instance(2000, true, 0);
  auto full = SolveKnapsack(p, SolveOptions{SolverKind::kExact});
  ASSERT_TRUE(full.ok());
  SolveOptions limited{SolverKind::kExact};
  limited.node_limit = 1000;
  auto s = SolveKnapsack(p, limited);
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(s->dynamic_programming);
  EXPECT_FALSE(s->proven_optimal);
  EXPECT_GT(s->nodes, 1000);
  EXPECT_LE(s->value, full->value);
  EXPECT_LE(s->weight, p.capacity);
  EXPECT_GT(s->gap_ppm, 0);
}

TEST(Knapsack, DeterministicForEqualInput) {
  KnapsackProblem p;
  for (int i = 0; i < 40; ++i) p.items.push_back(Item(10, 10));  // all ties
  p.capacity = 55;
  auto a = SolveKnapsack(p);
  auto b = SolveKnapsack(p);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->selected, b->selected);
  EXPECT_EQ(a->value, 50);
  // Ties go to the lower index.
  EXPECT_THAT(Chosen(*a), ElementsAre(0, 1, 2, 3, 4));
}

// ---------------------------------------------------------------------------
// The annual plan from facts.

// An empty sheet keeps the sums easy: scores are set through the carry-over bonus
// (1 point per carried-over year).
ScoringSheet FlatSheet() {
  ScoringSheet s;
  s.name = "flat";
  return s;
}

CandidateProject Project(std::string id, std::int64_t cost_wan, int carried = 0) {
  CandidateProject p;
  p.id = std::move(id);
  p.estate_id = "E-" + p.id;
  p.cost = Money::Fen(cost_wan * 1'000'000);
  p.government_share = Money::Fen(cost_wan * 500'000);
  p.carried_over_years = carried;
  return p;
}

ProjectFacts Facts(const CandidateProject& p, std::string district, std::int64_t households,
                   std::int64_t hazards = 0) {
  ProjectFacts f;
  f.project_id = p.id;
  f.estate_id = p.estate_id;
  f.district_id = std::move(district);
  f.at(Feature::kHouseholds) = households;
  f.at(Feature::kHazardCount) = hazards;
  return f;
}

// The 60/50/50 instance as projects: scores 13/10/10 points come from the carry-over
// bonus (1 point per year) on an empty sheet; budget 100万 → B and C.
TEST(AnnualPlan, SixtyFiftyFiftyTakesTheTwoFifties) {
  std::vector<CandidateProject> ps = {Project("A", 60, 13), Project("B", 50, 10),
                                      Project("C", 50, 10)};
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 100), Facts(ps[1], "D1", 80),
                                  Facts(ps[2], "D2", 90)};
  PlanOptions o;
  o.budget = Money::Fen(100 * 1'000'000);
  o.carry_over_bonus = 1000;
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE(plan->proven_optimal);
  EXPECT_EQ(plan->total_score, 20'000);
  EXPECT_EQ(plan->households, 170);
  EXPECT_EQ(plan->spent, Money::Fen(100'000'000));
  EXPECT_EQ(plan->left, Money::Fen(0));
  ASSERT_EQ(plan->decisions.size(), 3u);
  // Rank order: A (13), then C (10, 90 households) before B (10, 80 households).
  EXPECT_EQ(plan->decisions[0].project_id, "A");
  EXPECT_EQ(plan->decisions[1].project_id, "C");
  EXPECT_EQ(plan->decisions[2].project_id, "B");
  const ProjectDecision& a = plan->decisions[0];
  EXPECT_FALSE(a.selected);
  EXPECT_EQ(a.reason, Reason::kBudget);
  EXPECT_EQ(a.tier, Tier::kPlan);  // plan tier (default size = budget) holds it
  EXPECT_EQ(a.substitute_order, 1);
  // A's reason, wholly in each language: 60万 against the 0 left; 13 points / 60万 =
  // 0.216 per 万元 against the cut-off 10 / 50万 = 0.200.
  EXPECT_EQ(a.explanation_zh,
            "预算约束：成本 60.00万 超过剩余预算 0.00万；每万元 0.216 分（边际门槛 0.200/万元）");
  EXPECT_EQ(a.explanation_en,
            "budget: cost 600000.00 yuan is over the remaining 0.00 yuan; 0.216 points per "
            "10,000 yuan (marginal cutoff 0.200 per 10,000 yuan)");
  EXPECT_TRUE(plan->decisions[1].selected);
  EXPECT_EQ(plan->decisions[1].reason, Reason::kSelected);
  // 13 points / 60万 = 0.216666… points per 万元 → 216 milli-points.
  EXPECT_EQ(a.ratio_milli_per_wan, 216);
  // The LP's critical project is B or C at 10/50 = 0.2 points per 万元.
  EXPECT_EQ(plan->cutoff_milli_per_wan, 200);
}

// Government share as the budget basis: shares are half the cost, so 100万 of
// government money pays for all three (30 + 25 + 25 = 80万).
TEST(AnnualPlan, GovernmentShareBasis) {
  std::vector<CandidateProject> ps = {Project("A", 60, 13), Project("B", 50, 10),
                                      Project("C", 50, 10)};
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 100), Facts(ps[1], "D1", 80),
                                  Facts(ps[2], "D2", 90)};
  PlanOptions o;
  o.budget = Money::Fen(100 * 1'000'000);
  o.basis = BudgetBasis::kGovernmentShare;
  o.carry_over_bonus = 1000;
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->spent, Money::Fen(80 * 1'000'000));
  EXPECT_EQ(plan->total_score, 33'000);
}

// Households as the objective: A 100 households for 60万, B 80 + C 90 = 170 for 100万.
TEST(AnnualPlan, HouseholdsObjective) {
  std::vector<CandidateProject> ps = {Project("A", 60), Project("B", 50), Project("C", 50)};
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 100), Facts(ps[1], "D1", 80),
                                  Facts(ps[2], "D2", 90)};
  PlanOptions o;
  o.budget = Money::Fen(100 * 1'000'000);
  o.objective = Objective::kHouseholds;
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->objective_value, 170);
}

// Must-include (safety hazards) and readiness ("成熟一个、改造一个").
TEST(AnnualPlan, HazardsForcedAndReadinessFilter) {
  std::vector<CandidateProject> ps = {Project("A", 60, 13), Project("B", 50, 10),
                                      Project("C", 50, 10), Project("H", 40, 0)};
  ps[0].vote_passed = true;
  ps[1].vote_passed = false;
  ps[2].vote_passed = true;
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 100), Facts(ps[1], "D1", 80),
                                  Facts(ps[2], "D2", 90), Facts(ps[3], "D2", 10, 2)};
  PlanOptions o;
  o.budget = Money::Fen(100 * 1'000'000);
  o.carry_over_bonus = 1000;
  o.must_include_hazards = true;
  o.require_vote_passed = true;
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  // H (40万, forced although its vote is unknown) leaves 60万: A (13) beats C (10).
  std::map<std::string, const ProjectDecision*> by;
  for (const ProjectDecision& x : plan->decisions) by[x.project_id] = &x;
  EXPECT_TRUE(by["H"]->selected);
  EXPECT_EQ(by["H"]->reason, Reason::kMustInclude);
  EXPECT_TRUE(by["A"]->selected);
  EXPECT_FALSE(by["B"]->selected);
  EXPECT_EQ(by["B"]->reason, Reason::kNotReady);
  EXPECT_EQ(by["B"]->explanation_zh, "条件未成熟（表决未通过），不纳入当年实施");
  EXPECT_EQ(by["B"]->explanation_en, "not ready (owners' vote not passed): not in this year's works");
  EXPECT_EQ(by["B"]->substitute_order, 0);  // not ready: not a substitute
  EXPECT_FALSE(by["C"]->selected);
  EXPECT_EQ(by["C"]->substitute_order, 1);
}

// Review (方案审查, docs/scheme.md): with require_review_passed only estates whose plan
// passed review compete; a failed or missing review is "not ready". Scores from the
// carry-over bonus: A 13, B 10, C 9 points; costs 40万, 50万, 50万; budget 100万.
TEST(AnnualPlan, ReviewFilter) {
  std::vector<CandidateProject> ps = {Project("A", 40, 13), Project("B", 50, 10),
                                      Project("C", 50, 9)};
  ps[0].review_passed = false;  // A's plan failed review
  ps[1].review_passed = true;   // C has no review recorded
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 100), Facts(ps[1], "D1", 80),
                                  Facts(ps[2], "D2", 90)};
  PlanOptions o;
  o.budget = Money::Fen(100 * 1'000'000);
  o.carry_over_bonus = 1000;
  o.require_review_passed = true;
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  std::map<std::string, const ProjectDecision*> by;
  for (const ProjectDecision& x : plan->decisions) by[x.project_id] = &x;
  EXPECT_FALSE(by["A"]->selected);
  EXPECT_EQ(by["A"]->reason, Reason::kNotReady);
  EXPECT_EQ(by["A"]->explanation_zh, "条件未成熟（方案未通过审查），不纳入当年实施");
  EXPECT_EQ(by["A"]->explanation_en,
            "not ready (estate plan not passed in review): not in this year's works");
  EXPECT_TRUE(by["B"]->selected);
  EXPECT_FALSE(by["C"]->selected);
  EXPECT_EQ(by["C"]->reason, Reason::kNotReady);
  // Without the filter: A + B (23 points, 90万) beats A + C (22) and B + C (19).
  o.require_review_passed = false;
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  by.clear();
  for (const ProjectDecision& x : plan->decisions) by[x.project_id] = &x;
  EXPECT_TRUE(by["A"]->selected);
  EXPECT_TRUE(by["B"]->selected);
  EXPECT_FALSE(by["C"]->selected);
}

TEST(AnnualPlan, BudgetBelowMustIncludesNamesThem) {
  std::vector<CandidateProject> ps = {Project("A", 60), Project("B", 50)};
  ps[0].must_include = true;
  ps[1].must_include = true;
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 1), Facts(ps[1], "D1", 1)};
  PlanOptions o;
  o.budget = Money::Fen(100 * 1'000'000);
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(), HasSubstr("\"A\" 60.00万"));
  EXPECT_THAT(plan.status().message(), HasSubstr("\"B\" 50.00万"));
  EXPECT_THAT(plan.status().message(), HasSubstr("110.00万"));
}

TEST(AnnualPlan, NegativeCostIsRejected) {
  std::vector<CandidateProject> ps = {Project("A", 60), Project("B", -5)};
  ps[1].government_share = Money::Fen(0);
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 1), Facts(ps[1], "D1", 1)};
  PlanOptions o;
  o.budget = Money::Fen(100);
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(plan.status().message(), HasSubstr("projects[1] \"B\" cost"));
  EXPECT_THAT(plan.status().message(), HasSubstr("-50000.00"));
}

// District limits: D1 at most 1 project; D2 at least 1. Scores A 13 (D1, 60万),
// B 10 (D1, 50万), C 1 (D2, 50万), budget 110万 → A + C (14) rather than B + C (11);
// B is out because D1 is full.
TEST(AnnualPlan, DistrictLimitsBindAndAreNamed) {
  std::vector<CandidateProject> ps = {Project("A", 60, 13), Project("B", 50, 10),
                                      Project("C", 50, 1)};
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 1), Facts(ps[1], "D1", 1),
                                  Facts(ps[2], "D2", 1)};
  PlanOptions o;
  o.budget = Money::Fen(110 * 1'000'000);
  o.carry_over_bonus = 1000;
  o.district_limits = {Limit("D1", 0, 1), Limit("D2", 1, 5)};
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->total_score, 14'000);
  std::map<std::string, const ProjectDecision*> by;
  for (const ProjectDecision& x : plan->decisions) by[x.project_id] = &x;
  EXPECT_EQ(by["B"]->reason, Reason::kDistrictMaximum);
  EXPECT_EQ(by["C"]->reason, Reason::kDistrictMinimum);

  o.district_limits = {Limit("D2", 3, 5)};
  auto bad = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(bad.status().message(), HasSubstr("district \"D2\""));
}

DistrictLimit Spending(std::string id, std::int64_t min_wan, std::optional<std::int64_t> max_wan) {
  DistrictLimit l;
  l.district_id = std::move(id);
  l.min_spending = Money::Fen(min_wan * 1'000'000);
  if (max_wan) l.max_spending = Money::Fen(*max_wan * 1'000'000);
  return l;
}

const ProjectDecision& ById(const AnnualPlan& plan, std::string_view id) {
  for (const ProjectDecision& x : plan.decisions) {
    if (x.project_id == id) return x;
  }
  static const ProjectDecision none;
  ADD_FAILURE() << "no project " << id;
  return none;
}

std::vector<CandidateProject> TwoDistricts() {
  return {Project("A", 60, 13), Project("B", 50, 10), Project("C", 50, 9), Project("D", 30, 4)};
}
std::vector<ProjectFacts> TwoDistrictFacts(const std::vector<CandidateProject>& ps) {
  return {Facts(ps[0], "D1", 1), Facts(ps[1], "D1", 1), Facts(ps[2], "D2", 1),
          Facts(ps[3], "D2", 1)};
}

// District money limits. A (D1, 60万, 13 points), B (D1, 50万, 10), C (D2, 50万, 9),
// D (D2, 30万, 4); budget 110万. Unlimited: A + B = 23 (110万) beats A + C = 22.
//  * D1 at most 60万: A and B no longer go together. A + C = 22 (110万), B + C = 19,
//    A + D = 17 → A + C; B is out by D1's money maximum (60万 spent + 50万 > 60万).
//  * also D2 at least 80万: only C + D (80万) reach it; 30万 left fits neither A nor B
//    → 13 points; C and D are in by the minimum (without either D2 has < 80万).
//    Their ratios (0.18 and 0.133 points per 万元) are at or below the LP cut-off C
//    (A + B fill 110万 whole, C is the first that does not fit: 0.18).
TEST(AnnualPlan, DistrictSpendingLimits) {
  std::vector<CandidateProject> ps = TwoDistricts();
  std::vector<ProjectFacts> fs = TwoDistrictFacts(ps);
  PlanOptions o;
  o.budget = Money::Fen(110 * 1'000'000);
  o.carry_over_bonus = 1000;
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->total_score, 23'000);

  o.district_limits = {Spending("D1", 0, 60)};
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->total_score, 22'000);
  EXPECT_TRUE(plan->proven_optimal);
  EXPECT_TRUE(ById(*plan, "C").selected);
  EXPECT_EQ(ById(*plan, "B").reason, Reason::kDistrictMaximum);
  EXPECT_THAT(ById(*plan, "B").explanation_zh,
              HasSubstr("区县 \"D1\" 资金上限 60.00万：已安排 60.00万，加上本项目 50.00万 将超出"));
  EXPECT_THAT(ById(*plan, "B").explanation_en,
              HasSubstr("district \"D1\"'s maximum spending of 600000.00 yuan: 600000.00 yuan "
                        "selected, this project's 500000.00 yuan would exceed it"));

  o.district_limits = {Spending("D1", 0, 60), Spending("D2", 80, std::nullopt)};
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->total_score, 13'000);
  EXPECT_EQ(plan->spent, Money::Fen(80 * 1'000'000));
  EXPECT_EQ(ById(*plan, "C").reason, Reason::kDistrictMinimum);
  EXPECT_EQ(ById(*plan, "D").reason, Reason::kDistrictMinimum);
  EXPECT_THAT(ById(*plan, "C").explanation_zh,
              HasSubstr("区县 \"D2\" 资金下限 80.00万（已安排 80.00万，去掉本项目 50.00万 则不足）"));
  EXPECT_THAT(ById(*plan, "C").explanation_en,
              HasSubstr("included to meet district \"D2\"'s minimum spending of 800000.00 yuan "
                        "(800000.00 yuan selected; without this project's 500000.00 yuan it "
                        "falls short)"));
  EXPECT_EQ(ById(*plan, "A").reason, Reason::kBudget);  // 60万 > 30万 left

  // The limits are on the budget basis: government shares are half the costs (A 30万,
  // B 25万, C 25万, D 15万). D1 at most 50万 keeps A and B apart (55万); A + C + D =
  // 26 points for 70万 beats B + C + D = 23.
  o.basis = BudgetBasis::kGovernmentShare;
  o.district_limits = {Spending("D1", 0, 50)};
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->total_score, 26'000);
  EXPECT_FALSE(ById(*plan, "B").selected);
}

TEST(AnnualPlan, InfeasibleSpendingLimitsNameTheDistrictAndSums) {
  std::vector<CandidateProject> ps = TwoDistricts();
  std::vector<ProjectFacts> fs = TwoDistrictFacts(ps);
  PlanOptions o;
  o.budget = Money::Fen(110 * 1'000'000);
  // D2's candidates cost 80万 together.
  o.district_limits = {Spending("D2", 200, std::nullopt)};
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(),
              HasSubstr("district \"D2\" needs spending of at least 200.00万 but its eligible "
                        "projects cost 80.00万 together"));
  // Minimums of 60万 and 80万 need 140万 of a 110万 budget.
  o.district_limits = {Spending("D1", 60, std::nullopt), Spending("D2", 80, std::nullopt)};
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(), HasSubstr("[\"D1\" 60.00万, \"D2\" 80.00万]"));
  EXPECT_THAT(plan.status().message(), HasSubstr("need 140.00万, more than the budget 110.00万"));
  // A must-include project over its district's maximum.
  ps[0].must_include = true;
  o.district_limits = {Spending("D1", 0, 50)};
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(),
              HasSubstr("district \"D1\" must-include projects [\"A\" 60.00万] cost 60.00万 "
                        "together, more than its maximum spending 50.00万"));
  // Minimum above maximum is bad input.
  ps[0].must_include = false;
  o.district_limits = {Spending("D1", 60, 50)};
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(plan.status().message(), HasSubstr("district_limits[0] \"D1\""));
  // No subset of D2 lands in [55万, 70万] (C 50万, D 30万, C + D 80万): the search proves it.
  o.district_limits = {Spending("D2", 55, 70)};
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(plan.status().message(), HasSubstr("district limits"));
}

// A dropped project leaves its district below the minimum (seed 001 及时增补 with the
// district quota). P1 (D1, 40万, 6 points), P2 (D1, 30万, 5), P3 (D2, 30万, 3),
// P4 (D1, 10万, 2), P5 (D2, 20万, 1); budget 80万; D2 at least 1 project.
// Optimum with D2 ≥ 1: P1 + P3 + P4 = 11 (80万) (P1 + P2 + P4 = 13 has no D2 project;
// P2 + P3 + P4 = 10). Substitutes in rank order: P2 (1st), P5 (2nd).
// P3 drops: 30万 free, D2 has 0 < 1. D2's own substitute P5 (20万) comes first and
// restores it; then P2 (30万 > 10万 left) does not fit. (First fit alone would have
// taken P2 and left D2 empty.)
TEST(AnnualPlan, DropRestoresTheDistrictMinimumFirst) {
  std::vector<CandidateProject> ps = {Project("P1", 40, 6), Project("P2", 30, 5),
                                      Project("P3", 30, 3), Project("P4", 10, 2),
                                      Project("P5", 20, 1)};
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 1), Facts(ps[1], "D1", 1),
                                  Facts(ps[2], "D2", 1), Facts(ps[3], "D1", 1),
                                  Facts(ps[4], "D2", 1)};
  PlanOptions o;
  o.budget = Money::Fen(80 * 1'000'000);
  o.carry_over_bonus = 1000;
  o.district_limits = {Limit("D2", 1, 5)};
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->total_score, 11'000);
  EXPECT_EQ(ById(*plan, "P2").substitute_order, 1);
  EXPECT_EQ(ById(*plan, "P5").substitute_order, 2);
  auto added = DropAndSubstitute(*plan, "P3", o);
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_THAT(*added, ElementsAre("P5"));
  EXPECT_THAT(ById(*plan, "P5").explanation_zh, HasSubstr("恢复区县 \"D2\" 下限"));
  EXPECT_THAT(ById(*plan, "P5").explanation_en, HasSubstr(" (restoring district \"D2\"'s minimum)"));
  EXPECT_FALSE(ById(*plan, "P2").selected);
  EXPECT_EQ(plan->left, Money::Fen(10 * 1'000'000));
  EXPECT_TRUE(plan->district_shortfalls.empty());
  ASSERT_EQ(plan->substitutions.size(), 1u);  // the call is recorded in the plan
  EXPECT_EQ(plan->substitutions[0].dropped_id, "P3");
  EXPECT_THAT(plan->substitutions[0].added_ids, ElementsAre("P5"));
  // P3 is no longer in the implement tier: a second drop fails and changes nothing.
  EXPECT_EQ(DropAndSubstitute(*plan, "P3", o).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(plan->substitutions.size(), 1u);

  // P5 at 40万 cannot come in for 30万: D2 cannot be restored. The general pass takes
  // P2 (30万) and the plan reports D2's shortfall (the optimum before the drop is
  // still P1 + P3 + P4: P1 + P5 = 7, P2 + P4 + P5 = 8).
  ps[4] = Project("P5", 40, 1);
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  added = DropAndSubstitute(*plan, "P3", o);
  ASSERT_TRUE(added.ok());
  EXPECT_THAT(*added, ElementsAre("P2"));
  ASSERT_EQ(plan->district_shortfalls.size(), 1u);
  EXPECT_EQ(plan->district_shortfalls[0].district_id, "D2");
  EXPECT_EQ(plan->district_shortfalls[0].projects, 0);
  EXPECT_EQ(plan->district_shortfalls[0].min_projects, 1);
  EXPECT_THAT(plan->district_shortfalls[0].explanation_zh, HasSubstr("区县 \"D2\" 低于下限"));
  EXPECT_THAT(plan->district_shortfalls[0].explanation_en,
              HasSubstr("district \"D2\" below its minimum: "));

  // A spending minimum of 30万 for D2 (P5 back at 20万): the optimum is again P1 + P3
  // + P4. After P3 drops, P5 alone gives D2 only 20万 < 30万, so it is not taken for
  // the minimum; P2 (30万) fits in turn, and D2's shortfall (0 of 30万) is reported.
  ps[4] = Project("P5", 20, 1);
  o.district_limits = {Spending("D2", 30, std::nullopt)};
  plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->total_score, 11'000);
  added = DropAndSubstitute(*plan, "P3", o);
  ASSERT_TRUE(added.ok());
  EXPECT_THAT(*added, ElementsAre("P2"));
  ASSERT_EQ(plan->district_shortfalls.size(), 1u);
  EXPECT_EQ(plan->district_shortfalls[0].spent, Money::Fen(0));
  EXPECT_EQ(plan->district_shortfalls[0].min_spending, Money::Fen(30 * 1'000'000));
}

// Tiers: implement (budget), plan (next budget's worth in rank order), reserve.
TEST(AnnualPlan, TiersAndDropOutWithSubstitutes) {
  std::vector<CandidateProject> ps = {Project("P1", 40, 5), Project("P2", 40, 4),
                                      Project("P3", 30, 3), Project("P4", 30, 2),
                                      Project("P5", 30, 1)};
  std::vector<ProjectFacts> fs;
  for (const auto& p : ps) fs.push_back(Facts(p, "D1", 10));
  PlanOptions o;
  o.budget = Money::Fen(80 * 1'000'000);
  o.plan_tier_budget = Money::Fen(40 * 1'000'000);
  o.carry_over_bonus = 1000;
  // Best in 80万: P1 + P2 = 9 (P1 + P3 = 8, P3 + P4 = 5 ...).
  auto plan = MakeAnnualPlanFromFacts(ps, fs, FlatSheet(), o);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->decisions[0].tier, Tier::kImplement);
  EXPECT_EQ(plan->decisions[1].tier, Tier::kImplement);
  EXPECT_EQ(plan->decisions[2].tier, Tier::kPlan);     // P3 30万 ≤ 40万
  EXPECT_EQ(plan->decisions[3].tier, Tier::kReserve);  // P4 30万 > 10万 left
  EXPECT_EQ(plan->decisions[4].tier, Tier::kReserve);
  EXPECT_EQ(plan->decisions[2].substitute_order, 1);
  // P2 (40万) drops out: 40万 free → P3 (30万) in, then P4 does not fit (10万 left).
  auto added = DropAndSubstitute(*plan, "P2", o);
  ASSERT_TRUE(added.ok());
  EXPECT_THAT(*added, ElementsAre("P3"));
  EXPECT_EQ(plan->left, Money::Fen(10 * 1'000'000));
  EXPECT_EQ(plan->total_score, 8'000);
  EXPECT_EQ(plan->decisions[1].reason, Reason::kDroppedOut);
  EXPECT_EQ(plan->decisions[2].reason, Reason::kSubstitute);
  auto missing = DropAndSubstitute(*plan, "P9", o);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(plan->left, Money::Fen(10 * 1'000'000));  // unchanged
}

// Rolling plan 2020–2022 at 50万 a year over five 40万/30万 projects.
TEST(RollingPlan, ThreeYears) {
  std::vector<CandidateProject> ps = {Project("P1", 40, 0), Project("P2", 30, 0),
                                      Project("P3", 30, 0), Project("P4", 40, 0)};
  std::vector<ProjectFacts> fs = {Facts(ps[0], "D1", 100), Facts(ps[1], "D1", 60),
                                  Facts(ps[2], "D1", 50), Facts(ps[3], "D1", 70)};
  PlanOptions o;
  o.objective = Objective::kHouseholds;
  std::vector<YearBudget> years = {{2020, Money::Fen(50'000'000)},
                                   {2021, Money::Fen(50'000'000)},
                                   {2022, Money::Fen(50'000'000)}};
  auto r = MakeRollingPlanFromFacts(ps, fs, FlatSheet(), years, o);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->years.size(), 3u);
  // 2020: best single in 50万: P1 (100 households). 2021: P4 (70) vs P2 (60): P4.
  // 2022: P2 (60) then P3 does not fit (30 + 30 > 50): P2.
  EXPECT_THAT(r->years[0].implemented, ElementsAre("P1"));
  EXPECT_THAT(r->years[1].implemented, ElementsAre("P4"));
  EXPECT_THAT(r->years[2].implemented, ElementsAre("P2"));
  EXPECT_EQ(r->years[2].cumulative_households, 230);
  EXPECT_EQ(r->years[0].rolled_over, 3u);
  EXPECT_THAT(r->not_done, ElementsAre("P3"));
}

// ---------------------------------------------------------------------------
// From a registry.

Registry SmallRegistry() {
  RegistryBuilder b(2026);
  EXPECT_TRUE(b.AddDistrict({"D1", "雨湖区"}).ok());
  auto estate = [&](std::string id, int year, int dwellings, bool hazard) {
    Estate e;
    e.id = id;
    e.name = id;
    e.facts.build_year = year;
    e.facts.facilities[static_cast<std::size_t>(Facility::kWater)] = Condition::kPoor;
    e.facts.facilities[static_cast<std::size_t>(Facility::kRoof)] = Condition::kGood;
    if (hazard) {
      e.facts.safety_hazards = std::vector<Hazard>{Hazard::kFire};
    } else {
      e.facts.safety_hazards = std::vector<Hazard>{};
    }
    EXPECT_TRUE(b.BeginEstate(e, "D1", "").ok());
    Building bl;
    bl.id = id + "-B1";
    EXPECT_TRUE(b.AddBuilding(bl).ok());
    EXPECT_TRUE(b.AddEntrance("1").ok());
    for (int k = 0; k < dwellings; ++k) {
      DwellingRecord d;
      std::string did = id + "-" + std::to_string(k);
      d.id = did;
      d.area_centi = 6000;
      d.property_type = PropertyType::kOwnerless;
      EXPECT_TRUE(b.AddDwelling(d).ok());
    }
    EXPECT_TRUE(b.EndEstate().ok());
  };
  estate("E1", 1985, 12, false);
  estate("E2", 1995, 30, true);
  auto r = std::move(b).Finish();
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

TEST(AnnualPlan, FromRegistryFactsAndUnknownEstate) {
  Registry reg = SmallRegistry();
  CandidateProject p1 = Project("P1", 10);
  p1.estate_id = "E1";
  CandidateProject p2 = Project("P2", 10);
  p2.estate_id = "E2";
  auto f = GatherFacts(reg, p2, 2025);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->district_id, "D1");
  EXPECT_EQ(f->at(Feature::kAgeYears), 30);      // 2025 − 1995
  EXPECT_EQ(f->at(Feature::kHouseholds), 30);
  EXPECT_EQ(f->at(Feature::kHazardCount), 1);
  EXPECT_EQ(f->at(Feature::kBasicShortfalls), 1);  // water poor; roof good
  EXPECT_FALSE(f->at(Feature::kServiceShortfalls).has_value());  // none surveyed
  PlanOptions o;
  o.year = 2025;
  o.budget = Money::Fen(10 * 1'000'000);
  o.must_include_hazards = true;
  o.objective = Objective::kHouseholds;
  auto plan = MakeAnnualPlan(reg, {p1, p2}, ZhuzhouSheet(), o);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->households, 30);  // E2 is forced and uses the whole budget
  CandidateProject p3 = Project("P3", 1);
  p3.estate_id = "E9";
  auto bad = MakeAnnualPlan(reg, {p1, p3}, ZhuzhouSheet(), o);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(bad.status().message(), HasSubstr("project \"P3\" estate_id"));
}

}  // namespace
}  // namespace renewal
