"""renewal.plan: the annual plan, rolling plans and menu choice from Python.

Expected values are worked out by hand (see tests/plan_test.cc and tests/menu_test.cc
for the derivations)."""

import os
import pathlib
import random
from decimal import Decimal

import pytest

import renewal
import renewal.plan as pl

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _projects():
    # Costs 60/50/50 万元, scores 13/10/10 via the carry-over bonus (1 point a year).
    return [
        {"id": "A", "estate_id": "EA", "cost_yuan": 600000, "carried_over_years": 13},
        {"id": "B", "estate_id": "EB", "cost_yuan": 500000, "carried_over_years": 10},
        {"id": "C", "estate_id": "EC", "cost_yuan": "500000.00", "carried_over_years": 10},
    ]


def _facts():
    return [
        {"project_id": "A", "district_id": "D1", "households": 100, "basic_shortfalls": 0},
        {"project_id": "B", "district_id": "D1", "households": 80, "basic_shortfalls": 0},
        {"project_id": "C", "district_id": "D2", "households": 90, "basic_shortfalls": 0},
    ]


def test_exact_plan_takes_the_two_fifties_and_frames():
    # Ningbo sheet with every fact at 0 points except what the bonus adds.
    p = pl.make_plan_from_facts(_projects(), _facts(), "1000000", "ningbo",
                                carry_over_bonus_points=1, solver="exact")
    assert p["proven_optimal"] is True
    assert sorted(p.selected) == ["B", "C"]
    assert p["total_score_milli"] == 20_000
    assert p["left_yuan"] == "0.00"
    df = p.to_frame()
    assert list(df["id"]) == ["A", "C", "B"]  # rank: 13, then 10 with more households
    assert df["cost_fen"].dtype == "int64"
    assert df.loc[df["id"] == "A", "reason"].item() == "budget"
    assert df.loc[df["id"] == "A", "substitute_order"].item() == 1
    assert "points.basic_shortfalls" in df.columns
    assert df["cumulative_cost_wan"].iloc[-1] == pytest.approx(160.0)


def test_plot_is_saved_with_agg(tmp_path):
    p = pl.make_plan_from_facts(_projects(), _facts(), "1000000.00", carry_over_bonus_points=1)
    out = tmp_path / "plan.png"
    p.plot(out)
    assert out.stat().st_size > 1000


def test_budget_below_must_includes_raises_with_names():
    projects = _projects()
    projects[0]["must_include"] = True
    projects[1]["must_include"] = True
    with pytest.raises(renewal.FailedPreconditionError) as e:
        pl.make_plan_from_facts(projects, _facts(), "1000000")
    assert '"A" 60.00万' in str(e.value) and '"B" 50.00万' in str(e.value)
    with pytest.raises(RuntimeError):  # FailedPrecondition is also a RuntimeError
        pl.make_plan_from_facts(projects, _facts(), "1000000")


def test_bad_input_names_the_record():
    projects = _projects()
    projects[1]["cost_yuan"] = "-5"
    with pytest.raises(renewal.InvalidArgumentError, match=r'projects\[1\] "B" cost'):
        pl.make_plan_from_facts(projects, _facts(), "1000000")
    with pytest.raises(renewal.InvalidArgumentError, match="budget_yuan: a float is not exact"):
        pl.make_plan_from_facts(_projects(), _facts(), 1e6)  # budgets are exact


def test_rolling_plan_by_year():
    years = [(2020, "500000"), (2021, Decimal("500000")), (2022, "500000.00")]
    r = pl.rolling_plan_from_facts(_projects(), _facts(), years, objective="households")
    df = r.to_frame()
    # 2020: A (100 households, 60万) does not fit in 50万; C (90) does.
    assert list(df["projects"]) == ["C", "B", ""]
    assert list(df["cumulative_households"]) == [90, 170, 170]
    assert r.not_done == ["A"]


def test_menu_equal_shares_hand_worked():
    items = [
        {"id": "R", "cost_yuan": "1.00", "required": True, "category": "basic"},
        {"id": "A", "cost_yuan": "4.00"},
        {"id": "B", "cost_yuan": "4.00"},
        {"id": "C", "cost_yuan": "2.00"},
    ]
    ballots = [{"household_id": f"H{i}", "approved": ["A", "B"]} for i in (1, 2, 3)]
    ballots.append({"household_id": "H4", "approved": ["C"]})
    mes = pl.choose_menu("9.00", items, ballots, "equal_shares")
    assert mes.funded == ["R", "A", "C"]
    assert mes.left_fen == 200
    df = mes.to_frame()
    assert list(df["paid_fen"]) == ["400/3", "400/3", "400/3", "200"]
    assert list(df["satisfaction"]) == [0.5, 0.5, 0.5, 1.0]
    greedy = pl.choose_menu("9.00", items, ballots, "greedy")
    assert greedy.funded == ["R", "A", "B"]
    assert greedy.left_fen == 0


