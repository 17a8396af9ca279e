// The progress journal: replay gives the state, refused events leave the file as
// it was, a torn tail is recovered, damage in the middle is DataLoss naming the
// record; events survive export to JSON Lines and re-import.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "renewal/progress/progress_json.h"
#include "renewal/progress/progress_store.h"
#include "support/progress_programmes.h"

namespace renewal {
namespace {

using ::testing::HasSubstr;
using test_support::MakeEvent;
using test_support::Transition;

std::string TempPath(std::string_view name) {
  const std::string p = ::testing::TempDir() + "renewal_progress_" + std::to_string(::getpid()) +
                        "_" + std::string(name);
  std::filesystem::remove(p);
  return p;
}

std::string Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

Event Create(const std::string& id) {
  Event e = MakeEvent(EventKind::kCreate, id, 20240105);
  e.info.id = id;
  e.info.name = "洞庭小区";
  e.info.estates = {{"E-" + id, 64}};
  e.info.plan_year = 2024;
  e.info.plan_batch = 2;
  e.info.province = "湖南省";
  e.info.city = "岳阳市";
  e.info.district = "岳阳楼区";
  e.info.items = {"roof_waterproofing", "rain_sewage_separation"};
  e.info.investment = Money::Fen(123456789);
  e.info.floor_area_centi_m2 = 512034;
  e.info.buildings = 3;
  return e;
}

// A few projects with every kind of event.
std::vector<Event> Sample() {
  std::vector<Event> v;
  for (const char* id : {"P-1", "P-2", "P-3"}) v.push_back(Create(id));
  Event ev = MakeEvent(EventKind::kEvidence, "P-1", 20240110);
  ev.evidence.kind = EvidenceKind::kVote;
  ev.evidence.id = "V-1";
  ev.evidence.passed = true;
  ev.evidence.rule = "yueyang_double_two_thirds";
  ev.evidence.counts = VoteCounts{412050, 600000, 45, 64};
  ev.evidence.note = "双2/3";
  v.push_back(ev);
  test_support::Advance(&v, "P-2", 202402, Stage::kCompleted);
  Event o = MakeEvent(EventKind::kOutcomes, "P-2", 20241001);
  o.outcomes.pipelines_m = {1200, 800, 0, 350, 0, 90};
  o.outcomes.elevators = 2;
  o.outcomes.energy_retrofit_centi_m2 = 120050;
  o.outcomes.households_benefited = 64;
  v.push_back(o);
  v.push_back(test_support::MoneyEvent(EventKind::kReceived, "P-2", 20241002,
                                       FundSource::kCentralSubsidy, FundChannel::kHousing,
                                       Money::Fen(50000000)));
  v.push_back(test_support::MoneyEvent(EventKind::kPaid, "P-2", 20241003,
                                       FundSource::kCentralSubsidy, FundChannel::kHousing,
                                       Money::Fen(30000000)));
  Event c = MakeEvent(EventKind::kCorrection, "P-2", 20241004);
  c.stage = Stage::kStarted;
  c.reason = "完工资料不全，退回施工";
  v.push_back(c);
  v.push_back(Transition("P-3", 20240201, Stage::kApplication));
  return v;
}

TEST(ProgressStore, ReplayGivesTheState) {
  const std::string path = TempPath("replay");
  const std::vector<Event> events = Sample();
  {
    auto store = ProgressStore::Open(path, {.policy = "national", .create = true, .sync = false, .extensions = {}});
    ASSERT_TRUE(store.ok()) << store.status();
    for (const Event& e : events) ASSERT_TRUE((*store)->Record(e).ok()) << EventToJson(e);
  }
  ProgressOpenReport report;
  absl::StatusOr<Programme> p = ReplayProgress(path, &report);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(report.events, events.size());
  EXPECT_EQ(report.records, events.size() + 1);  // the header record
  EXPECT_EQ(report.torn_bytes, 0u);
  EXPECT_EQ(p->policy().name, "national");
  const ProjectState* p2 = p->Find("P-2");
  ASSERT_NE(p2, nullptr);
  EXPECT_EQ(p2->stage, Stage::kStarted);
  EXPECT_EQ(p2->history.back().reason, "完工资料不全，退回施工");
  EXPECT_EQ(p2->outcomes->pipelines_m[0], 1200);
  EXPECT_EQ(p->Find("P-3")->stage, Stage::kApplication);
  // The events read back are the ones written.
  absl::StatusOr<std::vector<Event>> back = ReadProgressEvents(path);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, events);
}

TEST(ProgressStore, RefusedEventLeavesTheFileAsItWas) {
  const std::string path = TempPath("refused");
  auto store = ProgressStore::Open(path, {.policy = "yueyang", .create = true, .sync = false, .extensions = {}});
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Record(Create("P-1")).ok());
  const std::string before = Bytes(path);
  // Unknown project, stage out of order, a date before the last event.
  for (const Event& bad : {Transition("P-9", 20240201, Stage::kApplication),
                           Transition("P-1", 20240201, Stage::kReview),
                           Transition("P-1", 20240101, Stage::kApplication)}) {
    EXPECT_FALSE((*store)->Record(bad).ok());
    EXPECT_EQ(Bytes(path), before);
  }
  EXPECT_EQ((*store)->programme().event_count(), 1u);
  // RecordAll checks every event before writing any.
  const std::vector<Event> batch = {Transition("P-1", 20240201, Stage::kApplication),
                                    Transition("P-1", 20240202, Stage::kReview)};
  const absl::Status s = (*store)->RecordAll(batch);
  EXPECT_THAT(std::string(s.message()), HasSubstr("event 2: transition event"));
  EXPECT_EQ(Bytes(path), before);
  EXPECT_EQ((*store)->programme().Find("P-1")->stage, Stage::kSurvey);
}

