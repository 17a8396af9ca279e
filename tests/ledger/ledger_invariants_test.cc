// Issue §8: random journals keep every invariant and replay to the same state; bad
// input changes nothing, in memory or in the journal file.
#include <filesystem>
#include <random>
#include <string>
#include <vector>

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
using ::renewal::testing::kD4;
using ::renewal::testing::kD6;
using ::renewal::testing::PassedVote;
using ::renewal::testing::ReadBytes;
using ::renewal::testing::SmallRegistry;
using ::renewal::testing::TempJournal;
using ::renewal::testing::Yuan;
using ::testing::HasSubstr;

// Everything an operation may change: balances, journal length and the per-dwelling
// state that side effects keep (deposits recorded, sales, refunds).
struct State {
  std::vector<std::int64_t> balances;
  std::size_t txs = 0;
  std::vector<std::int64_t> first_paid, owner_deposited, su_deposited, developer_deposited;
  std::vector<bool> developer_held, closed;
  bool operator==(const State&) const = default;
};
State StateOf(const Ledger& l) {
  State s;
  s.balances.assign(l.balances().begin(), l.balances().end());
  s.txs = l.tx_count();
  for (Index d = 0; d < l.layout().dwellings(); ++d) {
    s.first_paid.push_back(l.FirstDepositPaid(d).fen());
    s.owner_deposited.push_back(l.OwnerDeposited(d).fen());
    s.su_deposited.push_back(l.SellingUnitDeposited(d).fen());
    s.developer_deposited.push_back(l.DeveloperDeposited(d).fen());
    s.developer_held.push_back(l.DeveloperHeld(d));
    s.closed.push_back(l.closed(d));
  }
  return s;
}

// Valid dates in order: 28 a month, 2024-01-01 on.
int DateOf(int k) { return (2024 + k / 336) * 10000 + (k / 28 % 12 + 1) * 100 + k % 28 + 1; }

