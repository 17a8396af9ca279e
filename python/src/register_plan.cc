// renewal._core.plan: scoring, the annual plan, rolling plans, menu choice. Inputs and
// results cross the boundary as the documented JSON formats (docs/plan.md); the pure-
// Python layer (renewal/plan.py) wraps them in objects with to_frame() and plots.
#include "bindings.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "renewal/plan/menu.h"
#include "renewal/plan/plan.h"
#include "renewal/plan/plan_io.h"
#include "renewal/registry/registry.h"
#include "renewal/plan/scoring.h"

namespace renewal::python {
namespace {

template <class E>
E EnumArg(const py::dict& d, const char* key, E fallback) {
  if (!d.contains(key) || d[key].is_none()) return fallback;
  return LabelArg<E>(py::cast<std::string>(d[key]), std::string("options.") + key);
}

Money MoneyArg(const py::object& value, const char* what) {
  std::string text = py::cast<std::string>(py::str(value));
  absl::StatusOr<Money> m = Money::Parse(text);
  if (!m.ok()) {
    ThrowStatus(absl::InvalidArgumentError(std::string(what) + ": " + std::string(m.status().message())));
  }
  return *m;
}

// Every key of the options dict, so that a misspelt option is an error, not ignored.
constexpr std::string_view kOptionKeys[] = {
    "year", "objective", "basis", "solver", "node_limit", "must_include_hazards",
    "require_vote_passed", "require_funding_confirmed", "require_management_agreed",
    "carry_over_bonus_points", "plan_tier_budget_yuan", "district_limits", "drop"};

PlanOptions OptionsFrom(const py::object& budget_yuan, const py::dict& d) {
  for (const auto& item : d) {
    const std::string key = py::cast<std::string>(py::str(item.first));
    if (std::find(std::begin(kOptionKeys), std::end(kOptionKeys), key) == std::end(kOptionKeys)) {
      std::string known;
      for (std::string_view k : kOptionKeys) known += (known.empty() ? "" : ", ") + std::string(k);
      ThrowStatus(absl::InvalidArgumentError("options." + key + ": unknown option (known: " +
                                             known + ")"));
    }
  }
  PlanOptions o;
  o.budget = MoneyArg(budget_yuan, "budget_yuan");
  auto get_bool = [&](const char* k) { return d.contains(k) && py::cast<bool>(d[k]); };
  auto get_int = [&](const char* k, std::int64_t def) {
    return d.contains(k) && !d[k].is_none() ? py::cast<std::int64_t>(d[k]) : def;
  };
  o.year = static_cast<int>(get_int("year", 0));
  o.objective = EnumArg(d, "objective", Objective::kScore);
  o.basis = EnumArg(d, "basis", BudgetBasis::kTotalCost);
  o.solve.solver = EnumArg(d, "solver", SolverKind::kAuto);
  o.solve.node_limit = get_int("node_limit", o.solve.node_limit);
  o.must_include_hazards = get_bool("must_include_hazards");
  o.require_vote_passed = get_bool("require_vote_passed");
  o.require_funding_confirmed = get_bool("require_funding_confirmed");
  o.require_management_agreed = get_bool("require_management_agreed");
  o.carry_over_bonus = get_int("carry_over_bonus_points", 0) * kMilliPerPoint;
  if (d.contains("plan_tier_budget_yuan") && !d["plan_tier_budget_yuan"].is_none()) {
    o.plan_tier_budget = MoneyArg(d["plan_tier_budget_yuan"], "plan_tier_budget_yuan");
  }
  if (d.contains("district_limits") && !d["district_limits"].is_none()) {
    std::size_t k = 0;
    for (const py::handle& h : d["district_limits"]) {
      const std::string where = "options.district_limits[" + std::to_string(k++) + "]";
      DistrictLimit l;
      if (py::isinstance<py::dict>(h)) {
        // The options-file form: district_id, min/max_projects, min/max_spending_yuan.
        const py::dict e = py::reinterpret_borrow<py::dict>(h);
        for (const auto& kv : e) {
          const std::string key = py::cast<std::string>(kv.first);
          if (key != "district_id" && key != "min_projects" && key != "max_projects" &&
              key != "min_spending_yuan" && key != "max_spending_yuan") {
            ThrowStatus(absl::InvalidArgumentError(where + " " + key + ": unknown field"));
          }
        }
        if (!e.contains("district_id")) {
          ThrowStatus(absl::InvalidArgumentError(where + " district_id: required"));
        }
        l.district_id = py::cast<std::string>(e["district_id"]);
        auto has = [&](const char* key) { return e.contains(key) && !e[key].is_none(); };
        if (has("min_projects")) l.min_projects = py::cast<std::int64_t>(e["min_projects"]);
        if (has("max_projects")) l.max_projects = py::cast<std::int64_t>(e["max_projects"]);
        const std::string id_where = where + " \"" + l.district_id + "\" ";
        if (has("min_spending_yuan")) {
          l.min_spending = MoneyArg(e["min_spending_yuan"], (id_where + "min_spending_yuan").c_str());
        }
        if (has("max_spending_yuan")) {
          l.max_spending = MoneyArg(e["max_spending_yuan"], (id_where + "max_spending_yuan").c_str());
        }
      } else {
        auto t = py::cast<py::tuple>(h);
        if (t.size() != 3) {
          ThrowStatus(absl::InvalidArgumentError(
              "options.district_limits: expected (district_id, min, max) tuples or dicts"));
        }
        l.district_id = py::cast<std::string>(t[0]);
        l.min_projects = py::cast<std::int64_t>(t[1]);
        l.max_projects = t[2].is_none() ? l.max_projects : py::cast<std::int64_t>(t[2]);
      }
      o.district_limits.push_back(l);
    }
  }
  return o;
}

ScoringSheet SheetArg(const std::string& name) { return ValueOrThrow(PresetSheet(name)); }

// options["drop"]: implement-tier projects that drop out, in order, each replaced by
// substitutes (DropAndSubstitute); the calls are recorded in the plan's substitutions.
AnnualPlan ApplyDrops(AnnualPlan plan, const py::dict& d, const PlanOptions& o) {
  if (!d.contains("drop") || d["drop"].is_none()) return plan;
  for (const std::string& id : py::cast<std::vector<std::string>>(d["drop"])) {
    absl::StatusOr<std::vector<std::string>> added = DropAndSubstitute(plan, id, o);
    if (!added.ok()) {
      ThrowStatus(absl::Status(added.status().code(),
                               "options.drop: " + std::string(added.status().message())));
    }
  }
  return plan;
}

}  // namespace

void register_plan(py::module_& m) {
  py::module_ p = m.def_submodule("plan", "Programme planning: scoring, annual plan, menu choice.");

  p.def("preset_sheets", &PresetSheetNames, "Names of the preset scoring sheets.");
  p.def(
      "sheet_json", [](const std::string& name) { return SheetToJson(SheetArg(name)); },
      py::arg("name"),
      "The preset sheet as JSON.\n\n:param name: ``ningbo`` or ``zhuzhou``.\n"
      ":returns: JSON text.\n:raises NotFoundError: unknown name.");

  p.def(
      "make_plan_from_facts",
      [](const std::string& projects_json, const std::string& facts_json,
         const py::object& budget_yuan, const std::string& sheet, const py::dict& options) {
        std::vector<CandidateProject> projects = ValueOrThrow(ParseProjectsJson(projects_json));
        std::vector<ProjectFacts> facts = ValueOrThrow(ParseFactsJson(facts_json));
        const ScoringSheet s = SheetArg(sheet);
        const PlanOptions o = OptionsFrom(budget_yuan, options);
        absl::StatusOr<AnnualPlan> r = [&] {
          py::gil_scoped_release release;
          return MakeAnnualPlanFromFacts(projects, facts, s, o);
        }();
        return PlanToJson(ApplyDrops(ValueOrThrow(std::move(r)), options, o));
      },
      py::arg("projects_json"), py::arg("facts_json"), py::arg("budget_yuan"),
      py::arg("sheet") = "ningbo", py::arg("options") = py::dict(),
      "Annual plan from projects and pre-gathered facts (JSON formats of docs/plan.md).\n\n"
      ":returns: the plan as JSON text.\n"
      ":raises InvalidArgumentError: bad input (the message names the record and field).\n"
      ":raises FailedPreconditionError: must-include projects over budget, district limits "
      "that cannot be met.");

  p.def(
      "make_plan",
      [](const Registry& registry, const std::string& projects_json, const py::object& budget_yuan,
         const std::string& sheet, const py::dict& options) {
        std::vector<CandidateProject> projects = ValueOrThrow(ParseProjectsJson(projects_json));
        const ScoringSheet s = SheetArg(sheet);
        const PlanOptions o = OptionsFrom(budget_yuan, options);
        AnnualPlan plan = ValueOrThrow(MakeAnnualPlan(registry, projects, s, o));
        return PlanToJson(ApplyDrops(std::move(plan), options, o));
      },
      py::arg("registry"), py::arg("projects_json"), py::arg("budget_yuan"),
      py::arg("sheet") = "ningbo", py::arg("options") = py::dict(),
      "Annual plan for projects naming estates of `registry`.\n\n:returns: JSON text.\n"
      ":raises NotFoundError: a project names an unknown estate.");

  p.def(
      "rolling_plan_from_facts",
      [](const std::string& projects_json, const std::string& facts_json,
         const std::vector<std::pair<int, std::string>>& years, const std::string& sheet,
         const py::dict& options) {
        std::vector<CandidateProject> projects = ValueOrThrow(ParseProjectsJson(projects_json));
        std::vector<ProjectFacts> facts = ValueOrThrow(ParseFactsJson(facts_json));
        std::vector<YearBudget> ys;
        for (const auto& [year, yuan] : years) ys.push_back({year, MoneyArg(py::str(yuan), "years")});
        const PlanOptions o = OptionsFrom(py::str("0"), options);
        if (options.contains("drop")) {
          ThrowStatus(absl::InvalidArgumentError("options.drop: only for the annual plan"));
        }
        return RollingPlanToJson(
            ValueOrThrow(MakeRollingPlanFromFacts(projects, facts, SheetArg(sheet), ys, o)));
      },
      py::arg("projects_json"), py::arg("facts_json"), py::arg("years"),
      py::arg("sheet") = "ningbo", py::arg("options") = py::dict(),
      "Multi-year rolling plan; `years` is a list of (year, budget in yuan as text).\n\n"
      ":returns: JSON text.");

  p.def(
      "choose_menu",
      [](const std::string& menu_json, const std::string& rule, const std::string& completion) {
        MenuInput in = ValueOrThrow(ParseMenuJson(menu_json));
        const MenuRule r = LabelArg<MenuRule>(rule, "rule");
        const MesCompletion c = LabelArg<MesCompletion>(completion, "completion");
        absl::StatusOr<MenuResult> out = [&] {
          py::gil_scoped_release release;
          return ChooseMenu(in, r, c);
        }();
        return MenuResultToJson(ValueOrThrow(std::move(out)));
      },
      py::arg("menu_json"), py::arg("rule") = "equal_shares", py::arg("completion") = "greedy",
      "Residents' menu choice.\n\n:param rule: ``equal_shares`` or ``greedy``.\n"
      ":param completion: for equal shares, ``greedy``, ``add1``, ``add1_greedy`` or ``none``.\n"
      ":returns: JSON text (funded items, money left, satisfaction per household).\n"
      ":raises InvalidArgumentError: bad input, unknown rule or completion.");

  p.def(
      "solve_knapsack",
      [](const std::vector<std::int64_t>& values, const std::vector<std::int64_t>& weights,
         std::int64_t capacity, const std::vector<std::int32_t>& groups,
         const std::vector<std::vector<std::int64_t>>& group_limits,
         const std::vector<bool>& forced, const std::string& solver) {
        if (weights.size() != values.size() || (!groups.empty() && groups.size() != values.size()) ||
            (!forced.empty() && forced.size() != values.size())) {
          ThrowStatus(absl::InvalidArgumentError(
              "values, weights, groups and forced must have the same length"));
        }
        KnapsackProblem kp;
        kp.capacity = capacity;
        for (std::size_t i = 0; i < values.size(); ++i) {
          kp.items.push_back({values[i], weights[i], groups.empty() ? -1 : groups[i],
                              forced.empty() ? false : static_cast<bool>(forced[i])});
        }
        for (std::size_t k = 0; k < group_limits.size(); ++k) {
          const std::vector<std::int64_t>& l = group_limits[k];
          if (l.size() != 2 && l.size() != 4) {
            ThrowStatus(absl::InvalidArgumentError(
                "group_limits[" + std::to_string(k) +
                "]: expected (min_count, max_count) or (min_count, max_count, min_weight, max_weight)"));
          }
          GroupLimit g;
          g.min_count = l[0];
          g.max_count = l[1];
          if (l.size() == 4) {
            g.min_weight = l[2];
            g.max_weight = l[3];
          }
          kp.groups.push_back(g);
        }
        SolveOptions o;
        o.solver = LabelArg<SolverKind>(solver, "solver");
        KnapsackSolution s = ValueOrThrow(SolveKnapsack(kp, o));
        py::dict out;
        std::vector<std::size_t> chosen;
        for (std::size_t i = 0; i < s.selected.size(); ++i) {
          if (s.selected[i]) chosen.push_back(i);
        }
        out["selected"] = chosen;
        out["value"] = s.value;
        out["weight"] = s.weight;
        out["lp_bound"] = s.lp_bound;
        out["gap_ppm"] = s.gap_ppm;
        out["proven_optimal"] = s.proven_optimal;
        out["nodes"] = s.nodes;
        out["solver"] = std::string(KeyOf(s.solver));
        out["dynamic_programming"] = s.dynamic_programming;
        return out;
      },
      py::arg("values"), py::arg("weights"), py::arg("capacity"),
      py::arg("groups") = std::vector<std::int32_t>{},
      py::arg("group_limits") = std::vector<std::vector<std::int64_t>>{},
      py::arg("forced") = std::vector<bool>{}, py::arg("solver") = "auto",
      "0/1 knapsack with forced items and per-group count and weight limits (integers).\n\n"
      ":param group_limits: per group (min_count, max_count) or (min_count, max_count, "
      "min_weight, max_weight).\n"
      ":returns: dict with selected indices, value, weight, lp_bound, gap_ppm, proven_optimal, "
      "nodes, solver, dynamic_programming.\n"
      ":raises FailedPreconditionError: forced items or group limits that cannot be met.");
}

}  // namespace renewal::python
