// Ledger operations: a byte string is read as operations on a journaled ledger
// (deposits, top-ups, interest, income, uses with any id bytes); each is applied or
// refused, the invariants hold after each, and replaying the journal gives the same
// balances.
#include <unistd.h>

#include <cstdio>

#include "fuzz_support.h"
#include "renewal/ledger/ledger.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace renewal;
  const Registry& registry = fuzz::SampleRegistry("examples/ledger/registry.json");
  static const std::string path = "/tmp/renewal_ledger_ops_fuzz_" + std::to_string(::getpid());
  std::remove(path.c_str());
  LedgerOptions o;
  o.sync = false;
  absl::StatusOr<Ledger> opened = Ledger::Open(registry, path, o);
  fuzz::Check(opened.ok(), "a new journal opens");
  Ledger& l = *opened;
  const auto n = static_cast<Index>(registry.dwelling_count());
  int date = 20250101;
  for (std::size_t i = 0; i + 4 <= size; i += 4) {
    const std::uint8_t op = data[i], a = data[i + 1];
    const std::int64_t amount = (std::int64_t{data[i + 2]} << 8 | data[i + 3]) * 997;
    date += op >> 6;
    const Index d = n == 0 ? 0 : a % n;
    switch (op % 5) {
      case 0: (void)l.Deposit(d, Money::Fen(amount), date); break;
      case 1: (void)l.TopUp(d, Money::Fen(amount), date); break;
      case 2: (void)l.CreditInterest({LedgerScopeKind::kAll, 0}, Money::Fen(amount), date); break;
      case 3: (void)l.Deposit(d, Money::Fen(-amount), date); break;  // refused
      default: {
        UseRequest q;
        q.id = std::string(reinterpret_cast<const char*>(data + i + 1), 3);  // any bytes
        q.date = date;
        q.scope = {LedgerScopeKind::kAll, 0};
        q.amount = Money::Fen(amount);
        (void)l.Use(q);
      }
    }
    fuzz::Check(l.CheckInvariants().ok(), "the invariants hold after every operation");
  }
  absl::StatusOr<Ledger> again = Ledger::Replay(registry, path);
  fuzz::Check(again.ok(), "the journal replays");
  fuzz::Check(again->tx_count() == l.tx_count(), "the replay has every transaction");
  for (Index d = 0; d < n; ++d) {
    fuzz::Check(again->DwellingBalance(d) == l.DwellingBalance(d), "the replay's balances agree");
  }
  return 0;
}
