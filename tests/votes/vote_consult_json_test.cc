// Consultations as JSON (docs/votes.md "Consultations"): rounds read from ballots
// documents, the elevator applications document, and both results, on the worked
// example estate (examples/votes/estate.json: 9 dwellings, 7 persons).
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/registry/registry_json.h"
#include "renewal/votes/vote.h"
#include "renewal/votes/vote_consult.h"
#include "renewal/votes/vote_consult_json.h"
#include "renewal/votes/vote_json.h"

namespace renewal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

const std::string kExamples = RENEWAL_SOURCE_DIR "/examples/votes/";

Registry Estate() {
  absl::StatusOr<Registry> r = LoadRegistryFile(kExamples + "estate.json");
  EXPECT_TRUE(r.ok()) << r.status();
  return *std::move(r);
}

ConsultationInput ExampleRounds(const Registry& r, int rounds) {
  ConsultationInput input;
  for (int k = 1; k <= rounds; ++k) {
    absl::StatusOr<VoteDocument> doc =
        LoadVoteFile(r, kExamples + "consult_round" + std::to_string(k) + ".json");
    EXPECT_TRUE(doc.ok()) << doc.status();
    EXPECT_TRUE(AddConsultationRound(*std::move(doc), &input).ok());
  }
  return input;
}

// Yichang 三轮征询 (seed 001), worked in docs/votes.md. Round 1: O1 agrees for
// 1-101 (so 1-102 too), O2 and O5 agree; O3 and O4 (co-owners of 1-201) disagree
// with each other, so 1-201 does not answer: 8 of 9 answered, 4 agreed, 3 of 7
// persons (132.35 + 55.50 + 80.00 = 267.85 m²). Round 2 asks the 5 others: O3+O4
// and the developer (for 2-201, so 2-102 too) agree, O6 disagrees, O1's ballot is
// out of scope: 5 of 7 persons, 478.00 m². Round 3: O6 agrees; O7's ballot is
// after the close: 6 of 7, 548.20 m², 100% not reached; 2-1-201 is left.
TEST(ConsultationJsonTest, YichangExampleRoundByRound) {
  Registry r = Estate();
  ConsultationInput input = ExampleRounds(r, 3);
  EXPECT_EQ(input.rule.name, "yichang_all_agree");
  ASSERT_EQ(input.rounds.size(), 3u);
  absl::StatusOr<ConsultationResult> res = RunConsultation(r, input.scope, input.rule, input.rounds);
  ASSERT_TRUE(res.ok()) << res.status();
  const std::string js = ConsultationResultToJson(r, input, *res);
  const boost::json::value j = boost::json::parse(js);
  EXPECT_FALSE(j.at("passed").as_bool());
  EXPECT_EQ(j.at("rule").at("name").as_string(), "yichang_all_agree");
  EXPECT_EQ(j.at("scope").at("id").as_string(), "E-0001");
  const boost::json::array& rounds = j.at("rounds").as_array();
  ASSERT_EQ(rounds.size(), 3u);
  struct Expect {
    std::int64_t addressed, responded, newly, agreed, heads, area;
  };
  const Expect want[] = {{9, 8, 4, 4, 3, 26785}, {5, 4, 3, 7, 5, 47800}, {2, 1, 1, 8, 6, 54820}};
  for (std::size_t k = 0; k < 3; ++k) {
    const boost::json::value& o = rounds[k];
    EXPECT_EQ(o.at("round").as_int64(), static_cast<std::int64_t>(k + 1));
    EXPECT_EQ(o.at("addressed").as_int64(), want[k].addressed) << k;
    EXPECT_EQ(o.at("responded").as_int64(), want[k].responded) << k;
    EXPECT_EQ(o.at("newly_agreed").as_int64(), want[k].newly) << k;
    EXPECT_EQ(o.at("agreed_dwellings").as_int64(), want[k].agreed) << k;
    EXPECT_EQ(o.at("heads_agree").as_int64(), want[k].heads) << k;
    EXPECT_EQ(o.at("heads_total").as_int64(), 7);
    EXPECT_EQ(o.at("area_agree_centi_m2").as_int64(), want[k].area) << k;
    EXPECT_EQ(o.at("area_total_centi_m2").as_int64(), 63860);
    EXPECT_FALSE(o.at("passed").as_bool());
  }
  EXPECT_EQ(rounds[0].at("name").as_string(), "第一轮：业委会入户走访");
  EXPECT_EQ(rounds[0].at("opens").as_string(), "2026-03-01T08:00:00+08:00");
  EXPECT_EQ(rounds[0].at("ballot_counts").at("rejected_by_reason").at("co_owner_conflict").as_int64(), 2);
  EXPECT_EQ(rounds[1].at("ballots").at(4).at("status").as_string(), "out_of_scope");
  EXPECT_EQ(rounds[1].at("ballot_counts").at("concurring").as_int64(), 1);
  EXPECT_EQ(rounds[2].at("ballots").at(1).at("status").as_string(), "after_close");
  // 6 of 7 persons: ⌈1 × 7⌉ = 7 needed, one short.
  EXPECT_EQ(rounds[2].at("tests").at(0).at("margin").as_int64(), -1);
  EXPECT_EQ(rounds[2].at("heads_agree_pct").as_string(), "85.71%");
  const boost::json::array& left = j.at("remaining").as_array();
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].at("dwelling").as_string(), "E-0001-B2-1-201");
  EXPECT_EQ(left[0].at("last_choice").as_string(), "disagree");
  // Reproducible: the same documents give the same bytes.
  ConsultationInput again = ExampleRounds(r, 3);
  EXPECT_EQ(ConsultationResultToJson(r, again, *RunConsultation(r, again.scope, again.rule, again.rounds)), js);
}

