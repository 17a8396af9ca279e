// The journal framing (renewal/base/journal.h): torn tails are told from corruption,
// nothing is lost silently, and nothing is written until a record is appended.
#include "renewal/base/journal.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace renewal::internal {
namespace {

using ::testing::HasSubstr;

constexpr JournalKind kTest{{'T', 'E', 'S', 'T'}, "test"};

// A journal of `n` records whose payloads vary in length and content.
std::string MakeJournal(std::size_t n, std::vector<std::string>* payloads) {
  std::string image = JournalFileHeader(kTest);
  for (std::size_t i = 0; i < n; ++i) {
    std::string p = "record " + std::to_string(i) + std::string(i % 13, static_cast<char>('a' + i % 26));
    AppendRecord(&image, static_cast<std::uint32_t>(i), p);
    payloads->push_back(p);
  }
  return image;
}

absl::Status Scan(std::string_view image, std::vector<std::string>* got, JournalScan* scan) {
  got->clear();
  return ScanJournal(
      image, kTest,
      [&](std::string_view payload, std::size_t) {
        got->emplace_back(payload);
        return absl::OkStatus();
      },
      scan);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("renewal_journal_test_" + name)).string();
}

TEST(ScanJournal, ReadsEveryRecordInOrder) {
  std::vector<std::string> payloads, got;
  const std::string image = MakeJournal(50, &payloads);
  JournalScan scan;
  ASSERT_TRUE(Scan(image, &got, &scan).ok());
  EXPECT_EQ(got, payloads);
  EXPECT_EQ(scan.records, 50u);
  EXPECT_EQ(scan.valid_bytes, image.size());
  EXPECT_EQ(scan.torn_bytes, 0u);
  EXPECT_EQ(CountRecords(image), 50u);
}

// Every single-bit flip of a 200-record journal is either caught (an error) or, if
// the scan succeeds, changes nothing it returns. None loses a record silently: no
// flip may pass as a torn tail (issue: a length made too large used to).
TEST(ScanJournal, NoSingleBitFlipLosesARecordSilently) {
  std::vector<std::string> payloads, got;
  const std::string image = MakeJournal(200, &payloads);
  std::size_t caught = 0, silent = 0;
  for (std::size_t bit = 0; bit < image.size() * 8; ++bit) {
    std::string flipped = image;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
    JournalScan scan;
    const absl::Status s = Scan(flipped, &got, &scan);
    if (!s.ok()) {
      ++caught;
      EXPECT_TRUE(absl::IsDataLoss(s) || absl::IsInvalidArgument(s)) << bit << ": " << s;
    } else if (got != payloads || scan.torn_bytes != 0) {
      ++silent;
    }
  }
  EXPECT_EQ(silent, 0u);
  EXPECT_EQ(caught, image.size() * 8);  // every flip breaks a checksum or the header
}

TEST(ScanJournal, TooLargeLengthInTheMiddleIsCorruptionNamingTheRecord) {
  std::vector<std::string> payloads, got;
  std::string image = MakeJournal(10, &payloads);
  // Record 3's length field: after the header and three records.
  std::size_t pos = kJournalHeaderBytes;
  for (int i = 0; i < 3; ++i) pos += kRecordFrame + payloads[static_cast<std::size_t>(i)].size();
  image[pos + 2] = static_cast<char>(image[pos + 2] ^ 0x10);  // length + 2^20
  JournalScan scan;
  const absl::Status s = Scan(image, &got, &scan);
  EXPECT_TRUE(absl::IsDataLoss(s)) << s;
  EXPECT_THAT(s.message(), HasSubstr("record 3 at byte offset " + std::to_string(pos)));
  EXPECT_THAT(s.message(), HasSubstr("frame checksum mismatch"));
}

TEST(ScanJournal, CutAtAnyByteIsATornTailKeepingWholeRecords) {
  std::vector<std::string> payloads, got;
  const std::string image = MakeJournal(5, &payloads);
  for (std::size_t cut = 0; cut <= image.size(); ++cut) {
    JournalScan scan;
    ASSERT_TRUE(Scan(image.substr(0, cut), &got, &scan).ok()) << cut;
    EXPECT_EQ(scan.valid_bytes + scan.torn_bytes, cut) << cut;
    if (scan.torn_bytes > 0) {
      EXPECT_THAT(scan.message, HasSubstr("torn tail")) << cut;
    }
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], payloads[i]);
  }
}

TEST(ScanJournal, ZeroFilledTailIsTorn) {
  std::vector<std::string> payloads, got;
  std::string image = MakeJournal(4, &payloads);
  const std::size_t whole = image.size();
  image.append(40, '\0');  // space allocated by a crash, data never written
  JournalScan scan;
  ASSERT_TRUE(Scan(image, &got, &scan).ok());
  EXPECT_EQ(got.size(), 4u);
  EXPECT_EQ(scan.valid_bytes, whole);
  EXPECT_EQ(scan.torn_bytes, 40u);
}

