// `renewal fund-split PLAN --policy NAME|FILE.json [--json]`: who pays what, to
// the fen, with the rule behind every share; `renewal fund-presets [NAME] [--json]`.
#include <ostream>
#include <string>

#include "command.h"
#include "renewal/funding/financing.h"
#include "renewal/funding/funding.h"
#include "renewal/funding/funding_json.h"

namespace renewal::cli {
namespace {

absl::Status FundSplit(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1 || !args.option("policy")) {
    return absl::InvalidArgumentError(
        "usage: renewal fund-split PLAN --policy NAME|FILE.json [--json]");
  }
  absl::StatusOr<CostPlan> plan = LoadCostPlanFile(args.positional()[0]);
  if (!plan.ok()) return plan.status();
  absl::StatusOr<FundingPolicy> policy = ResolveFundingPolicy(*args.option("policy"));
  if (!policy.ok()) return policy.status();
  absl::StatusOr<FundingAllocation> a = Allocate(*policy, *plan);
  if (!a.ok()) return a.status();
  if (args.flag("json")) {
    out << DumpAllocationJson(*a, *policy, *plan) << "\n";
    return absl::OkStatus();
  }
  out << "资金分摊 funding split: 方案 plan " << a->plan << ", 政策 policy " << a->policy << "\n";
  for (std::uint32_t i = 0; i < plan->items.size(); ++i) {
    const CostItem& item = plan->items[i];
    out << "\n" << item.id << " " << item.name << " [" << ZhOf(item.category) << "/"
        << ZhOf(item.facility) << "] 费用 " << a->item_cost[i].ToYuanString() << " 元\n";
    for (const FundingShare& s : a->SharesOf(i)) out << "  " << ExplainShare(s, *policy) << "\n";
    if (!a->item_gap[i].is_zero()) {
      out << "  资金缺口 gap " << a->item_gap[i].ToYuanString() << "\n";
    }
  }
  out << "\n合计 totals by source (元 / 万元):\n";
  for (const auto& l : Labels<FundingSource>()) {
    const Money m = a->Total(l.value);
    if (m.is_zero()) continue;
    out << "  " << l.zh << " " << m.ToYuanString() << " / " << m.ToWanYuanString() << "\n";
  }
  out << "按类别 by category:\n";
  for (const auto& c : Labels<Category>()) {
    std::int64_t sum = 0;
    for (Money m : a->by_category[static_cast<std::size_t>(c.value)]) sum += m.fen();
    if (sum != 0) out << "  " << c.zh << " " << Money::Fen(sum).ToYuanString() << "\n";
  }
  out << "总投资 total " << a->total_cost.ToYuanString() << ", 资金缺口 gap "
      << a->gap.ToYuanString() << "\n";
  for (const std::string& n : a->notes) out << "注 note: " << n << "\n";
  return absl::OkStatus();
}

absl::Status FundPresets(const Args& args, std::ostream& out) {
  if (args.positional().size() > 1) {
    return absl::InvalidArgumentError("usage: renewal fund-presets [NAME] [--json]");
  }
  if (args.positional().size() == 1) {
    absl::StatusOr<FundingPolicy> p = ResolveFundingPolicy(args.positional()[0]);
    if (!p.ok()) return p.status();
    if (args.flag("json")) {
      out << DumpFundingPolicyJson(*p) << "\n";
      return absl::OkStatus();
    }
    out << p->name << ": " << p->description << "\n";
    for (const FundingRule& r : p->rules) {
      out << "  " << r.id << ": " << r.description << " [" << r.seed << "]\n";
    }
    if (p->residual) out << "  兜底 residual: " << ZhOf(*p->residual) << "\n";
    return absl::OkStatus();
  }
  for (std::string_view name : FundingPresetNames()) {
    absl::StatusOr<FundingPolicy> p = FundingPreset(name);
    if (!p.ok()) return p.status();
    if (args.flag("json")) {
      out << "\"" << name << "\"\n";
    } else {
      out << name << "\t" << p->description << "\n";
    }
  }
  return absl::OkStatus();
}

absl::Status FundBalance(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1) {
    return absl::InvalidArgumentError("usage: renewal fund-balance CASE.json [--json]");
  }
  absl::StatusOr<FinancingCase> c = LoadFinancingCaseFile(args.positional()[0]);
  if (!c.ok()) return c.status();
  absl::StatusOr<FinancingResult> r = AnalyseFinancing(*c);
  if (!r.ok()) return r.status();
  if (args.flag("json")) {
    out << DumpFinancingResultJson(*c, *r) << "\n";
    return absl::OkStatus();
  }
  out << "资金运营自平衡 self-balance: " << c->id << " — "
      << (r->self_balancing ? "自平衡 balances itself" : "不能自平衡 does not balance") << "\n";
  out << "年 year\t收入 revenue\t运营成本 costs\t还本付息 debt service\t净现金流 net\t累计 cumulative\t贷款余额 balance\n";
  for (const CashFlowYear& y : r->years) {
    out << y.year << "\t" << y.revenue.ToWanYuanString() << "\t" << y.operating_cost.ToWanYuanString()
        << "\t" << y.debt_service.ToWanYuanString() << "\t" << y.net_cash_flow.ToWanYuanString()
        << "\t" << y.cumulative_net.ToWanYuanString() << "\t" << y.loan_balance.ToWanYuanString()
        << "\n";
  }
  out << "回收期 payback year: "
      << (r->payback_year ? std::to_string(*r->payback_year) : std::string("beyond the horizon"))
      << "; 净现值 NPV " << r->npv.ToWanYuanString() << "\n";
  for (const std::string& reason : r->reasons) out << "  " << reason << "\n";
  return absl::OkStatus();
}

const bool registered_balance = RegisterCommand(
    {"fund-balance", "fund-balance CASE.json [--json]",
     "Yearly cash flow, payback, NPV and self-balance (资金运营自平衡) of a financing case.",
     {"json"}, FundBalance});
const bool registered_split = RegisterCommand(
    {"fund-split", "fund-split PLAN --policy NAME|FILE.json [--json]",
     "Split a plan's costs among funding sources; every share names its rule.", {"json"},
     FundSplit});
const bool registered_presets = RegisterCommand(
    {"fund-presets", "fund-presets [NAME] [--json]",
     "List the funding policy presets, or show one (rules and seed citations).", {"json"},
     FundPresets});

}  // namespace
}  // namespace renewal::cli
