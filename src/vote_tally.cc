// The count (法释〔2009〕7号 arts. 8–9; docs/votes.md "Counting"). Every array is
// indexed by position in the scope, person or ballot and lives in the Tallier's
// scratch space, so a warm Tallier allocates only the VoteOutcome.
#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "absl/hash/hash.h"
#include "renewal/vote.h"
#include "strcat.h"

namespace renewal {

namespace {

constexpr Index kNone = kNoIndex;
// Person choice states beyond the three choices.
constexpr std::uint8_t kNoChoice = 3;
constexpr std::uint8_t kInconsistent = 4;

}  // namespace

struct Tallier::Scratch {
  // VoteScope: a contiguous dwelling range, or a sorted list.
  bool contiguous = true;
  Index first = 0;
  Index n = 0;
  std::vector<Index> list;
  // Per scope position.
  std::vector<Index> person_of;
  std::vector<Index> slot;  // the newest valid ballot, then the effective one
  std::vector<Index> multi_list;  // positions with several valid ballots
  // Per ballot: the next older valid ballot of the same dwelling.
  std::vector<Index> next;
  std::vector<Index> group;
  // Per person.
  std::vector<std::int64_t> person_area;
  std::vector<std::uint8_t> person_choice;
  std::vector<Index> person_record;
  // Per registry owner, kNone except while counting (reset through `touched`).
  std::vector<Index> owner_person;
  std::vector<Index> touched;
  std::size_t co_cursor = 0;  // where the last contiguous count left the co-owner list
  // Co-owned dwellings: (hash of the owner set, position); owner sets flat.
  struct CoOwned {
    std::uint64_t hash;
    Index pos;
    std::uint32_t offset;
    std::uint32_t count;
  };
  std::vector<CoOwned> co_owned;
  std::vector<Index> co_sets;

