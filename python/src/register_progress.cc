// renewal._core.progress: programme progress (项目进度). Events cross the boundary as
// their documented JSON records (docs/schemas/progress-event.schema.json), reports
// as their JSON or as columns (numpy int64, fen for money) for the DataFrames that
// python/renewal/progress.py builds.
#include "bindings.h"

#include <pybind11/numpy.h>

#include <memory>
#include <string>
#include <vector>

#include "renewal/progress/progress_json.h"
#include "renewal/progress/progress_report.h"
#include "renewal/progress/progress_store.h"

namespace renewal::python {
namespace {

template <class T>
py::array_t<T> Array(const std::vector<T>& v) {
  py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

Period PeriodArg(const std::string& text, const std::optional<DateText>& as_of) {
  int day = 0;
  if (as_of) day = ValueOrThrow(ParseProgressDate(*as_of));
  return ValueOrThrow(ParsePeriod(text, day));
}

ProgressReport Report(const Programme& p, const std::string& period,
                      const std::optional<DateText>& as_of, const std::string& level) {
  return ValueOrThrow(
      BuildReport(p, PeriodArg(period, as_of), LabelArg<ReportLevel>(level, "level")));
}

// The report's rows (then the total, named "合计") as columns.
py::dict Columns(const ProgressReport& r) {
  std::vector<std::string> province, city, district, street, project, estate;
  std::vector<std::int64_t> projects, ep, hp, es, hs, ec, hc, esp, hsp, ecp, hcp, esb, hsb,
      received, paid, unspent, benefited;
  std::vector<std::uint8_t> amounts;
  const auto add = [&](const ReportRow& x, bool total) {
    province.push_back(total ? "合计" : x.province);
    city.push_back(x.city);
    district.push_back(x.district);
    street.push_back(x.street);
    project.push_back(x.project);
    estate.push_back(x.estate);
    for (auto [col, v] : {std::pair{&projects, x.projects}, {&ep, x.estates_planned},
                          {&hp, x.households_planned}, {&es, x.estates_started},
                          {&hs, x.households_started}, {&ec, x.estates_completed},
                          {&hc, x.households_completed}, {&esp, x.estates_started_in_period},
                          {&hsp, x.households_started_in_period},
                          {&ecp, x.estates_completed_in_period},
                          {&hcp, x.households_completed_in_period},
                          {&esb, x.estates_started_before}, {&hsb, x.households_started_before},
                          {&received, x.received_total.fen()}, {&paid, x.paid_total.fen()},
                          {&unspent, x.unspent().fen()},
                          {&benefited, x.outcomes.households_benefited}}) {
      col->push_back(v);
    }
    amounts.push_back(x.has_amounts ? 1 : 0);
  };
  for (const ReportRow& x : r.rows) add(x, false);
  add(r.total, true);
  py::dict c;
  c["province"] = province;
  c["city"] = city;
  c["district"] = district;
  c["street"] = street;
  c["project"] = project;
  c["estate"] = estate;
  c["projects"] = Array(projects);
  c["estates_planned"] = Array(ep);
  c["households_planned"] = Array(hp);
  c["estates_started"] = Array(es);
  c["households_started"] = Array(hs);
  c["estates_completed"] = Array(ec);
  c["households_completed"] = Array(hc);
  c["estates_started_in_period"] = Array(esp);
  c["households_started_in_period"] = Array(hsp);
  c["estates_completed_in_period"] = Array(ecp);
  c["households_completed_in_period"] = Array(hcp);
  c["estates_started_before"] = Array(esb);
  c["households_started_before"] = Array(hsb);
  c["households_benefited"] = Array(benefited);
  c["received_fen"] = Array(received);
  c["paid_fen"] = Array(paid);
  c["received_not_spent_fen"] = Array(unspent);
  c["has_amounts"] = Array(amounts);
  return c;
}

}  // namespace

void register_progress(py::module_& m) {
  py::class_<Programme>(m, "Programme",
                        "Every project of a programme and where it stands (replayed from a journal).")
      .def_static(
          "replay", [](const Text& path) { return ValueOrThrow(ReplayProgress(path)); },
          py::arg("path"),
          "Replays a journal read-only.\n\n:param path: the journal file\n:returns: the Programme\n"
          ":raises renewal.NotFoundError: no such file\n:raises renewal.DataLossError: a damaged journal")
      .def_static(
          "empty", [](const Text& policy) { return Programme(ValueOrThrow(GuardPreset(policy))); },
          py::arg("policy") = "national", "An empty programme under a guard preset (national, national_works, yueyang).")
      .def(
          "apply",
          [](Programme& p, const Text& json) {
            ThrowIfError(p.Apply(ValueOrThrow(ParseEventJson(json))));
          },
          py::arg("event_json"),
          "Checks and applies one event (its JSON record); a refused event changes nothing.\n\n"
          ":raises renewal.NotFoundError: unknown project or evidence\n"
          ":raises renewal.FailedPreconditionError: stage out of order, guard not met\n"
          ":raises renewal.InvalidArgumentError: a bad value or date")
      .def_property_readonly("event_count", &Programme::event_count)
      .def_property_readonly("project_count", [](const Programme& p) { return p.projects().size(); })
      .def_property_readonly("policy", [](const Programme& p) { return p.policy().name; })
      .def(
          "stage",
          [](const Programme& p, const Text& project) {
            const ProjectState* s = p.Find(project);
            if (s == nullptr) {
              ThrowStatus(absl::NotFoundError("project: no project \"" + std::string(project) + "\""));
            }
            return std::string(KeyOf(s->stage));
          },
          py::arg("project"), "The project's current stage key.")
      .def(
          "report_json",
          [](const Programme& p, const Text& period, const std::string& level,
             std::optional<DateText> as_of) { return ReportToJson(Report(p, period, as_of, level)); },
          py::arg("period"), py::arg("level") = "district", py::arg("as_of") = py::none(),
          "The report as JSON (docs/schemas/progress-report.schema.json).\n\n"
          ":param period: 2024-03, 2024Q1, 2024 or cumulative (with as_of)\n"
          ":raises renewal.InvalidArgumentError: a period that does not parse")
      .def(
          "_report_columns",
          [](const Programme& p, const Text& period, const std::string& level,
             std::optional<DateText> as_of) { return Columns(Report(p, period, as_of, level)); },
          py::arg("period"), py::arg("level") = "district", py::arg("as_of") = py::none(),
          "The report's rows and total as columns (see renewal.progress.report_frame).")
      .def(
          "rank_json",
          [](const Programme& p, const Text& period, std::optional<std::string> by,
             std::optional<DateText> as_of) {
            std::vector<RankMeasure> measures;
            if (by) measures = ValueOrThrow(ParseRankMeasures(*by));
            return RankingToJson(ValueOrThrow(RankDistricts(p, PeriodArg(period, as_of), measures)));
          },
          py::arg("period"), py::arg("by") = py::none(), py::arg("as_of") = py::none(),
          "The district ranking as JSON (docs/schemas/progress-ranking.schema.json).")
      .def(
          "overdue_json",
          [](const Programme& p, const Text& limits, const DateText& as_of) {
            const int day = ValueOrThrow(ParseProgressDate(as_of));
            const OverduePolicy policy = ValueOrThrow(ParseOverdueLimits(limits));
            const std::vector<OverdueProject> o = FindOverdue(p, policy, day);
            return OverdueToJson(o, day);
          },
          py::arg("limits"), py::arg("as_of"),
          "Overdue projects as JSON (docs/schemas/progress-overdue.schema.json).");

  py::class_<ProgressStore, std::unique_ptr<ProgressStore>>(
      m, "Store", "A programme kept in a journal file, open for appending (one writer at a time).")
      .def_static(
          "open",
          [](const Text& path, const std::string& policy, bool create, bool sync) {
            ProgressStoreOptions o;
            o.policy = policy;
            o.create = create;
            o.sync = sync;
            return ValueOrThrow(ProgressStore::Open(path, o));
          },
          py::arg("path"), py::arg("policy") = "national", py::arg("create") = false,
          py::arg("sync") = true,
          "Locks and replays a journal; creates it when `create`.\n\n"
          ":raises renewal.FailedPreconditionError: another writer holds it\n"
          ":raises renewal.DataLossError: a damaged journal")
      .def(
          "record",
          [](ProgressStore& s, const Text& json) {
            ThrowIfError(s.Record(ValueOrThrow(ParseEventJson(json))));
          },
          py::arg("event_json"), "Checks, appends (synced) and applies one event (its JSON record).")
      .def(
          "record_lines",
          [](ProgressStore& s, const Text& lines) {
            const std::vector<Event> events = ValueOrThrow(ParseEventJsonLines(lines));
            ThrowIfError(s.RecordAll(events));
            return events.size();
          },
          py::arg("lines"), "Records JSON Lines, all checked before any is written; returns how many.")
      .def_property_readonly("programme", &ProgressStore::programme,
                             py::return_value_policy::reference_internal)
      .def_property_readonly("path", &ProgressStore::path);

  m.def(
      "export_lines",
      [](const Text& path) { return RecordsToJsonLines(ValueOrThrow(ReadProgrammeRecords(path))); },
      py::arg("path"), "Every record of a journal as JSON Lines, the works' among the events.");
}

}  // namespace renewal::python
