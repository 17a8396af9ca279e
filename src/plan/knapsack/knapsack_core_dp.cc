// Expanding-core dynamic programming for the 0/1 knapsack (Pisinger 1997, "A minimal
// algorithm for the 0-1 knapsack problem"), in integers.
//
// In ratio order, the break solution takes items [0, b) (the longest prefix that fits).
// A state is a full solution that differs from it only inside the core [s, t): items
// before s are in, items from t on are out. The core grows one item at a time,
// alternately t (the option of adding item t) and s − 1 (the option of removing it);
// each step merges the list with its toggled copy. Two rules keep the lists short:
//   * dominance: a state at least as heavy as another and worth no more is dropped
//     (both have the same items left to decide, so the lighter one does at least as
//     well in every completion);
//   * bound: a state whose LP bound does not exceed the best value found is dropped.
//     Items left to add have ratio ≤ r_t, items left to remove ratio ≥ r_{s−1}, so
//     a state of weight w ≤ C is worth at most v + (C − w)·r_t, and an overweight one
//     at most v − (w − C)·r_{s−1}.
// Values are integers, so "bound ≤ best" compares exactly by cross-multiplication.
// A solution is rebuilt from a tree of toggles (one node per new state, parent = the
// state it came from), compacted when it grows well past the live states.
#include "knapsack_core_dp.h"

#include <algorithm>

namespace renewal::internal {
namespace {

using i128 = __int128;

struct State {
  std::int64_t w;
  std::int64_t v;
  std::int32_t node;  // −1: the break solution itself
};
struct Toggle {
  std::int32_t item;
  std::int32_t parent;
};

class CoreDp {
 public:
  CoreDp(const std::vector<std::int64_t>& v, const std::vector<std::int64_t>& w, i128 cap)
      : v_(v), w_(w), cap_(cap), m_(v.size()) {
    while (z0_ < m_ && w_[z0_] == 0) ++z0_;
  }

  CoreDpResult Run(i128 incumbent, std::int64_t node_limit) {
    CoreDpResult out;
    std::size_t b = 0;
    i128 bw = 0, bv = 0;
    while (b < m_ && bw + w_[b] <= cap_) {
      bw += w_[b];
      bv += v_[b];
      ++b;
    }
    best_ = incumbent;
    if (bv > best_) {
      best_ = bv;
      own_ = true;
    }
    s_ = t_ = b;
    std::vector<State> list{{static_cast<std::int64_t>(bw), static_cast<std::int64_t>(bv), -1}};
    std::vector<State> next;
    bool add_turn = true;
    out.finished = true;
    while (!list.empty()) {
      const bool can_add = t_ < m_, can_remove = s_ > z0_;
      if (!can_add && !can_remove) break;  // every state is a whole solution
      const bool add = can_add && (add_turn || !can_remove);
      add_turn = !add;
      const std::size_t k = add ? t_++ : --s_;
      Merge(list, k, add, next);
      list.swap(next);
      out.nodes += static_cast<std::int64_t>(list.size());
      if (out.nodes > node_limit) {
        out.finished = false;
        break;
      }
      if (toggles_.size() > compact_at_) Compact(list);
    }
    out.best = best_;
    out.found = own_;
    if (own_) {
      out.take.assign(m_, false);
      for (std::size_t k = 0; k < b; ++k) out.take[k] = true;
      for (std::int32_t n = best_node_; n >= 0; n = toggles_[static_cast<std::size_t>(n)].parent) {
        const std::size_t k = static_cast<std::size_t>(toggles_[static_cast<std::size_t>(n)].item);
        out.take[k] = !out.take[k];
      }
    }
    return out;
  }

 private:
  // floor(LP bound of the state with core [s_, t_)) ≤ best_.
  bool Hopeless(std::int64_t w, std::int64_t v) const {
    if (w <= cap_) {
      if (t_ >= m_) return v <= best_;
      const i128 wt = w_[t_];  // > 0: weight-0 items are all in the break solution
      return static_cast<i128>(v) * wt + (cap_ - w) * v_[t_] < (best_ + 1) * wt;
    }
    if (s_ <= z0_) return true;  // overweight and nothing with weight left to remove
    const i128 wk = w_[s_ - 1];
    return static_cast<i128>(v) * wk - (w - cap_) * v_[s_ - 1] < (best_ + 1) * wk;
  }

