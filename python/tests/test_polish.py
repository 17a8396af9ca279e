"""Python polish (issue 18 part 6): reprs and summary tables, the ledger's pickling
answer, paths and dates in the forms Python has them, FileNotFoundError for a missing
file, __all__, and stubs that mypy's stubtest finds no fault with."""

import datetime
import os
import pathlib
import pickle
import shutil
import subprocess
import sys

import pytest

import renewal
import renewal.plan as pl
from renewal import ledger as lg

ROOT = pathlib.Path(__file__).resolve().parents[2]
LEDGER_CITY = ROOT / "examples" / "ledger" / "registry.json"


def test_registry_html_is_a_summary_table(small_city_path):
    city = renewal.Registry.load(pathlib.Path(small_city_path))  # os.PathLike
    page = city._repr_html_()
    assert page.count("<table>") == 2
    assert f"<td style='text-align:right'>{city.estate_count:,}</td>" in page
    assert "GCJ-02" in page
    # One row per district with its estates: the counts add up to the registry's.
    summary = renewal.eligibility.summary(city)
    for name, n in zip(summary["district"], summary["estates"]):
        assert f"<td>{name}</td>" in page and f"<td>{n}</td>" in page
    assert repr(city).startswith("<renewal.Registry: 40 estates")


def test_plan_repr_and_html():
    projects = [{"id": "A", "estate_id": "EA", "cost_yuan": 600000, "carried_over_years": 13},
                {"id": "B", "estate_id": "EB", "cost_yuan": 500000, "carried_over_years": 10}]
    facts = [{"project_id": "A", "district_id": "D1", "households": 100, "basic_shortfalls": 0},
             {"project_id": "B", "district_id": "D1", "households": 80, "basic_shortfalls": 0}]
    plan = pl.make_plan_from_facts(projects, facts, "600000", carry_over_bonus_points=1,
                                   year=2025)
    assert plan.selected == ["A"]
    assert repr(plan) == ("<renewal.plan.Plan 2025 sheet ningbo: 1 of 2 projects selected, "
                          "600,000.00 of 600,000.00 yuan, 100 households>")
    page = plan._repr_html_()
    assert "renewal.plan.Plan" in page and "600,000.00" in page and "<td>EA</td>" in page


def test_ledger_html_and_dates_and_paths(tmp_path):
    city = renewal.Registry.load(LEDGER_CITY)
    journal = tmp_path / "fund.journal"
    fund = lg.Ledger(city, path=journal)  # a pathlib.Path
    fund.deposit("E1-B1-1-101", "3600", datetime.date(2025, 1, 10))
    fund.deposit("E1-B1-1-201", "4800", datetime.datetime(2025, 1, 11, 23, 59))
    fund.deposit("E1-B1-1-301", "6000", "2025-01-12")
    dates = list(fund.to_frame()["date"].dt.strftime("%Y-%m-%d").unique())
    assert dates == ["2025-01-10", "2025-01-11", "2025-01-12"]
    with pytest.raises(TypeError, match="date: str"):
        fund.deposit("E1-B1-1-101", "1", 20250110)  # an int is not a date
    page = fund._repr_html_()
    assert "renewal.ledger.Ledger" in page and "144.00" not in page
    assert "<td>14,400.00</td>" in page  # 3600 + 4800 + 6000 yuan in fund E1


def test_ledger_pickling_is_refused_with_what_to_do(tmp_path):
    city = renewal.Registry.load(LEDGER_CITY)
    fund = lg.Ledger(city, path=tmp_path / "fund.journal")
    with pytest.raises(TypeError, match=r"cannot be pickled.*writer lock.*Ledger\.replay"):
        pickle.dumps(fund)
    import copy
    with pytest.raises(TypeError, match="cannot be pickled or copied"):
        copy.copy(fund)


def test_a_missing_file_is_also_a_file_not_found_error(tmp_path):
    missing = tmp_path / "nowhere.json"
    with pytest.raises(FileNotFoundError) as info:
        renewal.Registry.load(missing)
    e = info.value
    assert isinstance(e, renewal.MissingFileError)
    assert isinstance(e, renewal.NotFoundError) and isinstance(e, renewal.Error)
    assert str(e) == f"{missing}: cannot open file: no such file or directory"
    # A dangling reference is still a NotFoundError, not a missing file.
    text = (ROOT / "tests" / "data" / "tiny_city.json").read_text(encoding="utf-8")
    with pytest.raises(renewal.NotFoundError) as info:
        renewal.Registry.loads(text.replace('"district": "D2"', '"district": "D7"'), 2026)
    assert not isinstance(info.value, FileNotFoundError)


def test_every_module_declares_all():
    import importlib
    for name in ("renewal", "renewal.eligibility", "renewal.funding", "renewal.generate",
                 "renewal.geo", "renewal.ledger", "renewal.plan", "renewal.plotting",
                 "renewal.registry", "renewal.votes", "renewal._repr"):
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), name
        for exported in module.__all__:
            assert hasattr(module, exported), f"{name}.{exported}"


def test_generate_is_typed():
    import typing
    assert typing.get_type_hints(renewal.generate.generate)["return"] is renewal.Registry


def test_stubtest_finds_nothing(tmp_path):
    try:
        import mypy.stubtest  # noqa: F401
    except ImportError:
        pytest.skip("mypy is not installed (Debian: python3-mypy)")
    package = pathlib.Path(renewal.__file__).resolve().parents[1]
    env = dict(os.environ, PYTHONPATH=str(package), MYPY_CACHE_DIR=str(tmp_path / "cache"))
    r = subprocess.run([sys.executable, "-m", "mypy.stubtest", "renewal",
                        "--mypy-config-file", str(ROOT / "python" / "stubtest.ini")],
                       capture_output=True, text=True, env=env, cwd=package, timeout=600)
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-2000:]
