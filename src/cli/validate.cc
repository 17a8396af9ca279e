// `renewal validate FILE`: load a registry (JSON or snapshot) and report its size, or
// the first error.
#include <ostream>

#include "command.h"
#include "input.h"
#include "renewal/registry/registry_json.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] = "validate FILE [--year Y] [--json] [--quiet]";

absl::Status Validate(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1) {
    return UsageError(std::string("usage: renewal ") + kUsage);
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  long long year = 0;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("year", 0, &year));
  LoadOptions options;
  options.current_year = static_cast<int>(year);
  // Progress on stderr while it loads: LoadRegistryInput.
  absl::StatusOr<Registry> r = LoadRegistryInput(args.positional()[0], options);
  if (!r.ok()) return r.status();
  if (args.flag("json")) {
    out << "{\"valid\":true,\"districts\":" << r->district_count()
        << ",\"streets\":" << r->street_count() << ",\"estates\":" << r->estate_count()
        << ",\"buildings\":" << r->building_count() << ",\"entrances\":" << r->entrance_count()
        << ",\"dwellings\":" << r->dwelling_count() << ",\"owners\":" << r->owner_count()
        << "}\n";
  } else if (lang == Lang::kZh) {
    out << "有效：" << r->district_count() << " 个区，" << r->estate_count() << " 个小区，"
        << r->building_count() << " 栋楼，" << r->entrance_count() << " 个单元，"
        << r->dwelling_count() << " 户，" << r->owner_count() << " 名业主\n";
  } else {
    out << "valid: " << r->district_count() << " districts, " << r->estate_count()
        << " estates, " << r->building_count() << " buildings, " << r->entrance_count()
        << " entrances, " << r->dwelling_count() << " dwellings, " << r->owner_count()
        << " owners\n";
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "validate",
     .usage = kUsage,
     .summary = "Load a registry (JSON or snapshot); print its size, or the first error (exit 1).",
     .options = {{"--year", "Y",
                  "upper bound for build years (0: this calendar year)", "0"},
                 JsonOption(), QuietOption()},
     .run = Validate,
     .positionals = "FILE: registry JSON or snapshot (\"-\": stdin)",
     .example = "validate city.json --json",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
