"""The cell values of an .xlsx workbook's sheets as text, fast (docs/survey.md "Speed").

openpyxl builds a Python object per cell with its style, which for a 200,000-row survey
sheet takes 35-40 s (pandas.read_excel uses it). A survey needs only each cell's value,
so this reader takes the sheet's XML from the zip file and finds the cells with one
regular expression (SpreadsheetML, ECMA-376 part 1, 18.3.1.4 ``c``): a few seconds.

Values are returned as written: text as text; numbers, booleans (``1``/``0``) and
formula results as the text of their ``<v>`` element; the survey's readers convert them.
Anything this reader does not understand (a sheet without cell references, a
workbook it cannot open) raises :class:`Unreadable`, and the caller reads the file with
openpyxl instead, so an unusual writer is slower, never wrong.
"""

from __future__ import annotations

import html
import re
import zipfile
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TEXT = re.compile(r"<t(?:\s[^>]*)?>([^<]*)</t>|<t(?:\s[^>]*)?/>")
_VALUE = re.compile(r"<v(?:\s[^>]*)?>([^<]*)</v>")
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.S)
_SI = re.compile(r"<si>(.*?)</si>|<si/>", re.S)
_SHEET = re.compile(r"<sheet\b([^>]*)/?>")
_ATTR = re.compile(r'([\w:]+)="([^"]*)"')
_REL = re.compile(r"<Relationship\b([^>]*)/?>")


class Unreadable(Exception):
    """The fast path cannot read this workbook; use openpyxl."""


def _text_of(fragment: str) -> str:
    """The text of a rich or plain string (``<t>`` runs, phonetic runs left out)."""
    if "<rPh" in fragment:
        fragment = _PHONETIC.sub("", fragment)
    parts = _TEXT.findall(fragment)
    text = parts[0] if len(parts) == 1 else "".join(parts)
    return html.unescape(text) if "&" in text else text


def _attrs(tag: str) -> Dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(tag)}


