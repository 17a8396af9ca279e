// `renewal validate FILE`: load a registry (JSON or snapshot) and report its size, or
// the first error.
#include <ostream>

#include "command.h"
#include "input.h"
#include "progress.h"
#include "renewal/registry/registry_json.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] = "validate FILE [--year Y] [--json] [--quiet]";

absl::Status Validate(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1) {
    return UsageError(std::string("usage: renewal ") + kUsage);
  }
  long long year = 0;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("year", 0, &year));
  LoadOptions options;
  options.current_year = static_cast<int>(year);
  absl::StatusOr<Registry> r;
  {
    Progress progress("renewal validate: loading " + args.positional()[0], args.flag("quiet"));
    r = LoadRegistryInput(args.positional()[0], options);
  }
  if (!r.ok()) return r.status();
  if (args.flag("json")) {
    out << "{\"valid\":true,\"districts\":" << r->district_count()
        << ",\"streets\":" << r->street_count() << ",\"estates\":" << r->estate_count()
        << ",\"buildings\":" << r->building_count() << ",\"entrances\":" << r->entrance_count()
        << ",\"dwellings\":" << r->dwelling_count() << ",\"owners\":" << r->owner_count()
        << "}\n";
  } else {
    out << "有效 valid: " << r->district_count() << " 区 districts, " << r->estate_count()
        << " 小区 estates, " << r->building_count() << " 楼栋 buildings, "
        << r->entrance_count() << " 单元 entrances, " << r->dwelling_count()
        << " 户 dwellings, " << r->owner_count() << " 业主 owners\n";
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
