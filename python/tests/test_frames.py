"""Typed frames (docs/python.md "Typed frames"): categoricals with fixed categories,
nullable facts with "never" apart from "unknown", one ID naming scheme; from_frames in
bulk from typed or plain (spreadsheet) dtypes with errors naming table, row and column;
dwelling_rows. No timing is asserted (python/bench/frames_bench.py measures)."""

import json

import numpy as np
import pandas as pd
import pytest

import renewal

# Three estates: E1 surveyed as never renovated and no demolition planned, no hazards
# found; E2 not surveyed at all; E3 renovated in 2015, demolition planned for 2030.
DOC = {
    "format": "renewal.registry", "version": 1,
    "districts": [{"id": "D1", "name": "岳阳楼区"}],
    "streets": [{"id": "S1", "name": "洞庭街道", "district": "D1"}],
    "owners": [{"id": "O1", "name": "张三"}, {"id": "O2", "name": "李四", "kind": "organisation"}],
    "estates": [
        {"id": "E1", "name": "洞庭小区", "district": "D1", "street": "S1", "build_year": 1990,
         "structure": "brick_concrete", "elevator": False, "last_renovation_year": "never",
         "demolition_plan_year": "none", "safety_hazards": [], "willingness_pct": 78.71,
         "facilities": {"water": "poor", "roof": "good"}, "location": {"lon": 113.1, "lat": 29.37},
         "buildings": [{"id": "E1-B1", "entrances": [{"id": "1", "dwellings": [
             {"id": "E1-B1-1-101", "exclusive_area_m2": 72.35, "owners": ["O1"], "floor": 1},
             {"id": "E1-B1-1-102", "exclusive_area_m2": 60, "owners": ["O1", "O2"],
              "property_type": "reform_housing"}]}]}]},
        {"id": "E2", "district": "D1",
         "buildings": [{"id": "E2-B1", "elevator": True, "entrances": [{"id": "2", "dwellings": [
             {"id": "E2-B1-2-101", "exclusive_area_m2": 55.5, "owners": ["O2"],
              "sale_state": "developer_unsold"}]}]}]},
        {"id": "E3", "district": "D1", "last_renovation_year": 2015, "demolition_plan_year": 2030,
         "safety_hazards": ["fire", "gas"],
         "buildings": [{"id": "E3-B1", "entrances": [{"id": "1", "dwellings": [
             {"id": "E3-B1-1-101", "exclusive_area_m2": 88.05, "owners": ["O1"]}]}]}]},
    ],
}


@pytest.fixture()
def city():
    return renewal.Registry.loads(json.dumps(DOC, ensure_ascii=False), current_year=2026)


def test_estates_are_typed_and_never_is_not_unknown(city):
    e = city.to_frame("estates").set_index("estate_id")
    assert str(e["build_year"].dtype) == "Int16"
    assert str(e["elevator"].dtype) == "boolean"
    assert str(e["willingness_pct"].dtype) == "Float64"
    assert e.loc["E1", "willingness_pct"] == 78.71  # numeric, not "78.71%"
    # Fixed categories: every label but "unknown", which is a missing value.
    assert list(e["structure"].cat.categories) == [
        "brick_concrete", "brick_wood", "frame", "shear_wall", "steel", "other"]
    assert list(e["facility_water"].cat.categories) == ["good", "fair", "poor", "missing"]
    assert e.loc["E1", "facility_water"] == "poor" and pd.isna(e.loc["E2", "facility_water"])
    assert pd.isna(e.loc["E2", "structure"])
    # never (surveyed) / unknown (not surveyed) / a year, in two columns each.
    assert list(e["renovated"]) == [False, pd.NA, True]
    assert e["last_renovation_year"].isna().tolist() == [True, True, False]
    assert e.loc["E3", "last_renovation_year"] == 2015
    assert list(e["demolition_planned"]) == [False, pd.NA, True]
    assert e.loc["E3", "demolition_plan_year"] == 2030
    assert e.loc["E1", "elevator"] is np.False_ or e.loc["E1", "elevator"] == False  # noqa: E712
    assert pd.isna(e.loc["E2", "elevator"])  # estate-level fact not surveyed
    # Hazards: "none" surveyed and none found (text a CSV keeps); NA not surveyed.
    assert e.loc["E1", "safety_hazards"] == "none" and pd.isna(e.loc["E2", "safety_hazards"])
    assert e.loc["E3", "safety_hazards"] == "fire;gas"
    assert (e.loc["E1", "district_id"], e.loc["E1", "street_id"]) == ("D1", "S1")
    assert e.loc["E2", "street_id"] is None


