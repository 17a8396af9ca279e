"""Eligibility screening (改造范围) and the by-district summary as pandas DataFrames.

A policy is a preset name (``"national_2020"``, ``"yueyang"``,
``"xiangtan_competitive"``), JSON text, a path to a JSON policy file, or a dict in
that JSON format (docs/schemas/eligibility-policy.schema.json). The evaluation
year is always given explicitly: windows such as "近5年" count back from it.

>>> import renewal.generate, renewal.eligibility as el
>>> city = renewal.generate.generate(estates=50)
>>> df = el.screen(city, "yueyang", 2024)
>>> df.status.value_counts()  # doctest: +SKIP
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Union

import pandas as pd

from . import _core
from .geo import ScreeningFrame

__all__ = ["STATUSES", "PolicySpec", "ScreeningFrame", "presets", "policy", "screen_columns", "screen", "explain", "summary"]

PolicySpec = Union[str, Dict[str, Any]]

STATUSES = ("eligible", "ineligible", "undetermined")


def _spec(policy: PolicySpec) -> str:
    if isinstance(policy, dict):
        return json.dumps(policy, ensure_ascii=False)
    return str(policy)


def presets() -> List[str]:
    """The preset policy names."""
    return list(_core.eligibility.presets())


def policy(policy: PolicySpec) -> Dict[str, Any]:
    """The policy as a dict (every rule with all its parameters)."""
    return json.loads(_core.eligibility.policy_json(_spec(policy)))


def screen_columns(registry: Any, policy: PolicySpec, year: int) -> Dict[str, Any]:
    """The raw columns of :func:`screen` (a dict of lists)."""
    return _core.eligibility.screen(registry, _spec(policy), int(year))


def screen(registry: Any, policy: PolicySpec, year: int) -> ScreeningFrame:
    """Screens every estate of ``registry`` under ``policy`` in evaluation ``year``.

    :returns: one row per estate: ``estate_id``, ``name``, ``district_id``,
        ``district``, ``status`` (eligible / ineligible / undetermined, a
        categorical), ``failed_rules`` and ``unknown_rules`` (lists of rule ids),
        ``reasons_zh`` / ``reasons_en`` (one line per rule that did not pass), and
        one ``rule.<id>`` column per rule with its outcome (pass / fail / unknown).
        ``df.attrs`` holds ``policy`` and ``year``. The frame is a
        :class:`renewal.geo.ScreeningFrame`: ``__geo_interface__``, ``to_geojson()``,
        ``to_geodataframe()`` and ``to_html_map()`` put its estates on a map.
    :raises renewal.InvalidArgumentError: a malformed policy (names ``rules[i]`` and the field).
    :raises renewal.NotFoundError: an unknown preset name.
    """
    cols = screen_columns(registry, policy, year)
    outcomes = cols.pop("rule_outcomes")
    name, yr = cols.pop("policy"), cols.pop("year")
    df = ScreeningFrame(cols)
    df._renewal_registry, df._renewal_policy = registry, _spec(policy)  # for the map
    df["status"] = pd.Categorical(df["status"], categories=list(STATUSES))
    for rule_id, values in outcomes.items():
        df["rule." + rule_id] = pd.Categorical(values, categories=["pass", "fail", "unknown"])
    df.attrs["policy"] = name
    df.attrs["year"] = yr
    return df


def explain(registry: Any, estate_id: str, policy: PolicySpec, year: int) -> pd.DataFrame:
    """Every rule for one estate: outcome, compared values, reasons (one row per rule)."""
    res = _core.eligibility.explain(registry, estate_id, _spec(policy), int(year))
    df = pd.DataFrame(res["rules"])
    df.attrs["status"] = res["status"]
    df.attrs["estate_id"] = estate_id
    return df


def summary(registry: Any, policy: Optional[PolicySpec] = None,
            year: Optional[int] = None) -> pd.DataFrame:
    """By district: estates, buildings, households, exact area and (with a policy)
    eligible / ineligible / undetermined counts.

    ``area_centi_m2`` is the exact integer sum in 0.01 m²; ``area_m2`` is the same
    value as a float for display.
    """
    cols = _core.eligibility.summary(
        registry, None if policy is None else _spec(policy), None if year is None else int(year))
    df = pd.DataFrame(cols)
    df["area_m2"] = df["area_centi_m2"] / 100.0
    if policy is not None:
        df.attrs["policy"] = json.loads(_core.eligibility.policy_json(_spec(policy)))["name"]
        df.attrs["year"] = int(year)
    return df
