// Allocation of a plan's item costs to funding sources under a policy (the policy
// itself is checked in funding_policy.cc).
#include "renewal/base/status_path.h"
#include "renewal/funding/funding.h"

#include <cassert>

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

#include "absl/numeric/int128.h"
#include "funding_internal.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/base/split.h"

namespace renewal {
namespace {

using funding_internal::Idx;
using funding_internal::kMaxTargets;
using funding_internal::kS;
using funding_internal::TargetWeights;

constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max();

// The shared split (renewal/base/split.h) over a handful of weights; the scratch is
// reused, so after the first call no heap is touched. The callers guarantee total ≥ 0
// and weights ≥ 0, not all 0, so the split cannot fail.
void SplitSmall(std::int64_t total, std::span<const std::int64_t> weights, std::int64_t* out) {
  thread_local SplitScratch scratch;
  const absl::Status s = internal::SplitInto(
      total, weights.size(), [weights](std::size_t i) { return weights[i]; },
      std::span<std::int64_t>(out, weights.size()), scratch);
  assert(s.ok());
  (void)s;
}

}  // namespace

Money FundingAllocation::Amount(std::uint32_t item, FundingSource source) const {
  std::int64_t sum = 0;
  for (const FundingShare& s : SharesOf(item)) {
    if (s.source == source) sum += s.amount.fen();
  }
  return Money::Fen(sum);
}

// ---------------------------------------------------------------------------

absl::StatusOr<Allocator> Allocator::Create(FundingPolicy policy) {
  RENEWAL_RETURN_IF_ERROR(ValidatePolicy(policy));
  Allocator a(std::move(policy));
  for (std::uint32_t i = 0; i < a.policy_.rules.size(); ++i) {
    (a.policy_.rules[i].after_residual ? a.after_rules_ : a.main_rules_).push_back(i);
    a.target_weights_.push_back(*TargetWeights(a.policy_.rules[i]));
  }
  return a;
}

absl::StatusOr<FundingAllocation> Allocator::Allocate(const CostPlan& plan) {
  FundingAllocation out;
  RENEWAL_RETURN_IF_ERROR(AllocateInto(plan, out));
  return out;
}

absl::StatusOr<FundingAllocation> Allocate(const FundingPolicy& policy, const CostPlan& plan) {
  RENEWAL_ASSIGN_OR_RETURN(Allocator a, Allocator::Create(policy));
  return a.Allocate(plan);
}

namespace {

// The working state of one allocation.
struct Run {
  const FundingPolicy& policy;
  const CostPlan& plan;
  FundingAllocation& out;
  std::vector<std::int64_t>& remaining;
  std::vector<std::int64_t>& matrix;  // items × sources
  std::array<std::int64_t, kS> cap_left{};
  std::uint32_t cap_hit = 0;  // bit per source
  std::vector<std::uint32_t> prev_row;  // previous row of the same (item, source)
  std::vector<std::uint32_t> last_row;  // per (item, source), kNoRule when none

  std::int64_t& cell(std::uint32_t item, FundingSource s) { return matrix[item * kS + Idx(s)]; }

  void Push(std::uint32_t item, FundingSource s, ShareStep step, std::uint32_t rule,
            std::optional<FundingSource> from, bool clipped, std::int64_t amount) {
    const auto row = static_cast<std::uint32_t>(out.shares.size());
    out.shares.push_back(FundingShare{item, s, step, rule, from, clipped, Money::Fen(amount)});
    std::uint32_t& last = last_row[item * kS + Idx(s)];
    prev_row.push_back(last);
    last = row;
    cell(item, s) += amount;
  }

