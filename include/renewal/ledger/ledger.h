// The residential special maintenance fund ledger (住宅专项维修资金 分户账), BRIEF §6.
//
// Owners' money held for decades, kept like an accounting system:
//  - double entry: every transaction is a list of postings (account, fen) that sum to
//    zero to the fen; nothing is created or lost;
//  - append-only journal: balances are only ever changed by appending a transaction,
//    and replaying the journal from empty rebuilds every balance exactly;
//  - balance assertions (as in beancount) are journal entries that replay checks;
//  - fund sub-ledgers never go negative: a share a dwelling cannot cover becomes an
//    amount owed (a negative balance on its "owed" account), never a negative balance.
//
// Accounts (AccountLayout gives each a dense 32-bit id):
//  fund sub-ledgers (money in the fund's bank account, ≥ 0)
//    dwelling d         分户账, one per dwelling of the registry
//    selling_unit f     售房单位 (money from public-housing sales, Order 165 art. 8(2))
//    developer f        开发建设单位 (units not yet sold, art. 21)
//    public_income f    公共收益 (common-part income kept unallocated)
//  owed accounts (≤ 0; minus the balance is what the party owes)
//    dwelling_owed d, selling_unit_owed f, developer_owed f
//  external accounts (the world outside the fund; any sign)
//    owner_payments, selling_unit_payments, developer_payments, works, bank_interest,
//    common_part_income, government_subsidy, refunds
// where f is a fund: one per estate (property-management area) or one per building
// (LedgerOptions::fund_scope).
//
// Balances are columns (std::vector<int64_t> indexed by account id); each journal
// entry keeps its postings as two columns (account ids, amounts), moved in on commit.
// The durable journal file is described in docs/ledger.md (§4).
#ifndef RENEWAL_LEDGER_H_
#define RENEWAL_LEDGER_H_

#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "renewal/base/labels.h"
#include "renewal/ledger/ledger_policy.h"
#include "renewal/base/money.h"
#include "renewal/registry/registry.h"

