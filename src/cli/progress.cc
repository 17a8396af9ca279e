#include "progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <utility>

namespace renewal::cli {

namespace {
bool quiet_run = false;
}  // namespace

void Progress::SetQuiet(bool quiet) { quiet_run = quiet; }
bool Progress::Wanted(bool quiet) {
  return !quiet && !quiet_run && isatty(STDERR_FILENO) == 1;
}

Progress::Progress(std::string what, bool quiet) : what_(std::move(what)) {
  if (Wanted(quiet)) thread_ = std::thread([this] { Loop(); });
}

Progress::~Progress() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Progress::Loop() {
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> lock(mu_);
  long seconds = 0;
  while (!cv_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; })) {
    seconds = static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::steady_clock::now() - start)
                                    .count());
    std::fprintf(stderr, "\r%s … %ld s", what_.c_str(), seconds);
    std::fflush(stderr);
    shown_ = true;
  }
  if (shown_) {
    std::fprintf(stderr, "\r%s … done in %ld s\033[K\n", what_.c_str(),
                 static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::steady_clock::now() - start)
                                       .count()));
    std::fflush(stderr);
  }
}

}  // namespace renewal::cli
