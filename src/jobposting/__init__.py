"""jobposting: canonical job postings and converters between their formats.

The hub is :class:`Posting`, validated by ``schemas/jobposting.schema.json``. Every format is a
reader into it and a writer out of it, looked up by key in :mod:`jobposting.formats`.
"""

from jobposting import formats
from jobposting._version import __version__
from jobposting.api import (
    available_formats,
    convert,
    read,
    read_all,
    records,
    validate,
    write,
    write_to,
)
from jobposting.codec import dump, dumps, load, loads
from jobposting.errors import (
    InvalidPostingError,
    JobPostingError,
    ReadError,
    UnknownFormatError,
    WriteError,
)
from jobposting.model import Posting
from jobposting.problems import Problem

__all__ = [
    "InvalidPostingError",
    "JobPostingError",
    "Posting",
    "Problem",
    "ReadError",
    "UnknownFormatError",
    "WriteError",
    "__version__",
    "available_formats",
    "convert",
    "dump",
    "dumps",
    "formats",
    "load",
    "loads",
    "read",
    "read_all",
    "records",
    "validate",
    "write",
    "write_to",
]
