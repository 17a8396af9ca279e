// `renewal ledger ACTION REGISTRY JOURNAL ...`: the maintenance fund ledger from the
// command line. Every action opens (or creates) the journal file, replays it, and
// appends at most one transaction. The actions are a table (kActions below), in the
// manner of the command table (command.h): each a small function with its name and
// usage line.
#include <algorithm>
#include <cstddef>
#include <iostream>
#include <optional>
#include <ostream>
#include <sstream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "command.h"
#include "report_format.h"
#include "input.h"
#include "ledger_args.h"
#include "progress.h"
#include "renewal/base/json_write.h"
#include "renewal/base/strcat.h"
#include "renewal/ledger/ledger.h"
#include "renewal/ledger/ledger_policy.h"
#include "renewal/ledger/ledger_statement.h"
#include "renewal/registry/registry_json.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

// What an action works on: the parsed arguments, the registry and the opened ledger.
struct LedgerCall {
  std::string_view action;
  const Args& args;
  const Registry& r;
  Ledger& l;
  const OpenReport& report;
  bool json;
  Lang lang;
  std::ostream& out;
};

struct LedgerAction {
  std::string_view name;
  // The action's line(s) in the usage text, without the indent; empty when the
  // action is listed on the line of the one before it ("deposit|top-up|...").
  std::string_view usage;
  bool read_only;  // replays the journal without opening it for appending
  absl::Status (*run)(const LedgerCall&);
};

// The action in Chinese, for the status line.
std::string_view ActionZh(std::string_view action) {
  static constexpr std::pair<std::string_view, std::string_view> kZh[] = {
      {"init", "建账"},         {"deposit", "首期交存"},     {"top-up", "续筹"},
      {"selling-unit", "售房单位交存"}, {"interest", "计息"}, {"income", "收益入账"},
      {"owner", "业主变更"},    {"settle", "补缴欠款"},      {"refund", "返还"},
      {"assert", "余额核对"},   {"subsidy", "补贴"}};
  for (const auto& [en, zh] : kZh) {
    if (en == action) return zh;
  }
  return "记账";
}

void PrintStatus(const LedgerCall& c, std::string_view what) {
  const Ledger& l = c.l;
  if (c.json) {
    c.out << "{\"ok\":true,\"action\":\"" << what << "\",\"transactions\":" << l.tx_count()
          << ",\"postings\":" << l.posting_count() << "}\n";
  } else if (c.lang == Lang::kZh) {
    c.out << "已记账：" << ActionZh(what) << "（共 " << l.tx_count() << " 笔）\n";
  } else {
    c.out << "posted: " << what << " (" << l.tx_count() << " transactions)\n";
  }
}

// The status line after a successful posting `s`.
absl::Status Posted(const LedgerCall& c, absl::Status s) {
  if (!s.ok()) return s;
  PrintStatus(c, c.action);
  return absl::OkStatus();
}

absl::Status Init(const LedgerCall& c) {
  PrintStatus(c, "init");
  return absl::OkStatus();
}

// --dwelling ID --amount YUAN --date D [--memo TEXT], read in this order.
struct DwellingAmount {
  Index dwelling = 0;
  Money amount;
  int date = 0;
  std::string memo;
};

absl::StatusOr<DwellingAmount> DwellingAmountArgs(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(Index d, DwellingArg(c.r, c.args));
  RENEWAL_ASSIGN_OR_RETURN(Money amount, AmountArg(c.args));
  RENEWAL_ASSIGN_OR_RETURN(int date, DateArg(c.args));
  return DwellingAmount{d, amount, date, c.args.option("memo").value_or("")};
}

// The actions on one dwelling's amount: reads the arguments, posts with `post`.
template <class Post>
absl::Status PostForDwelling(const LedgerCall& c, Post post) {
  RENEWAL_ASSIGN_OR_RETURN(DwellingAmount x, DwellingAmountArgs(c));
  return Posted(c, post(c.l, x));
}

absl::Status Deposit(const LedgerCall& c) {
  return PostForDwelling(c, [](Ledger& l, const DwellingAmount& x) {
    return l.Deposit(x.dwelling, x.amount, x.date, x.memo);
  });
}

absl::Status TopUp(const LedgerCall& c) {
  return PostForDwelling(c, [](Ledger& l, const DwellingAmount& x) {
    return l.TopUp(x.dwelling, x.amount, x.date, x.memo);
  });
}

