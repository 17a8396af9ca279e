from typing import Any, Dict, Iterable, List, Optional

import numpy as np
import numpy.typing as npt
import pandas as pd

from ._core import Registry

TABLES: tuple[str, ...]

def labels(kind: str, lang: str = ...) -> Dict[str, str]: ...
def to_frame(registry: Registry, table: str) -> pd.DataFrame: ...
def to_frames(registry: Registry, tables: Optional[Iterable[str]] = ...) -> Dict[str, pd.DataFrame]: ...
def dwelling_rows(registry: Registry, ids: Any) -> npt.NDArray[np.int64]: ...
def owner_rows(registry: Registry, ids: Any) -> npt.NDArray[np.int64]: ...
def from_frames(estates: pd.DataFrame, buildings: pd.DataFrame, dwellings: pd.DataFrame,
                owners: Optional[pd.DataFrame] = ..., areas: Optional[pd.DataFrame] = ...,
                current_year: int = ..., *, entrances: Optional[pd.DataFrame] = ...,
                districts: Optional[pd.DataFrame] = ...,
                streets: Optional[pd.DataFrame] = ...) -> Registry: ...
