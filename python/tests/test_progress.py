"""renewal.progress: the store, typed report frames, the bulletin, bad input, schemas."""

import json
import warnings

import numpy as np
import pytest

import renewal
from renewal import progress

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture()
def store(tmp_path, root):
    s = progress.open(tmp_path / "city.journal", policy="yueyang", create=True, sync=False)
    text = (root / "examples" / "progress" / "events.jsonl").read_text(encoding="utf-8")
    assert s.record_lines(text) == 21
    return s


def _validator(root, name):
    store = {}
    for path in (root / "docs" / "schemas").glob("progress-*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[schema["$id"]] = schema
    schema = store["https://renewal.example/schemas/" + name]
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def test_replay_gives_the_state(store, tmp_path):
    p = progress.replay(tmp_path / "city.journal")
    assert p.event_count == 21 and p.project_count == 3 and p.policy == "yueyang"
    assert p.stage("YY-2024-001") == "started"
    assert p.stage("YY-2024-002") == "annual_plan"


def test_report_frame_is_typed(store):
    df = progress.report_frame(store.programme, "2024-03")
    assert list(df["district"]) == ["云溪区", "南湖新区", "岳阳楼区", ""]
    assert df["province"].iloc[-1] == "合计"
    for col in ("estates_planned", "households_started", "received_fen", "paid_fen",
                "received_not_spent_fen"):
        assert df[col].dtype == np.int64, col
    assert df["start_rate_estates"].dtype == np.float64
    total = df.iloc[-1]
    # 岳阳楼区's one estate (186 户) started in March: 1 of 4 estates, 186 of 466 户.
    assert (total["estates_planned"], total["households_planned"]) == (4, 466)
    assert total["start_rate_estates"] == pytest.approx(25.0)
    assert total["start_rate_households"] == pytest.approx(186 * 100 / 466)
    assert total["start_rate_estates_change_points"] == pytest.approx(25.0)
    # 2,100,000.00 received, 1,260,000.00 paid (first instalment): 840,000.00 not spent.
    assert total["received_fen"] == 210_000_000 and total["received_not_spent_fen"] == 84_000_000


def test_estate_level_and_merged_projects(store):
    df = progress.report_frame(store.programme, "2024", level="estate")
    merged = df[df["project"] == "YY-2024-002"]
    assert list(merged["estate"]) == ["E-0201", "E-0202"]
    assert not merged["has_amounts"].any()


def test_bad_input_raises_renewal_errors_and_changes_nothing(store, tmp_path):
    path = tmp_path / "city.journal"
    before = path.read_bytes()
    t = {"kind": "transition", "date": "2024-04-01"}
    with pytest.raises(renewal.NotFoundError, match='project "YY-9": no such project'):
        progress.record(store, {**t, "project": "YY-9", "stage": "application"})
    with pytest.raises(renewal.FailedPreconditionError, match="out of order"):
        progress.record(store, {**t, "project": "YY-2024-003", "stage": "review"})
    with pytest.raises(renewal.FailedPreconditionError, match='vote "V-0201" did not pass'):
        progress.record(store, {**t, "project": "YY-2024-002", "stage": "plan_vote",
                                "evidence": ["V-0201"]})
    with pytest.raises(renewal.NotFoundError, match='no evidence "V-x"'):
        progress.record(store, {**t, "project": "YY-2024-002", "stage": "plan_vote",
                                "evidence": ["V-x"]})
    with pytest.raises(renewal.InvalidArgumentError, match="before the project's last event"):
        progress.record(store, {**t, "date": "2024-01-01", "project": "YY-2024-003",
                                "stage": "preliminary_plan"})
    money = {"kind": "received", "project": "YY-2024-001", "date": "2024-04-01",
             "source": "city", "channel": "finance"}
    with pytest.raises(renewal.InvalidArgumentError, match="amount: must be > 0"):
        progress.record(store, {**money, "amount": "-1.00"})
    with pytest.raises(renewal.InvalidArgumentError, match="amount"):
        progress.record(store, {**money, "amount": "1.001"})
    with pytest.raises(renewal.InvalidArgumentError, match="amount"):
        progress.record(store, {**money, "amount": 1.5})
    with pytest.raises(renewal.InvalidArgumentError, match="period: "):
        progress.report_frame(store.programme, "2024-13")
    assert path.read_bytes() == before
    assert store.programme.event_count == 21


def test_damaged_journal_is_data_loss(store, tmp_path):
    path = tmp_path / "city.journal"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    damaged = tmp_path / "damaged.journal"
    damaged.write_bytes(bytes(data))
    with pytest.raises(renewal.DataLossError, match="record"):
        progress.replay(damaged)
    with pytest.raises(renewal.FailedPreconditionError):  # the fixture's store holds the lock
        progress.open(path)


def test_bulletin_markdown_and_html(store, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing CJK glyph warns: the labels must render
        md = progress.bulletin(store.programme, "2024-03", chart_dir=str(tmp_path / "charts"))
        html = progress.bulletin(store.programme, "2024-03", fmt="html")
    assert md.startswith("# 城镇老旧小区改造工作进展通报（2024-03）")
    assert "| 1 | 岳阳楼区 | 1 | 1 | 100.00 | +100.00 | 0 |" in md
    assert "已开工1个，开工率25.00%" in md
    assert (tmp_path / "charts" / "districts.png").read_bytes()[:4] == b"\x89PNG"
    assert html.count("data:image/png;base64,") == 2 and "岳阳楼区" in html
    with pytest.raises(ValueError):
        progress.bulletin(store.programme, "2024-03", fmt="pdf")


def test_monthly_trend(store):
    trend = progress.monthly_trend(store.programme, 2024, 4)
    assert list(trend["month"]) == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert list(trend["start_rate_estates"]) == pytest.approx([0.0, 0.0, 25.0, 25.0])


def test_outputs_match_their_schemas(store, root, tmp_path):
    p = store.programme
    _validator(root, "progress-report.schema.json").validate(progress.report(p, "2024-03", "estate"))
    _validator(root, "progress-report.schema.json").validate(
        progress.report(p, "cumulative", "district", as_of="2024-12-31"))
    _validator(root, "progress-ranking.schema.json").validate(progress.ranking(p, "2024Q1"))
    _validator(root, "progress-overdue.schema.json").validate(
        progress.overdue(p, "started=10", "2024-06-30"))
    events = _validator(root, "progress-event.schema.json")
    for line in progress.export_lines(tmp_path / "city.journal").splitlines():
        events.validate(json.loads(line))
    for line in (root / "tests" / "data" / "progress_lifecycle.jsonl").read_text("utf-8").splitlines():
        events.validate(json.loads(line))
