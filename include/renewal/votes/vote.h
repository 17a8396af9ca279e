// Owner votes (业主共同决定): matters, scopes, ballots, rules, the exact count and
// its outcome (BRIEF §4; Civil Code art. 278; SPC interpretation 法释〔2009〕7号
// arts. 8–9). docs/votes.md explains every counting decision.
//
// Thresholds are exact fractions compared by 128-bit cross-multiplication; areas
// are integer 0.01 m². "以上" includes the boundary (Civil Code art. 1259),
// "过半数"/"超" is strict.
#ifndef RENEWAL_VOTE_H_
#define RENEWAL_VOTE_H_

#include <array>
#include <memory>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/registry/registry.h"
#include "renewal/base/string_column.h"

namespace renewal {

// ---------------------------------------------------------------------------
// Labels

// What is being decided: the nine items of Civil Code art. 278, then the
// renovation matters of the seeds.
enum class VoteMatter : std::uint8_t {
  kAssemblyRules, kManagementCovenant, kElectCommittee, kPropertyManager, kUseFund,
  kRaiseFund, kRebuild, kChangeUse, kOtherMajor, kRenovationPlan, kElevatorAddition,
  kAcceptanceSatisfaction, kCustom
};
template <>
struct LabelTable<VoteMatter> {
  static constexpr std::array<Label<VoteMatter>, 13> kLabels{{
      {VoteMatter::kAssemblyRules, "assembly_rules", "制定和修改业主大会议事规则", "assembly rules"},
      {VoteMatter::kManagementCovenant, "management_covenant", "制定和修改管理规约",
       "management covenant"},
      {VoteMatter::kElectCommittee, "elect_committee", "选举业主委员会或者更换业主委员会成员",
       "elect the owners' committee"},
      {VoteMatter::kPropertyManager, "property_manager", "选聘和解聘物业服务企业或者其他管理人",
       "hire or fire the property manager"},
      {VoteMatter::kUseFund, "use_fund", "使用建筑物及其附属设施的维修资金",
       "use the maintenance fund"},
      {VoteMatter::kRaiseFund, "raise_fund", "筹集建筑物及其附属设施的维修资金",
       "raise the maintenance fund"},
      {VoteMatter::kRebuild, "rebuild", "改建、重建建筑物及其附属设施",
       "rebuild buildings and facilities"},
      {VoteMatter::kChangeUse, "change_use", "改变共有部分的用途或者利用共有部分从事经营活动",
       "change the use of common parts"},
      {VoteMatter::kOtherMajor, "other_major", "有关共有和共同管理权利的其他重大事项",
       "other major matters"},
      {VoteMatter::kRenovationPlan, "renovation_plan", "老旧小区改造方案", "renovation plan"},
      {VoteMatter::kElevatorAddition, "elevator_addition", "既有住宅加装电梯", "elevator addition"},
      {VoteMatter::kAcceptanceSatisfaction, "acceptance_satisfaction", "竣工验收满意度",
       "acceptance satisfaction"},
      {VoteMatter::kCustom, "custom", "其他事项", "custom"},
  }};
};

enum class BallotChoice : std::uint8_t { kAgree, kDisagree, kAbstain };
template <>
struct LabelTable<BallotChoice> {
  static constexpr std::array<Label<BallotChoice>, 3> kLabels{{
      {BallotChoice::kAgree, "agree", "同意", "agree"},
      {BallotChoice::kDisagree, "disagree", "不同意", "disagree"},
      {BallotChoice::kAbstain, "abstain", "弃权", "abstain"},
  }};
};

enum class CastBy : std::uint8_t { kOwner, kCoOwner, kProxy };
template <>
struct LabelTable<CastBy> {
  static constexpr std::array<Label<CastBy>, 3> kLabels{{
      {CastBy::kOwner, "owner", "业主本人", "owner"},
      {CastBy::kCoOwner, "co_owner", "共有人", "co-owner"},
      {CastBy::kProxy, "proxy", "委托代理人", "proxy"},
  }};
};

enum class VoteBasis : std::uint8_t { kArea, kHeads };
template <>
struct LabelTable<VoteBasis> {
  static constexpr std::array<Label<VoteBasis>, 2> kLabels{{
      {VoteBasis::kArea, "area", "专有部分面积", "exclusive area"},
      {VoteBasis::kHeads, "heads", "业主人数", "owners by headcount"},
  }};
};

// Numerator of a test: owners who took part (any choice), or who agreed.
enum class VoteCounted : std::uint8_t { kParticipants, kAgree };
template <>
struct LabelTable<VoteCounted> {
  static constexpr std::array<Label<VoteCounted>, 2> kLabels{{
      {VoteCounted::kParticipants, "participants", "参与表决", "participating"},
      {VoteCounted::kAgree, "agree", "同意", "agreeing"},
  }};
};

// Denominator of a test: everyone in scope, or the participants.
enum class VoteOver : std::uint8_t { kAll, kParticipants };
template <>
struct LabelTable<VoteOver> {
  static constexpr std::array<Label<VoteOver>, 2> kLabels{{
      {VoteOver::kAll, "all", "全体业主", "all owners in scope"},
      {VoteOver::kParticipants, "participants", "参与表决业主", "participating owners"},
  }};
};

// "以上/不少于" includes the boundary; "过半数/超过" does not.
enum class VoteComparison : std::uint8_t { kAtLeast, kMoreThan };
template <>
struct LabelTable<VoteComparison> {
  static constexpr std::array<Label<VoteComparison>, 2> kLabels{{
      {VoteComparison::kAtLeast, "at_least", "以上（含本数）", "at least"},
      {VoteComparison::kMoreThan, "more_than", "超过（不含本数）", "more than"},
  }};
};

// The fate of one ballot. Only kAccepted ballots are counted; kConcurring is a
// co-owner's ballot that says the same as the accepted one (one vote per dwelling).
enum class BallotStatus : std::uint8_t {
  kAccepted, kSuperseded, kConcurring, kUnknownDwelling, kOutOfScope, kBeforeOpening,
  kAfterClose, kNotAnOwner, kNoOwner, kCoOwnerConflict, kInconsistentPerson
};
inline constexpr std::size_t kBallotStatusCount = 11;
template <>
struct LabelTable<BallotStatus> {
  static constexpr std::array<Label<BallotStatus>, kBallotStatusCount> kLabels{{
      {BallotStatus::kAccepted, "accepted", "有效", "accepted"},
      {BallotStatus::kSuperseded, "superseded", "已被同一人后投选票取代", "superseded by a later ballot"},
      {BallotStatus::kConcurring, "concurring", "共有人一致票（合计一票）", "concurring co-owner ballot"},
      {BallotStatus::kUnknownDwelling, "unknown_dwelling", "房屋不存在", "unknown dwelling"},
      {BallotStatus::kOutOfScope, "out_of_scope", "不在表决范围内", "dwelling out of scope"},
      {BallotStatus::kBeforeOpening, "before_opening", "表决开始前投票", "cast before the opening"},
      {BallotStatus::kAfterClose, "after_close", "表决截止后投票", "cast after the close"},
      {BallotStatus::kNotAnOwner, "not_an_owner", "投票人非该房屋业主", "caster is not an owner"},
      {BallotStatus::kNoOwner, "no_owner", "房屋无登记业主", "dwelling has no registered owner"},
      {BallotStatus::kCoOwnerConflict, "co_owner_conflict", "共有人意见不一致",
       "conflicting co-owner ballots"},
      {BallotStatus::kInconsistentPerson, "inconsistent_person", "同一业主多套房屋表决不一致",
       "one person's units voted differently"},
  }};
};
constexpr bool IsRejection(BallotStatus s) { return s >= BallotStatus::kUnknownDwelling; }

enum class VoteScopeKind : std::uint8_t { kEstate, kBuilding, kEntrance, kDwellings };
template <>
struct LabelTable<VoteScopeKind> {
  static constexpr std::array<Label<VoteScopeKind>, 4> kLabels{{
      {VoteScopeKind::kEstate, "estate", "小区", "estate"},
      {VoteScopeKind::kBuilding, "building", "楼栋", "building"},
      {VoteScopeKind::kEntrance, "entrance", "单元", "entrance"},
      {VoteScopeKind::kDwellings, "dwellings", "指定房屋", "listed dwellings"},
  }};
};

// ---------------------------------------------------------------------------
// Rules

// An exact fraction num/den, 0 <= num <= den, 1 <= den <= kMaxFractionDen.
struct Threshold {
  std::int64_t num = 0;
  std::int64_t den = 1;
  bool operator==(const Threshold&) const = default;
};
inline constexpr std::int64_t kMaxFractionDen = 1'000'000;

// "2/3", "3/4", "80%" (= 80/100), "1" ...; exact, no floating point.
absl::StatusOr<Threshold> ParseThreshold(std::string_view text);
std::string ThresholdToString(Threshold f);  // "2/3"
// num/den as a percentage with two decimals, rounded half up: "66.67%".
std::string VotePercent(std::int64_t num, std::int64_t den);

// `counted` on `basis` compared with `threshold` of `over`:
//   at_least:  counted >= threshold * over    more_than: counted > threshold * over
struct ThresholdTest {
  std::string name;  // e.g. "participation_area"
  VoteBasis basis = VoteBasis::kArea;
  VoteCounted counted = VoteCounted::kAgree;
  VoteOver over = VoteOver::kAll;
  Threshold threshold;
  VoteComparison comparison = VoteComparison::kAtLeast;
  bool operator==(const ThresholdTest&) const = default;
};

// A rule passes when every test passes.
struct VoteRule {
  std::string name;
  std::string title;     // Chinese, as the source words it
  std::string title_en;  // the same in English (optional in JSON; the presets have one)
  std::string source;  // citation: law article or seed file and section
  std::vector<ThresholdTest> tests;
  bool operator==(const VoteRule&) const = default;
};

// Checks names, fractions and that there is at least one test.
absl::Status ValidateVoteRule(const VoteRule& rule);

// The named presets (docs/votes.md lists them with their sources).
std::span<const std::string_view> VoteRulePresetNames();
absl::StatusOr<VoteRule> VoteRulePreset(std::string_view name);
// The preset a matter uses unless the vote names another; empty for kCustom.
std::string_view DefaultVoteRuleName(VoteMatter matter);

// JSON form of a rule (docs/schemas/vote-rule.schema.json).
absl::StatusOr<VoteRule> ParseVoteRuleJson(std::string_view json);
std::string VoteRuleToJson(const VoteRule& rule);

// ---------------------------------------------------------------------------
// Votes and ballots

struct VoteScope {
  VoteScopeKind kind = VoteScopeKind::kEstate;
  std::string id;        // estate or building ID (kEstate, kBuilding, kEntrance)
  std::string entrance;  // entrance ID within the building (kEntrance)
  std::vector<std::string> dwellings;  // kDwellings
  bool operator==(const VoteScope&) const = default;
};

// Times are seconds since 1970-01-01T00:00:00Z. A ballot at exactly `opens` or
// `closes` counts (the window is inclusive on both ends).
struct Vote {
  std::string id;
  VoteMatter matter = VoteMatter::kRenovationPlan;
  VoteScope scope;
  VoteRule rule;
  std::int64_t opens = 0;
  std::int64_t closes = 0;
};

inline constexpr Index kUnknownOwner = UINT32_MAX - 1;  // a caster ID not in the registry

// One ballot as handed in (IDs unresolved).
struct BallotInput {
  std::string_view id;           // optional; unique within a box when given
  std::string_view dwelling_id;
  BallotChoice choice = BallotChoice::kAgree;
  std::int64_t time = 0;
  CastBy cast_by = CastBy::kOwner;
  std::string_view owner_id;     // the owner who cast it or is represented; optional
};

// The ballots of one vote, in the order they were handed in, stored column-wise
// (14 bytes a ballot without IDs: times are kept as 32-bit offsets from the
// first ballot's time). Nothing is dropped: unknown dwellings and owners are
// kept and rejected by the count with a reason.
class BallotBox {
 public:
  // Resolves the IDs against `registry`. Errors (nothing added): empty dwelling
  // ID, duplicate ballot ID, a time more than kMaxTimeSpan seconds from the
  // first ballot's.
  absl::Status Add(const Registry& registry, const BallotInput& ballot);
  // Hot path for generated data: already resolved (dwelling < dwelling_count,
  // owner an owner index, kNoIndex for "not named" or kUnknownOwner). Errors
  // (nothing added): the time span, as Add.
  absl::Status AddResolved(Index dwelling, BallotChoice choice, std::int64_t time, CastBy cast_by,
                           Index owner = kNoIndex);
  // One box spans at most ~68 years of ballot times.
  static constexpr std::int64_t kMaxTimeSpan = INT32_MAX;
  void Reserve(std::size_t n);
  // The ballots at `order` (each < size()), in that order: dwellings, choices, times,
  // casters and owners; ballot IDs and the raw IDs of unknown dwellings or owners are
  // not kept. For regrouping a large box.
  BallotBox Select(std::span<const std::size_t> order) const;
  // The same kept columns, moved the other way: ballot i goes to position to[i] of
  // *out, which gets `size` ballots (every position < size written exactly once;
  // to[i] == kNoIndex: ballot i is left out). Reads this box in order and keeps
  // *out's capacity, so regrouping a shuffled box again allocates nothing.
  void ScatterInto(std::span<const Index> to, std::size_t size, BallotBox* out) const;

