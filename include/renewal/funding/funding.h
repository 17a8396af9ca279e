// Funding policies and the allocation of a plan's costs to funding sources
// (BRIEF §5, 资金筹措). A policy is an ordered list of rules; each rule matches
// items (category, facility, tags, asset owner) and assigns
//   - percentages of the item's cost, of what is still uncovered, or of another
//     source's share on the item (added, or transferred out of that share), or
//   - a fixed amount per household / elevator / estate / facility / item, spread
//     over the matched items in proportion to what they still lack;
// sources may be capped (per plan), the overflow going to a named fallback; what
// the rules leave goes to the residual source; what nobody can pay is the gap.
//
// Invariants of every Allocation (tested): for each item the shares plus its gap
// add up to its cost to the fen; no share is negative; no capped source receives
// more than its cap; each share names the rule (or residual/fallback step) that
// produced it.
#ifndef RENEWAL_FUNDING_H_
#define RENEWAL_FUNDING_H_

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/funding/cost.h"
#include "renewal/funding/funding_source.h"
#include "renewal/base/labels.h"
#include "renewal/base/money.h"

namespace renewal {

// Which items a rule applies to. An empty set (mask 0) means "any".
struct ItemMatch {
  std::uint32_t categories = 0;  // bit per Category
  std::uint32_t facilities = 0;  // bit per Facility
  std::uint32_t owners = 0;      // bit per AssetOwner
  TagSet tags_any = 0;           // item has at least one of these
  TagSet tags_none = 0;          // item has none of these

  bool Matches(const CostItem& item) const {
    const auto in = [](std::uint32_t mask, auto v) {
      return mask == 0 || (mask >> static_cast<unsigned>(v) & 1u) != 0;
    };
    return in(categories, item.category) && in(facilities, item.facility) &&
           in(owners, item.asset_owner) && (tags_any == 0 || (item.tags & tags_any) != 0) &&
           (item.tags & tags_none) == 0;
  }
  bool operator==(const ItemMatch&) const = default;
};
template <class E>
constexpr std::uint32_t MaskOf(std::initializer_list<E> values) {
  std::uint32_t m = 0;
  for (E v : values) m |= 1u << static_cast<unsigned>(v);
  return m;
}
constexpr TagSet TagsOf(std::initializer_list<CostTag> tags) {
  TagSet m = 0;
  for (CostTag t : tags) m = static_cast<TagSet>(m | TagBit(t));
  return m;
}

// A payer named by a rule: a fixed source or "the item's own pipeline unit".
struct Payer {
  FundingSource source = FundingSource::kDistrict;
  bool item_utility = false;  // the item's utility (water item → water utility…)
  static Payer Of(FundingSource s) { return Payer{s, false}; }
  static Payer ItemUtility() { return Payer{FundingSource::kDistrict, true}; }
  bool operator==(const Payer&) const = default;
};

struct RuleTarget {
  Payer payer;
  Ratio share;  // of the rule's basis (percent rules); weight among targets (fixed rules)
  bool operator==(const RuleTarget&) const = default;
};

enum class FundingRuleKind : std::uint8_t { kPercent, kFixed };
template <>
struct LabelTable<FundingRuleKind> {
  static constexpr std::array<Label<FundingRuleKind>, 2> kLabels{{
      {FundingRuleKind::kPercent, "percent", "按比例", "percentage"},
      {FundingRuleKind::kFixed, "fixed", "定额", "fixed amount"},
  }};
};

// What a percentage applies to.
enum class FundingBasis : std::uint8_t {
  kCost,         // the item's cost
  kRemaining,    // what is still uncovered on the item when the rule runs
  kSourceShare,  // another source's share on the item (`of`)
};
template <>
struct LabelTable<FundingBasis> {
  static constexpr std::array<Label<FundingBasis>, 3> kLabels{{
      {FundingBasis::kCost, "cost", "项目费用", "item cost"},
      {FundingBasis::kRemaining, "remaining", "剩余未筹部分", "uncovered remainder"},
      {FundingBasis::kSourceShare, "source_share", "其他来源出资额", "another source's share"},
  }};
};

// For FundingBasis::kSourceShare: add the amount on top (taken from the uncovered part,
// e.g. "the district at least matches the city") or transfer it out of the other
// source's share (an award that reimburses, e.g. "the city awards 50% of the
// district's investment").
enum class DerivedMode : std::uint8_t { kAdd, kTransfer };
template <>
struct LabelTable<DerivedMode> {
  static constexpr std::array<Label<DerivedMode>, 2> kLabels{{
      {DerivedMode::kAdd, "add", "另行出资", "add from the uncovered part"},
      {DerivedMode::kTransfer, "transfer", "以奖代补", "transfer out of that share"},
  }};
};

enum class PerUnit : std::uint8_t { kHousehold, kElevator, kEstate, kFacility, kItem };
template <>
struct LabelTable<PerUnit> {
  static constexpr std::array<Label<PerUnit>, 5> kLabels{{
      {PerUnit::kHousehold, "household", "每户", "per household"},
      {PerUnit::kElevator, "elevator", "每部电梯", "per elevator"},
      {PerUnit::kEstate, "estate", "每个小区", "per estate"},
      {PerUnit::kFacility, "facility", "每小区每类设施", "per estate and facility"},
      {PerUnit::kItem, "item", "每个项目", "per item"},
  }};
};

struct FundingRule {
  std::string id;           // unique in a policy, e.g. "yueyang.city_award"
  std::string description;  // what the rule says, in Chinese
  std::string seed;         // citation: title and number, e.g. "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 六、(一)"
  ItemMatch match;
  FundingRuleKind kind = FundingRuleKind::kPercent;
  std::vector<RuleTarget> targets;
  // Percent rules.
  FundingBasis basis = FundingBasis::kCost;
  FundingSource of = FundingSource::kDistrict;  // FundingBasis::kSourceShare
  DerivedMode mode = DerivedMode::kAdd;          // FundingBasis::kSourceShare
  // Fixed rules: `amount` per unit, split among targets by their shares.
  Money amount;
  PerUnit per = PerUnit::kEstate;
  // Runs after the residual step (awards that reimburse a source's final share).
  bool after_residual = false;
  bool operator==(const FundingRule&) const = default;
};

struct SourceLimit {
  std::optional<Money> cap;               // per plan
  std::optional<FundingSource> fallback;  // receives what the cap turns away
  bool operator==(const SourceLimit&) const = default;
};

struct FundingPolicy {
  std::string name;
  std::string description;
  std::vector<FundingRule> rules;
  std::array<SourceLimit, kFundingSourceCount> limits{};
  std::optional<FundingSource> residual;  // none: everything left is the gap
  bool operator==(const FundingPolicy&) const = default;

