// Commands that hand their work to the Python package (`--format html|xlsx` to
// renewal.reports, `survey-template` to renewal.survey) run it through here: one way to
// find the interpreter and the package, and to pass a document on stdin.
#ifndef RENEWAL_CLI_PYTHON_MODULE_H_
#define RENEWAL_CLI_PYTHON_MODULE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace renewal::cli {

// The interpreter: $RENEWAL_PYTHON, else the one the build found, else python3.
std::string PythonInterpreter();

// Runs `<python> -m <module> <args...>` with `input` on its stdin and the build tree's
// package first on PYTHONPATH (an installed package is found on the interpreter's own
// path); its messages go to our stderr. The module's exit status, or
// FailedPrecondition when the interpreter cannot be started (`what` names what needed
// it, for the message).
absl::StatusOr<int> RunPythonModule(const std::string& module, const std::vector<std::string>& args,
                                    std::string_view input, std::string_view what);

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_PYTHON_MODULE_H_
