// `renewal generate`: a deterministic synthetic city (docs/generator.md) as
// registry JSON, to a file or stdout.
#include <ostream>
#include <string>

#include "command.h"
#include "progress.h"
#include "renewal/registry/generate.h"
#include "renewal/registry/registry_json.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] =
    "generate [--estates N] [--seed S] [--households-scale PCT] [-o FILE | --output FILE] "
    "[--json] [--quiet]";

absl::Status Generate(const Args& args, std::ostream& out) {
  std::optional<std::string> output = args.option("output");
  if (!args.positional().empty()) return UsageError(std::string("usage: renewal ") + kUsage);
  long long estates = 0, seed = 0, scale = 0;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("estates", 1233, &estates));
  RENEWAL_RETURN_IF_ERROR(args.IntOption("seed", 3, &seed));
  RENEWAL_RETURN_IF_ERROR(args.IntOption("households-scale", 100, &scale));
  if (estates < 1 || estates > 10'000'000) {
    return absl::InvalidArgumentError("--estates: must be between 1 and 10000000, got " +
                                      std::to_string(estates));
  }
  if (seed < 0) {
    return absl::InvalidArgumentError("--seed: must be >= 0, got " + std::to_string(seed));
  }
  if (scale < 30 || scale > 1000) {
    return absl::InvalidArgumentError("--households-scale: must be between 30 and 1000, got " +
                                      std::to_string(scale));
  }
  GenerateOptions options;
  options.estates = static_cast<std::uint64_t>(estates);
  options.seed = static_cast<std::uint64_t>(seed);
  options.households_scale_pct = static_cast<std::uint32_t>(scale);
  absl::StatusOr<Registry> city;
  {
    Progress progress("renewal generate: " + std::to_string(estates) + " estates",
                      args.flag("quiet"));
    city = GenerateCity(options);
  }
  if (!city.ok()) return city.status();
  if (!output || *output == "-") {
    WriteRegistryJson(*city, out);
    return absl::OkStatus();
  }
  {
    Progress progress("renewal generate: writing " + *output, args.flag("quiet"));
    RENEWAL_RETURN_IF_ERROR(SaveRegistryFile(*city, *output));  // atomic; ".gz" compressed
  }
  if (args.flag("json")) {  // docs/schemas/generate.schema.json
    std::string path_json;
    internal::AppendJsonString(path_json, *output);
    out << "{\"output\":" << path_json << ",\"districts\":" << city->district_count()
        << ",\"streets\":" << city->street_count() << ",\"estates\":" << city->estate_count()
        << ",\"buildings\":" << city->building_count()
        << ",\"entrances\":" << city->entrance_count()
        << ",\"dwellings\":" << city->dwelling_count() << ",\"owners\":" << city->owner_count()
        << "}\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (lang == Lang::kZh) {
    out << "已生成：" << city->district_count() << " 个区，" << city->estate_count()
        << " 个小区，" << city->building_count() << " 栋楼，" << city->dwelling_count()
        << " 户，" << city->owner_count() << " 名业主 → " << *output << "\n";
  } else {
    out << "generated: " << city->district_count() << " districts, " << city->estate_count()
        << " estates, " << city->building_count() << " buildings, " << city->dwelling_count()
        << " dwellings, " << city->owner_count() << " owners → " << *output << "\n";
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "generate",
     .usage = kUsage,
     .summary = "Make a deterministic synthetic city (default: 1,233 estates, 166,800 "
                "households, like seed 003) as registry JSON.",
     .options = {{"--estates", "N", "number of estates, 1 to 10000000", "1233"},
                 {"--seed", "S", "random seed, >= 0", "3"},
                 {"--households-scale", "PCT", "households per estate in percent, 30 to 1000",
                  "100"},
                 {"-o,--output", "FILE", "write the registry JSON here (\"-\": stdout; FILE.gz: gzip)",
                  "stdout"},
                 {"--json", "", "with -o FILE: what was written, as JSON (without -o the registry "
                  "JSON itself goes to stdout)", ""},
                 QuietOption()},
     .run = Generate,
     .positionals = "",
     .example = "generate --estates 1233 --seed 3 -o city.json",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
