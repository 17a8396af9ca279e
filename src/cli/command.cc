#include "command.h"

#include <cstddef>
#include <utility>

namespace renewal::cli {

namespace {

std::map<std::string, Command>& MutableCommands() {
  static auto* commands = new std::map<std::string, Command>();
  return *commands;
}

}  // namespace

const std::map<std::string, Command>& Commands() { return MutableCommands(); }
bool RegisterCommand(Command command) {
  std::string name = command.name;
  return MutableCommands().emplace(std::move(name), std::move(command)).second;
}

absl::Status Args::Parse(const std::vector<std::string>& argv,
                         const std::vector<std::string>& flags, Args* out) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0 || a.size() == 2) {
      out->positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    if (auto eq = name.find('='); eq != std::string::npos) {
      out->options_[name.substr(0, eq)] = name.substr(eq + 1);
      continue;
    }
    bool is_flag = false;
    for (const std::string& f : flags) is_flag = is_flag || f == name;
    if (is_flag) {
      out->flags_.push_back(name);
    } else if (i + 1 < argv.size()) {
      out->options_[name] = argv[++i];
    } else {
      return absl::InvalidArgumentError("option --" + name + " needs a value");
    }
  }
  return absl::OkStatus();
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

}  // namespace renewal::cli
