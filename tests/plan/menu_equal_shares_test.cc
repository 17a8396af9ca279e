// The fast MES run (grouped ballots, lazy evaluation) against the direct reference,
// white-box (src/plan/menu_equal_shares.h).
#include "menu_equal_shares.h"

#include <gtest/gtest.h>

#include <random>

namespace renewal::internal {
namespace {

TEST(MenuEqualShares, FastRunMatchesTheReference) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 600; ++round) {
    MesItems in;
    in.cost_utility = round % 2 == 0;
    const std::size_t items = 1 + rng() % 10;
    in.households = rng() % 40;
    for (std::size_t i = 0; i < items; ++i) {
      // Some free items and many equal costs, so that ties and zero levels occur.
      in.cost.push_back(rng() % 7 == 0 ? 0 : 10 * static_cast<std::int64_t>(1 + rng() % 8));
      in.voters.emplace_back();
    }
    for (std::size_t b = 0; b < in.households; ++b) {
      // Few distinct ballots: households share approval sets.
      const std::uint64_t kind = rng() % 5;
      for (std::size_t i = 0; i < items; ++i) {
        if ((kind * 2654435761u >> i) % 3 == 0 || rng() % 11 == 0) in.voters[i].push_back(b);
      }
    }
    const Q share(static_cast<long long>(rng() % 60), static_cast<long long>(1 + rng() % 3));
    const MesOutcome fast = RunEqualShares(in, share);
    const MesOutcome ref = RunEqualSharesReference(in, share);
    ASSERT_EQ(fast.funded, ref.funded) << "round " << round;
    ASSERT_EQ(fast.rho, ref.rho) << "round " << round;
    ASSERT_EQ(fast.paid, ref.paid) << "round " << round;
    ASSERT_EQ(fast.spent, ref.spent) << "round " << round;
  }
}

}  // namespace
}  // namespace renewal::internal