namespace renewal {

namespace internal {
class JournalFile;

// Allocates with calloc, whose large blocks are fresh zero pages, and value-
// initialises arithmetic elements by doing nothing: a column resized once from
// empty costs no writes until it is used (a 38 M-dwelling ledger has 1.7 GB of
// such columns; a replay touches only the accounts in its journal). Resize only
// from empty: a shrink followed by a growth would not re-zero.
template <class T>
struct ZeroedAllocator {
  static_assert(std::is_arithmetic_v<T>);
  using value_type = T;
  ZeroedAllocator() = default;
  template <class U>
  ZeroedAllocator(const ZeroedAllocator<U>&) {}  // NOLINT: rebinding
  T* allocate(std::size_t n) {
    void* p = std::calloc(n == 0 ? 1 : n, sizeof(T));  // calloc(0) may return null
    if (p == nullptr) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t) { std::free(p); }
  template <class U>
  void construct(U*) noexcept {}  // already zero
  template <class U, class... A>
  void construct(U* p, A&&... a) {
    ::new (static_cast<void*>(p)) U(std::forward<A>(a)...);
  }
  template <class U>
  bool operator==(const ZeroedAllocator<U>&) const { return true; }
};
template <class T>
using ZeroedColumn = std::vector<T, ZeroedAllocator<T>>;
}  // namespace internal

enum class AccountKind : std::uint8_t {
  kDwelling, kSellingUnit, kDeveloper, kPublicIncome,       // fund sub-ledgers
  kDwellingOwed, kSellingUnitOwed, kDeveloperOwed,           // amounts owed
  kExternal
};
template <>
struct LabelTable<AccountKind> {
  static constexpr std::array<Label<AccountKind>, 8> kLabels{{
      {AccountKind::kDwelling, "dwelling", "分户账", "dwelling sub-ledger"},
      {AccountKind::kSellingUnit, "selling_unit", "售房单位", "selling unit sub-ledger"},
      {AccountKind::kDeveloper, "developer", "开发建设单位", "developer sub-ledger"},
      {AccountKind::kPublicIncome, "public_income", "公共收益", "public income sub-ledger"},
      {AccountKind::kDwellingOwed, "dwelling_owed", "业主欠缴", "owed by the dwelling's owner"},
      {AccountKind::kSellingUnitOwed, "selling_unit_owed", "售房单位欠缴", "owed by the selling unit"},
      {AccountKind::kDeveloperOwed, "developer_owed", "开发建设单位欠缴", "owed by the developer"},
      {AccountKind::kExternal, "external", "外部", "external"},
  }};
};

enum class ExternalAccount : std::uint8_t {
  kOwnerPayments, kSellingUnitPayments, kDeveloperPayments, kWorks, kBankInterest,
  kCommonPartIncome, kGovernmentSubsidy, kRefunds
};
template <>
struct LabelTable<ExternalAccount> {
  static constexpr std::array<Label<ExternalAccount>, 8> kLabels{{
      {ExternalAccount::kOwnerPayments, "owner_payments", "业主交存", "paid in by owners"},
      {ExternalAccount::kSellingUnitPayments, "selling_unit_payments", "售房单位交存", "paid in by selling units"},
      {ExternalAccount::kDeveloperPayments, "developer_payments", "开发建设单位交存", "paid in by developers"},
      {ExternalAccount::kWorks, "works", "维修工程", "paid out for works"},
      {ExternalAccount::kBankInterest, "bank_interest", "利息", "bank interest"},
      {ExternalAccount::kCommonPartIncome, "common_part_income", "共用部位经营收益", "common-part income"},
      {ExternalAccount::kGovernmentSubsidy, "government_subsidy", "财政补贴", "government subsidy"},
      {ExternalAccount::kRefunds, "refunds", "返还", "refunded"},
  }};
};
inline constexpr std::size_t kExternalAccountCount = LabelTable<ExternalAccount>::kLabels.size();

// Values are the journal's kind byte: new kinds are only ever appended.
enum class TxKind : std::uint8_t {
  kDeposit, kTopUp, kSellingUnitDeposit, kUse, kInterest, kIncome, kSubsidy, kOwnerChange,
  kRefund, kSettleOwed, kBalanceAssertion, kTransfer, kDeveloperSale
};
template <>
struct LabelTable<TxKind> {
  static constexpr std::array<Label<TxKind>, 13> kLabels{{
      {TxKind::kDeposit, "deposit", "首期交存", "first deposit"},
      {TxKind::kTopUp, "top_up", "续筹", "top-up"},
      {TxKind::kSellingUnitDeposit, "selling_unit_deposit", "售房单位交存", "selling unit deposit"},
      {TxKind::kUse, "use", "使用", "use for works"},
      {TxKind::kInterest, "interest", "利息", "interest"},
      {TxKind::kIncome, "income", "共用部位收益", "common-part income"},
      {TxKind::kSubsidy, "subsidy", "财政补贴", "subsidy"},
      {TxKind::kOwnerChange, "owner_change", "过户", "change of owner"},
      {TxKind::kRefund, "refund", "返还", "refund"},
      {TxKind::kSettleOwed, "settle_owed", "补缴欠款", "settlement of an amount owed"},
      {TxKind::kBalanceAssertion, "balance", "余额核对", "balance assertion"},
      {TxKind::kTransfer, "transfer", "转账", "transfer"},
      {TxKind::kDeveloperSale, "developer_sale", "开发建设单位售房过户", "sale of a developer-held unit"},
  }};
};

// Why a use is refused: Order 165 art. 25 lists what may not be paid from the fund.
enum class UseCategory : std::uint8_t {
  kCommonParts,           // repair, renewal, upgrading of common parts (allowed, art. 18)
  kWarranty,              // art. 25(1): owed by the developer or builder (保修期内)
  kUtilityPipelines,      // art. 25(2): water, power, gas, heating, telecom, cable units' own
  kDamageByPerson,        // art. 25(3): repair of damage caused by someone
  kPropertyCompanyDuty    // art. 25(4): owed by the property company under its contract
};
template <>
struct LabelTable<UseCategory> {
  static constexpr std::array<Label<UseCategory>, 5> kLabels{{
      {UseCategory::kCommonParts, "common_parts", "共用部位共用设施设备维修更新改造", "common parts"},
      {UseCategory::kWarranty, "warranty", "建设单位或施工单位应承担（保修）", "warranty work"},
      {UseCategory::kUtilityPipelines, "utility_pipelines", "专业经营单位管线设施", "utilities' own pipelines"},
      {UseCategory::kDamageByPerson, "damage_by_person", "人为损坏", "damage by one person"},
      {UseCategory::kPropertyCompanyDuty, "property_company_duty", "物业服务企业应承担", "owed by the property company"},
  }};
};

// Fund use vote rules (names shared with the votes module; ApprovalFromVote in
// ledger_vote.h turns a counted vote into a FundUseApproval).
inline constexpr std::string_view kRuleCivilCodeOrdinary = "civil_code_ordinary";
inline constexpr std::string_view kRuleWithoutAssembly = "order165_fund_use_without_assembly";

// The vote gate of a use. `rule` must be civil_code_ordinary where an owners'
// assembly exists and order165_fund_use_without_assembly where it does not; an
// emergency (Order 165 art. 24) needs `emergency` and a non-empty `reason` instead.
struct FundUseApproval {
  std::string vote_id;
  std::string rule;
  bool passed = false;
  bool emergency = false;
  std::string reason;
  bool operator==(const FundUseApproval&) const = default;
};

enum class FundScope : std::uint8_t { kEstate, kBuilding };

// Dense account numbering (see the file comment for the order).
class AccountLayout {
 public:
  AccountLayout() = default;
  AccountLayout(std::size_t dwellings, std::size_t funds) : n_(dwellings), f_(funds) {}
  std::uint32_t Id(AccountKind kind, std::uint32_t index) const;
  std::uint32_t External(ExternalAccount a) const {
    return Id(AccountKind::kExternal, static_cast<std::uint32_t>(a));
  }
  AccountKind KindOf(std::uint32_t id) const;
  std::uint32_t IndexOf(std::uint32_t id) const;
  std::size_t size() const { return 2 * n_ + 5 * f_ + kExternalAccountCount; }
  std::size_t dwellings() const { return n_; }
  std::size_t funds() const { return f_; }

