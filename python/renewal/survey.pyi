"""Stub of renewal.survey: survey spreadsheets in (docs/survey.md)."""

import os
from dataclasses import dataclass
from typing import Optional, Sequence, Tuple, Union

import pandas as pd

from ._core import Registry

__all__ = ["COLUMNS", "SHEETS", "Column", "estate_totals", "main", "read_survey",
           "survey_template"]

PathLike = Union[str, os.PathLike[str]]

SHEETS: Tuple[Tuple[str, str], ...]


@dataclass(frozen=True)
class Column:
    table: str
    key: str
    zh: str
    meaning_zh: str
    meaning_en: str
    kind: str
    required: bool = ...


COLUMNS: Tuple[Column, ...]


def read_survey(path: PathLike, current_year: int = ...) -> Registry: ...
def estate_totals(path: PathLike) -> pd.DataFrame: ...
def survey_template(path: PathLike) -> None: ...
def main(argv: Optional[Sequence[str]] = ...) -> int: ...
