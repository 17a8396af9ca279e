// `renewal ledger ACTION REGISTRY JOURNAL ...`: the maintenance fund ledger from the
// command line. Every action opens (or creates) the journal file, replays it, and
// appends at most one transaction.
#include <iostream>
#include <ostream>

#include "command.h"
#include "renewal/ledger/ledger.h"
#include "renewal/ledger/ledger_statement.h"
#include "renewal/registry/registry_json.h"
#include "renewal/base/strcat.h"

namespace renewal::cli {
namespace {

constexpr std::string_view kUsage =
    "ledger ACTION REGISTRY JOURNAL [options]; ACTION is one of\n"
    "        init [--fund-scope estate|building]\n"
    "        deposit|top-up|selling-unit --dwelling ID --amount YUAN --date D\n"
    "        use --id ID (--estate|--building ID | --entrance BUILDING/ENTRANCE) --amount YUAN\n"
    "            --date D [--facility roof] [--category common_parts] --vote ID --rule RULE\n"
    "            [--passed] [--emergency --reason TEXT] [--owners-assembly yes|no] [--contribution]\n"
    "        interest|income --amount YUAN --date D [--estate|--building ID] [--public-income]\n"
    "        subsidy --use ID --date D [--pct 50]\n"
    "        owner --dwelling ID --new-owner NAME --date D   (of a developer-held unit: its sale)\n"
    "        settle --dwelling ID --amount YUAN --date D\n"
    "        refund --building ID --date D\n"
    "        assert --dwelling ID --amount YUAN --date D\n"
    "        balance [--dwelling ID]\n"
    "        statement --dwelling ID --year Y\n"
    "        publish --year Y\n"
    "        arrears|topups --policy liuyang|national|ningbo [--cost Y --rate-bp N\n"
    "            --reform-cost Y | --standard Y --pct N] [--threshold-pct 30]\n"
    "        export | check\n"
    "        [--json]";

absl::StatusOr<std::string> Need(const Args& a, std::string_view name) {
  std::optional<std::string> v = a.option(name);
  if (!v) return absl::InvalidArgumentError(StrCat("ledger: --", name, " is required"));
  return *v;
}

absl::StatusOr<Index> DwellingArg(const Registry& r, const Args& a) {
  absl::StatusOr<std::string> id = Need(a, "dwelling");
  if (!id.ok()) return id.status();
  std::optional<Index> d = r.FindDwelling(*id);
  if (!d) return absl::NotFoundError(StrCat("--dwelling: no dwelling with id \"", *id, "\""));
  return *d;
}

absl::StatusOr<Money> AmountArg(const Args& a) {
  absl::StatusOr<std::string> text = Need(a, "amount");
  if (!text.ok()) return text.status();
  absl::StatusOr<Money> m = Money::Parse(*text);
  if (!m.ok()) return absl::InvalidArgumentError(StrCat("--amount: ", m.status().message()));
  return m;
}

absl::StatusOr<int> DateArg(const Args& a) {
  absl::StatusOr<std::string> text = Need(a, "date");
  if (!text.ok()) return text.status();
  absl::StatusOr<int> d = ParseLedgerDate(*text);
  if (!d.ok()) return absl::InvalidArgumentError(StrCat("--date: ", d.status().message()));
  return d;
}

// --estate / --building / --entrance B/E; `fallback` when none is given.
absl::StatusOr<LedgerScope> ScopeArg(const Registry& r, const Args& a, std::optional<LedgerScope> fallback) {
  if (auto e = a.option("estate")) {
    std::optional<Index> i = r.FindEstate(*e);
    if (!i) return absl::NotFoundError(StrCat("--estate: no estate with id \"", *e, "\""));
    return LedgerScope{LedgerScopeKind::kEstate, *i};
  }
  if (auto b = a.option("building")) {
    std::optional<Index> i = r.FindBuilding(*b);
    if (!i) return absl::NotFoundError(StrCat("--building: no building with id \"", *b, "\""));
    return LedgerScope{LedgerScopeKind::kBuilding, *i};
  }
  if (auto e = a.option("entrance")) {
    const std::size_t slash = e->find('/');
    std::optional<Index> b = slash == std::string::npos ? std::nullopt
                                                        : r.FindBuilding(e->substr(0, slash));
    std::optional<Index> i = b ? r.FindEntrance(*b, e->substr(slash + 1)) : std::nullopt;
    if (!i) return absl::NotFoundError(StrCat("--entrance: no entrance \"", *e, "\" (BUILDING/ENTRANCE)"));
    return LedgerScope{LedgerScopeKind::kEntrance, *i};
  }
  if (fallback) return *fallback;
  return absl::InvalidArgumentError("ledger: give --estate, --building or --entrance");
}

absl::StatusOr<DepositPolicy> PolicyArg(const Args& a) {
  absl::StatusOr<std::string> name = Need(a, "policy");
  if (!name.ok()) return name.status();
  auto money = [&](std::string_view opt) -> absl::StatusOr<Money> {
    absl::StatusOr<std::string> t = Need(a, opt);
    if (!t.ok()) return t.status();
    return Money::Parse(*t);
  };
  if (*name == "liuyang") return LiuyangPolicy();
  if (*name == "national") {
    absl::StatusOr<Money> cost = money("cost");
    if (!cost.ok()) return cost.status();
    long long bp = 0;
    if (auto s = a.IntOption("rate-bp", 500, &bp); !s.ok()) return s;
    Money reform;
    if (a.option("reform-cost")) {
      absl::StatusOr<Money> m = money("reform-cost");
      if (!m.ok()) return m.status();
      reform = *m;
    }
    return NationalPolicy(*cost, static_cast<int>(bp), reform);
  }
  if (*name == "ningbo") {
    absl::StatusOr<Money> standard = money("standard");
    if (!standard.ok()) return standard.status();
    long long pct = 0;
    if (auto s = a.IntOption("pct", 60, &pct); !s.ok()) return s;
    return NingboPolicy(*standard, static_cast<int>(pct));
  }
  return absl::InvalidArgumentError(
      StrCat("--policy: expected liuyang, national or ningbo, got \"", *name, "\""));
}

void PrintStatus(std::ostream& out, bool json, std::string_view what, const Ledger& l) {
  if (json) {
    out << "{\"ok\":true,\"action\":\"" << what << "\",\"transactions\":" << l.tx_count()
        << ",\"postings\":" << l.posting_count() << "}\n";
  } else {
    out << "已记账 posted: " << what << " (" << l.tx_count() << " 笔 transactions)\n";
  }
}

absl::Status Run(const Args& args, std::ostream& out) {
  const auto& pos = args.positional();
  if (pos.size() != 3) return absl::InvalidArgumentError(StrCat("usage: renewal ", kUsage));
  const std::string& action = pos[0];
  absl::StatusOr<Registry> registry = LoadRegistryFile(pos[1]);
  if (!registry.ok()) return registry.status();
  const Registry& r = *registry;
  LedgerOptions options;
  if (auto scope = args.option("fund-scope")) {
    if (*scope == "building") options.fund_scope = FundScope::kBuilding;
    else if (*scope != "estate") {
      return absl::InvalidArgumentError(
          StrCat("--fund-scope: expected estate or building, got \"", *scope, "\""));
    }
  }
  long long threshold = 30;
  if (auto s = args.IntOption("threshold-pct", 30, &threshold); !s.ok()) return s;
  options.top_up_threshold_pct = static_cast<int>(threshold);
  const bool read_only = action == "balance" || action == "statement" || action == "publish" ||
                         action == "arrears" || action == "topups" || action == "export" ||
                         action == "check";
  OpenReport report;
  absl::StatusOr<Ledger> opened = read_only ? Ledger::Replay(r, pos[2], options, &report)
                                            : Ledger::Open(r, pos[2], options, &report);
  if (!opened.ok()) return opened.status();
  Ledger& l = *opened;
  if (report.torn_bytes > 0) std::cerr << "renewal ledger: " << report.message << " (ignored)\n";
  const bool json = args.flag("json");

  if (action == "init") {
    PrintStatus(out, json, "init", l);
    return absl::OkStatus();
  }
  if (action == "deposit" || action == "top-up" || action == "selling-unit" ||
      action == "settle" || action == "assert") {
    absl::StatusOr<Index> d = DwellingArg(r, args);
    if (!d.ok()) return d.status();
    absl::StatusOr<Money> amount = AmountArg(args);
    if (!amount.ok()) return amount.status();
    absl::StatusOr<int> date = DateArg(args);
    if (!date.ok()) return date.status();
    const std::string memo = args.option("memo").value_or("");
    absl::Status s;
    if (action == "deposit") s = l.Deposit(*d, *amount, *date, memo);
    else if (action == "top-up") s = l.TopUp(*d, *amount, *date, memo);
    else if (action == "selling-unit") s = l.SellingUnitDeposit(*d, *amount, *date, memo);
    else if (action == "settle") s = l.SettleOwed(*d, *amount, *date);
    else s = l.AssertBalance(*d, *amount, *date);
    if (!s.ok()) return s;
    PrintStatus(out, json, action, l);
    return absl::OkStatus();
  }
  if (action == "use") {
    UseRequest q;
    q.id = args.option("id").value_or("");
    absl::StatusOr<LedgerScope> scope = ScopeArg(r, args, std::nullopt);
    if (!scope.ok()) return scope.status();
    q.scope = *scope;
    absl::StatusOr<Money> amount = AmountArg(args);
    if (!amount.ok()) return amount.status();
    q.amount = *amount;
    absl::StatusOr<int> date = DateArg(args);
    if (!date.ok()) return date.status();
    q.date = *date;
    if (auto f = args.option("facility")) {
      std::optional<Facility> fac = ParseLabel<Facility>(*f);
      if (!fac) return absl::InvalidArgumentError(StrCat("--facility: unknown \"", *f, "\""));
      q.facility = *fac;
    }
    if (auto c = args.option("category")) {
      std::optional<UseCategory> cat = ParseLabel<UseCategory>(*c);
      if (!cat) return absl::InvalidArgumentError(StrCat("--category: unknown \"", *c, "\""));
      q.category = *cat;
    }
    q.approval.vote_id = args.option("vote").value_or("");
    q.approval.rule = args.option("rule").value_or("");
    q.approval.passed = args.flag("passed");
    q.approval.emergency = args.flag("emergency");
    q.approval.reason = args.option("reason").value_or("");
    if (auto oa = args.option("owners-assembly")) q.owners_assembly = *oa == "yes";
    q.renovation_contribution = args.flag("contribution");
    q.memo = args.option("memo").value_or("");
    absl::StatusOr<UseResult> res = l.Use(q);
    if (!res.ok()) return res.status();
    if (json) {
      out << "{\"ok\":true,\"tx\":\"" << res->tx_id << "\",\"total\":\"" << res->total.ToYuanString()
          << "\",\"from_dwellings\":\"" << res->from_dwellings.ToYuanString()
          << "\",\"from_selling_unit\":\"" << res->from_selling_unit.ToYuanString()
          << "\",\"from_developer\":\"" << res->from_developer.ToYuanString()
          << "\",\"owed\":\"" << res->owed.ToYuanString() << "\",\"dwellings\":" << res->dwellings
          << "}\n";
    } else {
      out << "使用 use " << res->tx_id << ": " << res->total.ToYuanString() << " 元, 分户 "
          << res->from_dwellings.ToYuanString() << ", 售房单位 "
          << res->from_selling_unit.ToYuanString() << ", 开发建设单位 "
          << res->from_developer.ToYuanString() << ", 欠缴 owed " << res->owed.ToYuanString()
          << " (" << res->dwellings << " 户; " << res->rule << ")\n";
    }
    return absl::OkStatus();
  }
  if (action == "interest" || action == "income") {
    absl::StatusOr<LedgerScope> scope = ScopeArg(r, args, LedgerScope{LedgerScopeKind::kAll, 0});
    if (!scope.ok()) return scope.status();
    absl::StatusOr<Money> amount = AmountArg(args);
    if (!amount.ok()) return amount.status();
    absl::StatusOr<int> date = DateArg(args);
    if (!date.ok()) return date.status();
    const std::string memo = args.option("memo").value_or("");
    absl::Status s = action == "interest"
                         ? l.CreditInterest(*scope, *amount, *date, memo)
                         : l.CreditIncome(*scope, *amount,
                                          args.flag("public-income") ? IncomeTarget::kPublicIncome
                                                                     : IncomeTarget::kByArea,
                                          *date, memo);
    if (!s.ok()) return s;
    PrintStatus(out, json, action, l);
    return absl::OkStatus();
  }
  if (action == "subsidy") {
    absl::StatusOr<std::string> use = Need(args, "use");
    if (!use.ok()) return use.status();
    absl::StatusOr<int> date = DateArg(args);
    if (!date.ok()) return date.status();
    long long pct = 50;
    if (auto s = args.IntOption("pct", 50, &pct); !s.ok()) return s;
    if (absl::Status s = l.Subsidize(*use, static_cast<int>(pct), *date); !s.ok()) return s;
    PrintStatus(out, json, action, l);
    return absl::OkStatus();
  }
  if (action == "owner") {
    absl::StatusOr<Index> d = DwellingArg(r, args);
    if (!d.ok()) return d.status();
    absl::StatusOr<std::string> who = Need(args, "new-owner");
    if (!who.ok()) return who.status();
    absl::StatusOr<int> date = DateArg(args);
    if (!date.ok()) return date.status();
    if (absl::Status s = l.ChangeOwner(*d, *who, *date); !s.ok()) return s;
    PrintStatus(out, json, action, l);
    return absl::OkStatus();
  }
  if (action == "refund") {
    absl::StatusOr<std::string> b = Need(args, "building");
    if (!b.ok()) return b.status();
    std::optional<Index> bi = r.FindBuilding(*b);
    if (!bi) return absl::NotFoundError(StrCat("--building: no building with id \"", *b, "\""));
    absl::StatusOr<int> date = DateArg(args);
    if (!date.ok()) return date.status();
    if (absl::Status s = l.Refund(*bi, *date); !s.ok()) return s;
    PrintStatus(out, json, action, l);
    return absl::OkStatus();
  }
  if (action == "balance") {
    if (args.option("dwelling")) {
      absl::StatusOr<Index> d = DwellingArg(r, args);
      if (!d.ok()) return d.status();
      if (json) {
        out << "{\"dwelling\":\"" << r.dwelling(*d).id << "\",\"balance\":\""
            << l.DwellingBalance(*d).ToYuanString() << "\",\"owed\":\""
            << l.AmountOwed(*d).ToYuanString() << "\"}\n";
      } else {
        out << r.dwelling(*d).id << " 余额 balance " << l.DwellingBalance(*d).ToYuanString()
            << ", 欠缴 owed " << l.AmountOwed(*d).ToYuanString() << "\n";
      }
      return absl::OkStatus();
    }
    out << (json ? "{\"funds\":[" : "");
    for (Index f = 0; f < l.fund_count(); ++f) {
      if (json) {
        out << (f ? "," : "") << "{\"fund\":\"" << l.FundId(f) << "\",\"total\":\""
            << l.FundTotal(f).ToYuanString() << "\"}";
      } else {
        out << l.FundId(f) << " 资金总额 fund total " << l.FundTotal(f).ToYuanString() << "\n";
      }
    }
    out << (json ? "]}\n" : "");
    return absl::OkStatus();
  }
  if (action == "statement") {
    absl::StatusOr<Index> d = DwellingArg(r, args);
    if (!d.ok()) return d.status();
    long long year = 0;
    if (auto s = args.IntOption("year", 0, &year); !s.ok()) return s;
    absl::StatusOr<DwellingStatement> st = StatementOf(l, *d, static_cast<int>(year));
    if (!st.ok()) return st.status();
    if (json) {
      WriteStatementJson(l, *st, out);
    } else {
      const StatementLine& x = st->line;
      out << "分户账 " << st->dwelling_id << " " << st->year << " 年度对账单 statement\n"
          << "  期初 opening   " << x.opening.ToYuanString() << "\n"
          << "  交存 deposits  " << x.deposits.ToYuanString() << "\n"
          << "  使用 uses      " << x.uses.ToYuanString() << "\n"
          << "  利息 interest  " << x.interest.ToYuanString() << "\n"
          << "  收益 income    " << x.income.ToYuanString() << "\n"
          << "  补贴 subsidy   " << x.subsidy.ToYuanString() << "\n"
          << "  返还 refunds   " << x.refunds.ToYuanString() << "\n"
          << "  期末 closing   " << x.closing.ToYuanString() << "\n"
          << "  欠缴 owed      " << x.owed.ToYuanString() << "\n";
    }
    return absl::OkStatus();
  }
  if (action == "publish") {
    long long year = 0;
    if (auto s = args.IntOption("year", 0, &year); !s.ok()) return s;
    YearStatements ys = ComputeYear(l, static_cast<int>(year));
    if (absl::Status s = CheckYear(l, ys); !s.ok()) return s;
    WritePublication(l, ys, out);
    return absl::OkStatus();
  }
  if (action == "arrears" || action == "topups") {
    absl::StatusOr<DepositPolicy> p = PolicyArg(args);
    if (!p.ok()) return p.status();
    if (absl::Status s = l.ApplyPolicy(*p); !s.ok()) return s;
    if (action == "arrears") {
      std::vector<Arrear> a = l.Arrears();
      out << (json ? "{\"arrears\":[" : "");
      for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string id = r.dwelling(a[i].dwelling).id;
        if (json) {
          out << (i ? "," : "") << "{\"dwelling\":\"" << id << "\",\"required\":\""
              << a[i].required.ToYuanString() << "\",\"paid\":\"" << a[i].paid.ToYuanString()
              << "\",\"missing\":\"" << a[i].missing.ToYuanString() << "\"}";
        } else {
          out << id << " 应交 " << a[i].required.ToYuanString() << " 已交 "
              << a[i].paid.ToYuanString() << " 欠 " << a[i].missing.ToYuanString() << "\n";
        }
      }
      out << (json ? "]}\n" : "");
    } else {
      std::vector<TopUpNotice> n = l.TopUpsDue();
      out << (json ? "{\"top_ups\":[" : "");
      for (std::size_t i = 0; i < n.size(); ++i) {
        if (json) {
          out << (i ? "," : "") << "{\"dwelling\":\"" << r.dwelling(n[i].dwelling).id
              << "\",\"balance\":\"" << n[i].balance.ToYuanString() << "\",\"first_deposit\":\""
              << n[i].first_deposit.ToYuanString() << "\",\"amount_due\":\""
              << n[i].amount_due.ToYuanString() << "\"}";
        } else {
          out << "续筹通知 " << n[i].reason << "\n";
        }
      }
      out << (json ? "]}\n" : "");
    }
    return absl::OkStatus();
  }
  if (action == "export") {
    WriteJournalJson(l, out);
    return absl::OkStatus();
  }
  if (action == "check") {
    if (absl::Status s = l.CheckInvariants(); !s.ok()) return s;
    if (json) {
      out << "{\"ok\":true,\"transactions\":" << report.transactions << ",\"valid_bytes\":"
          << report.valid_bytes << ",\"torn_bytes\":" << report.torn_bytes << "}\n";
    } else {
      out << "账实相符 consistent: " << report.transactions << " 笔 transactions, "
          << report.valid_bytes << " bytes" << (report.torn_bytes ? ", torn tail ignored" : "")
          << "\n";
    }
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(StrCat("ledger: unknown action \"", action, "\""));
}

const bool registered = RegisterCommand(
    {"ledger", std::string(kUsage),
     "Maintenance fund ledger (住宅专项维修资金): deposits, uses, interest, statements.",
     {"json", "passed", "emergency", "contribution", "public-income"}, Run});

}  // namespace
}  // namespace renewal::cli
