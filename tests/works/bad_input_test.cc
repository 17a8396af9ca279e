// Bad input is an error naming the record and the field, and changes nothing.
#include <gtest/gtest.h>

#include "renewal/works/works.h"
#include "works/works_test_util.h"

namespace renewal {
namespace {

using namespace testing_works;
using A = ComplaintAction;

TEST(WorksBadInput, UnknownEstate) {
  Works w = SmallWorks();
  absl::Status s = w.Apply(Filing("C-1", "E-404", "", D("2025-03-03")));
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "complaint \"C-1\" estate: unknown estate \"E-404\"");
  EXPECT_EQ(w.complaint_count(), 0u);
  EXPECT_FALSE(w.FindComplaint("C-1"));
  // An appointment for an unknown estate, too.
  EXPECT_EQ(w.Apply(AppointmentMade{"A-1", "E-404", AppointmentRole::kSupervisor, "王五", D("2025-01-02")}).code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(w.appointments().empty());
}

TEST(WorksBadInput, UnknownContractor) {
  WorksDirectory d = SmallDirectory();
  WorksProject p;
  p.id = "P-9";
  p.estate = "E-1";
  p.contractor = "K-404";
  absl::Status s = d.AddProject(p);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "project \"P-9\" contractor: unknown contractor \"K-404\"");
  EXPECT_FALSE(d.FindProject("P-9"));

  Works w = SmallWorks();
  PenaltyRecorded pen{"F-1", "K-404", "", Y(1000), "质量问题", D("2025-03-03")};
  s = w.Apply(pen);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "penalty \"F-1\" contractor: unknown contractor \"K-404\"");
  EXPECT_TRUE(w.penalties().empty());
}

TEST(WorksBadInput, StepOutOfOrder) {
  Works w = SmallWorks();
  ASSERT_TRUE(w.Apply(Filing("C-1", "E-1", "P-1", D("2025-03-03"))).ok());
  absl::Status s = w.Apply(Step("C-1", A::kHandle, D("2025-03-04")));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "complaint \"C-1\" handle: the case is awaiting acceptance, a handle needs it awaiting handling");
  EXPECT_EQ(w.complaint(0).state, ComplaintState::kFiled);
  EXPECT_TRUE(w.step_log().empty());
  // Confirming before the revisit, too.
  EXPECT_EQ(w.Apply(Step("C-1", A::kConfirm, D("2025-03-04"))).code(),
            absl::StatusCode::kFailedPrecondition);
  // A step dated before the one it follows.
  ASSERT_TRUE(w.Apply(Step("C-1", A::kAccept, D("2025-03-04"))).ok());
  s = w.Apply(Step("C-1", A::kHandle, D("2025-03-03")));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("handle.on"), std::string::npos) << s;
}

TEST(WorksBadInput, RevisitBeforeHandling) {
  Works w = SmallWorks();
  ASSERT_TRUE(w.Apply(Filing("C-1", "E-1", "P-1", D("2025-03-03"))).ok());
  ASSERT_TRUE(w.Apply(Step("C-1", A::kAccept, D("2025-03-03"))).ok());
  const Complaint before = w.complaint(0);
  absl::Status s = w.Apply(Step("C-1", A::kRevisit, D("2025-03-05"), true));
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(),
            "complaint \"C-1\" revisit: the case is awaiting handling, a revisit needs it awaiting revisit");
  EXPECT_EQ(w.complaint(0).state, before.state);
  EXPECT_EQ(w.complaint(0).due, before.due);
  EXPECT_EQ(w.step_log().size(), 1u);
}

TEST(WorksBadInput, DeadlineOnADateMissingFromTheCalendar) {
  // Filed Wed 2025-12-31: the acceptance deadline (1 working day) falls in 2026,
  // which this calendar does not hold. Never guessed: the filing is refused.
  Works w = SmallWorks();
  absl::Status s = w.Apply(Filing("C-1", "E-1", "", D("2025-12-31")));
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(s.message(),
            "complaint \"C-1\" accept deadline: 2026-01-01 is outside the working-day calendar "
            "(loaded: 2024, 2025); load the State Council's notice for 2026");
  EXPECT_EQ(w.complaint_count(), 0u);
  // A handling deadline running off the end refuses the acceptance instead:
  // accepted Tue 2025-12-23, 5 working days: 24, 25, 26, 29, 30 → fits;
  // accepted Wed 12-24: 25, 26, 29, 30, 31 → fits; accepted 12-26: 29, 30, 31, then 2026.
  ASSERT_TRUE(w.Apply(Filing("C-2", "E-1", "", D("2025-12-24"))).ok());
  s = w.Apply(Step("C-2", A::kAccept, D("2025-12-26")));
  EXPECT_EQ(s.code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(w.complaint(0).state, ComplaintState::kFiled);
}

TEST(WorksBadInput, ChangeOrderWhoseAmountsDoNotAddUp) {
  // Roof 100,000.00 → 112,345.67 is +12,345.67; the order says 12,345.00.
  Works w = SmallWorks();
  ChangeOrderRaised o;
  o.id = "CO-1";
  o.project = "P-1";
  o.on = D("2025-03-03");
  o.reason = "屋面面积调整";
  o.edits = {{ItemEdit::Op::kModify, Lump("roof", Facility::kRoof, Money::Fen(11'234'567))}};
  o.stated_change = Money::Fen(1'234'500);
  absl::Status s = w.Apply(o);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(),
            "change order \"CO-1\" stated_change: the order says 12345.00 but its edits change the "
            "cost by 12345.67 (150000.00 → 162345.67)");
  EXPECT_TRUE(w.change_orders().empty());
  EXPECT_EQ(w.project(0).plan.items[0].cost, Y(100'000));
  // An edit of an item the project does not have.
  o.stated_change = Money::Fen(1'234'567);
  o.edits[0].item.id = "lift";
  s = w.Apply(o);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "change order \"CO-1\" edits[0] \"lift\": no such item in the project");
  // A negative price inside an edit: the funding area's message, prefixed.
  o.edits = {{ItemEdit::Op::kModify, Lump("roof", Facility::kRoof, Money::Fen(1))}};
  o.edits[0].item.lump_sum = false;
  o.edits[0].item.quantity_milli = 1000;
  o.edits[0].item.unit_price = Money::Fen(-5);
  s = w.Apply(o);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("change order \"CO-1\" edits: "), std::string::npos) << s;
  EXPECT_TRUE(w.change_orders().empty());
}

TEST(WorksBadInput, UnknownComplaintOrderAndDuplicates) {
  Works w = SmallWorks();
  EXPECT_EQ(w.Apply(Step("C-404", A::kAccept, D("2025-03-03"))).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(w.Apply(ChangeOrderSigned{"CO-404", ChangeRole::kResidents, "x", D("2025-03-03")}).code(),
            absl::StatusCode::kNotFound);
  ASSERT_TRUE(w.Apply(Filing("C-1", "E-1", "", D("2025-03-03"))).ok());
  EXPECT_EQ(w.Apply(Filing("C-1", "E-1", "", D("2025-03-03"))).code(), absl::StatusCode::kAlreadyExists);
  // A project in another estate.
  absl::Status s = w.Apply(Filing("C-2", "E-2", "P-1", D("2025-03-03")));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "complaint \"C-2\" project: project \"P-1\" is in estate \"E-1\", not \"E-2\"");
  EXPECT_EQ(w.complaint_count(), 1u);
}

}  // namespace
}  // namespace renewal
