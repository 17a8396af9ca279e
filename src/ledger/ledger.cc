// Core of the maintenance fund ledger: accounts, the posting engine, invariants.
#include "renewal/ledger/ledger.h"

#include <algorithm>
#include <limits>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/numeric/int128.h"
#include "ledger_internal.h"
#include "absl/strings/escaping.h"
#include "renewal/base/ids.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"

namespace renewal {


// ---------------------------------------------------------------------------
std::uint32_t AccountLayout::Id(AccountKind kind, std::uint32_t index) const {
  const auto n = static_cast<std::uint32_t>(n_);
  const auto f = static_cast<std::uint32_t>(f_);
  switch (kind) {
    case AccountKind::kDwelling: return index;
    case AccountKind::kDwellingOwed: return n + index;
    case AccountKind::kSellingUnit: return 2 * n + index;
    case AccountKind::kDeveloper: return 2 * n + f + index;
    case AccountKind::kPublicIncome: return 2 * n + 2 * f + index;
    case AccountKind::kSellingUnitOwed: return 2 * n + 3 * f + index;
    case AccountKind::kDeveloperOwed: return 2 * n + 4 * f + index;
    case AccountKind::kExternal: return 2 * n + 5 * f + index;
  }
  return UINT32_MAX;
}

AccountKind AccountLayout::KindOf(std::uint32_t id) const {
  const std::uint64_t i = id;
  if (i < n_) return AccountKind::kDwelling;
  if (i < 2 * n_) return AccountKind::kDwellingOwed;
  const std::uint64_t r = i - 2 * n_;
  if (r < f_) return AccountKind::kSellingUnit;
  if (r < 2 * f_) return AccountKind::kDeveloper;
  if (r < 3 * f_) return AccountKind::kPublicIncome;
  if (r < 4 * f_) return AccountKind::kSellingUnitOwed;
  if (r < 5 * f_) return AccountKind::kDeveloperOwed;
  return AccountKind::kExternal;
}

std::uint32_t AccountLayout::IndexOf(std::uint32_t id) const {
  const std::uint64_t i = id;
  if (i < n_) return id;
  if (i < 2 * n_) return static_cast<std::uint32_t>(i - n_);
  const std::uint64_t r = i - 2 * n_;
  if (r < 5 * f_) return static_cast<std::uint32_t>(r % f_);
  return static_cast<std::uint32_t>(r - 5 * f_);
}

namespace {

bool IsFundSubLedger(AccountKind k) {
  return k == AccountKind::kDwelling || k == AccountKind::kSellingUnit ||
         k == AccountKind::kDeveloper || k == AccountKind::kPublicIncome;
}
bool IsOwed(AccountKind k) {
  return k == AccountKind::kDwellingOwed || k == AccountKind::kSellingUnitOwed ||
         k == AccountKind::kDeveloperOwed;
}

bool ValidDate(int d) {
  const int y = d / 10000, m = d / 100 % 100, day = d % 100;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && day == 29 && !leap);
}

}  // namespace

absl::StatusOr<int> ParseLedgerDate(std::string_view text) {
  std::string digits;
  bool stray = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
    else if (c != '-') stray = true;
  }
  const bool shape = !stray && ((text.size() == 10 && text[4] == '-' && text[7] == '-') ||
                                text.size() == 8);
  int value = 0;
  if (shape && digits.size() == 8) {
    for (char c : digits) value = value * 10 + (c - '0');
  }
  if (!shape || digits.size() != 8 || !ValidDate(value)) {
    return absl::InvalidArgumentError(
        StrCat("date: expected YYYY-MM-DD, got \"", text, "\""));
  }
  return value;
}

std::string FormatLedgerDate(int d) {
  std::string s = StrCat(d / 10000, "-", d / 1000 % 10, d / 100 % 10, "-", d / 10 % 10, d % 10);
  return s;
}

