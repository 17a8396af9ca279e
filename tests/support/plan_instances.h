// The knapsack instances of the planning benchmarks (docs/performance.md), shared with
// tests/plan_test.cc, which checks that the exact solver proves the 2,000-candidate ones.
#ifndef RENEWAL_BENCH_PLAN_INSTANCES_H_
#define RENEWAL_BENCH_PLAN_INSTANCES_H_

#include <cstdint>
#include <random>

#include "renewal/plan/plan.h"

namespace renewal::bench {

// Costs 50万–1500万 yuan (fen), scores 30–95 points (milli-points); with `correlated`
// the score grows with the cost (hard for branch and bound). Budget: a quarter of the
// total, as in 2023 (53,700 of ~219,000 estates). With `districts`, item i is in
// district i mod districts, each with at least 1 and at most a third of its
// candidates; with `money_limits` district d also spends at least 40 % and at most
// (60 + 10·(d mod 10)) % of an even share of the budget (10 districts: 4 % and
// 6–15 % of the budget; the maxima add up to 105 %, so they bind).
inline KnapsackProblem Instance(std::size_t n, bool correlated, int districts,
                                bool money_limits = false) {
  std::mt19937_64 rng(7 + n);
  KnapsackProblem p;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    KnapsackItem it;
    it.weight = static_cast<std::int64_t>(50 + rng() % 1451) * 1'000'000;
    if (correlated) {
      it.value = 30'000 + it.weight / 1'000'000 * 40 + static_cast<std::int64_t>(rng() % 5'000);
    } else {
      it.value = 30'000 + static_cast<std::int64_t>(rng() % 65'001);
    }
    it.group = districts > 0 ? static_cast<std::int32_t>(i % static_cast<std::size_t>(districts)) : -1;
    total += it.weight;
    p.items.push_back(it);
  }
  p.capacity = total / 4;
  for (int d = 0; d < districts; ++d) {
    GroupLimit g;
    g.min_count = 1;
    g.max_count = static_cast<std::int64_t>(n / static_cast<std::size_t>(districts) / 3);
    if (money_limits) {
      const std::int64_t share = p.capacity / districts;
      g.min_weight = share / 100 * 40;
      g.max_weight = share / 100 * (60 + 10 * (d % 10));
    }
    p.groups.push_back(g);
  }
  return p;
}

}  // namespace renewal::bench

#endif  // RENEWAL_BENCH_PLAN_INSTANCES_H_
