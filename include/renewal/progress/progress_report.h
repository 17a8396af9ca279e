// Reports on a programme: for a period (month, quarter, year, cumulative) and a
// level (estate ... province), the planned, started and completed estates and
// households, the start rate as an exact fraction, its change since the previous
// period in percentage points, the outcome quantities and the money by source and
// channel; the ranking of districts; overdue projects (docs/progress.md §4).
#ifndef RENEWAL_PROGRESS_PROGRESS_REPORT_H_
#define RENEWAL_PROGRESS_PROGRESS_REPORT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "renewal/progress/progress.h"
#include "renewal/progress/progress_policy.h"
#include "renewal/progress/progress_store.h"

namespace renewal {

enum class PeriodKind : std::uint8_t { kMonth, kQuarter, kYear, kCumulative };

/// A reporting period: the days first..last (yyyymmdd, inclusive).
struct Period {
  PeriodKind kind = PeriodKind::kCumulative;
  int year = 0;   // month, quarter, year: the plan year reported on
  int index = 0;  // month 1..12 or quarter 1..4
  int first = 0;
  int last = 0;
  std::string label;  // "2024-03", "2024Q1", "2024", "cumulative to 2022-12-31"
};

/// "2024-03", "2024Q1", "2024" or "cumulative"; a cumulative period ends on
/// `as_of` (yyyymmdd; required for it). Anything else is InvalidArgument.
absl::StatusOr<Period> ParsePeriod(std::string_view text, int as_of = 0);
/// The period before (previous month, quarter or year); none for cumulative.
std::optional<Period> PreviousPeriod(const Period& period);

enum class ReportLevel : std::uint8_t { kEstate, kProject, kStreet, kDistrict, kCity, kProvince };
template <>
struct LabelTable<ReportLevel> {
  static constexpr std::array<Label<ReportLevel>, 6> kLabels{{
      {ReportLevel::kEstate, "estate", "小区", "estate"},
      {ReportLevel::kProject, "project", "项目", "project"},
      {ReportLevel::kStreet, "street", "街道", "street"},
      {ReportLevel::kDistrict, "district", "区县", "district"},
      {ReportLevel::kCity, "city", "市", "city"},
      {ReportLevel::kProvince, "province", "省", "province"},
  }};
};

/// An exact rate num/den; den 0 when there is nothing to divide by.
struct Fraction {
  std::int64_t num = 0;
  std::int64_t den = 0;
  bool operator==(const Fraction&) const = default;
};
/// num/den × 100 with two decimals, rounded half away from zero ("61.56"); "" for den 0.
std::string PercentText(Fraction f);
/// (a − b) in percentage points with two decimals and a sign ("+3.25", "-0.40",
/// "+0.00"); "" when either has den 0.
std::string PointsText(Fraction a, Fraction b);

/// Money by source and channel.
using MoneyGrid = std::array<std::array<Money, LabelCount<FundChannel>()>, LabelCount<FundSource>()>;

/// One row of a report: one estate, project, street, district, city or province.
struct ReportRow {
  std::string province, city, district, street, project, estate;  // as far as the level goes
  std::int64_t projects = 0;
  std::int64_t estates_planned = 0, households_planned = 0;
  std::int64_t estates_started = 0, households_started = 0;        // by the period's end
  std::int64_t estates_completed = 0, households_completed = 0;    // by the period's end
  std::int64_t estates_started_in_period = 0, households_started_in_period = 0;
  std::int64_t estates_completed_in_period = 0, households_completed_in_period = 0;
  // Started by the end of the previous period (same projects), for the change.
  std::int64_t estates_started_before = 0, households_started_before = 0;
  bool has_amounts = true;  // false for an estate of a merged project: see its project
  Outcomes outcomes;        // recorded within the period
  MoneyGrid received{}, paid{};  // within the period
  Money received_total, paid_total;

