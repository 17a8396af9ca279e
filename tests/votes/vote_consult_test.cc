// Consultations (seed 001: Yichang 三轮征询, Shanghai per-entrance elevators), the
// public notice, and the ballots/outcome JSON.
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_consult.h"
#include "renewal/votes/vote_json.h"
#include "renewal/votes/vote_notice.h"
#include "vote_testing.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

ConsultationRound Round(const Registry& r, std::string name, std::int64_t opens,
                        const std::vector<Cast>& casts) {
  ConsultationRound round;
  round.name = std::move(name);
  round.opens = opens;
  round.closes = opens + 100;
  std::vector<Cast> timed = casts;
  for (Cast& c : timed) c.time = opens + 50;
  round.ballots = Box(r, timed);
  return round;
}

// Ten owners. Round 1: D1–D6 agree, D7 disagrees, D8 abstains. Round 2 addresses
// D7–D10: D7 agrees, D8 disagrees; D1's ballot is out of scope (already agreed).
// Round 3 addresses D8–D10: D8 and D9 agree. D10 never answers: 9/10 fails
// Yichang's 100%; a fourth round with D10 agreeing passes.
TEST(ConsultationTest, YichangThreeRounds) {
  Registry r = Build(Singles(std::vector<std::int64_t>(10, 100)));
  std::vector<ConsultationRound> rounds;
  rounds.push_back(Round(r, "第一轮", 1000,
                         {{"D1", kYes}, {"D2", kYes}, {"D3", kYes}, {"D4", kYes}, {"D5", kYes},
                          {"D6", kYes}, {"D7", kNo}, {"D8", kAbst}}));
  rounds.push_back(Round(r, "第二轮", 2000, {{"D7", kYes}, {"D8", kNo}, {"D1", kNo}}));
  rounds.push_back(Round(r, "第三轮", 3000, {{"D8", kYes}, {"D9", kYes}}));
  const VoteScope scope{VoteScopeKind::kEstate, "E1", "", {}};
  const VoteRule rule = *VoteRulePreset("yichang_all_agree");
  auto result = RunConsultation(r, scope, rule, rounds);
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->rounds.size(), 3u);
  const RoundResult& r1 = result->rounds[0];
  EXPECT_EQ(r1.addressed, 10);
  EXPECT_EQ(r1.responded, 8);
  EXPECT_EQ(r1.newly_agreed, 6);
  EXPECT_EQ(r1.cumulative.heads_agree, 6);
  EXPECT_FALSE(r1.passed);
  const RoundResult& r2 = result->rounds[1];
  EXPECT_EQ(r2.addressed, 4);
  EXPECT_EQ(r2.responded, 2);
  EXPECT_EQ(r2.newly_agreed, 1);
  EXPECT_EQ(r2.cumulative.heads_agree, 7);
  EXPECT_THAT(r2.ballot_status, ElementsAre(BallotStatus::kAccepted, BallotStatus::kAccepted,
                                            BallotStatus::kOutOfScope));
  const RoundResult& r3 = result->rounds[2];
  EXPECT_EQ(r3.addressed, 3);
  EXPECT_EQ(r3.newly_agreed, 2);
  EXPECT_EQ(r3.cumulative.heads_agree, 9);
  EXPECT_EQ(r3.cumulative.area_agree, 900);
  EXPECT_FALSE(result->passed);
  ASSERT_EQ(result->remaining.size(), 1u);
  EXPECT_EQ(r.dwelling(result->remaining[0]).id, "D10");
  EXPECT_EQ(result->remaining_last_choice[0], DwellingChoice::kNone);

  rounds.push_back(Round(r, "第四轮", 4000, {{"D10", kYes}}));
  auto all = RunConsultation(r, scope, rule, rounds);
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->passed);
  EXPECT_TRUE(all->remaining.empty());
}

// A owns D1 and D2. Agreeing for D1 in round 1 agrees for the person, so D2 is
// not asked again in round 2 (one person, one vote); B (D3) agrees in round 2.
TEST(ConsultationTest, APersonWhoAgreedIsNotAskedAgain) {
  Registry r = Build({{"D1", 100, {"A"}}, {"D2", 100, {"A"}}, {"D3", 100, {"B"}}});
  std::vector<ConsultationRound> rounds;
  rounds.push_back(Round(r, "第一轮", 1000, {{"D1", kYes}}));
  rounds.push_back(Round(r, "第二轮", 2000, {{"D3", kYes}, {"D2", kNo}}));
  auto result = RunConsultation(r, {VoteScopeKind::kEstate, "E1", "", {}},
                                *VoteRulePreset("yichang_all_agree"), rounds);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->rounds[0].newly_agreed, 2);
  EXPECT_EQ(result->rounds[1].addressed, 1);
  EXPECT_THAT(result->rounds[1].ballot_status,
              ElementsAre(BallotStatus::kAccepted, BallotStatus::kOutOfScope));
  EXPECT_TRUE(result->passed);
}

