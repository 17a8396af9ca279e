"""The documented JSON Schemas describe what renewal actually writes."""

import json

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
