"""The one display helper for money: integer fen (every ``*_fen`` column) as exact text.

>>> import renewal
>>> renewal.format_fen(123456789)
'1,234,567.89'
>>> renewal.format_fen(-5, unit="wan")
'-0.000005'
"""

from __future__ import annotations

from typing import Any

_DIGITS = {"yuan": 2, "wan": 6}  # fen per yuan: 100; per 万元: 1,000,000


def _one(fen: Any, unit: str) -> str:
    import pandas as pd

    if pd.isna(fen):  # None, NaN, pd.NA
        return ""
    if isinstance(fen, bool) or not float(fen).is_integer():
        raise ValueError(f"fen: expected a whole number of fen, got {fen!r}")
    value = int(fen)
    digits = _DIGITS[unit]
    whole, frac = divmod(abs(value), 10 ** digits)
    return f"{'-' if value < 0 else ''}{whole:,}.{frac:0{digits}d}"


def format_fen(fen: Any, unit: str = "yuan") -> Any:
    """Fen as exact display text, without a float on the way: ``unit="yuan"`` gives
    ``"1,234,567.89"`` (元), ``"wan"`` six decimals of 万元 (``"123.456789"``). A Series
    or Index gives a Series of text (blank where missing); a scalar gives a str."""
    if unit not in _DIGITS:
        raise ValueError(f'unit: expected "yuan" or "wan", got {unit!r}')
    if hasattr(fen, "map") and hasattr(fen, "index"):
        return fen.map(lambda v: _one(v, unit))
    if hasattr(fen, "__iter__") and not isinstance(fen, str):
        return [_one(v, unit) for v in fen]
    return _one(fen, unit)
