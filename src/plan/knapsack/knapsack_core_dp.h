// Exact 0/1 knapsack by an expanding core with dominance-pruned state lists
// (Pisinger's minknap, without side constraints). Private to the plan solver.
#ifndef RENEWAL_SRC_KNAPSACK_CORE_DP_H_
#define RENEWAL_SRC_KNAPSACK_CORE_DP_H_

#include <cstdint>
#include <vector>

namespace renewal::internal {

struct CoreDpResult {
  bool finished = false;     // the state lists emptied (or the core covered every item)
  std::int64_t nodes = 0;    // states kept, summed over the expansion steps
  __int128 best = -1;        // the best value (the incumbent when nothing beat it)
  bool found = false;        // a solution of this search beat the incumbent: `take`
  std::vector<bool> take;    // over the items given, when found
};

// Items must be in ratio order: weight-0 items first, then v/w non-increasing.
// `incumbent` (−1 for none) is a value some feasible solution reaches; states whose
// bound does not exceed it are dropped, so when nothing beats it `take` is empty and
// the caller keeps its own solution. Stops unfinished once `node_limit` is passed.
CoreDpResult SolveByExpandingCore(const std::vector<std::int64_t>& value,
                                  const std::vector<std::int64_t>& weight, __int128 capacity,
                                  __int128 incumbent, std::int64_t node_limit);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_KNAPSACK_CORE_DP_H_
