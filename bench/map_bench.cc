// The map (docs/map.md): GeoJSON of a 20,000-estate city, with and without a screening's
// properties. Reference in the same run: the screening itself (ScreenRegistry), which
// `renewal map --screen` does first, so the map's own cost reads against it.
#include <map>
#include <string>

#include "benchmark/benchmark.h"
#include "renewal/eligibility/eligibility.h"
#include "renewal/eligibility/screening_map.h"
#include "renewal/registry/generate.h"
#include "renewal/registry/map.h"

namespace renewal {
namespace {

const Registry& City(std::uint64_t estates) {
  static auto* cache = new std::map<std::uint64_t, Registry>();
  auto it = cache->find(estates);
  if (it == cache->end()) {
    GenerateOptions options;
    options.estates = estates;
    it = cache->emplace(estates, *GenerateCity(options)).first;
  }
  return it->second;
}

void BM_ScreenReference(benchmark::State& state) {
  const Registry& r = City(static_cast<std::uint64_t>(state.range(0)));
  const Policy policy = *PresetPolicy("yueyang");
  for (auto _ : state) benchmark::DoNotOptimize(ScreenRegistry(r, policy, 2026));
  state.SetItemsProcessed(static_cast<std::int64_t>(r.estate_count() * state.iterations()));
}
BENCHMARK(BM_ScreenReference)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_EstatesGeoJson(benchmark::State& state) {
  const Registry& r = City(static_cast<std::uint64_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    absl::StatusOr<std::string> g = EstatesGeoJson(r);
    bytes = g->size();
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(r.estate_count() * state.iterations()));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_EstatesGeoJson)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_ScreeningGeoJson(benchmark::State& state) {
  const Registry& r = City(static_cast<std::uint64_t>(state.range(0)));
  const Policy policy = *PresetPolicy("yueyang");
  std::size_t bytes = 0;
  for (auto _ : state) {
    absl::StatusOr<std::string> g = EstatesGeoJson(
        r, ScreeningMapProperties(r, policy, ScreenRegistry(r, policy, 2026), 2026));
    bytes = g->size();
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(r.estate_count() * state.iterations()));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_ScreeningGeoJson)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renewal
