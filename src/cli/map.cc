// `renewal map FILE [--screen POLICY --year Y] [-o FILE] [--html]`: every estate as a
// GeoJSON feature (docs/map.md), or a self-contained HTML map page.
#include <cstdio>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "command.h"
#include "input.h"
#include "renewal/base/status_macros.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/eligibility/screening_map.h"
#include "renewal/registry/map.h"
#include "renewal/registry/registry_json.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] =
    "map FILE [--screen NAME|policy.json] [--year Y] [--html] [--title TEXT] [-o FILE]";

// Beside the target, then renamed: a failed write leaves no file behind.
absl::Status WriteFileAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return absl::NotFoundError(path + ": cannot open for writing");
    f << text;
    f.flush();
    if (!f) {
      std::remove(tmp.c_str());
      return absl::DataLossError(path + ": write failed");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return absl::DataLossError(path + ": cannot rename the written file into place");
  }
  return absl::OkStatus();
}

absl::Status Map(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1) return UsageError(std::string("usage: renewal ") + kUsage);
  long long year_ll = 0;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("year", CurrentYear(), &year_ll));
  if (year_ll < 1900 || year_ll > 2200) {
    return absl::InvalidArgumentError("--year: must be between 1900 and 2200, got " +
                                      std::to_string(year_ll));
  }
  const int year = static_cast<int>(year_ll);
  const std::optional<std::string> spec = args.option("screen");
  std::optional<Policy> policy;
  if (spec) {
    RENEWAL_ASSIGN_OR_RETURN(policy, LoadPolicy(*spec));
  }
  RENEWAL_ASSIGN_OR_RETURN(Registry r, LoadRegistryInput(args.positional()[0]));

  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  const bool zh = lang == Lang::kZh;
  std::vector<std::string> extra;
  std::string title = zh ? "小区分布图" : "Estates";
  if (policy) {
    extra = ScreeningMapProperties(r, *policy, ScreenRegistry(r, *policy, year), year);
    title = (zh ? "改造范围筛查：" : "Screening: ") + policy->name + " " + std::to_string(year);
  }
  if (std::optional<std::string> t = args.option("title")) title = *t;
  RENEWAL_ASSIGN_OR_RETURN(std::string text, EstatesGeoJson(r, extra));
  if (args.flag("html")) text = EstatesMapHtml(text, title);

  const std::optional<std::string> output = args.option("output");
  if (!output || *output == "-") {
    out << text;
    return absl::OkStatus();
  }
  RENEWAL_RETURN_IF_ERROR(WriteFileAtomically(*output, text));
  if (zh) {
    out << "已写出：" << r.estate_count() << " 个小区 → " << *output << "\n";
  } else {
    out << "written: " << r.estate_count() << " estates → " << *output << "\n";
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "map",
     .usage = kUsage,
     .summary = "Every estate as GeoJSON (its facts as properties; with --screen its status "
                "and reasons), or --html: a self-contained map page.",
     .options = {{"--screen", "NAME|policy.json",
                  "add each estate's screening under this policy (preset or JSON file)", ""},
                 {"--year", "Y", "assessment year for --screen, 1900 to 2200", "this year"},
                 {"--html", "", "write an HTML map page (no network needed) instead of GeoJSON",
                  ""},
                 {"--title", "TEXT", "the HTML page's title", "from the policy"},
                 {"-o,--output", "FILE", "write here (\"-\": stdout)", "stdout"}},
     .run = Map,
     .positionals = "FILE: registry JSON (\"-\": stdin)",
     .example = "map city.json --screen yueyang --year 2026 --html -o city.html",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
