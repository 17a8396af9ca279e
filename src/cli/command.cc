#include "command.h"

#include <cstddef>
#include <deque>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <utility>

#include "CLI/CLI.hpp"
#include "progress.h"
#include "absl/status/statusor.h"
#include "absl/strings/cord.h"
#include "renewal/base/file.h"
#include "renewal/base/json_write.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/status_path.h"

#ifndef RENEWAL_VERSION
#define RENEWAL_VERSION "unknown"
#endif

namespace renewal::cli {

namespace {

constexpr char kUsagePayload[] = "renewal.cli/usage";

std::map<std::string, Command>& MutableCommands() {
  static auto* commands = new std::map<std::string, Command>();
  return *commands;
}

constexpr char kExitCodes[] =
    "Exit codes: 0 success; 1 the input or the data is wrong (the message names the record\n"
    "and field), or an option's value is; 2 usage error (unknown command, option or action,\n"
    "an option without its value, a wrong number of arguments).\n"
    "With --json, an error is one JSON object on stderr:\n"
    "  {\"error\": {\"code\": \"INVALID_ARGUMENT\", \"path\": \"estates[17].name\", \"message\": \"...\"}}\n"
    "(\"path\": where in the input, when the error is about one place).\n"
    "A file argument \"-\" reads stdin; -o - writes stdout; FILE.gz is read and written\n"
    "gzip-compressed. Every command takes --lang zh|en (human output; default zh) and\n"
    "-q,--quiet (no progress on stderr).";

// The help's usage line is the command's own ("screen FILE --policy NAME ..."); the
// top level lists the commands as before (usage line, then what it does).
class Formatter : public CLI::Formatter {
 public:
  explicit Formatter(std::string usage) : usage_(std::move(usage)) {}
  std::string make_usage(const CLI::App*, std::string) const override {
    if (usage_.empty()) return "usage: renewal COMMAND [ARGS] (renewal COMMAND --help: its options)\n";
    return "usage: renewal " + usage_ + "\n";
  }
  std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
    if (app->get_parent() != nullptr) return CLI::Formatter::make_subcommands(app, mode);
    std::string out = "\nCommands:\n";
    for (const auto& [name, c] : Commands()) {
      out += "  " + c.usage + "\n      " + c.summary + "\n";
    }
    return out;
  }

