// The annual plan: filters, the knapsack, explanations, tiers, substitutes, and
// multi-year rolling plans.
#include "renewal/plan/plan.h"

#include <algorithm>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_replace.h"
#include "plan_internal.h"
#include "renewal/base/status_macros.h"
#include "renewal/registry/registry.h"
#include "renewal/base/strcat.h"
#include "renewal/base/ids.h"

namespace renewal {
namespace {

using plan_internal::kFenPerWan;

std::int64_t RatioPerWan(std::int64_t milli_objective, std::int64_t weight_fen) {
  if (weight_fen <= 0) return INT64_MAX;
  const __int128 r = static_cast<__int128>(milli_objective) * kFenPerWan / weight_fen;
  return r > INT64_MAX ? INT64_MAX : static_cast<std::int64_t>(r);
}

std::string IdsWithCost(const std::vector<const ProjectDecision*>& ds) {
  std::string names;
  for (std::size_t k = 0; k < ds.size(); ++k) {
    names += StrCat(k ? ", " : "", "\"", ds[k]->project_id, "\" ", ds[k]->cost.ToWanYuanString());
  }
  return names;
}

// Named infeasibility of the districts' money limits, in 万元 (the solver would only
// say "group k" in fen): must-include projects over a maximum, a minimum the
// district's candidates cannot reach, minimums that together pass the budget.
absl::Status CheckDistrictMoney(const std::vector<CandidateProject>& projects,
                                const std::vector<ProjectDecision>& d,
                                const std::vector<bool>& eligible, const std::vector<bool>& forced,
                                const std::map<std::string, std::size_t, std::less<>>& limit_index,
                                const PlanOptions& options) {
  const std::size_t m = options.district_limits.size();
  std::vector<std::vector<const ProjectDecision*>> forced_in(m);
  std::vector<__int128> forced_sum(m, 0), usable(m, 0);
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (!eligible[i]) continue;
    auto it = limit_index.find(d[i].district_id);
    if (it == limit_index.end()) continue;
    const DistrictLimit& l = options.district_limits[it->second];
    if (forced[i]) {
      forced_in[it->second].push_back(&d[i]);
      forced_sum[it->second] += d[i].cost.fen();
    }
    if (!l.max_spending || d[i].cost <= *l.max_spending) usable[it->second] += d[i].cost.fen();
  }
  __int128 need = 0;
  std::string parts;
  for (std::size_t k = 0; k < m; ++k) {
    const DistrictLimit& l = options.district_limits[k];
    if (l.max_spending && forced_sum[k] > l.max_spending->fen()) {
      return absl::FailedPreconditionError(StrCat(
          "infeasible: district \"", l.district_id, "\" must-include projects [",
          IdsWithCost(forced_in[k]), "] cost ",
          Money::Fen(static_cast<std::int64_t>(forced_sum[k])).ToWanYuanString(),
          " together, more than its maximum spending ", l.max_spending->ToWanYuanString()));
    }
    if (usable[k] < l.min_spending.fen()) {
      return absl::FailedPreconditionError(StrCat(
          "infeasible: district \"", l.district_id, "\" needs spending of at least ",
          l.min_spending.ToWanYuanString(), " but its eligible projects",
          l.max_spending ? " within its maximum" : "", " cost ",
          Money::Fen(static_cast<std::int64_t>(usable[k])).ToWanYuanString(), " together"));
    }
    const __int128 floor = std::max<__int128>(l.min_spending.fen(), forced_sum[k]);
    if (l.min_spending.fen() > 0) {
      parts += StrCat(parts.empty() ? "" : ", ", "\"", l.district_id, "\" ",
                      Money::Fen(static_cast<std::int64_t>(floor)).ToWanYuanString());
    }
    need += floor;
  }
  if (need > options.budget.fen() && !parts.empty()) {
    return absl::FailedPreconditionError(StrCat(
        "infeasible: the district spending minimums [", parts, "] and must-include projects need ",
        Money::Fen(static_cast<std::int64_t>(need)).ToWanYuanString(), ", more than the budget ",
        options.budget.ToWanYuanString()));
  }
  return absl::OkStatus();
}

// Stage 1, validate: what the other stages take for granted (facts for every
// project, budget and bonus >= 0, one sane limit per district); fills the index
// of each district's limit.
absl::Status ValidatePlanInputs(const std::vector<CandidateProject>& projects,
                                const std::vector<ProjectFacts>& facts, const PlanOptions& options,
                                std::map<std::string, std::size_t, std::less<>>& limit_index) {
  if (facts.size() != projects.size()) {
    return absl::InvalidArgumentError(
        StrCat("facts: ", facts.size(), " entries for ", projects.size(), " projects"));
  }
  if (options.budget.is_negative()) {
    return absl::InvalidArgumentError(
        StrCat("budget: must be >= 0, got ", options.budget.ToYuanString()));
  }
  if (options.carry_over_bonus < 0) {
    return absl::InvalidArgumentError(
        StrCat("carry_over_bonus: must be >= 0, got ", options.carry_over_bonus));
  }
  for (std::size_t k = 0; k < options.district_limits.size(); ++k) {
    const DistrictLimit& l = options.district_limits[k];
    if (!limit_index.emplace(l.district_id, k).second) {
      return absl::InvalidArgumentError(
          StrCat("district_limits[", k, "] \"", l.district_id, "\": duplicate district"));
    }
    if (l.min_projects < 0 || l.max_projects < l.min_projects) {
      return absl::InvalidArgumentError(
          StrCat("district_limits[", k, "] \"", l.district_id, "\": need 0 <= min <= max, got min ",
                 l.min_projects, " max ", l.max_projects));
    }
    if (l.min_spending.is_negative() || (l.max_spending && *l.max_spending < l.min_spending)) {
      return absl::InvalidArgumentError(StrCat(
          "district_limits[", k, "] \"", l.district_id,
          "\": need 0 <= min_spending <= max_spending, got min ", l.min_spending.ToYuanString(),
          " max ", l.max_spending ? l.max_spending->ToYuanString() : "none"));
    }
  }
  return absl::OkStatus();
}

// Stage 2, readiness: one decision per project with its score and cost, and which
// projects may enter the knapsack (complete data and ready, or forced in) and
// which must.
void DecideReadiness(const std::vector<CandidateProject>& projects, const ScoringSheet& sheet,
                     const std::vector<ProjectFacts>& facts,
                     const std::vector<ProjectScore>& scores, const PlanOptions& options,
                     std::vector<ProjectDecision>& d, std::vector<bool>& eligible,
                     std::vector<bool>& forced) {
  const std::size_t n = projects.size();
  for (std::size_t i = 0; i < n; ++i) {
    const CandidateProject& p = projects[i];
    const ProjectScore& ps = scores[i];
    ProjectDecision& x = d[i];
    x.project_id = p.id;
    x.estate_id = p.estate_id;
    x.district_id = facts[i].district_id;
    x.score = ps.total + options.carry_over_bonus * p.carried_over_years;
    x.households = facts[i].at(Feature::kHouseholds).value_or(0);
    x.total_cost = p.cost;
    x.cost = options.basis == BudgetBasis::kTotalCost ? p.cost : p.government_share;
    x.missing = ps.missing;
    x.criteria = ps.criteria;
    const std::int64_t milli_obj =
        options.objective == Objective::kScore ? x.score : x.households * 1000;
    x.ratio_milli_per_wan = RatioPerWan(milli_obj, x.cost.fen());
    const bool hazard = facts[i].at(Feature::kHazardCount).value_or(0) > 0;
    forced[i] = p.must_include || (options.must_include_hazards && hazard);
    // Why a project is not ready, wholly in Chinese and wholly in English.
    std::string not_ready_zh, not_ready_en;
    const auto not_ready = [&](std::string_view zh, std::string_view en) {
      not_ready_zh += StrCat(not_ready_zh.empty() ? "" : "、", zh);
      not_ready_en += StrCat(not_ready_en.empty() ? "" : ", ", en);
    };
    if (options.require_vote_passed && p.vote_passed != true) {
      not_ready("表决未通过", "owners' vote not passed");
    }
    if (options.require_funding_confirmed && p.funding_confirmed != true) {
      not_ready("资金未落实", "funding not confirmed");
    }
    if (options.require_management_agreed && p.management_agreed != true) {
      not_ready("长效管理未议定", "long-term management not agreed");
    }
    if (options.require_review_passed && p.review_passed != true) {
      not_ready("方案未通过审查", "estate plan not passed in review");
    }
    x.ready = not_ready_zh.empty();
    if (ps.excluded && !forced[i]) {
      x.tier = Tier::kExcluded;
      x.reason = Reason::kIncompleteData;
      // The criteria by their names on the sheet in Chinese, by their keys in English.
      std::string zh, en;
      for (std::size_t k = 0; k < ps.criteria.size() && k < sheet.criteria.size(); ++k) {
        if (!ps.criteria[k].missing) continue;
        zh += StrCat(zh.empty() ? "" : "、", sheet.criteria[k].zh);
        en += StrCat(en.empty() ? "" : ", ", sheet.criteria[k].key);
      }
      x.explanation_zh = StrCat("资料不全，不参与排序：缺少", zh);
      x.explanation_en = StrCat("incomplete data, not ranked: missing ", en);
      continue;
    }
    if (!x.ready && !forced[i]) {
      x.reason = Reason::kNotReady;
      x.explanation_zh = StrCat("条件未成熟（", not_ready_zh, "），不纳入当年实施");
      x.explanation_en = StrCat("not ready (", not_ready_en, "): not in this year's works");
      continue;
    }
    eligible[i] = true;
  }

}

// Named infeasibility for the must-include projects before the solver sees them.
absl::Status CheckMustIncludeBudget(const std::vector<ProjectDecision>& d,
                                    const std::vector<bool>& forced, const PlanOptions& options) {
  const std::size_t n = d.size();
  __int128 need = 0;
  std::vector<const ProjectDecision*> ids;
  for (std::size_t i = 0; i < n; ++i) {
    if (forced[i]) {
      need += d[i].cost.fen();
      ids.push_back(&d[i]);
    }
  }
  if (need > options.budget.fen()) {
    return absl::FailedPreconditionError(StrCat(
        "infeasible: must-include projects [", IdsWithCost(ids), "] cost ",
        Money::Fen(static_cast<std::int64_t>(need)).ToWanYuanString(), " together, more than the budget ",
        options.budget.ToWanYuanString()));
  }
  return absl::OkStatus();
}

// Stage 3, knapsack: the eligible projects as items and the districts' limits as
// groups, solved; the solver's "group k" in an error becomes the district's name.
// item_of maps a knapsack item back to its project.
absl::StatusOr<KnapsackSolution> SolveDistrictKnapsack(
    const std::vector<ProjectDecision>& d, const std::vector<bool>& eligible,
    const std::vector<bool>& forced,
    const std::map<std::string, std::size_t, std::less<>>& limit_index, const PlanOptions& options,
    KnapsackProblem& kp, std::vector<std::size_t>& item_of) {
  const std::size_t n = d.size();
  kp.capacity = options.budget.fen();
  for (const DistrictLimit& l : options.district_limits) {
    kp.groups.push_back({l.min_projects, l.max_projects, l.min_spending.fen(),
                         l.max_spending ? l.max_spending->fen() : INT64_MAX});
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!eligible[i]) continue;
    KnapsackItem it;
    it.value = options.objective == Objective::kScore ? d[i].score : d[i].households;
    if (it.value < 0) it.value = 0;
    it.weight = d[i].cost.fen();
    auto g = limit_index.find(d[i].district_id);
    it.group = g == limit_index.end() ? -1 : static_cast<std::int32_t>(g->second);
    it.forced = forced[i];
    kp.items.push_back(it);
    item_of.push_back(i);
  }
  absl::StatusOr<KnapsackSolution> sol = SolveKnapsack(kp, options.solve);
  if (!sol.ok()) {
    std::string msg = absl::StrReplaceAll(sol.status().message(),
                                          {{"group limits", "district limits"}});
    for (std::size_t k = 0; k < options.district_limits.size(); ++k) {
      msg = absl::StrReplaceAll(
          msg, {{StrCat("group ", k, " "),
                 StrCat("district \"", options.district_limits[k].district_id, "\" ")}});
    }
    return absl::Status(sol.status().code(), msg);
  }
  return sol;
}