def test_dwellings_owners_and_the_id_scheme(city):
    d = city.to_frame("dwellings")
    assert list(d.columns) == ["dwelling_id", "estate_id", "building_id", "entrance_id",
                               "exclusive_area_m2", "area_centi_m2", "area_source",
                               "property_type", "sale_state", "floor", "owner_ids"]
    assert list(d["area_centi_m2"]) == [7235, 6000, 5550, 8805]
    assert d["area_centi_m2"].dtype == np.int64
    assert list(d["owner_ids"]) == ["O1", "O1;O2", "O2", "O1"]
    assert list(d["floor"].isna()) == [False, True, True, True]  # 0 = unknown floor
    assert list(d["sale_state"].cat.categories) == ["owned", "developer_unsold", "sold_undelivered"]
    assert d.loc[2, "sale_state"] == "developer_unsold"
    assert list(d["entrance_id"]) == ["1", "1", "2", "1"]
    o = city.to_frame("owners")
    assert list(o["kind"]) == ["person", "organisation"]
    n = city.to_frame("entrances")
    assert list(n["dwelling_count"]) == [2, 1, 1]
    s = city.to_frame("streets")
    assert list(s["district_id"]) == ["D1"]
    b = city.to_frame("buildings").set_index("building_id")
    assert b.loc["E2-B1", "elevator"] == True and pd.isna(b.loc["E1-B1", "elevator"])  # noqa: E712


def test_labels_give_chinese_and_english_names(city):
    assert renewal.labels("facility", lang="zh")["water"] == "供水"
    assert renewal.labels("facility", lang="en")["water"] == "water supply"
    zh = city.to_frame("estates")["structure"].cat.rename_categories(renewal.labels("structure", "zh"))
    assert zh[0] == "砖混"
    with pytest.raises(renewal.InvalidArgumentError, match="unknown label kind"):
        renewal.labels("colour")
    with pytest.raises(renewal.InvalidArgumentError, match="table: expected one of"):
        city.to_frame("flats")


def test_typed_frames_round_trip(city):
    again = renewal.Registry.from_frames(current_year=2026, **city.to_frames())
    assert again == city


def test_csv_round_trip_with_plain_text_columns(city, tmp_path):
    """Every column read back as text (as from a spreadsheet): equal registry."""
    frames = {}
    for name, frame in city.to_frames().items():
        path = tmp_path / f"{name}.csv"
        frame.to_csv(path, index=False, na_rep="<NA>")
        frames[name] = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=["<NA>"])
    assert renewal.Registry.from_frames(current_year=2026, **frames) == city


def test_spreadsheet_yes_no_and_older_column_names():
    estates = pd.DataFrame({"estate_id": ["E1", "E2", "E3", "E4"], "district": ["D1"] * 4,
                            "elevator": [1, 0, "是", "否"],
                            "owners_committee": ["true", "False", None, ""],
                            "last_renovation_year": [0, None, 2015, "never"]})
    buildings = pd.DataFrame({"building_id": ["B1", "B2", "B3", "B4"], "estate_id": ["E1", "E2", "E3", "E4"],
                              "elevator": [np.nan, 1.0, 0.0, np.nan]})
    dwellings = pd.DataFrame({"dwelling_id": ["X1", "X2", "X3", "X4"], "building_id": ["B1", "B2", "B3", "B4"],
                              "entrance": [1, 1, 2, 1],  # numbers from Excel
                              "exclusive_area_m2": [50.5, 61.25, 70, 80],
                              "property_type": ["商品房", "reform_housing", "public rental housing", None],
                              "owners": ["A", "A;B", "B", "C"]})
    r = renewal.Registry.from_frames(estates, buildings, dwellings, current_year=2026)
    e = r.to_frame("estates")
    assert list(e["elevator"]) == [True, False, True, False]
    assert list(e["owners_committee"]) == [True, False, pd.NA, pd.NA]
    assert list(e["renovated"]) == [False, pd.NA, True, False]
    d = r.to_frame("dwellings")
    assert list(d["property_type"]) == ["commercial", "reform_housing", "public_housing", "commercial"]
    assert list(d["entrance_id"]) == ["1", "1", "2", "1"]
    assert list(r.to_frame("buildings")["elevator"]) == [pd.NA, True, False, pd.NA]


def _minimal():
    estates = pd.DataFrame({"estate_id": ["E1"], "district_id": ["D1"]})
    buildings = pd.DataFrame({"building_id": ["B1"], "estate_id": ["E1"]})
    dwellings = pd.DataFrame({"dwelling_id": ["X1", "X2"], "building_id": ["B1", "B1"],
                              "entrance_id": ["1", "1"], "exclusive_area_m2": [50.5, 61.25],
                              "owner_ids": ["A", "A"]})
    return estates, buildings, dwellings


