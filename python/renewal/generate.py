"""The deterministic synthetic city (docs/generator.md).

The default city is shaped like the one in seed 003: 1,233 estates, 166,800
households, 5 districts. The same arguments give the identical registry on every
platform (the generator has its own PRNG and integer distributions).
"""

from __future__ import annotations

from . import _core
from ._core import Registry

__all__ = ["DEFAULT_ESTATES", "DEFAULT_SEED", "generate", "target_households"]

DEFAULT_ESTATES = 1233
DEFAULT_SEED = 3


def generate(estates: int = DEFAULT_ESTATES, seed: int = DEFAULT_SEED,
             households_scale_pct: int = 100) -> Registry:
    """A synthetic city as a :class:`renewal.Registry`.

    :param estates: number of estates (1..10,000,000); 219,000 is national scale.
    :param seed: PRNG seed (>= 0).
    :param households_scale_pct: households per estate relative to seed 003's
        average of 135.3 (30..1000).
    :raises renewal.InvalidArgumentError: an option out of range.
    """
    return _core.generate.generate(int(estates), int(seed), int(households_scale_pct))


def target_households(estates: int = DEFAULT_ESTATES, households_scale_pct: int = 100) -> int:
    """The exact number of households :func:`generate` makes: estates × 166,800 / 1,233
    × scale, rounded half up."""
    return int(_core.generate.target_households(int(estates), int(households_scale_pct)))
