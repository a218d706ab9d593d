"""The uniform surface every format offers: options, records, reader and writer signatures."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING

import attrs

from jobposting.errors import JobPostingError
from jobposting.problems import Problem

if TYPE_CHECKING:
    from jobposting.model import Posting

#: Every canonical path; the ``preserves`` of a format that keeps everything.
ALL_PATHS = frozenset({"/"})


@attrs.frozen(kw_only=True)
class ReadOptions:
    """How a reader works.

    - ``validate``: check each posting against the canonical schema and rules; an invalid one
      becomes a record with an :class:`~jobposting.errors.InvalidPostingError`.
    - ``strict``: turn every repair or guess a reader would make into an error.
    - ``name``: the input's name for messages and provenance (a file path or ``<stdin>``).
    """

    validate: bool = True
    strict: bool = False
    name: str = "<input>"


@attrs.frozen(kw_only=True)
class WriteOptions:
    """How a writer works (format-specific switches join here as formats need them)."""


@attrs.frozen(kw_only=True)
class Record:
    """One posting read from an input, or the error that kept it from being read.

    ``where`` locates the record in its input (``line 3`` in JSONL, a JSON Pointer in a
    JSON-LD graph, ``None`` for single-posting inputs). ``diagnostics`` lists every repair or
    guess the reader made, each with a JSON Pointer and a stable code.
    """

    posting: Posting | None
    error: JobPostingError | None = None
    where: str | None = None
    diagnostics: tuple[Problem, ...] = ()


#: A reader turns a binary stream into records, lazily, one posting at a time.
Reader = Callable[[IO[bytes], ReadOptions], Iterator[Record]]
#: A writer writes postings to a binary stream.
Writer = Callable[[Iterable["Posting"], IO[bytes], WriteOptions], None]


@attrs.frozen(kw_only=True)
class Format:
    """One entry of the format registry.

    ``key`` is the same token in the CLI (``-f``/``-t``), the registry, ``converters/<key>/`` and
    the golden file extension. ``preserves`` declares the canonical JSON Pointers the format keeps
    (``ALL_PATHS`` for everything); round-trip tests and loss reports are derived from it.
    ``many`` is true when one document holds any number of postings.
    """

    key: str
    description: str
    media_type: str
    suffixes: tuple[str, ...]
    reader: Reader | None = None
    writer: Writer | None = None
    many: bool = False
    preserves: frozenset[str] = ALL_PATHS

    @property
    def reads(self) -> bool:
        """True when the format can be read."""
        return self.reader is not None

    @property
    def writes(self) -> bool:
        """True when the format can be written."""
        return self.writer is not None
