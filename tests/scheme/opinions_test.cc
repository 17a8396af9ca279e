#include "renewal/scheme/opinions.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/votes/vote_consult.h"
#include "scheme_testing.h"

namespace renewal {
namespace {

using scheme_testing::City;
using scheme_testing::Plan;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(Opinions, MaskHidesTheRoom) {
  EXPECT_EQ(MaskDwelling("E000025-03-1-502"), "E000025-03-1-***");
  EXPECT_EQ(MaskDwelling("502"), "***");
}

TEST(Opinions, ObjectorsOfTheFirstRound) {
  // O-1 objected in round 1; O-2 made a suggestion, not an objection.
  EXPECT_THAT(ObjectorsOfRound(Plan(), 1), ElementsAre("E1-B1-2-101"));
  EXPECT_TRUE(ObjectorsOfRound(Plan(), 2).empty());
}

TEST(Opinions, NoticeIsChineseAndMasked) {
  const SchemePlan p = Plan();
  const std::string md = OpinionsNoticeMarkdown(p, "自来水厂宿舍");
  EXPECT_THAT(md, HasSubstr("# 自来水厂宿舍改造方案征询意见答复公示"));
  EXPECT_THAT(md, HasSubstr("| 第1轮 | 2025-03-05 | E1-B1-2-*** | 不同意本单元加装电梯 | 采纳：删除1栋2单元加装电梯 |"));
  EXPECT_THAT(md, HasSubstr("不予采纳：场地不足，留待下一轮改造"));
  EXPECT_THAT(md, Not(HasSubstr("E1-B1-2-101")));
  const std::string html = OpinionsNoticeHtml(p, "自来水厂宿舍");
  EXPECT_THAT(html, HasSubstr("<td>E1-B2-1-***</td>"));
  EXPECT_THAT(html, Not(HasSubstr("E1-B2-1-102")));
}

TEST(Opinions, HtmlAndMarkdownEscape) {
  SchemePlan p = Plan();
  p.opinions[0].text = "<script>a|b</script>";
  EXPECT_THAT(OpinionsNoticeHtml(p, ""), HasSubstr("&lt;script&gt;a|b&lt;/script&gt;"));
  EXPECT_THAT(OpinionsNoticeMarkdown(p, ""), HasSubstr("<script>a\\|b</script>"));
}

TEST(Opinions, JsonMaskedOrNot) {
  EXPECT_THAT(OpinionsToJson(Plan(), true), HasSubstr(R"("dwelling":"E1-B1-2-***")"));
  EXPECT_THAT(OpinionsToJson(Plan(), false), HasSubstr(R"("dwelling":"E1-B1-2-101")"));
}

TEST(Opinions, SecondRoundGoesToTheObjectors) {
  // 湘建城函〔2021〕161号 "两轮征询": the second round asks those who objected. With the
  // votes area's RunConsultation, round 2 addresses exactly the dwellings that had not
  // agreed in round 1. Entrance E1-B1/2 has 3 dwellings (3 persons); round 1: 101
  // disagrees, 102 and 103 agree; round 2 asks only 101, which agrees.
  const Registry& city = City();
  VoteScope scope;
  scope.kind = VoteScopeKind::kEntrance;
  scope.id = "E1-B1";
  scope.entrance = "2";
  absl::StatusOr<VoteRule> rule = VoteRulePreset("changsha_two_80");
  ASSERT_TRUE(rule.ok());
  std::vector<ConsultationRound> rounds(2);
  rounds[0].opens = 100;
  rounds[0].closes = 200;
  rounds[1].opens = 300;
  rounds[1].closes = 400;
  const auto add = [&](BallotBox& box, std::string_view dwelling, BallotChoice choice, std::int64_t t) {
    BallotInput b;
    b.dwelling_id = dwelling;
    b.choice = choice;
    b.time = t;
    ASSERT_TRUE(box.Add(city, b).ok());
  };
  add(rounds[0].ballots, "E1-B1-2-101", BallotChoice::kDisagree, 150);
  add(rounds[0].ballots, "E1-B1-2-102", BallotChoice::kAgree, 150);
  add(rounds[0].ballots, "E1-B1-2-103", BallotChoice::kAgree, 150);
  add(rounds[1].ballots, "E1-B1-2-101", BallotChoice::kAgree, 350);
  absl::StatusOr<ConsultationResult> result = RunConsultation(city, scope, *rule, rounds);
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->rounds.size(), 2u);
  EXPECT_EQ(result->rounds[1].addressed, 1);  // the one objector
  // The record the plan keeps: round 1 2 of 3 agree (66.67% < 80%), round 2 3 of 3.
  const std::vector<ConsultationRecord> records = RecordsFromConsultation(
      *result, "changsha_two_80", {*ParsePlanDate("2025-03-01"), *ParsePlanDate("2025-04-01")},
      {*ParsePlanDate("2025-03-15"), *ParsePlanDate("2025-04-15")});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].totals.heads_agree, 2);
  EXPECT_FALSE(EvaluateConsultationRound(records[0])->passed);
  EXPECT_EQ(records[1].round, 2);
  EXPECT_EQ(records[1].totals.heads_agree, 3);
  EXPECT_TRUE(EvaluateConsultationRound(records[1])->passed);
}

}  // namespace
}  // namespace renewal
