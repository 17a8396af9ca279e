"""Survey spreadsheets in: ``read_survey`` of an Excel workbook or CSV files, the
template with Chinese headers, and every error at once as a table (docs/survey.md).

>>> renewal.survey_template("调查表.xlsx")          # the sheets 小区, 楼栋, 房屋, ...
>>> city = renewal.read_survey("调查表.xlsx")       # a renewal.Registry
>>> try:
...     renewal.read_survey("有错的调查表.xlsx")
... except renewal.InvalidArgumentError as e:
...     e.errors                                      # sheet, row, column, value, message

The rows become the registry through :func:`renewal.Registry.from_frames` (the same
normalisers and the same C++ builder), so a survey and a frame obey the same rules.
From a shell: ``renewal survey-template -o 调查表.xlsx`` (or ``python3 -m renewal
survey-template -o 调查表.xlsx``).
"""

from __future__ import annotations

import argparse
import datetime
import decimal
import os
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from . import _core, _xlsx
from . import registry as _frames
from ._core import InvalidArgumentError, Registry

__all__ = ["COLUMNS", "SHEETS", "Column", "estate_totals", "main", "read_survey",
           "survey_template"]

PathLike = Union[str, "os.PathLike[str]"]

# Sheets in template order: (table, Chinese sheet name). A sheet may also be named by
# its table (the names to_frames uses).
SHEETS: Tuple[Tuple[str, str], ...] = (
    ("estates", "小区"), ("buildings", "楼栋"), ("dwellings", "房屋"), ("owners", "业主"),
    ("districts", "区"), ("streets", "街道"), ("entrances", "单元"))
_NOTES_SHEET = "说明"


@dataclass(frozen=True)
class Column:
    """One column of a survey sheet: its key (the frame's column name), Chinese header,
    meaning in Chinese and in English, kind of value and whether it is required."""
    table: str
    key: str
    zh: str
    meaning_zh: str
    meaning_en: str
    kind: str  # id, ref, text, int, year, number, bool, label:<kind>, hazards, owners, count, area, money, ignored
    required: bool = False


def _estate_columns() -> List[Column]:
    c = [
        Column("estates", "estate_id", "小区编号", "小区的唯一编号", "the estate's unique ID", "id", True),
        Column("estates", "name", "小区名称", "小区名称", "the estate's name", "text"),
        Column("estates", "district_id", "所属区", "所属区的编号；无“区”表时即以此为区名",
               "the district's ID; without a 区 sheet it is also the district's name", "ref", True),
        Column("estates", "street_id", "所属街道", "所属街道的编号", "the street's ID", "ref"),
        Column("estates", "build_year", "建成年份", "建成年份", "year built", "year"),
        Column("estates", "structure", "结构类型", "主要结构类型", "main structure", "label:structure"),
        Column("estates", "floors", "最高层数", "最高楼栋的层数", "floors of the highest building", "int"),
        Column("estates", "elevator", "有无电梯", "是否有电梯", "has an elevator", "bool"),
        Column("estates", "illegal_structures", "违法建设", "违法建设情况", "illegal structures",
               "label:illegal_structures"),
        Column("estates", "owners_committee", "是否成立业主委员会", "是否成立业主委员会",
               "has an owners' committee", "bool"),
        Column("estates", "self_governance_group", "是否成立自治小组", "是否成立居民自治小组",
               "has a residents' self-governance group", "bool"),
        Column("estates", "management_mode", "管理模式", "物业管理模式", "management mode",
               "label:management_mode"),
        Column("estates", "willingness_pct", "改造意愿比例（%）", "愿意改造的户数占比，0至100",
               "share of households wanting renovation, 0 to 100", "number"),
        Column("estates", "lon", "经度", "经度（坐标系见 docs/map.md）", "longitude (see docs/map.md)", "number"),
        Column("estates", "lat", "纬度", "纬度", "latitude", "number"),
        Column("estates", "shantytown_plan", "是否纳入棚户区改造计划", "是否已纳入棚户区改造计划",
               "in a shantytown redevelopment plan", "bool"),
        Column("estates", "demolition_planned", "是否计划拆除", "是否已有拆除计划；否即调查确认无拆除计划",
               "demolition planned; false means surveyed, none planned", "bool"),
        Column("estates", "demolition_plan_year", "计划拆除年份", "计划拆除的年份", "planned demolition year", "year"),
        Column("estates", "renovated", "是否已综合改造", "是否做过综合改造；否即调查确认从未改造",
               "comprehensively renovated before; false means surveyed, never", "bool"),
        Column("estates", "last_renovation_year", "最近综合改造年份", "最近一次综合改造的年份",
               "year of the last comprehensive renovation", "year"),
        Column("estates", "urban_village", "是否城中村", "是否属于城中村", "an urban village", "bool"),
        Column("estates", "mostly_self_built", "是否以居民自建住房为主", "是否以居民自建住房为主",
               "mostly residents' self-built housing", "bool"),
        Column("estates", "safety_hazards", "安全隐患", "调查发现的安全隐患，多项用；分隔，无隐患填“无”",
               "hazards found, separated by ;, \"无\" (none) when surveyed and none found", "hazards"),
        Column("estates", "consent_remove_illegal", "是否同意拆除违法建设", "居民是否同意拆除违法建设",
               "residents consent to removing illegal structures", "bool"),
        Column("estates", "consent_property_management", "是否同意引入物业管理",
               "居民是否同意引入物业管理", "residents consent to property management", "bool"),
        Column("estates", "consent_fund_top_up", "是否同意补建续筹维修资金",
               "居民是否同意补建续筹住宅专项维修资金", "residents consent to topping up the maintenance fund",
               "bool"),
        Column("estates", "consent_entrust_public_resources", "是否同意委托经营公共资源",
               "居民是否同意委托经营小区公共资源", "residents consent to entrusting the shared resources",
               "bool"),
    ]
    for key, zh, en in _core.labels("facility"):
        c.append(Column("estates", "facility_" + key, zh + "状况", zh + "设施的状况",
                        "condition of " + en, "label:condition"))
    c += [
        Column("estates", "dwelling_count", "总户数", "总户数（无房屋明细时按此生成房屋，见说明）",
               "households (dwellings are made from it when no dwelling rows are given)", "count"),
        Column("estates", "building_count", "楼栋数", "楼栋数（无楼栋明细时按此生成楼栋）",
               "buildings (made from it when no building rows are given)", "count"),
        Column("estates", "floor_area_m2", "总建筑面积（㎡）", "总建筑面积，无房屋明细时按户均分",
               "total floor area, shared equally among made-up dwellings", "area"),
        Column("estates", "estimated_cost_wan", "估算改造投资（万元）", "估算改造投资，不入登记册，见说明",
               "estimated renovation cost; not kept in the registry (see docs/survey.md)", "money"),
    ]
    return c