TEST(ConsultationTest, RoundClosingBeforeOpeningIsAnError) {
  Registry r = Build(Singles({100}));
  std::vector<ConsultationRound> rounds(1);
  rounds[0].opens = 10;
  rounds[0].closes = 5;
  auto result = RunConsultation(r, {VoteScopeKind::kEstate, "E1", "", {}}, *VoteRulePreset("yichang_all_agree"),
                                rounds);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(result.status().message()), HasSubstr("rounds[0] closes"));
}

// B1 entrance 1: D1–D4; entrance 2: D5, D6; B2 entrance 1: D7. Applications from
// D2 (t=1000) and D1 (t=1200) open B1-1 at 1000 until 2000; D7's opens B2-1.
// B1-1: D1–D3 agree, D4 disagrees: 3/4 of area and heads = exactly 3/4, passes.
// D3's second ballot at 2500 is after the close. B2-1: nobody votes: fails.
// B1-2 has no application and no consultation.
TEST(ElevatorTest, ShanghaiOneApplicationOpensTheEntrance) {
  Registry r = Build({{"D1", 10000, {"A"}, SaleState::kOwned, 1, "1"},
                      {"D2", 10000, {"B"}, SaleState::kOwned, 1, "1"},
                      {"D3", 10000, {"C"}, SaleState::kOwned, 1, "1"},
                      {"D4", 10000, {"E"}, SaleState::kOwned, 1, "1"},
                      {"D5", 10000, {"F"}, SaleState::kOwned, 1, "2"},
                      {"D6", 10000, {"G"}, SaleState::kOwned, 1, "2"},
                      {"D7", 10000, {"H"}, SaleState::kOwned, 2, "1"}});
  const std::vector<ElevatorApplication> apps = {{"D2", 1000, ""}, {"D1", 1200, ""}, {"D7", 5000, ""}};
  BallotBox box = Box(r, {{"D1", kYes, 1500}, {"D2", kYes, 1500}, {"D3", kYes, 1500},
                          {"D4", kNo, 1500}, {"D3", kNo, 2500}, {"D5", kYes, 1500}});
  auto result = ElevatorConsultations(r, apps, box, VoteRule{}, 1000);
  ASSERT_TRUE(result.ok()) << result.status();
  ASSERT_EQ(result->size(), 2u);
  const EntranceConsultation& first = (*result)[0];
  EXPECT_EQ(r.building(first.building).id, "B1");
  EXPECT_EQ(r.entrance(first.entrance).id, "1");
  EXPECT_EQ(first.opened_by, "D2");
  EXPECT_EQ(first.opens, 1000);
  EXPECT_EQ(first.closes, 2000);
  EXPECT_EQ(first.applications, 2);
  EXPECT_EQ(first.outcome.rule_name, "civil_code_major");
  EXPECT_TRUE(first.outcome.passed);
  EXPECT_EQ(first.outcome.count(BallotStatus::kAfterClose), 1);
  EXPECT_EQ(first.outcome.count(BallotStatus::kOutOfScope), 1);  // D5 is in entrance 2
  const EntranceConsultation& second = (*result)[1];
  EXPECT_EQ(r.building(second.building).id, "B2");
  EXPECT_FALSE(second.outcome.passed);

  const std::vector<ElevatorApplication> bad = {{"D2", 1000, ""}, {"NOPE", 1, ""}};
  auto err = ElevatorConsultations(r, bad, box, VoteRule{}, 1000);
  EXPECT_EQ(err.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(err.status().message()), HasSubstr("applications[1] dwelling"));
}

// ---------------------------------------------------------------------------
// Public notice

