// The 0/1 knapsack with forced items and per-group limits on count and weight.
//
// Exact: items are sorted by value/weight (exact cross-multiplication); a greedy
// solution is the first incumbent (with binding groups improved by local search:
// single swaps, pair moves, groups searched again); the Dantzig LP bound (prefix
// sums, binary search) fixes variables that cannot be in or out of any strictly
// better solution (Martello–Toth reduction). When no group limit binds the items left, the
// expanding-core DP (knapsack_core_dp.cc) solves them; otherwise a depth-first branch
// and bound, include first, prunes with the LP bound of the remaining items (items of
// groups already at their maximum are left out of the bound: they are fixed at 0).
// Group minimums are enforced by never excluding an item when the group's count or
// weight deficit can no longer be met without it; weight maxima by never including an
// item that would pass them. Values are integers, so a bound ≤ the incumbent prunes.
//
// Fast: forced items, the cheapest items of groups below their minimum, then a greedy
// pass in ratio order over everything that fits; the gap is measured against the LP
// bound of the whole problem.
#include <algorithm>
#include <numeric>

#include "knapsack_branch_bound.h"
#include "knapsack_core_dp.h"
#include "knapsack_lagrangian.h"
#include "knapsack_pair_moves.h"
#include "knapsack_prepare.h"
#include "knapsack_prepared.h"
#include "renewal/base/status_macros.h"
#include "renewal/plan/knapsack.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

using internal::BoundAtMost;
using internal::BranchAndBound;
using internal::GroupLagrangian;
using internal::Greedy;
using internal::Prepare;
using internal::Prepared;
using internal::Rational;
using internal::Validate;

using i128 = __int128;

// The search recurses once per undecided item.
constexpr std::size_t kMaxSearchItems = 50'000;
// Local search before the exact search when groups bind: passes, candidates per group
// for the pair moves and their rounds, nodes of each group's search again and of all
// (about 1 s).
constexpr int kImprovePasses = 20;
constexpr std::size_t kPairPool = 250;
constexpr int kPairRounds = 500;
constexpr std::int64_t kGroupSearchNodes = 20'000;
constexpr std::int64_t kGroupSearchBudget = 3'000'000;

// LP bound of items [from, n) with capacity `cap`, ignoring groups.
Rational LpFrom(const Prepared& s, std::size_t from, i128 cap, std::size_t* critical = nullptr) {
  const std::size_t n = s.v.size();
  // Largest t ≥ from with pw[t] − pw[from] ≤ cap.
  const i128 base = s.pw[from];
  std::size_t lo = from, hi = n;
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (s.pw[mid] - base <= cap) lo = mid; else hi = mid - 1;
  }
  const std::size_t t = lo;
  Rational r;
  const i128 value = s.pv[t] - s.pv[from];
  if (critical) *critical = t;
  if (t == n) {
    r.num = value;
    return r;
  }
  const i128 left = cap - (s.pw[t] - base);
  r.num = value * s.w[t] + s.v[t] * left;
  r.den = s.w[t];  // > 0: weight-0 items come first and always fit
  return r;
}

// The same over all items except `skip` (for the reduction).
Rational LpExcept(const Prepared& s, std::size_t skip, i128 cap) {
  const std::size_t n = s.v.size();
  auto pw = [&](std::size_t t) { return s.pw[t] - (skip < t ? s.w[skip] : 0); };
  auto pv = [&](std::size_t t) { return s.pv[t] - (skip < t ? s.v[skip] : 0); };
  std::size_t lo = 0, hi = n;
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (pw(mid) <= cap) lo = mid; else hi = mid - 1;
  }
  std::size_t t = lo;
  if (t < n && t == skip) ++t;  // the next item in order is skip itself
  while (t < n && pw(t + 1) <= cap) ++t;
  Rational r;
  if (t >= n) {
    r.num = pv(n);
    return r;
  }
  std::size_t c = t;
  if (c == skip) ++c;
  if (c >= n) {
    r.num = pv(n);
    return r;
  }
  const i128 left = cap - pw(t);
  r.num = pv(t) * s.w[c] + s.v[c] * left;
  r.den = s.w[c];
  return r;
}


