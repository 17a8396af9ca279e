from typing import Any

DEFAULT_ESTATES: int
DEFAULT_SEED: int

def generate(estates: int = ..., seed: int = ..., households_scale_pct: int = ...) -> Any: ...
def target_households(estates: int = ..., households_scale_pct: int = ...) -> int: ...
