// A civil date (proleptic Gregorian, no time zone): what deadlines, appointments and
// acceptance forms are dated with. Stored as a day count so that adding days and
// comparing are plain integer operations.
#ifndef RENEWAL_CALENDAR_DATE_H_
#define RENEWAL_CALENDAR_DATE_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace renewal {

/// The earliest and latest years a Date may name.
inline constexpr int kMinDateYear = 1900;
inline constexpr int kMaxDateYear = 9999;

/// A day of the civil calendar.
class Date {
 public:
  /// 1970-01-01.
  constexpr Date() = default;

  /// The date y-m-d, or InvalidArgument "no such date 2025-02-29" (years
  /// kMinDateYear to kMaxDateYear).
  static absl::StatusOr<Date> FromYmd(int year, int month, int day);
  /// "2025-01-24" (exactly four, two and two digits); InvalidArgument otherwise.
  static absl::StatusOr<Date> Parse(std::string_view text);
  /// The date `days` after 1970-01-01 (negative: before); unchecked.
  static constexpr Date FromDays(std::int32_t days) {
    Date d;
    d.days_ = days;
    return d;
  }

  /// Days since 1970-01-01.
  constexpr std::int32_t days() const { return days_; }
  int year() const;
  int month() const;
  int day() const;
  /// ISO weekday: 1 = Monday … 7 = Sunday.
  int weekday() const;
  /// "2025-01-24".
  std::string ToString() const;

  /// The date `n` days later (earlier when negative).
  constexpr Date AddDays(std::int32_t n) const { return FromDays(days_ + n); }
  /// Days from `earlier` to this date (negative when `earlier` is later).
  constexpr std::int32_t DaysSince(Date earlier) const { return days_ - earlier.days_; }

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  std::int32_t days_ = 0;
};

}  // namespace renewal

#endif  // RENEWAL_CALENDAR_DATE_H_