TEST(LedgerInvariants, RandomJournalsKeepEveryInvariantAndReplayEqual) {
  const Registry registry = SmallRegistry();
  for (FundScope scope : {FundScope::kEstate, FundScope::kBuilding}) {
    SCOPED_TRACE(scope == FundScope::kEstate ? "estate funds" : "building funds");
    const std::string path = TempJournal(scope == FundScope::kEstate ? "rand_e" : "rand_b");
    LedgerOptions o;
    o.sync = false;
    o.fund_scope = scope;
    absl::StatusOr<Ledger> opened = Ledger::Open(registry, path, o);
    ASSERT_TRUE(opened.ok()) << opened.status();
    Ledger& l = *opened;
    const AccountLayout& a = l.layout();
    const auto n = static_cast<Index>(registry.dwelling_count());
    std::mt19937_64 rng(scope == FundScope::kEstate ? 42 : 43);
    auto fen = [&](std::uint64_t below) { return Money::Fen(static_cast<std::int64_t>(rng() % below)); };
    int day = 0, ok = 0, refused = 0;
    for (int step = 0; step < 700; ++step) {
      if (rng() % 6 == 0) ++day;
      const int date = DateOf(day);
      const Index d = static_cast<Index>(rng() % n);
      const State before = StateOf(l);
      const std::uint64_t bytes = l.journal_bytes();
      absl::Status s;
      switch (rng() % 14) {
        case 0: case 1: s = l.Deposit(d, fen(500000), date); break;
        case 2: s = l.TopUp(d, fen(50000), date); break;
        case 3: s = l.SellingUnitDeposit(d, fen(90000), date); break;
        case 4: {
          UseRequest q;
          q.date = date;
          q.scope = {LedgerScopeKind::kBuilding, static_cast<Index>(rng() % 4)};
          q.amount = fen(2000000);
          q.approval = PassedVote(q.scope.index >= kB3 ? kRuleWithoutAssembly : kRuleCivilCodeOrdinary);
          if (rng() % 8 == 0) q.approval.passed = false;               // refused
          if (rng() % 10 == 0) q.category = UseCategory::kWarranty;   // refused (art. 25)
          q.renovation_contribution = rng() % 2;
          s = l.Use(q).status();
          break;
        }
        case 5: {
          const LedgerScope scopes[] = {{LedgerScopeKind::kAll, 0}, {LedgerScopeKind::kEstate, 0},
                                        {LedgerScopeKind::kBuilding, static_cast<Index>(rng() % 4)}};
          s = l.CreditInterest(scopes[rng() % 3], fen(10000), date);
          break;
        }
        case 6:
          s = l.CreditIncome({LedgerScopeKind::kBuilding, static_cast<Index>(rng() % 4)}, fen(10000),
                             rng() % 2 ? IncomeTarget::kByArea : IncomeTarget::kPublicIncome, date);
          break;
        case 7:
          s = l.SettleOwed(d, Money::Fen(std::min<std::int64_t>(l.AmountOwed(d).fen(), 1000) +
                                         (rng() % 5 == 0 ? 1 : 0)), date);
          break;
        case 8: {  // a use (perhaps not a contribution, perhaps subsidised already), or none
          std::vector<std::string> uses{"none"};
          for (std::size_t t = 0; t < l.tx_count(); ++t) {
            if (l.tx(t).meta->kind == TxKind::kUse) uses.push_back(l.tx(t).meta->id);
          }
          s = l.Subsidize(uses[rng() % uses.size()], 50, date);
          break;
        }
        case 9: {  // a transfer between two sub-ledgers; sometimes unbalanced or overdrawn
          Transaction tx;
          tx.date = date;
          const Index e = static_cast<Index>(rng() % n);
          const std::int64_t v = fen(20000).fen();
          tx.accounts = {d, e};
          tx.amounts = {-v, v + (rng() % 6 == 0 ? 1 : 0)};
          s = l.Post(std::move(tx));
          break;
        }
        case 10: {  // a balance assertion, right or one fen off
          const std::uint32_t acct = static_cast<std::uint32_t>(rng() % a.size());
          s = l.AssertBalance(acct, Money::Fen(l.Balance(acct).fen() + (rng() % 2 ? 0 : 1)), date);
          break;
        }
        case 11:  // of D-6, held by the developer, the first is its sale
          s = l.ChangeOwner(rng() % 3 == 0 ? kD6 : d, rng() % 4 ? "新业主" : "", date);
          break;
        case 12:  // late in the journal: a refunded building refuses most later entries
          if (step > 560 && rng() % 3 == 0) s = l.Refund(static_cast<Index>(rng() % 4), date);
          break;
        case 13: s = l.Deposit(d, fen(500000), date - 1); break;  // sometimes back-dated
      }
      if (s.ok()) {
        ++ok;
      } else {
        ++refused;
        ASSERT_TRUE(StateOf(l) == before) << "step " << step << ": " << s;
        ASSERT_EQ(l.journal_bytes(), bytes) << step;
      }
      ASSERT_EQ(std::filesystem::file_size(path), l.journal_bytes()) << step;
      ASSERT_TRUE(l.CheckInvariants().ok()) << "step " << step << ": " << l.CheckInvariants();
    }
    EXPECT_GT(ok, 250);
    EXPECT_GT(refused, 80);
    // Every kind of entry is in the journal at least once.
    std::vector<int> kinds(LabelCount<TxKind>(), 0);
    for (std::size_t t = 0; t < l.tx_count(); ++t) ++kinds[static_cast<std::size_t>(l.tx(t).meta->kind)];
    for (std::size_t k = 0; k < kinds.size(); ++k) {
      EXPECT_GT(kinds[k], 0) << KeyOf(static_cast<TxKind>(k));
    }
    // The file replays to the same state; every year's statements close on the fund.
    absl::StatusOr<Ledger> again = Ledger::Replay(registry, path, o);
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_TRUE(StateOf(*again) == StateOf(l));
    EXPECT_EQ(again->posting_count(), l.posting_count());
    for (int year = 2024; year <= DateOf(day) / 10000; ++year) {
      EXPECT_TRUE(CheckYear(*again, ComputeYear(*again, year)).ok()) << year;
    }
  }
}

