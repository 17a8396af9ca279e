"""Reports to hand upward, in Chinese: HTML (Jinja2) and XLSX (xlsxwriter).

Every report is built from the JSON document the library already produces for it
(each with a schema under docs/schemas/), so Python and the command line render the
same thing the same way:

=====================  ===============================  ==============================
report                 document                         from Python
=====================  ===============================  ==============================
district summary       ``renewal summary --json``       ``reports.summary(registry, ...)``
screening              ``renewal screen --json``        ``reports.screening(registry, ...)``
vote notice            ``renewal tally --notice json``  ``reports.vote_notice(registry, ...)``
annual plan            ``renewal plan --json``          ``reports.plan(plan)``
fund publication       ``renewal ledger publish --json`` ``reports.ledger_publication(...)``
=====================  ===============================  ==============================

>>> report = renewal.reports.from_document(doc)   # the kind is recognised
>>> report.to_html()                               # str, one self-contained page
>>> report.to_xlsx("summary.xlsx")                 # a sheet per table, Chinese headers

From a shell: ``renewal summary CITY.json --json | python3 -m renewal.reports --format
xlsx -o summary.xlsx`` (or ``--format html``); the commands' ``--format html|xlsx`` do
exactly this.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import sys
from typing import Any, Callable, Dict, List, Mapping, Sequence, Tuple, Union

import pandas as pd

__all__ = ["Report", "Table", "from_document", "kind_of", "KINDS", "main", "summary",
           "screening", "vote_notice", "plan", "ledger_publication"]

_STATUS_ZH = {"eligible": "符合", "ineligible": "不符合", "undetermined": "待核实"}
_OUTCOME_ZH = {"pass": "符合", "fail": "不符合", "unknown": "待核实"}
_CHOICE_ZH = {"agree": "同意", "disagree": "不同意", "abstain": "弃权", "not_voted": "未表决",
              "follow_majority": "从多数", None: "未表决"}
_YES_NO = {True: "是", False: "否"}


@dataclasses.dataclass
class Table:
    """One table of a report: a Chinese name and a frame whose headers are Chinese."""
    name: str
    frame: pd.DataFrame


@dataclasses.dataclass
class Report:
    """A report: a title, facts as (label, value) pairs, tables and notes, all Chinese."""
    title: str
    facts: List[Tuple[str, str]]
    tables: List[Table]
    notes: List[str] = dataclasses.field(default_factory=list)
    kind: str = ""

    def to_html(self) -> str:
        """One self-contained HTML page (no scripts, no external files)."""
        import jinja2
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("renewal", "templates"),
            autoescape=jinja2.select_autoescape(["html", "j2"]))
        tables = [(t.name, t.frame.columns.tolist(),
                   [[_cell(v) for v in row] for row in t.frame.itertuples(index=False)])
                  for t in self.tables]
        return env.get_template("report.html.j2").render(
            title=self.title, facts=self.facts, tables=tables, notes=self.notes,
            generated=datetime.date.today().isoformat())

    def to_xlsx(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """A workbook: sheet 概况 with the title, facts and notes, then one sheet per
        table with bold Chinese headers, frozen first row and widths that fit."""
        import xlsxwriter
        target = os.fspath(path)
        book = xlsxwriter.Workbook(target, {"strings_to_numbers": False})
        try:
            bold = book.add_format({"bold": True})
            title = book.add_format({"bold": True, "font_size": 14})
            sheet = book.add_worksheet("概况")
            sheet.write(0, 0, self.title, title)
            for r, (label, value) in enumerate(self.facts, start=2):
                sheet.write(r, 0, label, bold)
                sheet.write(r, 1, value)
            for r, note in enumerate(self.notes, start=3 + len(self.facts)):
                sheet.write(r, 0, note)
            sheet.set_column(0, 0, 18)
            sheet.set_column(1, 1, 60)
            used = {"概况"}
            for t in self.tables:
                name = _sheet_name(t.name, used)
                ws = book.add_worksheet(name)
                for c, header in enumerate(t.frame.columns):
                    ws.write(0, c, str(header), bold)
                    width = max([_width(header)] + [_width(v) for v in t.frame.iloc[:, c]])
                    ws.set_column(c, c, min(60, width + 2))
                for r, row in enumerate(t.frame.itertuples(index=False), start=1):
                    for c, value in enumerate(row):
                        _write(ws, r, c, value)
                ws.freeze_panes(1, 0)
        finally:
            book.close()

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        sizes = ", ".join(f"{t.name} {len(t.frame)} 行" for t in self.tables)
        return f"<renewal.reports.Report {self.kind}: {self.title} ({sizes})>"


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _width(value: Any) -> int:
    # CJK characters are two columns wide in a spreadsheet.
    text = _cell(value)
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _write(ws: Any, row: int, col: int, value: Any) -> None:
    if isinstance(value, bool) or value is None:
        ws.write_string(row, col, _cell(_YES_NO.get(value, value)) if isinstance(value, bool) else "")
    elif isinstance(value, int):
        ws.write_number(row, col, value)
    else:
        ws.write_string(row, col, _cell(value))


def _sheet_name(name: str, used: set) -> str:
    # Excel: at most 31 characters, none of []:*?/\ , unique.
    base = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)[:31] or "表"
    out, n = base, 2
    while out in used:
        suffix = f"({n})"
        out, n = base[:31 - len(suffix)] + suffix, n + 1
    used.add(out)
    return out


# --- one builder per kind ------------------------------------------------------------

def _summary(doc: Mapping[str, Any]) -> Report:
    rows = list(doc["districts"]) + [dict(doc["total"], district="合计", district_id="")]
    frame = pd.DataFrame({
        "区编号": [r.get("district_id", "") for r in rows],
        "区": [r.get("district", "") for r in rows],
        "小区数": [r["estates"] for r in rows],
        "楼栋数": [r["buildings"] for r in rows],
        "户数": [r["households"] for r in rows],
        "建筑面积（平方米）": [r["area_m2"] for r in rows],
        "符合改造条件": [r["eligible"] for r in rows],
        "不符合": [r["ineligible"] for r in rows],
        "待核实": [r["undetermined"] for r in rows],
    })
    return Report("老旧小区摸底汇总表（按区）",
                  [("筛查政策", str(doc["policy"])), ("评价年度", str(doc["year"]))],
                  [Table("按区汇总", frame)], kind="summary")


def _screening(doc: Mapping[str, Any]) -> Report:
    policy = doc["policy"]
    rule_zh = {r["id"]: r["zh"] for r in policy["rules"]}
    estates = doc["estates"]
    frame = pd.DataFrame({
        "小区编号": [e["estate_id"] for e in estates],
        "小区名称": [e.get("name", "") for e in estates],
        "所在区": [e.get("district", "") for e in estates],
        "结论": [_STATUS_ZH[e["status"]] for e in estates],
        "不符合的条件": ["；".join(rule_zh.get(r, r) for r in e["failed"]) for e in estates],
        "待核实的条件": ["；".join(rule_zh.get(r, r) for r in e["unknown"]) for e in estates],
        "说明": ["\n".join(r["reason_zh"] for r in e["rules"] if r["outcome"] != "pass")
               for e in estates],
    })
    rules = pd.DataFrame({
        "条件": [r["zh"] for r in policy["rules"]],
        "依据": [r.get("source", "") for r in policy["rules"]],
    })
    counts = doc["counts"]
    facts = [("筛查政策", policy["zh"]), ("评价年度", str(doc["year"])),
             ("小区总数", str(counts["estates"])), ("符合改造条件", str(counts["eligible"])),
             ("不符合", str(counts["ineligible"])), ("待核实", str(counts["undetermined"]))]
    return Report("老旧小区改造范围筛查结果", facts,
                  [Table("逐小区结论", frame), Table("筛查条件及依据", rules)],
                  notes=["“待核实”指摸底资料缺项，不视为符合。"], kind="screening")


def _vote_notice(doc: Mapping[str, Any]) -> Report:
    tests = pd.DataFrame({
        "表决事项要求": [t["name"] for t in doc["tests"]],
        "实际": [f'{t["numerator"]}/{t["denominator"]}（{t["pct"]}）' for t in doc["tests"]],
        "要求": [t["threshold"] for t in doc["tests"]],
        "是否达到": [_YES_NO[t["passed"]] for t in doc["tests"]],
    })
    entrances = pd.DataFrame({
        "楼栋": [e["building"] for e in doc["entrances"]],
        "单元": [e["entrance"] for e in doc["entrances"]],
        "户数": [e["dwellings"] for e in doc["entrances"]],
        "同意": [e["agree"] for e in doc["entrances"]],
        "不同意": [e["disagree"] for e in doc["entrances"]],
        "弃权": [e["abstain"] for e in doc["entrances"]],
        "未表决": [e["not_voted"] for e in doc["entrances"]],
        "同意户面积占比": [e["area_agree_pct"] for e in doc["entrances"]],
    })
    dwellings = pd.DataFrame({
        "楼栋": [d["building"] for d in doc["dwellings"]],
        "单元": [d["entrance"] for d in doc["dwellings"]],
        "房号": [d["dwelling"] for d in doc["dwellings"]],
        "业主（已隐去姓名）": [d["owners"] for d in doc["dwellings"]],
        "表决意见": [_CHOICE_ZH.get(d["choice"], str(d["choice"])) for d in doc["dwellings"]],
    })
    facts = [("表决", doc["vote"]), ("表决事项", doc["matter"]), ("表决范围", doc["scope"]),
             ("开始", doc["opens"]), ("截止", doc["closes"]), ("表决规则", doc["rule"]),
             ("规则依据", doc["rule_source"]), ("表决结果", "通过" if doc["passed"] else "未通过")]
    return Report("业主表决结果公告", facts,
                  [Table("计票结果", tests), Table("按单元统计", entrances),
                   Table("逐户表决意见", dwellings)], kind="vote_notice")


def _plan(doc: Mapping[str, Any]) -> Report:
    projects = doc["projects"]
    frame = pd.DataFrame({
        "排序": [p["rank"] for p in projects],
        "项目": [p["id"] for p in projects],
        "小区": [p["estate_id"] for p in projects],
        "所在区": [p["district_id"] for p in projects],
        "是否列入": [_YES_NO[p["selected"]] for p in projects],
        "得分": [f'{p["score_milli"] / 1000:.3f}' for p in projects],
        "户数": [p["households"] for p in projects],
        "投资（元）": [p["cost_yuan"] for p in projects],
        "说明": [p.get("explanation", "") for p in projects],
    })
    facts = [("计划年度", str(doc["year"])), ("评分办法", str(doc["sheet"])),
             ("年度资金（元）", doc["budget_yuan"]), ("已安排（元）", doc["spent_yuan"]),
             ("结余（元）", doc["left_yuan"]), ("受益户数", str(doc["households"])),
             ("最优性", "已证明最优" if doc["proven_optimal"] else
              f'未证明最优（与上界差 {doc["gap_ppm"]} ppm）')]
    return Report("老旧小区改造年度计划", facts, [Table("项目排序及入选情况", frame)],
                  kind="plan")


_LINE = [("opening", "期初余额"), ("deposits", "交存"), ("uses", "使用"), ("interest", "利息"),
         ("income", "共用部位收益"), ("subsidy", "补助"), ("refunds", "退还"),
         ("transfers", "转移"), ("closing", "期末余额"), ("owed", "应缴未缴")]


def _lines(rows: Sequence[Mapping[str, Any]], keys: Sequence[Tuple[str, str]]) -> pd.DataFrame:
    data: Dict[str, List[Any]] = {zh: [r.get(k) for r in rows] for k, zh in keys}
    for key, zh in _LINE:
        data[zh + "（元）"] = [r[key] for r in rows]
    return pd.DataFrame(data)


def _ledger_publication(doc: Mapping[str, Any]) -> Report:
    uses = pd.DataFrame({
        "编号": [u["id"] for u in doc["uses"]],
        "日期": [u["date"] for u in doc["uses"]],
        "工程": [u["works"] for u in doc["uses"]],
        "金额（元）": [u["amount"] for u in doc["uses"]],
        "分摊户数": [u["shares"] for u in doc["uses"]],
        "表决": [u.get("vote_id", "") for u in doc["uses"]],
        "表决规则": [u.get("rule", "") for u in doc["uses"]],
        "应急使用": [_YES_NO[bool(u.get("emergency", False))] for u in doc["uses"]],
    })
    facts = [("公布年度", str(doc["year"])),
             ("资金归集范围", {"estate": "按小区", "building": "按楼栋"}.get(
                 doc["fund_scope"], str(doc["fund_scope"])))]
    return Report("住宅专项维修资金年度收支公布", facts,
                  [Table("分账收支", _lines(doc["funds"], [("fund", "分账")])),
                   Table("使用明细", uses),
                   Table("分户账", _lines(doc["dwellings"],
                                         [("dwelling", "房屋"), ("owner", "业主（已隐去姓名）")]))],
                  notes=["依据《住宅专项维修资金管理办法》（建设部、财政部令第165号）第三十一条，"
                         "每年至少一次公布。"], kind="ledger_publication")


KINDS: Dict[str, Callable[[Mapping[str, Any]], Report]] = {
    "summary": _summary, "screening": _screening, "vote_notice": _vote_notice,
    "plan": _plan, "ledger_publication": _ledger_publication,
}


def kind_of(doc: Mapping[str, Any]) -> str:
    """Which report a document makes, from its own fields (its ``format`` where it has
    one)."""
    fmt = str(doc.get("format", ""))
    if fmt.startswith("renewal.plan/") or fmt == "renewal.plan":
        return "plan"
    if "ledger" in fmt and "publication" in fmt or {"funds", "uses", "dwellings"} <= doc.keys():
        return "ledger_publication"
    if {"districts", "total"} <= doc.keys():
        return "summary"
    if {"counts", "estates", "policy"} <= doc.keys():
        return "screening"
    if {"vote", "matter", "tests", "entrances"} <= doc.keys():
        return "vote_notice"
    if {"projects", "budget_yuan", "sheet"} <= doc.keys():
        return "plan"
    raise ValueError("not a document renewal makes a report of (summary, screening, vote "
                     "notice, plan, fund publication): keys " + ", ".join(sorted(doc)[:8]))


def from_document(doc: Union[Mapping[str, Any], str]) -> Report:
    """The report of a document (a dict, or its JSON text)."""
    data = json.loads(doc) if isinstance(doc, str) else doc
    return KINDS[kind_of(data)](data)


# --- from Python objects: the same documents, then the same builders ----------------

def _yuan(centi: int) -> str:
    return f"{'-' if centi < 0 else ''}{abs(centi) // 100}.{abs(centi) % 100:02d}"


def summary(registry: Any, policy: str, year: int) -> Report:
    """The district summary of ``registry`` screened under ``policy`` in ``year``."""
    from . import eligibility
    df = eligibility.summary(registry, policy, year)
    counts = ["estates", "buildings", "households", "eligible", "ineligible", "undetermined"]
    districts: List[Dict[str, Any]] = [
        {"district_id": str(r["district_id"]), "district": str(r["district"]),
         **{k: int(r[k]) for k in counts}, "area_m2": _yuan(int(r["area_centi_m2"]))}
        for r in df.to_dict("records")]
    total: Dict[str, Any] = {k: sum(int(d[k]) for d in districts) for k in counts}
    total["area_m2"] = _yuan(int(df["area_centi_m2"].sum()))
    return _summary({"policy": policy, "year": int(year), "districts": districts,
                     "total": total})


def screening(registry: Any, policy: str, year: int) -> Report:
    """Every estate's screening under ``policy`` in ``year``, with the reasons."""
    from . import eligibility
    df = eligibility.screen(registry, policy, year)
    estates = [{"estate_id": str(r["estate_id"]), "name": str(r["name"]),
                "district": str(r["district"]), "status": str(r["status"]),
                "failed": list(r["failed_rules"]), "unknown": list(r["unknown_rules"]),
                "rules": [{"outcome": "fail", "reason_zh": line}
                          for line in str(r["reasons_zh"]).split("\n") if line]}
               for r in df.to_dict("records")]
    status = df["status"].astype(str)
    counts = {"estates": len(df), **{k: int((status == k).sum())
                                     for k in ("eligible", "ineligible", "undetermined")}}
    return _screening({"policy": eligibility.policy(policy), "year": int(year),
                       "counts": counts, "estates": estates})


