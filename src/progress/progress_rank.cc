// District ranking and overdue projects.
#include <algorithm>
#include <string>
#include <utility>

#include "absl/numeric/int128.h"
#include "progress_report_json.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/progress/progress_report.h"

namespace renewal {
namespace {

// -1, 0, 1 as a is below, equal to, above b; a rate with den 0 is below any other.
int CompareFractions(Fraction a, Fraction b) {
  if (a.den <= 0 || b.den <= 0) return (a.den > 0) - (b.den > 0);
  const absl::int128 l = absl::int128(a.num) * b.den, r = absl::int128(b.num) * a.den;
  return (l > r) - (l < r);
}

int Compare(RankMeasure m, const ReportRow& a, const ReportRow& b) {
  switch (m) {
    case RankMeasure::kStartRateEstates:
      return CompareFractions(a.start_rate_estates(), b.start_rate_estates());
    case RankMeasure::kStartRateHouseholds:
      return CompareFractions(a.start_rate_households(), b.start_rate_households());
    case RankMeasure::kCompletionRateEstates:
      return CompareFractions(a.completion_rate_estates(), b.completion_rate_estates());
    case RankMeasure::kCompletionRateHouseholds:
      return CompareFractions(a.completion_rate_households(), b.completion_rate_households());
    case RankMeasure::kPaid:
      return (a.paid_total > b.paid_total) - (a.paid_total < b.paid_total);
  }
  return 0;
}

void Key(std::string& out, std::string_view k) {
  if (out.back() != '{' && out.back() != '[') out += ',';
  internal::AppendJsonString(out, k);
  out += ':';
}
void Str(std::string& out, std::string_view k, std::string_view v) {
  Key(out, k);
  internal::AppendJsonString(out, v);
}

}  // namespace

absl::StatusOr<std::vector<RankMeasure>> ParseRankMeasures(std::string_view text) {
  std::vector<RankMeasure> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view part = text.substr(pos, end - pos);
    const std::optional<RankMeasure> m = ParseLabel<RankMeasure>(part);
    if (!m) {
      std::string keys;
      for (const auto& l : Labels<RankMeasure>()) keys += StrCat(keys.empty() ? "" : ", ", l.key);
      return absl::InvalidArgumentError(
          StrCat("measure: unknown measure \"", part, "\" (expected one of ", keys, ")"));
    }
    out.push_back(*m);
    pos = end + 1;
  }
  return out;
}

absl::StatusOr<Ranking> RankDistricts(const Programme& programme, const Period& period,
                                      std::vector<RankMeasure> measures) {
  if (measures.empty()) measures = {RankMeasure::kStartRateEstates, RankMeasure::kStartRateHouseholds};
  RENEWAL_ASSIGN_OR_RETURN(ProgressReport report,
                           BuildReport(programme, period, ReportLevel::kDistrict));
  Ranking ranking;
  ranking.period = period;
  ranking.measures = measures;
  std::string zh, en;
  for (RankMeasure m : measures) {
    zh += StrCat(zh.empty() ? "" : "，其次按", ZhOf(m));
    en += StrCat(en.empty() ? "" : ", then ", EnOf(m));
  }
  ranking.tie_break_zh = StrCat("先按", zh,
                                "从高到低排序（无计划数的比率排在最后）；各项均相同时按省、市、区县名称排序");
  ranking.tie_break_en = StrCat("by ", en,
                                ", highest first (a rate with nothing planned comes last); equal on "
                                "all, by province, city and district name");
  // The report's rows are already in name order; a stable sort keeps it for ties.
  std::vector<ReportRow> rows = std::move(report.rows);
  const auto cmp = [&](const ReportRow& a, const ReportRow& b) {
    for (RankMeasure m : measures) {
      if (const int c = Compare(m, a, b); c != 0) return c;
    }
    return 0;
  };
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const ReportRow& a, const ReportRow& b) { return cmp(a, b) > 0; });
  for (std::size_t i = 0; i < rows.size(); ++i) {
    RankEntry e;
    e.rank = static_cast<int>(i + 1);
    e.tied = i > 0 && cmp(rows[i - 1], rows[i]) == 0;
    e.row = std::move(rows[i]);
    ranking.entries.push_back(std::move(e));
  }
  return ranking;
}

