"""Owner votes (业主共同决定) counted by the legal thresholds, exactly.

The count is C++ (``renewal._core.votes``): areas in integer 0.01 m², thresholds
as exact fractions, headcount by person (法释〔2009〕7号 art. 9: the developer's
unsold units are one person, one owner of several units is one person). This
module adds pandas conveniences. Formats: docs/votes.md.

>>> import renewal, renewal.votes as votes
>>> r = renewal.Registry.load("examples/votes/estate.json")
>>> out = votes.tally(r, "examples/votes/ballots.json")
>>> out.passed
True
>>> out.to_frame()[["test", "pct", "threshold", "passed"]]  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _core

__all__ = ["Outcome", "presets", "rule", "mask_name", "document", "tally", "tally_estates", "notice", "consult_rounds", "elevator_result", "elevator"]

BallotsSpec = Union[str, os.PathLike, Mapping[str, Any], "pandas.DataFrame", Iterable[Mapping[str, Any]]]

_CST = _dt.timezone(_dt.timedelta(hours=8))


def presets() -> List[str]:
    """The preset rule names."""
    return list(_core.votes.presets())


def rule(spec: Union[str, Mapping[str, Any]]) -> Dict[str, Any]:
    """A rule as a dict: a preset name, a rule dict, JSON text or a JSON file path."""
    if isinstance(spec, Mapping):
        spec = json.dumps(spec, ensure_ascii=False)
    return json.loads(_core.votes.rule_json(str(spec)))


def mask_name(name: str) -> str:
    """Masks a name for public notices: 张三 → 张*, 欧阳娜娜 → 欧阳**."""
    return _core.votes.mask_name(name)


def _time(value: Any) -> Union[int, str]:
    """RFC 3339 text or epoch seconds; naive datetimes are China Standard Time, and a
    ``datetime.date`` is 00:00 China Standard Time of that day."""
    if isinstance(value, bool):
        raise TypeError(f"time: expected a datetime, RFC 3339 text or seconds, got {value!r}")
    if isinstance(value, int):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas.Timestamp
        value = value.to_pydatetime()
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        value = _dt.datetime(value.year, value.month, value.day)
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_CST)
        return value.replace(microsecond=0).isoformat()
    if hasattr(value, "item"):  # numpy integer
        return int(value.item())
    return str(value)


def _ballot_records(ballots: Any) -> List[Dict[str, Any]]:
    if hasattr(ballots, "to_dict") and hasattr(ballots, "columns"):  # DataFrame
        rows = ballots.to_dict("records")
    else:
        rows = list(ballots)
    out = []
    for row in rows:
        b: Dict[str, Any] = {}
        if row.get("id") not in (None, ""):
            b["id"] = str(row["id"])
        b["dwelling"] = str(row.get("dwelling_id", row.get("dwelling")))
        b["choice"] = str(row["choice"])
        b["time"] = _time(row["time"])
        cast_by = row.get("cast_by")
        if cast_by not in (None, "") and cast_by == cast_by:  # skip NaN
            b["cast_by"] = str(cast_by)
        owner = row.get("owner_id", row.get("owner"))
        if owner not in (None, "") and owner == owner:
            b["owner"] = str(owner)
        out.append(b)
    return out


def _json_text(value: Any) -> Optional[str]:
    """A document given as a dict, JSON text or a path, as JSON text; None otherwise."""
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (str, os.PathLike)):
        text = str(value)
        if text.lstrip().startswith("{"):
            return text
        with open(text, encoding="utf-8") as f:
            return f.read()
    return None


def document(ballots: BallotsSpec, vote: Optional[Mapping[str, Any]] = None) -> str:
    """The ballots document as JSON text.

    :param ballots: a path to a ballots JSON file, a document dict, JSON text, or
        (with ``vote``) a DataFrame / list of dicts with columns ``dwelling_id``,
        ``choice``, ``time`` and optionally ``cast_by``, ``owner_id``, ``id``.
    :param vote: the vote dict (id, matter, scope, rule, opens, closes) when
        ``ballots`` is a table.
    """
    if vote is not None:
        v = dict(vote)
        for key in ("opens", "closes"):
            if key in v:
                v[key] = _time(v[key])
        return json.dumps({"vote": v, "ballots": _ballot_records(ballots)}, ensure_ascii=False)
    text = _json_text(ballots)
    if text is None:
        raise TypeError("ballots: a table needs vote=...; otherwise pass a path, JSON text or a dict")
    return text


class Outcome:
    """The outcome of a vote: pass/fail, every test with its exact fraction and
    margin, ballot counts by status, and breakdowns by building and entrance.

    Areas are integers of 0.01 m² (``*_centi_m2``); ``to_frame`` adds m² columns.
    """

    def __init__(self, data: Dict[str, Any]):
        self._data = data

    @property
    def passed(self) -> bool:
        return bool(self._data["passed"])

    @property
    def vote(self) -> Dict[str, Any]:
        return self._data["vote"]

    @property
    def totals(self) -> Dict[str, int]:
        return self._data["totals"]

    @property
    def tests(self) -> List[Dict[str, Any]]:
        return self._data["tests"]

    @property
    def ballot_counts(self) -> Dict[str, Any]:
        return self._data["ballot_counts"]

    @property
    def inconsistent_persons(self) -> List[Dict[str, Any]]:
        return self._data["inconsistent_persons"]

    def to_dict(self) -> Dict[str, Any]:
        return self._data

    def to_json(self) -> str:
        return json.dumps(self._data, ensure_ascii=False)

    def to_frame(self):
        """One row per test: numerator, denominator, exact threshold, percentages,
        passed, minimum to pass and margin (areas also in m²)."""
        import pandas as pd

        rows = []
        for t in self.tests:
            area = t["basis"] == "area"
            row = {
                "test": t["name"], "basis": t["basis"], "counted": t["counted"], "over": t["over"],
                "comparison": t["comparison"], "numerator": t["numerator"],
                "denominator": t["denominator"], "pct": t["pct"], "threshold": t["threshold"],
                "threshold_pct": t["threshold_pct"], "passed": t["passed"],
                "minimum_to_pass": t["minimum_to_pass"], "margin": t["margin"],
                "reachable": t["reachable"], "unit": "0.01 m²" if area else "heads",
                "margin_m2": t["margin"] / 100 if area else None, "reason": t["reason"],
            }
            rows.append(row)
        return pd.DataFrame(rows)

    def ballots_frame(self):
        """Every ballot as handed in, with its status (accepted, superseded, ... or the
        rejection reason); ``time`` is ``datetime64[ns, Asia/Shanghai]``."""
        import pandas as pd

        from . import _time as times

        df = pd.DataFrame(self._data["ballots"],
                          columns=["index", "id", "dwelling", "choice", "time", "status"])
        df["time"] = times.from_text(df["time"])
        return df

    def buildings_frame(self):
        import pandas as pd

        return pd.DataFrame(self._data["buildings"])

    def entrances_frame(self):
        import pandas as pd

        return pd.DataFrame(self._data["entrances"])

    def __repr__(self) -> str:
        tests = "; ".join(
            f"{t['name']} {t['pct']} {'≥' if t['comparison'] == 'at_least' else '>'} "
            f"{t['threshold']} {'✓' if t['passed'] else '✗'}" for t in self.tests)
        c = self.ballot_counts
        return (f"<renewal.votes.Outcome {self.vote['id']} ({self.vote['rule']['name']}): "
                f"{'PASSED' if self.passed else 'FAILED'}; {tests}; ballots {c['total']} "
                f"({c['accepted']} accepted, {c['superseded']} superseded, {c['rejected']} rejected)>")

    def _repr_html_(self) -> str:
        head = (f"<b>{self.vote['id']}</b> {self.vote['rule']['name']}: "
                f"<b>{'通过 passed' if self.passed else '未通过 failed'}</b>")
        return head + self.to_frame()[["test", "pct", "comparison", "threshold", "passed",
                                       "margin"]].to_html(index=False)


def tally(registry: "_core.Registry", ballots: BallotsSpec,
          vote: Optional[Mapping[str, Any]] = None,
          rule: Optional[Union[str, Mapping[str, Any]]] = None) -> Outcome:
    """Counts a vote.

    :param registry: a :class:`renewal.Registry`.
    :param ballots: see :func:`document`.
    :param vote: the vote dict when ``ballots`` is a table.
    :param rule: overrides the vote's rule (preset name, dict, JSON text or file).
    :raises renewal.InvalidArgumentError: malformed input; the message names the
        ballot and field.
    """
    spec = None if rule is None else (json.dumps(rule, ensure_ascii=False)
                                      if isinstance(rule, Mapping) else str(rule))
    return Outcome(json.loads(_core.votes.tally_json(registry, document(ballots, vote), spec)))


def _seconds(value: Any) -> int:
    """Epoch seconds from seconds, a datetime (naive: China Standard Time) or RFC 3339 text."""
    t = _time(value)
    if isinstance(t, int):
        return t
    parsed = _dt.datetime.fromisoformat(t.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=_CST)
    return int(parsed.timestamp())


def _seconds_array(column):
    """Epoch seconds (int64 numpy) of a column of datetimes (naive ones are China
    Standard Time), epoch seconds, or RFC 3339 text; vectorised but for text."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(column):
        stamps = pd.DatetimeIndex(column)
        if stamps.tz is None:
            stamps = stamps.tz_localize(_CST)
        if stamps.hasnans:
            raise _core.InvalidArgumentError(
                f"ballots row {column.index[np.flatnonzero(stamps.isna())[0]]} time: missing")
        return stamps.asi8 // 1_000_000_000
    if pd.api.types.is_integer_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return column.to_numpy(dtype=np.int64)
    return np.fromiter((_seconds(x) for x in column), dtype=np.int64, count=len(column))


