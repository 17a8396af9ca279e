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

// A reason in both languages, each wholly in its own (yuan in English: 万 is not English).
struct Said {
  std::string zh, en;
  bool empty() const { return zh.empty(); }
};

std::string YuanEn(Money m) { return StrCat(m.ToYuanString(), " yuan"); }

// Why a selected project of a district with `count` projects and `spent` fen selected
// is held in by the district's minimum (empty when it is not): without it the district
// would fall below its minimum count or spending.
Said MinimumBinds(const DistrictLimit& l, std::int64_t count, std::int64_t spent, Money cost) {
  if (l.min_projects > 0 && count <= l.min_projects) {
    return {StrCat("区县下限 ", l.min_projects, " 个项目"),
            StrCat("the district minimum of ", l.min_projects, " projects")};
  }
  if (l.min_spending.fen() > 0 && spent - cost.fen() < l.min_spending.fen()) {
    return {StrCat("区县 \"", l.district_id, "\" 资金下限 ", l.min_spending.ToWanYuanString(),
                   "（已安排 ", Money::Fen(spent).ToWanYuanString(), "，去掉本项目 ",
                   cost.ToWanYuanString(), " 则不足）"),
            StrCat("district \"", l.district_id, "\"'s minimum spending of ",
                   YuanEn(l.min_spending), " (", YuanEn(Money::Fen(spent)),
                   " selected; without this project's ", YuanEn(cost), " it falls short)")};
  }
  return {};
}

// Why an unselected project is kept out by its district's maximum (empty when not).
Said MaximumBinds(const DistrictLimit& l, std::int64_t count, std::int64_t spent, Money cost) {
  if (count >= l.max_projects) {
    return {StrCat("区县 \"", l.district_id, "\" 已达上限 ", l.max_projects, " 个项目"),
            StrCat("district \"", l.district_id, "\" has reached its maximum of ", l.max_projects,
                   " projects")};
  }
  if (l.max_spending && static_cast<__int128>(spent) + cost.fen() > l.max_spending->fen()) {
    return {StrCat("区县 \"", l.district_id, "\" 资金上限 ", l.max_spending->ToWanYuanString(),
                   "：已安排 ", Money::Fen(spent).ToWanYuanString(), "，加上本项目 ",
                   cost.ToWanYuanString(), " 将超出"),
            StrCat("district \"", l.district_id, "\"'s maximum spending of ",
                   YuanEn(*l.max_spending), ": ", YuanEn(Money::Fen(spent)),
                   " selected, this project's ", YuanEn(cost), " would exceed it")};
  }
  return {};
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
  const Said cutoff{StrCat("边际门槛 ", RatioText(plan.cutoff_milli_per_wan), "/万元"),
                    StrCat("marginal cutoff ", RatioText(plan.cutoff_milli_per_wan),
                           " per 10,000 yuan")};
  const bool by_score = options.objective == Objective::kScore;
  for (std::size_t k = 0; k < item_of.size(); ++k) {
    ProjectDecision& x = d[item_of[k]];
    const std::int32_t g = kp.items[k].group;
    const std::size_t gi = g >= 0 ? static_cast<std::size_t>(g) : 0;
    const Said ratio{StrCat("每万元 ", RatioText(x.ratio_milli_per_wan), " ", by_score ? "分" : "户",
                            "（", cutoff.zh, "）"),
                     StrCat(RatioText(x.ratio_milli_per_wan), by_score ? " points" : " households",
                            " per 10,000 yuan (", cutoff.en, ")")};
    if (x.selected) {
      const Said why =
          g >= 0 ? MinimumBinds(options.district_limits[gi], selected_in[gi], spent_in[gi], x.cost)
                 : Said{};
      if (kp.items[k].forced) {
        x.reason = Reason::kMustInclude;
        x.explanation_zh =
            StrCat("必改项目（安全隐患或指定），强制纳入；成本 ", x.cost.ToWanYuanString());
        x.explanation_en = StrCat("must-do project (safety hazard or named): included; cost ",
                                  YuanEn(x.cost));
      } else if (!why.empty() && x.ratio_milli_per_wan <= plan.cutoff_milli_per_wan) {
        x.reason = Reason::kDistrictMinimum;
        x.explanation_zh = StrCat(why.zh, "约束下纳入；", ratio.zh);
        x.explanation_en = StrCat("included to meet ", why.en, "; ", ratio.en);
      } else {
        x.reason = Reason::kSelected;
        x.explanation_zh = StrCat("择优入选：得分 ", Points(x.score), "，成本 ",
                                  x.cost.ToWanYuanString(), "，", ratio.zh);
        x.explanation_en = StrCat("selected on merit: score ", Points(x.score), ", cost ",
                                  YuanEn(x.cost), ", ", ratio.en);
      }
      continue;
    }
    x.tier = Tier::kPlan;  // refined below
    const Said why =
        g >= 0 ? MaximumBinds(options.district_limits[gi], selected_in[gi], spent_in[gi], x.cost)
               : Said{};
    const bool over = x.cost > plan.left;
    if (!why.empty()) {
      x.reason = Reason::kDistrictMaximum;
      x.explanation_zh = StrCat(
          why.zh, over ? StrCat("（也超过剩余预算 ", plan.left.ToWanYuanString(), "）") : "", "；",
          ratio.zh);
      x.explanation_en = StrCat(
          why.en, over ? StrCat(" (and over the remaining budget of ", YuanEn(plan.left), ")") : "",
          "; ", ratio.en);
    } else {
      x.reason = Reason::kBudget;
      x.explanation_zh = StrCat("预算约束：成本 ", x.cost.ToWanYuanString(),
                                over ? " 超过剩余预算 " : " 不超过剩余预算 ",
                                plan.left.ToWanYuanString(),
                                over ? "" : "，但换入会降低最优总值", "；", ratio.zh);
      x.explanation_en =
          StrCat("budget: cost ", YuanEn(x.cost),
                 over ? StrCat(" is over the remaining ", YuanEn(plan.left))
                      : StrCat(" fits the remaining ", YuanEn(plan.left),
                               ", but taking it in would lower the optimum"),
                 "; ", ratio.en);
    }
  }
}

}  // namespace plan_internal
}  // namespace renewal