  // Gives up to `amount` to `s` through its cap and fallback chain; returns what
  // was placed (the rest stays uncovered on the item).
  std::int64_t Assign(std::uint32_t item, FundingSource s, std::int64_t amount, ShareStep step,
                      std::uint32_t rule, bool clipped) {
    std::int64_t placed = 0;
    std::optional<FundingSource> from;
    for (std::size_t hops = 0; amount > 0 && hops <= kS; ++hops) {
      const std::int64_t give = std::min(amount, cap_left[Idx(s)]);
      if (give > 0) {
        Push(item, s, step, rule, from, clipped, give);
        if (cap_left[Idx(s)] != kInf) cap_left[Idx(s)] -= give;
        remaining[item] -= give;
        placed += give;
        amount -= give;
      }
      if (amount == 0) break;
      cap_hit |= 1u << Idx(s);
      const std::optional<FundingSource> fb = policy.limit(s).fallback;
      if (!fb) break;
      from = s;
      s = *fb;
      step = ShareStep::kCapFallback;
    }
    return placed;
  }

  // Moves `amount` of `of`'s share on `item` to `to` (latest rows first).
  void Transfer(std::uint32_t item, FundingSource of, FundingSource to, std::int64_t amount,
                std::uint32_t rule) {
    amount = std::min(amount, cap_left[Idx(to)]);
    if (amount <= 0) {
      if (cap_left[Idx(to)] <= 0) cap_hit |= 1u << Idx(to);
      return;
    }
    std::int64_t left = amount;
    for (std::uint32_t row = last_row[item * kS + Idx(of)]; row != kNoRule && left > 0;
         row = prev_row[row]) {
      FundingShare& sh = out.shares[row];
      const std::int64_t take = std::min(left, sh.amount.fen());
      sh.amount = Money::Fen(sh.amount.fen() - take);
      left -= take;
    }
    const std::int64_t moved = amount - left;
    cell(item, of) -= moved;
    if (cap_left[Idx(of)] != kInf) cap_left[Idx(of)] += moved;
    if (cap_left[Idx(to)] != kInf) cap_left[Idx(to)] -= moved;
    Push(item, to, ShareStep::kTransfer, rule, of, false, moved);
  }

