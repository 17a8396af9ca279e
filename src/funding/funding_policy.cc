// Funding policies: validation (targets, caps, derived rules without cycles),
// composition of a policy on top of another, and the words for one share.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "absl/numeric/int128.h"
#include "funding_internal.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/funding/funding.h"

namespace renewal {
namespace funding_internal {

// Common denominator weights of a rule's target shares (fails when too large).
absl::StatusOr<std::vector<std::int64_t>> TargetWeights(const FundingRule& r) {
  absl::int128 lcm = 1;
  for (const RuleTarget& t : r.targets) {
    const absl::int128 d = t.share.den();
    absl::int128 a = lcm, b = d;
    while (b != 0) {
      const absl::int128 tmp = a % b;
      a = b;
      b = tmp;
    }
    lcm = lcm / a * d;
    if (lcm > absl::int128(1) << 62) {
      return absl::InvalidArgumentError("targets: share denominators too large");
    }
  }
  std::vector<std::int64_t> w;
  for (const RuleTarget& t : r.targets) {
    const absl::int128 v = absl::int128(t.share.num()) * (lcm / t.share.den());
    if (v > absl::int128(1) << 62) {
      return absl::InvalidArgumentError("targets: share too large");
    }
    w.push_back(static_cast<std::int64_t>(v));
  }
  return w;
}

}  // namespace funding_internal

namespace {

using funding_internal::Idx;
using funding_internal::kMaxTargets;
using funding_internal::kS;
using funding_internal::TargetWeights;

std::string RuleRef(std::size_t i, const FundingRule& r) {
  return StrCat("rules[", i, "] \"", r.id, "\"");
}

// Cycle check on a small directed graph over sources (edges[a] has bit b: a → b).
bool HasCycle(const std::array<std::uint32_t, kS>& edges, std::vector<FundingSource>* path) {
  std::array<int, kS> state{};  // 0 new, 1 on stack, 2 done
  std::vector<std::size_t> stack;
  std::function<bool(std::size_t)> visit = [&](std::size_t a) {
    state[a] = 1;
    stack.push_back(a);
    for (std::size_t b = 0; b < kS; ++b) {
      if ((edges[a] >> b & 1u) == 0) continue;
      if (state[b] == 1) {
        const auto it = std::find(stack.begin(), stack.end(), b);
        for (auto j = it; j != stack.end(); ++j) path->push_back(static_cast<FundingSource>(*j));
        path->push_back(static_cast<FundingSource>(b));
        return true;
      }
      if (state[b] == 0 && visit(b)) return true;
    }
    stack.pop_back();
    state[a] = 2;
    return false;
  };
  for (std::size_t a = 0; a < kS; ++a) {
    if (state[a] == 0 && visit(a)) return true;
  }
  return false;
}

std::string PathString(const std::vector<FundingSource>& path, std::string_view arrow) {
  std::string out;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (i > 0) out += arrow;
    out += std::string(KeyOf(path[i]));
  }
  return out;
}

}  // namespace

