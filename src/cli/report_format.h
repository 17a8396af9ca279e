// `--format html|xlsx [-o FILE]`: a command's JSON document rendered as a report to
// hand upward (docs/reports.md). One renderer: the Python package's renewal.reports
// (Jinja2, XlsxWriter), run as `python3 -m renewal.reports`, so the command line and
// Python give the same pages and workbooks.
#ifndef RENEWAL_CLI_REPORT_FORMAT_H_
#define RENEWAL_CLI_REPORT_FORMAT_H_

#include <ostream>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "command.h"

namespace renewal::cli {

// --format html|xlsx and -o,--output FILE.
std::vector<OptionSpec> ReportOptions();

// Whether --format asks for a report; a value other than html or xlsx is a usage error,
// and so is --lang en (the reports are in Chinese).
absl::StatusOr<bool> WantsReport(const Args& args);

// Renders `document` (the command's --json output) as --format says, to -o FILE (html
// may go to stdout; xlsx needs -o). The file is written whole or not at all.
absl::Status WriteReport(const Args& args, std::string_view document, std::ostream& out);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_REPORT_FORMAT_H_
