// The works' durable store: a base journal of kind "WORK" (docs/journal.md) whose
// records are the events as JSON (works_json.h), after a header record. Opening
// replays every event onto a Works built from the caller's directory, calendar and
// policy; recording checks the event, appends it, then applies it, so a refused
// event writes nothing.
#ifndef RENEWAL_WORKS_WORKS_JOURNAL_H_
#define RENEWAL_WORKS_WORKS_JOURNAL_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/works/works.h"

namespace renewal {
namespace internal {
class JournalFile;
}

/// What opening found.
struct WorksJournalReport {
  std::size_t events = 0;        // replayed
  std::uint64_t torn_bytes = 0;  // a torn tail (cut at the next append)
  std::string message;
};

class WorksJournal {
 public:
  /// Locks the file (FailedPrecondition when another holds it), replays it and keeps
  /// it open for appending; `create` makes a missing file (else NotFound). An event
  /// that no longer applies (the directory or policy changed) is DataLoss naming the
  /// record.
  static absl::StatusOr<std::unique_ptr<WorksJournal>> Open(const std::string& path,
                                                            WorksDirectory directory,
                                                            WorkCalendar calendar,
                                                            WorksPolicy policy, bool create,
                                                            bool sync = true);
  /// Replays without locking or writing (for reports).
  static absl::StatusOr<Works> Replay(const std::string& path, WorksDirectory directory,
                                      WorkCalendar calendar, WorksPolicy policy,
                                      WorksJournalReport* report = nullptr);
  ~WorksJournal();

  /// Checks the event against the works, appends it and applies it. On error
  /// nothing is written and the works are unchanged.
  absl::Status Record(const WorksEvent& event);

  const Works& works() const { return works_; }
  const WorksJournalReport& report() const { return report_; }

 private:
  explicit WorksJournal(Works works);
  Works works_;
  std::unique_ptr<internal::JournalFile> file_;
  WorksJournalReport report_;
};

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_JOURNAL_H_
