// Generation time and memory: the default seed-003 city, and the national-scale
// registry of `renewal generate --estates 219000` (one iteration; its counters
// give dwellings, bytes per dwelling and the process's peak RSS).
#include <sys/resource.h>

#include <string>

#include "benchmark/benchmark.h"
#include "renewal/registry/generate.h"

namespace renewal {
namespace {

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

void Report(benchmark::State& state, const Registry& r) {
  state.counters["estates"] = static_cast<double>(r.estate_count());
  state.counters["dwellings"] = static_cast<double>(r.dwelling_count());
  state.counters["owners"] = static_cast<double>(r.owner_count());
  state.counters["dwelling_B_per_dwelling"] =
      static_cast<double>(r.DwellingBytes()) / static_cast<double>(r.dwelling_count());
  state.counters["total_MiB"] = static_cast<double>(r.TotalBytes()) / (1024.0 * 1024.0);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}

// Call after the loop: state.iterations() is final only then.
void ReportRate(benchmark::State& state, std::size_t dwellings) {
  state.SetItemsProcessed(static_cast<std::int64_t>(dwellings * state.iterations()));
}

void BM_GenerateDefaultCity(benchmark::State& state) {
  std::size_t dwellings = 0;
  for (auto _ : state) {
    absl::StatusOr<Registry> r = GenerateCity();
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    benchmark::DoNotOptimize(r->dwelling_count());
    state.PauseTiming();
    Report(state, *r);
    dwellings = r->dwelling_count();
    state.ResumeTiming();
  }
  ReportRate(state, dwellings);
}
BENCHMARK(BM_GenerateDefaultCity)->Unit(benchmark::kMillisecond);

void BM_GenerateNational(benchmark::State& state) {
  std::size_t dwellings = 0;
  for (auto _ : state) {
    GenerateOptions o;
    o.estates = 219'000;
    o.households_scale_pct = static_cast<std::uint32_t>(state.range(0));
    absl::StatusOr<Registry> r = GenerateCity(o);
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    state.PauseTiming();
    Report(state, *r);
    dwellings = r->dwelling_count();
    state.ResumeTiming();
  }
  ReportRate(state, dwellings);
}
// 100 %: `renewal generate --estates 219000` (29.6 M dwellings); 128 %: 37.9 M
// dwellings, the 38 million households of BRIEF §3.
BENCHMARK(BM_GenerateNational)->Arg(100)->Arg(128)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
}  // namespace renewal