// ---------------------------------------------------------------------------
Ledger::Ledger() : maps_(std::make_unique<Maps>()) {}
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;
Ledger::~Ledger() = default;

absl::Status Ledger::Init(const Registry& registry, LedgerOptions options) {
  if (options.top_up_threshold_pct < 0 || options.top_up_threshold_pct > 100) {
    return absl::InvalidArgumentError(StrCat("ledger options top_up_threshold_pct: must be 0..100, got ",
                                             options.top_up_threshold_pct));
  }
  registry_ = &registry;
  options_ = options;
  const std::size_t n = registry.dwelling_count();
  const std::size_t f = options.fund_scope == FundScope::kEstate ? registry.estate_count()
                                                                 : registry.building_count();
  if (2 * n + 5 * f + kExternalAccountCount >= UINT32_MAX) {
    return absl::ResourceExhaustedError("ledger: too many accounts for 32-bit ids");
  }
  layout_ = AccountLayout(n, f);
  fund_of_.resize(n);
  for (Index b = 0; b < registry.building_count(); ++b) {
    const auto [first, count] = registry.DwellingRangeOfBuilding(b);
    const Index fund = options.fund_scope == FundScope::kEstate ? registry.building(b).estate : b;
    std::fill(fund_of_.begin() + first, fund_of_.begin() + first + count, fund);
  }
  // Zero columns from empty (see ZeroedAllocator): Init runs once per ledger.
  balance_.resize(layout_.size());
  fund_total_.assign(f, 0);
  required_.resize(n);
  first_paid_.resize(n);
  owner_deposited_.resize(n);
  closed_.resize(n);
  return absl::OkStatus();
}

absl::StatusOr<Ledger> Ledger::Create(const Registry& registry, LedgerOptions options) {
  Ledger l;
  RENEWAL_RETURN_IF_ERROR(l.Init(registry, options));
  return l;
}

std::string_view Ledger::FundId(Index fund) const {
  return options_.fund_scope == FundScope::kEstate ? std::string_view(registry_->estate(fund).id)
                                                   : std::string_view(registry_->building(fund).id);
}

std::string Ledger::AccountName(std::uint32_t account) const {
  if (account >= layout_.size()) return StrCat("account #", account);
  const AccountKind k = layout_.KindOf(account);
  const std::uint32_t i = layout_.IndexOf(account);
  switch (k) {
    case AccountKind::kDwelling:
    case AccountKind::kDwellingOwed:
      return StrCat(KeyOf(k), " ", registry_->dwelling(i).id);
    case AccountKind::kExternal:
      return std::string(KeyOf(static_cast<ExternalAccount>(i)));
    default:
      return StrCat(KeyOf(k), " ", FundId(i));
  }
}

absl::StatusOr<std::pair<Index, Index>> Ledger::RangeOf(LedgerScope scope) const {
  const Registry& r = *registry_;
  switch (scope.kind) {
    case LedgerScopeKind::kAll:
      return std::pair<Index, Index>{0, static_cast<Index>(r.dwelling_count())};
    case LedgerScopeKind::kEstate:
      if (scope.index >= r.estate_count()) break;
      return r.DwellingRangeOfEstate(scope.index);
    case LedgerScopeKind::kBuilding:
      if (scope.index >= r.building_count()) break;
      return r.DwellingRangeOfBuilding(scope.index);
    case LedgerScopeKind::kEntrance:
      if (scope.index >= r.entrance_count()) break;
      return std::pair<Index, Index>{r.entrance(scope.index).first_dwelling,
                                     r.entrance(scope.index).dwelling_count};
    case LedgerScopeKind::kDwelling:
      if (scope.index >= r.dwelling_count()) break;
      return std::pair<Index, Index>{scope.index, 1};
  }
  return absl::NotFoundError(StrCat("scope: no ", static_cast<int>(scope.kind) == 1 ? "estate"
                                    : static_cast<int>(scope.kind) == 2 ? "building"
                                    : static_cast<int>(scope.kind) == 3 ? "entrance" : "dwelling",
                                    " with index ", scope.index));
}

