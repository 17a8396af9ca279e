// Progress on stderr for long work (generate, loading a registry, screening, the
// ledger's replay): after a second, one line "renewal generate: generating 219000 estates … 12 s" rewritten
// every second, cleared when the work ends. Only when stderr is a terminal and the
// command was not given --quiet, so pipes, logs and tests see nothing.
#ifndef RENEWAL_CLI_PROGRESS_H_
#define RENEWAL_CLI_PROGRESS_H_

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace renewal::cli {

class Progress {
 public:
  explicit Progress(std::string what, bool quiet = false);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Whether progress is shown: stderr is a terminal, and neither `quiet` nor the
  // command line's --quiet (SetQuiet).
  static bool Wanted(bool quiet = false);
  // Set by RunMain from --quiet, which every command takes.
  static void SetQuiet(bool quiet);

 private:
  void Loop();

  std::string what_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  bool shown_ = false;
  std::thread thread_;
};

}  // namespace renewal::cli

#endif  // RENEWAL_CLI_PROGRESS_H_
