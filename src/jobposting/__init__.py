"""jobposting: canonical job postings and converters between their formats.

The hub is :class:`Posting`, validated by ``schemas/jobposting.schema.json``. Every format is a
reader into it and a writer out of it, looked up by key in :mod:`jobposting.formats`.

The names below are imported on first use (PEP 562): ``import jobposting`` and the command
line's ``--help`` stay fast, and jsonschema, cattrs and lxml load only when a posting is read,
written or validated.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from jobposting._version import __version__
from jobposting.errors import (
    InvalidPostingError,
    JobPostingError,
    ReadError,
    UnknownFormatError,
    WriteError,
)
from jobposting.problems import Problem

if TYPE_CHECKING:
    from jobposting import formats
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
    from jobposting.batch import convert_many, read_many
    from jobposting.codec import dump, dumps, load, loads
    from jobposting.model import Posting

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
    "convert_many",
    "dump",
    "dumps",
    "formats",
    "load",
    "loads",
    "read",
    "read_all",
    "read_many",
    "records",
    "validate",
    "write",
    "write_to",
]

#: public name -> the module that defines it, imported when the name is first asked for
_LAZY = {
    "formats": "jobposting.formats",
    **dict.fromkeys(
        (
            "available_formats",
            "convert",
            "read",
            "read_all",
            "records",
            "validate",
            "write",
            "write_to",
        ),
        "jobposting.api",
    ),
    **dict.fromkeys(("convert_many", "read_many"), "jobposting.batch"),
    **dict.fromkeys(("dump", "dumps", "load", "loads"), "jobposting.codec"),
    "Posting": "jobposting.model",
}


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562)."""
    try:
        module_name = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'jobposting' has no attribute {name!r}") from None
    module = importlib.import_module(module_name)
    value = module if module_name == f"{__name__}.{name}" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
