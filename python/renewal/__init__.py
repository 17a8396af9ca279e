"""renewal: renovation programmes for old urban residential estates (城镇老旧小区改造).

The domain logic is C++ (``renewal._core``); this package adds pandas and plotting
conveniences. Errors raised by the library derive from :class:`renewal.Error` and
from the built-in exception you would expect (``ValueError``, ``KeyError``, ...).
"""

from ._core import (  # noqa: F401
    AlreadyExistsError,
    DataLossError,
    Error,
    FailedPreconditionError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    OutOfRangeError,
    ResourceExhaustedError,
)

__version__ = "0.1.0"
