#include "renewal/calendar/date.h"

#include <gtest/gtest.h>

namespace renewal {
namespace {

TEST(Date, ParsesAndPrints) {
  auto d = Date::Parse("2025-01-24");
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->year(), 2025);
  EXPECT_EQ(d->month(), 1);
  EXPECT_EQ(d->day(), 24);
  EXPECT_EQ(d->ToString(), "2025-01-24");
  EXPECT_EQ(d->days(), 20112);  // (2025-01-24) − (1970-01-01), counted with Python's datetime
}

TEST(Date, Weekdays) {
  // 2025-01-24 was a Friday, 2025-01-26 a Sunday, 2024-10-01 a Tuesday.
  EXPECT_EQ(Date::Parse("2025-01-24")->weekday(), 5);
  EXPECT_EQ(Date::Parse("2025-01-26")->weekday(), 7);
  EXPECT_EQ(Date::Parse("2024-10-01")->weekday(), 2);
  EXPECT_EQ(Date::Parse("1969-12-31")->weekday(), 3);
}

TEST(Date, LeapYears) {
  EXPECT_TRUE(Date::Parse("2024-02-29").ok());
  EXPECT_TRUE(Date::Parse("2000-02-29").ok());
  EXPECT_FALSE(Date::Parse("2025-02-29").ok());
  EXPECT_FALSE(Date::Parse("1900-02-29").ok());
  EXPECT_EQ(Date::Parse("2024-02-28")->AddDays(2).ToString(), "2024-03-01");
  EXPECT_EQ(Date::Parse("2024-12-31")->AddDays(1).ToString(), "2025-01-01");
}

TEST(Date, RejectsMalformed) {
  for (const char* bad : {"2025-1-24", "2025/01/24", "20250124", "2025-13-01", "2025-04-31",
                          "2025-00-10", "0999-01-01", "", "2025-01-24 "}) {
    auto d = Date::Parse(bad);
    EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(Date, DaysSince) {
  EXPECT_EQ(Date::Parse("2025-02-07")->DaysSince(*Date::Parse("2025-01-24")), 14);
  EXPECT_LT(*Date::Parse("2024-12-31"), *Date::Parse("2025-01-01"));
}

}  // namespace
}  // namespace renewal