 private:
  std::size_t n_ = 0, f_ = 0;
};

// One journal entry. For kBalanceAssertion, accounts/amounts are the expected
// balances (checked, not posted); for every other kind they are postings summing to 0.
struct Transaction {
  std::string id;    // unique; assigned ("T<seq>") when empty
  int date = 0;      // yyyymmdd; never earlier than the previous entry's
  TxKind kind = TxKind::kTransfer;
  std::string memo;
  std::string ref;   // subsidy: the use's id; owner change: the new owner
  FundUseApproval approval;  // uses; developer_sale: approval.reason says what moved and why
  bool renovation_contribution = false;  // uses: residents' renovation contribution (Ningbo)
  std::vector<std::uint32_t> accounts;
  std::vector<std::int64_t> amounts;
};

// Which dwellings a use, interest or income covers: a contiguous dwelling range.
enum class LedgerScopeKind : std::uint8_t { kAll, kEstate, kBuilding, kEntrance, kDwelling };
struct LedgerScope {
  LedgerScopeKind kind = LedgerScopeKind::kAll;
  Index index = 0;
};

enum class TopUpTarget : std::uint8_t {
  kFirstDeposit,     // back up to the first deposit
  kCurrentStandard   // up to the current policy's first deposit
};

struct LedgerOptions {
  FundScope fund_scope = FundScope::kEstate;
  // Order 165 art. 17: top up when the balance is below 30% of the first deposit.
  int top_up_threshold_pct = 30;
  TopUpTarget top_up_target = TopUpTarget::kFirstDeposit;
  // fdatasync after every committed record (durable); off only for bulk loads.
  bool sync = true;
  // Ledger::Open makes the journal file when it does not exist (else NotFound).
  bool create = true;
};

struct UseRequest {
  std::string id;
  int date = 0;
  LedgerScope scope;                     // estate, building or entrance
  Money amount;                    // the bill
  Facility facility = Facility::kRoof;
  UseCategory category = UseCategory::kCommonParts;
  FundUseApproval approval;
  // Whether an owners' assembly exists; when unset, the estate's owners_committee fact.
  std::optional<bool> owners_assembly;
  bool renovation_contribution = false;
  std::string memo;
};

// How a use was shared, aggregated (per-dwelling shares are in the journal).
struct UseResult {
  std::string tx_id;
  Money total;
  Money from_dwellings, from_selling_unit, from_developer;  // paid from the fund
  Money owed;                                               // new amounts owed
  std::size_t dwellings = 0;
  std::string rule;  // the gate that allowed it
};

enum class IncomeTarget : std::uint8_t { kByArea, kPublicIncome };

enum class CollectionStatus : std::uint8_t { kNoStandard, kUnpaid, kPartial, kComplete };
template <>
struct LabelTable<CollectionStatus> {
  static constexpr std::array<Label<CollectionStatus>, 4> kLabels{{
      {CollectionStatus::kNoStandard, "no_standard", "未定标准", "no standard applied"},
      {CollectionStatus::kUnpaid, "unpaid", "未交存", "unpaid"},
      {CollectionStatus::kPartial, "partial", "未交齐", "partly paid"},
      {CollectionStatus::kComplete, "complete", "已交齐", "complete"},
  }};
};

struct Arrear {
  Index dwelling;
  Money required, paid, missing;
};

struct TopUpNotice {
  Index dwelling;
  Money balance, first_deposit, amount_due;
  std::string reason;
};

// Result of opening a journal file.
struct OpenReport {
  std::size_t records = 0;        // whole records replayed (header included)
  std::size_t transactions = 0;
  std::uint64_t valid_bytes = 0;
  std::uint64_t torn_bytes = 0;   // an incomplete last record, cut off at the next write
  std::string message;            // what was found at the tail
};

class Ledger {
 public:
  // An in-memory ledger over `registry`, which must outlive it.
  static absl::StatusOr<Ledger> Create(const Registry& registry, LedgerOptions options = {});
  // Opens (or creates) the journal file at `path`, replays it and appends every
  // later transaction to it. A torn last record is reported and cut off; any
  // other damage is DataLoss.
  static absl::StatusOr<Ledger> Open(const Registry& registry, const std::string& path,
                                     LedgerOptions options = {}, OpenReport* report = nullptr);
  // Replays `path` read-only (no file kept open).
  static absl::StatusOr<Ledger> Replay(const Registry& registry, const std::string& path,
                                       LedgerOptions options = {}, OpenReport* report = nullptr);