  SourceLimit& limit(FundingSource s) { return limits[static_cast<std::size_t>(s)]; }
  const SourceLimit& limit(FundingSource s) const { return limits[static_cast<std::size_t>(s)]; }
};

// Checks a policy: rule ids unique and non-empty, targets present, shares of one
// percent rule ≤ 100% in total, fixed amounts ≥ 0, no cycle among derived rules
// (A from B from A) or among cap fallbacks. Errors name the rule and field.
absl::Status ValidatePolicy(const FundingPolicy& policy);

// `top` on top of `base`: top's rules run first (in each phase), then base's; a
// limit set in top replaces base's; top's residual wins when set. The name is
// "top+base". Rule ids must stay unique.
absl::StatusOr<FundingPolicy> ComposePolicies(const FundingPolicy& top, const FundingPolicy& base);

// ---------------------------------------------------------------------------
// Presets (each rule cites its seed).
struct National2020Shares {
  // 国办发〔2020〕23号: basic items mainly government, improvement items supported
  // appropriately, enhancement items mainly market. The numbers are not in the
  // guideline: these defaults (documented in docs/funding.md) are parameters.
  Ratio basic_government = Ratio::Percent(80);
  Ratio improvement_government = Ratio::Percent(50);
  Ratio enhancement_market = Ratio::Percent(70);
  FundingSource government = FundingSource::kDistrict;
  FundingSource market = FundingSource::kSocialCapital;
  FundingSource residual = FundingSource::kResidentsDirect;
};
FundingPolicy National2020Policy(const National2020Shares& shares = {});
FundingPolicy YueyangPolicy();
FundingPolicy FujianPolicy();
FundingPolicy HengyangPolicy();
FundingPolicy Household6000Policy();
FundingPolicy Elevator100kPolicy();
FundingPolicy NingboFundSubsidyPolicy();

// Names of the presets, and lookup by name. A name may compose presets with '+',
// e.g. "household_6000+elevator_100k+national_2020" (left on top).
std::span<const std::string_view> FundingPresetNames();
absl::StatusOr<FundingPolicy> FundingPreset(std::string_view name);

// ---------------------------------------------------------------------------
// How a share came about.
enum class ShareStep : std::uint8_t {
  kRule,          // assigned by `rule`
  kCapFallback,   // `rule` (or the residual) assigned it to a capped source; the
                  // overflow went to this fallback
  kResidual,      // the policy's residual source took what was left
  kTransfer,      // `rule` moved it out of `from`'s share
};
template <>
struct LabelTable<ShareStep> {
  static constexpr std::array<Label<ShareStep>, 4> kLabels{{
      {ShareStep::kRule, "rule", "规则", "rule"},
      {ShareStep::kCapFallback, "cap_fallback", "超上限转由", "cap overflow to fallback"},
      {ShareStep::kResidual, "residual", "兜底", "residual"},
      {ShareStep::kTransfer, "transfer", "以奖代补", "transfer"},
  }};
};
inline constexpr std::uint32_t kNoRule = UINT32_MAX;

struct FundingShare {
  std::uint32_t item = 0;   // index into the plan's items
  FundingSource source = FundingSource::kDistrict;
  ShareStep step = ShareStep::kRule;
  std::uint32_t rule = kNoRule;  // index into the policy's rules (kNoRule: residual)
  std::optional<FundingSource> from;  // kTransfer: whose share; kCapFallback: capped source
  bool clipped = false;     // the rule asked for more than was uncovered
  Money amount;
  bool operator==(const FundingShare&) const = default;
};

struct FundingAllocation {
  std::string plan;
  std::string policy;
  std::vector<Money> item_cost;  // per item
  std::vector<Money> item_gap;   // per item: what no source could cover
  std::vector<FundingShare> shares;  // sorted by item, then in the order produced
  std::vector<std::uint32_t> item_first_share;  // item i: [first[i], first[i+1])
  std::array<Money, kFundingSourceCount> by_source{};
  // [category][source]
  std::array<std::array<Money, kFundingSourceCount>, 3> by_category{};
  Money total_cost;
  Money gap;
  // Notes on budgets left unused and on caps reached, one line each: the same notes
  // wholly in Chinese and wholly in English, in the same order.
  std::vector<std::string> notes_zh, notes_en;

