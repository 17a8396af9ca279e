// Subcommands of the `renewal` tool register themselves here, one file per command
// (src/cli/<command>.cc, `fund-split` in fund_split.cc), so that commands do not edit a
// shared dispatch table.
#ifndef RENEWAL_CLI_COMMAND_H_
#define RENEWAL_CLI_COMMAND_H_

#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace renewal::cli {

// Parsed arguments: positionals in order, `--name value` options and `--flag`s.
class Args {
 public:
  // `flags` lists the options that take no value (e.g. "json").
  static absl::Status Parse(const std::vector<std::string>& argv,
                            const std::vector<std::string>& flags, Args* out);
  const std::vector<std::string>& positional() const { return positional_; }
  bool flag(std::string_view name) const;
  std::optional<std::string> option(std::string_view name) const;
  absl::Status IntOption(std::string_view name, long long default_value, long long* out) const;

 private:
  std::vector<std::string> positional_;
  std::map<std::string, std::string, std::less<>> options_;
  std::vector<std::string> flags_;
};

struct Command {
  std::string name;
  std::string usage;    // one line: "screen FILE --policy NAME [--year Y] [--json]"
  std::string summary;  // one line, what it does
  std::vector<std::string> flags;  // options without a value
  // Writes results to `out`; a non-OK status becomes one line on stderr and exit 1.
  std::function<absl::Status(const Args&, std::ostream& out)> run;
};

// Called from static initialisers in each command file.
bool RegisterCommand(Command command);
const std::map<std::string, Command>& Commands();

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_COMMAND_H_
