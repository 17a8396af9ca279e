"""The works of a programme (docs/works.md) with pandas conveniences, and the
working-day calendar (docs/calendar.md).

>>> import renewal
>>> renewal.works.deadline("2025-01-24", 5)        # across 春节 2025 and its make-up days
'2025-02-07'
>>> w = renewal.works.Works.from_events("examples/works/directory.json",
...                                     "examples/works/events.json")
>>> w.open_cases("2025-03-31", overdue_only=True)  # a DataFrame

The works are kept in the programme's journal among its progress events (one file,
one replay, in order):

>>> import datetime
>>> store = renewal.works.open("city.journal", "examples/works/directory.json",
...                            create=True)                   # doctest: +SKIP
>>> store.file_complaint("C-1", "E-1", datetime.date(2025, 1, 24), category="quality",
...                      complainant="张三丰", text="楼道漏水")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime
import datetime
import decimal
import html
import json
import os
from typing import Any, Iterable, Sequence

import pandas as pd

from . import _time
from ._core import InvalidArgumentError
from ._core import works as _core_works

Works = _core_works.Works
ProgrammeStore = _core_works.ProgrammeStore
deadline = _core_works.deadline
calendar_years = _core_works.calendar_years

__all__ = ["Works", "ProgrammeStore", "deadline", "calendar_years", "open_cases", "step_stats",
           "public_list", "contractors", "open", "record", "record_all", "file_complaint",
           "complaint_step", "appoint", "end_appointment", "raise_change_order",
           "sign_change_order", "record_inspection", "record_satisfaction_vote",
           "sign_acceptance", "report_defect", "record_penalty"]

Day = str | datetime.date
Amount = int | str | decimal.Decimal


def _day(value: Day, field: str) -> str:
    """A day as "YYYY-MM-DD": a str as given, a date, or a datetime's date."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise InvalidArgumentError(f"{field}: expected a date or a \"YYYY-MM-DD\" string, "
                               f"got {type(value).__name__}")


def _yuan(value: Amount, field: str) -> str:
    """Money as exact yuan text: int fen, or Decimal / str yuan (renewal's MoneyArg rule)."""
    if isinstance(value, bool):
        raise InvalidArgumentError(f"{field}: expected int fen or Decimal/str yuan, got bool")
    if isinstance(value, int):
        sign = "-" if value < 0 else ""
        fen = abs(value)
        return f"{sign}{fen // 100}.{fen % 100:02d}"
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, str):
        return value
    raise InvalidArgumentError(f"{field}: expected int fen or Decimal/str yuan, "
                               f"got {type(value).__name__}")


def open(path: str | os.PathLike[str], directory: str | os.PathLike[str],  # noqa: A001
         *, policy: str = "default", guard_policy: str = "national_works", create: bool = False,
         sync: bool = True, calendar_dir: str | None = None) -> ProgrammeStore:
    """Locks and replays a programme journal with its works (creates it when ``create``).
    ``policy`` is "default" or a works policy JSON file (works-policy.schema.json)."""
    return ProgrammeStore.open(os.fspath(path), os.fspath(directory), policy, guard_policy,
                               create, sync, calendar_dir)


def _text(event: dict[str, Any] | str) -> str:
    return event if isinstance(event, str) else json.dumps(event, ensure_ascii=False)


def record(store: ProgrammeStore, event: dict[str, Any] | str) -> None:
    """Records one event: a works event (key "event", works-event.schema.json) or a
    progress event (key "kind", progress-event.schema.json), as a dict or its JSON."""
    store.record(_text(event))


def record_all(store: ProgrammeStore, events: Iterable[dict[str, Any] | str]) -> int:
    """Records events of both kinds in order, all checked before any is written, with
    one sync; returns how many."""
    return store.record_lines("\n".join(_text(e) for e in events))


def _put(event: dict[str, Any], **optional: Any) -> dict[str, Any]:
    for key, value in optional.items():
        if value not in ("", None):
            event[key] = value
    return event


def file_complaint(store: ProgrammeStore, id: str, estate: str, on: Day, *,  # noqa: A002
                   category: str, complainant: str, text: str = "", channel: str = "hotline",
                   project: str = "", building: str = "", dwelling: str = "",
                   supervisor: str = "") -> None:
    """A complaint filed (矛盾化解表): its deadline to be accepted counts from ``on``."""
    record(store, _put({"event": "complaint_filed", "id": id, "estate": estate,
                        "channel": channel, "category": category, "text": text,
                        "complainant": complainant, "on": _day(on, "on")},
                       project=project, building=building, dwelling=dwelling,
                       supervisor=supervisor))


