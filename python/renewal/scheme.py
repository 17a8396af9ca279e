"""Estate plans (一小区一方案): completeness against the survey, review, opinions.

The rules are C++ (``renewal._core.scheme``); this module wraps the plan document and
the results for analysts: ``to_frame()``, readable ``repr`` and ``_repr_html_``.
Formats and decisions: docs/scheme.md.

>>> import renewal, renewal.scheme as scheme
>>> city = renewal.Registry.load("examples/small_city.json")
>>> plan = scheme.Plan.load("examples/scheme/plan_missing_fire.json")
>>> result = scheme.review(plan, city, "changsha_eight_no")
>>> result.passed, result.failed
(False, ['fire_lane_and_ageing', 'complete'])
"""

from __future__ import annotations

import html
import json
import os
from typing import Any, Dict, List, Mapping, Union

from . import _core

PlanSpec = Union["Plan", str, os.PathLike, Mapping[str, Any]]


def review_presets() -> List[str]:
    """The review presets: changsha_eight_no, national, wuhan_joint_review, changsha_two_rounds."""
    return list(_core.scheme.review_presets())


def completeness_presets() -> List[str]:
    """The completeness presets: national, changsha."""
    return list(_core.scheme.completeness_presets())


class Plan:
    """One estate's plan, read and checked by the C++ reader (every default filled in)."""

    def __init__(self, text: str):
        self._text = _core.scheme.plan_json(text)
        self._data = json.loads(self._text)

    @staticmethod
    def load(path: Union[str, os.PathLike]) -> "Plan":
        """Reads a plan file (docs/schemas/scheme-plan.schema.json)."""
        return Plan(_core.scheme.load_plan_json(os.fspath(path)))

    @staticmethod
    def loads(text: str) -> "Plan":
        """Reads a plan from JSON text."""
        return Plan(text)

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> "Plan":
        """Reads a plan from a dict of the JSON form."""
        return Plan(json.dumps(data, ensure_ascii=False))

    @property
    def id(self) -> str:
        return self._data["id"]

    @property
    def estate(self) -> str:
        return self._data["estate"]

    def to_dict(self) -> Dict[str, Any]:
        """The plan as a dict of the JSON form (a copy)."""
        return json.loads(self._text)

    def to_json(self) -> str:
        """The plan as JSON text, every field written."""
        return self._text

    def to_frame(self):
        """The items as a DataFrame, with each item's cost in fen (quantity x unit cost,
        rounded half away from zero)."""
        import pandas as pd

        items = self._data["items"]
        columns = ["id", "catalogue", "category", "facility", "quantity", "unit",
                   "unit_cost_fen", "scope", "building", "entrance"]
        frame = pd.DataFrame({c: [it.get(c, "") for it in items] for c in columns})
        frame["cost_fen"] = pd.array(_core.scheme.item_costs_fen(self._text), dtype="int64")
        return frame

    def __repr__(self) -> str:
        return (f"<Plan {self.id} estate {self.estate}: {len(self._data['items'])} items, "
                f"{len(self._data['consultations'])} consultation rounds, "
                f"{len(self._data['opinions'])} opinions>")

    def _repr_html_(self) -> str:
        return (f"<p><b>Plan {html.escape(self.id)}</b> (estate {html.escape(self.estate)})</p>"
                + self.to_frame().to_html(index=False))


def _plan(spec: PlanSpec) -> Plan:
    if isinstance(spec, Plan):
        return spec
    if isinstance(spec, Mapping):
        return Plan.from_dict(spec)
    text = os.fspath(spec)
    return Plan.loads(text) if text.lstrip().startswith("{") else Plan.load(text)


class Completeness:
    """What the survey requires of a plan and what the plan does about each finding."""

    def __init__(self, data: Dict[str, Any]):
        self.data = data

    @property
    def complete(self) -> bool:
        return self.data["complete"]

    @property
    def counts(self) -> Dict[str, int]:
        return dict(self.data["counts"])

    def to_frame(self):
        """One row per finding: rule, facility, condition, kind, status, entrance, items,
        reasons, source."""
        import pandas as pd

        needs = self.data["needs"]
        columns = ["rule", "facility", "condition", "kind", "status", "building", "entrance",
                   "items", "waiver", "reason_zh", "reason_en", "source"]
        return pd.DataFrame({c: [n.get(c, [] if c == "items" else "") for n in needs]
                             for c in columns})

    def __repr__(self) -> str:
        c = self.data["counts"]
        return (f"<Completeness estate {self.data['estate']} ({self.data['policy']}): "
                f"{c['required']} required, {c['covered']} covered, {c['waived']} waived, "
                f"{c['missing']} missing, {c['not_surveyed']} not surveyed>")

    def _repr_html_(self) -> str:
        return (f"<p>{html.escape(repr(self))}</p>"
                + self.to_frame()[["facility", "condition", "kind", "status", "entrance",
                                   "reason_zh"]].to_html(index=False))


