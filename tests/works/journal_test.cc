// The works journal: events survive a reopen, a refused event writes nothing, and
// every event kind goes to JSON and back.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "renewal/base/file.h"
#include "renewal/works/works_journal.h"
#include "renewal/works/works_json.h"
#include "renewal/works/works_report.h"
#include "works/works_test_util.h"

namespace renewal {
namespace {

using namespace testing_works;
using A = ComplaintAction;

std::string TempPath(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / "renewal_works_journal_test";
  std::filesystem::create_directories(dir);
  const auto p = dir / name;
  std::filesystem::remove(p);
  return p.string();
}

std::vector<WorksEvent> AllKinds() {
  ChangeOrderRaised co;
  co.id = "CO-1";
  co.project = "P-1";
  co.on = D("2025-03-03");
  co.reason = "屋面面积调整";
  CostItem qty = Lump("pipe", Facility::kWater, Money());
  qty.lump_sum = false;
  qty.quantity_milli = 12'345;
  qty.unit_price = Money::Fen(10'000);  // 12.345 m × 100.00 = 1,234.50
  co.edits = {{ItemEdit::Op::kModify, Lump("roof", Facility::kRoof, Money::Fen(11'234'567))},
              {ItemEdit::Op::kAdd, qty},
              {ItemEdit::Op::kRemove, Lump("green", Facility::kGreening, Money())}};
  // +12,345.67 + 1,234.50 − 50,000.00 = −36,419.83
  co.stated_change = Money::Fen(1'234'567 + 123'450 - 5'000'000);
  InspectionRecorded in;
  in.id = "I-1";
  in.project = "P-1";
  in.item = "屋面防水";
  in.location = "1号楼";
  in.content = "厚度";
  in.passed = true;
  in.inspector = "周九";
  in.on = D("2025-03-05");
  in.evidence = {"IMG-1"};
  return {Filing("C-1", "E-1", "P-1", D("2025-01-24")),
          Step("C-1", A::kAccept, D("2025-01-27")),
          Step("C-1", A::kHandle, D("2025-02-07"), false, true),
          AppointmentMade{"A-1", "E-1", AppointmentRole::kSupervisor, "王五", D("2025-01-02")},
          AppointmentEnded{"A-1", D("2025-06-30")},
          co,
          ChangeOrderSigned{"CO-1", ChangeRole::kProjectOffice, "赵六", D("2025-03-04")},
          in,
          SatisfactionVoteRecorded{"P-2", "V-1", "hebei_80_acceptance", true, 80, 100, D("2025-03-08")},
          AcceptanceSigned{"P-2", AcceptanceParty::kStreetOffice, "街道", D("2025-03-10")},
          PenaltyRecorded{"F-1", "K-1", "P-1", Y(5'000), "质量问题", D("2025-03-20")}};
}

TEST(WorksJson, EveryKindRoundTrips) {
  for (const WorksEvent& e : AllKinds()) {
    const std::string text = WorksEventToJson(e);
    auto back = ParseWorksEventJson(text);
    ASSERT_TRUE(back.ok()) << back.status() << "\n" << text;
    EXPECT_EQ(WorksEventToJson(*back), text);
  }
  auto defect = ParseWorksEventJson(
      R"({"event":"defect","id":"DF-1","project":"P-1","item_kind":"plumbing","on":"2027-03-09"})");
  ASSERT_TRUE(defect.ok()) << defect.status();
  EXPECT_EQ(std::get<DefectReported>(*defect).on, D("2027-03-09"));
}

TEST(WorksJson, RejectsBadInput) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {R"({"event":"complaint_filed","id":"C-1","id":"C-2"})", "duplicate key \"id\""},
      {R"({"event":"complaint_step","complaint":"C-1","action":"accept","person":"x","on":"2025-02-30"})",
       "works event on: no such date 2025-02-30"},
      {R"({"event":"complaint_step","complaint":"C-1","action":"jump","person":"x","on":"2025-02-03"})",
       "works event action: unknown label \"jump\""},
      {R"({"event":"penalty","id":"F","contractor":"K","amount":"1.234","reason":"r","on":"2025-01-02"})",
       "works event amount"},
      {R"({"event":"defect","id":"D","project":"P","item_kind":"k","on":"2025-01-02","colour":"red"})",
       "colour"},
      {R"({"event":"party"})", "works event event: unknown event \"party\""},
      {R"({"event":"change_order","id":"CO","project":"P","on":"2025-01-02","reason":"r","stated_change":"1","edits":[{"op":"modify","item":{"id":"x","lump_sum":"1.005"}}]})",
       "works event edits[0].item"},
      {R"([1])", "works event: expected an object"},
  };
  for (const Case& c : cases) {
    auto e = ParseWorksEventJson(c.text);
    EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument) << c.text;
    EXPECT_NE(e.status().message().find(c.message), std::string::npos) << e.status();
  }
}

TEST(WorksJournal, SurvivesReopenAndRefusesWithoutWriting) {
  const std::string path = TempPath("works.journal");
  {
    auto j = WorksJournal::Open(path, SmallDirectory(), Calendar2024And2025(), DefaultWorksPolicy(), true);
    ASSERT_TRUE(j.ok()) << j.status();
    for (const WorksEvent& e : AllKinds()) {
      absl::Status s = (*j)->Record(e);
      ASSERT_TRUE(s.ok()) << s << "\n" << WorksEventToJson(e);
    }
    const auto size = std::filesystem::file_size(path);
    // A revisit before handling is refused and the file is untouched.
    ASSERT_TRUE((*j)->Record(Filing("C-2", "E-1", "", D("2025-03-03"))).ok());
    const auto size2 = std::filesystem::file_size(path);
    EXPECT_GT(size2, size);
    EXPECT_EQ((*j)->Record(Step("C-2", A::kRevisit, D("2025-03-04"), true)).code(),
              absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(std::filesystem::file_size(path), size2);
    // A second writer is refused while the first holds the lock.
    auto second = WorksJournal::Open(path, SmallDirectory(), Calendar2024And2025(), DefaultWorksPolicy(), false);
    EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  }
  WorksJournalReport report;
  auto w = WorksJournal::Replay(path, SmallDirectory(), Calendar2024And2025(), DefaultWorksPolicy(), &report);
  ASSERT_TRUE(w.ok()) << w.status();
  EXPECT_EQ(report.events, AllKinds().size() + 1);
  EXPECT_EQ(w->complaint_count(), 2u);
  EXPECT_EQ(w->complaint(0).state, ComplaintState::kHandled);
  EXPECT_EQ(w->change_orders().size(), 1u);
  EXPECT_EQ(w->change_orders()[0].impact.change.fen(), -3'641'983);
  EXPECT_EQ(w->penalties().size(), 1u);
  // Replayed against a directory without P-1's contractor's project, the journal no
  // longer applies: DataLoss naming the record.
  WorksDirectory other;
  ASSERT_TRUE(other.AddEstate({"E-1", "D-1"}).ok());
  auto bad = WorksJournal::Replay(path, other, Calendar2024And2025(), DefaultWorksPolicy());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(bad.status().message().find("record 1 no longer applies"), std::string::npos) << bad.status();
}

TEST(WorksJournal, ExampleEventsApply) {
  auto text = internal::ReadFileToString(std::string(RENEWAL_SOURCE_DIR) + "/examples/works/events.json");
  ASSERT_TRUE(text.ok()) << text.status();
  auto events = ParseWorksEventsJson(*text);
  ASSERT_TRUE(events.ok()) << events.status();
  Works w = SmallWorks();
  for (std::size_t i = 0; i < events->size(); ++i) {
    absl::Status s = w.Apply((*events)[i]);
    ASSERT_TRUE(s.ok()) << "event " << i << ": " << s;
  }
  EXPECT_GT(w.complaint_count(), 0u);
}

}  // namespace
}  // namespace renewal
