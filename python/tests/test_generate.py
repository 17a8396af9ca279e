"""The synthetic city from Python: determinism and the seed-003 shape."""

import pytest

import renewal
import renewal.eligibility as el
import renewal.generate as gen


def el_summary_estates(city):
    return int(el.summary(city).estates.sum())


def test_default_target_is_seed_003():
    # seed 003: 1,233 estates, 16.68万 households.
    assert gen.target_households() == 166_800
    assert gen.target_households(10) == 1_353  # 10 × 166,800 / 1,233 = 1,352.8


def test_small_city_counts():
    city = gen.generate(estates=40, seed=5)
    assert isinstance(city, renewal._core.Registry)
    assert el_summary_estates(city) == 40


def test_same_seed_same_city_different_seed_different():
    a = gen.generate(estates=30, seed=11)
    b = gen.generate(estates=30, seed=11)
    c = gen.generate(estates=30, seed=12)
    assert a == b
    assert not (a == c)


def test_bad_options_raise_value_error():
    with pytest.raises(renewal.InvalidArgumentError) as e:
        gen.generate(estates=0)
    assert isinstance(e.value, ValueError)
    assert "estates" in str(e.value)
    with pytest.raises(ValueError):
        gen.generate(estates=5, households_scale_pct=10)


def test_default_city_summary():
    city = gen.generate()
    df = el.summary(city)
    assert len(df) == 5
    assert df.estates.sum() == 1_233
    assert df.households.sum() == 166_800
    assert (df.buildings >= 2 * df.estates).all()
