// `renewal screen FILE --policy NAME|policy.json`: eligibility of every estate,
// with the failing and unknown rules; `--estate ID` prints every rule's reason.
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"
#include "input.h"
#include "report_format.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/registry/registry_json.h"
#include "renewal/eligibility/summary.h"
#include "renewal/base/status_macros.h"
#include "progress.h"
#include "summary_table.h"
#include "table.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] =
    "screen FILE --policy NAME|policy.json [--year Y] [--estate ID] [--json | --format html|xlsx "
    "[-o FILE]]";

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out.empty() ? "-" : out;
}

absl::Status Screen(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1) {
    return UsageError(std::string("usage: renewal ") + kUsage);
  }
  const std::optional<std::string> spec = args.option("policy");
  if (!spec) {
    return absl::InvalidArgumentError(
        "--policy: required (national_2020, yueyang, xiangtan_competitive or a JSON file)");
  }
  long long year_ll = 0;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("year", CurrentYear(), &year_ll));
  if (year_ll < 1900 || year_ll > 2200) {
    return absl::InvalidArgumentError("--year: must be between 1900 and 2200, got " +
                                      std::to_string(year_ll));
  }
  const int year = static_cast<int>(year_ll);
  RENEWAL_ASSIGN_OR_RETURN(Policy policy, LoadPolicyInput(*spec));
  RENEWAL_ASSIGN_OR_RETURN(Registry r, LoadRegistryInput(args.positional()[0]));

  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (std::optional<std::string> id = args.option("estate")) {
    const std::optional<Index> e = r.FindEstate(*id);
    if (!e) return absl::NotFoundError("--estate: no estate with id \"" + *id + "\"");
    if (args.flag("json")) {
      WriteEstateScreeningJson(r, policy, *e, year, out);
      return absl::OkStatus();
    }
    const EstateScreening s = ScreenEstate(policy, r.estate(*e).facts, year);
    const Estate& estate = r.estate(*e);
    if (lang == Lang::kZh) {
      out << estate.id << " " << estate.name << "：" << ZhOf(s.status) << "（"
          << (policy.zh.empty() ? policy.name : policy.zh) << "，" << year << "年）\n";
    } else {
      out << estate.id << " " << estate.name << ": " << EnOf(s.status) << " ("
          << (policy.en.empty() ? policy.name : policy.en) << ", " << year << ")\n";
    }
    for (std::size_t k = 0; k < policy.rules.size(); ++k) {
      out << "  "
          << (lang == Lang::kZh ? ReasonZh(policy.rules[k], s.rules[k])
                                : ReasonEn(policy.rules[k], s.rules[k]))
          << "\n";
    }
    return absl::OkStatus();
  }

  ScreeningResult screening;
  {
    Progress progress("renewal screen: screening " + std::to_string(r.estate_count()) + " estates");
    screening = ScreenRegistry(r, policy, year);
  }
  RENEWAL_ASSIGN_OR_RETURN(const bool report, WantsReport(args));
  if (report) {
    std::ostringstream doc;
    WriteScreeningJson(r, policy, screening, year, doc);
    return WriteReport(args, doc.str(), out);
  }
  if (args.flag("json")) {
    WriteScreeningJson(r, policy, screening, year, out);
    return absl::OkStatus();
  }
  const bool zh = lang == Lang::kZh;
  out << PolicyLine(policy, year, lang);
  if (zh) {
    out << "小区 " << screening.estate_count() << " 个：符合改造条件 " << screening.eligible
        << "，不符合改造条件 " << screening.ineligible << "，待核实 " << screening.undetermined
        << "\n\n规则：\n";
  } else {
    out << screening.estate_count() << " estates: " << screening.eligible << " eligible, "
        << screening.ineligible << " ineligible, " << screening.undetermined
        << " undetermined\n\nrules:\n";
  }
  std::vector<std::vector<std::string>> legend = {
      zh ? std::vector<std::string>{"编号", "规则", "依据"}
         : std::vector<std::string>{"id", "rule", "source"}};
  for (const EligibilityRule& rule : policy.rules) {
    const std::string text =
        zh ? (rule.zh.empty() ? std::string(ZhOf(rule.kind)) : rule.zh)
           : (rule.en.empty() ? std::string(EnOf(rule.kind)) : rule.en);
    legend.push_back({rule.id, text, rule.source});
  }
  out << FormatTable(legend) << "\n";
  std::vector<std::vector<std::string>> rows = {
      zh ? std::vector<std::string>{"小区编号", "小区名称", "区", "结论", "不符合的规则",
                                    "数据缺失的规则"}
         : std::vector<std::string>{"estate", "name", "district", "status", "failed rules",
                                    "rules lacking data"}};
  rows.reserve(screening.estate_count() + 1);
  for (Index e = 0; e < screening.estate_count(); ++e) {
    const Estate& estate = r.estate(e);
    std::vector<std::string> failed, unknown;
    for (std::size_t k = 0; k < screening.rule_count; ++k) {
      const RuleOutcome o = screening.outcome(e, k);
      if (o == RuleOutcome::kFail) failed.push_back(policy.rules[k].id);
      if (o == RuleOutcome::kUnknown) unknown.push_back(policy.rules[k].id);
    }
    rows.push_back({estate.id, estate.name, r.district(estate.district).name,
                    std::string(zh ? ZhOf(screening.status[e]) : EnOf(screening.status[e])),
                    Join(failed), Join(unknown)});
  }
  out << FormatTable(rows);
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "screen",
     .usage = kUsage,
     .summary = "Screen every estate under an eligibility policy (preset or JSON file); "
                "--estate ID explains one estate rule by rule.",
     .options = {{"--policy", "NAME|policy.json",
                  "required: national_2020, yueyang, xiangtan_competitive or a JSON file", ""},
                 {"--year", "Y", "assessment year, 1900 to 2200", "this year"},
                 {"--estate", "ID", "explain this estate rule by rule (with --json: the screening document of this estate alone)", ""},
                 JsonOption(), ReportOptions()[0], ReportOptions()[1]},
     .run = Screen,
     .positionals = "FILE: registry JSON (\"-\": stdin)",
     .example = "screen city.json --policy yueyang --year 2026",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
