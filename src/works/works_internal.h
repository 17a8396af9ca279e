// Helpers shared by the works sources.
#ifndef RENEWAL_SRC_WORKS_WORKS_INTERNAL_H_
#define RENEWAL_SRC_WORKS_WORKS_INTERNAL_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "renewal/base/strcat.h"
#include "renewal/calendar/date.h"

namespace renewal::works_internal {

/// `what "id" field: message`, the shape of every works error.
inline std::string Where(std::string_view what, std::string_view id, std::string_view field) {
  return StrCat(what, " \"", id, "\" ", field);
}
inline absl::Status Invalid(std::string_view what, std::string_view id, std::string_view field,
                            std::string_view message) {
  return absl::InvalidArgumentError(StrCat(Where(what, id, field), ": ", message));
}
inline absl::Status Precondition(std::string_view what, std::string_view id,
                                 std::string_view field, std::string_view message) {
  return absl::FailedPreconditionError(StrCat(Where(what, id, field), ": ", message));
}
inline absl::Status Missing(std::string_view what, std::string_view id, std::string_view field,
                            std::string_view kind, std::string_view ref) {
  return absl::NotFoundError(StrCat(Where(what, id, field), ": unknown ", kind, " \"", ref, "\""));
}
/// The same date `months` later, the day clamped to the month's end (01-31 + 1 → 02-28).
Date AddMonths(Date d, int months);

}  // namespace renewal::works_internal

#endif  // RENEWAL_SRC_WORKS_WORKS_INTERNAL_H_
