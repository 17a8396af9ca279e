"""Eligibility screening from Python: DataFrames, policies as names / JSON / dicts,
errors mapped to renewal.Error subclasses."""

import json

import pandas as pd
import pytest

import renewal
import renewal.eligibility as el
import renewal.generate as gen

YEAR = 2024


@pytest.fixture(scope="module")
def city():
    return gen.generate(estates=80, seed=2)


def test_presets():
    assert el.presets() == ["national_2020", "yueyang", "xiangtan_competitive"]
    yy = el.policy("yueyang")
    assert yy["name"] == "yueyang"
    ids = [r["id"] for r in yy["rules"]]
    assert ids[0] == "built_by_2000"
    assert "no_renovation_5y" in ids and "willingness_2_3" in ids
    assert [r for r in yy["rules"] if r["id"] == "willingness_2_3"][0]["min_share"] == "2/3"


def test_screen_frame(city):
    df = el.screen(city, "yueyang", YEAR)
    assert isinstance(df, pd.DataFrame)
    assert len(df) == 80
    for col in ["estate_id", "name", "district_id", "district", "status", "failed_rules",
                "unknown_rules", "reasons_zh", "reasons_en", "rule.built_by_2000"]:
        assert col in df.columns
    assert df.attrs == {"policy": "yueyang", "year": YEAR}
    assert set(df.status.unique()) <= {"eligible", "ineligible", "undetermined"}
    # Status follows the rule outcomes: any fail → ineligible; else unknown → undetermined.
    for _, row in df.iterrows():
        if row.failed_rules:
            assert row.status == "ineligible"
        elif row.unknown_rules:
            assert row.status == "undetermined"
        else:
            assert row.status == "eligible"
            assert row.reasons_zh == ""
    bad = df[df.status == "ineligible"].iloc[0]
    assert bad.failed_rules[0] in bad.reasons_en or "→ fail" in bad.reasons_en


def test_policy_as_dict_and_json_text(city):
    p = {"name": "old", "rules": [{"kind": "built_no_later_than", "year": 1990}]}
    a = el.screen(city, p, YEAR)
    b = el.screen(city, json.dumps(p), YEAR)
    assert a.status.tolist() == b.status.tolist()
    assert a.attrs["policy"] == "old"


def test_year_is_an_input(city):
    p = {"name": "reno", "rules": [{"kind": "no_recent_renovation", "years": 5}]}
    early = el.screen(city, p, 2010)
    late = el.screen(city, p, 2040)
    # By 2040 every renovation (2005–2023) is more than 5 years back.
    assert (late.status != "ineligible").all()
    assert (early.status == "ineligible").sum() > 0


def test_explain(city):
    eid = el.screen(city, "national_2020", YEAR).estate_id[0]
    df = el.explain(city, eid, "national_2020", YEAR)
    assert list(df.id) == ["built_by_2000", "not_in_shantytown_plan", "no_demolition_plan",
                           "not_urban_village", "not_mostly_self_built"]
    assert set(df.columns) >= {"outcome", "actual", "expected", "reason_zh", "reason_en"}
    with pytest.raises(KeyError):
        el.explain(city, "no-such-estate", "national_2020", YEAR)


def test_bad_policy_errors(city):
    with pytest.raises(renewal.InvalidArgumentError) as e:
        el.screen(city, {"name": "x", "rules": [{"kind": "built_no_later_than", "year": "1990"}]},
                  YEAR)
    assert isinstance(e.value, ValueError)
    assert "rules[0] year: expected an integer" in str(e.value)
    with pytest.raises(renewal.NotFoundError) as e:
        el.screen(city, "beijing", YEAR)
    assert isinstance(e.value, KeyError)


def test_summary(city):
    df = el.summary(city, "national_2020", YEAR)
    assert df.estates.sum() == 80
    assert (df.eligible + df.ineligible + df.undetermined == df.estates).all()
    assert df.area_centi_m2.dtype.kind == "i"
    screened = el.screen(city, "national_2020", YEAR)
    assert df.eligible.sum() == (screened.status == "eligible").sum()
    with pytest.raises(ValueError):
        el.summary(city, "national_2020")  # a policy needs a year
