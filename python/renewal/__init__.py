"""renewal: renovation programmes for old urban residential estates (城镇老旧小区改造).

The domain logic is C++ (``renewal._core``); this package adds pandas and plotting
conveniences. Errors raised by the library derive from :class:`renewal.Error` and
from the built-in exception you would expect (``ValueError``, ``KeyError``, ...).

>>> import renewal
>>> r = renewal.Registry.load("examples/small_city.json")
>>> dwellings = r.to_frame("dwellings")   # typed: categoricals, nullable facts
>>> frames = r.to_frames()                  # every table by name
>>> city = renewal.read_survey("调查表.xlsx")  # a survey workbook (docs/survey.md)
"""

from ._core import (  # noqa: F401
    AlreadyExistsError,
    DataLossError,
    DeadlineExceededError,
    Error,
    FailedPreconditionError,
    InternalError,
    InvalidArgumentError,
    MissingFileError,
    NotFoundError,
    OutOfRangeError,
    Registry,
    ResourceExhaustedError,
)
from . import registry as _registry
from . import eligibility, funding, generate, ledger, plan, progress, scheme, votes, works  # noqa: F401  (areas)
from . import geo, plotting, survey  # noqa: F401
from .survey import read_survey, survey_template  # noqa: F401
from ._repr import registry_html as _registry_html

__all__ = [
    "AlreadyExistsError", "DataLossError", "DeadlineExceededError", "Error",
    "FailedPreconditionError", "InternalError", "InvalidArgumentError", "MissingFileError",
    "NotFoundError", "OutOfRangeError", "Registry", "ResourceExhaustedError",
    "eligibility", "funding", "generate", "geo", "labels", "ledger", "plan", "plotting",
    "progress", "read_survey", "scheme", "survey", "survey_template", "votes", "works",
    "__version__",
]

__version__ = "0.1.0"

from .money import format_fen  # noqa: E402,F401
from .registry import TABLES, labels  # noqa: E402,F401

Registry.to_frame = _registry.to_frame
Registry.to_frames = _registry.to_frames
Registry.from_frames = staticmethod(_registry.from_frames)
Registry.dwelling_rows = _registry.dwelling_rows
Registry.owner_rows = _registry.owner_rows


Registry._repr_html_ = _registry_html  # a summary table: counts, and estates by district


def _screen(self: Registry, policy="national_2020", year: int | None = None):
    """Screen every estate (see :func:`renewal.eligibility.screen`); ``year`` defaults
    to the current calendar year."""
    import datetime
    return eligibility.screen(self, policy, year or datetime.date.today().year)


Registry.screen = _screen

# The map (renewal/geo.py, docs/map.md).
Registry.to_geojson = geo.to_geojson
Registry.__geo_interface__ = property(geo.to_geojson)
Registry.to_geodataframe = geo.to_geodataframe
Registry.to_html_map = geo.to_html_map
