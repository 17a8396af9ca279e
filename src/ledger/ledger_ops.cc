// The maintenance fund's operations: each builds one balanced transaction from the
// rules of Order 165 (建设部、财政部令第165号) and commits it through Ledger::Commit
// (the use for works in ledger_use.cc).
#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/numeric/int128.h"
#include "ledger_internal.h"
#include "ledger_ops_checks.h"
#include "renewal/base/status_macros.h"
#include "renewal/ledger/ledger.h"
#include "renewal/base/strcat.h"

namespace renewal {

using ledger_ops_internal::Positive;

// ---------------------------------------------------------------------------
// Deposits (arts. 7, 8, 17, 21)

absl::Status Ledger::Deposit(Index d, Money amount, int date, std::string memo) {
  RENEWAL_RETURN_IF_ERROR(CheckDwelling(d, "deposit"));
  const std::string what = StrCat("deposit dwelling \"", registry_->dwelling(d).id, "\"");
  RENEWAL_RETURN_IF_ERROR(Positive(amount, what));
  Transaction tx;
  tx.kind = TxKind::kDeposit;
  tx.date = date;
  tx.ref = std::string(registry_->dwelling(d).id);
  tx.memo = std::move(memo);
  // Art. 21: units the developer has not sold are paid for by the developer and held
  // in its sub-ledger.
  const bool developer = DeveloperHeld(d);
  tx.accounts = {developer ? layout_.Id(AccountKind::kDeveloper, fund_of_[d]) : d,
                 layout_.External(developer ? ExternalAccount::kDeveloperPayments
                                            : ExternalAccount::kOwnerPayments)};
  tx.amounts = {amount.fen(), -amount.fen()};
  return Commit(std::move(tx));
}

absl::Status Ledger::TopUp(Index d, Money amount, int date, std::string memo) {
  RENEWAL_RETURN_IF_ERROR(CheckDwelling(d, "top_up"));
  const std::string what = StrCat("top_up dwelling \"", registry_->dwelling(d).id, "\"");
  RENEWAL_RETURN_IF_ERROR(Positive(amount, what));
  if (DeveloperHeld(d)) {
    return absl::FailedPreconditionError(
        StrCat(what, ": developer-held unit; the developer's sub-ledger is topped up by deposit"));
  }
  Transaction tx;
  tx.kind = TxKind::kTopUp;
  tx.date = date;
  tx.ref = std::string(registry_->dwelling(d).id);
  tx.memo = std::move(memo);
  tx.accounts = {d, layout_.External(ExternalAccount::kOwnerPayments)};
  tx.amounts = {amount.fen(), -amount.fen()};
  return Commit(std::move(tx));
}

absl::Status Ledger::SellingUnitDeposit(Index d, Money amount, int date, std::string memo) {
  RENEWAL_RETURN_IF_ERROR(CheckDwelling(d, "selling_unit_deposit"));
  const DwellingView dw = registry_->dwelling(d);
  const std::string what = StrCat("selling_unit_deposit dwelling \"", dw.id, "\"");
  RENEWAL_RETURN_IF_ERROR(Positive(amount, what));
  if (dw.property_type != PropertyType::kReformHousing) {
    return absl::FailedPreconditionError(
        StrCat(what, " property_type: ", KeyOf(dw.property_type),
               "; the selling unit deposits only for sold public housing (Order 165 art. 8(2))"));
  }
  Transaction tx;
  tx.kind = TxKind::kSellingUnitDeposit;
  tx.date = date;
  tx.ref = std::string(dw.id);
  tx.memo = std::move(memo);
  tx.accounts = {layout_.Id(AccountKind::kSellingUnit, fund_of_[d]),
                 layout_.External(ExternalAccount::kSellingUnitPayments)};
  tx.amounts = {amount.fen(), -amount.fen()};
  return Commit(std::move(tx));
}

absl::Status Ledger::SettleOwed(Index d, Money amount, int date) {
  if (d >= layout_.dwellings()) {
    return absl::NotFoundError(StrCat("settle_owed dwelling: no dwelling with index ", d));
  }
  const std::string what = StrCat("settle_owed dwelling \"", registry_->dwelling(d).id, "\"");
  RENEWAL_RETURN_IF_ERROR(Positive(amount, what));
  if (amount > AmountOwed(d)) {
    return absl::InvalidArgumentError(StrCat(what, " amount: ", amount.ToYuanString(),
                                             " is more than the amount owed ",
                                             AmountOwed(d).ToYuanString()));
  }
  Transaction tx;
  tx.kind = TxKind::kSettleOwed;
  tx.date = date;
  tx.ref = std::string(registry_->dwelling(d).id);
  tx.accounts = {layout_.Id(AccountKind::kDwellingOwed, d),
                 layout_.External(ExternalAccount::kOwnerPayments)};
  tx.amounts = {amount.fen(), -amount.fen()};
  return Commit(std::move(tx));
}

// ---------------------------------------------------------------------------
// Interest, income, subsidy (art. 28; seed 001 Ningbo)

absl::Status Ledger::CreditInterest(LedgerScope scope, Money total, int date, std::string memo) {
  RENEWAL_RETURN_IF_ERROR(Positive(total, "interest"));
  RENEWAL_ASSIGN_OR_RETURN((std::pair<Index, Index> range), RangeOf(scope));
  // Plain variables, not a structured binding: the weight lambda below captures
  // `count`, and clang 14 refuses a capture of a structured binding.
  const Index first = range.first;
  const Index count = range.second;
  // Fund-level sub-ledgers join when their whole fund lies inside the scope.
  std::vector<std::uint32_t> extra;
  for (Index seg = first; seg < first + count;) {
    const Index fund = fund_of_[seg];
    Index end = seg;
    while (end < first + count && fund_of_[end] == fund) ++end;
    const bool whole = (seg == 0 || fund_of_[seg - 1] != fund) &&
                       (end == layout_.dwellings() || fund_of_[end] != fund);
    if (whole) {
      for (AccountKind k : {AccountKind::kSellingUnit, AccountKind::kDeveloper,
                            AccountKind::kPublicIncome}) {
        extra.push_back(layout_.Id(k, fund));
      }
    }
    seg = end;
  }
  // Weights are the balances themselves (read in place, no copy).
  std::vector<std::int64_t>& parts = maps_->parts;
  parts.resize(count + extra.size());
  const std::int64_t* dwelling_balance = balance_.data() + first;
  auto weight = [&](std::size_t i) {
    return i < count ? dwelling_balance[i] : balance_[extra[i - count]];
  };
  absl::Status s =
      internal::SplitInto(total.fen(), parts.size(), weight, parts, maps_->split);
  if (!s.ok()) {
    if (s.code() == absl::StatusCode::kInvalidArgument) {
      return absl::FailedPreconditionError("interest: no balance in scope to credit it to");
    }
    return s;
  }
  Transaction tx;
  tx.kind = TxKind::kInterest;
  tx.date = date;
  tx.memo = std::move(memo);
  std::size_t nonzero = 1;
  for (std::int64_t p : parts) nonzero += p != 0;
  tx.accounts.reserve(nonzero);
  tx.amounts.reserve(nonzero);
  for (Index i = 0; i < count; ++i) {
    if (parts[i] == 0) continue;
    tx.accounts.push_back(first + i);
    tx.amounts.push_back(parts[i]);
  }
  for (std::size_t k = 0; k < extra.size(); ++k) {
    if (parts[count + k] == 0) continue;
    tx.accounts.push_back(extra[k]);
    tx.amounts.push_back(parts[count + k]);
  }
  tx.accounts.push_back(layout_.External(ExternalAccount::kBankInterest));
  tx.amounts.push_back(-total.fen());
  return Commit(std::move(tx));
}

absl::Status Ledger::CreditIncome(LedgerScope scope, Money total, IncomeTarget target, int date,
                                  std::string memo) {
  RENEWAL_RETURN_IF_ERROR(Positive(total, "income"));
  RENEWAL_ASSIGN_OR_RETURN((std::pair<Index, Index> range), RangeOf(scope));
  const auto [first, count] = range;
  if (count == 0) return absl::FailedPreconditionError("income scope: no dwellings");
  Transaction tx;
  tx.kind = TxKind::kIncome;
  tx.date = date;
  tx.memo = std::move(memo);
  if (target == IncomeTarget::kPublicIncome) {
    const Index fund = fund_of_[first];
    if (fund_of_[first + count - 1] != fund) {
      return absl::InvalidArgumentError(
          "income scope: spans several funds; credit each fund's public income separately");
    }
    tx.ref = "public_income";
    tx.accounts = {layout_.Id(AccountKind::kPublicIncome, fund)};
    tx.amounts = {total.fen()};
  } else {
    std::vector<std::int64_t>& parts = maps_->parts;
    parts.resize(count);
    const std::uint32_t* area = registry_->dwellings().area_centi.data() + first;
    const std::uint8_t* closed = closed_.data() + first;
    auto weight = [&](std::size_t i) { return closed[i] ? std::int64_t{0} : std::int64_t{area[i]}; };
    if (absl::Status s = internal::SplitInto(total.fen(), count, weight, parts, maps_->split);
        !s.ok()) {
      return absl::FailedPreconditionError("income scope: no open dwellings");
    }
    tx.ref = "by_area";
    for (Index i = 0; i < count; ++i) {
      if (parts[i] == 0) continue;
      tx.accounts.push_back(first + i);
      tx.amounts.push_back(parts[i]);
    }
  }
  tx.accounts.push_back(layout_.External(ExternalAccount::kCommonPartIncome));
  tx.amounts.push_back(-total.fen());
  return Commit(std::move(tx));
}

absl::Status Ledger::Subsidize(std::string_view use_tx_id, int pct, int date) {
  const std::string what = StrCat("subsidy for use \"", use_tx_id, "\"");
  std::optional<std::size_t> t = FindTx(use_tx_id);
  if (!t) return absl::NotFoundError(StrCat(what, ": no such transaction"));
  const TxView use = tx(*t);
  if (use.meta->kind != TxKind::kUse) {
    return absl::InvalidArgumentError(StrCat(what, ": transaction is a ", KeyOf(use.meta->kind)));
  }
  if (!use.meta->renovation_contribution) {
    return absl::FailedPreconditionError(StrCat(
        what, ": not a residents' renovation contribution (《城镇老旧小区改造可复制政策机制清单（第四批）》 Ningbo subsidises only those)"));
  }
  if (pct <= 0 || pct > 100) {
    return absl::InvalidArgumentError(StrCat(what, " pct: must be 1..100, got ", pct));
  }
  std::vector<std::uint32_t> dwellings;
  std::vector<std::int64_t> used;
  absl::int128 total_used = 0;
  for (std::size_t i = 0; i < use.accounts.size(); ++i) {
    if (use.accounts[i] < layout_.dwellings() && use.amounts[i] < 0) {
      dwellings.push_back(use.accounts[i]);
      used.push_back(-use.amounts[i]);
      total_used += -use.amounts[i];
    }
  }
  if (total_used == 0) {
    return absl::FailedPreconditionError(StrCat(what, ": the use paid nothing from dwellings"));
  }
  // pct% of the total used, rounded half up, shared by what each dwelling used.
  const auto subsidy = static_cast<std::int64_t>((total_used * pct * 2 + 100) / 200);
  std::vector<std::int64_t> parts(used.size());
  RENEWAL_RETURN_IF_ERROR(SplitColumn(subsidy, used, parts));
  if (maps_->subsidized.contains(ToAbsl(use_tx_id))) {
    return absl::AlreadyExistsError(StrCat(what, ": already subsidised"));
  }
  Transaction tx;
  tx.kind = TxKind::kSubsidy;
  tx.date = date;
  tx.ref = std::string(use_tx_id);
  tx.memo = StrCat(pct, "% of ", Money::Fen(static_cast<std::int64_t>(total_used)).ToYuanString(),
                   " used (《城镇老旧小区改造可复制政策机制清单（第四批）》 Ningbo)");
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i] == 0) continue;
    tx.accounts.push_back(dwellings[i]);
    tx.amounts.push_back(parts[i]);
  }
  tx.accounts.push_back(layout_.External(ExternalAccount::kGovernmentSubsidy));
  tx.amounts.push_back(-subsidy);
  return Commit(std::move(tx));
}

