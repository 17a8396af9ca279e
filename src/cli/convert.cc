// `renewal convert IN OUT`: a registry from JSON to the binary snapshot or back
// (docs/snapshot.md). The input's format is told by its content; the output's by
// --to, else by OUT's suffix (.rsnap or .json), else the other format than IN's.
#include <ostream>
#include <string>

#include "command.h"
#include "input.h"
#include "progress.h"
#include "renewal/base/file.h"
#include "renewal/base/status_macros.h"
#include "renewal/registry/registry_json.h"
#include "renewal/registry/snapshot.h"

namespace renewal::cli {
namespace {

constexpr char kUsage[] = "convert IN OUT [--to snapshot|json] [--year Y] [--quiet]";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

absl::Status Convert(const Args& args, std::ostream& out) {
  if (args.positional().size() != 2) return UsageError(std::string("usage: renewal ") + kUsage);
  const std::string& in = args.positional()[0];
  const std::string& to_path = args.positional()[1];
  if (to_path == "-") return UsageError("convert: OUT must be a file, not stdout");
  long long year = 0;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("year", 0, &year));
  LoadOptions options;
  options.current_year = static_cast<int>(year);

  bool in_snapshot = false;
  if (in != "-") {
    // Only the first bytes, to name the formats in the summary line.
    absl::StatusOr<internal::InputFile> f = internal::InputFile::Open(in);
    if (!f.ok()) return f.status();
    char head[8] = {};
    absl::StatusOr<std::size_t> n = f->Read(head, sizeof head);
    if (!n.ok()) return n.status();
    in_snapshot = IsRegistrySnapshot(std::string_view(head, *n));
  }
  bool to_snapshot;
  if (std::optional<std::string> to = args.option("to")) {
    if (*to != "snapshot" && *to != "json") {
      return absl::InvalidArgumentError("--to: expected snapshot or json, got \"" + *to + "\"");
    }
    to_snapshot = *to == "snapshot";
  } else if (EndsWith(to_path, kSnapshotSuffix)) {
    to_snapshot = true;
  } else if (EndsWith(to_path, ".json")) {
    to_snapshot = false;
  } else {
    to_snapshot = !in_snapshot;
  }

  absl::StatusOr<Registry> r;
  {
    Progress progress("renewal convert: loading " + in, args.flag("quiet"));
    r = LoadRegistryInput(in, options);
  }
  if (!r.ok()) return r.status();
  {
    Progress progress("renewal convert: writing " + to_path, args.flag("quiet"));
    RENEWAL_RETURN_IF_ERROR(to_snapshot ? SaveRegistrySnapshot(*r, to_path)
                                        : SaveRegistryFile(*r, to_path));
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (lang == Lang::kZh) {
    out << "已转换：" << r->estate_count() << " 个小区，" << r->dwelling_count() << " 户 → "
        << to_path << "（" << (to_snapshot ? "快照" : "JSON") << "）\n";
  } else {
    out << "converted: " << r->estate_count() << " estates, " << r->dwelling_count()
        << " dwellings → " << to_path << " (" << (to_snapshot ? "snapshot" : "JSON") << ")\n";
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "convert",
     .usage = kUsage,
     .summary = "Convert a registry between JSON and the binary snapshot (.rsnap), either way.",
     .options = {{"--to", "FORMAT",
                  "snapshot or json (default: by OUT's suffix .rsnap/.json, else the other "
                  "format than IN's)",
                  ""},
                 {"--year", "Y", "upper bound for build years (0: this calendar year)", "0"},
                 QuietOption()},
     .run = Convert,
     .positionals = "IN: registry JSON or snapshot (\"-\": stdin); OUT: the file to write",
     .example = "convert city.json city.rsnap",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
