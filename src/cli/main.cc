// The `renewal` command-line tool: reads and writes the documented JSON formats.
#include <iostream>
#include <string>
#include <vector>

#include "command.h"

namespace renewal::cli {
namespace {

void PrintUsage(std::ostream& os) {
  os << "usage: renewal COMMAND [ARGS]\n\ncommands:\n";
  for (const auto& [name, c] : Commands()) {
    os << "  " << c.usage << "\n      " << c.summary << "\n";
  }
}

}  // namespace
}  // namespace renewal::cli

int main(int argc, char** argv) {
  using renewal::cli::Commands;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    renewal::cli::PrintUsage(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  auto it = Commands().find(args[0]);
  if (it == Commands().end()) {
    std::cerr << "renewal: unknown command \"" << args[0] << "\" (try renewal --help)\n";
    return 2;
  }
  const renewal::cli::Command& command = it->second;
  renewal::cli::Args parsed;
  absl::Status status = renewal::cli::Args::Parse(
      std::vector<std::string>(args.begin() + 1, args.end()), command.flags, &parsed);
  if (status.ok()) status = command.run(parsed, std::cout);
  if (!status.ok()) {
    std::string message(status.message());
    for (char& c : message) {
      if (c == '\n') c = ' ';
    }
    std::cerr << "renewal " << command.name << ": " << message << "\n";
    return 1;
  }
  return 0;
}