def vote_notice(registry: Any, ballots: Any, vote: Mapping[str, Any] | None = None,
                rule: Any = None) -> Report:
    """The notice of a vote's result (``votes.notice``), owners' names masked."""
    from . import votes
    doc = votes.notice(registry, ballots, vote, format="json", rule=rule)
    assert isinstance(doc, dict)  # format="json" gives the document
    return _vote_notice(doc)


def plan(annual_plan: Any) -> Report:
    """An annual plan (:class:`renewal.plan.Plan`) as the plan report."""
    return _plan(annual_plan.data)


def ledger_publication(ledger: Any, year: int) -> Report:
    """The maintenance fund's yearly publication (Order 165, art. 31)."""
    return _ledger_publication(json.loads(ledger.publication(int(year))))


def main(argv: Sequence[str] | None = None) -> int:
    """``python3 -m renewal.reports [INPUT.json|-] --format html|xlsx -o OUT``."""
    ap = argparse.ArgumentParser(prog="python3 -m renewal.reports",
                                 description="Render a renewal JSON document as a report.")
    ap.add_argument("input", nargs="?", default="-", help="the document (default: stdin)")
    ap.add_argument("--format", choices=["html", "xlsx"], required=True)
    ap.add_argument("-o", "--output", required=True, help="the file to write (html: - for stdout)")
    args = ap.parse_args(argv)
    try:
        text = sys.stdin.read() if args.input == "-" else open(args.input, encoding="utf-8").read()
        report = from_document(text)
    except (OSError, ValueError, KeyError) as e:
        print(f"python3 -m renewal.reports: {e}", file=sys.stderr)
        return 1
    if args.format == "html" and args.output == "-":
        sys.stdout.write(report.to_html())
        return 0
    # Write beside the target and rename, so a failure leaves no half file.
    tmp = args.output + ".tmp"
    try:
        if args.format == "html":
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(report.to_html())
        else:
            report.to_xlsx(tmp)
        os.replace(tmp, args.output)
    except OSError as e:
        if os.path.exists(tmp):
            os.remove(tmp)
        print(f"python3 -m renewal.reports: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