// The value of the free items `take` selects.
i128 ValueOf(const Prepared& s, const std::vector<bool>& take) {
  i128 value = 0;
  for (std::size_t k = 0; k < take.size(); ++k) value += take[k] ? s.v[k] : 0;
  return value;
}

// `take` meets the capacity and every group's minimums and maxima.
bool Feasible(const Prepared& s, const std::vector<bool>& take) {
  std::vector<std::int64_t> d = s.deficit, dw = s.deficit_w, slots = s.max_left;
  std::vector<i128> wl(s.max_w_left.begin(), s.max_w_left.end());
  i128 cap = s.capacity;
  for (std::size_t k = 0; k < take.size(); ++k) {
    if (!take[k]) continue;
    cap -= s.w[k];
    if (s.g[k] < 0) continue;
    const std::size_t g = static_cast<std::size_t>(s.g[k]);
    --d[g];
    dw[g] -= s.w[k];
    --slots[g];
    wl[g] -= s.w[k];
  }
  if (cap < 0) return false;
  for (std::size_t g = 0; g < d.size(); ++g) {
    if (d[g] > 0 || dw[g] > 0 || slots[g] < 0 || wl[g] < 0) return false;
  }
  return true;
}

// Local search on a feasible selection: repeatedly makes the best single move — add an
// unselected item, or swap a selected one for an unselected one — that keeps every
// limit and raises the value. Moves are tried among the `pool` selected items of the
// lowest ratio and the `pool` unselected of the highest (ties: the first found, in
// ratio order). A better incumbent for the search; proves nothing.
void ImproveBySwaps(const Prepared& s, std::vector<bool>& take, std::size_t pool, int rounds) {
  const std::size_t n = take.size(), groups = s.max_left.size();
  i128 cap = s.capacity;
  std::vector<std::int64_t> count(groups, 0);
  std::vector<i128> weight(groups, 0);
  for (std::size_t k = 0; k < n; ++k) {
    if (!take[k]) continue;
    cap -= s.w[k];
    if (s.g[k] >= 0) {
      ++count[static_cast<std::size_t>(s.g[k])];
      weight[static_cast<std::size_t>(s.g[k])] += s.w[k];
    }
  }
  // Count and weight limits of group g after adding dc items and dw weight.
  auto group_ok = [&](std::int32_t g, std::int64_t dc, i128 dw) {
    if (g < 0) return true;
    const std::size_t x = static_cast<std::size_t>(g);
    const std::int64_t c = count[x] + dc;
    const i128 w = weight[x] + dw;
    return c <= s.max_left[x] && c >= s.deficit[x] && w <= s.max_w_left[x] && w >= s.deficit_w[x];
  };
  for (int round = 0; round < rounds; ++round) {
    std::vector<std::size_t> in, out;  // selected (worst ratio first), unselected (best first)
    for (std::size_t k = n; k-- > 0 && in.size() < pool;) {
      if (take[k]) in.push_back(k);
    }
    for (std::size_t k = 0; k < n && out.size() < pool; ++k) {
      if (!take[k]) out.push_back(k);
    }
    i128 best_gain = 0;
    std::size_t best_in = n, best_out = n;
    for (std::size_t j : out) {
      if (s.w[j] <= cap && s.v[j] > best_gain && group_ok(s.g[j], 1, s.w[j])) {
        best_gain = s.v[j];
        best_in = n;
        best_out = j;
      }
      for (std::size_t i : in) {
        const i128 gain = static_cast<i128>(s.v[j]) - s.v[i];
        if (gain <= best_gain || cap + s.w[i] < s.w[j]) continue;
        const bool ok = s.g[i] == s.g[j]
                            ? group_ok(s.g[i], 0, static_cast<i128>(s.w[j]) - s.w[i])
                            : group_ok(s.g[i], -1, -static_cast<i128>(s.w[i])) &&
                                  group_ok(s.g[j], 1, s.w[j]);
        if (!ok) continue;
        best_gain = gain;
        best_in = i;
        best_out = j;
      }
    }
    if (best_out == n) return;
    auto move = [&](std::size_t k, bool put) {
      take[k] = put;
      const i128 sign = put ? 1 : -1;
      cap -= sign * s.w[k];
      if (s.g[k] >= 0) {
        count[static_cast<std::size_t>(s.g[k])] += put ? 1 : -1;
        weight[static_cast<std::size_t>(s.g[k])] += sign * s.w[k];
      }
    };
    if (best_in < n) move(best_in, false);
    move(best_out, true);
  }
}

