// Ballots are bucketed by estate with a counting sort (stable, so each estate's
// ballots keep their box order): one pass finds each ballot's vote and counts the
// buckets, a second gives each ballot its place, and the box is scattered into one
// box grouped by vote, then counted by Tallier::CountEach. EstateTallier keeps
// every array between calls.
#include "renewal/votes/vote_estates.h"

#include <cstdint>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {

namespace {
// Dwellings per entry of the block table: it stays in cache (29.6 M dwellings: 460 KB).
constexpr int kBlockShift = 8;
}  // namespace

EstateTallier::EstateTallier(const Registry& registry) : registry_(registry), tallier_(registry) {
  // Dwellings are numbered estate by estate. On shuffled ballots a binary search
  // over first_ mispredicted its branches (427 ms at 1/10 scale) and
  // Registry::EstateOfDwelling's three dependent loads miss the cache (565–622 ms),
  // against 172–247 ms for a block table and a few steps forward.
  const std::size_t estates = registry.estate_count();
  first_.resize(estates + 1);
  for (std::size_t e = 0; e < estates; ++e) {
    first_[e] = registry.DwellingRangeOfEstate(static_cast<Index>(e)).first;
  }
  first_[estates] = static_cast<Index>(registry.dwelling_count());
  block_.assign((registry.dwelling_count() >> kBlockShift) + 1, 0);
  for (std::size_t b = 0, e = 0; b < block_.size(); ++b) {
    const std::size_t d = b << kBlockShift;
    while (e + 1 < estates && first_[e + 1] <= d) ++e;
    block_[b] = static_cast<Index>(e);
  }
}

EstateTallier::~EstateTallier() = default;

absl::Status EstateTallier::Count(const BallotBox& ballots, const Vote& like,
                                  std::span<const Index> estates, const TallyOptions& options,
                                  EstateSink sink, std::vector<std::size_t>* unattributed) {
  const std::size_t estate_count = registry_.estate_count();
  if (estates.empty()) {
    asked_.resize(estate_count);
    for (std::size_t e = 0; e < estate_count; ++e) asked_[e] = static_cast<Index>(e);
  } else {
    asked_.assign(estates.begin(), estates.end());
  }
  unattributed->clear();
  // slot_[e]: the position of estate e among the votes, or kNoIndex when not asked.
  slot_.assign(estate_count, kNoIndex);
  for (std::size_t k = 0; k < asked_.size(); ++k) {
    const Index e = asked_[k];
    if (e >= estate_count) {
      return absl::InvalidArgumentError(
          StrCat("estates[", k, "]: no estate with index ", e, " (", estate_count, " estates)"));
    }
    if (slot_[e] != kNoIndex) {
      return absl::InvalidArgumentError(StrCat("estates[", k, "]: estate \"",
                                               registry_.estate(e).id, "\" is asked twice"));
    }
    slot_[e] = static_cast<Index>(k);
  }
  const Index* first = first_.data();
  const Index* block = block_.data();
  auto estate_of = [first, block](Index d) {
    std::size_t e = block[d >> kBlockShift];
    while (first[e + 1] <= d) ++e;  // empty estates share their successor's first
    return e;
  };
  const std::size_t n = ballots.size(), votes = asked_.size();
  const std::span<const Index> dwellings = ballots.dwellings();
  // place_[i]: first ballot i's vote, then (below) its position in the grouped box.
  place_.resize(n);
  starts_.assign(votes + 1, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Index d = dwellings[i];
    if (d == kNoIndex) {
      unattributed->push_back(i);
      place_[i] = kNoIndex;
      continue;
    }
    const Index v = slot_[estate_of(d)];
    place_[i] = v;
    if (v != kNoIndex) ++starts_[v + 1];
  }
  for (std::size_t k = 0; k < votes; ++k) starts_[k + 1] += starts_[k];
  {
    // The buckets' write heads, kept in slot_'s storage (no longer needed; votes <=
    // estates): a ballot's place is its bucket's next free position.
    Index* next = slot_.data();
    for (std::size_t k = 0; k < votes; ++k) next[k] = static_cast<Index>(starts_[k]);
    for (std::size_t i = 0; i < n; ++i) {
      if (place_[i] != kNoIndex) place_[i] = next[place_[i]]++;
    }
  }
  ballots.ScatterInto(place_, starts_.back(), &grouped_);
  // The votes differ only in their estate: copies of `like` reuse their strings'
  // storage from the last call.
  votes_.resize(votes);
  for (std::size_t k = 0; k < votes; ++k) {
    Vote& v = votes_[k];
    v.matter = like.matter;
    v.rule = like.rule;
    v.opens = like.opens;
    v.closes = like.closes;
    v.id = registry_.estate(asked_[k]).id;
    v.scope.kind = VoteScopeKind::kEstate;
    v.scope.id = v.id;
    v.scope.entrance.clear();
    v.scope.dwellings.clear();
  }
  // Every vote has the same rule and window, so an error (invalid rule, closes < opens)
  // comes with the first vote, before any outcome is handed out.
  absl::Status first_error;
  RENEWAL_RETURN_IF_ERROR(tallier_.CountEach(
      votes_, grouped_, starts_, options, [&](std::size_t k, absl::StatusOr<VoteOutcome> r) {
        if (!first_error.ok()) return;
        if (r.ok()) {
          sink(k, asked_[k], *r);
        } else {
          first_error = r.status();
        }
      }));
  return first_error;
}

absl::Status TallyEachEstate(const Registry& registry, const BallotBox& ballots, const Vote& like,
                             std::span<const Index> estates, const TallyOptions& options,
                             EstateSink sink, std::vector<std::size_t>* unattributed) {
  return EstateTallier(registry).Count(ballots, like, estates, options, sink, unattributed);
}

absl::StatusOr<EstateVotes> TallyEachEstate(const Registry& registry, const BallotBox& ballots,
                                            const Vote& like, std::span<const Index> estates,
                                            const TallyOptions& options) {
  EstateVotes out;
  out.outcomes.reserve(estates.empty() ? registry.estate_count() : estates.size());
  RENEWAL_RETURN_IF_ERROR(TallyEachEstate(
      registry, ballots, like, estates, options,
      [&](std::size_t, Index estate, VoteOutcome& outcome) {
        out.estates.push_back(estate);
        out.outcomes.push_back(std::move(outcome));
      },
      &out.unattributed));
  return out;
}

}  // namespace renewal