COLUMNS: Tuple[Column, ...] = tuple(_estate_columns() + [
    Column("buildings", "building_id", "楼栋编号", "楼栋的唯一编号", "the building's unique ID", "id", True),
    Column("buildings", "name", "楼栋名称", "楼栋名称", "the building's name", "text"),
    Column("buildings", "estate_id", "小区编号", "所属小区的编号", "its estate's ID", "ref", True),
    Column("buildings", "floors", "层数", "地上层数", "floors above ground", "int"),
    Column("buildings", "elevator", "有无电梯", "是否有电梯", "has an elevator", "bool"),
    Column("buildings", "build_year", "建成年份", "建成年份", "year built", "year"),
    Column("buildings", "entrance_count", "单元数", "由登记册计算，读入时不用", "computed; ignored when read", "ignored"),
    Column("buildings", "dwelling_count", "户数", "由登记册计算，读入时不用", "computed; ignored when read", "ignored"),
    Column("dwellings", "dwelling_id", "房屋编号", "房屋的唯一编号", "the dwelling's unique ID", "id", True),
    Column("dwellings", "estate_id", "小区编号", "所属小区，读入时不用（由楼栋确定）",
           "its estate; ignored when read (the building decides)", "ignored"),
    Column("dwellings", "building_id", "楼栋编号", "所属楼栋的编号", "its building's ID", "ref", True),
    Column("dwellings", "entrance_id", "单元", "单元号", "its entrance (staircase)", "ref", True),
    Column("dwellings", "exclusive_area_m2", "专有部分面积（㎡）", "专有部分面积，至多两位小数",
           "exclusive floor area, at most two decimals", "number", True),
    Column("dwellings", "area_centi_m2", "专有部分面积（0.01㎡）", "以0.01平方米计的面积（可替代上一列）",
           "the area in 0.01 m² (instead of, or agreeing with, the column before)", "int"),
    Column("dwellings", "area_source", "面积来源", "面积的来源", "where the area comes from", "label:area_source"),
    Column("dwellings", "property_type", "房屋性质", "房屋性质", "property type", "label:property_type"),
    Column("dwellings", "sale_state", "销售状态", "销售状态", "sale state", "label:sale_state"),
    Column("dwellings", "floor", "所在楼层", "所在楼层", "floor", "int"),
    Column("dwellings", "owner_ids", "业主编号", "业主编号，共有人用；分隔", "owner IDs, co-owners separated by ;",
           "owners"),
    Column("owners", "owner_id", "业主编号", "业主的唯一编号", "the owner's unique ID", "id", True),
    Column("owners", "name", "业主姓名", "业主姓名或单位名称", "the owner's name", "text"),
    Column("owners", "kind", "业主类型", "个人或单位", "person or organisation", "label:owner_kind"),
    Column("districts", "district_id", "区编号", "区的唯一编号", "the district's unique ID", "id", True),
    Column("districts", "name", "区名称", "区名称", "the district's name", "text"),
    Column("streets", "street_id", "街道编号", "街道的唯一编号", "the street's unique ID", "id", True),
    Column("streets", "name", "街道名称", "街道名称", "the street's name", "text"),
    Column("streets", "district_id", "所属区", "所属区的编号", "its district's ID", "ref", True),
    Column("entrances", "entrance_id", "单元", "单元号", "the entrance's ID", "id", True),
    Column("entrances", "building_id", "楼栋编号", "所属楼栋的编号", "its building's ID", "ref", True),
    Column("entrances", "estate_id", "小区编号", "读入时不用", "ignored when read", "ignored"),
    Column("entrances", "dwelling_count", "户数", "读入时不用", "ignored when read", "ignored"),
])

