// The statistical report: counts, rates, outcomes and money by level.
#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "progress_report_json.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/progress/progress_report.h"

namespace renewal {
namespace {

// What one project contributes, computed once for all its estates.
struct ProjectFacts {
  bool started = false, completed = false;
  bool started_in_period = false, completed_in_period = false;
  bool started_before = false;
};

bool Reached(const std::optional<Stage>& s, Stage at) { return s && *s >= at; }

// Counts and quantities add with an overflow check; the report fails with
// OutOfRange instead of wrapping.
thread_local bool overflowed = false;
void Plus(std::int64_t* to, std::int64_t v) {
  if (__builtin_add_overflow(*to, v, to)) overflowed = true;
}

absl::Status AddTo(Money* to, Money v) {
  RENEWAL_ASSIGN_OR_RETURN(*to, Add(*to, v));
  return absl::OkStatus();
}

void AddOutcomes(Outcomes* to, const Outcomes& o) {
  for (std::size_t k = 0; k < kPipelineKindCount; ++k) Plus(&to->pipelines_m[k], o.pipelines_m[k]);
  Plus(&to->elevators, o.elevators);
  Plus(&to->parking_spaces, o.parking_spaces);
  Plus(&to->car_chargers, o.car_chargers);
  Plus(&to->ebike_chargers, o.ebike_chargers);
  Plus(&to->elderly_care_facilities, o.elderly_care_facilities);
  Plus(&to->childcare_facilities, o.childcare_facilities);
  Plus(&to->other_service_facilities, o.other_service_facilities);
  Plus(&to->energy_retrofit_centi_m2, o.energy_retrofit_centi_m2);
  Plus(&to->fitness_space_centi_m2, o.fitness_space_centi_m2);
  Plus(&to->households_benefited, o.households_benefited);
}

void AddCounts(ReportRow* r, const ProjectFacts& f, std::int64_t estates, std::int64_t households) {
  const auto both = [&](bool on, std::int64_t* e, std::int64_t* h) {
    if (!on) return;
    Plus(e, estates);
    Plus(h, households);
  };
  both(true, &r->estates_planned, &r->households_planned);
  both(f.started, &r->estates_started, &r->households_started);
  both(f.completed, &r->estates_completed, &r->households_completed);
  both(f.started_in_period, &r->estates_started_in_period, &r->households_started_in_period);
  both(f.completed_in_period, &r->estates_completed_in_period, &r->households_completed_in_period);
  both(f.started_before, &r->estates_started_before, &r->households_started_before);
}

// The project's outcomes and money within the period.
absl::Status AddAmounts(ReportRow* r, const ProjectState& p, const Period& period) {
  if (p.outcomes && p.outcomes_date >= period.first && p.outcomes_date <= period.last) {
    AddOutcomes(&r->outcomes, *p.outcomes);
  }
  for (const MoneyEntry& m : p.money) {
    if (m.date < period.first || m.date > period.last) continue;
    MoneyGrid& grid = m.paid ? r->paid : r->received;
    RENEWAL_RETURN_IF_ERROR(AddTo(&grid[static_cast<std::size_t>(m.source)][static_cast<std::size_t>(m.channel)], m.amount));
    RENEWAL_RETURN_IF_ERROR(AddTo(m.paid ? &r->paid_total : &r->received_total, m.amount));
  }
  return absl::OkStatus();
}

void SetNames(ReportRow* r, const ProjectInfo& i, ReportLevel level, std::string_view estate) {
  r->province = i.province;
  if (level == ReportLevel::kProvince) return;
  r->city = i.city;
  if (level == ReportLevel::kCity) return;
  r->district = i.district;
  if (level == ReportLevel::kDistrict) return;
  r->street = i.street;
  if (level == ReportLevel::kStreet) return;
  r->project = i.id;
  if (level == ReportLevel::kProject) return;
  r->estate = std::string(estate);
}

// The names of the row a project (and estate) falls in, as one string.
void AppendKey(std::string* key, const ProjectInfo& i, ReportLevel level, std::string_view estate) {
  key->clear();
  const std::string_view parts[] = {i.province, i.city, i.district, i.street, i.id, estate};
  const std::size_t n = 6 - static_cast<std::size_t>(level);
  for (std::size_t k = 0; k < n; ++k) {
    key->append(parts[k]);
    key->push_back('\x1f');
  }
}

// --- JSON -----------------------------------------------------------------

void Key(std::string& out, std::string_view k) {
  if (out.back() != '{' && out.back() != '[') out += ',';
  internal::AppendJsonString(out, k);
  out += ':';
}
void Str(std::string& out, std::string_view k, std::string_view v) {
  Key(out, k);
  internal::AppendJsonString(out, v);
}
void Int(std::string& out, std::string_view k, std::int64_t v) {
  Key(out, k);
  out += std::to_string(v);
}
void Rate(std::string& out, std::string_view k, Fraction f) {
  Key(out, k);
  out += StrCat("{\"num\":", f.num, ",\"den\":", f.den, ",\"percent\":");
  if (f.den > 0) {
    internal::AppendJsonString(out, PercentText(f));
  } else {
    out += "null";
  }
  out += '}';
}
void Points(std::string& out, std::string_view k, Fraction now, Fraction before, bool has) {
  Key(out, k);
  if (!has || now.den <= 0) {
    out += "null";
  } else {
    internal::AppendJsonString(out, PointsText(now, before));
  }
}
void Grid(std::string& out, std::string_view k, const MoneyGrid& g) {
  Key(out, k);
  out += '[';
  bool first = true;
  for (std::size_t s = 0; s < g.size(); ++s) {
    for (std::size_t c = 0; c < g[s].size(); ++c) {
      if (g[s][c].is_zero()) continue;
      out += first ? "{" : ",{";
      first = false;
      Str(out, "source", KeyOf(static_cast<FundSource>(s)));
      Str(out, "channel", KeyOf(static_cast<FundChannel>(c)));
      Str(out, "amount", g[s][c].ToYuanString());
      out += '}';
    }
  }
  out += ']';
}

std::string Km(std::int64_t metres) {
  const std::int64_t whole = metres / 1000, frac = metres % 1000;
  std::string f = std::to_string(frac);
  return StrCat(whole, ".", std::string(3 - f.size(), '0'), f);
}

void OutcomesJson(std::string& out, const Outcomes& o) {
  Key(out, "outcomes");
  out += '{';
  Key(out, "pipelines_km");
  out += '{';
  for (std::size_t k = 0; k < kPipelineKindCount; ++k) {
    Str(out, KeyOf(static_cast<PipelineKind>(k)), Km(o.pipelines_m[k]));
  }
  out += '}';
  Int(out, "elevators", o.elevators);
  Int(out, "parking_spaces", o.parking_spaces);
  Int(out, "car_chargers", o.car_chargers);
  Int(out, "ebike_chargers", o.ebike_chargers);
  Int(out, "elderly_care_facilities", o.elderly_care_facilities);
  Int(out, "childcare_facilities", o.childcare_facilities);
  Int(out, "other_service_facilities", o.other_service_facilities);
  Str(out, "energy_retrofit_m2", Money::Fen(o.energy_retrofit_centi_m2).ToYuanString());
  Str(out, "fitness_space_m2", Money::Fen(o.fitness_space_centi_m2).ToYuanString());
  Int(out, "households_benefited", o.households_benefited);
  out += '}';
}

}  // namespace

Money ReportRow::unspent() const {
  return Money::Fen(received_total.fen() - paid_total.fen());
}

absl::StatusOr<ProgressReport> BuildReport(const Programme& programme, const Period& period,
                                           ReportLevel level) {
  overflowed = false;
  ProgressReport report;
  report.period = period;
  report.previous = PreviousPeriod(period);
  report.level = level;
  const bool cumulative = period.kind == PeriodKind::kCumulative;
  absl::flat_hash_map<std::string, std::size_t> index;
  std::string key;
  for (const ProjectState& p : programme.projects()) {
    if (p.created > period.last) continue;
    if (!cumulative && p.info.plan_year != period.year) continue;
    ProjectFacts f;
    const std::optional<Stage> at_end = p.StageAt(period.last);
    // yyyymmdd - 1 sorts between the day before and the first day: "before the period".
    const std::optional<Stage> at_start = p.StageAt(period.first - 1);
    f.started = Reached(at_end, Stage::kStarted);
    f.completed = Reached(at_end, Stage::kCompleted);
    f.started_in_period = f.started && !Reached(at_start, Stage::kStarted);
    f.completed_in_period = f.completed && !Reached(at_start, Stage::kCompleted);
    if (report.previous) f.started_before = Reached(p.StageAt(report.previous->last), Stage::kStarted);
    const std::int64_t households = p.info.households();
    const auto estates = static_cast<std::int64_t>(p.info.estates.size());
    ++report.total.projects;
    AddCounts(&report.total, f, estates, households);
    RENEWAL_RETURN_IF_ERROR(AddAmounts(&report.total, p, period));
    // The row's key is built in one reused buffer; a row is made only when new.
    const auto row_for = [&](std::string_view estate) -> ReportRow& {
      AppendKey(&key, p.info, level, estate);
      auto it = index.find(key);
      if (it == index.end()) {
        ReportRow row;
        SetNames(&row, p.info, level, estate);
        it = index.emplace(key, report.rows.size()).first;
        report.rows.push_back(std::move(row));
      }
      return report.rows[it->second];
    };
    if (level == ReportLevel::kEstate) {
      for (const PlannedEstate& e : p.info.estates) {
        ReportRow& r = row_for(e.id);
        ++r.projects;
        AddCounts(&r, f, 1, e.households);
        if (p.info.estates.size() == 1) {
          RENEWAL_RETURN_IF_ERROR(AddAmounts(&r, p, period));
        } else {
          r.has_amounts = false;
        }
      }
    } else {
      ReportRow& r = row_for("");
      ++r.projects;
      AddCounts(&r, f, estates, households);
      RENEWAL_RETURN_IF_ERROR(AddAmounts(&r, p, period));
    }
  }
  if (overflowed) {
    return absl::OutOfRangeError("report: a count or quantity overflows 64 bits");
  }
  std::sort(report.rows.begin(), report.rows.end(), [](const ReportRow& a, const ReportRow& b) {
    return std::tie(a.province, a.city, a.district, a.street, a.project, a.estate) <
           std::tie(b.province, b.city, b.district, b.street, b.project, b.estate);
  });
  return report;
}

namespace internal {

void AppendReportRow(std::string& out, const ReportRow& r, bool has_previous) {
  out += '{';
  for (auto [k, v] : {std::pair<std::string_view, const std::string*>{"province", &r.province},
                      {"city", &r.city}, {"district", &r.district}, {"street", &r.street},
                      {"project", &r.project}, {"estate", &r.estate}}) {
    if (!v->empty()) Str(out, k, *v);
  }
  Int(out, "projects", r.projects);
  Int(out, "estates_planned", r.estates_planned);
  Int(out, "households_planned", r.households_planned);
  Int(out, "estates_started", r.estates_started);
  Int(out, "households_started", r.households_started);
  Int(out, "estates_completed", r.estates_completed);
  Int(out, "households_completed", r.households_completed);
  Int(out, "estates_started_in_period", r.estates_started_in_period);
  Int(out, "households_started_in_period", r.households_started_in_period);
  Int(out, "estates_completed_in_period", r.estates_completed_in_period);
  Int(out, "households_completed_in_period", r.households_completed_in_period);
  Rate(out, "start_rate_estates", r.start_rate_estates());
  Rate(out, "start_rate_households", r.start_rate_households());
  Rate(out, "completion_rate_estates", r.completion_rate_estates());
  Rate(out, "completion_rate_households", r.completion_rate_households());
  Points(out, "start_rate_estates_change_points", r.start_rate_estates(),
         r.previous_start_rate_estates(), has_previous);
  Points(out, "start_rate_households_change_points", r.start_rate_households(),
         r.previous_start_rate_households(), has_previous);
  if (r.has_amounts) {
    OutcomesJson(out, r.outcomes);
    Grid(out, "received", r.received);
    Grid(out, "paid", r.paid);
    Str(out, "received_total", r.received_total.ToYuanString());
    Str(out, "paid_total", r.paid_total.ToYuanString());
    Str(out, "received_not_spent", r.unspent().ToYuanString());
  }
  out += '}';
}

void AppendPeriod(std::string& out, std::string_view key, const Period& p) {
  Key(out, key);
  out += '{';
  Str(out, "kind", p.kind == PeriodKind::kMonth     ? "month"
                   : p.kind == PeriodKind::kQuarter ? "quarter"
                   : p.kind == PeriodKind::kYear    ? "year"
                                                    : "cumulative");
  Str(out, "label", p.label);
  Str(out, "first", FormatProgressDate(p.first));
  Str(out, "last", FormatProgressDate(p.last));
  out += '}';
}

}  // namespace internal

std::string ReportToJson(const ProgressReport& report) {
  std::string out = "{";
  Str(out, "format", "renewal.progress.report/1");
  internal::AppendPeriod(out, "period", report.period);
  if (report.previous) internal::AppendPeriod(out, "previous", *report.previous);
  Str(out, "level", KeyOf(report.level));
  Key(out, "rows");
  out += '[';
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    if (i > 0) out += ',';
    internal::AppendReportRow(out, report.rows[i], report.previous.has_value());
  }
  out += ']';
  Key(out, "total");
  internal::AppendReportRow(out, report.total, report.previous.has_value());
  out += "}\n";
  return out;
}

}  // namespace renewal