def _sheet_paths(z: zipfile.ZipFile) -> List[Tuple[str, str]]:
    """(sheet name, member path) in workbook order."""
    workbook = z.read("xl/workbook.xml").decode("utf-8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {}
    for tag in _REL.findall(rels):
        a = _attrs(tag)
        target = a.get("Target", "")
        if target.startswith("/"):
            target = target[1:]
        elif not target.startswith("xl/"):
            target = "xl/" + target
        targets[a.get("Id")] = target
    out = []
    for tag in _SHEET.findall(workbook):
        a = _attrs(tag)
        rid = next((v for k, v in a.items() if k.endswith(":id")), None)
        if rid not in targets:
            raise Unreadable(f"sheet {a.get('name')!r} has no part")
        out.append((a.get("name", ""), targets[rid]))
    return out


def _shared_strings(z: zipfile.ZipFile) -> List[str]:
    try:
        xml = z.read("xl/sharedStrings.xml").decode("utf-8")
    except KeyError:
        return []
    return [_text_of(m) if m else "" for m in _SI.findall(xml)]


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


# The usual cell forms, captured whole: a plain <v> value (number, shared-string index,
# boolean) or a one-run inline string; anything else (formulas, rich text) in `other`.
_CELL_FORMS = re.compile(
    r'<c r="([A-Z]{1,3})(\d+)"([^>]*?)(?:/>|>(?:<v>([^<]*)</v>|<is><t(?:\s[^>]*)?>([^<]*)</t></is>'
    r'|(.*?))</c>)', re.S)


_ANY_CELL = re.compile(r"<(?:\w+:)?c[\s/>]")

_K_NUMBER, _K_SHARED, _K_TEXT = 0, 1, 2


def _kind(attrs: str) -> int:
    """A cell's attributes: a number (no type, or t="n"), a shared string, or text
    written in the cell (inline strings, formula text, booleans, errors)."""
    if 't="s"' in attrs:
        return _K_SHARED
    if 't="' not in attrs or 't="n"' in attrs:
        return _K_NUMBER
    return _K_TEXT


def _cell_value(attrs: str, other: str, shared: List[str]) -> str:
    """A cell in a rarer form: a formula with its cached value, rich inline text."""
    if 't="inlineStr"' in attrs:
        return _text_of(other)
    m = _VALUE.search(other)
    if m is None:
        return ""
    value = m.group(1)
    if 't="s"' in attrs:
        return shared[int(value)]
    return html.unescape(value) if "&" in value else value


def _sheet_frame(xml: str, shared: List[str]) -> Tuple[List[Optional[str]], pd.DataFrame]:
    """The header row's texts and the data rows, indexed by their row number (the
    header's row is the first row with a value); every value is str or None.

    One regular expression finds the cells; the values are then decoded a column at a
    time with numpy (shared strings by index, entities, numbers), not cell by cell."""
    cells = _CELL_FORMS.findall(xml)
    # Every cell element must be one the expression read whole: a writer that puts the
    # reference after other attributes, omits it or prefixes the namespace (<x:c>) goes
    # to openpyxl rather than losing cells.
    if len(_ANY_CELL.findall(xml)) != len(cells):
        raise Unreadable("cells in a form this reader does not know")
    if not cells:
        return [], pd.DataFrame()
    table = np.array(cells, dtype=object)  # (cells, 6): one call, not six
    letters, rows_text, attrs, plain, inline, other = (table[:, k] for k in range(6))
    rows = rows_text.astype(np.int64)
    # The attributes take a few distinct forms (style and type): classified once each.
    attr_codes, attr_forms = pd.factorize(attrs)
    kinds = np.array([_kind(a) for a in attr_forms], dtype=np.int8)[attr_codes]
    values = np.where(inline != "", inline, plain)
    is_shared = (kinds == _K_SHARED) & (plain != "")
    if is_shared.any():
        strings = np.array([t.strip() for t in shared] + [""], dtype=object)
        values[is_shared] = strings[plain[is_shared].astype(np.int64)]
    for i in np.flatnonzero(other != ""):
        values[i] = _cell_value(attrs[i], other[i], shared)
    if "&" in xml:  # entities outside the shared strings (decoded with them)
        idx = np.flatnonzero(~is_shared)
        values[idx] = [html.unescape(v) if "&" in v else v for v in values[idx]]
    # Numbers Excel writes with 17 digits: the shortest text of the same double.
    idx = np.flatnonzero(kinds == _K_NUMBER)
    numbers = values[idx]
    long = np.fromiter(map(len, numbers), np.int64, len(numbers)) > 15
    if long.any():
        values[idx[long]] = [v if "E" in v else repr(float(v)) for v in numbers[long]]
    idx = np.flatnonzero(kinds == _K_TEXT)
    values[idx] = [v.strip() for v in values[idx]]
    keep = values != ""
    letters, rows, values = letters[keep], rows[keep], values[keep]
    if not len(values):
        return [], pd.DataFrame()
    first = int(rows.min())
    header_cells = rows == first
    data_rows = np.unique(rows[~header_cells])
    column_of = {c: _column_number(c) for c in pd.unique(letters)}
    width = max(column_of.values())
    header: List[Optional[str]] = [None] * width
    for c, v in zip(letters[header_cells], values[header_cells]):
        header[column_of[c] - 1] = v
    data: Dict[int, np.ndarray] = {}
    codes, uniques = pd.factorize(letters[~header_cells])
    data_values, positions = values[~header_cells], \
        np.searchsorted(data_rows, rows[~header_cells])
    for code, c in enumerate(uniques):
        mine = codes == code
        out = np.full(len(data_rows), None, dtype=object)
        out[positions[mine]] = data_values[mine]
        data[column_of[c] - 1] = out
    frame = pd.DataFrame({k: data.get(k, np.full(len(data_rows), None, dtype=object))
                          for k in range(width)}, index=pd.Index(data_rows, name="row"))
    return header, frame


def read_sheets(path: str, only: Optional[set] = None
                ) -> List[Tuple[str, List[Optional[str]], pd.DataFrame]]:
    """Every sheet (or those named in ``only``) as (name, header texts, data frame
    with positional column labels and the Excel row numbers as index).

    :raises Unreadable: the fast path cannot read it (use openpyxl).
    :raises zipfile.BadZipFile: not an .xlsx file at all.
    """
    with zipfile.ZipFile(path) as z:
        try:
            sheets = _sheet_paths(z)
            shared = _shared_strings(z)
            out = []
            for name, member in sheets:
                if only is not None and name not in only:
                    continue
                xml = z.read(member).decode("utf-8")
                header, frame = _sheet_frame(xml, shared)
                out.append((name, header, frame))
            return out
        except (KeyError, IndexError, ValueError) as e:
            raise Unreadable(str(e)) from e


def read_sheets_openpyxl(path: str, only: Optional[set] = None
                         ) -> List[Tuple[str, List[Optional[str]], pd.DataFrame]]:
    """The same as :func:`read_sheets` through openpyxl (read-only, values only)."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        out = []
        for ws in wb.worksheets:
            if only is not None and ws.title not in only:
                continue
            header: List[Optional[str]] = []
            first = None
            rows: List[int] = []
            values: List[List[Optional[str]]] = []
            for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = [_cell_text(v) for v in row]
                if all(c is None for c in cells):
                    continue
                if first is None:
                    first, header = r, cells
                    continue
                rows.append(r)
                values.append(cells)
            width = max([len(header)] + [len(v) for v in values])
            header = header + [None] * (width - len(header))
            frame = pd.DataFrame([v + [None] * (width - len(v)) for v in values],
                                 index=pd.Index(np.array(rows, dtype=np.int64), name="row"),
                                 columns=range(width), dtype=object)
            out.append((ws.title, header, frame))
        return out
    finally:
        wb.close()


def _cell_text(v) -> Optional[str]:
    if v is None:
        return None
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        return repr(int(v)) if v.is_integer() else repr(v)
    text = str(v).strip()
    return text or None
