// The calendar's JSON: one file per year (docs/schemas/calendar.schema.json), and
// the folders the bundled years are found in.
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "renewal/base/file.h"
#include "renewal/base/json_fields.h"
#include "renewal/base/json_parse.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/calendar/calendar.h"

namespace renewal {
namespace {

namespace json = boost::json;
using internal::Fields;

absl::Status ReadDate(Fields& f, std::string_view key, Date* out) {
  std::string text;
  RENEWAL_RETURN_IF_ERROR(f.String(key, true, &text));
  auto d = Date::Parse(text);
  if (!d.ok()) return f.Invalid(key, ToStd(d.status().message()));
  *out = *d;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CalendarYear> ParseCalendarYearJson(std::string_view text) {
  RENEWAL_ASSIGN_OR_RETURN(json::value doc, internal::ParseJson(text));
  if (!doc.is_object()) {
    return absl::InvalidArgumentError(
        StrCat("calendar: expected an object, got ", internal::Describe(doc)));
  }
  CalendarYear y;
  Fields top(doc.get_object(), std::string("calendar"));
  std::optional<std::int64_t> year;
  RENEWAL_RETURN_IF_ERROR(top.Int("year", kMinDateYear, kMaxDateYear, &year));
  if (!year) return top.Invalid("year", "required field is missing");
  y.year = static_cast<int>(*year);
  Fields f(doc.get_object(), StrCat("calendar ", y.year));
  f.Find("year");
  const json::object* notice = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Object("notice", &notice));
  if (notice == nullptr) return f.Invalid("notice", "required field is missing");
  Fields n = f.Nested(*notice, "notice");
  RENEWAL_RETURN_IF_ERROR(n.String("title", true, &y.notice_title));
  RENEWAL_RETURN_IF_ERROR(n.String("number", false, &y.notice_number));
  Date issued;
  RENEWAL_RETURN_IF_ERROR(ReadDate(n, "issued", &issued));
  y.notice_date = issued.ToString();
  RENEWAL_RETURN_IF_ERROR(n.NoUnknownFields());

  const json::array* holidays = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("holidays", true, &holidays));
  for (std::size_t i = 0; i < holidays->size(); ++i) {
    const json::value& v = (*holidays)[i];
    if (!v.is_object()) {
      return f.Invalid(StrCat("holidays[", i, "]"),
                       StrCat("expected an object, got ", internal::Describe(v)));
    }
    Fields h = f.Nested(v.get_object(), StrCat("holidays[", i, "]"));
    HolidayPeriod p;
    RENEWAL_RETURN_IF_ERROR(h.String("name_zh", true, &p.name_zh));
    RENEWAL_RETURN_IF_ERROR(h.String("name_en", true, &p.name_en));
    RENEWAL_RETURN_IF_ERROR(ReadDate(h, "from", &p.first));
    RENEWAL_RETURN_IF_ERROR(ReadDate(h, "to", &p.last));
    RENEWAL_RETURN_IF_ERROR(h.NoUnknownFields());
    y.holidays.push_back(std::move(p));
  }
  const json::array* makeup = nullptr;
  RENEWAL_RETURN_IF_ERROR(f.Array("makeup_workdays", true, &makeup));
  for (std::size_t i = 0; i < makeup->size(); ++i) {
    const json::value& v = (*makeup)[i];
    const std::string field = StrCat("makeup_workdays[", i, "]");
    if (!v.is_string()) {
      return f.Invalid(field, StrCat("expected a date string, got ", internal::Describe(v)));
    }
    auto d = Date::Parse(internal::ToStd(v.get_string()));
    if (!d.ok()) return f.Invalid(field, ToStd(d.status().message()));
    y.makeup_workdays.push_back(*d);
  }
  RENEWAL_RETURN_IF_ERROR(f.NoUnknownFields());
  RENEWAL_RETURN_IF_ERROR(ValidateCalendarYear(y));
  return y;
}

std::string CalendarYearToJson(const CalendarYear& y) {
  std::string out = StrCat("{\n  \"year\": ", y.year, ",\n  \"notice\": {\"title\": ");
  internal::AppendJsonString(out, y.notice_title);
  if (!y.notice_number.empty()) {
    out += ", \"number\": ";
    internal::AppendJsonString(out, y.notice_number);
  }
  out += StrCat(", \"issued\": \"", y.notice_date, "\"},\n  \"holidays\": [");
  for (std::size_t i = 0; i < y.holidays.size(); ++i) {
    const HolidayPeriod& h = y.holidays[i];
    out += i == 0 ? "\n    {\"name_zh\": " : ",\n    {\"name_zh\": ";
    internal::AppendJsonString(out, h.name_zh);
    out += ", \"name_en\": ";
    internal::AppendJsonString(out, h.name_en);
    out += StrCat(", \"from\": \"", h.first.ToString(), "\", \"to\": \"", h.last.ToString(), "\"}");
  }
  out += "\n  ],\n  \"makeup_workdays\": [";
  for (std::size_t i = 0; i < y.makeup_workdays.size(); ++i) {
    out += StrCat(i == 0 ? "" : ", ", "\"", y.makeup_workdays[i].ToString(), "\"");
  }
  out += "]\n}\n";
  return out;
}

absl::Status LoadCalendarFiles(WorkCalendar& calendar, const std::vector<std::string>& paths) {
  WorkCalendar copy = calendar;
  for (const std::string& path : paths) {
    RENEWAL_ASSIGN_OR_RETURN(std::string text, internal::ReadFileToString(path));
    auto year = ParseCalendarYearJson(text);
    if (!year.ok()) return internal::Prefixed(year.status(), path, ": ");
    RENEWAL_RETURN_IF_ERROR(internal::Prefixed(copy.AddYear(*year), path, ": "));
  }
  calendar = std::move(copy);
  return absl::OkStatus();
}

absl::StatusOr<WorkCalendar> LoadCalendarDir(const std::string& dir) {
  std::error_code ec;
  std::vector<std::string> paths;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json") paths.push_back(it->path().string());
  }
  if (ec) {
    return absl::NotFoundError(StrCat("calendar folder ", dir, ": ", ec.message()));
  }
  std::sort(paths.begin(), paths.end());
  WorkCalendar calendar;
  RENEWAL_RETURN_IF_ERROR(LoadCalendarFiles(calendar, paths));
  return calendar;
}

std::string BundledCalendarDir() {
  if (const char* env = std::getenv("RENEWAL_CALENDAR_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(RENEWAL_CALENDAR_INSTALL_DIR, ec)) {
    return RENEWAL_CALENDAR_INSTALL_DIR;
  }
  return RENEWAL_CALENDAR_SOURCE_DIR;
}

absl::StatusOr<WorkCalendar> BundledCalendar() { return LoadCalendarDir(BundledCalendarDir()); }

}  // namespace renewal
