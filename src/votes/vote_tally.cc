// The count (法释〔2009〕7号 arts. 8–9; docs/votes.md "Counting"). Every array is
// indexed by position in the scope, person or ballot and lives in the Tallier's
// scratch space, so a warm Tallier allocates only the VoteOutcome.
#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
#include <utility>

#include "renewal/votes/vote.h"
#include "renewal/base/strcat.h"
#include "renewal/base/status_macros.h"
#include "vote_threshold.h"

namespace renewal {

namespace {

constexpr Index kNone = kNoIndex;
// Person choice states beyond the three choices.
constexpr std::uint8_t kNoChoice = 3;
constexpr std::uint8_t kInconsistent = 4;

// A person's choice so far (a choice, kNoChoice or kInconsistent) merged with
// one more unit's (a choice or kNoChoice): a table instead of branches, since
// who voted and how is unpredictable.
constexpr std::array<std::array<std::uint8_t, 4>, 5> kMergeChoice = [] {
  std::array<std::array<std::uint8_t, 4>, 5> t{};
  for (std::uint8_t so_far = 0; so_far < 5; ++so_far) {
    for (std::uint8_t unit = 0; unit < 4; ++unit) {
      t[so_far][unit] = unit == kNoChoice || so_far == unit ? so_far
                        : so_far == kNoChoice              ? unit
                                                           : kInconsistent;
    }
  }
  return t;
}();

// The shape of a scope, which the hot loops are specialised on.
enum class ScopeShape : std::uint8_t {
  kEstate,  // a whole estate: a dwelling range that holds its own block of persons
  kRange,   // a building or an entrance: a dwelling range
  kList     // listed dwellings, sorted
};

}  // namespace

struct Tallier::Scratch {
  // VoteScope: a dwelling range [first, first + n), or a sorted list.
  ScopeShape shape = ScopeShape::kEstate;
  bool contiguous = true;  // shape != kList
  Index first = 0;
  Index n = 0;
  std::vector<Index> list;
  // kEstate: the persons whose first unit is in the estate, [own_first, own_first + own_count).
  Index own_first = 0;
  Index own_count = 0;
  // Per scope position.
  // The first valid ballot, then the effective one, numbered from the range's start.
  std::vector<Index> slot;
  std::vector<std::uint8_t> slot_choice;  // its choice, kNoChoice when none
  std::vector<Index> person_of;   // person number in this count
  // Valid ballots after a position's first: (position, ballot).
  std::vector<std::pair<Index, Index>> repeats;
  std::vector<Index> group;
  // Per person in this count.
  Index persons = 0;
  std::vector<std::int64_t> person_area;
  std::vector<std::uint8_t> person_choice;  // a BallotChoice, kNoChoice or kInconsistent
  std::vector<Index> person_global;         // the registry's person id
  std::vector<Index> person_record;
  std::vector<std::pair<Index, Index>> units;  // inconsistent persons' (row, dwelling)
  // Per registry person (DwellingColumns::person): its number in this count;
  // kNone except while counting (reset through person_global).
  std::vector<Index> local_person;

  Index Dwelling(Index pos) const { return contiguous ? first + pos : list[pos]; }
  // The position of dwelling d in the scope, or kNone. Hot loops pass copies of
  // `first` and `n`: the members would be reloaded after every store through an
  // Index pointer, which might alias them.
  template <bool kContiguous>
  Index Local(Index d, Index first_, Index n_) const {
    if constexpr (kContiguous) {
      return d - first_ < n_ ? d - first_ : kNone;  // kNoIndex lands outside too
    } else {
      auto it = std::lower_bound(list.begin(), list.end(), d);
      return it != list.end() && *it == d ? static_cast<Index>(it - list.begin()) : kNone;
    }
  }

