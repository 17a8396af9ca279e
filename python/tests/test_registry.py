import json
import pickle

import pandas as pd
import pytest

import renewal


def test_load_and_repr(tiny_path):
    r = renewal.Registry.load(tiny_path, current_year=2026)
    assert (r.estate_count, r.building_count, r.dwelling_count, r.owner_count) == (2, 2, 5, 4)
    assert repr(r) == ("<renewal.Registry: 2 estates, 2 buildings, 5 dwellings, 4 owners, "
                       "2 districts>")
    assert "户 dwellings</th><td style='text-align:right'>5</td>" in r._repr_html_()


def test_dumps_loads_round_trip(tiny_path):
    r = renewal.Registry.load(tiny_path, current_year=2026)
    again = renewal.Registry.loads(r.dumps(), current_year=2026)
    assert again == r
    assert again.dumps() == r.dumps()


def test_pickle_round_trip(tiny_path):
    r = renewal.Registry.load(tiny_path, current_year=2026)
    state = r.__getstate__()
    assert state[0] == 2  # pickle format version: the snapshot's bytes
    assert isinstance(state[1], bytes)
    back = pickle.loads(pickle.dumps(r))
    assert back == r
    assert back.dumps() == r.dumps()


def test_snapshot_round_trip_and_load_by_content(tiny_path, tmp_path):
    r = renewal.Registry.load(tiny_path, current_year=2026)
    # Named .json on purpose: load tells the formats apart by the first bytes.
    path = tmp_path / "city.json"
    r.save_snapshot(path)
    assert path.read_bytes()[:8] == b"\x89RSNAP\r\n"
    back = renewal.Registry.load(path, current_year=2026)
    assert back == r
    assert back.dumps() == r.dumps()
    assert not (tmp_path / "city.json.tmp").exists()


