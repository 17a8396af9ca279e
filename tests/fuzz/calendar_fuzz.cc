// One year of the working-day calendar: the reader never crashes, and what it
// accepts writes back to the same year and loads into a calendar.
#include "fuzz_support.h"
#include "renewal/calendar/calendar.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  auto year = ParseCalendarYearJson(fuzz::Text(data, size));
  if (!year.ok()) return 0;
  auto back = ParseCalendarYearJson(CalendarYearToJson(*year));
  fuzz::Check(back.ok() && *back == *year, "a calendar year round-trips");
  WorkCalendar calendar;
  fuzz::Check(calendar.AddYear(*year).ok(), "an accepted year loads");
  return 0;
}
