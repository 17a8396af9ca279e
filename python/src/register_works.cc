// renewal._core.works: the works of a programme (renewal/works/*.h) and the
// working-day calendar (renewal/calendar/calendar.h). Reports come back as columns
// (numpy arrays for numbers, lists for text) that renewal/works.py makes frames of.
#include "bindings.h"

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <limits>
#include <optional>
#include <span>
#include <variant>
#include <string>
#include <vector>

#include "renewal/base/file.h"
#include "renewal/base/strcat.h"
#include "renewal/calendar/calendar.h"
#include "renewal/works/works_json.h"
#include "renewal/works/works_policy_json.h"
#include "renewal/works/works_store.h"
#include "renewal/works/works_report.h"

namespace renewal::python {
namespace {

template <class T>
py::array_t<T> Column(const std::vector<T>& v) {
  py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

WorkCalendar CalendarFrom(const std::optional<Text>& dir) {
  return ValueOrThrow(dir ? LoadCalendarDir(*dir) : BundledCalendar());
}

Date DateArg(const DateText& text, std::string_view name) {
  auto d = Date::Parse(text);
  if (!d.ok()) ThrowIfError(absl::InvalidArgumentError(StrCat(name, ": ", ToStd(d.status().message()))));
  return *d;
}

WorksDirectory DirectoryFrom(const Text& path) {
  std::string text = ValueOrThrow(internal::ReadFileToString(path));
  return ValueOrThrow(ParseWorksDirectoryJson(text));
}

std::string Deadline_(const DateText& start, std::int32_t amount, const Text& unit, bool roll,
                      const std::optional<Text>& calendar_dir) {
  const auto u = ParseLabel<DeadlineUnit>(unit);
  if (!u) ThrowIfError(absl::InvalidArgumentError(StrCat("unit: expected working_days or calendar_days, got \"", unit, "\"")));
  const WorkCalendar c = CalendarFrom(calendar_dir);
  return ValueOrThrow(Deadline(c, DateArg(start, "start"), {amount, *u, roll})).ToString();
}

WorksPolicy PolicyFrom(const Text& policy) { return ValueOrThrow(WorksPolicyFromOption(policy)); }

Works FromEvents(const Text& directory, const Text& events, const std::optional<Text>& calendar_dir,
                 const Text& policy) {
  Works w = ValueOrThrow(Works::Create(DirectoryFrom(directory), CalendarFrom(calendar_dir), PolicyFrom(policy)));
  std::string text = ValueOrThrow(internal::ReadFileToString(events));
  const auto list = ValueOrThrow(ParseWorksEventsJson(text));
  for (std::size_t i = 0; i < list.size(); ++i) {
    absl::Status s = w.Apply(list[i]);
    if (!s.ok()) ThrowIfError(absl::Status(s.code(), StrCat("events[", i, "]: ", ToStd(s.message()))));
  }
  return w;
}

Works Replay(const Text& directory, const Text& journal, const std::optional<Text>& calendar_dir,
             const Text& policy) {
  return ValueOrThrow(ProgrammeStore::Replay(journal, DirectoryFrom(directory), CalendarFrom(calendar_dir),
                                             PolicyFrom(policy)))
      .works;
}

std::unique_ptr<ProgrammeStore> OpenStore(const Text& path, const Text& directory, const Text& policy,
                                          const std::string& guard_policy, bool create, bool sync,
                                          const std::optional<Text>& calendar_dir) {
  ProgrammeStoreOptions o;
  o.guard_policy = guard_policy;
  o.create = create;
  o.sync = sync;
  return ValueOrThrow(ProgrammeStore::Open(path, DirectoryFrom(directory), CalendarFrom(calendar_dir),
                                           PolicyFrom(policy), o));
}

// "No date" in a days column: numpy's NaT, so the column converts to datetimes in one call.
constexpr std::int64_t kNoDay = std::numeric_limits<std::int64_t>::min();

py::dict OpenColumns(const Works& w, const DateText& as_of, bool overdue_only) {
  const auto cases = OpenCases(w, DateArg(as_of, "as_of"), overdue_only);
  py::list id, estate, district, state, step, tier, reason_zh, reason_en;
  std::vector<std::int32_t> days;
  std::vector<std::int64_t> due;  // days since 1970-01-01; kNoDay when there is no deadline
  for (const OpenCase& c : cases) {
    const Complaint& cp = w.complaint(c.complaint);
    id.append(std::string(w.complaint_id(c.complaint)));
    estate.append(w.directory().estates()[cp.estate].id);
    district.append(w.directory().districts()[w.directory().estate_district(cp.estate)]);
    state.append(std::string(KeyOf(c.state)));
    step.append(c.has_deadline ? py::object(py::str(std::string(KeyOf(c.step)))) : py::object(py::none()));
    due.push_back(c.has_deadline ? c.due.days() : kNoDay);
    tier.append(w.policy().complaints.tiers[c.tier].key);
    days.push_back(c.days_overdue);
    reason_zh.append(c.reason_zh);
    reason_en.append(c.reason_en);
  }
  py::dict d;
  d["id"] = id;
  d["estate"] = estate;
  d["district"] = district;
  d["state"] = state;
  d["step"] = step;
  d["due_days"] = Column(due);  // renewal.works.open_cases makes the datetimes
  d["days_overdue"] = Column(days);
  d["tier"] = tier;
  d["reason_zh"] = reason_zh;
  d["reason_en"] = reason_en;
  return d;
}

py::dict StatsColumns(const Works& w, const DateText& as_of, const Text& by) {
  if (by != "district" && by != "contractor") {
    ThrowIfError(absl::InvalidArgumentError(StrCat("by: expected district or contractor, got \"", by, "\"")));
  }
  const auto groups = StepStatsBy(w, by == "district" ? WorksGrouping::kDistrict : WorksGrouping::kContractor,
                                  DateArg(as_of, "as_of"));
  py::list key, step;
  std::vector<std::uint32_t> complaints, open, done, on_time, overdue;
  std::vector<double> rate, avg;
  for (const GroupStats& g : groups) {
    for (std::size_t s = 0; s < kComplaintStepCount; ++s) {
      const StepStats& st = g.steps[s];
      key.append(g.key);
      step.append(std::string(KeyOf(static_cast<ComplaintStep>(s))));
      complaints.push_back(g.complaints);
      open.push_back(g.open);
      done.push_back(st.done);
      on_time.push_back(st.on_time);
      overdue.push_back(st.overdue_pending);
      rate.push_back(st.on_time_rate());
      avg.push_back(st.average_days());
    }
  }
  py::dict d;
  d[py::str(std::string(by))] = key;
  d["step"] = step;
  d["complaints"] = Column(complaints);
  d["open"] = Column(open);
  d["done"] = Column(done);
  d["on_time"] = Column(on_time);
  d["overdue_pending"] = Column(overdue);
  d["on_time_rate"] = Column(rate);
  d["average_days"] = Column(avg);
  return d;
}

py::dict PublicColumns(const Works& w) {
  py::list id, estate, channel, category, state, complainant;
  std::vector<std::int64_t> filed;
  for (const PublicComplaint& p : PublicComplaintList(w)) {
    id.append(p.id);
    estate.append(p.estate);
    channel.append(std::string(KeyOf(p.channel)));
    category.append(p.category);
    state.append(std::string(KeyOf(p.state)));
    filed.push_back(p.filed.days());
    complainant.append(p.complainant);
  }
  py::dict d;
  d["id"] = id;
  d["estate"] = estate;
  d["channel"] = channel;
  d["category"] = category;
  d["state"] = state;
  d["filed_days"] = Column(filed);
  d["complainant"] = complainant;
  return d;
}

py::list ContractorRows(const Works& w) {
  py::list out;
  for (const ContractorRecord& r : ValueOrThrow(ContractorRecords(w))) {
    py::dict d;
    d["contractor"] = r.contractor;
    d["name"] = r.name;
    d["projects"] = r.projects;
    d["projects_accepted"] = r.projects_accepted;
    d["inspections"] = r.inspections;
    d["inspections_failed"] = r.inspections_failed;
    d["complaints"] = r.complaints;
    d["complaints_upheld"] = r.complaints_upheld;
    d["defects_in_warranty"] = r.defects_in_warranty;
    d["penalties"] = r.penalties;
    d["penalty_total_fen"] = r.penalty_total.fen();
    out.append(d);
  }
  return out;
}

std::string Repr(const Works& w) {
  std::size_t open = 0;
  for (std::size_t i = 0; i < w.complaint_count(); ++i) open += w.complaint(i).state != ComplaintState::kClosed;
  return StrCat("<renewal.works.Works: ", w.directory().projects().size(), " projects, ", w.complaint_count(),
                " complaints (", open, " open), ", w.change_orders().size(), " change orders>");
}

}  // namespace

void register_works(py::module_& m) {
  m.def("deadline", &Deadline_, py::arg("start"), py::arg("amount"), py::arg("unit") = "working_days",
        py::arg("roll_to_workday") = false, py::arg("calendar_dir") = py::none(),
        "The last day of a time limit on China's working-day calendar.\n\n"
        ":param start: the day it started, \"2025-01-24\" or a datetime.date (not counted).\n"
        ":param amount: days (>= 0).\n"
        ":param unit: \"working_days\" or \"calendar_days\".\n"
        ":param roll_to_workday: calendar days ending on a day off move to the next working day.\n"
        ":param calendar_dir: a folder of year files (default: the bundled years).\n"
        ":returns: the deadline as \"YYYY-MM-DD\".\n"
        ":raises OutOfRangeError: a day outside the loaded years.");
  m.def("calendar_years", [](const std::optional<Text>& dir) { return CalendarFrom(dir).years(); },
        py::arg("calendar_dir") = py::none(), "The years of the calendar (default: the bundled ones).");
  py::class_<Works>(m, "Works", "The works of a programme: complaints, change orders, acceptance, contractors.")
      .def_static("from_events", &FromEvents, py::arg("directory"), py::arg("events"),
                  py::arg("calendar_dir") = py::none(), py::arg("policy") = "default",
                  "Works built from a directory JSON file and an events JSON file (an array), in order.\n\n"
                  ":raises NotFoundError: an unknown estate, project or contractor.\n"
                  ":raises FailedPreconditionError: a step out of order.\n"
                  ":raises OutOfRangeError: a deadline outside the calendar.\n"
                  ":raises InvalidArgumentError: a bad field, amounts that do not add up.")
      .def_static("replay", &Replay, py::arg("directory"), py::arg("journal"), py::arg("calendar_dir") = py::none(),
                  py::arg("policy") = "default",
                  "Works replayed from a programme journal (the works' records among the progress events).\n\n"
                  ":param policy: \"default\" or a works policy JSON file (docs/schemas/works-policy.schema.json).")
      .def_property_readonly("complaint_count", &Works::complaint_count)
      .def("_open_columns", &OpenColumns, py::arg("as_of"), py::arg("overdue_only") = false)
      .def("_stats_columns", &StatsColumns, py::arg("as_of"), py::arg("by") = "district")
      .def("_public_columns", &PublicColumns)
      .def("contractors", &ContractorRows, "Each contractor's credit record as a dict.")
      .def("__repr__", &Repr);

  py::class_<ProgrammeStore, std::unique_ptr<ProgrammeStore>>(
      m, "ProgrammeStore",
      "A programme journal with its works, open for appending (one writer at a time): progress and\n"
      "works events in one file, in order.")
      .def_static("open", &OpenStore, py::arg("path"), py::arg("directory"), py::arg("policy") = "default",
                  py::arg("guard_policy") = "national_works", py::arg("create") = false, py::arg("sync") = true,
                  py::arg("calendar_dir") = py::none(),
                  "Locks and replays a programme journal; creates it when `create`.\n\n"
                  ":param directory: the works directory JSON file.\n"
                  ":param policy: \"default\" or a works policy JSON file.\n"
                  ":param guard_policy: the progress guard preset of a journal being created.\n"
                  ":raises FailedPreconditionError: another writer holds it, or an old WORK journal.\n"
                  ":raises DataLossError: a damaged journal.")
      .def(
          "record",
          [](ProgrammeStore& s, const Text& json) {
            const ProgrammeLine line = ValueOrThrow(ParseProgrammeLine(json, "event"));
            std::visit([&](const auto& e) { ThrowIfError(s.Record(e)); }, line);
          },
          py::arg("event_json"),
          "Checks, appends (synced) and applies one event: a works event (key \"event\") or a progress\n"
          "event (key \"kind\").")
      .def(
          "record_lines",
          [](ProgrammeStore& s, const Text& lines) {
            const std::vector<ProgrammeLine> parsed = ValueOrThrow(ParseProgrammeJsonLines(lines));
            ThrowIfError(s.RecordAll(parsed));
            return parsed.size();
          },
          py::arg("lines"), "Records JSON Lines of both kinds, all checked before any is written (one sync).")
      .def(
          "record_acceptance_evidence",
          [](ProgrammeStore& s, const Text& project, const DateText& on) {
            ThrowIfError(s.RecordAcceptanceEvidence(project, DateArg(on, "on")));
          },
          py::arg("project"), py::arg("on"),
          "Records the evidence the project's joint acceptance gives now (passed only when complete).")
      .def(
          "record_inspection_evidence",
          [](ProgrammeStore& s, const Text& inspection) { ThrowIfError(s.RecordInspectionEvidence(inspection)); },
          py::arg("inspection"), "Records the evidence a step inspection gives, dated on its day.")
      .def_property_readonly("works", &ProgrammeStore::works, py::return_value_policy::copy,
                             "A copy of the works as they stand.")
      .def_property_readonly("programme", &ProgrammeStore::programme, py::return_value_policy::copy,
                             "A copy of the progress programme as it stands.");
}

}  // namespace renewal::python