// Order 165 art. 8(2): the selling unit puts in at least 20% (multi-storey) or 30%
// (high-rise) of the sale proceeds; with --sale-proceeds a smaller amount is refused.
absl::Status SellingUnit(const LedgerCall& c) {
  std::optional<Money> proceeds;
  if (std::optional<std::string> text = c.args.option("sale-proceeds")) {
    absl::StatusOr<Money> m = Money::Parse(*text);
    if (!m.ok()) return absl::InvalidArgumentError(StrCat("--sale-proceeds: ", m.status().message()));
    proceeds = *m;
  }
  return PostForDwelling(c, [&](Ledger& l, const DwellingAmount& x) -> absl::Status {
    if (proceeds) {
      absl::StatusOr<FirstDeposit> least =
          SellingUnitDepositOf(DepositPolicy{}, c.r, x.dwelling, *proceeds);
      if (!least.ok()) return least.status();
      if (x.amount < least->amount) {
        return absl::FailedPreconditionError(StrCat(
            "dwelling \"", c.r.dwelling(x.dwelling).id, "\" --amount: ", x.amount.ToYuanString(),
            " is below the selling unit's deposit of at least ", least->amount.ToYuanString(),
            ": ", least->rule, "; 建设部、财政部令第165号《住宅专项维修资金管理办法》第八条"));
      }
    }
    return l.SellingUnitDeposit(x.dwelling, x.amount, x.date, x.memo);
  });
}

// The dwellings' postings of transaction `id` as [{"dwelling":..,"amount":..}], each
// amount `sign` × the posting (uses draw, subsidies credit).
std::string DwellingPostingsJson(const LedgerCall& c, std::string_view id, int sign) {
  std::string out = "[";
  std::optional<std::size_t> t = c.l.FindTx(id);
  if (!t) return "[]";
  const Ledger::TxView tx = c.l.tx(*t);
  bool first = true;
  for (std::size_t i = 0; i < tx.accounts.size(); ++i) {
    if (tx.accounts[i] >= c.r.dwelling_count() || tx.amounts[i] == 0) continue;
    out += first ? "{\"dwelling\":" : ",{\"dwelling\":";
    first = false;
    internal::AppendJsonString(out, c.r.dwelling(tx.accounts[i]).id);
    out += ",\"amount\":\"" + Money::Fen(sign * tx.amounts[i]).ToYuanString() + "\"}";
  }
  return out + "]";
}

absl::Status Settle(const LedgerCall& c) {
  return PostForDwelling(c, [](Ledger& l, const DwellingAmount& x) {
    return l.SettleOwed(x.dwelling, x.amount, x.date);
  });
}

absl::Status Assert(const LedgerCall& c) {
  return PostForDwelling(c, [](Ledger& l, const DwellingAmount& x) {
    return l.AssertBalance(x.dwelling, x.amount, x.date);
  });
}