// The first group whose minimum `take` misses, as text for an error.
std::string MissedMinimum(const Prepared& s, const std::vector<bool>& take) {
  std::vector<std::int64_t> d = s.deficit, dw = s.deficit_w;
  for (std::size_t k = 0; k < take.size(); ++k) {
    if (take[k] && s.g[k] >= 0) {
      --d[static_cast<std::size_t>(s.g[k])];
      dw[static_cast<std::size_t>(s.g[k])] -= s.w[k];
    }
  }
  for (std::size_t g = 0; g < d.size(); ++g) {
    if (d[g] > 0) return StrCat("group ", g, " lacks ", d[g], " items");
    if (dw[g] > 0) return StrCat("group ", g, " lacks weight ", dw[g]);
  }
  return "";
}

// True when some group's limits can cut into a selection of the items with fixed[k]
// = -1 (given what is fixed in): a deficit is open, or its free candidates exceed
// the slots or the weight left. Otherwise the groups can be ignored.
bool GroupsBind(const Prepared& sub, const std::vector<int>& fixed) {
  std::vector<std::int64_t> count(sub.max_left.size(), 0);
  std::vector<i128> weight(sub.max_left.size(), 0);
  for (std::size_t k = 0; k < fixed.size(); ++k) {
    if (fixed[k] != -1 || sub.g[k] < 0) continue;
    ++count[static_cast<std::size_t>(sub.g[k])];
    weight[static_cast<std::size_t>(sub.g[k])] += sub.w[k];
  }
  for (std::size_t g = 0; g < count.size(); ++g) {
    if (sub.deficit[g] > 0 || sub.deficit_w[g] > 0) return true;
    if (count[g] > sub.max_left[g] || weight[g] > sub.max_w_left[g]) return true;
  }
  return false;
}

// The problem left when the items with fixed[k] = 1 are taken: the capacity left,
// their value, and the groups' slots and deficits after them.
struct Restricted {
  Prepared sub;
  i128 cap = 0, base = 0;
};
Restricted FixItems(const Prepared& s, const std::vector<int>& fixed) {
  Restricted r{s, s.capacity, 0};
  Prepared& sub = r.sub;
  for (std::size_t k = 0; k < fixed.size(); ++k) {
    if (fixed[k] != 1) continue;
    r.cap -= s.w[k];
    r.base += s.v[k];
    if (s.g[k] >= 0) {
      const std::size_t g = static_cast<std::size_t>(s.g[k]);
      --sub.max_left[g];
      --sub.deficit[g];
      sub.max_w_left[g] -= s.w[k];
      sub.deficit_w[g] -= s.w[k];
    }
  }
  for (std::int64_t& d : sub.deficit) d = std::max<std::int64_t>(0, d);
  for (std::int64_t& d : sub.deficit_w) d = std::max<std::int64_t>(0, d);
  return r;
}

