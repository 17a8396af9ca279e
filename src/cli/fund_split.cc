// `renewal fund-split PLAN --policy NAME|FILE.json [--json]`: who pays what, to
// the fen, with the rule behind every share.
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "command.h"
#include "input.h"
#include "renewal/funding/cost.h"
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
  RENEWAL_ASSIGN_OR_RETURN(const Lang lang, LangOf(args));
  const bool zh = lang == Lang::kZh;
  if (zh) {
    out << "资金分摊：方案 " << a.plan << "，政策 " << a.policy << "\n";
  } else {
    out << "funding split: plan " << a.plan << ", policy " << a.policy << "\n";
  }
  for (std::uint32_t i = 0; i < plan.items.size(); ++i) {
    const CostItem& item = plan.items[i];
    if (zh) {
      out << "\n" << item.id << " " << item.name << " [" << ZhOf(item.category) << "/"
          << ZhOf(item.facility) << "] 费用 " << a.item_cost[i].ToYuanString() << " 元\n";
    } else {
      // A catalogue item's name is the catalogue's Chinese one unless the plan gave
      // another: then the catalogue's English; a name of the plan's own is data.
      const CatalogueEntry* entry =
          item.catalogue.empty() ? nullptr : FindCatalogueEntry(item.catalogue);
      const std::string_view name =
          entry != nullptr && item.name == entry->zh ? entry->en : std::string_view(item.name);
      out << "\n" << item.id << " " << name << " [" << EnOf(item.category) << "/"
          << EnOf(item.facility) << "] cost " << a.item_cost[i].ToYuanString() << " yuan\n";
    }
    for (const FundingShare& s : a.SharesOf(i)) {
      out << "  " << (zh ? ExplainShareZh(s, policy) : ExplainShareEn(s, policy)) << "\n";
    }
    if (!a.item_gap[i].is_zero()) {
      out << (zh ? "  资金缺口 " : "  gap ") << a.item_gap[i].ToYuanString()
          << (zh ? " 元\n" : " yuan\n");
    }
  }
  out << (zh ? "\n合计（按来源，元 / 万元）：\n" : "\ntotals by source (yuan):\n");
  for (const auto& l : Labels<FundingSource>()) {
    const Money m = a.Total(l.value);
    if (m.is_zero()) continue;
    if (zh) {
      out << "  " << l.zh << " " << m.ToYuanString() << " / " << m.ToWanYuanString() << "\n";
    } else {
      out << "  " << l.en << " " << m.ToYuanString() << "\n";
    }
  }
  out << (zh ? "按类别：\n" : "by category:\n");
  for (const auto& c : Labels<Category>()) {
    std::int64_t sum = 0;
    for (Money m : a.by_category[static_cast<std::size_t>(c.value)]) sum += m.fen();
    if (sum != 0) out << "  " << (zh ? c.zh : c.en) << " " << Money::Fen(sum).ToYuanString() << "\n";
  }
  if (zh) {
    out << "总投资 " << a.total_cost.ToYuanString() << " 元，资金缺口 " << a.gap.ToYuanString()
        << " 元\n";
    for (const std::string& n : a.notes_zh) out << "注：" << n << "\n";
  } else {
    out << "total " << a.total_cost.ToYuanString() << " yuan, gap " << a.gap.ToYuanString()
        << " yuan\n";
    for (const std::string& n : a.notes_en) out << "note: " << n << "\n";
  }
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