  template <bool kContiguous>
  void ScanBallots(const Vote& vote, const BallotBox& box, std::size_t begin, std::size_t end,
                   const DwellingColumns& c, VoteOutcome& out);
  void ResolveRepeats(const BallotBox& box, std::size_t base, VoteOutcome& out);
  template <ScopeShape kShape>
  void GatherPersons(const Registry& r);
  void ReportInconsistent(const DwellingColumns& c, std::size_t count, VoteOutcome& out);
  std::int64_t AddUpTotals(VoteTotals& t) const;
  void Breakdown(const Registry& r, VoteOutcome& out) const;
  DwellingChoice ChoiceAt(Index pos) const {
    const std::uint8_t pc = person_choice[person_of[pos]];
    return pc <= 2 ? static_cast<DwellingChoice>(pc) : DwellingChoice::kNone;
  }
};

Tallier::Tallier(const Registry& registry)
    : registry_(registry), s_(std::make_unique<Scratch>()) {}
Tallier::~Tallier() = default;

namespace {

bool IsCoOwner(const DwellingColumns& c, Index d, Index o) {
  return std::binary_search(c.co_owners.begin(), c.co_owners.end(), std::pair<Index, Index>{d, o});
}

}  // namespace

absl::StatusOr<VoteOutcome> Tallier::Count(const Vote& vote, const BallotBox& box,
                                           const TallyOptions& options) {
  return CountRange(vote, box, 0, box.size(), options);
}

namespace {

// Later phases change a ballot's status (its number relative to the counted
// range) through this, keeping the counts right.
void Restatus(VoteOutcome& out, Index i, BallotStatus st) {
  --out.status_counts[static_cast<std::size_t>(out.ballot_status[i])];
  ++out.status_counts[static_cast<std::size_t>(st)];
  out.ballot_status[i] = st;
}

}  // namespace

// Gives every ballot of [begin, end) its first status, checked in the order
// docs/votes.md lists, and records each scope position's first valid ballot in
// `slot` (its choice in `slot_choice`) and every further one in `repeats`. The
// loop makes no calls and keeps its values in registers: a ballot naming an
// owner other than the first owner is provisionally not an owner's, and those
// are checked against the co-owners afterwards.
template <bool kContiguous>
void Tallier::Scratch::ScanBallots(const Vote& vote, const BallotBox& box, std::size_t begin,
                                   std::size_t end, const DwellingColumns& c, VoteOutcome& out) {
  const std::size_t m = end - begin;
  slot.assign(n, kNone);
  slot_choice.assign(n, kNoChoice);
  repeats.clear();
  const Index* dwelling = box.dwellings().data() + begin;
  const std::int32_t* time = box.time_offsets().data() + begin;
  const Index* caster = box.owners().data() + begin;
  const BallotChoice* choice = box.choices().data() + begin;
  const Index* owner = c.owner.data();
  // The window relative to the box's base time, clamped just outside the range
  // of offsets (so a window beyond it admits all or none, as it should); a time
  // is inside when (t - opens) as unsigned is at most the window's width.
  auto relative = [base = box.time_base()](std::int64_t t) {
    const __int128 r = static_cast<__int128>(t) - base;
    return static_cast<std::int64_t>(std::clamp<__int128>(r, -BallotBox::kMaxTimeSpan - 1,
                                                          BallotBox::kMaxTimeSpan + 1));
  };
  const std::int64_t opens = relative(vote.opens);
  const auto width = static_cast<std::uint64_t>(relative(vote.closes) - opens);
  const Index first_ = first, n_ = n;
  BallotStatus* status = out.ballot_status.data();
  Index* slot_ = slot.data();
  std::uint8_t* slot_choice_ = slot_choice.data();
  bool maybe_co_owner = false;
  std::int64_t rejected = 0;
  // Rejections are rare: their count goes up in the branch that finds them.
  auto reject = [&](std::size_t k, BallotStatus st) {
    status[k] = st;
    ++out.status_counts[static_cast<std::size_t>(st)];
    ++rejected;
  };
  auto accept = [&](std::size_t k, Index pos) {
    if (slot_[pos] == kNone) {
      slot_[pos] = static_cast<Index>(k);
      slot_choice_[pos] = static_cast<std::uint8_t>(choice[k]);
    } else {
      repeats.push_back({pos, static_cast<Index>(k)});
    }
  };
  for (std::size_t k = 0; k < m; ++k) {
    const Index d = dwelling[k];
    const Index pos = Local<kContiguous>(d, first_, n_);
    const std::int64_t t = time[k];
    if (pos == kNone) {
      reject(k, d == kNoIndex ? BallotStatus::kUnknownDwelling : BallotStatus::kOutOfScope);
    } else if (static_cast<std::uint64_t>(t - opens) > width) {
      reject(k, t < opens ? BallotStatus::kBeforeOpening : BallotStatus::kAfterClose);
    } else if (const Index o = owner[d]; o == kNoIndex) {
      reject(k, BallotStatus::kNoOwner);
    } else if (caster[k] != kNoIndex && caster[k] != o) {
      reject(k, BallotStatus::kNotAnOwner);  // unless a co-owner: checked below
      maybe_co_owner = true;
    } else {
      accept(k, pos);
    }
  }
  for (std::size_t k = 0; maybe_co_owner && k < m; ++k) {
    if (status[k] == BallotStatus::kNotAnOwner && caster[k] != kUnknownOwner &&
        IsCoOwner(c, dwelling[k], caster[k])) {
      status[k] = BallotStatus::kAccepted;
      --out.status_counts[static_cast<std::size_t>(BallotStatus::kNotAnOwner)];
      --rejected;
      accept(k, Local<kContiguous>(dwelling[k], first_, n_));
    }
  }
  out.status_counts[static_cast<std::size_t>(BallotStatus::kAccepted)] =
      static_cast<std::int64_t>(m) - rejected;
}

// Dwellings with several valid ballots: per caster the latest counts (ties: the
// later in the box); different casters must agree (co-owners cast one vote).
// Ballot numbers here are relative to the range's first ballot (`base` in the box).
void Tallier::Scratch::ResolveRepeats(const BallotBox& box, std::size_t base, VoteOutcome& out) {
  auto time = [&box, base](Index i) { return box.time(base + i); };
  auto caster = [&box, base](Index i) { return box.owner(base + i); };
  auto choice = [&box, base](Index i) { return box.choice(base + i); };
  auto later = [&time](Index a, Index b) {  // is b later than a?
    return time(b) != time(a) ? time(b) > time(a) : b > a;
  };
  std::sort(repeats.begin(), repeats.end());
  for (std::size_t r = 0; r < repeats.size();) {
    const Index pos = repeats[r].first;
    group.assign(1, slot[pos]);
    for (; r < repeats.size() && repeats[r].first == pos; ++r) group.push_back(repeats[r].second);
    // By caster, then in box order.
    std::sort(group.begin(), group.end(), [&caster](Index a, Index b) {
      return caster(a) != caster(b) ? caster(a) < caster(b) : a < b;
    });
    // Latest per caster; the others are superseded.
    Index latest = kNone;  // the latest of the casters' latest ballots
    bool conflict = false;
    for (std::size_t a = 0; a < group.size();) {
      const Index who = caster(group[a]);
      Index best = group[a];
      std::size_t b = a + 1;
      for (; b < group.size() && caster(group[b]) == who; ++b) {
        const Index i = group[b];
        if (later(best, i)) {
          Restatus(out, best, BallotStatus::kSuperseded);
          best = i;
        } else {
          Restatus(out, i, BallotStatus::kSuperseded);
        }
      }
      if (latest != kNone && choice(latest) != choice(best)) conflict = true;
      if (latest == kNone || later(latest, best)) latest = best;
      a = b;
    }
    for (const Index i : group) {
      if (out.ballot_status[i] != BallotStatus::kAccepted) continue;
      if (conflict) {
        Restatus(out, i, BallotStatus::kCoOwnerConflict);
      } else if (i != latest) {
        Restatus(out, i, BallotStatus::kConcurring);
      }
    }
    slot[pos] = conflict ? kNone : latest;
    slot_choice[pos] = conflict ? kNoChoice : static_cast<std::uint8_t>(choice(latest));
  }
}

// Persons (art. 9) and their choices. The registry numbers persons once
// (DwellingColumns::person); a count renumbers the persons it meets, adds up
// their areas and merges the choices of their units: one person, one consistent
// vote (kInconsistent when they differ).
template <ScopeShape kShape>
void Tallier::Scratch::GatherPersons(const Registry& r) {
  const DwellingColumns& c = r.dwellings();
  if (person_of.size() < n) {  // persons <= dwellings
    person_of.resize(n);
    person_area.resize(n);
    person_choice.resize(n);
    person_global.resize(n);
  }
  if (local_person.size() != r.person_count()) local_person.assign(r.person_count(), kNone);
  std::fill_n(person_area.begin(), n, 0);
  std::fill_n(person_choice.begin(), n, kNoChoice);
  const Index* person = c.person.data();
  const std::uint32_t* area = c.area_centi.data();
  const std::uint8_t* slot_choice_ = slot_choice.data();
  const Index* list_ = list.data();
  const Index first_ = first, n_ = n;
  Index* local = local_person.data();
  Index* person_of_ = person_of.data();
  Index* global = person_global.data();
  std::int64_t* area_of = person_area.data();
  std::uint8_t* choice_of = person_choice.data();
  // An estate's own persons are numbered by their offset in its block; only the
  // others (the developer, owners met in earlier estates) are looked up.
  const Index own_first_ = kShape == ScopeShape::kEstate ? own_first : 0;
  const Index own_count_ = kShape == ScopeShape::kEstate ? own_count : 0;
  Index count = own_count_;  // the looked-up persons are numbered after the block
  for (Index pos = 0; pos < n_; ++pos) {
    const Index d = kShape == ScopeShape::kList ? list_[pos] : first_ + pos;
    const Index g = person[d];
    Index p = g - own_first_;  // wraps around for persons before the block
    if (kShape != ScopeShape::kEstate || p >= own_count_) {
      p = local[g];
      if (p == kNone) {
        p = local[g] = count;
        global[count++] = g;
      }
    }
    person_of_[pos] = p;
    area_of[p] += area[d];
    choice_of[p] = kMergeChoice[choice_of[p]][slot_choice_[pos]];
  }
  for (Index p = own_count_; p < count; ++p) local[global[p]] = kNone;
  persons = count;
}

// A person whose units voted differently takes no part: each of their ballots
// is rejected and the person is listed with their dwellings (`count` persons).
void Tallier::Scratch::ReportInconsistent(const DwellingColumns& c, std::size_t count,
                                          VoteOutcome& out) {
  person_record.assign(persons, kNone);  // person -> row of out.inconsistent
  out.inconsistent.reserve(count);
  units.clear();  // (row, dwelling)
  const Index* person_of_ = person_of.data();
  const std::uint8_t* choice_of = person_choice.data();
  for (Index pos = 0, n_ = n; pos < n_; ++pos) {
    const Index p = person_of_[pos];
    if (choice_of[p] != kInconsistent) continue;
    const Index d = Dwelling(pos);
    if (person_record[p] == kNone) {
      const bool dev = c.sale_state[d] != SaleState::kOwned;
      person_record[p] = static_cast<Index>(out.inconsistent.size());
      out.inconsistent.push_back({dev ? kNoIndex : c.owner[d], dev, 0, 0});
    }
    units.emplace_back(person_record[p], d);
    if (slot[pos] != kNone) Restatus(out, slot[pos], BallotStatus::kInconsistentPerson);
  }
  // Person by person; dwellings stay in index order (positions ascend).
  std::sort(units.begin(), units.end());
  out.inconsistent_dwellings.reserve(units.size());
  for (const auto& [row, d] : units) {
    InconsistentPerson& person = out.inconsistent[row];
    if (person.count == 0) person.first = static_cast<std::uint32_t>(out.inconsistent_dwellings.size());
    ++person.count;
    out.inconsistent_dwellings.push_back(d);
  }
}

// Returns the number of inconsistent persons.
std::int64_t Tallier::Scratch::AddUpTotals(VoteTotals& t) const {
  // Area and heads per person choice (agree, disagree, abstain, none,
  // inconsistent), in two interleaved histograms so that consecutive persons
  // with the same choice do not wait on each other's stores.
  std::int64_t area_by[2][5] = {}, heads_by[2][5] = {};
  const std::int64_t* area_of = person_area.data();
  const std::uint8_t* choice_of = person_choice.data();
  Index p = 0;
  for (; p + 1 < persons; p += 2) {
    area_by[0][choice_of[p]] += area_of[p];
    ++heads_by[0][choice_of[p]];
    area_by[1][choice_of[p + 1]] += area_of[p + 1];
    ++heads_by[1][choice_of[p + 1]];
  }
  if (p < persons) {
    area_by[0][choice_of[p]] += area_of[p];
    ++heads_by[0][choice_of[p]];
  }
  auto area = [&area_by](std::uint8_t k) { return area_by[0][k] + area_by[1][k]; };
  auto heads = [&heads_by](std::uint8_t k) { return heads_by[0][k] + heads_by[1][k]; };
  constexpr auto kAgree = static_cast<std::uint8_t>(BallotChoice::kAgree);
  constexpr auto kDisagree = static_cast<std::uint8_t>(BallotChoice::kDisagree);
  constexpr auto kAbstain = static_cast<std::uint8_t>(BallotChoice::kAbstain);
  t.dwellings = n;
  t.heads_total = persons;
  t.area_total = area(kAgree) + area(kDisagree) + area(kAbstain) + area(kNoChoice) + area(kInconsistent);
  t.area_agree = area(kAgree);
  t.area_disagree = area(kDisagree);
  t.area_abstain = area(kAbstain);
  t.heads_agree = heads(kAgree);
  t.heads_disagree = heads(kDisagree);
  t.heads_abstain = heads(kAbstain);
  t.area_participating = t.area_agree + t.area_disagree + t.area_abstain;
  t.heads_participating = t.heads_agree + t.heads_disagree + t.heads_abstain;
  return heads(kInconsistent);
}

// Tallies by building and entrance, by the dwellings' persons' choices.
void Tallier::Scratch::Breakdown(const Registry& r, VoteOutcome& out) const {
  if (n == 0) return;
  const DwellingColumns& c = r.dwellings();
  out.entrances.reserve(c.entrance[Dwelling(n - 1)] - c.entrance[Dwelling(0)] + 1);
  for (Index pos = 0; pos < n; ++pos) {
    const Index d = Dwelling(pos);
    const Index e = c.entrance[d];
    if (out.entrances.empty() || out.entrances.back().entrance != e) {
      const Index b = r.entrance(e).building;
      // Scopes are in index order, so a building's rows are contiguous.
      if (out.buildings.empty() || out.buildings.back().building != b) {
        out.buildings.push_back(GroupTally{b, kNoIndex});
      }
      out.entrances.push_back(GroupTally{b, e});
    }
    const std::int64_t a = c.area_centi[d];
    const DwellingChoice choice = ChoiceAt(pos);
    for (GroupTally* g : {&out.buildings.back(), &out.entrances.back()}) {
      ++g->dwellings;
      g->area_total += a;
      switch (choice) {
        case DwellingChoice::kAgree: ++g->dwellings_agree; g->area_agree += a; break;
        case DwellingChoice::kDisagree: ++g->dwellings_disagree; g->area_disagree += a; break;
        case DwellingChoice::kAbstain: ++g->dwellings_abstain; g->area_abstain += a; break;
        case DwellingChoice::kNone: break;
      }
    }
  }
}

absl::StatusOr<VoteOutcome> Tallier::CountRange(const Vote& vote, const BallotBox& box,
                                                std::size_t begin, std::size_t end,
                                                const TallyOptions& options) {
  if (begin > end || end > box.size()) {
    return absl::OutOfRangeError(StrCat("vote \"", vote.id, "\" ballots: range [", begin, ", ", end,
                                        ") outside the box of ", box.size()));
  }
  if (end - begin >= kNoIndex - 1 || box.size() >= kNoIndex - 1) {
    return absl::OutOfRangeError(StrCat("vote \"", vote.id, "\" ballots: more than 4 billion"));
  }
  RENEWAL_RETURN_IF_ERROR(ValidateVoteRule(vote.rule));
  if (vote.closes < vote.opens) {
    return absl::InvalidArgumentError(StrCat("vote \"", vote.id, "\" closes: before opens (",
                                             vote.closes, " < ", vote.opens, ")"));
  }
  const Registry& r = registry_;
  const DwellingColumns& c = r.dwellings();
  Scratch& s = *s_;
  RENEWAL_RETURN_IF_ERROR(ResolveScope(vote.scope));

  VoteOutcome out;
  out.vote_id = vote.id;
  out.matter = vote.matter;
  out.rule_name = vote.rule.name;
  out.ballot_status.resize(end - begin);  // kAccepted unless rejected
  if (s.contiguous) {
    s.ScanBallots<true>(vote, box, begin, end, c, out);
  } else {
    s.ScanBallots<false>(vote, box, begin, end, c, out);
  }
  s.ResolveRepeats(box, begin, out);
  switch (s.shape) {
    case ScopeShape::kEstate: s.GatherPersons<ScopeShape::kEstate>(r); break;
    case ScopeShape::kRange: s.GatherPersons<ScopeShape::kRange>(r); break;
    case ScopeShape::kList: s.GatherPersons<ScopeShape::kList>(r); break;
  }
  if (const std::int64_t k = s.AddUpTotals(out.totals); k > 0) {
    s.ReportInconsistent(c, static_cast<std::size_t>(k), out);
  }

  out.passed = true;
  out.tests.reserve(vote.rule.tests.size());
  for (const ThresholdTest& rt : vote.rule.tests) {
    out.tests.push_back(vote_internal::Evaluate(rt, out.totals));
    out.passed = out.passed && out.tests.back().passed;
  }
  if (options.breakdown) s.Breakdown(r, out);
  if (options.per_dwelling) {
    out.scope_dwellings.resize(s.n);
    out.dwelling_choice.resize(s.n);
    for (Index pos = 0; pos < s.n; ++pos) {
      out.scope_dwellings[pos] = s.Dwelling(pos);
      out.dwelling_choice[pos] = s.ChoiceAt(pos);
    }
  }
  return out;
}

namespace {

// Prefetching for CountEach: while vote k is counted, the cache lines vote k + 1
// will read arrive. The ballots and the registry columns are streams the
// hardware follows once started; the rule is a few heap blocks per vote
// (its tests, then their names), fetched in two steps: vote k + 2's tests, whose
// lines then name vote k + 1's strings.
// The helpers are forced inline: GCC deems a function that only prefetches to
// have no effect and drops calls to it.
[[gnu::always_inline]] inline void PrefetchBytes(const void* p, std::size_t bytes) {
  const auto* c = static_cast<const char*>(p);
  for (std::size_t off = 0; off < bytes; off += 64) __builtin_prefetch(c + off);
}

[[gnu::always_inline]] inline void PrefetchBallots(const BallotBox& box, std::size_t begin,
                                                  std::size_t end) {
  if (begin >= end || end > box.size()) return;
  // Enough of each column to start its stream.
  const std::size_t n = std::min<std::size_t>(end - begin, 512);
  PrefetchBytes(box.dwellings().data() + begin, n * sizeof(Index));
  PrefetchBytes(box.time_offsets().data() + begin, n * sizeof(std::int32_t));
  PrefetchBytes(box.owners().data() + begin, n * sizeof(Index));
  PrefetchBytes(box.choices().data() + begin, n * sizeof(BallotChoice));
}

[[gnu::always_inline]] inline void PrefetchRuleTests(const Vote& vote) {
  PrefetchBytes(vote.rule.tests.data(), vote.rule.tests.size() * sizeof(ThresholdTest));
  __builtin_prefetch(vote.rule.name.data());
}

[[gnu::always_inline]] inline void PrefetchRuleNames(const Vote& vote) {
  for (const ThresholdTest& t : vote.rule.tests) __builtin_prefetch(t.name.data());
}

// The loop both forms of CountEach share; ballots(k) prefetches vote k's ballots.
template <typename Count, typename Ballots>
void CountInTurn(std::span<const Vote> votes, Count count, Ballots ballots) {
  const std::size_t n = votes.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (k + 2 < n) PrefetchRuleTests(votes[k + 2]);
    if (k + 1 < n) {
      PrefetchRuleNames(votes[k + 1]);
      ballots(k + 1);
    }
    count(k);
  }
}

}  // namespace