  Ledger(Ledger&&) noexcept;
  Ledger& operator=(Ledger&&) noexcept;
  ~Ledger();

  const Registry& registry() const { return *registry_; }
  const AccountLayout& layout() const { return layout_; }
  const LedgerOptions& options() const { return options_; }

  std::size_t fund_count() const { return layout_.funds(); }
  Index FundOfDwelling(Index d) const { return fund_of_[d]; }
  std::string_view FundId(Index fund) const;
  // Dwelling range [first, first + count) of a scope; error naming the scope.
  absl::StatusOr<std::pair<Index, Index>> RangeOf(LedgerScope scope) const;
  std::string AccountName(std::uint32_t account) const;  // "dwelling D-1", "works", ...

  // Balances.
  Money Balance(std::uint32_t account) const;
  Money DwellingBalance(Index d) const { return Money::Fen(balance_[d]); }
  Money AmountOwed(Index d) const { return Money::Fen(-balance_[layout_.dwellings() + d]); }
  Money FundTotal(Index fund) const { return Money::Fen(fund_total_[fund]); }
  std::span<const std::int64_t> balances() const { return balance_; }  // by account id
  std::span<const std::int64_t> dwelling_balances() const {
    return std::span<const std::int64_t>(balance_).first(layout_.dwellings());
  }

  // The general entry point: checks, journals (if a file is open) and applies.
  // On any error nothing changes, in memory or on disk.
  absl::Status Post(Transaction tx);

  // Deposits (art. 7–8). Dwellings not yet sold by the developer are paid for by
  // the developer and held in its sub-ledger (art. 21).
  absl::Status Deposit(Index dwelling, Money amount, int date, std::string memo = {});
  absl::Status TopUp(Index dwelling, Money amount, int date, std::string memo = {});
  absl::Status SellingUnitDeposit(Index dwelling, Money amount, int date, std::string memo = {});
  absl::Status SettleOwed(Index dwelling, Money amount, int date);
  // A works bill shared by area over the scope's dwellings (art. 20), gated by the vote.
  absl::StatusOr<UseResult> Use(const UseRequest& request);
  // Interest credited pro rata to the balance of every sub-ledger in scope.
  absl::Status CreditInterest(LedgerScope scope, Money total, int date, std::string memo = {});
  // Common-part income (art. 28): by area over the scope, or to the public-income sub-ledger.
  absl::Status CreditIncome(LedgerScope scope, Money total, IncomeTarget target, int date,
                            std::string memo = {});
  // Ningbo: the government subsidises pct% of what the dwellings paid in use `use_tx_id`.
  absl::Status Subsidize(std::string_view use_tx_id, int pct, int date);
  // Art. 29: the balance stays with the dwelling; records the new owner. For a unit
  // the developer still holds, this is its sale (kDeveloperSale): the dwelling's
  // share of the developer sub-ledger moves to its own sub-ledger, pro rata to the
  // developer's deposits recorded for the units it holds in that fund (docs/ledger.md
  // §3), and from then on the dwelling is its owner's.
  absl::Status ChangeOwner(Index dwelling, std::string new_owner, int date);
  // Art. 30: the building was destroyed; balances go back to the owners (and, for a
  // per-building fund, the selling unit's and developer's balances to them).
  absl::Status Refund(Index building, int date);
  absl::Status AssertBalance(std::uint32_t account, Money expected, int date);