def tally_estates(registry: "_core.Registry", ballots, rule: str, opens: Any, closes: Any,
                  estates: Optional[Iterable[str]] = None,
                  matter: str = "renovation_plan"):
    """One vote per estate over a city's ballots, counted in one pass (C++
    ``TallyEachEstate``): each ballot counts in the vote of its dwelling's estate.

    The ballots' columns go to C++ as numpy arrays: dwelling IDs through
    :meth:`renewal.Registry.dwelling_rows`, choices and casters as label codes, times
    as epoch seconds; nothing is converted ballot by ballot in Python.

    :param ballots: a DataFrame with ``dwelling_id``, ``choice`` (key, Chinese or English
        name; a Categorical is fastest), ``time`` (datetime64, naive = China Standard
        Time; epoch seconds; or RFC 3339 text) and optionally ``cast_by`` and ``owner_id``.
    :param rule: a preset name, rule JSON text or the path of a rule JSON file.
    :param estates: estate ids to count (default: every estate of the registry).
    :returns: a DataFrame, one row per estate: estate_id, passed, failed_tests,
        ballots, accepted, rejected, dwellings, heads_total/participating/agree,
        area_*_centi_m2 (integer 0.01 m²), inconsistent_persons and
        ``margin.<test>`` per test of the rule. ``df.attrs["unattributed_ballots"]``
        lists the positions of ballots whose dwelling is not in the registry.
    :raises renewal.InvalidArgumentError: a bad ballot (names the row and the column).
    """
    import numpy as np
    import pandas as pd

    from .registry import _codes, _Table

    t = _Table("ballots", ballots, {"dwelling": "dwelling_id", "owner": "owner_id"})
    for needed in ("dwelling_id", "choice", "time"):
        if not t.has(needed):
            raise _core.InvalidArgumentError(f"ballots: missing column {needed}")
    choices = _codes(t, "choice", "ballot_choice")
    t.fail(choices < 0, "choice", lambda v: "missing")
    cast_by = _codes(t, "cast_by", "cast_by")
    n = len(t)
    if t.has("owner_id"):
        owner_ids = t.column("owner_id")
        owner_rows = registry.owner_rows(owner_ids)
        named = ~owner_ids.isna().to_numpy() & (owner_ids.to_numpy(dtype=object) != "")
        owner_rows = np.where(named & (owner_rows < 0), -2, owner_rows)  # -2: unknown owner
    else:
        owner_rows = np.full(n, -1, dtype=np.int64)
    columns = _core.votes.tally_estates_rows(
        registry, registry.dwelling_rows(t.column("dwelling_id")), choices,
        _seconds_array(t.column("time")), cast_by, owner_rows.astype(np.int64), rule,
        _seconds(opens), _seconds(closes), matter, [] if estates is None else list(estates))
    unattributed = columns.pop("unattributed_ballots")
    frame = pd.DataFrame(columns)
    frame.attrs["unattributed_ballots"] = list(unattributed)
    return frame


