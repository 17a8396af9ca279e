// Internal state of the knapsack solver (plan_solver.cc), shared with its parts:
// the prepared items in ratio order and exact rational bounds.
#ifndef RENEWAL_SRC_KNAPSACK_PREPARED_H_
#define RENEWAL_SRC_KNAPSACK_PREPARED_H_

#include <cstdint>
#include <vector>

namespace renewal::internal {

using i128 = __int128;

struct Prepared {
  // Free (not forced) items in ratio order: original index, value, weight, group.
  std::vector<std::int64_t> idx, v, w;
  std::vector<std::int32_t> g;
  std::vector<i128> pv, pw;  // prefix sums, size n + 1
  std::int64_t capacity = 0;          // after forced items
  std::int64_t forced_value = 0, forced_weight = 0;
  std::vector<std::int64_t> max_left;  // per group, after forced
  std::vector<std::int64_t> deficit;   // per group, min − forced, ≥ 0
  std::vector<std::int64_t> max_w_left;  // per group, max weight − forced weight
  std::vector<std::int64_t> deficit_w;   // per group, min weight − forced weight, ≥ 0
};

// A bound num/den (den > 0).
struct Rational {
  i128 num = 0;
  i128 den = 1;
};

// floor(num/den) ≤ value  ⇔ no integer solution exceeds value.
inline bool BoundAtMost(const Rational& r, i128 value) { return r.num < (value + 1) * r.den; }

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_KNAPSACK_PREPARED_H_
