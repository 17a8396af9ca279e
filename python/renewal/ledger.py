"""The maintenance fund ledger (住宅专项维修资金) with pandas conveniences.

``Ledger`` is the compiled class ``renewal._core.ledger.Ledger``; this module adds
``Ledger.to_frame()`` (one row per posting), ``Ledger.balances_frame()`` (one row per
dwelling) and ``Ledger.statement_frame(dwelling, year)``. Money is exact integer fen
(``*_fen`` columns); the ``*_yuan`` columns are ``decimal.Decimal`` for display.
"""

from __future__ import annotations

import datetime
import os
from decimal import Decimal
from typing import Union

import pandas as pd

from . import _repr, _time
from ._core import ledger as _core_ledger

Ledger = _core_ledger.Ledger
RULE_CIVIL_CODE_ORDINARY = _core_ledger.RULE_CIVIL_CODE_ORDINARY
RULE_WITHOUT_ASSEMBLY = _core_ledger.RULE_WITHOUT_ASSEMBLY

__all__ = ["Ledger", "RULE_CIVIL_CODE_ORDINARY", "RULE_WITHOUT_ASSEMBLY", "to_frame",
           "balances_frame", "statement", "yuan"]


Amount = Union[str, int, Decimal]  # yuan text / Decimal, or int fen
Date = Union[str, datetime.date]  # "YYYY-MM-DD", a date, or a datetime (its calendar date)
Path = Union[str, "os.PathLike[str]"]


def yuan(fen: int) -> Decimal:
    """Fen as an exact Decimal of yuan: 420000 → Decimal('4200.00')."""
    return Decimal(int(fen)).scaleb(-2)


def to_frame(ledger: Ledger) -> pd.DataFrame:
    """The journal, one row per posting: tx, date, kind, account, amount_fen, amount_yuan, memo.

    ``date`` is ``datetime64[ns, Asia/Shanghai]`` (midnight Beijing time of the posting's
    day; ``df.date.dt.date`` gives the day). Every transaction's ``amount_fen`` sums to
    zero (double entry).
    """
    columns = ledger._posting_columns()
    df = pd.DataFrame(columns)
    df["date"] = _time.from_days(columns["date_days"])
    df["amount_yuan"] = [yuan(v) for v in df["amount_fen"]]
    return df[["tx", "date", "kind", "account", "amount_fen", "amount_yuan", "memo"]]


def balances_frame(ledger: Ledger) -> pd.DataFrame:
    """One row per dwelling: fund, balance, amount owed, required and paid first deposit,
    collection status (no_standard / unpaid / partial / complete)."""
    df = pd.DataFrame(ledger._balance_columns())
    df["balance_yuan"] = [yuan(v) for v in df["balance_fen"]]
    return df.set_index("dwelling")


def statement(ledger: Ledger, dwelling: str, year: int) -> dict:
    """Annual statement of one dwelling (Order 165 art. 31) as a dict, amounts in fen."""
    return ledger.statement(dwelling, year)


def _statement_frame(ledger: Ledger, dwelling: str, year: int) -> pd.DataFrame:
    """The statement's entries as a DataFrame (date, tx, kind, amount_fen, memo);
    ``date`` as in :func:`to_frame`."""
    df = pd.DataFrame(ledger.statement(dwelling, year)["entries"],
                      columns=["date", "tx", "kind", "amount", "memo"]).rename(
                          columns={"amount": "amount_fen"})
    df["date"] = _time.from_text(df["date"], dates=True)
    return df


Ledger.to_frame = to_frame
Ledger.balances_frame = balances_frame
Ledger.statement_frame = _statement_frame


def _refuse_pickle(self: Ledger, protocol: int = 2) -> None:
    """A ledger is not pickled (docs/ledger.md, "Pickling"): it is a journal file held
    open with a writer lock, and a copy made from a pickle would either append to that
    file behind the lock's back or silently become a second, diverging journal."""
    raise TypeError(
        "renewal.ledger.Ledger cannot be pickled or copied: it is a journal file held open "
        "with a writer lock (or an in-memory journal), and a copy would write a second, "
        "diverging history. Pickle the registry and the journal's path instead, and in the "
        "other process open it with Ledger.replay(registry, path) to read, or "
        "Ledger(registry, path) to append once this ledger is closed; for an in-memory "
        "ledger, save ledger.journal_json().")


Ledger.__reduce_ex__ = _refuse_pickle
Ledger.__reduce__ = lambda self: _refuse_pickle(self)
Ledger._repr_html_ = _repr.ledger_html