def test_knapsack_core():
    exact = pl.solve_knapsack([13, 10, 10], [60, 50, 50], 100, solver="exact")
    assert exact["selected"] == [1, 2] and exact["proven_optimal"]
    fast = pl.solve_knapsack([13, 10, 10], [60, 50, 50], 100, solver="fast")
    assert fast["value"] == 13 and fast["gap_ppm"] == 380953


def test_sheets():
    assert pl.preset_sheets() == ["ningbo", "zhuzhou"]
    s = pl.sheet("ningbo")
    assert sum(c["max_points_milli"] for c in s["criteria"]) == 100_000
    with pytest.raises(renewal.NotFoundError):
        pl.sheet("nowhere")


@pytest.mark.skipif(not hasattr(renewal, "Registry"), reason="Registry bindings not built")
def test_plan_from_registry_example():
    reg = renewal.Registry.load(str(ROOT / "examples/plan/registry.json"))
    p = pl.make_plan(reg, ROOT / "examples/plan/projects.json", Decimal("120000000"), "ningbo", year=2025)
    assert p["spent_yuan"] == "113000000.00"
    assert p.selected == ["P-E07", "P-E01", "P-E04", "P-E05", "P-E06"]
    excluded = p.to_frame().query("tier == 'excluded'")
    assert list(excluded["id"]) == ["P-E08"]  # not surveyed: ningbo excludes it


@pytest.mark.skipif(not hasattr(renewal, "Registry"), reason="Registry bindings not built")
def test_dropped_project_is_replaced_by_the_first_substitute_that_fits():
    # As the CLI smoke test: P-E04 (1500万) drops; 1500万 + 700万 left take P-E02 (1800万).
    reg = renewal.Registry.load(str(ROOT / "examples/plan/registry.json"))
    projects = ROOT / "examples/plan/projects.json"
    p = pl.make_plan(reg, projects, Decimal("120000000"), year=2025, drop=["P-E04"])
    assert p.substitutions == [("P-E04", ["P-E02"])]
    assert p.selected == ["P-E07", "P-E01", "P-E05", "P-E06", "P-E02"]
    assert p["left_yuan"] == "4000000.00"
    assert p["proven_optimal"] is False
    df = p.to_frame()
    assert df.loc[df["id"] == "P-E04", "reason"].item() == "dropped_out"
    assert df.loc[df["id"] == "P-E02", "reason"].item() == "substitute"
    with pytest.raises(renewal.NotFoundError, match='options.drop: dropped_id: "P-E02"'):
        pl.make_plan(reg, projects, Decimal("120000000"), drop=["P-E02"])  # not in the implement tier
    with pytest.raises(renewal.InvalidArgumentError, match="options.dorp: unknown option"):
        pl.make_plan(reg, projects, Decimal("120000000"), dorp=["P-E04"])
    with pytest.raises(renewal.InvalidArgumentError, match="options.drop: only for the annual"):
        pl.rolling_plan_from_facts(_projects(), _facts(), [(2025, "1000000")], drop=["A"])


def test_outputs_match_the_schemas():
    import json as _json

    schemas = ROOT / "docs" / "schemas"
    plan_schema = _json.loads((schemas / "plan.schema.json").read_text())
    p = pl.make_plan_from_facts(_projects(), _facts(), "1000000")
    assert set(p.data) == set(plan_schema["required"])
    item = plan_schema["properties"]["projects"]["items"]
    assert set(p.data["projects"][0]) == set(item["required"])
    menu_schema = _json.loads((schemas / "plan-menu-result.schema.json").read_text())
    m = pl.choose_menu("1.00", [{"id": "A", "cost_yuan": "1.00"}],
                       [{"household_id": "H1", "approved": ["A"]}])
    assert set(menu_schema["required"]) <= set(m.data) <= set(menu_schema["properties"])


def test_district_spending_limits():
    # A (D1, 60万, 13), B (D1, 50万, 10), C (D2, 50万, 10); budget 100万 → B + C = 20.
    # D1 at most 40万 of spending: neither A nor B fits there → C alone, 10 points; B and A
    # are out by D1's money maximum (0 spent + 50万 > 40万).
    limits = [{"district_id": "D1", "max_spending_yuan": Decimal("400000")}]
    p = pl.make_plan_from_facts(_projects(), _facts(), "1000000", carry_over_bonus_points=1,
                                district_limits=limits)
    assert p.selected == ["C"]
    df = p.to_frame()
    b = df[df["id"] == "B"].iloc[0]
    assert b["reason"] == "district_maximum"
    assert "资金上限 40.00万" in b["explanation"]
    assert p["district_shortfalls"] == []
    # D2 must spend 60万 but its only project costs 50万: named, with the sums.
    with pytest.raises(renewal.FailedPreconditionError, match=r'district "D2" needs spending of at least 60.00万'):
        pl.make_plan_from_facts(_projects(), _facts(), "1000000",
                                district_limits=[{"district_id": "D2", "min_spending_yuan": "600000"}])
    with pytest.raises(renewal.InvalidArgumentError, match="a float is not exact"):
        pl.make_plan_from_facts(_projects(), _facts(), "1000000",
                                district_limits=[{"district_id": "D2", "min_spending_yuan": 6e5}])
    with pytest.raises(renewal.InvalidArgumentError, match="unknown field"):
        pl.make_plan_from_facts(_projects(), _facts(), "1000000",
                                district_limits=[{"district_id": "D2", "max_spend": 1}])


