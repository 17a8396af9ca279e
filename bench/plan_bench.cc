// Annual-plan solvers at the sizes of BRIEF §3/§7: a city's 2,000 candidates (exact)
// and the national 219,000 estates (fast, with the gap to the LP bound).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <string>

#include "support/plan_instances.h"
#include "renewal/plan/menu.h"
#include "renewal/plan/plan.h"

namespace renewal {
namespace {

using bench::Instance;

void Report(benchmark::State& state, const KnapsackSolution& s) {
  state.counters["value"] = static_cast<double>(s.value);
  state.counters["lp_bound"] = static_cast<double>(s.lp_bound);
  state.counters["gap_ppm"] = static_cast<double>(s.gap_ppm);
  state.counters["nodes"] = static_cast<double>(s.nodes);
  state.counters["fixed"] = static_cast<double>(s.fixed_by_reduction);
  state.counters["proven"] = s.proven_optimal ? 1 : 0;
  state.counters["dp"] = s.dynamic_programming ? 1 : 0;
}

// Solves Instance(n = range(0), correlated = range(1), districts = range(2),
// money limits = range(3)).
void RunSolver(benchmark::State& state, SolverKind solver) {
  const KnapsackProblem p = Instance(static_cast<std::size_t>(state.range(0)), state.range(1) != 0,
                                     static_cast<int>(state.range(2)), state.range(3) != 0);
  SolveOptions o;
  o.solver = solver;
  KnapsackSolution last;
  for (auto _ : state) {
    auto s = SolveKnapsack(p, o);
    if (!s.ok()) {
      state.SkipWithError(std::string(s.status().message()).c_str());
      return;
    }
    last = *std::move(s);
    benchmark::DoNotOptimize(last.value);
  }
  Report(state, last);
}

void BM_Exact(benchmark::State& state) { RunSolver(state, SolverKind::kExact); }
BENCHMARK(BM_Exact)
    ->Args({2000, 0, 0, 0})
    ->Args({2000, 1, 0, 0})
    ->Args({2000, 0, 10, 0})
    ->Args({2000, 0, 10, 1})
    ->Args({2000, 1, 10, 0})
    ->Args({2000, 1, 10, 1})
    ->Unit(benchmark::kMillisecond);

void BM_Fast(benchmark::State& state) { RunSolver(state, SolverKind::kFast); }
BENCHMARK(BM_Fast)
    ->Args({219000, 0, 0, 0})
    ->Args({219000, 1, 0, 0})
    ->Args({219000, 0, 300, 0})
    ->Args({219000, 0, 300, 1})
    ->Unit(benchmark::kMillisecond);

// The whole annual plan (scoring with the ningbo sheet, selection, explanations,
// tiers) for the national candidate list, fast solver.
void BM_AnnualPlanNational(benchmark::State& state) {
  const std::size_t n = static_cast<std::size_t>(state.range(0));
  std::mt19937_64 rng(11);
  std::vector<CandidateProject> projects(n);
  std::vector<ProjectFacts> facts(n);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    CandidateProject& p = projects[i];
    p.id = "P" + std::to_string(i);
    p.estate_id = "E" + std::to_string(i);
    p.cost = Money::Fen(static_cast<std::int64_t>(50 + rng() % 1451) * 1'000'000);
    p.government_share = p.cost;
    total += p.cost.fen();
    ProjectFacts& f = facts[i];
    f.project_id = p.id;
    f.estate_id = p.estate_id;
    f.district_id = "D" + std::to_string(i % 300);
    f.at(Feature::kBasicShortfalls) = static_cast<std::int64_t>(rng() % 8);
    f.at(Feature::kServiceShortfalls) = static_cast<std::int64_t>(rng() % 5);
    f.at(Feature::kHazardCount) = static_cast<std::int64_t>(rng() % 3);
    f.at(Feature::kHouseholds) = static_cast<std::int64_t>(50 + rng() % 800);
    f.at(Feature::kWillingnessBp) = static_cast<std::int64_t>(4000 + rng() % 6001);
    f.at(Feature::kAgreementBp) = static_cast<std::int64_t>(6000 + rng() % 4001);
    f.at(Feature::kManagementAgreed) = static_cast<std::int64_t>(rng() % 2);
    f.at(Feature::kManagementMode) = static_cast<std::int64_t>(1 + rng() % 5);
  }
  PlanOptions o;
  o.budget = Money::Fen(total / 4);
  o.solve.solver = SolverKind::kFast;
  const ScoringSheet sheet = NingboSheet();
  AnnualPlan last;
  for (auto _ : state) {
    auto plan = MakeAnnualPlanFromFacts(projects, facts, sheet, o);
    if (!plan.ok()) {
      state.SkipWithError(std::string(plan.status().message()).c_str());
      return;
    }
    last = *std::move(plan);
    benchmark::DoNotOptimize(last.total_score);
  }
  state.counters["gap_ppm"] = static_cast<double>(last.gap_ppm);
  state.counters["selected"] = static_cast<double>(
      std::count_if(last.decisions.begin(), last.decisions.end(),
                    [](const ProjectDecision& d) { return d.selected; }));
}
BENCHMARK(BM_AnnualPlanNational)->Arg(219000)->Unit(benchmark::kMillisecond);

// Residents' menu choice on a large estate: range(0) optional items (costs 5,000–
// 80,000 yuan) and range(1) households, each approving about a fifth of the items;
// the budget covers about a third of the items. Equal Shares completed by range(2):
// 0 greedy, 1 add1 (the exact jumps of menu_equal_shares.cc).
void BM_MenuEqualShares(benchmark::State& state) {
  const std::size_t items = static_cast<std::size_t>(state.range(0));
  const std::size_t households = static_cast<std::size_t>(state.range(1));
  std::mt19937_64 rng(5);
  MenuInput in;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < items; ++i) {
    MenuItem m;
    m.id = "I" + std::to_string(i);
    m.cost = Money::Fen(static_cast<std::int64_t>(5'000 + rng() % 75'001) * 100);
    total += m.cost.fen();
    in.items.push_back(m);
  }
  in.budget = Money::Fen(total / 3);
  for (std::size_t h = 0; h < households; ++h) {
    MenuBallot b{"H" + std::to_string(h), {}};
    for (std::size_t i = 0; i < items; ++i) {
      if (rng() % 5 == 0) b.approved.push_back(in.items[i].id);
    }
    in.ballots.push_back(std::move(b));
  }
  const MesCompletion completion = state.range(2) ? MesCompletion::kAdd1 : MesCompletion::kGreedy;
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
  state.counters["increase_fen"] = static_cast<double>(last.share_increase_fen);
  state.counters["mes_runs"] = static_cast<double>(last.mes_runs);
}
BENCHMARK(BM_MenuEqualShares)
    ->Args({30, 300, 0})
    ->Args({30, 300, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace renewal
