// The JSON pieces the report and the ranking share. Private to the progress area.
#ifndef RENEWAL_SRC_PROGRESS_REPORT_JSON_H_
#define RENEWAL_SRC_PROGRESS_REPORT_JSON_H_

#include <string>
#include <string_view>

#include "renewal/progress/progress_report.h"

namespace renewal::internal {

/// A report row as a JSON object; the change in points is null without a previous period.
void AppendReportRow(std::string& out, const ReportRow& r, bool has_previous);
/// `"key":{"kind":...,"label":...,"first":...,"last":...}` after a comma when needed.
void AppendPeriod(std::string& out, std::string_view key, const Period& p);

}  // namespace renewal::internal

#endif  // RENEWAL_SRC_PROGRESS_REPORT_JSON_H_