_SYNTH_BUILDING_NAME = "按总数生成"
# Read when present (to_frames writes it) but not offered in the template: one area
# column is enough for a surveyor.
_NOT_IN_TEMPLATE = frozenset({"area_centi_m2"})


def _norm(text: str) -> str:
    """Header and sheet names compared loosely: NFKC (full-width brackets, ㎡ → m2),
    no spaces, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).lower()


_TABLE_OF_SHEET = {}
for _table, _zh in SHEETS:
    _TABLE_OF_SHEET[_norm(_zh)] = _table
    _TABLE_OF_SHEET[_norm(_table)] = _table
_HEADERS: Dict[str, Dict[str, Column]] = {}
for _c in COLUMNS:
    _HEADERS.setdefault(_c.table, {})[_norm(_c.zh)] = _c
    _HEADERS[_c.table][_norm(_c.key)] = _c


def _is_note(name: Optional[str]) -> bool:
    """A sheet or column the reader skips: a name starting with 说明, 备注, notes or #."""
    n = _norm(name or "")
    return n.startswith(("说明", "备注", "notes", "#"))


# --- reading ----------------------------------------------------------------------

class _Synthesised:
    """The row label of a building, dwelling or owner made from an estate's totals:
    errors about it point at the estate's row."""

    def __init__(self, row: Any):
        self.row = row

    def __repr__(self) -> str:
        return f"estates row {self.row} (made from its totals)"


@dataclass
class _Sheet:
    table: str
    name: str           # as in the file
    frame: pd.DataFrame  # canonical column names, Excel row numbers as index
    headers: Dict[str, str]  # key -> the header as written


_MISSING_COLUMN = "missing column (required)"


class _Errors:
    def __init__(self) -> None:
        self.rows: List[Dict[str, Any]] = []
        self._cells: set = set()
        self._missing: set = set()

    def add(self, sheet: Optional[str], row: Any, column: Optional[str], value: Any,
            message: str) -> None:
        """One error; a cell already reported keeps its first (most specific) error
        (a blank area is not also "must be > 0")."""
        if (sheet, column) in self._missing:
            return  # the column is absent: one error, not one per row
        if row is not None and column is not None:
            if (sheet, row, column) in self._cells:
                return
            self._cells.add((sheet, row, column))
        if message == _MISSING_COLUMN:
            self._missing.add((sheet, column))
        self.rows.append({"sheet": sheet, "row": row, "column": column, "value": value,
                          "message": message})

    def frame(self) -> pd.DataFrame:
        f = pd.DataFrame(self.rows, columns=["sheet", "row", "column", "value", "message"])
        f["row"] = pd.array([r["row"] if isinstance(r["row"], (int, np.integer)) else None
                             for r in self.rows], dtype="Int64")
        f["value"] = pd.array([None if v is None or (isinstance(v, float) and v != v) else str(v)
                               for v in (r["value"] for r in self.rows)], dtype=object)
        return f

    def raise_if_any(self, path: str) -> None:
        if not self.rows:
            return
        table = self.frame()
        lines = [f"{s or '-'}!{'' if pd.isna(r) else r} {c or ''}: {m}"
                 + ("" if v is None else f" [{v}]")
                 for s, r, c, v, m in table.itertuples(index=False)]
        shown = "\n  ".join(lines[:20])
        more = f"\n  ... and {len(lines) - 20} more (see .errors)" if len(lines) > 20 else ""
        err = InvalidArgumentError(f"{path}: {len(lines)} error(s) in the survey; nothing was "
                                   f"read:\n  {shown}{more}")
        err.errors = table  # type: ignore[attr-defined]
        raise err