// Hebei's 80% (seed 001) on the same three rounds: 6 of 7 persons = 85.71% ≥ 80%.
TEST(ConsultationJsonTest, AnotherRuleOnTheSameRounds) {
  Registry r = Estate();
  ConsultationInput input = ExampleRounds(r, 3);
  input.rule = *VoteRulePreset("hebei_80_entry");
  absl::StatusOr<ConsultationResult> res = RunConsultation(r, input.scope, input.rule, input.rounds);
  ASSERT_TRUE(res.ok());
  EXPECT_FALSE(res->rounds[1].passed);  // 5/7 = 71.43%
  EXPECT_TRUE(res->rounds[2].passed);
  EXPECT_TRUE(res->passed);
  EXPECT_EQ(res->remaining.size(), 1u);  // passing by the rule does not make 2-1-201 agree
}

TEST(ConsultationJsonTest, ARoundWithAnotherScopeIsAnErrorAndAddsNothing) {
  Registry r = Estate();
  ConsultationInput input = ExampleRounds(r, 1);
  absl::StatusOr<VoteDocument> doc = LoadVoteFile(r, kExamples + "consult_round2.json");
  ASSERT_TRUE(doc.ok());
  doc->vote.scope = VoteScope{VoteScopeKind::kBuilding, "E-0001-B1", "", {}};
  doc->vote.rule = *VoteRulePreset("civil_code_major");
  const absl::Status st = AddConsultationRound(*std::move(doc), &input);
  EXPECT_EQ(st.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(st.message()),
              HasSubstr("vote scope: building E-0001-B1 differs from the first round's estate E-0001"));
  ASSERT_EQ(input.rounds.size(), 1u);
  EXPECT_EQ(input.rule.name, "yichang_all_agree");
  EXPECT_EQ(input.scope.kind, VoteScopeKind::kEstate);
  EXPECT_EQ(input.rounds[0].ballots.size(), 8u);
}

