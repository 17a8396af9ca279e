// `renewal survey-template -o FILE.xlsx`: the survey workbook with Chinese headers
// (docs/survey.md), written by the Python package (`python3 -m renewal
// survey-template`), so the command and `renewal.survey_template()` write the same
// file.
#include <optional>
#include <ostream>
#include <string>

#include "command.h"
#include "python_module.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] = "survey-template -o FILE.xlsx";

absl::Status SurveyTemplate(const Args& args, std::ostream& out) {
  if (!args.positional().empty()) return UsageError(StrCat("usage: renewal ", kUsage));
  const std::optional<std::string> output = args.option("output");
  if (!output || output->empty() || *output == "-") {
    // A required option missing is exit 1, as for every command (command.h).
    return absl::InvalidArgumentError("-o FILE.xlsx: the template is a workbook; give it a file");
  }
  if (!output->ends_with(".xlsx") && !output->ends_with(".XLSX")) {
    return absl::InvalidArgumentError(
        StrCat("-o: the template is an .xlsx workbook, got \"", *output, "\""));
  }
  RENEWAL_ASSIGN_OR_RETURN(
      const int exit_code,
      RunPythonModule("renewal", {"survey-template", "-o", *output}, "", "survey-template"));
  if (exit_code == 1) return absl::InvalidArgumentError(StrCat(*output, ": not written"));
  if (exit_code != 0) {
    return absl::FailedPreconditionError(
        StrCat("survey-template: ", PythonInterpreter(),
               " -m renewal survey-template failed (exit ", exit_code,
               "); it needs the renewal Python package and python3-xlsxwriter"));
  }
  out << "已写出 written: 调查表模板 survey template → " << *output << "\n";
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "survey-template",
     .usage = kUsage,
     .summary = "Write the survey workbook (sheets 小区, 楼栋, 房屋, 业主, 区, 街道, "
                "单元 with Chinese headers and a 说明 sheet) that renewal.read_survey "
                "reads.",
     .options = {{"-o,--output", "FILE.xlsx", "the workbook to write (replaced whole)", ""}},
     .run = SurveyTemplate,
     .positionals = "",
     .example = "survey-template -o 调查表.xlsx",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
