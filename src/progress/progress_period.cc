// Periods and the exact rates' text.
#include <cstdlib>
#include <string>

#include "absl/numeric/int128.h"
#include "renewal/base/strcat.h"
#include "renewal/progress/progress_report.h"

namespace renewal {
namespace {

int LastDay(int y, int m) {
  for (int d = 31; d >= 28; --d) {
    if (IsCalendarDay(y * 10000 + m * 100 + d)) return d;
  }
  return 28;
}

Period Months(PeriodKind kind, int y, int index, int m1, int m2, std::string label) {
  Period p;
  p.kind = kind;
  p.year = y;
  p.index = index;
  p.first = y * 10000 + m1 * 100 + 1;
  p.last = y * 10000 + m2 * 100 + LastDay(y, m2);
  p.label = std::move(label);
  return p;
}

bool Digits(std::string_view s, int* out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// v / 10^0 with two decimals: v is hundredths, rounded already.
std::string Hundredths(absl::int128 v, bool sign) {
  const bool neg = v < 0;
  if (neg) v = -v;
  const auto whole = static_cast<std::int64_t>(v / 100);
  const auto frac = static_cast<int>(v % 100);
  return StrCat(neg ? "-" : (sign ? "+" : ""), whole, ".", frac < 10 ? "0" : "", frac);
}

// num/den rounded half away from zero to an integer.
absl::int128 RoundDiv(absl::int128 num, absl::int128 den) {
  const bool neg = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  absl::int128 q = (2 * num + den) / (2 * den);
  return neg ? -q : q;
}

}  // namespace

absl::StatusOr<Period> ParsePeriod(std::string_view text, int as_of) {
  const auto bad = [&] {
    return absl::InvalidArgumentError(
        StrCat("period: expected 2024-03, 2024Q1, 2024 or cumulative, got \"", text, "\""));
  };
  int y = 0, n = 0;
  if (text == "cumulative") {
    if (as_of == 0) {
      return absl::InvalidArgumentError("period: a cumulative period needs the day it ends (as of)");
    }
    if (!IsCalendarDay(as_of)) return absl::InvalidArgumentError("period: as of: not a calendar day");
    Period p;
    p.kind = PeriodKind::kCumulative;
    p.year = as_of / 10000;
    p.first = 19000101;
    p.last = as_of;
    p.label = StrCat("cumulative to ", FormatProgressDate(as_of));
    return p;
  }
  if (text.size() < 4 || !Digits(text.substr(0, 4), &y) || y < 1990 || y > 2100) return bad();
  if (text.size() == 4) return Months(PeriodKind::kYear, y, 0, 1, 12, std::string(text));
  if (text.size() == 7 && text[4] == '-' && Digits(text.substr(5), &n) && n >= 1 && n <= 12) {
    return Months(PeriodKind::kMonth, y, n, n, n, std::string(text));
  }
  if (text.size() == 6 && text[4] == 'Q' && Digits(text.substr(5), &n) && n >= 1 && n <= 4) {
    return Months(PeriodKind::kQuarter, y, n, 3 * n - 2, 3 * n, std::string(text));
  }
  return bad();
}

std::optional<Period> PreviousPeriod(const Period& p) {
  switch (p.kind) {
    case PeriodKind::kMonth: {
      const int y = p.index == 1 ? p.year - 1 : p.year, m = p.index == 1 ? 12 : p.index - 1;
      return Months(PeriodKind::kMonth, y, m, m, m,
                    StrCat(y, "-", m < 10 ? "0" : "", m));
    }
    case PeriodKind::kQuarter: {
      const int y = p.index == 1 ? p.year - 1 : p.year, q = p.index == 1 ? 4 : p.index - 1;
      return Months(PeriodKind::kQuarter, y, q, 3 * q - 2, 3 * q, StrCat(y, "Q", q));
    }
    case PeriodKind::kYear:
      return Months(PeriodKind::kYear, p.year - 1, 0, 1, 12, std::to_string(p.year - 1));
    case PeriodKind::kCumulative:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string PercentText(Fraction f) {
  if (f.den <= 0) return "";
  return Hundredths(RoundDiv(absl::int128(f.num) * 10000, f.den), false);
}

std::string PointsText(Fraction a, Fraction b) {
  if (a.den <= 0 || b.den <= 0) return "";
  const absl::int128 num =
      (absl::int128(a.num) * b.den - absl::int128(b.num) * a.den) * 10000;
  return Hundredths(RoundDiv(num, absl::int128(a.den) * b.den), true);
}

}  // namespace renewal