  std::optional<FundingSource> Resolve(const Payer& p, const CostItem& item) const {
    if (!p.item_utility) return p.source;
    if (item.utility) return item.utility;
    return DefaultUtilityOf(item.facility);
  }
};

// Empties `out` for `plan` (the buffers keep their capacity).
void ResetAllocation(const CostPlan& plan, const std::string& policy_name,
                     FundingAllocation& out) {
  const auto n = static_cast<std::uint32_t>(plan.items.size());
  out.plan = plan.id;
  out.policy = policy_name;
  out.item_cost.assign(n, Money());
  out.item_gap.assign(n, Money());
  out.shares.clear();
  out.item_first_share.assign(n + 1, 0);
  out.by_source.fill(Money());
  for (auto& row : out.by_category) row.fill(Money());
  out.total_cost = Money();
  out.gap = Money();
  out.notes_zh.clear();
  out.notes_en.clear();
}

// Each item's cost, checked (>= 0, total within int64), becomes what is left to
// fund of it.
absl::Status TakeCosts(const CostPlan& plan, FundingAllocation& out,
                       std::vector<std::int64_t>& remaining) {
  const auto n = static_cast<std::uint32_t>(plan.items.size());
  remaining.resize(n);
  std::int64_t total = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::int64_t c = plan.items[i].cost.fen();
    if (c < 0) {
      return absl::InvalidArgumentError(StrCat("plan \"", plan.id, "\" items[", i, "] \"",
                                               plan.items[i].id, "\" cost: must be >= 0, got ",
                                               plan.items[i].cost.ToYuanString()));
    }
    if (__builtin_add_overflow(total, c, &total)) {
      return absl::OutOfRangeError(StrCat("plan \"", plan.id, "\": total cost overflows"));
    }
    remaining[i] = c;
    out.item_cost[i] = plan.items[i].cost;
  }
  out.total_cost = Money::Fen(total);
  return absl::OkStatus();
}

// A percentage rule: each matched item's basis (its cost, what is left of it, or
// another source's share) times the rule's percentages, split over its targets;
// a derived transfer moves money from that source instead of adding any.
absl::Status ApplyPercentRule(const FundingRule& rule, std::uint32_t r,
                              const std::vector<std::int64_t>& w, Run& run,
                              std::array<std::int64_t, kMaxTargets>& parts) {
  const CostPlan& plan = run.plan;
  std::vector<std::int64_t>& remaining = run.remaining;
  const auto n = static_cast<std::uint32_t>(plan.items.size());
      Ratio sum;
  for (const RuleTarget& t : rule.targets) sum = *Ratio::Add(sum, t.share);
  for (std::uint32_t i = 0; i < n; ++i) {
    const CostItem& item = plan.items[i];
    if (!rule.match.Matches(item)) continue;
    std::int64_t basis = 0;
    switch (rule.basis) {
      case FundingBasis::kCost: basis = item.cost.fen(); break;
      case FundingBasis::kRemaining: basis = remaining[i]; break;
      case FundingBasis::kSourceShare: basis = run.cell(i, rule.of); break;
    }
    if (basis <= 0) continue;
    // ≤ 100% of a non-negative int64: cannot overflow.
    const std::int64_t want = MultiplyRatio(Money::Fen(basis), sum)->fen();
    if (rule.basis == FundingBasis::kSourceShare && rule.mode == DerivedMode::kTransfer) {
      SplitSmall(want, w, parts.data());
      for (std::size_t k = 0; k < rule.targets.size(); ++k) {
        const std::optional<FundingSource> to = run.Resolve(rule.targets[k].payer, item);
        if (to && parts[k] > 0) run.Transfer(i, rule.of, *to, parts[k], r);
      }
      continue;
    }
    const std::int64_t amount = std::min(want, remaining[i]);
    const bool clipped = want > amount;
    if (amount <= 0) continue;
    SplitSmall(amount, w, parts.data());
    for (std::size_t k = 0; k < rule.targets.size(); ++k) {
      const std::optional<FundingSource> to = run.Resolve(rule.targets[k].payer, item);
      if (to && parts[k] > 0) run.Assign(i, *to, parts[k], ShareStep::kRule, r, clipped);
    }
  }
  return absl::OkStatus();
}

// A fixed-amount rule: one budget per group of matched items (per facility, item,
// elevator, household or plan), shared by what is left of each item; the unused
// part of the budgets goes into a note.
absl::Status ApplyFixedRule(const FundingRule& rule, std::uint32_t r,
                            const std::vector<std::int64_t>& w, Run& run,
                            std::array<std::int64_t, kMaxTargets>& parts,
                            std::vector<std::uint32_t>& matched,
                            std::vector<std::int64_t>& weights) {
  const CostPlan& plan = run.plan;
  std::vector<std::int64_t>& remaining = run.remaining;
  FundingAllocation& out = run.out;
  const auto n = static_cast<std::uint32_t>(plan.items.size());
      matched.clear();
  for (std::uint32_t i = 0; i < n; ++i) {
    if (rule.match.Matches(plan.items[i])) matched.push_back(i);
  }
  if (matched.empty()) return absl::OkStatus();
  // Groups of matched items sharing one budget.
  const auto group_key = [&](std::uint32_t i) -> std::uint32_t {
    if (rule.per == PerUnit::kFacility) return static_cast<std::uint32_t>(plan.items[i].facility);
    // Per item and per elevator: each item has its own budget (an elevator's
    // subsidy goes to that elevator).
    if (rule.per == PerUnit::kItem || rule.per == PerUnit::kElevator) return i;
    return 0;
  };
  std::stable_sort(matched.begin(), matched.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return group_key(a) < group_key(b); });
  Money unused;
  Money budget_total;
  for (std::size_t g = 0; g < matched.size();) {
    std::size_t e = g;
    while (e < matched.size() && group_key(matched[e]) == group_key(matched[g])) ++e;
    std::int64_t units = 1;
    if (rule.per == PerUnit::kHousehold) units = plan.households;
    if (rule.per == PerUnit::kElevator) {
      units = 0;
      for (std::size_t k = g; k < e; ++k) {
        const CostItem& it = plan.items[matched[k]];
        units += it.elevators > 0 ? it.elevators : (HasTag(it.tags, CostTag::kElevator) ? 1 : 0);
      }
    }
    absl::StatusOr<Money> budget = Multiply(rule.amount, units);
    if (!budget.ok()) {
      return absl::OutOfRangeError(StrCat("plan \"", plan.id, "\" rule \"", rule.id,
                                          "\": amount × ", units, " ", KeyOf(rule.per),
                                          " overflows"));
    }
    budget_total = Money::Fen(budget_total.fen() + std::min(budget->fen(), kInf - budget_total.fen()));
    weights.clear();
    std::int64_t need = 0;
    for (std::size_t k = g; k < e; ++k) {
      weights.push_back(remaining[matched[k]]);
      need += remaining[matched[k]];  // ≤ total cost: no overflow
    }
    const std::int64_t give = std::min(budget->fen(), need);
    unused = Money::Fen(unused.fen() + std::min(budget->fen() - give, kInf - unused.fen()));
    if (give > 0) {
      RENEWAL_ASSIGN_OR_RETURN(std::vector<Money> split,
                               SplitByWeights(Money::Fen(give), weights));
      for (std::size_t k = g; k < e; ++k) {
        const std::uint32_t i = matched[k];
        const std::int64_t part = split[k - g].fen();
        if (part <= 0) continue;
        SplitSmall(part, w, parts.data());
        for (std::size_t t = 0; t < rule.targets.size(); ++t) {
          const std::optional<FundingSource> to = run.Resolve(rule.targets[t].payer, plan.items[i]);
          if (to && parts[t] > 0) run.Assign(i, *to, parts[t], ShareStep::kRule, r, false);
        }
      }
    }
    g = e;
  }
  if (unused.fen() > 0) {
    out.notes_zh.push_back(StrCat("规则 ", rule.id, "：", budget_total.ToYuanString(), " 元中 ",
                                  unused.ToYuanString(), " 元未使用（所匹配的项目已全部覆盖）"));
    out.notes_en.push_back(StrCat("rule ", rule.id, ": ", unused.ToYuanString(), " of ",
                                  budget_total.ToYuanString(),
                                  " unused (the matched items were already covered)"));
  }
  return absl::OkStatus();
}