// ---------------------------------------------------------------------------
// Owner change (art. 29), refund (art. 30)

absl::Status Ledger::ChangeOwner(Index d, std::string new_owner, int date) {
  RENEWAL_RETURN_IF_ERROR(CheckDwelling(d, "owner_change"));
  if (new_owner.empty()) {
    return absl::InvalidArgumentError(StrCat("owner_change dwelling \"", registry_->dwelling(d).id,
                                             "\" new_owner: empty"));
  }
  Transaction tx;
  tx.kind = TxKind::kOwnerChange;
  tx.date = date;
  tx.ref = std::string(registry_->dwelling(d).id);
  tx.memo = std::move(new_owner);
  if (DeveloperHeld(d)) {
    // The developer sells a unit it held. Its sub-ledger pools the deposits it made
    // for its units (art. 21), its shares of works for them and the interest on the
    // pool; the unit takes its part of that pool, pro rata to the developer's
    // deposits recorded for the units it still holds in the fund. That is the
    // balance the unit's own sub-ledger would have had when costs and deposits both
    // follow area, and it goes with the dwelling (art. 29); the pool never pays out
    // more than it holds, and the last unit sold empties it.
    tx.kind = TxKind::kDeveloperSale;
    const Index fund = fund_of_[d];
    std::int64_t held = 0;  // deposits recorded for the fund's units still held
    for (const auto& [unit, fen] : maps_->developer_deposited) {
      if (fund_of_[unit] == fund) held += fen;
    }
    const std::int64_t mine = DeveloperDeposited(d).fen();
    const std::uint32_t pool = layout_.Id(AccountKind::kDeveloper, fund);
    std::int64_t moved = 0;
    if (mine > 0 && balance_[pool] > 0) {
      // Rounded half up; never more than the pool since mine <= held.
      moved = static_cast<std::int64_t>(
          (absl::int128(balance_[pool]) * mine * 2 + held) / (absl::int128(held) * 2));
    }
    if (moved > 0) {
      tx.accounts = {d, pool};  // the dwelling first: replay finds it without a lookup
      tx.amounts = {moved, -moved};
    }
    tx.approval.reason = StrCat(
        "developer sub-ledger of fund \"", FundId(fund), "\" holds ",
        Money::Fen(balance_[pool]).ToYuanString(), " for units with ",
        Money::Fen(held).ToYuanString(), " of recorded developer deposits; this unit's ",
        Money::Fen(mine).ToYuanString(), " takes ", Money::Fen(moved).ToYuanString(),
        " to the dwelling's sub-ledger (Order 165 arts. 21, 29)");
  }
  return Commit(std::move(tx));
}

