// The maintenance fund's use for works (Order 165 arts. 18, 20–25): the request
// checked, the vote gate, the shares by floor area, and the postings, committed as
// one transaction through Ledger::Commit.
#include <algorithm>

#include "ledger_internal.h"
#include "ledger_ops_checks.h"
#include "renewal/base/status_macros.h"
#include "renewal/base/strcat.h"
#include "renewal/ledger/ledger.h"

namespace renewal {
namespace {

using ledger_ops_internal::Positive;

// Art. 25: what may not be paid from the fund.
std::string_view ExclusionReason(UseCategory c) {
  switch (c) {
    case UseCategory::kCommonParts: return {};
    case UseCategory::kWarranty:
      return "Order 165 art. 25(1): repairs the developer or builder owes by law (warranty) "
             "may not be paid from the fund";
    case UseCategory::kUtilityPipelines:
      return "Order 165 art. 25(2): water, power, gas, heating, telecom and cable pipelines and "
             "equipment the utility units owe may not be paid from the fund";
    case UseCategory::kDamageByPerson:
      return "Order 165 art. 25(3): repair of damage caused by a person is paid by that person";
    case UseCategory::kPropertyCompanyDuty:
      return "Order 165 art. 25(4): upkeep the property company owes under its service contract "
             "may not be paid from the fund";
  }
  return "excluded";
}

// Stage 1: what the request itself must be (art. 25: only the common parts; the
// scope an estate, a building or an entrance).
absl::Status CheckUseRequest(const UseRequest& q, const std::string& what) {
  RENEWAL_RETURN_IF_ERROR(Positive(q.amount, what));
  if (q.category != UseCategory::kCommonParts) {
    return absl::FailedPreconditionError(
        StrCat(what, " category ", KeyOf(q.category), ": refused; ", ExclusionReason(q.category)));
  }
  if (q.scope.kind != LedgerScopeKind::kEstate && q.scope.kind != LedgerScopeKind::kBuilding &&
      q.scope.kind != LedgerScopeKind::kEntrance) {
    return absl::InvalidArgumentError(
        StrCat(what, " scope: the affected common parts are an estate, a building or an entrance"));
  }
  return absl::OkStatus();
}

// Stage 2, the vote gate (arts. 22, 24): an emergency needs a reason; otherwise a
// passed vote under the rule the estate's owners' assembly (or its absence) calls
// for. Writes the rule applied into `result`.
absl::Status PassVoteGate(const UseRequest& q, const Estate& estate, const std::string& what,
                          UseResult& result) {
  const FundUseApproval& ap = q.approval;
  std::optional<bool> assembly = q.owners_assembly;
  if (!assembly) assembly = estate.facts.owners_committee;
  if (ap.emergency) {
    if (ap.reason.empty()) {
      return absl::FailedPreconditionError(StrCat(
          what, " approval.reason: an emergency use (Order 165 art. 24) needs a reason"));
    }
    result.rule = StrCat("emergency (Order 165 art. 24): ", ap.reason);
  } else {
    if (!assembly) {
      return absl::FailedPreconditionError(StrCat(
          what, " owners_assembly: not given and estate \"", estate.id,
          "\" owners_committee was not surveyed; the vote rule depends on it"));
    }
    const std::string_view expected = *assembly ? kRuleCivilCodeOrdinary : kRuleWithoutAssembly;
    if (ap.vote_id.empty()) {
      return absl::FailedPreconditionError(StrCat(what, " approval.vote_id: a use needs a vote"));
    }
    if (ap.rule != expected) {
      return absl::FailedPreconditionError(StrCat(
          what, " approval.rule: expected \"", expected, "\" (estate \"", estate.id, "\" ",
          *assembly ? "has" : "has no", " owners' assembly), got \"", ap.rule, "\""));
    }
    if (!ap.passed) {
      return absl::FailedPreconditionError(
          StrCat(what, " approval: vote \"", ap.vote_id, "\" did not pass"));
    }
    result.rule = StrCat(expected, " (vote ", ap.vote_id, " passed)");
  }
  return absl::OkStatus();
}

// Stage 3, the postings: each fund segment's dwellings pay their shares (already in
// tx.amounts) from their sub-ledgers, reform housing split first with the selling
// unit (art. 20), developer-held units charged to the developer (art. 21); what a
// balance does not cover is owed. Then the works account receives the amount.
absl::Status ChargeUse(const Ledger& ledger, const DwellingColumns& cols, const UseRequest& q,
                       Index first, Index count, Transaction& tx, UseResult& result) {
  const AccountLayout& layout = ledger.layout();
  const std::span<const std::int64_t> balance = ledger.balances();
  std::vector<std::int64_t>& share = tx.amounts;
  // Amounts owed and the fund-level charges follow the dwellings' postings.
  std::vector<std::pair<std::uint32_t, std::int64_t>> tail;
  auto charge_fund = [&](std::uint32_t account, std::uint32_t owed_account, std::int64_t amount,
                         Money* paid) {
    const std::int64_t covered = std::min(balance[account], amount);
    if (covered > 0) tail.emplace_back(account, -covered);
    if (amount > covered) tail.emplace_back(owed_account, -(amount - covered));
    *paid = Money::Fen(paid->fen() + covered);
    result.owed = Money::Fen(result.owed.fen() + amount - covered);
  };
  const auto owed_base = static_cast<std::uint32_t>(layout.dwellings());
  std::size_t written = 0;  // dwelling postings so far; never ahead of the share read
  std::int64_t from_dwellings = 0, owed = 0;

  // Per fund segment (funds are contiguous dwelling ranges).
  for (Index seg = first; seg < first + count;) {
    const Index fund = ledger.FundOfDwelling(seg);
    Index end = seg;
    while (end < first + count && ledger.FundOfDwelling(end) == fund) ++end;
    // Sold public housing: the reform dwellings' shares are split first between
    // their owners and the selling unit by what each deposited (art. 20), then the
    // owners' part by area among them.
    std::int64_t reform_total = 0, owners_dep = 0, su_dep = 0;
    std::vector<Index> reform;
    for (Index d = seg; d < end; ++d) {
      if (cols.property_type[d] != PropertyType::kReformHousing) continue;
      if (ledger.DeveloperHeld(d)) continue;
      reform.push_back(d);
      reform_total += share[d - first];
      owners_dep += ledger.OwnerDeposited(d).fen();
      su_dep += ledger.SellingUnitDeposited(d).fen();
    }
    std::int64_t su_part = 0;
    if (!reform.empty() && su_dep > 0 && reform_total > 0) {
      const std::int64_t w[2] = {owners_dep, su_dep};
      std::int64_t parts[2] = {0, 0};
      RENEWAL_RETURN_IF_ERROR(SplitColumn(reform_total, w, parts));
      su_part = parts[1];
      std::vector<std::int64_t> rw(reform.size()), rs(reform.size());
      for (std::size_t k = 0; k < reform.size(); ++k) rw[k] = cols.area_centi[reform[k]];
      if (parts[0] > 0) {
        RENEWAL_RETURN_IF_ERROR(SplitColumn(parts[0], rw, rs));
      }
      for (std::size_t k = 0; k < reform.size(); ++k) share[reform[k] - first] = rs[k];
    }
    // Each dwelling pays its share from its sub-ledger; the rest is an amount owed.
    std::int64_t developer_part = 0;
    for (Index d = seg; d < end; ++d) {
      const std::int64_t s = share[d - first];
      if (s == 0) continue;
      if (ledger.DeveloperHeld(d)) {
        developer_part += s;  // art. 21
        continue;
      }
      const std::int64_t covered = std::min(balance[d], s);  // balances are >= 0
      if (covered > 0) {
        tx.accounts.push_back(d);
        share[written++] = -covered;
      }
      if (s > covered) tail.emplace_back(owed_base + d, -(s - covered));
      from_dwellings += covered;
      owed += s - covered;
      ++result.dwellings;
    }
    if (su_part > 0) {
      charge_fund(layout.Id(AccountKind::kSellingUnit, fund),
                  layout.Id(AccountKind::kSellingUnitOwed, fund), su_part,
                  &result.from_selling_unit);
    }
    if (developer_part > 0) {
      charge_fund(layout.Id(AccountKind::kDeveloper, fund),
                  layout.Id(AccountKind::kDeveloperOwed, fund), developer_part,
                  &result.from_developer);
    }
    seg = end;
  }
  share.resize(written);
  tx.accounts.reserve(written + tail.size() + 1);
  tx.amounts.reserve(written + tail.size() + 1);
  for (const auto& [account, amount] : tail) {
    tx.accounts.push_back(account);
    tx.amounts.push_back(amount);
  }
  tx.accounts.push_back(layout.External(ExternalAccount::kWorks));
  tx.amounts.push_back(q.amount.fen());
  result.from_dwellings = Money::Fen(from_dwellings);
  result.owed = Money::Fen(result.owed.fen() + owed);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<UseResult> Ledger::Use(const UseRequest& q) {
  const std::string what = StrCat("use \"", q.id, "\"");
  RENEWAL_RETURN_IF_ERROR(CheckUseRequest(q, what));
  absl::StatusOr<std::pair<Index, Index>> range = RangeOf(q.scope);
  if (!range.ok()) return absl::Status(range.status().code(), StrCat(what, " ", range.status().message()));
  const auto [first, count] = *range;
  if (count == 0) {
    return absl::FailedPreconditionError(StrCat(what, " scope: no dwellings"));
  }
  // The vote gate.
  const Estate& estate = registry_->estate(registry_->EstateOfDwelling(first));
  UseResult result;
  RENEWAL_RETURN_IF_ERROR(PassVoteGate(q, estate, what, result));
  const FundUseApproval& ap = q.approval;
  const DwellingColumns& cols = registry_->dwellings();
  for (Index d = first; d < first + count; ++d) {
    if (closed_[d]) {
      return absl::FailedPreconditionError(StrCat(what, " scope: dwelling \"",
                                                  registry_->dwelling(d).id,
                                                  "\" was refunded (building destroyed)"));
    }
  }

  Transaction tx;
  tx.id = q.id;
  tx.kind = TxKind::kUse;
  tx.date = q.date;
  tx.memo = q.memo.empty() ? StrCat(KeyOf(q.facility)) : q.memo;
  tx.ref = StrCat(KeyOf(q.facility));
  tx.approval = ap;
  tx.renovation_contribution = q.renovation_contribution;
  // Art. 20: shared by floor area over the dwellings of the affected common parts.
  // The shares are written straight into the posting column, which the charges
  // below compact in place: a national bill needs no share column of its own.
  std::vector<std::int64_t>& share = tx.amounts;
  tx.accounts.reserve(static_cast<std::size_t>(count) + 8);
  share.reserve(static_cast<std::size_t>(count) + 8);
  share.resize(count);
  const std::uint32_t* area = cols.area_centi.data() + first;
  RENEWAL_RETURN_IF_ERROR(internal::SplitInto(
      q.amount.fen(), count, [area](std::size_t i) { return std::int64_t{area[i]}; }, share,
      maps_->split));
  RENEWAL_RETURN_IF_ERROR(ChargeUse(*this, cols, q, first, count, tx, result));
  if (tx.id.empty()) tx.id = NextId();
  result.tx_id = tx.id;
  result.total = q.amount;
  RENEWAL_RETURN_IF_ERROR(Commit(std::move(tx)));
  return result;
}

}  // namespace renewal
