// Stage 4 of the annual plan, in words: which projects the knapsack chose, and
// for each eligible project why it is in or out (the district minimum or maximum
// that binds, the budget, the ratio against the cutoff).
#include <cstdint>
#include <string>
#include <vector>

#include "plan_internal.h"
#include "renewal/base/strcat.h"

namespace renewal {
namespace {

using plan_internal::kFenPerWan;

std::string Points(MilliPoints p) {
  const std::int64_t whole = p / kMilliPerPoint;
  const std::int64_t frac = (p < 0 ? -p : p) % kMilliPerPoint;
  std::string f = StrCat(frac);
  while (f.size() < 3) f = "0" + f;
  return StrCat(p < 0 && whole == 0 ? "-" : "", whole, ".", f);
}

std::string RatioText(std::int64_t milli_per_wan) {
  if (milli_per_wan == INT64_MAX) return "∞";
  return Points(milli_per_wan);
}

// Why a selected project of a district with `count` projects and `spent` fen selected
// is held in by the district's minimum ("" when it is not): without it the district
// would fall below its minimum count or spending.
std::string MinimumBinds(const DistrictLimit& l, std::int64_t count, std::int64_t spent,
                         Money cost) {
  if (l.min_projects > 0 && count <= l.min_projects) {
    return StrCat("区县下限 ", l.min_projects, " 个项目");
  }
  if (l.min_spending.fen() > 0 && spent - cost.fen() < l.min_spending.fen()) {
    return StrCat("区县 \"", l.district_id, "\" 资金下限 ", l.min_spending.ToWanYuanString(),
                  "（已安排 ", Money::Fen(spent).ToWanYuanString(), "，去掉本项目 ",
                  cost.ToWanYuanString(), " 则不足）");
  }
  return "";
}

// Why an unselected project is kept out by its district's maximum ("" when not).
std::string MaximumBinds(const DistrictLimit& l, std::int64_t count, std::int64_t spent,
                         Money cost) {
  if (count >= l.max_projects) {
    return StrCat("区县 \"", l.district_id, "\" 已达上限 ", l.max_projects, " 个项目");
  }
  if (l.max_spending && static_cast<__int128>(spent) + cost.fen() > l.max_spending->fen()) {
    return StrCat("区县 \"", l.district_id, "\" 资金上限 ", l.max_spending->ToWanYuanString(),
                  "：已安排 ", Money::Fen(spent).ToWanYuanString(), "，加上本项目 ",
                  cost.ToWanYuanString(), " 将超出");
  }
  return "";
}

}  // namespace

namespace plan_internal {

void MarkAndExplain(const KnapsackSolution& solution, const KnapsackProblem& kp,
                    const std::vector<std::size_t>& item_of, const PlanOptions& options,
                    std::vector<ProjectDecision>& d, AnnualPlan& plan) {
  const KnapsackSolution* sol = &solution;
  std::vector<std::int64_t> selected_in(options.district_limits.size(), 0);
  std::vector<std::int64_t> spent_in(options.district_limits.size(), 0);
  for (std::size_t k = 0; k < item_of.size(); ++k) {
    if (!sol->selected[k]) continue;
    ProjectDecision& x = d[item_of[k]];
    x.selected = true;
    x.tier = Tier::kImplement;
    plan.total_score += x.score;
    plan.households += x.households;
    if (kp.items[k].group >= 0) {
      ++selected_in[static_cast<std::size_t>(kp.items[k].group)];
      spent_in[static_cast<std::size_t>(kp.items[k].group)] += x.cost.fen();
    }
  }
  const std::string cutoff = StrCat("边际门槛 ", RatioText(plan.cutoff_milli_per_wan), "/万元");
  const char* unit = options.objective == Objective::kScore ? "分" : "户";
  for (std::size_t k = 0; k < item_of.size(); ++k) {
    ProjectDecision& x = d[item_of[k]];
    const std::int32_t g = kp.items[k].group;
    const std::size_t gi = g >= 0 ? static_cast<std::size_t>(g) : 0;
    const std::string ratio =
        StrCat("每万元 ", RatioText(x.ratio_milli_per_wan), " ", unit, "（", cutoff, "）");
    if (x.selected) {
      const std::string why =
          g >= 0 ? MinimumBinds(options.district_limits[gi], selected_in[gi], spent_in[gi], x.cost)
                 : "";
      if (kp.items[k].forced) {
        x.reason = Reason::kMustInclude;
        x.explanation = StrCat("必改项目（安全隐患或指定），强制纳入；成本 ", x.cost.ToWanYuanString());
      } else if (!why.empty() && x.ratio_milli_per_wan <= plan.cutoff_milli_per_wan) {
        x.reason = Reason::kDistrictMinimum;
        x.explanation = StrCat(why, "约束下纳入；", ratio);
      } else {
        x.reason = Reason::kSelected;
        x.explanation = StrCat("择优入选：得分 ", Points(x.score), "，成本 ", x.cost.ToWanYuanString(),
                               "，", ratio);
      }
      continue;
    }
    x.tier = Tier::kPlan;  // refined below
    const std::string why =
        g >= 0 ? MaximumBinds(options.district_limits[gi], selected_in[gi], spent_in[gi], x.cost) : "";
    if (!why.empty()) {
      x.reason = Reason::kDistrictMaximum;
      const std::string also =
          x.cost > plan.left ? StrCat("（也超过剩余预算 ", plan.left.ToWanYuanString(), "）") : "";
      x.explanation = StrCat(why, also, "；", ratio);
    } else {
      x.reason = Reason::kBudget;
      x.explanation = StrCat("预算约束：成本 ", x.cost.ToWanYuanString(),
                             x.cost > plan.left ? " 超过剩余预算 " : " 不超过剩余预算 ",
                             plan.left.ToWanYuanString(),
                             x.cost > plan.left ? "" : "，但换入会降低最优总值", "；", ratio);
    }
  }

}

}  // namespace plan_internal
}  // namespace renewal
