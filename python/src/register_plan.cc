// renewal._core.plan: scoring, the annual plan, rolling plans, menu choice. Inputs and
// results cross the boundary as the documented JSON formats (docs/plan.md); the pure-
// Python layer (renewal/plan.py) wraps them in objects with to_frame() and plots.
#include "bindings.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "renewal/plan/menu.h"
#include "renewal/plan/plan.h"
#include "renewal/plan/plan_io.h"
#include "renewal/registry/registry.h"
#include "renewal/plan/scoring.h"

namespace renewal::python {
namespace {

// Money options are all in yuan (their names end in _yuan): Decimal or str, through the
// one conversion (bindings.h); None stays None (the option keeps its default).
py::object YuanText(py::handle value, const std::string& name) {
  if (value.is_none()) return py::none();
  return py::str(MoneyArg(value, name, MoneyForm::kYuan).ToYuanString());
}

// district_limits for JSON: dicts (the options-file form) with their money as yuan text,
// and the (district_id, min_projects, max_projects) tuple form as the same dicts.
py::list LimitsForJson(py::handle limits) {
  py::list out;
  std::size_t k = 0;
  for (py::handle h : limits) {
    const std::string where = "options.district_limits[" + std::to_string(k++) + "]";
    py::dict d;
    if (py::isinstance<py::dict>(h)) {
      for (auto kv : py::reinterpret_borrow<py::dict>(h)) d[kv.first] = kv.second;
      const std::string id = d.contains("district_id") ? " \"" + std::string(py::str(d["district_id"])) + "\"" : "";
      for (const char* key : {"min_spending_yuan", "max_spending_yuan"}) {
        if (d.contains(key)) d[key] = YuanText(d[key], where + id + " " + key);
      }
    } else {
      const py::sequence t = py::reinterpret_borrow<py::sequence>(h);
      if (py::isinstance<py::str>(h) || !py::isinstance<py::sequence>(h) || t.size() != 3) {
        ThrowStatus(absl::InvalidArgumentError(
            "options.district_limits: expected (district_id, min, max) tuples or dicts"));
      }
      d["district_id"] = t[0];
      d["min_projects"] = t[1];
      d["max_projects"] = t[2];
    }
    out.append(d);
  }
  return out;
}

// The plan options: the keywords become JSON for the one C++ parser
// (ParsePlanKeywordsJson), which defines their names, defaults and errors. `drop` is
// not a plan option but what to do after (Drops).
PlanOptions OptionsFrom(Money budget, const py::dict& options) {
  py::dict d;
  for (auto kv : options) {
    const std::string key = py::str(kv.first);
    if (key == "drop") continue;
    if (key == "plan_tier_budget_yuan") {
      d[kv.first] = YuanText(kv.second, "options.plan_tier_budget_yuan");
    } else if (key == "district_limits" && !kv.second.is_none()) {
      d[kv.first] = LimitsForJson(kv.second);
    } else {
      d[kv.first] = kv.second;
    }
  }
  PlanOptions base;
  base.budget = budget;
  return ValueOrThrow(ParsePlanKeywordsJson(JsonDumps(d), base));
}

// options["drop"]: implement-tier projects that drop out after the plan is made, in
// order, each replaced by substitutes (DropAndSubstituteAll).
std::vector<std::string> Drops(const py::dict& options) {
  if (!options.contains("drop") || options["drop"].is_none()) return {};
  return py::cast<std::vector<std::string>>(options["drop"]);
}

std::string PlanJsonAfterDrops(AnnualPlan plan, const py::dict& options, const PlanOptions& o) {
  const absl::Status s = DropAndSubstituteAll(plan, Drops(options), o);
  if (!s.ok()) ThrowStatus(absl::Status(s.code(), "options.drop: " + std::string(s.message())));
  return PlanToJson(plan);
}

ScoringSheet SheetArg(const std::string& name) { return ValueOrThrow(PresetSheet(name)); }

// The menu document as JSON text. A dict's budget_yuan is an argument of
// renewal.plan.choose_menu, so it follows the money rule; the items and ballots are
// the document as in a menu file.
std::string MenuJson(const py::object& menu) {
  if (py::isinstance<py::str>(menu)) return menu.cast<std::string>();
  py::dict d;
  for (auto kv : py::cast<py::dict>(menu)) d[kv.first] = kv.second;
  if (d.contains("budget_yuan")) d["budget_yuan"] = YuanText(d["budget_yuan"], "budget_yuan");
  return JsonDumps(d);
}

// solve_knapsack: the integer core, its groups given as (min_count, max_count[,
// min_weight, max_weight]).
py::dict SolveKnapsackDict(const std::vector<std::int64_t>& values,
                           const std::vector<std::int64_t>& weights, std::int64_t capacity,
                           const std::vector<std::int32_t>& groups,
                           const std::vector<std::vector<std::int64_t>>& group_limits,
                           const std::vector<bool>& forced, const std::string& solver) {
  if (weights.size() != values.size() || (!groups.empty() && groups.size() != values.size()) ||
      (!forced.empty() && forced.size() != values.size())) {
    ThrowStatus(
        absl::InvalidArgumentError("values, weights, groups and forced must have the same length"));
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
}

}  // namespace

void register_plan(py::module_& p) {

  p.def("preset_sheets", &PresetSheetNames, "Names of the preset scoring sheets.");
  p.def(
      "sheet_json", [](const Text& name) { return SheetToJson(SheetArg(name)); },
      py::arg("name"),
      "The preset sheet as JSON.\n\n:param name: ``ningbo`` or ``zhuzhou``.\n"
      ":returns: JSON text.\n:raises NotFoundError: unknown name.");

  p.def(
      "make_plan_from_facts",
      [](const Text& projects_json, const Text& facts_json,
         const py::object& budget_yuan, const Text& sheet, const py::dict& options) {
        std::vector<CandidateProject> projects = ValueOrThrow(ParseProjectsJson(projects_json));
        std::vector<ProjectFacts> facts = ValueOrThrow(ParseFactsJson(facts_json));
        const ScoringSheet s = SheetArg(sheet);
        const PlanOptions o =
            OptionsFrom(MoneyArg(budget_yuan, "budget_yuan", MoneyForm::kYuan), options);
        absl::StatusOr<AnnualPlan> r = [&] {
          py::gil_scoped_release release;
          return MakeAnnualPlanFromFacts(projects, facts, s, o);
        }();
        return PlanJsonAfterDrops(ValueOrThrow(std::move(r)), options, o);
      },
      py::arg("projects_json"), py::arg("facts_json"), py::arg("budget_yuan"),
      py::arg("sheet") = "ningbo", py::arg("options") = py::dict(),
      "Annual plan from projects and pre-gathered facts (JSON formats of docs/plan.md).\n\n"
      ":param budget_yuan: yuan as Decimal or str (an int is refused: ints are fen).\n"
      ":param options: the keywords of renewal.plan.make_plan (money options in yuan as "
      "Decimal or str).\n"
      ":returns: the plan as JSON text.\n"
      ":raises InvalidArgumentError: bad input (the message names the record and field).\n"
      ":raises FailedPreconditionError: must-include projects over budget, district limits "
      "that cannot be met.");

  p.def(
      "make_plan",
      [](const Registry& registry, const Text& projects_json, const py::object& budget_yuan,
         const Text& sheet, const py::dict& options) {
        std::vector<CandidateProject> projects = ValueOrThrow(ParseProjectsJson(projects_json));
        const ScoringSheet s = SheetArg(sheet);
        const PlanOptions o =
            OptionsFrom(MoneyArg(budget_yuan, "budget_yuan", MoneyForm::kYuan), options);
        return PlanJsonAfterDrops(ValueOrThrow(MakeAnnualPlan(registry, projects, s, o)), options, o);
      },
      py::arg("registry"), py::arg("projects_json"), py::arg("budget_yuan"),
      py::arg("sheet") = "ningbo", py::arg("options") = py::dict(),
      "Annual plan for projects naming estates of `registry`.\n\n"
      ":param budget_yuan: yuan as Decimal or str (an int is refused: ints are fen).\n"
      ":returns: JSON text.\n"
      ":raises NotFoundError: a project names an unknown estate.");

  p.def(
      "rolling_plan_from_facts",
      [](const Text& projects_json, const Text& facts_json,
         const std::vector<std::pair<int, py::object>>& years, const Text& sheet,
         const py::dict& options) {
        if (options.contains("drop")) {
          ThrowStatus(absl::InvalidArgumentError("options.drop: only for the annual plan"));
        }
        std::vector<CandidateProject> projects = ValueOrThrow(ParseProjectsJson(projects_json));
        std::vector<ProjectFacts> facts = ValueOrThrow(ParseFactsJson(facts_json));
        std::vector<YearBudget> ys;
        for (std::size_t i = 0; i < years.size(); ++i) {
          const std::string name = "years[" + std::to_string(i) + "] budget_yuan";
          ys.push_back({years[i].first, MoneyArg(years[i].second, name, MoneyForm::kYuan)});
        }
        const PlanOptions o = OptionsFrom(Money(), options);
        return RollingPlanToJson(
            ValueOrThrow(MakeRollingPlanFromFacts(projects, facts, SheetArg(sheet), ys, o)));
      },
      py::arg("projects_json"), py::arg("facts_json"), py::arg("years"),
      py::arg("sheet") = "ningbo", py::arg("options") = py::dict(),
      "Multi-year rolling plan; `years` is a list of (year, budget in yuan as Decimal or "
      "str).\n\n"
      ":returns: JSON text.");

  p.def(
      "choose_menu",
      [](const py::object& menu, const Text& rule, const Text& completion,
         double time_limit_s) {
        MenuInput in = ValueOrThrow(ParseMenuJson(MenuJson(menu)));
        const MenuRule r = LabelArg<MenuRule>(rule, "rule");
        const MesCompletion c = LabelArg<MesCompletion>(completion, "completion");
        if (!(time_limit_s >= 0)) {
          ThrowStatus(absl::InvalidArgumentError("time_limit: expected seconds >= 0"));
        }
        MenuControl control;
        // Any positive limit is at least 1 ms (0 means none).
        control.time_limit = std::chrono::milliseconds(
            static_cast<std::int64_t>(std::ceil(std::min(time_limit_s, 1e9) * 1000)));
        absl::StatusOr<MenuResult> out = [&] {
          py::gil_scoped_release release;
          return ChooseMenu(in, r, c, control);
        }();
        return MenuResultToJson(ValueOrThrow(std::move(out)));
      },
      py::arg("menu"), py::arg("rule") = "equal_shares", py::arg("completion") = "greedy",
      py::arg("time_limit") = 0.0,
      "Residents' menu choice.\n\n"
      ":param menu: the menu (docs/plan.md) as JSON text, or as a dict whose ``budget_yuan`` "
      "is yuan as Decimal or str.\n:param rule: ``equal_shares`` or ``greedy``.\n"
      ":param completion: for equal shares, ``greedy``, ``add1``, ``add1_greedy`` or ``none``.\n"
      ":param time_limit: seconds add1 may take (0: no limit).\n"
      ":returns: JSON text (funded items, money left, satisfaction per household).\n"
      ":raises InvalidArgumentError: bad input, unknown rule or completion.\n"
      ":raises DeadlineExceededError: add1 reached the time limit.");

  p.def(
      "solve_knapsack", &SolveKnapsackDict,
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
