// China's working-day calendar as data: weekends, the statutory holidays and the
// make-up working days (调休) that the State Council's General Office announces each
// year. One JSON file per year (docs/schemas/calendar.schema.json); the bundled years
// are installed under share/renewal/calendar. A date outside the loaded years is an
// error, never guessed: next year's holidays are not known until the notice is out.
#ifndef RENEWAL_CALENDAR_CALENDAR_H_
#define RENEWAL_CALENDAR_CALENDAR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/calendar/date.h"

namespace renewal {

/// What a day is.
enum class DayKind : std::uint8_t {
  kWorkday,         // Monday to Friday, not a holiday
  kWeekend,         // Saturday or Sunday, not a make-up working day
  kHoliday,         // within a statutory holiday period (放假调休), weekends included
  kMakeupWorkday,   // a weekend day declared a working day (调休上班)
};
template <>
struct LabelTable<DayKind> {
  static constexpr std::array<Label<DayKind>, 4> kLabels{{
      {DayKind::kWorkday, "workday", "工作日", "working day"},
      {DayKind::kWeekend, "weekend", "周末", "weekend"},
      {DayKind::kHoliday, "holiday", "法定节假日", "public holiday"},
      {DayKind::kMakeupWorkday, "makeup_workday", "调休上班日", "make-up working day"},
  }};
};
/// Whether people work on a day of this kind.
constexpr bool IsWorking(DayKind k) { return k == DayKind::kWorkday || k == DayKind::kMakeupWorkday; }

/// One holiday period of a notice, first and last day included.
struct HolidayPeriod {
  std::string name_zh;  // "春节"
  std::string name_en;  // "Spring Festival"
  Date first;
  Date last;
  bool operator==(const HolidayPeriod&) const = default;
};

/// One year of the calendar as the State Council's notice sets it out.
struct CalendarYear {
  int year = 0;
  std::string notice_title;   // 国务院办公厅关于2025年部分节假日安排的通知
  std::string notice_number;  // 国办发明电〔2024〕12号 (empty when not known)
  std::string notice_date;    // the date the notice was issued, "2024-11-12"
  std::vector<HolidayPeriod> holidays;
  std::vector<Date> makeup_workdays;
  bool operator==(const CalendarYear&) const = default;
};

/// Checks a year: holidays and make-up days inside the year, periods in order and
/// not overlapping, make-up days on a Saturday or Sunday outside every holiday, no
/// day listed twice. InvalidArgument naming the field.
absl::Status ValidateCalendarYear(const CalendarYear& year);

/// A calendar of the loaded years.
class WorkCalendar {
 public:
  /// Adds a year (validated). AlreadyExists when the year is loaded already; the
  /// calendar is unchanged on error.
  absl::Status AddYear(const CalendarYear& year);

  /// The loaded years, ascending.
  std::vector<int> years() const;
  /// The notices of the loaded years, ascending by year.
  const std::vector<CalendarYear>& notices() const { return notices_; }
  bool Covers(Date d) const;

  /// The kind of `d`; OutOfRange "2026-01-01 is outside the working-day calendar
  /// (loaded: 2024, 2025)" when its year is not loaded.
  absl::StatusOr<DayKind> Kind(Date d) const;
  absl::StatusOr<bool> IsWorkday(Date d) const;

  /// The `n`-th working day after `start` (`start` itself not counted; n = 0 is
  /// `start`). OutOfRange when a day on the way is not in the calendar.
  absl::StatusOr<Date> AddWorkdays(Date start, std::int32_t n) const;
  /// The working days in (from, to]; 0 when to <= from. OutOfRange as above.
  absl::StatusOr<std::int32_t> WorkdaysBetween(Date from, Date to) const;

 private:
  absl::Status OutOfCalendar(Date d) const;
  // Day kinds from first_, one byte a day; kNotLoaded for a year not loaded.
  static constexpr std::uint8_t kNotLoaded = 0xff;
  Date first_;
  std::vector<std::uint8_t> kinds_;
  std::vector<CalendarYear> notices_;
};

/// How a deadline is counted.
enum class DeadlineUnit : std::uint8_t { kCalendarDays, kWorkingDays };
template <>
struct LabelTable<DeadlineUnit> {
  static constexpr std::array<Label<DeadlineUnit>, 2> kLabels{{
      {DeadlineUnit::kCalendarDays, "calendar_days", "自然日", "calendar days"},
      {DeadlineUnit::kWorkingDays, "working_days", "工作日", "working days"},
  }};
};

/// A time limit: `amount` days of `unit` after the day something happened.
struct DeadlineRule {
  std::int32_t amount = 0;
  DeadlineUnit unit = DeadlineUnit::kWorkingDays;
  /// For calendar days: a limit ending on a day off moves to the next working day.
  bool roll_to_workday = false;
  bool operator==(const DeadlineRule&) const = default;
};

/// "5 working days" / "5个工作日".
std::string DescribeDeadline(const DeadlineRule& rule, bool zh);

/// The last day allowed by `rule` for something that started on `start`. The
/// deadline must lie in the calendar for either unit (an overdue list has to be
/// able to say whether that day was worked): OutOfRange otherwise; InvalidArgument
/// for a negative amount.
absl::StatusOr<Date> Deadline(const WorkCalendar& calendar, Date start, const DeadlineRule& rule);

/// Reads one year's JSON (docs/schemas/calendar.schema.json); duplicate keys,
/// unknown fields and impossible dates are InvalidArgument naming the field.
absl::StatusOr<CalendarYear> ParseCalendarYearJson(std::string_view text);
/// Writes a year as that JSON (the reader gives back the same year).
std::string CalendarYearToJson(const CalendarYear& year);

/// Reads every `*.json` file of a folder into one calendar (errors name the file).
absl::StatusOr<WorkCalendar> LoadCalendarDir(const std::string& dir);
/// Adds the files to `calendar`; nothing is added unless all of them load.
absl::Status LoadCalendarFiles(WorkCalendar& calendar, const std::vector<std::string>& paths);

/// Where the bundled years are: $RENEWAL_CALENDAR_DIR when set, else the installed
/// share/renewal/calendar when it exists, else the source tree's data/calendar.
std::string BundledCalendarDir();
/// The bundled years (LoadCalendarDir(BundledCalendarDir())).
absl::StatusOr<WorkCalendar> BundledCalendar();

}  // namespace renewal

#endif  // RENEWAL_CALENDAR_CALENDAR_H_
