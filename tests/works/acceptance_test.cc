// Step inspections (举牌验收, Beijing), Hebei's 80 % satisfaction before completion
// acceptance and the warranty (《城镇老旧小区改造可复制政策机制清单（第四批）》); the
// joint acceptance form signed by the owner representatives (湘建城函〔2021〕161号,
// 《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》); warranty periods of 国务院令第279号
// art. 40; contractors' credit records.
#include <gtest/gtest.h>

#include "renewal/works/works_report.h"
#include "works/works_test_util.h"

namespace renewal {
namespace {

using namespace testing_works;

InspectionRecorded Inspection(std::string id, bool passed) {
  InspectionRecorded i;
  i.id = std::move(id);
  i.project = "P-1";
  i.item = "屋面防水";
  i.location = "1号楼屋面";
  i.content = "防水层厚度";
  i.passed = passed;
  i.conclusion = passed ? "合格" : "厚度不足";
  i.inspector = "监理周九";
  i.on = D("2025-03-05");
  i.evidence = {"IMG-0001", "sha256:" + std::string(64, 'a')};
  return i;
}

void SignAll(Works& w, Date on) {
  for (const auto& l : Labels<AcceptanceParty>()) {
    absl::Status s = w.Apply(AcceptanceSigned{"P-1", l.value, "签字人", on});
    ASSERT_TRUE(s.ok()) << s;
  }
}

TEST(Acceptance, InspectionsKeepEvidenceReferences) {
  Works w = SmallWorks();
  ASSERT_TRUE(w.Apply(Inspection("I-1", true)).ok());
  ASSERT_TRUE(w.Apply(Inspection("I-2", false)).ok());
  InspectionRecorded bad = Inspection("I-3", true);
  bad.evidence = {"sha256:xyz"};
  absl::Status s = w.Apply(bad);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("inspection \"I-3\" evidence[0]"), std::string::npos) << s;
  bad.evidence.clear();
  EXPECT_EQ(w.Apply(bad).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(w.project(0).inspections, 2u);
  EXPECT_EQ(w.project(0).inspections_failed, 1u);
}

TEST(Acceptance, SatisfactionVoteIsAPrecondition) {
  Works w = SmallWorks();
  absl::Status s = w.Apply(AcceptanceSigned{"P-1", AcceptanceParty::kOwnerReps, "业主代表", D("2025-03-10")});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(s.message().find("hebei_80_acceptance"), std::string::npos) << s;
  // A vote under another rule does not count.
  EXPECT_EQ(w.Apply(SatisfactionVoteRecorded{"P-1", "V-1", "changsha_two_80", true, 90, 100, D("2025-03-08")}).code(),
            absl::StatusCode::kInvalidArgument);
  // A failed vote leaves the precondition unmet.
  ASSERT_TRUE(w.Apply(SatisfactionVoteRecorded{"P-1", "V-1", "hebei_80_acceptance", false, 79, 100, D("2025-03-08")}).ok());
  EXPECT_EQ(w.Apply(AcceptanceSigned{"P-1", AcceptanceParty::kOwnerReps, "业主代表", D("2025-03-10")}).code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(w.Apply(SatisfactionVoteRecorded{"P-1", "V-2", "hebei_80_acceptance", true, 80, 100, D("2025-03-09")}).ok());
  SignAll(w, D("2025-03-10"));
  ASSERT_TRUE(w.project(0).accepted_on.has_value());
  EXPECT_EQ(*w.project(0).accepted_on, D("2025-03-10"));
}

TEST(Acceptance, SatisfactionFromTheVotesArea) {
  // What the votes area tallied under hebei_80_acceptance becomes the record.
  VoteOutcome outcome;
  outcome.vote_id = "V-9";
  outcome.rule_name = "hebei_80_acceptance";
  outcome.passed = true;
  outcome.totals.heads_agree = 41;
  outcome.totals.heads_total = 50;
  const SatisfactionVoteRecorded r = SatisfactionFromOutcome("P-1", outcome, D("2025-03-09"));
  EXPECT_EQ(r.vote, "V-9");
  EXPECT_EQ(r.agree, 41);
  EXPECT_EQ(r.total, 50);
  Works w = SmallWorks();
  ASSERT_TRUE(w.Apply(r).ok());
  SignAll(w, D("2025-03-10"));
  EXPECT_TRUE(w.project(0).accepted_on.has_value());
}

TEST(Acceptance, WithoutAVoteWhenThePolicyAsksNone) {
  WorksPolicy p = DefaultWorksPolicy();
  p.acceptance.satisfaction_rule.clear();
  Works w = SmallWorks(p);
  SignAll(w, D("2025-03-10"));
  EXPECT_TRUE(w.project(0).accepted_on.has_value());
}

TEST(Warranty, DefectsRevisitsAndCreditRecords) {
  WorksPolicy p = DefaultWorksPolicy();
  p.acceptance.satisfaction_rule.clear();
  Works w = SmallWorks(p);
  // Before acceptance a defect is a complaint, not a warranty claim.
  EXPECT_EQ(w.Apply(DefectReported{"DF-0", "P-1", "plumbing", "漏水", D("2025-03-01")}).code(),
            absl::StatusCode::kFailedPrecondition);
  SignAll(w, D("2025-03-10"));
  // Plumbing: 24 months from 2025-03-10, so the warranty covers up to 2027-03-09.
  ASSERT_TRUE(w.Apply(DefectReported{"DF-1", "P-1", "plumbing", "漏水", D("2027-03-09")}).ok());
  ASSERT_TRUE(w.Apply(DefectReported{"DF-2", "P-1", "plumbing", "漏水", D("2027-03-10")}).ok());
  // Waterproofing: 60 months; still covered on 2027-03-10.
  ASSERT_TRUE(w.Apply(DefectReported{"DF-3", "P-1", "waterproofing", "渗漏", D("2027-03-10")}).ok());
  EXPECT_TRUE(w.defect_in_warranty(0));
  EXPECT_FALSE(w.defect_in_warranty(1));
  EXPECT_TRUE(w.defect_in_warranty(2));
  EXPECT_EQ(w.Apply(DefectReported{"DF-4", "P-1", "paint", "x", D("2025-04-01")}).code(),
            absl::StatusCode::kInvalidArgument);
  // Revisits every 12 months while the longest warranty (60 months) runs:
  // 2026-03-10, 2027-03-10, … ; in 2026–2027 there are two.
  const auto due = WarrantyRevisitsDue(w, D("2026-01-01"), D("2027-12-31"));
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].due, D("2026-03-10"));
  EXPECT_EQ(due[1].due, D("2027-03-10"));