Money Ledger::Balance(std::uint32_t account) const {
  return account < balance_.size() ? Money::Fen(balance_[account]) : Money();
}

bool Ledger::Sold(Index d) const { return maps_->sold.contains(d); }

Money Ledger::DeveloperDeposited(Index d) const {
  auto it = maps_->developer_deposited.find(d);
  return Money::Fen(it == maps_->developer_deposited.end() ? 0 : it->second);
}

Money Ledger::SellingUnitDeposited(Index d) const {
  auto it = maps_->su_deposited.find(d);
  return Money::Fen(it == maps_->su_deposited.end() ? 0 : it->second);
}

std::uint64_t Ledger::journal_bytes() const { return file_ ? file_->size() : 0; }

Ledger::TxView Ledger::tx(std::size_t i) const {
  const Transaction& t = tx_[i];
  return TxView{&t, t.accounts, t.amounts};
}

std::optional<std::size_t> Ledger::FindTx(std::string_view id) const {
  const std::uint32_t t = maps_->tx_ids.Find(id);
  if (t == UINT32_MAX) return std::nullopt;
  return t;
}

absl::Status Ledger::CheckDwelling(Index d, std::string_view what) const {
  if (d >= layout_.dwellings()) {
    return absl::NotFoundError(StrCat(what, " dwelling: no dwelling with index ", d));
  }
  if (closed_[d]) {
    return absl::FailedPreconditionError(StrCat(what, " dwelling \"", registry_->dwelling(d).id,
                                                "\": refunded (building destroyed, art. 30)"));
  }
  return absl::OkStatus();
}

absl::Status Ledger::CheckDate(int date, std::string_view what) const {
  if (!ValidDate(date)) {
    return absl::InvalidArgumentError(StrCat(what, " date: not a valid date, got ", date));
  }
  if (date < last_date_) {
    return absl::InvalidArgumentError(StrCat(what, " date: ", FormatLedgerDate(date),
                                             " is before the last entry (",
                                             FormatLedgerDate(last_date_),
                                             "); the journal is append-only"));
  }
  return absl::OkStatus();
}

std::string Ledger::NextId() {
  std::string id;
  do {
    id = StrCat("T", next_seq_++);
  } while (maps_->tx_ids.Find(id) != UINT32_MAX);
  return id;
}

// ---------------------------------------------------------------------------
absl::Status Ledger::CheckStructure(const Transaction& tx) const {
  // Messages are built only on failure: replay checks millions of transactions.
  auto what = [&tx] { return StrCat("transaction \"", tx.id, "\""); };
  if (absl::Status s = CheckId(tx.id); !s.ok()) {
    // Replayed too: a journal written before the rule cannot smuggle such an id in.
    return absl::InvalidArgumentError(
        StrCat("transaction \"", absl::CHexEscape(ToAbsl(tx.id)), "\" ", ToStd(s.message())));
  }
  if (maps_->tx_ids.Find(tx.id) != UINT32_MAX) {
    return absl::AlreadyExistsError(StrCat(what(), " id: already in the journal"));
  }
  if (tx_.size() >= UINT32_MAX - 1 || !maps_->tx_ids.Fits(tx.id)) {
    return absl::ResourceExhaustedError(
        StrCat(what(), ": the journal index holds 4 G transactions and 4 GiB of ids"));
  }
  if (!CheckDate(tx.date, {}).ok()) return CheckDate(tx.date, what());
  if (tx.accounts.size() != tx.amounts.size()) {
    return absl::InvalidArgumentError(StrCat(what(), ": ", tx.accounts.size(), " accounts but ",
                                             tx.amounts.size(), " amounts"));
  }
  absl::int128 sum = 0;
  const std::size_t accounts = layout_.size(), dwellings = layout_.dwellings();
  const bool assertion = tx.kind == TxKind::kBalanceAssertion;
  for (std::size_t i = 0; i < tx.accounts.size(); ++i) {
    const std::uint32_t a = tx.accounts[i];
    if (a >= accounts) {
      return absl::NotFoundError(StrCat(what(), " postings[", i, "] account: no account #", a));
    }
    if (a < dwellings && closed_[a] && !assertion) {
      return absl::FailedPreconditionError(StrCat(what(), " postings[", i, "] account \"",
                                                  AccountName(a),
                                                  "\": refunded (building destroyed, art. 30)"));
    }
    sum += tx.amounts[i];
  }
  if (tx.kind == TxKind::kBalanceAssertion) {
    for (std::size_t i = 0; i < tx.accounts.size(); ++i) {
      if (balance_[tx.accounts[i]] != tx.amounts[i]) {
        return absl::FailedPreconditionError(StrCat(
            what(), " balance assertion on ", FormatLedgerDate(tx.date), ": account \"",
            AccountName(tx.accounts[i]), "\" expected ",
            Money::Fen(tx.amounts[i]).ToYuanString(), ", balance is ",
            Money::Fen(balance_[tx.accounts[i]]).ToYuanString()));
      }
    }
    return absl::OkStatus();
  }
  if (sum != 0) {
    const auto off = static_cast<std::int64_t>(sum);
    return absl::InvalidArgumentError(StrCat(what(), " postings: do not sum to zero (off by ",
                                             off, " fen)"));
  }
  return absl::OkStatus();
}