// The request of `use` from its options.
absl::StatusOr<UseRequest> UseRequestArgs(const LedgerCall& c) {
  const Args& args = c.args;
  UseRequest q;
  q.id = args.option("id").value_or("");
  RENEWAL_ASSIGN_OR_RETURN(LedgerScope scope, ScopeArg(c.r, args, std::nullopt));
  q.scope = scope;
  RENEWAL_ASSIGN_OR_RETURN(Money amount, AmountArg(args));
  q.amount = amount;
  RENEWAL_ASSIGN_OR_RETURN(int date, DateArg(args));
  q.date = date;
  if (auto f = args.option("facility")) {
    std::optional<Facility> fac = ParseLabel<Facility>(*f);
    if (!fac) return absl::InvalidArgumentError(StrCat("--facility: unknown \"", *f, "\""));
    q.facility = *fac;
  }
  if (auto cat_text = args.option("category")) {
    std::optional<UseCategory> cat = ParseLabel<UseCategory>(*cat_text);
    if (!cat) {
      return absl::InvalidArgumentError(StrCat("--category: unknown \"", *cat_text, "\""));
    }
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
  return q;
}

absl::Status Use(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(UseRequest q, UseRequestArgs(c));
  RENEWAL_ASSIGN_OR_RETURN(UseResult res, c.l.Use(q));
  if (c.json) {
    c.out << "{\"ok\":true,\"tx\":\"" << res.tx_id << "\",\"total\":\""
          << res.total.ToYuanString() << "\",\"from_dwellings\":\""
          << res.from_dwellings.ToYuanString() << "\",\"from_selling_unit\":\""
          << res.from_selling_unit.ToYuanString() << "\",\"from_developer\":\""
          << res.from_developer.ToYuanString() << "\",\"owed\":\"" << res.owed.ToYuanString()
          << "\",\"dwellings\":" << res.dwellings
          << ",\"shares\":" << DwellingPostingsJson(c, res.tx_id, -1) << "}\n";
  } else if (c.lang == Lang::kZh) {
    c.out << "使用 " << res.tx_id << "：" << res.total.ToYuanString() << " 元，分户 "
          << res.from_dwellings.ToYuanString() << " 元，售房单位 "
          << res.from_selling_unit.ToYuanString() << " 元，开发建设单位 "
          << res.from_developer.ToYuanString() << " 元，欠缴 " << res.owed.ToYuanString()
          << " 元（" << res.dwellings << " 户按专有面积分摊，《住宅专项维修资金管理办法》第二十条）\n";
  } else {
    c.out << "use " << res.tx_id << ": " << res.total.ToYuanString() << " yuan, from dwellings "
          << res.from_dwellings.ToYuanString() << ", selling unit "
          << res.from_selling_unit.ToYuanString() << ", developer "
          << res.from_developer.ToYuanString() << ", owed " << res.owed.ToYuanString() << " ("
          << res.dwellings << " dwellings; " << res.rule << ")\n";
  }
  return absl::OkStatus();
}

// interest and income: --amount YUAN --date D [--estate|--building ID] (default: all).
struct ScopeAmount {
  LedgerScope scope;
  Money amount;
  int date = 0;
  std::string memo;
};

absl::StatusOr<ScopeAmount> ScopeAmountArgs(const LedgerCall& c) {
  absl::StatusOr<LedgerScope> scope =
      ScopeArg(c.r, c.args, LedgerScope{LedgerScopeKind::kAll, 0});
  if (!scope.ok()) return scope.status();
  RENEWAL_ASSIGN_OR_RETURN(Money amount, AmountArg(c.args));
  RENEWAL_ASSIGN_OR_RETURN(int date, DateArg(c.args));
  return ScopeAmount{*scope, amount, date, c.args.option("memo").value_or("")};
}

absl::Status Interest(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(ScopeAmount x, ScopeAmountArgs(c));
  return Posted(c, c.l.CreditInterest(x.scope, x.amount, x.date, x.memo));
}

absl::Status Income(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(ScopeAmount x, ScopeAmountArgs(c));
  const IncomeTarget target =
      c.args.flag("public-income") ? IncomeTarget::kPublicIncome : IncomeTarget::kByArea;
  return Posted(c, c.l.CreditIncome(x.scope, x.amount, target, x.date, x.memo));
}

absl::Status Subsidy(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(std::string use, Need(c.args, "use"));
  RENEWAL_ASSIGN_OR_RETURN(int date, DateArg(c.args));
  long long pct = 50;
  RENEWAL_RETURN_IF_ERROR(c.args.IntOption("pct", 50, &pct));
  RENEWAL_RETURN_IF_ERROR(c.l.Subsidize(use, static_cast<int>(pct), date));
  if (!c.json) return Posted(c, absl::OkStatus());
  const Ledger::TxView tx = c.l.tx(c.l.tx_count() - 1);
  std::int64_t total = 0;
  for (std::size_t i = 0; i < tx.accounts.size(); ++i) {
    if (tx.accounts[i] < c.r.dwelling_count()) total += tx.amounts[i];
  }
  std::string use_json;
  internal::AppendJsonString(use_json, use);
  c.out << "{\"ok\":true,\"action\":\"subsidy\",\"tx\":\"" << tx.meta->id << "\",\"use\":" << use_json
        << ",\"pct\":" << pct << ",\"total\":\"" << Money::Fen(total).ToYuanString()
        << "\",\"dwellings\":" << DwellingPostingsJson(c, tx.meta->id, 1)
        << ",\"transactions\":" << c.l.tx_count() << "}\n";
  return absl::OkStatus();
}

absl::Status Owner(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(Index d, DwellingArg(c.r, c.args));
  RENEWAL_ASSIGN_OR_RETURN(std::string who, Need(c.args, "new-owner"));
  RENEWAL_ASSIGN_OR_RETURN(int date, DateArg(c.args));
  return Posted(c, c.l.ChangeOwner(d, who, date));
}

absl::Status Refund(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(std::string b, Need(c.args, "building"));
  std::optional<Index> bi = c.r.FindBuilding(b);
  if (!bi) return absl::NotFoundError(StrCat("--building: no building with id \"", b, "\""));
  RENEWAL_ASSIGN_OR_RETURN(int date, DateArg(c.args));
  return Posted(c, c.l.Refund(*bi, date));
}

absl::Status Balance(const LedgerCall& c) {
  const Ledger& l = c.l;
  std::ostream& out = c.out;
  if (c.args.option("dwelling")) {
    RENEWAL_ASSIGN_OR_RETURN(Index d, DwellingArg(c.r, c.args));
    if (c.json) {
      out << "{\"dwelling\":\"" << c.r.dwelling(d).id << "\",\"balance\":\""
          << l.DwellingBalance(d).ToYuanString() << "\",\"owed\":\""
          << l.AmountOwed(d).ToYuanString() << "\"}\n";
    } else if (c.lang == Lang::kZh) {
      out << c.r.dwelling(d).id << " 余额 " << l.DwellingBalance(d).ToYuanString() << " 元，欠缴 "
          << l.AmountOwed(d).ToYuanString() << " 元\n";
    } else {
      out << c.r.dwelling(d).id << " balance " << l.DwellingBalance(d).ToYuanString()
          << ", owed " << l.AmountOwed(d).ToYuanString() << "\n";
    }
    return absl::OkStatus();
  }
  out << (c.json ? "{\"funds\":[" : "");
  for (Index f = 0; f < l.fund_count(); ++f) {
    if (c.json) {
      out << (f ? "," : "") << "{\"fund\":\"" << l.FundId(f) << "\",\"total\":\""
          << l.FundTotal(f).ToYuanString() << "\"}";
    } else if (c.lang == Lang::kZh) {
      out << l.FundId(f) << " 资金总额 " << l.FundTotal(f).ToYuanString() << " 元\n";
    } else {
      out << l.FundId(f) << " fund total " << l.FundTotal(f).ToYuanString() << "\n";
    }
  }
  out << (c.json ? "]}\n" : "");
  return absl::OkStatus();
}

absl::Status Statement(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(Index d, DwellingArg(c.r, c.args));
  long long year = 0;
  RENEWAL_RETURN_IF_ERROR(c.args.IntOption("year", 0, &year));
  RENEWAL_ASSIGN_OR_RETURN(DwellingStatement st, StatementOf(c.l, d, static_cast<int>(year)));
  if (c.json) {
    WriteStatementJson(c.l, st, c.out);
    return absl::OkStatus();
  }
  const StatementLine& x = st.line;
  const bool zh = c.lang == Lang::kZh;
  if (zh) {
    c.out << "分户账 " << st.dwelling_id << " " << st.year << " 年度对账单（元）\n";
  } else {
    c.out << "statement of " << st.dwelling_id << " for " << st.year << " (yuan)\n";
  }
  const std::pair<std::pair<std::string_view, std::string_view>, Money> lines[] = {
      {{"期初", "opening"}, x.opening},   {{"交存", "deposits"}, x.deposits},
      {{"使用", "uses"}, x.uses},         {{"利息", "interest"}, x.interest},
      {{"收益", "income"}, x.income},     {{"补贴", "subsidy"}, x.subsidy},
      {{"返还", "refunds"}, x.refunds},   {{"期末", "closing"}, x.closing},
      {{"欠缴", "owed"}, x.owed}};
  for (const auto& [label, amount] : lines) {
    const std::string_view text = zh ? label.first : label.second;
    c.out << "  " << text << std::string(zh ? 2 : 10 - text.size(), ' ') << amount.ToYuanString()
          << "\n";
  }
  return absl::OkStatus();
}

absl::Status Publish(const LedgerCall& c) {
  long long year = 0;
  RENEWAL_RETURN_IF_ERROR(c.args.IntOption("year", 0, &year));
  YearStatements ys = ComputeYear(c.l, static_cast<int>(year));
  RENEWAL_RETURN_IF_ERROR(CheckYear(c.l, ys));
  RENEWAL_ASSIGN_OR_RETURN(const bool report, WantsReport(c.args));
  if (report) {
    std::ostringstream doc;
    WritePublication(c.l, ys, doc);
    return WriteReport(c.args, doc.str(), c.out);
  }
  WritePublication(c.l, ys, c.out);
  return absl::OkStatus();
}

// arrears and topups: apply --policy to the ledger first.
absl::Status ApplyPolicyArg(const LedgerCall& c) {
  RENEWAL_ASSIGN_OR_RETURN(DepositPolicy p, PolicyArg(c.args));
  return c.l.ApplyPolicy(p);
}

absl::Status Arrears(const LedgerCall& c) {
  RENEWAL_RETURN_IF_ERROR(ApplyPolicyArg(c));
  std::vector<Arrear> a = c.l.Arrears();
  c.out << (c.json ? "{\"arrears\":[" : "");
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string id = c.r.dwelling(a[i].dwelling).id;
    if (c.json) {
      c.out << (i ? "," : "") << "{\"dwelling\":\"" << id << "\",\"required\":\""
            << a[i].required.ToYuanString() << "\",\"paid\":\"" << a[i].paid.ToYuanString()
            << "\",\"missing\":\"" << a[i].missing.ToYuanString() << "\"}";
    } else if (c.lang == Lang::kZh) {
      c.out << id << " 应交 " << a[i].required.ToYuanString() << " 已交 "
            << a[i].paid.ToYuanString() << " 欠 " << a[i].missing.ToYuanString() << "\n";
    } else {
      c.out << id << " required " << a[i].required.ToYuanString() << " paid "
            << a[i].paid.ToYuanString() << " missing " << a[i].missing.ToYuanString() << "\n";
    }
  }
  c.out << (c.json ? "]}\n" : "");
  return absl::OkStatus();
}

