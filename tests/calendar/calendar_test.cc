// The working-day calendar against the State Council notices, worked by hand.
#include "renewal/calendar/calendar.h"

#include <gtest/gtest.h>

#include <string>

namespace renewal {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

std::string DataDir() { return std::string(RENEWAL_SOURCE_DIR) + "/data/calendar"; }

// Only 2024 and 2025, whatever else is bundled: the tests that walk off the end
// must not depend on which later years ship.
WorkCalendar Calendar2024And2025() {
  WorkCalendar c;
  absl::Status s = LoadCalendarFiles(c, {DataDir() + "/2024.json", DataDir() + "/2025.json"});
  EXPECT_TRUE(s.ok()) << s;
  return c;
}

TEST(WorkCalendar, BundledYearsLoad) {
  auto c = LoadCalendarDir(DataDir());
  ASSERT_TRUE(c.ok()) << c.status();
  ASSERT_GE(c->years().size(), 2u);
  EXPECT_EQ(c->years()[0], 2024);
  EXPECT_EQ(c->years()[1], 2025);
  EXPECT_EQ(c->notices()[1].notice_number, "国办发明电〔2024〕12号");
}

TEST(WorkCalendar, DayKinds2025) {
  // 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）二、春节：1月28日
  // 至2月4日放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
  const WorkCalendar c = Calendar2024And2025();
  EXPECT_EQ(*c.Kind(D("2025-01-24")), DayKind::kWorkday);        // Friday
  EXPECT_EQ(*c.Kind(D("2025-01-25")), DayKind::kWeekend);        // Saturday
  EXPECT_EQ(*c.Kind(D("2025-01-26")), DayKind::kMakeupWorkday);  // Sunday, worked
  EXPECT_EQ(*c.Kind(D("2025-01-28")), DayKind::kHoliday);        // 除夕
  EXPECT_EQ(*c.Kind(D("2025-02-01")), DayKind::kHoliday);        // Saturday inside the holiday
  EXPECT_EQ(*c.Kind(D("2025-02-04")), DayKind::kHoliday);        // 正月初七
  EXPECT_EQ(*c.Kind(D("2025-02-05")), DayKind::kWorkday);
  EXPECT_EQ(*c.Kind(D("2025-02-08")), DayKind::kMakeupWorkday);
  EXPECT_EQ(*c.Kind(D("2025-02-09")), DayKind::kWeekend);
}

TEST(WorkCalendar, FiveWorkingDaysAcrossSpringFestival2025) {
  // From Friday 2025-01-24, counting the working days after it (国办发明电〔2024〕12号):
  //   01-25 Sat  weekend
  //   01-26 Sun  make-up working day       → 1
  //   01-27 Mon  working day               → 2
  //   01-28 … 02-04  春节 holiday (8 days)
  //   02-05 Wed  → 3,  02-06 Thu → 4,  02-07 Fri → 5
  // so five working days end on 2025-02-07 (a plain Mon–Fri count would say 01-31).
  const WorkCalendar c = Calendar2024And2025();
  auto d = Deadline(c, D("2025-01-24"), {5, DeadlineUnit::kWorkingDays});
  ASSERT_TRUE(d.ok()) << d.status();
  EXPECT_EQ(d->ToString(), "2025-02-07");
  // The sixth is Saturday 02-08, the other make-up day; the seventh Monday 02-10.
  EXPECT_EQ(c.AddWorkdays(D("2025-01-24"), 6)->ToString(), "2025-02-08");
  EXPECT_EQ(c.AddWorkdays(D("2025-01-24"), 7)->ToString(), "2025-02-10");
  // Counting back: the working days in (01-24, 02-07] are those five.
  EXPECT_EQ(*c.WorkdaysBetween(D("2025-01-24"), D("2025-02-07")), 5);
}

TEST(WorkCalendar, NationalDay2024) {
  // 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）七、国庆节：10月1日
  // 至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
  // From Friday 2024-09-27: 09-28 Sat off; 09-29 Sun worked → 1; 09-30 Mon → 2;
  // 10-01 … 10-07 off; 10-08 Tue → 3; 10-09 → 4; 10-10 → 5; 10-11 Fri → 6;
  // 10-12 Sat worked → 7.
  const WorkCalendar c = Calendar2024And2025();
  EXPECT_EQ(Deadline(c, D("2024-09-27"), {3, DeadlineUnit::kWorkingDays})->ToString(), "2024-10-08");
  EXPECT_EQ(Deadline(c, D("2024-09-27"), {6, DeadlineUnit::kWorkingDays})->ToString(), "2024-10-11");
  EXPECT_EQ(Deadline(c, D("2024-09-27"), {7, DeadlineUnit::kWorkingDays})->ToString(), "2024-10-12");
}

TEST(WorkCalendar, CalendarDaysAndRolling) {
  const WorkCalendar c = Calendar2024And2025();
  // 2024-09-27 + 7 calendar days = 2024-10-04, inside 国庆; rolled, the next working
  // day is 2024-10-08.
  EXPECT_EQ(Deadline(c, D("2024-09-27"), {7, DeadlineUnit::kCalendarDays})->ToString(),
            "2024-10-04");
  EXPECT_EQ(Deadline(c, D("2024-09-27"), {7, DeadlineUnit::kCalendarDays, true})->ToString(),
            "2024-10-08");
  // Ending on a working day, rolling changes nothing: 2024-09-27 + 3 = 09-30 (Monday).
  EXPECT_EQ(Deadline(c, D("2024-09-27"), {3, DeadlineUnit::kCalendarDays, true})->ToString(),
            "2024-09-30");
  // Zero days: the same day.
  EXPECT_EQ(Deadline(c, D("2024-09-27"), {0, DeadlineUnit::kWorkingDays})->ToString(), "2024-09-27");
}

TEST(WorkCalendar, DeadlineOutsideTheCalendarIsAnError) {
  // 2025-12-24 (Wed) + 10 working days: 12-25 → 1, 12-26 → 2, 12-29 → 3, 12-30 → 4,
  // 12-31 → 5, then 2026-01-01 — a year this calendar does not hold. Never guessed.
  const WorkCalendar c = Calendar2024And2025();
  auto d = Deadline(c, D("2025-12-24"), {10, DeadlineUnit::kWorkingDays});
  EXPECT_EQ(d.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_NE(d.status().message().find("2026-01-01"), std::string::npos) << d.status();
  // Five still fit.
  EXPECT_EQ(Deadline(c, D("2025-12-24"), {5, DeadlineUnit::kWorkingDays})->ToString(), "2025-12-31");
  // A calendar-day deadline landing in 2026 is refused too, and so is a start before 2024.
  EXPECT_EQ(Deadline(c, D("2025-12-24"), {8, DeadlineUnit::kCalendarDays}).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(c.Kind(D("2023-12-31")).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Deadline(c, D("2024-01-01"), {-1, DeadlineUnit::kWorkingDays}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(WorkCalendar, LoadingTwiceOrBadFilesChangesNothing) {
  WorkCalendar c = Calendar2024And2025();
  absl::Status s = LoadCalendarFiles(c, {DataDir() + "/2025.json"});
  EXPECT_EQ(s.code(), absl::StatusCode::kAlreadyExists);
  EXPECT_EQ(c.years(), (std::vector<int>{2024, 2025}));
}

TEST(CalendarJson, RoundTrips) {
  auto c = LoadCalendarDir(DataDir());
  ASSERT_TRUE(c.ok()) << c.status();
  for (const CalendarYear& y : c->notices()) {
    auto back = ParseCalendarYearJson(CalendarYearToJson(y));
    ASSERT_TRUE(back.ok()) << back.status();
    EXPECT_EQ(*back, y);
  }
}

TEST(CalendarJson, RejectsBadInput) {
  const std::string good_notice =
      R"("notice": {"title": "t", "issued": "2024-11-12"})";
  struct Case {
    std::string text;
    std::string needle;
  };
  const Case cases[] = {
      {R"({"year": 2025, "year": 2026, )" + good_notice + R"(, "holidays": [], "makeup_workdays": []})",
       "duplicate key"},
      {R"({"year": 2025, )" + good_notice + R"(, "holidays": [], "makeup_workdays": [], "extra": 1})",
       "extra"},
      {R"({"year": 2025, )" + good_notice +
           R"(, "holidays": [{"name_zh": "春节", "name_en": "x", "from": "2025-02-30", "to": "2025-03-01"}], "makeup_workdays": []})",
       "holidays[0].from"},
      {R"({"year": 2025, )" + good_notice + R"(, "holidays": [], "makeup_workdays": ["2025-01-27"]})",
       "Saturday or Sunday"},
      {R"({"year": 2025, )" + good_notice +
           R"(, "holidays": [{"name_zh": "元旦", "name_en": "x", "from": "2024-12-31", "to": "2025-01-01"}], "makeup_workdays": []})",
       "not within 2025"},
      {R"({"year": 2025, )" + good_notice +
           R"(, "holidays": [{"name_zh": "a", "name_en": "a", "from": "2025-05-01", "to": "2025-05-05"}], "makeup_workdays": ["2025-05-03"]})",
       "falls within holiday"},
      {R"({"year": 2025, "holidays": [], "makeup_workdays": []})", "notice"},
  };
  for (const Case& c : cases) {
    auto y = ParseCalendarYearJson(c.text);
    EXPECT_EQ(y.status().code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_NE(y.status().message().find(c.needle), std::string::npos) << y.status();
  }
}

}  // namespace
}  // namespace renewal