absl::Status Ledger::Refund(Index building, int date) {
  if (building >= registry_->building_count()) {
    return absl::NotFoundError(StrCat("refund building: no building with index ", building));
  }
  const Building& b = registry_->building(building);
  const auto [first, count] = registry_->DwellingRangeOfBuilding(building);
  Transaction tx;
  tx.kind = TxKind::kRefund;
  tx.date = date;
  tx.ref = b.id;
  std::int64_t total = 0;
  for (Index d = first; d < first + count; ++d) {
    if (closed_[d]) {
      return absl::FailedPreconditionError(StrCat("refund building \"", b.id, "\": already refunded"));
    }
    if (balance_[d] == 0) continue;
    tx.accounts.push_back(d);
    tx.amounts.push_back(-balance_[d]);
    total += balance_[d];
  }
  if (options_.fund_scope == FundScope::kBuilding) {
    for (AccountKind k : {AccountKind::kSellingUnit, AccountKind::kDeveloper,
                          AccountKind::kPublicIncome}) {
      const std::uint32_t a = layout_.Id(k, building);
      if (balance_[a] == 0) continue;
      tx.accounts.push_back(a);
      tx.amounts.push_back(-balance_[a]);
      total += balance_[a];
    }
  }
  tx.accounts.push_back(layout_.External(ExternalAccount::kRefunds));
  tx.amounts.push_back(total);
  tx.memo = StrCat("building destroyed; ", Money::Fen(total).ToYuanString(),
                   " returned (Order 165 art. 30)");
  return Commit(std::move(tx));
}

