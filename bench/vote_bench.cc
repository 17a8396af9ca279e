// Counting throughput of owner votes (docs/votes.md "Performance").
//
//   BM_CountEstate       one estate-scale vote (173 dwellings, the national mean)
//   BM_CountMillion      one vote over 1,000,000 dwellings and ~1.02 M ballots
//   BM_CountCity         one vote per estate over a synthetic city, in four ways
//                        (see below); the scale is RENEWAL_VOTE_BENCH_ESTATES
//                        (default 21,900 = 1/10 of the national 219,000
//                        estates, ~3.5 M ballots)
//   BM_TallyEachEstate   the same votes from one box (in order or shuffled), grouped by
//                        estate, with a new or a kept EstateTallier
//
// Synthetic data: bench/vote_city.h (shared with bench/vote_dump.cc, which writes
// it out for the pandas comparison in examples/votes/pandas_tally.py).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_estates.h"
#include "vote_city.h"

namespace renewal {
namespace {

int CityEstates() {
  const char* env = std::getenv("RENEWAL_VOTE_BENCH_ESTATES");
  return env ? std::atoi(env) : 21'900;
}

void BM_CountEstate(benchmark::State& state) {
  static City* city = MakeCity(1, kPerEstate);
  Tallier tallier(city->registry);
  const TallyOptions options{state.range(0) != 0, state.range(0) != 0};
  for (auto _ : state) {
    auto out = tallier.Count(city->votes[0], city->boxes[0], options);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * city->ballots));
}
BENCHMARK(BM_CountEstate)->Arg(0)->Arg(1)->ArgName("breakdown");

void BM_CountMillion(benchmark::State& state) {
  static City* city = MakeCity(1, 1'000'000);
  Tallier tallier(city->registry);
  const TallyOptions options{state.range(0) != 0, state.range(0) != 0};
  for (auto _ : state) {
    auto out = tallier.Count(city->votes[0], city->boxes[0], options);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * city->ballots));
  state.counters["ballots"] = static_cast<double>(city->ballots);
  state.counters["box_bytes_per_ballot"] =
      static_cast<double>(city->boxes[0].bytes()) / static_cast<double>(city->ballots);
}
BENCHMARK(BM_CountMillion)->Arg(0)->Arg(1)->ArgName("breakdown")->Unit(benchmark::kMillisecond);

// One vote per estate over the city. Args: breakdown (0/1); layout: 0 = a box
// per estate, each counted with Count; 1 = the same through CountEach (which
// prefetches the next vote's ballots); 2 = all ballots in one box, each vote
// counting its range with CountRange; 3 = the one box through CountEach.
void BM_CountCity(benchmark::State& state) {
  static City* city = MakeCity(CityEstates(), kPerEstate);
  Tallier tallier(city->registry);
  const TallyOptions options{state.range(0) != 0, state.range(0) != 0};
  const std::int64_t layout = state.range(1);
  std::size_t passed = 0;
  auto sink = [&passed](std::size_t, absl::StatusOr<VoteOutcome> out) {
    passed += out->passed ? 1 : 0;
    benchmark::DoNotOptimize(out);
  };
  for (auto _ : state) {
    passed = 0;
    switch (layout) {
      case 0:
        for (std::size_t e = 0; e < city->votes.size(); ++e) {
          sink(e, tallier.Count(city->votes[e], city->boxes[e], options));
        }
        break;
      case 1:
        (void)tallier.CountEach(city->votes, city->boxes, options, sink);
        break;
      case 2:
        for (std::size_t e = 0; e < city->votes.size(); ++e) {
          sink(e, tallier.CountRange(city->votes[e], city->all, city->starts[e], city->starts[e + 1],
                                     options));
        }
        break;
      default:
        (void)tallier.CountEach(city->votes, city->all, city->starts, options, sink);
    }
  }
  std::size_t box_bytes = city->all.bytes();
  if (layout < 2) {
    box_bytes = 0;
    for (const BallotBox& b : city->boxes) box_bytes += b.bytes() + sizeof(BallotBox);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * city->ballots));
  state.counters["votes"] = static_cast<double>(city->votes.size());
  state.counters["ballots"] = static_cast<double>(city->ballots);
  state.counters["passed"] = static_cast<double>(passed);
  // Stored ballots plus the 1-byte status each outcome keeps per ballot.
  state.counters["bytes_per_ballot"] =
      static_cast<double>(box_bytes + city->ballots) / static_cast<double>(city->ballots);
}
BENCHMARK(BM_CountCity)->ArgsProduct({{0, 1}, {0, 1, 2, 3}})->ArgNames({"breakdown", "layout"})
    ->Unit(benchmark::kMillisecond)->Iterations(3);

// The city's ballots in one box in random order (as a city-wide drive would collect
// them), grouped by estate and counted: the grouping (a counting sort, the box
// scattered into a grouped one) on top of CountEach, which BM_CountCity layout 3
// times alone on the same ballots already grouped (the reference). Args: shuffled
// (0/1); reuse: 0 = TallyEachEstate (a new EstateTallier each call), 1 = one
// EstateTallier kept across iterations (its scratch arrays reused). National scale:
// RENEWAL_VOTE_BENCH_ESTATES=219000 (~35 M ballots, ~10 GB).
void BM_TallyEachEstate(benchmark::State& state) {
  static City* city = MakeCity(CityEstates(), kPerEstate);
  static BallotBox* shuffled = [] {
    std::vector<std::size_t> order(city->all.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    Lcg rng{7};
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Next() % i]);
    auto* box = new BallotBox;
    box->Reserve(order.size());
    for (std::size_t i : order) {
      (void)box->AddResolved(city->all.dwelling(i), city->all.choice(i), city->all.time(i),
                             city->all.cast_by(i), city->all.owner(i));
    }
    return box;
  }();
  const BallotBox& box = state.range(0) != 0 ? *shuffled : city->all;
  const bool reuse = state.range(1) != 0;
  std::int64_t passed = 0;
  std::vector<std::size_t> unattributed;
  EstateTallier kept(city->registry);
  auto sink = [&](std::size_t, Index, VoteOutcome& o) { passed += o.passed ? 1 : 0; };
  for (auto _ : state) {
    passed = 0;
    absl::Status st =
        reuse ? kept.Count(box, city->votes[0], {}, TallyOptions{false, false}, sink, &unattributed)
              : TallyEachEstate(city->registry, box, city->votes[0], {},
                                TallyOptions{false, false}, sink, &unattributed);
    if (!st.ok()) {
      state.SkipWithError(std::string(st.message()).c_str());
      return;
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * city->ballots));
  state.counters["votes"] = static_cast<double>(city->votes.size());
  state.counters["passed"] = static_cast<double>(passed);
}
BENCHMARK(BM_TallyEachEstate)->ArgsProduct({{0, 1}, {0, 1}})->ArgNames({"shuffled", "reuse"})
    ->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace renewal
