// Method of Equal Shares with exact rationals, and add1 with exact jumps.
//
// The jump: run MES once with every household's money an affine function
// m(t) = share + t of a parameter t ≥ 0, deciding every comparison at t = 0+ (the
// constant part first, then the slope). Payments, ρ and money left stay affine (ρ is
// (cost − what the poorest supporters have) / (number who pay ρ)) as long as no
// winner's supporter crosses the winner's ρ. The run — its sequence of winners and
// where it stops — is then the run for every t up to the first t* at which
//   * a supporter of a round's winner w crosses ρ_w (the payments change form);
//   * another item i catches up with w: ρ_i ≤ ρ_w ⇔ Σ_{b∈S_i} min(m_b, ρ_w) ≥ cost_i,
//     a concave piecewise-linear function of t whose first zero is found exactly
//     (this also covers i becoming affordable);
//   * after the last round, an unfunded item becomes affordable.
// Every integer share increase strictly between k and k + t* gives the outcome of
// k + 0+, and the next value that can differ is ⌈k + t*⌉. This is exact, and never
// more than two runs per step of 1 fen.
#include "menu_equal_shares.h"

#include <algorithm>
#include <optional>

#include "absl/container/flat_hash_map.h"

namespace renewal::internal {
namespace {

// a + b·t.
struct Affine {
  Q a;
  Q b;
};
Affine operator+(const Affine& x, const Affine& y) { return {x.a + y.a, x.b + y.b}; }
Affine operator-(const Affine& x, const Affine& y) { return {x.a - y.a, x.b - y.b}; }
Affine operator/(const Affine& x, std::size_t n) {
  const Q d(static_cast<long long>(n));
  return {x.a / d, x.b / d};
}
// Sign of x − y at t = 0+.
int Cmp(const Affine& x, const Affine& y) {
  if (x.a != y.a) return x.a < y.a ? -1 : 1;
  if (x.b != y.b) return x.b < y.b ? -1 : 1;
  return 0;
}

Affine Scale(const Affine& x, const Q& f) { return {x.a * f, x.b * f}; }

// Compares the payment per unit of satisfaction of items i and w whose supporters pay
// ρ_i and ρ_w: ρ with approvals, ρ/cost with cost utilities (a free item's is 0).
int CmpLevel(const MesItems& in, std::size_t i, const Affine& rho_i, std::size_t w,
             const Affine& rho_w) {
  if (!in.cost_utility) return Cmp(rho_i, rho_w);
  const bool free_i = in.cost[i] == 0, free_w = in.cost[w] == 0;
  if (free_i || free_w) return free_i == free_w ? 0 : (free_i ? -1 : 1);
  // ρ_i/c_i vs ρ_w/c_w ⇔ ρ_i·c_w vs ρ_w·c_i (costs > 0).
  return Cmp(Scale(rho_i, Q(in.cost[w])), Scale(rho_w, Q(in.cost[i])));
}

// The smallest t > 0 at which some recorded pair meets.
class Events {
 public:
  explicit Events(bool on) : on_(on) {}
  bool on() const { return on_; }
  void Meet(const Affine& x, const Affine& y) {
    if (!on_) return;
    const Q da = x.a - y.a, db = x.b - y.b;
    if (da == 0 || db == 0 || (da > 0) == (db > 0)) return;  // never meet for t > 0
    At(-da / db);
  }
  void At(const Q& t) {
    if (!first_ || t < *first_) first_ = t;
  }
  const std::optional<Q>& first() const { return first_; }

