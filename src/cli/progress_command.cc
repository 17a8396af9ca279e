// `renewal progress ACTION JOURNAL ...`: programme progress from the command line
// (docs/progress.md). The file is progress_command.cc because progress.cc is the
// terminal progress line. Writing actions open the journal (only `init` creates
// one) and append only after every event is checked; reading actions replay it.
#include <algorithm>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "command.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/progress/progress_json.h"
#include "renewal/progress/progress_report.h"
#include "renewal/progress/progress_store.h"
#include "table.h"

namespace renewal::cli {
namespace {

struct ProgressCall {
  const Args& args;
  const std::string& journal;
  bool json;
  std::ostream& out;
  Lang lang;  // human output: wholly Chinese or wholly English
};

struct ProgressAction {
  std::string_view name;
  std::string_view usage;
  std::string_view summary;
  absl::Status (*run)(const ProgressCall&);
};

absl::StatusOr<std::string> Required(const Args& a, std::string_view name) {
  std::optional<std::string> v = a.option(name);
  if (!v) return absl::InvalidArgumentError(StrCat("--", name, ": required"));
  return *v;
}

absl::StatusOr<int> DateOption(const Args& a, std::string_view name) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, Required(a, name));
  absl::StatusOr<int> d = ParseProgressDate(text);
  if (!d.ok()) return absl::InvalidArgumentError(StrCat("--", name, ": ", d.status().message()));
  return *d;
}

void Warn(const ProgressOpenReport& report, bool writing) {
  if (report.torn_bytes == 0) return;
  std::cerr << "renewal progress: " << report.message
            << (writing ? " (cut off when the next event is written; its bytes are kept in "
                          "JOURNAL.torn-OFFSET)\n"
                        : " (ignored)\n");
}

void PrintRecorded(const ProgressCall& c, std::string_view what, std::size_t n,
                   const Programme& p) {
  if (c.json) {
    c.out << "{\"ok\":true,\"action\":\"" << what << "\",\"recorded\":" << n
          << ",\"events\":" << p.event_count() << ",\"projects\":" << p.projects().size() << "}\n";
  } else if (c.lang == Lang::kZh) {
    c.out << "已记录 " << n << " 条事件（共 " << p.event_count() << " 条，"
          << p.projects().size() << " 个项目）\n";
  } else {
    c.out << "recorded " << n << " events (" << p.event_count() << " in all, "
          << p.projects().size() << " projects)\n";
  }
}

absl::StatusOr<std::unique_ptr<ProgressStore>> OpenStore(const ProgressCall& c, bool create) {
  ProgressStoreOptions o;
  o.create = create;
  if (auto policy = c.args.option("policy")) o.policy = *policy;
  ProgressOpenReport report;
  RENEWAL_ASSIGN_OR_RETURN(std::unique_ptr<ProgressStore> store,
                           ProgressStore::Open(c.journal, o, &report));
  Warn(report, true);
  return store;
}

absl::StatusOr<Programme> Replay(const ProgressCall& c) {
  ProgressOpenReport report;
  RENEWAL_ASSIGN_OR_RETURN(Programme p, ReplayProgress(c.journal, &report));
  Warn(report, false);
  return p;
}

absl::Status Init(const ProgressCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(auto store, OpenStore(c, true));
  PrintRecorded(c, "init", 0, store->programme());
  return absl::OkStatus();
}

