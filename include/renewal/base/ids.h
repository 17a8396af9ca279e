// The one rule for identifiers: registry records, transactions, votes, projects.
#ifndef RENEWAL_BASE_IDS_H_
#define RENEWAL_BASE_IDS_H_

#include <cstddef>
#include <string_view>

#include "absl/status/status.h"

namespace renewal {

/// The longest ID, in bytes (UTF-8).
inline constexpr std::size_t kMaxIdBytes = 128;

/// OK when `id` has 1 to kMaxIdBytes bytes and no control character (U+0000 to
/// U+001F, U+007F); else InvalidArgument "id: ..." saying which rule it breaks.
absl::Status CheckId(std::string_view id);

}  // namespace renewal

#endif  // RENEWAL_BASE_IDS_H_
