// The Lagrangian bound of the knapsack with district (group) maxima, its multiplier
// search and primal choice. Included by plan_solver.cc only.
#ifndef RENEWAL_SRC_KNAPSACK_LAGRANGIAN_H_
#define RENEWAL_SRC_KNAPSACK_LAGRANGIAN_H_

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "knapsack_prepared.h"

namespace renewal::internal {

// Lagrangian relaxation of the budget that keeps the group maxima: for λ = ln/ld ≥ 0
// and per group μ_g = mu_g/ld ≥ 0 (a price on the group's weight maximum W_g),
//   L(λ, μ) = λ·C + Σ_groups (μ_g·W_g + the max_g largest positive v_k − (λ + μ_g)·w_k)
//             + Σ_others positive v_k − λ·w_k.
// Every λ, μ ≥ 0 gives a valid upper bound (relax the capacity and the group weight
// maxima; the per-group count part is totally unimodular). λ is searched over the
// items' ratios (μ = 0) and then bisected on a grid with μ optimised per group.
class GroupLagrangian {
 public:
  explicit GroupLagrangian(const Prepared& s) : s_(s) {
    members_.resize(s.max_left.size());
    weight_binds_.assign(s.max_left.size(), false);
    for (std::size_t k = 0; k < s.v.size(); ++k) {
      if (s.g[k] >= 0) members_[static_cast<std::size_t>(s.g[k])].push_back(k);
    }
    for (std::size_t g = 0; g < members_.size(); ++g) {
      i128 total = 0;
      for (std::size_t k : members_[g]) total += s.w[k];
      weight_binds_[g] = total > s.max_w_left[g];
    }
    no_mu_.assign(members_.size(), 0);
    best_mu_ = feasible_mu_ = no_mu_;
  }
  // True when some group has more candidates than its maximum count or more candidate
  // weight than its maximum weight (else L = Dantzig).
  bool Binding() const {
    for (std::size_t g = 0; g < members_.size(); ++g) {
      if (static_cast<std::int64_t>(members_[g].size()) > s_.max_left[g]) return true;
      if (weight_binds_[g]) return true;
    }
    return false;
  }

  // Group g's part of L at λ = ln/ld, μ_g = mu/ld: adds its chosen weight and value to
  // *weight, *sum (records the choice when `record`).
  void GroupAt(std::size_t g, i128 ln, i128 ld, i128 mu, i128* sum, i128* weight, bool record) {
    buf_.clear();
    for (std::size_t k : members_[g]) {
      const i128 r = static_cast<i128>(s_.v[k]) * ld - (ln + mu) * s_.w[k];
      if (r > 0) buf_.push_back({r, k});
    }
    const std::size_t cap = static_cast<std::size_t>(
        std::min<std::int64_t>(s_.max_left[g], static_cast<std::int64_t>(buf_.size())));
    auto better = [](const std::pair<i128, std::size_t>& a, const std::pair<i128, std::size_t>& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    };
    if (cap < buf_.size()) {
      std::nth_element(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(cap), buf_.end(),
                       better);
    }
    if (mu > 0) *sum += mu * s_.max_w_left[g];
    i128 weakest = 0;
    for (std::size_t q = 0; q < cap; ++q) {
      *sum += buf_[q].first;
      *weight += s_.w[buf_[q].second];
      if (record) chosen_[buf_[q].second] = true;
      weakest = q == 0 ? buf_[q].first : std::min(weakest, buf_[q].first);
    }
    if (record) {
      full_[g] = static_cast<std::int64_t>(cap) >= s_.max_left[g];
      weakest_[g] = weakest;
      i128 strongest = 0;
      for (std::size_t q = cap; q < buf_.size(); ++q) strongest = std::max(strongest, buf_[q].first);
      strongest_out_[g] = strongest;
    }
  }

  // Evaluates L(ln/ld, mu/ld); fills chosen_ (when `record`) and returns the chosen weight.
  i128 At(i128 ln, i128 ld, Rational* bound, bool record, const std::vector<i128>& mu) {
    i128 sum = 0, weight = 0;
    if (record) chosen_.assign(s_.v.size(), false);
    for (std::size_t k = 0; k < s_.v.size(); ++k) {
      if (s_.g[k] >= 0) continue;
      const i128 r = static_cast<i128>(s_.v[k]) * ld - ln * s_.w[k];
      if (r > 0) {
        sum += r;
        weight += s_.w[k];
        if (record) chosen_[k] = true;
      }
    }
    if (record) {
      weakest_.assign(members_.size(), 0);
      strongest_out_.assign(members_.size(), 0);
      full_.assign(members_.size(), false);
    }
    for (std::size_t g = 0; g < members_.size(); ++g) {
      GroupAt(g, ln, ld, mu[g], &sum, &weight, record);
    }
    bound->num = ln * s_.capacity + sum;
    bound->den = ld;
    return weight;
  }
  i128 At(i128 ln, i128 ld, Rational* bound, bool record) { return At(ln, ld, bound, record, no_mu_); }