// Without --policy, top-ups are measured against the deposit actually paid (art. 17).
absl::Status TopUps(const LedgerCall& c) {
  if (c.args.option("policy")) {
    RENEWAL_RETURN_IF_ERROR(ApplyPolicyArg(c));
  }
  std::vector<TopUpNotice> n = c.l.TopUpsDue();
  c.out << (c.json ? "{\"top_ups\":[" : "");
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (c.json) {
      c.out << (i ? "," : "") << "{\"dwelling\":\"" << c.r.dwelling(n[i].dwelling).id
            << "\",\"balance\":\"" << n[i].balance.ToYuanString() << "\",\"first_deposit\":\""
            << n[i].first_deposit.ToYuanString() << "\",\"amount_due\":\""
            << n[i].amount_due.ToYuanString() << "\"}";
    } else if (c.lang == Lang::kZh) {
      c.out << "续筹通知：" << c.r.dwelling(n[i].dwelling).id << " 余额 "
            << n[i].balance.ToYuanString() << " 元，低于首期交存 "
            << n[i].first_deposit.ToYuanString() << " 元的 " << c.l.options().top_up_threshold_pct
            << "%，应续筹 " << n[i].amount_due.ToYuanString()
            << " 元（《住宅专项维修资金管理办法》第十七条）\n";
    } else {
      c.out << "top-up notice: " << n[i].reason << "\n";
    }
  }
  c.out << (c.json ? "]}\n" : "");
  return absl::OkStatus();
}

