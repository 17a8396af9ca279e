// The programme store: works records in the progress journal (docs/works.md "Store").
#include "renewal/works/works_store.h"

#include <fstream>
#include <utility>

#include "renewal/base/journal.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/progress/progress_json.h"
#include "renewal/works/works_evidence.h"
#include "renewal/works/works_json.h"

namespace renewal {
namespace {

constexpr internal::JournalKind kOldWorksJournal{{'W', 'O', 'R', 'K'}, "works"};
constexpr std::string_view kOldHeader = R"({"format":"renewal works journal","version":1})";

int Yyyymmdd(Date d) { return d.year() * 10000 + d.month() * 100 + d.day(); }

// The project a works event names, with how the event is named in errors.
struct Named {
  std::string_view what, id, project;
};
Named NameOf(const WorksEvent& event) {
  struct Visitor {
    Named operator()(const ComplaintFiled& e) const { return {"complaint", e.id, e.project}; }
    Named operator()(const ComplaintStepDone& e) const { return {"complaint", e.complaint, {}}; }
    Named operator()(const AppointmentMade& e) const { return {"appointment", e.id, {}}; }
    Named operator()(const AppointmentEnded& e) const { return {"appointment", e.id, {}}; }
    Named operator()(const ChangeOrderRaised& e) const { return {"change order", e.id, e.project}; }
    Named operator()(const ChangeOrderSigned& e) const { return {"change order", e.order, {}}; }
    Named operator()(const InspectionRecorded& e) const { return {"inspection", e.id, e.project}; }
    Named operator()(const SatisfactionVoteRecorded& e) const {
      return {"satisfaction vote", e.vote, e.project};
    }
    Named operator()(const AcceptanceSigned& e) const {
      return {"acceptance of project", e.project, e.project};
    }
    Named operator()(const DefectReported& e) const { return {"defect", e.id, e.project}; }
    Named operator()(const PenaltyRecorded& e) const { return {"penalty", e.id, e.project}; }
  };
  return std::visit(Visitor{}, event);
}

// An old works journal starts as the base journal's header for the kind WORK does
// (magic and kind; the version after them is left to the scan).
bool IsOldWorksJournal(const std::string& path) {
  const std::string header = internal::JournalFileHeader(kOldWorksJournal);
  std::ifstream in(path, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  return in.gcount() == 8 && std::string_view(head, 8) == std::string_view(header).substr(0, 8);
}

absl::Status RefuseOldJournal(const std::string& path) {
  if (!IsOldWorksJournal(path)) return absl::OkStatus();
  return absl::FailedPreconditionError(StrCat(
      "journal \"", path,
      "\": a works journal of the old kind WORK; works events now live in the programme's "
      "journal: create one (renewal progress init) and move the events into it with "
      "renewal works migrate DIRECTORY PROGRAMME_JOURNAL --from ",
      path));
}

// Replays one works record onto `works`, checked against the programme as it stands.
absl::Status ReplayRecord(const ExtensionRecord& x, const Programme& programme, Works& works) {
  if (x.tag != kWorksRecordTag) return absl::OkStatus();  // another area's record
  RENEWAL_ASSIGN_OR_RETURN(WorksEvent event, ParseWorksEventJson(x.json));
  RENEWAL_RETURN_IF_ERROR(CheckWorksAgainstProgramme(event, programme));
  return works.Apply(event);
}

}  // namespace

absl::StatusOr<ProgrammeLine> ParseProgrammeLine(std::string_view json, std::string_view where) {
  absl::StatusOr<boost::json::value> v = internal::ParseJson(json);
  if (!v.ok()) return absl::InvalidArgumentError(StrCat(where, ": ", v.status().message()));
  const boost::json::object* o = v->if_object();
  if (o == nullptr) return absl::InvalidArgumentError(StrCat(where, ": expected a JSON object"));
  const bool works = o->contains("event"), progress = o->contains("kind");
  if (works == progress) {
    return absl::InvalidArgumentError(StrCat(
        where, ": a record has either \"kind\" (a progress event) or \"event\" (a works event)"));
  }
  if (progress) {
    RENEWAL_ASSIGN_OR_RETURN(Event e, ParseEventJson(json, where));
    return ProgrammeLine(std::move(e));
  }
  absl::StatusOr<WorksEvent> e = ParseWorksEventJson(json);
  if (!e.ok()) return absl::Status(e.status().code(), StrCat(where, ": ", e.status().message()));
  return ProgrammeLine(*std::move(e));
}

absl::StatusOr<std::vector<ProgrammeLine>> ParseProgrammeJsonLines(std::string_view text) {
  std::vector<ProgrammeLine> out;
  RENEWAL_RETURN_IF_ERROR(internal::ForEachJsonLine(
      text, [&out](std::string_view line, std::size_t number) -> absl::Status {
        RENEWAL_ASSIGN_OR_RETURN(ProgrammeLine e, ParseProgrammeLine(line, StrCat("line ", number)));
        out.push_back(std::move(e));
        return absl::OkStatus();
      }));
  return out;
}

std::string ProgrammeLineToJson(const ProgrammeLine& line) {
  if (const auto* e = std::get_if<Event>(&line)) return EventToJson(*e);
  return WorksEventToJson(std::get<WorksEvent>(line));
}

absl::Status CheckWorksAgainstProgramme(const WorksEvent& event, const Programme& programme) {
  const Named n = NameOf(event);
  if (n.project.empty() || programme.Find(n.project) != nullptr) return absl::OkStatus();
  return absl::NotFoundError(StrCat(n.what, " \"", n.id, "\" project: \"", n.project,
                                    "\" is not a project of the programme (create it first)"));
}

absl::Status CheckEventAgainstWorks(const Event& event, const Works& works) {
  if (event.kind != EventKind::kEvidence || event.evidence.kind != EvidenceKind::kAcceptance) {
    return absl::OkStatus();
  }
  const Evidence& v = event.evidence;
  const std::string where = StrCat("project \"", event.project, "\" evidence \"", v.id, "\"");
  absl::StatusOr<Evidence> built;
  if (v.rule == kJointAcceptanceRule) {
    built = EvidenceFromAcceptance(works, event.project);
    if (built.ok() && v.id != built->id) {
      return absl::InvalidArgumentError(StrCat(where, " id: the works' record of this project's joint acceptance is \"",
                                               built->id, "\" now"));
    }
  } else if (v.rule == kStepInspectionRule) {
    built = EvidenceFromInspection(works, v.id);
    if (built.ok()) {
      const auto k = works.FindInspection(v.id);
      if (works.inspections()[*k].project != event.project) {
        return absl::InvalidArgumentError(StrCat(where, " project: the inspection is of project \"",
                                                 works.inspections()[*k].project, "\""));
      }
    }
  } else {
    return absl::OkStatus();  // an acceptance record the host keeps elsewhere
  }
  if (!built.ok()) return absl::NotFoundError(StrCat(where, ": ", built.status().message()));
  if (v.passed != built->passed) {
    return absl::FailedPreconditionError(StrCat(
        where, " passed: the works' record says ", built->passed ? "passed" : "not passed",
        v.rule == kJointAcceptanceRule ? " (every party must have signed)" : ""));
  }
  return absl::OkStatus();
}

ProgrammeStore::ProgrammeStore(std::unique_ptr<ProgressStore> store, Works works)
    : store_(std::move(store)), works_(std::move(works)) {}
ProgrammeStore::~ProgrammeStore() = default;

absl::StatusOr<std::unique_ptr<ProgrammeStore>> ProgrammeStore::Open(
    const std::string& path, WorksDirectory directory, WorkCalendar calendar, WorksPolicy policy,
    ProgrammeStoreOptions options, ProgressOpenReport* report) {
  RENEWAL_RETURN_IF_ERROR(RefuseOldJournal(path));
  RENEWAL_ASSIGN_OR_RETURN(Works works, Works::Create(std::move(directory), std::move(calendar),
                                                      std::move(policy)));
  ProgressStoreOptions po;
  po.policy = options.guard_policy;
  po.create = options.create;
  po.sync = options.sync;
  po.extensions = [&works](const ExtensionRecord& x, const Programme& p) {
    return ReplayRecord(x, p, works);
  };
  RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<ProgressStore> store,
                           ProgressStore::Open(path, std::move(po), report));
  return std::unique_ptr<ProgrammeStore>(new ProgrammeStore(std::move(store), std::move(works)));
}

absl::StatusOr<ProgrammeState> ProgrammeStore::Replay(const std::string& path,
                                                      WorksDirectory directory,
                                                      WorkCalendar calendar, WorksPolicy policy,
                                                      ProgressOpenReport* report) {
  RENEWAL_RETURN_IF_ERROR(RefuseOldJournal(path));
  RENEWAL_ASSIGN_OR_RETURN(Works works, Works::Create(std::move(directory), std::move(calendar),
                                                      std::move(policy)));
  RENEWAL_ASSIGN_OR_RETURN(
      Programme programme,
      ReplayProgress(path, report, [&works](const ExtensionRecord& x, const Programme& p) {
        return ReplayRecord(x, p, works);
      }));
  return ProgrammeState{std::move(programme), std::move(works)};
}

// One event: checked against the live states (no copies), appended, applied.
absl::Status ProgrammeStore::Record(const WorksEvent& event) {
  RENEWAL_RETURN_IF_ERROR(CheckWorksAgainstProgramme(event, store_->programme()));
  RENEWAL_RETURN_IF_ERROR(works_.Check(event));
  RENEWAL_RETURN_IF_ERROR(
      store_->AppendExtension({std::string(kWorksRecordTag), WorksEventToJson(event)}));
  return works_.Apply(event);
}

absl::Status ProgrammeStore::Record(const Event& event) {
  RENEWAL_RETURN_IF_ERROR(CheckEventAgainstWorks(event, works_));
  return store_->Record(event);
}

absl::Status ProgrammeStore::RecordAll(std::span<const ProgrammeLine> lines) {
  // Both areas check on copies in journal order (a works event may name a project
  // created by an earlier line); the progress store checks its events again as it
  // commits them all with one sync.
  Programme programme = store_->programme();
  Works works = works_;
  std::vector<ProgrammeRecord> records;
  records.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    absl::Status s;
    if (const auto* e = std::get_if<Event>(&lines[i])) {
      s = CheckEventAgainstWorks(*e, works);
      if (s.ok()) s = programme.Apply(*e);
      if (s.ok()) records.emplace_back(*e);
    } else {
      const WorksEvent& w = std::get<WorksEvent>(lines[i]);
      s = CheckWorksAgainstProgramme(w, programme);
      if (s.ok()) s = works.Apply(w);
      if (s.ok()) {
        records.emplace_back(ExtensionRecord{std::string(kWorksRecordTag), WorksEventToJson(w)});
      }
    }
    if (!s.ok()) return absl::Status(s.code(), StrCat("line ", i + 1, ": ", s.message()));
  }
  RENEWAL_RETURN_IF_ERROR(store_->Commit(records));
  works_ = std::move(works);
  return absl::OkStatus();
}

