// The registry snapshot (docs/snapshot.md) against the JSON format on the same
// generated city in the same run: save and load, file to file. The scale is
// RENEWAL_SNAPSHOT_BENCH_ESTATES (default 22,000 estates, ~3 M dwellings; the
// national registry is 219,000 estates, 29.6 M dwellings). Files go to TMPDIR.
//
//   BM_SaveSnapshot / BM_LoadSnapshot   SaveRegistrySnapshot, LoadRegistrySnapshotFile
//   BM_DumpSnapshot / BM_LoadSnapshotBytes   the same in memory (what a pickle does)
//   BM_SaveJson / BM_LoadJson           SaveRegistryFile, LoadRegistryFile (the reference)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "benchmark/benchmark.h"
#include "renewal/registry/generate.h"
#include "renewal/registry/registry_json.h"
#include "renewal/registry/snapshot.h"

namespace renewal {
namespace {

const Registry& City() {
  static const Registry* city = [] {
    GenerateOptions options;
    const char* env = std::getenv("RENEWAL_SNAPSHOT_BENCH_ESTATES");
    options.estates = env ? std::strtoull(env, nullptr, 10) : 22'000;
    options.seed = 11;
    options.current_year = 2026;
    return new Registry(*GenerateCity(options));
  }();
  return *city;
}

std::string Path(const char* name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir ? dir : "/tmp") + "/renewal_snapshot_bench_" + name;
}

std::size_t FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  return static_cast<std::size_t>(in.tellg());
}

LoadOptions Year2026() {
  LoadOptions o;
  o.current_year = 2026;
  return o;
}

void Counters(benchmark::State& state, std::size_t bytes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
  state.counters["dwellings"] = static_cast<double>(City().dwelling_count());
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
}

void BM_SaveSnapshot(benchmark::State& state) {
  const std::string path = Path("city.rsnap");
  for (auto _ : state) {
    if (!SaveRegistrySnapshot(City(), path).ok()) state.SkipWithError("save failed");
  }
  Counters(state, FileBytes(path));
}
BENCHMARK(BM_SaveSnapshot)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LoadSnapshot(benchmark::State& state) {
  const std::string path = Path("city.rsnap");
  if (!SaveRegistrySnapshot(City(), path).ok()) state.SkipWithError("save failed");
  for (auto _ : state) {
    absl::StatusOr<Registry> r = LoadRegistrySnapshotFile(path, Year2026());
    if (!r.ok()) state.SkipWithError(std::string(r.status().message()).c_str());
    benchmark::DoNotOptimize(r);
  }
  Counters(state, FileBytes(path));
}
BENCHMARK(BM_LoadSnapshot)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_DumpSnapshot(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string s = DumpRegistrySnapshot(City());
    bytes = s.size();
    benchmark::DoNotOptimize(s);
  }
  Counters(state, bytes);
}
BENCHMARK(BM_DumpSnapshot)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LoadSnapshotBytes(benchmark::State& state) {
  const std::string bytes = DumpRegistrySnapshot(City());
  for (auto _ : state) {
    absl::StatusOr<Registry> r = LoadRegistrySnapshot(bytes, Year2026());
    if (!r.ok()) state.SkipWithError(std::string(r.status().message()).c_str());
    benchmark::DoNotOptimize(r);
  }
  Counters(state, bytes.size());
}
BENCHMARK(BM_LoadSnapshotBytes)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_SaveJson(benchmark::State& state) {
  const std::string path = Path("city.json");
  for (auto _ : state) {
    if (!SaveRegistryFile(City(), path).ok()) state.SkipWithError("save failed");
  }
  Counters(state, FileBytes(path));
}
BENCHMARK(BM_SaveJson)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_LoadJson(benchmark::State& state) {
  const std::string path = Path("city.json");
  if (!SaveRegistryFile(City(), path).ok()) state.SkipWithError("save failed");
  for (auto _ : state) {
    absl::StatusOr<Registry> r = LoadRegistryFile(path, Year2026());
    if (!r.ok()) state.SkipWithError(std::string(r.status().message()).c_str());
    benchmark::DoNotOptimize(r);
  }
  Counters(state, FileBytes(path));
  std::remove(path.c_str());
  std::remove(Path("city.rsnap").c_str());
}
BENCHMARK(BM_LoadJson)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace renewal
