// Maintenance fund ledger benchmarks: a works bill apportioned and posted over N
// dwellings, interest over N sub-ledgers, journal append (synced and not) and replay.
// N defaults to 1,000,000 dwellings; RENEWAL_LEDGER_BENCH_DWELLINGS overrides it
// (38000000 for the national scale: ~40 s to build the registry, 3 GB peak).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "renewal/ledger/ledger.h"
#include "renewal/registry/registry.h"

namespace renewal {
namespace {

std::size_t Dwellings() {
  if (const char* e = std::getenv("RENEWAL_LEDGER_BENCH_DWELLINGS")) return std::strtoull(e, nullptr, 10);
  return 1'000'000;
}

// One estate with buildings of 100 dwellings (4 entrances × 25), areas 40–139 m².
// Dwelling IDs are hierarchical ("B17-3-105"), as the generator writes them: the
// registry stores only their tail.
const Registry& BigRegistry() {
  static Registry* r = [] {
    const auto start = std::chrono::steady_clock::now();
    const std::size_t n = Dwellings();
    RegistryBuilder b(2025);
    (void)b.AddDistrict({"D", "D"});
    (void)b.AddOwner("O", "张三", OwnerKind::kPerson);
    b.ReserveDwellings(n);
    Estate e;
    e.id = "E";
    e.facts.owners_committee = true;
    (void)b.BeginEstate(e, "D", "");
    std::string_view owner[] = {"O"};
    std::string prefix, id;
    for (std::size_t i = 0; i < n; ++i) {
      if (i % 100 == 0) {
        Building bl;
        bl.id = "B" + std::to_string(i / 100);
        (void)b.AddBuilding(bl);
      }
      if (i % 25 == 0) {
        const std::string entrance = std::to_string(i % 100 / 25 + 1);
        (void)b.AddEntrance(entrance);
        prefix = "B" + std::to_string(i / 100) + "-" + entrance + "-";
      }
      id = prefix;
      id += std::to_string(101 + i % 25);
      DwellingRecord d;
      d.id = id;
      d.area_centi = 4000 + static_cast<std::int64_t>(i % 100) * 100 + static_cast<std::int64_t>(i % 7);
      d.owner_ids = owner;
      (void)b.AddDwelling(d);
    }
    (void)b.EndEstate();
    auto* built = new Registry(*std::move(b).Finish());
    std::fprintf(stderr, "registry: %zu dwellings built in %.1f s (wall)\n", n,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return built;
  }();
  return *r;
}

// Every dwelling holds 5,000.00 (one deposit transaction posting to all of them).
Ledger FundedLedger() {
  const Registry& r = BigRegistry();
  Ledger l = *Ledger::Create(r);
  Transaction tx;
  tx.kind = TxKind::kTransfer;
  tx.date = 20250101;
  tx.id = "fund";
  const std::size_t n = r.dwelling_count();
  tx.accounts.resize(n + 1);
  tx.amounts.resize(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    tx.accounts[i] = static_cast<std::uint32_t>(i);
    tx.amounts[i] = 500000;
  }
  tx.accounts[n] = l.layout().External(ExternalAccount::kOwnerPayments);
  tx.amounts[n] = -500000 * static_cast<std::int64_t>(n);
  (void)l.Post(std::move(tx));
  return l;
}

void BM_UseOverAllDwellings(benchmark::State& state) {
  Ledger l = FundedLedger();
  const std::size_t n = BigRegistry().dwelling_count();
  int i = 0;
  for (auto _ : state) {
    UseRequest q;
    q.id = "U" + std::to_string(i++);
    q.date = 20250301;
    q.scope = {LedgerScopeKind::kEstate, 0};
    q.amount = Money::Fen(static_cast<std::int64_t>(n) * 1234 + 567);  // ~12.34 each
    q.approval.vote_id = "V";
    q.approval.rule = std::string(kRuleCivilCodeOrdinary);
    q.approval.passed = true;
    benchmark::DoNotOptimize(l.Use(q));
  }
  state.counters["postings/s"] = benchmark::Counter(
      static_cast<double>(n) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_UseOverAllDwellings)->Unit(benchmark::kMillisecond);

void BM_InterestOverAllSubLedgers(benchmark::State& state) {
  Ledger l = FundedLedger();
  const std::size_t n = BigRegistry().dwelling_count();
  for (auto _ : state) {
    benchmark::DoNotOptimize(l.CreditInterest({LedgerScopeKind::kAll, 0},
                                              Money::Fen(static_cast<std::int64_t>(n) * 37 + 11),
                                              20251221));
  }
  state.counters["sub-ledgers/s"] = benchmark::Counter(
      static_cast<double>(n) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_InterestOverAllSubLedgers)->Unit(benchmark::kMillisecond);

std::string BenchPath(const char* name) {
  return (std::filesystem::temp_directory_path() /
          ("renewal_ledger_bench_" + std::to_string(::getpid()) + "_" + name)).string();
}

// Small transactions (one deposit, 2 postings) appended to the journal file.
void BM_JournalAppend(benchmark::State& state) {
  const bool sync = state.range(0) != 0;
  const std::string path = BenchPath(sync ? "sync.journal" : "nosync.journal");
  std::filesystem::remove(path);
  LedgerOptions o;
  o.sync = sync;
  Ledger l = *Ledger::Open(BigRegistry(), path, o);
  const auto n = static_cast<Index>(BigRegistry().dwelling_count());
  Index d = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(l.Deposit(d, Money::Fen(100), 20250101));
    d = (d + 1) % n;
  }
  state.counters["tx/s"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                              benchmark::Counter::kIsRate);
  std::filesystem::remove(path);
}
BENCHMARK(BM_JournalAppend)->Arg(1)->Arg(0)->UseRealTime();  // fdatasync is wall time

// Replay of a journal of 10 million postings: 1 million deposits (2 M postings) and
// interest over all dwellings for the rest.
void BM_Replay10MPostings(benchmark::State& state) {
  const std::string path = BenchPath("replay.journal");
  std::filesystem::remove(path);
  std::size_t postings = 0;
  {
    LedgerOptions o;
    o.sync = false;
    Ledger l = *Ledger::Open(BigRegistry(), path, o);
    const auto n = static_cast<Index>(BigRegistry().dwelling_count());
    for (Index i = 0; l.posting_count() < 2'000'000; ++i) {
      (void)l.Deposit(i % n, Money::Fen(500000), 20250101);
    }
    while (l.posting_count() < 10'000'000) {
      (void)l.CreditInterest({LedgerScopeKind::kAll, 0}, Money::Fen(9'999'999), 20250102);
    }
    postings = l.posting_count();
  }
  for (auto _ : state) {
    absl::StatusOr<Ledger> l = Ledger::Replay(BigRegistry(), path);
    benchmark::DoNotOptimize(l);
    if (!l.ok()) state.SkipWithError("replay failed");
  }
  state.counters["postings"] = static_cast<double>(postings);
  state.counters["postings/s"] = benchmark::Counter(
      static_cast<double>(postings) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::filesystem::remove(path);
}
BENCHMARK(BM_Replay10MPostings)->Unit(benchmark::kMillisecond)->Iterations(2);

// What every open pays whatever the journal holds: the ledger's columns and the
// check that the journal was written for this registry (a CRC of all dwelling IDs
// and areas).
void BM_ReplayHeaderOnly(benchmark::State& state) {
  const std::string path = BenchPath("header.journal");
  std::filesystem::remove(path);
  (void)Ledger::Open(BigRegistry(), path);
  for (auto _ : state) {
    absl::StatusOr<Ledger> l = Ledger::Replay(BigRegistry(), path);
    benchmark::DoNotOptimize(l);
    if (!l.ok()) state.SkipWithError("replay failed");
  }
  std::filesystem::remove(path);
}
BENCHMARK(BM_ReplayHeaderOnly)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renewal
