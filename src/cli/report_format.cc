#include "report_format.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

extern char** environ;

namespace renewal::cli {
namespace {

// The interpreter: $RENEWAL_PYTHON, else the one the build found, else python3.
std::string Python() {
  if (const char* p = std::getenv("RENEWAL_PYTHON"); p != nullptr && *p != '\0') return p;
  return RENEWAL_PYTHON_EXECUTABLE;
}

// The environment with the build tree's package first on PYTHONPATH (an installed
// package is found on the interpreter's own path).
std::vector<std::string> Environment() {
  std::vector<std::string> env;
  std::string path = RENEWAL_PYTHON_BUILD_DIR;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view kv(*e);
    if (kv.starts_with("PYTHONPATH=")) {
      path += ":" + std::string(kv.substr(11));
    } else {
      env.emplace_back(kv);
    }
  }
  env.push_back("PYTHONPATH=" + path);
  return env;
}

// Runs `python -m renewal.reports - --format F -o OUT` with `document` on its stdin;
// its messages go to our stderr.
absl::Status RunRenderer(std::string_view document, const std::string& format,
                         const std::string& output) {
  const std::string python = Python();
  std::vector<std::string> args = {python, "-m", "renewal.reports", "-", "--format", format,
                                   "-o", output};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = Environment();
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  int fds[2];
  if (pipe(fds) != 0) return absl::InternalError("--format: cannot make a pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, python.c_str(), &actions, nullptr, argv.data(),
                                   envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fds[0]);
  if (spawned != 0) {
    close(fds[1]);
    return absl::FailedPreconditionError(StrCat(
        "--format ", format, ": cannot run ", python,
        " (reports need Python 3 with the renewal package, python3-jinja2 and "
        "python3-xlsxwriter; RENEWAL_PYTHON names another interpreter)"));
  }
  // A renderer that stops early must not kill us with SIGPIPE.
  void (*previous)(int) = std::signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  while (written < document.size()) {
    const ssize_t n = write(fds[1], document.data() + written, document.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  close(fds[1]);
  std::signal(SIGPIPE, previous);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return absl::OkStatus();
  if (WIFEXITED(status) && WEXITSTATUS(status) == 1) {
    return absl::InvalidArgumentError(StrCat("--format ", format, ": the report was not written"));
  }
  return absl::FailedPreconditionError(StrCat(
      "--format ", format, ": ", python, " -m renewal.reports failed (exit ",
      WIFEXITED(status) ? WEXITSTATUS(status) : -1,
      "); reports need the renewal Python package, python3-jinja2 and python3-xlsxwriter"));
}

}  // namespace

std::vector<OptionSpec> ReportOptions() {
  return {{"--format", "html|xlsx",
           "the result as a report to hand upward, in Chinese (docs/reports.md)", ""},
          {"-o,--output", "FILE", "where the report goes (html: \"-\" for stdout)", "-"}};
}

absl::StatusOr<bool> WantsReport(const Args& args) {
  std::optional<std::string> format = args.option("format");
  if (!format) return false;
  if (*format != "html" && *format != "xlsx") {
    return UsageError(StrCat("--format: expected html or xlsx, got \"", *format, "\""));
  }
  // The reports are documents in Chinese (docs/reports.md): refused rather than
  // handed over in Chinese when English was asked for.
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (lang == Lang::kEn) {
    return UsageError(StrCat("--lang en: the --format ", *format,
                             " reports are in Chinese; --json is language-neutral"));
  }
  return true;
}

absl::Status WriteReport(const Args& args, std::string_view document, std::ostream& out) {
  const std::string format = *args.option("format");
  const std::string output = args.option("output").value_or("-");
  if (output != "-") return RunRenderer(document, format, output);
  if (format == "xlsx") return UsageError("--format xlsx: give the workbook a file with -o FILE");
  // To stdout: render to a temporary file, then copy it to `out`.
  const std::filesystem::path tmp = std::filesystem::temp_directory_path() /
                                    StrCat("renewal-report-", getpid(), ".html");
  absl::Status rendered = RunRenderer(document, format, tmp.string());
  if (rendered.ok()) {
    std::ifstream in(tmp, std::ios::binary);
    out << in.rdbuf();
  }
  std::error_code ignored;
  std::filesystem::remove(tmp, ignored);
  return rendered;
}

}  // namespace renewal::cli