namespace {

// Adds `amount` to a fund total modulo 2^64 and says whether the true sum left int64.
// Wrapping keeps an undo exact (subtracting restores the old value bit for bit), so
// a transaction that overflows a fund total is undone like any other refused one.
bool AddWrapping(std::int64_t& total, absl::int128 amount) {
  std::int64_t sum = 0;
  const bool fits = amount >= std::numeric_limits<std::int64_t>::min() &&
                    amount <= std::numeric_limits<std::int64_t>::max() &&
                    !__builtin_add_overflow(total, static_cast<std::int64_t>(amount), &sum);
  total = static_cast<std::int64_t>(static_cast<std::uint64_t>(total) +
                                    static_cast<std::uint64_t>(absl::Int128Low64(amount)));
  return fits;
}

}  // namespace

bool Ledger::AddToFundTotal(std::uint32_t account, std::int64_t amount) {
  const AccountKind k = layout_.KindOf(account);
  if (k == AccountKind::kDwelling) return AddWrapping(fund_total_[fund_of_[account]], amount);
  if (IsFundSubLedger(k)) return AddWrapping(fund_total_[layout_.IndexOf(account)], amount);
  return true;
}

void Ledger::UndoPostings(const Transaction& tx, std::size_t applied) {
  for (std::size_t i = applied; i-- > 0;) {
    balance_[tx.accounts[i]] -= tx.amounts[i];
    AddToFundTotal(tx.accounts[i], -tx.amounts[i]);
  }
}

