"""renewal.works: deadlines on the working-day calendar and the works' frames."""

import pandas as pd
import pytest

import renewal


def test_deadline_across_spring_festival_2025():
    # 国办发明电〔2024〕12号: 01-26 (Sun) and 02-08 (Sat) worked, 01-28…02-04 off.
    # From Fri 2025-01-24: 01-26 (1), 01-27 (2), 02-05 (3), 02-06 (4), 02-07 (5).
    assert renewal.works.deadline("2025-01-24", 5) == "2025-02-07"
    # 7 calendar days from 2024-09-27 end in 国庆 (10-04); rolled: 10-08.
    assert renewal.works.deadline("2024-09-27", 7, "calendar_days") == "2024-10-04"
    assert renewal.works.deadline("2024-09-27", 7, "calendar_days", True) == "2024-10-08"
    assert renewal.works.calendar_years()[:2] == [2024, 2025]


def test_deadline_errors():
    with pytest.raises(renewal.OutOfRangeError, match="2023-12-29"):
        renewal.works.deadline("2023-12-28", 1)
    with pytest.raises(renewal.InvalidArgumentError, match="unit"):
        renewal.works.deadline("2025-01-24", 5, "fortnights")
    with pytest.raises(renewal.InvalidArgumentError, match="start"):
        renewal.works.deadline("2025-02-30", 5)


def test_frames(root):
    w = renewal.works.Works.from_events(str(root / "examples/works/directory.json"),
                                        str(root / "examples/works/events.json"))
    assert repr(w).startswith("<renewal.works.Works: 2 projects, 2 complaints (1 open)")
    assert "<b>" in w._repr_html_()
    open_ = w.open_cases("2025-03-31", overdue_only=True)
    # C-2 filed Wed 2025-02-12, accept due Thu 02-13: 46 days overdue on 03-31.
    assert list(open_.index) == ["C-2"]
    assert open_.loc["C-2", "due"] == pd.Timestamp("2025-02-13", tz="Asia/Shanghai")
    assert open_.loc["C-2", "days_overdue"] == 46
    assert open_.loc["C-2", "reason_en"] == "awaiting acceptance, due 2025-02-13, 46 days overdue"
    stats = w.step_stats("2025-03-31", by="contractor")
    # C-1 (K-1): accepted 01-27, one day after its deadline of 01-26.
    assert stats.loc[("K-1", "accept"), "on_time_rate"] == 0.0
    assert stats.loc[("K-1", "accept"), "average_days"] == 3.0
    assert stats.loc[("K-1", "handle"), "on_time"] == 1
    public = w.public_list()
    assert public.loc["C-1", "complainant"] == "张**"
    records = w.contractors_frame()
    assert records.loc["K-1", "penalty_total_fen"] == 500000
    assert records.loc["K-1", "complaints_upheld"] == 1


def test_bad_events_raise(root, tmp_path):
    bad = tmp_path / "events.json"
    bad.write_text('[{"event": "complaint_filed", "id": "C-1", "estate": "E-404", '
                   '"channel": "hotline", "category": "q", "complainant": "x", "on": "2025-03-03"}]',
                   encoding="utf-8")
    with pytest.raises(renewal.NotFoundError, match="E-404"):
        renewal.works.Works.from_events(str(root / "examples/works/directory.json"), str(bad))


def _programme(tmp_path, root):
    """A programme journal with P-1 and P-2 (examples/works/projects.jsonl)."""
    store = renewal.works.open(tmp_path / "city.journal", root / "examples/works/directory.json",
                               create=True, sync=False)
    lines = (root / "examples/works/projects.jsonl").read_text(encoding="utf-8")
    assert store.record_lines(lines) == 2
    return store


