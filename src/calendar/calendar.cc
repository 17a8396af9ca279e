// The working-day calendar: day kinds per loaded year and the deadline arithmetic.
#include "renewal/calendar/calendar.h"

#include <algorithm>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

std::string YearList(const std::vector<CalendarYear>& notices) {
  if (notices.empty()) return "none";
  std::string s;
  for (const CalendarYear& y : notices) s += StrCat(s.empty() ? "" : ", ", y.year);
  return s;
}

}  // namespace

absl::Status ValidateCalendarYear(const CalendarYear& y) {
  if (y.year < kMinDateYear || y.year > kMaxDateYear) {
    return absl::InvalidArgumentError(StrCat("calendar year: must be between ", kMinDateYear,
                                             " and ", kMaxDateYear, ", got ", y.year));
  }
  const std::string where = StrCat("calendar ", y.year);
  if (y.notice_title.empty()) {
    return absl::InvalidArgumentError(StrCat(where, " notice.title: required field is missing"));
  }
  for (std::size_t i = 0; i < y.holidays.size(); ++i) {
    const HolidayPeriod& h = y.holidays[i];
    const std::string field = StrCat(where, " holidays[", i, "] \"", h.name_zh, "\"");
    if (h.name_zh.empty() || h.name_en.empty()) {
      return absl::InvalidArgumentError(StrCat(field, " name: both name_zh and name_en are required"));
    }
    if (h.first.year() != y.year || h.last.year() != y.year) {
      return absl::InvalidArgumentError(
          StrCat(field, " from/to: ", h.first.ToString(), " to ", h.last.ToString(),
                 " is not within ", y.year, " (each year's file lists its own days)"));
    }
    if (h.last < h.first) {
      return absl::InvalidArgumentError(StrCat(field, " to: ", h.last.ToString(),
                                               " is before from ", h.first.ToString()));
    }
    if (i > 0 && !(y.holidays[i - 1].last < h.first)) {
      return absl::InvalidArgumentError(StrCat(
          field, " from: ", h.first.ToString(),
          " overlaps or precedes the previous period (periods are listed in date order)"));
    }
  }
  for (std::size_t i = 0; i < y.makeup_workdays.size(); ++i) {
    const Date d = y.makeup_workdays[i];
    const std::string field = StrCat(where, " makeup_workdays[", i, "] ", d.ToString());
    if (d.year() != y.year) {
      return absl::InvalidArgumentError(StrCat(field, ": not within ", y.year));
    }
    if (d.weekday() < 6) {
      return absl::InvalidArgumentError(
          StrCat(field, ": a make-up working day must be a Saturday or Sunday"));
    }
    if (i > 0 && !(y.makeup_workdays[i - 1] < d)) {
      return absl::InvalidArgumentError(
          StrCat(field, ": listed twice or out of date order"));
    }
    for (const HolidayPeriod& h : y.holidays) {
      if (h.first <= d && d <= h.last) {
        return absl::InvalidArgumentError(StrCat(field, ": falls within holiday \"", h.name_zh, "\""));
      }
    }
  }
  return absl::OkStatus();
}

absl::Status WorkCalendar::AddYear(const CalendarYear& y) {
  RENEWAL_RETURN_IF_ERROR(ValidateCalendarYear(y));
  for (const CalendarYear& have : notices_) {
    if (have.year == y.year) {
      return absl::AlreadyExistsError(StrCat("calendar ", y.year, ": year loaded twice"));
    }
  }
  const Date jan1 = *Date::FromYmd(y.year, 1, 1);
  const Date dec31 = *Date::FromYmd(y.year, 12, 31);
  // Grow the day table to cover the year; new days are "not loaded".
  if (kinds_.empty()) {
    first_ = jan1;
    kinds_.assign(static_cast<std::size_t>(dec31.DaysSince(jan1) + 1), kNotLoaded);
  } else {
    if (jan1 < first_) {
      kinds_.insert(kinds_.begin(), static_cast<std::size_t>(first_.DaysSince(jan1)), kNotLoaded);
      first_ = jan1;
    }
    const std::size_t need = static_cast<std::size_t>(dec31.DaysSince(first_) + 1);
    if (kinds_.size() < need) kinds_.resize(need, kNotLoaded);
  }
  for (Date d = jan1; d <= dec31; d = d.AddDays(1)) {
    kinds_[static_cast<std::size_t>(d.DaysSince(first_))] =
        static_cast<std::uint8_t>(d.weekday() >= 6 ? DayKind::kWeekend : DayKind::kWorkday);
  }
  for (const HolidayPeriod& h : y.holidays) {
    for (Date d = h.first; d <= h.last; d = d.AddDays(1)) {
      kinds_[static_cast<std::size_t>(d.DaysSince(first_))] =
          static_cast<std::uint8_t>(DayKind::kHoliday);
    }
  }
  for (Date d : y.makeup_workdays) {
    kinds_[static_cast<std::size_t>(d.DaysSince(first_))] =
        static_cast<std::uint8_t>(DayKind::kMakeupWorkday);
  }
  notices_.push_back(y);
  std::sort(notices_.begin(), notices_.end(),
            [](const CalendarYear& a, const CalendarYear& b) { return a.year < b.year; });
  return absl::OkStatus();
}

