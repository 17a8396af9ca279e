"""Programme progress (项目进度) with pandas and a bulletin (通报).

The store and the rules are C++ (``renewal._core.progress``): events are checked
against the project's stage and the guard policy before they are written to the
journal. This module adds:

- ``open`` / ``replay`` and ``record`` taking an event as a dict;
- ``report`` (the JSON as a dict) and ``report_frame`` (a typed DataFrame: int64 counts,
  float rates in percent, int64 ``*_fen`` money);
- ``monthly_trend`` (start rate month by month) and ``bulletin`` (Markdown or HTML in
  Chinese with a bar chart of districts by start rate and the monthly trend line).

>>> from renewal import progress
>>> store = progress.open("city.journal", policy="yueyang", create=True)
>>> store.record_lines(open("examples/progress/events.jsonl", encoding="utf-8").read())
21
>>> progress.report_frame(store.programme, "2024-03")      # doctest: +SKIP
"""

from __future__ import annotations

import base64
import datetime
import io
import json
from typing import Any, Iterable

import pandas as pd

from ._core import progress as _core

Programme = _core.Programme
Store = _core.Store

__all__ = ["Programme", "Store", "open", "replay", "record", "record_all", "export_lines",
           "report", "report_frame", "ranking", "overdue", "monthly_trend", "bulletin"]


def open(path: str, policy: str = "national", create: bool = False,  # noqa: A001
         sync: bool = True) -> Store:
    """Locks and replays a journal (creates it when ``create``)."""
    return Store.open(str(path), policy, create, sync)


def replay(path: str) -> Programme:
    """Replays a journal read-only."""
    return Programme.replay(str(path))


def _event_text(event: dict[str, Any] | str) -> str:
    return event if isinstance(event, str) else json.dumps(event, ensure_ascii=False)


def record(store: Store, event: dict[str, Any] | str) -> None:
    """Records one event (a dict shaped like progress-event.schema.json, or its JSON)."""
    store.record(_event_text(event))


def record_all(store: Store, events: Iterable[dict[str, Any] | str]) -> int:
    """Records events, all checked before any is written; returns how many."""
    return store.record_lines("\n".join(_event_text(e) for e in events))


def export_lines(path: str) -> str:
    """Every event of a journal as JSON Lines."""
    return _core.export_lines(str(path))


def report(programme: Programme, period: str, level: str = "district",
           as_of: str | datetime.date | None = None) -> dict[str, Any]:
    """The report as a dict (docs/schemas/progress-report.schema.json). ``as_of`` (here
    and below) is "YYYY-MM-DD" or a ``datetime.date``; ``period`` stays text (2024-03,
    2024Q1, 2024, cumulative)."""
    return json.loads(programme.report_json(period, level, as_of))


def ranking(programme: Programme, period: str, by: str | None = None,
            as_of: str | datetime.date | None = None) -> dict[str, Any]:
    """The district ranking as a dict (docs/schemas/progress-ranking.schema.json)."""
    return json.loads(programme.rank_json(period, by, as_of))


def overdue(programme: Programme, limits: str, as_of: str | datetime.date) -> dict[str, Any]:
    """Overdue projects as a dict (docs/schemas/progress-overdue.schema.json)."""
    return json.loads(programme.overdue_json(limits, as_of))


def _rate(num: pd.Series, den: pd.Series) -> pd.Series:
    """num/den in percent as float64; NaN where nothing is planned."""
    den = den.astype("float64").where(den > 0)
    return num.astype("float64") * 100.0 / den


