"""Programme planning (项目库、年度计划、菜单式改造) with pandas and matplotlib.

The selection, scores and Equal Shares arithmetic are exact in the C++ core
(``renewal._core.plan``); this module wraps the JSON results (docs/plan.md) in
objects with ``to_frame()`` and plots.

>>> import renewal, renewal.plan as pl
>>> reg = renewal.Registry.load("examples/plan/registry.json")       # doctest: +SKIP
>>> p = pl.make_plan(reg, "examples/plan/projects.json", "120000000.00",
...                  sheet="ningbo", year=2025)                        # doctest: +SKIP
>>> p.to_frame()                     # one row per project          # doctest: +SKIP
>>> p.plot("plan.png")               # score vs cumulative cost, budget line  # doctest: +SKIP

Money: ``*_yuan`` columns are exact strings in the JSON; frames add ``cost_fen``
(int64, exact) and ``cost_wan`` (float, display only). Money arguments follow the
package's rule (an int is fen; yuan is a ``decimal.Decimal`` or a ``str``; a float is
refused): every budget here is named ``*_yuan``, so it takes ``Decimal("120000000")`` or
``"120000000.00"``, and an int raises InvalidArgumentError saying what to pass.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import pandas as pd

from . import _core
from .plotting import check_lang

Projects = Union[str, os.PathLike, List[Dict[str, Any]], Dict[str, Any]]
Budget = Union[str, Decimal]  # yuan; an int (fen) or a float is refused

__all__ = [
    "Plan",
    "RollingPlan",
    "MenuResult",
    "preset_sheets",
    "sheet",
    "make_plan",
    "make_plan_from_facts",
    "rolling_plan_from_facts",
    "choose_menu",
    "solve_knapsack",
]


def _fen(yuan: str) -> int:
    whole, _, frac = yuan.partition(".")
    sign = -1 if whole.startswith("-") else 1
    return sign * (abs(int(whole or "0")) * 100 + int((frac + "00")[:2]))


def _projects_json(projects: Projects) -> str:
    if isinstance(projects, (str, os.PathLike)) and os.path.exists(os.fspath(projects)):
        with open(os.fspath(projects), encoding="utf-8") as f:
            return f.read()
    if isinstance(projects, str):
        return projects  # JSON text
    if isinstance(projects, dict):
        return json.dumps(projects, ensure_ascii=False)
    return json.dumps({"projects": list(projects)}, ensure_ascii=False)


class Plan:
    """An annual plan: the selection, tiers and explanations of every project."""

    def __init__(self, data: Dict[str, Any]):
        self.data = data

    @classmethod
    def from_json(cls, text: str) -> "Plan":
        return cls(json.loads(text))

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    @property
    def selected(self) -> List[str]:
        """Ids of the implement tier, in rank order."""
        return [p["id"] for p in self.data["projects"] if p["selected"]]

    @property
    def substitutions(self) -> List[Tuple[str, List[str]]]:
        """(dropped id, ids taken in for it) for each project of the ``drop`` option."""
        return [(s["dropped_id"], list(s["added_ids"])) for s in self.data["substitutions"]]

    def to_dict(self) -> Dict[str, Any]:
        return self.data

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False)

    def to_frame(self, criteria: bool = True, lang: str = "zh") -> pd.DataFrame:
        """One row per project in rank order (excluded projects last).

        Columns: id, estate_id, district_id, rank, selected, tier, reason, score,
        households, cost_fen, cost_wan, cumulative_cost_wan, ratio_per_wan,
        substitute_order, explanation, and (with ``criteria``) one ``points.<key>``
        column per criterion (NaN when the fact was missing).

        :param lang: ``"zh"`` (default) or ``"en"``: the language of ``explanation``,
            wholly in that language; another value is ValueError.
        """
        explanation = "explanation" if check_lang(lang) == "zh" else "explanation_en"
        rows = []
        for p in self.data["projects"]:
            row = {
                "id": p["id"],
                "estate_id": p["estate_id"],
                "district_id": p["district_id"],
                "rank": p["rank"],
                "selected": p["selected"],
                "tier": p["tier"],
                "reason": p["reason"],
                "score": p["score_milli"] / 1000.0,
                "households": p["households"],
                "cost_fen": _fen(p["cost_yuan"]),
                "ratio_per_wan": p["ratio_milli_per_wan"] / 1000.0,
                "substitute_order": p["substitute_order"],
                "missing": ",".join(p["missing"]),
                "explanation": p[explanation],
            }
            if criteria:
                for key in self.data["criteria"]:
                    v = p["points_milli"].get(key)
                    row[f"points.{key}"] = float("nan") if v is None else v / 1000.0
            rows.append(row)
        df = pd.DataFrame(rows)
        if df.empty:
            return df
        df["cost_fen"] = df["cost_fen"].astype("int64")
        df["cost_wan"] = df["cost_fen"] / 1_000_000.0
        df["cumulative_cost_wan"] = df["cost_wan"].cumsum()
        return df

    def _summary(self) -> List[Tuple[str, Any]]:
        projects = self.data["projects"]
        chosen = [p for p in projects if p["selected"]]
        spent = sum(_fen(p["cost_yuan"]) for p in chosen)
        return [
            ("年度 year", self.data.get("year", "")),
            ("评分表 sheet", self.data.get("sheet", "")),
            ("预算 budget (yuan)", _yuan_text(_fen(self.data["budget_yuan"]))),
            ("入选投资 selected cost (yuan)", _yuan_text(spent)),
            ("项目 projects", len(projects)),
            ("入选 selected", len(chosen)),
            ("入选户数 households", sum(int(p["households"]) for p in chosen)),
        ]

    def __repr__(self) -> str:
        d = dict(self._summary())
        return (f"<renewal.plan.Plan {d['年度 year']} sheet {d['评分表 sheet']}: "
                f"{d['入选 selected']} of {d['项目 projects']} projects selected, "
                f"{d['入选投资 selected cost (yuan)']} of {d['预算 budget (yuan)']} yuan, "
                f"{d['入选户数 households']:,} households>")

    def _repr_html_(self) -> str:
        from ._repr import fields_table
        head = fields_table("renewal.plan.Plan", self._summary())
        cols = ["rank", "id", "estate_id", "district_id", "selected", "tier", "score",
                "households", "cost_wan"]
        df = self.to_frame(criteria=False)
        return head + (df[cols].to_html(index=False, max_rows=20) if not df.empty else "")

    def plot(self, path: Optional[Union[str, os.PathLike]] = None, ax: Any = None,
             lang: str = "zh") -> Any:
        """Score of each selected project against the cumulative cost of the selected
        projects in rank order (so every one lies left of the budget line), and the
        projects not selected apart, in a shaded band right of the budget line at the
        budget plus their own cost. Labels in ``lang`` ("zh" or "en").

        Draws on ``ax`` when given; otherwise on new axes (pyplot's, or a figure pyplot
        never sees when only saving to ``path``). Never changes the backend. Returns the
        axes.
        """
        from .plotting import new_axes, text

        ax = new_axes(ax, (8, 4.5), lang, detached=path is not None)
        df = self.to_frame(criteria=False)
        df = df[df["rank"] > 0] if not df.empty else df
        budget_wan = _fen(self.data["budget_yuan"]) / 1_000_000.0
        if not df.empty:
            sel = df[df["selected"]]
            rest = df[~df["selected"]]
            ax.scatter(sel["cost_wan"].cumsum(), sel["score"], color="tab:blue",
                       label=text("selected", lang))
            if not rest.empty:
                right = budget_wan + rest["cost_wan"]
                ax.axvspan(budget_wan, float(right.max()) * 1.02, color="0.93", zorder=0)
                ax.scatter(right, rest["score"], facecolors="none", edgecolors="tab:gray",
                           label=text("skipped", lang) + " — " + text("plan_x_skipped", lang))
        ax.axvline(budget_wan, color="tab:red", linestyle="--",
                   label=text("budget", lang, args=(budget_wan,)))
        ax.set_xlabel(text("plan_x", lang))
        ax.set_ylabel(text("score", lang))
        ax.set_title(text("plan_title", lang, year=self.data.get("year", ""),
                          sheet=self.data.get("sheet", "")))
        ax.legend(loc="best")
        if path is not None:
            ax.figure.savefig(os.fspath(path), dpi=100, bbox_inches="tight")
        return ax


def _yuan_text(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"


class RollingPlan:
    """A multi-year rolling plan: what is done in which year, households by year."""

    def __init__(self, data: Dict[str, Any]):
        self.data = data

    def to_frame(self) -> pd.DataFrame:
        rows = []
        for y in self.data["years"]:
            rows.append({
                "year": y["year"],
                "budget_fen": _fen(y["budget_yuan"]),
                "spent_fen": _fen(y["spent_yuan"]),
                "implemented": len(y["implemented"]),
                "projects": ",".join(y["implemented"]),
                "households": y["households"],
                "cumulative_households": y["cumulative_households"],
                "rolled_over": y["rolled_over"],
            })
        return pd.DataFrame(rows)

    @property
    def not_done(self) -> List[str]:
        return list(self.data["not_done"])


class MenuResult:
    """The outcome of a menu choice: funded items and satisfaction per household."""

    def __init__(self, data: Dict[str, Any]):
        self.data = data

    @property
    def funded(self) -> List[str]:
        return [s["item_id"] for s in self.data["funded"]]

    @property
    def left_fen(self) -> int:
        return _fen(self.data["left_yuan"])

    @property
    def mes_runs(self) -> int:
        """MES runs made (1 without add1; 0 for the greedy rule)."""
        return int(self.data.get("mes_runs", 0))

    @property
    def tie_break(self) -> str:
        """How ties were broken, in words."""
        return str(self.data["tie_break"])

    @property
    def tie_break_zh(self) -> str:
        """How ties were broken, in Chinese."""
        return str(self.data["tie_break_zh"])

    def to_frame(self) -> pd.DataFrame:
        """One row per household: approved, approved_funded, satisfaction (share of
        approved items funded), approved_funded_fen, share_fen and paid_fen (exact
        fractions as text)."""
        df = pd.DataFrame(self.data["households"])
        if df.empty:
            return df
        df["approved_funded_fen"] = df.pop("approved_funded_yuan").map(_fen).astype("int64")
        df["satisfaction"] = df["approved_funded"] / df["approved"].where(df["approved"] > 0)
        return df

    def items_frame(self) -> pd.DataFrame:
        """One row per funded item in funding order (phase, approvals, rho_fen)."""
        df = pd.DataFrame(self.data["funded"])
        if not df.empty:
            df["cost_fen"] = df.pop("cost_yuan").map(_fen).astype("int64")
        return df


def preset_sheets() -> List[str]:
    """Names of the preset scoring sheets (``ningbo``, ``zhuzhou``)."""
    return list(_core.plan.preset_sheets())


def sheet(name: str) -> Dict[str, Any]:
    """A preset sheet as a dict (criteria, functions, weights in milli-points)."""
    return json.loads(_core.plan.sheet_json(name))


def make_plan(registry, projects: Projects, budget_yuan: Budget, sheet: str = "ningbo",
              **options: Any) -> Plan:
    """The annual plan for projects naming estates of ``registry``.

    Options: year, objective (``score``/``households``), basis (``total_cost``/
    ``government_share``), solver (``auto``/``exact``/``fast``), district_limits
    [(district_id, min, max)] or [{"district_id", "min_projects", "max_projects",
    "min_spending_yuan", "max_spending_yuan"}] (spending on the budget basis; yuan as
    Decimal or str), must_include_hazards, require_vote_passed,
    require_funding_confirmed, require_management_agreed, require_review_passed,
    carry_over_bonus_points,
    plan_tier_budget_yuan (Decimal or str), node_limit, drop (ids of implement-tier
    projects that drop out after the plan is made, in order; substitutes come in, see
    ``Plan.substitutions``). The options are read by the C++ parser of
    ``ParsePlanKeywordsJson`` (names, defaults, errors); an unknown option raises
    InvalidArgumentError naming it.

    :param budget_yuan: yuan as ``Decimal`` or ``str`` (``"120000000.00"``); an int is
        refused (ints are fen), and so is a float.
    """
    return Plan.from_json(_core.plan.make_plan(registry, _projects_json(projects),
                                               budget_yuan, sheet, options))


def make_plan_from_facts(projects: Projects, facts: Sequence[Dict[str, Any]], budget_yuan: Budget,
                         sheet: str = "ningbo", **options: Any) -> Plan:
    """The annual plan from projects and per-project facts (dicts with project_id,
    district_id and feature keys such as ``basic_shortfalls`` or ``households``).
    Options as for ``make_plan``."""
    facts_json = json.dumps({"facts": list(facts)}, ensure_ascii=False)
    return Plan.from_json(_core.plan.make_plan_from_facts(
        _projects_json(projects), facts_json, budget_yuan, sheet, options))


def rolling_plan_from_facts(projects: Projects, facts: Sequence[Dict[str, Any]],
                            years: Iterable[Tuple[int, Budget]], sheet: str = "ningbo",
                            **options: Any) -> RollingPlan:
    """A rolling plan over ``years`` = [(year, budget in yuan as Decimal or str), ...]."""
    facts_json = json.dumps({"facts": list(facts)}, ensure_ascii=False)
    ys = [(int(y), b) for y, b in years]
    return RollingPlan(json.loads(_core.plan.rolling_plan_from_facts(
        _projects_json(projects), facts_json, ys, sheet, options)))


def choose_menu(budget_yuan: Budget, items: Sequence[Dict[str, Any]],
                ballots: Sequence[Dict[str, Any]], rule: str = "equal_shares",
                completion: str = "greedy", satisfaction: Optional[str] = None,
                time_limit: Optional[float] = None) -> MenuResult:
    """Residents' menu choice by ``equal_shares`` (Method of Equal Shares) or ``greedy``.

    ``completion`` (equal shares only): ``greedy`` (leftover by approvals), ``add1``
    (raise every household's share by 1 fen while the outcome fits the budget),
    ``add1_greedy`` (add1, then greedy) or ``none``. ``satisfaction`` (equal shares
    only): ``cost`` (cost utilities, the default) or ``approvals``; None keeps the
    menu's own (docs/plan.md, "Satisfaction").

    :param budget_yuan: yuan as ``Decimal`` or ``str`` (an int or a float is refused).
    :param items: menu items as in a menu file (docs/plan.md).
    :param time_limit: seconds add1 may take; past it :class:`renewal.DeadlineExceededError`
        says how far it got. None: no limit.
    """
    doc = {"budget_yuan": budget_yuan, "items": list(items), "ballots": list(ballots)}
    if satisfaction is not None:
        doc["satisfaction"] = satisfaction
    return MenuResult(json.loads(_core.plan.choose_menu(doc, rule, completion, time_limit or 0.0)))


def solve_knapsack(values: Sequence[int], weights: Sequence[int], capacity: int,
                   groups: Optional[Sequence[int]] = None,
                   group_limits: Optional[Sequence[Sequence[int]]] = None,
                   forced: Optional[Sequence[bool]] = None, solver: str = "auto") -> Dict[str, Any]:
    """The integer knapsack core (exact: expanding-core DP or branch and bound; fast:
    greedy with LP gap). ``group_limits``: per group (min_count, max_count) or
    (min_count, max_count, min_weight, max_weight)."""
    return dict(_core.plan.solve_knapsack(list(values), list(weights), int(capacity),
                                          list(groups or []),
                                          [list(g) for g in (group_limits or [])],
                                          list(forced or []), solver))
