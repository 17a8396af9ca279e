// Depth-first branch and bound for the knapsack with group limits (the exact search
// when a district limit binds). Included by plan_solver.cc only.
#ifndef RENEWAL_SRC_KNAPSACK_BRANCH_BOUND_H_
#define RENEWAL_SRC_KNAPSACK_BRANCH_BOUND_H_

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "knapsack_prepared.h"

namespace renewal::internal {

// Lagrangian multipliers: λ = ln/ld on the capacity, μ_g = mu[g]/ld on group g's
// weight maximum (GroupLagrangian).
struct Multipliers {
  i128 ln = 0, ld = 1;
  std::vector<i128> mu;
};

class BranchAndBound {
 public:
  // With `lambda` (district maxima bind), the search order is the reduced value
  // v − (λ + μ_g)w descending and pruning uses the Lagrangian bound and a Dantzig scan
  // in ratio order; otherwise the order is the ratio order with prefix-sum Dantzig
  // bounds.
  BranchAndBound(const Prepared& s, const std::vector<int>& fixed, std::int64_t node_limit,
                 const Multipliers* lambda = nullptr)
      : s_(s), node_limit_(node_limit) {
    for (std::size_t k = 0; k < s.v.size(); ++k) {
      if (fixed[k] < 0) free_.push_back(k);
    }
    if (lambda) {
      ratio_order_ = false;
      ratio_free_ = free_;  // ratio order, for the Dantzig scan
      mu_ = lambda->mu;
      mu_.resize(s.max_left.size(), 0);
      ln_ = lambda->ln;
      ld_ = lambda->ld;
      std::stable_sort(free_.begin(), free_.end(), [&](std::size_t a, std::size_t b) {
        return Reduced(a) > Reduced(b);
      });
      pos_.assign(s.v.size(), 0);
      for (std::size_t j = 0; j < free_.size(); ++j) pos_[free_[j]] = j;
    }
    count_ = s.max_left;  // reused as "slots left" per group
    deficit_ = s.deficit;
    w_left_ = s.max_w_left;
    w_deficit_ = s.deficit_w;
    remaining_.assign(s.max_left.size(), 0);
    w_remaining_.assign(s.max_left.size(), 0);
    for (std::size_t k : free_) {
      if (s.g[k] >= 0) {
        ++remaining_[static_cast<std::size_t>(s.g[k])];
        w_remaining_[static_cast<std::size_t>(s.g[k])] += s.w[k];
      }
    }
    // Subproblem arrays over the free items, in ratio order.
    const std::size_t m = free_.size();
    suffix_min_w_.assign(m + 1, INT64_MAX);
    for (std::size_t j = m; j-- > 0;) {
      suffix_min_w_[j] = std::min(suffix_min_w_[j + 1], s.w[free_[j]]);
    }
    pv_.assign(m + 1, 0);
    pw_.assign(m + 1, 0);
    for (std::size_t j = 0; j < m; ++j) {
      pv_[j + 1] = pv_[j] + s.v[free_[j]];
      pw_[j + 1] = pw_[j] + s.w[free_[j]];
    }
    take_.assign(m, false);
    if (lambda) UseLagrangian();
    // next_distinct_[j]: the first free item after j that differs from it in value,
    // weight or group. Excluding j excludes its identical successors too: any solution
    // can swap identical items so that the chosen ones come first.
    next_distinct_.assign(m, m);
    for (std::size_t j = m; j-- > 0;) {
      if (j + 1 < m && Same(free_[j], free_[j + 1])) {
        next_distinct_[j] = next_distinct_[j + 1];
      } else {
        next_distinct_[j] = j + 1;
      }
    }
  }

  // v·ld − (ln + mu_g)·w: the reduced value over ld.
  i128 Reduced(std::size_t k) const {
    const i128 mu = s_.g[k] >= 0 ? mu_[static_cast<std::size_t>(s_.g[k])] : 0;
    return static_cast<i128>(s_.v[k]) * ld_ - (ln_ + mu) * s_.w[k];
  }

  // Adds the Lagrangian bound at λ, μ (group count maxima kept) to the pruning: per
  // group, the positive reduced values sorted descending with their positions.
  void UseLagrangian() {
    lag_ = true;
    const std::size_t m = free_.size();
    loose_suffix_.assign(m + 1, 0);
    by_group_.assign(count_.size(), {});
    for (std::size_t j = m; j-- > 0;) {
      const std::size_t k = free_[j];
      const i128 rc = Reduced(k);
      loose_suffix_[j] = loose_suffix_[j + 1];
      if (rc <= 0) continue;
      if (s_.g[k] < 0) {
        loose_suffix_[j] += rc;
      } else {
        by_group_[static_cast<std::size_t>(s_.g[k])].push_back({rc, j});
      }
    }
    for (auto& list : by_group_) {
      std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
    }
  }

