// Registry JSON throughput (MB/s), ID lookups, and the memory of the columnar store.
// The national-scale peak-memory measurement is scripts/measure-national.sh (it
// needs a multi-GB file and /usr/bin/time).
#include <map>
#include <sstream>
#include <string>

#include "benchmark/benchmark.h"
#include "renewal/registry/generate.h"
#include "renewal/registry/registry_json.h"

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

void BM_SaveJson(benchmark::State& state) {
  const Registry& r = City(static_cast<std::uint64_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::ostringstream out;
    WriteRegistryJson(r, out);
    bytes = out.view().size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
  state.counters["dwellings"] = static_cast<double>(r.dwelling_count());
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_SaveJson)->Arg(1233)->Unit(benchmark::kMillisecond);

void BM_LoadJson(benchmark::State& state) {
  const std::string text = DumpRegistryJson(City(static_cast<std::uint64_t>(state.range(0))));
  LoadOptions options;
  options.current_year = 2026;
  for (auto _ : state) {
    absl::StatusOr<Registry> r = LoadRegistryJson(text, options);
    if (!r.ok()) state.SkipWithError("load failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size() * state.iterations()));
}
BENCHMARK(BM_LoadJson)->Arg(1233)->Unit(benchmark::kMillisecond);

void BM_FindDwelling(benchmark::State& state) {
  const Registry& r = City(1233);
  std::vector<std::string> ids;
  for (Index d = 0; d < r.dwelling_count(); d += 97) ids.emplace_back(r.dwelling(d).id);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(r.FindDwelling(ids[i]));
    if (++i == ids.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_FindDwelling);

// Not a timing: reports the store's bytes per dwelling (target <= 40, owner names
// excluded) for a generated city of the given number of estates.
void BM_BytesPerDwelling(benchmark::State& state) {
  const Registry& r = City(static_cast<std::uint64_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(r.DwellingBytes());
  const double n = static_cast<double>(r.dwelling_count());
  state.counters["dwellings"] = n;
  state.counters["dwelling_bytes_per_dwelling"] = static_cast<double>(r.DwellingBytes()) / n;
  state.counters["total_bytes_per_dwelling"] = static_cast<double>(r.TotalBytes()) / n;
}
BENCHMARK(BM_BytesPerDwelling)->Arg(1233)->Arg(20000)->Iterations(1);

}  // namespace
}  // namespace renewal