def notice(registry: "_core.Registry", ballots: BallotsSpec,
           vote: Optional[Mapping[str, Any]] = None, format: str = "md",
           rule: Optional[Union[str, Mapping[str, Any]]] = None) -> Union[str, Dict[str, Any]]:
    """The public notice (公示) with owner names masked: Markdown text, or a dict
    when ``format="json"``."""
    spec = None if rule is None else (json.dumps(rule, ensure_ascii=False)
                                      if isinstance(rule, Mapping) else str(rule))
    text = _core.votes.notice(registry, document(ballots, vote), format, spec)
    return json.loads(text) if format == "json" else text


def consult_rounds(registry: "_core.Registry", rounds: List[BallotsSpec],
                   rule: Optional[Union[str, Mapping[str, Any]]] = None) -> Dict[str, Any]:
    """Multi-round consultation (宜昌 三轮征询, seed 001): each round addresses only
    the dwellings that have not agreed yet; agreement is kept.

    :param rounds: one ballots document per round (path, dict or JSON text). The
        first round's scope is the consultation's (later rounds must name the same
        scope); each round's vote ``id`` names it and its ``opens``/``closes`` are
        the round's window.
    :param rule: defaults to the first round's rule (e.g. ``"yichang_all_agree"``).
    :returns: the dict ``renewal consult --json`` writes
        (docs/schemas/vote-consultation.schema.json): ``passed``, ``rounds``, ``remaining``.
    :raises renewal.InvalidArgumentError: malformed round; the message names ``rounds[k]``.
    """
    spec = None if rule is None else (json.dumps(rule, ensure_ascii=False)
                                      if isinstance(rule, Mapping) else str(rule))
    docs = [document(r) for r in rounds]
    return json.loads(_core.votes.consult_rounds_json(registry, docs, spec))


