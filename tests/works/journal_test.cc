// The works in the programme journal: events survive a reopen among the progress
// events, a refused event writes nothing, every event kind goes to JSON and back, an
// old WORK journal is refused and migrated.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "renewal/base/file.h"
#include "renewal/base/journal.h"
#include "renewal/progress/progress_json.h"
#include "renewal/works/works_store.h"
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

// The progress projects the works hang off: P-1 on E-1 and P-2 on E-2.
Event CreateProject(const std::string& id, const std::string& estate) {
  Event e;
  e.kind = EventKind::kCreate;
  e.project = id;
  e.date = 20241202;
  e.info.id = id;
  e.info.estates = {{estate, 100}};
  e.info.province = "湖南省";
  e.info.city = "岳阳市";
  e.info.district = "D-1";
  return e;
}

absl::StatusOr<std::unique_ptr<ProgrammeStore>> OpenProgramme(const std::string& path, bool create) {
  return ProgrammeStore::Open(path, SmallDirectory(), Calendar2024And2025(), DefaultWorksPolicy(),
                              {.guard_policy = "national_works", .create = create, .sync = false});
}

std::uintmax_t Size(const std::string& path) { return std::filesystem::file_size(path); }

TEST(ProgrammeStore, WorksEventsLiveInTheProgressJournal) {
  const std::string path = TempPath("programme.journal");
  {
    auto j = OpenProgramme(path, true);
    ASSERT_TRUE(j.ok()) << j.status();
    ASSERT_TRUE((*j)->Record(CreateProject("P-1", "E-1")).ok());
    ASSERT_TRUE((*j)->Record(CreateProject("P-2", "E-2")).ok());
    for (const WorksEvent& e : AllKinds()) {
      absl::Status s = (*j)->Record(e);
      ASSERT_TRUE(s.ok()) << s << "\n" << WorksEventToJson(e);
    }
    // A revisit before handling is refused and the file is untouched.
    ASSERT_TRUE((*j)->Record(Filing("C-2", "E-1", "", D("2025-03-03"))).ok());
    const auto size = Size(path);
    EXPECT_EQ((*j)->Record(Step("C-2", A::kRevisit, D("2025-03-04"), true)).code(),
              absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(Size(path), size);
    // A second writer is refused while the first holds the lock.
    EXPECT_EQ(OpenProgramme(path, false).status().code(), absl::StatusCode::kFailedPrecondition);
  }
  ProgressOpenReport report;
  auto state = ProgrammeStore::Replay(path, SmallDirectory(), Calendar2024And2025(),
                                      DefaultWorksPolicy(), &report);
  ASSERT_TRUE(state.ok()) << state.status();
  EXPECT_EQ(report.events, 2u);
  EXPECT_EQ(report.extension_records, AllKinds().size() + 1);
  EXPECT_EQ(state->programme.policy().name, "national_works");
  const Works& w = state->works;
  EXPECT_EQ(w.complaint_count(), 2u);
  EXPECT_EQ(w.complaint(0).state, ComplaintState::kHandled);
  EXPECT_EQ(w.change_orders().size(), 1u);
  EXPECT_EQ(w.change_orders()[0].impact.change.fen(), -3'641'983);
  EXPECT_EQ(w.penalties().size(), 1u);
  // One file, one order: the two creates, then the works events as recorded.
  auto records = ReadProgrammeRecords(path);
  ASSERT_TRUE(records.ok()) << records.status();
  ASSERT_EQ(records->size(), 2 + AllKinds().size() + 1);
  EXPECT_EQ(std::get<Event>((*records)[1]).project, "P-2");
  EXPECT_EQ(std::get<ExtensionRecord>((*records)[2]).tag, "works");
  EXPECT_EQ(std::get<ExtensionRecord>((*records)[2]).json, WorksEventToJson(AllKinds()[0]));
  // Replayed against a directory without P-1, the journal no longer applies:
  // DataLoss naming the record (record 3: after the header and the two creates).
  WorksDirectory other;
  ASSERT_TRUE(other.AddEstate({"E-1", "D-1"}).ok());
  auto bad = ProgrammeStore::Replay(path, other, Calendar2024And2025(), DefaultWorksPolicy());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(bad.status().message().find("record 3 (works: complaint \"C-1\" project"), std::string::npos)
      << bad.status();
}

// JSON Lines of both kinds: export gives them in journal order, and importing them into
// a fresh journal gives the same lines again.
TEST(ProgrammeStore, JsonLinesCoverBothKinds) {
  const std::string path = TempPath("lines.journal");
  std::vector<ProgrammeLine> lines = {CreateProject("P-1", "E-1"), CreateProject("P-2", "E-2")};
  for (const WorksEvent& e : AllKinds()) lines.emplace_back(e);
  std::string text;
  for (const ProgrammeLine& l : lines) text += ProgrammeLineToJson(l) + "\n";
  auto parsed = ParseProgrammeJsonLines(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  {
    auto j = OpenProgramme(path, true);
    ASSERT_TRUE(j.ok()) << j.status();
    ASSERT_TRUE((*j)->RecordAll(*parsed).ok());
  }
  auto records = ReadProgrammeRecords(path);
  ASSERT_TRUE(records.ok());
  EXPECT_EQ(RecordsToJsonLines(*records), text);
  auto neither = ParseProgrammeJsonLines("\n{\"project\":\"P-1\"}\n");
  EXPECT_NE(neither.status().message().find("line 2: a record has either"), std::string::npos)
      << neither.status();
}

// A works event naming what the programme or the directory does not know is refused
// naming the record and field, and nothing is written — in a batch, not even the
// lines before it.
TEST(ProgrammeStore, UnknownProjectEstateOrContractorWritesNothing) {
  const std::string path = TempPath("unknown.journal");
  auto j = OpenProgramme(path, true);
  ASSERT_TRUE(j.ok()) << j.status();
  ASSERT_TRUE((*j)->Record(CreateProject("P-1", "E-1")).ok());
  const auto size = Size(path);
  // P-2 is in the directory but not yet a project of the programme.
  absl::Status s = (*j)->Record(Filing("C-1", "E-2", "P-2", D("2025-03-03")));
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(s.message().find("complaint \"C-1\" project: \"P-2\" is not a project of the programme"),
            std::string::npos) << s;
  s = (*j)->Record(Filing("C-1", "E-404", "", D("2025-03-03")));
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(s.message().find("estate"), std::string::npos) << s;
  s = (*j)->Record(PenaltyRecorded{"F-1", "K-404", "", Y(100), "r", D("2025-03-20")});
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_NE(s.message().find("contractor"), std::string::npos) << s;
  const std::vector<ProgrammeLine> batch = {ProgrammeLine(Filing("C-1", "E-1", "P-1", D("2025-03-03"))),
                                            ProgrammeLine(CreateProject("P-2", "E-2")),
                                            ProgrammeLine(Filing("C-1", "E-2", "P-2", D("2025-03-04")))};
  s = (*j)->RecordAll(batch);
  EXPECT_NE(s.message().find("line 3: complaint \"C-1\" id"), std::string::npos) << s;
  EXPECT_EQ(Size(path), size);
  EXPECT_EQ((*j)->works().complaint_count(), 0u);
  EXPECT_EQ((*j)->programme().projects().size(), 1u);
}

// An old WORK journal is refused with the way out, read, and migrated.
TEST(ProgrammeStore, OldWorksJournalIsRefusedAndMigrated) {
  const std::string old_path = TempPath("old-works.journal");
  {
    constexpr internal::JournalKind kWork{{'W', 'O', 'R', 'K'}, "works"};
    auto f = internal::JournalFile::Lock(old_path, kWork, true, false);
    ASSERT_TRUE(f.ok()) << f.status();
    (*f)->Resume(internal::JournalScan{}, R"({"format":"renewal works journal","version":1})");
    ASSERT_TRUE((*f)->Append(WorksEventToJson(Filing("C-1", "E-1", "P-1", D("2025-01-24")))).ok());
    ASSERT_TRUE((*f)->Append(WorksEventToJson(Step("C-1", A::kAccept, D("2025-01-27")))).ok());
  }
  auto opened = OpenProgramme(old_path, false);
  EXPECT_EQ(opened.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(opened.status().message().find("renewal works migrate"), std::string::npos) << opened.status();
  auto events = ReadOldWorksJournal(old_path);
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->size(), 2u);
  const std::string path = TempPath("migrated.journal");
  auto j = OpenProgramme(path, true);
  ASSERT_TRUE(j.ok());
  ASSERT_TRUE((*j)->Record(CreateProject("P-1", "E-1")).ok());
  std::vector<ProgrammeLine> lines(events->begin(), events->end());
  ASSERT_TRUE((*j)->RecordAll(lines).ok());
  EXPECT_EQ((*j)->works().complaint(0).state, ComplaintState::kAccepted);
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