def test_pickle_is_no_larger_than_the_snapshot_plus_framing(tmp_path):
    r = renewal.generate.generate(estates=30, seed=5)
    path = tmp_path / "city.rsnap"
    r.save_snapshot(path)
    snapshot = path.stat().st_size
    pickled = len(pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
    # The snapshot's bytes and pickle's own framing (class name, tuple, version).
    assert snapshot <= pickled <= snapshot + 128
    assert pickled < len(r.dumps().encode())
    assert pickle.loads(pickle.dumps(r)) == r


def test_damaged_snapshot_is_data_loss_naming_the_section(tiny_path, tmp_path):
    r = renewal.Registry.load(tiny_path, current_year=2026)
    path = tmp_path / "city.rsnap"
    r.save_snapshot(path)
    data = path.read_bytes()
    path.write_bytes(data[:-8])
    with pytest.raises(renewal.DataLossError, match='section "owner.kind": truncated'):
        renewal.Registry.load(path, current_year=2026)
    blank = renewal.Registry.__new__(renewal.Registry)
    # The last payload byte (owner.kind's fourth; four bytes of padding follow).
    at = len(data) - 5
    with pytest.raises(renewal.DataLossError, match='section "owner.kind": checksum mismatch'):
        blank.__setstate__((2, data[:at] + bytes([data[at] ^ 1]) + data[at + 1:]))


def test_to_frames(tiny_path):
    frames = renewal.Registry.load(tiny_path, current_year=2026).to_frames()
    assert set(frames) == {"estates", "buildings", "entrances", "dwellings", "owners",
                           "districts", "streets"}
    d = frames["dwellings"].set_index("dwelling_id")
    assert d.loc["E-0001-B1-1-101", "area_centi_m2"] == 7235
    assert d.loc["E-0001-B1-1-201", "owner_ids"] == "O2;O3"
    assert d.loc["E-0001-B1-2-101", "sale_state"] == "developer_unsold"
    # Exact sum of areas of the first estate: 72.35 + 60 + 88.05 + 55.5 = 275.90 m².
    assert d[d.estate_id == "E-0001"].area_centi_m2.sum() == 27590
    e = frames["estates"].set_index("estate_id")
    assert e.loc["E-0001", "facility_water"] == "poor"
    assert pd.isna(e.loc["E-0002", "facility_water"])  # not surveyed: missing, not a category
    assert e.loc["E-0001", "dwelling_count"] == 4
    assert e.loc["E-0001", "name"] == "洞庭小区"


def test_from_frames_round_trip(tiny_path):
    r = renewal.Registry.load(tiny_path, current_year=2026)
    f = r.to_frames()
    again = renewal.Registry.from_frames(current_year=2026, **f)
    assert again == r


def test_from_minimal_frames():
    estates = pd.DataFrame({"estate_id": ["E1"], "district": ["D1"], "build_year": [1990]})
    buildings = pd.DataFrame({"building_id": ["B1"], "estate_id": ["E1"]})
    dwellings = pd.DataFrame({"dwelling_id": ["X1", "X2"], "building_id": ["B1", "B1"],
                              "entrance": ["1", "1"], "exclusive_area_m2": [50.5, 61.25],
                              "owners": ["A", "A"]})
    r = renewal.Registry.from_frames(estates, buildings, dwellings, current_year=2026)
    assert (r.estate_count, r.dwelling_count, r.owner_count) == (1, 2, 1)
    assert list(r.to_frame("dwellings").area_centi_m2) == [5050, 6125]


def test_bad_frames_raise_value_error():
    estates = pd.DataFrame({"estate_id": ["E1"], "district": ["D1"]})
    buildings = pd.DataFrame({"building_id": ["B1"], "estate_id": ["E1"]})
    dwellings = pd.DataFrame({"dwelling_id": ["X1"], "building_id": ["B1"], "entrance": ["1"],
                              "exclusive_area_m2": [-3.0], "owners": ["A"]})
    with pytest.raises(renewal.InvalidArgumentError, match=r'dwellings row 0 "X1" '
                       r"exclusive_area_m2: must be > 0"):
        renewal.Registry.from_frames(estates, buildings, dwellings)


def _tiny_doc(tiny_path):
    with open(tiny_path, encoding="utf-8") as f:
        return json.load(f)


def test_errors_are_renewal_errors_and_builtins(tiny_path):
    doc = _tiny_doc(tiny_path)
    doc["estates"][0]["build_year"] = 1850
    with pytest.raises(ValueError) as info:
        renewal.Registry.loads(json.dumps(doc), current_year=2026)
    assert isinstance(info.value, renewal.InvalidArgumentError)
    assert isinstance(info.value, renewal.Error)
    assert 'estates[0] "E-0001" build_year: must be between 1900 and 2026, got 1850' in str(
        info.value)

    doc = _tiny_doc(tiny_path)
    doc["estates"][0]["buildings"][0]["entrances"][0]["dwellings"][0]["owners"] = ["NOBODY"]
    with pytest.raises(KeyError) as info:
        renewal.Registry.loads(json.dumps(doc), current_year=2026)
    assert isinstance(info.value, renewal.NotFoundError)

    doc = _tiny_doc(tiny_path)
    doc["estates"][1]["id"] = "E-0001"
    with pytest.raises(renewal.AlreadyExistsError, match="duplicate estate id"):
        renewal.Registry.loads(json.dumps(doc), current_year=2026)

    with pytest.raises(renewal.NotFoundError):
        renewal.Registry.load("/nonexistent/city.json")
    with pytest.raises(renewal.InvalidArgumentError, match="malformed JSON at byte 1"):
        renewal.Registry.loads("{]")


def test_error_hierarchy():
    assert issubclass(renewal.InvalidArgumentError, ValueError)
    assert issubclass(renewal.NotFoundError, KeyError)
    assert issubclass(renewal.FailedPreconditionError, RuntimeError)
    for cls in (renewal.InvalidArgumentError, renewal.NotFoundError,
                renewal.FailedPreconditionError, renewal.OutOfRangeError):
        assert issubclass(cls, renewal.Error)


def test_save(tiny_path, tmp_path):
    r = renewal.Registry.load(tiny_path, current_year=2026)
    out = tmp_path / "copy.json"
    r.save(str(out))
    assert renewal.Registry.load(str(out), current_year=2026) == r
    with pytest.raises(renewal.NotFoundError):
        r.save(str(tmp_path / "no" / "such" / "dir.json"))


def test_docstrings():
    assert "names record, field and value" in renewal.Registry.load.__doc__


def test_old_pickles_still_load(root, tiny_path):
    # Made by renewal 0.1.0 (pickle state version 1); keep loading it.
    with open(root / "python" / "tests" / "data" / "registry_v1.pickle", "rb") as f:
        old = pickle.load(f)
    assert old == renewal.Registry.load(tiny_path, current_year=2026)


def test_unknown_pickle_version_is_refused():
    blank = renewal.Registry.__new__(renewal.Registry)
    with pytest.raises(renewal.InvalidArgumentError, match="unsupported Registry pickle"):
        blank.__setstate__((99, ""))
    with pytest.raises(renewal.InvalidArgumentError, match="unsupported Registry pickle"):
        blank.__setstate__((2, "not bytes"))


@pytest.mark.parametrize("edited", [-5.0, float("inf"), float("nan"), 73.0])
def test_from_frames_refuses_an_area_the_two_columns_disagree_on(edited, tiny_path):
    city = renewal.Registry.load(tiny_path, current_year=2026)
    frames = city.to_frames()
    dwellings = frames["dwellings"].copy()
    first = dwellings["dwelling_id"].iloc[0]
    dwellings.loc[dwellings.index[0], "exclusive_area_m2"] = edited
    with pytest.raises(renewal.InvalidArgumentError,
                       match=f'dwellings row 0 "{first}" exclusive_area_m2: disagrees'):
        renewal.Registry.from_frames(frames["estates"], frames["buildings"], dwellings,
                                     frames["owners"], current_year=2026)
    # Dropping either column makes the other the fact.
    again = renewal.Registry.from_frames(frames["estates"], frames["buildings"],
                                         dwellings.drop(columns=["exclusive_area_m2"]),
                                         frames["owners"], current_year=2026)
    assert again.dwelling_count == city.dwelling_count


def test_text_and_numbers_python_cannot_pass_to_cpp_are_renewal_errors(tiny_path):
    import pathlib
    text = pathlib.Path(tiny_path).read_text(encoding="utf-8")
    with pytest.raises(renewal.InvalidArgumentError, match="text: not valid Unicode: a lone surrogate at character 1"):
        renewal.Registry.loads('"\ud800' + text)
    with pytest.raises(renewal.OutOfRangeError, match="current_year: 9223372036854775808 does not fit"):
        renewal.Registry.loads(text, current_year=2**63)
    with pytest.raises(renewal.InvalidArgumentError, match="path: expected str, got int"):
        renewal.Registry.load(5)
    # A pathlib.Path is a path.
    assert renewal.Registry.load(pathlib.Path(tiny_path), current_year=2026).estate_count == 2