 private:
  std::string usage_;
};

// Registers one command (or action) and its options on `app`; after parsing,
// `fill` copies what was given into Args.
struct Bound {
  CLI::App* app = nullptr;
  struct Option {
    std::string name;  // the long name, without "--"
    CLI::Option* option;
    bool flag;
  };
  std::vector<Option> options;
  std::vector<std::string> positionals;
};

std::string LongName(const std::string& names) {
  std::string last;
  std::stringstream in(names);
  for (std::string part; std::getline(in, part, ',');) {
    if (part.rfind("--", 0) == 0) return part.substr(2);
    last = part;
  }
  return last.substr(last.find_first_not_of('-'));
}

void BindOptions(const Command& c, CLI::App* app, Bound* b) {
  b->app = app;
  std::vector<OptionSpec> options = c.options;
  // Every command and action takes --quiet (no progress on stderr) and --lang.
  bool has_quiet = false, has_lang = false;
  for (const OptionSpec& o : options) {
    has_quiet = has_quiet || LongName(o.names) == "quiet";
    has_lang = has_lang || LongName(o.names) == "lang";
  }
  if (!has_quiet) options.push_back(QuietOption());
  if (!has_lang) options.push_back(LangOption());
  for (const OptionSpec& o : options) {
    // const: CLI11 binds a non-const string as the option's variable.
    const std::string help =
        o.default_value.empty() ? o.help : o.help + " (default: " + o.default_value + ")";
    CLI::Option* opt = nullptr;
    if (o.value.empty()) {
      opt = app->add_flag(o.names, help);
    } else {
      opt = app->add_option(o.names, help)
                ->type_name(o.value)
                ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
    }
    b->options.push_back({LongName(o.names), opt, o.value.empty()});
  }
  if (!c.positionals.empty()) {
    app->add_option("ARGS", b->positionals, c.positionals)
        ->type_name("")
        ->expected(0, CLI::detail::expected_max_vector_size);
  }
  std::string footer;
  if (!c.example.empty()) footer += "Example:\n  renewal " + c.example + "\n";
  footer += "Exit codes: 0 success, 1 the input or data is wrong, 2 usage error.";
  app->footer(footer);
  app->formatter(std::make_shared<Formatter>(c.usage));
}

void Fill(const Bound& b, Args* args) {
  for (const Bound::Option& o : b.options) {
    if (o.option->count() == 0) continue;
    if (o.flag) {
      args->SetFlag(o.name);
    } else {
      args->SetOption(o.name, o.option->results().back());
    }
  }
  for (const std::string& p : b.positionals) args->AddPositional(p);
}

std::string OneLine(std::string message) {
  for (char& ch : message) {
    if (ch == '\n') ch = ' ';
  }
  return message;
}

// `path`: where in the input document (status_path.h), when the reader said.
void ReportError(std::ostream& err, bool json, std::string_view where, absl::StatusCode code,
                 const std::string& message, const std::optional<std::string>& path = {}) {
  if (json) {
    std::string text = "{\"error\": {\"code\": ";
    internal::AppendJsonString(text, absl::StatusCodeToString(code));
    if (path) {
      text += ", \"path\": ";
      internal::AppendJsonString(text, *path);
    }
    text += ", \"message\": ";
    internal::AppendJsonString(text, message);
    text += "}}";
    err << text << "\n";
    return;
  }
  err << "renewal" << (where.empty() ? "" : " ") << where << ": " << OneLine(message) << "\n";
}

bool stdin_used = false;

}  // namespace

absl::Status UsageError(std::string_view message) {
  absl::Status s = absl::InvalidArgumentError(std::string(message));
  s.SetPayload(kUsagePayload, absl::Cord("1"));
  return s;
}

bool IsUsageError(const absl::Status& status) {
  return status.GetPayload(kUsagePayload).has_value();
}

OptionSpec JsonOption() { return {"--json", "", "write JSON to stdout (and errors as JSON)", ""}; }
OptionSpec QuietOption() { return {"-q,--quiet", "", "no progress on stderr", ""}; }
OptionSpec LangOption() {
  return {"--lang", "zh|en", "the language of human output (not of --json)", "zh"};
}

const std::map<std::string, Command>& Commands() { return MutableCommands(); }
bool RegisterCommand(Command command) {
  std::string name = command.name;
  return MutableCommands().emplace(std::move(name), std::move(command)).second;
}

bool Args::flag(std::string_view name) const {
  for (const std::string& f : flags_) {
    if (f == name) return true;
  }
  return false;
}

