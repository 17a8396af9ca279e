#include "python_module.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "renewal/base/strcat.h"

extern char** environ;

namespace renewal::cli {
namespace {

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

}  // namespace

std::string PythonInterpreter() {
  if (const char* p = std::getenv("RENEWAL_PYTHON"); p != nullptr && *p != '\0') return p;
  return RENEWAL_PYTHON_EXECUTABLE;
}

absl::StatusOr<int> RunPythonModule(const std::string& module, const std::vector<std::string>& args,
                                    std::string_view input, std::string_view what) {
  const std::string python = PythonInterpreter();
  std::vector<std::string> all = {python, "-m", module};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = Environment();
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  int fds[2];
  if (pipe(fds) != 0) return absl::InternalError(StrCat(what, ": cannot make a pipe"));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, python.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fds[0]);
  if (spawned != 0) {
    close(fds[1]);
    return absl::FailedPreconditionError(
        StrCat(what, ": cannot run ", python,
               " (needs Python 3 with the renewal package; RENEWAL_PYTHON names another "
               "interpreter)"));
  }
  // A module that stops reading early must not kill us with SIGPIPE.
  void (*previous)(int) = std::signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  while (written < input.size()) {
    const ssize_t n = write(fds[1], input.data() + written, input.size() - written);
    if (n <= 0) break;
    written += static_cast<std::size_t>(n);
  }
  close(fds[1]);
  std::signal(SIGPIPE, previous);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace renewal::cli
