// Events as JSON records (docs/schemas/progress-event.schema.json), one per line
// (JSON Lines), for a host system that keeps its own database: export a journal,
// import events checked against the store.
#ifndef RENEWAL_PROGRESS_PROGRESS_JSON_H_
#define RENEWAL_PROGRESS_PROGRESS_JSON_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/progress/progress.h"
#include "renewal/progress/progress_store.h"

namespace renewal {

/// One event as a single-line JSON object (no trailing newline).
std::string EventToJson(const Event& event);
/// One event from a JSON object; errors name `where` ("line 3") and the field.
/// Only the syntax and the values are checked here: whether the event fits the
/// programme is the store's check.
absl::StatusOr<Event> ParseEventJson(std::string_view json, std::string_view where = "event");
/// Events as JSON Lines, one per line.
std::string EventsToJsonLines(std::span<const Event> events);
/// A journal's records as JSON Lines in journal order: events as EventToJson, other
/// areas' records as the JSON object they carry.
std::string RecordsToJsonLines(std::span<const ProgrammeRecord> records);
/// JSON Lines: one event per non-blank line; errors name the line.
absl::StatusOr<std::vector<Event>> ParseEventJsonLines(std::string_view text);

}  // namespace renewal

#endif  // RENEWAL_PROGRESS_PROGRESS_JSON_H_