  // Starts from an incumbent value (the items fixed at 1 already counted by the caller).
  void Run(i128 cap, i128 value, i128 incumbent, std::vector<bool> incumbent_take) {
    best_ = incumbent;
    best_take_ = std::move(incumbent_take);
    best_take_.resize(free_.size(), false);
    Dfs(0, cap, value);
  }
  bool finished() const { return !aborted_; }
  std::int64_t nodes() const { return nodes_; }
  i128 best() const { return best_; }
  const std::vector<bool>& best_take() const { return best_take_; }
  const std::vector<std::size_t>& free_items() const { return free_; }

 private:
  bool Same(std::size_t a, std::size_t b) const {
    return s_.v[a] == s_.v[b] && s_.w[a] == s_.w[b] && s_.g[a] == s_.g[b];
  }

  // Item k can no longer come in: its district is at its count or spending maximum.
  bool Blocked(std::size_t k) const {
    if (s_.g[k] < 0) return false;
    const std::size_t g = static_cast<std::size_t>(s_.g[k]);
    return count_[g] <= 0 || s_.w[k] > w_left_[g];
  }

  bool AnyGroupFull() const {
    for (std::int64_t c : count_) {
      if (c <= 0) return true;
    }
    return false;
  }

  // LP bound of free items [j, m) with capacity cap: prefix sums when no group is
  // full; otherwise a scan that leaves out items of full groups.
  bool Prune(std::size_t j, i128 cap, i128 value) const {
    const std::size_t m = free_.size();
    if (!ratio_order_) {
      if (LagrangianPrunes(j, cap, value)) return true;
      // Dantzig over the undecided items (search position ≥ j) in ratio order, leaving
      // out items of full groups.
      i128 c = cap, v = value;
      for (std::size_t k : ratio_free_) {
        if (pos_[k] < j) continue;
        if (Blocked(k)) continue;
        if (s_.w[k] <= c) {
          c -= s_.w[k];
          v += s_.v[k];
        } else {
          return BoundAtMost(Rational{v * s_.w[k] + s_.v[k] * c, s_.w[k]}, best_);
        }
      }
      return v <= best_;
    }
    // Quick: ignore groups.
    std::size_t lo = j, hi = m;
    while (lo < hi) {
      const std::size_t mid = (lo + hi + 1) / 2;
      if (pw_[mid] - pw_[j] <= cap) lo = mid; else hi = mid - 1;
    }
    // Martello–Toth U2: the critical item c either stays out (fill the rest with the
    // next item's ratio) or goes in (remove weight at the previous item's ratio); the
    // larger of the two bounds the subtree and is never above Dantzig's.
    {
      const i128 v = value + pv_[lo] - pv_[j];
      if (lo == m) {
        if (v <= best_) return true;
      } else {
        const std::size_t c = free_[lo];
        const i128 r = cap - (pw_[lo] - pw_[j]);
        bool prune = true;
        // c out.
        if (lo + 1 < m) {
          const std::size_t n1 = free_[lo + 1];
          prune = BoundAtMost(Rational{v * s_.w[n1] + r * s_.v[n1], s_.w[n1]}, best_);
        } else {
          prune = v <= best_;
        }
        // c in: w_c − r must come out of the items before c (ratio ≥ the previous one's).
        if (prune && lo > j) {
          const std::size_t p1 = free_[lo - 1];
          const i128 excess = static_cast<i128>(s_.w[c]) - r;
          if (s_.w[p1] > 0) {
            prune = BoundAtMost(
                Rational{(v + s_.v[c]) * s_.w[p1] - excess * s_.v[p1], s_.w[p1]}, best_);
          } else {
            prune = false;  // weight-0 items before c: no bound from removing them
          }
        }
        if (prune) return true;
      }
    }
    if (lag_ && LagrangianPrunes(j, cap, value)) return true;
    if (!AnyGroupFull()) return false;
    i128 c = cap, v = value;
    for (std::size_t q = j; q < m; ++q) {
      const std::size_t k = free_[q];
      if (Blocked(k)) continue;
      if (s_.w[k] <= c) {
        c -= s_.w[k];
        v += s_.v[k];
      } else {
        Rational rr{v * s_.w[k] + s_.v[k] * c, s_.w[k]};
        return BoundAtMost(rr, best_);
      }
    }
    return v <= best_;
  }

