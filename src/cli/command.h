// Subcommands of the `renewal` tool register themselves here, one file per command
// (src/cli/<command>.cc, `fund-split` in fund_split.cc), so that commands do not edit a
// shared dispatch table. Each command declares its options (OptionSpec); the command
// line is parsed by CLI11 (RunMain), which gives every command `--help`/`-h` and
// refuses unknown options and missing values as usage errors (exit 2).
#ifndef RENEWAL_CLI_COMMAND_H_
#define RENEWAL_CLI_COMMAND_H_

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace renewal::cli {

// Exit codes, documented in README.md ("Command line") and `renewal --help`.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;   // the input or the data is wrong
inline constexpr int kExitUsageError = 2;  // the command line is wrong

// A status for a command line the command cannot take (wrong number of arguments):
// exit 2 instead of 1. What CLI11 refuses (unknown command, option or action, an
// option without its value) exits 2 as well. A required option missing or a value
// that is wrong (not a number, out of range, unknown preset) stays exit 1, as before:
// tests/registry/generate_cli_test.cc pins it.
absl::Status UsageError(std::string_view message);
bool IsUsageError(const absl::Status& status);

// Parsed arguments: positionals in order, `--name value` options and `--flag`s.
// Filled by RunMain from the command's OptionSpecs.
class Args {
 public:
  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(std::string_view name) const;
  std::optional<std::string> option(std::string_view name) const;
  // InvalidArgument (exit 1) when the value is not an integer.
  absl::Status IntOption(std::string_view name, long long default_value, long long* out) const;

  void AddPositional(std::string value) { positional_.push_back(std::move(value)); }
  void SetOption(std::string name, std::string value) { options_[std::move(name)] = std::move(value); }
  void SetFlag(std::string name) { flags_.push_back(std::move(name)); }

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string, std::less<>> options_;
  std::vector<std::string> flags_;
};

// One option of a command: `{"--year", "Y", "assessment year", "this year"}`.
struct OptionSpec {
  std::string names;          // CLI11 names, e.g. "--year" or "-o,--output"; read by the long name
  std::string value;          // the value's name in the help ("Y"); empty for a flag
  std::string help;           // one line
  std::string default_value;  // shown as "(default: ...)"; empty when there is none
};

struct Command {
  std::string name;
  std::string usage;    // one line: "screen FILE --policy NAME [--year Y] [--json]"
  std::string summary;  // one line, what it does
  std::vector<OptionSpec> options;
  // Writes results to `out`; a non-OK status becomes one line on stderr and exit 1
  // (2 for a UsageError).
  std::function<absl::Status(const Args&, std::ostream& out)> run;
  std::string positionals;  // what the positional arguments are, for --help
  std::string example;      // one command line, without "renewal "
  // Actions (`renewal ledger deposit ...`): the chosen action's name comes first in
  // Args::positional(), and this command's `run` is called. Their `run` is unused.
  std::vector<Command> actions;
};

// The options most commands share.
OptionSpec JsonOption();   // --json
OptionSpec QuietOption();  // -q,--quiet
OptionSpec LangOption();   // --lang zh|en (every command gets it; see Lang())

// The language of human output (--lang zh|en, default zh): every command's report
// wholly in one language. --json output is the same in both; the public notices
// (tally --notice md, opinions) and the --format html|xlsx reports are documents in
// Chinese, which --lang en refuses (exit 2).
enum class Lang { kZh, kEn };
// --lang's value; another value is a usage error (exit 2).
absl::StatusOr<Lang> LangOf(const Args& args);
// `zh` or `en`, as `lang` says.
inline std::string_view Say(Lang lang, std::string_view zh, std::string_view en) {
  return lang == Lang::kZh ? zh : en;
}

// Called from static initialisers in each command file.
bool RegisterCommand(Command command);
const std::map<std::string, Command>& Commands();

// Parses the command line with CLI11 and runs the command; returns the exit code.
int RunMain(int argc, char** argv, std::ostream& out, std::ostream& err);

// Reads a file, or stdin when `path` is "-" (at most once per run); gzip data is
// decompressed (internal::InputFile).
absl::StatusOr<std::string> ReadInput(const std::string& path);

// Writes through `write` to `out` when `path` is "-", else to the file at `path`
// (internal::WriteFileAtomically: a failing command leaves it as it was; ".gz" is
// compressed).
absl::Status WriteOutput(const std::string& path, std::ostream& out,
                         absl::FunctionRef<absl::Status(std::ostream&)> write);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_COMMAND_H_