def test_menu_add1_completion():
    # tests/menu_test.cc Add1FundsWhatTheGreedyCompletionDoesNot: 400 fen for four
    # households; greedy completion gives A, P; add1 raises shares by 50 fen → A, Q.
    items = [
        {"id": "R", "cost_yuan": "1.00", "required": True, "category": "basic"},
        {"id": "A", "cost_yuan": "2.00"},
        {"id": "P", "cost_yuan": "2.00"},
        {"id": "Q", "cost_yuan": "1.50"},
    ]
    ballots = [{"household_id": "H1", "approved": ["A", "P"]},
               {"household_id": "H2", "approved": ["A", "P"]},
               {"household_id": "H3", "approved": ["Q"]},
               {"household_id": "H4", "approved": []}]
    greedy = pl.choose_menu("5.00", items, ballots, completion="greedy")
    assert greedy.funded == ["R", "A", "P"]
    add1 = pl.choose_menu("5.00", items, ballots, completion="add1")
    assert add1.funded == ["R", "A", "Q"]
    assert add1.data["share_increase_fen"] == 50
    assert add1.data["completion"] == "add1"
    assert add1.left_fen == 50
    with pytest.raises(renewal.InvalidArgumentError):
        pl.choose_menu("5.00", items, ballots, completion="add2")


def test_menu_add1_time_limit():
    # 300 households × 30 items: add1 needs hundreds of MES runs (bench/menu_bench.cc),
    # far more than 1 ms; the limit stops it with a TimeoutError saying how far it got.
    rng = random.Random(2020)
    items = [{"id": f"I{i}", "cost_yuan": f"{rng.randint(100, 10000)}.00"} for i in range(30)]
    ballots = [{"household_id": f"H{b}",
                "approved": sorted({f"I{rng.randrange(30)}" for _ in range(rng.randint(1, 6))})}
               for b in range(300)]
    with pytest.raises(renewal.DeadlineExceededError, match="share raised by") as caught:
        pl.choose_menu("20000.00", items, ballots, completion="add1", time_limit=0.001)
    assert isinstance(caught.value, TimeoutError)
    # Other rules make one run: the limit does not apply.
    assert pl.choose_menu("20000.00", items, ballots, completion="greedy", time_limit=0.001).funded
    with pytest.raises(renewal.InvalidArgumentError, match="time_limit"):
        pl.choose_menu("20000.00", items, ballots, completion="add1", time_limit=-1)


def test_knapsack_core_weight_limits():
    # tests/plan_test.cc MoneyLimitsHandWorked: group 0 at most 60 in weight → {1, 2, 4}.
    r = pl.solve_knapsack([10, 9, 8, 3, 6], [40, 30, 30, 50, 20], 120, groups=[0, 0, 0, 1, -1],
                          group_limits=[(0, 5, 0, 60), (0, 5)], solver="exact")
    assert r["selected"] == [1, 2, 4] and r["value"] == 23 and r["proven_optimal"]
    dp = pl.solve_knapsack([13, 10, 10], [60, 50, 50], 100, solver="exact")
    assert dp["dynamic_programming"] is True


def test_menu_satisfaction_measures_differ():
    # tests/plan/menu_test.cc MeasuresDiffer: 200 fen each for H1, H2; A (300) by both,
    # B (100) by H1, C (100) by H2. Approvals: B, C; cost utilities: A, then B greedily.
    items = [{"id": "A", "cost_yuan": "3.00"}, {"id": "B", "cost_yuan": "1.00"},
             {"id": "C", "cost_yuan": "1.00"}]
    ballots = [{"household_id": "H1", "approved": ["A", "B"]},
               {"household_id": "H2", "approved": ["A", "C"]}]
    a = pl.choose_menu("4.00", items, ballots, satisfaction="approvals")
    assert a.funded == ["B", "C"] and a.data["satisfaction"] == "approvals"
    c = pl.choose_menu("4.00", items, ballots)
    assert c.funded == ["A", "B"] and c.data["satisfaction"] == "cost"
    with pytest.raises(renewal.InvalidArgumentError, match="satisfaction"):
        pl.choose_menu("4.00", items, ballots, satisfaction="utility")


def test_menu_reports_runs_and_tie_break():
    items = [{"id": "A", "cost_yuan": "1.00"}]
    ballots = [{"household_id": "H1", "approved": ["A"]}]
    m = pl.choose_menu("1.00", items, ballots)
    assert m.mes_runs == 1 and m.data["mes_runs"] == 1
    assert m.tie_break.endswith("approvals desc, cost asc, file order")
    with pytest.raises(renewal.InvalidArgumentError, match="completion"):
        pl.choose_menu("1.00", items, ballots, "greedy", completion="add1")
