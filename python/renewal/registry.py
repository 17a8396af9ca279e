"""Typed pandas frames of a :class:`renewal.Registry`, and the registry back from them.

Column types (docs/python.md "Typed frames"):

- IDs are ``object`` str columns named ``<table>_id`` (``district_id``, ``street_id``,
  ``estate_id``, ``building_id``, ``entrance_id``, ``dwelling_id``, ``owner_id``);
  a dwelling's owners are ``owner_ids``, joined by ``;``.
- Labels are ``pandas.Categorical`` with fixed categories, the label keys in code
  order (:func:`labels` gives the Chinese and English names). "Not surveyed" is a
  missing value (NaN), never a category.
- Survey facts that may be unknown are nullable: ``boolean``, ``Int16`` and
  ``Float64`` with ``pd.NA`` for "not surveyed"; there are no 0 or 0.0 stand-ins.
  "Never" is a fact of its own: ``renovated`` is ``False`` for an estate surveyed as
  never comprehensively renovated (``last_renovation_year`` then ``<NA>``), ``<NA>``
  when that is unknown; likewise ``demolition_planned`` / ``demolition_plan_year``.
  ``safety_hazards`` is ``<NA>`` when not surveyed and ``"none"`` when surveyed and none
  found (text, which a CSV keeps). A dwelling's ``floor`` is ``<NA>`` when unknown.
- Areas: ``area_centi_m2`` (int64, exact 0.01 m²) and ``exclusive_area_m2`` (float,
  for display). Percentages are numeric (``willingness_pct``: 0–100, ``Float64``).
"""

from __future__ import annotations

import math
import os
import re
from typing import Any, Dict, Iterable, List, Optional, Sequence

import numpy as np
import pandas as pd

from . import _core
from ._core import InvalidArgumentError, Registry

__all__ = ["TABLES", "dwelling_rows", "from_frames", "labels", "owner_rows", "to_frame",
           "to_frames"]

TABLES = ("estates", "buildings", "entrances", "dwellings", "owners", "districts", "streets")

_NA_INT = np.iinfo(np.int32).min
_FACILITY_PREFIX = "facility_"
_CONSENTS = ("remove_illegal", "property_management", "fund_top_up", "entrust_public_resources")
_FLAGS = ("elevator", "owners_committee", "self_governance_group", "shantytown_plan",
          "urban_village", "mostly_self_built") + tuple("consent_" + c for c in _CONSENTS)
# Kinds whose code 0 is "unknown / not surveyed": a missing value in the frames.
_UNKNOWN_FIRST = frozenset({"structure", "condition", "illegal_structures", "management_mode"})
_ID_COLUMN = {"estates": "estate_id", "buildings": "building_id", "entrances": "entrance_id",
              "dwellings": "dwelling_id", "owners": "owner_id", "districts": "district_id",
              "streets": "street_id", "ballots": "dwelling_id"}


# --- labels -------------------------------------------------------------------------

def labels(kind: str, lang: str = "en") -> Dict[str, str]:
    """The labels of one kind (``"facility"``, ``"condition"``, ``"structure"``,
    ``"property_type"``, ...) as ``{key: name}`` in code order; ``lang`` is ``"zh"``,
    ``"en"`` or ``"key"``. Rename a typed frame's categories with it:
    ``df["structure"].cat.rename_categories(renewal.labels("structure", "zh"))``.

    :raises renewal.InvalidArgumentError: an unknown kind or language.
    """
    column = {"key": 0, "zh": 1, "en": 2}.get(lang)
    if column is None:
        raise InvalidArgumentError(f'lang: expected "zh", "en" or "key", got {lang!r}')
    return {row[0]: row[column] for row in _core.labels(kind)}


def _categories(kind: str) -> List[str]:
    keys = [row[0] for row in _core.labels(kind)]
    return keys[1:] if kind in _UNKNOWN_FIRST else keys


def _categorical(codes: np.ndarray, kind: str) -> pd.Categorical:
    codes = codes.astype(np.int8)
    if kind in _UNKNOWN_FIRST:
        codes = codes - 1  # "unknown" (0) becomes missing (-1)
    return pd.Categorical.from_codes(codes, categories=_categories(kind))


# --- to_frame -----------------------------------------------------------------------

def _int16(values: np.ndarray, missing: Optional[np.ndarray] = None) -> pd.arrays.IntegerArray:
    mask = values == _NA_INT if missing is None else missing
    return pd.arrays.IntegerArray(np.where(mask, 0, values).astype(np.int16), mask)


def _boolean(values: np.ndarray) -> pd.arrays.BooleanArray:
    return pd.arrays.BooleanArray(values == 1, values < 0)


def _float(values: np.ndarray) -> pd.arrays.FloatingArray:
    mask = np.isnan(values)
    return pd.arrays.FloatingArray(np.where(mask, 0.0, values), mask)


def _ids(registry: Registry, table: str) -> np.ndarray:
    return registry._table_columns(table)[_ID_COLUMN[table]]