// The solver's figures on the plan (the cutoff is the critical item's ratio).
void RecordSolution(const KnapsackSolution& solution, const std::vector<ProjectDecision>& d,
                    const std::vector<std::size_t>& item_of, const PlanOptions& options,
                    AnnualPlan& plan) {
  const KnapsackSolution* sol = &solution;
  plan.solver = sol->solver;
  plan.proven_optimal = sol->proven_optimal;
  plan.nodes = sol->nodes;
  plan.lp_bound = sol->lp_bound;
  plan.gap_ppm = sol->gap_ppm;
  plan.objective_value = sol->value;
  plan.spent = Money::Fen(sol->weight);
  plan.left = Money::Fen(options.budget.fen() - sol->weight);
  if (sol->critical_item >= 0) {
    const ProjectDecision& c = d[item_of[static_cast<std::size_t>(sol->critical_item)]];
    plan.cutoff_project_id = c.project_id;
    plan.cutoff_milli_per_wan = c.ratio_milli_per_wan;
  }
}

// Stage 5, rank: rank order (with the carry-over bonus), then tiers and
// substitutes; the decisions move into the plan, ranked first, excluded last.
void RankAndTier(const std::vector<CandidateProject>& projects, const std::vector<bool>& eligible,
                 const PlanOptions& options, std::vector<ProjectDecision>& d, AnnualPlan& plan) {
  const std::size_t n = d.size();
  std::vector<std::size_t> order;
  std::vector<std::size_t> excluded;
  for (std::size_t i = 0; i < n; ++i) {
    (d[i].tier == Tier::kExcluded ? excluded : order).push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (d[a].score != d[b].score) return d[a].score > d[b].score;
    if (projects[a].carried_over_years != projects[b].carried_over_years) {
      return projects[a].carried_over_years > projects[b].carried_over_years;
    }
    if (d[a].households != d[b].households) return d[a].households > d[b].households;
    return d[a].project_id < d[b].project_id;
  });
  std::sort(excluded.begin(), excluded.end(),
            [&](std::size_t a, std::size_t b) { return d[a].project_id < d[b].project_id; });
  const Money plan_budget = options.plan_tier_budget.is_zero() ? options.budget
                                                               : options.plan_tier_budget;
  __int128 plan_left = plan_budget.fen();
  int substitute = 0;
  for (std::size_t r = 0; r < order.size(); ++r) {
    ProjectDecision& x = d[order[r]];
    x.rank = static_cast<int>(r + 1);
    if (x.selected) continue;
    if (x.cost.fen() <= plan_left) {
      x.tier = Tier::kPlan;
      plan_left -= x.cost.fen();
    } else {
      x.tier = Tier::kReserve;
    }
    if (eligible[order[r]]) x.substitute_order = ++substitute;
  }
  plan.decisions.reserve(n);
  for (std::size_t i : order) plan.decisions.push_back(std::move(d[i]));
  for (std::size_t i : excluded) plan.decisions.push_back(std::move(d[i]));
}

}  // namespace

