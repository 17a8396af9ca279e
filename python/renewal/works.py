"""The works of a programme (docs/works.md) with pandas conveniences, and the
working-day calendar (docs/calendar.md).

>>> import renewal
>>> renewal.works.deadline("2025-01-24", 5)        # across 春节 2025 and its make-up days
'2025-02-07'
>>> w = renewal.works.Works.from_events("examples/works/directory.json",
...                                     "examples/works/events.json")
>>> w.open_cases("2025-03-31", overdue_only=True)  # a DataFrame
"""

from __future__ import annotations

import datetime
import html
from typing import Union

import pandas as pd

from . import _time
from ._core import works as _core_works

Works = _core_works.Works
deadline = _core_works.deadline
calendar_years = _core_works.calendar_years

Date = Union[str, datetime.date]  # "YYYY-MM-DD", a date, or a datetime (its calendar date)

__all__ = ["Works", "deadline", "calendar_years", "open_cases", "step_stats", "public_list",
           "contractors"]


def open_cases(works: Works, as_of: Date, overdue_only: bool = False) -> pd.DataFrame:
    """Complaints not closed as of ``as_of`` ("YYYY-MM-DD" or a ``datetime.date``): id,
    estate, district, state, the step now due and its deadline ``due``
    (``datetime64[ns, Asia/Shanghai]``, midnight of the day; NaT when awaiting the
    complainant's confirmation), days_overdue, the escalation tier and where the case
    stands in Chinese and English (reason_zh, reason_en); one row per case, indexed by id."""
    columns = works._open_columns(as_of, overdue_only)
    due = _time.from_days(columns.pop("due_days"))
    df = pd.DataFrame(columns)
    df.insert(df.columns.get_loc("step") + 1, "due", due)
    return df.set_index("id")


def step_stats(works: Works, as_of: Date, by: str = "district") -> pd.DataFrame:
    """On-time rate and average calendar days per step (accept, handle, revisit), one row
    per group and step; ``by`` is "district" or "contractor"."""
    return pd.DataFrame(works._stats_columns(as_of, by)).set_index([by, "step"])


def public_list(works: Works) -> pd.DataFrame:
    """The complaints for publication: names masked, no text; ``filed`` is
    ``datetime64[ns, Asia/Shanghai]`` (midnight of the day)."""
    columns = works._public_columns()
    filed = _time.from_days(columns.pop("filed_days"))
    df = pd.DataFrame(columns)
    df.insert(df.columns.get_loc("state") + 1, "filed", filed)
    return df.set_index("id")


def contractors(works: Works) -> pd.DataFrame:
    """Each contractor's credit record; penalties in fen."""
    return pd.DataFrame(works.contractors()).set_index("contractor")


def _repr_html_(self: Works) -> str:
    return "<b>renewal.works.Works</b>: " + html.escape(repr(self)[len("<renewal.works.Works: "):-1])


Works.open_cases = open_cases
Works.step_stats = step_stats
Works.public_list = public_list
Works.contractors_frame = contractors
Works._repr_html_ = _repr_html_
