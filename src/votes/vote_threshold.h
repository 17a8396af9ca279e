// Private to the votes area: a threshold test evaluated on a count's totals
// (vote_threshold.cc), for the count (vote_tally.cc).
#ifndef RENEWAL_SRC_VOTE_THRESHOLD_H_
#define RENEWAL_SRC_VOTE_THRESHOLD_H_

#include "renewal/votes/vote.h"

namespace renewal::vote_internal {

ThresholdResult Evaluate(const ThresholdTest& t, const VoteTotals& x);

}  // namespace renewal::vote_internal

#endif  // RENEWAL_SRC_VOTE_THRESHOLD_H_
