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
  out << "资金运营自平衡 self-balance: " << c.id << " — "
      << (r.self_balancing ? "自平衡 balances itself" : "不能自平衡 does not balance") << "\n";
  out << "年 year\t收入 revenue\t运营成本 costs\t还本付息 debt service\t净现金流 net\t累计 cumulative\t贷款余额 balance\n";
  for (const CashFlowYear& y : r.years) {
    out << y.year << "\t" << y.revenue.ToWanYuanString() << "\t" << y.operating_cost.ToWanYuanString()
        << "\t" << y.debt_service.ToWanYuanString() << "\t" << y.net_cash_flow.ToWanYuanString()
        << "\t" << y.cumulative_net.ToWanYuanString() << "\t" << y.loan_balance.ToWanYuanString()
        << "\n";
  }
  out << "回收期 payback year: "
      << (r.payback_year ? std::to_string(*r.payback_year) : std::string("beyond the horizon"))
      << "; 净现值 NPV " << r.npv.ToWanYuanString() << "\n";
  for (const std::string& reason : r.reasons) out << "  " << reason << "\n";
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "fund-balance",
     .usage = "fund-balance CASE.json [--json]",
     .summary = "Yearly cash flow, payback, NPV and self-balance (资金运营自平衡) of a "
                "financing case.",
     .options = {JsonOption()},
     .run = FundBalance,
     .positionals = "CASE.json: a financing case (\"-\": stdin)",
     .example = "fund-balance examples/funding/yueyang_louqu_financing.json",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