  // value + λ·cap + Σ_g μ_g·(weight left under g's maximum) + Σ (best positive
  // reduced values of the items left, within each group's slots) ≤ best  ⇒  prune.
  // Stops summing as soon as the bound is exceeded.
  bool LagrangianPrunes(std::size_t j, i128 cap, i128 value) const {
    const i128 limit = (best_ + 1) * ld_;  // prune when the bound num < limit
    i128 sum = value * ld_ + ln_ * cap + loose_suffix_[j];
    for (std::size_t g = 0; g < mu_.size(); ++g) {
      if (mu_[g] > 0) sum += mu_[g] * w_left_[g];
    }
    if (sum >= limit) return false;
    for (std::size_t g = 0; g < by_group_.size(); ++g) {
      std::int64_t slots = count_[g];
      for (const auto& [rc, pos] : by_group_[g]) {
        if (slots <= 0) break;
        if (pos < j) continue;
        sum += rc;
        --slots;
        if (sum >= limit) return false;
      }
    }
    return true;
  }

  bool DeficitsMet() const {
    for (std::int64_t d : deficit_) {
      if (d > 0) return false;
    }
    for (std::int64_t d : w_deficit_) {
      if (d > 0) return false;
    }
    return true;
  }

  void Record(i128 value) {
    if (value > best_ && DeficitsMet()) {
      best_ = value;
      best_take_ = take_;
    }
  }

  void Dfs(std::size_t j, i128 cap, i128 value) {
    if (aborted_) return;
    if (++nodes_ > node_limit_) {
      aborted_ = true;
      return;
    }
    const std::size_t m = free_.size();
    if (j == m || suffix_min_w_[j] > cap) {
      // Nothing more fits; items left are excluded, which the deficit must allow.
      if (j < m) {
        for (std::size_t q = j; q < m; ++q) {
          const std::int32_t g = s_.g[free_[q]];
          if (g >= 0 && (deficit_[static_cast<std::size_t>(g)] > 0 ||
                         w_deficit_[static_cast<std::size_t>(g)] > 0)) {
            return;
          }
        }
      }
      Record(value);
      return;
    }
    if (Prune(j, cap, value)) return;
    const std::size_t k = free_[j];
    const std::int32_t g = s_.g[k];
    const std::size_t gi = g >= 0 ? static_cast<std::size_t>(g) : 0;
    const std::int64_t wk = s_.w[k];
    if (g >= 0) {
      --remaining_[gi];
      w_remaining_[gi] -= wk;
    }
    // Include, within the group's count and weight maxima.
    if (wk <= cap && (g < 0 || (count_[gi] > 0 && wk <= w_left_[gi]))) {
      take_[j] = true;
      if (g >= 0) {
        --count_[gi];
        --deficit_[gi];
        w_left_[gi] -= wk;
        w_deficit_[gi] -= wk;
      }
      Dfs(j + 1, cap - wk, value + s_.v[k]);
      if (g >= 0) {
        ++count_[gi];
        ++deficit_[gi];
        w_left_[gi] += wk;
        w_deficit_[gi] += wk;
      }
      take_[j] = false;
    }
    // Exclude j and its identical successors, unless the group then cannot reach its
    // minimum count or weight with the candidates it has left.
    const std::size_t next = next_distinct_[j];
    const std::int64_t skipped = static_cast<std::int64_t>(next - j - 1);
    if (g >= 0) {
      remaining_[gi] -= skipped;
      w_remaining_[gi] -= skipped * wk;
    }
    if (g < 0 || (deficit_[gi] <= remaining_[gi] && w_deficit_[gi] <= w_remaining_[gi])) {
      Dfs(next, cap, value);
    }
    if (g >= 0) {
      remaining_[gi] += skipped + 1;
      w_remaining_[gi] += (skipped + 1) * wk;
    }
  }

  const Prepared& s_;
  std::int64_t node_limit_;
  std::vector<std::size_t> free_;
  std::vector<std::int64_t> count_, deficit_, remaining_;
  // Weight left under each group's maximum, weight still missing for its minimum
  // (≤ 0 when met), and the weight of its undecided candidates.
  std::vector<std::int64_t> w_left_, w_deficit_, w_remaining_;
  std::vector<std::int64_t> suffix_min_w_;
  std::vector<i128> pv_, pw_;
  std::vector<bool> take_;
  std::vector<std::size_t> next_distinct_;
  bool lag_ = false;
  bool ratio_order_ = true;
  std::vector<std::size_t> ratio_free_, pos_;
  i128 ln_ = 0, ld_ = 1;
  std::vector<i128> mu_;
  std::vector<i128> loose_suffix_;
  std::vector<std::vector<std::pair<i128, std::size_t>>> by_group_;
  i128 best_ = -1;
  std::vector<bool> best_take_;
  std::int64_t nodes_ = 0;
  bool aborted_ = false;
};

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_KNAPSACK_BRANCH_BOUND_H_
