// Screening speed at national scale: 219,000 estates (BRIEF §3), in estates/s.
// Screening reads only estate facts, so the registry is generated with the
// smallest household scale (30 %) to keep set-up short; the dwellings do not
// take part.
#include <ostream>
#include <streambuf>

#include "benchmark/benchmark.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/registry/generate.h"
#include "renewal/eligibility/summary.h"

namespace renewal {
namespace {

constexpr int kYear = 2024;

const Registry& National() {
  static const Registry* r = [] {
    GenerateOptions o;
    o.estates = 219'000;
    o.households_scale_pct = 30;
    return new Registry(*GenerateCity(o));
  }();
  return *r;
}

void BM_ScreenRegistry(benchmark::State& state, const char* preset) {
  const Registry& r = National();
  const Policy p = *PresetPolicy(preset);
  std::size_t eligible = 0;
  for (auto _ : state) {
    const ScreeningResult s = ScreenRegistry(r, p, kYear);
    eligible = s.eligible;
    benchmark::DoNotOptimize(s.outcomes.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * r.estate_count()));
  state.counters["estates"] = static_cast<double>(r.estate_count());
  state.counters["rules"] = static_cast<double>(p.rules.size());
  state.counters["eligible"] = static_cast<double>(eligible);
}
BENCHMARK_CAPTURE(BM_ScreenRegistry, national_2020, "national_2020")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ScreenRegistry, yueyang, "yueyang")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ScreenRegistry, xiangtan_competitive, "xiangtan_competitive")
    ->Unit(benchmark::kMillisecond);

// With every rule's values and reasons written as JSON (what `screen --json` does).
class NullBuffer : public std::streambuf {
 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
  int overflow(int c) override { return c; }
};

void BM_ScreeningJson(benchmark::State& state) {
  const Registry& r = National();
  const Policy p = *PresetPolicy("yueyang");
  const ScreeningResult s = ScreenRegistry(r, p, kYear);
  NullBuffer buffer;
  std::ostream out(&buffer);
  for (auto _ : state) WriteScreeningJson(r, p, s, kYear, out);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * r.estate_count()));
}
BENCHMARK(BM_ScreeningJson)->Unit(benchmark::kMillisecond);

void BM_SummaryWithScreening(benchmark::State& state) {
  const Registry& r = National();
  const Policy p = *PresetPolicy("yueyang");
  for (auto _ : state) {
    const CitySummary s = Summarize(r, p, ScreenRegistry(r, p, kYear), kYear);
    benchmark::DoNotOptimize(s.total.area);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * r.estate_count()));
  state.counters["dwellings"] = static_cast<double>(r.dwelling_count());
}
BENCHMARK(BM_SummaryWithScreening)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renewal
