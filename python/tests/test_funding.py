"""renewal.funding: splits as DataFrames, exact fen, errors, per-dwelling shares."""

from decimal import Decimal

import pytest

import renewal
import renewal.funding as fu


@pytest.fixture(scope="module")
def plan_path(root):
    return str(root / "examples" / "funding" / "yueyang_plan.json")


def test_presets_and_policy():
    assert "yueyang" in fu.presets()
    p = fu.policy("yueyang")
    assert p["name"] == "yueyang"
    assert all("《" in r["seed"] for r in p["rules"])  # a document title, not a file name
    assert len(fu.policy("household_6000+national_2020")["rules"]) == 5
    assert set(fu.sources().key) >= {"city", "district", "residents_direct"}
    assert "供水管网改造" in set(fu.catalogue().zh)


def test_yueyang_split_matches_the_hand_worked_example(plan_path):
    # Seed 002 六、(一)(二); worked in tests/funding_test.cc PresetTest.Yueyang.
    a = fu.split(plan_path, "yueyang")
    assert a.gap_fen == 0
    assert a.total_cost_fen == 58_000_001
    by_source = a.by_source()
    assert by_source["city"] == 5_000_001
    assert by_source["district"] == 45_000_000
    assert by_source["water_utility"] == 8_000_000
    t = a.to_frame(unit="fen")
    assert list(t.index) == ["I-1", "I-2", "I-3", "I-4"]
    # Every row adds up to the item's cost to the fen.
    assert ((t.drop(columns=["total"]).sum(axis=1)) == t["total"]).all()
    assert t.loc["I-3", "city"] == 2_500_001
    assert a.to_frame().loc["I-3", "city"] == pytest.approx(25000.01)
    sh = a.shares()
    city = sh[(sh.item_id == "I-1") & (sh.source == "city")].iloc[0]
    assert city.rule == "yueyang.city_award" and city.step == "transfer"
    assert "《岳阳市城区老旧小区改造工作实施方案（征求意见稿）》 六、(一)" in city.explain
    assert a.to_json()["by_source"]["city"] == "50000.01"


def test_dict_plan_and_policy_and_plot():
    plan = {"id": "P", "households": 8, "items": [
        {"id": "roof", "facility": "roof", "lump_sum": "100000"},
        {"id": "facade", "facility": "facade", "lump_sum": 20000}]}
    a = fu.split(plan, "household_6000")
    s = a.by_source()
    assert s["city"] == 4_800_000 and s["district"] == 4_800_000
    assert s["residents_direct"] == 2_400_000
    policy = {"name": "mine", "residual": "district",
              "rules": [{"id": "half", "kind": "percent", "source": "city", "percent": "50"}]}
    b = fu.split(plan, policy)
    assert b.by_source()["city"] == 6_000_000
    ax = a.plot(lang="en")
    assert ax.get_title() == "P: household_6000"
    assert "Allocation" in a._repr_html_()


def test_errors_map_to_python_exceptions():
    with pytest.raises(renewal.NotFoundError):
        fu.split({"id": "P", "items": []}, "atlantis")
    with pytest.raises(ValueError, match=r'items\[0\] "x" facility: unknown value'):
        fu.split({"id": "P", "items": [{"id": "x", "facility": "moon", "lump_sum": "1"}]}, "yueyang")
    with pytest.raises(renewal.InvalidArgumentError, match="over 100%"):
        fu.policy({"name": "bad", "rules": [{"id": "a", "kind": "percent", "targets": [
            {"source": "city", "percent": "70"}, {"source": "district", "percent": "31"}]}]})


def test_financing_louqu():
    # Seed 000 Yueyang Louqu: 3.38亿 repaid from fees, parking, ads (assumptions as in
    # tests/financing_test.cc).
    r = fu.analyse_financing({
        "investment": "338000000",
        "loans": [{"principal": Decimal("338000000"), "rate": "4.2", "term_years": 20,
                   "style": "equal_payment"}],
        "revenues": [{"kind": "property_fees", "amount": "10000000"},
                     {"kind": "parking", "amount": "14000000.00"},
                     {"kind": "advertising", "amount": Decimal("4E+6")}],
        "operating_costs": [{"amount": "2000000"}],
        "horizon_years": 20, "discount_rate": "4"})
    assert r["self_balancing"] is True
    assert r["payback_year"] == 13
    assert r["years"].loan_balance_fen.iloc[-1] == 0
    assert 2_530_000_000 < r["instalments_fen"][0] < 2_533_000_000


def test_by_dwelling(tiny_path):
    reg = renewal.Registry.load(tiny_path)
    plan = {"id": "P", "estate": "E-0001", "items": [{"id": "green", "facility": "greening", "lump_sum": "1000.01"}]}
    a = fu.split(plan, "national_2020")
    d = a.by_dwelling(reg)
    # Residents pay 50% of the improvement item: 1000.01 − 500.01 = 500.00 yuan.
    assert d.amount_fen.sum() == a.by_source()["residents_direct"] == 50_000
    assert (d.amount_fen >= 0).all()
    assert set(d.building_id) <= {"E-0001-B1", "E-0001-B2", "E-0001-B3"}
    with pytest.raises(KeyError):
        fu.split({"id": "P", "estate": "E-404", "items": []}, "yueyang").by_dwelling(reg)
