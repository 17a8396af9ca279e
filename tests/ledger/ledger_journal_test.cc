// The journal file: replay, crash safety (a cut at every byte offset), damage detection;
// annual statements and publication.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ledger_internal.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ledger_test_util.h"
#include "renewal/ledger/ledger.h"
#include "renewal/ledger/ledger_statement.h"

namespace renewal {
namespace {

using ::renewal::testing::kB1;
using ::renewal::testing::kB3;
using ::renewal::testing::kD1;
using ::renewal::testing::kD2;
using ::renewal::testing::kD3;
using ::renewal::testing::kD4;
using ::renewal::testing::kD7;
using ::renewal::testing::kE1;
using ::renewal::testing::PassedVote;
using ::renewal::testing::SmallRegistry;
using ::renewal::testing::Yuan;
using ::testing::HasSubstr;

std::string TempPath(std::string_view name) {
  const std::string p = ::testing::TempDir() + "renewal_ledger_" + std::to_string(::getpid()) +
                        "_" + std::string(name);
  std::filesystem::remove(p);
  return p;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
void Spit(const std::string& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::int64_t> Balances(const Ledger& l) {
  return std::vector<std::int64_t>(l.balances().begin(), l.balances().end());
}

class JournalTest : public ::testing::Test {
 protected:
  JournalTest() : registry_(SmallRegistry()) {}
  ~JournalTest() override {  // remove this process's journal files
    const std::string prefix = "renewal_ledger_" + std::to_string(::getpid()) + "_";
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(::testing::TempDir(), ec)) {
      if (e.path().filename().string().rfind(prefix, 0) == 0) std::filesystem::remove(e.path(), ec);
    }
  }

  // Writes a journal of varied transactions; records the balances and the file size
  // after each committed record (index 0: after the header).
  void WriteJournal(const std::string& path) {
    LedgerOptions o;
    o.sync = false;  // many small test files; durability of fsync is not what is tested here
    absl::StatusOr<Ledger> opened = Ledger::Open(registry_, path, o);
    ASSERT_TRUE(opened.ok()) << opened.status();
    Ledger& l = *opened;
    auto mark = [&] {
      sizes_.push_back(l.journal_bytes());
      states_.push_back(Balances(l));
    };
    mark();
    ASSERT_TRUE(l.Deposit(kD1, Yuan(5000), 20240105).ok()); mark();
    ASSERT_TRUE(l.Deposit(kD2, Yuan(5000), 20240105).ok()); mark();
    ASSERT_TRUE(l.Deposit(kD3, Yuan(1000), 20240106).ok()); mark();
    ASSERT_TRUE(l.SellingUnitDeposit(kD4, Yuan(3000), 20240107).ok()); mark();
    ASSERT_TRUE(l.AssertBalance(kD1, Yuan(5000), 20240107).ok()); mark();
    ASSERT_TRUE(l.CreditInterest({LedgerScopeKind::kAll, 0}, Money::Fen(12345), 20241231).ok()); mark();
    UseRequest q;
    q.id = "U-roof";
    q.date = 20250310;
    q.scope = {LedgerScopeKind::kBuilding, kB1};
    q.amount = Yuan(10000);
    q.approval = PassedVote();
    q.renovation_contribution = true;
    ASSERT_TRUE(l.Use(q).ok()); mark();
    ASSERT_TRUE(l.Subsidize("U-roof", 50, 20250320).ok()); mark();
    ASSERT_TRUE(l.ChangeOwner(kD2, "陈十一", 20250401).ok()); mark();
    ASSERT_TRUE(l.CreditIncome({LedgerScopeKind::kBuilding, kB3}, Yuan(100), IncomeTarget::kByArea,
                               20250501).ok()); mark();
    expected_txs_ = l.tx_count();
  }

  Registry registry_;
  std::vector<std::uint64_t> sizes_;
  std::vector<std::vector<std::int64_t>> states_;
  std::size_t expected_txs_ = 0;
};

TEST_F(JournalTest, ReplayRebuildsEveryBalance) {
  const std::string path = TempPath("replay.journal");
  WriteJournal(path);
  OpenReport report;
  absl::StatusOr<Ledger> l = Ledger::Replay(registry_, path, {}, &report);
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_EQ(Balances(*l), states_.back());
  EXPECT_EQ(l->tx_count(), expected_txs_);
  EXPECT_EQ(report.transactions, expected_txs_);
  EXPECT_EQ(report.torn_bytes, 0u);
  EXPECT_TRUE(l->CheckInvariants().ok());
  // Reopen for append, add one, replay again.
  {
    absl::StatusOr<Ledger> w = Ledger::Open(registry_, path);
    ASSERT_TRUE(w.ok()) << w.status();
    ASSERT_TRUE(w->TopUp(kD3, Yuan(7), 20250601).ok());
  }
  l = Ledger::Replay(registry_, path);
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->tx_count(), expected_txs_ + 1);
  EXPECT_EQ(l->DwellingBalance(kD3).fen(), states_.back()[kD3] + 700);
}

TEST_F(JournalTest, CutAtEveryByteOffsetKeepsWholeTransactionsOnly) {
  // A crash mid-write leaves a prefix of the file. For every cut, the reopened ledger
  // equals the replay of the whole records before the cut; the torn tail is reported
  // and cut off, never half-applied.
  const std::string path = TempPath("cut.journal");
  WriteJournal(path);
  const std::string image = Slurp(path);
  ASSERT_EQ(image.size(), sizes_.back());
  const std::string cut_path = TempPath("cut2.journal");
  for (std::size_t cut = 0; cut <= image.size(); ++cut) {
    // Whole records before the cut.
    std::size_t whole = 0;  // records after the header
    bool header = false;
    for (std::size_t k = 0; k < sizes_.size(); ++k) {
      if (sizes_[k] <= cut) {
        header = true;
        whole = k;
      }
    }
    Spit(cut_path, image.substr(0, cut));
    OpenReport report;
    LedgerOptions o;
    o.sync = false;
    absl::StatusOr<Ledger> l = Ledger::Open(registry_, cut_path, o, &report);
    ASSERT_TRUE(l.ok()) << "cut " << cut << ": " << l.status();
    const std::uint64_t valid = header ? sizes_[whole] : 0;
    EXPECT_EQ(report.valid_bytes, valid) << cut;
    EXPECT_EQ(report.torn_bytes, cut - valid) << cut;
    if (cut != valid) {
      EXPECT_THAT(report.message, HasSubstr("torn tail")) << cut;
    }
    EXPECT_EQ(l->tx_count(), whole) << cut;
    EXPECT_EQ(Balances(*l), header ? states_[whole] : states_[0]) << cut;
    ASSERT_TRUE(l->CheckInvariants().ok()) << cut;
    // The torn tail is gone from the file; appending after it replays cleanly.
    ASSERT_TRUE(l->TopUp(kD7, Yuan(1), 20250601).ok()) << cut;
    absl::StatusOr<Ledger> again = Ledger::Replay(registry_, cut_path);
    ASSERT_TRUE(again.ok()) << "cut " << cut << ": " << again.status();
    EXPECT_EQ(again->tx_count(), whole + 1) << cut;
    EXPECT_EQ(Balances(*again), Balances(*l)) << cut;
  }
}

TEST_F(JournalTest, KilledWriterLosesNoCommittedTransaction) {
  // A child process appends 1-fen deposits as fast as it can and is killed with
  // SIGKILL; every transaction it committed is whole after reopening, none is half.
  const std::string path = TempPath("killed.journal");
  {
    ASSERT_TRUE(Ledger::Open(registry_, path).ok());  // the header exists before the race
  }
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    LedgerOptions o;
    o.sync = false;
    absl::StatusOr<Ledger> l = Ledger::Open(registry_, path, o);
    if (!l.ok()) ::_exit(2);
    for (Index i = 0;; ++i) {
      if (!l->Deposit(i % 9, Money::Fen(1), 20250101).ok()) ::_exit(3);
    }
  }
  // Let it write a while, then kill it mid-stream.
  for (int i = 0; i < 200 && std::filesystem::file_size(path) < 200'000; ++i) ::usleep(10'000);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << status;
  OpenReport report;
  absl::StatusOr<Ledger> l = Ledger::Open(registry_, path, {}, &report);
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_GT(l->tx_count(), 0u);
  std::int64_t total = 0;  // D-6 is developer-held: its fen are in the developer ledger
  for (Index f = 0; f < l->fund_count(); ++f) total += l->FundTotal(f).fen();
  EXPECT_EQ(total, static_cast<std::int64_t>(l->tx_count()));  // one whole fen per deposit
  EXPECT_TRUE(l->CheckInvariants().ok());
}

TEST_F(JournalTest, OneWriterAtATime) {
  // Two writers appending to one journal would interleave records and break the
  // replay; the second opener is refused, naming the file (docs/ledger.md §4).
  const std::string path = TempPath("locked.journal");
  LedgerOptions o;
  o.sync = false;
  absl::StatusOr<Ledger> first = Ledger::Open(registry_, path, o);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(first->Deposit(kD1, Yuan(100), 20250101).ok());
  const std::string before = Slurp(path);
  absl::StatusOr<Ledger> second = Ledger::Open(registry_, path, o);  // same process
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(second.status().message(), HasSubstr(path));
  EXPECT_THAT(second.status().message(), HasSubstr("another writer"));
  // Another process is refused too (flock holds across processes).
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    absl::StatusOr<Ledger> l = Ledger::Open(registry_, path, o);
    ::_exit(l.ok() ? 0 : l.status().code() == absl::StatusCode::kFailedPrecondition ? 7 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 7);
  EXPECT_EQ(Slurp(path), before);  // the refused openers wrote nothing
  // A read-only replay beside the writer sees what it committed.
  absl::StatusOr<Ledger> reader = Ledger::Replay(registry_, path);
  ASSERT_TRUE(reader.ok()) << reader.status();
  EXPECT_EQ(reader->DwellingBalance(kD1), Yuan(100));
  // Once the first writer is closed, the journal opens again (also after a move).
  Ledger moved = *std::move(first);
  EXPECT_EQ(Ledger::Open(registry_, path, o).status().code(), absl::StatusCode::kFailedPrecondition);
  { Ledger gone = std::move(moved); }
  absl::StatusOr<Ledger> third = Ledger::Open(registry_, path, o);
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_EQ(third->DwellingBalance(kD1), Yuan(100));
}

TEST_F(JournalTest, DamageInsideTheJournalIsDataLoss) {
  const std::string path = TempPath("damage.journal");
  WriteJournal(path);
  std::string image = Slurp(path);
  // Flip one byte inside the third record's payload (not the last record).
  image[sizes_[2] + internal::kRecordFrame + 3] ^= 0x40;
  Spit(path, image);
  absl::StatusOr<Ledger> l = Ledger::Open(registry_, path);
  EXPECT_EQ(l.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(l.status().message(), HasSubstr("checksum"));
}

// Every single-bit flip of a ledger journal is refused or changes nothing: no
// committed transaction is lost silently, and a refused journal is left unchanged.
TEST_F(JournalTest, NoSingleBitFlipLosesATransactionSilently) {
  const std::string path = TempPath("flips.journal");
  WriteJournal(path);
  const std::string image = Slurp(path);
  const std::string flipped_path = TempPath("flipped.journal");
  std::size_t refused = 0;
  for (std::size_t bit = 0; bit < image.size() * 8; ++bit) {
    std::string flipped = image;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
    Spit(flipped_path, flipped);
    OpenReport report;
    LedgerOptions o;
    o.sync = false;
    o.create = false;
    absl::StatusOr<Ledger> l = Ledger::Open(registry_, flipped_path, o, &report);
    if (!l.ok()) {
      ++refused;
      ASSERT_EQ(Slurp(flipped_path), flipped) << bit;
      continue;
    }
    ASSERT_EQ(report.torn_bytes, 0u) << bit << ": " << report.message;
    ASSERT_EQ(l->tx_count(), expected_txs_) << bit;
    ASSERT_EQ(Balances(*l), states_.back()) << bit;
  }
  EXPECT_EQ(refused, image.size() * 8);
}

TEST_F(JournalTest, AFileThatIsNotAJournalIsRefusedUnchanged) {
  const std::string path = TempPath("text.journal");
  Spit(path, "hello\n");
  absl::StatusOr<Ledger> l = Ledger::Open(registry_, path);
  EXPECT_EQ(l.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(l.status().message(), HasSubstr("not a renewal ledger journal"));
  EXPECT_EQ(Slurp(path), "hello\n");
}

TEST_F(JournalTest, OpenWithoutCreateLeavesAMissingJournalMissing) {
  const std::string path = TempPath("absent.journal");
  LedgerOptions o;
  o.create = false;
  EXPECT_EQ(Ledger::Open(registry_, path, o).status().code(), absl::StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(JournalTest, WellFramedButUnbalancedRecordIsDataLoss) {
  const std::string path = TempPath("unbalanced.journal");
  WriteJournal(path);
  std::string image = Slurp(path);
  Transaction tx;
  tx.id = "FORGED";
  tx.date = 20250601;
  tx.kind = TxKind::kTransfer;
  tx.accounts = {kD1};
  tx.amounts = {100};
  std::string payload;
  internal::EncodeTransaction(tx, tx.accounts, tx.amounts, &payload);
  internal::AppendRecord(&image, static_cast<std::uint32_t>(internal::CountRecords(image)), payload);
  Spit(path, image);
  absl::StatusOr<Ledger> l = Ledger::Replay(registry_, path);
  EXPECT_EQ(l.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(l.status().message(), HasSubstr("\"FORGED\""));
  EXPECT_THAT(l.status().message(), HasSubstr("sum to zero"));
}

TEST_F(JournalTest, RegistryFingerprintIsTheCrcOfIdsAndAreas) {
  // docs/ledger.md §4: the header's fingerprint is CRC-32 over each dwelling's ID
  // bytes followed by its area (u32, 0.01 m²), in order — however it is computed.
  std::uint32_t crc = 0;
  for (Index d = 0; d < registry_.dwelling_count(); ++d) {
    crc = internal::Crc32(registry_.dwelling(d).id, crc);
    const std::uint32_t a = registry_.dwellings().area_centi[d];
    crc = internal::Crc32(std::string_view(reinterpret_cast<const char*>(&a), 4), crc);
  }
  EXPECT_EQ(internal::RegistryFingerprint(registry_), crc);
  EXPECT_EQ(internal::Crc32("123456789"), 0xCBF43926u);  // the CRC-32 check value
}

TEST(Crc32Test, TablesMatchTheBitwiseDefinition) {
  // Every length 0..200 (the 16-, 8- and 1-byte loops) and chaining, against the
  // reflected polynomial applied bit by bit.
  auto bitwise = [](std::string_view bytes, std::uint32_t crc) {
    crc = ~crc;
    for (unsigned char c : bytes) {
      crc ^= c;
      for (int k = 0; k < 8; ++k) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
    }
    return ~crc;
  };
  std::mt19937 rng(5);
  std::string bytes;
  for (int len = 0; len <= 200; ++len) {
    EXPECT_EQ(internal::Crc32(bytes), bitwise(bytes, 0)) << len;
    EXPECT_EQ(internal::Crc32(bytes, 0x12345678u), bitwise(bytes, 0x12345678u)) << len;
    bytes.push_back(static_cast<char>(rng()));
  }
}

TEST(TxIdsTest, OwnNumbersInAColumnOthersHashed) {
  using internal::TxIds;
  EXPECT_EQ(TxIds::Number("T1"), 1u);
  EXPECT_EQ(TxIds::Number("T4294967294"), 4294967294u);
  for (std::string_view id : {"T", "T0", "T01", "T12a", "t5", "U-1", "T4294967295", "T99999999999"}) {
    EXPECT_EQ(TxIds::Number(id), std::nullopt) << id;
  }
  TxIds ids;
  ids.Insert("T1", 0);
  ids.Insert("U-roof", 1);
  ids.Insert("T4000000000", 2);  // far beyond the column: hashed, not a 16 GB column
  ids.Insert("T3", 3);
  ids.Insert("T01", 4);
  EXPECT_EQ(ids.Find("T1"), 0u);
  EXPECT_EQ(ids.Find("U-roof"), 1u);
  EXPECT_EQ(ids.Find("T4000000000"), 2u);
  EXPECT_EQ(ids.Find("T3"), 3u);
  EXPECT_EQ(ids.Find("T01"), 4u);
  EXPECT_EQ(ids.Find("T2"), TxIds::kAbsent);
  EXPECT_EQ(ids.Find("T4000000001"), TxIds::kAbsent);
  EXPECT_EQ(ids.Find("U-wall"), TxIds::kAbsent);
}

TEST_F(JournalTest, OwnIdsSkipTakenOnesAndDuplicatesAreDataLoss) {
  const std::string path = TempPath("ids.journal");
  LedgerOptions o;
  o.sync = false;
  {
    absl::StatusOr<Ledger> l = Ledger::Open(registry_, path, o);
    ASSERT_TRUE(l.ok()) << l.status();
    ASSERT_TRUE(l->Deposit(kD1, Yuan(10), 20250101).ok());  // T1
    Transaction tx;
    tx.id = "T2";  // taken by hand before the ledger reaches it
    tx.date = 20250101;
    tx.accounts = {kD1, kD2};
    tx.amounts = {-100, 100};
    ASSERT_TRUE(l->Post(tx).ok());
    ASSERT_TRUE(l->Deposit(kD3, Yuan(10), 20250101).ok());  // T3, not a second T2
    EXPECT_EQ(l->tx(2).meta->id, "T3");
    EXPECT_EQ(l->FindTx("T2"), 1u);
  }
  absl::StatusOr<Ledger> again = Ledger::Replay(registry_, path);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->FindTx("T3"), 2u);
  // A record repeating an id (a forged or corrupted journal) does not replay.
  std::string image = Slurp(path);
  Transaction dup;
  dup.id = "T2";
  dup.date = 20250102;
  dup.accounts = {kD2, kD1};
  dup.amounts = {-100, 100};
  std::string payload;
  internal::EncodeTransaction(dup, dup.accounts, dup.amounts, &payload);
  internal::AppendRecord(&image, static_cast<std::uint32_t>(internal::CountRecords(image)), payload);
  Spit(path, image);
  absl::StatusOr<Ledger> l = Ledger::Replay(registry_, path);
  EXPECT_EQ(l.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(l.status().message(), HasSubstr("\"T2\" id: already in the journal"));
}

TEST_F(JournalTest, OtherRegistryRefused) {
  const std::string path = TempPath("other.journal");
  WriteJournal(path);
  LedgerOptions o;
  o.fund_scope = FundScope::kBuilding;
  absl::StatusOr<Ledger> l = Ledger::Open(registry_, path, o);
  EXPECT_EQ(l.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(l.status().message(), HasSubstr("another registry"));
  Spit(path, "not a journal at all, just text long enough to be framed");
  EXPECT_FALSE(Ledger::Replay(registry_, path).ok());
  EXPECT_EQ(Ledger::Replay(registry_, TempPath("missing.journal")).status().code(),
            absl::StatusCode::kNotFound);
}

// ---------------------------------------------------------------------------
// Statements (Order 165 art. 31)

TEST_F(JournalTest, StatementPerDwellingPerYear) {
  const std::string path = TempPath("statement.journal");
  WriteJournal(path);
  absl::StatusOr<Ledger> l = Ledger::Replay(registry_, path);
  ASSERT_TRUE(l.ok());
  // D-1 in 2025: opened with 5,000.00 + its share of 123.45 interest in 2024; paid 2,500.00
  // for the roof, got 1,250.00 subsidy back.
  absl::StatusOr<DwellingStatement> s24 = StatementOf(*l, kD1, 2024);
  absl::StatusOr<DwellingStatement> s25 = StatementOf(*l, kD1, 2025);
  ASSERT_TRUE(s24.ok() && s25.ok());
  EXPECT_EQ(s24->line.opening, Money());
  EXPECT_EQ(s24->line.deposits, Yuan(5000));
  EXPECT_EQ(s25->line.opening, s24->line.closing);
  EXPECT_EQ(s25->line.uses, Yuan(2500));
  EXPECT_EQ(s25->line.subsidy, Yuan(1250));
  EXPECT_EQ(s25->line.closing, l->DwellingBalance(kD1));
  // Interest 123.45 over 5,000 / 5,000 / 1,000 / selling unit 3,000 (all funds, 14,000):
  // D-1 gets 12345 × 5000/14000 = 4408.9… → 4408 or 4409 by largest remainder.
  EXPECT_EQ(s24->line.interest.fen() + Yuan(5000).fen(), s24->line.closing.fen());
  // D-3 (1,000.00 + interest) owes part of its 4,166.67 share; what is left is the
  // Ningbo subsidy of half of what it paid.
  absl::StatusOr<DwellingStatement> d3 = StatementOf(*l, kD3, 2025);
  EXPECT_EQ(d3->line.uses, d3->line.opening);
  EXPECT_EQ(d3->line.closing, d3->line.subsidy);
  EXPECT_EQ(d3->line.subsidy.fen(), (d3->line.uses.fen() * 50 + 50) / 100);
  EXPECT_EQ(d3->line.owed, l->AmountOwed(kD3));
  EXPECT_GT(d3->line.owed, Money());
  EXPECT_EQ(StatementOf(*l, 99, 2025).status().code(), absl::StatusCode::kNotFound);
  std::ostringstream json;
  WriteStatementJson(*l, *s25, json);
  EXPECT_THAT(json.str(), HasSubstr("\"uses\":\"2500.00\""));
  EXPECT_THAT(json.str(), HasSubstr("\"kind\":\"subsidy\""));
}

TEST_F(JournalTest, FundTotalsEqualSumOfSubLedgers) {
  const std::string path = TempPath("fund.journal");
  WriteJournal(path);
  absl::StatusOr<Ledger> l = Ledger::Replay(registry_, path);
  ASSERT_TRUE(l.ok());
  for (int year : {2023, 2024, 2025}) {
    YearStatements ys = ComputeYear(*l, year);
    ASSERT_TRUE(CheckYear(*l, ys).ok()) << year;
    if (year == 2025) {
      for (Index f = 0; f < l->fund_count(); ++f) EXPECT_EQ(ys.funds[f].closing, l->FundTotal(f));
    }
    // Per dwelling, the columnar pass equals the single statement.
    for (Index d = 0; d < registry_.dwelling_count(); ++d) {
      EXPECT_EQ(ys.lines[d], StatementOf(*l, d, year)->line) << year << " " << d;
    }
  }
}

TEST_F(JournalTest, PublicationMasksOwnerNames) {
  EXPECT_EQ(MaskOwnerName("张三", OwnerKind::kPerson), "张*");
  EXPECT_EQ(MaskOwnerName("李四光", OwnerKind::kPerson), "李**");
  EXPECT_EQ(MaskOwnerName("吴", OwnerKind::kPerson), "*");
  EXPECT_EQ(MaskOwnerName("欧阳娜娜", OwnerKind::kPerson), "欧阳**");  // 复姓 kept
  EXPECT_EQ(MaskOwnerName("Smith", OwnerKind::kPerson), "S****");
  EXPECT_EQ(MaskOwnerName("某某房地产开发有限公司", OwnerKind::kDeveloper), "某某房地产开发有限公司");
  const std::string path = TempPath("pub.journal");
  WriteJournal(path);
  absl::StatusOr<Ledger> l = Ledger::Replay(registry_, path);
  ASSERT_TRUE(l.ok());
  std::ostringstream out;
  WritePublication(*l, ComputeYear(*l, 2025), out);
  const std::string s = out.str();
  EXPECT_THAT(s, HasSubstr("\"owner\":\"张*\""));
  EXPECT_THAT(s, HasSubstr("\"owner\":\"陈**\""));  // D-2 changed owner (art. 29)
  EXPECT_THAT(s, ::testing::Not(HasSubstr("张三")));
  EXPECT_THAT(s, ::testing::Not(HasSubstr("李四光")));
  EXPECT_THAT(s, HasSubstr("\"id\":\"U-roof\""));
  EXPECT_THAT(s, HasSubstr("\"rule\":\"civil_code_ordinary\""));
  std::ostringstream journal;
  WriteJournalJson(*l, journal);
  EXPECT_THAT(journal.str(), HasSubstr("\"account\":\"external:works\",\"amount\":\"10000.00\""));
  EXPECT_THAT(journal.str(), HasSubstr("\"kind\":\"owner_change\""));
}

}  // namespace
}  // namespace renewal