  // Minimises over λ ∈ {0} ∪ {v_t / w_t}: the chosen weight falls as λ grows, and L is
  // smallest where it crosses the capacity; then refines on a grid with the groups'
  // weight maxima priced.
  void Optimise() {
    Rational b;
    best_ln_ = 0;
    best_ld_ = 1;
    const bool fits_at_zero = At(0, 1, &b, false) <= s_.capacity;
    best_ = b;
    if (fits_at_zero) {
      have_feasible_ = true;  // λ = 0
    } else {
      std::vector<std::size_t> ratios;  // positive weights, ratio descending
      for (std::size_t k = 0; k < s_.v.size(); ++k) {
        if (s_.w[k] > 0) ratios.push_back(k);
      }
      auto consider = [&](std::size_t t) {
        Rational r;
        const std::size_t k = ratios[t];
        const i128 w = At(s_.v[k], s_.w[k], &r, false);
        if (r.num * best_.den < best_.num * r.den) {
          best_ = r;
          best_ln_ = s_.v[k];
          best_ld_ = s_.w[k];
        }
        // The smallest λ whose choice fits: the start of the primal heuristic.
        if (w <= s_.capacity && (!have_feasible_ || t > feasible_t_)) {
          have_feasible_ = true;
          feasible_t_ = t;
          feasible_ln_ = s_.v[k];
          feasible_ld_ = s_.w[k];
        }
        return w;
      };
      // Find the smallest λ (largest t) with chosen weight ≤ capacity.
      std::size_t lo = 0, hi = ratios.size();
      while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (consider(mid) <= s_.capacity) lo = mid + 1; else hi = mid;
      }
      for (std::size_t t : {lo, lo + 1}) {
        if (t >= 1 && t - 1 < ratios.size()) consider(t - 1);
        if (t < ratios.size()) consider(t);
      }
    }
    Refine(fits_at_zero);
    Rational again;
    if (have_feasible_) {
      At(feasible_ln_, feasible_ld_, &again, true, feasible_mu_);
      feasible_choice_ = chosen_;
    }
    At(best_ln_, best_ld_, &again, true, best_mu_);
  }

