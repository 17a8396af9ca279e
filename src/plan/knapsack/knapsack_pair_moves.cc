// Pair moves: for each group, the unselected singles and pairs sorted by weight with a
// sparse table of their best value, so that the best in-set for an out-set is a range
// query on weight (the room the group, the capacity and the group's minimum leave).
#include "knapsack_pair_moves.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace renewal::internal {
namespace {

struct ItemSet {
  std::int64_t w = 0, v = 0;
  std::int32_t a = -1, b = -1;  // prepared indices; -1 for none
  int size() const { return (a >= 0) + (b >= 0); }
};

// In-sets of one size sorted by weight; best[k][i] is the index of the most valuable
// set among [i, i + 2^k) (the first on ties).
class RangeBest {
 public:
  void Build(std::vector<ItemSet> sets) {
    std::sort(sets.begin(), sets.end(), [](const ItemSet& x, const ItemSet& y) {
      if (x.w != y.w) return x.w < y.w;
      if (x.a != y.a) return x.a < y.a;
      return x.b < y.b;
    });
    sets_ = std::move(sets);
    best_.clear();
    const std::size_t n = sets_.size();
    if (n == 0) return;
    best_.emplace_back(n);
    for (std::size_t i = 0; i < n; ++i) best_[0][i] = static_cast<std::int32_t>(i);
    for (std::size_t len = 2; len <= n; len *= 2) {
      const std::vector<std::int32_t>& prev = best_.back();
      std::vector<std::int32_t> next(n - len + 1);
      for (std::size_t i = 0; i + len <= n; ++i) next[i] = Better(prev[i], prev[i + len / 2]);
      best_.push_back(std::move(next));
    }
  }

  // The most valuable set with weight in [lo, hi], or nullptr.
  const ItemSet* Query(__int128 lo, __int128 hi) const {
    auto below = [](const ItemSet& x, __int128 w) { return x.w < w; };
    auto above = [](__int128 w, const ItemSet& x) { return w < x.w; };
    const auto first = std::lower_bound(sets_.begin(), sets_.end(), lo, below);
    const auto last = std::upper_bound(first, sets_.end(), hi, above);
    if (first >= last) return nullptr;
    const std::size_t i = static_cast<std::size_t>(first - sets_.begin());
    const std::size_t len = static_cast<std::size_t>(last - first);
    std::size_t k = 0;
    while ((std::size_t{2} << k) <= len) ++k;
    const std::int32_t j = Better(best_[k][i], best_[k][i + len - (std::size_t{1} << k)]);
    return &sets_[static_cast<std::size_t>(j)];
  }

 private:
  std::int32_t Better(std::int32_t x, std::int32_t y) const {
    const ItemSet& a = sets_[static_cast<std::size_t>(x)];
    const ItemSet& b = sets_[static_cast<std::size_t>(y)];
    return b.v > a.v || (b.v == a.v && y < x) ? y : x;
  }

  std::vector<ItemSet> sets_;
  std::vector<std::vector<std::int32_t>> best_;
};

// One group's candidates: out-sets (∅, singles and pairs of selected items) and the
// in-sets of one and of two unselected items.
struct GroupMoves {
  std::vector<ItemSet> out;
  RangeBest in[2];
};

void Collect(const Prepared& s, const std::vector<bool>& take, std::int32_t group,
             std::size_t pool, GroupMoves& m) {
  std::vector<std::int32_t> sel, uns;  // worst selected first, best unselected first
  const std::size_t n = take.size();
  for (std::size_t k = n; k-- > 0 && sel.size() < pool;) {
    if (take[k] && s.g[k] == group) sel.push_back(static_cast<std::int32_t>(k));
  }
  for (std::size_t k = 0; k < n && uns.size() < pool; ++k) {
    if (!take[k] && s.g[k] == group) uns.push_back(static_cast<std::int32_t>(k));
  }
  auto sets_of = [&](const std::vector<std::int32_t>& items, bool singles, bool pairs) {
    std::vector<ItemSet> sets;
    for (std::size_t x = 0; x < items.size(); ++x) {
      const std::size_t i = static_cast<std::size_t>(items[x]);
      if (singles) sets.push_back({s.w[i], s.v[i], items[x], -1});
      if (!pairs) continue;
      for (std::size_t y = x + 1; y < items.size(); ++y) {
        const std::size_t j = static_cast<std::size_t>(items[y]);
        sets.push_back({s.w[i] + s.w[j], s.v[i] + s.v[j], items[x], items[y]});
      }
    }
    return sets;
  };
  m.out = sets_of(sel, true, true);
  m.out.push_back({});
  m.in[0].Build(sets_of(uns, true, false));
  m.in[1].Build(sets_of(uns, false, true));
}

}  // namespace

int ImproveByPairMoves(const Prepared& s, std::vector<bool>& take, std::size_t pool, int rounds) {
  const std::size_t groups = s.max_left.size(), n = take.size();
  constexpr __int128 kNoLimit = std::numeric_limits<std::int64_t>::max();
  // Index `groups` stands for the items of no group.
  std::vector<std::int64_t> count(groups + 1, 0);
  std::vector<__int128> weight(groups + 1, 0);
  std::vector<bool> present(groups + 1, false);
  __int128 cap = s.capacity;
  auto slot_of = [&](std::size_t k) {
    return s.g[k] < 0 ? groups : static_cast<std::size_t>(s.g[k]);
  };
  for (std::size_t k = 0; k < n; ++k) {
    present[slot_of(k)] = true;
    if (!take[k]) continue;
    cap -= s.w[k];
    ++count[slot_of(k)];
    weight[slot_of(k)] += s.w[k];
  }
  std::vector<GroupMoves> moves(groups + 1);
  std::vector<bool> stale(groups + 1, true);
  int made = 0;
  for (; made < rounds; ++made) {
    std::int64_t best_gain = 0;
    ItemSet best_out, best_in;
    for (std::size_t x = 0; x <= groups; ++x) {
      if (!present[x]) continue;
      if (stale[x]) {
        Collect(s, take, x == groups ? -1 : static_cast<std::int32_t>(x), pool, moves[x]);
        stale[x] = false;
      }
      // The change of the group's weight must keep it within its limits and the capacity.
      __int128 lo = -kNoLimit, hi = cap;
      if (x < groups) {
        lo = s.deficit_w[x] - weight[x];
        hi = std::min<__int128>(hi, s.max_w_left[x] - weight[x]);
      }
      for (const ItemSet& out : moves[x].out) {
        for (int size = 1; size <= 2; ++size) {
          if (x < groups) {
            const std::int64_t c = count[x] - out.size() + size;
            if (c > s.max_left[x] || c < s.deficit[x]) continue;
          }
          const ItemSet* in = moves[x].in[size - 1].Query(out.w + lo, out.w + hi);
          if (in && in->v - out.v > best_gain) {
            best_gain = in->v - out.v;
            best_out = out;
            best_in = *in;
          }
        }
      }
    }
    if (best_gain == 0) break;
    auto move = [&](std::int32_t k, bool put) {
      if (k < 0) return;
      const std::size_t i = static_cast<std::size_t>(k);
      take[i] = put;
      const __int128 dw = put ? s.w[i] : -s.w[i];
      cap -= dw;
      count[slot_of(i)] += put ? 1 : -1;
      weight[slot_of(i)] += dw;
      stale[slot_of(i)] = true;
    };
    move(best_out.a, false);
    move(best_out.b, false);
    move(best_in.a, true);
    move(best_in.b, true);
  }
  return made;
}

}  // namespace renewal::internal
