// One vote per estate over a city's ballots (TallyEachEstate): grouping by the
// dwelling's estate, the order asked, ballots of unknown dwellings.
#include "renewal/votes/vote_estates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

#include "renewal/registry/generate.h"
#include "vote_testing.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// E1: D1, D2, D3 (33.33/33.33/33.34 m², one owner each); E2: X1 (Z). Ballots
// interleaved: D1 agree, X1 agree, D2 agree, "NOPE" agree, D3 disagree, D2 disagree
// later (supersedes D2's agree). civil_code_major: E1 participates whole (3 of 3),
// agree 1 of 3 heads < 3/4 → fails; E2: 1 of 1 agrees → passes. "NOPE" belongs to
// no estate.
TEST(TallyEachEstate, GroupsBallotsByEstateInTheOrderAsked) {
  Registry r = Build(Singles({3333, 3333, 3334}));
  BallotBox box = Box(r, {{"D1", BallotChoice::kAgree},
                          {"X1", BallotChoice::kAgree},
                          {"D2", BallotChoice::kAgree},
                          {"NOPE", BallotChoice::kAgree},
                          {"D3", BallotChoice::kDisagree},
                          {"D2", BallotChoice::kDisagree, 1600}});
  const Vote like = MakeVote("civil_code_major");
  const std::vector<Index> asked{1, 0};  // E2 first
  auto votes = TallyEachEstate(r, box, like, asked);
  ASSERT_TRUE(votes.ok()) << votes.status();
  ASSERT_EQ(votes->outcomes.size(), 2u);
  EXPECT_THAT(votes->estates, ElementsAre(1u, 0u));
  EXPECT_THAT(votes->unattributed, ElementsAre(3u));

  const VoteOutcome& e2 = votes->outcomes[0];
  EXPECT_EQ(e2.vote_id, "E2");
  EXPECT_TRUE(e2.passed);
  EXPECT_EQ(e2.totals.heads_agree, 1);
  EXPECT_EQ(e2.totals.area_agree, 5000);

  const VoteOutcome& e1 = votes->outcomes[1];
  EXPECT_EQ(e1.vote_id, "E1");
  EXPECT_FALSE(e1.passed);
  EXPECT_EQ(e1.totals.heads_participating, 3);
  EXPECT_EQ(e1.totals.heads_agree, 1);
  EXPECT_EQ(e1.totals.area_agree, 3333);
  EXPECT_EQ(e1.totals.area_disagree, 6667);
  EXPECT_EQ(e1.count(BallotStatus::kSuperseded), 1);
  EXPECT_EQ(e1.count(BallotStatus::kAccepted), 3);
  EXPECT_EQ(e1.ballot_status.size(), 4u);  // E1's four ballots only

  // The same totals as counting E1 alone over its own ballots.
  BallotBox own = Box(r, {{"D1", BallotChoice::kAgree},
                          {"D2", BallotChoice::kAgree},
                          {"D3", BallotChoice::kDisagree},
                          {"D2", BallotChoice::kDisagree, 1600}});
  auto alone = Tally(r, like, own);
  ASSERT_TRUE(alone.ok());
  EXPECT_EQ(alone->totals, e1.totals);
  EXPECT_EQ(alone->tests, e1.tests);

  // Every estate by default, in registry order.
  auto all = TallyEachEstate(r, box, like);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->outcomes.size(), 2u);
  EXPECT_EQ(all->outcomes[0].vote_id, "E1");
  EXPECT_EQ(all->outcomes[1].vote_id, "E2");
}

// Select keeps dwellings, choices, exact times, casters and owners of the ballots
// asked for, in the order asked; IDs are dropped.
TEST(TallyEachEstate, SelectGathersTheBallotsInTheOrderAsked) {
  Registry r = Build(Singles({100, 100}));
  BallotBox box = Box(r, {{"D1", BallotChoice::kAgree, 1500, "O1", "b1"},
                          {"D2", BallotChoice::kDisagree, 1200},
                          {"X1", BallotChoice::kAbstain, 1900}});
  const std::vector<std::size_t> order{2, 0};
  const BallotBox picked = box.Select(order);
  ASSERT_EQ(picked.size(), 2u);
  EXPECT_EQ(picked.dwelling(0), *r.FindDwelling("X1"));
  EXPECT_EQ(picked.choice(0), BallotChoice::kAbstain);
  EXPECT_EQ(picked.time(0), 1900);
  EXPECT_EQ(picked.dwelling(1), *r.FindDwelling("D1"));
  EXPECT_EQ(picked.time(1), 1500);
  EXPECT_EQ(picked.owner(1), *r.FindOwner("O1"));
  EXPECT_EQ(picked.id(1), "");
}

