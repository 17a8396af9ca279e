// Complaints and disputes: Huitong's steps (受理 → 化解处理 → 回访核实, the complainant
// signing the result) and Liuyang's three tiers, 《湖南省城镇老旧小区改造“解难题、建机制”
// 可复制经验做法清单（第一批）》（湘建城函〔2021〕161号）; deadlines counted on the
// working-day calendar of 国办发明电〔2024〕12号. Policy: accept 1, handle 5, revisit 3
// working days (LiuyangHuitongComplaints).
#include <gtest/gtest.h>

#include "renewal/works/works_report.h"
#include "works/works_test_util.h"

namespace renewal {
namespace {

using namespace testing_works;
using A = ComplaintAction;

// C-1, worked by hand:
//   filed    Fri 2025-01-24; accept due = 1 working day later: Sat 01-25 is off,
//            Sun 01-26 is a make-up working day → due 2025-01-26.
//   accepted Mon 01-27: one day late (3 calendar days).
//            handle due = 5 working days after 01-27: 01-28…02-04 春节, then
//            02-05 (1), 02-06 (2), 02-07 (3), Sat 02-08 make-up (4), Mon 02-10 (5).
//   handled  Fri 02-07: on time (11 days). Revisit due 3 working days after:
//            02-08 (1), 02-10 (2), 02-11 (3).
//   revisit  Tue 02-11: unresolved → reopened; handle due 5 working days after:
//            02-12, 02-13, 02-14, 02-17, 02-18.
//   handled  Fri 02-14 (3 days, on time); revisit due 02-17, 02-18, 02-19 → 02-19.
//   revisit  Mon 02-17 resolved (3 days, on time); confirmed 02-18 → closed.
Works WorksWithC1() {
  Works w = SmallWorks();
  EXPECT_TRUE(w.Apply(Filing("C-1", "E-1", "P-1", D("2025-01-24"))).ok());
  EXPECT_EQ(w.complaint(0).due, D("2025-01-26"));
  EXPECT_TRUE(w.Apply(Step("C-1", A::kAccept, D("2025-01-27"))).ok());
  EXPECT_EQ(w.complaint(0).due, D("2025-02-10"));
  EXPECT_TRUE(w.Apply(Step("C-1", A::kHandle, D("2025-02-07"), false, true)).ok());
  EXPECT_EQ(w.complaint(0).due, D("2025-02-11"));
  EXPECT_TRUE(w.Apply(Step("C-1", A::kRevisit, D("2025-02-11"), /*resolved=*/false)).ok());
  EXPECT_EQ(w.complaint(0).state, ComplaintState::kAccepted);
  EXPECT_EQ(w.complaint(0).reopened, 1);
  EXPECT_EQ(w.complaint(0).due, D("2025-02-18"));
  EXPECT_TRUE(w.Apply(Step("C-1", A::kHandle, D("2025-02-14"))).ok());
  EXPECT_EQ(w.complaint(0).due, D("2025-02-19"));
  EXPECT_TRUE(w.Apply(Step("C-1", A::kRevisit, D("2025-02-17"), /*resolved=*/true)).ok());
  EXPECT_EQ(w.complaint(0).state, ComplaintState::kRevisited);
  EXPECT_TRUE(w.Apply(Step("C-1", A::kConfirm, D("2025-02-18"))).ok());
  EXPECT_EQ(w.complaint(0).state, ComplaintState::kClosed);
  return w;
}

TEST(Complaints, DeadlinesAcrossSpringFestival) { WorksWithC1(); }

TEST(Complaints, StepStatsByDistrictAndContractor) {
  Works w = WorksWithC1();
  // C-2 in district D-2, no project: filed Wed 2025-02-05, accept due Thu 02-06,
  // never accepted: overdue as of 02-10.
  ASSERT_TRUE(w.Apply(Filing("C-2", "E-2", "", D("2025-02-05"))).ok());
  const auto by_district = StepStatsBy(w, WorksGrouping::kDistrict, D("2025-03-01"));
  ASSERT_EQ(by_district.size(), 2u);
  EXPECT_EQ(by_district[0].key, "D-1");
  const auto& accept = by_district[0].steps[0];
  EXPECT_EQ(accept.done, 1u);
  EXPECT_EQ(accept.on_time, 0u);            // 01-27 > 01-26
  EXPECT_DOUBLE_EQ(accept.average_days(), 3.0);  // 01-24 → 01-27
  const auto& handle = by_district[0].steps[1];
  EXPECT_EQ(handle.done, 2u);
  EXPECT_EQ(handle.on_time, 2u);
  EXPECT_DOUBLE_EQ(handle.average_days(), 7.0);  // (11 + 3) / 2
  const auto& revisit = by_district[0].steps[2];
  EXPECT_EQ(revisit.done, 2u);
  EXPECT_DOUBLE_EQ(revisit.average_days(), 3.5);  // (4 + 3) / 2
  EXPECT_DOUBLE_EQ(accept.on_time_rate(), 0.0);
  // D-2: one acceptance pending past its deadline, none done: rate 0 of 1.
  EXPECT_EQ(by_district[1].key, "D-2");
  EXPECT_EQ(by_district[1].steps[0].overdue_pending, 1u);
  EXPECT_DOUBLE_EQ(by_district[1].steps[0].on_time_rate(), 0.0);
  EXPECT_EQ(by_district[1].open, 1u);

  const auto by_contractor = StepStatsBy(w, WorksGrouping::kContractor, D("2025-03-01"));
  ASSERT_EQ(by_contractor.size(), 3u);  // K-1, K-2 and "no project"
  EXPECT_EQ(by_contractor[0].key, "K-1");
  EXPECT_EQ(by_contractor[0].complaints, 1u);
  EXPECT_EQ(by_contractor[1].complaints, 0u);
  EXPECT_EQ(by_contractor[2].key, "");
  EXPECT_EQ(by_contractor[2].complaints, 1u);

  // Open and overdue as of 2025-02-10: C-2, 4 days past 02-06.
  const auto overdue = OpenCases(w, D("2025-02-10"), true);
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_EQ(w.complaint_id(overdue[0].complaint), "C-2");
  EXPECT_EQ(overdue[0].days_overdue, 4);
  EXPECT_EQ(overdue[0].step, ComplaintStep::kAccept);
  EXPECT_EQ(overdue[0].reason_zh, "待受理，期限2025-02-06，已逾期4天");
  EXPECT_EQ(overdue[0].reason_en, "awaiting acceptance, due 2025-02-06, 4 days overdue");
  // On its deadline it is open but not overdue.
  EXPECT_TRUE(OpenCases(w, D("2025-02-06"), true).empty());
  EXPECT_EQ(OpenCases(w, D("2025-02-06"), false).size(), 1u);
}

TEST(Complaints, EscalationThroughLiuyangsTiers) {
  Works w = SmallWorks();
  ASSERT_TRUE(w.Apply(Filing("C-3", "E-1", "P-1", D("2025-03-03"))).ok());
  // Escalating before acceptance is a step out of order.
  EXPECT_EQ(w.Apply(Step("C-3", A::kEscalate, D("2025-03-03"))).code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(w.Apply(Step("C-3", A::kAccept, D("2025-03-03"))).ok());
  ASSERT_TRUE(w.Apply(Step("C-3", A::kEscalate, D("2025-03-04"))).ok());
  EXPECT_EQ(w.complaint(0).tier, 1u);  // 党小组
  // A fresh handling deadline: Tue 03-04 + 5 working days = Tue 03-11.
  EXPECT_EQ(w.complaint(0).due, D("2025-03-11"));
  ASSERT_TRUE(w.Apply(Step("C-3", A::kEscalate, D("2025-03-05"))).ok());
  EXPECT_EQ(w.complaint(0).tier, 2u);  // 工作专班
  absl::Status top = w.Apply(Step("C-3", A::kEscalate, D("2025-03-06")));
  EXPECT_EQ(top.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(top.message().find("top tier"), std::string::npos) << top;
  EXPECT_EQ(w.complaint(0).tier, 2u);
}

TEST(Complaints, SupervisorsFileComplaintsWithinTheDaoxianLimit) {
  // Daoxian: 1–2 supervisors per estate (湘建城函〔2021〕161号).
  Works w = SmallWorks();
  AppointmentMade a{"A-1", "E-1", AppointmentRole::kSupervisor, "王五", D("2025-01-02")};
  ASSERT_TRUE(w.Apply(a).ok());
  a.id = "A-2";
  ASSERT_TRUE(w.Apply(a).ok());
  a.id = "A-3";
  absl::Status third = w.Apply(a);
  EXPECT_EQ(third.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(third.message().find("at most 2"), std::string::npos) << third;
  EXPECT_EQ(w.appointments().size(), 2u);

  ComplaintFiled f = Filing("C-4", "E-1", "P-1", D("2025-03-03"));
  f.channel = ComplaintChannel::kSupervisor;
  f.supervisor = "A-1";
  EXPECT_TRUE(w.Apply(f).ok());
  // The supervisor of E-1 cannot file for E-2.
  f = Filing("C-5", "E-2", "", D("2025-03-03"));
  f.channel = ComplaintChannel::kSupervisor;
  f.supervisor = "A-1";
  EXPECT_EQ(w.Apply(f).code(), absl::StatusCode::kFailedPrecondition);
  // After A-2 ends, a third may be appointed.
  ASSERT_TRUE(w.Apply(AppointmentEnded{"A-2", D("2025-04-01")}).ok());
  a.from = D("2025-04-01");
  EXPECT_TRUE(w.Apply(a).ok());
  // E-1 and E-2 have projects; E-2 has no supervisor, and no estate a council.
  const auto gaps = AppointmentGaps(w, D("2025-04-01"));
  ASSERT_EQ(gaps.size(), 3u);
  EXPECT_EQ(gaps[0].estate, "E-1");
  EXPECT_EQ(gaps[0].role, AppointmentRole::kCouncilMember);
  EXPECT_EQ(gaps[0].need, 3);
  EXPECT_EQ(gaps[1].estate, "E-2");
  EXPECT_EQ(gaps[1].role, AppointmentRole::kSupervisor);
}

TEST(Complaints, PublicListMasksNames) {
  EXPECT_EQ(MaskName("张三丰"), "张**");
  EXPECT_EQ(MaskName("欧阳"), "欧*");
  EXPECT_EQ(MaskName("Li"), "L*");
  EXPECT_EQ(MaskName(""), "");
  Works w = WorksWithC1();
  const auto list = PublicComplaintList(w);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].complainant, "张**");
  EXPECT_EQ(list[0].state, ComplaintState::kClosed);
}

}  // namespace
}  // namespace renewal
