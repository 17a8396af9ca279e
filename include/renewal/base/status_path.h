// Where in an input document an error is: the readers attach the path of the record
// and field they refuse ("estates[17].buildings[2].entrances[0].dwellings[5].
// exclusive_area_m2") to their absl::Status as a payload, beside the message that
// says the same in words (`estates[17] "E-0017" ... exclusive_area_m2: must be > 0`).
// `renewal ... --json` reports it as the error's "path" (docs/schemas/cli-error.schema.json).
#ifndef RENEWAL_BASE_STATUS_PATH_H_
#define RENEWAL_BASE_STATUS_PATH_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace renewal {

/// The payload's type URL.
inline constexpr char kRecordPathPayload[] = "type.renewal/record-path";

/// The path attached to `status`, if any: array elements as `name[i]`, object fields
/// by name, joined by dots.
std::optional<std::string> RecordPathOf(const absl::Status& status);

/// `status` with `path` attached (replacing any); OK stays OK.
absl::Status WithRecordPath(absl::Status status, std::string_view path);

/// The path of a record as the readers name it in messages: `estates[17] "E-0017"
/// buildings[2] "E-0017-B3"` → `estates[17].buildings[2]` (quoted ids dropped, the
/// rest joined by dots).
std::string RecordPathFromDescription(std::string_view described);

/// `status` with the record `described` (`ballots[3]`, `plans[0] "P-1"`) put before
/// its message ("ballots[3] " + message) and before its path ("ballots[3]." + path,
/// or the record alone when it had none); the code and other payloads kept.
absl::Status InRecord(const absl::Status& status, std::string_view described);

}  // namespace renewal

#endif  // RENEWAL_BASE_STATUS_PATH_H_
