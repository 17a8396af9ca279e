"""Shared fixtures. Run with the built package on the path:

    PYTHONPATH=build/python /usr/bin/python3 -m pytest python/tests
"""

import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def tiny_path() -> str:
    return str(ROOT / "tests" / "data" / "tiny_city.json")


@pytest.fixture(scope="session")
def small_city_path() -> str:
    return str(ROOT / "examples" / "small_city.json")