def _applications_document(applications: Any) -> str:
    text = _json_text(applications)
    if text is not None:
        return text
    rows = [{"dwelling": str(dwelling_id), "time": _time(when)} for dwelling_id, when in applications]
    return json.dumps({"applications": rows}, ensure_ascii=False)


_ELEVATOR_COLUMNS = ["building", "entrance", "opened_by", "opens", "closes", "applications", "rule",
                     "passed", "heads_agree", "heads_total", "area_agree_centi_m2",
                     "area_total_centi_m2"]


def elevator_result(registry: "_core.Registry", ballots: BallotsSpec, applications: Any,
                    duration_days: float = 30,
                    rule: Optional[Union[str, Mapping[str, Any]]] = None) -> Dict[str, Any]:
    """Per-entrance elevator consultations (上海, seed 001) as the dict
    ``renewal elevator --json`` writes (docs/schemas/vote-elevator.schema.json):
    per opened entrance its window, tests and ballot counts, and every ballot's fate.

    :param ballots: the ballots document (see :func:`document`); its rule applies
        unless ``rule`` is given (``elevator_addition`` defaults to civil_code_major).
    :param applications: an applications document (path, dict or JSON text) or
        (dwelling_id, time) pairs; time as for ballots.
    :raises renewal.NotFoundError: an application names an unknown dwelling.
    """
    spec = None if rule is None else (json.dumps(rule, ensure_ascii=False)
                                      if isinstance(rule, Mapping) else str(rule))
    text = _core.votes.elevator_json(registry, document(ballots),
                                     _applications_document(applications),
                                     int(round(duration_days * 86400)), spec)
    return json.loads(text)


def elevator(registry: "_core.Registry", ballots: BallotsSpec, applications: Any,
             duration_days: float = 30, rule: Optional[Union[str, Mapping[str, Any]]] = None):
    """Per-entrance elevator consultations (上海, seed 001): one household's
    application opens a consultation for its entrance (单元).

    :param applications: (dwelling_id, time) pairs, or an applications document.
    :returns: a DataFrame, one row per opened entrance, with ``passed``; ``opens`` and
        ``closes`` are ``datetime64[ns, Asia/Shanghai]``. :func:`elevator_result` gives
        the tests and every ballot's status.
    """
    import pandas as pd

    from . import _time as times

    result = elevator_result(registry, ballots, applications, duration_days, rule)
    rows = []
    for e in result["entrances"]:
        t = e["totals"]
        rows.append({"building": e["building"], "entrance": e["entrance"],
                     "opened_by": e["opened_by"], "opens": e["opens"], "closes": e["closes"],
                     "applications": e["applications"], "rule": result["rule"]["name"],
                     "passed": e["passed"], "heads_agree": t["heads_agree"],
                     "heads_total": t["heads_total"],
                     "area_agree_centi_m2": t["area_agree_centi_m2"],
                     "area_total_centi_m2": t["area_total_centi_m2"]})
    frame = pd.DataFrame(rows, columns=_ELEVATOR_COLUMNS)
    for column in ("opens", "closes"):
        frame[column] = times.from_text(frame[column])
    return frame
