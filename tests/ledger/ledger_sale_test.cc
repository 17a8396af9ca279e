// The sale of developer-held units (Order 165 arts. 21, 29): what moves from the
// developer sub-ledger to the dwelling's, worked out by hand.
#include <filesystem>
#include <sstream>
#include <string>
#include <tuple>
#include <unistd.h>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "ledger_test_util.h"
#include "renewal/ledger/ledger.h"
#include "renewal/ledger/ledger_statement.h"

namespace renewal {
namespace {

using ::renewal::testing::PassedVote;
using ::renewal::testing::Yuan;
using ::testing::HasSubstr;

// Estate E9 (owners' committee), building B9 with an elevator, one entrance:
// S-1 60 m² owned; S-2 80 m² and S-3 100 m² still held by the developer.
Registry SaleRegistry() {
  RegistryBuilder b(2025);
  auto ok = [](const absl::Status& s) { EXPECT_TRUE(s.ok()) << s; };
  ok(b.AddDistrict({"DI", "District"}));
  ok(b.AddOwner("O-1", "张三", OwnerKind::kPerson));
  ok(b.AddOwner("O-D", "某某房地产开发有限公司", OwnerKind::kDeveloper));
  Estate e;
  e.id = "E9";
  e.facts.owners_committee = true;
  ok(b.BeginEstate(e, "DI", ""));
  Building bl;
  bl.id = "B9";
  bl.floors = 6;
  bl.has_elevator = true;
  ok(b.AddBuilding(bl));
  ok(b.AddEntrance("1"));
  for (auto [id, centi, sale, owner] :
       {std::tuple{"S-1", 6000, SaleState::kOwned, "O-1"},
        std::tuple{"S-2", 8000, SaleState::kDeveloperUnsold, "O-D"},
        std::tuple{"S-3", 10000, SaleState::kDeveloperUnsold, "O-D"}}) {
    const std::string_view owners[] = {owner};
    DwellingRecord r;
    r.id = id;
    r.area_centi = centi;
    r.sale_state = sale;
    r.owner_ids = owners;
    ok(b.AddDwelling(r));
  }
  ok(b.EndEstate());
  return *std::move(b).Finish();
}

constexpr Index kS1 = 0, kS2 = 1, kS3 = 2;

UseRequest Roof(Money amount, int date) {
  UseRequest q;
  q.date = date;
  q.scope = {LedgerScopeKind::kBuilding, 0};
  q.amount = amount;
  q.approval = PassedVote();
  return q;
}

TEST(DeveloperSale, TheUnitTakesItsShareOfTheDeveloperPool) {
  const Registry registry = SaleRegistry();
  const std::string path = ::testing::TempDir() + "renewal_ledger_sale_" +
                           std::to_string(::getpid()) + ".journal";
  std::filesystem::remove(path);
  LedgerOptions o;
  o.sync = false;
  absl::StatusOr<Ledger> opened = Ledger::Open(registry, path, o);
  ASSERT_TRUE(opened.ok()) << opened.status();
  Ledger& l = *opened;
  const std::uint32_t pool = l.layout().Id(AccountKind::kDeveloper, 0);
  // seed 000 (Liuyang 5.6), elevator: 60 yuan/m² → 3,600 / 4,800 / 6,000. Art. 21:
  // the developer pays for S-2 and S-3 into its sub-ledger: 10,800.00.
  ASSERT_TRUE(l.Deposit(kS1, Yuan(3600), 20250110).ok());
  ASSERT_TRUE(l.Deposit(kS2, Yuan(4800), 20250110).ok());
  ASSERT_TRUE(l.Deposit(kS3, Yuan(6000), 20250110).ok());
  EXPECT_EQ(l.Balance(pool), Yuan(10800));
  EXPECT_EQ(l.DeveloperDeposited(kS2), Yuan(4800));
  // Art. 20/21: a 2,400.00 roof over 60/80/100 m² → 600 / 800 / 1,000; the
  // developer pays the unsold units' 1,800.00 from its pool → 9,000.00.
  ASSERT_TRUE(l.Use(Roof(Yuan(2400), 20250301)).ok());
  EXPECT_EQ(l.Balance(pool), Yuan(9000));

  // S-2 is sold: 9,000.00 × 4,800 / 10,800 = 4,000.00 moves to its sub-ledger —
  // the 4,800.00 deposited for it less its 800.00 share of the roof (art. 29).
  ASSERT_TRUE(l.ChangeOwner(kS2, "林十二", 20250401).ok());
  EXPECT_EQ(l.DwellingBalance(kS2), Yuan(4000));
  EXPECT_EQ(l.Balance(pool), Yuan(5000));
  EXPECT_FALSE(l.DeveloperHeld(kS2));
  EXPECT_TRUE(l.Sold(kS2));
  EXPECT_TRUE(l.DeveloperHeld(kS3));
  const Ledger::TxView sale = l.tx(l.tx_count() - 1);
  EXPECT_EQ(sale.meta->kind, TxKind::kDeveloperSale);
  EXPECT_EQ(sale.meta->memo, "林十二");
  EXPECT_THAT(sale.meta->approval.reason,
              HasSubstr("holds 9000.00 for units with 10800.00 of recorded developer deposits; "
                        "this unit's 4800.00 takes 4000.00"));
  EXPECT_EQ(l.FundTotal(0), Yuan(3600 - 600 + 4000 + 5000));  // nothing created or lost

  // From the sale on, S-2 is its owner's: its deposits and shares are its own.
  ASSERT_TRUE(l.Deposit(kS2, Yuan(100), 20250402).ok());
  EXPECT_EQ(l.DwellingBalance(kS2), Yuan(4100));
  EXPECT_EQ(l.Balance(pool), Yuan(5000));
  ASSERT_TRUE(l.TopUp(kS2, Yuan(1), 20250402).ok());  // S-3, still held, may not top up
  EXPECT_EQ(l.TopUp(kS3, Yuan(1), 20250402).code(), absl::StatusCode::kFailedPrecondition);
  // 240.00 over 60/80/100 → 60 / 80 / 100: S-2 pays 80.00 itself, the pool 100.00 for S-3.
  ASSERT_TRUE(l.Use(Roof(Yuan(240), 20250501)).ok());
  EXPECT_EQ(l.DwellingBalance(kS2), Yuan(4101 - 80));
  EXPECT_EQ(l.Balance(pool), Yuan(4900));

  // The last unit takes what is left: 4,900.00 × 6,000 / 6,000 (= 6,000 − 1,000 − 100).
  ASSERT_TRUE(l.ChangeOwner(kS3, "周十三", 20250601).ok());
  EXPECT_EQ(l.DwellingBalance(kS3), Yuan(4900));
  EXPECT_EQ(l.Balance(pool), Money());
  // A later change of owner is an ordinary one: nothing posted.
  const std::size_t postings = l.posting_count();
  ASSERT_TRUE(l.ChangeOwner(kS2, "吴十四", 20250701).ok());
  EXPECT_EQ(l.tx(l.tx_count() - 1).meta->kind, TxKind::kOwnerChange);
  EXPECT_EQ(l.posting_count(), postings);
  ASSERT_TRUE(l.CheckInvariants().ok());

  // The statement shows the move in; the publication shows the last owner, masked.
  absl::StatusOr<DwellingStatement> s = StatementOf(l, kS2, 2025);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->line.transfers, Yuan(4000));
  EXPECT_EQ(s->line.closing, l.DwellingBalance(kS2));
  std::ostringstream pub;
  WritePublication(l, ComputeYear(l, 2025), pub);
  EXPECT_THAT(pub.str(), HasSubstr("{\"dwelling\":\"S-2\",\"owner\":\"吴**\""));
  EXPECT_THAT(pub.str(), HasSubstr("{\"dwelling\":\"S-3\",\"owner\":\"周**\""));
  std::ostringstream journal;
  WriteJournalJson(l, journal);
  EXPECT_THAT(journal.str(), HasSubstr("\"kind\":\"developer_sale\""));