absl::Status Ledger::ApplyPostings(const Transaction& tx) {
  if (tx.kind == TxKind::kBalanceAssertion) return absl::OkStatus();
  const std::size_t n = tx.accounts.size();
  const std::uint64_t dwellings = layout_.dwellings();
  const std::uint32_t external = layout_.External(ExternalAccount{});
  // Fund totals are added per run of postings to one fund (a bill's dwellings are
  // contiguous), and signs are checked in a second pass only when a posting may
  // have broken one: a dwelling below zero, or a fund-level or owed account.
  Index run_fund = 0;
  absl::int128 run = 0;     // a run's sum may pass int64 before its fund total does
  bool totals_fit = true;   // every fund total stayed within int64
  auto flush = [&] {
    if (run != 0) totals_fit &= AddWrapping(fund_total_[run_fund], run);
    run = 0;
  };
  bool recheck = false;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t a = tx.accounts[i];
    const std::int64_t v = tx.amounts[i];
    std::int64_t& b = balance_[a];
    std::int64_t next = 0;
    if (__builtin_add_overflow(b, v, &next)) {
      flush();
      UndoPostings(tx, i);
      return absl::OutOfRangeError(StrCat("transaction \"", tx.id, "\" postings[", i,
                                          "]: balance overflow on \"",
                                          AccountName(tx.accounts[i]), "\""));
    }
    b = next;
    if (a < dwellings) {  // hot path
      const Index f = fund_of_[a];
      if (f != run_fund) {
        flush();
        run_fund = f;
      }
      run += v;
      recheck |= next < 0;
    } else {
      totals_fit &= AddToFundTotal(a, v);
      recheck |= a < external;
    }
  }
  flush();
  if (!totals_fit) {
    UndoPostings(tx, n);
    return absl::OutOfRangeError(StrCat("transaction \"", tx.id,
                                        "\": a fund total would overflow (more than "
                                        "92,233,720,368,547,758.07 yuan)"));
  }
  if (!recheck) return absl::OkStatus();
  // Signs after the whole transaction: sub-ledgers ≥ 0, owed ≤ 0.
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t a = tx.accounts[i];
    const std::int64_t b = balance_[a];
    if (b >= 0 && a < dwellings) continue;  // hot path
    const AccountKind k = layout_.KindOf(a);
    if ((IsFundSubLedger(k) && b < 0) || (IsOwed(k) && b > 0)) {
      UndoPostings(tx, n);
      return absl::FailedPreconditionError(StrCat(
          "transaction \"", tx.id, "\" postings[", i, "] account \"", AccountName(a),
          "\": would leave ", Money::Fen(b).ToYuanString(),
          IsOwed(k) ? " (an owed account cannot be in credit)"
                    : " (a sub-ledger never goes negative; the shortfall is an amount owed)"));
    }
  }
  return absl::OkStatus();
}

void Ledger::SideEffects(const Transaction& tx) {
  std::optional<Index> d;
  if (tx.kind == TxKind::kDeposit || tx.kind == TxKind::kTopUp ||
      tx.kind == TxKind::kSellingUnitDeposit || tx.kind == TxKind::kDeveloperSale) {
    // The dwelling is the first posting's account when it is a dwelling sub-ledger
    // (saves a lookup by ID on replay); otherwise the ID in `ref`.
    if (!tx.accounts.empty() && tx.accounts[0] < layout_.dwellings() &&
        tx.kind != TxKind::kSellingUnitDeposit) {
      d = tx.accounts[0];
    } else {
      d = registry_->FindDwelling(tx.ref);
    }
  }
  std::int64_t paid_in = 0;
  if (d) {
    for (std::int64_t a : tx.amounts) paid_in += a > 0 ? a : 0;
  }
  switch (tx.kind) {
    case TxKind::kDeposit:
      if (d) {
        first_paid_[*d] += paid_in;
        owner_deposited_[*d] += paid_in;
        if (!tx.accounts.empty() && tx.accounts[0] >= layout_.dwellings()) {
          maps_->developer_deposited[*d] += paid_in;  // the developer paid (art. 21)
        }
      }
      break;
    case TxKind::kDeveloperSale:
      if (d) {
        maps_->sold.insert(*d);
        maps_->developer_deposited.erase(*d);
      }
      break;
    case TxKind::kTopUp:
      if (d) owner_deposited_[*d] += paid_in;
      break;
    case TxKind::kSellingUnitDeposit:
      if (d) maps_->su_deposited[*d] += paid_in;
      break;
    case TxKind::kSubsidy:
      maps_->subsidized.insert(tx.ref);
      break;
    case TxKind::kRefund:
      if (auto b = registry_->FindBuilding(tx.ref)) {
        const auto [first, count] = registry_->DwellingRangeOfBuilding(*b);
        std::fill(closed_.begin() + first, closed_.begin() + first + count, std::uint8_t{1});
      }
      break;
    default:
      break;
  }
}