absl::Status ValidateProjects(const std::vector<CandidateProject>& projects) {
  absl::flat_hash_set<std::string> seen;
  for (std::size_t i = 0; i < projects.size(); ++i) {
    const CandidateProject& p = projects[i];
    auto where = [&] { return StrCat("projects[", i, "] \"", p.id, "\""); };
    if (absl::Status s = CheckId(p.id); !s.ok()) {
      return absl::InvalidArgumentError(StrCat("projects[", i, "] ", ToStd(s.message())));
    }
    if (!seen.insert(p.id).second) {
      return absl::AlreadyExistsError(StrCat(where(), " id: duplicate project id"));
    }
    if (p.estate_id.empty()) {
      return absl::InvalidArgumentError(StrCat(where(), " estate_id: must not be empty"));
    }
    if (p.cost.is_negative()) {
      return absl::InvalidArgumentError(
          StrCat(where(), " cost: must be >= 0, got ", p.cost.ToYuanString()));
    }
    if (p.government_share.is_negative() || p.government_share > p.cost) {
      return absl::InvalidArgumentError(
          StrCat(where(), " government_share: must be in [0, cost ", p.cost.ToYuanString(),
                 "], got ", p.government_share.ToYuanString()));
    }
    for (std::size_t k = 0; k < p.items.size(); ++k) {
      if (p.items[k].cost.is_negative()) {
        return absl::InvalidArgumentError(StrCat(where(), " items[", k, "] cost: must be >= 0, got ",
                                                 p.items[k].cost.ToYuanString()));
      }
    }
    auto bp = [&](const std::optional<std::int64_t>& v, const char* field) -> absl::Status {
      if (v && (*v < 0 || *v > 10000)) {
        return absl::InvalidArgumentError(
            StrCat(where(), " ", field, ": must be in [0, 10000] basis points, got ", *v));
      }
      return absl::OkStatus();
    };
    RENEWAL_RETURN_IF_ERROR(bp(p.agreement_bp, "agreement_bp"));
    RENEWAL_RETURN_IF_ERROR(bp(p.fund_collection_bp, "fund_collection_bp"));
    if (p.carried_over_years < 0) {
      return absl::InvalidArgumentError(
          StrCat(where(), " carried_over_years: must be >= 0, got ", p.carried_over_years));
    }
  }
  return absl::OkStatus();
}
absl::StatusOr<AnnualPlan> MakeAnnualPlanFromFacts(const std::vector<CandidateProject>& projects,
                                                   const std::vector<ProjectFacts>& facts,
                                                   const ScoringSheet& sheet,
                                                   const PlanOptions& options) {
  RENEWAL_RETURN_IF_ERROR(ValidateProjects(projects));
  std::map<std::string, std::size_t, std::less<>> limit_index;
  RENEWAL_RETURN_IF_ERROR(ValidatePlanInputs(projects, facts, options, limit_index));
  std::vector<int> carried(projects.size());
  for (std::size_t i = 0; i < projects.size(); ++i) carried[i] = projects[i].carried_over_years;
  RENEWAL_ASSIGN_OR_RETURN(std::vector<ProjectScore> scores, ScoreProjects(sheet, facts, carried));

  const std::size_t n = projects.size();
  AnnualPlan plan;
  plan.year = options.year;
  plan.sheet = sheet.name;
  plan.objective = options.objective;
  plan.basis = options.basis;
  plan.budget = options.budget;
  for (const Criterion& c : sheet.criteria) plan.criteria_keys.push_back(c.key);

  std::vector<ProjectDecision> d(n);
  std::vector<bool> eligible(n, false), forced(n, false);
  DecideReadiness(projects, sheet, facts, scores, options, d, eligible, forced);

  RENEWAL_RETURN_IF_ERROR(CheckMustIncludeBudget(d, forced, options));
  RENEWAL_RETURN_IF_ERROR(CheckDistrictMoney(projects, d, eligible, forced, limit_index, options));
  KnapsackProblem kp;
  std::vector<std::size_t> item_of;  // knapsack item -> project
  RENEWAL_ASSIGN_OR_RETURN(
      const KnapsackSolution& sol,
      SolveDistrictKnapsack(d, eligible, forced, limit_index, options, kp, item_of));
  RecordSolution(sol, d, item_of, options, plan);
  // Stage 4, explain (plan_explain.cc): mark the selection and say why each
  // eligible project is in or out.
  plan_internal::MarkAndExplain(sol, kp, item_of, options, d, plan);

  RankAndTier(projects, eligible, options, d, plan);
  return plan;
}

