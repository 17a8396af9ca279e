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


def test_example_policy_and_programme_lines_match_their_schemas(root):
    policy = _validator(root, "works-policy.schema.json")
    with open(root / "examples" / "works" / "policy.json", encoding="utf-8") as f:
        policy.validate(json.load(f))
    policy.validate({"complaints": "liuyang_huitong", "acceptance": {"name": "none"}})
    assert not policy.is_valid({"complaints": "beijing"})
    assert not policy.is_valid({"changes": {"name": "x", "major_share": 120}})
    progress = _validator(root, "progress-event.schema.json")
    with open(root / "examples" / "works" / "projects.jsonl", encoding="utf-8") as f:
        for line in f:
            progress.validate(json.loads(line))


def test_exported_programme_lines_match_their_schemas(root, tmp_path):
    # Both kinds in one export: each line validates against its own schema, told apart
    # by its key ("kind": progress, "event": works).
    import renewal
    store = renewal.works.open(tmp_path / "p.journal", root / "examples/works/directory.json",
                               create=True, sync=False)
    store.record_lines((root / "examples/works/projects.jsonl").read_text(encoding="utf-8"))
    with open(root / "examples" / "works" / "events.json", encoding="utf-8") as f:
        store.record_all(json.load(f))
    store.record_acceptance_evidence("P-1", "2025-03-11")
    del store
    progress = _validator(root, "progress-event.schema.json")
    works = _validator(root, "works-event.schema.json")
    either = _validator(root, "programme-line.schema.json")
    kinds = set()
    for line in renewal.progress.export_lines(str(tmp_path / "p.journal")).splitlines():
        record = json.loads(line)
        (works if "event" in record else progress).validate(record)
        either.validate(record)
        kinds.add("works" if "event" in record else "progress")
    assert kinds == {"works", "progress"}
    assert not either.is_valid({"project": "P-1", "date": "2025-01-01"})


def test_example_directory_matches_the_schema(root):
    validator = _validator(root, "works-directory.schema.json")
    with open(root / "examples" / "works" / "directory.json", encoding="utf-8") as f:
        validator.validate(json.load(f))


def _cli(root):
    import os
    import pathlib
    import renewal
    path = os.environ.get("RENEWAL_CLI") or str(
        pathlib.Path(renewal.__file__).resolve().parents[2] / "renewal")
    if not os.access(path, os.X_OK):
        pytest.skip(f"renewal CLI not found at {path} (set RENEWAL_CLI)")
    return path


def test_cli_reports_match_the_schema(root, tmp_path):
    import subprocess
    cli = _cli(root)
    validator = _validator(root, "works-report.schema.json")
    directory = str(root / "examples" / "works" / "directory.json")
    journal = str(tmp_path / "works.journal")
    # The works hang off the programme's projects: its journal first.
    for args in (["init", journal, "--policy", "national_works"],
                 ["import", journal, str(root / "examples" / "works" / "projects.jsonl")]):
        assert subprocess.run([cli, "progress", *args], capture_output=True, timeout=60).returncode == 0
    runs = [
        ["record", directory, journal, "--events", str(root / "examples" / "works" / "events.json")],
        ["evidence", directory, journal, "--project", "P-1", "--date", "2025-03-11"],
        ["open", directory, journal, "--as-of", "2025-03-31"],
        ["open", directory, journal, "--as-of", "2025-03-31", "--overdue"],
        ["stats", directory, journal, "--as-of", "2025-03-31", "--by", "district"],
        ["stats", directory, journal, "--as-of", "2025-03-31", "--by", "contractor"],
        ["public", directory, journal],
        ["contractors", directory, journal],
    ]
    for args in runs:
        result = subprocess.run([cli, "works", *args, "--json"], capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stderr
        validator.validate(json.loads(result.stdout))
