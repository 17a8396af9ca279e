// `renewal fund-split PLAN --policy NAME|FILE.json [--json]`: who pays what, to
// the fen, with the rule behind every share.
#include <cstdint>
#include <ostream>
#include <string>

#include "command.h"
#include "input.h"
#include "renewal/funding/funding.h"
#include "renewal/funding/funding_json.h"
#include "renewal/base/status_macros.h"

namespace renewal::cli {
namespace {

absl::Status FundSplit(const Args& args, std::ostream& out) {
  if (args.positional().size() != 1 || !args.option("policy")) {
    return UsageError(
        "usage: renewal fund-split PLAN --policy NAME|FILE.json [--json]");
  }
  RENEWAL_ASSIGN_OR_RETURN(CostPlan plan, LoadCostPlanInput(args.positional()[0]));
  RENEWAL_ASSIGN_OR_RETURN(FundingPolicy policy, ResolveFundingPolicy(*args.option("policy")));
  RENEWAL_ASSIGN_OR_RETURN(FundingAllocation a, Allocate(policy, plan));
  if (args.flag("json")) {
    out << DumpAllocationJson(a, policy, plan) << "\n";
    return absl::OkStatus();
  }
  out << "资金分摊 funding split: 方案 plan " << a.plan << ", 政策 policy " << a.policy << "\n";
  for (std::uint32_t i = 0; i < plan.items.size(); ++i) {
    const CostItem& item = plan.items[i];
    out << "\n" << item.id << " " << item.name << " [" << ZhOf(item.category) << "/"
        << ZhOf(item.facility) << "] 费用 " << a.item_cost[i].ToYuanString() << " 元\n";
    for (const FundingShare& s : a.SharesOf(i)) out << "  " << ExplainShare(s, policy) << "\n";
    if (!a.item_gap[i].is_zero()) {
      out << "  资金缺口 gap " << a.item_gap[i].ToYuanString() << "\n";
    }
  }
  out << "\n合计 totals by source (元 / 万元):\n";
  for (const auto& l : Labels<FundingSource>()) {
    const Money m = a.Total(l.value);
    if (m.is_zero()) continue;
    out << "  " << l.zh << " " << m.ToYuanString() << " / " << m.ToWanYuanString() << "\n";
  }
  out << "按类别 by category:\n";
  for (const auto& c : Labels<Category>()) {
    std::int64_t sum = 0;
    for (Money m : a.by_category[static_cast<std::size_t>(c.value)]) sum += m.fen();
    if (sum != 0) out << "  " << c.zh << " " << Money::Fen(sum).ToYuanString() << "\n";
  }
  out << "总投资 total " << a.total_cost.ToYuanString() << ", 资金缺口 gap "
      << a.gap.ToYuanString() << "\n";
  for (const std::string& n : a.notes) out << "注 note: " << n << "\n";
  return absl::OkStatus();
}

const bool registered = RegisterCommand(
    {.name = "fund-split",
     .usage = "fund-split PLAN --policy NAME|FILE.json [--json]",
     .summary = "Split a plan's costs among funding sources; every share names its rule.",
     .options = {{"--policy", "NAME|FILE.json",
                  "required: a funding preset (renewal fund-presets) or a policy JSON file", ""},
                 JsonOption()},
     .run = FundSplit,
     .positionals = "PLAN: a cost plan JSON (\"-\": stdin)",
     .example = "fund-split examples/funding/yueyang_plan.json --policy yueyang",
     .actions = {}});

}  // namespace
}  // namespace renewal::cli