def _csv_sheet(path: str) -> pd.DataFrame:
    """A CSV file as text, rows numbered as a spreadsheet shows them (header = row 1).
    UTF-8 (with or without BOM); else GB18030, which Excel's "CSV" writes in China."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            raw = pd.read_csv(path, dtype=str, header=None, keep_default_na=False,
                              skip_blank_lines=False, encoding=encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise InvalidArgumentError(f"{path}: not UTF-8 or GB18030 text")
    raw.index = pd.RangeIndex(1, len(raw) + 1, name="row")
    return raw


def _text_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """Strip cells; blank cells become None."""
    out = {}
    for k in raw.columns:
        s = raw[k].str.strip()
        out[k] = s.where(s != "", None)
    return pd.DataFrame(out, index=raw.index)


def _raw_sheets(path: str, errors: _Errors, only: Optional[set] = None
                ) -> List[Tuple[str, List[Optional[str]], pd.DataFrame]]:
    """(sheet name, headers, data rows by Excel row number) of the file or folder."""
    if os.path.isdir(path):
        files = sorted(f for f in os.listdir(path) if f.lower().endswith(".csv"))
        if not files:
            raise InvalidArgumentError(f"{path}: a folder of survey sheets, but no .csv file in it")
        return [_csv_raw(os.path.join(path, f), os.path.splitext(f)[0]) for f in files
                if only is None or os.path.splitext(f)[0] in only]
    lower = path.lower()
    if lower.endswith(".csv"):
        stem = os.path.splitext(os.path.basename(path))[0]
        name = stem if _norm(stem) in _TABLE_OF_SHEET else "小区"
        return [_csv_raw(path, name)]
    if lower.endswith((".xlsx", ".xlsm")):
        if not os.path.exists(path):
            raise FileNotFoundError(2, "no such file", path)
        try:
            return _xlsx.read_sheets(path, only)
        except _xlsx.Unreadable:
            return _xlsx.read_sheets_openpyxl(path, only)
        except Exception as e:  # a corrupt or foreign file
            if isinstance(e, (OSError, MemoryError)) and not isinstance(e, FileNotFoundError):
                raise
            raise InvalidArgumentError(f"{path}: not an .xlsx workbook ({e})") from e
    raise InvalidArgumentError(f"{path}: expected an .xlsx workbook, a .csv file or a folder of "
                               f".csv files (an .xls workbook: save it as .xlsx)")


def _csv_raw(path: str, name: str) -> Tuple[str, List[Optional[str]], pd.DataFrame]:
    if not os.path.exists(path):
        raise FileNotFoundError(2, "no such file", path)
    raw = _text_frame(_csv_sheet(path))
    if not len(raw):
        return name, [], pd.DataFrame()
    header = list(raw.iloc[0])
    data = raw.iloc[1:]
    data = data[data.notna().any(axis=1)]
    data.columns = range(data.shape[1])
    return name, header, data


def _sheets(path: str, errors: _Errors, only: Optional[set] = None) -> Dict[str, _Sheet]:
    """The survey's sheets by table, headers mapped to the frames' column names."""
    out: Dict[str, _Sheet] = {}
    for name, header, data in _raw_sheets(path, errors, only):
        if _is_note(name):
            continue
        table = _TABLE_OF_SHEET.get(_norm(name))
        if table is None:
            errors.add(name, None, None, None,
                       "unknown sheet (expected " + "、".join(zh for _, zh in SHEETS) +
                       "; a sheet whose name starts with 说明 or # is skipped)")
            continue
        if table in out:
            errors.add(name, None, None, None,
                       f"a second sheet for {table} (the first is {out[table].name!r})")
            continue
        columns: Dict[str, Any] = {}
        headers: Dict[str, str] = {}
        for k, text in enumerate(header):
            values = data[k] if k in data.columns else None
            if text is None:
                if values is not None and values.notna().any():
                    errors.add(name, 1, _column_letter(k), None,
                               "a column with values but no header")
                continue
            if _is_note(text):
                continue
            spec = _HEADERS[table].get(_norm(text))
            if spec is None:
                errors.add(name, 1, text, None, "unknown column (rename it as in the template, "
                           "or start its header with 备注 or # to keep it as a note)")
                continue
            if spec.key in columns:
                errors.add(name, 1, text, None,
                           f"a second column for {spec.zh} (the first is {headers[spec.key]!r})")
                continue
            if spec.kind == "ignored":
                continue
            columns[spec.key] = values if values is not None else \
                pd.Series(np.full(len(data), None, dtype=object), index=data.index)
            headers[spec.key] = text
        frame = pd.DataFrame(columns, index=data.index) if columns else \
            pd.DataFrame(index=data.index)
        if "area_centi_m2" in frame.columns and frame["area_centi_m2"].isna().all():
            frame = frame.drop(columns="area_centi_m2")  # left blank: the m² column counts
        out[table] = _Sheet(table, name, frame, headers)
    return out


def _column_letter(k: int) -> str:
    letters = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def _header(sheets: Dict[str, _Sheet], table: str, key: str) -> str:
    s = sheets.get(table)
    if s is not None and key in s.headers:
        return s.headers[key]
    spec = _HEADERS[table].get(_norm(key))
    return spec.zh if spec is not None else key


def _sheet_name(sheets: Dict[str, _Sheet], table: str) -> str:
    s = sheets.get(table)
    return s.name if s is not None else dict(SHEETS)[table]


def _empty(table: str, keys: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series([], dtype=object) for k in keys})


# --- totals -----------------------------------------------------------------------

@dataclass
class _Totals:
    dwellings: np.ndarray   # int64, -1 blank
    buildings: np.ndarray   # int64, -1 blank
    area_centi: np.ndarray  # int64, -1 blank
    cost_fen: np.ndarray    # object: int or None


def _whole(values: pd.Series, sheet: str, header: str, errors: _Errors, low: int,
           what: str) -> np.ndarray:
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=np.float64)
    given = values.notna().to_numpy()
    bad = given & (np.isnan(numbers) | (numbers != np.round(numbers)) | (numbers < low) |
                   (numbers > 10_000_000))
    for row, v in zip(values.index[bad], values.to_numpy()[bad]):
        errors.add(sheet, row, header, v, f"expected {what}")
    return np.where(given & ~bad, numbers, -1).astype(np.int64)


def _read_totals(sheets: Dict[str, _Sheet], errors: _Errors) -> Optional[_Totals]:
    e = sheets["estates"].frame
    keys = ("dwelling_count", "building_count", "floor_area_m2", "estimated_cost_wan")
    if not any(k in e.columns for k in keys):
        return None
    sheet = sheets["estates"].name
    blank = pd.Series(np.full(len(e), None, dtype=object), index=e.index)
    col = {k: e[k] if k in e.columns else blank for k in keys}
    dwellings = _whole(col["dwelling_count"], sheet, _header(sheets, "estates", "dwelling_count"),
                       errors, 1, "a whole number of households, at least 1")
    buildings = _whole(col["building_count"], sheet, _header(sheets, "estates", "building_count"),
                       errors, 1, "a whole number of buildings, at least 1")
    area = np.full(len(e), -1, dtype=np.int64)
    header = _header(sheets, "estates", "floor_area_m2")
    for i, v in enumerate(col["floor_area_m2"].to_numpy()):
        if v is None:
            continue
        try:
            d = decimal.Decimal(str(v)) * 100
        except decimal.InvalidOperation:
            d = None
        if d is None or d != d.to_integral_value() or d <= 0:
            d2 = None
            try:  # Excel's binary numbers: 1234.5 may be stored as 1234.4999999999998
                f = float(v) * 100
                if abs(f - round(f)) < 1e-6 and f > 0:
                    d2 = round(f)
            except ValueError:
                pass
            if d2 is None:
                errors.add(sheet, e.index[i], header, v, "expected a floor area in m², > 0, at most "
                           "two decimals")
                continue
            area[i] = d2
        else:
            area[i] = int(d)
    cost = np.full(len(e), None, dtype=object)
    header = _header(sheets, "estates", "estimated_cost_wan")
    for i, v in enumerate(col["estimated_cost_wan"].to_numpy()):
        if v is None:
            continue
        fen = _wan_to_fen(v)
        if fen is None:
            errors.add(sheet, e.index[i], header, v,
                       "expected 万元 as a number >= 0 with at most six decimals (whole fen)")
        else:
            cost[i] = fen
    return _Totals(dwellings, buildings, area, cost)


def _wan_to_fen(v: Any) -> Optional[int]:
    """万元 text → whole fen (1 万元 = 1,000,000 fen), exactly; None when not whole."""
    try:
        d = decimal.Decimal(str(v).replace(",", "")) * 1_000_000
    except decimal.InvalidOperation:
        return None
    if not d.is_finite() or d < 0:
        return None
    if d != d.to_integral_value():
        f = float(v) * 1_000_000  # a binary double from Excel: nearest whole fen
        if abs(f - round(f)) > 1e-3:
            return None
        return int(round(f))
    return int(d)


def _apply_totals(sheets: Dict[str, _Sheet], totals: _Totals, errors: _Errors
                  ) -> Tuple[pd.DataFrame, pd.DataFrame, Optional[pd.DataFrame]]:
    """Buildings, dwellings (and owners, when the survey has an owners sheet) with the
    rows made from the estates' totals appended; totals of estates with rows checked
    against them."""
    e = sheets["estates"].frame
    b = sheets["buildings"].frame
    d = sheets["dwellings"].frame
    sheet = sheets["estates"].name
    estate_ids = e["estate_id"].to_numpy(dtype=object) if "estate_id" in e.columns else \
        np.full(len(e), None, dtype=object)
    listed_buildings = b["estate_id"] if "estate_id" in b.columns else pd.Series([], dtype=object)
    has_rows = pd.Index(estate_ids).isin(listed_buildings.dropna())
    # Estates with rows: their totals must agree with them.
    building_counts = listed_buildings.value_counts()
    if "building_id" in d.columns and "building_id" in b.columns and "estate_id" in b.columns:
        estate_of_building = pd.Series(b["estate_id"].to_numpy(), index=b["building_id"].to_numpy())
        estate_of_building = estate_of_building[~estate_of_building.index.duplicated()]
        dwelling_counts = d["building_id"].map(estate_of_building).value_counts()
    else:
        dwelling_counts = pd.Series(dtype=np.int64)
    for i in np.flatnonzero(has_rows):
        eid = estate_ids[i]
        for given, counted, key in ((totals.buildings[i], building_counts.get(eid, 0), "building_count"),
                                    (totals.dwellings[i], dwelling_counts.get(eid, 0), "dwelling_count")):
            if given >= 0 and given != counted:
                errors.add(sheet, e.index[i], _header(sheets, "estates", key), str(given),
                           f"the rows list {counted} (give the total only for an estate without "
                           f"rows, or make them agree)")
    # Estates without rows but with totals: made-up buildings and dwellings.
    make = ~has_rows & (totals.dwellings > 0) & np.array([x is not None for x in estate_ids], bool)
    for i in np.flatnonzero(~has_rows & (totals.dwellings > 0)):
        h, n_b, a = totals.dwellings[i], totals.buildings[i], totals.area_centi[i]
        if n_b > h:
            errors.add(sheet, e.index[i], _header(sheets, "estates", "building_count"), str(n_b),
                       f"more buildings than households ({h})")
            make[i] = False
        if a < 0:
            errors.add(sheet, e.index[i], _header(sheets, "estates", "floor_area_m2"), None,
                       "required with 总户数 when the estate has no dwelling rows")
            make[i] = False
        elif a < h or a > h * 1_000_000:
            errors.add(sheet, e.index[i], _header(sheets, "estates", "floor_area_m2"),
                       f"{a / 100:.2f}", f"shared among {h} households each gets more than "
                       f"10000 m² or less than 0.01 m²")
            make[i] = False
    rows = np.flatnonzero(make)
    if not len(rows):
        return b, d, sheets["owners"].frame if "owners" in sheets else None
    ids = estate_ids[rows]
    households = totals.dwellings[rows]
    n_buildings = np.where(totals.buildings[rows] > 0, totals.buildings[rows], 1)
    labels = [_Synthesised(e.index[i]) for i in rows]
    # Buildings: <estate>-T1 ... <estate>-T<n>.
    b_estate = np.repeat(ids, n_buildings)
    b_k = np.concatenate([np.arange(1, n + 1) for n in n_buildings])
    b_ids = np.array([f"{eid}-T{k}" for eid, k in zip(b_estate, b_k)], dtype=object)
    b_label = np.repeat(np.array(labels, dtype=object), n_buildings)
    made_b = pd.DataFrame({"building_id": b_ids, "estate_id": b_estate,
                           "name": _SYNTH_BUILDING_NAME}, index=pd.Index(b_label, dtype=object))
    # Households shared among the buildings, the first ones taking one more.
    base = np.repeat(households // n_buildings, n_buildings)
    extra = np.repeat(households % n_buildings, n_buildings)
    per_building = base + (b_k - 1 < extra)
    d_building = np.repeat(b_ids, per_building)
    d_n = np.concatenate([np.arange(1, n + 1) for n in per_building])
    d_ids = np.array([f"{bid}-1-{n}" for bid, n in zip(d_building, d_n)], dtype=object)
    # The floor area shared to the 0.01 m² (largest remainder: the first ones +0.01).
    area = totals.area_centi[rows]
    position = np.concatenate([np.arange(h) for h in households])
    d_area = np.repeat(area // households, households) + \
        (position < np.repeat(area % households, households))
    d_label = np.repeat(np.array(labels, dtype=object), households)
    made_d = pd.DataFrame({"dwelling_id": d_ids, "building_id": d_building, "entrance_id": "1",
                           "area_centi_m2": d_area, "exclusive_area_m2": d_area / 100.0,
                           "owner_ids": d_ids}, index=pd.Index(d_label, dtype=object))
    if "exclusive_area_m2" not in d.columns and "area_centi_m2" in d.columns:
        made_d = made_d.drop(columns="exclusive_area_m2")
    if "area_centi_m2" not in d.columns and "exclusive_area_m2" in d.columns:
        made_d = made_d.drop(columns="area_centi_m2")
    owners = sheets["owners"].frame if "owners" in sheets else None
    if owners is not None:
        owners = pd.concat([owners, pd.DataFrame({"owner_id": d_ids},
                                                 index=pd.Index(d_label, dtype=object))])
    return pd.concat([b, made_b]), pd.concat([d, made_d]), owners


# --- read_survey --------------------------------------------------------------------

_MESSAGE = re.compile(r'^(\w+) row (.+?)(?: "(.*?)")? (\w+):? (.*)$', re.S)


def read_survey(path: PathLike, current_year: int = 0) -> Registry:
    """A Registry from a survey: an .xlsx workbook (sheets 小区, 楼栋, 房屋, 业主, 区,
    街道, 单元, or the table names of :func:`renewal.Registry.to_frames`), a folder of
    .csv files named the same way, or one .csv file (the 小区 sheet, unless its name
    says which). Headers in Chinese (the template's) or the frames' column names.

    Values (docs/survey.md): yes/no as 是/否, 有/无, 1/0 or true/false in any case,
    blank = not surveyed; labels by Chinese name, English name or key; hazards "无" =
    surveyed, none found; an estate without building and dwelling rows may give its
    totals (总户数, 楼栋数, 总建筑面积), from which buildings and dwellings are made.

    :raises renewal.InvalidArgumentError: every error found, at once; ``err.errors``
        is a DataFrame with the columns sheet, row (as Excel numbers them, the header
        being row 1), column (the header as written), value and message.
    :raises FileNotFoundError: no such file.
    """
    path = os.fspath(path)
    errors = _Errors()
    sheets = _sheets(path, errors)
    if "estates" not in sheets:
        errors.add(None, None, None, None, "no 小区 (estates) sheet")
        errors.raise_if_any(path)
    for table in ("owners", "districts", "streets", "entrances"):
        if table in sheets and not len(sheets[table].frame):
            del sheets[table]  # left empty (as in the template): as if absent
    for table, keys in (("buildings", ("building_id", "estate_id")),
                        ("dwellings", ("dwelling_id", "building_id", "entrance_id",
                                       "exclusive_area_m2", "owner_ids"))):
        if table not in sheets:
            sheets[table] = _Sheet(table, dict(SHEETS)[table], _empty(table, keys), {})
    totals = _read_totals(sheets, errors)
    buildings, dwellings = sheets["buildings"].frame, sheets["dwellings"].frame
    owners = sheets["owners"].frame if "owners" in sheets else None
    if totals is not None:
        buildings, dwellings, owners = _apply_totals(sheets, totals, errors)
    frame_errors: List[Dict[str, Any]] = []
    tables = _frames._frame_columns(
        sheets["estates"].frame, buildings, dwellings, owners, None,
        entrances=sheets["entrances"].frame if "entrances" in sheets else None,
        districts=sheets["districts"].frame if "districts" in sheets else None,
        streets=sheets["streets"].frame if "streets" in sheets else None, errors=frame_errors)
    _frames._check_columns(tables, frame_errors, int(current_year))
    for err in frame_errors:
        _add_frame_error(errors, sheets, err)
    errors.raise_if_any(path)
    try:
        return Registry._from_columns(tables, int(current_year))
    except _core.Error as e:  # a rule only the builder checks: one error, as a table
        _add_builder_error(errors, sheets, str(e.args[0]) if e.args else str(e))
        errors.raise_if_any(path)
        raise  # pragma: no cover


def _add_frame_error(errors: _Errors, sheets: Dict[str, _Sheet], err: Dict[str, Any]) -> None:
    table, row, column = err["table"], err["row"], err["column"]
    if isinstance(row, _Synthesised):
        errors.add(_sheet_name(sheets, "estates"), row.row, _header(sheets, "estates", "dwelling_count"),
                   None, f"{table} made from the totals: {column}: {err['message']}")
        return
    if row is None and err["message"].startswith("missing column"):
        errors.add(_sheet_name(sheets, table), 1, _header(sheets, table, column), None,
                   _MISSING_COLUMN)
        return
    errors.add(_sheet_name(sheets, table), row, _header(sheets, table, column), err["value"],
               err["message"])


def _add_builder_error(errors: _Errors, sheets: Dict[str, _Sheet], message: str) -> None:
    m = _MESSAGE.match(message)
    if m is None or m.group(1) not in dict(SHEETS):
        errors.add(None, None, None, None, message)
        return
    table, row, ident, column, text = m.groups()
    try:
        row_number: Any = int(row)
    except ValueError:
        row_number = None
    errors.add(_sheet_name(sheets, table), row_number, _header(sheets, table, column), ident,
               text)


def estate_totals(path: PathLike) -> pd.DataFrame:
    """The 小区 sheet's totals (docs/survey.md "Totals"): ``estate_id``,
    ``dwelling_count``, ``building_count``, ``floor_area_centi_m2`` and ``cost_fen``
    (``Int64``, ``<NA>`` when blank), one row per estate. The estimated cost is not a
    fact of the registry; this is where it is read, for a plan's project library.

    :raises renewal.InvalidArgumentError: every bad total, as :func:`read_survey` does.
    """
    path = os.fspath(path)
    errors = _Errors()
    only = {name for _, name in SHEETS[:1]} | {"estates"}
    sheets = _sheets(path, errors, only if path.lower().endswith((".xlsx", ".xlsm")) else None)
    if "estates" not in sheets:
        errors.add(None, None, None, None, "no 小区 (estates) sheet")
    errors.raise_if_any(path)
    n = len(sheets["estates"].frame)
    totals = _read_totals(sheets, errors) or _Totals(
        np.full(n, -1), np.full(n, -1), np.full(n, -1), np.full(n, None, dtype=object))
    errors.raise_if_any(path)
    e = sheets["estates"].frame

    def nullable(v: np.ndarray) -> pd.arrays.IntegerArray:
        return pd.arrays.IntegerArray(np.where(v < 0, 0, v).astype(np.int64), v < 0)

    return pd.DataFrame({
        "estate_id": e["estate_id"].to_numpy(dtype=object) if "estate_id" in e.columns else None,
        "dwelling_count": nullable(totals.dwellings), "building_count": nullable(totals.buildings),
        "floor_area_centi_m2": nullable(totals.area_centi),
        "cost_fen": pd.array(list(totals.cost_fen), dtype="Int64")})


# --- the template -----------------------------------------------------------------

def _accepted(c: Column) -> str:
    if c.kind == "bool":
        return "是/否（或 有/无、1/0、true/false）；空白=未调查"
    if c.kind.startswith("label:"):
        names = [zh for key, zh, en in _core.labels(c.kind[6:]) if key != "unknown"]
        return "、".join(names) + "；空白=未调查"
    return {"id": "文字，必填，不可重复", "ref": "文字" + ("，必填" if c.required else ""),
            "text": "文字", "int": "整数", "year": "四位年份", "number": "数字",
            "hazards": "、".join(zh for _, zh, _ in _core.labels("hazard")) + "，多项用；分隔；"
                       "无隐患填“无”；空白=未调查",
            "owners": "业主编号，共有人用；分隔", "count": "整数",
            "area": "数字（㎡），至多两位小数", "money": "数字（万元），至多六位小数",
            "ignored": "读入时不用"}[c.kind] + ("" if c.kind in ("ignored",) or c.required or
                                              c.kind == "hazards" else "；空白=未知")


def survey_template(path: PathLike) -> None:
    """Writes the survey template: one sheet per table with the Chinese headers,
    drop-down lists for yes/no and label columns, and a 说明 sheet listing every column
    (Chinese and English meaning, accepted values). Written whole or not at all."""
    import xlsxwriter

    path = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(suffix=".xlsx", dir=directory)
    os.close(fd)
    try:
        wb = xlsxwriter.Workbook(tmp)
        wb.set_properties({"title": "城镇老旧小区改造调查表", "created": datetime.datetime(2026, 1, 1)})
        head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                              "valign": "vcenter"})
        required = wb.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1,
                                  "text_wrap": True, "valign": "vcenter"})
        wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        notes = wb.add_worksheet(_NOTES_SHEET)
        notes.write(0, 0, "城镇老旧小区改造调查表 说明 (docs/survey.md)", head)
        intro = ("每张表第一行为列名，从第二行起每行一条记录。橙色列必填。"
                 "是/否列空白表示未调查（不同于“否”）。"
                 "没有楼栋、房屋明细的小区，可在“小区”表填总户数、楼栋数、总建筑面积，"
                 "系统按总数生成楼栋和房屋（见 docs/survey.md）。列名以“备注”或“#”开头的列不读入。")
        notes.write(1, 0, intro, wrap)
        titles = ["表", "列名", "字段", "含义", "meaning", "必填", "可填的值"]
        for k, t in enumerate(titles):
            notes.write(3, k, t, head)
        r = 4
        for table, zh in SHEETS:
            for c in COLUMNS:
                if c.table != table:
                    continue
                notes.write_row(r, 0, [zh, c.zh, c.key, c.meaning_zh, c.meaning_en,
                                       "是" if c.required else "", _accepted(c)], wrap)
                r += 1
        for k, width in enumerate((8, 26, 30, 36, 44, 6, 60)):
            notes.set_column(k, k, width)
        for table, zh in SHEETS:
            ws = wb.add_worksheet(zh)
            ws.freeze_panes(1, 0)
            ws.set_row(0, 32)
            columns = [c for c in COLUMNS if c.table == table and c.kind != "ignored"
                       and c.key not in _NOT_IN_TEMPLATE]
            for k, c in enumerate(columns):
                ws.write(0, k, c.zh, required if c.required else head)
                ws.set_column(k, k, max(10, 2 * len(c.zh) + 2))
                choices: Optional[List[str]] = None
                if c.kind == "bool":
                    choices = ["是", "否"]
                elif c.kind.startswith("label:"):
                    choices = [zh for key, zh, en in _core.labels(c.kind[6:]) if key != "unknown"]
                if choices and len(",".join(choices)) < 255:
                    ws.data_validation(1, k, 1_048_575, k, {
                        "validate": "list", "source": choices, "error_type": "warning",
                        "input_title": c.zh[:32], "input_message": _accepted(c)[:255]})
        wb.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as a file made with open() would be
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python3 -m renewal survey-template -o FILE.xlsx``: writes the template (the
    ``renewal survey-template`` command runs this). Exit 0 written, 1 not written."""
    ap = argparse.ArgumentParser(prog="python3 -m renewal",
                                 description="The survey template (docs/survey.md).")
    sub = ap.add_subparsers(dest="action", required=True)
    t = sub.add_parser("survey-template", help="write the survey template (.xlsx)")
    t.add_argument("-o", "--output", required=True, help="the workbook to write (.xlsx)")
    args = ap.parse_args(argv)
    if not args.output.lower().endswith(".xlsx"):
        print(f"-o: the template is an .xlsx workbook, got {args.output!r}", file=sys.stderr)
        return 1
    try:
        survey_template(args.output)
    except OSError as e:
        print(f"{args.output}: cannot write the template ({e.strerror or e})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