std::vector<int> WorkCalendar::years() const {
  std::vector<int> out;
  for (const CalendarYear& y : notices_) out.push_back(y.year);
  return out;
}

bool WorkCalendar::Covers(Date d) const {
  if (d < first_) return false;
  const auto i = static_cast<std::size_t>(d.DaysSince(first_));
  return i < kinds_.size() && kinds_[i] != kNotLoaded;
}

absl::Status WorkCalendar::OutOfCalendar(Date d) const {
  return absl::OutOfRangeError(StrCat(d.ToString(), " is outside the working-day calendar (loaded: ",
                                      YearList(notices_), "); load the State Council's notice for ",
                                      d.year()));
}

absl::StatusOr<DayKind> WorkCalendar::Kind(Date d) const {
  if (!Covers(d)) return OutOfCalendar(d);
  return static_cast<DayKind>(kinds_[static_cast<std::size_t>(d.DaysSince(first_))]);
}

absl::StatusOr<bool> WorkCalendar::IsWorkday(Date d) const {
  RENEWAL_ASSIGN_OR_RETURN(DayKind k, Kind(d));
  return IsWorking(k);
}

absl::StatusOr<Date> WorkCalendar::AddWorkdays(Date start, std::int32_t n) const {
  if (n < 0) {
    return absl::InvalidArgumentError(StrCat("working days: must be >= 0, got ", n));
  }
  Date d = start;
  for (std::int32_t counted = 0; counted < n;) {
    d = d.AddDays(1);
    RENEWAL_ASSIGN_OR_RETURN(DayKind k, Kind(d));
    if (IsWorking(k)) ++counted;
  }
  return d;
}

absl::StatusOr<std::int32_t> WorkCalendar::WorkdaysBetween(Date from, Date to) const {
  std::int32_t n = 0;
  for (Date d = from.AddDays(1); d <= to; d = d.AddDays(1)) {
    RENEWAL_ASSIGN_OR_RETURN(DayKind k, Kind(d));
    if (IsWorking(k)) ++n;
  }
  return n;
}

std::string DescribeDeadline(const DeadlineRule& rule, bool zh) {
  if (zh) {
    return StrCat(rule.amount, rule.unit == DeadlineUnit::kWorkingDays ? "个工作日" : "个自然日",
                  rule.roll_to_workday ? "（末日遇休息日顺延）" : "");
  }
  return StrCat(rule.amount, rule.unit == DeadlineUnit::kWorkingDays ? " working" : " calendar",
                rule.amount == 1 ? " day" : " days",
                rule.roll_to_workday ? " (moved to the next working day when it ends on a day off)"
                                     : "");
}

absl::StatusOr<Date> Deadline(const WorkCalendar& calendar, Date start, const DeadlineRule& rule) {
  if (rule.amount < 0) {
    return absl::InvalidArgumentError(StrCat("deadline amount: must be >= 0, got ", rule.amount));
  }
  if (rule.unit == DeadlineUnit::kWorkingDays) return calendar.AddWorkdays(start, rule.amount);
  Date d = start.AddDays(rule.amount);
  RENEWAL_ASSIGN_OR_RETURN(DayKind k, calendar.Kind(d));
  if (rule.roll_to_workday) {
    while (!IsWorking(k)) {
      d = d.AddDays(1);
      RENEWAL_ASSIGN_OR_RETURN(k, calendar.Kind(d));
    }
  }
  return d;
}

}  // namespace renewal
