"""Times and dates in frames: ``datetime64[ns, Asia/Shanghai]`` columns built in bulk
(a DatetimeIndex, assigned to a column by position).

Every frame column that holds a time or a date has this one dtype (docs/python.md,
"Times and dates"). A date (a ledger posting, a deadline) is midnight Beijing time of
that day, so ``column.dt.date`` gives the civil date back; a time (a ballot) is the
instant, shown in Beijing time. Missing values are ``NaT``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

TZ = "Asia/Shanghai"
DTYPE = pd.DatetimeTZDtype("ns", TZ)
# The C++ columns mark "no date" with this (numpy's NaT is the same int64).
MISSING_DAYS = np.iinfo(np.int64).min


def from_days(days: Any) -> pd.DatetimeIndex:
    """Days since 1970-01-01 (int64 numpy, ``MISSING_DAYS`` for none) as midnight
    Beijing time of each day."""
    naive = pd.DatetimeIndex(np.asarray(days, dtype=np.int64).astype("datetime64[D]"))
    # Midnight exists on every modern day; for the few of the 1940s/80s summer-time
    # changes, take the standard-time reading rather than raise.
    local = naive.tz_localize(TZ, ambiguous=np.zeros(len(naive), dtype=bool),
                              nonexistent="shift_forward")
    return local


def from_seconds(seconds: Any) -> pd.DatetimeIndex:
    """Epoch seconds (int64 numpy) as instants shown in Beijing time."""
    utc = pd.DatetimeIndex(np.asarray(seconds, dtype=np.int64).astype("datetime64[s]")).tz_localize("UTC")
    return utc.tz_convert(TZ)


def from_text(values: Any, dates: bool = False) -> pd.DatetimeIndex:
    """RFC 3339 times (any offset; none means Beijing time) or, with ``dates``,
    "YYYY-MM-DD" dates, parsed in one vectorised call; None or text that does not parse
    is NaT."""
    values = list(values)
    if dates:
        naive = pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d", errors="coerce")
        return from_days(naive.to_numpy(dtype="datetime64[D]").astype(np.int64))
    text = pd.Series(values, dtype=object)
    # Times without an offset are Beijing time: give them one so that utc=True is right.
    bare = text.str.match(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?$", na=False)
    text = text.where(~bare, text + "+08:00")
    utc = pd.to_datetime(text, utc=True, errors="coerce")
    return pd.DatetimeIndex(utc).tz_convert(TZ)
