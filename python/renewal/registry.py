"""pandas conversions for :class:`renewal.Registry`."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pandas as pd

from ._core import InvalidArgumentError, Registry

__all__ = ["to_frames", "from_frames"]

_FACILITY_PREFIX = "facility_"


def to_frames(registry: Registry) -> dict[str, pd.DataFrame]:
    """The registry as DataFrames: ``estates``, ``buildings``, ``dwellings``, ``owners`` and
    ``areas`` (districts and streets, with a ``level`` column).

    Unknown survey facts are ``None``/``NaN``; facility conditions are the label keys
    (``"poor"``, ``"unknown"``...). ``exclusive_area_m2`` is a float for convenience and
    ``area_centi_m2`` the exact integer count of 0.01 m².
    """
    return {table: pd.DataFrame(registry._columns(table))
            for table in ("estates", "buildings", "dwellings", "owners", "areas")}


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return value is not pd.NA and value is not pd.NaT


def _plain(value: Any) -> Any:
    """numpy scalars to Python scalars for json.dumps; integral floats (pandas turns
    integer columns with gaps into floats) back to ints."""
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def from_frames(estates: pd.DataFrame, buildings: pd.DataFrame, dwellings: pd.DataFrame,
                owners: pd.DataFrame | None = None, areas: pd.DataFrame | None = None,
                current_year: int = 0) -> Registry:
    """Build a Registry from DataFrames shaped like :func:`to_frames` output.

    ``estates`` needs ``estate_id`` and ``district``; ``buildings`` needs ``building_id``
    and ``estate_id``; ``dwellings`` needs ``dwelling_id``, ``building_id``, ``entrance``,
    ``exclusive_area_m2`` and ``owners`` (owner IDs joined by ``;``). Owners, districts
    and streets (``areas``, as in :func:`to_frames`) default to the IDs referenced. Every record goes through the same checks
    as a JSON load, so errors are :class:`renewal.Error` subclasses naming the record.
    """
    def rows(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
        if frame is None:
            return []
        return [{k: _plain(v) for k, v in r.items() if _present(v)}
                for r in frame.to_dict(orient="records")]

    _check_one_area(dwellings)
    estate_rows, building_rows, dwelling_rows = rows(estates), rows(buildings), rows(dwellings)
    area_rows = rows(areas)
    district_rows = [r for r in area_rows if r.get("level") == "district"] or [
        {"id": d, "name": d} for d in dict.fromkeys(r["district"] for r in estate_rows)]
    street_rows = [r for r in area_rows if r.get("level") == "street"] or [
        {"id": s, "name": s, "district": d} for s, d in
        dict.fromkeys((r["street"], r["district"]) for r in estate_rows if "street" in r)]
    owner_rows = rows(owners)
    if not owner_rows:
        ids = dict.fromkeys(o for r in dwelling_rows for o in str(r.get("owners", "")).split(";") if o)
        owner_rows = [{"owner_id": o, "name": ""} for o in ids]

    doc: dict[str, Any] = {
        "format": "renewal.registry", "version": 1,
        "districts": [{"id": r["id"], "name": r.get("name", "")} for r in district_rows],
        "streets": [{"id": r["id"], "name": r.get("name", ""), "district": r["district"]}
                    for r in street_rows],
        "owners": [{k: v for k, v in (("id", r.get("owner_id", r.get("id"))),
                                      ("name", r.get("name", "")),
                                      ("kind", r.get("kind"))) if v is not None}
                   for r in owner_rows],
        "estates": [],
    }
    entrances: dict[str, dict[str, list]] = {}
    for r in dwelling_rows:
        d = {"id": r["dwelling_id"], "exclusive_area_m2": _area(r)}
        for key in ("area_source", "property_type", "sale_state"):
            if key in r:
                d[key] = r[key]
        if r.get("floor"):
            d["floor"] = int(r["floor"])
        owner_ids = [o for o in str(r.get("owners", "")).split(";") if o]
        if owner_ids:
            d["owners"] = owner_ids
        entrances.setdefault(r["building_id"], {}).setdefault(str(r["entrance"]), []).append(d)
    by_estate: dict[str, list] = {}
    for r in building_rows:
        b = {"id": r["building_id"]}
        for key in ("name", "floors", "elevator", "build_year"):
            if key in r and r[key] != "":
                b[key] = r[key]
        b["entrances"] = [{"id": e, "dwellings": ds}
                          for e, ds in entrances.get(r["building_id"], {}).items()]
        by_estate.setdefault(r["estate_id"], []).append(b)
    for r in estate_rows:
        doc["estates"].append(_estate(r, by_estate.get(r["estate_id"], [])))
    return Registry.loads(json.dumps(doc, ensure_ascii=False), current_year)


def _check_one_area(dwellings: pd.DataFrame) -> None:
    """One fact, two columns: ``area_centi_m2`` (exact) wins only where
    ``exclusive_area_m2`` says the same; an edited, blank, infinite or negative
    ``exclusive_area_m2`` beside it is an error, not silently ignored."""
    if "area_centi_m2" not in dwellings or "exclusive_area_m2" not in dwellings:
        return
    m2 = pd.to_numeric(dwellings["exclusive_area_m2"], errors="coerce").astype("float64")
    centi = pd.to_numeric(dwellings["area_centi_m2"], errors="coerce").astype("float64")
    agree = np.isfinite(m2) & np.isfinite(centi) & ((m2 * 100).round() == centi)
    if bool(agree.all()):
        return
    bad = dwellings.loc[~agree]
    shown = "; ".join(
        f'dwelling "{r.get("dwelling_id", i)}": exclusive_area_m2 {r["exclusive_area_m2"]!r}, '
        f'area_centi_m2 {r["area_centi_m2"]!r}'
        for i, r in bad.head(5).to_dict(orient="index").items())
    more = f" (and {len(bad) - 5} more)" if len(bad) > 5 else ""
    raise InvalidArgumentError(
        f"dwellings: exclusive_area_m2 and area_centi_m2 disagree in {len(bad)} rows: "
        f"{shown}{more}; edit one column and drop the other, or make them agree")


def _area(row: dict[str, Any]) -> Any:
    if "area_centi_m2" in row:  # exact
        centi = int(row["area_centi_m2"])
        return json.loads(f"{centi // 100}.{centi % 100:02d}") if centi > 0 else centi / 100
    return row["exclusive_area_m2"]


_ESTATE_SCALARS = ("name", "street", "build_year", "structure", "floors", "elevator",
                   "illegal_structures", "owners_committee", "self_governance_group",
                   "management_mode", "willingness_pct", "shantytown_plan", "urban_village",
                   "mostly_self_built")


def _estate(r: dict[str, Any], buildings: list) -> dict[str, Any]:
    e: dict[str, Any] = {"id": r["estate_id"], "district": r["district"]}
    for key in _ESTATE_SCALARS:
        if key in r and r[key] not in ("unknown", ""):
            e[key] = r[key]
    for key, never in (("demolition_plan_year", "none"), ("last_renovation_year", "never")):
        if key in r:
            e[key] = never if int(r[key]) == 0 else int(r[key])
    facilities = {k[len(_FACILITY_PREFIX):]: v for k, v in r.items()
                  if k.startswith(_FACILITY_PREFIX) and v != "unknown"}
    if facilities:
        e["facilities"] = facilities
    if "safety_hazards" in r:
        e["safety_hazards"] = [h for h in str(r["safety_hazards"]).split(";") if h]
    consents = {k[len("consent_"):]: v for k, v in r.items() if k.startswith("consent_")}
    if consents:
        e["consents"] = consents
    if "lon" in r and "lat" in r:
        e["location"] = {"lon": r["lon"], "lat": r["lat"]}
    e["buildings"] = buildings
    return e
