// Private to the plan area: what plan.cc and plan_explain.cc share.
#ifndef RENEWAL_SRC_PLAN_PLAN_INTERNAL_H_
#define RENEWAL_SRC_PLAN_PLAN_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "renewal/plan/knapsack.h"
#include "renewal/plan/plan.h"

namespace renewal {
namespace plan_internal {

inline constexpr std::int64_t kFenPerWan = 1'000'000;

// Marks the projects of `solution` selected (with the plan's totals), and writes
// the reason and explanation of every project that entered the knapsack.
void MarkAndExplain(const KnapsackSolution& solution, const KnapsackProblem& kp,
                    const std::vector<std::size_t>& item_of, const PlanOptions& options,
                    std::vector<ProjectDecision>& d, AnnualPlan& plan);

}  // namespace plan_internal
}  // namespace renewal

#endif  // RENEWAL_SRC_PLAN_PLAN_INTERNAL_H_
