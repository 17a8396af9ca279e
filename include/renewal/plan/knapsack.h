// The 0/1 knapsack solver with group limits behind the annual plan: an exact solver
// (LP-bound reduction, then Pisinger's expanding-core DP, or branch and bound when a
// group limit binds) and a fast greedy reporting its gap to the LP bound. It knows
// nothing of projects: values and weights are plain integers. Public for tests and
// benchmarks; not installed.
#ifndef RENEWAL_PLAN_KNAPSACK_H_
#define RENEWAL_PLAN_KNAPSACK_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/base/labels.h"

namespace renewal {

struct KnapsackItem {
  std::int64_t value = 0;   // ≥ 0
  std::int64_t weight = 0;  // ≥ 0
  std::int32_t group = -1;  // index into group limits, -1 for none
  bool forced = false;      // must be selected
};
// Per-group limits on the number of items chosen and on their total weight (money,
// in the units of the weights).
struct GroupLimit {
  std::int64_t min_count = 0;
  std::int64_t max_count = std::numeric_limits<std::int64_t>::max();
  std::int64_t min_weight = 0;
  std::int64_t max_weight = std::numeric_limits<std::int64_t>::max();
};
struct KnapsackProblem {
  std::vector<KnapsackItem> items;
  std::int64_t capacity = 0;
  std::vector<GroupLimit> groups;
};

enum class SolverKind : std::uint8_t { kAuto, kExact, kFast };
template <>
struct LabelTable<SolverKind> {
  static constexpr std::array<Label<SolverKind>, 3> kLabels{{
      {SolverKind::kAuto, "auto", "自动", "exact up to the exact limit, else fast"},
      {SolverKind::kExact, "exact", "精确", "expanding-core DP or branch and bound"},
      {SolverKind::kFast, "fast", "快速", "greedy with LP gap"},
  }};
};

struct SolveOptions {
  SolverKind solver = SolverKind::kAuto;
  std::size_t exact_limit = 5000;  // kAuto uses the exact solver up to this many items
  // Work limit of the exact search; beyond it the best plan found is returned, not
  // proven. A node is one search node of the branch and bound, or one state kept in
  // the dynamic programme's list after an expansion step (a state alive for several
  // steps counts once per step).
  std::int64_t node_limit = 5'000'000;
};

struct KnapsackSolution {
  std::vector<bool> selected;
  std::int64_t value = 0;
  std::int64_t weight = 0;
  // LP-relaxation bound (without the group limits), rounded down.
  std::int64_t lp_bound = 0;
  SolverKind solver = SolverKind::kExact;
  bool proven_optimal = false;  // exact search finished (or value reached the bound)
  std::int64_t nodes = 0;       // search nodes or DP states (SolveOptions::node_limit)
  bool dynamic_programming = false;  // the exact search was the expanding-core DP
  std::int64_t fixed_by_reduction = 0;  // variables fixed by the bound before search
  // (lp_bound − value) / lp_bound, as parts per million (0 when lp_bound is 0).
  std::int64_t gap_ppm = 0;
  // The critical item of the LP relaxation (the first that does not fit whole in
  // ratio order), or -1 when everything fits.
  std::int64_t critical_item = -1;
};

// Deterministic for equal input. Errors: negative values/weights/capacity
// (InvalidArgument), forced items over capacity or group limits that cannot be met
// (FailedPrecondition, naming the items/groups; also when the search proves that no
// selection meets the weight limits), no selection meeting the group limits found
// within the node limit (ResourceExhausted).
absl::StatusOr<KnapsackSolution> SolveKnapsack(const KnapsackProblem& problem,
                                               const SolveOptions& options = {});
}  // namespace renewal

#endif  // RENEWAL_PLAN_KNAPSACK_H_