@pytest.mark.parametrize("table, column, value, error, message", [
    ("estates", "elevator", "maybe", renewal.InvalidArgumentError,
     r'estates row 0 "E1" elevator: expected 是/否, 有/无, 1/0 or true/false, got \'maybe\''),
    ("estates", "build_year", 1899, renewal.InvalidArgumentError,
     r'estates row 0 "E1" build_year: must be between 1900 and 2026, got 1899'),
    ("estates", "build_year", 1990.5, renewal.InvalidArgumentError,
     r'estates row 0 "E1" build_year: expected a whole number'),
    ("estates", "structure", "straw", renewal.InvalidArgumentError,
     r'estates row 0 structure: unknown value "straw"'),
    ("dwellings", "exclusive_area_m2", None, renewal.InvalidArgumentError,
     r'dwellings row 1 "X2" exclusive_area_m2: missing'),
    ("dwellings", "exclusive_area_m2", 61.255, renewal.InvalidArgumentError,
     r'dwellings row 1 "X2" exclusive_area_m2: at most two decimals'),
    ("dwellings", "building_id", "B9", renewal.NotFoundError,
     r'dwellings row 1 "X2" building_id: no building with id "B9"'),
    ("dwellings", "dwelling_id", "X1", renewal.AlreadyExistsError,
     r'dwellings row 1 "X1" id: duplicate dwelling id "X1"'),
    ("dwellings", "owner_ids", None, renewal.InvalidArgumentError,
     r'dwellings row 1 "X2" owners: must name at least one owner'),
    ("dwellings", "entrance_id", "", renewal.InvalidArgumentError,
     r"dwellings row 1 entrance_id: missing"),
])
def test_errors_name_table_row_and_column(table, column, value, error, message):
    frames = dict(zip(("estates", "buildings", "dwellings"), _minimal()))
    frame = frames[table].astype(object)
    frame.loc[frame.index[-1], column] = value
    frames[table] = frame
    with pytest.raises(error, match=message):
        renewal.Registry.from_frames(current_year=2026, **frames)


def test_renovated_and_its_year_must_agree():
    estates, buildings, dwellings = _minimal()
    bad = estates.assign(renovated=[False], last_renovation_year=[2015])
    with pytest.raises(renewal.InvalidArgumentError,
                       match=r'estates row 0 "E1" last_renovation_year: renovated is false but the year is 2015'):
        renewal.Registry.from_frames(bad, buildings, dwellings, current_year=2026)
    bad = estates.assign(renovated=[True], last_renovation_year=[None])
    with pytest.raises(renewal.InvalidArgumentError, match="renovated is true but the year is missing"):
        renewal.Registry.from_frames(bad, buildings, dwellings, current_year=2026)


def test_rows_are_named_by_the_frame_index():
    estates, buildings, dwellings = _minimal()
    dwellings.index = ["a", "b"]
    dwellings.loc["b", "exclusive_area_m2"] = -3.0
    with pytest.raises(renewal.InvalidArgumentError, match=r'dwellings row b "X2" exclusive_area_m2: must be > 0'):
        renewal.Registry.from_frames(estates, buildings, dwellings)


def test_a_failed_from_frames_changes_nothing(city):
    frames = city.to_frames()
    before = {k: v.copy() for k, v in frames.items()}
    frames["dwellings"].loc[0, "exclusive_area_m2"] = -1.0
    with pytest.raises(renewal.InvalidArgumentError):
        renewal.Registry.from_frames(current_year=2026, **frames)
    for name in ("estates", "buildings", "owners"):
        pd.testing.assert_frame_equal(frames[name], before[name])


def test_dwelling_rows_vectorised_unknown_marked(city):
    ids = ["E3-B1-1-101", "nope", None, "E1-B1-1-101", float("nan")]
    expected = [3, -1, -1, 0, -1]
    assert city.dwelling_rows(ids).tolist() == expected
    assert city.dwelling_rows(pd.Series(ids)).tolist() == expected
    assert city.dwelling_rows(pd.Series(ids, dtype="category")).tolist() == expected
    assert city.dwelling_rows(np.array(["E2-B1-2-101"])).tolist() == [2]
    assert city.dwelling_rows([]).tolist() == []
    assert city.dwelling_rows(ids).dtype == np.int64
    assert city.owner_rows(["O2", "O9"]).tolist() == [1, -1]


def test_format_fen_is_exact_text():
    # 1,234,567.89 yuan is 123,456,789 fen; 万元 has six decimals of fen.
    assert renewal.format_fen(123456789) == "1,234,567.89"
    assert renewal.format_fen(-5) == "-0.05"
    assert renewal.format_fen(123456789, unit="wan") == "123.456789"
    assert renewal.format_fen(2**62) == "46,116,860,184,273,879.04"  # no float on the way
    s = renewal.format_fen(pd.Series([100, None, 1], dtype="Int64"))
    assert list(s) == ["1.00", "", "0.01"]
    with pytest.raises(ValueError, match="whole number of fen"):
        renewal.format_fen(1.5)