  Fraction start_rate_estates() const { return {estates_started, estates_planned}; }
  Fraction start_rate_households() const { return {households_started, households_planned}; }
  Fraction completion_rate_estates() const { return {estates_completed, estates_planned}; }
  Fraction completion_rate_households() const { return {households_completed, households_planned}; }
  Fraction previous_start_rate_estates() const { return {estates_started_before, estates_planned}; }
  Fraction previous_start_rate_households() const {
    return {households_started_before, households_planned};
  }
  /// Received but not yet paid, per source and channel and in all (may be
  /// negative where money was advanced before it arrived).
  Money unspent() const;
};

struct ProgressReport {
  Period period;
  std::optional<Period> previous;
  ReportLevel level = ReportLevel::kDistrict;
  std::vector<ReportRow> rows;  // sorted by their names, province first
  ReportRow total;
};

/// The report of `programme` for `period` at `level`. Which projects count: for a
/// month, quarter or year those in that year's annual plan; for a cumulative
/// period every project recorded by its end. OutOfRange when a sum overflows.
absl::StatusOr<ProgressReport> BuildReport(const Programme& programme, const Period& period,
                                           ReportLevel level);
/// docs/schemas/progress-report.schema.json.
std::string ReportToJson(const ProgressReport& report);

/// What districts are ranked by.
enum class RankMeasure : std::uint8_t {
  kStartRateEstates, kStartRateHouseholds, kCompletionRateEstates, kCompletionRateHouseholds,
  kPaid
};
template <>
struct LabelTable<RankMeasure> {
  static constexpr std::array<Label<RankMeasure>, 5> kLabels{{
      {RankMeasure::kStartRateEstates, "start_rate_estates", "开工率（按小区数）",
       "start rate by estates"},
      {RankMeasure::kStartRateHouseholds, "start_rate_households", "开工率（按户数）",
       "start rate by households"},
      {RankMeasure::kCompletionRateEstates, "completion_rate_estates", "完工率（按小区数）",
       "completion rate by estates"},
      {RankMeasure::kCompletionRateHouseholds, "completion_rate_households", "完工率（按户数）",
       "completion rate by households"},
      {RankMeasure::kPaid, "paid", "完成投资", "investment paid"},
  }};
};

struct RankEntry {
  int rank = 0;         // 1, 2, 3 ... in order
  bool tied = false;    // equal to the one before on every measure (the tie-break decided)
  ReportRow row;
};

struct Ranking {
  Period period;
  std::vector<RankMeasure> measures;
  std::string tie_break_zh, tie_break_en;
  std::vector<RankEntry> entries;
};

/// Districts ranked by `measures` in turn, highest first (a rate with nothing
/// planned ranks below every rate); equal on all, by province, city and district
/// name. Empty `measures`: start rate by estates, then by households.
absl::StatusOr<Ranking> RankDistricts(const Programme& programme, const Period& period,
                                      std::vector<RankMeasure> measures = {});
/// "start_rate_estates,start_rate_households".
absl::StatusOr<std::vector<RankMeasure>> ParseRankMeasures(std::string_view text);
/// docs/schemas/progress-ranking.schema.json.
std::string RankingToJson(const Ranking& ranking);

/// A project held in its stage longer than the policy allows.
struct OverdueProject {
  std::string project, province, city, district;
  Stage stage = Stage::kSurvey;
  int since = 0;  // yyyymmdd the stage was entered
  std::int64_t days = 0, limit = 0;
  std::string reason_zh, reason_en;
};

/// Projects whose current stage on `as_of` has lasted more than its limit
/// (calendar days), longest over first, then by project id.
std::vector<OverdueProject> FindOverdue(const Programme& programme, const OverduePolicy& policy,
                                        int as_of);
/// docs/schemas/progress-overdue.schema.json.
std::string OverdueToJson(std::span<const OverdueProject> overdue, int as_of);

}  // namespace renewal

#endif  // RENEWAL_PROGRESS_PROGRESS_REPORT_H_
