// Shared between the vote sources: the rule JSON value conversions (Boost.JSON
// stays out of the public header).
#ifndef RENEWAL_SRC_VOTE_INTERNAL_H_
#define RENEWAL_SRC_VOTE_INTERNAL_H_

#include <boost/json.hpp>

#include <string_view>

#include "absl/status/statusor.h"
#include "renewal/vote.h"

namespace renewal::vote_internal {

// A preset name (string) or a rule object; `where` prefixes error messages.
absl::StatusOr<VoteRule> RuleFromJsonValue(const boost::json::value& v, std::string_view where);
boost::json::object RuleToJsonValue(const VoteRule& rule);

}  // namespace renewal::vote_internal

#endif  // RENEWAL_SRC_VOTE_INTERNAL_H_