absl::Status ValidatePolicy(const FundingPolicy& policy) {
  std::vector<std::string_view> ids;
  std::array<std::uint32_t, kS> derived{};
  for (std::size_t i = 0; i < policy.rules.size(); ++i) {
    const FundingRule& r = policy.rules[i];
    const std::string ref = RuleRef(i, r);
    if (r.id.empty()) return absl::InvalidArgumentError(StrCat(ref, " id: must not be empty"));
    if (std::find(ids.begin(), ids.end(), r.id) != ids.end()) {
      return absl::AlreadyExistsError(StrCat(ref, " id: duplicate rule id \"", r.id, "\""));
    }
    ids.push_back(r.id);
    if (r.targets.empty() || r.targets.size() > kMaxTargets) {
      return absl::InvalidArgumentError(
          StrCat(ref, " targets: need 1 to ", kMaxTargets, ", got ", r.targets.size()));
    }
    Ratio total;
    for (std::size_t k = 0; k < r.targets.size(); ++k) {
      absl::StatusOr<Ratio> sum = Ratio::Add(total, r.targets[k].share);
      if (!sum.ok()) return absl::InvalidArgumentError(StrCat(ref, " targets: ", sum.status().message()));
      total = *sum;
    }
    if (total.is_zero()) {
      return absl::InvalidArgumentError(StrCat(ref, " targets: all shares are 0"));
    }
    if (r.kind == FundingRuleKind::kPercent && total.exceeds_one()) {
      return absl::InvalidArgumentError(StrCat(ref, " targets: shares add up to ",
                                               total.ToPercentString(), ", over 100%"));
    }
    if (absl::StatusOr<std::vector<std::int64_t>> w = TargetWeights(r); !w.ok()) {
      return absl::InvalidArgumentError(StrCat(ref, " ", w.status().message()));
    }
    if (r.kind == FundingRuleKind::kFixed && r.amount.is_negative()) {
      return absl::InvalidArgumentError(
          StrCat(ref, " amount: must be >= 0, got ", r.amount.ToYuanString()));
    }
    if (r.kind == FundingRuleKind::kPercent && r.basis == FundingBasis::kSourceShare) {
      for (const RuleTarget& t : r.targets) {
        // An item-utility payer may be any utility.
        for (std::size_t s = 0; s < kS; ++s) {
          const auto src = static_cast<FundingSource>(s);
          if (t.payer.item_utility ? IsUtility(src) : src == t.payer.source) {
            if (src == r.of) {
              return absl::InvalidArgumentError(
                  StrCat(ref, " of: a source cannot be computed from its own share (",
                         KeyOf(r.of), ")"));
            }
            derived[s] |= 1u << Idx(r.of);
          }
        }
      }
    }
  }
  std::vector<FundingSource> path;
  if (HasCycle(derived, &path)) {
    return absl::InvalidArgumentError(
        StrCat("policy \"", policy.name, "\" rules: cycle of derived shares ",
               PathString(path, " computed from ")));
  }
  std::array<std::uint32_t, kS> fallbacks{};
  for (std::size_t s = 0; s < kS; ++s) {
    const SourceLimit& l = policy.limits[s];
    const auto src = static_cast<FundingSource>(s);
    if (l.cap && l.cap->is_negative()) {
      return absl::InvalidArgumentError(StrCat("policy \"", policy.name, "\" limits.", KeyOf(src),
                                               ".cap: must be >= 0, got ",
                                               l.cap->ToYuanString()));
    }
    if (l.fallback) {
      if (*l.fallback == src) {
        return absl::InvalidArgumentError(StrCat("policy \"", policy.name, "\" limits.",
                                                 KeyOf(src), ".fallback: falls back to itself"));
      }
      fallbacks[s] |= 1u << Idx(*l.fallback);
    }
  }
  path.clear();
  if (HasCycle(fallbacks, &path)) {
    return absl::InvalidArgumentError(StrCat("policy \"", policy.name,
                                             "\" limits: cycle of cap fallbacks ",
                                             PathString(path, " -> ")));
  }
  return absl::OkStatus();
}

absl::StatusOr<FundingPolicy> ComposePolicies(const FundingPolicy& top, const FundingPolicy& base) {
  FundingPolicy out;
  out.name = StrCat(top.name, "+", base.name);
  out.description = StrCat(top.description, base.description.empty() ? "" : "; ", base.description);
  // Top's rules first in each phase: stable order kept within each phase by the
  // allocator, so plain concatenation is enough.
  out.rules = top.rules;
  out.rules.insert(out.rules.end(), base.rules.begin(), base.rules.end());
  for (std::size_t s = 0; s < kS; ++s) {
    out.limits[s] = base.limits[s];
    if (top.limits[s].cap) out.limits[s].cap = top.limits[s].cap;
    if (top.limits[s].fallback) out.limits[s].fallback = top.limits[s].fallback;
  }
  out.residual = top.residual ? top.residual : base.residual;
  RENEWAL_RETURN_IF_ERROR(ValidatePolicy(out));
  return out;
}