absl::Status Export(const LedgerCall& c) {
  WriteJournalJson(c.l, c.out);
  return absl::OkStatus();
}

absl::Status Check(const LedgerCall& c) {
  RENEWAL_RETURN_IF_ERROR(c.l.CheckInvariants());
  const OpenReport& report = c.report;
  if (c.json) {
    c.out << "{\"ok\":true,\"transactions\":" << report.transactions << ",\"valid_bytes\":"
          << report.valid_bytes << ",\"torn_bytes\":" << report.torn_bytes << "}\n";
  } else if (c.lang == Lang::kZh) {
    c.out << "账实相符：" << report.transactions << " 笔，" << report.valid_bytes << " 字节"
          << (report.torn_bytes ? "，末尾残缺记录已忽略" : "") << "\n";
  } else {
    c.out << "consistent: " << report.transactions << " transactions, " << report.valid_bytes
          << " bytes" << (report.torn_bytes ? ", torn tail ignored" : "") << "\n";
  }
  return absl::OkStatus();
}

// In the order of the usage text.
constexpr LedgerAction kActions[] = {
    {"init", "init [--fund-scope estate|building]", false, Init},
    {"deposit", "deposit|top-up|selling-unit --dwelling ID --amount YUAN --date D", false,
     Deposit},
    {"top-up", "", false, TopUp},
    {"selling-unit", "", false, SellingUnit},
    {"use",
     "use --id ID (--estate|--building ID | --entrance BUILDING/ENTRANCE) --amount YUAN\n"
     "            --date D [--facility roof] [--category common_parts] --vote ID --rule RULE\n"
     "            [--passed] [--emergency --reason TEXT] [--owners-assembly yes|no] "
     "[--contribution]",
     false, Use},
    {"interest",
     "interest|income --amount YUAN --date D [--estate|--building ID] [--public-income]", false,
     Interest},
    {"income", "", false, Income},
    {"subsidy", "subsidy --use ID --date D [--pct 50]", false, Subsidy},
    {"owner",
     "owner --dwelling ID --new-owner NAME --date D   (of a developer-held unit: its sale)",
     false, Owner},
    {"settle", "settle --dwelling ID --amount YUAN --date D", false, Settle},
    {"refund", "refund --building ID --date D", false, Refund},
    {"assert", "assert --dwelling ID --amount YUAN --date D", false, Assert},
    {"balance", "balance [--dwelling ID]", true, Balance},
    {"statement", "statement --dwelling ID --year Y", true, Statement},
    {"publish", "publish --year Y", true, Publish},
    {"arrears",
     "arrears|topups --policy liuyang|national|ningbo [--cost Y --rate-bp N\n"
     "            --reform-cost Y | --standard Y --pct N] [--threshold-pct 30]",
     true, Arrears},
    {"topups", "", true, TopUps},
    {"export", "export | check", true, Export},
    {"check", "", true, Check},
};