// Large-neighbourhood search on a feasible selection: the items of one group, then of
// two groups together, are searched again by the branch and bound (at most
// `node_limit` nodes each) with every other item kept as it is; an improvement is
// kept. This finds a group's best mix where swapping one or two items at a time stops
// (three for three), and moves money between two groups when the capacity binds.
// `budget` is the work left (nodes, and n for setting up each search); the sweep stops
// when it runs out. Proves nothing. Returns whether the value rose.
bool ImproveByGroupSearch(const Prepared& s, const internal::Multipliers* lambda,
                          std::vector<bool>& take, std::int64_t node_limit,
                          std::int64_t& budget) {
  const std::size_t n = take.size(), groups = s.max_left.size();
  bool improved = false;
  std::vector<int> fixed(n);
  auto search = [&](std::int32_t a, std::int32_t b) {
    if (budget <= 0) return;
    for (std::size_t k = 0; k < n; ++k) {
      fixed[k] = s.g[k] >= 0 && (s.g[k] == a || s.g[k] == b) ? -1 : static_cast<int>(take[k]);
    }
    const Restricted r = FixItems(s, fixed);
    BranchAndBound bb(r.sub, fixed, node_limit, lambda);
    std::vector<bool> now(bb.free_items().size());
    i128 value = r.base;
    for (std::size_t q = 0; q < now.size(); ++q) {
      now[q] = take[bb.free_items()[q]];
      if (now[q]) value += s.v[bb.free_items()[q]];
    }
    bb.Run(r.cap, r.base, value, now);
    budget -= bb.nodes() + static_cast<std::int64_t>(n);
    if (bb.best() <= value) return;
    for (std::size_t q = 0; q < now.size(); ++q) take[bb.free_items()[q]] = bb.best_take()[q];
    improved = true;
  };
  for (std::size_t a = 0; a < groups; ++a) search(static_cast<std::int32_t>(a), -1);
  for (std::size_t a = 0; a < groups; ++a) {
    for (std::size_t b = a + 1; b < groups; ++b) {
      search(static_cast<std::int32_t>(a), static_cast<std::int32_t>(b));
    }
  }
  return improved;
}

void Finish(const KnapsackProblem& p, const Prepared& s, const std::vector<bool>& take,
            const Rational* group_bound, KnapsackSolution& out) {
  out.selected.assign(p.items.size(), false);
  i128 value = s.forced_value, weight = s.forced_weight;
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    if (p.items[i].forced) out.selected[i] = true;
  }
  for (std::size_t k = 0; k < take.size(); ++k) {
    if (!take[k]) continue;
    out.selected[static_cast<std::size_t>(s.idx[k])] = true;
    value += s.v[k];
    weight += s.w[k];
  }
  out.value = static_cast<std::int64_t>(value);
  out.weight = static_cast<std::int64_t>(weight);
  std::size_t critical = 0;
  Rational lp = LpFrom(s, 0, s.capacity, &critical);
  out.critical_item = critical < s.v.size() ? s.idx[critical] : -1;
  if (group_bound && group_bound->num * lp.den < lp.num * group_bound->den) lp = *group_bound;
  const i128 bound_floor = s.forced_value + lp.num / lp.den;
  out.lp_bound = static_cast<std::int64_t>(bound_floor);
  // gap = (bound − value) / bound with the exact rational bound, rounded up.
  const i128 bnum = static_cast<i128>(s.forced_value) * lp.den + lp.num;
  if (bnum > 0) {
    const i128 diff = bnum - value * lp.den;
    out.gap_ppm = static_cast<std::int64_t>((diff * 1'000'000 + bnum - 1) / bnum);
  }
  if (out.value == out.lp_bound) out.proven_optimal = true;
}