  std::size_t size() const { return dwelling_.size(); }
  Index dwelling(std::size_t i) const { return dwelling_[i]; }  // kNoIndex: unknown
  BallotChoice choice(std::size_t i) const { return choice_[i]; }
  std::int64_t time(std::size_t i) const { return time_base_ + time_offset_[i]; }
  CastBy cast_by(std::size_t i) const { return cast_by_[i]; }
  Index owner(std::size_t i) const { return owner_[i]; }
  // The columns, for hot loops.
  std::span<const Index> dwellings() const { return dwelling_; }
  std::int64_t time_base() const { return time_base_; }  // time(i) = base + offset i
  std::span<const std::int32_t> time_offsets() const { return time_offset_; }
  std::span<const Index> owners() const { return owner_; }
  std::span<const BallotChoice> choices() const { return choice_; }
  // The ballot's ID ("" when none was given) and, for unknown ones, the raw
  // dwelling and owner IDs as handed in.
  std::string_view id(std::size_t i) const;
  std::string_view raw_dwelling_id(std::size_t i) const;
  std::string_view raw_owner_id(std::size_t i) const;
  std::size_t bytes() const;

 private:
  std::string_view Side(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& rows,
                        std::size_t i) const;
  bool FitsTime(std::int64_t time) const;
  std::vector<Index> dwelling_;
  std::int64_t time_base_ = 0;  // the first ballot's time (Select: the source box's)
  std::vector<std::int32_t> time_offset_;
  std::vector<Index> owner_;
  std::vector<BallotChoice> choice_;
  std::vector<CastBy> cast_by_;
  // Sparse: (ballot, row in `strings_`), sorted by ballot.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ids_, raw_dwellings_, raw_owners_;
  StringColumn strings_;
  absl::flat_hash_set<std::string> id_set_;  // for duplicate checks
};

// ---------------------------------------------------------------------------
// VoteOutcome

struct VoteTotals {
  std::int64_t area_total = 0;  // 0.01 m²
  std::int64_t area_participating = 0;
  std::int64_t area_agree = 0;
  std::int64_t area_disagree = 0;
  std::int64_t area_abstain = 0;
  std::int64_t heads_total = 0;
  std::int64_t heads_participating = 0;
  std::int64_t heads_agree = 0;
  std::int64_t heads_disagree = 0;
  std::int64_t heads_abstain = 0;
  std::int64_t dwellings = 0;
  bool operator==(const VoteTotals&) const = default;
};

struct ThresholdResult {
  ThresholdTest test;
  std::int64_t numerator = 0;    // 0.01 m² or heads
  std::int64_t denominator = 0;
  bool passed = false;
  // The smallest numerator that passes with this denominator; margin =
  // numerator - minimum_to_pass: >= 0 is how much can be lost before the test
  // fails, < 0 how much more is needed. `reachable` is false when the minimum
  // exceeds the denominator (or the denominator is 0: nobody to count).
  std::int64_t minimum_to_pass = 0;
  std::int64_t margin = 0;
  bool reachable = true;
  bool operator==(const ThresholdResult&) const = default;
};

// One test evaluated exactly on a count's totals (what a count does for each
// test of its rule); for records that keep the totals, such as a plan's
// consultation record.
ThresholdResult EvaluateThreshold(const ThresholdTest& test, const VoteTotals& totals);

// The test's reason in words, wholly in Chinese, e.g. "同意面积 478.00 m² / 参与表决业主面积
// 548.20 m² = 87.19% ≥ 3/4（75.00%）：通过；可再减少 66.85 m²", and wholly in English,
// e.g. "area agreeing 478.00 m² / area of participating owners 548.20 m² = 87.19% ≥ 3/4
// (75.00%): passed; 66.85 m² to spare". Built on demand (not while counting).
std::string ExplainThresholdZh(const ThresholdResult& result);
std::string ExplainThresholdEn(const ThresholdResult& result);

// Tallies of one building or entrance, by dwelling (the dwelling's choice is its
// person's choice; headcount only makes sense over the whole scope).
struct GroupTally {
  Index building = kNoIndex;
  Index entrance = kNoIndex;  // kNoIndex for a building row
  std::int64_t dwellings = 0, dwellings_agree = 0, dwellings_disagree = 0,
               dwellings_abstain = 0;
  std::int64_t area_total = 0, area_agree = 0, area_disagree = 0, area_abstain = 0;
  bool operator==(const GroupTally&) const = default;
};

// A person whose units voted differently: kNoIndex owner means the developer's
// unsold units; for co-owned sets, the first owner. Their dwellings are
// VoteOutcome::dwellings_of(person) (kept in one list for all such persons).
struct InconsistentPerson {
  Index owner = kNoIndex;
  bool developer = false;
  std::uint32_t first = 0;  // in VoteOutcome::inconsistent_dwellings
  std::uint32_t count = 0;
  bool operator==(const InconsistentPerson&) const = default;
};

// Per dwelling in scope: the person's effective choice (kNone: did not take part).
enum class DwellingChoice : std::uint8_t { kAgree, kDisagree, kAbstain, kNone };

struct VoteOutcome {
  std::string vote_id;
  VoteMatter matter = VoteMatter::kRenovationPlan;
  std::string rule_name;
  bool passed = false;
  VoteTotals totals;
  std::vector<ThresholdResult> tests;
  std::vector<BallotStatus> ballot_status;  // one per ballot, in box order
  std::array<std::int64_t, kBallotStatusCount> status_counts{};
  std::vector<GroupTally> buildings, entrances;
  std::vector<InconsistentPerson> inconsistent;
  std::vector<Index> inconsistent_dwellings;  // person by person, in index order
  // VoteScope dwellings in index order and their choices (empty unless requested).
  std::vector<Index> scope_dwellings;
  std::vector<DwellingChoice> dwelling_choice;

