// Reading a whole input file for a command.
#ifndef RENEWAL_CLI_READ_FILE_H_
#define RENEWAL_CLI_READ_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace renewal::cli {

// The file's bytes; NotFound naming `what` ("menu file \"x.json\": cannot open").
absl::StatusOr<std::string> ReadFile(const std::string& path, std::string_view what);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_READ_FILE_H_