absl::Status Tallier::CountEach(std::span<const Vote> votes, std::span<const BallotBox> boxes,
                                const TallyOptions& options, OutcomeSink sink) {
  if (votes.size() != boxes.size()) {
    return absl::InvalidArgumentError(StrCat("boxes: ", boxes.size(), " ballot boxes for ",
                                             votes.size(), " votes"));
  }
  CountInTurn(
      votes, [&](std::size_t k) { sink(k, Count(votes[k], boxes[k], options)); },
      [&](std::size_t k) { PrefetchBallots(boxes[k], 0, boxes[k].size()); });
  return absl::OkStatus();
}

absl::Status Tallier::CountEach(std::span<const Vote> votes, const BallotBox& ballots,
                                std::span<const std::size_t> starts, const TallyOptions& options,
                                OutcomeSink sink) {
  if (starts.size() != votes.size() + 1) {
    return absl::InvalidArgumentError(StrCat("starts: ", starts.size(), " entries for ", votes.size(),
                                             " votes (expected one more than the votes)"));
  }
  CountInTurn(
      votes,
      [&](std::size_t k) {
        sink(k, CountRange(votes[k], ballots, starts[k], starts[k + 1], options));
      },
      [&](std::size_t k) { PrefetchBallots(ballots, starts[k], starts[k + 1]); });
  return absl::OkStatus();
}