  // Policy: the required first deposit of every dwelling (not journaled).
  absl::Status ApplyPolicy(const DepositPolicy& policy);
  const std::optional<DepositPolicy>& policy() const { return policy_; }
  Money RequiredFirstDeposit(Index d) const { return Money::Fen(required_[d]); }
  Money FirstDepositPaid(Index d) const { return Money::Fen(first_paid_[d]); }
  Money OwnerDeposited(Index d) const { return Money::Fen(owner_deposited_[d]); }
  Money SellingUnitDeposited(Index d) const;
  CollectionStatus StatusOf(Index d) const;
  std::vector<Arrear> Arrears() const;
  std::vector<TopUpNotice> TopUpsDue() const;
  bool closed(Index d) const { return closed_[d] != 0; }
  // Whether the developer still holds dwelling d: registry sale state
  // developer_unsold, and no sale recorded in the journal.
  bool DeveloperHeld(Index d) const {
    return registry_->dwellings().sale_state[d] == SaleState::kDeveloperUnsold && !Sold(d);
  }
  bool Sold(Index d) const;  // a developer_sale of d is in the journal
  // The developer's deposits recorded for a unit it still holds (art. 21).
  Money DeveloperDeposited(Index d) const;

  // Journal in memory.
  std::size_t tx_count() const { return tx_.size(); }
  std::size_t posting_count() const { return posting_count_; }
  struct TxView {
    const Transaction* meta;  // meta->accounts/amounts are the same as the spans
    std::span<const std::uint32_t> accounts;
    std::span<const std::int64_t> amounts;
  };
  TxView tx(std::size_t i) const;
  std::optional<std::size_t> FindTx(std::string_view id) const;

  // Sum zero per transaction, fund sub-ledgers ≥ 0, owed ≤ 0, fund totals equal
  // the sum of their sub-ledgers, balances equal a replay of the in-memory journal.
  absl::Status CheckInvariants() const;

  // Bytes of the journal file (0 when in memory).
  std::uint64_t journal_bytes() const;

 private:
  Ledger();
  absl::Status Init(const Registry& registry, LedgerOptions options);
  absl::Status CheckDwelling(Index d, std::string_view what) const;
  absl::Status CheckDate(int date, std::string_view what) const;
  absl::Status CheckStructure(const Transaction& tx) const;
  // Applies postings; on a sign or overflow violation undoes them and fails.
  absl::Status ApplyPostings(const Transaction& tx);
  void UndoPostings(const Transaction& tx, std::size_t applied);
  bool AddToFundTotal(std::uint32_t account, std::int64_t amount);  // false: left int64
  void SideEffects(const Transaction& tx);
  void Record(Transaction tx);
  // CheckStructure, ApplyPostings, append to the journal file (if open), Record.
  // On any error nothing changes.
  absl::Status Commit(Transaction tx);
  std::string NextId();
  friend struct LedgerFileAccess;

  const Registry* registry_ = nullptr;
  LedgerOptions options_;
  AccountLayout layout_;
  std::vector<Index> fund_of_;           // by dwelling
  internal::ZeroedColumn<std::int64_t> balance_;  // by account id
  std::vector<std::int64_t> fund_total_; // by fund: the fund's bank account (专户)
  internal::ZeroedColumn<std::int64_t> required_;   // by dwelling: first deposit (policy)
  internal::ZeroedColumn<std::int64_t> first_paid_; // by dwelling: sum of first deposits
  internal::ZeroedColumn<std::int64_t> owner_deposited_;  // by dwelling: deposits + top-ups
  internal::ZeroedColumn<std::uint8_t> closed_;     // by dwelling: refunded (building destroyed)
  std::optional<DepositPolicy> policy_;
  // In-memory journal.
  // Each transaction keeps its own posting columns: committing moves them in, no copy;
  // a deque never relocates the transactions.
  std::deque<Transaction> tx_;
  std::size_t posting_count_ = 0;
  int last_date_ = 0;
  std::uint64_t next_seq_ = 1;
  struct Maps;  // tx ids, subsidised uses, selling-unit deposits, scratch columns
  std::unique_ptr<Maps> maps_;
  std::unique_ptr<internal::JournalFile> file_;  // the open journal, if any
};

// Parses "2025-03-31" or "20250331" into yyyymmdd; InvalidArgument otherwise.
absl::StatusOr<int> ParseLedgerDate(std::string_view text);
std::string FormatLedgerDate(int yyyymmdd);  // "2025-03-31"

}  // namespace renewal

#endif  // RENEWAL_LEDGER_H_
