#include "report_format.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "python_module.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal::cli {
namespace {

// Runs `python -m renewal.reports - --format F -o OUT` with `document` on its stdin.
absl::Status RunRenderer(std::string_view document, const std::string& format,
                         const std::string& output) {
  RENEWAL_ASSIGN_OR_RETURN(
      const int exit_code,
      RunPythonModule("renewal.reports", {"-", "--format", format, "-o", output}, document,
                      StrCat("--format ", format)));
  if (exit_code == 0) return absl::OkStatus();
  if (exit_code == 1) {
    return absl::InvalidArgumentError(StrCat("--format ", format, ": the report was not written"));
  }
  return absl::FailedPreconditionError(StrCat(
      "--format ", format, ": ", PythonInterpreter(), " -m renewal.reports failed (exit ",
      exit_code, "); reports need the renewal Python package, python3-jinja2 and "
      "python3-xlsxwriter"));
}

}  // namespace

std::vector<OptionSpec> ReportOptions() {
  return {{"--format", "html|xlsx",
           "the result as a report to hand upward, in Chinese (docs/reports.md)", ""},
          {"-o,--output", "FILE", "where the report goes (html: \"-\" for stdout)", "-"}};
}

absl::StatusOr<bool> WantsReport(const Args& args) {
  std::optional<std::string> format = args.option("format");
  if (!format) return false;
  if (*format != "html" && *format != "xlsx") {
    return UsageError(StrCat("--format: expected html or xlsx, got \"", *format, "\""));
  }
  // The reports are documents in Chinese (docs/reports.md): refused rather than
  // handed over in Chinese when English was asked for.
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (lang == Lang::kEn) {
    return UsageError(StrCat("--lang en: the --format ", *format,
                             " reports are in Chinese; --json is language-neutral"));
  }
  return true;
}

absl::Status WriteReport(const Args& args, std::string_view document, std::ostream& out) {
  const std::string format = *args.option("format");
  const std::string output = args.option("output").value_or("-");
  if (output != "-") return RunRenderer(document, format, output);
  if (format == "xlsx") return UsageError("--format xlsx: give the workbook a file with -o FILE");
  // To stdout: render to a temporary file, then copy it to `out`.
  const std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                                    StrCat("renewal-report-", getpid(), ".html");
  absl::Status rendered = RunRenderer(document, format, tmp.string());
  if (rendered.ok()) {
    std::ifstream in(tmp, std::ios::binary);
    out << in.rdbuf();
  }
  std::error_code ignored;
  std::filesystem::remove(tmp, ignored);
  return rendered;
}

}  // namespace renewal::cli