// Stage 1, incumbent: the greedy, or the Lagrangian choice completed greedily when
// groups bind; with the exact solver, improved by local search so that the
// reduction and the search start from a good value.
std::vector<bool> FirstIncumbent(const Prepared& s, GroupLagrangian& lag, bool grouped,
                                 SolverKind kind) {
  std::vector<bool> greedy = Greedy(s, nullptr);
  if (grouped) {
    lag.Optimise();
    // Primal heuristic: the Lagrangian choice that fits, then greedy filling.
    if (!lag.feasible_choice().empty()) {
      std::vector<bool> alt = Greedy(s, nullptr, &lag.feasible_choice());
      if (Feasible(s, alt) && (ValueOf(s, alt) > ValueOf(s, greedy) || !Feasible(s, greedy))) {
        greedy = std::move(alt);
      }
    }
  }
  if (grouped && kind == SolverKind::kExact && Feasible(s, greedy)) {
    // Single moves (also across groups), pair moves within a group, and the search
    // again of one or two groups, in turn until none improves.
    const internal::Multipliers lambda{lag.lambda_num(), lag.lambda_den(), lag.mu()};
    std::int64_t budget = kGroupSearchBudget;
    for (int pass = 0; pass < kImprovePasses; ++pass) {
      ImproveBySwaps(s, greedy, 400, 200);
      if (internal::ImproveByPairMoves(s, greedy, kPairPool, kPairRounds) > 0) continue;
      if (!ImproveByGroupSearch(s, &lambda, greedy, kGroupSearchNodes, budget)) break;
    }
  }
  return greedy;
}

// Stage 2, reduction: fixes (0 out, 1 in, -1 free) the items that cannot be in
// or out of any selection strictly better than `incumbent`, by the Lagrangian and
// the LP bounds.
std::vector<int> FixByReduction(const Prepared& s, GroupLagrangian& lag, bool grouped,
                                i128 incumbent) {
  const std::size_t n = s.v.size();
  std::vector<int> fixed(n, -1);
  for (std::size_t k = 0; k < n; ++k) {
    if (s.w[k] > s.capacity ||
        (s.g[k] >= 0 && (s.max_left[static_cast<std::size_t>(s.g[k])] <= 0 ||
                         s.w[k] > s.max_w_left[static_cast<std::size_t>(s.g[k])]))) {
      fixed[k] = 0;
      continue;
    }
    if (grouped) {
      if (BoundAtMost(lag.With(k), incumbent)) {
        fixed[k] = 0;
        continue;
      }
      if (BoundAtMost(lag.Without(k), incumbent)) {
        fixed[k] = 1;
        continue;
      }
    }
    // With k: v_k + LP(others, cap − w_k); without k: LP(others, cap).
    Rational with = LpExcept(s, k, static_cast<i128>(s.capacity) - s.w[k]);
    with.num += static_cast<i128>(s.v[k]) * with.den;
    if (BoundAtMost(with, incumbent)) {
      fixed[k] = 0;
      continue;
    }
    Rational without = LpExcept(s, k, s.capacity);
    if (BoundAtMost(without, incumbent)) fixed[k] = 1;
  }
  return fixed;
}

// The problem left after the fixings. Items fixed at 1 must be jointly feasible
// with the groups' maxima; otherwise they are freed again.
Restricted RestrictToFree(const Prepared& s, std::vector<int>& fixed) {
  Restricted restricted = FixItems(s, fixed);
  auto negative = [](const std::vector<std::int64_t>& left) {
    return std::any_of(left.begin(), left.end(), [](std::int64_t x) { return x < 0; });
  };
  if (restricted.cap < 0 || negative(restricted.sub.max_left) ||
      negative(restricted.sub.max_w_left)) {
    for (int& f : fixed) {
      if (f == 1) f = -1;
    }
    restricted = FixItems(s, fixed);
  }
  return restricted;
}

