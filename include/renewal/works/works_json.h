// The works' events as JSON, one object per event
// (docs/schemas/works-event.schema.json): the journal's payloads and the CLI's input.
#ifndef RENEWAL_WORKS_WORKS_JSON_H_
#define RENEWAL_WORKS_WORKS_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/works/works_directory.h"
#include "renewal/works/works_events.h"

namespace renewal {

/// One event from its JSON object. Duplicate keys, unknown fields, a bad date or an
/// unknown "event" are InvalidArgument naming the field.
absl::StatusOr<WorksEvent> ParseWorksEventJson(std::string_view text);
/// A JSON array of events (a file of them), all or nothing; errors name the index.
absl::StatusOr<std::vector<WorksEvent>> ParseWorksEventsJson(std::string_view text);
/// The event as one line of JSON (ParseWorksEventJson gives it back).
std::string WorksEventToJson(const WorksEvent& event);

/// A directory of estates, contractors and projects
/// (docs/schemas/works-directory.schema.json); project items use the funding
/// area's cost-item format. Errors name the record and field.
absl::StatusOr<WorksDirectory> ParseWorksDirectoryJson(std::string_view text);

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_JSON_H_
