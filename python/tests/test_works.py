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
