// renewal._core.ledger: the maintenance fund ledger (住宅专项维修资金). Amounts are
// given as ints in fen or yuan as Decimal / str ("4200.00") (MoneyArg, bindings.h);
// results carry fen as ints. One function per group of methods below.
// python/renewal/ledger.py adds DataFrames (to_frame, balances_frame).
#include "bindings.h"

#include <pybind11/numpy.h>

#include <sstream>
#include <string>
#include <vector>

#include "renewal/calendar/date.h"
#include "renewal/ledger/ledger.h"
#include "renewal/ledger/ledger_statement.h"
#include "renewal/registry/registry.h"

namespace renewal::python {
namespace {

int DateArg(const std::string& text) { return ValueOrThrow(ParseLedgerDate(text)); }

Index Dwelling(const Ledger& l, const std::string& id) {
  std::optional<Index> d = l.registry().FindDwelling(id);
  if (!d) ThrowStatus(absl::NotFoundError("dwelling: no dwelling with id \"" + id + "\""));
  return *d;
}

// "all", "estate:E1", "building:B1", "entrance:B1/1", "dwelling:D-1".
LedgerScope ScopeArg(const Ledger& l, const std::string& spec) {
  const Registry& r = l.registry();
  if (spec == "all") return LedgerScope{LedgerScopeKind::kAll, 0};
  const std::size_t colon = spec.find(':');
  const std::string kind = spec.substr(0, colon);
  const std::string id = colon == std::string::npos ? "" : spec.substr(colon + 1);
  std::optional<Index> i;
  LedgerScopeKind k = LedgerScopeKind::kAll;
  if (kind == "estate") { k = LedgerScopeKind::kEstate; i = r.FindEstate(id); }
  else if (kind == "building") { k = LedgerScopeKind::kBuilding; i = r.FindBuilding(id); }
  else if (kind == "dwelling") { k = LedgerScopeKind::kDwelling; i = r.FindDwelling(id); }
  else if (kind == "entrance") {
    k = LedgerScopeKind::kEntrance;
    const std::size_t slash = id.find('/');
    if (slash != std::string::npos) {
      if (auto b = r.FindBuilding(id.substr(0, slash))) i = r.FindEntrance(*b, id.substr(slash + 1));
    }
  } else {
    ThrowStatus(absl::InvalidArgumentError(
        "scope: expected all, estate:ID, building:ID, entrance:BUILDING/ENTRANCE or dwelling:ID, got \"" +
        spec + "\""));
  }
  if (!i) ThrowStatus(absl::NotFoundError("scope: no " + kind + " \"" + id + "\""));
  return LedgerScope{k, *i};
}

LedgerOptions Options(const std::string& fund_scope, int threshold, const std::string& target,
                      bool sync) {
  LedgerOptions o;
  if (fund_scope == "building") o.fund_scope = FundScope::kBuilding;
  else if (fund_scope != "estate") {
    ThrowStatus(absl::InvalidArgumentError("fund_scope: expected estate or building, got \"" +
                                           fund_scope + "\""));
  }
  o.top_up_threshold_pct = threshold;
  if (target == "current_standard") o.top_up_target = TopUpTarget::kCurrentStandard;
  else if (target != "first_deposit") {
    ThrowStatus(absl::InvalidArgumentError(
        "top_up_target: expected first_deposit or current_standard, got \"" + target + "\""));
  }
  o.sync = sync;
  return o;
}

py::dict LineDict(const StatementLine& x) {
  py::dict d;
  d["opening"] = x.opening.fen();
  d["deposits"] = x.deposits.fen();
  d["uses"] = x.uses.fen();
  d["interest"] = x.interest.fen();
  d["income"] = x.income.fen();
  d["subsidy"] = x.subsidy.fen();
  d["refunds"] = x.refunds.fen();
  d["transfers"] = x.transfers.fen();
  d["closing"] = x.closing.fen();
  d["owed"] = x.owed.fen();
  return d;
}

template <class T>
py::array_t<T> Array(const std::vector<T>& v) {
  py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

using LedgerClass = py::class_<Ledger>;

// A ledger date (yyyymmdd, checked when it was posted) as days since 1970-01-01, the
// form the frames turn into datetimes in bulk.
std::int64_t LedgerDays(int yyyymmdd) {
  return ValueOrThrow(Date::FromYmd(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100)).days();
}

// Opening a ledger: a new one, a journal file appended to, or a read-only replay.
void DefOpening(LedgerClass& c) {
  c.def(py::init([](const Registry& registry, std::optional<Text> path,
                    const Text& fund_scope, Int top_up_threshold_pct,
                    const Text& top_up_target, bool sync) {
          LedgerOptions o = Options(fund_scope, top_up_threshold_pct, top_up_target, sync);
          if (path) return ValueOrThrow(Ledger::Open(registry, *path, o));
          return ValueOrThrow(Ledger::Create(registry, o));
        }),
        py::arg("registry"), py::arg("path") = py::none(), py::arg("fund_scope") = "estate",
        py::arg("top_up_threshold_pct") = 30, py::arg("top_up_target") = "first_deposit",
        py::arg("sync") = true, py::keep_alive<1, 2>(), R"doc(
:param registry: the renewal.Registry (kept alive by the ledger).
:param path: journal file; replayed if it exists, appended to and fsynced per transaction.
  None keeps the journal in memory.
:param fund_scope: "estate" or "building".
:raises renewal.DataLossError: the journal is damaged (other than a torn last record).
:raises renewal.FailedPreconditionError: another Ledger (in this process or another)
  has the journal open for appending; it is free once that one is closed.
)doc")
    .def_static(
        "replay",
        [](const Registry& registry, const Text& path, const Text& fund_scope) {
          return ValueOrThrow(
              Ledger::Replay(registry, path, Options(fund_scope, 30, "first_deposit", true)));
        },
        py::arg("registry"), py::arg("path"), py::arg("fund_scope") = "estate",
        py::keep_alive<0, 1>(), "Replay a journal file read-only.");
}

// Money paid in for one dwelling (Order 165 arts. 7-8, 17).
void DefDeposits(LedgerClass& c) {
  c.def("deposit",
        [](Ledger& l, const Text& d, const py::object& amount, const DateText& date,
           const Text& memo) {
          ThrowIfError(l.Deposit(Dwelling(l, d), MoneyArg(amount, "amount"), DateArg(date), memo));
        },
        py::arg("dwelling"), py::arg("amount"), py::arg("date"), py::arg("memo") = "",
        "First deposit (Order 165 arts. 7-8); developer-held units go to the developer sub-ledger.")
    .def("top_up",
         [](Ledger& l, const Text& d, const py::object& amount, const DateText& date) {
           ThrowIfError(l.TopUp(Dwelling(l, d), MoneyArg(amount, "amount"), DateArg(date)));
         },
         py::arg("dwelling"), py::arg("amount"), py::arg("date"), "Top-up (续筹, art. 17).")
    .def("selling_unit_deposit",
         [](Ledger& l, const Text& d, const py::object& amount, const DateText& date) {
           ThrowIfError(l.SellingUnitDeposit(Dwelling(l, d), MoneyArg(amount, "amount"), DateArg(date)));
         },
         py::arg("dwelling"), py::arg("amount"), py::arg("date"),
         "The selling unit's deposit for a sold public-housing dwelling (art. 8(2)).")
    .def("settle_owed",
         [](Ledger& l, const Text& d, const py::object& amount, const DateText& date) {
           ThrowIfError(l.SettleOwed(Dwelling(l, d), MoneyArg(amount, "amount"), DateArg(date)));
         },
         py::arg("dwelling"), py::arg("amount"), py::arg("date"))
    .def("assert_balance",
         [](Ledger& l, const Text& d, const py::object& amount, const DateText& date) {
           ThrowIfError(l.AssertBalance(Dwelling(l, d), MoneyArg(amount, "amount"), DateArg(date)));
         },
         py::arg("dwelling"), py::arg("amount"), py::arg("date"),
         "Balance assertion (as in beancount), journaled and checked on replay.");
}

// Paying a works bill from the fund (art. 20).
void DefUse(LedgerClass& c) {
  c.def("use",
        [](Ledger& l, const Text& scope, const py::object& amount,
           const DateText& date, const Text& id, const Text& facility,
           const Text& category, const Text& vote_id, const Text& rule,
           bool passed, bool emergency, const Text& reason,
           std::optional<bool> owners_assembly, bool contribution, const Text& memo) {
          UseRequest q;
          q.id = id;
          q.scope = ScopeArg(l, scope);
          q.amount = MoneyArg(amount, "amount");
          q.date = DateArg(date);
          std::optional<Facility> f = ParseLabel<Facility>(facility);
          if (!f) ThrowStatus(absl::InvalidArgumentError("facility: unknown \"" + facility + "\""));
          q.facility = *f;
          std::optional<UseCategory> c = ParseLabel<UseCategory>(category);
          if (!c) ThrowStatus(absl::InvalidArgumentError("category: unknown \"" + category + "\""));
          q.category = *c;
          q.approval = FundUseApproval{vote_id, rule, passed, emergency, reason};
          q.owners_assembly = owners_assembly;
          q.renovation_contribution = contribution;
          q.memo = memo;
          UseResult r = ValueOrThrow(l.Use(q));
          py::dict d;
          d["tx"] = r.tx_id;
          d["total"] = r.total.fen();
          d["from_dwellings"] = r.from_dwellings.fen();
          d["from_selling_unit"] = r.from_selling_unit.fen();
          d["from_developer"] = r.from_developer.fen();
          d["owed"] = r.owed.fen();
          d["dwellings"] = r.dwellings;
          d["rule"] = r.rule;
          return d;
        },
        py::arg("scope"), py::arg("amount"), py::arg("date"), py::arg("id") = "",
        py::arg("facility") = "roof", py::arg("category") = "common_parts",
        py::arg("vote_id") = "", py::arg("rule") = "", py::arg("passed") = false,
        py::arg("emergency") = false, py::arg("reason") = "",
        py::arg("owners_assembly") = py::none(), py::arg("contribution") = false,
        py::arg("memo") = "", R"doc(
Pay a works bill from the fund, shared by exclusive area over the scope's dwellings
(Order 165 art. 20). Needs a passed vote with rule "civil_code_ordinary" (owners'
assembly) or "order165_fund_use_without_assembly", or emergency=True with a reason
(art. 24). Excluded categories (art. 25) raise FailedPreconditionError.

:param scope: "estate:ID", "building:ID" or "entrance:BUILDING/ENTRANCE".
:returns: dict with tx, total, from_dwellings, from_selling_unit, from_developer, owed (fen).
)doc");
}

// Interest, income, subsidy, changes of owner, refunds and the deposit policy.
void DefFundEvents(LedgerClass& c) {
  c.def("credit_interest",
        [](Ledger& l, const py::object& amount, const DateText& date,
           const Text& scope) {
          ThrowIfError(l.CreditInterest(ScopeArg(l, scope), MoneyArg(amount, "amount"), DateArg(date)));
        },
        py::arg("amount"), py::arg("date"), py::arg("scope") = "all",
        "Interest credited pro rata to balances (largest remainder).")
    .def("credit_income",
         [](Ledger& l, const py::object& amount, const DateText& date,
            const Text& scope, bool public_income) {
           ThrowIfError(l.CreditIncome(ScopeArg(l, scope), MoneyArg(amount, "amount"),
                                       public_income ? IncomeTarget::kPublicIncome
                                                     : IncomeTarget::kByArea,
                                       DateArg(date)));
         },
         py::arg("amount"), py::arg("date"), py::arg("scope") = "all",
         py::arg("public_income") = false, "Common-part income (art. 28).")
    .def("subsidize",
         [](Ledger& l, const Text& use, const DateText& date, Int pct) {
           ThrowIfError(l.Subsidize(use, pct, DateArg(date)));
         },
         py::arg("use"), py::arg("date"), py::arg("pct") = 50,
         "Ningbo: the government pays pct% of what dwellings used in a renovation contribution.")
    .def("change_owner",
         [](Ledger& l, const Text& d, const Text& who, const DateText& date) {
           ThrowIfError(l.ChangeOwner(Dwelling(l, d), who, DateArg(date)));
         },
         py::arg("dwelling"), py::arg("new_owner"), py::arg("date"),
         "Change of owner (Order 165 art. 29; the balance stays with the dwelling). For a unit\n"
         "the developer still holds this is its sale: the unit's share of the developer\n"
         "sub-ledger, pro rata to the developer's deposits for its held units, moves to the\n"
         "dwelling (kind developer_sale, with the reason).")
    .def("refund",
         [](Ledger& l, const Text& b, const DateText& date) {
           std::optional<Index> i = l.registry().FindBuilding(b);
           if (!i) ThrowStatus(absl::NotFoundError("building: no building with id \"" + b + "\""));
           ThrowIfError(l.Refund(*i, DateArg(date)));
         },
         py::arg("building"), py::arg("date"), "Building destroyed: balances returned (art. 30).")
    .def("apply_policy",
         [](Ledger& l, const Text& name, const py::object& cost, Int rate_bp,
            const py::object& reform_cost, const py::object& standard, int pct) {
           DepositPolicy p;
           if (name == "liuyang") {
             p = LiuyangPolicy();
           } else if (name == "national") {
             p = ValueOrThrow(NationalPolicy(MoneyArg(cost, "cost"), rate_bp,
                                             reform_cost.is_none() ? Money() : MoneyArg(reform_cost, "reform_cost")));
           } else if (name == "ningbo") {
             p = ValueOrThrow(NingboPolicy(MoneyArg(standard, "standard"), pct));
           } else {
             ThrowStatus(absl::InvalidArgumentError(
                 "policy: expected liuyang, national or ningbo, got \"" + name + "\""));
           }
           ThrowIfError(l.ApplyPolicy(p));
         },
         py::arg("name"), py::arg("cost") = py::none(), py::arg("rate_bp") = 500,
         py::arg("reform_cost") = py::none(), py::arg("standard") = py::none(),
         py::arg("pct") = 60, "Set each dwelling's required first deposit from a policy.");
}

// Balances and the per-dwelling and per-posting columns behind the DataFrames.
void DefBalances(LedgerClass& c) {
  c.def("balance",
        [](const Ledger& l, const Text& d) { return l.DwellingBalance(Dwelling(l, d)).fen(); },
        py::arg("dwelling"), "A dwelling's balance in fen.")
    .def("owed",
         [](const Ledger& l, const Text& d) { return l.AmountOwed(Dwelling(l, d)).fen(); },
         py::arg("dwelling"), "What a dwelling's owner owes, in fen.")
    .def("fund_totals",
         [](const Ledger& l) {
           py::dict d;
           for (Index f = 0; f < l.fund_count(); ++f) {
             d[py::str(std::string(l.FundId(f)))] = l.FundTotal(f).fen();
           }
           return d;
         },
         "Fund id → total in fen.")
    .def("_balance_columns",
         [](const Ledger& l) {
           const Registry& r = l.registry();
           const std::size_t n = r.dwelling_count();
           std::vector<std::string> ids(n), funds(n), status(n);
           std::vector<std::int64_t> bal(n), owed(n), req(n), first(n);
           for (Index d = 0; d < n; ++d) {
             ids[d] = r.dwelling(d).id;
             funds[d] = std::string(l.FundId(l.FundOfDwelling(d)));
             bal[d] = l.DwellingBalance(d).fen();
             owed[d] = l.AmountOwed(d).fen();
             req[d] = l.RequiredFirstDeposit(d).fen();
             first[d] = l.FirstDepositPaid(d).fen();
             status[d] = std::string(KeyOf(l.StatusOf(d)));
           }
           py::dict c;
           c["dwelling"] = ids;
           c["fund"] = funds;
           c["balance_fen"] = Array(bal);
           c["owed_fen"] = Array(owed);
           c["required_fen"] = Array(req);
           c["first_deposit_fen"] = Array(first);
           c["status"] = status;
           return c;
         },
         "Per-dwelling columns (see renewal.ledger.balances_frame).")
    .def("_posting_columns",
         [](const Ledger& l) {
           std::vector<std::string> tx, kind, account, memo;
           std::vector<std::int64_t> amount, days;
           for (std::size_t t = 0; t < l.tx_count(); ++t) {
             const Ledger::TxView v = l.tx(t);
             for (std::size_t i = 0; i < v.accounts.size(); ++i) {
               tx.push_back(v.meta->id);
               days.push_back(LedgerDays(v.meta->date));
               kind.push_back(std::string(KeyOf(v.meta->kind)));
               account.push_back(AccountKey(l, v.accounts[i]));
               amount.push_back(v.amounts[i]);
               memo.push_back(v.meta->memo);
             }
           }
           py::dict c;
           c["tx"] = tx;
           c["date_days"] = Array(days);  // renewal.ledger.to_frame makes the datetimes
           c["kind"] = kind;
           c["account"] = account;
           c["amount_fen"] = Array(amount);
           c["memo"] = memo;
           return c;
         },
         "One row per posting (see renewal.ledger.to_frame).")
    .def_property_readonly("tx_count", &Ledger::tx_count)
    .def_property_readonly("posting_count", &Ledger::posting_count)
    .def("check", [](const Ledger& l) { ThrowIfError(l.CheckInvariants()); },
         "Raise DataLossError unless every invariant holds.")
    .def("__repr__", [](const Ledger& l) {
      return "<renewal.ledger.Ledger: " + std::to_string(l.fund_count()) + " funds, " +
             std::to_string(l.layout().dwellings()) + " dwellings, " +
             std::to_string(l.tx_count()) + " transactions>";
    });
}

// Statements, arrears, top-up notices and the published JSON.
void DefStatements(LedgerClass& c) {
  c.def("statement",
        [](const Ledger& l, const Text& d, Int year) {
          DwellingStatement s = ValueOrThrow(StatementOf(l, Dwelling(l, d), year));
          py::dict out = LineDict(s.line);
          out["dwelling"] = s.dwelling_id;
          out["fund"] = std::string(l.FundId(s.fund));
          out["year"] = s.year;
          py::list entries;
          for (const StatementEntry& e : s.entries) {
            py::dict x;
            x["date"] = FormatLedgerDate(e.date);
            x["tx"] = e.tx_id;
            x["kind"] = std::string(KeyOf(e.kind));
            x["amount"] = e.amount.fen();
            x["memo"] = e.memo;
            entries.append(x);
          }
          out["entries"] = entries;
          return out;
        },
        py::arg("dwelling"), py::arg("year"),
        "Annual statement of one dwelling (Order 165 art. 31), amounts in fen.")
    .def("statement_json",
         [](const Ledger& l, const Text& d, Int year) {
           DwellingStatement s = ValueOrThrow(StatementOf(l, Dwelling(l, d), year));
           std::ostringstream os;
           WriteStatementJson(l, s, os);
           return os.str();
         },
         py::arg("dwelling"), py::arg("year"),
         "The statement as JSON (renewal.ledger.statement/1, amounts in yuan text).")
    .def("arrears",
         [](const Ledger& l) {
           py::list out;
           for (const Arrear& a : l.Arrears()) {
             py::dict d;
             d["dwelling"] = l.registry().dwelling(a.dwelling).id;
             d["required"] = a.required.fen();
             d["paid"] = a.paid.fen();
             d["missing"] = a.missing.fen();
             out.append(d);
           }
           return out;
         },
         "Dwellings whose first deposit is not fully paid (after apply_policy).")
    .def("top_ups_due",
         [](const Ledger& l) {
           py::list out;
           for (const TopUpNotice& n : l.TopUpsDue()) {
             py::dict d;
             d["dwelling"] = l.registry().dwelling(n.dwelling).id;
             d["balance"] = n.balance.fen();
             d["first_deposit"] = n.first_deposit.fen();
             d["amount_due"] = n.amount_due.fen();
             d["reason"] = n.reason;
             out.append(d);
           }
           return out;
         },
         "Top-up notices: balance below the threshold of the first deposit (art. 17).")
    .def("publication",
         [](const Ledger& l, Int year) {
           YearStatements ys = ComputeYear(l, year);
           ThrowIfError(CheckYear(l, ys));
           std::ostringstream os;
           WritePublication(l, ys, os);
           return os.str();
         },
         py::arg("year"), "Publication JSON with owner names masked.")
    .def("journal_json",
         [](const Ledger& l) {
           std::ostringstream os;
           WriteJournalJson(l, os);
           return os.str();
         },
         "The journal as JSON (renewal.ledger.journal/1).");
}

}  // namespace

void register_ledger(py::module_& m) {
  m.attr("RULE_CIVIL_CODE_ORDINARY") = std::string(kRuleCivilCodeOrdinary);
  m.attr("RULE_WITHOUT_ASSEMBLY") = std::string(kRuleWithoutAssembly);
  LedgerClass c(m, "Ledger", R"doc(
A maintenance fund ledger over a Registry: one fund per estate (or building), a
sub-ledger per dwelling, double-entry postings in fen, an append-only journal.
Amounts are ints in fen, or yuan as decimal.Decimal or str ("4200.00"); a float is
refused (not exact). Dates are "YYYY-MM-DD".
)doc");
  DefOpening(c);
  DefDeposits(c);
  DefUse(c);
  DefFundEvents(c);
  DefBalances(c);
  DefStatements(c);
}

}  // namespace renewal::python