// ---------------------------------------------------------------------------
// Policy, collection status, top-ups (arts. 7, 8, 17)

absl::Status Ledger::ApplyPolicy(const DepositPolicy& policy) {
  RENEWAL_RETURN_IF_ERROR(ValidatePolicy(policy));
  internal::ZeroedColumn<std::int64_t> required(layout_.dwellings());
  for (Index d = 0; d < required.size(); ++d) {
    RENEWAL_ASSIGN_OR_RETURN(Money m, FirstDepositAmount(policy, *registry_, d));
    required[d] = m.fen();
  }
  required_ = std::move(required);
  policy_ = policy;
  return absl::OkStatus();
}

CollectionStatus Ledger::StatusOf(Index d) const {
  if (required_[d] == 0) return CollectionStatus::kNoStandard;
  if (first_paid_[d] == 0) return CollectionStatus::kUnpaid;
  if (first_paid_[d] < required_[d]) return CollectionStatus::kPartial;
  return CollectionStatus::kComplete;
}

std::vector<Arrear> Ledger::Arrears() const {
  std::vector<Arrear> out;
  for (Index d = 0; d < required_.size(); ++d) {
    if (closed_[d] || required_[d] == 0 || first_paid_[d] >= required_[d]) continue;
    out.push_back(Arrear{d, Money::Fen(required_[d]), Money::Fen(first_paid_[d]),
                         Money::Fen(required_[d] - first_paid_[d])});
  }
  return out;
}