absl::Status Tallier::ResolveScope(const VoteScope& scope) {
  const Registry& r = registry_;
  Scratch& s = *s_;
  s.contiguous = scope.kind != VoteScopeKind::kDwellings;
  if (scope.kind == VoteScopeKind::kEstate) {
    const std::optional<Index> e = r.FindEstate(scope.id);
    if (!e) return absl::NotFoundError(StrCat("scope estate: no estate with id \"", scope.id, "\""));
    s.shape = ScopeShape::kEstate;
    std::tie(s.first, s.n) = r.DwellingRangeOfEstate(*e);
    std::tie(s.own_first, s.own_count) = r.PersonRangeOfEstate(*e);
    return absl::OkStatus();
  }
  s.shape = s.contiguous ? ScopeShape::kRange : ScopeShape::kList;
  RENEWAL_ASSIGN_OR_RETURN(auto list, ResolveVoteScope(r, scope));
  if (s.contiguous) {  // a building or an entrance: a range
    s.first = list.empty() ? 0 : list.front();
    s.n = static_cast<Index>(list.size());
  } else {
    s.list = std::move(list);
    s.n = static_cast<Index>(s.list.size());
  }
  return absl::OkStatus();
}

std::int64_t VoteOutcome::rejected() const {
  std::int64_t total = 0;
  for (std::size_t k = 0; k < kBallotStatusCount; ++k) {
    if (IsRejection(static_cast<BallotStatus>(k))) total += status_counts[k];
  }
  return total;
}

absl::StatusOr<VoteOutcome> Tally(const Registry& registry, const Vote& vote, const BallotBox& ballots,
                              const TallyOptions& options) {
  Tallier tallier(registry);
  return tallier.Count(vote, ballots, options);
}

}  // namespace renewal