TEST(NoticeTest, MasksNamesKeepingTheSurname) {
  EXPECT_EQ(MaskPersonName("张三"), "张*");
  EXPECT_EQ(MaskPersonName("张三丰"), "张**");
  EXPECT_EQ(MaskPersonName("欧阳娜娜"), "欧阳**");
  EXPECT_EQ(MaskPersonName("欧阳修"), "欧阳*");
  EXPECT_EQ(MaskPersonName("欧阳"), "欧*");
  EXPECT_EQ(MaskPersonName("张"), "*");
  EXPECT_EQ(MaskPersonName(""), "*");
  EXPECT_EQ(MaskPersonName("John"), "J***");
  EXPECT_EQ(MaskPersonName("\xff\xfe"), "\xff*");
}

TEST(NoticeTest, MarkdownAndJsonShowNoPersonalData) {
  Registry r = Build({{"D1", 10000, {"A"}, SaleState::kOwned, 1, "1"},
                      {"D2", 10000, {"B", "C"}, SaleState::kOwned, 1, "2"},
                      {"D3", 10000, {"DEV"}, SaleState::kDeveloperUnsold, 1, "2"}});
  BallotBox box = Box(r, {{"D1", kYes}, {"D2", kNo}, {"Q", kYes}});
  Vote v = MakeVote("civil_code_ordinary");
  auto out = Tally(r, v, box);
  ASSERT_TRUE(out.ok());
  const std::string md = NoticeMarkdown(r, v, *out);
  EXPECT_THAT(md, HasSubstr("# 业主表决结果公示"));
  EXPECT_THAT(md, HasSubstr("| D1 | 张* | 同意 |"));           // owner "张A"
  EXPECT_THAT(md, HasSubstr("| D2 | 张*、张* | 不同意 |"));    // co-owners
  EXPECT_THAT(md, HasSubstr("| D3 | 开发建设单位 | 未表决 |"));
  EXPECT_THAT(md, HasSubstr("房屋不存在 1 张"));
  EXPECT_THAT(md, HasSubstr("| B1 | 1 | 1 | 1 | 0 | 0 | 0 | 100.00% |"));
  for (std::string_view secret : {"张A", "张B", "某开发公司"}) {
    EXPECT_THAT(md, Not(HasSubstr(std::string(secret))));
  }
  const std::string js = NoticeJson(r, v, *out);
  const boost::json::value j = boost::json::parse(js);
  EXPECT_EQ(j.at("dwellings").as_array().size(), 3u);
  EXPECT_EQ(j.at("dwellings").at(0).at("owners").as_string(), "张*");
  EXPECT_EQ(j.at("passed").as_bool(), out->passed);
  EXPECT_THAT(js, Not(HasSubstr("张A")));
}

// ---------------------------------------------------------------------------
// JSON

