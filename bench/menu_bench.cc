// Residents' menu choice on pabulib-shaped elections (issue 20): the sizes of Warsaw
// 2020 Praga-Południe (14,897 voters, 134 projects) and Warsaw 2021 Mokotów, generated.
// range(0) voters, range(1) projects, range(2): 0 cost utilities, 1 approvals;
// range(3): 0 plain MES (completion none), 1 greedy completion, 2 add1.
// Costs 10,000–1,000,000 (currency units, two decimals), skewed towards cheap ones;
// the budget is a fifth of the total cost; each voter approves 1–6 projects drawn with
// Zipf-like popularity (project k weighted 1/(k+10)), so many ballots repeat.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <string>

#include "renewal/plan/menu.h"
#include "renewal/plan/pabulib.h"

namespace renewal {
namespace {

MenuInput PabulibShaped(std::size_t voters, std::size_t projects, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  MenuInput in;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < projects; ++i) {
    MenuItem m;
    m.id = std::to_string(i + 1);
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    // Log-uniform between 10,000 and 1,000,000 units, to the fen.
    const auto units = static_cast<std::int64_t>(10'000.0 * std::pow(100.0, u) * 100.0);
    m.cost = Money::Fen(units);
    total += units;
    in.items.push_back(m);
  }
  in.budget = Money::Fen(total / 5);
  std::vector<double> weight(projects);
  for (std::size_t k = 0; k < projects; ++k) weight[k] = 1.0 / (static_cast<double>(k) + 10.0);
  std::discrete_distribution<std::size_t> pick(weight.begin(), weight.end());
  for (std::size_t v = 0; v < voters; ++v) {
    MenuBallot b{"v" + std::to_string(v), {}};
    const std::size_t n = 1 + rng() % 6;
    std::vector<bool> chosen(projects, false);
    for (std::size_t k = 0; k < n; ++k) chosen[pick(rng)] = true;
    for (std::size_t k = 0; k < projects; ++k) {
      if (chosen[k]) b.approved.push_back(in.items[k].id);
    }
    in.ballots.push_back(std::move(b));
  }
  return in;
}

void BM_MenuPabulib(benchmark::State& state) {
  MenuInput in = PabulibShaped(static_cast<std::size_t>(state.range(0)),
                               static_cast<std::size_t>(state.range(1)), 2020);
  in.satisfaction = state.range(2) ? MesSatisfaction::kApprovals : MesSatisfaction::kCost;
  const MesCompletion completion = state.range(3) == 0   ? MesCompletion::kNone
                                   : state.range(3) == 1 ? MesCompletion::kGreedy
                                                         : MesCompletion::kAdd1;
  MenuResult last;
  for (auto _ : state) {
    auto r = ChooseMenu(in, MenuRule::kEqualShares, completion);
    if (!r.ok()) {
      state.SkipWithError(std::string(r.status().message()).c_str());
      return;
    }
    last = *std::move(r);
    benchmark::DoNotOptimize(last.left);
  }
  state.counters["funded"] = static_cast<double>(last.steps.size());
  state.counters["left_fen"] = static_cast<double>(last.left.fen());
  state.counters["mes_runs"] = static_cast<double>(last.mes_runs);
  state.counters["increase_fen"] = static_cast<double>(last.share_increase_fen);
}
BENCHMARK(BM_MenuPabulib)
    ->Args({15000, 130, 0, 0})
    ->Args({15000, 130, 1, 0})
    ->Args({15000, 130, 0, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(2);
BENCHMARK(BM_MenuPabulib)
    ->Args({300, 30, 0, 2})
    ->Args({300, 30, 1, 2})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// Writing and reading the instance as a .pb file.
void BM_PabulibRoundTrip(benchmark::State& state) {
  const MenuInput in = PabulibShaped(15000, 130, 2020);
  for (auto _ : state) {
    auto back = ParsePabulib(MenuToPabulib(in));
    benchmark::DoNotOptimize(back);
  }
}
BENCHMARK(BM_PabulibRoundTrip)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renewal
