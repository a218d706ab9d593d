"""The uniform surface every format offers: options, records, reader and writer signatures."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

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
    - ``first_line``: the number, in its input, of the stream's first line; a reader given one
      chunk of a line-delimited input (``jsonl`` read by several processes) counts from there.
    - ``now``: the moment relative dates ("Posted 2 days ago") are read against; without it
      they are reported and left out (readers never look at the clock).
    """

    validate: bool = True
    strict: bool = False
    name: str = "<input>"
    first_line: int = 1
    now: datetime.datetime | datetime.date | None = None


@attrs.frozen(kw_only=True)
class WriteOptions:
    """How a writer works (format-specific switches join here as formats need them).

    - ``fragment`` (html): write the postings' ``<article>`` elements without the page around them.
    - ``jsonld`` (html): embed each posting's schema.org JSON-LD ``<script>`` block.
    - ``plain`` (jsonld): write plain schema.org only, without the extension vocabulary.
    - ``script`` (jsonld): write ``<script type="application/ld+json">`` elements, safe in HTML.
    - ``report``: called with a Problem for every canonical path a writer drops.
    """

    fragment: bool = False
    jsonld: bool = True
    plain: bool = False
    script: bool = False
    report: Callable[[Problem], None] | None = None


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


class Deferred:
    """A reader or writer named ``"module:function"``, imported when it is first called."""

    __slots__ = ("_function", "target")

    def __init__(self, target: str) -> None:
        module, colon, name = target.partition(":")
        if not (module and colon and name):
            raise ValueError(f"expected 'module:function', got {target!r}")
        self.target = target
        self._function: Callable[..., Any] | None = None

    def __call__(self, *args: Any) -> Any:
        """Import the function on first use, then call it."""
        if self._function is None:
            module, _, name = self.target.partition(":")
            self._function = getattr(importlib.import_module(module), name)
        return self._function(*args)

    def __repr__(self) -> str:
        return f"Deferred({self.target!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Deferred) and other.target == self.target

    def __hash__(self) -> int:
        return hash(self.target)


def _deferred_reader(value: Reader | str | None) -> Reader | None:
    return Deferred(value) if isinstance(value, str) else value


def _deferred_writer(value: Writer | str | None) -> Writer | None:
    return Deferred(value) if isinstance(value, str) else value


@attrs.frozen(kw_only=True)
class Format:
    """One entry of the format registry.

    ``key`` is the same token in the CLI (``-f``/``-t``), the registry, ``converters/<key>/`` and
    the golden file extension. ``preserves`` declares the canonical JSON Pointers the format keeps
    (``ALL_PATHS`` for everything); round-trip tests and loss reports are derived from it.
    ``many`` is true when one document holds any number of postings; ``concatenated`` when such a
    document is each posting written alone, one after the other (JSONL), so that postings can be
    written one at a time, in worker processes too. ``reader`` and ``writer``
    are callables, or ``"module:function"`` strings imported on first use, so that listing the
    registry (``jobposting formats``, ``--help``) imports no format's dependencies.
    """

    key: str
    description: str
    media_type: str
    suffixes: tuple[str, ...]
    reader: Reader | None = attrs.field(default=None, converter=_deferred_reader)
    writer: Writer | None = attrs.field(default=None, converter=_deferred_writer)
    many: bool = False
    concatenated: bool = False
    preserves: frozenset[str] = ALL_PATHS

    @property
    def reads(self) -> bool:
        """True when the format can be read."""
        return self.reader is not None

    @property
    def writes(self) -> bool:
        """True when the format can be written."""
        return self.writer is not None