def test_store_records_each_kind_with_dates(root, tmp_path):
    import datetime
    import decimal
    w = renewal.works
    store = _programme(tmp_path, root)
    # datetime.date, datetime.datetime and "YYYY-MM-DD" are all days.
    w.appoint(store, "A-1", "E-1", "supervisor", "王五", datetime.date(2025, 1, 2))
    w.file_complaint(store, "C-1", "E-1", datetime.datetime(2025, 1, 24, 9, 30),
                     category="quality", complainant="张三丰", text="楼道漏水", project="P-1")
    store.complaint_step("C-1", "accept", "李四", "2025-01-27")
    store.complaint_step("C-1", "handle", "李四", datetime.date(2025, 2, 7), upheld=True)
    store.raise_change_order("CO-1", "P-1", datetime.date(2025, 3, 3), "屋面面积调整",
                             [{"op": "modify", "item": {"id": "roof", "facility": "roof",
                                                        "category": "basic",
                                                        "asset_owner": "owners_in_common",
                                                        "lump_sum": "112345.67"}}],
                             1234567)  # int fen: 112,345.67 − 100,000.00 = 12,345.67 yuan
    store.sign_change_order("CO-1", "project_office", "赵六", "2025-03-04")
    store.sign_change_order("CO-1", "residents", "孙八", "2025-03-05")
    store.record_inspection("I-1", "P-1", "2025-03-06", item="屋面防水", location="1号楼屋面",
                            content="防水层厚度", passed=True, inspector="周九",
                            evidence=["IMG-0001"])
    # 85 of 100 satisfied: 85 % >= 80 % (hebei_80_acceptance, 《城镇老旧小区改造可复制政策机制清单（第四批）》).
    store.record_satisfaction_vote("P-1", "V-1", "2025-03-08", rule="hebei_80_acceptance",
                                   passed=True, agree=85, total=100)
    for party in ("construction", "design", "supervision", "contractor", "owner_reps",
                  "street_office"):
        store.sign_acceptance("P-1", party, "代表", datetime.date(2025, 3, 10))
    store.report_defect("DF-1", "P-1", "waterproofing", datetime.date(2025, 7, 1), "顶层渗漏")
    store.record_penalty("F-1", "K-1", decimal.Decimal("5000.00"), "夜间违规施工",
                         datetime.date(2025, 3, 20), project="P-1")
    store.end_appointment("A-1", datetime.date(2025, 6, 30))
    store.record_acceptance_evidence("P-1", "2025-03-11")
    assert store.works.complaint_count == 1
    assert "2 projects" in repr(store)
    del store  # releases the lock
    replayed = renewal.works.Works.replay(root / "examples/works/directory.json",
                                          tmp_path / "city.journal")
    records = replayed.contractors_frame()
    assert records.loc["K-1", "penalty_total_fen"] == 500000
    assert records.loc["K-1", "projects_accepted"] == 1
    lines = renewal.progress.export_lines(str(tmp_path / "city.journal")).splitlines()
    assert '"event":"complaint_filed"' in lines[3] and '"on":"2025-01-24"' in lines[3]
    assert '"id":"P-1/joint_acceptance","passed":true' in lines[-1]


def test_store_errors_are_renewal_errors(root, tmp_path):
    w = renewal.works
    store = _programme(tmp_path, root)
    with pytest.raises(renewal.NotFoundError, match='complaint "C-9" project: "P-9"'):
        w.file_complaint(store, "C-9", "E-1", "2025-01-24", category="q", complainant="x",
                         project="P-9")
    with pytest.raises(renewal.InvalidArgumentError, match="on: expected a date"):
        w.file_complaint(store, "C-9", "E-1", 20250124, category="q", complainant="x")
    with pytest.raises(renewal.FailedPreconditionError, match="revisit"):
        w.file_complaint(store, "C-1", "E-1", "2025-01-24", category="q", complainant="x")
        w.complaint_step(store, "C-1", "revisit", "王五", "2025-01-25", resolved=True)
    # A batch with a bad last line writes nothing.
    size = (tmp_path / "city.journal").stat().st_size
    with pytest.raises(renewal.NotFoundError, match="line 2"):
        w.record_all(store, [{"event": "appointment", "id": "A-1", "estate": "E-1",
                              "role": "supervisor", "person": "王五", "from": "2025-01-02"},
                             {"event": "defect", "id": "DF-1", "project": "P-9",
                              "item_kind": "plumbing", "on": "2025-07-01"}])
    assert (tmp_path / "city.journal").stat().st_size == size
    bad_policy = tmp_path / "policy.json"
    bad_policy.write_text('{"complaints": {"name": "x", "tiers": [], "tiers": []}}', encoding="utf-8")
    with pytest.raises(renewal.InvalidArgumentError, match='duplicate key "tiers"'):
        renewal.works.Works.replay(root / "examples/works/directory.json",
                                   tmp_path / "city.journal", policy=str(bad_policy))


def test_policy_file(root):
    w = renewal.works.Works.from_events(str(root / "examples/works/directory.json"),
                                        str(root / "examples/works/events.json"),
                                        policy=str(root / "examples/works/policy.json"))
    assert w.complaint_count == 2
