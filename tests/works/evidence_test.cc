// The works' acceptance records as the evidence progress transitions cite, under the
// guard preset national_works: 完工 needs a passed step inspection (北京 举牌验收,
// 《城镇老旧小区改造可复制政策机制清单（第四批）》), 联合竣工验收 the joint acceptance form
// signed by every party (湘建城函〔2021〕161号; 《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》
// for the owner representatives), after the residents' satisfaction vote under
// hebei_80_acceptance (河北省 80%的居民满意方可组织竣工验收, seed 001 above).
#include <gtest/gtest.h>

#include <filesystem>

#include "renewal/works/works_evidence.h"
#include "renewal/works/works_store.h"
#include "works/works_test_util.h"

namespace renewal {
namespace {

using namespace testing_works;

std::string TempPath(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / "renewal_works_evidence_test";
  std::filesystem::create_directories(dir);
  const auto p = dir / name;
  std::filesystem::remove(p);
  return p.string();
}

Event Progress(EventKind kind, int date) {
  Event e;
  e.kind = kind;
  e.project = "P-1";
  e.date = date;
  return e;
}

Event Move(Stage s, int date, std::vector<std::string> cites = {}) {
  Event e = Progress(EventKind::kTransition, date);
  e.stage = s;
  e.cites = std::move(cites);
  return e;
}

InspectionRecorded Inspection(std::string id, bool passed, Date on) {
  InspectionRecorded i;
  i.id = std::move(id);
  i.project = "P-1";
  i.item = "屋面防水";
  i.location = "1号楼屋面";
  i.content = "防水层厚度";
  i.passed = passed;
  i.conclusion = passed ? "合格" : "厚度不足";
  i.inspector = "监理周九";
  i.on = on;
  i.evidence = {"IMG-0001"};
  return i;
}

// P-1 created and moved to 开工 with a passed plan vote.
std::unique_ptr<ProgrammeStore> StartedProject(const std::string& path) {
  auto store = ProgrammeStore::Open(path, SmallDirectory(), Calendar2024And2025(),
                                    DefaultWorksPolicy(),
                                    {.guard_policy = "national_works", .create = true, .sync = false});
  EXPECT_TRUE(store.ok()) << store.status();
  Event create = Progress(EventKind::kCreate, 20250102);
  create.info.id = "P-1";
  create.info.estates = {{"E-1", 100}};
  create.info.province = "湖南省";
  create.info.city = "岳阳市";
  create.info.district = "D-1";
  Event vote = Progress(EventKind::kEvidence, 20250103);
  vote.evidence = {EvidenceKind::kVote, "V-1", true, "civil_code_ordinary", std::nullopt, ""};
  std::vector<ProgrammeLine> lines = {create, vote};
  int day = 20250106;
  for (Stage s : {Stage::kApplication, Stage::kPreliminaryPlan, Stage::kReview, Stage::kAnnualPlan,
                  Stage::kPlanVote, Stage::kPreparation, Stage::kStarted}) {
    lines.emplace_back(Move(s, day++, s == Stage::kPlanVote ? std::vector<std::string>{"V-1"}
                                                            : std::vector<std::string>{}));
  }
  absl::Status s = (*store)->RecordAll(lines);
  EXPECT_TRUE(s.ok()) << s;
  return *std::move(store);
}

TEST(WorksEvidence, CompletionNeedsAPassedStepInspection) {
  auto store = StartedProject(TempPath("inspection.journal"));
  // Refused naming the missing evidence, in both languages.
  absl::Status s = store->Record(Move(Stage::kCompleted, 20250301));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("a passed step inspection"), std::string::npos) << s;
  EXPECT_NE(s.message().find("通过的举牌验收记录"), std::string::npos) << s;
  // A failed inspection is recorded as evidence that did not pass: it cannot be cited.
  ASSERT_TRUE(store->Record(Inspection("I-0", false, D("2025-02-20"))).ok());
  ASSERT_TRUE(store->RecordInspectionEvidence("I-0").ok());
  const Evidence* failed = store->programme().Find("P-1")->FindEvidence("I-0");
  ASSERT_NE(failed, nullptr);
  EXPECT_FALSE(failed->passed);
  EXPECT_EQ(failed->rule, kStepInspectionRule);
  EXPECT_FALSE(store->Record(Move(Stage::kCompleted, 20250301, {"I-0"})).ok());
  // The inspection passed on its second round: cited, the transition is accepted.
  ASSERT_TRUE(store->Record(Inspection("I-1", true, D("2025-02-25"))).ok());
  ASSERT_TRUE(store->RecordInspectionEvidence("I-1").ok());
  s = store->Record(Move(Stage::kCompleted, 20250301, {"I-1"}));
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(store->programme().Find("P-1")->stage, Stage::kCompleted);
}

TEST(WorksEvidence, JointAcceptanceNeedsEveryPartyAndThePassedVote) {
  const std::string path = TempPath("acceptance.journal");
  auto store = StartedProject(path);
  ASSERT_TRUE(store->Record(Inspection("I-1", true, D("2025-02-25"))).ok());
  ASSERT_TRUE(store->RecordInspectionEvidence("I-1").ok());
  ASSERT_TRUE(store->Record(Move(Stage::kCompleted, 20250301, {"I-1"})).ok());

  // 41 of 50 households satisfied: 41/50 = 82 % >= 80 %, passed under hebei_80_acceptance.
  VoteOutcome outcome;
  outcome.vote_id = "SV-1";
  outcome.rule_name = "hebei_80_acceptance";
  outcome.passed = true;
  outcome.totals.heads_agree = 41;
  outcome.totals.heads_total = 50;
  ASSERT_TRUE(store->Record(SatisfactionFromOutcome("P-1", outcome, D("2025-03-05"))).ok());
  // Five of the six parties sign.
  for (AcceptanceParty party : {AcceptanceParty::kConstruction, AcceptanceParty::kDesign,
                                AcceptanceParty::kSupervision, AcceptanceParty::kContractor,
                                AcceptanceParty::kOwnerReps}) {
    ASSERT_TRUE(store->Record(AcceptanceSigned{"P-1", party, "代表", D("2025-03-10")}).ok());
  }
  // The incomplete form is recorded as evidence that did not pass ...
  ASSERT_TRUE(store->RecordAcceptanceEvidence("P-1", D("2025-03-10")).ok());
  const Evidence* partial = store->programme().Find("P-1")->FindEvidence("P-1/joint_acceptance/5-of-6");
  ASSERT_NE(partial, nullptr);
  EXPECT_FALSE(partial->passed);
  EXPECT_NE(partial->note.find("街道办事处：未签字"), std::string::npos) << partial->note;
  // ... and cannot be passed off as passed: a host's evidence event claiming so is refused.
  Event forged = Progress(EventKind::kEvidence, 20250310);
  forged.evidence = {EvidenceKind::kAcceptance, "P-1/joint_acceptance", true,
                     std::string(kJointAcceptanceRule), std::nullopt, ""};
  absl::Status s = store->Record(forged);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_NE(s.message().find("P-1/joint_acceptance/5-of-6"), std::string::npos) << s;
  // 联合竣工验收 is refused naming the missing evidence.
  s = store->Record(Move(Stage::kJointAcceptance, 20250311));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("a joint acceptance signed by every party"), std::string::npos) << s;
  EXPECT_NE(s.message().find("各方签字完成的联合竣工验收记录"), std::string::npos) << s;
  EXPECT_FALSE(store->Record(Move(Stage::kJointAcceptance, 20250311, {"P-1/joint_acceptance/5-of-6"})).ok());