// Rows emptied by transfers go, the rest ordered by item; the gap, the totals by
// source and category, and a note for each cap reached.
void FinishAllocation(const FundingPolicy& policy, Run& run) {
  const CostPlan& plan = run.plan;
  FundingAllocation& out = run.out;
  const std::vector<std::int64_t>& remaining = run.remaining;
  const auto n = static_cast<std::uint32_t>(plan.items.size());
  // Drop emptied rows and order by item (counting sort keeps production order).
  std::vector<FundingShare>& shares = out.shares;
  shares.erase(std::remove_if(shares.begin(), shares.end(),
                              [](const FundingShare& s) { return s.amount.fen() == 0; }),
               shares.end());
  for (const FundingShare& s : shares) ++out.item_first_share[s.item + 1];
  for (std::uint32_t i = 0; i < n; ++i) out.item_first_share[i + 1] += out.item_first_share[i];
  {
    std::vector<FundingShare> sorted(shares.size());
    std::vector<std::uint32_t> next(out.item_first_share.begin(), out.item_first_share.end() - 1);
    for (const FundingShare& s : shares) sorted[next[s.item]++] = s;
    shares.swap(sorted);
  }
  std::int64_t gap = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    out.item_gap[i] = Money::Fen(remaining[i]);
    gap += remaining[i];
  }
  out.gap = Money::Fen(gap);
  for (const FundingShare& s : shares) {
    const std::size_t src = Idx(s.source);
    out.by_source[src] = Money::Fen(out.by_source[src].fen() + s.amount.fen());
    Money& c = out.by_category[static_cast<std::size_t>(plan.items[s.item].category)][src];
    c = Money::Fen(c.fen() + s.amount.fen());
  }
  for (std::size_t s = 0; s < kS; ++s) {
    if (run.cap_hit >> s & 1u) {
      const auto src = static_cast<FundingSource>(s);
      const std::string cap = policy.limits[s].cap.value_or(Money()).ToYuanString();
      const std::optional<FundingSource>& fallback = policy.limits[s].fallback;
      out.notes_zh.push_back(StrCat(ZhOf(src), "达到上限 ", cap, " 元",
                                    fallback ? StrCat("，超出部分转由", ZhOf(*fallback), "承担")
                                             : std::string("，超出部分未覆盖")));
      out.notes_en.push_back(StrCat("cap of ", EnOf(src), " (", cap, ") reached",
                                    fallback ? StrCat("; overflow to ", EnOf(*fallback))
                                             : std::string("; overflow left uncovered")));
    }
  }
}

}  // namespace