  // The replay rebuilds the balances and who holds what.
  const std::vector<std::int64_t> balances(l.balances().begin(), l.balances().end());
  { Ledger closed = *std::move(opened); }
  absl::StatusOr<Ledger> again = Ledger::Replay(registry, path);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(std::vector<std::int64_t>(again->balances().begin(), again->balances().end()),
            balances);
  EXPECT_TRUE(again->Sold(kS2) && again->Sold(kS3));
  EXPECT_FALSE(again->DeveloperHeld(kS3));
  std::filesystem::remove(path);
}

TEST(DeveloperSale, AUnitWithoutDepositsMovesNothingButIsSold) {
  // D-6 is developer-held and nothing was deposited for it: the sale posts nothing,
  // and the owner's first deposit then goes to the dwelling, not the developer.
  const Registry registry = ::renewal::testing::SmallRegistry();
  Ledger l = *Ledger::Create(registry);
  constexpr Index kD6 = ::renewal::testing::kD6;
  ASSERT_TRUE(l.Deposit(::renewal::testing::kD4, Yuan(1000), 20250101).ok());
  ASSERT_TRUE(l.ChangeOwner(kD6, "钱七", 20250102).ok());
  EXPECT_EQ(l.tx(1).meta->kind, TxKind::kDeveloperSale);
  EXPECT_TRUE(l.tx(1).accounts.empty());
  ASSERT_TRUE(l.Deposit(kD6, Yuan(2400), 20250103).ok());
  EXPECT_EQ(l.DwellingBalance(kD6), Yuan(2400));
  EXPECT_EQ(l.Balance(l.layout().Id(AccountKind::kDeveloper, 0)), Money());
  absl::StatusOr<DwellingStatement> s = StatementOf(l, kD6, 2025);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->entries.size(), 2u);  // the sale (0.00) and the deposit
  EXPECT_EQ(s->entries[0].kind, TxKind::kDeveloperSale);
  // Bad input changes nothing: no owner, unknown dwelling.
  const std::size_t txs = l.tx_count();
  EXPECT_EQ(l.ChangeOwner(kD6, "", 20250104).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(l.ChangeOwner(99, "某", 20250104).code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(l.tx_count(), txs);
  EXPECT_TRUE(l.CheckInvariants().ok());
}

}  // namespace
}  // namespace renewal