 private:
  bool on_;
  std::optional<Q> first_;
};

// The first t > 0 at which Σ_{b∈s} min(m_b(t), level(t)) reaches `cost` from below
// (none if never). Each term is the lower of two lines and switches once at most, to
// a smaller slope: the sum is concave, so one sweep over the switches finds it.
std::optional<Q> FirstReach(const std::vector<std::size_t>& s, const std::vector<Affine>& money,
                            const Affine& level, const Q& cost) {
  Q value = -cost, slope(0);
  std::vector<std::pair<Q, Q>> switches;  // (t, change of slope)
  for (std::size_t b : s) {
    const bool money_lower = Cmp(money[b], level) <= 0;
    const Affine& low = money_lower ? money[b] : level;
    const Affine& high = money_lower ? level : money[b];
    value += low.a;
    slope += low.b;
    if (low.a < high.a && low.b > high.b) {
      switches.push_back({(high.a - low.a) / (low.b - high.b), high.b - low.b});
    }
  }
  std::sort(switches.begin(), switches.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  Q at(0);
  for (const auto& [t, change] : switches) {
    if (slope > 0 && at + (-value) / slope <= t) return at + (-value) / slope;
    value += slope * (t - at);
    at = t;
    slope += change;
  }
  if (slope > 0) return at + (-value) / slope;
  return std::nullopt;
}

struct Run {
  MesOutcome out;
  std::optional<Q> event;  // parametric runs: t* (none: the run holds for every t > 0)
};

Run EqualShares(const MesItems& in, const Q& share, bool parametric) {
  const std::size_t n = in.households;
  std::vector<Affine> money(n, Affine{share, Q(parametric ? 1 : 0)});
  std::vector<Affine> paid(n, Affine{Q(0), Q(0)});
  std::vector<bool> funded(in.cost.size(), false);
  Events events(parametric);
  Run run;
  std::vector<Affine> budgets;
  std::vector<std::pair<std::size_t, Affine>> affordable;
  while (true) {
    affordable.clear();
    for (std::size_t i = 0; i < in.cost.size(); ++i) {
      if (funded[i]) continue;
      const Affine cost{Q(in.cost[i]), Q(0)};
      const auto& s = in.voters[i];
      if (s.empty()) continue;  // nobody pays, nobody is satisfied: never funded
      if (in.cost[i] == 0) {
        affordable.push_back({i, cost});  // free with a supporter: ρ = 0
        continue;
      }
      budgets.clear();
      Affine total{Q(0), Q(0)};
      for (std::size_t b : s) {
        budgets.push_back(money[b]);
        total = total + money[b];
      }
      if (Cmp(total, cost) < 0) continue;
      // Smallest ρ with Σ min(money_b, ρ) = cost: the poorest supporters pay all they have.
      std::sort(budgets.begin(), budgets.end(),
                [](const Affine& x, const Affine& y) { return Cmp(x, y) < 0; });
      Affine rho{Q(0), Q(0)}, so_far{Q(0), Q(0)};
      for (std::size_t k = 0; k < budgets.size(); ++k) {
        const Affine candidate = (cost - so_far) / (budgets.size() - k);
        if (Cmp(candidate, budgets[k]) <= 0) {
          rho = candidate;
          break;
        }
        so_far = so_far + budgets[k];
      }
      affordable.push_back({i, rho});
    }
    if (affordable.empty()) {
      // Stopped: the run changes when an unfunded item becomes affordable.
      for (std::size_t i = 0; i < in.cost.size() && events.on(); ++i) {
        if (funded[i] || in.cost[i] == 0 || in.voters[i].empty()) continue;
        Affine total{Q(0), Q(0)};
        for (std::size_t b : in.voters[i]) total = total + money[b];
        events.Meet(total, Affine{Q(in.cost[i]), Q(0)});
      }
      break;
    }
    // Smallest payment per unit of satisfaction; ties: more approvals, lower cost,
    // lower index (the input order).
    std::size_t best = 0;
    for (std::size_t q = 1; q < affordable.size(); ++q) {
      const std::size_t i = affordable[q].first, w = affordable[best].first;
      const int c = CmpLevel(in, i, affordable[q].second, w, affordable[best].second);
      bool better = c < 0;
      if (c == 0) {
        if (in.voters[i].size() != in.voters[w].size()) {
          better = in.voters[i].size() > in.voters[w].size();
        } else if (in.cost[i] != in.cost[w]) {
          better = in.cost[i] < in.cost[w];
        }
      }
      if (better) best = q;
    }
    const auto [item, rho] = affordable[best];
    if (events.on()) {
      for (std::size_t b : in.voters[item]) events.Meet(money[b], rho);
      for (std::size_t i = 0; i < in.cost.size(); ++i) {
        if (funded[i] || i == item || in.cost[i] == 0 || in.voters[i].empty()) continue;
        // i catches up with the winner when its ρ reaches the winner's level,
        // ρ_w (approvals) or ρ_w·cost_i/cost_w (cost utilities).
        const Affine level = in.cost_utility && in.cost[item] > 0
                                 ? Scale(rho, Q(in.cost[i]) / Q(in.cost[item]))
                                 : rho;
        if (std::optional<Q> t = FirstReach(in.voters[i], money, level, Q(in.cost[i]))) events.At(*t);
      }
    }
    funded[item] = true;
    for (std::size_t b : in.voters[item]) {
      const Affine pay = Cmp(money[b], rho) < 0 ? money[b] : rho;
      money[b] = money[b] - pay;
      paid[b] = paid[b] + pay;
    }
    run.out.funded.push_back(item);
    run.out.rho.push_back(rho.a);
    run.out.spent += in.cost[item];
  }
  for (const Affine& p : paid) run.out.paid.push_back(p.a);
  run.event = events.first();
  return run;
}

bool Exhaustive(const MesItems& in, const MesOutcome& o, std::int64_t budget) {
  std::vector<bool> funded(in.cost.size(), false);
  for (std::size_t i : o.funded) funded[i] = true;
  for (std::size_t i = 0; i < in.cost.size(); ++i) {
    if (!funded[i] && in.cost[i] <= budget - o.spent) return false;
  }
  return true;
}

// ⌈x⌉ for x ≥ 0, capped at `cap`.
std::int64_t CeilCapped(const Q& x, std::int64_t cap) {
  if (x >= Q(cap)) return cap;
  const boost::multiprecision::cpp_int num = numerator(x), den = denominator(x);
  return static_cast<std::int64_t>((num + den - 1) / den);
}

// Plain MES (no parameter), fast and exact:
//  * households with the same approval set always hold the same money (they start
//    with the same share and pay the same for every item), so they are one group
//    with a weight;
//  * lazy evaluation (as pabutools): an item's payment per unit of satisfaction only
//    rises from round to round (money only falls), so in each round the items are
//    visited in the order of their last computed level and the visit stops at the
//    first whose last level is already above the best found (it can neither win nor
//    tie); an item once unaffordable stays so and is dropped.
// The outcome is that of EqualShares(in, share, false) (a test compares them).
MesOutcome FastEqualShares(const MesItems& in, const Q& share) {
  const std::size_t m = in.cost.size(), n = in.households;
  std::vector<std::vector<std::size_t>> approves(n);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t b : in.voters[i]) approves[b].push_back(i);
  }
  absl::flat_hash_map<std::vector<std::size_t>, std::size_t> group_index;
  std::vector<std::size_t> group_of(n);
  std::vector<std::int64_t> weight;
  for (std::size_t b = 0; b < n; ++b) {
    auto [it, added] = group_index.try_emplace(approves[b], weight.size());
    if (added) weight.push_back(0);
    ++weight[it->second];
    group_of[b] = it->second;
  }
  const std::size_t groups = weight.size();
  std::vector<std::vector<std::size_t>> supporters(m);  // per item: group indices
  for (const auto& [set, g] : group_index) {
    for (std::size_t i : set) supporters[i].push_back(g);
  }
  for (auto& s : supporters) std::sort(s.begin(), s.end());
  std::vector<Q> money(groups, share), paid(groups, Q(0));
  std::vector<Q> level(m, Q(0));
  std::vector<std::size_t> alive;
  for (std::size_t i = 0; i < m; ++i) {
    if (!in.voters[i].empty()) alive.push_back(i);
  }
  MesOutcome out;
  std::vector<std::pair<Q, std::int64_t>> held;  // (money, weight) of supporters
  while (!alive.empty()) {
    std::stable_sort(alive.begin(), alive.end(),
                     [&](std::size_t x, std::size_t y) { return level[x] < level[y]; });
    std::optional<std::size_t> best;
    Q best_rho;
    std::vector<std::size_t> dead;
    for (std::size_t i : alive) {
      if (best && level[i] > level[*best]) break;
      Q rho(0);
      if (in.cost[i] > 0) {
        held.clear();
        Q total(0);
        for (std::size_t g : supporters[i]) {
          held.push_back({money[g], weight[g]});
          total += money[g] * weight[g];
        }
        if (total < in.cost[i]) {
          dead.push_back(i);
          continue;
        }
        std::sort(held.begin(), held.end(),
                  [](const auto& x, const auto& y) { return x.first < y.first; });
        std::int64_t w = 0;
        for (const auto& h : held) w += h.second;
        Q rest(in.cost[i]);
        for (const auto& [held_money, held_weight] : held) {
          Q candidate = rest / w;
          if (candidate <= held_money) {
            rho = std::move(candidate);
            break;
          }
          rest -= held_money * held_weight;
          w -= held_weight;
        }
      }
      level[i] = in.cost_utility && in.cost[i] > 0 ? rho / in.cost[i] : rho;
      bool better = !best || level[i] < level[*best];
      if (best && level[i] == level[*best]) {
        const std::size_t b = *best;
        if (in.voters[i].size() != in.voters[b].size()) {
          better = in.voters[i].size() > in.voters[b].size();
        } else if (in.cost[i] != in.cost[b]) {
          better = in.cost[i] < in.cost[b];
        } else {
          better = i < b;
        }
      }
      if (better) {
        best = i;
        best_rho = rho;
      }
    }
    std::erase_if(alive, [&](std::size_t i) {
      return (best && i == *best) || std::find(dead.begin(), dead.end(), i) != dead.end();
    });
    if (!best) break;
    for (std::size_t g : supporters[*best]) {
      const Q pay = money[g] < best_rho ? money[g] : best_rho;
      money[g] -= pay;
      paid[g] += pay;
    }
    out.funded.push_back(*best);
    out.rho.push_back(best_rho);
    out.spent += in.cost[*best];
  }
  out.paid.reserve(n);
  for (std::size_t b = 0; b < n; ++b) out.paid.push_back(paid[group_of[b]]);
  return out;
}

}  // namespace

