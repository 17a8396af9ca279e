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
_CELL = re.compile(r'<c r="([A-Z]{1,3})(\d+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
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


def _sheet_frame(xml: str, shared: List[str]) -> Tuple[List[Optional[str]], pd.DataFrame]:
    """The header row's texts and the data rows, indexed by their row number (the
    header's row is the first row with a value); every value is str or None."""
    if "<c " in xml and '<c r="' not in xml:
        raise Unreadable("cells without references")
    columns: Dict[str, Tuple[List[str], List[str]]] = {}
    for col, row, attrs, inner in _CELL.findall(xml):
        if not inner:
            continue
        if attrs and 't="' in attrs:
            if 't="s"' in attrs:
                m = _VALUE.search(inner)
                if m is None:
                    continue
                value = shared[int(m.group(1))]
            elif 't="inlineStr"' in attrs:
                value = _text_of(inner)
            else:  # b (1/0), str (a formula's text), e (an error such as #N/A), n
                m = _VALUE.search(inner)
                if m is None:
                    continue
                value = m.group(1)
                if "&" in value:
                    value = html.unescape(value)
                elif 't="n"' in attrs and len(value) > 15 and "E" not in value:
                    value = repr(float(value))
        elif inner.startswith("<v>"):
            value = inner[3:-4]
            if len(value) > 15 and "E" not in value:
                value = repr(float(value))  # 72.34999999999999 is the double 72.35
        else:
            m = _VALUE.search(inner)
            if m is None:
                continue
            value = m.group(1)
        value = value.strip()
        if not value:
            continue
        entry = columns.get(col)
        if entry is None:
            entry = columns[col] = ([], [])
        entry[0].append(row)
        entry[1].append(value)
    if not columns:
        return [], pd.DataFrame()
    rows_of = {col: np.array(r, dtype=np.int64) for col, (r, _) in columns.items()}
    first = int(min(r[0] for r in rows_of.values()))  # cells come in row order
    all_rows = np.unique(np.concatenate(list(rows_of.values())))
    data_rows = all_rows[all_rows > first]
    ordered = sorted(columns, key=_column_number)
    width = _column_number(ordered[-1])
    header: List[Optional[str]] = [None] * width
    data: Dict[int, np.ndarray] = {}
    for col in ordered:
        rows, values = rows_of[col], columns[col][1]
        k = _column_number(col) - 1
        if rows[0] == first:
            header[k] = values[0]
            rows, values = rows[1:], values[1:]
        out = np.full(len(data_rows), None, dtype=object)
        if len(rows) == len(data_rows):
            out[:] = values  # a full column: no lookup
        else:
            out[np.searchsorted(data_rows, rows)] = values
        data[k] = out
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