// Events from a JSON Lines file (or stdin), all checked before any is written.
absl::Status Import(const ProgressCall& c) {
  const auto& pos = c.args.positional();
  if (pos.size() != 3) return UsageError("usage: renewal progress import JOURNAL EVENTS.jsonl");
  RENEWAL_ASSIGN_OR_RETURN(std::string text, ReadInput(pos[2]));
  absl::StatusOr<std::vector<Event>> events = ParseEventJsonLines(text);
  if (!events.ok()) {
    return absl::Status(events.status().code(), StrCat(pos[2], ": ", events.status().message()));
  }
  RENEWAL_ASSIGN_OR_RETURN(auto store, OpenStore(c, false));
  RENEWAL_RETURN_IF_ERROR(store->RecordAll(*events));
  PrintRecorded(c, "import", events->size(), store->programme());
  return absl::OkStatus();
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (!text.empty() && pos <= text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    out.emplace_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// --project P --stage S --date D [--evidence ID,ID] [--mode M]; `correct` takes
// --reason instead of evidence.
absl::Status StageEvent(const ProgressCall& c, EventKind kind) {
  Event e;
  e.kind = kind;
  RENEWAL_ASSIGN_OR_RETURN(e.project, Required(c.args, "project"));
  RENEWAL_ASSIGN_OR_RETURN(std::string stage, Required(c.args, "stage"));
  std::optional<Stage> s = ParseLabel<Stage>(stage);
  if (!s) return absl::InvalidArgumentError(StrCat("--stage: unknown stage \"", stage, "\""));
  e.stage = *s;
  RENEWAL_ASSIGN_OR_RETURN(e.date, DateOption(c.args, "date"));
  if (auto ev = c.args.option("evidence")) e.cites = SplitList(*ev);
  if (auto mode = c.args.option("mode")) {
    e.mode = ParseLabel<ManagementMode>(*mode);
    if (!e.mode) return absl::InvalidArgumentError(StrCat("--mode: unknown mode \"", *mode, "\""));
  }
  if (kind == EventKind::kCorrection) {
    RENEWAL_ASSIGN_OR_RETURN(e.reason, Required(c.args, "reason"));
  }
  RENEWAL_ASSIGN_OR_RETURN(auto store, OpenStore(c, false));
  RENEWAL_RETURN_IF_ERROR(store->Record(e));
  PrintRecorded(c, kind == EventKind::kCorrection ? "correct" : "transition", 1, store->programme());
  return absl::OkStatus();
}

absl::Status Transition(const ProgressCall& c) { return StageEvent(c, EventKind::kTransition); }
absl::Status Correct(const ProgressCall& c) { return StageEvent(c, EventKind::kCorrection); }

absl::Status Export(const ProgressCall& c) {
  ProgressOpenReport report;
  // Every record, the works' among the events (docs/works.md): one programme, one file.
  RENEWAL_ASSIGN_OR_RETURN(std::vector<ProgrammeRecord> records,
                           ReadProgrammeRecords(c.journal, &report));
  Warn(report, false);
  c.out << RecordsToJsonLines(records);
  return absl::OkStatus();
}

absl::StatusOr<Period> PeriodOption(const Args& a) {
  RENEWAL_ASSIGN_OR_RETURN(std::string text, Required(a, "period"));
  int as_of = 0;
  if (a.option("as-of")) {
    RENEWAL_ASSIGN_OR_RETURN(as_of, DateOption(a, "as-of"));
  }
  return ParsePeriod(text, as_of);
}

// 10^4 households as "16.68" (万户), money in 10^8 yuan as "15.50" (亿元), half up.
std::string Scaled(std::int64_t v, std::int64_t unit) {
  const std::int64_t h = (v * 100 + unit / 2) / unit;
  return StrCat(h / 100, ".", h % 100 < 10 ? "0" : "", h % 100);
}
std::string Yi(Money m) { return Scaled(m.fen() / 100, 100'000'000); }

Money ByChannel(const MoneyGrid& g, FundChannel ch) {
  std::int64_t fen = 0;
  for (const auto& row : g) fen += row[static_cast<std::size_t>(ch)].fen();
  return Money::Fen(fen);
}

std::string Summary(const ReportRow& t, Lang lang) {
  std::int64_t bonds = 0;
  for (const Money& m : t.received[static_cast<std::size_t>(FundSource::kSpecialBonds)]) {
    bonds += m.fen();
  }
  const std::string housing = Yi(ByChannel(t.received, FundChannel::kHousing));
  const std::string reform = Yi(ByChannel(t.received, FundChannel::kDevelopmentReform));
  if (lang == Lang::kZh) {
    return StrCat(
        "计划改造小区 ", t.estates_planned, " 个、涉及居民 ", Scaled(t.households_planned, 10000),
        " 万户；已开工 ", t.estates_started, " 个（开工率 ", PercentText(t.start_rate_estates()),
        "%）；已完工 ", t.estates_completed, " 个，惠及居民 ",
        Scaled(t.outcomes.households_benefited, 10000), " 万户；完成投资 ", Yi(t.paid_total),
        " 亿元；到位资金 ", Yi(t.received_total), " 亿元（住建口 ", housing, " 亿元、发改口 ",
        reform, " 亿元；其中专项债 ", Yi(Money::Fen(bonds)), " 亿元）\n");
  }
  return StrCat(
      t.estates_planned, " estates planned, ", Scaled(t.households_planned, 10000),
      " × 10,000 households; ", t.estates_started, " started (start rate ",
      PercentText(t.start_rate_estates()), "%); ", t.estates_completed, " completed, ",
      Scaled(t.outcomes.households_benefited, 10000), " × 10,000 households benefited; invested ",
      Yi(t.paid_total), " × 100 million yuan; funds received ", Yi(t.received_total),
      " × 100 million yuan (housing channel ", housing, ", development and reform channel ", reform,
      "; special bonds among them ", Yi(Money::Fen(bonds)), ")\n");
}

// The period's name: "2024年3月", "2024年第1季度", "2024年", "截至2022-12-31累计"; in
// English the period's own label ("2024-03", "2024Q1", "2024", "cumulative to 2022-12-31").
std::string PeriodName(const Period& p, Lang lang) {
  if (lang == Lang::kEn) return p.label;
  switch (p.kind) {
    case PeriodKind::kMonth: return StrCat(p.year, "年", p.index, "月");
    case PeriodKind::kQuarter: return StrCat(p.year, "年第", p.index, "季度");
    case PeriodKind::kYear: return StrCat(p.year, "年");
    case PeriodKind::kCumulative: return StrCat("截至", FormatProgressDate(p.last), "累计");
  }
  return p.label;
}

std::string RowName(const ReportRow& r) {
  for (const std::string* s : {&r.estate, &r.project, &r.street, &r.district, &r.city}) {
    if (!s->empty()) return *s;
  }
  return r.province;
}

std::vector<std::string> RowCells(const ReportRow& r, bool has_previous) {
  const std::string change =
      has_previous ? PointsText(r.start_rate_estates(), r.previous_start_rate_estates()) : "";
  return {RowName(r),
          std::to_string(r.estates_planned),
          std::to_string(r.households_planned),
          std::to_string(r.estates_started),
          PercentText(r.start_rate_estates()),
          PercentText(r.start_rate_households()),
          change,
          std::to_string(r.estates_completed),
          r.has_amounts ? r.received_total.ToYuanString() : "",
          r.has_amounts ? r.paid_total.ToYuanString() : ""};
}

std::vector<std::string> Header(Lang lang) {
  if (lang == Lang::kZh) {
    return {"名称",        "计划小区",       "计划户数", "已开工",   "开工率%",
            "户数开工率%", "较上期(百分点)", "已完工",   "到位资金", "已支付"};
  }
  return {"name",       "estates planned", "households planned", "started", "start rate %",
          "household start rate %", "change (points)", "completed", "received", "paid"};
}

absl::Status Report(const ProgressCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(Period period, PeriodOption(c.args));
  ReportLevel level = ReportLevel::kDistrict;
  if (auto l = c.args.option("level")) {
    std::optional<ReportLevel> parsed = ParseLabel<ReportLevel>(*l);
    if (!parsed) {
      return absl::InvalidArgumentError(StrCat(
          "--level: unknown level \"", *l, "\" (expected estate, project, street, district, city, province)"));
    }
    level = *parsed;
  }
  RENEWAL_ASSIGN_OR_RETURN(Programme p, Replay(c));
  RENEWAL_ASSIGN_OR_RETURN(ProgressReport r, BuildReport(p, period, level));
  if (c.json) {
    c.out << ReportToJson(r);
    return absl::OkStatus();
  }
  std::vector<std::vector<std::string>> rows = {Header(c.lang)};
  for (const ReportRow& row : r.rows) rows.push_back(RowCells(row, r.previous.has_value()));
  std::vector<std::string> total = RowCells(r.total, r.previous.has_value());
  total[0] = c.lang == Lang::kZh ? "合计" : "total";
  rows.push_back(std::move(total));
  c.out << PeriodName(period, c.lang) << "\n" << FormatTable(rows, {1, 2, 3, 4, 5, 6, 7, 8, 9})
        << Summary(r.total, c.lang);
  return absl::OkStatus();
}

absl::Status Rank(const ProgressCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(Period period, PeriodOption(c.args));
  std::vector<RankMeasure> measures;
  if (auto by = c.args.option("by")) {
    RENEWAL_ASSIGN_OR_RETURN(measures, ParseRankMeasures(*by));
  }
  RENEWAL_ASSIGN_OR_RETURN(Programme p, Replay(c));
  RENEWAL_ASSIGN_OR_RETURN(Ranking r, RankDistricts(p, period, measures));
  if (c.json) {
    c.out << RankingToJson(r);
    return absl::OkStatus();
  }
  std::vector<std::vector<std::string>> rows = {{c.lang == Lang::kZh ? "名次" : "rank"}};
  const std::vector<std::string> header = Header(c.lang);
  rows[0].insert(rows[0].end(), header.begin(), header.end());
  const bool has_previous = PreviousPeriod(period).has_value();
  for (const RankEntry& e : r.entries) {
    std::vector<std::string> cells = {StrCat(e.rank, e.tied ? "=" : "")};
    for (std::string& s : RowCells(e.row, has_previous)) cells.push_back(std::move(s));
    rows.push_back(std::move(cells));
  }
  c.out << PeriodName(period, c.lang) << "\n"
        << FormatTable(rows, {0, 2, 3, 4, 5, 6, 7, 8, 9, 10})
        << (c.lang == Lang::kZh ? "排序规则：" + r.tie_break_zh : "order: " + r.tie_break_en)
        << "\n";
  return absl::OkStatus();
}

absl::Status Overdue(const ProgressCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(std::string limits, Required(c.args, "limits"));
  RENEWAL_ASSIGN_OR_RETURN(OverduePolicy policy, ParseOverdueLimits(limits));
  RENEWAL_ASSIGN_OR_RETURN(int as_of, DateOption(c.args, "as-of"));
  RENEWAL_ASSIGN_OR_RETURN(Programme p, Replay(c));
  const std::vector<OverdueProject> o = FindOverdue(p, policy, as_of);
  if (c.json) {
    c.out << OverdueToJson(o, as_of);
    return absl::OkStatus();
  }
  const bool zh = c.lang == Lang::kZh;
  std::vector<std::vector<std::string>> rows = {
      zh ? std::vector<std::string>{"项目", "区县", "阶段", "起始日期", "已历天数", "时限（天）"}
         : std::vector<std::string>{"project", "district", "stage", "since", "days",
                                    "limit (days)"}};
  for (const OverdueProject& x : o) {
    rows.push_back({x.project, x.district, std::string(zh ? ZhOf(x.stage) : EnOf(x.stage)),
                    FormatProgressDate(x.since), std::to_string(x.days), std::to_string(x.limit)});
  }
  c.out << FormatTable(rows, {4, 5}) << o.size() << (zh ? " 个项目超期\n" : o.size() == 1 ? " project overdue\n" : " projects overdue\n");
  return absl::OkStatus();
}

constexpr ProgressAction kActions[] = {
    {"init", "init JOURNAL [--policy national|national_works|yueyang]", "create the journal file with its guard policy", Init},
    {"import", "import JOURNAL EVENTS.jsonl", "record events from JSON Lines, all checked before any is written", Import},
    {"transition", "transition JOURNAL --project P --stage S --date D [--evidence ID,...] [--mode M]",
     "move a project to its next stage, citing evidence", Transition},
    {"correct", "correct JOURNAL --project P --stage S --date D --reason TEXT",
     "send a project back to an earlier stage, with the reason kept", Correct},
    {"export", "export JOURNAL", "every event as JSON Lines", Export},
    {"report", "report JOURNAL --period 2024-03|2024Q1|2024|cumulative [--as-of D] [--level L]",
     "planned, started, completed, start rate, outcomes and money", Report},
    {"rank", "rank JOURNAL --period P [--as-of D] [--by MEASURE,...]", "rank the districts", Rank},
    {"overdue", "overdue JOURNAL --limits STAGE=DAYS,... --as-of D",
     "projects held in a stage longer than allowed", Overdue},
};

std::string Usage() {
  std::string usage = "progress ACTION JOURNAL [options]; ACTION is one of\n";
  for (const ProgressAction& a : kActions) usage += StrCat("        ", a.usage, "\n");
  return usage + "        [--json]";
}

absl::Status Run(const Args& args, std::ostream& out) {
  const auto& pos = args.positional();
  if (pos.size() < 2) return UsageError(StrCat("usage: renewal ", Usage()));
  const auto* found = std::find_if(std::begin(kActions), std::end(kActions),
                                   [&](const ProgressAction& a) { return a.name == pos[0]; });
  if (found == std::end(kActions)) return UsageError(StrCat("unknown action \"", pos[0], "\""));
  if (pos.size() != (found->name == "import" ? 3u : 2u)) {
    return UsageError(StrCat("usage: renewal progress ", found->usage));
  }
  if (pos[1] == "-") {
    return UsageError("JOURNAL: a journal is a file that is appended to; it cannot be \"-\"");
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  return found->run(ProgressCall{args, pos[1], args.flag("json"), out, lang});
}

OptionSpec Opt(std::string names, std::string value, std::string help, std::string def = "") {
  return {std::move(names), std::move(value), std::move(help), std::move(def)};
}

std::vector<OptionSpec> ActionOptions(std::string_view action) {
  const OptionSpec period = Opt("--period", "P", "2024-03, 2024Q1, 2024 or cumulative");
  const OptionSpec as_of = Opt("--as-of", "D", "the day a cumulative period ends, 2022-12-31");
  std::vector<OptionSpec> o;
  if (action == "init") {
    o = {Opt("--policy", "NAME", "the guard preset: national or yueyang", "national")};
  } else if (action == "transition" || action == "correct") {
    o = {Opt("--project", "P", "the project id"), Opt("--stage", "S", "the stage, e.g. started or 开工"),
         Opt("--date", "D", "the date, 2024-03-11")};
    if (action == "transition") {
      o.push_back(Opt("--evidence", "ID,...", "evidence recorded before (votes, reviews, documents)"));
      o.push_back(Opt("--mode", "M", "long-term management: professional, government_trustee, "
                                     "self_managed or work_unit"));
    } else {
      o.push_back(Opt("--reason", "TEXT", "why the project goes back (kept)"));
    }
  } else if (action == "report") {
    o = {period, as_of, Opt("--level", "L", "estate, project, street, district, city or province", "district")};
  } else if (action == "rank") {
    o = {period, as_of,
         Opt("--by", "MEASURE,...",
             "start_rate_estates, start_rate_households, completion_rate_estates, "
             "completion_rate_households, paid",
             "start_rate_estates,start_rate_households")};
  } else if (action == "overdue") {
    o = {Opt("--limits", "STAGE=DAYS,...", "calendar days allowed per stage, e.g. started=180"),
         Opt("--as-of", "D", "the day checked, 2024-06-30")};
  }
  o.push_back(JsonOption());
  return o;
}

std::string ActionExample(std::string_view action) {
  const std::string j = StrCat("progress ", action, " city.journal");
  if (action == "init") return j + " --policy yueyang";
  if (action == "import") return j + " examples/progress/events.jsonl";
  if (action == "transition") {
    return j + " --project YY-2024-001 --stage completed --date 2024-09-30";
  }
  if (action == "correct") {
    return j + " --project YY-2024-001 --stage started --date 2024-10-08 --reason 完工资料不全";
  }
  if (action == "report") return j + " --period 2024-03 --level district";
  if (action == "rank") return j + " --period 2024Q1";
  if (action == "overdue") return j + " --limits started=180,preparation=60 --as-of 2024-06-30";
  return j;
}

Command ProgressCommand() {
  Command c;
  c.name = "progress";
  c.usage = Usage();
  c.summary = "Programme progress (项目进度): stages, evidence, money, reports, district ranking.";
  c.run = Run;
  c.example = "progress report city.journal --period 2024-03 --level district";
  for (const ProgressAction& a : kActions) {
    Command action;
    action.name = std::string(a.name);
    action.usage = StrCat("progress ", a.usage);
    action.summary = std::string(a.summary);
    action.options = ActionOptions(a.name);
    action.positionals = a.name == "import"
                             ? "JOURNAL EVENTS: the journal file and the events (JSON Lines; \"-\": stdin)"
                             : "JOURNAL: the journal file";
    action.example = ActionExample(a.name);
    c.actions.push_back(std::move(action));
  }
  return c;
}

const bool registered = RegisterCommand(ProgressCommand());

}  // namespace
}  // namespace renewal::cli
