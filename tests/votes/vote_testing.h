// Test registries and ballots for the vote tests.
#ifndef RENEWAL_TESTS_VOTE_TESTING_H_
#define RENEWAL_TESTS_VOTE_TESTING_H_

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "renewal/registry/registry.h"
#include "renewal/votes/vote.h"

namespace renewal {
namespace {

// One dwelling of a test estate: building "B<b>", entrance "<e>".
struct Spec {
  std::string id;
  std::int64_t area_centi;
  std::vector<std::string> owners;  // empty: ownerless
  SaleState sale = SaleState::kOwned;
  int building = 1;
  std::string entrance = "1";
};

Estate MakeEstate(std::string id) {
  Estate e;
  e.name = id;
  e.id = std::move(id);
  return e;
}
Building MakeBuilding(std::string id) {
  Building b;
  b.name = id;
  b.id = std::move(id);
  return b;
}

// Estate "E1" in district "D"; owners are created from the specs (the owner
// "DEV" is a developer); a second estate "E2" with one dwelling "X1" (owner "Z")
// stands outside most scopes.
Registry Build(const std::vector<Spec>& specs) {
  RegistryBuilder b(2026);
  EXPECT_TRUE(b.AddDistrict({"D", "区"}).ok());
  std::vector<std::string> owners;
  for (const Spec& s : specs) {
    for (const std::string& o : s.owners) {
      if (std::find(owners.begin(), owners.end(), o) == owners.end()) owners.push_back(o);
    }
  }
  if (std::find(owners.begin(), owners.end(), "Z") == owners.end()) owners.push_back("Z");
  for (const std::string& o : owners) {
    EXPECT_TRUE(b.AddOwner(o, o == "DEV" ? "某开发公司" : "张" + o,
                           o == "DEV" ? OwnerKind::kDeveloper : OwnerKind::kPerson).ok());
  }
  EXPECT_TRUE(b.BeginEstate(MakeEstate("E1"), "D", "").ok());
  int building = 0;
  std::string entrance;
  for (const Spec& s : specs) {
    if (s.building != building) {
      building = s.building;
      entrance.clear();
      EXPECT_TRUE(b.AddBuilding(MakeBuilding("B" + std::to_string(building))).ok());
    }
    if (s.entrance != entrance) {
      entrance = s.entrance;
      EXPECT_TRUE(b.AddEntrance(entrance).ok());
    }
    std::vector<std::string_view> ids(s.owners.begin(), s.owners.end());
    DwellingRecord d;
    d.id = s.id;
    d.area_centi = s.area_centi;
    d.sale_state = s.sale;
    d.property_type = s.owners.empty() ? PropertyType::kOwnerless : PropertyType::kCommercial;
    d.owner_ids = ids;
    EXPECT_TRUE(b.AddDwelling(d).ok()) << s.id;
  }
  EXPECT_TRUE(b.EndEstate().ok());
  EXPECT_TRUE(b.BeginEstate(MakeEstate("E2"), "D", "").ok());
  EXPECT_TRUE(b.AddBuilding(MakeBuilding("X")).ok());
  EXPECT_TRUE(b.AddEntrance("1").ok());
  std::vector<std::string_view> z{"Z"};
  DwellingRecord x;
  x.id = "X1";
  x.area_centi = 5000;
  x.owner_ids = z;
  EXPECT_TRUE(b.AddDwelling(x).ok());
  EXPECT_TRUE(b.EndEstate().ok());
  auto r = std::move(b).Finish();
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

// `n` dwellings "D1".."Dn" with their own owners "O1".."On".
std::vector<Spec> Singles(const std::vector<std::int64_t>& areas) {
  std::vector<Spec> out;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    out.push_back({"D" + std::to_string(i + 1), areas[i], {"O" + std::to_string(i + 1)}});
  }
  return out;
}

Vote MakeVote(std::string_view preset, VoteScope scope = {VoteScopeKind::kEstate, "E1", "", {}}) {
  Vote v;
  v.id = "V1";
  v.scope = std::move(scope);
  v.rule = *VoteRulePreset(preset);
  v.opens = 1000;
  v.closes = 2000;
  return v;
}

struct Cast {
  std::string dwelling;
  BallotChoice choice;
  std::int64_t time = 1500;
  std::string owner = "";
  std::string id = "";
};

BallotBox Box(const Registry& r, const std::vector<Cast>& casts) {
  BallotBox box;
  for (const Cast& c : casts) {
    BallotInput in;
    in.id = c.id;
    in.dwelling_id = c.dwelling;
    in.choice = c.choice;
    in.time = c.time;
    in.owner_id = c.owner;
    EXPECT_TRUE(box.Add(r, in).ok()) << c.dwelling;
  }
  return box;
}

[[maybe_unused]] VoteOutcome Count(const Registry& r, const Vote& v, const std::vector<Cast>& casts) {
  BallotBox box = Box(r, casts);
  auto out = Tally(r, v, box);
  EXPECT_TRUE(out.ok()) << out.status();
  return *std::move(out);
}

constexpr BallotChoice kYes = BallotChoice::kAgree;
constexpr BallotChoice kNo = BallotChoice::kDisagree;
constexpr BallotChoice kAbst = BallotChoice::kAbstain;

}  // namespace
}  // namespace renewal

#endif  // RENEWAL_TESTS_VOTE_TESTING_H_
