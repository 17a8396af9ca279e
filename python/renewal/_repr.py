"""Summary tables for notebooks (``_repr_html_``) of Registry, Plan and Ledger: small
HTML tables of counts and totals, built from what the objects already compute."""

from __future__ import annotations

import html
import typing
from typing import Any, Tuple

__all__ = ["fields_table", "registry_html", "ledger_html"]


def fields_table(title: str, rows: typing.Iterable[Tuple[str, Any]]) -> str:
    """A two-column table (field, value) under a bold title; values are escaped."""
    body = "".join(f"<tr><th style='text-align:left'>{html.escape(str(k))}</th>"
                   f"<td style='text-align:right'>{html.escape(_text(v))}</td></tr>"
                   for k, v in rows)
    return f"<div><b>{html.escape(title)}</b><table>{body}</table></div>"


def _text(v: Any) -> str:
    return f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else str(v)


def columns_table(header: typing.Sequence[str],
                  rows: typing.Iterable[typing.Sequence[Any]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_text(v))}</td>" for v in r) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def registry_html(registry: Any) -> str:
    """The registry's counts and its estates by district."""
    from . import _core
    counts = fields_table("renewal.Registry", [
        ("坐标系 coordinate system", registry.crs),
        ("区 districts", registry.district_count),
        ("街道 streets", registry.street_count),
        ("小区 estates", registry.estate_count),
        ("楼栋 buildings", registry.building_count),
        ("单元 entrances", registry.entrance_count),
        ("户 dwellings", registry.dwelling_count),
        ("业主 owners", registry.owner_count),
    ])
    s = _core.eligibility.summary(registry)
    rows = zip(s["district_id"], s["district"], s["estates"], s["buildings"], s["households"],
               (f"{c // 100:,}.{c % 100:02d}" for c in s["area_centi_m2"]))
    by_district = columns_table(
        ["district_id", "区 district", "小区 estates", "楼栋 buildings", "户 households",
         "面积 area (m²)"], rows)
    return counts + by_district


def ledger_html(ledger: Any) -> str:
    """The ledger's size and each fund's balance."""
    totals = ledger.fund_totals()
    head = fields_table("renewal.ledger.Ledger", [
        ("交易 transactions", ledger.tx_count),
        ("分录 postings", ledger.posting_count),
        ("资金账户 funds", len(totals)),
    ])
    rows = [(fund, f"{fen // 100:,}.{fen % 100:02d}" if fen >= 0 else
             f"-{-fen // 100:,}.{-fen % 100:02d}") for fund, fen in totals.items()]
    return head + columns_table(["资金 fund", "余额 balance (yuan)"], rows)