TEST(LedgerInvariants, BadInputLeavesTheJournalFileUnchanged) {
  // Issue §8: unbalanced transaction, unknown dwelling, use without a passed vote,
  // excluded use — each a clear error naming the record and field, and not one byte
  // of the journal changes.
  const Registry registry = SmallRegistry();
  const std::string path = TempJournal("bad_input");
  LedgerOptions o;
  o.sync = false;
  absl::StatusOr<Ledger> opened = Ledger::Open(registry, path, o);
  ASSERT_TRUE(opened.ok()) << opened.status();
  Ledger& l = *opened;
  for (Index d : {kD1, kD2}) ASSERT_TRUE(l.Deposit(d, Yuan(5000), 20250301).ok());
  const std::string bytes = ReadBytes(path);
  const State before = StateOf(l);
  auto expect = [&](const absl::Status& s, absl::StatusCode code, std::string_view text) {
    EXPECT_EQ(s.code(), code) << s;
    EXPECT_THAT(s.message(), HasSubstr(text));
    EXPECT_EQ(ReadBytes(path), bytes) << s;
    EXPECT_TRUE(StateOf(l) == before) << s;
  };
  Transaction tx;
  tx.id = "X-1";
  tx.date = 20250301;
  tx.accounts = {kD1, kD2};
  tx.amounts = {-100, 99};
  expect(l.Post(tx), absl::StatusCode::kInvalidArgument,
         "transaction \"X-1\" postings: do not sum to zero (off by -1 fen)");
  expect(l.Deposit(99, Yuan(1), 20250301), absl::StatusCode::kNotFound,
         "deposit dwelling: no dwelling with index 99");
  UseRequest q;
  q.id = "U-1";
  q.date = 20250301;
  q.scope = {LedgerScopeKind::kBuilding, kB1};
  q.amount = Yuan(100);
  q.approval = PassedVote();
  q.approval.passed = false;
  expect(l.Use(q).status(), absl::StatusCode::kFailedPrecondition,
         "use \"U-1\" approval: vote \"V-1\" did not pass");
  q.approval.passed = true;
  q.category = UseCategory::kUtilityPipelines;
  expect(l.Use(q).status(), absl::StatusCode::kFailedPrecondition,
         "use \"U-1\" category utility_pipelines: refused; Order 165 art. 25(2)");
  // A sub-ledger is never overdrawn by a transfer; a back-dated entry is refused.
  tx.amounts = {-500001, 500001};
  expect(l.Post(tx), absl::StatusCode::kFailedPrecondition, "dwelling D-1\": would leave -0.01");
  expect(l.Deposit(kD4, Yuan(1), 20250228), absl::StatusCode::kInvalidArgument, "append-only");
  // The file still replays to the state before the bad inputs.
  absl::StatusOr<Ledger> again = Ledger::Replay(registry, path, o);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(StateOf(*again) == before);
}

TEST(LedgerInvariants, UseNeedsTheAssemblyStatus) {
  // Order 165 / Civil Code: the vote rule depends on whether an owners' assembly
  // exists; an estate that was not surveyed for it cannot have a use approved
  // unless the request says so (or it is an emergency, art. 24).
  RegistryBuilder b(2025);
  ASSERT_TRUE(b.AddDistrict({"DI", "District"}).ok());
  ASSERT_TRUE(b.AddOwner("O", "张三", OwnerKind::kPerson).ok());
  Estate e;
  e.id = "E-unknown";  // owners_committee not surveyed
  ASSERT_TRUE(b.BeginEstate(e, "DI", "").ok());
  Building bl;
  bl.id = "B";
  ASSERT_TRUE(b.AddBuilding(bl).ok());
  ASSERT_TRUE(b.AddEntrance("1").ok());
  const std::string_view owners[] = {"O"};
  DwellingRecord r;
  r.id = "H-1";
  r.area_centi = 5000;
  r.owner_ids = owners;
  ASSERT_TRUE(b.AddDwelling(r).ok());
  ASSERT_TRUE(b.EndEstate().ok());
  const Registry registry = *std::move(b).Finish();
  Ledger l = *Ledger::Create(registry);
  ASSERT_TRUE(l.Deposit(0, Yuan(100), 20250301).ok());
  UseRequest q;
  q.id = "U-1";
  q.date = 20250301;
  q.scope = {LedgerScopeKind::kEstate, 0};
  q.amount = Yuan(10);
  q.approval = PassedVote();
  absl::StatusOr<UseResult> u = l.Use(q);
  EXPECT_EQ(u.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(u.status().message(),
              HasSubstr("owners_assembly: not given and estate \"E-unknown\" owners_committee was "
                        "not surveyed"));
  EXPECT_EQ(l.tx_count(), 1u);
  q.owners_assembly = false;  // no assembly: the Order 165 rule
  EXPECT_FALSE(l.Use(q).ok());
  q.approval.rule = std::string(kRuleWithoutAssembly);
  ASSERT_TRUE(l.Use(q).ok());
  EXPECT_EQ(l.DwellingBalance(0), Yuan(90));
}

}  // namespace
}  // namespace renewal