  std::int64_t count(BallotStatus s) const { return status_counts[static_cast<std::size_t>(s)]; }
  std::int64_t rejected() const;
  std::span<const Index> dwellings_of(const InconsistentPerson& p) const {
    return std::span<const Index>(inconsistent_dwellings).subspan(p.first, p.count);
  }
};

struct TallyOptions {
  bool breakdown = true;     // buildings / entrances
  bool per_dwelling = true;  // scope_dwellings / dwelling_choice
};

// Counts votes against one registry, reusing its scratch space between votes
// (no allocation per dwelling or ballot once warm). Not thread-safe; use one per
// thread.
class Tallier {
 public:
  explicit Tallier(const Registry& registry);
  ~Tallier();
  Tallier(const Tallier&) = delete;
  Tallier& operator=(const Tallier&) = delete;

  // Errors: unknown scope IDs, invalid rule, closes < opens.
  absl::StatusOr<VoteOutcome> Count(const Vote& vote, const BallotBox& ballots,
                                    const TallyOptions& options = {});
  // Counts only ballots [begin, end) of the box (ballot_status[k] is ballot
  // begin + k): many votes can share one box, e.g. a city's votes in one file,
  // which also keeps a batch of counts streaming through memory.
  absl::StatusOr<VoteOutcome> CountRange(const Vote& vote, const BallotBox& ballots,
                                         std::size_t begin, std::size_t end,
                                         const TallyOptions& options = {});

