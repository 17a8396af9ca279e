"""Funding sources and cost sharing (资金筹措) as pandas DataFrames.

A *plan* is a dict in the JSON format of docs/schemas/funding_plan.schema.json,
JSON text, or a path to a plan file. A *policy* is a preset name
(``"yueyang"``, ``"fujian"``, ``"hengyang"``, ``"household_6000"``,
``"elevator_100k"``, ``"ningbo_fund_subsidy"``, ``"national_2020"``; ``"a+b"``
composes a on top of b), a dict or JSON text in the format of
docs/schemas/funding_policy.schema.json, or a path to a policy file.

Money is exact in the C++ core (integer fen). DataFrames carry ``amount_fen``
(int64, exact) and ``amount_yuan`` (float, for display and plotting only).

>>> import renewal.funding as fu
>>> a = fu.split("examples/funding/yueyang_plan.json", "yueyang")
>>> a.to_frame()              # items × sources, yuan       # doctest: +SKIP
>>> a.shares()                # one row per share with its rule  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional, Union

import pandas as pd

from . import _core
from .plotting import check_lang

__all__ = ["CATEGORIES", "PlanSpec", "PolicySpec", "Allocation", "presets", "policy", "sources", "catalogue", "split", "analyse_financing"]

PlanSpec = Union[str, os.PathLike, Dict[str, Any]]
PolicySpec = Union[str, os.PathLike, Dict[str, Any]]

CATEGORIES = ("basic", "improvement", "enhancement")


def _spec(x: Union[str, os.PathLike, Dict[str, Any]]) -> str:
    if isinstance(x, dict):
        return json.dumps(x, ensure_ascii=False)
    return os.fspath(x)


def presets() -> List[str]:
    """The funding policy preset names."""
    return list(_core.funding.presets())


def policy(policy: PolicySpec) -> Dict[str, Any]:
    """The policy as a dict (every rule with its seed citation)."""
    return json.loads(_core.funding.policy_json(_spec(policy)))


def sources() -> pd.DataFrame:
    """Every funding source: key, Chinese and English name."""
    return pd.DataFrame(_core.funding.sources(), columns=["key", "zh", "en"])


def catalogue() -> pd.DataFrame:
    """The standard cost items with Chinese and English names."""
    return pd.DataFrame(_core.funding.catalogue())


class Allocation:
    """The split of one plan's costs among funding sources.

    :ivar plan: plan id
    :ivar policy: policy name
    :ivar total_cost_fen: total cost in fen
    :ivar gap_fen: what no source could cover, in fen (0 when fully funded)
    :ivar notes: budgets left unused, caps reached, in ``lang``
    :ivar lang: the language of ``notes`` and of the shares' ``explain`` (``"zh"`` or ``"en"``)
    """

    def __init__(self, raw: Dict[str, Any], plan_spec: str, policy_spec: str, lang: str = "zh"):
        self._raw = raw
        self._plan_spec = plan_spec
        self._policy_spec = policy_spec
        self.lang: str = check_lang(lang)
        self.plan: str = raw["plan"]
        self.policy: str = raw["policy"]
        self.total_cost_fen: int = raw["total_cost_fen"]
        self.gap_fen: int = raw["gap_fen"]
        self.notes: List[str] = list(raw["notes_" + lang])

    def shares(self) -> pd.DataFrame:
        """One row per share: item, source, amount (fen and yuan), step, rule, and
        ``explain`` (why this share, wholly in the allocation's ``lang``)."""
        shares = dict(self._raw["shares"])
        shares["explain"] = shares.pop("explain_" + self.lang)
        shares.pop("explain_zh" if self.lang == "en" else "explain_en")
        df = pd.DataFrame(shares)
        df["amount_fen"] = df["amount_fen"].astype("int64")
        df["amount_yuan"] = df["amount_fen"] / 100.0
        return df

    def items(self) -> pd.DataFrame:
        """One row per item: cost and gap in fen."""
        return pd.DataFrame(self._raw["items"])

    def to_frame(self, unit: str = "yuan") -> pd.DataFrame:
        """Items × sources (plus ``gap`` and ``total``).

        :param unit: ``"yuan"`` (float, display) or ``"fen"`` (int64, exact).
        """
        if unit not in ("yuan", "fen"):
            raise ValueError(f'unit must be "yuan" or "fen", got {unit!r}')
        sh = self.shares()
        items = self.items()
        table = sh.pivot_table(index="item_id", columns="source", values="amount_fen",
                               aggfunc="sum", fill_value=0)
        table = table.reindex(items["item_id"], fill_value=0)
        table["gap"] = items.set_index("item_id")["gap_fen"]
        table["total"] = items.set_index("item_id")["cost_fen"]
        table.columns.name = "source"
        table = table.astype("int64")
        return table / 100.0 if unit == "yuan" else table

    def by_source(self) -> pd.Series:
        """Total per source, in fen."""
        return self.shares().groupby("source")["amount_fen"].sum()

    def by_category(self, unit: str = "yuan") -> pd.DataFrame:
        """Categories × sources."""
        sh = self.shares()
        t = sh.pivot_table(index="category", columns="source", values="amount_fen", aggfunc="sum",
                           fill_value=0).reindex([c for c in CATEGORIES if c in set(sh.category)])
        t = t.astype("int64")
        return t / 100.0 if unit == "yuan" else t

    def by_dwelling(self, registry: Any) -> pd.DataFrame:
        """The residents' share per dwelling of the plan's estate (exclusive area over each
        item's scope). ``registry`` is a :class:`renewal.Registry`."""
        cols = _core.funding.by_dwelling(self._plan_spec, self._policy_spec, registry)
        df = pd.DataFrame(cols)
        df["amount_yuan"] = df["amount_fen"] / 100.0
        return df

    def to_json(self) -> Dict[str, Any]:
        """The allocation in the JSON format of docs/schemas/funding_allocation.schema.json."""
        return json.loads(_core.funding.split_json(self._plan_spec, self._policy_spec))

    def plot(self, ax: Optional[Any] = None, lang: str = "zh") -> Any:
        """A stacked bar chart of sources by category, in yuan, labelled in ``lang``
        ("zh" or "en") with the categories' and sources' names. Draws on ``ax`` when
        given (otherwise new pyplot axes); never changes the backend; returns the axes."""
        from .plotting import new_axes, text

        ax = new_axes(ax, (7, 4), lang)
        col = 1 if lang == "zh" else 2
        sources = {row[0]: row[col] for row in _core.funding.sources()}
        categories = {row[0]: row[col] for row in _core.funding.categories()}
        table = self.by_category("yuan")
        table = table.rename(index=categories, columns=sources)
        table.index.name = text("category", lang)
        table.columns.name = None
        table.plot(kind="bar", stacked=True, ax=ax)
        ax.set_ylabel(text("yuan", lang))
        ax.set_title(text("allocation_title", lang, plan=self.plan, policy=self.policy))
        return ax

    def _repr_html_(self) -> str:
        return (f"<b>renewal.funding.Allocation</b> {self.plan} under {self.policy}: "
                f"total {self.total_cost_fen / 100:,.2f} yuan, gap {self.gap_fen / 100:,.2f} yuan"
                + self.to_frame().to_html())

    def __repr__(self) -> str:
        return (f"Allocation(plan={self.plan!r}, policy={self.policy!r}, "
                f"total_cost_fen={self.total_cost_fen}, gap_fen={self.gap_fen})")


def split(plan: PlanSpec, policy: PolicySpec, lang: str = "zh") -> Allocation:
    """Splits ``plan``'s costs among funding sources under ``policy``.

    :param lang: ``"zh"`` (default) or ``"en"``: the language of the notes and of the
        shares' explanations, each wholly in that language.
    :raises ValueError: ``lang`` is neither ``"zh"`` nor ``"en"``
    :raises renewal.InvalidArgumentError: bad plan or policy (message names the record and field)
    :raises renewal.NotFoundError: unknown preset or missing file
    """
    check_lang(lang)
    p, q = _spec(plan), _spec(policy)
    return Allocation(_core.funding.split(p, q), p, q, lang)


def analyse_financing(case: Dict[str, Any], lang: str = "zh") -> Dict[str, Any]:
    """Self-balance (资金运营自平衡) of a financing case; ``years`` becomes a DataFrame.

    ``case``: ``investment`` (yuan), ``loans`` [{principal (yuan), rate (percent),
    term_years, style: equal_payment | equal_principal | bullet, grace_years}],
    ``revenues`` and ``operating_costs`` [{kind, amount (yuan), growth, first_year,
    last_year}], ``horizon_years``, ``discount_rate`` (percent), ``balance_within_years``.

    Money follows the package's rule: yuan is a ``decimal.Decimal`` or a ``str``
    (``"338000000.00"``). These amounts are in yuan, so an int (which means fen) is
    refused with InvalidArgumentError saying what to pass; so is a float.

    ``reasons`` (why the case does or does not balance itself) are in ``lang``: ``"zh"``
    (default) or ``"en"``, each wholly in that language; another value is ValueError.
    """
    check_lang(lang)
    out = dict(_core.funding.analyse_financing(case))
    out["reasons"] = out.pop("reasons_" + lang)
    out.pop("reasons_zh" if lang == "en" else "reasons_en")
    out["years"] = pd.DataFrame(out["years"])
    return out