TEST(ElevatorApplicationsTest, ReadsTheExample) {
  Registry r = Estate();
  auto apps = LoadElevatorApplicationsFile(r, kExamples + "elevator_applications.json");
  ASSERT_TRUE(apps.ok()) << apps.status();
  ASSERT_EQ(apps->size(), 3u);
  EXPECT_EQ((*apps)[0].id, "A-001");
  EXPECT_EQ((*apps)[0].dwelling_id, "E-0001-B2-1-201");
  EXPECT_EQ((*apps)[0].time, *ParseVoteTime("2026-04-01T09:00:00+08:00"));
  auto seconds = ParseElevatorApplications(
      r, R"({"applications": [{"dwelling": "E-0001-B1-1-101", "time": 1772326800}]})");
  ASSERT_TRUE(seconds.ok()) << seconds.status();
  EXPECT_EQ((*seconds)[0].time, 1772326800);
  EXPECT_EQ((*seconds)[0].id, "");
  auto none = ParseElevatorApplications(r, R"({"applications": []})");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(ElevatorApplicationsTest, ErrorsNameTheRecordAndField) {
  Registry r = Estate();
  const std::string ok = R"({"id": "A-1", "dwelling": "E-0001-B1-1-101", "time": "2026-04-01T09:00:00+08:00"})";
  struct Case {
    std::string doc;
    absl::StatusCode code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"{", absl::StatusCode::kInvalidArgument, "applications file: malformed JSON at byte 1: unexpected end of input"},
      {"[]", absl::StatusCode::kInvalidArgument, "applications file: expected an object"},
      {"{}", absl::StatusCode::kInvalidArgument, "applications file applications: required field is missing"},
      {R"({"applications": [], "days": 30})", absl::StatusCode::kInvalidArgument,
       "applications file days: unknown field"},
      {R"({"applications": [)" + ok + R"(, 7]})", absl::StatusCode::kInvalidArgument,
       "applications[1]: expected an object, got 7"},
      {R"({"applications": [{"id": "A-2", "time": 1}]})", absl::StatusCode::kInvalidArgument,
       R"(applications[0] "A-2" dwelling: required field is missing)"},
      {R"({"applications": [)" + ok + R"(, {"id": "A-2", "dwelling": "E-0001-B9-1-101", "time": 1}]})",
       absl::StatusCode::kNotFound,
       R"(applications[1] "A-2" dwelling: no dwelling with id "E-0001-B9-1-101")"},
      {R"({"applications": [{"dwelling": "E-0001-B1-1-101", "time": "tomorrow"}]})",
       absl::StatusCode::kInvalidArgument, "applications[0] time: expected a time like"},
      {R"({"applications": [{"dwelling": "E-0001-B1-1-101", "time": 1.5}]})",
       absl::StatusCode::kInvalidArgument, "applications[0] time: expected an RFC 3339 time string"},
      {R"({"applications": [{"dwelling": "E-0001-B1-1-101"}]})", absl::StatusCode::kInvalidArgument,
       "applications[0] time: required field is missing"},
      {R"({"applications": [{"dwelling": "E-0001-B1-1-101", "time": 1, "owner": "O1"}]})",
       absl::StatusCode::kInvalidArgument, "applications[0] owner: unknown field"},
      {R"({"applications": [)" + ok + "," + ok + "]}", absl::StatusCode::kAlreadyExists,
       R"(applications[1] "A-1" id: duplicate application ID)"},
  };
  for (const Case& c : cases) {
    auto apps = ParseElevatorApplications(r, c.doc);
    ASSERT_FALSE(apps.ok()) << c.doc;
    EXPECT_EQ(apps.status().code(), c.code) << c.doc;
    EXPECT_THAT(std::string(apps.status().message()), HasSubstr(c.message)) << c.doc;
  }
  auto missing = LoadElevatorApplicationsFile(r, kExamples + "no_such_file.json");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(missing.status().message()), HasSubstr("no_such_file.json: cannot open"));
}