  Index Local(Index d) const {
    if (contiguous) return d - first < n ? d - first : kNone;
    auto it = std::lower_bound(list.begin(), list.end(), d);
    return it != list.end() && *it == d ? static_cast<Index>(it - list.begin()) : kNone;
  }
  Index Dwelling(Index pos) const { return contiguous ? first + pos : list[pos]; }
};

Tallier::Tallier(const Registry& registry)
    : registry_(registry), s_(std::make_unique<Scratch>()) {}
Tallier::~Tallier() = default;

absl::StatusOr<std::vector<Index>> ResolveVoteScope(const Registry& r, const VoteScope& scope) {
  std::vector<Index> out;
  auto range = [&](std::pair<Index, Index> fc) {
    out.resize(fc.second);
    for (Index k = 0; k < fc.second; ++k) out[k] = fc.first + k;
  };
  switch (scope.kind) {
    case VoteScopeKind::kEstate: {
      const std::optional<Index> e = r.FindEstate(scope.id);
      if (!e) return absl::NotFoundError(StrCat("scope estate: no estate with id \"", scope.id, "\""));
      range(r.DwellingRangeOfEstate(*e));
      break;
    }
    case VoteScopeKind::kBuilding:
    case VoteScopeKind::kEntrance: {
      const std::optional<Index> b = r.FindBuilding(scope.id);
      if (!b) {
        return absl::NotFoundError(StrCat("scope building: no building with id \"", scope.id, "\""));
      }
      if (scope.kind == VoteScopeKind::kBuilding) {
        range(r.DwellingRangeOfBuilding(*b));
        break;
      }
      const std::optional<Index> en = r.FindEntrance(*b, scope.entrance);
      if (!en) {
        return absl::NotFoundError(StrCat("scope entrance: building \"", scope.id,
                                          "\" has no entrance \"", scope.entrance, "\""));
      }
      const EntranceView v = r.entrance(*en);
      range({v.first_dwelling, v.dwelling_count});
      break;
    }
    case VoteScopeKind::kDwellings: {
      out.reserve(scope.dwellings.size());
      for (std::size_t i = 0; i < scope.dwellings.size(); ++i) {
        const std::optional<Index> d = r.FindDwelling(scope.dwellings[i]);
        if (!d) {
          return absl::NotFoundError(StrCat("scope dwellings[", i, "]: no dwelling with id \"",
                                            scope.dwellings[i], "\""));
        }
        out.push_back(*d);
      }
      std::sort(out.begin(), out.end());
      if (auto it = std::adjacent_find(out.begin(), out.end()); it != out.end()) {
        return absl::InvalidArgumentError(StrCat("scope dwellings: dwelling \"",
                                                 r.dwelling(*it).id, "\" listed twice"));
      }
      if (out.empty()) return absl::InvalidArgumentError("scope dwellings: must not be empty");
      break;
    }
  }
  return out;
}

namespace {

bool IsCoOwner(const DwellingColumns& c, Index d, Index o) {
  return std::binary_search(c.co_owners.begin(), c.co_owners.end(), std::pair<Index, Index>{d, o});
}

std::string Amount(VoteBasis basis, std::int64_t v) {
  return basis == VoteBasis::kArea ? StrCat(Area::Centi(v).ToString(), " m²") : StrCat(v, " 人");
}

ThresholdResult Evaluate(const ThresholdTest& t, const VoteTotals& x) {
  ThresholdResult r;
  r.test = t;
  const bool area = t.basis == VoteBasis::kArea;
  const std::int64_t participating = area ? x.area_participating : x.heads_participating;
  r.numerator = t.counted == VoteCounted::kAgree ? (area ? x.area_agree : x.heads_agree) : participating;
  r.denominator = t.over == VoteOver::kAll ? (area ? x.area_total : x.heads_total) : participating;
  if (r.denominator == 0) {
    r.passed = false;
    r.reachable = false;
    return r;
  }
  // a/b of D: at_least needs N*b >= a*D, more_than N*b > a*D (exact, 128-bit).
  const __int128 lhs = static_cast<__int128>(r.numerator) * t.threshold.den;
  const __int128 rhs = static_cast<__int128>(t.threshold.num) * r.denominator;
  r.passed = t.comparison == VoteComparison::kAtLeast ? lhs >= rhs : lhs > rhs;
  const __int128 floor_q = rhs / t.threshold.den;
  const bool exact = floor_q * t.threshold.den == rhs;
  const __int128 minimum = t.comparison == VoteComparison::kAtLeast ? (exact ? floor_q : floor_q + 1)
                                                                 : floor_q + 1;
  r.minimum_to_pass = static_cast<std::int64_t>(minimum);
  r.margin = r.numerator - r.minimum_to_pass;
  r.reachable = r.minimum_to_pass <= r.denominator;
  return r;
}

}  // namespace

std::string ExplainThreshold(const ThresholdResult& r) {
  const ThresholdTest& t = r.test;
  const bool area = t.basis == VoteBasis::kArea;
  const std::string what = StrCat(ZhOf(t.counted), area ? "面积" : "人数", " ",
                                  Amount(t.basis, r.numerator), " / ", ZhOf(t.over),
                                  area ? "面积" : "人数", " ", Amount(t.basis, r.denominator));
  if (r.denominator == 0) return StrCat(what, "：分母为0，无法通过");
  return StrCat(what, " = ", VotePercent(r.numerator, r.denominator), " ",
                t.comparison == VoteComparison::kAtLeast ? "≥" : ">", " ", ThresholdToString(t.threshold),
                "（", VotePercent(t.threshold.num, t.threshold.den), "）：",
                r.passed ? "通过" : "未通过", "；", r.passed ? "可再减少 " : "尚差 ",
                Amount(t.basis, r.margin >= 0 ? r.margin : -r.margin),
                r.reachable ? "" : "（超过分母，无法达到）");
}

absl::StatusOr<VoteOutcome> Tallier::Count(const Vote& vote, const BallotBox& box,
                                           const TallyOptions& options) {
  return CountRange(vote, box, 0, box.size(), options);
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
  if (auto st = ValidateVoteRule(vote.rule); !st.ok()) return st;
  if (vote.closes < vote.opens) {
    return absl::InvalidArgumentError(StrCat("vote \"", vote.id, "\" closes: before opens (",
                                             vote.closes, " < ", vote.opens, ")"));
  }
  const Registry& r = registry_;
  const DwellingColumns& c = r.dwellings();
  Scratch& s = *s_;

  // --- scope -------------------------------------------------------------
  s.contiguous = vote.scope.kind != VoteScopeKind::kDwellings;
  if (s.contiguous) {
    std::pair<Index, Index> fc;
    if (vote.scope.kind == VoteScopeKind::kEstate) {
      const std::optional<Index> e = r.FindEstate(vote.scope.id);
      if (!e) {
        return absl::NotFoundError(StrCat("scope estate: no estate with id \"", vote.scope.id, "\""));
      }
      fc = r.DwellingRangeOfEstate(*e);
    } else {
      auto list = ResolveVoteScope(r, vote.scope);
      if (!list.ok()) return list.status();
      fc = {list->empty() ? 0 : list->front(), static_cast<Index>(list->size())};
    }
    s.first = fc.first;
    s.n = fc.second;
  } else {
    auto list = ResolveVoteScope(r, vote.scope);
    if (!list.ok()) return list.status();
    s.list = *std::move(list);
    s.n = static_cast<Index>(s.list.size());
  }
  const Index n = s.n;

  // --- persons (art. 9) --------------------------------------------------
  // Persons <= dwellings, so the per-person arrays are sized n up front and
  // filled by index (no push_back in the loop).
  if (s.person_of.size() < n) {
    s.person_of.resize(n);
    s.person_area.resize(n);
    s.touched.resize(n);
  }
  if (s.owner_person.size() != r.owner_count()) s.owner_person.assign(r.owner_count(), kNone);
  Index persons_n = 0;
  Index touched_n = 0;
  s.co_owned.clear();
  s.co_sets.clear();
  Index developer = kNone;
  auto new_person = [&s, &persons_n]() {
    s.person_area[persons_n] = 0;
    return persons_n++;
  };
  auto co = c.co_owners.begin();
  if (s.contiguous) {
    // Votes usually come in dwelling order: gallop forward from where the last
    // count stopped instead of a binary search over the whole (city-sized) list,
    // which costs ~20 cache misses a vote.
    const auto& list = c.co_owners;
    const std::pair<Index, Index> key{s.first, 0};
    std::size_t lo = s.co_cursor <= list.size() ? s.co_cursor : 0;
    if (lo > 0 && !(list[lo - 1] < key)) lo = 0;  // went backwards: search from the start
    std::size_t step = 1;
    std::size_t hi = lo;
    while (hi < list.size() && list[hi] < key) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    co = std::lower_bound(list.begin() + static_cast<std::ptrdiff_t>(lo),
                          list.begin() + static_cast<std::ptrdiff_t>(std::min(hi, list.size())), key);
  }
  for (Index pos = 0; pos < n; ++pos) {
    const Index d = s.Dwelling(pos);
    if (!s.contiguous) {
      co = std::lower_bound(c.co_owners.begin(), c.co_owners.end(), std::pair<Index, Index>{d, 0});
    }
    while (co != c.co_owners.end() && co->first < d) ++co;
    const bool co_owned = co != c.co_owners.end() && co->first == d;
    Index p;
    if (c.sale_state[d] != SaleState::kOwned) {
      // Unsold and undelivered units: one person together.
      if (developer == kNone) developer = new_person();
      p = developer;
    } else if (c.owner[d] == kNoIndex) {
      p = new_person();  // an ownerless exclusive part still counts as one
    } else if (co_owned) {
      // The owner set decides: resolved below.
      const auto offset = static_cast<std::uint32_t>(s.co_sets.size());
      s.co_sets.push_back(c.owner[d]);
      for (auto it = co; it != c.co_owners.end() && it->first == d; ++it) s.co_sets.push_back(it->second);
      std::sort(s.co_sets.begin() + offset, s.co_sets.end());
      const auto count = static_cast<std::uint32_t>(s.co_sets.size() - offset);
      const std::uint64_t h = absl::HashOf(
          absl::Span<const Index>(s.co_sets.data() + offset, count));
      s.co_owned.push_back({h, pos, offset, count});
      p = kNone;
    } else {
      Index& slot = s.owner_person[c.owner[d]];
      if (slot == kNone) {
        slot = new_person();
        s.touched[touched_n++] = c.owner[d];
      }
      p = slot;
    }
    s.person_of[pos] = p;
    if (p != kNone) s.person_area[p] += c.area_centi[d];
  }
  for (Index k = 0; k < touched_n; ++k) s.owner_person[s.touched[k]] = kNone;
  s.co_cursor = static_cast<std::size_t>(co - c.co_owners.begin());
  if (!s.co_owned.empty()) {
    std::sort(s.co_owned.begin(), s.co_owned.end(),
              [](const Scratch::CoOwned& a, const Scratch::CoOwned& b) {
                return a.hash != b.hash ? a.hash < b.hash : a.pos < b.pos;
              });
    auto same = [&s](const Scratch::CoOwned& a, const Scratch::CoOwned& b) {
      return a.count == b.count && std::equal(s.co_sets.begin() + a.offset,
                                              s.co_sets.begin() + a.offset + a.count,
                                              s.co_sets.begin() + b.offset);
    };
    for (std::size_t k = 0; k < s.co_owned.size(); ++k) {
      const Scratch::CoOwned& e = s.co_owned[k];
      // Look back through the run of equal hashes for the same owner set.
      Index p = kNone;
      for (std::size_t j = k; j-- > 0 && s.co_owned[j].hash == e.hash;) {
        if (same(s.co_owned[j], e)) {
          p = s.person_of[s.co_owned[j].pos];
          break;
        }
      }
      if (p == kNone) p = new_person();
      s.person_of[e.pos] = p;
      s.person_area[p] += c.area_centi[s.Dwelling(e.pos)];
    }
  }
  const std::size_t persons = persons_n;

  // --- ballots -------------------------------------------------------------
  VoteOutcome out;
  out.vote_id = vote.id;
  out.matter = vote.matter;
  out.rule_name = vote.rule.name;
  const std::size_t base = begin;  // ballot i's status is ballot_status[i - base]
  const std::size_t m = end - begin;
  out.ballot_status.resize(m);
  s.slot.assign(n, kNone);
  if (s.next.size() < m) s.next.resize(m);  // written before it is read
  s.multi_list.clear();
  for (std::size_t i = begin; i < end; ++i) {
    const Index d = box.dwelling(i);
    BallotStatus st = BallotStatus::kAccepted;
    Index pos = kNone;
    if (d == kNoIndex) {
      st = BallotStatus::kUnknownDwelling;
    } else if (pos = s.Local(d); pos == kNone) {
      st = BallotStatus::kOutOfScope;
    } else if (box.time(i) < vote.opens) {
      st = BallotStatus::kBeforeOpening;
    } else if (box.time(i) > vote.closes) {
      st = BallotStatus::kAfterClose;
    } else if (c.owner[d] == kNoIndex) {
      st = BallotStatus::kNoOwner;
    } else if (const Index o = box.owner(i);
               o != kNoIndex && o != c.owner[d] && (o == kUnknownOwner || !IsCoOwner(c, d, o))) {
      st = BallotStatus::kNotAnOwner;
    }
    out.ballot_status[i - base] = st;
    ++out.status_counts[static_cast<std::size_t>(st)];
    if (st != BallotStatus::kAccepted) continue;
    // Valid ballots of one dwelling form a chain through `next`, newest first.
    const Index head = s.slot[pos];
    s.next[i - base] = head;
    if (head != kNone && s.next[head - base] == kNone) s.multi_list.push_back(pos);  // second ballot
    s.slot[pos] = static_cast<Index>(i);
  }
  // Later phases change statuses through this, keeping the counts right.
  auto restatus = [&out, base](Index i, BallotStatus st) {
    --out.status_counts[static_cast<std::size_t>(out.ballot_status[i - base])];
    ++out.status_counts[static_cast<std::size_t>(st)];
    out.ballot_status[i - base] = st;
  };
  // Dwellings with several valid ballots: per caster the latest counts (ties:
  // the later in the box); different casters must agree (co-owners cast one vote).
  for (const Index pos : s.multi_list) {
    s.group.clear();
    for (Index i = s.slot[pos]; i != kNone; i = s.next[i - base]) s.group.push_back(i);
    // By caster, then in box order.
    std::sort(s.group.begin(), s.group.end(), [&box](Index a, Index b) {
      return box.owner(a) != box.owner(b) ? box.owner(a) < box.owner(b) : a < b;
    });
    auto later = [&box](Index a, Index b) {  // is b later than a?
      return box.time(b) != box.time(a) ? box.time(b) > box.time(a) : b > a;
    };
    // Latest per caster; the others are superseded.
    Index latest = kNone;  // the latest of the casters' latest ballots
    bool conflict = false;
    for (std::size_t a = 0; a < s.group.size();) {
      const Index caster = box.owner(s.group[a]);
      Index best = s.group[a];
      std::size_t b = a + 1;
      for (; b < s.group.size() && box.owner(s.group[b]) == caster; ++b) {
        const Index i = s.group[b];
        if (later(best, i)) {
          restatus(best, BallotStatus::kSuperseded);
          best = i;
        } else {
          restatus(i, BallotStatus::kSuperseded);
        }
      }
      if (latest != kNone && box.choice(latest) != box.choice(best)) conflict = true;
      if (latest == kNone || later(latest, best)) latest = best;
      a = b;
    }
    for (const Index i : s.group) {
      if (out.ballot_status[i - base] != BallotStatus::kAccepted) continue;
      if (conflict) {
        restatus(i, BallotStatus::kCoOwnerConflict);
      } else if (i != latest) {
        restatus(i, BallotStatus::kConcurring);
      }
    }
    s.slot[pos] = conflict ? kNone : latest;
  }

  // --- person choices (one person, one consistent vote) --------------------
  s.person_choice.assign(persons, kNoChoice);
  bool any_inconsistent = false;
  for (Index pos = 0; pos < n; ++pos) {
    if (s.slot[pos] == kNone) continue;
    const auto ch = static_cast<std::uint8_t>(box.choice(s.slot[pos]));
    std::uint8_t& pc = s.person_choice[s.person_of[pos]];
    if (pc == kNoChoice) {
      pc = ch;
    } else if (pc != ch && pc != kInconsistent) {
      pc = kInconsistent;
      any_inconsistent = true;
    }
  }
  if (any_inconsistent) {
    s.person_record.assign(persons, kNone);  // person -> row of out.inconsistent
    for (Index pos = 0; pos < n; ++pos) {
      const Index p = s.person_of[pos];
      if (s.person_choice[p] != kInconsistent) continue;
      const Index d = s.Dwelling(pos);
      if (s.person_record[p] == kNone) {
        const bool dev = c.sale_state[d] != SaleState::kOwned;
        s.person_record[p] = static_cast<Index>(out.inconsistent.size());
        out.inconsistent.push_back({dev ? kNoIndex : c.owner[d], dev, {}});
      }
      out.inconsistent[s.person_record[p]].dwellings.push_back(d);
      if (s.slot[pos] != kNone) restatus(s.slot[pos], BallotStatus::kInconsistentPerson);
    }
  }

  // --- totals and tests ----------------------------------------------------
  VoteTotals& t = out.totals;
  t.dwellings = n;
  t.heads_total = static_cast<std::int64_t>(persons);
  for (std::size_t p = 0; p < persons; ++p) {
    const std::int64_t a = s.person_area[p];
    t.area_total += a;
    switch (s.person_choice[p]) {
      case static_cast<std::uint8_t>(BallotChoice::kAgree): t.area_agree += a; ++t.heads_agree; break;
      case static_cast<std::uint8_t>(BallotChoice::kDisagree): t.area_disagree += a; ++t.heads_disagree; break;
      case static_cast<std::uint8_t>(BallotChoice::kAbstain): t.area_abstain += a; ++t.heads_abstain; break;
      default: break;
    }
  }
  t.area_participating = t.area_agree + t.area_disagree + t.area_abstain;
  t.heads_participating = t.heads_agree + t.heads_disagree + t.heads_abstain;
  out.passed = true;
  out.tests.reserve(vote.rule.tests.size());
  for (const ThresholdTest& rt : vote.rule.tests) {
    out.tests.push_back(Evaluate(rt, t));
    out.passed = out.passed && out.tests.back().passed;
  }

  // --- breakdown and per-dwelling choices ------------------------------------
  auto choice_of = [&s](Index pos) {
    const std::uint8_t pc = s.person_choice[s.person_of[pos]];
    return pc <= 2 ? static_cast<DwellingChoice>(pc) : DwellingChoice::kNone;
  };
  if (options.breakdown && n > 0) {
    const Index first_entrance = c.entrance[s.Dwelling(0)];
    const Index last_entrance = c.entrance[s.Dwelling(n - 1)];
    out.entrances.reserve(last_entrance - first_entrance + 1);
    for (Index pos = 0; pos < n; ++pos) {
      const Index d = s.Dwelling(pos);
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
      for (GroupTally* g : {&out.buildings.back(), &out.entrances.back()}) {
        ++g->dwellings;
        g->area_total += a;
        switch (choice_of(pos)) {
          case DwellingChoice::kAgree: ++g->dwellings_agree; g->area_agree += a; break;
          case DwellingChoice::kDisagree: ++g->dwellings_disagree; g->area_disagree += a; break;
          case DwellingChoice::kAbstain: ++g->dwellings_abstain; g->area_abstain += a; break;
          case DwellingChoice::kNone: break;
        }
      }
    }
  }
  if (options.per_dwelling) {
    out.scope_dwellings.resize(n);
    out.dwelling_choice.resize(n);
    for (Index pos = 0; pos < n; ++pos) {
      out.scope_dwellings[pos] = s.Dwelling(pos);
      out.dwelling_choice[pos] = choice_of(pos);
    }
  }
  return out;
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
