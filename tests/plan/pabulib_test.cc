// pabulib .pb files for residents' menus (renewal/plan/pabulib.h).
#include "renewal/plan/pabulib.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<std::string> Funded(const MenuResult& r) {
  std::vector<std::string> out;
  for (const MenuStep& s : r.steps) out.push_back(s.item_id);
  return out;
}

// tests/data/menu_small.pb is the MeasuresDiffer menu of menu_test.cc: budget 4.00
// (400 fen), A 3 (300), B "1.0" (100), C "1.000" (100, a quoted name holding ';').
TEST(Pabulib, ReadsTheHandWrittenFile) {
  auto in = ParsePabulib(ReadFile(RENEWAL_SOURCE_DIR "/tests/data/menu_small.pb"));
  ASSERT_TRUE(in.ok()) << in.status();
  EXPECT_EQ(in->budget, Money::Fen(400));
  ASSERT_EQ(in->items.size(), 3u);
  EXPECT_EQ(in->items[0].id, "A");
  EXPECT_EQ(in->items[0].cost, Money::Fen(300));
  EXPECT_EQ(in->items[1].cost, Money::Fen(100));
  EXPECT_EQ(in->items[2].cost, Money::Fen(100));
  EXPECT_EQ(in->items[2].name, "Bike racks; covered");
  ASSERT_EQ(in->ballots.size(), 2u);
  EXPECT_EQ(in->ballots[1].household_id, "H2");
  EXPECT_THAT(in->ballots[1].approved, ElementsAre("A", "C"));
  // The worked outcomes of menu_test.cc: cost utilities A, B; approvals B, C.
  auto r = ChooseMenu(*in, MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Funded(*r), ElementsAre("A", "B"));
  in->satisfaction = MesSatisfaction::kApprovals;
  r = ChooseMenu(*in, MenuRule::kEqualShares);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(Funded(*r), ElementsAre("B", "C"));
}

TEST(Pabulib, WritesWhatItReads) {
  MenuInput in;
  in.budget = Money::Fen(123456);
  in.items = {{"R", "", Category::kBasic, Money::Fen(1005), true, },
              {"X;1", "say \"hi\"", Category::kImprovement, Money::Fen(50), false}};
  in.ballots = {{"H1", {"X;1"}}, {"H2", {}}};
  const std::string text = MenuToPabulib(in);
  EXPECT_THAT(text, HasSubstr("budget;1234.56\n"));
  EXPECT_THAT(text, HasSubstr("project_id;cost;name;required\nR;10.05;;1\n"));
  auto back = ParsePabulib(text);
  ASSERT_TRUE(back.ok()) << back.status() << "\n" << text;
  EXPECT_EQ(back->budget, in.budget);
  EXPECT_EQ(back->items, in.items);
  EXPECT_EQ(back->ballots, in.ballots);
}

// Costs convert to fen exactly or the file is refused naming the line.
TEST(Pabulib, InexactMoneyIsRefusedNamingTheLine) {
  const std::string head = "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n";
  auto r = ParsePabulib(head + "P1;10.005\nVOTES\nvoter_id;vote\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("line 6: cost: \"10.005\""));
  // One decimal place more, but zero: exact.
  EXPECT_TRUE(ParsePabulib(head + "P1;10.010\nVOTES\nvoter_id;vote\n").ok());
  r = ParsePabulib(head + "P1;1e3\nVOTES\nvoter_id;vote\n");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("line 6: cost"));
  r = ParsePabulib("META\nkey;value\nbudget;12.345\n");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("line 3: budget"));
}

TEST(Pabulib, BadStructureIsRefused) {
  const std::string head = "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\nP1;10\n";
  auto r = ParsePabulib(head + "VOTES\nvoter_id;vote\nv1;P1,P9\n");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("line 9: vote: no project with id \"P9\""));
  r = ParsePabulib("META\nkey;value\nbudget;100\nvote_type;ordinal\n");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("line 4: vote_type \"ordinal\""));
  r = ParsePabulib(head);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("no VOTES"));
  r = ParsePabulib("META\nkey;value\nbudget;100\nPROJECTS\nid;cost\n");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("line 5: PROJECTS header"));
  r = ParsePabulib(head + "P2;1;extra\n");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("line 7: 3 fields, the header has 2"));
  // A stray carriage return inside a name could not be written back (a fuzzer finding).
  r = ParsePabulib("META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost;name\nP1;10;Ro\rof\n");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("line 6: a control character (byte 13) at column 9"));
}

}  // namespace
}  // namespace renewal
