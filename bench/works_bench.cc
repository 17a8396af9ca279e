// Complaints at national scale: 2,000,000 complaints over the national city's
// 219,000 estates (BRIEF §3) in 2,800 districts (about China's county-level
// divisions), 5,000 contractors; the overdue list and the on-time rates by district
// and by contractor. RENEWAL_WORKS_BENCH_COMPLAINTS overrides the count. Reference in
// the same run: one pass over the complaints reading their deadlines (the floor any
// overdue list pays).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "renewal/works/works.h"
#include "renewal/works/works_report.h"

namespace renewal {
namespace {

constexpr std::size_t kEstates = 219'000;
constexpr std::size_t kDistricts = 2'800;
constexpr std::size_t kContractors = 5'000;

std::size_t ComplaintCount() {
  if (const char* e = std::getenv("RENEWAL_WORKS_BENCH_COMPLAINTS")) return std::strtoull(e, nullptr, 10);
  return 2'000'000;
}

Date Day(const char* s) { return *Date::Parse(s); }

const Works& BigWorks() {
  static Works* w = [] {
    WorksDirectory dir;
    for (std::size_t k = 0; k < kContractors; ++k) {
      (void)dir.AddContractor({"K" + std::to_string(k), "施工单位"});
    }
    for (std::size_t e = 0; e < kEstates; ++e) {
      const std::string id = "E" + std::to_string(e);
      (void)dir.AddEstate({id, "D" + std::to_string(e % kDistricts)});
      WorksProject p;
      p.id = "P" + std::to_string(e);
      p.estate = id;
      p.contractor = "K" + std::to_string(e % kContractors);
      (void)dir.AddProject(std::move(p));
    }
    auto calendar = BundledCalendar();
    if (!calendar.ok()) std::abort();
    auto made = Works::Create(std::move(dir), *std::move(calendar), DefaultWorksPolicy());
    if (!made.ok()) std::abort();
    Works* works = new Works(*std::move(made));
    const std::size_t n = ComplaintCount();
    works->ReserveComplaints(n);
    const Date start = Day("2025-01-02");
    ComplaintFiled f;
    f.channel = ComplaintChannel::kHotline;
    f.category = "quality";
    f.text = "漏水";
    f.complainant = "张三";
    ComplaintStepDone s;
    s.person = "李四";
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t e = (i * 7919) % kEstates;
      f.id = "C" + std::to_string(i);
      f.estate = "E" + std::to_string(e);
      f.project = "P" + std::to_string(e);
      f.on = start.AddDays(static_cast<std::int32_t>(i % 300));
      if (!works->Apply(f).ok()) std::abort();
      // Progress: a quarter stay unaccepted; the rest accepted within 0–2 days, and
      // so on, so that some steps are late.
      s.complaint = f.id;
      const std::size_t r = i % 8;
      if (r < 2) continue;
      s.action = ComplaintAction::kAccept;
      s.on = f.on.AddDays(static_cast<std::int32_t>(i % 3));
      if (!works->Apply(s).ok()) std::abort();
      if (r < 4) continue;
      s.action = ComplaintAction::kHandle;
      s.on = s.on.AddDays(static_cast<std::int32_t>(3 + i % 9));
      if (!works->Apply(s).ok()) std::abort();
      if (r < 6) continue;
      s.action = ComplaintAction::kRevisit;
      s.resolved = true;
      s.on = s.on.AddDays(static_cast<std::int32_t>(1 + i % 4));
      if (!works->Apply(s).ok()) std::abort();
      s.resolved = false;
    }
    return works;
  }();
  return *w;
}

const Date kAsOf = Day("2025-12-15");

void BM_Reference_ScanDeadlines(benchmark::State& state) {
  const Works& w = BigWorks();
  for (auto _ : state) {
    std::size_t late = 0;
    for (std::size_t i = 0; i < w.complaint_count(); ++i) late += w.complaint(i).due < kAsOf;
    benchmark::DoNotOptimize(late);
  }
  state.counters["complaints"] = static_cast<double>(w.complaint_count());
}

void BM_OverdueList(benchmark::State& state) {
  const Works& w = BigWorks();
  std::size_t n = 0;
  for (auto _ : state) {
    auto list = OpenCases(w, kAsOf, true);
    n = list.size();
    benchmark::DoNotOptimize(list.data());
  }
  state.counters["overdue"] = static_cast<double>(n);
}

void BM_OnTimeByDistrict(benchmark::State& state) {
  const Works& w = BigWorks();
  for (auto _ : state) {
    auto stats = StepStatsBy(w, WorksGrouping::kDistrict, kAsOf);
    benchmark::DoNotOptimize(stats.data());
  }
  state.counters["steps"] = static_cast<double>(w.step_log().size());
}

void BM_OnTimeByContractor(benchmark::State& state) {
  const Works& w = BigWorks();
  for (auto _ : state) {
    auto stats = StepStatsBy(w, WorksGrouping::kContractor, kAsOf);
    benchmark::DoNotOptimize(stats.data());
  }
}

BENCHMARK(BM_Reference_ScanDeadlines)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OverdueList)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OnTimeByDistrict)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OnTimeByContractor)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renewal
