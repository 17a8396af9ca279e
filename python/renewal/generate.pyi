from ._core import Registry

__all__ = ["DEFAULT_ESTATES", "DEFAULT_SEED", "generate", "target_households"]

DEFAULT_ESTATES: int
DEFAULT_SEED: int

def generate(estates: int = ..., seed: int = ..., households_scale_pct: int = ...) -> Registry: ...
def target_households(estates: int = ..., households_scale_pct: int = ...) -> int: ...
