// The state of a programme (every project and where it stands) and the durable
// store that keeps it: events appended to a base journal of kind "PROG"
// (renewal/base/journal.h, docs/journal.md). Replaying the journal gives the state;
// an event is checked against the state before it is written, and a refused event
// changes nothing.
#ifndef RENEWAL_PROGRESS_PROGRESS_STORE_H_
#define RENEWAL_PROGRESS_PROGRESS_STORE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/progress/progress.h"
#include "renewal/progress/progress_policy.h"

namespace renewal {
namespace internal {
class JournalFile;
}

/// A change of stage: a transition, or a correction with its reason.
struct StageChange {
  int date = 0;
  Stage stage = Stage::kSurvey;
  bool correction = false;
  std::string reason;  // corrections only
};

/// Money received or paid for a project.
struct MoneyEntry {
  int date = 0;
  bool paid = false;
  FundSource source = FundSource::kDistrict;
  FundChannel channel = FundChannel::kOther;
  Instalment instalment = Instalment::kFirst;  // payments only
  Money amount;
};

/// Where one project stands, rebuilt from its events.
struct ProjectState {
  ProjectInfo info;
  Stage stage = Stage::kSurvey;
  int created = 0;      // the create event's date (the survey stage)
  int stage_date = 0;   // when the current stage was entered
  int last_date = 0;    // the latest event's date: later events may not be earlier
  std::vector<StageChange> history;      // every change, the create's survey first
  std::vector<Evidence> evidence;        // in the order recorded
  std::vector<int> evidence_dates;
  std::vector<std::string> cited;        // evidence ids cited by transitions
  std::optional<ManagementMode> mode;
  std::optional<Outcomes> outcomes;
  int outcomes_date = 0;
  std::vector<MoneyEntry> money;

  /// The stage at the end of `date` (yyyymmdd); nullopt before the project existed.
  std::optional<Stage> StageAt(int date) const;
  /// The recorded evidence with this id, or nullptr.
  const Evidence* FindEvidence(std::string_view id) const;
};

/// Every project of a programme under one guard policy.
class Programme {
 public:
  explicit Programme(GuardPolicy policy);

  /// Whether `event` may be applied now: OK, or an error naming the project, the
  /// stage and what is missing (NotFound for an unknown project or evidence,
  /// FailedPrecondition for a stage out of order or a guard not met,
  /// InvalidArgument for a bad value or a date before the project's last event).
  absl::Status Check(const Event& event) const;
  /// Check, then change the state; a refused event changes nothing.
  absl::Status Apply(const Event& event);

  const ProjectState* Find(std::string_view project) const;
  std::span<const ProjectState> projects() const { return projects_; }
  std::size_t event_count() const { return events_; }
  const GuardPolicy& policy() const { return policy_; }
  /// Reserves room for `projects` projects (before a large replay).
  void Reserve(std::size_t projects);

 private:
  absl::Status CheckTransition(const ProjectState& p, const Event& e) const;
  GuardPolicy policy_;
  std::vector<ProjectState> projects_;
  absl::flat_hash_map<std::string, std::uint32_t> index_;
  std::size_t events_ = 0;
};

/// A record another area keeps in the programme's journal, opaque to this area
/// (docs/progress.md §3): the area's tag ("works") and its record as one JSON object
/// on one line, so that `export` writes it among the events as it is. The area that
/// owns the tag checks it before it is written and replays it (ExtensionReplay);
/// progress depends on no such area.
struct ExtensionRecord {
  std::string tag;
  std::string json;
  bool operator==(const ExtensionRecord&) const = default;
};

/// One record of a programme journal, in journal order.
using ProgrammeRecord = std::variant<Event, ExtensionRecord>;

/// Replays another area's record during a replay, with the programme as it stands
/// after every record before it. An error stops the replay (reported as DataLoss
/// naming the record).
using ExtensionReplay =
    std::function<absl::Status(const ExtensionRecord& record, const Programme& programme)>;

/// What opening a journal found.
struct ProgressOpenReport {
  std::size_t records = 0;  // whole records, the header record included
  std::size_t events = 0;
  std::size_t extension_records = 0;  // other areas' records (replayed or passed over)
  std::uint64_t valid_bytes = 0;
  std::uint64_t torn_bytes = 0;  // a torn tail, cut when the next event is written
  std::string message;
};

struct ProgressStoreOptions {
  /// The guard preset of a journal being created; an existing journal keeps the
  /// one it was created with (stored in its header record).
  std::string policy = "national";
  bool create = false;  // create the file when missing
  bool sync = true;     // fdatasync after each write
  /// Replays other areas' records; when empty they are passed over (kept in the file).
  ExtensionReplay extensions;
};

/// A programme kept in a journal file, open for appending (one writer at a time).
class ProgressStore {
 public:
  /// Locks and replays the journal. FailedPrecondition when another writer holds it;
  /// DataLoss naming the record for a damaged journal; nothing is written until the
  /// first event (a new journal's header is written at once when `create`).
  static absl::StatusOr<std::unique_ptr<ProgressStore>> Open(const std::string& path,
                                                             ProgressStoreOptions options,
                                                             ProgressOpenReport* report = nullptr);
  ~ProgressStore();

  /// Checks the event, appends it (synced), then applies it.
  absl::Status Record(const Event& event);
  /// Checks every event in order against a copy of the state first; writes only
  /// when all pass, all with one write and one sync (all or none on disk).
  absl::Status RecordAll(std::span<const Event> events);
  /// As RecordAll for a mix of events and other areas' records, in order. The events
  /// are checked here; other areas' records must have been checked by their owner
  /// against the state these events give (ProgrammeStore in the works area does).
  absl::Status Commit(std::span<const ProgrammeRecord> records);
  /// Appends one record of another area (synced), checked by its owner before; the
  /// programme is unchanged. InvalidArgument for an empty tag.
  absl::Status AppendExtension(const ExtensionRecord& record);

  const Programme& programme() const { return programme_; }
  const std::string& path() const;

 private:
  ProgressStore(Programme programme, std::unique_ptr<internal::JournalFile> file);
  Programme programme_;
  std::unique_ptr<internal::JournalFile> file_;
};

/// Replays a journal read-only (no lock, nothing written); other areas' records go
/// to `extensions` in order, or are passed over when it is empty.
absl::StatusOr<Programme> ReplayProgress(const std::string& path,
                                         ProgressOpenReport* report = nullptr,
                                         const ExtensionReplay& extensions = {});
/// Every record of a journal, events and other areas' records, in order (for export).
absl::StatusOr<std::vector<ProgrammeRecord>> ReadProgrammeRecords(
    const std::string& path, ProgressOpenReport* report = nullptr);
/// Every event of a journal, in order, other areas' records left out.
absl::StatusOr<std::vector<Event>> ReadProgressEvents(const std::string& path,
                                                      ProgressOpenReport* report = nullptr);

}  // namespace renewal

#endif  // RENEWAL_PROGRESS_PROGRESS_STORE_H_
