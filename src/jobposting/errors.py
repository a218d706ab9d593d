"""The exceptions jobposting raises: one base class, leaves that are also builtin errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobposting.problems import Problem


class JobPostingError(Exception):
    """Base class of every error this package raises on purpose."""


class UnknownFormatError(JobPostingError, LookupError):
    """A format key is not in the registry, or the format cannot do what was asked."""


class ResourceNotFoundError(JobPostingError, FileNotFoundError):
    """A data file shipped with the package (schema, crosswalk, template) is missing."""


class ReadError(JobPostingError, ValueError):
    """An input cannot be read as the format it claims to be.

    ``where`` locates the problem for people: ``line 3, column 7`` for text formats,
    a JSON Pointer for structures.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class InvalidPostingError(JobPostingError, ValueError):
    """A posting breaks the canonical schema or one of its rules.

    ``problems`` holds every problem found, each with a JSON Pointer, a message and a code.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = [f"{p.pointer or '/'}: {p.message}" for p in self.problems]
        super().__init__("invalid posting:\n" + "\n".join(lines) if len(lines) != 1 else lines[0])


class WriteError(JobPostingError, ValueError):
    """Postings cannot be written as asked (e.g. several postings to a one-posting format)."""
