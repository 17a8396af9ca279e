// Journal bytes: the framing scan and the ledger's replay of any file never crash;
// a replay that succeeds is consistent.
#include <fcntl.h>
#include <unistd.h>

#include "fuzz_support.h"
#include "renewal/base/journal.h"
#include "renewal/ledger/ledger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  const std::string_view bytes = fuzz::Text(data, size);
  internal::JournalScan scan;
  constexpr internal::JournalKind kLedger{{'L', 'E', 'D', 'G'}, "ledger"};
  (void)internal::ScanJournal(
      bytes, kLedger, [](std::string_view, std::size_t) { return absl::OkStatus(); }, &scan);
  static const std::string path = "/tmp/renewal_journal_fuzz_" + std::to_string(::getpid());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  fuzz::Check(fd >= 0 && ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(size),
              "the scratch journal is written");
  ::close(fd);
  const Registry& registry = fuzz::SampleRegistry("examples/ledger/registry.json");
  absl::StatusOr<Ledger> l = Ledger::Replay(registry, path);
  if (l.ok()) fuzz::Check(l->CheckInvariants().ok(), "a replayed ledger keeps its invariants");
  return 0;
}
