// Annual statements, publication and JSON export of the maintenance fund ledger.
#include "renewal/ledger/ledger_statement.h"
#include "renewal/votes/vote_notice.h"

#include "absl/container/flat_hash_map.h"
#include "renewal/base/strcat.h"
#include "renewal/base/json_write.h"

namespace renewal {
namespace {

// Adds a posting of `kind` to a line (fen columns kept as int64 through Money).
void AddTo(StatementLine& l, TxKind kind, std::int64_t amount) {
  auto add = [](Money& m, std::int64_t v) { m = Money::Fen(m.fen() + v); };
  switch (kind) {
    case TxKind::kDeposit: case TxKind::kTopUp: case TxKind::kSellingUnitDeposit:
    case TxKind::kSettleOwed:
      add(l.deposits, amount);
      break;
    case TxKind::kUse: add(l.uses, -amount); break;
    case TxKind::kInterest: add(l.interest, amount); break;
    case TxKind::kIncome: add(l.income, amount); break;
    case TxKind::kSubsidy: add(l.subsidy, amount); break;
    case TxKind::kRefund: add(l.refunds, -amount); break;
    default: add(l.transfers, amount); break;
  }
}

std::int64_t Closing(const StatementLine& l) {
  return l.opening.fen() + l.deposits.fen() - l.uses.fen() + l.interest.fen() + l.income.fen() +
         l.subsidy.fen() - l.refunds.fen() + l.transfers.fen();
}

void Escape(std::ostream& out, std::string_view s) { internal::WriteJsonString(out, s); }

void WriteLine(std::ostream& out, const StatementLine& l, bool owed) {
  out << "\"opening\":\"" << l.opening.ToYuanString() << "\",\"deposits\":\""
      << l.deposits.ToYuanString() << "\",\"uses\":\"" << l.uses.ToYuanString()
      << "\",\"interest\":\"" << l.interest.ToYuanString() << "\",\"income\":\""
      << l.income.ToYuanString() << "\",\"subsidy\":\"" << l.subsidy.ToYuanString()
      << "\",\"refunds\":\"" << l.refunds.ToYuanString() << "\",\"transfers\":\""
      << l.transfers.ToYuanString() << "\",\"closing\":\"" << l.closing.ToYuanString() << "\"";
  if (owed) out << ",\"owed\":\"" << l.owed.ToYuanString() << "\"";
}

bool IsFundSubLedgerKind(AccountKind k) {
  return k == AccountKind::kDwelling || k == AccountKind::kSellingUnit ||
         k == AccountKind::kDeveloper || k == AccountKind::kPublicIncome;
}

}  // namespace

std::string AccountKey(const Ledger& ledger, std::uint32_t account) {
  const AccountLayout& a = ledger.layout();
  const AccountKind k = a.KindOf(account);
  const std::uint32_t i = a.IndexOf(account);
  switch (k) {
    case AccountKind::kDwelling: case AccountKind::kDwellingOwed:
      return StrCat(KeyOf(k), ":", ledger.registry().dwelling(i).id);
    case AccountKind::kExternal:
      return StrCat("external:", KeyOf(static_cast<ExternalAccount>(i)));
    default:
      return StrCat(KeyOf(k), ":", ledger.FundId(i));
  }
}

absl::StatusOr<DwellingStatement> StatementOf(const Ledger& ledger, Index dwelling, int year) {
  if (dwelling >= ledger.layout().dwellings()) {
    return absl::NotFoundError(StrCat("statement dwelling: no dwelling with index ", dwelling));
  }
  if (year < 1900 || year > 9999) {
    return absl::InvalidArgumentError(StrCat("statement year: must be 1900..9999, got ", year));
  }
  DwellingStatement s;
  s.dwelling = dwelling;
  s.dwelling_id = std::string(ledger.registry().dwelling(dwelling).id);
  s.fund = ledger.FundOfDwelling(dwelling);
  s.year = year;
  const std::uint32_t owed = ledger.layout().Id(AccountKind::kDwellingOwed, dwelling);
  std::int64_t opening = 0, owed_fen = 0;
  for (std::size_t t = 0; t < ledger.tx_count(); ++t) {
    const Ledger::TxView v = ledger.tx(t);
    const int y = v.meta->date / 10000;
    if (y > year) break;  // dates never decrease
    if (v.meta->kind == TxKind::kBalanceAssertion) continue;
    for (std::size_t i = 0; i < v.accounts.size(); ++i) {
      if (v.accounts[i] == owed) owed_fen += v.amounts[i];
      if (v.accounts[i] != dwelling) continue;
      if (y < year) {
        opening += v.amounts[i];
      } else {
        AddTo(s.line, v.meta->kind, v.amounts[i]);
        s.entries.push_back(StatementEntry{v.meta->date, v.meta->id, v.meta->kind,
                                           Money::Fen(v.amounts[i]), v.meta->memo});
      }
    }
    // A change of owner posts nothing (a sale may move nothing): list it anyway.
    if (y == year && v.accounts.empty() &&
        (v.meta->kind == TxKind::kOwnerChange || v.meta->kind == TxKind::kDeveloperSale) &&
        v.meta->ref == s.dwelling_id) {
      s.entries.push_back(StatementEntry{v.meta->date, v.meta->id, v.meta->kind, Money(),
                                         v.meta->memo});
    }
  }
  s.line.opening = Money::Fen(opening);
  s.line.closing = Money::Fen(Closing(s.line));
  s.line.owed = Money::Fen(-owed_fen);
  return s;
}

YearStatements ComputeYear(const Ledger& ledger, int year) {
  const AccountLayout& a = ledger.layout();
  YearStatements ys;
  ys.year = year;
  ys.lines.assign(a.size(), StatementLine{});
  std::vector<std::int64_t> opening(a.size(), 0);
  for (std::size_t t = 0; t < ledger.tx_count(); ++t) {
    const Ledger::TxView v = ledger.tx(t);
    const int y = v.meta->date / 10000;
    if (y > year) break;
    if (v.meta->kind == TxKind::kBalanceAssertion) continue;
    for (std::size_t i = 0; i < v.accounts.size(); ++i) {
      if (y < year) opening[v.accounts[i]] += v.amounts[i];
      else AddTo(ys.lines[v.accounts[i]], v.meta->kind, v.amounts[i]);
    }
  }
  const std::size_t n = a.dwellings();
  for (std::uint32_t id = 0; id < a.size(); ++id) {
    StatementLine& l = ys.lines[id];
    l.opening = Money::Fen(opening[id]);
    l.closing = Money::Fen(Closing(l));
  }
  for (std::size_t d = 0; d < n; ++d) ys.lines[d].owed = Money::Fen(-ys.lines[n + d].closing.fen());
  ys.funds.assign(a.funds(), StatementLine{});
  auto add = [](StatementLine& f, const StatementLine& l) {
    auto plus = [](Money& x, Money y) { x = Money::Fen(x.fen() + y.fen()); };
    plus(f.opening, l.opening); plus(f.deposits, l.deposits); plus(f.uses, l.uses);
    plus(f.interest, l.interest); plus(f.income, l.income); plus(f.subsidy, l.subsidy);
    plus(f.refunds, l.refunds); plus(f.transfers, l.transfers); plus(f.closing, l.closing);
    plus(f.owed, l.owed);
  };
  for (std::uint32_t id = 0; id < a.size(); ++id) {
    const AccountKind k = a.KindOf(id);
    if (k == AccountKind::kDwelling) add(ys.funds[ledger.FundOfDwelling(id)], ys.lines[id]);
    else if (IsFundSubLedgerKind(k)) add(ys.funds[a.IndexOf(id)], ys.lines[id]);
    else if (k == AccountKind::kSellingUnitOwed || k == AccountKind::kDeveloperOwed) {
      ys.funds[a.IndexOf(id)].owed =
          Money::Fen(ys.funds[a.IndexOf(id)].owed.fen() - ys.lines[id].closing.fen());
    }
  }
  return ys;
}

absl::Status CheckYear(const Ledger& ledger, const YearStatements& ys) {
  // The bank-account total per fund at the end of the year, straight from the journal.
  std::vector<std::int64_t> fund(ledger.fund_count(), 0);
  const AccountLayout& a = ledger.layout();
  for (std::size_t t = 0; t < ledger.tx_count(); ++t) {
    const Ledger::TxView v = ledger.tx(t);
    if (v.meta->date / 10000 > ys.year) break;
    if (v.meta->kind == TxKind::kBalanceAssertion) continue;
    for (std::size_t i = 0; i < v.accounts.size(); ++i) {
      const std::uint32_t id = v.accounts[i];
      const AccountKind k = a.KindOf(id);
      if (k == AccountKind::kDwelling) fund[ledger.FundOfDwelling(id)] += v.amounts[i];
      else if (IsFundSubLedgerKind(k)) fund[a.IndexOf(id)] += v.amounts[i];
    }
  }
  for (std::size_t f = 0; f < fund.size(); ++f) {
    if (ys.funds[f].closing.fen() != fund[f] || Closing(ys.funds[f]) != fund[f]) {
      return absl::DataLossError(StrCat("fund \"", ledger.FundId(static_cast<Index>(f)), "\" ",
                                        ys.year, ": sub-ledgers close at ",
                                        ys.funds[f].closing.ToYuanString(),
                                        ", the fund account at ",
                                        Money::Fen(fund[f]).ToYuanString()));
    }
  }
  return absl::OkStatus();
}

std::string MaskOwnerName(std::string_view name, OwnerKind kind) {
  // One masking rule for every publication (keeps compound surnames: 欧阳**).
  return kind == OwnerKind::kPerson ? MaskPersonName(name) : std::string(name);
}

void WritePublication(const Ledger& ledger, const YearStatements& ys, std::ostream& out) {
  const Registry& r = ledger.registry();
  absl::flat_hash_map<Index, std::string> new_owner;
  out << "{\"format\":\"renewal.ledger.publication/1\",\"year\":" << ys.year
      << ",\"fund_scope\":\""
      << (ledger.options().fund_scope == FundScope::kEstate ? "estate" : "building")
      << "\",\"funds\":[";
  for (std::size_t f = 0; f < ys.funds.size(); ++f) {
    out << (f ? "," : "") << "{\"fund\":";
    Escape(out, ledger.FundId(static_cast<Index>(f)));
    out << ",";
    WriteLine(out, ys.funds[f], true);
    out << "}";
  }
  out << "],\"uses\":[";
  bool first = true;
  for (std::size_t t = 0; t < ledger.tx_count(); ++t) {
    const Ledger::TxView v = ledger.tx(t);
    const int y = v.meta->date / 10000;
    if (y > ys.year) break;
    if (v.meta->kind == TxKind::kOwnerChange || v.meta->kind == TxKind::kDeveloperSale) {
      if (auto d = r.FindDwelling(v.meta->ref)) new_owner[*d] = v.meta->memo;
    }
    if (y != ys.year || v.meta->kind != TxKind::kUse) continue;
    std::int64_t total = 0;
    std::size_t shares = 0;
    for (std::size_t i = 0; i < v.accounts.size(); ++i) {
      if (v.amounts[i] > 0) total += v.amounts[i];
      else ++shares;
    }
    out << (first ? "" : ",") << "{\"id\":";
    first = false;
    Escape(out, v.meta->id);
    out << ",\"date\":\"" << FormatLedgerDate(v.meta->date) << "\",\"works\":";
    Escape(out, v.meta->memo);
    out << ",\"amount\":\"" << Money::Fen(total).ToYuanString() << "\",\"shares\":" << shares
        << ",\"vote_id\":";
    Escape(out, v.meta->approval.vote_id);
    out << ",\"rule\":";
    Escape(out, v.meta->approval.rule);
    out << ",\"emergency\":" << (v.meta->approval.emergency ? "true" : "false") << "}";
  }
  out << "],\"dwellings\":[";
  for (Index d = 0; d < r.dwelling_count(); ++d) {
    out << (d ? "," : "") << "{\"dwelling\":";
    Escape(out, r.dwelling(d).id);
    out << ",\"owner\":";
    if (auto it = new_owner.find(d); it != new_owner.end()) {
      Escape(out, MaskOwnerName(it->second, OwnerKind::kPerson));
    } else if (const Index o = r.dwellings().owner[d]; o != kNoIndex) {
      Escape(out, MaskOwnerName(r.owner(o).name, r.owner(o).kind));
    } else {
      out << "null";
    }
    out << ",";
    WriteLine(out, ys.lines[d], true);
    out << "}";
  }
  out << "]}\n";
}

void WriteStatementJson(const Ledger& ledger, const DwellingStatement& s, std::ostream& out) {
  out << "{\"format\":\"renewal.ledger.statement/1\",\"dwelling\":";
  Escape(out, s.dwelling_id);
  out << ",\"fund\":";
  Escape(out, ledger.FundId(s.fund));
  out << ",\"year\":" << s.year << ",";
  WriteLine(out, s.line, true);
  out << ",\"entries\":[";
  for (std::size_t i = 0; i < s.entries.size(); ++i) {
    const StatementEntry& e = s.entries[i];
    out << (i ? "," : "") << "{\"date\":\"" << FormatLedgerDate(e.date) << "\",\"tx\":";
    Escape(out, e.tx_id);
    out << ",\"kind\":\"" << KeyOf(e.kind) << "\",\"amount\":\"" << e.amount.ToYuanString()
        << "\",\"memo\":";
    Escape(out, e.memo);
    out << "}";
  }
  out << "]}\n";
}

void WriteJournalJson(const Ledger& ledger, std::ostream& out) {
  out << "{\"format\":\"renewal.ledger.journal/1\",\"fund_scope\":\""
      << (ledger.options().fund_scope == FundScope::kEstate ? "estate" : "building")
      << "\",\"transactions\":[";
  for (std::size_t t = 0; t < ledger.tx_count(); ++t) {
    const Ledger::TxView v = ledger.tx(t);
    const Transaction& m = *v.meta;
    out << (t ? ",\n" : "\n") << "{\"id\":";
    Escape(out, m.id);
    out << ",\"date\":\"" << FormatLedgerDate(m.date) << "\",\"kind\":\"" << KeyOf(m.kind)
        << "\",\"memo\":";
    Escape(out, m.memo);
    out << ",\"ref\":";
    Escape(out, m.ref);
    if (m.kind == TxKind::kUse) {
      out << ",\"approval\":{\"vote_id\":";
      Escape(out, m.approval.vote_id);
      out << ",\"rule\":";
      Escape(out, m.approval.rule);
      out << ",\"passed\":" << (m.approval.passed ? "true" : "false")
          << ",\"emergency\":" << (m.approval.emergency ? "true" : "false") << ",\"reason\":";
      Escape(out, m.approval.reason);
      out << "},\"renovation_contribution\":" << (m.renovation_contribution ? "true" : "false");
    }
    if (m.kind == TxKind::kDeveloperSale) {
      out << ",\"reason\":";
      Escape(out, m.approval.reason);
    }
    out << (m.kind == TxKind::kBalanceAssertion ? ",\"expect\":[" : ",\"postings\":[");
    for (std::size_t i = 0; i < v.accounts.size(); ++i) {
      out << (i ? "," : "") << "{\"account\":";
      Escape(out, AccountKey(ledger, v.accounts[i]));
      out << ",\"amount\":\"" << Money::Fen(v.amounts[i]).ToYuanString() << "\"}";
    }
    out << "]}";
  }
  out << "\n]}\n";
}

}  // namespace renewal