// Another area's records (the works') sit among the events in order: a replay without
// their owner passes over them, one with it sees each with the programme as it stood
// after every record before it; export writes them as they are.
TEST(ProgressStore, ExtensionRecordsKeepTheirPlace) {
  const std::string path = TempPath("extension");
  const ExtensionRecord x1{"works", R"({"event":"penalty","id":"F-1"})"};
  const ExtensionRecord x2{"works", R"({"event":"defect","id":"DF-1"})"};
  {
    auto store = ProgressStore::Open(path, {.policy = "national", .create = true, .sync = false, .extensions = {}});
    ASSERT_TRUE(store.ok()) << store.status();
    const std::vector<ProgrammeRecord> batch = {Create("P-1"), x1, Create("P-2"), x2};
    ASSERT_TRUE((*store)->Commit(batch).ok());
    // A batch whose last event is refused writes none of it, the record before included.
    const std::string before = Bytes(path);
    const std::vector<ProgrammeRecord> bad = {x1, Transition("P-9", 20240201, Stage::kApplication)};
    const absl::Status s = (*store)->Commit(bad);
    EXPECT_THAT(std::string(s.message()), HasSubstr("event 2:"));
    EXPECT_EQ(Bytes(path), before);
  }
  ProgressOpenReport report;
  ASSERT_TRUE(ReplayProgress(path, &report).ok());
  EXPECT_EQ(report.events, 2u);
  EXPECT_EQ(report.extension_records, 2u);
  std::vector<std::size_t> projects_seen;
  auto p = ReplayProgress(path, nullptr, [&](const ExtensionRecord& x, const Programme& at) {
    EXPECT_EQ(x.tag, "works");
    projects_seen.push_back(at.projects().size());
    return absl::OkStatus();
  });
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(projects_seen, (std::vector<std::size_t>{1, 2}));
  // A record its owner refuses on replay is DataLoss naming the record (header = 0).
  auto refused = ReplayProgress(path, nullptr, [](const ExtensionRecord&, const Programme&) {
    return absl::NotFoundError("no such thing");
  });
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("record 2 (works: no such thing)"));
  auto records = ReadProgrammeRecords(path);
  ASSERT_TRUE(records.ok());
  ASSERT_EQ(records->size(), 4u);
  EXPECT_EQ(std::get<ExtensionRecord>((*records)[1]), x1);
  const std::string lines = RecordsToJsonLines(*records);
  EXPECT_THAT(lines, HasSubstr("\n{\"event\":\"penalty\",\"id\":\"F-1\"}\n{\"kind\":\"create\",\"project\":\"P-2\""));
}

TEST(ProgressStore, OneWriterAtATimeAndThePolicyIsKept) {
  const std::string path = TempPath("lock");
  auto first = ProgressStore::Open(path, {.policy = "yueyang", .create = true, .sync = false, .extensions = {}});
  ASSERT_TRUE(first.ok());
  auto second = ProgressStore::Open(path, {.policy = "yueyang", .create = false, .sync = false, .extensions = {}});
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  first->reset();
  // Reopened with another preset, the journal keeps the one it was created with.
  auto again = ProgressStore::Open(path, {.policy = "national", .create = false, .sync = false, .extensions = {}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)->programme().policy().name, "yueyang");
  EXPECT_EQ(ProgressStore::Open(TempPath("missing"), {}).status().code(),
            absl::StatusCode::kNotFound);
}

std::string WriteSample(std::string_view name) {
  const std::string path = TempPath(name);
  auto store = ProgressStore::Open(path, {.policy = "national", .create = true, .sync = false, .extensions = {}});
  for (const Event& e : Sample()) EXPECT_TRUE((*store)->Record(e).ok());
  return path;
}