TEST(ScanJournal, SequenceOutOfOrderIsCorruption) {
  std::string image = JournalFileHeader(kTest);
  AppendRecord(&image, 0, "a");
  AppendRecord(&image, 2, "b");  // record 1 missing
  std::vector<std::string> got;
  JournalScan scan;
  const absl::Status s = Scan(image, &got, &scan);
  EXPECT_TRUE(absl::IsDataLoss(s));
  EXPECT_THAT(s.message(), HasSubstr("record 1 at byte offset 33: sequence number 2, expected 1"));
}

TEST(ScanJournal, OtherFilesAreNotJournals) {
  std::vector<std::string> got;
  JournalScan scan;
  EXPECT_TRUE(absl::IsInvalidArgument(Scan("hello\n", &got, &scan)));
  EXPECT_TRUE(absl::IsInvalidArgument(Scan("{\"estates\": []}\n", &got, &scan)));
  constexpr JournalKind kOther{{'L', 'E', 'D', 'G'}, "ledger"};
  const absl::Status s = Scan(JournalFileHeader(kOther), &got, &scan);
  EXPECT_TRUE(absl::IsInvalidArgument(s));
  EXPECT_THAT(s.message(), HasSubstr("\"LEDG\" journal, not a test journal"));
  // A prefix of the right header is a file torn while it was being created.
  ASSERT_TRUE(Scan(JournalFileHeader(kTest).substr(0, 7), &got, &scan).ok());
  EXPECT_EQ(scan.torn_bytes, 7u);
}

TEST(JournalFile, NothingIsWrittenUntilTheFirstAppendAndTheCutTailIsKept) {
  const std::string path = TempPath("kept.journal");
  std::vector<std::string> payloads, got;
  const std::string image = MakeJournal(3, &payloads);
  std::ofstream(path, std::ios::binary) << image << "half a rec";
  {
    absl::StatusOr<std::unique_ptr<JournalFile>> f = JournalFile::Lock(path, kTest, false, false);
    ASSERT_TRUE(f.ok()) << f.status();
    JournalScan scan;
    ASSERT_TRUE(Scan(Slurp(path), &got, &scan).ok());
    EXPECT_EQ(scan.torn_bytes, 10u);
    (*f)->Resume(scan, "unused");
    EXPECT_EQ(Slurp(path), image + "half a rec");  // a command that fails here changes nothing
    ASSERT_TRUE((*f)->Append("next").ok());
    EXPECT_EQ((*f)->torn_tail_file(), path + ".torn-" + std::to_string(image.size()));
    EXPECT_EQ(Slurp((*f)->torn_tail_file()), "half a rec");
  }
  JournalScan scan;
  ASSERT_TRUE(Scan(Slurp(path), &got, &scan).ok());
  EXPECT_EQ(got.size(), 4u);
  EXPECT_EQ(got.back(), "next");
  std::filesystem::remove(path + ".torn-" + std::to_string(image.size()));
  std::filesystem::remove(path);
}

TEST(JournalFile, MissingFileIsNotCreatedUnlessAsked) {
  const std::string path = TempPath("absent.journal");
  std::filesystem::remove(path);
  EXPECT_TRUE(absl::IsNotFound(JournalFile::Lock(path, kTest, false, false).status()));
  EXPECT_FALSE(std::filesystem::exists(path));
  {
    absl::StatusOr<std::unique_ptr<JournalFile>> f = JournalFile::Lock(path, kTest, true, false);
    ASSERT_TRUE(f.ok());
    (*f)->Resume(JournalScan{}, "first");
    ASSERT_TRUE((*f)->WritePending().ok());
  }
  std::vector<std::string> got;
  JournalScan scan;
  ASSERT_TRUE(Scan(Slurp(path), &got, &scan).ok());
  EXPECT_EQ(got, std::vector<std::string>{"first"});
  std::filesystem::remove(path);
}

TEST(JournalFile, OneWriterAtATime) {
  const std::string path = TempPath("locked.journal");
  absl::StatusOr<std::unique_ptr<JournalFile>> a = JournalFile::Lock(path, kTest, true, false);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(JournalFile::Lock(path, kTest, true, false).status()));
  a->reset();
  EXPECT_TRUE(JournalFile::Lock(path, kTest, true, false).ok());
  std::filesystem::remove(path);
}

TEST(Crc32, CheckValue) { EXPECT_EQ(Crc32("123456789"), 0xCBF43926u); }

}  // namespace
}  // namespace renewal::internal
