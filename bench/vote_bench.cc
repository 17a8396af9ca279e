// Counting throughput of owner votes (docs/votes.md "Performance").
//
//   BM_CountEstate       one estate-scale vote (173 dwellings, the national mean)
//   BM_CountMillion      one vote over 1,000,000 dwellings and ~1.02 M ballots
//   BM_CountCityOneBox   the same with all ballots in one box, counted by range
//   BM_CountCity         one vote per estate over a synthetic city; the scale is
//                        RENEWAL_VOTE_BENCH_ESTATES (default 21,900 = 1/10 of the
//                        national 219,000 estates, ~3.8 M ballots)
//
// Synthetic data: every 20th dwelling belongs to the previous dwelling's owner,
// every 50th is developer-unsold, every 30th has a co-owner; ~90% of dwellings
// vote (70% agree, 20% disagree, 10% abstain), ~2% vote twice, ~0.5% late.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "renewal/registry.h"
#include "renewal/vote.h"

namespace renewal {
namespace {

constexpr int kPerEstate = 173;  // 38 M dwellings / 219,000 estates

struct Lcg {
  std::uint64_t s;
  std::uint32_t Next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(s >> 33);
  }
};

struct City {
  Registry registry;
  std::vector<BallotBox> boxes;  // one per estate
  BallotBox all;                 // the same ballots in one box ...
  std::vector<std::size_t> starts;  // ... vote e's are [starts[e], starts[e + 1])
  std::vector<Vote> votes;
  std::size_t ballots = 0;
};

// `estates` estates of `per_estate` dwellings each.
City* MakeCity(int estates, int per_estate) {
  RegistryBuilder b(2026);
  (void)b.AddDistrict({"D", "区"});
  b.ReserveDwellings(static_cast<std::size_t>(estates) * per_estate);
  (void)b.AddOwner("DEV", "开发公司", OwnerKind::kDeveloper);
  std::uint64_t next_owner = 0;
  std::string owner, co, prev_owner, id;
  for (int e = 0; e < estates; ++e) {
    Estate est;
    est.id = "E" + std::to_string(e);
    est.name = est.id;
    (void)b.BeginEstate(est, "D", "");
    for (int k = 0; k < per_estate; ++k) {
      if (k % 24 == 0) {
        Building bl;
        bl.id = est.id + "-B" + std::to_string(k / 24 + 1);
        (void)b.AddBuilding(bl);
      }
      if (k % 12 == 0) (void)b.AddEntrance(std::to_string(k % 24 / 12 + 1));
      DwellingRecord d;
      id = est.id + "-B" + std::to_string(k / 24 + 1) + "-" + std::to_string(k % 24 / 12 + 1) +
           "-" + std::to_string(100 + k);
      d.id = id;
      d.area_centi = 5000 + (k * 7919) % 7000;
      std::vector<std::string_view> owners;
      if (k % 50 == 49) {
        d.sale_state = SaleState::kDeveloperUnsold;
        owners.push_back("DEV");
      } else if (k % 20 == 19 && !prev_owner.empty()) {
        owners.push_back(prev_owner);
      } else {
        owner = "O" + std::to_string(next_owner++);
        (void)b.AddOwner(owner, "张某", OwnerKind::kPerson);
        prev_owner = owner;
        owners.push_back(prev_owner);
        if (k % 30 == 29) {
          co = "O" + std::to_string(next_owner++);
          (void)b.AddOwner(co, "李某", OwnerKind::kPerson);
          owners.push_back(co);
        }
      }
      d.owner_ids = owners;
      (void)b.AddDwelling(d);
    }
    (void)b.EndEstate();
    prev_owner.clear();
  }
  auto* city = new City{*std::move(b).Finish(), {}, {}, {}, {}, 0};
  const VoteRule rule = *VoteRulePreset("civil_code_major");
  Lcg rng{42};
  city->boxes.resize(static_cast<std::size_t>(estates));
  city->all.Reserve(static_cast<std::size_t>(estates) * per_estate * 93 / 100);
  for (int e = 0; e < estates; ++e) {
    const auto [first, count] = city->registry.DwellingRangeOfEstate(static_cast<Index>(e));
    BallotBox& box = city->boxes[static_cast<std::size_t>(e)];
    box.Reserve(count + count / 16);
    for (Index d = first; d < first + count; ++d) {
      const std::uint32_t r = rng.Next() % 1000;
      if (r >= 900) continue;  // does not vote
      const BallotChoice c = r < 630 ? BallotChoice::kAgree : r < 810 ? BallotChoice::kDisagree : BallotChoice::kAbstain;
      const std::int64_t t = r % 200 == 0 ? 3000 : 1000 + r;  // 0.5% late
      box.AddResolved(d, c, t, CastBy::kOwner);
      if (r % 50 == 1) box.AddResolved(d, BallotChoice::kAgree, t + 5, CastBy::kOwner);  // changes mind
    }
    city->ballots += box.size();
    city->starts.push_back(city->all.size());
    for (std::size_t i = 0; i < box.size(); ++i) {
      city->all.AddResolved(box.dwelling(i), box.choice(i), box.time(i), box.cast_by(i), box.owner(i));
    }
    Vote v;
    v.id = "V" + std::to_string(e);
    v.scope = VoteScope{VoteScopeKind::kEstate, city->registry.estate(static_cast<Index>(e)).id, "", {}};
    v.rule = rule;
    v.opens = 0;
    v.closes = 2000;
    city->votes.push_back(std::move(v));
  }
  city->starts.push_back(city->all.size());
  return city;
}

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

void BM_CountCity(benchmark::State& state) {
  static City* city = MakeCity(CityEstates(), kPerEstate);
  Tallier tallier(city->registry);
  const TallyOptions options{state.range(0) != 0, state.range(0) != 0};
  std::size_t passed = 0;
  for (auto _ : state) {
    passed = 0;
    for (std::size_t e = 0; e < city->votes.size(); ++e) {
      auto out = tallier.Count(city->votes[e], city->boxes[e], options);
      passed += out->passed ? 1 : 0;
      benchmark::DoNotOptimize(out);
    }
  }
  std::size_t box_bytes = 0;
  for (const BallotBox& b : city->boxes) box_bytes += b.bytes() + sizeof(BallotBox);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * city->ballots));
  state.counters["votes"] = static_cast<double>(city->votes.size());
  state.counters["ballots"] = static_cast<double>(city->ballots);
  state.counters["passed"] = static_cast<double>(passed);
  // Stored ballots plus the 1-byte status each outcome keeps per ballot.
  state.counters["bytes_per_ballot"] =
      static_cast<double>(box_bytes + city->ballots) / static_cast<double>(city->ballots);
}
BENCHMARK(BM_CountCity)->Arg(0)->Arg(1)->ArgName("breakdown")->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// The same city with all ballots in one box, each vote counting its range: the
// counts stream through the ballots and the registry in order.
void BM_CountCityOneBox(benchmark::State& state) {
  static City* city = MakeCity(CityEstates(), kPerEstate);
  Tallier tallier(city->registry);
  const TallyOptions options{state.range(0) != 0, state.range(0) != 0};
  std::size_t passed = 0;
  for (auto _ : state) {
    passed = 0;
    for (std::size_t e = 0; e < city->votes.size(); ++e) {
      auto out = tallier.CountRange(city->votes[e], city->all, city->starts[e], city->starts[e + 1],
                                    options);
      passed += out->passed ? 1 : 0;
      benchmark::DoNotOptimize(out);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * city->ballots));
  state.counters["votes"] = static_cast<double>(city->votes.size());
  state.counters["ballots"] = static_cast<double>(city->ballots);
  state.counters["passed"] = static_cast<double>(passed);
  state.counters["bytes_per_ballot"] =
      static_cast<double>(city->all.bytes() + city->ballots) / static_cast<double>(city->ballots);
}
BENCHMARK(BM_CountCityOneBox)->Arg(0)->Arg(1)->ArgName("breakdown")
    ->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace renewal
