// The programme's one store: the works' events kept in the progress area's journal
// (progress_store.h) among the progress events, in one file per programme, replayed
// once, in order. Works records are the progress store's extension records under the
// tag "works", their payload the event's JSON (docs/schemas/works-event.schema.json);
// progress knows nothing of the works, the works replay their own records
// (docs/works.md, docs/architecture.md).
#ifndef RENEWAL_WORKS_WORKS_STORE_H_
#define RENEWAL_WORKS_WORKS_STORE_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/progress/progress.h"
#include "renewal/progress/progress_store.h"
#include "renewal/works/works.h"

namespace renewal {

/// The tag of the works' records in a programme journal.
inline constexpr std::string_view kWorksRecordTag = "works";

/// One line of a programme's JSON Lines: a progress event (its key "kind",
/// progress-event.schema.json) or a works event (its key "event",
/// works-event.schema.json).
using ProgrammeLine = std::variant<Event, WorksEvent>;

/// One line, told apart by its key; errors name `where` and the field.
absl::StatusOr<ProgrammeLine> ParseProgrammeLine(std::string_view json, std::string_view where);
/// JSON Lines of both kinds, blank lines skipped; errors name the line.
absl::StatusOr<std::vector<ProgrammeLine>> ParseProgrammeJsonLines(std::string_view text);
/// One line of JSON (ParseProgrammeLine gives it back).
std::string ProgrammeLineToJson(const ProgrammeLine& line);

/// Whether a works event fits the programme as it stands: the project it names
/// (if any) must be a project of the programme. NotFound naming the event and field.
absl::Status CheckWorksAgainstProgramme(const WorksEvent& event, const Programme& programme);
/// Whether a progress event fits the works: acceptance evidence under a works rule
/// (joint_acceptance, step_inspection) must be exactly what the works build from their
/// records (works_evidence.h), so an incomplete acceptance is never passed off as
/// passed. FailedPrecondition / NotFound naming the event and field.
absl::Status CheckEventAgainstWorks(const Event& event, const Works& works);

struct ProgrammeStoreOptions {
  /// The guard preset of a journal being created (an existing one keeps its own).
  std::string guard_policy = "national_works";
  bool create = false;  // create the file when missing
  bool sync = true;     // fdatasync after each write
};

/// A programme and its works, as a replay leaves them.
struct ProgrammeState {
  Programme programme;
  Works works;
};

/// A programme journal with its works, open for appending (one writer at a time).
class ProgrammeStore {
 public:
  /// Locks and replays the journal (progress events and works records in order).
  /// A works record that no longer applies (the directory or policy changed) is
  /// DataLoss naming the record. An old works journal (kind WORK) is
  /// FailedPrecondition pointing to `renewal works migrate`.
  static absl::StatusOr<std::unique_ptr<ProgrammeStore>> Open(
      const std::string& path, WorksDirectory directory, WorkCalendar calendar, WorksPolicy policy,
      ProgrammeStoreOptions options = {}, ProgressOpenReport* report = nullptr);
  /// Replays read-only (no lock, nothing written).
  static absl::StatusOr<ProgrammeState> Replay(const std::string& path, WorksDirectory directory,
                                               WorkCalendar calendar, WorksPolicy policy,
                                               ProgressOpenReport* report = nullptr);
  ~ProgrammeStore();

  /// Checks the event against the works and the programme, appends it (synced) and
  /// applies it; a refused event writes nothing.
  absl::Status Record(const WorksEvent& event);
  absl::Status Record(const Event& event);
  /// Checks every line in order against copies first; writes only when all pass,
  /// with one write and one sync. Errors name the line (1-based).
  absl::Status RecordAll(std::span<const ProgrammeLine> lines);
  /// Records the evidence the project's joint acceptance gives now (passed or not,
  /// EvidenceFromAcceptance) as a progress evidence event dated `on`.
  absl::Status RecordAcceptanceEvidence(std::string_view project, Date on);
  /// Records the evidence a step inspection gives, dated on the inspection's day.
  absl::Status RecordInspectionEvidence(std::string_view inspection);

  const Programme& programme() const { return store_->programme(); }
  const Works& works() const { return works_; }

 private:
  ProgrammeStore(std::unique_ptr<ProgressStore> store, Works works);
  std::unique_ptr<ProgressStore> store_;
  Works works_;
};

/// The events of a works journal of the old kind WORK (works events in a file of their
/// own, before they moved into the programme journal), for `renewal works migrate`.
absl::StatusOr<std::vector<WorksEvent>> ReadOldWorksJournal(const std::string& path);

}  // namespace renewal

#endif  // RENEWAL_WORKS_WORKS_STORE_H_
