"""The documented JSON Schemas describe what renewal actually writes."""

import json
import os
import pathlib
import subprocess

import pytest

import renewal

jsonschema = pytest.importorskip("jsonschema")


def _schema(root, name):
    with open(root / "docs" / "schemas" / name, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_registry_schema_accepts_what_we_write(root, tiny_path, small_city_path):
    validator = _schema(root, "registry.schema.json")
    for path in (tiny_path, small_city_path):
        with open(path, encoding="utf-8") as f:
            validator.validate(json.load(f))
        written = renewal.Registry.load(path, current_year=2026).dumps()
        validator.validate(json.loads(written))


def test_registry_schema_rejects_what_the_reader_rejects(root, tiny_path):
    validator = _schema(root, "registry.schema.json")
    with open(tiny_path, encoding="utf-8") as f:
        doc = json.load(f)
    doc["estates"][0]["buildings"][0]["entrances"][0]["dwellings"][0]["exclusive_area_m2"] = -12
    assert not validator.is_valid(doc)
    doc["estates"][0]["buildings"][0]["entrances"][0]["dwellings"][0]["exclusive_area_m2"] = 1
    doc["estates"][0]["biuld_year"] = 1990
    assert not validator.is_valid(doc)


def test_every_schema_is_valid(root):
    for path in sorted((root / "docs" / "schemas").glob("*.schema.json")):
        with open(path, encoding="utf-8") as f:
            jsonschema.Draft202012Validator.check_schema(json.load(f))


# --- votes: what `renewal tally/consult/elevator --json` writes ----------------

def _vote_validator(root, name):
    """A validator whose $refs to the other vote schemas resolve to docs/schemas
    (jsonschema 4.10, Debian 12: RefResolver with a store keyed by $id)."""
    store = {}
    for path in (root / "docs" / "schemas").glob("vote-*.schema.json"):
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        store[schema["$id"]] = schema
    schema = store["https://renewal.example/schemas/" + name]
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


def _cli(root):
    """The renewal executable of the build the package was imported from."""
    path = os.environ.get("RENEWAL_CLI") or str(
        pathlib.Path(renewal.__file__).resolve().parents[2] / "renewal")
    if not os.access(path, os.X_OK):
        pytest.skip(f"renewal CLI not found at {path} (set RENEWAL_CLI)")
    return path


def _run_json(root, *args):
    result = subprocess.run([_cli(root), *args, "--json"], capture_output=True, text=True,
                            cwd=root / "examples" / "votes", timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


ROUNDS = ("consult_round1.json", "consult_round2.json", "consult_round3.json")
LIFT = ("elevator_ballots.json", "elevator_applications.json")


def test_vote_inputs_match_their_schemas(root):
    votes_dir = root / "examples" / "votes"
    ballots = _vote_validator(root, "vote-ballots.schema.json")
    for name in ("ballots.json", "elevator_ballots.json") + ROUNDS:
        with open(votes_dir / name, encoding="utf-8") as f:
            ballots.validate(json.load(f))
    apps = _vote_validator(root, "vote-elevator-applications.schema.json")
    with open(votes_dir / "elevator_applications.json", encoding="utf-8") as f:
        doc = json.load(f)
    apps.validate(doc)
    # What the reader rejects (ParseElevatorApplications): unknown fields, no time.
    doc["applications"][0]["owner"] = "O7"
    assert not apps.is_valid(doc)
    del doc["applications"][0]["owner"]
    del doc["applications"][0]["time"]
    assert not apps.is_valid(doc)


def test_tally_json_matches_the_outcome_schema(root):
    out = _run_json(root, "tally", "estate.json", "ballots.json")
    _vote_validator(root, "vote-outcome.schema.json").validate(out)


def test_consult_json_matches_its_schema(root):
    validator = _vote_validator(root, "vote-consultation.schema.json")
    out = _run_json(root, "consult", "estate.json", *ROUNDS)
    validator.validate(out)
    # Yichang (seed 001), docs/votes.md: 3, 5, 6 of 7 persons; 2-1-201 is left.
    assert [r["heads_agree"] for r in out["rounds"]] == [3, 5, 6]
    assert out["remaining"] == [{"dwelling": "E-0001-B2-1-201", "last_choice": "disagree"}]
    # The Python API returns the same document.
    votes = pytest.importorskip("renewal.votes")
    registry = renewal.Registry.load(str(root / "examples" / "votes" / "estate.json"))
    same = votes.consult_rounds(registry, [str(root / "examples" / "votes" / n) for n in ROUNDS])
    assert same == out


def test_elevator_json_matches_its_schema(root):
    validator = _vote_validator(root, "vote-elevator.schema.json")
    out = _run_json(root, "elevator", "estate.json", *LIFT)
    validator.validate(out)
    # Shanghai (seed 001), docs/votes.md: 2栋1单元 passes, 1栋1单元 fails.
    assert [(e["building"], e["passed"]) for e in out["entrances"]] == [
        ("E-0001-B1", False), ("E-0001-B2", True)]
    assert out["ballot_counts"] == {"total": 10, "in_consultations": 8, "unknown_dwelling": 1,
                                    "no_consultation": 1}
    validator.validate(_run_json(root, "elevator", "estate.json", *LIFT, "--days", "5"))


def _scheme_validator(root, name):
    """A validator for a scheme-*.schema.json whose $refs resolve to its siblings."""
    store = {}
    for path in (root / "docs" / "schemas").glob("scheme-*.schema.json"):
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        store[schema["$id"]] = schema
    schema = store["https://renewal.example/schemas/" + name]
    resolver = jsonschema.RefResolver.from_schema(schema, store=store)
    return jsonschema.Draft202012Validator(schema, resolver=resolver)


SCHEME_PLANS = ("plan_missing_fire.json", "plan_corrected.json")


def _run_scheme(root, *args):
    result = subprocess.run([_cli(root), *args], capture_output=True, text=True, cwd=root,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_scheme_plans_match_their_schema(root):
    validator = _scheme_validator(root, "scheme-plan.schema.json")
    for name in SCHEME_PLANS:
        with open(root / "examples" / "scheme" / name, encoding="utf-8") as f:
            validator.validate(json.load(f))
    with open(root / "tests" / "scheme" / "data" / "plan_e1.json", encoding="utf-8") as f:
        plan = json.load(f)
    validator.validate(plan)
    plan["items"][0]["quantity"] = "-1"
    assert not validator.is_valid(plan)


def test_scheme_outputs_match_their_schemas(root):
    city = "examples/small_city.json"
    plans = [f"examples/scheme/{n}" for n in SCHEME_PLANS]
    review = _scheme_validator(root, "scheme-review.schema.json")
    for policy in ("changsha_eight_no", "national", "wuhan_joint_review", "changsha_two_rounds"):
        review.validate(json.loads(_run_scheme(root, "review", plans[0], "--registry", city,
                                               "--policy", policy, "--json")))
        review.validate(json.loads(_run_scheme(root, "review", *plans, "--registry", city,
                                               "--policy", policy, "--json")))
    completeness = _scheme_validator(root, "scheme-completeness.schema.json")
    for line in _run_scheme(root, "completeness", *plans, "--registry", city, "--json").splitlines():
        completeness.validate(json.loads(line))
    opinions = _scheme_validator(root, "scheme-opinions.schema.json")
    for extra in ((), ("--unmasked",)):
        opinions.validate(json.loads(_run_scheme(root, "opinions", plans[1], "--registry", city,
                                                 "--format", "json", *extra)))
