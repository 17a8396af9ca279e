"""One meaning for money in Python (README "Money in Python"): an int is fen; yuan is a
decimal.Decimal or a str; a float is refused. Arguments in yuan (``*_yuan`` names, and
the financing amounts, where an int meant yuan before) refuse an int and say what to
pass. The same conversion (python/src/bindings.h MoneyArg) serves every area."""

from decimal import Decimal

import numpy as np
import pytest

import renewal
import renewal.funding as fu
import renewal.plan as pl
from renewal import ledger as lg

DWELLING = "E1-B1-1-101"


@pytest.fixture()
def fund(root):
    return lg.Ledger(renewal.Registry.load(str(root / "examples/ledger/registry.json")))


def test_ledger_int_is_fen_and_decimal_or_str_is_yuan(fund):
    fund.deposit(DWELLING, 123, "2025-01-10")               # 123 fen
    fund.deposit(DWELLING, "1.23", "2025-01-10")            # 123 fen
    fund.deposit(DWELLING, Decimal("1.23"), "2025-01-10")   # 123 fen
    fund.deposit(DWELLING, Decimal("1E+2"), "2025-01-10")   # 100 yuan = 10,000 fen
    fund.deposit(DWELLING, np.int64(7), "2025-01-10")       # 7 fen
    assert fund.balance(DWELLING) == 3 * 123 + 10_000 + 7


@pytest.mark.parametrize("amount, message", [
    (1.23, "amount: a float is not exact; pass yuan as Decimal or str"),
    (True, "amount: a bool is not money"),
    (Decimal("1.234"), "amount: "),
    ("12,34", "amount: "),
    ([1], "amount: expected money, got list"),
])
def test_ledger_refuses_inexact_or_malformed_amounts_and_changes_nothing(fund, amount, message):
    with pytest.raises(renewal.InvalidArgumentError, match=message):
        fund.deposit(DWELLING, amount, "2025-01-10")
    assert fund.tx_count == 0


def test_ledger_int_out_of_range_is_out_of_range_error(fund):
    with pytest.raises(renewal.OutOfRangeError, match="amount: 1" + "0" * 30 + " fen is out of range"):
        fund.deposit(DWELLING, 10 ** 30, "2025-01-10")


def _projects():
    return [{"id": "A", "estate_id": "EA", "cost_yuan": "600000"},
            {"id": "B", "estate_id": "EB", "cost_yuan": "500000"}]


def _facts():
    return [{"project_id": "A", "district_id": "D1", "households": 10},
            {"project_id": "B", "district_id": "D1", "households": 8}]


def test_plan_budget_as_decimal_or_str_is_the_same_plan():
    a = pl.make_plan_from_facts(_projects(), _facts(), Decimal("600000"))
    b = pl.make_plan_from_facts(_projects(), _facts(), "600000.00")
    assert a.to_json() == b.to_json()
    assert a["budget_yuan"] == "600000.00"


def test_plan_int_budget_says_what_to_pass():
    # An int meant yuan here before; it would now be fen, so it is an error instead.
    with pytest.raises(renewal.InvalidArgumentError,
                       match=r'^budget_yuan: an int is fen; pass yuan as Decimal or str '
                             r'\(e\.g\. "1200000\.00"\)$'):
        pl.make_plan_from_facts(_projects(), _facts(), 1_200_000)
    with pytest.raises(renewal.InvalidArgumentError,
                       match=r'options\.plan_tier_budget_yuan: an int is fen'):
        pl.make_plan_from_facts(_projects(), _facts(), "600000", plan_tier_budget_yuan=500_000)
    with pytest.raises(renewal.InvalidArgumentError,
                       match=r'options\.district_limits\[0\] "D1" max_spending_yuan: an int is fen'):
        pl.make_plan_from_facts(_projects(), _facts(), "600000",
                                district_limits=[{"district_id": "D1", "max_spending_yuan": 1}])
    with pytest.raises(renewal.InvalidArgumentError, match=r'years\[1\] budget_yuan: an int is fen'):
        pl.rolling_plan_from_facts(_projects(), _facts(), [(2025, "1"), (2026, 600_000)])
    with pytest.raises(renewal.InvalidArgumentError, match="budget_yuan: an int is fen"):
        pl.choose_menu(5, [{"id": "A", "cost_yuan": "1.00"}], [])


def test_plan_options_go_through_the_one_parser():
    with pytest.raises(renewal.InvalidArgumentError,
                       match=r"options\.objectiv: unknown option \(known: year, objective"):
        pl.make_plan_from_facts(_projects(), _facts(), "600000", objectiv="households")
    with pytest.raises(renewal.InvalidArgumentError, match='options.solver: unknown value "slow"'):
        pl.make_plan_from_facts(_projects(), _facts(), "600000", solver="slow")
    p = pl.make_plan_from_facts(_projects(), _facts(), "600000", objective="households",
                                year=None, plan_tier_budget_yuan=None,
                                district_limits=[("D1", 0, None)])
    assert p["objective"] == "households"
    p = pl.make_plan_from_facts(_projects(), _facts(), "600000", year=np.int64(2025),
                                must_include_hazards=np.bool_(False))
    assert p["year"] == 2025


def test_financing_money_is_yuan_as_decimal_or_str():
    case = {"investment": "100", "loans": [{"principal": "100", "rate": "0", "term_years": 1}],
            "revenues": [{"kind": "parking", "amount": "100"}], "horizon_years": 1}
    assert fu.analyse_financing(case)["instalments_fen"] == [10_000]
    with pytest.raises(renewal.InvalidArgumentError,
                       match=r'^investment: an int is fen; pass yuan as Decimal or str \(e\.g\. "100\.00"\)$'):
        fu.analyse_financing(dict(case, investment=100))
    with pytest.raises(renewal.InvalidArgumentError, match=r"loans\[0\]\.principal: an int is fen"):
        fu.analyse_financing(dict(case, loans=[{"principal": 100, "rate": "0", "term_years": 1}]))
    with pytest.raises(renewal.InvalidArgumentError, match=r"revenues\[0\]\.amount: a float is not exact"):
        fu.analyse_financing(dict(case, revenues=[{"kind": "parking", "amount": 1.5}]))