def report_frame(programme: Programme, period: str, level: str = "district",
                 as_of: str | datetime.date | None = None) -> pd.DataFrame:
    """The report as a DataFrame, one row per estate/project/street/district/city/province
    and a last row whose ``province`` is "合计" (the total).

    Counts are int64; ``start_rate_estates`` and the other rates are float64 percent
    (NaN with nothing planned) — the exact fractions are the count columns, e.g.
    ``estates_started / estates_planned``; ``start_rate_*_change_points`` compares with
    the previous period's end (NaN for cumulative); money is int64 fen
    (``received_fen``, ``paid_fen``, ``received_not_spent_fen``).
    """
    df = pd.DataFrame(programme._report_columns(period, level, as_of))
    df["start_rate_estates"] = _rate(df["estates_started"], df["estates_planned"])
    df["start_rate_households"] = _rate(df["households_started"], df["households_planned"])
    df["completion_rate_estates"] = _rate(df["estates_completed"], df["estates_planned"])
    cumulative = period == "cumulative"
    for basis in ("estates", "households"):
        before = _rate(df[f"{basis}_started_before"], df[f"{basis}_planned"])
        change = df[f"start_rate_{basis}"] - before
        df[f"start_rate_{basis}_change_points"] = float("nan") if cumulative else change
    df["has_amounts"] = df["has_amounts"].astype(bool)
    keep = {"estate": ["province", "city", "district", "street", "project", "estate"],
            "project": ["province", "city", "district", "street", "project"],
            "street": ["province", "city", "district", "street"],
            "district": ["province", "city", "district"],
            "city": ["province", "city"], "province": ["province"]}[level]
    drop = [c for c in ("province", "city", "district", "street", "project", "estate")
            if c not in keep]
    return df.drop(columns=drop)


def monthly_trend(programme: Programme, year: int, months: int = 12) -> pd.DataFrame:
    """The year's start rate month by month (the whole programme): month, rates in percent."""
    rows = []
    for m in range(1, months + 1):
        total = report_frame(programme, f"{year}-{m:02d}", "city").iloc[-1]
        rows.append({"month": f"{year}-{m:02d}",
                     "start_rate_estates": total["start_rate_estates"],
                     "start_rate_households": total["start_rate_households"]})
    return pd.DataFrame(rows)


def _cjk_font():
    """A Noto CJK font file registered with matplotlib, so Chinese labels render."""
    from matplotlib import font_manager
    for path in sorted(font_manager.findSystemFonts()):
        name = path.rsplit("/", 1)[-1]
        if name.startswith("NotoSansCJK") and "Regular" in name:
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path)
    for path in sorted(font_manager.findSystemFonts()):
        if "CJK" in path:
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path)
    return None


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    return buf.getvalue()


def _charts(districts: pd.DataFrame, trend: pd.DataFrame) -> tuple[bytes, bytes]:
    # matplotlib.figure.Figure directly: no pyplot, so no backend is chosen for the caller.
    from matplotlib.figure import Figure
    font = _cjk_font()
    bar = Figure(figsize=(7, 3.5))
    ax = bar.subplots()
    ax.barh(list(districts["district"])[::-1], list(districts["start_rate_estates"].fillna(0))[::-1])
    ax.set_xlabel("开工率（按小区数，%）", fontproperties=font)
    ax.set_title("各区县开工率", fontproperties=font)
    for label in ax.get_yticklabels():
        label.set_fontproperties(font)
    line = Figure(figsize=(7, 3))
    ax2 = line.subplots()
    ax2.plot(list(trend["month"].str[5:]), list(trend["start_rate_estates"].fillna(0)), marker="o")
    ax2.set_xlabel("月份", fontproperties=font)
    ax2.set_ylabel("开工率（%）", fontproperties=font)
    ax2.set_title("逐月开工率", fontproperties=font)
    return _png(bar), _png(line)


def _fmt(v: float) -> str:
    return "—" if pd.isna(v) else f"{v:.2f}"


def _yi(fen: int) -> str:
    return f"{(int(fen) + 500_000) // 1_000_000 / 100:.2f}"