  std::int32_t NewToggle(std::size_t item, std::int32_t parent) {
    toggles_.push_back({static_cast<std::int32_t>(item), parent});
    return static_cast<std::int32_t>(toggles_.size() - 1);
  }

  // next = dominance-pruned merge of list and list with item k toggled (added when
  // `add`, else removed); both are sorted by weight, so the merge is linear.
  void Merge(const std::vector<State>& list, std::size_t k, bool add, std::vector<State>& next) {
    next.clear();
    const std::int64_t dw = add ? w_[k] : -w_[k];
    const std::int64_t dv = add ? v_[k] : -v_[k];
    std::size_t i = 0, j = 0;
    const std::size_t n = list.size();
    i128 last_v = -1;  // best value among lighter states (kept or dropped)
    bool any = false;
    while (i < n || j < n) {
      // Candidate from the unchanged list (i) or the toggled one (j); on equal weight
      // the more valuable wins, the unchanged one on a tie.
      bool from_toggled;
      if (i == n) {
        from_toggled = true;
      } else if (j == n) {
        from_toggled = false;
      } else {
        const std::int64_t wj = list[j].w + dw;
        if (wj != list[i].w) {
          from_toggled = wj < list[i].w;
        } else {
          from_toggled = list[j].v + dv > list[i].v;
          if (from_toggled) {
            ++i;
          } else {
            ++j;
          }
        }
      }
      const State& src = from_toggled ? list[j] : list[i];
      const std::int64_t w = from_toggled ? src.w + dw : src.w;
      const std::int64_t v = from_toggled ? src.v + dv : src.v;
      const std::int32_t parent = src.node;
      if (from_toggled) {
        ++j;
      } else {
        ++i;
      }
      if (any && v <= last_v) continue;  // dominated by a lighter state
      any = true;
      last_v = v;
      std::int32_t node = from_toggled ? -2 : parent;  // −2: not created yet
      if (w <= cap_ && v > best_) {
        if (node == -2) node = NewToggle(k, parent);
        best_ = v;
        best_node_ = node;
        own_ = true;
      }
      if (Hopeless(w, v)) continue;
      if (node == -2) node = NewToggle(k, parent);
      next.push_back({w, v, node});
    }
  }

  // Keeps the toggles reachable from the live states and the best one, in order
  // (a parent always precedes its children, so one forward pass renumbers them).
  void Compact(std::vector<State>& list) {
    std::vector<std::int32_t> renum(toggles_.size(), -1);
    auto mark = [&](std::int32_t n) {
      while (n >= 0 && renum[static_cast<std::size_t>(n)] == -1) {
        renum[static_cast<std::size_t>(n)] = 0;
        n = toggles_[static_cast<std::size_t>(n)].parent;
      }
    };
    for (const State& st : list) mark(st.node);
    mark(best_node_);
    std::vector<Toggle> kept;
    for (std::size_t n = 0; n < toggles_.size(); ++n) {
      if (renum[n] == -1) continue;
      renum[n] = static_cast<std::int32_t>(kept.size());
      const std::int32_t p = toggles_[n].parent;
      kept.push_back({toggles_[n].item, p < 0 ? p : renum[static_cast<std::size_t>(p)]});
    }
    for (State& st : list) {
      if (st.node >= 0) st.node = renum[static_cast<std::size_t>(st.node)];
    }
    if (best_node_ >= 0) best_node_ = renum[static_cast<std::size_t>(best_node_)];
    toggles_.swap(kept);
    compact_at_ = std::max<std::size_t>(kMinCompact, 2 * toggles_.size());
  }

  static constexpr std::size_t kMinCompact = std::size_t{1} << 22;

  const std::vector<std::int64_t>& v_;
  const std::vector<std::int64_t>& w_;
  const i128 cap_;
  const std::size_t m_;
  std::size_t z0_ = 0;  // leading weight-0 items: always in
  std::size_t s_ = 0, t_ = 0;
  i128 best_ = -1;
  bool own_ = false;  // best_ is a state of this search (else the caller's incumbent)
  std::int32_t best_node_ = -1;
  std::vector<Toggle> toggles_;
  std::size_t compact_at_ = kMinCompact;
};

}  // namespace

CoreDpResult SolveByExpandingCore(const std::vector<std::int64_t>& value,
                                  const std::vector<std::int64_t>& weight, __int128 capacity,
                                  __int128 incumbent, std::int64_t node_limit) {
  return CoreDp(value, weight, capacity).Run(incumbent, node_limit);
}

}  // namespace renewal::internal