TEST(ProgressStore, TornTailIsRecovered) {
  const std::string path = WriteSample("torn");
  const std::string whole = Bytes(path);
  const std::size_t events = Sample().size();
  Write(path, whole.substr(0, whole.size() - 5));  // a crash in the last append
  ProgressOpenReport report;
  {
    auto store = ProgressStore::Open(path, {.sync = false, .extensions = {}}, &report);
    ASSERT_TRUE(store.ok()) << store.status();
    EXPECT_EQ(report.events, events - 1);
    EXPECT_GT(report.torn_bytes, 0u);
    EXPECT_EQ(Bytes(path).size(), whole.size() - 5);  // nothing cut until the next write
    // The torn record was P-3's application: it is written again.
    EXPECT_EQ((*store)->programme().Find("P-3")->stage, Stage::kSurvey);
    ASSERT_TRUE((*store)->Record(Transition("P-3", 20240301, Stage::kApplication)).ok());
    // The cut bytes are kept beside the journal (docs/journal.md).
    EXPECT_TRUE(std::filesystem::exists(path + ".torn-" + std::to_string(report.valid_bytes)));
  }
  absl::StatusOr<Programme> p = ReplayProgress(path, &report);
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(report.events, events);
  EXPECT_EQ(p->Find("P-3")->stage, Stage::kApplication);
}

TEST(ProgressStore, FlippedByteInTheMiddleIsDataLossNamingTheRecord) {
  const std::string path = WriteSample("flip");
  std::string bytes = Bytes(path);
  bytes[bytes.size() / 2] ^= 0x10;
  Write(path, bytes);
  ProgressOpenReport report;
  absl::StatusOr<Programme> p = ReplayProgress(path, &report);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(p.status().message()), HasSubstr("record"));
  auto store = ProgressStore::Open(path, {.sync = false, .extensions = {}});
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(Bytes(path), bytes);  // nothing written to a corrupt journal
}

TEST(ProgressStore, CutInTheMiddleIsDataLoss) {
  // A record removed from the middle: the next one's sequence number is out of order.
  const std::string path = WriteSample("cut");
  const std::string whole = Bytes(path);
  // Bytes cut out of the middle: what follows is a bad frame or a record out of sequence.
  const std::string cut = whole.substr(0, whole.size() / 3) + whole.substr(whole.size() / 2);
  Write(path, cut);
  absl::StatusOr<Programme> p = ReplayProgress(path);
  EXPECT_EQ(p.status().code(), absl::StatusCode::kDataLoss) << p.status();
  EXPECT_THAT(std::string(p.status().message()), HasSubstr("journal \""));
}

TEST(ProgressJson, ExportAndReimport) {
  const std::vector<Event> events = Sample();
  const std::string lines = EventsToJsonLines(events);
  absl::StatusOr<std::vector<Event>> back = ParseEventJsonLines(lines);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, events);
  EXPECT_EQ(EventsToJsonLines(*back), lines);
  // The documented record of a transition.
  EXPECT_EQ(EventToJson(Transition("P-1", 20240301, Stage::kStarted, {"V-1"})),
            R"({"kind":"transition","project":"P-1","date":"2024-03-01","stage":"started","evidence":["V-1"]})");
}

TEST(ProgressJson, BadRecordsNameLineAndField) {
  const auto err = [](std::string_view text) {
    return std::string(ParseEventJsonLines(text).status().message());
  };
  const std::string head = R"({"kind":"received","project":"P-1","date":"2024-03-01","source":"city","channel":"finance",)";
  EXPECT_THAT(err(head + R"("amount":"-5.00"})"), HasSubstr("line 1 amount: must be > 0, got -5.00"));
  EXPECT_THAT(err("\n" + head + R"("amount":"1.005"})"), HasSubstr("line 2 amount: "));
  EXPECT_THAT(err(head + R"("amount":1.5})"), HasSubstr("line 1 amount: expected yuan"));
  EXPECT_THAT(err(head + R"("amount":"12","amount":"13"})"), HasSubstr("duplicate key"));
  EXPECT_THAT(err(R"({"kind":"transition","project":"P-1","date":"2024-02-30","stage":"started"})"),
              HasSubstr("line 1 date: "));
  EXPECT_THAT(err(R"({"kind":"transition","project":"P-1","date":"2024-02-01","stage":"begun"})"),
              HasSubstr("line 1 stage: unknown label \"begun\""));
  EXPECT_THAT(err(R"({"kind":"transition","project":"P-1","date":"2024-02-01","stage":"started","amount":"1"})"),
              HasSubstr("amount"));
  EXPECT_THAT(err("[1]"), HasSubstr("line 1: expected an object"));
}

}  // namespace
}  // namespace renewal
