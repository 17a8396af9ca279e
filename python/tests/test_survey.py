"""Survey spreadsheets in (docs/survey.md): read_survey of Excel and CSV, the template
with Chinese headers, every error at once as a table, estate totals; round trips from
to_frames through Excel and CSV give an equal registry."""

import json
import pathlib
import subprocess

import numpy as np
import openpyxl
import pandas as pd
import pytest
import xlsxwriter

import renewal
from renewal import _xlsx, survey
from test_frames import DOC

YEAR = 2026


@pytest.fixture()
def city():
    return renewal.Registry.loads(json.dumps(DOC, ensure_ascii=False), current_year=YEAR)


def write_xlsx(path, frames, engine="openpyxl"):
    with pd.ExcelWriter(path, engine=engine) as w:
        for name, frame in frames.items():
            frame.to_excel(w, sheet_name=name, index=False)
    return path


def write_csv(folder, frames):
    folder.mkdir(exist_ok=True)
    for name, frame in frames.items():
        frame.to_csv(folder / f"{name}.csv", index=False)  # pandas' defaults: NA is blank
    return folder


def errors_of(path, **kw):
    with pytest.raises(renewal.InvalidArgumentError) as e:
        renewal.read_survey(path, current_year=YEAR, **kw)
    return e.value.errors


# --- round trips ------------------------------------------------------------------

@pytest.mark.parametrize("engine", ["openpyxl", "xlsxwriter"])
def test_to_frames_excel_read_survey_is_equal(city, tmp_path, engine):
    book = write_xlsx(tmp_path / "city.xlsx", city.to_frames(), engine)
    assert renewal.read_survey(book, current_year=YEAR) == city


def test_to_frames_csv_read_survey_is_equal(city, tmp_path):
    folder = write_csv(tmp_path / "city", city.to_frames())
    assert renewal.read_survey(folder, current_year=YEAR) == city


def test_surveyed_no_hazards_is_not_unknown_through_csv_and_excel(city, tmp_path):
    """E1: surveyed, none found; E2: not surveyed. The frame writes "none" for the first,
    which a CSV keeps (the issue: "" and NA both became a blank cell, so 'unknown')."""
    e = city.to_frame("estates").set_index("estate_id")
    assert e.loc["E1", "safety_hazards"] == "none" and pd.isna(e.loc["E2", "safety_hazards"])
    for path in (write_csv(tmp_path / "c", city.to_frames()),
                 write_xlsx(tmp_path / "c.xlsx", city.to_frames())):
        again = renewal.read_survey(path, current_year=YEAR).to_frame("estates")
        assert list(again["safety_hazards"].fillna("<NA>")) == ["none", "<NA>", "fire;gas"]


def test_elevator_as_zero_one_and_words(city, tmp_path):
    """elevator 1/0 (the issue's `expected true or false, got 0`), 是/否 and TRUE/false
    in any case; blank is not surveyed."""
    frames = city.to_frames()
    for values in ([0, None, 1], ["否", None, "是"], ["FALSE", None, "True"], ["无", "", "有"]):
        frames["estates"]["elevator"] = pd.Series(values, dtype=object)
        for path in (write_xlsx(tmp_path / "e.xlsx", frames), write_csv(tmp_path / "e", frames)):
            got = renewal.read_survey(path, current_year=YEAR).to_frame("estates")["elevator"]
            assert list(got) == [False, pd.NA, True], (values, path)