class Review:
    """A plan's review: every check's outcome with the values compared and reasons."""

    def __init__(self, data: Dict[str, Any]):
        self.data = data
        self.completeness = Completeness(data["completeness"])

    @property
    def status(self) -> str:
        return self.data["status"]

    @property
    def passed(self) -> bool:
        return self.data["passed"]

    @property
    def failed(self) -> List[str]:
        return list(self.data["failed"])

    def to_frame(self):
        """One row per check: id, kind, outcome, actual, expected, reasons, source."""
        import pandas as pd

        checks = self.data["checks"]
        columns = ["id", "kind", "outcome", "actual", "expected", "reason_zh", "reason_en",
                   "source"]
        return pd.DataFrame({c: [x[c] for x in checks] for c in columns})

    def __repr__(self) -> str:
        failed = ", ".join(self.failed) or "none"
        return (f"<Review {self.data['plan']} ({self.data['policy']['name']}): {self.status}; "
                f"failed: {failed}>")

    def _repr_html_(self) -> str:
        return (f"<p>{html.escape(repr(self))}</p>"
                + self.to_frame()[["id", "outcome", "reason_zh", "reason_en"]].to_html(index=False))


def completeness(plan: PlanSpec, registry: "_core.Registry", policy: str = "national") -> Completeness:
    """The plan's completeness against its estate's survey under a preset policy."""
    p = _plan(plan)
    return Completeness(json.loads(_core.scheme.completeness_json(registry, p.to_json(), policy)))


def review(plan: PlanSpec, registry: "_core.Registry", policy: str = "national") -> Review:
    """Reviews the plan under a preset policy (review_presets())."""
    p = _plan(plan)
    return Review(json.loads(_core.scheme.review_json(registry, p.to_json(), policy)))


class Opinions:
    """The opinions register; masked hides each dwelling's room (for publication)."""

    def __init__(self, plan: Plan, masked: bool = True):
        self._plan = plan
        self.masked = masked
        self.data = json.loads(_core.scheme.opinions_json(plan.to_json(), masked))

    def to_frame(self):
        """One row per opinion: id, dwelling, date (``datetime64[ns, Asia/Shanghai]``,
        midnight of the day), round, objection, opinion, answer, change, explanation."""
        import pandas as pd

        from . import _time as times

        rows = self.data["opinions"]
        columns = ["id", "dwelling", "date", "round", "objection", "opinion", "answer",
                   "change", "explanation"]
        frame = pd.DataFrame({c: [r[c] for r in rows] for c in columns})
        frame["date"] = times.from_text(frame["date"], dates=True)
        return frame

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False)

    def notice_markdown(self, estate_name: str = "") -> str:
        """The public notice of the answers in Chinese Markdown, dwellings masked."""
        return _core.scheme.opinions_notice(self._plan.to_json(), estate_name, "md")

    def notice_html(self, estate_name: str = "") -> str:
        """The public notice of the answers as an HTML fragment, dwellings masked."""
        return _core.scheme.opinions_notice(self._plan.to_json(), estate_name, "html")

    def __repr__(self) -> str:
        answers: Dict[str, int] = {}
        for r in self.data["opinions"]:
            answers[r["answer"]] = answers.get(r["answer"], 0) + 1
        summary = ", ".join(f"{v} {k}" for k, v in sorted(answers.items())) or "none"
        return f"<Opinions {self.data['plan']}: {len(self.data['opinions'])} ({summary})>"

    def _repr_html_(self) -> str:
        return self.notice_html()


def opinions(plan: PlanSpec, masked: bool = True) -> Opinions:
    """The plan's opinions register."""
    return Opinions(_plan(plan), masked)


def mask_dwelling(dwelling_id: str) -> str:
    """E000025-03-1-502 → E000025-03-1-***."""
    return _core.scheme.mask_dwelling(dwelling_id)