  // With group maxima, L(λ) also bends where two items of a group swap places in the
  // ranking by v − λw — between item ratios, where the search above does not look
  // (with scores correlated with cost the best λ lies there) — and a group's weight
  // maximum needs its own price μ_g. Bisect for the capacity crossing on the grid
  // λ = m / D, D a power of two small enough that every product stays within 128 bits,
  // with each μ_g bisected the same way for its group's weight maximum; any λ, μ give
  // a valid bound, so the grid only costs tightness.
  void Refine(bool fits_at_zero) {
    bool any_weight = false;
    for (bool b : weight_binds_) any_weight = any_weight || b;
    if (fits_at_zero && !any_weight) return;  // λ = μ = 0 is optimal
    auto bits = [](i128 x) {
      int b = 0;
      while (x > 0) {
        ++b;
        x >>= 1;
      }
      return b;
    };
    i128 max_v = 1, max_w = 1, sum_v = 1;
    for (std::size_t k = 0; k < s_.v.size(); ++k) {
      max_v = std::max<i128>(max_v, s_.v[k]);
      max_w = std::max<i128>(max_w, s_.w[k]);
      sum_v += s_.v[k];
    }
    max_w = std::max<i128>(max_w, s_.capacity);
    const int n_bits = bits(static_cast<i128>(s_.v.size() + members_.size()) + 1);
    // λ + μ ≤ max_v (weights ≥ 1): each product ≤ max_v·D·max_w, n + groups terms;
    // bounds compare num·den with num ≈ sum_v·D.
    const int room = std::min(120 - bits(max_v) - bits(max_w) - n_bits,
                              (120 - 2 * bits(sum_v)) / 2);
    if (room < 20) return;
    const int shift = std::min(room, 48);
    const i128 d = static_cast<i128>(1) << shift;
    // ⌈v·D/w⌉: at λ + μ beyond an item's scaled ratio its reduced value is ≤ 0.
    auto scaled_ratio = [&](std::size_t k) {
      return s_.w[k] > 0 ? (static_cast<i128>(s_.v[k]) * d + s_.w[k] - 1) / s_.w[k] : max_v * d;
    };
    i128 top = 0;
    std::vector<i128> group_top(members_.size(), 0);
    for (std::size_t k = 0; k < s_.v.size(); ++k) {
      top = std::max(top, scaled_ratio(k));
      if (s_.g[k] >= 0) {
        i128& t = group_top[static_cast<std::size_t>(s_.g[k])];
        t = std::max(t, scaled_ratio(k));
      }
    }
    std::vector<i128> mu(members_.size(), 0);
    // μ_g for λ = ln/d: the smallest grid price at which the group's choice fits W_g,
    // or the one just below it, whichever bounds lower.
    auto prices = [&](i128 ln) {
      for (std::size_t g = 0; g < members_.size(); ++g) {
        mu[g] = 0;
        if (!weight_binds_[g]) continue;
        auto eval = [&](i128 m, i128* value) {
          i128 w = 0;
          *value = 0;
          GroupAt(g, ln, d, m, value, &w, false);
          return w;
        };
        i128 v0;
        if (eval(0, &v0) <= s_.max_w_left[g]) continue;
        i128 lo = 0, hi = std::max<i128>(group_top[g] - ln, 0) + 1;  // nothing chosen at hi
        while (hi - lo > 1) {
          const i128 mid = lo + (hi - lo) / 2;
          i128 v;
          if (eval(mid, &v) <= s_.max_w_left[g]) hi = mid; else lo = mid;
        }
        i128 vlo, vhi;
        eval(lo, &vlo);
        eval(hi, &vhi);
        mu[g] = vlo < vhi ? lo : hi;
      }
    };
    auto consider = [&](i128 ln) {
      prices(ln);
      Rational r;
      const i128 w = At(ln, d, &r, false, mu);
      if (r.num * best_.den < best_.num * r.den) {
        best_ = r;
        best_ln_ = ln;
        best_ld_ = d;
        best_mu_ = mu;
      }
      return w;
    };
    if (consider(0) <= s_.capacity) {
      if (!have_feasible_ || feasible_ln_ > 0) {
        have_feasible_ = true;
        feasible_ln_ = 0;
        feasible_ld_ = d;
        feasible_mu_ = mu;
      }
      return;
    }
    i128 lo = 0, hi = top + 1;  // at λ > every ratio nothing is chosen
    for (int it = 0; it < 200 && hi - lo > 1; ++it) {
      const i128 mid = lo + (hi - lo) / 2;
      if (consider(mid) <= s_.capacity) hi = mid; else lo = mid;
    }
    // The choice at hi fits; keep it for the primal heuristic when its λ is smaller.
    consider(hi);
    if (!have_feasible_ || hi * feasible_ld_ < feasible_ln_ * d || any_weight) {
      have_feasible_ = true;
      feasible_ln_ = hi;
      feasible_ld_ = d;
      feasible_mu_ = mu;
    }
  }

  const Rational& best() const { return best_; }
  i128 lambda_num() const { return best_ln_; }
  i128 lambda_den() const { return best_ld_; }
  // Group weight prices at the best bound (numerators over lambda_den()).
  const std::vector<i128>& mu() const { return best_mu_; }
  // The Lagrangian choice at the smallest λ that fits the capacity (respects the
  // group count maxima, and the weight maxima only as priced); empty when none was
  // found.
  const std::vector<bool>& feasible_choice() const { return feasible_choice_; }

  // Bounds with item k forced in / out at the best λ, μ (num over best().den).
  Rational With(std::size_t k) const {
    Rational r = best_;
    if (chosen_[k]) return r;
    r.num += Reduced(k);
    if (s_.g[k] >= 0 && full_[static_cast<std::size_t>(s_.g[k])]) {
      r.num -= weakest_[static_cast<std::size_t>(s_.g[k])];
    }
    return r;
  }
  Rational Without(std::size_t k) const {
    Rational r = best_;
    if (!chosen_[k]) return r;
    r.num -= Reduced(k);
    if (s_.g[k] >= 0) r.num += strongest_out_[static_cast<std::size_t>(s_.g[k])];
    return r;
  }

 private:
  i128 Reduced(std::size_t k) const {
    const i128 mu = s_.g[k] >= 0 ? best_mu_[static_cast<std::size_t>(s_.g[k])] : 0;
    return static_cast<i128>(s_.v[k]) * best_ld_ - (best_ln_ + mu) * s_.w[k];
  }

  const Prepared& s_;
  std::vector<std::vector<std::size_t>> members_;
  std::vector<bool> weight_binds_;
  std::vector<std::pair<i128, std::size_t>> buf_;
  std::vector<bool> chosen_, full_;
  std::vector<i128> weakest_, strongest_out_;
  std::vector<i128> no_mu_, best_mu_, feasible_mu_;
  Rational best_;
  i128 best_ln_ = 0, best_ld_ = 1;
  bool have_feasible_ = false;
  std::size_t feasible_t_ = 0;
  i128 feasible_ln_ = 0, feasible_ld_ = 1;
  std::vector<bool> feasible_choice_;
};

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_KNAPSACK_LAGRANGIAN_H_
