// The Method of Equal Shares over approval ballots, exact, and its "add1" completion
// (pabutools' exhaustion_by_budget_increase). Private to menu.cc.
#ifndef RENEWAL_SRC_MENU_EQUAL_SHARES_H_
#define RENEWAL_SRC_MENU_EQUAL_SHARES_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>

#include "absl/status/statusor.h"

namespace renewal::internal {

using Q = boost::multiprecision::cpp_rational;

// The optional items of a menu, with who approves them.
struct MesItems {
  std::vector<std::int64_t> cost;                // fen
  std::vector<std::vector<std::size_t>> voters;  // per item: household indices
  std::size_t households = 0;
  // Cost utilities: compare ρ/cost between items (Cost_Sat); otherwise ρ (Cardinality_Sat).
  bool cost_utility = false;
};

struct MesOutcome {
  std::vector<std::size_t> funded;  // item indices, in funding order
  std::vector<Q> rho;               // per funded item: the payment per paying supporter
  std::vector<Q> paid;              // per household
  std::int64_t spent = 0;           // fen (item costs are whole fen)
};

// Households with the same approval set always hold the same money (they start with
// the same share and pay the same for every item): one group with a weight.
struct MesGroups {
  std::vector<std::int64_t> weight;                  // households per group
  std::vector<std::vector<std::size_t>> supporters;  // per item: group indices
  std::vector<std::size_t> group_of;                 // per household
};
MesGroups GroupBallots(const MesItems& items);
MesGroups OneGroupEach(const MesItems& items);  // no grouping: the direct run

// MES with `share` fen for every household. Ties between equal payments per unit of
// satisfaction: more approvals, lower cost, lower index. Items costing 0 are funded
// only with a supporter (as pabutools), first.
// Exact, with identical ballots grouped and lazy evaluation (pabutools' speed-ups).
MesOutcome RunEqualShares(const MesItems& items, const Q& share);
// The same outcome computed directly (every item every round, every household); for
// tests.
MesOutcome RunEqualSharesReference(const MesItems& items, const Q& share);

struct Add1Outcome {
  MesOutcome mes;
  std::int64_t increase = 0;  // fen added to every household's share for `mes`
  std::int64_t runs = 0;      // MES runs made (exact and parametric)
};

struct Add1Control {
  std::optional<std::chrono::steady_clock::time_point> deadline;
  std::function<void(std::int64_t increase, std::int64_t bound)> progress;
};

// add1: the MES outcome at share base + k for k = 0, 1, 2, … ≤ budget; stops at the
// first k whose outcome is exhaustive (returns it) or costs more than `budget`
// (returns the one at k − 1). Skips the values of k at which the outcome provably
// cannot change (docs/plan.md). DeadlineExceeded past `control.deadline`.
absl::StatusOr<Add1Outcome> RunAdd1(const MesItems& items, const Q& base, std::int64_t budget,
                                    const Add1Control& control = {});

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_MENU_EQUAL_SHARES_H_