TEST(TallyEachEstate, BadEstatesAndRulesAreErrors) {
  Registry r = Build(Singles({100}));
  BallotBox box = Box(r, {{"D1", BallotChoice::kAgree}});
  const Vote like = MakeVote("civil_code_major");
  const std::vector<Index> twice{0, 0}, missing{7};
  auto s = TallyEachEstate(r, box, like, twice);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.status().message(), HasSubstr("estates[1]: estate \"E1\" is asked twice"));
  s = TallyEachEstate(r, box, like, missing);
  EXPECT_THAT(s.status().message(), HasSubstr("estates[0]: no estate with index 7 (2 estates)"));
  Vote backwards = like;
  backwards.closes = backwards.opens - 1;
  s = TallyEachEstate(r, box, backwards);
  EXPECT_EQ(s.status().code(), absl::StatusCode::kInvalidArgument);
}


// A generated city's ballots (most dwellings vote once, some twice with a later
// change of mind, some not at all) counted in dwelling order and shuffled: every
// estate's outcome is the same, since a count depends on the ballots' times, not
// their order in the box. An EstateTallier reused across calls (and across a
// subset of estates in between) gives the same again.
TEST(TallyEachEstate, ShuffledBallotsCountAsOrderedOnes) {
  GenerateOptions g;
  g.estates = 40;
  g.seed = 19;
  g.current_year = 2026;
  auto city = GenerateCity(g);
  ASSERT_TRUE(city.ok()) << city.status();
  struct B {
    Index dwelling;
    BallotChoice choice;
    std::int64_t time;
  };
  std::vector<B> cast;
  std::uint64_t x = 12345;
  auto next = [&x] { return (x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  for (Index d = 0; d < city->dwelling_count(); ++d) {
    const std::uint64_t r = next() % 10;
    if (r == 0) continue;  // abstains from voting at all
    cast.push_back({d, r < 7 ? BallotChoice::kAgree : BallotChoice::kDisagree,
                    1000 + static_cast<std::int64_t>(next() % 500)});
    if (r == 9) cast.push_back({d, BallotChoice::kAgree, 1600});  // changes its mind later
  }
  cast.push_back({kNoIndex, BallotChoice::kAgree, 1100});
  auto box_of = [](const std::vector<B>& ballots) {
    BallotBox box;
    for (const B& b : ballots) {
      if (b.dwelling == kNoIndex) {
        EXPECT_TRUE(box.AddResolved(kNoIndex, b.choice, b.time, CastBy::kOwner).ok());
      } else {
        EXPECT_TRUE(box.AddResolved(b.dwelling, b.choice, b.time, CastBy::kOwner).ok());
      }
    }
    return box;
  };
  const BallotBox ordered = box_of(cast);
  std::vector<B> shuffled_cast = cast;
  for (std::size_t i = shuffled_cast.size(); i > 1; --i) {
    std::swap(shuffled_cast[i - 1], shuffled_cast[next() % i]);
  }
  const BallotBox shuffled = box_of(shuffled_cast);
  const Vote like = MakeVote("civil_code_major");

  auto a = TallyEachEstate(*city, ordered, like);
  auto b = TallyEachEstate(*city, shuffled, like);
  ASSERT_TRUE(a.ok()) << a.status();
  ASSERT_TRUE(b.ok()) << b.status();
  ASSERT_EQ(a->outcomes.size(), city->estate_count());
  ASSERT_EQ(b->outcomes.size(), city->estate_count());
  EXPECT_EQ(a->unattributed.size(), 1u);
  EXPECT_EQ(b->unattributed.size(), 1u);
  int passed = 0;
  auto same = [](const VoteOutcome& x, const VoteOutcome& y) {
    EXPECT_EQ(x.vote_id, y.vote_id);
    EXPECT_EQ(x.passed, y.passed);
    EXPECT_EQ(x.totals, y.totals);
    EXPECT_EQ(x.tests, y.tests);
    EXPECT_EQ(x.ballot_status.size(), y.ballot_status.size());
    EXPECT_EQ(x.status_counts, y.status_counts);
  };
  for (std::size_t k = 0; k < a->outcomes.size(); ++k) {
    same(a->outcomes[k], b->outcomes[k]);
    EXPECT_GT(a->outcomes[k].count(BallotStatus::kSuperseded) +
                  a->outcomes[k].count(BallotStatus::kAccepted), 0);
    passed += a->outcomes[k].passed ? 1 : 0;
  }
  EXPECT_GT(passed, 0);  // both kinds of outcome occur, so the comparison can fail
  EXPECT_LT(passed, static_cast<int>(city->estate_count()));

  EstateTallier tallier(*city);
  std::vector<std::size_t> unattributed;
  std::vector<VoteOutcome> again;
  auto collect = [&again](std::size_t, Index, VoteOutcome& o) { again.push_back(std::move(o)); };
  const std::vector<Index> some{5, 2, 31};
  for (int round = 0; round < 2; ++round) {
    again.clear();
    ASSERT_TRUE(tallier.Count(shuffled, like, {}, {false, false}, collect, &unattributed).ok());
    ASSERT_EQ(again.size(), a->outcomes.size());
    for (std::size_t k = 0; k < again.size(); ++k) same(a->outcomes[k], again[k]);
    again.clear();
    ASSERT_TRUE(tallier.Count(ordered, like, some, {false, false}, collect, &unattributed).ok());
    ASSERT_EQ(again.size(), 3u);
    for (std::size_t k = 0; k < some.size(); ++k) same(a->outcomes[some[k]], again[k]);
  }
}

// More estates than GroupInto's 1,024 coarse groups (2,100: four estates per coarse
// group), ballots shuffled, some dwellings voting twice: each estate's outcome must
// equal the one-off Tally of that estate's ballots alone, in box order (the later
// ballot of a dwelling supersedes the earlier, so a regrouping that lost the box's
// order within an estate would count the wrong one).
TEST(TallyEachEstate, ManyEstatesEqualOneOffTallies) {
  GenerateOptions g;
  g.estates = 2100;
  g.seed = 23;
  g.current_year = 2026;
  g.households_scale_pct = 30;
  auto city = GenerateCity(g);
  ASSERT_TRUE(city.ok()) << city.status();
  struct B {
    Index dwelling;
    BallotChoice choice;
    std::int64_t time;
  };
  std::vector<B> cast;
  std::uint64_t x = 777;
  auto next = [&x] { return (x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
  for (Index d = 0; d < city->dwelling_count(); ++d) {
    const std::uint64_t r = next() % 10;
    if (r == 0) continue;
    cast.push_back({d, r < 7 ? BallotChoice::kAgree : BallotChoice::kDisagree,
                    1000 + static_cast<std::int64_t>(next() % 500)});
    if (r >= 8) cast.push_back({d, r == 8 ? BallotChoice::kDisagree : BallotChoice::kAgree, 1600});
  }
  for (std::size_t i = cast.size(); i > 1; --i) std::swap(cast[i - 1], cast[next() % i]);
  BallotBox box;
  for (const B& b : cast) ASSERT_TRUE(box.AddResolved(b.dwelling, b.choice, b.time, CastBy::kOwner).ok());
  const Vote like = MakeVote("civil_code_major");
  auto all = TallyEachEstate(*city, box, like);
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->outcomes.size(), 2100u);
  int passed = 0;
  for (Index e = 0; e < 2100; ++e) {
    const auto [first, count] = city->DwellingRangeOfEstate(e);
    BallotBox own;
    for (const B& b : cast) {
      if (b.dwelling >= first && b.dwelling < first + count) {
        ASSERT_TRUE(own.AddResolved(b.dwelling, b.choice, b.time, CastBy::kOwner).ok());
      }
    }
    Vote v = like;
    v.id = city->estate(e).id;
    v.scope.id = v.id;
    auto alone = Tally(*city, v, own);
    ASSERT_TRUE(alone.ok()) << alone.status();
    const VoteOutcome& o = all->outcomes[e];
    ASSERT_EQ(o.passed, alone->passed) << v.id;
    ASSERT_EQ(o.totals, alone->totals) << v.id;
    ASSERT_EQ(o.status_counts, alone->status_counts) << v.id;
    passed += o.passed ? 1 : 0;
  }
  EXPECT_GT(passed, 0);
  EXPECT_LT(passed, 2100);
}

}  // namespace
}  // namespace renewal
