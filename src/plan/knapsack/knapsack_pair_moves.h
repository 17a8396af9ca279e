// Local search with moves of up to two items out and two in within one group, for
// the knapsack solver's incumbent when group spending limits bind (plan_solver.cc).
#ifndef RENEWAL_SRC_KNAPSACK_PAIR_MOVES_H_
#define RENEWAL_SRC_KNAPSACK_PAIR_MOVES_H_

#include <cstddef>
#include <vector>

#include "knapsack_prepared.h"

namespace renewal::internal {

// On a feasible selection `take` (prepared order), repeatedly makes the best move that
// raises the value and keeps every limit: put in one or two unselected items of a
// group (or of no group) while taking out none, one or two selected items of the same
// group. Candidates per group: the `pool` selected items of the lowest ratio and the
// `pool` unselected of the highest. With one group's spending maximum binding, single
// swaps leave its money unspent that a pair fills. Returns the number of moves made
// (at most `rounds`). Deterministic; a better incumbent, it proves nothing.
int ImproveByPairMoves(const Prepared& s, std::vector<bool>& take, std::size_t pool, int rounds);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_KNAPSACK_PAIR_MOVES_H_
