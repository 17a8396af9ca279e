// The knapsack solver's preparation (knapsack_prepare.cc), shared with the solver
// (knapsack.cc): checking the problem, preparing it in ratio order, the greedy.
#ifndef RENEWAL_SRC_KNAPSACK_PREPARE_H_
#define RENEWAL_SRC_KNAPSACK_PREPARE_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "knapsack_prepared.h"
#include "renewal/plan/knapsack.h"

namespace renewal::internal {

// The problem's items, groups and capacity are within range and consistent.
absl::Status Validate(const KnapsackProblem& p);

// The items in ratio order with prefix sums, and the groups' slots and deficits left
// after the forced items.
absl::StatusOr<Prepared> Prepare(const KnapsackProblem& p);

// Greedy: group count deficits first (cheapest items), then weight deficits (items of
// the group in ratio order), then ratio order; always within the capacity and the
// groups' count and weight maxima. take[k] over the prepared order. `fixed` (-1 free,
// 0 out, 1 in) is respected when given; `start` items are put in first.
std::vector<bool> Greedy(const Prepared& s, const std::vector<int>* fixed,
                         const std::vector<bool>* start = nullptr);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_KNAPSACK_PREPARE_H_
