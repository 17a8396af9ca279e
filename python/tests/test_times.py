"""Times and dates in frames are datetime64[ns, Asia/Shanghai] (docs/python.md, "Times
and dates"), and date arguments take datetime.date as well as "YYYY-MM-DD"."""

import datetime

import numpy as np
import pandas as pd
import pytest

import renewal
import renewal.ledger
import renewal.progress as progress
import renewal.scheme as scheme
import renewal.votes as votes
from renewal import _time

BEIJING = "datetime64[ns, Asia/Shanghai]"


def test_days_and_seconds_by_hand():
    # 2024-03-01 is day 19,783 after 1970-01-01 (54 years with 13 leap days: 54*365 + 13
    # = 19,723, then Jan 31 + Feb 29 = 60 days). Midnight Beijing time is 16:00 UTC the
    # day before: 19,782.666… days, i.e. 1,709,222,400 s.
    days = _time.from_days(np.array([19_783, _time.MISSING_DAYS], dtype=np.int64))
    assert str(days.dtype) == BEIJING
    assert days[0] == pd.Timestamp("2024-03-01 00:00", tz="Asia/Shanghai")
    assert days[0].value == 1_709_222_400 * 10**9
    assert pd.isna(days[1])
    # 09:30 Beijing time = 01:30 UTC: 1,709,251,200 (00:00 UTC) + 5,400 s.
    seconds = _time.from_seconds(np.array([1_709_256_600], dtype=np.int64))
    assert seconds[0] == pd.Timestamp("2024-03-01 09:30", tz="Asia/Shanghai")


def test_text_with_and_without_offset():
    t = _time.from_text(["2024-03-01T09:30:00+08:00", "2024-03-01T01:30:00Z",
                         "2024-03-01T09:30:00", None])
    assert str(t.dtype) == BEIJING
    assert t[0] == t[1] == t[2] == pd.Timestamp("2024-03-01 09:30", tz="Asia/Shanghai")
    assert pd.isna(t[3])
    d = _time.from_text(["2025-03-05", ""], dates=True)
    assert d[0] == pd.Timestamp("2025-03-05", tz="Asia/Shanghai") and pd.isna(d[1])


@pytest.fixture(scope="module")
def estate(root):
    return renewal.Registry.load(root / "examples" / "votes" / "estate.json")


def test_ballot_at_0930_beijing(estate):
    vote = {"id": "V-T", "matter": "renovation_plan", "scope": {"kind": "estate", "id": "E-0001"},
            "rule": "civil_code_major",
            "opens": datetime.date(2024, 3, 1),                    # 00:00 Beijing time
            "closes": datetime.datetime(2024, 3, 15, 20, 0)}       # naive = Beijing time
    utc = datetime.timezone.utc
    ballots = pd.DataFrame({
        "dwelling_id": ["E-0001-B1-1-101", "E-0001-B1-1-201"],
        "choice": ["agree", "agree"],
        # The same instant twice: naive (Beijing time) and as UTC.
        "time": [datetime.datetime(2024, 3, 1, 9, 30),
                 datetime.datetime(2024, 3, 1, 1, 30, tzinfo=utc)]})
    out = votes.tally(estate, ballots, vote=vote)
    assert out.vote["opens"] == "2024-03-01T00:00:00+08:00"
    frame = out.ballots_frame()
    assert str(frame["time"].dtype) == BEIJING
    assert list(frame["time"]) == [pd.Timestamp("2024-03-01 09:30", tz="Asia/Shanghai")] * 2
    # 2024-03-01 01:30 UTC = 1,709,251,200 + 5,400 s since the epoch.
    assert frame["time"][0].value == 1_709_256_600 * 10**9
    assert list(frame["status"]) == ["accepted", "accepted"]


def test_elevator_opens_and_closes(root, estate):
    ex = root / "examples" / "votes"
    frame = votes.elevator(estate, ex / "elevator_ballots.json", ex / "elevator_applications.json")
    assert str(frame["opens"].dtype) == BEIJING and str(frame["closes"].dtype) == BEIJING
    # A-001 opens entrance B2-1 on 2026-04-01 09:00 (+08:00); 30 days later it closes.
    first = frame[frame["opened_by"] == "E-0001-B2-1-201"].iloc[0]
    assert first["opens"] == pd.Timestamp("2026-04-01 09:00", tz="Asia/Shanghai")
    assert first["closes"] - first["opens"] == pd.Timedelta(days=30)


def test_ledger_dates(root):
    reg = renewal.Registry.load(root / "examples" / "ledger" / "registry.json")
    fund = renewal.ledger.Ledger(reg)
    fund.deposit("E1-B1-1-401", 420000, datetime.date(2025, 1, 10))
    # An aware datetime late in the evening keeps its own calendar day (docs/python.md).
    late = datetime.datetime(2025, 2, 3, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    fund.deposit("E1-B1-1-301", "60.00", late)
    fund.deposit("E1-B1-1-201", 4800, "2025-03-01")
    frame = fund.to_frame()
    assert str(frame["date"].dtype) == BEIJING
    by_tx = frame.drop_duplicates("tx")["date"].tolist()
    assert by_tx == [pd.Timestamp(d, tz="Asia/Shanghai") for d in ("2025-01-10", "2025-02-03", "2025-03-01")]
    assert frame["date"].dt.date.iloc[0] == datetime.date(2025, 1, 10)
    statement = fund.statement_frame("E1-B1-1-401", 2025)
    assert str(statement["date"].dtype) == BEIJING
    assert statement["date"].iloc[0] == pd.Timestamp("2025-01-10", tz="Asia/Shanghai")


def test_works_dates_and_date_arguments(root):
    w = renewal.works.Works.from_events(root / "examples" / "works" / "directory.json",
                                        root / "examples" / "works" / "events.json")
    by_text = w.open_cases("2025-03-31")
    by_date = w.open_cases(datetime.date(2025, 3, 31))
    pd.testing.assert_frame_equal(by_text, by_date)
    assert str(by_date["due"].dtype) == BEIJING
    # C-2 filed Wed 2025-02-12, acceptance due the next working day, Thu 02-13.
    assert by_date.loc["C-2", "due"] == pd.Timestamp("2025-02-13", tz="Asia/Shanghai")
    public = w.public_list()
    assert str(public["filed"].dtype) == BEIJING
    assert public.loc["C-2", "filed"] == pd.Timestamp("2025-02-12", tz="Asia/Shanghai")
    pd.testing.assert_frame_equal(w.step_stats(datetime.date(2025, 3, 31)), w.step_stats("2025-03-31"))
    assert renewal.works.deadline(datetime.date(2025, 1, 24), 5) == "2025-02-07"


def test_progress_as_of_takes_a_date(root, tmp_path):
    store = progress.open(tmp_path / "city.journal", policy="yueyang", create=True, sync=False)
    store.record_lines((root / "examples" / "progress" / "events.jsonl").read_text(encoding="utf-8"))
    p = store.programme
    assert (progress.report(p, "cumulative", as_of=datetime.date(2024, 12, 31))
            == progress.report(p, "cumulative", as_of="2024-12-31"))
    assert (progress.overdue(p, "started=10", datetime.date(2024, 6, 30))
            == progress.overdue(p, "started=10", "2024-06-30"))


def test_opinion_dates(root):
    frame = scheme.opinions(root / "examples" / "scheme" / "plan_corrected.json").to_frame()
    assert str(frame["date"].dtype) == BEIJING
    assert frame["date"].iloc[0] == pd.Timestamp("2025-03-05", tz="Asia/Shanghai")