// The greedy, restricted to the free items, is the search's incumbent if it agrees
// with the fixings (its value, with the choice in `inc_take`); otherwise none (-1).
i128 IncumbentOnFree(const Prepared& s, const std::vector<bool>& greedy, bool greedy_ok,
                     const std::vector<int>& fixed, const std::vector<std::size_t>& free_items,
                     i128 base, std::vector<bool>& inc_take) {
  const std::size_t n = s.v.size();
  i128 inc_value = -1;
  bool agrees = greedy_ok;
  for (std::size_t k = 0; k < n && agrees; ++k) {
    if (fixed[k] >= 0 && static_cast<int>(greedy[k]) != fixed[k]) agrees = false;
  }
  if (agrees) {
    inc_value = base;
    for (std::size_t j = 0; j < free_items.size(); ++j) {
      inc_take[j] = greedy[free_items[j]];
      if (inc_take[j]) inc_value += s.v[free_items[j]];
    }
  }
  return inc_value;
}

// Stage 3a, search when no group limit can bind the free items: the expanding-core
// DP over them, in ratio order (the prepared order), relative to the fixed items.
void SearchByCoreDp(const Prepared& s, const std::vector<std::size_t>& free_items, i128 cap,
                    i128 base, i128 inc_value, const SolveOptions& options,
                    KnapsackSolution& out, i128& best, std::vector<bool>& best_take,
                    bool& finished) {
  std::vector<std::int64_t> fv, fw;
  for (std::size_t k : free_items) {
    fv.push_back(s.v[k]);
    fw.push_back(s.w[k]);
  }
  internal::CoreDpResult dp = internal::SolveByExpandingCore(
      fv, fw, cap, inc_value < 0 ? -1 : inc_value - base, options.node_limit);
  out.dynamic_programming = true;
  out.nodes = dp.nodes;
  finished = dp.finished;
  if (dp.found) {
    best = base + dp.best;
    best_take = std::move(dp.take);
  }
}

// Stage 3b, search when groups bind: the branch and bound over the free items,
// started from the incumbent.
void SearchByBranchAndBound(const Prepared& s, const Prepared& sub, const std::vector<int>& fixed,
                            const std::vector<std::size_t>& free_items, i128 cap, i128 base,
                            i128 inc_value, const std::vector<bool>& inc_take,
                            GroupLagrangian& lag, bool grouped, const SolveOptions& options,
                            KnapsackSolution& out, i128& best, std::vector<bool>& best_take,
                            bool& finished) {
  const std::size_t n = s.v.size();
  const internal::Multipliers lambda{lag.lambda_num(), lag.lambda_den(), lag.mu()};
  BranchAndBound bb(sub, fixed, options.node_limit, grouped ? &lambda : nullptr);
  // The search has its own item order; it works on values relative to the fixed items.
  std::vector<std::size_t> slot(n, 0);
  for (std::size_t j = 0; j < free_items.size(); ++j) slot[free_items[j]] = j;
  std::vector<bool> bb_inc(free_items.size(), false);
  for (std::size_t q = 0; q < bb.free_items().size(); ++q) {
    bb_inc[q] = inc_take[slot[bb.free_items()[q]]];
  }
  bb.Run(cap, base, inc_value, bb_inc);
  out.nodes = bb.nodes();
  finished = bb.finished();
  best = bb.best();
  for (std::size_t q = 0; q < bb.free_items().size(); ++q) {
    best_take[slot[bb.free_items()[q]]] = bb.best_take()[q];
  }
}

}  // namespace