void Ledger::Record(Transaction tx) {
  maps_->tx_ids.Insert(tx.id, static_cast<std::uint32_t>(tx_.size()));
  last_date_ = tx.date;
  posting_count_ += tx.accounts.size();
  tx_.push_back(std::move(tx));
}

absl::Status Ledger::Commit(Transaction tx) {
  if (tx.id.empty()) tx.id = NextId();
  RENEWAL_RETURN_IF_ERROR(CheckStructure(tx));
  RENEWAL_RETURN_IF_ERROR(ApplyPostings(tx));
  if (file_) {
    std::string payload;
    internal::EncodeTransaction(tx, tx.accounts, tx.amounts, &payload);
    if (absl::Status s = file_->Append(payload); !s.ok()) {
      UndoPostings(tx, tx.kind == TxKind::kBalanceAssertion ? 0 : tx.accounts.size());
      return s;
    }
  }
  SideEffects(tx);
  Record(std::move(tx));
  return absl::OkStatus();
}

absl::Status Ledger::Post(Transaction tx) {
  if (tx.kind != TxKind::kTransfer && tx.kind != TxKind::kBalanceAssertion) {
    return absl::InvalidArgumentError(
        StrCat("transaction \"", tx.id, "\" kind: Post takes \"transfer\" or \"balance\"; use the ",
               KeyOf(tx.kind), " operation, which applies its rules"));
  }
  return Commit(std::move(tx));
}

absl::Status Ledger::AssertBalance(std::uint32_t account, Money expected, int date) {
  Transaction tx;
  tx.kind = TxKind::kBalanceAssertion;
  tx.date = date;
  tx.accounts = {account};
  tx.amounts = {expected.fen()};
  return Commit(std::move(tx));
}

absl::Status Ledger::CheckInvariants() const {
  // Replay the in-memory journal from empty.
  std::vector<std::int64_t> bal(balance_.size(), 0);
  for (std::size_t t = 0; t < tx_.size(); ++t) {
    const TxView v = tx(t);
    if (v.meta->kind == TxKind::kBalanceAssertion) continue;
    absl::int128 sum = 0;
    for (std::size_t i = 0; i < v.accounts.size(); ++i) {
      bal[v.accounts[i]] += v.amounts[i];
      sum += v.amounts[i];
    }
    if (sum != 0) {
      return absl::DataLossError(StrCat("journal transaction \"", v.meta->id,
                                        "\": postings do not sum to zero"));
    }
  }
  std::vector<std::int64_t> fund(fund_total_.size(), 0);
  for (std::uint32_t a = 0; a < bal.size(); ++a) {
    if (bal[a] != balance_[a]) {
      return absl::DataLossError(StrCat("account \"", AccountName(a), "\": balance ",
                                        balance_[a], " differs from the replay ", bal[a]));
    }
    const AccountKind k = layout_.KindOf(a);
    if (IsFundSubLedger(k) && bal[a] < 0) {
      return absl::DataLossError(StrCat("account \"", AccountName(a), "\": negative balance"));
    }
    if (IsOwed(k) && bal[a] > 0) {
      return absl::DataLossError(StrCat("account \"", AccountName(a), "\": owed account in credit"));
    }
    if (k == AccountKind::kDwelling) fund[fund_of_[a]] += bal[a];
    else if (IsFundSubLedger(k)) fund[layout_.IndexOf(a)] += bal[a];
  }
  for (std::size_t f = 0; f < fund.size(); ++f) {
    if (fund[f] != fund_total_[f]) {
      return absl::DataLossError(StrCat("fund \"", FundId(static_cast<Index>(f)), "\": total ",
                                        fund_total_[f], " differs from its sub-ledgers ", fund[f]));
    }
  }
  absl::int128 all = 0;
  for (std::int64_t b : balance_) all += b;
  if (all != 0) return absl::DataLossError("ledger: balances do not sum to zero");
  return absl::OkStatus();
}

}  // namespace renewal
