// Civil dates from and to day counts (Howard Hinnant's days_from_civil and
// civil_from_days, which are exact over the proleptic Gregorian calendar).
#include "renewal/calendar/date.h"

#include <cstdio>

#include "absl/status/status.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

struct Ymd {
  int y, m, d;
};

constexpr std::int32_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr Ymd CivilFromDays(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2), m, d};
}

static_assert(DaysFromCivil(1970, 1, 1) == 0);
static_assert(DaysFromCivil(2025, 1, 24) == 20112);

constexpr bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int DaysInMonth(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

std::string Ymd4(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

}  // namespace

absl::StatusOr<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinDateYear || year > kMaxDateYear || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return absl::InvalidArgumentError(StrCat("no such date ", year, "-", month, "-", day));
  }
  return FromDays(DaysFromCivil(year, month, day));
}

absl::StatusOr<Date> Date::Parse(std::string_view text) {
  auto digits = [&](std::size_t from, std::size_t n, int* out) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, &y) ||
      !digits(5, 2, &m) || !digits(8, 2, &d)) {
    std::string shown(text.substr(0, 40));
    return absl::InvalidArgumentError(
        StrCat("expected a date like 2025-01-24, got \"", shown, "\""));
  }
  auto date = FromYmd(y, m, d);
  if (!date.ok()) {
    return absl::InvalidArgumentError(StrCat("no such date ", std::string(text)));
  }
  return date;
}

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return CivilFromDays(days_).m; }
int Date::day() const { return CivilFromDays(days_).d; }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (4).
  const int r = static_cast<int>(((static_cast<std::int64_t>(days_) + 3) % 7 + 7) % 7);
  return r + 1;
}

std::string Date::ToString() const {
  const Ymd c = CivilFromDays(days_);
  return Ymd4(c.y, c.m, c.d);
}

}  // namespace renewal
