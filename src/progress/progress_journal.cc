// The progress store: replaying a "PROG" journal and appending checked events.
#include <functional>
#include <utility>
#include <variant>
#include <vector>

#include "progress_codec.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/progress/progress_store.h"

namespace renewal {
namespace {

absl::Status Prefix(const absl::Status& s, std::string_view path) {
  return absl::Status(s.code(), StrCat("journal \"", path, "\": ", s.message()));
}

// Scans the image: the header record gives the policy, each later record (an event
// or another area's record) is passed to `fn` with its record index. Fills `report`.
absl::Status ScanImage(std::string_view image, const std::string& path, std::string* policy,
                       ProgressOpenReport* report,
                       const std::function<absl::Status(ProgrammeRecord, std::size_t)>& fn) {
  internal::JournalScan scan;
  absl::Status s = internal::ScanJournal(
      image, internal::kProgressJournal,
      [&](std::string_view payload, std::size_t index) -> absl::Status {
        if (index == 0) {
          RENEWAL_ASSIGN_OR_RETURN(*policy, internal::DecodeProgressHeader(payload));
          return absl::OkStatus();
        }
        if (internal::IsExtensionPayload(payload)) {
          ExtensionRecord x;
          if (absl::Status d = internal::DecodeExtension(payload, &x); !d.ok()) {
            return absl::DataLossError(StrCat("record ", index, ": ", d.message()));
          }
          ++report->extension_records;
          return fn(std::move(x), index);
        }
        Event e;
        if (absl::Status d = internal::DecodeEvent(payload, &e); !d.ok()) {
          return absl::DataLossError(StrCat("record ", index, ": ", d.message()));
        }
        ++report->events;
        return fn(std::move(e), index);
      },
      &scan);
  if (!s.ok()) return Prefix(s, path);
  report->records = scan.records;
  report->valid_bytes = scan.valid_bytes;
  report->torn_bytes = scan.torn_bytes;
  report->message = scan.message;
  if (scan.records == 0) {
    // Without its header record the journal holds nothing: all of it is torn.
    report->valid_bytes = 0;
    report->torn_bytes = image.size();
    if (report->message.empty() && !image.empty()) {
      report->message = "torn tail: the journal ends before its header record";
    }
  }
  return absl::OkStatus();
}

// Replays `path` into a programme; `policy` is the preset of a journal without a
// header record yet.
absl::StatusOr<Programme> Load(const std::string& path, std::string policy,
                               ProgressOpenReport* report, const ExtensionReplay& extensions) {
  *report = ProgressOpenReport{};
  RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<internal::MappedFile> image,
                           internal::MappedFile::Open(path));
  const std::string_view bytes = image->bytes();
  std::optional<Programme> programme;
  std::string named = policy;
  RENEWAL_RETURN_IF_ERROR(ScanImage(
      bytes, path, &named, report, [&](ProgrammeRecord r, std::size_t index) -> absl::Status {
        if (!programme) {
          absl::StatusOr<GuardPolicy> g = GuardPreset(named);
          if (!g.ok()) return absl::DataLossError(StrCat("header record: ", g.status().message()));
          programme.emplace(*std::move(g));
          programme->Reserve(internal::CountRecords(bytes) / 8);
        }
        if (const auto* x = std::get_if<ExtensionRecord>(&r)) {
          if (!extensions) return absl::OkStatus();
          if (absl::Status s = extensions(*x, *programme); !s.ok()) {
            return absl::DataLossError(StrCat("record ", index, " (", x->tag, ": ", s.message(), ")"));
          }
          return absl::OkStatus();
        }
        if (absl::Status s = programme->Apply(std::get<Event>(r)); !s.ok()) {
          return absl::DataLossError(StrCat("record ", index, " (", s.message(), ")"));
        }
        return absl::OkStatus();
      }));
  if (!programme) {
    RENEWAL_ASSIGN_OR_RETURN(GuardPolicy g, GuardPreset(named));
    programme.emplace(std::move(g));
  }
  return *std::move(programme);
}

}  // namespace

ProgressStore::ProgressStore(Programme programme, std::unique_ptr<internal::JournalFile> file)
    : programme_(std::move(programme)), file_(std::move(file)) {}

ProgressStore::~ProgressStore() = default;

const std::string& ProgressStore::path() const { return file_->path(); }

