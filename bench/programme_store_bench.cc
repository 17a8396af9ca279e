// The programme's one journal (docs/works.md "Store"): 20,000 projects (progress
// creates) and 200,000 complaints filed and accepted (works records, 400,000 of them),
// recorded with one RecordAll (one sync) and replayed. Reference in the same run: the
// same file replayed by progress alone, passing over the works records (what the
// works' own replay adds is the JSON parse and Works::Apply per record).
// RENEWAL_PROGRAMME_BENCH_COMPLAINTS overrides the count.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "renewal/works/works_store.h"

namespace renewal {
namespace {

constexpr std::size_t kProjects = 20'000;

std::size_t ComplaintCount() {
  if (const char* e = std::getenv("RENEWAL_PROGRAMME_BENCH_COMPLAINTS")) {
    return std::strtoull(e, nullptr, 10);
  }
  return 200'000;
}

WorksDirectory Directory() {
  WorksDirectory dir;
  (void)dir.AddContractor({"K0", "施工单位"});
  for (std::size_t p = 0; p < kProjects; ++p) {
    const std::string id = std::to_string(p);
    (void)dir.AddEstate({"E" + id, "D" + std::to_string(p % 100)});
    WorksProject wp;
    wp.id = "P" + id;
    wp.estate = "E" + id;
    wp.contractor = "K0";
    (void)dir.AddProject(std::move(wp));
  }
  return dir;
}

WorkCalendar Calendar() {
  auto c = BundledCalendar();
  if (!c.ok()) std::abort();
  return *std::move(c);
}

const std::string& Journal() {
  static const std::string path = [] {
    const std::string p = (std::filesystem::temp_directory_path() / "renewal_programme_bench.journal").string();
    std::filesystem::remove(p);
    auto store = ProgrammeStore::Open(p, Directory(), Calendar(), DefaultWorksPolicy(),
                                      {.create = true, .sync = false});
    if (!store.ok()) std::abort();
    std::vector<ProgrammeLine> lines;
    for (std::size_t i = 0; i < kProjects; ++i) {
      Event e;
      e.kind = EventKind::kCreate;
      e.project = e.info.id = "P" + std::to_string(i);
      e.date = 20250102;
      e.info.estates = {{"E" + std::to_string(i), 100}};
      e.info.province = "湖南省";
      e.info.city = "岳阳市";
      e.info.district = "D" + std::to_string(i % 100);
      lines.emplace_back(std::move(e));
    }
    const Date filed = *Date::Parse("2025-03-03"), accepted = *Date::Parse("2025-03-04");
    for (std::size_t i = 0; i < ComplaintCount(); ++i) {
      ComplaintFiled f;
      f.id = "C" + std::to_string(i);
      f.estate = "E" + std::to_string(i % kProjects);
      f.project = "P" + std::to_string(i % kProjects);
      f.category = "quality";
      f.text = "漏水";
      f.complainant = "张三";
      f.on = filed;
      lines.emplace_back(f);
      lines.emplace_back(ComplaintStepDone{f.id, ComplaintAction::kAccept, "李四", accepted, "", false, false});
    }
    if (!(*store)->RecordAll(lines).ok()) std::abort();
    return p;
  }();
  return path;
}

void BM_ReplayProgrammeWithWorks(benchmark::State& state) {
  const std::string& path = Journal();
  for (auto _ : state) {
    auto s = ProgrammeStore::Replay(path, Directory(), Calendar(), DefaultWorksPolicy());
    if (!s.ok()) state.SkipWithError(std::string(s.status().message()).c_str());
    benchmark::DoNotOptimize(s);
  }
  state.counters["records"] = static_cast<double>(kProjects + 2 * ComplaintCount());
}

void BM_ReferenceReplayProgressOnly(benchmark::State& state) {
  const std::string& path = Journal();
  for (auto _ : state) {
    auto p = ReplayProgress(path);
    if (!p.ok()) state.SkipWithError(std::string(p.status().message()).c_str());
    benchmark::DoNotOptimize(p);
  }
}

BENCHMARK(BM_ReferenceReplayProgressOnly)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ReplayProgrammeWithWorks)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace renewal
