// One vote per estate over a city's ballots (e.g. every estate's renovation plan in
// one consultation drive): the ballots are grouped by the estate of their dwelling
// and counted with Tallier::CountEach.
#ifndef RENEWAL_VOTE_ESTATES_H_
#define RENEWAL_VOTE_ESTATES_H_

#include <cstddef>
#include <span>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"

namespace renewal {

struct EstateVotes {
  std::vector<Index> estates;         // counted, in the order asked
  std::vector<VoteOutcome> outcomes;  // outcomes[k] is the vote of estates[k]
  // Ballots (box order) whose dwelling is not in the registry: they belong to no
  // estate, so no vote counts or rejects them.
  std::vector<std::size_t> unattributed;
};

// Vote k has the scope estate `estates[k]` (every estate when empty), its ID as vote
// ID, and `like`'s matter, rule, opening and closing; it counts the ballots cast for
// dwellings of that estate, in box order. Ballots of estates not asked for are not
// counted. Errors: an estate index out of range or asked twice, an invalid rule,
// closes < opens (nothing counted).
// The same handing each outcome to `sink(k, estate, outcome)` (k in the order asked;
// the outcome may be moved from) instead of keeping them all: a city's 219,000
// outcomes are over a million heap blocks. `unattributed` receives the ballots of
// unknown dwellings. On error no outcome has been handed out.
using EstateSink = absl::FunctionRef<void(std::size_t, Index, VoteOutcome&)>;
absl::Status TallyEachEstate(const Registry& registry, const BallotBox& ballots, const Vote& like,
                             std::span<const Index> estates, const TallyOptions& options,
                             EstateSink sink, std::vector<std::size_t>* unattributed);

absl::StatusOr<EstateVotes> TallyEachEstate(const Registry& registry, const BallotBox& ballots,
                                            const Vote& like, std::span<const Index> estates = {},
                                            const TallyOptions& options = {false, false});

/// TallyEachEstate for repeated calls over one registry (a benchmark, a service,
/// scenario runs): the estate lookup tables are built once, and the scratch arrays
/// (each ballot's place, the estate buckets, the regrouped box, the votes) keep
/// their capacity between calls, so a warm call allocates nothing but the outcomes
/// it hands out. The registry must outlive the tallier. Not thread-safe: one per
/// thread.
class EstateTallier {
 public:
  explicit EstateTallier(const Registry& registry);
  ~EstateTallier();
  EstateTallier(const EstateTallier&) = delete;
  EstateTallier& operator=(const EstateTallier&) = delete;

  /// As the TallyEachEstate above with the same arguments.
  absl::Status Count(const BallotBox& ballots, const Vote& like, std::span<const Index> estates,
                     const TallyOptions& options, EstateSink sink,
                     std::vector<std::size_t>* unattributed);

 private:
  const Registry& registry_;
  Tallier tallier_;
  // first_[e]: estate e's first dwelling (one extra entry: the dwelling count);
  // block_[b]: the estate holding dwelling b << kBlockShift.
  std::vector<Index> first_, block_;
  std::vector<Index> asked_, slot_, place_;
  std::vector<std::size_t> starts_;
  BallotBox grouped_;
  std::vector<Vote> votes_;
};

}  // namespace renewal

#endif  // RENEWAL_VOTE_ESTATES_H_