absl::StatusOr<KnapsackSolution> SolveKnapsack(const KnapsackProblem& problem,
                                               const SolveOptions& options) {
  RENEWAL_RETURN_IF_ERROR(Validate(problem));
  RENEWAL_ASSIGN_OR_RETURN(Prepared prepared, Prepare(problem));
  const Prepared& s = prepared;
  if (s.pw.back() > INT64_MAX / 4 || s.pv.back() > INT64_MAX / 4) {
    return absl::OutOfRangeError("items: total weight or value overflows 62 bits");
  }
  SolverKind kind = options.solver;
  if (kind == SolverKind::kAuto) {
    kind = problem.items.size() <= options.exact_limit ? SolverKind::kExact : SolverKind::kFast;
  }
  KnapsackSolution out;
  out.solver = kind;
  const std::size_t n = s.v.size();
  GroupLagrangian lag(s);
  const bool grouped = lag.Binding();
  std::vector<bool> greedy = FirstIncumbent(s, lag, grouped, kind);
  const Rational* group_bound = grouped ? &lag.best() : nullptr;
  const bool greedy_ok = Feasible(s, greedy);
  if (kind == SolverKind::kFast) {
    if (!greedy_ok) {
      return absl::FailedPreconditionError(
          StrCat("the fast solver's greedy found no selection meeting the group limits (",
                 MissedMinimum(s, greedy), "); the exact solver searches for one"));
    }
    Finish(problem, s, greedy, group_bound, out);
    return out;
  }
  // Reduction by the LP bound around the greedy incumbent (none when the greedy misses
  // a group minimum: −1 fixes nothing).
  const i128 incumbent = greedy_ok ? ValueOf(s, greedy) : -1;
  std::vector<int> fixed = FixByReduction(s, lag, grouped, incumbent);
  Restricted restricted = RestrictToFree(s, fixed);
  const Prepared& sub = restricted.sub;
  const i128 cap = restricted.cap, base = restricted.base;
  for (int f : fixed) out.fixed_by_reduction += f >= 0 ? 1 : 0;
  // The greedy on the free items is the search's incumbent if it agrees with the
  // fixings; otherwise none (−1) and the search finds one.
  std::vector<std::size_t> free_items;
  for (std::size_t k = 0; k < n; ++k) {
    if (fixed[k] < 0) free_items.push_back(k);
  }
  std::vector<bool> inc_take(free_items.size(), false);
  const i128 inc_value =
      IncumbentOnFree(s, greedy, greedy_ok, fixed, free_items, base, inc_take);
  // Search result over the free items: value (−1: none), choice, finished.
  i128 best = inc_value;
  std::vector<bool> best_take = inc_take;
  bool finished = false;
  if (!GroupsBind(sub, fixed)) {
    SearchByCoreDp(s, free_items, cap, base, inc_value, options, out, best, best_take, finished);
  } else {
    if (free_items.size() > kMaxSearchItems) {
      // Too many undecided items for a depth-first search: the greedy, unproven.
      if (!greedy_ok) {
        return absl::ResourceExhaustedError(
            StrCat("no selection meeting the group limits found: ", free_items.size(),
                   " items are too many for the branch and bound (", MissedMinimum(s, greedy),
                   ")"));
      }
      Finish(problem, s, greedy, group_bound, out);
      return out;
    }
    SearchByBranchAndBound(s, sub, fixed, free_items, cap, base, inc_value, inc_take, lag,
                           grouped, options, out, best, best_take, finished);
  }
  std::vector<bool> take(n, false);
  if (best < 0 || best < incumbent) {
    // Nothing found: the greedy when it is feasible (the search only fails to improve
    // on it), else no selection meets the group limits.
    if (!greedy_ok) {
      if (finished) {
        return absl::FailedPreconditionError(
            "infeasible: no selection meets the group limits within the capacity");
      }
      return absl::ResourceExhaustedError(
          StrCat("no selection meeting the group limits found within the node limit ",
                 options.node_limit));
    }
    take = greedy;
  } else {
    for (std::size_t k = 0; k < n; ++k) take[k] = fixed[k] == 1;
    for (std::size_t j = 0; j < free_items.size(); ++j) {
      if (best_take[j]) take[free_items[j]] = true;
    }
  }
  Finish(problem, s, take, group_bound, out);
  out.proven_optimal = out.proven_optimal || finished;
  if (!Feasible(s, take)) {
    return absl::InternalError("knapsack: solution misses a group limit");
  }
  return out;
}

}  // namespace renewal