// Shanghai (seed 001), worked in docs/votes.md. 2栋1单元 opens with O7's
// application A-001 on 04-01 09:00 for 30 days: O7 and O5 agree, O6 changes from
// disagree to agree: 3 of 3 persons, 240.60 m², passes civil_code_major (art. 278
// (7)). 1栋1单元 opens with A-003 on 04-10: O1's ballot for 1-102 on 04-05 is
// before it opened, O1 agrees for 1-101 (one person with 1-102: 132.35 m²),
// O3 disagrees for 1-201 (88.05 m²; O4's ballot is after the close): 2 persons
// took part, 1 agrees: 50% < 3/4, 132.35 / 220.40 m² = 60.05% < 3/4: fails. 1栋2单元
// has no application: O2's ballot goes to no consultation; B3 is unknown.
TEST(ElevatorJsonTest, ShanghaiExamplePerEntrance) {
  Registry r = Estate();
  auto doc = LoadVoteFile(r, kExamples + "elevator_ballots.json");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->vote.rule.name, "civil_code_major");  // elevator_addition's default
  auto apps = LoadElevatorApplicationsFile(r, kExamples + "elevator_applications.json");
  ASSERT_TRUE(apps.ok());
  const std::int64_t month = 30 * 86400;
  auto list = ElevatorConsultations(r, *apps, doc->ballots, doc->vote.rule, month);
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_THAT(ElevatorBallotEntrances(r, doc->ballots, *list),
              ElementsAre(1, 1, 1, 1, 0, 0, 0, 0, kBallotNoConsultation, kBallotUnknownDwelling));
  const std::string js = ElevatorResultToJson(r, doc->vote.rule, month, doc->ballots, *list);
  const boost::json::value j = boost::json::parse(js);
  EXPECT_EQ(j.at("entrances_opened").as_int64(), 2);
  EXPECT_EQ(j.at("entrances_passed").as_int64(), 1);
  EXPECT_EQ(j.at("duration_seconds").as_int64(), month);
  const boost::json::value& b1 = j.at("entrances").at(0);
  EXPECT_EQ(b1.at("building").as_string(), "E-0001-B1");
  EXPECT_EQ(b1.at("opened_by").as_string(), "E-0001-B1-1-101");
  EXPECT_EQ(b1.at("opened_by_application").as_string(), "A-003");
  EXPECT_EQ(b1.at("opens").as_string(), "2026-04-10T09:00:00+08:00");
  EXPECT_EQ(b1.at("closes").as_string(), "2026-05-10T09:00:00+08:00");
  EXPECT_FALSE(b1.at("passed").as_bool());
  EXPECT_EQ(b1.at("totals").at("heads_total").as_int64(), 2);
  EXPECT_EQ(b1.at("totals").at("area_total_centi_m2").as_int64(), 22040);
  EXPECT_EQ(b1.at("totals").at("area_agree_centi_m2").as_int64(), 13235);
  // agree_area: ⌈3/4 × 22040⌉ = 16530, 13235 − 16530 = −3295 (32.95 m² short).
  EXPECT_EQ(b1.at("tests").at(2).at("margin").as_int64(), -3295);
  EXPECT_EQ(b1.at("tests").at(3).at("pct").as_string(), "50.00%");
  const boost::json::value& c1 = b1.at("ballot_counts");
  EXPECT_EQ(c1.at("total").as_int64(), 4);
  EXPECT_EQ(c1.at("accepted").as_int64(), 2);
  EXPECT_EQ(c1.at("rejected_by_reason").at("before_opening").as_int64(), 1);
  EXPECT_EQ(c1.at("rejected_by_reason").at("after_close").as_int64(), 1);
  EXPECT_EQ(c1.at("rejected_by_reason").at("out_of_scope").as_int64(), 0);
  const boost::json::value& b2 = j.at("entrances").at(1);
  EXPECT_EQ(b2.at("building").as_string(), "E-0001-B2");
  EXPECT_EQ(b2.at("opened_by_application").as_string(), "A-001");
  EXPECT_EQ(b2.at("applications").as_int64(), 2);
  EXPECT_TRUE(b2.at("passed").as_bool());
  EXPECT_EQ(b2.at("totals").at("heads_agree").as_int64(), 3);
  EXPECT_EQ(b2.at("ballot_counts").at("superseded").as_int64(), 1);
  const boost::json::value& all = j.at("ballot_counts");
  EXPECT_EQ(all.at("total").as_int64(), 10);
  EXPECT_EQ(all.at("in_consultations").as_int64(), 8);
  EXPECT_EQ(all.at("no_consultation").as_int64(), 1);
  EXPECT_EQ(all.at("unknown_dwelling").as_int64(), 1);
  EXPECT_EQ(j.at("ballots").at(8).at("status").as_string(), "no_consultation");
  EXPECT_EQ(j.at("ballots").at(9).at("status").as_string(), "unknown_dwelling");
  EXPECT_EQ(j.at("ballots").at(4).at("status").as_string(), "before_opening");
}

}  // namespace
}  // namespace renewal