MesOutcome RunEqualShares(const MesItems& items, const Q& share) {
  return FastEqualShares(items, share);
}

MesOutcome RunEqualSharesReference(const MesItems& items, const Q& share) {
  return EqualShares(items, share, false).out;
}

Add1Outcome RunAdd1(const MesItems& items, const Q& base, std::int64_t budget) {
  Add1Outcome r;
  auto exact = [&](std::int64_t k) {
    ++r.runs;
    return FastEqualShares(items, base + Q(k));
  };
  auto done = [&](MesOutcome o, std::int64_t k) {
    r.mes = std::move(o);
    r.increase = k;
    return r;
  };
  // pabutools stops at the budget bound budget·(n + 1), i.e. k ≤ budget.
  const std::int64_t bound = budget;
  std::int64_t k = 0;
  MesOutcome cur = exact(0);  // MES never overspends its own budget
  while (true) {
    if (Exhaustive(items, cur, budget)) return done(std::move(cur), k);
    if (k >= bound) return done(std::move(cur), k);
    ++r.runs;
    const Run ahead = EqualShares(items, base + Q(k), true);  // the outcome at k + 0+
    if (ahead.event && *ahead.event <= 1) {
      // Something may change before k + 1: take one step.
      MesOutcome next = exact(k + 1);
      if (next.spent > budget) return done(std::move(cur), k);
      cur = std::move(next);
      ++k;
      continue;
    }
    // Every k' in (k, k + t*) has the outcome `ahead`: the same checks apply to all.
    if (ahead.out.spent > budget) return done(std::move(cur), k);
    if (Exhaustive(items, ahead.out, budget)) return done(exact(k + 1), k + 1);
    const std::int64_t change =
        ahead.event ? CeilCapped(Q(k) + *ahead.event, bound + 1) : bound + 1;
    if (change > bound) return done(exact(bound), bound);  // unchanged up to the bound
    MesOutcome next = exact(change);
    if (next.spent > budget) return done(exact(change - 1), change - 1);
    cur = std::move(next);
    k = change;
  }
}

}  // namespace renewal::internal