  std::span<const FundingShare> SharesOf(std::uint32_t item) const {
    return std::span<const FundingShare>(shares).subspan(
        item_first_share[item], item_first_share[item + 1] - item_first_share[item]);
  }
  // Sum of a source's shares on an item.
  Money Amount(std::uint32_t item, FundingSource source) const;
  Money Total(FundingSource source) const { return by_source[static_cast<std::size_t>(source)]; }
};

// One line explaining a share, wholly in Chinese, e.g. `市级奖补 50000.00 元：由区级财政转入，
// 依据规则 yueyang.city_award（按比例 50% 归市级奖补，基数 区级财政出资额（以奖代补））〔citation〕`,
// and wholly in English, e.g. `city award 50000.00: transferred from district budget by rule
// yueyang.city_award (percentage 50% to city award of district budget's share (transfer out
// of that share)) [citation]`. The citation is the document's title and number as the
// policy gives it (a proper name); rule IDs are data.
std::string ExplainShareZh(const FundingShare& share, const FundingPolicy& policy);
std::string ExplainShareEn(const FundingShare& share, const FundingPolicy& policy);

// Allocates a plan whose costs were computed (ComputeCosts). Fails on an invalid
// policy (ValidatePolicy) or on money overflow; never on a shortfall (that is the gap).
absl::StatusOr<FundingAllocation> Allocate(const FundingPolicy& policy, const CostPlan& plan);

// For many plans under one policy: validates once and reuses buffers.
class Allocator {
 public:
  static absl::StatusOr<Allocator> Create(FundingPolicy policy);
  absl::StatusOr<FundingAllocation> Allocate(const CostPlan& plan);
  // Same, into `out` (reusing its buffers) — the hot path for programmes. On error
  // `out` is reset to an empty allocation.
  absl::Status AllocateInto(const CostPlan& plan, FundingAllocation& out);
  // A programme: the policy's caps apply to the plans together, in order (first
  // come, first served), e.g. a city's yearly budget over all its estates. Each
  // plan's allocation keeps every invariant; the sum over plans respects the caps.
  absl::StatusOr<std::vector<FundingAllocation>> AllocateProgramme(std::span<const CostPlan> plans);
  const FundingPolicy& policy() const { return policy_; }

 private:
  explicit Allocator(FundingPolicy policy) : policy_(std::move(policy)) {}
  FundingPolicy policy_;
  std::vector<std::uint32_t> main_rules_;   // rule indices, before the residual
  std::vector<std::uint32_t> after_rules_;  // after the residual
  std::vector<std::vector<std::int64_t>> target_weights_;  // per rule
  // Scratch.
  std::vector<std::int64_t> remaining_;
  std::vector<std::int64_t> matrix_;  // items × sources
  std::vector<std::uint32_t> matched_;
  std::vector<std::int64_t> weights_;
  // Set during AllocateProgramme: caps left for the rest of the programme.
  std::optional<std::array<std::int64_t, kFundingSourceCount>> programme_caps_;
};

}  // namespace renewal

#endif  // RENEWAL_FUNDING_H_