const LedgerAction* FindAction(std::string_view name) {
  const auto* it = std::find_if(std::begin(kActions), std::end(kActions),
                                [name](const LedgerAction& a) { return a.name == name; });
  return it == std::end(kActions) ? nullptr : it;
}

std::string Usage() {
  std::string usage = "ledger ACTION REGISTRY JOURNAL [options]; ACTION is one of\n";
  for (const LedgerAction& a : kActions) {
    if (!a.usage.empty()) usage += StrCat("        ", a.usage, "\n");
  }
  return usage + "        [--json]";
}

absl::StatusOr<LedgerOptions> OptionsArg(const Args& args) {
  LedgerOptions options;
  if (auto scope = args.option("fund-scope")) {
    if (*scope == "building") {
      options.fund_scope = FundScope::kBuilding;
    } else if (*scope != "estate") {
      return absl::InvalidArgumentError(
          StrCat("--fund-scope: expected estate or building, got \"", *scope, "\""));
    }
  }
  long long threshold = 30;
  RENEWAL_RETURN_IF_ERROR(args.IntOption("threshold-pct", 30, &threshold));
  options.top_up_threshold_pct = static_cast<int>(threshold);
  return options;
}

// Checks the action, loads the registry, opens the journal (only `init` creates
// one), then runs the action. A command refused before its action writes leaves the
// journal as it was: a torn tail is cut only when a transaction is written.
absl::Status Run(const Args& args, std::ostream& out) {
  const auto& pos = args.positional();
  if (pos.size() != 3) return UsageError(StrCat("usage: renewal ", Usage()));
  const std::string& action = pos[0];
  const LedgerAction* found = FindAction(action);
  if (found == nullptr) {
    return UsageError(StrCat("unknown action \"", action, "\""));
  }
  if (pos[2] == "-") {
    return UsageError("JOURNAL: a journal is a file that is appended to; it cannot be \"-\"");
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  RENEWAL_ASSIGN_OR_RETURN(Registry registry, LoadRegistryInput(pos[1]));
  const Registry& r = registry;
  RENEWAL_ASSIGN_OR_RETURN(LedgerOptions options, OptionsArg(args));
  options.create = action == "init";
  OpenReport report;
  absl::StatusOr<Ledger> opened = [&] {
    Progress progress("renewal ledger: replaying " + pos[2]);
    return found->read_only ? Ledger::Replay(r, pos[2], options, &report)
                            : Ledger::Open(r, pos[2], options, &report);
  }();
  if (!opened.ok()) return opened.status();
  if (report.torn_bytes > 0) {
    std::cerr << "renewal ledger: " << report.message
              << (found->read_only ? " (ignored)\n"
                                   : " (cut off when the next transaction is written; its bytes "
                                     "are kept in JOURNAL.torn-OFFSET)\n");
  }
  return found->run(
      LedgerCall{action, args, r, *opened, report, args.flag("json"), lang, out});
}

// The options of each action, for CLI11 and --help.
OptionSpec Opt(std::string names, std::string value, std::string help,
               std::string default_value = "") {
  return {std::move(names), std::move(value), std::move(help), std::move(default_value)};
}

std::vector<OptionSpec> ActionOptions(std::string_view action) {
  const OptionSpec dwelling = Opt("--dwelling", "ID", "the dwelling (registry id)");
  const OptionSpec amount = Opt("--amount", "YUAN", "the amount in yuan, e.g. 3600 or 3600.50");
  const OptionSpec date = Opt("--date", "D", "the date, 2025-01-10 or 20250110");
  const OptionSpec memo = Opt("--memo", "TEXT", "a note kept in the journal");
  const OptionSpec estate = Opt("--estate", "ID", "the estate");
  const OptionSpec building = Opt("--building", "ID", "the building");
  const OptionSpec entrance = Opt("--entrance", "BUILDING/ENTRANCE", "the entrance (单元)");
  std::vector<OptionSpec> o;
  if (action == "deposit" || action == "top-up" || action == "selling-unit") {
    o = {dwelling, amount, date, memo};
    if (action == "selling-unit") {
      o.push_back(Opt("--sale-proceeds", "YUAN",
                      "check the amount against Order 165 art. 8(2): at least 20% "
                      "(multi-storey) or 30% (high-rise) of these sale proceeds"));
    }
  } else if (action == "settle" || action == "assert") {
    o = {dwelling, amount, date};
  } else if (action == "use") {
    o = {Opt("--id", "ID", "the use's transaction id"), estate, building, entrance, amount, date,
         Opt("--facility", "NAME", "the facility repaired, e.g. roof"),
         Opt("--category", "NAME", "the use category, e.g. common_parts", "common_parts"),
         Opt("--vote", "ID", "the owners' vote that approved it"),
         Opt("--rule", "RULE", "the vote rule, e.g. civil_code_ordinary"),
         Opt("--passed", "", "the vote passed"),
         Opt("--emergency", "", "an emergency use (Order 165 art. 24); needs --reason"),
         Opt("--reason", "TEXT", "why it is an emergency"),
         Opt("--owners-assembly", "yes|no", "whether an owners' assembly exists"),
         Opt("--contribution", "", "a residents' renovation contribution (Ningbo)"), memo};
  } else if (action == "interest" || action == "income") {
    o = {amount, date, estate, building, entrance, memo};
    if (action == "income") {
      o.push_back(Opt("--public-income", "", "credit the public income sub-ledger, not by area"));
    }
  } else if (action == "subsidy") {
    o = {Opt("--use", "ID", "the use transaction subsidised"), date,
         Opt("--pct", "N", "percent of the dwellings' share, 1 to 100", "50")};
  } else if (action == "owner") {
    o = {dwelling, Opt("--new-owner", "NAME", "the buyer"), date};
  } else if (action == "refund") {
    o = {Opt("--building", "ID", "the destroyed building"), date};
  } else if (action == "balance") {
    o = {Opt("--dwelling", "ID", "one dwelling's balance and amount owed", "every fund")};
  } else if (action == "statement") {
    o = {dwelling, Opt("--year", "Y", "the statement year")};
  } else if (action == "publish") {
    o = {Opt("--year", "Y", "the year published")};
    for (const OptionSpec& r : ReportOptions()) o.push_back(r);
  } else if (action == "arrears" || action == "topups") {
    o = {Opt("--policy", "liuyang|national|ningbo",
             action == "topups" ? "the deposit standard (only for the current-standard target)"
                                : "the deposit standard, required",
             action == "topups" ? "the deposit actually paid" : ""),
         Opt("--cost", "YUAN", "national: construction cost per m² (commodity housing)"),
         Opt("--rate-bp", "N", "national: rate in basis points, 500 to 800", "500"),
         Opt("--reform-cost", "YUAN", "national: reform cost price per m² (reform housing)"),
         Opt("--standard", "YUAN", "ningbo: new-build standard per m²"),
         Opt("--pct", "N", "ningbo: percent of the new-build standard, 60 to 80", "60"),
         Opt("--threshold-pct", "N", "top up below this percent of the first deposit", "30")};
  }
  o.push_back(Opt("--fund-scope", "estate|building",
                  action == "init" ? "one fund per estate or per building"
                                   : "the fund scope the journal was made with",
                  "estate"));
  o.push_back(JsonOption());
  return o;
}

std::string ActionExample(std::string_view action) {
  const std::string files = "ledger " + std::string(action) + " registry.json fund.journal";
  if (action == "deposit" || action == "top-up" || action == "settle" || action == "assert") {
    return files + " --dwelling E1-B1-1-101 --amount 3600 --date 2025-01-10";
  }
  if (action == "selling-unit") {
    return files + " --dwelling E1-B1-1-101 --amount 18000 --date 2025-01-10 --sale-proceeds 90000";
  }
  if (action == "use") {
    return files + " --id U-roof --building E1-B1 --amount 10000 --date 2025-03-01 --facility "
                   "roof --vote V-1 --rule civil_code_ordinary --passed";
  }
  if (action == "interest" || action == "income") return files + " --amount 120 --date 2025-12-31";
  if (action == "subsidy") return files + " --use U-roof --date 2025-04-01 --pct 50";
  if (action == "owner") return files + " --dwelling E1-B1-1-101 --new-owner 张三 --date 2025-05-01";
  if (action == "refund") return files + " --building E1-B1 --date 2025-06-01";
  if (action == "balance") return files + " --dwelling E1-B1-1-101";
  if (action == "statement") return files + " --dwelling E1-B1-1-401 --year 2025 --json";
  if (action == "publish") return files + " --year 2025";
  if (action == "arrears") return files + " --policy national --cost 1500 --rate-bp 500";
  if (action == "topups") return files + " --threshold-pct 30";
  return files;
}

std::string ActionSummary(std::string_view action) {
  static constexpr std::pair<std::string_view, std::string_view> kSummaries[] = {
      {"init", "create the journal file"},
      {"deposit", "an owner's first deposit (首期交存)"},
      {"top-up", "an owner's top-up (续筹, Order 165 art. 17)"},
      {"selling-unit", "the selling unit's deposit for sold public housing (art. 8(2))"},
      {"use", "pay a bill from the fund, shared by area (art. 20), after a vote"},
      {"interest", "credit bank interest by balance"},
      {"income", "credit income from common parts (by area, or to public income)"},
      {"subsidy", "the Ningbo subsidy of a residents' renovation contribution"},
      {"owner", "a change of owner (of a developer-held unit: its sale)"},
      {"settle", "pay an amount owed"},
      {"refund", "a destroyed building's balances back to its owners (art. 30)"},
      {"assert", "check a dwelling's balance"},
      {"balance", "fund totals, or one dwelling's balance and amount owed"},
      {"statement", "a dwelling's annual statement (对账单)"},
      {"publish", "the annual publication (art. 31)"},
      {"arrears", "dwellings whose first deposit is not paid in full"},
      {"topups", "dwellings due to top up (balance below 30% of the first deposit)"},
      {"export", "the journal as JSON"},
      {"check", "check the ledger's invariants"},
  };
  for (const auto& [name, summary] : kSummaries) {
    if (name == action) return std::string(summary);
  }
  return std::string(action);
}

Command LedgerCommand() {
  Command c;
  c.name = "ledger";
  c.usage = Usage();
  c.summary = "Maintenance fund ledger (住宅专项维修资金): deposits, uses, interest, statements.";
  c.run = Run;
  c.example = "ledger deposit registry.json fund.journal --dwelling E1-B1-1-101 --amount 3600 "
              "--date 2025-01-10";
  for (const LedgerAction& a : kActions) {
    Command action;
    action.name = std::string(a.name);
    action.usage = StrCat("ledger ", a.name, " REGISTRY JOURNAL [options]");
    action.summary = ActionSummary(a.name);
    action.options = ActionOptions(a.name);
    action.positionals = "REGISTRY JOURNAL: the registry JSON (\"-\": stdin) and the journal file";
    action.example = ActionExample(a.name);
    c.actions.push_back(std::move(action));
  }
  return c;
}

const bool registered = RegisterCommand(LedgerCommand());

}  // namespace
}  // namespace renewal::cli
