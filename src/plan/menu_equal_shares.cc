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
#include "renewal/base/strcat.h"

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

// The first t ≥ 0 at which x(t) ≥ c, if ever.
std::optional<Q> Reach(const Affine& x, const Q& c) {
  if (x.a >= c) return Q(0);
  if (x.b <= 0) return std::nullopt;
  return (c - x.a) / x.b;
}

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

struct Run {
  MesOutcome out;
  std::optional<Q> event;  // parametric runs: t* (none: the run holds for every t > 0)
};

// The first t > 0 at which Σ_{g∈s} w_g·min(m_g(t), level(t)) reaches `cost` from below
// (none if never). Each term is the lower of two lines and switches once at most, to
// a smaller slope: the sum is concave, so one sweep over the switches finds it.
std::optional<Q> FirstReach(const std::vector<std::size_t>& s, const MesGroups& groups,
                            const std::vector<Affine>& money, const Affine& level,
                            const Q& cost) {
  Q value = -cost, slope(0);
  std::vector<std::pair<Q, Q>> switches;  // (t, change of slope)
  for (std::size_t g : s) {
    const Q w(groups.weight[g]);
    const bool money_lower = Cmp(money[g], level) <= 0;
    const Affine& low = money_lower ? money[g] : level;
    const Affine& high = money_lower ? level : money[g];
    value += w * low.a;
    slope += w * low.b;
    if (low.a < high.a && low.b > high.b) {
      switches.push_back({(high.a - low.a) / (low.b - high.b), w * (high.b - low.b)});
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

// MES evaluating every item every round over the groups of `groups` (with one group
// per household, the direct reference); `parametric`: every household holds share + t
// and the run also finds t* (above).
Run EqualShares(const MesItems& in, const MesGroups& groups, const Q& share, bool parametric) {
  const std::size_t n = groups.weight.size();
  const auto& supporters = groups.supporters;
  std::vector<Affine> money(n, Affine{share, Q(parametric ? 1 : 0)});
  std::vector<Affine> paid(n, Affine{Q(0), Q(0)});
  std::vector<bool> funded(in.cost.size(), false);
  Events events(parametric);
  Run run;
  std::vector<std::pair<Affine, std::int64_t>> budgets;  // (money, weight)
  std::vector<std::pair<std::size_t, Affine>> affordable;
  auto total_money = [&](std::size_t i) {
    Affine total{Q(0), Q(0)};
    for (std::size_t g : supporters[i]) {
      total = total + Scale(money[g], Q(groups.weight[g]));
    }
    return total;
  };
  while (true) {
    affordable.clear();
    for (std::size_t i = 0; i < in.cost.size(); ++i) {
      if (funded[i]) continue;
      const Affine cost{Q(in.cost[i]), Q(0)};
      if (supporters[i].empty()) continue;  // nobody pays, nobody is satisfied: never funded
      if (in.cost[i] == 0) {
        affordable.push_back({i, cost});  // free with a supporter: ρ = 0
        continue;
      }
      if (Cmp(total_money(i), cost) < 0) continue;
      budgets.clear();
      std::int64_t w = 0;
      for (std::size_t g : supporters[i]) {
        budgets.push_back({money[g], groups.weight[g]});
        w += groups.weight[g];
      }
      // Smallest ρ with Σ w·min(money, ρ) = cost: the poorest supporters pay all they have.
      std::sort(budgets.begin(), budgets.end(),
                [](const auto& x, const auto& y) { return Cmp(x.first, y.first) < 0; });
      Affine rho{Q(0), Q(0)}, so_far{Q(0), Q(0)};
      for (const auto& [held, weight] : budgets) {
        const Affine candidate = (cost - so_far) / static_cast<std::size_t>(w);
        if (Cmp(candidate, held) <= 0) {
          rho = candidate;
          break;
        }
        so_far = so_far + Scale(held, Q(weight));
        w -= weight;
      }
      affordable.push_back({i, rho});
    }
    if (affordable.empty()) {
      // Stopped: the run changes when an unfunded item becomes affordable.
      for (std::size_t i = 0; i < in.cost.size() && events.on(); ++i) {
        if (funded[i] || in.cost[i] == 0 || supporters[i].empty()) continue;
        events.Meet(total_money(i), Affine{Q(in.cost[i]), Q(0)});
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
      for (std::size_t g : supporters[item]) events.Meet(money[g], rho);
      for (std::size_t i = 0; i < in.cost.size(); ++i) {
        if (funded[i] || i == item || in.cost[i] == 0 || supporters[i].empty()) continue;
        // i catches up with the winner when its ρ reaches the winner's level,
        // ρ_w (approvals) or ρ_w·cost_i/cost_w (cost utilities).
        const Affine level = in.cost_utility && in.cost[item] > 0
                                 ? Scale(rho, Q(in.cost[i]) / Q(in.cost[item]))
                                 : rho;
        // Σ w·min(m, level) is below both Σ w·m and W·level: where either is still
        // short of the cost, i cannot have caught up; skip the exact sweep when that
        // is already past the first event found.
        const Affine total = total_money(i);
        const Q cost(in.cost[i]);
        std::int64_t w = 0;
        for (std::size_t g : supporters[i]) w += groups.weight[g];
        const std::optional<Q> by_money = Reach(total, cost);
        const std::optional<Q> by_level = Reach(Scale(level, Q(w)), cost);
        if (!by_money || !by_level) continue;
        if (events.first() && std::max(*by_money, *by_level) >= *events.first()) continue;
        if (std::optional<Q> t = FirstReach(supporters[i], groups, money, level, cost)) {
          events.At(*t);
        }
      }
    }
    funded[item] = true;
    for (std::size_t g : supporters[item]) {
      const Affine pay = Cmp(money[g], rho) < 0 ? money[g] : rho;
      money[g] = money[g] - pay;
      paid[g] = paid[g] + pay;
    }
    run.out.funded.push_back(item);
    run.out.rho.push_back(rho.a);
    run.out.spent += in.cost[item];
  }
  run.out.paid.reserve(groups.group_of.size());
  for (std::size_t g : groups.group_of) run.out.paid.push_back(paid[g].a);
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

// Plain MES (no parameter), fast and exact: over the groups of identical ballots, with
// lazy evaluation (as pabutools): an item's payment per unit of satisfaction only
// rises from round to round (money only falls), so in each round the items are
// visited in the order of their last computed level and the visit stops at the first
// whose last level is already above the best found (it can neither win nor tie); an
// item once unaffordable stays so and is dropped.
// The outcome is that of the direct run (a test compares them).
MesOutcome FastEqualShares(const MesItems& in, const MesGroups& grouped, const Q& share) {
  const std::size_t m = in.cost.size(), groups = grouped.weight.size();
  const auto& weight = grouped.weight;
  const auto& supporters = grouped.supporters;
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
  out.paid.reserve(grouped.group_of.size());
  for (std::size_t g : grouped.group_of) out.paid.push_back(paid[g]);
  return out;
}

}  // namespace

MesGroups GroupBallots(const MesItems& in) {
  const std::size_t m = in.cost.size(), n = in.households;
  std::vector<std::vector<std::size_t>> approves(n);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t b : in.voters[i]) approves[b].push_back(i);
  }
  MesGroups out;
  out.group_of.resize(n);
  out.supporters.resize(m);
  absl::flat_hash_map<std::vector<std::size_t>, std::size_t> group_index;
  for (std::size_t b = 0; b < n; ++b) {
    auto [it, added] = group_index.try_emplace(std::move(approves[b]), out.weight.size());
    if (added) {
      out.weight.push_back(0);
      for (std::size_t i : it->first) out.supporters[i].push_back(it->second);
    }
    ++out.weight[it->second];
    out.group_of[b] = it->second;
  }
  return out;
}

MesGroups OneGroupEach(const MesItems& in) {
  MesGroups out;
  out.weight.assign(in.households, 1);
  out.group_of.resize(in.households);
  for (std::size_t b = 0; b < in.households; ++b) out.group_of[b] = b;
  out.supporters = in.voters;
  return out;
}

MesOutcome RunEqualShares(const MesItems& items, const Q& share) {
  return FastEqualShares(items, GroupBallots(items), share);
}

MesOutcome RunEqualSharesReference(const MesItems& items, const Q& share) {
  return EqualShares(items, OneGroupEach(items), share, false).out;
}

absl::StatusOr<Add1Outcome> RunAdd1(const MesItems& items, const Q& base, std::int64_t budget,
                                    const Add1Control& control) {
  const MesGroups groups = GroupBallots(items);
  Add1Outcome r;
  auto exact = [&](std::int64_t k) {
    ++r.runs;
    return FastEqualShares(items, groups, base + Q(k));
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
  // A parametric run costs several exact ones and is wasted when the outcome may
  // change within the next fen (real electorates, mostly): after such a run, step
  // 1, 3, 7, … fen (up to 63) before trying a jump again. Stepping is the definition
  // itself, so this changes the speed only.
  int misses = 0, wait = 0;
  while (true) {
    if (Exhaustive(items, cur, budget)) return done(std::move(cur), k);
    if (k >= bound) return done(std::move(cur), k);
    if (control.deadline && std::chrono::steady_clock::now() > *control.deadline) {
      return absl::DeadlineExceededError(
          StrCat("add1 stopped at its time limit: share raised by ", k, " fen of up to ",
                 bound, " after ", r.runs, " MES runs; allow more time or use completion "
                 "\"greedy\""));
    }
    if (control.progress) control.progress(k, bound);
    bool step = wait > 0;
    if (step) {
      --wait;
    } else {
      ++r.runs;
      const Run ahead = EqualShares(items, groups, base + Q(k), true);  // outcome at k + 0+
      if (ahead.event && *ahead.event <= 1) {
        // Something may change before k + 1: step.
        misses = std::min(misses + 1, 6);
        wait = (1 << misses) - 2;
        step = true;
      } else {
        misses = 0;
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
    if (step) {
      MesOutcome next = exact(k + 1);
      if (next.spent > budget) return done(std::move(cur), k);
      cur = std::move(next);
      ++k;
    }
  }
}

}  // namespace renewal::internal
