// The synthetic city of bench/vote_bench.cc, shared with bench/vote_dump.cc so
// that the pandas comparison (examples/votes/pandas_tally.py) counts the same
// bytes the benchmark does.
//
// Synthetic data: every 20th dwelling belongs to the previous dwelling's owner,
// every 50th is developer-unsold, every 30th has a co-owner; ~90% of dwellings
// vote (70% agree, 20% disagree, 10% abstain), ~2% vote twice, ~0.5% late.
#ifndef RENEWAL_BENCH_VOTE_CITY_H_
#define RENEWAL_BENCH_VOTE_CITY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"

namespace renewal {

inline constexpr int kPerEstate = 173;  // 38 M dwellings / 219,000 estates

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
inline City* MakeCity(int estates, int per_estate) {
  RegistryBuilder b(2026);
  (void)b.AddDistrict({"D", "区"});
  b.ReserveDwellings(static_cast<std::size_t>(estates) * per_estate);
  (void)b.AddOwner("DEV", "开发公司", OwnerKind::kDeveloper);
  std::uint64_t next_owner = 0;
  std::string owner, co, prev_owner, id;
  for (int e = 0; e < estates; ++e) {
    Estate est;
    est.id = absl::StrCat("E", e);
    est.name = est.id;
    (void)b.BeginEstate(est, "D", "");
    for (int k = 0; k < per_estate; ++k) {
      if (k % 24 == 0) {
        Building bl;
        bl.id = absl::StrCat(est.id, "-B", k / 24 + 1);
        (void)b.AddBuilding(bl);
      }
      if (k % 12 == 0) (void)b.AddEntrance(std::to_string(k % 24 / 12 + 1));
      DwellingRecord d;
      id = absl::StrCat(est.id, "-B", k / 24 + 1, "-", k % 24 / 12 + 1, "-", 100 + k);
      d.id = id;
      d.area_centi = 5000 + (k * 7919) % 7000;
      std::vector<std::string_view> owners;
      if (k % 50 == 49) {
        d.sale_state = SaleState::kDeveloperUnsold;
        owners.push_back("DEV");
      } else if (k % 20 == 19 && !prev_owner.empty()) {
        owners.push_back(prev_owner);
      } else {
        owner = absl::StrCat("O", next_owner++);
        (void)b.AddOwner(owner, "张某", OwnerKind::kPerson);
        prev_owner = owner;
        owners.push_back(prev_owner);
        if (k % 30 == 29) {
          co = absl::StrCat("O", next_owner++);
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
      (void)box.AddResolved(d, c, t, CastBy::kOwner);
      if (r % 50 == 1) (void)box.AddResolved(d, BallotChoice::kAgree, t + 5, CastBy::kOwner);  // changes mind
    }
    city->ballots += box.size();
    city->starts.push_back(city->all.size());
    for (std::size_t i = 0; i < box.size(); ++i) {
      (void)city->all.AddResolved(box.dwelling(i), box.choice(i), box.time(i), box.cast_by(i), box.owner(i));
    }
    Vote v;
    v.id = absl::StrCat("V", e);
    v.scope = VoteScope{VoteScopeKind::kEstate, city->registry.estate(static_cast<Index>(e)).id, "", {}};
    v.rule = rule;
    v.opens = 0;
    v.closes = 2000;
    city->votes.push_back(std::move(v));
  }
  city->starts.push_back(city->all.size());
  return city;
}

}  // namespace renewal

#endif  // RENEWAL_BENCH_VOTE_CITY_H_