  // Counts many votes in turn and hands each outcome (or its error) to
  // `sink(k, outcome)`; while vote k is counted, vote k + 1's ballots are
  // prefetched, so a city's votes stream through memory. Vote k counts
  // boxes[k], or in the one-box form ballots [starts[k], starts[k + 1]) of
  // `ballots`. Errors: mismatched sizes (nothing counted).
  using OutcomeSink = absl::FunctionRef<void(std::size_t, absl::StatusOr<VoteOutcome>)>;
  absl::Status CountEach(std::span<const Vote> votes, std::span<const BallotBox> boxes,
                         const TallyOptions& options, OutcomeSink sink);
  absl::Status CountEach(std::span<const Vote> votes, const BallotBox& ballots,
                         std::span<const std::size_t> starts, const TallyOptions& options,
                         OutcomeSink sink);

 private:
  struct Scratch;
  // Sets the scratch scope (a dwelling range, or a sorted list).
  absl::Status ResolveScope(const VoteScope& scope);
  const Registry& registry_;
  std::unique_ptr<Scratch> s_;
};

// One-off convenience.
absl::StatusOr<VoteOutcome> Tally(const Registry& registry, const Vote& vote,
                              const BallotBox& ballots, const TallyOptions& options = {});

// The dwelling indices of a scope, ascending. Errors name the scope field.
absl::StatusOr<std::vector<Index>> ResolveVoteScope(const Registry& registry, const VoteScope& scope);

}  // namespace renewal

#endif  // RENEWAL_VOTE_H_