std::vector<TopUpNotice> Ledger::TopUpsDue() const {
  std::vector<TopUpNotice> out;
  const std::int64_t pct = options_.top_up_threshold_pct;
  for (Index d = 0; d < first_paid_.size(); ++d) {
    const std::int64_t first = first_paid_[d];
    if (closed_[d] || first == 0 || DeveloperHeld(d)) continue;
    const std::int64_t bal = balance_[d];
    // Art. 17: "不足首期交存额30%" — strictly below; compared exactly as bal·100 < pct·first.
    if (absl::int128(bal) * 100 >= absl::int128(first) * pct) continue;
    std::int64_t target = first;
    std::string_view target_name = "the first deposit";
    if (options_.top_up_target == TopUpTarget::kCurrentStandard && required_[d] > 0) {
      target = required_[d];
      target_name = "the current standard";
    }
    TopUpNotice n;
    n.dwelling = d;
    n.balance = Money::Fen(bal);
    n.first_deposit = Money::Fen(first);
    n.amount_due = Money::Fen(std::max<std::int64_t>(target - bal, 0));
    n.reason = StrCat("dwelling \"", registry_->dwelling(d).id, "\": balance ",
                      n.balance.ToYuanString(), " is below ", pct, "% of the first deposit ",
                      n.first_deposit.ToYuanString(), "; top up ", n.amount_due.ToYuanString(),
                      " to ", target_name, " (Order 165 art. 17)");
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace renewal