absl::Status Allocator::AllocateInto(const CostPlan& plan, FundingAllocation& out) {
  const auto n = static_cast<std::uint32_t>(plan.items.size());
  ResetAllocation(plan, policy_.name, out);
  RENEWAL_RETURN_IF_ERROR(TakeCosts(plan, out, remaining_));
  matrix_.assign(static_cast<std::size_t>(n) * kS, 0);

  Run run{policy_, plan, out, remaining_, matrix_, {}, 0, {}, {}};
  run.last_row.assign(static_cast<std::size_t>(n) * kS, kNoRule);
  run.prev_row.reserve(static_cast<std::size_t>(n) * 4);
  if (programme_caps_) {
    run.cap_left = *programme_caps_;
  } else {
    for (std::size_t s = 0; s < kS; ++s) {
      const std::optional<Money>& cap = policy_.limits[s].cap;
      run.cap_left[s] = cap ? cap->fen() : kInf;
    }
  }

  std::array<std::int64_t, kMaxTargets> parts{};
  const auto apply = [&](std::uint32_t r) {
    const FundingRule& rule = policy_.rules[r];
    return rule.kind == FundingRuleKind::kPercent
               ? ApplyPercentRule(rule, r, target_weights_[r], run, parts)
               : ApplyFixedRule(rule, r, target_weights_[r], run, parts, matched_, weights_);
  };
  // On error the output is reset: no half-allocated plan escapes.
  const auto fail = [&](absl::Status st) {
    out = FundingAllocation{};
    return st;
  };
  for (std::uint32_t r : main_rules_) {
    if (absl::Status st = apply(r); !st.ok()) return fail(st);
  }
  if (policy_.residual) {
    for (std::uint32_t i = 0; i < n; ++i) {
      if (remaining_[i] > 0) {
        run.Assign(i, *policy_.residual, remaining_[i], ShareStep::kResidual, kNoRule, false);
      }
    }
  }
  for (std::uint32_t r : after_rules_) {
    if (absl::Status st = apply(r); !st.ok()) return fail(st);
  }

  FinishAllocation(policy_, run);
  if (programme_caps_) *programme_caps_ = run.cap_left;
  return absl::OkStatus();
}

absl::StatusOr<std::vector<FundingAllocation>> Allocator::AllocateProgramme(
    std::span<const CostPlan> plans) {
  std::array<std::int64_t, kS> caps{};
  for (std::size_t s = 0; s < kS; ++s) {
    const std::optional<Money>& cap = policy_.limits[s].cap;
    caps[s] = cap ? cap->fen() : kInf;
  }
  programme_caps_ = caps;
  std::vector<FundingAllocation> out(plans.size());
  for (std::size_t p = 0; p < plans.size(); ++p) {
    if (absl::Status st = AllocateInto(plans[p], out[p]); !st.ok()) {
      programme_caps_.reset();
      return InRecord(st, StrCat("plans[", p, "]"));
    }
  }
  programme_caps_.reset();
  return out;
}

}  // namespace renewal