  ASSERT_TRUE(w.Apply(Inspection("I-1", false)).ok());
  ASSERT_TRUE(w.Apply(Filing("C-1", "E-1", "P-1", D("2025-03-03"))).ok());
  ASSERT_TRUE(w.Apply(Step("C-1", ComplaintAction::kAccept, D("2025-03-03"))).ok());
  ASSERT_TRUE(w.Apply(Step("C-1", ComplaintAction::kHandle, D("2025-03-04"), false, /*upheld=*/true)).ok());
  ASSERT_TRUE(w.Apply(Filing("C-2", "E-1", "P-1", D("2025-03-03"))).ok());
  ASSERT_TRUE(w.Apply(PenaltyRecorded{"F-1", "K-1", "P-1", Y(5'000), "质量问题", D("2025-03-20")}).ok());
  ASSERT_TRUE(w.Apply(PenaltyRecorded{"F-2", "K-1", "", Money::Fen(1), "迟报", D("2025-03-21")}).ok());
  EXPECT_EQ(w.Apply(PenaltyRecorded{"F-3", "K-2", "P-1", Y(1), "x", D("2025-03-21")}).code(),
            absl::StatusCode::kInvalidArgument);
  auto records = ContractorRecords(w);
  ASSERT_TRUE(records.ok());
  const ContractorRecord& k1 = (*records)[0];
  EXPECT_EQ(k1.contractor, "K-1");
  EXPECT_EQ(k1.projects, 1u);
  EXPECT_EQ(k1.projects_accepted, 1u);
  EXPECT_EQ(k1.inspections_failed, 1u);
  EXPECT_EQ(k1.complaints, 2u);
  EXPECT_EQ(k1.complaints_upheld, 1u);
  EXPECT_EQ(k1.defects_in_warranty, 2u);
  EXPECT_EQ(k1.penalties, 2u);
  EXPECT_EQ(k1.penalty_total.fen(), 500'001);
  EXPECT_EQ((*records)[1].complaints, 0u);
}

}  // namespace
}  // namespace renewal