absl::Status ProgrammeStore::RecordAcceptanceEvidence(std::string_view project, Date on) {
  Event e;
  e.kind = EventKind::kEvidence;
  e.project = std::string(project);
  e.date = Yyyymmdd(on);
  RENEWAL_ASSIGN_OR_RETURN(e.evidence, EvidenceFromAcceptance(works_, project));
  return Record(e);
}

absl::Status ProgrammeStore::RecordInspectionEvidence(std::string_view inspection) {
  RENEWAL_ASSIGN_OR_RETURN(Evidence v, EvidenceFromInspection(works_, inspection));
  const InspectionRecorded& i = works_.inspections()[*works_.FindInspection(inspection)];
  Event e;
  e.kind = EventKind::kEvidence;
  e.project = i.project;
  e.date = Yyyymmdd(i.on);
  e.evidence = std::move(v);
  return Record(e);
}

absl::StatusOr<std::vector<WorksEvent>> ReadOldWorksJournal(const std::string& path) {
  RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<internal::MappedFile> image,
                           internal::MappedFile::Open(path));
  std::vector<WorksEvent> events;
  internal::JournalScan scan;
  absl::Status s = internal::ScanJournal(
      image->bytes(), kOldWorksJournal,
      [&](std::string_view payload, std::size_t index) -> absl::Status {
        if (index == 0) {
          if (payload != kOldHeader) {
            return absl::FailedPreconditionError("header: not a works journal of format version 1");
          }
          return absl::OkStatus();
        }
        absl::StatusOr<WorksEvent> e = ParseWorksEventJson(payload);
        if (!e.ok()) return absl::DataLossError(StrCat("record ", index, ": ", e.status().message()));
        events.push_back(*std::move(e));
        return absl::OkStatus();
      },
      &scan);
  if (!s.ok()) return absl::Status(s.code(), StrCat("journal \"", path, "\": ", s.message()));
  return events;
}

}  // namespace renewal
