// The knapsack solver's preparation: the problem checked, the items in ratio order
// with the groups' limits (knapsack_prepared.h), and the greedy first incumbent.
#include <algorithm>
#include <numeric>

#include "knapsack_prepare.h"
#include "renewal/base/strcat.h"

namespace renewal::internal {
namespace {

// a before b when v_a/w_a > v_b/w_b; weight 0 first; ties: value desc, index asc.
bool RatioBefore(const KnapsackItem& a, std::size_t ia, const KnapsackItem& b, std::size_t ib) {
  const i128 l = static_cast<i128>(a.value) * b.weight;
  const i128 r = static_cast<i128>(b.value) * a.weight;
  if (a.weight == 0 || b.weight == 0) {
    if (a.weight != b.weight) return a.weight == 0;
  } else if (l != r) {
    return l > r;
  }
  if (a.value != b.value) return a.value > b.value;
  // Identical items end up adjacent (the search skips their permutations).
  if (a.weight != b.weight) return a.weight < b.weight;
  if (a.group != b.group) return a.group < b.group;
  return ia < ib;
}

}  // namespace

absl::Status Validate(const KnapsackProblem& p) {
  if (p.capacity < 0) {
    return absl::InvalidArgumentError(StrCat("capacity: must be >= 0, got ", p.capacity));
  }
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    const KnapsackItem& it = p.items[i];
    if (it.value < 0) {
      return absl::InvalidArgumentError(StrCat("items[", i, "] value: must be >= 0, got ", it.value));
    }
    if (it.weight < 0) {
      return absl::InvalidArgumentError(
          StrCat("items[", i, "] weight: must be >= 0, got ", it.weight));
    }
    if (it.group < -1 || it.group >= static_cast<std::int64_t>(p.groups.size())) {
      return absl::InvalidArgumentError(StrCat("items[", i, "] group: no group ", it.group));
    }
  }
  for (std::size_t k = 0; k < p.groups.size(); ++k) {
    const GroupLimit& gl = p.groups[k];
    if (gl.min_count < 0 || gl.max_count < gl.min_count) {
      return absl::InvalidArgumentError(StrCat("groups[", k, "]: need 0 <= min <= max, got min ",
                                               gl.min_count, " max ", gl.max_count));
    }
    if (gl.min_weight < 0 || gl.max_weight < gl.min_weight) {
      return absl::InvalidArgumentError(
          StrCat("groups[", k, "]: need 0 <= min weight <= max weight, got min ", gl.min_weight,
                 " max ", gl.max_weight));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Prepared> Prepare(const KnapsackProblem& p) {
  Prepared s;
  s.max_left.resize(p.groups.size());
  s.deficit.resize(p.groups.size());
  s.max_w_left.resize(p.groups.size());
  s.deficit_w.resize(p.groups.size());
  std::vector<std::int64_t> forced_count(p.groups.size(), 0);
  std::vector<i128> forced_w(p.groups.size(), 0);
  std::vector<std::size_t> forced;
  i128 fw = 0, fv = 0;
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    if (!p.items[i].forced) continue;
    forced.push_back(i);
    fw += p.items[i].weight;
    fv += p.items[i].value;
    if (p.items[i].group >= 0) {
      ++forced_count[static_cast<std::size_t>(p.items[i].group)];
      forced_w[static_cast<std::size_t>(p.items[i].group)] += p.items[i].weight;
    }
  }
  if (fw > p.capacity) {
    std::string names;
    for (std::size_t k = 0; k < forced.size() && k < 20; ++k) {
      names += StrCat(k ? ", " : "", forced[k]);
    }
    if (forced.size() > 20) names += ", ...";
    return absl::FailedPreconditionError(
        StrCat("infeasible: the ", forced.size(), " forced items [", names, "] weigh ",
               static_cast<std::int64_t>(fw), ", more than the capacity ", p.capacity));
  }
  if (fw > INT64_MAX / 2 || fv > INT64_MAX / 2) {
    return absl::OutOfRangeError("forced items: sums overflow");
  }
  s.forced_weight = static_cast<std::int64_t>(fw);
  s.forced_value = static_cast<std::int64_t>(fv);
  s.capacity = p.capacity - s.forced_weight;
  for (std::size_t k = 0; k < p.groups.size(); ++k) {
    if (forced_count[k] > p.groups[k].max_count) {
      return absl::FailedPreconditionError(
          StrCat("infeasible: group ", k, " has ", forced_count[k],
                 " forced items, more than its maximum ", p.groups[k].max_count));
    }
    if (forced_w[k] > p.groups[k].max_weight) {
      return absl::FailedPreconditionError(
          StrCat("infeasible: group ", k, " has forced items of weight ",
                 static_cast<std::int64_t>(forced_w[k]), ", more than its maximum weight ",
                 p.groups[k].max_weight));
    }
    s.max_left[k] = p.groups[k].max_count - forced_count[k];
    s.deficit[k] = std::max<std::int64_t>(0, p.groups[k].min_count - forced_count[k]);
    s.max_w_left[k] = p.groups[k].max_weight - static_cast<std::int64_t>(forced_w[k]);
    s.deficit_w[k] = std::max<std::int64_t>(
        0, p.groups[k].min_weight - static_cast<std::int64_t>(forced_w[k]));
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < p.items.size(); ++i) {
    if (!p.items[i].forced) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return RatioBefore(p.items[a], a, p.items[b], b);
  });
  const std::size_t n = order.size();
  s.idx.resize(n);
  s.v.resize(n);
  s.w.resize(n);
  s.g.resize(n);
  s.pv.assign(n + 1, 0);
  s.pw.assign(n + 1, 0);
  for (std::size_t k = 0; k < n; ++k) {
    const KnapsackItem& it = p.items[order[k]];
    s.idx[k] = static_cast<std::int64_t>(order[k]);
    s.v[k] = it.value;
    s.w[k] = it.weight;
    s.g[k] = it.group;
    s.pv[k + 1] = s.pv[k] + it.value;
    s.pw[k + 1] = s.pw[k] + it.weight;
  }
  // Group minimums: enough items, and their cheapest items fit together.
  std::vector<std::vector<std::int64_t>> weights_by_group(p.groups.size());
  for (std::size_t k = 0; k < n; ++k) {
    if (s.g[k] >= 0) weights_by_group[static_cast<std::size_t>(s.g[k])].push_back(s.w[k]);
  }
  i128 need = 0;
  for (std::size_t k = 0; k < p.groups.size(); ++k) {
    auto& ws = weights_by_group[k];
    if (static_cast<std::int64_t>(ws.size()) < s.deficit[k]) {
      return absl::FailedPreconditionError(
          StrCat("infeasible: group ", k, " needs ", s.deficit[k], " more items but has only ",
                 ws.size(), " candidates"));
    }
    // Only the items that fit under the group's weight maximum can count.
    i128 usable = 0;
    for (std::int64_t x : ws) usable += x <= s.max_w_left[k] ? x : 0;
    if (usable < s.deficit_w[k]) {
      return absl::FailedPreconditionError(
          StrCat("infeasible: group ", k, " needs weight ", s.deficit_w[k],
                 " more but its candidates weigh only ", static_cast<std::int64_t>(usable),
                 " together"));
    }
    std::sort(ws.begin(), ws.end());
    i128 cheapest = 0;
    for (std::int64_t j = 0; j < s.deficit[k]; ++j) cheapest += ws[static_cast<std::size_t>(j)];
    need += std::max<i128>(cheapest, s.deficit_w[k]);
  }
  if (need > s.capacity) {
    return absl::FailedPreconditionError(
        StrCat("infeasible: the group minimums need at least ", static_cast<std::int64_t>(need),
               " of capacity, only ", s.capacity, " is left after forced items"));
  }
  return s;
}

// Greedy: group count deficits first (cheapest items), then weight deficits (items of
// the group in ratio order), then ratio order; always within the capacity and the
// groups' count and weight maxima. take[k] over the prepared order. `fixed` (-1 free,
// 0 out, 1 in) is respected when given; `start` items are put in first.
std::vector<bool> Greedy(const Prepared& s, const std::vector<int>* fixed,
                         const std::vector<bool>* start) {
  const std::size_t n = s.v.size();
  std::vector<bool> take(n, false);
  std::vector<std::int64_t> slots = s.max_left, deficit = s.deficit;
  std::vector<std::int64_t> w_left = s.max_w_left, w_deficit = s.deficit_w;
  i128 cap = s.capacity;
  auto put = [&](std::size_t k) {
    take[k] = true;
    cap -= s.w[k];
    if (s.g[k] >= 0) {
      const std::size_t g = static_cast<std::size_t>(s.g[k]);
      --slots[g];
      --deficit[g];
      w_left[g] -= s.w[k];
      w_deficit[g] -= s.w[k];
    }
  };
  auto fits = [&](std::size_t k) {
    if (take[k] || (fixed && (*fixed)[k] == 0) || s.w[k] > cap) return false;
    if (s.g[k] < 0) return true;
    const std::size_t g = static_cast<std::size_t>(s.g[k]);
    return slots[g] > 0 && s.w[k] <= w_left[g];
  };
  if (fixed) {
    for (std::size_t k = 0; k < n; ++k) {
      if ((*fixed)[k] == 1) put(k);
    }
  }
  if (start) {  // in ratio order, each that fits (a Lagrangian choice may pass a maximum)
    for (std::size_t k = 0; k < n; ++k) {
      if ((*start)[k] && fits(k)) put(k);
    }
  }
  bool any_deficit = false;
  for (std::int64_t d : deficit) any_deficit = any_deficit || d > 0;
  if (any_deficit) {
    std::vector<std::size_t> by_weight;
    for (std::size_t k = 0; k < n; ++k) {
      if (s.g[k] >= 0 && !take[k] && (!fixed || (*fixed)[k] < 0)) by_weight.push_back(k);
    }
    std::stable_sort(by_weight.begin(), by_weight.end(),
                     [&](std::size_t a, std::size_t b) { return s.w[a] < s.w[b]; });
    for (std::size_t k : by_weight) {
      if (deficit[static_cast<std::size_t>(s.g[k])] > 0 && fits(k)) put(k);
    }
  }
  // Weight deficits: the group's items in ratio order; when its count maximum runs out
  // first, again heaviest first (fewest slots for the money).
  for (std::size_t g = 0; g < w_deficit.size(); ++g) {
    if (w_deficit[g] <= 0) continue;
    std::vector<std::size_t> members, put_here;
    for (std::size_t k = 0; k < n; ++k) {
      if (s.g[k] == static_cast<std::int32_t>(g)) members.push_back(k);
    }
    for (int pass = 0; pass < 2 && w_deficit[g] > 0; ++pass) {
      for (std::size_t k : put_here) {  // undo the first pass
        take[k] = false;
        cap += s.w[k];
        ++slots[g];
        ++deficit[g];
        w_left[g] += s.w[k];
        w_deficit[g] += s.w[k];
      }
      put_here.clear();
      if (pass == 1) {
        std::stable_sort(members.begin(), members.end(),
                         [&](std::size_t a, std::size_t b) { return s.w[a] > s.w[b]; });
      }
      for (std::size_t k : members) {
        if (w_deficit[g] <= 0) break;
        if (fits(k)) {
          put(k);
          put_here.push_back(k);
        }
      }
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    if (fits(k)) put(k);
  }
  return take;
}

}  // namespace renewal::internal