std::optional<std::string> Args::option(std::string_view name) const {
  auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

absl::Status Args::IntOption(std::string_view name, long long default_value,
                             long long* out) const {
  *out = default_value;
  std::optional<std::string> text = option(name);
  if (!text) return absl::OkStatus();
  std::size_t used = 0;
  try {
    *out = std::stoll(*text, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != text->size()) {
    return absl::InvalidArgumentError("--" + std::string(name) + ": expected an integer, got \"" +
                                      *text + "\"");
  }
  return absl::OkStatus();
}

absl::StatusOr<Lang> LangOf(const Args& args) {
  const std::string lang = args.option("lang").value_or("zh");
  if (lang == "zh") return Lang::kZh;
  if (lang == "en") return Lang::kEn;
  return UsageError("--lang: expected zh or en, got \"" + lang + "\"");
}

absl::StatusOr<std::string> ReadInput(const std::string& path) {
  if (path != "-") return internal::ReadFileToString(path);
  if (stdin_used) return UsageError("-: stdin can be read only once");
  stdin_used = true;
  RENEWAL_ASSIGN_OR_RETURN(internal::InputFile in, internal::InputFile::Stdin());
  return internal::ReadAll(in);
}

absl::Status WriteOutput(const std::string& path, std::ostream& out,
                         absl::FunctionRef<absl::Status(std::ostream&)> write) {
  if (path == "-") return write(out);
  return internal::WriteFileAtomically(path, write);
}

int RunMain(int argc, char** argv, std::ostream& out, std::ostream& err) {
  std::vector<std::string> raw(argv + 1, argv + argc);
  bool json = false;
  for (const std::string& a : raw) json = json || a == "--json";

  CLI::App app("renewal: old residential area renewal (老旧小区改造) from the command line.",
               "renewal");
  app.formatter(std::make_shared<Formatter>(""));
  app.set_version_flag("--version", RENEWAL_VERSION, "print the version and exit");
  app.footer(kExitCodes);
  app.require_subcommand(0, 1);

  if (raw.empty()) {
    err << app.help();
    return kExitUsageError;
  }
  if (raw[0] == "help") raw[0] = "--help";
  if (!raw[0].empty() && raw[0][0] != '-' && Commands().find(raw[0]) == Commands().end()) {
    ReportError(err, json, "", absl::StatusCode::kInvalidArgument,
                "unknown command \"" + raw[0] + "\" (try renewal --help)");
    return kExitUsageError;
  }

  std::deque<Bound> bound;  // one per command and action; CLI11 holds pointers into them
  std::vector<std::pair<const Command*, CLI::App*>> commands;
  for (const auto& [name, c] : Commands()) {
    CLI::App* sub = app.add_subcommand(name, c.summary);
    bound.emplace_back();
    BindOptions(c, sub, &bound.back());
    commands.emplace_back(&c, sub);
    for (const Command& action : c.actions) {
      CLI::App* a = sub->add_subcommand(action.name, action.summary);
      bound.emplace_back();
      BindOptions(action, a, &bound.back());
    }
  }

  std::vector<std::string> reversed(raw.rbegin(), raw.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::Success& e) {  // --help, -h, --version
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    std::string where;
    for (const auto& [c, sub] : commands) {
      if (sub->parsed()) where = c->name;
    }
    ReportError(err, json, where, absl::StatusCode::kInvalidArgument,
                std::string(e.what()) + " (try renewal " + where + (where.empty() ? "" : " ") +
                    "--help)");
    return kExitUsageError;
  }
  if (app.get_subcommands().empty()) {
    err << app.help();
    return kExitUsageError;
  }
  CLI::App* chosen = app.get_subcommands().front();
  const Command* command = nullptr;
  for (const auto& [c, sub] : commands) {
    if (sub == chosen) command = c;
  }
  Args args;
  CLI::App* leaf = chosen;
  if (!command->actions.empty()) {
    if (chosen->get_subcommands().empty()) {
      // `renewal ledger` alone: its help, as a usage error.
      err << chosen->help();
      return kExitUsageError;
    }
    leaf = chosen->get_subcommands().front();
    args.AddPositional(leaf->get_name());
  }
  for (const Bound& b : bound) {
    if (b.app == leaf) Fill(b, &args);
  }
  Progress::SetQuiet(args.flag("quiet"));
  // Checked before the command runs, so that a wrong --lang is a usage error even
  // where the command prints JSON.
  const absl::StatusOr<Lang> lang = LangOf(args);
  if (!lang.ok()) {
    ReportError(err, args.flag("json") || json, command->name, lang.status().code(),
                std::string(lang.status().message()));
    return kExitUsageError;
  }
  absl::Status status = command->run(args, out);
  if (status.ok()) return kExitOk;
  ReportError(err, args.flag("json") || json, command->name, status.code(),
              std::string(status.message()), RecordPathOf(status));
  return IsUsageError(status) ? kExitUsageError : kExitDataError;
}

}  // namespace renewal::cli
