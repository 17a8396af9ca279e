// `renewal works ACTION DIRECTORY JOURNAL [options]`: the works of a programme, kept in
// the programme's journal with its progress events (works_store.h) — record events,
// import JSON Lines of both kinds, record acceptance evidence, move an old WORK journal
// in, list open and overdue complaints, on-time rates by district or contractor, the
// public list, contractors' records.
#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string>

#include "command.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/works/works_evidence.h"
#include "renewal/works/works_json.h"
#include "renewal/works/works_policy_json.h"
#include "renewal/works/works_store.h"
#include "renewal/works/works_report.h"

namespace renewal::cli {
namespace {

std::string J(std::string_view s) {
  std::string out;
  internal::AppendJsonString(out, s);
  return out;
}

absl::StatusOr<Date> DateOption(const Args& args, std::string_view name) {
  auto v = args.option(name);
  if (!v) return UsageError(StrCat("--", name, " DATE is required"));
  auto d = Date::Parse(*v);
  if (!d.ok()) return absl::InvalidArgumentError(StrCat("--", name, ": ", ToStd(d.status().message())));
  return d;
}

struct Inputs {
  WorksDirectory directory;
  WorkCalendar calendar;
  WorksPolicy policy;
  std::string journal;
};

absl::StatusOr<Inputs> ReadInputs(const Args& args) {
  if (args.positional().size() != 3) {
    return UsageError(StrCat("usage: renewal works ", args.positional().empty() ? "ACTION" : args.positional()[0],
                             " DIRECTORY JOURNAL [options]"));
  }
  Inputs in;
  RENEWAL_ASSIGN_OR_RETURN(std::string text, ReadInput(args.positional()[1]));
  auto dir = ParseWorksDirectoryJson(text);
  if (!dir.ok()) return absl::Status(dir.status().code(), StrCat(args.positional()[1], ": ", ToStd(dir.status().message())));
  in.directory = *std::move(dir);
  if (auto c = args.option("calendar")) {
    RENEWAL_ASSIGN_OR_RETURN(in.calendar, LoadCalendarDir(*c));
  } else {
    RENEWAL_ASSIGN_OR_RETURN(in.calendar, BundledCalendar());
  }
  RENEWAL_ASSIGN_OR_RETURN(in.policy, WorksPolicyFromOption(args.option("policy").value_or("default")));
  in.journal = args.positional()[2];
  return in;
}

absl::StatusOr<Works> ReplayWorks(const Args& args) {
  RENEWAL_ASSIGN_OR_RETURN(Inputs in, ReadInputs(args));
  RENEWAL_ASSIGN_OR_RETURN(ProgrammeState state,
                           ProgrammeStore::Replay(in.journal, std::move(in.directory),
                                                  std::move(in.calendar), std::move(in.policy)));
  return std::move(state.works);
}

// The programme's journal must exist: the works hang off its projects.
absl::StatusOr<std::unique_ptr<ProgrammeStore>> OpenStore(Inputs in) {
  if (!std::filesystem::exists(in.journal)) {
    return absl::NotFoundError(StrCat("journal \"", in.journal,
                                      "\": no such programme journal (create it with renewal "
                                      "progress init JOURNAL --policy national_works)"));
  }
  return ProgrammeStore::Open(in.journal, std::move(in.directory), std::move(in.calendar),
                              std::move(in.policy));
}

absl::Status PrintRecorded(const Args& args, std::ostream& out, std::size_t recorded,
                           const ProgrammeStore& s) {
  if (args.flag("json")) {
    out << "{\"recorded\":" << recorded << ",\"events\":" << s.programme().event_count()
        << ",\"complaints\":" << s.works().complaint_count() << "}\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (lang == Lang::kZh) {
    out << "已记录 " << recorded << " 条，" << args.positional()[2] << " 共有进度事件 "
        << s.programme().event_count() << " 条、投诉 " << s.works().complaint_count() << " 件\n";
  } else {
    out << "recorded " << recorded << ", " << args.positional()[2] << " now holds "
        << s.programme().event_count() << " progress events and "
        << s.works().complaint_count() << " complaints\n";
  }
  return absl::OkStatus();
}

absl::Status Record(const Args& args, std::ostream& out) {
  RENEWAL_ASSIGN_OR_RETURN(Inputs in, ReadInputs(args));
  auto events_path = args.option("events");
  if (!events_path) return UsageError("--events FILE is required");
  RENEWAL_ASSIGN_OR_RETURN(std::string text, ReadInput(*events_path));
  auto events = ParseWorksEventsJson(text);
  if (!events.ok()) return absl::Status(events.status().code(), StrCat(*events_path, ": ", ToStd(events.status().message())));
  // All or nothing: every event is checked on copies, then all are written with one sync.
  RENEWAL_ASSIGN_OR_RETURN(auto store, OpenStore(std::move(in)));
  std::vector<ProgrammeLine> lines(events->begin(), events->end());
  if (absl::Status s = store->RecordAll(lines); !s.ok()) {
    // RecordAll names the line (1-based); the file is an array, so name its index.
    std::string message(ToStd(s.message()));
    if (message.rfind("line ", 0) == 0) {
      const std::size_t colon = message.find(':');
      const std::size_t n = std::stoul(message.substr(5, colon - 5));
      message = StrCat("events[", n - 1, "]", message.substr(colon));
    }
    return absl::Status(s.code(), StrCat(*events_path, " ", message));
  }
  return PrintRecorded(args, out, lines.size(), *store);
}

// JSON Lines of progress and works events, in order, all checked before any is written.
absl::Status Import(const Args& args, std::ostream& out) {
  RENEWAL_ASSIGN_OR_RETURN(Inputs in, ReadInputs(args));
  auto path = args.option("events");
  if (!path) return UsageError("--events FILE.jsonl is required");
  RENEWAL_ASSIGN_OR_RETURN(std::string text, ReadInput(*path));
  auto lines = ParseProgrammeJsonLines(text);
  if (!lines.ok()) return absl::Status(lines.status().code(), StrCat(*path, ": ", ToStd(lines.status().message())));
  RENEWAL_ASSIGN_OR_RETURN(auto store, OpenStore(std::move(in)));
  if (absl::Status s = store->RecordAll(*lines); !s.ok()) {
    return absl::Status(s.code(), StrCat(*path, ": ", ToStd(s.message())));
  }
  return PrintRecorded(args, out, lines->size(), *store);
}

// The evidence a joint acceptance (--project, --date) or a step inspection
// (--inspection) gives, recorded for the progress transitions to cite.
absl::Status EvidenceAction(const Args& args, std::ostream& out) {
  RENEWAL_ASSIGN_OR_RETURN(Inputs in, ReadInputs(args));
  const auto project = args.option("project");
  const auto inspection = args.option("inspection");
  if (project.has_value() == inspection.has_value()) {
    return UsageError("give --project P --date D (joint acceptance) or --inspection ID");
  }
  RENEWAL_ASSIGN_OR_RETURN(auto store, OpenStore(std::move(in)));
  if (project) {
    RENEWAL_ASSIGN_OR_RETURN(Date on, DateOption(args, "date"));
    RENEWAL_RETURN_IF_ERROR(store->RecordAcceptanceEvidence(*project, on));
  } else {
    RENEWAL_RETURN_IF_ERROR(store->RecordInspectionEvidence(*inspection));
  }
  return PrintRecorded(args, out, 1, *store);
}

// Moves the events of an old WORK journal into the programme's journal.
absl::Status Migrate(const Args& args, std::ostream& out) {
  RENEWAL_ASSIGN_OR_RETURN(Inputs in, ReadInputs(args));
  auto from = args.option("from");
  if (!from) return UsageError("--from OLD_JOURNAL is required");
  RENEWAL_ASSIGN_OR_RETURN(std::vector<WorksEvent> events, ReadOldWorksJournal(*from));
  RENEWAL_ASSIGN_OR_RETURN(auto store, OpenStore(std::move(in)));
  std::vector<ProgrammeLine> lines(events.begin(), events.end());
  if (absl::Status s = store->RecordAll(lines); !s.ok()) {
    return absl::Status(s.code(), StrCat(*from, ": ", ToStd(s.message())));
  }
  return PrintRecorded(args, out, lines.size(), *store);
}

absl::Status Open(const Args& args, std::ostream& out) {
  RENEWAL_ASSIGN_OR_RETURN(Works w, ReplayWorks(args));
  RENEWAL_ASSIGN_OR_RETURN(Date as_of, DateOption(args, "as-of"));
  const bool overdue = args.flag("overdue");
  const auto cases = OpenCases(w, as_of, overdue);
  const auto& tiers = w.policy().complaints.tiers;
  if (args.flag("json")) {
    out << "{\"as_of\":\"" << as_of.ToString() << "\",\"open_cases\":[";
    for (std::size_t k = 0; k < cases.size(); ++k) {
      const OpenCase& c = cases[k];
      const Complaint& cp = w.complaint(c.complaint);
      out << (k ? "," : "") << "{\"id\":" << J(w.complaint_id(c.complaint))
          << ",\"estate\":" << J(w.directory().estates()[cp.estate].id)
          << ",\"district\":" << J(w.directory().districts()[w.directory().estate_district(cp.estate)])
          << ",\"state\":\"" << KeyOf(c.state) << "\",\"tier\":" << J(tiers[c.tier].key);
      if (c.has_deadline) {
        out << ",\"step\":\"" << KeyOf(c.step) << "\",\"due\":\"" << c.due.ToString()
            << "\",\"days_overdue\":" << c.days_overdue;
      }
      out << ",\"reason_zh\":" << J(c.reason_zh) << ",\"reason_en\":" << J(c.reason_en) << "}";
    }
    out << "]}\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  const bool zh = lang == Lang::kZh;
  if (zh) {
    out << "截至 " << as_of.ToString() << (overdue ? " 逾期" : " 未办结") << "：" << cases.size()
        << " 件\n";
  } else {
    out << (overdue ? "overdue" : "open") << " as of " << as_of.ToString() << ": " << cases.size()
        << " cases\n";
  }
  for (const OpenCase& c : cases) {
    out << "  " << w.complaint_id(c.complaint) << "  " << (zh ? ZhOf(c.state) : EnOf(c.state));
    if (c.has_deadline) {
      out << (zh ? "  期限 " : "  due ") << c.due.ToString();
      if (c.days_overdue > 0) {
        out << (zh ? "  逾期 " : "  overdue ") << c.days_overdue << (zh ? " 天" : " days");
      }
    }
    out << "  [" << (zh ? tiers[c.tier].zh : tiers[c.tier].en) << "]\n";
  }
  return absl::OkStatus();
}

absl::Status Stats(const Args& args, std::ostream& out) {
  RENEWAL_ASSIGN_OR_RETURN(Works w, ReplayWorks(args));
  RENEWAL_ASSIGN_OR_RETURN(Date as_of, DateOption(args, "as-of"));
  const std::string by = args.option("by").value_or("district");
  if (by != "district" && by != "contractor") {
    return absl::InvalidArgumentError(StrCat("--by: expected district or contractor, got \"", by, "\""));
  }
  const auto groups = StepStatsBy(w, by == "district" ? WorksGrouping::kDistrict : WorksGrouping::kContractor, as_of);
  if (args.flag("json")) {
    out << "{\"as_of\":\"" << as_of.ToString() << "\",\"by\":\"" << by << "\",\"groups\":[";
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const GroupStats& gs = groups[g];
      out << (g ? "," : "") << "{\"key\":" << J(gs.key) << ",\"complaints\":" << gs.complaints
          << ",\"open\":" << gs.open << ",\"steps\":{";
      for (std::size_t s = 0; s < kComplaintStepCount; ++s) {
        const StepStats& st = gs.steps[s];
        out << (s ? "," : "") << "\"" << KeyOf(static_cast<ComplaintStep>(s)) << "\":{\"done\":" << st.done
            << ",\"on_time\":" << st.on_time << ",\"overdue_pending\":" << st.overdue_pending
            << ",\"on_time_rate\":" << st.on_time_rate() << ",\"average_days\":" << st.average_days() << "}";
      }
      out << "}}";
    }
    out << "]}\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  const bool zh = lang == Lang::kZh;
  if (zh) {
    out << "截至 " << as_of.ToString() << " 按" << (by == "district" ? "区县" : "施工单位")
        << "统计的按时率（受理 / 化解处理 / 回访核实：按时率 / 平均天数）\n";
  } else {
    out << "on-time rates as of " << as_of.ToString() << " by " << by
        << " (acceptance / resolution / follow-up: on-time rate / average days)\n";
  }
  for (const GroupStats& gs : groups) {
    if (zh) {
      out << "  " << (gs.key.empty() ? "（无项目）" : gs.key) << "  件数 " << gs.complaints
          << "，未办结 " << gs.open;
    } else {
      out << "  " << (gs.key.empty() ? "(no project)" : gs.key) << "  cases " << gs.complaints
          << ", open " << gs.open;
    }
    for (std::size_t s = 0; s < kComplaintStepCount; ++s) {
      const StepStats& st = gs.steps[s];
      char buf[64];
      std::snprintf(buf, sizeof buf, "  %.1f%% / %.1f", 100 * st.on_time_rate(), st.average_days());
      out << buf;
    }
    out << "\n";
  }
  return absl::OkStatus();
}

absl::Status Public(const Args& args, std::ostream& out) {
  RENEWAL_ASSIGN_OR_RETURN(Works w, ReplayWorks(args));
  const auto list = PublicComplaintList(w);
  if (args.flag("json")) {
    out << "{\"complaints\":[";
    for (std::size_t k = 0; k < list.size(); ++k) {
      const PublicComplaint& p = list[k];
      out << (k ? "," : "") << "{\"id\":" << J(p.id) << ",\"estate\":" << J(p.estate) << ",\"channel\":\""
          << KeyOf(p.channel) << "\",\"category\":" << J(p.category) << ",\"state\":\"" << KeyOf(p.state)
          << "\",\"filed\":\"" << p.filed.ToString() << "\",\"complainant\":" << J(p.complainant) << "}";
    }
    out << "]}\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  const bool zh = lang == Lang::kZh;
  if (zh) {
    out << "矛盾化解公示（" << list.size() << " 件）\n";
  } else {
    out << "complaints and disputes, public list (" << list.size() << " cases)\n";
  }
  for (const PublicComplaint& p : list) {
    out << "  " << p.id << "  " << p.estate << "  " << (zh ? ZhOf(p.channel) : EnOf(p.channel))
        << "  " << p.category << "  " << p.filed.ToString() << "  " << p.complainant << "  "
        << (zh ? ZhOf(p.state) : EnOf(p.state)) << "\n";
  }
  return absl::OkStatus();
}

absl::Status Contractors(const Args& args, std::ostream& out) {
  RENEWAL_ASSIGN_OR_RETURN(Works w, ReplayWorks(args));
  RENEWAL_ASSIGN_OR_RETURN(std::vector<ContractorRecord> records, ContractorRecords(w));
  if (args.flag("json")) {
    out << "{\"contractors\":[";
    for (std::size_t k = 0; k < records.size(); ++k) {
      const ContractorRecord& r = records[k];
      out << (k ? "," : "") << "{\"id\":" << J(r.contractor) << ",\"name\":" << J(r.name)
          << ",\"projects\":" << r.projects << ",\"projects_accepted\":" << r.projects_accepted
          << ",\"inspections\":" << r.inspections << ",\"inspections_failed\":" << r.inspections_failed
          << ",\"complaints\":" << r.complaints << ",\"complaints_upheld\":" << r.complaints_upheld
          << ",\"defects_in_warranty\":" << r.defects_in_warranty << ",\"penalties\":" << r.penalties
          << ",\"penalty_total\":\"" << r.penalty_total.ToYuanString() << "\"}";
    }
    out << "]}\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (lang == Lang::kZh) {
    out << "施工单位信用档案\n";
    for (const ContractorRecord& r : records) {
      out << "  " << r.contractor << " " << r.name << "：项目 " << r.projects << " 个（已验收 "
          << r.projects_accepted << "），验收不合格 " << r.inspections_failed << "/"
          << r.inspections << "，投诉属实 " << r.complaints_upheld << "/" << r.complaints
          << "，保修期内缺陷 " << r.defects_in_warranty << "，处罚 "
          << r.penalties << " 次（" << r.penalty_total.ToYuanString() << " 元）\n";
    }
    return absl::OkStatus();
  }
  out << "contractors' credit records\n";
  for (const ContractorRecord& r : records) {
    out << "  " << r.contractor << " " << r.name << ": " << r.projects << " projects ("
        << r.projects_accepted << " accepted), inspections failed " << r.inspections_failed << "/"
        << r.inspections << ", complaints upheld " << r.complaints_upheld << "/" << r.complaints
        << ", defects in warranty " << r.defects_in_warranty << ", penalties " << r.penalties
        << " (" << r.penalty_total.ToYuanString() << " yuan)\n";
  }
  return absl::OkStatus();
}

struct Action {
  std::string_view name;
  std::string_view summary;
  absl::Status (*run)(const Args&, std::ostream&);
};

constexpr Action kActions[] = {
    {"record", "check every works event of a JSON array, then append them all to the programme journal", Record},
    {"import", "JSON Lines of progress and works events, all checked before any is written", Import},
    {"evidence", "record the evidence a joint acceptance or a step inspection gives", EvidenceAction},
    {"migrate", "move the events of an old WORK journal into the programme journal", Migrate},
    {"open", "complaints not closed (with --overdue: past their deadline)", Open},
    {"stats", "on-time rate and average days per step, by district or contractor", Stats},
    {"public", "the public list of complaints, names masked", Public},
    {"contractors", "each contractor's credit record", Contractors},
};

absl::Status Run(const Args& args, std::ostream& out) {
  if (args.positional().empty()) return UsageError("usage: renewal works ACTION DIRECTORY JOURNAL [options]");
  for (const Action& a : kActions) {
    if (args.positional()[0] == a.name) return a.run(args, out);
  }
  return UsageError(StrCat("renewal works: unknown action \"", args.positional()[0], "\""));
}

std::vector<OptionSpec> ActionOptions(std::string_view action) {
  std::vector<OptionSpec> o = {{"--calendar", "DIR", "a folder of working-day calendar year files",
                                "the bundled years"},
                               {"--policy", "default|FILE.json",
                                "the works policy: the presets, or a file (docs/schemas/works-policy.schema.json)",
                                "default"}};
  if (action == "record") o.push_back({"--events", "FILE", "required: a JSON array of events (\"-\": stdin)", ""});
  if (action == "import") o.push_back({"--events", "FILE.jsonl", "required: progress and works events, one per line", ""});
  if (action == "evidence") {
    o.push_back({"--project", "ID", "the project whose joint acceptance is evidence", ""});
    o.push_back({"--date", "DATE", "with --project: the day the evidence is recorded", ""});
    o.push_back({"--inspection", "ID", "a step inspection as evidence (dated on its day)", ""});
  }
  if (action == "migrate") o.push_back({"--from", "FILE", "required: the old WORK journal", ""});
  if (action == "open" || action == "stats") o.push_back({"--as-of", "DATE", "required: the day of the report", ""});
  if (action == "open") o.push_back({"--overdue", "", "only cases past their deadline", ""});
  if (action == "stats") o.push_back({"--by", "district|contractor", "how to group", "district"});
  o.push_back(JsonOption());
  return o;
}

Command WorksCommand() {
  Command c;
  c.name = "works";
  c.usage = "works ACTION DIRECTORY JOURNAL [options]";
  c.summary = "The works: complaints with deadlines, change orders, acceptance, contractors (in the programme journal).";
  c.run = Run;
  c.example = "works record examples/works/directory.json works.journal --events examples/works/events.json";
  for (const Action& a : kActions) {
    Command action;
    action.name = std::string(a.name);
    action.usage = StrCat("works ", a.name, " DIRECTORY JOURNAL [options]");
    action.summary = std::string(a.summary);
    action.options = ActionOptions(a.name);
    action.positionals = "DIRECTORY JOURNAL: the works directory JSON (\"-\": stdin) and the journal file";
    std::string_view extra = "";
    if (a.name == "open" || a.name == "stats") extra = " --as-of 2025-03-31";
    if (a.name == "import") extra = " --events examples/works/projects.jsonl";
    if (a.name == "evidence") extra = " --project P-1 --date 2025-03-11";
    if (a.name == "migrate") extra = " --from old-works.journal";
    action.example = a.name == "record" ? c.example
                                        : StrCat("works ", a.name, " examples/works/directory.json works.journal", extra);
    c.actions.push_back(std::move(action));
  }
  return c;
}

const bool registered = RegisterCommand(WorksCommand());

}  // namespace
}  // namespace renewal::cli