TEST(TimeTest, ParsesRfc3339AndFormatsInChinaTime) {
  EXPECT_EQ(*ParseVoteTime("2026-03-01T08:00:00+08:00"), 1772323200);
  EXPECT_EQ(*ParseVoteTime("2026-03-01T00:00:00Z"), 1772323200);
  EXPECT_EQ(*ParseVoteTime("2024-02-29T23:59:59Z"), 1709251199);
  EXPECT_EQ(FormatVoteTime(1772323200), "2026-03-01T08:00:00+08:00");
  for (std::string_view bad : {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-03-01",
                               "2026-03-01T08:00:00", "2026-03-01T24:00:00Z", "yesterday"}) {
    EXPECT_EQ(ParseVoteTime(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

constexpr std::string_view kDoc = R"({
  "vote": {"id": "V-1", "matter": "renovation_plan",
           "scope": {"kind": "estate", "id": "E1"},
           "opens": "2026-03-01T08:00:00+08:00", "closes": "2026-03-15T20:00:00+08:00"},
  "ballots": [
    {"id": "B1", "dwelling": "D1", "choice": "agree", "time": "2026-03-02T10:00:00+08:00", "owner": "O1"},
    {"id": "B2", "dwelling": "D2", "choice": "同意", "time": "2026-03-02T11:00:00+08:00", "cast_by": "proxy"},
    {"id": "B3", "dwelling": "D3", "choice": "disagree", "time": "2026-03-16T10:00:00+08:00"},
    {"id": "B4", "dwelling": "D9", "choice": "abstain", "time": 1772500000}
  ]})";

// Areas 33.33/33.33/33.34: D1 and D2 agree (66.66 m²), D3's ballot is late.
// The default rule for a renovation plan is civil_code_major: participation area
// 6666 < 6667 fails.
TEST(VoteJsonTest, ReadsTheDocumentAndWritesAReproducibleOutcome) {
  Registry r = Build(Singles({3333, 3333, 3334}));
  auto doc = ParseVoteDocument(r, kDoc);
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->vote.rule.name, "civil_code_major");
  EXPECT_EQ(doc->ballots.size(), 4u);
  EXPECT_EQ(doc->ballots.cast_by(1), CastBy::kProxy);
  auto out = Tally(r, doc->vote, doc->ballots);
  ASSERT_TRUE(out.ok());
  EXPECT_FALSE(out->passed);
  const std::string js = VoteOutcomeToJson(r, doc->vote, doc->ballots, *out);
  const boost::json::value j = boost::json::parse(js);
  EXPECT_EQ(j.at("vote").at("rule").at("name").as_string(), "civil_code_major");
  EXPECT_EQ(j.at("totals").at("area_participating_centi_m2").as_int64(), 6666);
  EXPECT_EQ(j.at("tests").at(0).at("margin").as_int64(), -1);
  EXPECT_EQ(j.at("tests").at(0).at("threshold").as_string(), "2/3");
  EXPECT_EQ(j.at("ballot_counts").at("rejected_by_reason").at("after_close").as_int64(), 1);
  EXPECT_EQ(j.at("ballot_counts").at("rejected_by_reason").at("unknown_dwelling").as_int64(), 1);
  EXPECT_EQ(j.at("ballots").at(3).at("dwelling").as_string(), "D9");
  EXPECT_EQ(j.at("ballots").at(3).at("status").as_string(), "unknown_dwelling");
  // Reproducible: the same document gives the same outcome, byte for byte.
  auto again = ParseVoteDocument(r, kDoc);
  auto out2 = Tally(r, again->vote, again->ballots);
  EXPECT_EQ(VoteOutcomeToJson(r, again->vote, again->ballots, *out2), js);
}

TEST(VoteJsonTest, ErrorsNameTheRecordAndField) {
  Registry r = Build(Singles({100, 100}));
  struct Case {
    std::string doc;
    std::string message;
  };
  const std::string vote =
      R"("vote": {"id": "V", "matter": "use_fund", "scope": {"kind": "estate", "id": "E1"},
         "opens": "2026-03-01T00:00:00Z", "closes": "2026-03-02T00:00:00Z"})";
  const std::vector<Case> cases = {
      {"{" + vote + R"(, "ballots": [{"id": "B1", "dwelling": "D1", "choice": "yes", "time": 1}]})",
       R"(ballots[0] "B1" choice: unknown value "yes")"},
      {"{" + vote + R"(, "ballots": [{"dwelling": "D1", "choice": "agree", "time": "soon"}]})",
       "ballots[0] time: expected a time"},
      {"{" + vote + R"(, "ballots": [{"dwelling": "D1", "choice": "agree", "time": 1, "x": 1}]})",
       "ballots[0] x: unknown field"},
      {"{" + vote + R"(, "ballots": [{"id": "B", "dwelling": "D1", "choice": "agree", "time": 1},
                                     {"id": "B", "dwelling": "D2", "choice": "agree", "time": 1}]})",
       R"(ballots[1] ballot "B" id: duplicate)"},
      {R"({"vote": {"id": "V", "matter": "custom", "scope": {"kind": "estate", "id": "E1"},
          "opens": 1, "closes": 2}, "ballots": []})",
       "vote rule: missing"},
      {R"({"vote": {"id": "V", "matter": "use_fund", "scope": {"kind": "street", "id": "E1"},
          "opens": 1, "closes": 2}, "ballots": []})",
       "vote scope kind: unknown value \"street\""},
      {R"({"vote": {"id": "V", "matter": "use_fund", "rule": "nope", "scope": {"kind": "estate", "id": "E1"},
          "opens": 1, "closes": 2}, "ballots": []})",
       "no preset named \"nope\""},
      {R"({"vote": {"id": "V", "matter": "use_fund", "scope": {"kind": "estate", "id": "E1"},
          "opens": 3, "closes": 2}, "ballots": []})",
       "vote closes: before opens"},
      {"[1]", "ballots file: expected an object"},
      {"{", "ballots file: malformed JSON at byte 1: unexpected end of input"},
  };
  for (const Case& c : cases) {
    auto doc = ParseVoteDocument(r, c.doc);
    EXPECT_FALSE(doc.ok()) << c.doc;
    EXPECT_THAT(std::string(doc.status().message()), HasSubstr(c.message)) << c.doc;
  }
}

}  // namespace
}  // namespace renewal