absl::StatusOr<AnnualPlan> MakeAnnualPlan(const Registry& registry,
                                          const std::vector<CandidateProject>& projects,
                                          const ScoringSheet& sheet, const PlanOptions& options) {
  const int year = options.year > 0 ? options.year : CurrentYear();
  std::vector<ProjectFacts> facts;
  facts.reserve(projects.size());
  for (const CandidateProject& p : projects) {
    RENEWAL_ASSIGN_OR_RETURN(ProjectFacts f, GatherFacts(registry, p, year));
    facts.push_back(std::move(f));
  }
  PlanOptions o = options;
  o.year = year;
  return MakeAnnualPlanFromFacts(projects, facts, sheet, o);
}

absl::StatusOr<std::vector<std::string>> DropAndSubstitute(AnnualPlan& plan,
                                                           std::string_view dropped_id,
                                                           const PlanOptions& options) {
  auto it = std::find_if(plan.decisions.begin(), plan.decisions.end(),
                         [&](const ProjectDecision& x) { return x.project_id == dropped_id; });
  if (it == plan.decisions.end() || !it->selected) {
    return absl::NotFoundError(
        StrCat("dropped_id: \"", dropped_id, "\" is not a project of the implement tier"));
  }
  AnnualPlan next = plan;
  ProjectDecision& dropped = next.decisions[static_cast<std::size_t>(it - plan.decisions.begin())];
  dropped.selected = false;
  dropped.tier = Tier::kReserve;
  dropped.reason = Reason::kDroppedOut;
  dropped.explanation_zh = "因突发情况不能实施，退出当年计划";
  dropped.explanation_en = "cannot go ahead (unforeseen circumstances): dropped from this year's plan";
  __int128 left = static_cast<__int128>(next.left.fen()) + dropped.cost.fen();
  next.total_score -= dropped.score;
  next.households -= dropped.households;
  next.objective_value -= next.objective == Objective::kScore ? dropped.score : dropped.households;
  std::map<std::string, const DistrictLimit*, std::less<>> limit_of;
  for (const DistrictLimit& l : options.district_limits) limit_of[l.district_id] = &l;
  std::map<std::string, std::int64_t, std::less<>> count;
  std::map<std::string, __int128, std::less<>> spent;
  for (const ProjectDecision& x : next.decisions) {
    if (!x.selected) continue;
    ++count[x.district_id];
    spent[x.district_id] += x.cost.fen();
  }
  std::vector<ProjectDecision*> subs;
  for (ProjectDecision& x : next.decisions) {
    if (x.substitute_order > 0 && !x.selected) subs.push_back(&x);
  }
  std::sort(subs.begin(), subs.end(), [](const ProjectDecision* a, const ProjectDecision* b) {
    return a->substitute_order < b->substitute_order;
  });
  auto below_minimum = [&](const DistrictLimit& l) {
    return count[l.district_id] < l.min_projects || spent[l.district_id] < l.min_spending.fen();
  };
  // Fits the money left and its district's maxima.
  auto fits = [&](const ProjectDecision& x) {
    if (x.selected || x.cost.fen() > left) return false;
    auto l = limit_of.find(x.district_id);
    if (l == limit_of.end()) return true;
    if (count[x.district_id] >= l->second->max_projects) return false;
    return !l->second->max_spending ||
           spent[x.district_id] + x.cost.fen() <= l->second->max_spending->fen();
  };
  std::vector<std::string> added;
  auto take = [&](ProjectDecision& x, std::string_view why_zh, std::string_view why_en) {
    x.selected = true;
    x.tier = Tier::kImplement;
    x.reason = Reason::kSubstitute;
    x.explanation_zh = StrCat("候补第 ", x.substitute_order, " 位，替补退出项目 \"", dropped_id, "\"",
                              why_zh, "；成本 ", x.cost.ToWanYuanString());
    x.explanation_en = StrCat("substitute no. ", x.substitute_order, ", replacing dropped project \"",
                              dropped_id, "\"", why_en, "; cost ", x.cost.ToYuanString(), " yuan");
    x.substitute_order = 0;
    left -= x.cost.fen();
    ++count[x.district_id];
    spent[x.district_id] += x.cost.fen();
    next.total_score += x.score;
    next.households += x.households;
    next.objective_value += next.objective == Objective::kScore ? x.score : x.households;
    added.push_back(x.project_id);
  };
  // A district below its minimum takes its own substitutes first, in order, each that
  // fits — but only when they bring it back to the minimum: money is not spent on a
  // minimum that cannot be met (the general pass below may still take them in turn).
  for (const DistrictLimit& l : options.district_limits) {
    if (!below_minimum(l)) continue;
    std::vector<ProjectDecision*> own;
    __int128 trial_left = left, trial_spent = spent[l.district_id];
    std::int64_t trial_count = count[l.district_id];
    for (ProjectDecision* x : subs) {
      if (trial_count >= l.min_projects && trial_spent >= l.min_spending.fen()) break;
      if (x->selected || x->district_id != l.district_id || x->cost.fen() > trial_left) continue;
      if (trial_count >= l.max_projects) break;
      if (l.max_spending && trial_spent + x->cost.fen() > l.max_spending->fen()) continue;
      own.push_back(x);
      trial_left -= x->cost.fen();
      trial_spent += x->cost.fen();
      ++trial_count;
    }
    if (trial_count < l.min_projects || trial_spent < l.min_spending.fen()) continue;
    for (ProjectDecision* x : own) {
      take(*x, StrCat("（恢复区县 \"", l.district_id, "\" 下限）"),
           StrCat(" (restoring district \"", l.district_id, "\"'s minimum)"));
    }
  }
  for (ProjectDecision* x : subs) {
    if (fits(*x)) take(*x, "", "");
  }
  next.district_shortfalls.clear();
  for (const DistrictLimit& l : options.district_limits) {
    if (!below_minimum(l)) continue;
    DistrictShortfall f;
    f.district_id = l.district_id;
    f.min_projects = l.min_projects;
    f.projects = count[l.district_id];
    f.min_spending = l.min_spending;
    f.spent = Money::Fen(static_cast<std::int64_t>(spent[l.district_id]));
    f.explanation_zh = StrCat("区县 \"", l.district_id, "\" 低于下限：已安排 ", f.projects,
                              " 个项目（下限 ", l.min_projects, "），", f.spent.ToWanYuanString(),
                              "（资金下限 ", l.min_spending.ToWanYuanString(),
                              "）；该区县的候补项目不足以恢复下限");
    f.explanation_en = StrCat("district \"", l.district_id, "\" below its minimum: ", f.projects,
                              " projects selected (minimum ", l.min_projects, "), ",
                              f.spent.ToYuanString(), " yuan (minimum spending ",
                              l.min_spending.ToYuanString(),
                              " yuan); its substitutes cannot restore the minimum");
    next.district_shortfalls.push_back(std::move(f));
  }
  next.left = Money::Fen(static_cast<std::int64_t>(left));
  next.spent = Money::Fen(next.budget.fen() - next.left.fen());
  next.proven_optimal = false;  // the substituted plan is no longer the optimum
  next.substitutions.push_back({std::string(dropped_id), added});
  plan = std::move(next);
  return added;
}