_HTML = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<h1>{{ title }}</h1>
<p>{{ summary }}</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><th>排名</th><th>区县</th><th>计划小区（个）</th><th>已开工（个）</th><th>开工率（%）</th>
<th>较上期（百分点）</th><th>已完工（个）</th></tr>
{% for r in rows %}<tr><td>{{ r.rank }}</td><td>{{ r.district }}</td><td>{{ r.planned }}</td>
<td>{{ r.started }}</td><td>{{ r.rate }}</td><td>{{ r.change }}</td><td>{{ r.completed }}</td></tr>
{% endfor %}</table>
<p>{{ tie_break }}</p>
<img alt="各区县开工率" src="data:image/png;base64,{{ bar }}">
<img alt="逐月开工率" src="data:image/png;base64,{{ line }}">
</body></html>
"""


def bulletin(programme: Programme, period: str, fmt: str = "markdown",
             as_of: str | datetime.date | None = None, chart_dir: str | None = None) -> str:
    """The progress bulletin (通报) in Chinese: the totals, the districts ranked by start
    rate (by estates, then households) and, for HTML, a bar chart of the districts and
    the year's monthly trend line (PNG, inlined). ``fmt`` is "markdown" or "html";
    with ``chart_dir`` the Markdown links the two charts written there as PNG files.
    """
    if fmt not in ("markdown", "html"):
        raise ValueError(f'fmt: expected "markdown" or "html", got "{fmt}"')
    rank = ranking(programme, period, as_of=as_of)
    total = report_frame(programme, period, "city", as_of).iloc[-1]
    rows = []
    for e in rank["districts"]:
        r = e["row"]
        change = r["start_rate_estates_change_points"]
        rows.append({"rank": f'{e["rank"]}{"（并列）" if e["tied"] else ""}', "district": r["district"],
                     "planned": r["estates_planned"], "started": r["estates_started"],
                     "rate": r["start_rate_estates"]["percent"] or "—",
                     "change": change if change is not None else "—",
                     "completed": r["estates_completed"]})
    title = f"城镇老旧小区改造工作进展通报（{rank['period']['label']}）"
    summary = (f"纳入统计的改造小区{int(total['estates_planned'])}个、涉及居民"
               f"{int(total['households_planned'])}户；已开工{int(total['estates_started'])}个，"
               f"开工率{_fmt(total['start_rate_estates'])}%（按户数{_fmt(total['start_rate_households'])}%）；"
               f"已完工{int(total['estates_completed'])}个，惠及居民{int(total['households_benefited'])}户；"
               f"完成投资{_yi(total['paid_fen'])}亿元，到位资金{_yi(total['received_fen'])}亿元。")
    year = int(rank["period"]["last"][:4])
    last_month = int(rank["period"]["last"][5:7])
    trend = monthly_trend(programme, year, last_month)
    districts = pd.DataFrame({"district": [r["district"] for r in rows],
                              "start_rate_estates": [float(r["rate"]) if r["rate"] != "—" else float("nan")
                                                     for r in rows]})
    bar, line = _charts(districts, trend)
    if fmt == "html":
        import jinja2
        env = jinja2.Environment(autoescape=True)
        return env.from_string(_HTML).render(
            title=title, summary=summary, rows=rows, tie_break="排序规则：" + rank["tie_break_zh"],
            bar=base64.b64encode(bar).decode(), line=base64.b64encode(line).decode())
    lines = [f"# {title}", "", summary, "",
             "| 排名 | 区县 | 计划小区（个） | 已开工（个） | 开工率（%） | 较上期（百分点） | 已完工（个） |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['rank']} | {r['district']} | {r['planned']} | {r['started']} | "
                     f"{r['rate']} | {r['change']} | {r['completed']} |")
    lines += ["", "排序规则：" + rank["tie_break_zh"]]
    if chart_dir is not None:
        import pathlib
        d = pathlib.Path(chart_dir)
        d.mkdir(parents=True, exist_ok=True)
        (d / "districts.png").write_bytes(bar)
        (d / "trend.png").write_bytes(line)
        lines += ["", f"![各区县开工率]({d / 'districts.png'})", "", f"![逐月开工率]({d / 'trend.png'})"]
    return "\n".join(lines) + "\n"
