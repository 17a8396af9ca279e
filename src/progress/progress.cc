// Dates, project totals and vote evidence.
#include "renewal/progress/progress.h"

#include <cstdint>
#include <string>

#include "renewal/base/strcat.h"

namespace renewal {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

}  // namespace

absl::StatusOr<int> ParseProgressDate(std::string_view text) {
  const auto bad = [&] {
    return absl::InvalidArgumentError(
        StrCat("date: expected a calendar day like 2024-03-15, got \"", text, "\""));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char c = text[starts[i] + k];
      if (c < '0' || c > '9') return bad();
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  const int y = parts[0], m = parts[1], d = parts[2];
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return bad();
  return y * 10000 + m * 100 + d;
}

bool IsCalendarDay(int yyyymmdd) {
  const int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

std::string FormatProgressDate(int yyyymmdd) {
  std::string s = std::to_string(yyyymmdd);
  if (s.size() != 8) return s;
  return StrCat(s.substr(0, 4), "-", s.substr(4, 2), "-", s.substr(6, 2));
}

std::int64_t DaysSinceEpoch(int yyyymmdd) {
  // Howard Hinnant's days_from_civil.
  std::int64_t y = yyyymmdd / 10000;
  const std::int64_t m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::int64_t ProjectInfo::households() const {
  std::int64_t n = 0;
  for (const PlannedEstate& e : estates) n += e.households;
  return n;
}

Evidence EvidenceFromVote(const VoteOutcome& outcome) {
  Evidence e;
  e.kind = EvidenceKind::kVote;
  e.id = outcome.vote_id;
  e.passed = outcome.passed;
  e.rule = outcome.rule_name;
  VoteCounts c;
  c.area_agree = outcome.totals.area_agree;
  c.area_total = outcome.totals.area_total;
  c.heads_agree = outcome.totals.heads_agree;
  c.heads_total = outcome.totals.heads_total;
  e.counts = c;
  return e;
}

}  // namespace renewal
