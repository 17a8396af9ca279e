"""Stub of the renewal package: the errors and Registry from the compiled core, the
areas, and the helpers the package adds to Registry (see renewal/_core/__init__.pyi)."""

from . import eligibility as eligibility
from . import funding as funding
from . import generate as generate
from . import geo as geo
from . import ledger as ledger
from . import plan as plan
from . import plotting as plotting
from . import progress as progress
from . import scheme as scheme
from . import survey as survey
from . import votes as votes
from . import works as works
from ._core import AlreadyExistsError as AlreadyExistsError
from ._core import DataLossError as DataLossError
from ._core import DeadlineExceededError as DeadlineExceededError
from ._core import Error as Error
from ._core import FailedPreconditionError as FailedPreconditionError
from ._core import InternalError as InternalError
from ._core import InvalidArgumentError as InvalidArgumentError
from ._core import MissingFileError as MissingFileError
from ._core import NotFoundError as NotFoundError
from ._core import OutOfRangeError as OutOfRangeError
from ._core import Registry as Registry
from ._core import ResourceExhaustedError as ResourceExhaustedError
from .registry import TABLES as TABLES
from .registry import labels as labels
from .survey import read_survey as read_survey
from .survey import survey_template as survey_template

__all__ = [
    "AlreadyExistsError", "DataLossError", "DeadlineExceededError", "Error",
    "FailedPreconditionError", "InternalError", "InvalidArgumentError", "MissingFileError",
    "NotFoundError", "OutOfRangeError", "Registry", "ResourceExhaustedError",
    "eligibility", "funding", "generate", "geo", "labels", "ledger", "plan", "plotting",
    "progress", "read_survey", "scheme", "survey", "survey_template", "votes", "works",
    "__version__",
]

__version__: str
