"""renewal.reports: the five reports to hand upward, as HTML and XLSX, from Python and
from the command line's JSON (the same builders)."""

import json
import os
import pathlib
import subprocess
import sys

import openpyxl
import pytest

import renewal
from renewal import ledger as lg
from renewal import plan as pl
from renewal import reports


def cli(*args: str) -> dict:
    """A renewal command's --json output (the binary beside the built package)."""
    binary = pathlib.Path(renewal.__file__).resolve().parents[2] / "renewal"
    out = subprocess.run([str(binary), *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def city(small_city_path):
    return renewal.Registry.load(small_city_path)


def test_summary_from_python_equals_the_cli_document(city, small_city_path):
    mine = reports.summary(city, "yueyang", 2024)
    theirs = reports.from_document(cli("summary", small_city_path, "--policy", "yueyang",
                                       "--year", "2024", "--json"))
    assert mine.kind == theirs.kind == "summary"
    assert mine.facts == theirs.facts
    assert mine.tables[0].frame.equals(theirs.tables[0].frame)
    frame = mine.tables[0].frame
    # The total row is the sum of the district rows, column by column.
    districts, total = frame.iloc[:-1], frame.iloc[-1]
    assert total["区"] == "合计"
    for column in ("小区数", "楼栋数", "户数", "符合改造条件", "不符合", "待核实"):
        assert total[column] == districts[column].sum()
    assert total["小区数"] == city.estate_count


def test_screening_report_counts_and_reasons(city, small_city_path):
    report = reports.screening(city, "yueyang", 2024)
    theirs = reports.from_document(cli("screen", small_city_path, "--policy", "yueyang",
                                       "--year", "2024", "--json"))
    facts = dict(report.facts)
    assert facts == dict(theirs.facts)
    estates = report.tables[0].frame
    assert len(estates) == city.estate_count
    assert int(facts["符合改造条件"]) == (estates["结论"] == "符合").sum()
    # An estate that fails says which conditions, in Chinese.
    failed = estates[estates["结论"] == "不符合"].iloc[0]
    assert failed["不符合的条件"] and "不符合" in failed["说明"]
    # The conditions table cites the policy document, not a file.
    assert "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》" in report.tables[1].frame["依据"].iloc[0]


def test_html_is_one_escaped_page(city):
    report = reports.summary(city, "yueyang", 2024)
    report.tables[0].frame.loc[0, "区"] = "<script>alert(1)</script>"
    page = report.to_html()
    assert page.startswith("<!DOCTYPE html>") and "<h1>老旧小区摸底汇总表（按区）</h1>" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched
    assert report._repr_html_() == page


def test_xlsx_has_a_sheet_per_table_with_chinese_headers(city, tmp_path):
    report = reports.summary(city, "yueyang", 2024)
    path = tmp_path / "summary.xlsx"
    report.to_xlsx(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["概况", "按区汇总"]
    sheet = book["按区汇总"]
    headers = [c.value for c in sheet[1]]
    assert headers == list(report.tables[0].frame.columns)
    # Counts are numbers in the sheet, not text.
    households = headers.index("户数") + 1
    assert sheet.cell(row=2, column=households).value == int(report.tables[0].frame["户数"][0])
    assert book["概况"]["A1"].value == report.title


def test_vote_notice_masks_owners(root):
    registry = renewal.Registry.load(str(root / "examples" / "votes" / "estate.json"))
    ballots = str(root / "examples" / "votes" / "ballots.json")
    doc = cli("tally", str(root / "examples" / "votes" / "estate.json"), ballots,
              "--notice", "json")
    report = reports.vote_notice(registry, ballots)
    assert dict(report.facts)["表决结果"] == ("通过" if doc["passed"] else "未通过")
    owners = report.tables[2].frame["业主（已隐去姓名）"]
    assert list(owners) == [d["owners"] for d in doc["dwellings"]]
    # No owner's full name appears (the developer, not a person, is named as such).
    names = {str(n) for n in registry.to_frame("owners")["name"]}
    shown = {o for cell in owners for o in cell.split("、")}
    assert "张*" in shown and not (shown & {n for n in names if len(n) > 1 and n != "开发建设单位"})


def test_plan_and_ledger_publication(root, tmp_path):
    registry = renewal.Registry.load(str(root / "examples" / "plan" / "registry.json"))
    plan = pl.make_plan(registry, str(root / "examples" / "plan" / "projects.json"),
                        "1200000.00", year=2025)
    report = reports.plan(plan)
    frame = report.tables[0].frame
    assert list(frame.loc[frame["是否列入"] == "是", "项目"]) == [
        p["id"] for p in plan.data["projects"] if p["selected"]]

    fund = lg.Ledger(renewal.Registry.load(str(root / "examples" / "ledger" / "registry.json")))
    fund.deposit("E1-B1-1-101", "3600", "2025-01-10")
    pub = reports.ledger_publication(fund, 2025)
    assert pub.tables[0].frame["交存（元）"].tolist() == ["3600.00"]
    assert "第三十一条" in pub.notes[0]
    pub.to_xlsx(tmp_path / "fund.xlsx")
    assert openpyxl.load_workbook(tmp_path / "fund.xlsx").sheetnames == [
        "概况", "分账收支", "使用明细", "分户账"]


def test_module_command_line(city, small_city_path, tmp_path):
    doc = tmp_path / "summary.json"
    doc.write_text(json.dumps(cli("summary", small_city_path, "--policy", "yueyang",
                                  "--year", "2024", "--json"), ensure_ascii=False),
                   encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(pathlib.Path(renewal.__file__).resolve().parents[1]))
    out = tmp_path / "summary.xlsx"
    run = subprocess.run([sys.executable, "-m", "renewal.reports", str(doc), "--format", "xlsx",
                          "-o", str(out)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert openpyxl.load_workbook(out).sheetnames == ["概况", "按区汇总"]
    # Not a document of a report: exit 1, a message, no file written.
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    out2 = tmp_path / "bad.html"
    run = subprocess.run([sys.executable, "-m", "renewal.reports", str(bad), "--format", "html",
                          "-o", str(out2)], env=env, capture_output=True, text=True)
    assert run.returncode == 1 and "not a document" in run.stderr
    assert not out2.exists()


def test_kind_of_refuses_other_documents():
    with pytest.raises(ValueError, match="not a document"):
        reports.kind_of({"format": "renewal.registry"})


def test_commands_format_html_and_xlsx(small_city_path, root, tmp_path):
    binary = str(pathlib.Path(renewal.__file__).resolve().parents[2] / "renewal")
    args = [binary, "summary", small_city_path, "--policy", "yueyang", "--year", "2024"]
    page = subprocess.run(args + ["--format", "html"], capture_output=True, text=True)
    assert page.returncode == 0, page.stderr
    assert "<h1>老旧小区摸底汇总表（按区）</h1>" in page.stdout
    book = tmp_path / "screen.xlsx"
    run = subprocess.run([binary, "screen", small_city_path, "--policy", "yueyang", "--year",
                          "2024", "--format", "xlsx", "-o", str(book)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert openpyxl.load_workbook(book).sheetnames == ["概况", "逐小区结论", "筛查条件及依据"]
    # A workbook needs a file; an unknown format is a usage error (exit 2), nothing written.
    for extra, message in ((["--format", "xlsx"], "-o FILE"),
                           (["--format", "pdf", "-o", str(tmp_path / "x.pdf")], "html or xlsx")):
        run = subprocess.run(args + extra, capture_output=True, text=True)
        assert run.returncode == 2 and message in run.stderr
    assert not (tmp_path / "x.pdf").exists()
    # The ledger's yearly publication.
    registry, journal = str(root / "examples" / "ledger" / "registry.json"), str(tmp_path / "j")
    subprocess.run([binary, "ledger", "init", registry, journal], check=True, capture_output=True)
    subprocess.run([binary, "ledger", "deposit", registry, journal, "--dwelling", "E1-B1-1-101",
                    "--amount", "3600", "--date", "2025-01-10"], check=True, capture_output=True)
    out = tmp_path / "fund.html"
    subprocess.run([binary, "ledger", "publish", registry, journal, "--year", "2025",
                    "--format", "html", "-o", str(out)], check=True, capture_output=True)
    assert "住宅专项维修资金年度收支公布" in out.read_text(encoding="utf-8")
