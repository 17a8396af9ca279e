// `renewal fund-balance CASE.json [--json]`: yearly cash flow, payback, NPV and
// self-balance (资金运营自平衡) of a financing case.
#include <ostream>
#include <string>

#include "command.h"
#include "input.h"
#include "renewal/funding/financing.h"
#include "renewal/funding/funding_json.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

absl::Status FundBalance(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1) {
    return UsageError("usage: renewal fund-balance CASE.json [--json]");
  }
  RENEWAL_ASSIGN_OR_RETURN(FinancingCase c, LoadFinancingCaseInput(args.positional()[0]));
  RENEWAL_ASSIGN_OR_RETURN(FinancingResult r, AnalyseFinancing(c));
  if (args.flag("json")) {
    out << DumpFinancingResultJson(c, r) << "\n";
    return absl::OkStatus();
  }
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  if (lang == Lang::kZh) {
    // Amounts in 万元, as the city's financing tables give them.
    out << "资金运营自平衡：" << c.id << " — " << (r.self_balancing ? "能够自平衡" : "不能自平衡")
        << "\n";
    out << "年份\t收入\t运营成本\t还本付息\t净现金流\t累计净现金流\t贷款余额\n";
    for (const CashFlowYear& y : r.years) {
      out << y.year << "\t" << y.revenue.ToWanYuanString() << "\t"
          << y.operating_cost.ToWanYuanString() << "\t" << y.debt_service.ToWanYuanString()
          << "\t" << y.net_cash_flow.ToWanYuanString() << "\t"
          << y.cumulative_net.ToWanYuanString() << "\t" << y.loan_balance.ToWanYuanString()
          << "\n";
    }
    out << "回收期："
        << (r.payback_year ? "第 " + std::to_string(*r.payback_year) + " 年"
                           : std::string("超出测算期"))
        << "；净现值 " << r.npv.ToWanYuanString() << "元\n";
    for (const std::string& reason : r.reasons_zh) out << "  " << reason << "\n";
  } else {
    // Amounts in yuan (万 is not English).
    out << "self-balance: " << c.id << " — "
        << (r.self_balancing ? "balances itself" : "does not balance itself") << "\n";
    out << "year\trevenue\toperating costs\tdebt service\tnet\tcumulative\tloan balance\n";
    for (const CashFlowYear& y : r.years) {
      out << y.year << "\t" << y.revenue.ToYuanString() << "\t" << y.operating_cost.ToYuanString()
          << "\t" << y.debt_service.ToYuanString() << "\t" << y.net_cash_flow.ToYuanString()
          << "\t" << y.cumulative_net.ToYuanString() << "\t" << y.loan_balance.ToYuanString()
          << "\n";
    }
    out << "payback: "
        << (r.payback_year ? "year " + std::to_string(*r.payback_year)
                           : std::string("beyond the horizon"))
        << "; NPV " << r.npv.ToYuanString() << " yuan\n";
    for (const std::string& reason : r.reasons_en) out << "  " << reason << "\n";
  }
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "fund-balance",
     .usage = "fund-balance CASE.json [--json]",
     .summary = "Yearly cash flow, payback, NPV and self-balance of a financing case.",
     .options = {JsonOption()},
     .run = FundBalance,
     .positionals = "CASE.json: a financing case (\"-\": stdin)",
     .example = "fund-balance examples/funding/yueyang_louqu_financing.json",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
