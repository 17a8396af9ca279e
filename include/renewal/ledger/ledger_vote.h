// The bridge from a counted owners' vote to the maintenance fund's use gate:
// a use needs a passed vote under the right rule (Civil Code art. 278 (5) with an
// owners' assembly, Order 165 art. 22 without), which Ledger::Use checks.
#ifndef RENEWAL_LEDGER_VOTE_H_
#define RENEWAL_LEDGER_VOTE_H_

#include "renewal/ledger/ledger.h"
#include "renewal/votes/vote.h"

namespace renewal {

// The approval a counted vote gives: its id, the rule it was counted under and
// whether it passed. The vote's matter is not checked: Ningbo, for one, pays the
// residents' renovation contribution from the fund on the renovation-plan vote.
inline FundUseApproval ApprovalFromVote(const VoteOutcome& outcome) {
  FundUseApproval a;
  a.vote_id = outcome.vote_id;
  a.rule = outcome.rule_name;
  a.passed = outcome.passed;
  return a;
}

}  // namespace renewal

#endif  // RENEWAL_LEDGER_VOTE_H_