namespace {

// The rule behind a share, wholly in Chinese: "规则 yueyang.city_award（按比例 50% 归市级奖补，
// 基数 区级财政出资额（以奖代补））〔citation〕". IDs are data and stay as they are.
std::string DescribeRuleZh(const FundingRule& r) {
  std::string d = StrCat("规则 ", r.id, "（", ZhOf(r.kind));
  if (r.kind == FundingRuleKind::kPercent) {
    for (std::size_t k = 0; k < r.targets.size(); ++k) {
      d += StrCat(k == 0 ? " " : "，", r.targets[k].share.ToPercentString(), " 归",
                  r.targets[k].payer.item_utility ? std::string_view("本项目对应的管线单位")
                                                  : ZhOf(r.targets[k].payer.source));
    }
    d += StrCat("，基数 ", r.basis == FundingBasis::kSourceShare
                              ? StrCat(ZhOf(r.of), "出资额（", ZhOf(r.mode), "）")
                              : std::string(ZhOf(r.basis)));
  } else {
    d += StrCat(" ", ZhOf(r.per), " ", r.amount.ToYuanString(), " 元");
  }
  d += "）";
  if (!r.seed.empty()) d += StrCat("〔", r.seed, "〕");
  return d;
}

// The same wholly in English: "rule yueyang.city_award (percentage 50% to city award,
// of district budget's share (transfer out of that share)) [citation]". The citation is
// the document's title and number, a proper name.
std::string DescribeRuleEn(const FundingRule& r) {
  std::string d = StrCat("rule ", r.id, " (", EnOf(r.kind));
  if (r.kind == FundingRuleKind::kPercent) {
    for (std::size_t k = 0; k < r.targets.size(); ++k) {
      d += StrCat(k == 0 ? " " : ", ", r.targets[k].share.ToPercentString(), " to ",
                  r.targets[k].payer.item_utility ? std::string_view("the item's utility")
                                                  : EnOf(r.targets[k].payer.source));
    }
    d += StrCat(" of ", r.basis == FundingBasis::kSourceShare
                            ? StrCat(EnOf(r.of), "'s share (", EnOf(r.mode), ")")
                            : std::string(EnOf(r.basis)));
  } else {
    d += StrCat(" ", r.amount.ToYuanString(), " yuan ", EnOf(r.per));
  }
  d += ")";
  if (!r.seed.empty()) d += StrCat(" [", r.seed, "]");
  return d;
}

}  // namespace

std::string ExplainShareZh(const FundingShare& share, const FundingPolicy& policy) {
  std::string out = StrCat(ZhOf(share.source), " ", share.amount.ToYuanString(), " 元：");
  const FundingRule* rule = share.rule < policy.rules.size() ? &policy.rules[share.rule] : nullptr;
  switch (share.step) {
    case ShareStep::kRule:
      if (rule) out += DescribeRuleZh(*rule);
      break;
    case ShareStep::kTransfer:
      out += StrCat("由", ZhOf(share.from.value_or(share.source)), "转入，依据");
      if (rule) out += DescribeRuleZh(*rule);
      break;
    case ShareStep::kCapFallback:
      out += StrCat(ZhOf(share.from.value_or(share.source)), "已达上限，超出部分转由本来源承担，依据",
                    rule ? DescribeRuleZh(*rule) : std::string("兜底"));
      break;
    case ShareStep::kResidual:
      out += "兜底（各规则未覆盖的部分）";
      break;
  }
  if (share.clipped) out += "（以尚未覆盖的金额为限）";
  return out;
}

std::string ExplainShareEn(const FundingShare& share, const FundingPolicy& policy) {
  std::string out = StrCat(EnOf(share.source), " ", share.amount.ToYuanString(), ": ");
  const FundingRule* rule = share.rule < policy.rules.size() ? &policy.rules[share.rule] : nullptr;
  switch (share.step) {
    case ShareStep::kRule:
      if (rule) out += DescribeRuleEn(*rule);
      break;
    case ShareStep::kTransfer:
      out += StrCat("transferred from ", EnOf(share.from.value_or(share.source)), " by ");
      if (rule) out += DescribeRuleEn(*rule);
      break;
    case ShareStep::kCapFallback:
      out += StrCat("cap of ", EnOf(share.from.value_or(share.source)), " reached; fallback for ",
                    rule ? DescribeRuleEn(*rule) : std::string("residual"));
      break;
    case ShareStep::kResidual:
      out += "residual (what the rules left)";
      break;
  }
  if (share.clipped) out += " [clipped to the uncovered amount]";
  return out;
}

}  // namespace renewal