def test_blank_area_is_an_error_table_not_a_keyerror(city, tmp_path):
    frames = city.to_frames()
    frames["dwellings"] = frames["dwellings"].drop(columns="area_centi_m2")
    frames["dwellings"].loc[1, "exclusive_area_m2"] = np.nan  # the second dwelling row
    for path in (write_xlsx(tmp_path / "a.xlsx", frames), write_csv(tmp_path / "a", frames)):
        table = errors_of(path)
        assert list(table.columns) == ["sheet", "row", "column", "value", "message"]
        # Row 3: the header is row 1, the first dwelling row 2.
        assert table[["sheet", "row", "column"]].values.tolist() == [
            ["dwellings", 3, "exclusive_area_m2"]]
        assert "missing" in table["message"][0]
    frames["dwellings"] = frames["dwellings"].drop(columns="exclusive_area_m2")
    table = errors_of(write_xlsx(tmp_path / "b.xlsx", frames))
    assert table[["sheet", "row", "column", "message"]].values.tolist() == [
        ["dwellings", 1, "专有部分面积（㎡）", "missing column (required)"]]


# --- every error at once -------------------------------------------------------------

def fill(book_path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(book_path)
    return book_path


def test_every_error_at_once_with_excel_row_numbers(tmp_path):
    book = fill(tmp_path / "bad.xlsx", {
        "小区": [["小区编号", "小区名称", "所属区", "有无电梯", "结构类型", "安全隐患", "建成年份"],
                 ["E1", "甲小区", "D1", 1, "砖混", "无", 1990],
                 ["E2", "乙小区", "D1", 0, "木头", None, 1985],
                 ["E1", "丙小区", "D1", "也许", None, None, 2099],
                 [None, "丁小区", "D1"]],
        "楼栋": [["楼栋编号", "小区编号"], ["B1", "E1"], ["B2", "E9"]],
        "房屋": [["房屋编号", "楼栋编号", "单元", "专有部分面积（㎡）", "业主编号"],
                 ["B1-1-101", "B1", 1, 72.35, "O1"],
                 ["B1-1-102", "B1", 1, None, "O2"],
                 ["B1-1-103", "B1", 1, 50.123, "O3"]],
    })
    table = errors_of(book)
    got = sorted(map(tuple, table[["sheet", "row", "column"]].values.tolist()))
    assert got == sorted([
        ("小区", 3, "结构类型"),       # 木头 is not a structure
        ("小区", 3, "小区编号"),       # E2 has no buildings
        ("小区", 4, "小区编号"),       # E1 again
        ("小区", 4, "有无电梯"),       # 也许
        ("小区", 4, "建成年份"),       # 2099 > 2026
        ("小区", 5, "小区编号"),       # blank
        ("楼栋", 3, "小区编号"),       # no estate E9
        ("楼栋", 3, "楼栋编号"),       # B2 has no dwellings
        ("房屋", 3, "专有部分面积（㎡）"),  # blank
        ("房屋", 4, "专有部分面积（㎡）"),  # three decimals
    ])
    by = {(s, r, c): (v, m) for s, r, c, v, m in table.itertuples(index=False)}
    assert by[("小区", 4, "小区编号")] == ("E1", "duplicate estate ID (first on row 2)")
    assert by[("小区", 3, "结构类型")][0] == "木头" and "砖混" in by[("小区", 3, "结构类型")][1]
    assert by[("小区", 4, "有无电梯")][0] == "也许"
    assert by[("小区", 5, "小区编号")] == (None, "required, but blank")


def test_owners_named_but_not_listed(tmp_path):
    """With an 业主 sheet, every owner a dwelling names (co-owners split at ;) must be in it."""
    book = fill(tmp_path / "o.xlsx", {
        "小区": [["小区编号", "所属区"], ["E1", "D1"]],
        "楼栋": [["楼栋编号", "小区编号"], ["B1", "E1"]],
        "房屋": [["房屋编号", "楼栋编号", "单元", "专有部分面积（㎡）", "业主编号"],
                 ["B1-1-101", "B1", 1, 72.35, "O1"],
                 ["B1-1-102", "B1", 1, 60, "O1;O9"],
                 ["B1-1-103", "B1", 1, 60, "O1;O2"]],
        "业主": [["业主编号", "业主姓名"], ["O1", "张三"], ["O2", "李四"]],
    })
    table = errors_of(book)
    assert table[["sheet", "row", "column", "value"]].values.tolist() == [
        ["房屋", 3, "业主编号", "O1;O9"]]


def test_unknown_sheets_and_columns_are_errors_notes_are_skipped(tmp_path):
    book = fill(tmp_path / "x.xlsx", {
        "说明": [["anything"]],
        "小区": [["小区编号", "所属区", "有无电悌", "备注"], ["E1", "D1", "是", "随便写"]],
        "楼房": [["x"]],
    })
    table = errors_of(book)
    rows = [(s, None if pd.isna(r) else r, c)
            for s, r, c in table[["sheet", "row", "column"]].itertuples(index=False)]
    assert ("小区", 1, "有无电悌") in rows
    assert [s for s, r, c in rows if r is None] == ["楼房"]


def test_builder_only_rules_still_come_as_a_table(city, tmp_path):
    """A rule the column checks do not repeat (an ID with a control character) comes from
    the registry builder: one row, still an InvalidArgumentError with .errors."""
    frames = city.to_frames()
    frames["owners"].loc[0, "owner_id"] = "O\x01"
    frames["dwellings"]["owner_ids"] = frames["dwellings"]["owner_ids"].str.replace("O1", "O\x01")
    table = errors_of(write_csv(tmp_path / "ctl", frames))
    assert len(table) == 1 and table["sheet"][0] == "owners" and table["row"][0] == 2


def test_a_failed_read_changes_nothing(city, tmp_path):
    frames = city.to_frames()
    frames["estates"]["structure"] = frames["estates"]["structure"].astype(object)
    frames["estates"].loc[0, "structure"] = "泥土"
    folder = write_csv(tmp_path / "s", frames)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    errors_of(folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# --- totals ------------------------------------------------------------------------

def test_estate_totals_make_buildings_and_dwellings(tmp_path):
    """总户数 10, 楼栋数 3, 总建筑面积 700.05 m²: buildings of 4, 3 and 3 households
    (the first ones one more); 70005 (0.01 m²) / 10 = 7000 remainder 5, so the first five
    dwellings get 70.01 m² and the others 70.00 m², summing to the total exactly; one
    placeholder owner per dwelling (its own ID)."""
    path = tmp_path / "小区.csv"
    path.write_text("小区编号,所属区,小区名称,总户数,楼栋数,总建筑面积（㎡）,估算改造投资（万元）\n"
                    "T,D1,统计小区,10,3,700.05,123.456789\n", encoding="utf-8")
    city = renewal.read_survey(path, current_year=YEAR)
    b = city.to_frame("buildings")
    assert list(b["building_id"]) == ["T-T1", "T-T2", "T-T3"]
    assert list(b["dwelling_count"]) == [4, 3, 3]
    assert set(b["name"]) == {"按总数生成"}
    d = city.to_frame("dwellings")
    assert list(d["area_centi_m2"]) == [7001] * 5 + [7000] * 5
    assert d["area_centi_m2"].sum() == 70005
    assert list(d["dwelling_id"][:5]) == ["T-T1-1-1", "T-T1-1-2", "T-T1-1-3", "T-T1-1-4",
                                          "T-T2-1-1"]
    assert list(d["owner_ids"]) == list(d["dwelling_id"])
    totals = survey.estate_totals(path)
    assert totals.iloc[0].tolist() == ["T", 10, 3, 70005, 123456789]  # 万元 × 10^6 = fen


def test_totals_must_agree_with_rows_and_need_an_area(city, tmp_path):
    frames = city.to_frames()
    frames["estates"].loc[0, "dwelling_count"] = 5  # E1 lists 2 dwellings
    frames["estates"] = pd.concat([frames["estates"], pd.DataFrame(
        {"estate_id": ["T"], "district_id": ["D1"], "dwelling_count": [4], "building_count": [5]})],
        ignore_index=True)
    table = errors_of(write_xlsx(tmp_path / "t.xlsx", frames))
    got = [list(t) for t in table[["sheet", "row", "column"]].itertuples(index=False)]
    assert ["estates", 2, "dwelling_count"] in got           # 5 given, rows list 2
    assert ["estates", 5, "building_count"] in got           # 5 buildings for 4 households
    assert ["estates", 5, "总建筑面积（㎡）"] in got            # no floor area to share


# --- the template ------------------------------------------------------------------

def test_template_has_chinese_headers_and_reads_back(tmp_path):
    path = tmp_path / "调查表.xlsx"
    renewal.survey_template(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["说明", "小区", "楼栋", "房屋", "业主", "区", "街道", "单元"]
    headers = [c.value for c in wb["小区"][1]]
    assert headers[:4] == ["小区编号", "小区名称", "所属区", "所属街道"]
    assert "供水状况" in headers and "总户数" in headers
    # Filled in as a surveyor would: Chinese values, a blank meaning "not surveyed".
    rows = {"小区": ["E1", "洞庭小区", "岳阳楼区", None, 1990, "砖混"], "楼栋": ["B1", None, "E1", 6, "否"],
            "房屋": ["B1-1-101", "B1", "1", 72.35, None, "房改房", None, 1, "O1"]}
    for sheet, row in rows.items():
        wb[sheet].append(row)
    wb["小区"].cell(row=2, column=headers.index("供水状况") + 1, value="较差")
    wb["小区"].cell(row=2, column=headers.index("安全隐患") + 1, value="消防隐患；燃气隐患")
    wb["小区"].cell(row=2, column=headers.index("是否已综合改造") + 1, value="否")
    wb.save(path)
    city = renewal.read_survey(path, current_year=YEAR)
    e = city.to_frame("estates").iloc[0]
    assert (e["district_id"], e["build_year"], e["structure"]) == ("岳阳楼区", 1990, "brick_concrete")
    assert e["facility_water"] == "poor" and e["safety_hazards"] == "fire;gas"
    assert e["renovated"] == False and pd.isna(e["last_renovation_year"])  # noqa: E712  never
    assert pd.isna(e["elevator"]) and pd.isna(e["facility_roof"])           # not surveyed
    d = city.to_frame("dwellings").iloc[0]
    assert (d["area_centi_m2"], d["property_type"], d["floor"]) == (7235, "reform_housing", 1)


def test_every_template_column_is_documented(root):
    text = (root / "docs" / "survey.md").read_text(encoding="utf-8")
    missing = [c.zh for c in survey.COLUMNS if c.zh not in text and not c.key.startswith("facility_")]
    assert missing == []


def test_shipped_template_is_the_one_written(tmp_path):
    shipped = pathlib.Path(renewal.__file__).parent / "data" / "survey_template.xlsx"
    fresh = tmp_path / "t.xlsx"
    renewal.survey_template(fresh)

    def headers(p):
        wb = openpyxl.load_workbook(p)
        return {ws.title: [c.value for c in ws[1]] for ws in wb.worksheets}
    assert headers(shipped) == headers(fresh)


def test_cli_survey_template(tmp_path):
    binary = str(pathlib.Path(renewal.__file__).resolve().parents[2] / "renewal")
    out = tmp_path / "调查表.xlsx"
    run = subprocess.run([binary, "survey-template", "-o", str(out)], capture_output=True, text=True)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert "调查表.xlsx" in run.stdout
    assert out.stat().st_mode & 0o044  # readable by others, as any file the tool writes
    assert openpyxl.load_workbook(out).sheetnames[1] == "小区"
    help_text = subprocess.run([binary, "survey-template", "--help"], capture_output=True,
                               text=True).stdout
    assert "-o,--output" in help_text and "renewal survey-template -o 调查表.xlsx" in help_text
    # Not a workbook's name, or no -o: exit 1 (a wrong value), nothing written; a
    # positional argument: exit 2.
    for args, code in ((["-o", str(tmp_path / "t.csv")], 1), ([], 1), (["x", "-o", str(out)], 2)):
        run = subprocess.run([binary, "survey-template", *args], capture_output=True, text=True)
        assert run.returncode == code, (args, run.stderr)
    assert not (tmp_path / "t.csv").exists()


# --- the fast reader agrees with openpyxl ------------------------------------------

def test_fast_reader_equals_openpyxl(city, tmp_path):
    books = [write_xlsx(tmp_path / "o.xlsx", city.to_frames(), "openpyxl"),
             write_xlsx(tmp_path / "x.xlsx", city.to_frames(), "xlsxwriter")]
    streamed = tmp_path / "s.xlsx"  # inline strings, a formula, a boolean, escapes
    wb = xlsxwriter.Workbook(str(streamed), {"constant_memory": True})
    ws = wb.add_worksheet("小区")
    ws.write_row(0, 0, ["小区编号", "所属区", "有无电梯", "小区名称", "建成年份"])
    ws.write_row(1, 0, ["E1", "D1", True, "A&B <小区>", 1990])
    ws.write_formula(2, 4, "=1990+1", None, 1991)
    ws.write_row(2, 0, ["E2", "D1", False, "  空格  "])
    wb.close()
    books.append(streamed)
    for book in books:
        fast = _xlsx.read_sheets(str(book))
        slow = _xlsx.read_sheets_openpyxl(str(book))
        assert [(n, h) for n, h, _ in fast] == [(n, h) for n, h, _ in slow]
        for (_, _, f), (_, _, s) in zip(fast, slow):
            pd.testing.assert_frame_equal(f, s, check_dtype=False, check_index_type=False)


def test_openpyxl_fallback_reads_the_same(city, tmp_path, monkeypatch):
    book = write_xlsx(tmp_path / "c.xlsx", city.to_frames())

    def unreadable(*a, **k):
        raise _xlsx.Unreadable("test")
    monkeypatch.setattr(_xlsx, "read_sheets", unreadable)
    assert renewal.read_survey(book, current_year=YEAR) == city


def test_unknown_cell_forms_go_to_openpyxl(city, tmp_path):
    # Writers differ: a reference after the style attribute, or a namespace prefix on
    # every element (<x:c>), is valid SpreadsheetML that the fast expression does not
    # read whole. The fast reader must refuse such a sheet (never return it short), and
    # read_survey then gets the same registry through openpyxl.
    import re
    import zipfile
    book = write_xlsx(tmp_path / "o.xlsx", city.to_frames(), "openpyxl")
    rewrites = {
        "reordered": lambda xml: re.sub(r'<c r="([A-Z]+[0-9]+)"([^>]*?)(/?)>',
                                        r'<c\2 r="\1"\3>', xml),
        "prefixed": lambda xml: re.sub(r"<(/?)(worksheet|sheetData|row|c|v|is|t)\b",
                                       r"<\1x:\2", xml).replace(
            "<x:worksheet ", '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" ', 1),
    }
    for name, rewrite in rewrites.items():
        out = tmp_path / f"{name}.xlsx"
        with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w") as dst:
            for item in src.infolist():
                data = src.read(item)
                if item.filename.startswith("xl/worksheets/sheet"):
                    data = rewrite(data.decode("utf-8")).encode("utf-8")
                dst.writestr(item, data)
        with pytest.raises(_xlsx.Unreadable):
            _xlsx.read_sheets(str(out))
        assert renewal.read_survey(out, current_year=YEAR) == city, name


def test_missing_file_and_wrong_kind(tmp_path):
    with pytest.raises(FileNotFoundError):
        renewal.read_survey(tmp_path / "none.xlsx")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf")
    with pytest.raises(renewal.InvalidArgumentError, match="save it as .xlsx"):
        renewal.read_survey(tmp_path / "old.xls")
