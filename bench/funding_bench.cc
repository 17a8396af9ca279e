// Funding allocation at national scale: ~219,000 estates × 20 items under a composed
// policy (target ≥ 1 M items/s on one core), and the residents' share apportioned to
// dwellings (national: ~38 M dwellings, ~174 per estate).
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "renewal/funding/cost.h"
#include "renewal/funding/funding.h"
#include "renewal/funding/funding_dwellings.h"
#include "renewal/base/money.h"
#include "renewal/registry/registry.h"
#include "renewal/base/split.h"

namespace renewal {
namespace {

constexpr int kItemsPerPlan = 20;

// Distinct plans to cycle through (holding 219,000 × 20 items with their string
// IDs would cost ~1 GB on a shared 2-core machine; allocation cost does not depend
// on which plan is repeated).
std::vector<CostPlan> MakePlans(int count) {
  std::mt19937_64 rng(42);
  const auto catalogue = CostCatalogue();
  std::vector<CostPlan> plans(static_cast<std::size_t>(count));
  for (int p = 0; p < count; ++p) {
    CostPlan& plan = plans[static_cast<std::size_t>(p)];
    plan.id = "P-" + std::to_string(p);
    plan.estate = "E-" + std::to_string(p);
    plan.households = 50 + static_cast<std::int64_t>(rng() % 400);
    for (int i = 0; i < kItemsPerPlan; ++i) {
      const CatalogueEntry& e = catalogue[rng() % catalogue.size()];
      CostItem item = ItemFromCatalogue(e, "I-" + std::to_string(i));
      item.scope = CostScope::kEstate;
      item.lump_sum = true;
      item.cost = Money::Fen(static_cast<std::int64_t>(rng() % 100'000'000));
      if (HasTag(item.tags, CostTag::kElevator)) item.elevators = 1 + static_cast<int>(rng() % 3);
      plan.items.push_back(std::move(item));
    }
  }
  return plans;
}

void BM_AllocateComposed(benchmark::State& state) {
  const std::string name = "household_6000+elevator_100k+fujian+national_2020";
  absl::StatusOr<FundingPolicy> policy = FundingPreset(name);
  absl::StatusOr<Allocator> allocator = Allocator::Create(*policy);
  if (!allocator.ok()) {
    state.SkipWithError("policy");
    return;
  }
  const std::vector<CostPlan> plans = MakePlans(1000);
  const auto estates = static_cast<std::size_t>(state.range(0));
  FundingAllocation out;
  std::int64_t checksum = 0;
  for (auto _ : state) {
    for (std::size_t e = 0; e < estates; ++e) {
      if (!allocator->AllocateInto(plans[e % plans.size()], out).ok()) {
        state.SkipWithError("allocate");
        return;
      }
      checksum += out.gap.fen() + static_cast<std::int64_t>(out.shares.size());
    }
  }
  benchmark::DoNotOptimize(checksum);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(estates) * kItemsPerPlan);
  state.counters["estates"] = static_cast<double>(estates);
}
BENCHMARK(BM_AllocateComposed)->Arg(219'000)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)
    ->ReportAggregatesOnly(true);

void BM_AllocateYueyang(benchmark::State& state) {
  absl::StatusOr<Allocator> allocator = Allocator::Create(YueyangPolicy());
  const std::vector<CostPlan> plans = MakePlans(1000);
  FundingAllocation out;
  std::size_t e = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(allocator->AllocateInto(plans[e++ % plans.size()], out));
  }
  state.SetItemsProcessed(state.iterations() * kItemsPerPlan);
}
BENCHMARK(BM_AllocateYueyang);

// The apportioning kernel at national scale without building a 38 M-dwelling
// registry: per estate, 20 items' residents' shares split over its ~174 dwellings'
// areas, accumulated per dwelling. Items processed = dwellings × items.
void BM_ApportionKernel(benchmark::State& state) {
  const std::size_t dwellings_per_estate = 174;
  const auto estates = static_cast<std::size_t>(state.range(0));
  std::mt19937 rng(7);
  std::vector<std::uint32_t> area(dwellings_per_estate * 64);
  for (auto& a : area) a = 3000 + rng() % 12000;
  std::vector<std::int64_t> acc(dwellings_per_estate);
  SplitScratch scratch;
  for (auto _ : state) {
    for (std::size_t e = 0; e < estates; ++e) {
      std::fill(acc.begin(), acc.end(), 0);
      const std::span<const std::uint32_t> w(area.data() + (e % 64) * dwellings_per_estate,
                                             dwellings_per_estate);
      for (int i = 0; i < kItemsPerPlan; ++i) {
        (void)AccumulateSplit(Money::Fen(1'000'000 + i * 7919 + static_cast<std::int64_t>(e)), w,
                              acc, scratch);
      }
      benchmark::DoNotOptimize(acc.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(estates));
  state.counters["dwellings"] =
      benchmark::Counter(static_cast<double>(state.iterations() * estates * dwellings_per_estate),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ApportionKernel)->Arg(219'000)->Unit(benchmark::kMillisecond)->Iterations(1);

// End to end on a registry: allocate + apportion per estate (2,000 estates × 174
// dwellings = 348,000 dwellings).
void BM_AllocateAndApportionRegistry(benchmark::State& state) {
  RegistryBuilder b(2024);
  (void)b.AddDistrict({"D", "区"});
  (void)b.AddOwner("O", "业主", OwnerKind::kPerson);
  const std::string_view owners[] = {"O"};
  const int estates = 2000;
  std::mt19937 rng(3);
  std::vector<std::string> ids;
  for (int e = 0; e < estates; ++e) {
    Estate est;
    est.id = "E-" + std::to_string(e);
    est.name = "小区";
    (void)b.BeginEstate(est, "D", "");
    for (int bl = 0; bl < 6; ++bl) {
      Building building;
      building.id = est.id + "-B" + std::to_string(bl);
      (void)b.AddBuilding(building);
      for (int en = 0; en < 2; ++en) {
        (void)b.AddEntrance(std::to_string(en + 1));
        for (int d = 0; d < (bl * 2 + en < 6 ? 15 : 14); ++d) {
          const std::string id = building.id + "-" + std::to_string(en) + "-" + std::to_string(d);
          DwellingRecord rec;
          rec.id = id;
          rec.area_centi = 4000 + rng() % 8000;
          rec.owner_ids = owners;
          (void)b.AddDwelling(rec);
        }
      }
    }
    (void)b.EndEstate();
  }
  absl::StatusOr<Registry> reg = std::move(b).Finish();
  if (!reg.ok()) {
    state.SkipWithError("registry");
    return;
  }
  std::vector<CostPlan> plans = MakePlans(estates);
  for (int e = 0; e < estates; ++e) {
    CostPlan& p = plans[static_cast<std::size_t>(e)];
    p.estate = "E-" + std::to_string(e);
    (void)FillHouseholdsFromRegistry(p, *reg);
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      if (i % 3 == 1) {
        p.items[i].scope = CostScope::kBuilding;
        p.items[i].building = p.estate + "-B" + std::to_string(i % 6);
      }
    }
  }
  absl::StatusOr<Allocator> allocator = Allocator::Create(National2020Policy());
  FundingAllocation out;
  DwellingApportionment d;
  SplitScratch scratch;
  for (auto _ : state) {
    for (const CostPlan& p : plans) {
      (void)allocator->AllocateInto(p, out);
      (void)ApportionToDwellings(out, p, *reg, d, scratch);
      benchmark::DoNotOptimize(d.total);
    }
  }
  state.SetItemsProcessed(state.iterations() * estates);
  state.counters["dwellings"] = benchmark::Counter(
      static_cast<double>(state.iterations() * reg->dwelling_count()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AllocateAndApportionRegistry)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renewal
