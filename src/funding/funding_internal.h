// Private to the funding area: what funding.cc (the allocator) and
// funding_policy.cc (validation) share.
#ifndef RENEWAL_SRC_FUNDING_FUNDING_INTERNAL_H_
#define RENEWAL_SRC_FUNDING_FUNDING_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/funding/funding.h"

namespace renewal {
namespace funding_internal {

inline constexpr std::size_t kS = kFundingSourceCount;
inline constexpr std::size_t kMaxTargets = 8;

inline std::size_t Idx(FundingSource s) { return static_cast<std::size_t>(s); }

// Common denominator weights of a rule's target shares (fails when too large).
absl::StatusOr<std::vector<std::int64_t>> TargetWeights(const FundingRule& r);

}  // namespace funding_internal
}  // namespace renewal

#endif  // RENEWAL_SRC_FUNDING_FUNDING_INTERNAL_H_