def complaint_step(store: ProgrammeStore, complaint: str, action: str, person: str, on: Day, *,
                   note: str = "", resolved: bool | None = None,
                   upheld: bool | None = None) -> None:
    """A step: accept, handle (``upheld``), revisit (``resolved``), escalate or confirm."""
    event = _put({"event": "complaint_step", "complaint": complaint, "action": action,
                  "person": person, "on": _day(on, "on")}, note=note)
    if resolved is not None:
        event["resolved"] = resolved
    if upheld is not None:
        event["upheld"] = upheld
    record(store, event)


def appoint(store: ProgrammeStore, id: str, estate: str, role: str, person: str,  # noqa: A002
            on: Day) -> None:
    """A supervisor or council member appointed from ``on``."""
    record(store, {"event": "appointment", "id": id, "estate": estate, "role": role,
                   "person": person, "from": _day(on, "on")})


def end_appointment(store: ProgrammeStore, id: str, on: Day) -> None:  # noqa: A002
    """An appointment ended on ``on``."""
    record(store, {"event": "appointment_end", "id": id, "on": _day(on, "on")})


def raise_change_order(store: ProgrammeStore, id: str, project: str, on: Day,  # noqa: A002
                       reason: str, edits: Sequence[dict[str, Any]],
                       stated_change: Amount) -> None:
    """A change order (变更签证): ``edits`` as in works-event.schema.json, ``stated_change``
    in int fen or Decimal/str yuan (must equal what the edits add up to)."""
    record(store, {"event": "change_order", "id": id, "project": project, "on": _day(on, "on"),
                   "reason": reason, "edits": list(edits),
                   "stated_change": _yuan(stated_change, "stated_change")})


def sign_change_order(store: ProgrammeStore, order: str, role: str, person: str,
                      on: Day) -> None:
    """A signature on a change order by ``role``."""
    record(store, {"event": "change_signature", "order": order, "role": role,
                   "person": person, "on": _day(on, "on")})


def record_inspection(store: ProgrammeStore, id: str, project: str, on: Day, *,  # noqa: A002
                      item: str, location: str, content: str, passed: bool, inspector: str,
                      evidence: Sequence[str], conclusion: str = "") -> None:
    """A step inspection (举牌验收) with its photo references (IDs or "sha256:...")."""
    record(store, _put({"event": "inspection", "id": id, "project": project, "item": item,
                        "location": location, "content": content, "passed": passed,
                        "inspector": inspector, "on": _day(on, "on"),
                        "evidence": list(evidence)}, conclusion=conclusion))


def record_satisfaction_vote(store: ProgrammeStore, project: str, vote: str, on: Day, *,
                             rule: str, passed: bool, agree: int, total: int) -> None:
    """The residents' satisfaction vote as the votes area counted it."""
    record(store, {"event": "satisfaction_vote", "project": project, "vote": vote,
                   "rule": rule, "passed": passed, "agree": agree, "total": total,
                   "on": _day(on, "on")})


def sign_acceptance(store: ProgrammeStore, project: str, party: str, person: str,
                    on: Day) -> None:
    """A party's signature on the joint completion acceptance form."""
    record(store, {"event": "acceptance_signature", "project": project, "party": party,
                   "person": person, "on": _day(on, "on")})


def report_defect(store: ProgrammeStore, id: str, project: str, item_kind: str,  # noqa: A002
                  on: Day, text: str = "") -> None:
    """A defect reported after completion acceptance."""
    record(store, _put({"event": "defect", "id": id, "project": project,
                        "item_kind": item_kind, "on": _day(on, "on")}, text=text))


def record_penalty(store: ProgrammeStore, id: str, contractor: str, amount: Amount,  # noqa: A002
                   reason: str, on: Day, project: str = "") -> None:
    """A penalty on a contractor; ``amount`` in int fen or Decimal/str yuan."""
    record(store, _put({"event": "penalty", "id": id, "contractor": contractor,
                        "amount": _yuan(amount, "amount"), "reason": reason,
                        "on": _day(on, "on")}, project=project))


def open_cases(works: Works, as_of: Day, overdue_only: bool = False) -> pd.DataFrame:
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


def step_stats(works: Works, as_of: Day, by: str = "district") -> pd.DataFrame:
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


def _store_repr(self: ProgrammeStore) -> str:
    w = self.works
    return (f"<renewal.works.ProgrammeStore: {self.programme.project_count} projects, "
            f"{self.programme.event_count} progress events, {w.complaint_count} complaints>")


ProgrammeStore.__repr__ = _store_repr
for _name in ("record_all", "file_complaint", "complaint_step", "appoint",
              "end_appointment", "raise_change_order", "sign_change_order", "record_inspection",
              "record_satisfaction_vote", "sign_acceptance", "report_defect", "record_penalty"):
    setattr(ProgrammeStore, _name, globals()[_name])
