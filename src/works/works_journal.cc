// The works' journal: a header record, then one JSON event per record.
#include "renewal/works/works_journal.h"

#include "renewal/base/journal.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/works/works_json.h"

namespace renewal {
namespace {

constexpr internal::JournalKind kWorksJournal{{'W', 'O', 'R', 'K'}, "works"};
constexpr std::string_view kHeader = R"({"format":"renewal works journal","version":1})";

absl::Status ReplayInto(Works& works, std::string_view image, const std::string& path,
                        WorksJournalReport* report, internal::JournalScan* scan) {
  absl::Status s = internal::ScanJournal(
      image, kWorksJournal,
      [&](std::string_view payload, std::size_t index) -> absl::Status {
        if (index == 0) {
          if (payload != kHeader) {
            return absl::FailedPreconditionError(
                StrCat("journal \"", path, "\" header: not a works journal of format version 1"));
          }
          return absl::OkStatus();
        }
        auto event = ParseWorksEventJson(payload);
        if (!event.ok()) {
          return absl::DataLossError(StrCat("journal \"", path, "\" record ", index, ": ",
                                            ToStd(event.status().message())));
        }
        if (absl::Status a = works.Apply(*event); !a.ok()) {
          return absl::DataLossError(StrCat("journal \"", path, "\" record ", index,
                                            " no longer applies: ", ToStd(a.message())));
        }
        ++report->events;
        return absl::OkStatus();
      },
      scan);
  if (!s.ok()) return absl::Status(s.code(), StrCat("journal \"", path, "\": ", ToStd(s.message())));
  report->torn_bytes = scan->torn_bytes;
  report->message = scan->message;
  if (scan->records == 0) {
    // Without its header record the journal holds nothing: all of it is torn.
    scan->valid_bytes = 0;
    scan->torn_bytes = report->torn_bytes = image.size();
  }
  return absl::OkStatus();
}

}  // namespace

WorksJournal::WorksJournal(Works works) : works_(std::move(works)) {}
WorksJournal::~WorksJournal() = default;

absl::StatusOr<std::unique_ptr<WorksJournal>> WorksJournal::Open(
    const std::string& path, WorksDirectory directory, WorkCalendar calendar, WorksPolicy policy,
    bool create, bool sync) {
  RENEWAL_ASSIGN_OR_RETURN(Works works,
                           Works::Create(std::move(directory), std::move(calendar), std::move(policy)));
  // Lock before reading: a second writer must not replay a journal the first is
  // still appending to.
  RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<internal::JournalFile> file,
                           internal::JournalFile::Lock(path, kWorksJournal, create, sync));
  std::unique_ptr<WorksJournal> j(new WorksJournal(std::move(works)));
  internal::JournalScan scan;
  {
    RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<internal::MappedFile> image, internal::MappedFile::Open(path));
    RENEWAL_RETURN_IF_ERROR(ReplayInto(j->works_, image->bytes(), path, &j->report_, &scan));
  }
  // Nothing is written until the first event, except the header of a new journal.
  file->Resume(scan, std::string(kHeader));
  if (scan.records == 0 && create) RENEWAL_RETURN_IF_ERROR(file->WritePending());
  j->file_ = std::move(file);
  return j;
}

absl::StatusOr<Works> WorksJournal::Replay(const std::string& path, WorksDirectory directory,
                                           WorkCalendar calendar, WorksPolicy policy,
                                           WorksJournalReport* report) {
  WorksJournalReport local;
  if (report == nullptr) report = &local;
  *report = {};
  RENEWAL_ASSIGN_OR_RETURN(Works works,
                           Works::Create(std::move(directory), std::move(calendar), std::move(policy)));
  RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<internal::MappedFile> image, internal::MappedFile::Open(path));
  internal::JournalScan scan;
  RENEWAL_RETURN_IF_ERROR(ReplayInto(works, image->bytes(), path, report, &scan));
  return works;
}

absl::Status WorksJournal::Record(const WorksEvent& event) {
  RENEWAL_RETURN_IF_ERROR(works_.Check(event));
  RENEWAL_RETURN_IF_ERROR(file_->Append(WorksEventToJson(event)));
  absl::Status applied = works_.Apply(event);
  // Check passed, so Apply cannot fail; if it did the journal would be ahead of
  // the works, which the next Open would report.
  if (applied.ok()) ++report_.events;
  return applied;
}

}  // namespace renewal