def _optional_ids(ids: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """ids[rows], None where rows is the no-index marker (2^32 - 1)."""
    padded = np.append(ids, None)
    return padded[np.minimum(rows.astype(np.int64), len(ids))]


def _estates(registry: Registry) -> pd.DataFrame:
    c = registry._table_columns("estates")
    out: Dict[str, Any] = {
        "estate_id": c["estate_id"], "name": c["name"],
        "district_id": _ids(registry, "districts")[c["district"]],
        "street_id": _optional_ids(_ids(registry, "streets"), c["street"]),
        "build_year": _int16(c["build_year"]),
        "structure": _categorical(c["structure"], "structure"),
        "floors": _int16(c["floors"]),
        "elevator": _boolean(c["elevator"]),
        "illegal_structures": _categorical(c["illegal_structures"], "illegal_structures"),
        "owners_committee": _boolean(c["owners_committee"]),
        "self_governance_group": _boolean(c["self_governance_group"]),
        "management_mode": _categorical(c["management_mode"], "management_mode"),
        "willingness_pct": _float(c["willingness_pct"]),
        "lon": _float(c["lon"]), "lat": _float(c["lat"]),
        "shantytown_plan": _boolean(c["shantytown_plan"]),
    }
    for flag, year in (("demolition_planned", "demolition_plan_year"),
                       ("renovated", "last_renovation_year")):
        y = c[year]
        out[flag] = _boolean(np.where(y == _NA_INT, -1, (y != 0).astype(np.int8)))
        out[year] = _int16(y, (y == _NA_INT) | (y == 0))
    out["urban_village"] = _boolean(c["urban_village"])
    out["mostly_self_built"] = _boolean(c["mostly_self_built"])
    hazards = c["safety_hazards"]
    hazards[hazards == ""] = "none"  # surveyed, none found: text a spreadsheet keeps
    out["safety_hazards"] = hazards
    for consent in _CONSENTS:
        out["consent_" + consent] = _boolean(c["consent_" + consent])
    for k, facility in enumerate(_core.labels("facility")):
        out[_FACILITY_PREFIX + facility[0]] = _categorical(c["facilities"][:, k], "condition")
    out["building_count"] = c["building_count"]
    out["dwelling_count"] = c["dwelling_count"]
    return pd.DataFrame(out)


def _buildings(registry: Registry) -> pd.DataFrame:
    c = registry._table_columns("buildings")
    return pd.DataFrame({
        "building_id": c["building_id"], "name": c["name"],
        "estate_id": _ids(registry, "estates")[c["estate"]],
        "floors": _int16(c["floors"]), "elevator": _boolean(c["elevator"]),
        "build_year": _int16(c["build_year"]),
        "entrance_count": c["entrance_count"], "dwelling_count": c["dwelling_count"]})


def _entrances(registry: Registry) -> pd.DataFrame:
    c = registry._table_columns("entrances")
    b = registry._table_columns("buildings")
    estate_ids = _ids(registry, "estates")
    return pd.DataFrame({
        "entrance_id": c["entrance_id"], "building_id": b["building_id"][c["building"]],
        "estate_id": estate_ids[b["estate"][c["building"]]], "dwelling_count": c["dwelling_count"]})


def _dwellings(registry: Registry) -> pd.DataFrame:
    c = registry._table_columns("dwellings")
    n = registry._table_columns("entrances")
    b = registry._table_columns("buildings")
    building = n["building"][c["entrance"]]
    centi = c["area_centi"].astype(np.int64)
    floor = c["floor"].astype(np.int16)
    return pd.DataFrame({
        "dwelling_id": c["dwelling_id"],
        "estate_id": _ids(registry, "estates")[b["estate"][building]],
        "building_id": b["building_id"][building],
        "entrance_id": n["entrance_id"][c["entrance"]],
        "exclusive_area_m2": centi / 100.0,
        "area_centi_m2": centi,
        "area_source": _categorical(c["area_source"], "area_source"),
        "property_type": _categorical(c["property_type"], "property_type"),
        "sale_state": _categorical(c["sale_state"], "sale_state"),
        "floor": pd.arrays.IntegerArray(floor, floor == 0),
        "owner_ids": c["owner_ids"]}, copy=False)


def _owners(registry: Registry) -> pd.DataFrame:
    c = registry._table_columns("owners")
    return pd.DataFrame({"owner_id": c["owner_id"], "name": c["name"],
                         "kind": _categorical(c["kind"], "owner_kind")})


def _districts(registry: Registry) -> pd.DataFrame:
    return pd.DataFrame(registry._table_columns("districts"))


def _streets(registry: Registry) -> pd.DataFrame:
    c = registry._table_columns("streets")
    return pd.DataFrame({"street_id": c["street_id"], "name": c["name"],
                         "district_id": _ids(registry, "districts")[c["district"]]})


_BUILDERS = {"estates": _estates, "buildings": _buildings, "entrances": _entrances,
             "dwellings": _dwellings, "owners": _owners, "districts": _districts,
             "streets": _streets}


def to_frame(registry: Registry, table: str) -> pd.DataFrame:
    """One table of the registry as a typed DataFrame (see the module docstring):
    ``"estates"``, ``"buildings"``, ``"entrances"``, ``"dwellings"``, ``"owners"``,
    ``"districts"`` or ``"streets"``. Built from the C++ columns in bulk.

    :raises renewal.InvalidArgumentError: an unknown table.
    """
    build = _BUILDERS.get(table)
    if build is None:
        raise InvalidArgumentError(f"table: expected one of {', '.join(TABLES)}, got {table!r}")
    return build(registry)


def to_frames(registry: Registry, tables: Optional[Iterable[str]] = None) -> Dict[str, pd.DataFrame]:
    """Several tables (default: all of :data:`TABLES`) as typed DataFrames, by name;
    ``Registry.from_frames(**registry.to_frames())`` gives an equal registry."""
    return {t: to_frame(registry, t) for t in (TABLES if tables is None else tables)}


# --- dwelling_rows ------------------------------------------------------------------

def _object_array(values: Any) -> np.ndarray:
    if isinstance(values, (pd.Series, pd.Index)):
        return values.to_numpy(dtype=object)
    return np.asarray(values, dtype=object).reshape(-1)


def _rows_of(find, values: Any) -> np.ndarray:
    if isinstance(values, (pd.Series, pd.Index)) and isinstance(values.dtype, pd.CategoricalDtype):
        cats = find(np.asarray(values.cat.categories, dtype=object))
        codes = np.asarray(values.cat.codes, dtype=np.int64)
        return np.where(codes < 0, -1, cats[np.maximum(codes, 0)]) if len(cats) else \
            np.full(len(codes), -1, dtype=np.int64)
    return find(np.ascontiguousarray(_object_array(values)))


def dwelling_rows(registry: Registry, ids: Any) -> np.ndarray:
    """Row numbers (int64, the order of ``to_frame("dwellings")``) of dwelling IDs, one
    per ID, ``-1`` where the ID is not in the registry or missing. ``ids``: a Series,
    Index, Categorical Series, numpy array or list of str. One hash lookup per ID (per
    category for a Categorical) in C++."""
    return _rows_of(registry._dwelling_rows, ids)


def owner_rows(registry: Registry, ids: Any) -> np.ndarray:
    """Row numbers of owner IDs (the order of ``to_frame("owners")``), ``-1`` where unknown
    or missing."""
    return _rows_of(registry._owner_rows, ids)


# --- from_frames: column normalisers --------------------------------------------------

class _Table:
    """One input frame: its name, index labels and the ID shown in errors."""

    def __init__(self, name: str, frame: pd.DataFrame, renames: Dict[str, str],
                 errors: Optional[List[Dict[str, Any]]] = None):
        if not isinstance(frame, pd.DataFrame):
            raise InvalidArgumentError(f"{name}: expected a pandas DataFrame, got {type(frame).__name__}")
        self.name = name
        # Older column names, resolved without copying the frame.
        self.names = {v: k for k, v in renames.items() if k in frame.columns and v not in frame.columns}
        self.frame = frame
        self.rows = frame.index  # labels for errors, read only then
        # None: raise on the first error (from_frames); a list: collect every one
        # (read_survey, which reports them all as a table).
        self.errors = errors

    def __len__(self) -> int:
        return len(self.frame)

    def missing_column(self, column: str) -> None:
        """A required column is absent: raised, or recorded against no row."""
        if self.errors is None:
            raise InvalidArgumentError(f"{self.name}: missing column {column}")
        self.errors.append({"table": self.name, "row": None, "column": column, "value": None,
                            "message": "missing column (required)"})

    def has(self, column: str) -> bool:
        return self.names.get(column, column) in self.frame.columns

    def column(self, column: str) -> pd.Series:
        return self.frame[self.names.get(column, column)]

    def fail(self, bad: np.ndarray, column: str, message) -> None:
        """Raises InvalidArgumentError naming the first bad row (``bad`` a boolean mask),
        or in collecting mode records every bad row."""
        positions = np.flatnonzero(bad)
        if not len(positions):
            return
        if self.errors is not None:
            values = self.column(column).to_numpy(dtype=object)[positions] if self.has(column) \
                else np.full(len(positions), None, dtype=object)
            for i, v in zip(positions, values):
                self.errors.append({"table": self.name, "row": self.rows[int(i)],
                                    "column": column, "value": v, "message": message(v)})
            return
        i = int(positions[0])
        id_column = _ID_COLUMN.get(self.name)
        ident = ""
        if id_column is not None and self.has(id_column) and id_column != column:
            ident = f' "{self.column(id_column).iloc[i]}"'
        value = self.column(column).iloc[i] if self.has(column) else None
        more = f" (and {len(positions) - 1} more rows)" if len(positions) > 1 else ""
        raise InvalidArgumentError(f"{self.name} row {self.rows[i]}{ident} "
                                   f"{self.names.get(column, column)}: {message(value)}{more}")


def _missing(series: pd.Series) -> np.ndarray:
    m = series.isna().to_numpy()
    if series.dtype == object:
        m = m | (series.to_numpy() == "")
    return m


def _text(t: _Table, column: str, required: bool = True) -> np.ndarray:
    """An object array of str (None where missing); numbers (an entrance 1 from Excel)
    become their text (1.0 → "1")."""
    if not t.has(column):
        if required:
            t.missing_column(column)
        return np.full(len(t), None, dtype=object)
    s = t.column(column)
    if isinstance(s.dtype, pd.CategoricalDtype):
        s = s.astype(object)
    kind = pd.api.types.infer_dtype(s, skipna=True)
    if kind not in ("string", "empty"):
        def as_text(v: Any) -> Any:
            if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
                return None
            if isinstance(v, (float, np.floating)) and float(v).is_integer():
                return str(int(v))
            if isinstance(v, (str, int, np.integer, float, np.floating)) and not isinstance(v, bool):
                return str(v)
            return v  # refused below, naming the row
        s = s.map(as_text)
    values = np.ascontiguousarray(s.to_numpy(dtype=object))
    if kind in ("string", "empty"):
        return values  # missing required values are reported by the builder pass
    bad = np.fromiter((not (v is None or isinstance(v, str) or (isinstance(v, float) and v != v)
                            or v is pd.NA) for v in values), bool, len(values))
    t.fail(bad, column, lambda v: f"expected text, got {v!r}")
    return values


def _numbers(t: _Table, column: str) -> np.ndarray:
    """float64, NaN where missing; text that is not a number is an error."""
    if not t.has(column):
        return np.full(len(t), np.nan)
    s = t.column(column)
    if pd.api.types.is_bool_dtype(s.dtype):
        t.fail(np.ones(len(s), bool), column, lambda v: f"expected a number, got {v!r}")
    values = pd.to_numeric(s.replace("", np.nan) if s.dtype == object else s, errors="coerce")
    values = np.asarray(values.astype("float64"), dtype=np.float64) if hasattr(values, "astype") \
        else np.asarray(values, dtype=np.float64)
    t.fail(np.isnan(values) & ~_missing(s), column, lambda v: f"expected a number, got {v!r}")
    return values


def _ints(t: _Table, column: str, words: Optional[Dict[str, int]] = None) -> np.ndarray:
    """int32, missing as INT32_MIN; a fraction or a number beyond ±10^6 is an error.
    ``words`` maps text (e.g. "never") to a value."""
    if not t.has(column):
        return np.full(len(t), _NA_INT, dtype=np.int32)
    s = t.column(column)
    if words and s.dtype == object:
        s = s.map(lambda v: words.get(v.strip().lower(), v) if isinstance(v, str) else v)
        replaced = _Table(t.name, t.frame.assign(**{t.names.get(column, column): s}), {}, t.errors)
        replaced.names = t.names
        t = replaced
    values = _numbers(t, column)
    finite = ~np.isnan(values)
    t.fail(finite & (values != np.round(values)), column, lambda v: f"expected a whole number, got {v!r}")
    t.fail(finite & (np.abs(values) > 1_000_000), column, lambda v: f"out of range, got {v!r}")
    return np.where(finite, values, _NA_INT).astype(np.int32)


# Yes/no text, matched after stripping and lower-casing (docs/survey.md "Values").
_BOOL_TEXT = {"true": 1, "false": 0, "是": 1, "否": 0, "有": 1, "无": 0, "1": 1, "0": 0}
_BOOL_EXPECTED = "expected 是/否, 有/无, 1/0 or true/false"


def _bool_code(v: Any) -> int:
    if isinstance(v, (bool, np.bool_)):
        return int(v)
    if isinstance(v, str):
        return _BOOL_TEXT.get(v.strip().lower(), -2)
    if isinstance(v, (int, float, np.integer, np.floating)) and v in (0, 1):
        return int(v)
    return -2


def _bools(t: _Table, column: str) -> np.ndarray:
    """int8: 1 yes, 0 no, -1 not surveyed. Accepted: bool / boolean, 1 and 0, the text
    true/false (any case), 是/否, 有/无, 1/0; blank, None, NaN and pd.NA are "not
    surveyed"."""
    if not t.has(column):
        return np.full(len(t), -1, dtype=np.int8)
    s = t.column(column)
    missing = _missing(s)
    if pd.api.types.is_bool_dtype(s.dtype) and s.dtype != object:
        values = np.where(missing, -1, s.fillna(False).to_numpy(dtype=bool)).astype(np.int8)
        return values
    if pd.api.types.is_numeric_dtype(s.dtype):
        v = s.to_numpy(dtype=np.float64, na_value=np.nan)
        t.fail(~missing & (v != 0) & (v != 1), column, lambda x: f"{_BOOL_EXPECTED}, got {x!r}")
        return np.where(missing, -1, v == 1).astype(np.int8)
    values = s.map(_bool_code).to_numpy(dtype=np.int64)
    t.fail(~missing & (values == -2), column, lambda x: f"{_BOOL_EXPECTED}, got {x!r}")
    return np.where(missing | (values == -2), -1, values).astype(np.int8)


def _codes(t: _Table, column: str, kind: str) -> np.ndarray:
    """int8 enum codes (the C++ value); -1 where missing. Text may be the key, the Chinese
    or the English name."""
    if not t.has(column):
        return np.full(len(t), -1, dtype=np.int8)
    s = t.column(column)
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = np.asarray(s.cat.categories, dtype=object)
        cat_codes = _core.label_codes(kind, np.ascontiguousarray(cats), None,
                                      t.name + " " + column + " category", "")
        codes = s.cat.codes.to_numpy()
        return np.where(codes < 0, -1, cat_codes[np.maximum(codes, 0)] if len(cats) else -1).astype(np.int8)
    values = np.ascontiguousarray(s.to_numpy(dtype=object))
    values = np.where(pd.isna(values) | (values == ""), None, values)
    if t.errors is not None:  # every unknown name, then the column without them
        unknown = [u for u in pd.unique(values[values != None]) if not _is_label(kind, u)]  # noqa: E711
        if unknown:
            bad = np.isin(values, np.array(unknown, dtype=object))
            names = "、".join(labels(kind, "zh").values())
            t.fail(bad, column, lambda v: f"unknown value {v!r} (expected one of {names}, "
                                          f"or the keys {', '.join(labels(kind, 'key'))})")
            values = np.where(bad, None, values)
    return _core.label_codes(kind, np.ascontiguousarray(values, dtype=object), t.rows, t.name, column)


def _is_label(kind: str, value: Any) -> bool:
    if not isinstance(value, str):
        return False
    return any(value in row for row in _core.labels(kind))


_NO_HAZARDS = frozenset({"none", "无", "没有"})
_HAZARD_SEPARATORS = re.compile(r"[;；、,，]")


def _hazards(t: _Table) -> np.ndarray:
    """The C++ column: None not surveyed, "" surveyed and none found, else hazard keys
    joined by ';'. Accepted: keys, Chinese or English names separated by ; ； 、 or a
    comma; "none" / "无" (or "" in a typed frame) for none found."""
    if not t.has("safety_hazards"):
        return np.full(len(t), None, dtype=object)
    s = t.column("safety_hazards")
    values = np.where(s.isna().to_numpy(), None, s.to_numpy(dtype=object))
    names = {}
    for key, zh, en in _core.labels("hazard"):
        names[key] = names[zh] = names[en] = names[en.lower()] = key
    mapping: Dict[Any, Any] = {}
    for u in pd.unique(values[values != None]):  # noqa: E711  (a few distinct texts)
        if not isinstance(u, str):
            mapping[u] = False
            continue
        text = u.strip()
        if text == "" or text.lower() in _NO_HAZARDS:
            mapping[u] = ""
            continue
        keys = [names.get(p.strip(), names.get(p.strip().lower())) for p in
                _HAZARD_SEPARATORS.split(text) if p.strip()]
        mapping[u] = ";".join(keys) if all(keys) else False
    out = np.array([None if v is None else mapping[v] for v in values], dtype=object) \
        if len(values) else values
    bad = np.array([v is False for v in out], dtype=bool)
    t.fail(bad, "safety_hazards",
           lambda v: f"unknown hazard in {v!r} (expected 无 or none, or names among "
                     f"{'、'.join(labels('hazard', 'zh').values())} / "
                     f"{', '.join(labels('hazard', 'key'))}, separated by ;)")
    return np.where(bad, None, out)


def _never_or_year(t: _Table, flag: str, year: str, never_word: str) -> np.ndarray:
    """The C++ year column: INT32_MIN unknown, 0 never (or none planned), else the year.
    ``flag`` (renovated / demolition_planned) False means never; without it a 0 or the
    word (never / none) in the year column means never, as in the registry JSON."""
    years = _ints(t, year, {never_word: 0, "never": 0, "none": 0})
    if not t.has(flag):
        return years
    flags = _bools(t, flag)
    known_year = (years != _NA_INT) & (years != 0)
    t.fail((flags == 0) & known_year, year, lambda v: f"{flag} is false but the year is {v!r}")
    t.fail((flags == 1) & ~known_year, year, lambda v: f"{flag} is true but the year is missing")
    return np.where(flags == 0, 0, years).astype(np.int32)


def _area_centi(t: _Table) -> np.ndarray:
    """Exact 0.01 m² from ``area_centi_m2`` (which must agree with ``exclusive_area_m2``
    when both are given) or from ``exclusive_area_m2`` (at most two decimals)."""
    if not t.has("exclusive_area_m2") and not t.has("area_centi_m2"):
        t.missing_column("exclusive_area_m2")
        return np.zeros(len(t), dtype=np.int64)
    m2 = _numbers(t, "exclusive_area_m2") if t.has("exclusive_area_m2") else None
    if t.has("area_centi_m2"):
        centi = _numbers(t, "area_centi_m2")
        t.fail(np.isnan(centi), "area_centi_m2", lambda v: "missing")
        t.fail(centi != np.round(centi), "area_centi_m2", lambda v: f"expected whole 0.01 m², got {v!r}")
        if m2 is not None:
            t.fail(~(np.round(m2 * 100) == centi), "exclusive_area_m2",
                   lambda v: "disagrees with area_centi_m2; edit one column and drop the other, "
                             f"or make them agree (got {v!r})")
        return np.clip(np.nan_to_num(centi, nan=0.0), -1, 2**62).astype(np.int64)
    t.fail(np.isnan(m2), "exclusive_area_m2", lambda v: "missing (a number of m² is required)")
    centi = m2 * 100.0
    rounded = np.round(centi)
    t.fail(np.abs(centi - rounded) > 1e-6, "exclusive_area_m2",
           lambda v: f"at most two decimals, got {v!r}")
    return np.clip(np.nan_to_num(rounded, nan=0.0), -1, 2**62).astype(np.int64)


def _column_dict(t: _Table, columns: Dict[str, np.ndarray]) -> Dict[str, np.ndarray]:
    columns["row"] = t.rows
    return columns


def _areas_to_tables(areas: pd.DataFrame):
    """The legacy ``areas`` frame (id, name, level, district) as districts and streets."""
    level = areas["level"] if "level" in areas.columns else pd.Series("district", index=areas.index)
    d = areas[level == "district"]
    s = areas[level == "street"]
    districts = pd.DataFrame({"district_id": d["id"], "name": d.get("name", d["id"])}) if len(d) else None
    streets = pd.DataFrame({"street_id": s["id"], "name": s.get("name", s["id"]),
                            "district_id": s["district"]}) if len(s) else None
    return districts, streets


def from_frames(estates: pd.DataFrame, buildings: pd.DataFrame, dwellings: pd.DataFrame,
                owners: Optional[pd.DataFrame] = None, areas: Optional[pd.DataFrame] = None,
                current_year: int = 0, *, entrances: Optional[pd.DataFrame] = None,
                districts: Optional[pd.DataFrame] = None,
                streets: Optional[pd.DataFrame] = None) -> Registry:
    """A Registry from DataFrames shaped like :func:`to_frames` output (typed, or the plain
    dtypes of a spreadsheet), in bulk.

    ``estates`` needs ``estate_id`` and ``district_id``; ``buildings`` needs
    ``building_id`` and ``estate_id``; ``dwellings`` needs ``dwelling_id``,
    ``building_id``, ``entrance_id``, ``exclusive_area_m2`` (or ``area_centi_m2``) and
    ``owner_ids`` (``;``-joined). The older names ``district``, ``street``, ``entrance``
    and ``owners`` are accepted. Owners, districts and streets default to the IDs
    referenced (named by their IDs); ``entrances`` (optional) fixes the entrances'
    order and lets a building list an entrance before its dwellings are known.
    Yes/no facts accept bool, 1/0, true/false (any case), 是/否 and 有/无; blank is "not
    surveyed". ``safety_hazards`` accepts keys or names joined by ``;``, and "none", "无"
    or "" for surveyed, none found.
    Labels accept the key, the Chinese or the English name. Dwellings are ordered by
    estate, building and entrance as the frames list them, so
    ``from_frames(**to_frames())`` is an equal registry.

    Every record goes through the same checks as a JSON load.

    :raises renewal.InvalidArgumentError: a bad value; the message names the table, the
        row (its index label), the record's ID and the column.
    :raises renewal.NotFoundError: a reference to an unknown estate, building, owner...
    :raises renewal.AlreadyExistsError: a duplicate ID.
    """
    return Registry._from_columns(
        _frame_columns(estates, buildings, dwellings, owners, areas, entrances=entrances,
                       districts=districts, streets=streets, errors=None),
        int(current_year))


def _column_error(errors: Optional[List[Dict[str, Any]]], table: str, column: str,
                  message: str) -> None:
    if errors is None:
        raise InvalidArgumentError(message)
    errors.append({"table": table, "row": None, "column": column, "value": None,
                   "message": message.split(": ", 1)[1]})


def _frame_columns(estates: pd.DataFrame, buildings: pd.DataFrame, dwellings: pd.DataFrame,
                   owners: Optional[pd.DataFrame], areas: Optional[pd.DataFrame], *,
                   entrances: Optional[pd.DataFrame], districts: Optional[pd.DataFrame],
                   streets: Optional[pd.DataFrame],
                   errors: Optional[List[Dict[str, Any]]]) -> Dict[str, Dict[str, np.ndarray]]:
    """The C++ builder's columns from the frames, checked column by column: the first
    bad value raised (``errors`` None), or every one appended to ``errors``."""
    if areas is not None and (districts is None or streets is None):
        d, s = _areas_to_tables(areas)
        districts = d if districts is None else districts
        streets = s if streets is None else streets
    e = _Table("estates", estates, {"district": "district_id", "street": "street_id"}, errors)
    b = _Table("buildings", buildings, {}, errors)
    dw = _Table("dwellings", dwellings, {"entrance": "entrance_id", "owners": "owner_ids"}, errors)
    tables: Dict[str, Dict[str, np.ndarray]] = {}

    for column in e.frame.columns:
        if isinstance(column, str) and column.startswith(_FACILITY_PREFIX) and \
                column[len(_FACILITY_PREFIX):] not in labels("facility", "key"):
            _column_error(errors, "estates", column,
                f"estates {column}: unknown facility (expected facility_ and one of "
                f"{', '.join(labels('facility', 'key'))})")
        if isinstance(column, str) and column.startswith("consent_") and \
                column[len("consent_"):] not in _CONSENTS:
            raise InvalidArgumentError(
                f"estates {column}: unknown consent (expected consent_ and one of {', '.join(_CONSENTS)})")
    lon, lat = _numbers(e, "lon"), _numbers(e, "lat")
    facilities = np.stack([_codes(e, _FACILITY_PREFIX + f, "condition")
                           for f in labels("facility", "key")], axis=1) if len(e) else \
        np.zeros((0, len(labels("facility", "key"))), dtype=np.int8)
    hazards_text = _hazards(e)
    estate_cols = {
        "estate_id": _text(e, "estate_id"), "name": _text(e, "name", False),
        "district_id": _text(e, "district_id"), "street_id": _text(e, "street_id", False),
        "build_year": _ints(e, "build_year"), "floors": _ints(e, "floors"),
        "demolition_plan_year": _never_or_year(e, "demolition_planned", "demolition_plan_year", "none"),
        "last_renovation_year": _never_or_year(e, "renovated", "last_renovation_year", "never"),
        "structure": _codes(e, "structure", "structure"),
        "illegal_structures": _codes(e, "illegal_structures", "illegal_structures"),
        "management_mode": _codes(e, "management_mode", "management_mode"),
        "willingness_pct": _numbers(e, "willingness_pct"), "lon": lon, "lat": lat,
        "facilities": np.ascontiguousarray(facilities, dtype=np.int8),
        "safety_hazards": np.ascontiguousarray(hazards_text, dtype=object),
    }
    for flag in _FLAGS:
        estate_cols[flag] = _bools(e, flag)
    tables["estates"] = _column_dict(e, estate_cols)
    tables["buildings"] = _column_dict(b, {
        "building_id": _text(b, "building_id"), "name": _text(b, "name", False),
        "estate_id": _text(b, "estate_id"), "floors": _ints(b, "floors"),
        "build_year": _ints(b, "build_year"), "elevator": _bools(b, "elevator")})
    floor = _ints(dw, "floor")
    tables["dwellings"] = _column_dict(dw, {
        "dwelling_id": _text(dw, "dwelling_id"), "building_id": _text(dw, "building_id"),
        "entrance_id": _text(dw, "entrance_id"), "owner_ids": _text(dw, "owner_ids", False),
        "area_centi": _area_centi(dw),
        "area_source": _codes(dw, "area_source", "area_source"),
        "property_type": _codes(dw, "property_type", "property_type"),
        "sale_state": _codes(dw, "sale_state", "sale_state"),
        "floor": np.where(floor == _NA_INT, 0, floor).astype(np.int32)})
    if owners is not None and len(owners):
        o = _Table("owners", owners, {"id": "owner_id"}, errors)
        tables["owners"] = _column_dict(o, {
            "owner_id": _text(o, "owner_id"), "name": _text(o, "name", False),
            "kind": _codes(o, "kind", "owner_kind")})
    if entrances is not None:
        n = _Table("entrances", entrances, {"entrance": "entrance_id"}, errors)
        tables["entrances"] = _column_dict(n, {
            "entrance_id": _text(n, "entrance_id"), "building_id": _text(n, "building_id")})
    if districts is not None and len(districts):
        d = _Table("districts", districts, {"id": "district_id"}, errors)
        tables["districts"] = _column_dict(d, {
            "district_id": _text(d, "district_id"), "name": _text(d, "name", False)})
    if streets is not None and len(streets):
        s = _Table("streets", streets, {"id": "street_id", "district": "district_id"}, errors)
        tables["streets"] = _column_dict(s, {
            "street_id": _text(s, "street_id"), "name": _text(s, "name", False),
            "district_id": _text(s, "district_id")})
    return tables


# --- every error at once (read_survey) ------------------------------------------------
# The registry builder stops at its first error. For a survey the same rules are checked
# here over whole columns first, so that one pass reports them all; the builder still
# checks every record afterwards (and remains the one authority on them).

_ID_WHAT = {"estates": "estate", "buildings": "building", "dwellings": "dwelling",
            "owners": "owner", "districts": "district", "streets": "street"}


def _blank(values: np.ndarray) -> np.ndarray:
    blank = pd.isna(values)
    if values.dtype == object:
        blank |= values == ""
    return np.asarray(blank, dtype=bool)


def _record(errors: List[Dict[str, Any]], table: str, rows: Any, mask: np.ndarray,
            column: str, values: np.ndarray, message) -> None:
    for i in np.flatnonzero(mask):
        v = values[i]
        errors.append({"table": table, "row": rows[int(i)], "column": column,
                       "value": None if v is None else v, "message": message(v)})


def _check_columns(tables: Dict[str, Dict[str, np.ndarray]], errors: List[Dict[str, Any]],
                   current_year: int) -> None:
    """The registry builder's checks over whole columns, each failure appended to
    ``errors`` (names as in :func:`_frame_columns`'s tables)."""
    import datetime

    year_now = current_year or datetime.date.today().year
    required = {"estates": ("estate_id", "district_id"), "buildings": ("building_id", "estate_id"),
                "dwellings": ("dwelling_id", "building_id", "entrance_id"),
                "owners": ("owner_id",), "districts": ("district_id",),
                "streets": ("street_id", "district_id"), "entrances": ("entrance_id", "building_id")}
    known: Dict[str, pd.Index] = {}
    for table, columns in required.items():
        c = tables.get(table)
        if c is None:
            continue
        for column in columns:
            _record(errors, table, c["row"], _blank(c[column]), column, c[column],
                    lambda v: "required, but blank")
        id_column = _ID_COLUMN.get(table)
        if table in _ID_WHAT:
            ids = pd.Series(c[id_column], dtype=object)
            blank = _blank(c[id_column])
            dup = ids.duplicated().to_numpy() & ~blank
            if dup.any():
                repeated = set(ids[dup])
                first_row = {}
                for v, row in zip(ids, c["row"]):
                    if v in repeated and v not in first_row:
                        first_row[v] = row
                _record(errors, table, c["row"], dup, id_column, c[id_column],
                        lambda v: f"duplicate {_ID_WHAT[table]} ID (first on row {first_row[v]})")
            known[table] = pd.Index(ids[~blank])

    def refer(table: str, column: str, target: str) -> None:
        c = tables.get(table)
        if c is None or target not in known:
            return
        values = c[column]
        bad = ~pd.Index(values).isin(known[target]) & ~_blank(values)
        _record(errors, table, c["row"], bad, column, values,
                lambda v: f"no {_ID_WHAT[target]} with this ID")

    refer("buildings", "estate_id", "estates")
    refer("dwellings", "building_id", "buildings")
    refer("entrances", "building_id", "buildings")
    refer("estates", "district_id", "districts")
    refer("estates", "street_id", "streets")
    refer("streets", "district_id", "districts")

    e, b, d = tables["estates"], tables["buildings"], tables["dwellings"]
    _record(errors, "estates", e["row"], ~pd.Index(e["estate_id"]).isin(b["estate_id"]) &
            ~_blank(e["estate_id"]), "estate_id", e["estate_id"],
            lambda v: "the estate has no buildings (list them, or give its totals)")
    _record(errors, "buildings", b["row"], ~pd.Index(b["building_id"]).isin(d["building_id"]) &
            ~_blank(b["building_id"]), "building_id", b["building_id"],
            lambda v: "the building has no dwellings")

    def in_range(table: str, column: str, low: float, high: float, skip=()) -> None:
        c = tables[table]
        v = c[column]
        if v.dtype.kind == "f":
            given = ~np.isnan(v)
        else:
            given = v != _NA_INT
        for s in skip:
            given &= v != s
        _record(errors, table, c["row"], given & ((v < low) | (v > high)), column, v,
                lambda x: f"must be between {low:g} and {high:g}, got {x:g}")

    for table in ("estates", "buildings"):
        in_range(table, "build_year", 1900, year_now)
        in_range(table, "floors", 1, 120)
    in_range("estates", "last_renovation_year", 1900, year_now, skip=(0,))
    in_range("estates", "demolition_plan_year", 1900, 2200, skip=(0,))
    in_range("estates", "willingness_pct", 0, 100)
    in_range("estates", "lon", -180, 180)
    in_range("estates", "lat", -90, 90)
    half = np.isnan(e["lon"]) != np.isnan(e["lat"])
    _record(errors, "estates", e["row"], half, "lon", e["lon"],
            lambda v: "a location needs both lon and lat")
    area = d["area_centi"]
    _record(errors, "dwellings", d["row"], (area <= 0) | (area > 1_000_000), "exclusive_area_m2",
            area / 100.0, lambda v: f"must be > 0 and <= 10000, got {v:g}")
    floor = d["floor"]
    _record(errors, "dwellings", d["row"], (floor < -5) | (floor > 120), "floor", floor,
            lambda v: f"must be between -5 and 120, got {v}")
    ownerless = _core.label_codes("property_type", np.array(["ownerless"], dtype=object),
                                  None, "", "")[0]
    _record(errors, "dwellings", d["row"], _blank(d["owner_ids"]) & (d["property_type"] != ownerless),
            "owner_ids", d["owner_ids"],
            lambda v: "blank: name at least one owner, or give the property type 无主 (ownerless)")
    if "owners" in known:
        # Most cells name one owner: looked up whole; the rest (co-owners) split.
        cells = d["owner_ids"]
        bad = ~pd.Index(cells).isin(known["owners"]) & ~_blank(cells)
        for i in np.flatnonzero(bad):
            bad[i] = not all(o in known["owners"] for o in cells[i].split(";") if o)
        _record(errors, "dwellings", d["row"], bad, "owner_ids", d["owner_ids"],
                lambda v: "names an owner who is not in the owners table")