std::string RankingToJson(const Ranking& ranking) {
  std::string out = "{";
  Str(out, "format", "renewal.progress.ranking/1");
  internal::AppendPeriod(out, "period", ranking.period);
  Key(out, "measures");
  out += '[';
  for (std::size_t i = 0; i < ranking.measures.size(); ++i) {
    if (i > 0) out += ',';
    internal::AppendJsonString(out, KeyOf(ranking.measures[i]));
  }
  out += ']';
  Str(out, "tie_break_zh", ranking.tie_break_zh);
  Str(out, "tie_break_en", ranking.tie_break_en);
  Key(out, "districts");
  out += '[';
  const bool has_previous = PreviousPeriod(ranking.period).has_value();
  for (std::size_t i = 0; i < ranking.entries.size(); ++i) {
    const RankEntry& e = ranking.entries[i];
    out += StrCat(i > 0 ? "," : "", "{\"rank\":", e.rank, ",\"tied\":", e.tied ? "true" : "false",
                  ",\"row\":");
    internal::AppendReportRow(out, e.row, has_previous);
    out += '}';
  }
  out += "]}\n";
  return out;
}

std::vector<OverdueProject> FindOverdue(const Programme& programme, const OverduePolicy& policy,
                                        int as_of) {
  std::vector<OverdueProject> out;
  const std::int64_t today = DaysSinceEpoch(as_of);
  for (const ProjectState& p : programme.projects()) {
    if (p.created > as_of) continue;
    const StageChange* current = nullptr;
    for (const StageChange& c : p.history) {
      if (c.date > as_of) break;
      current = &c;
    }
    if (current == nullptr) continue;
    const std::int64_t limit = policy.max_days[static_cast<std::size_t>(current->stage)];
    const std::int64_t days = today - DaysSinceEpoch(current->date);
    if (limit == 0 || days <= limit) continue;
    OverdueProject o;
    o.project = p.info.id;
    o.province = p.info.province;
    o.city = p.info.city;
    o.district = p.info.district;
    o.stage = current->stage;
    o.since = current->date;
    o.days = days;
    o.limit = limit;
    o.reason_zh = StrCat("自", FormatProgressDate(o.since), "起处于「", ZhOf(o.stage), "」阶段已",
                         days, "天，超过规定的", limit, "天");
    o.reason_en = StrCat("at ", EnOf(o.stage), " since ", FormatProgressDate(o.since), ": ", days,
                         " days, over the ", limit, "-day limit");
    out.push_back(std::move(o));
  }
  std::sort(out.begin(), out.end(), [](const OverdueProject& a, const OverdueProject& b) {
    const std::int64_t oa = a.days - a.limit, ob = b.days - b.limit;
    return oa != ob ? oa > ob : a.project < b.project;
  });
  return out;
}

std::string OverdueToJson(std::span<const OverdueProject> overdue, int as_of) {
  std::string out = "{";
  Str(out, "format", "renewal.progress.overdue/1");
  Str(out, "as_of", FormatProgressDate(as_of));
  Key(out, "projects");
  out += '[';
  for (std::size_t i = 0; i < overdue.size(); ++i) {
    const OverdueProject& o = overdue[i];
    out += i > 0 ? ",{" : "{";
    Str(out, "project", o.project);
    Str(out, "province", o.province);
    Str(out, "city", o.city);
    Str(out, "district", o.district);
    Str(out, "stage", KeyOf(o.stage));
    Str(out, "since", FormatProgressDate(o.since));
    out += StrCat(",\"days\":", o.days, ",\"limit_days\":", o.limit);
    Str(out, "reason_zh", o.reason_zh);
    Str(out, "reason_en", o.reason_en);
    out += '}';
  }
  out += "]}\n";
  return out;
}

}  // namespace renewal