absl::StatusOr<std::unique_ptr<ProgressStore>> ProgressStore::Open(const std::string& path,
                                                                   ProgressStoreOptions options,
                                                                   ProgressOpenReport* report) {
  ProgressOpenReport local;
  if (report == nullptr) report = &local;
  RENEWAL_RETURN_IF_ERROR(GuardPreset(options.policy).status());
  // Lock before reading: a second writer must not replay a journal the first is
  // still appending to.
  RENEWAL_ASSIGN_OR_RETURN(
      std::unique_ptr<internal::JournalFile> file,
      internal::JournalFile::Lock(path, internal::kProgressJournal, options.create, options.sync));
  RENEWAL_ASSIGN_OR_RETURN(Programme programme,
                           Load(path, options.policy, report, options.extensions));
  internal::JournalScan scan;
  scan.records = report->records;
  scan.valid_bytes = report->valid_bytes;
  scan.torn_bytes = report->torn_bytes;
  file->Resume(scan, internal::EncodeProgressHeader(programme.policy().name));
  if (report->records == 0 && options.create) RENEWAL_RETURN_IF_ERROR(file->WritePending());
  return std::unique_ptr<ProgressStore>(new ProgressStore(std::move(programme), std::move(file)));
}

absl::Status ProgressStore::Record(const Event& event) {
  RENEWAL_RETURN_IF_ERROR(programme_.Check(event));
  std::string payload;
  internal::EncodeEvent(event, &payload);
  RENEWAL_RETURN_IF_ERROR(file_->Append(payload));
  return programme_.Apply(event);
}

absl::Status ProgressStore::AppendExtension(const ExtensionRecord& record) {
  if (record.tag.empty()) return absl::InvalidArgumentError("extension record tag: must not be empty");
  std::string payload;
  internal::EncodeExtension(record, &payload);
  return file_->Append(payload);
}

absl::Status ProgressStore::RecordAll(std::span<const Event> events) {
  std::vector<ProgrammeRecord> records(events.begin(), events.end());
  return Commit(records);
}

absl::Status ProgressStore::Commit(std::span<const ProgrammeRecord> records) {
  // Checked on a copy, then written with one sync, then the copy kept: a refused
  // record or a failed write leaves both the file and the state as they were.
  Programme trial = programme_;
  std::vector<std::string> payloads(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (const auto* e = std::get_if<Event>(&records[i])) {
      if (absl::Status s = trial.Apply(*e); !s.ok()) {
        return absl::Status(s.code(), StrCat("event ", i + 1, ": ", s.message()));
      }
      internal::EncodeEvent(*e, &payloads[i]);
    } else {
      const ExtensionRecord& x = std::get<ExtensionRecord>(records[i]);
      if (x.tag.empty()) {
        return absl::InvalidArgumentError(StrCat("record ", i + 1, " tag: must not be empty"));
      }
      internal::EncodeExtension(x, &payloads[i]);
    }
  }
  RENEWAL_RETURN_IF_ERROR(file_->AppendAll(payloads));
  programme_ = std::move(trial);
  return absl::OkStatus();
}

absl::StatusOr<Programme> ReplayProgress(const std::string& path, ProgressOpenReport* report,
                                         const ExtensionReplay& extensions) {
  ProgressOpenReport local;
  return Load(path, "national", report == nullptr ? &local : report, extensions);
}

absl::StatusOr<std::vector<ProgrammeRecord>> ReadProgrammeRecords(const std::string& path,
                                                                  ProgressOpenReport* report) {
  ProgressOpenReport local;
  if (report == nullptr) report = &local;
  *report = ProgressOpenReport{};
  RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<internal::MappedFile> image,
                           internal::MappedFile::Open(path));
  std::vector<ProgrammeRecord> records;
  std::string policy;
  RENEWAL_RETURN_IF_ERROR(ScanImage(image->bytes(), path, &policy, report,
                                    [&](ProgrammeRecord r, std::size_t) {
                                      records.push_back(std::move(r));
                                      return absl::OkStatus();
                                    }));
  return records;
}

absl::StatusOr<std::vector<Event>> ReadProgressEvents(const std::string& path,
                                                      ProgressOpenReport* report) {
  RENEWAL_ASSIGN_OR_RETURN(std::vector<ProgrammeRecord> records,
                           ReadProgrammeRecords(path, report));
  std::vector<Event> events;
  events.reserve(records.size());
  for (ProgrammeRecord& r : records) {
    if (auto* e = std::get_if<Event>(&r)) events.push_back(std::move(*e));
  }
  return events;
}

}  // namespace renewal