  // The street office signs: the form is complete, accepted on 2025-03-11.
  ASSERT_TRUE(store->Record(AcceptanceSigned{"P-1", AcceptanceParty::kStreetOffice, "街道", D("2025-03-11")}).ok());
  auto evidence = EvidenceFromAcceptance(store->works(), "P-1");
  ASSERT_TRUE(evidence.ok());
  EXPECT_TRUE(evidence->passed);
  EXPECT_EQ(evidence->id, "P-1/joint_acceptance");
  EXPECT_NE(evidence->note.find("满意度表决 SV-1（hebei_80_acceptance）41/50 通过"), std::string::npos)
      << evidence->note;
  ASSERT_TRUE(store->RecordAcceptanceEvidence("P-1", D("2025-03-11")).ok());
  s = store->Record(Move(Stage::kJointAcceptance, 20250312, {"P-1/joint_acceptance"}));
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(store->programme().Find("P-1")->stage, Stage::kJointAcceptance);

  // The whole story replays from the one file.
  store.reset();
  auto state = ProgrammeStore::Replay(path, SmallDirectory(), Calendar2024And2025(), DefaultWorksPolicy());
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_EQ(state->programme.Find("P-1")->stage, Stage::kJointAcceptance);
  EXPECT_EQ(*state->works.project(0).accepted_on, D("2025-03-11"));
}

TEST(WorksEvidence, UnknownProjectOrInspectionIsNotFound) {
  const Works w = SmallWorks();
  EXPECT_EQ(EvidenceFromAcceptance(w, "P-9").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(EvidenceFromInspection(w, "I-9").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace renewal
