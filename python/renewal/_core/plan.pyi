"""renewal._core.plan: scoring, annual and rolling plans, menus (python/src/register_plan.cc).

Inputs and results are the JSON formats of docs/plan.md. Budgets are yuan only: a
Decimal or a str; an int (which means fen) or a float is refused.
"""

from decimal import Decimal
from typing import Any

from . import Registry

_Yuan = str | Decimal

def preset_sheets() -> list[str]: ...
def sheet_json(name: str) -> str: ...
def make_plan_from_facts(projects_json: str, facts_json: str, budget_yuan: _Yuan,
                         sheet: str = 'ningbo', options: dict[str, Any] = {}) -> str: ...
def make_plan(registry: Registry, projects_json: str, budget_yuan: _Yuan, sheet: str = 'ningbo',
              options: dict[str, Any] = {}) -> str: ...
def rolling_plan_from_facts(projects_json: str, facts_json: str, years: list[tuple[int, _Yuan]],
                            sheet: str = 'ningbo', options: dict[str, Any] = {}) -> str: ...
def choose_menu(menu: str | dict[str, Any], rule: str = 'equal_shares',
                completion: str = 'greedy', time_limit: float = 0.0) -> str: ...
def solve_knapsack(values: list[int], weights: list[int], capacity: int, groups: list[int] = [],
                   group_limits: list[list[int]] = [], forced: list[bool] = [],
                   solver: str = 'auto') -> dict[str, Any]: ...
