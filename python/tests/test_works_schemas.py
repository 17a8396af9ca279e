"""The calendar's year files and the works' events match their schemas, and the
reader's rules that a schema cannot state are stated in the schema's description."""

import json

import pytest

jsonschema = pytest.importorskip("jsonschema")


def _validator(root, name):
    store = {}
    for path in (root / "docs" / "schemas").glob("*.schema.json"):
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        store[schema["$id"]] = schema
    schema = store["https://renewal.example/schemas/" + name]
    jsonschema.Draft202012Validator.check_schema(schema)
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def test_bundled_calendar_years_match_the_schema(root):
    validator = _validator(root, "calendar.schema.json")
    files = sorted((root / "data" / "calendar").glob("*.json"))
    assert [p.stem for p in files][:2] == ["2024", "2025"]
    for path in files:
        with open(path, encoding="utf-8") as f:
            year = json.load(f)
        validator.validate(year)
        assert path.stem == str(year["year"])
        assert year["notice"]["title"] == f"国务院办公厅关于{year['year']}年部分节假日安排的通知"


def test_calendar_schema_rejects_unknown_fields(root):
    validator = _validator(root, "calendar.schema.json")
    with open(root / "data" / "calendar" / "2025.json", encoding="utf-8") as f:
        year = json.load(f)
    year["weekends"] = []
    assert not validator.is_valid(year)


def test_example_events_match_the_schema(root):
    validator = _validator(root, "works-event.schema.json")
    with open(root / "examples" / "works" / "events.json", encoding="utf-8") as f:
        events = json.load(f)
    kinds = set()
    for event in events:
        validator.validate(event)
        kinds.add(event["event"])
    assert len(kinds) >= 10
    assert not validator.is_valid({"event": "complaint_step", "complaint": "C-1",
                                   "action": "jump", "person": "x", "on": "2025-01-01"})