absl::StatusOr<RollingPlan> MakeRollingPlanFromFacts(const std::vector<CandidateProject>& projects,
                                                     const std::vector<ProjectFacts>& facts,
                                                     const ScoringSheet& sheet,
                                                     const std::vector<YearBudget>& years,
                                                     const PlanOptions& options) {
  if (facts.size() != projects.size()) {
    return absl::InvalidArgumentError(
        StrCat("facts: ", facts.size(), " entries for ", projects.size(), " projects"));
  }
  for (std::size_t y = 1; y < years.size(); ++y) {
    if (years[y].year <= years[y - 1].year) {
      return absl::InvalidArgumentError(StrCat("years[", y, "] year: must ascend, got ",
                                               years[y].year, " after ", years[y - 1].year));
    }
  }
  RollingPlan out;
  std::vector<bool> done(projects.size(), false);
  std::int64_t cumulative = 0;
  for (std::size_t y = 0; y < years.size(); ++y) {
    std::vector<CandidateProject> ps;
    std::vector<ProjectFacts> fs;
    std::vector<std::size_t> back;
    for (std::size_t i = 0; i < projects.size(); ++i) {
      if (done[i]) continue;
      CandidateProject p = projects[i];
      ProjectFacts f = facts[i];
      const int waited = years[y].year - years[0].year;
      p.carried_over_years += waited;  // deferred each year it was not done
      if (f.at(Feature::kAgeYears)) *f.at(Feature::kAgeYears) += waited;
      ps.push_back(std::move(p));
      fs.push_back(std::move(f));
      back.push_back(i);
    }
    PlanOptions o = options;
    o.budget = years[y].budget;
    o.year = years[y].year;
    absl::StatusOr<AnnualPlan> plan = MakeAnnualPlanFromFacts(ps, fs, sheet, o);
    if (!plan.ok()) {
      return absl::Status(plan.status().code(),
                          StrCat("year ", years[y].year, ": ", plan.status().message()));
    }
    YearOutcome yo;
    yo.year = years[y].year;
    yo.budget = years[y].budget;
    yo.spent = plan->spent;
    yo.households = plan->households;
    yo.proven_optimal = plan->proven_optimal;
    absl::flat_hash_map<std::string, std::size_t> index;
    for (std::size_t k = 0; k < ps.size(); ++k) index[ps[k].id] = back[k];
    for (const ProjectDecision& x : plan->decisions) {
      if (!x.selected) continue;
      yo.implemented.push_back(x.project_id);
      done[index[x.project_id]] = true;
    }
    cumulative += yo.households;
    yo.cumulative_households = cumulative;
    yo.rolled_over = ps.size() - yo.implemented.size();
    out.years.push_back(std::move(yo));
  }
  for (std::size_t i = 0; i < projects.size(); ++i) {
    if (!done[i]) out.not_done.push_back(projects[i].id);
  }
  return out;
}

absl::StatusOr<RollingPlan> MakeRollingPlan(const Registry& registry,
                                            const std::vector<CandidateProject>& projects,
                                            const ScoringSheet& sheet,
                                            const std::vector<YearBudget>& years,
                                            const PlanOptions& options) {
  const int first = years.empty() ? CurrentYear() : years.front().year;
  std::vector<ProjectFacts> facts;
  for (const CandidateProject& p : projects) {
    RENEWAL_ASSIGN_OR_RETURN(ProjectFacts f, GatherFacts(registry, p, first));
    facts.push_back(std::move(f));
  }
  return MakeRollingPlanFromFacts(projects, facts, sheet, years, options);
}

}  // namespace renewal
