// Programme progress at national scale (issue 14 §4): 219,000 projects × ~15 events
// (RENEWAL_PROGRESS_BENCH_PROJECTS overrides the count). The journal is written once
// (unsynced) before the benchmarks. References measured in the same run: the base
// journal scan alone (CRCs, no decoding or checks), a loop over the projects adding
// households (the least a report can do), and one pwrite + fdatasync of a record's
// size to a file of its own (the disk's cost of a synced append).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "renewal/base/journal.h"
#include "renewal/progress/progress_report.h"
#include "renewal/progress/progress_store.h"
#include "support/progress_programmes.h"

namespace renewal {
namespace {

std::size_t Projects() {
  if (const char* e = std::getenv("RENEWAL_PROGRESS_BENCH_PROJECTS")) return std::strtoull(e, nullptr, 10);
  return 219'000;
}

std::string Dir() {
  static const std::string d = [] {
    std::string p = "/tmp/renewal_progress_bench_" + std::to_string(::getpid());
    std::filesystem::create_directories(p);
    return p;
  }();
  return d;
}

// The national journal, written once; its event count.
const std::string& NationalJournal(std::size_t* events = nullptr) {
  static std::size_t count = 0;
  static const std::string path = [] {
    const std::string p = Dir() + "/national.journal";
    std::filesystem::remove(p);
    auto store = ProgressStore::Open(p, {.policy = "national", .create = true, .sync = false});
    if (!store.ok()) std::abort();
    test_support::NationalEvents(Projects(), [&](const Event& e) {
      if (!(*store)->Record(e).ok()) std::abort();
      ++count;
    });
    return p;
  }();
  if (events != nullptr) *events = count;
  return path;
}

const Programme& National() {
  static const Programme* p = new Programme(*ReplayProgress(NationalJournal()));
  return *p;
}

void BM_Replay(benchmark::State& state) {
  std::size_t events = 0;
  const std::string& path = NationalJournal(&events);
  for (auto _ : state) {
    absl::StatusOr<Programme> p = ReplayProgress(path);
    if (!p.ok()) state.SkipWithError(std::string(p.status().message()).c_str());
    benchmark::DoNotOptimize(p);
  }
  state.counters["events"] = static_cast<double>(events);
  state.counters["projects"] = static_cast<double>(Projects());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(events));
}
BENCHMARK(BM_Replay)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReferenceJournalScan(benchmark::State& state) {
  const std::string& path = NationalJournal();
  for (auto _ : state) {
    auto image = internal::MappedFile::Open(path);
    internal::JournalScan scan;
    absl::Status s = internal::ScanJournal(
        (*image)->bytes(), internal::JournalKind{{'P', 'R', 'O', 'G'}, "progress"},
        [](std::string_view, std::size_t) { return absl::OkStatus(); }, &scan);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_ReferenceJournalScan)->Unit(benchmark::kMillisecond)->Iterations(3);

// The national monthly report by province and by district.
void BM_MonthlyReportProvinceAndDistrict(benchmark::State& state) {
  const Programme& p = National();
  const Period march = *ParsePeriod("2024-03");
  for (auto _ : state) {
    auto provinces = BuildReport(p, march, ReportLevel::kProvince);
    auto districts = BuildReport(p, march, ReportLevel::kDistrict);
    benchmark::DoNotOptimize(provinces);
    benchmark::DoNotOptimize(districts);
    state.counters["districts"] = static_cast<double>(districts->rows.size());
  }
}
BENCHMARK(BM_MonthlyReportProvinceAndDistrict)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_ReferenceHouseholdLoop(benchmark::State& state) {
  const Programme& p = National();
  for (auto _ : state) {
    std::int64_t households = 0;
    for (const ProjectState& s : p.projects()) {
      if (s.StageAt(20240331) >= Stage::kStarted) households += s.info.households();
    }
    benchmark::DoNotOptimize(households);
  }
}
BENCHMARK(BM_ReferenceHouseholdLoop)->Unit(benchmark::kMillisecond)->Iterations(5);

// One event appended with fdatasync (a new project each time, so each is valid).
void BM_AppendOneSynced(benchmark::State& state) {
  const std::string path = Dir() + "/append.journal";
  std::filesystem::remove(path);
  auto store = ProgressStore::Open(path, {.policy = "national", .create = true, .sync = true});
  std::size_t i = 0;
  for (auto _ : state) {
    Event e = test_support::MakeEvent(EventKind::kCreate, "A" + std::to_string(i), 20240105);
    e.info.id = e.project;
    e.info.estates = {{"E" + std::to_string(i++), 100}};
    e.info.province = "P";
    e.info.city = "C";
    e.info.district = "D";
    if (!(*store)->Record(e).ok()) state.SkipWithError("append failed");
  }
}
BENCHMARK(BM_AppendOneSynced)->Unit(benchmark::kMicrosecond)->Iterations(200);

void BM_ReferencePwriteFdatasync(benchmark::State& state) {
  const std::string path = Dir() + "/raw";
  const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0644);
  const std::string record(80, 'x');  // about a create event's size with its frame
  off_t at = 0;
  for (auto _ : state) {
    if (::pwrite(fd, record.data(), record.size(), at) < 0 || ::fdatasync(fd) != 0) {
      state.SkipWithError("write failed");
    }
    at += static_cast<off_t>(record.size());
  }
  ::close(fd);
}
BENCHMARK(BM_ReferencePwriteFdatasync)->Unit(benchmark::kMicrosecond)->Iterations(200);

}  // namespace
}  // namespace renewal
