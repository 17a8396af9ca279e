// `--name VALUE` for an option whose values are the keys of a label table
// (renewal/base/labels.h), with the known keys listed when the value is unknown.
#ifndef RENEWAL_CLI_ENUM_OPTION_H_
#define RENEWAL_CLI_ENUM_OPTION_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "command.h"
#include "renewal/base/labels.h"

namespace renewal::cli {

// Leaves `*out` alone when the option is absent.
template <class E>
absl::Status EnumOption(const Args& a, std::string_view name, E* out) {
  std::optional<std::string> text = a.option(name);
  if (!text) return absl::OkStatus();
  std::optional<E> e = ParseLabel<E>(*text);
  if (!e) {
    std::string known;
    for (const Label<E>& l : Labels<E>()) known += (known.empty() ? "" : ", ") + std::string(l.key);
    return absl::InvalidArgumentError("--" + std::string(name) + ": unknown value \"" + *text +
                                      "\" (known: " + known + ")");
  }
  *out = *e;
  return absl::OkStatus();
}

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_ENUM_OPTION_H_
