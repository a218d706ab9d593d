"""Conversion and validation over a dask.bag: many machines, one JSONL corpus (extra ``dask``).

The functions here only build Dask graphs; a scheduler runs them. The same code runs on the
local scheduler (threads or processes of one machine) and on a ``dask.distributed`` cluster
(see docs/scale-out.md)::

    import jobposting.dask as jd

    lines = jd.read_jsonl("s3://feeds/2026-11/*.jsonl", blocksize="64MiB")
    outcomes = jd.convert(lines, to="jsonld")
    outcomes.filter(lambda o: o.ok).map(lambda o: o.output).to_textfiles("out/*.jsonld")

Every input line becomes exactly one :class:`Outcome`; a line that cannot be read or is invalid
keeps its problems instead of raising, so one bad posting never stops a partition.
"""

# dask.bag's functions carry no type annotations: calling them is untyped and returns Any.
# mypy: disallow-untyped-calls=False, warn-return-any=False

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
import dask.bag as db

from jobposting import api, formats
from jobposting.errors import InvalidPostingError, JobPostingError, UnknownFormatError
from jobposting.formats.base import ReadOptions, WriteOptions
from jobposting.formats.json import parse_json, posting_from_document
from jobposting.problems import Problem
from jobposting.schema import validate_document

__all__ = ["Outcome", "convert", "convert_files", "read_jsonl", "validate"]


@attrs.frozen(kw_only=True)
class Outcome:
    """What became of one posting: the text written (for ``convert``), or why there is none.

    ``problems`` holds the schema and rule problems of an invalid posting; ``error`` the message
    of any other failure (broken JSON, a writer refusing). ``id`` is the posting's ``id`` when
    it has one, to find the input again: byte-range partitions do not know line numbers.
    """

    output: str | None = None
    problems: tuple[Problem, ...] = ()
    error: str | None = None
    id: str | None = None

    @property
    def ok(self) -> bool:
        """True when the posting was read (and written) without a problem."""
        return not self.problems and self.error is None


def read_jsonl(urlpath: str | Sequence[str], *, blocksize: int | str | None = None) -> db.Bag:
    """Return a bag of the lines of JSONL files (local paths, globs or fsspec URLs).

    ``blocksize`` splits large files into partitions of about that many bytes (``"64MiB"``);
    without it each file is one partition.
    """
    return db.read_text(urlpath, blocksize=blocksize, encoding="utf-8")


def convert(lines: db.Bag, to: str, *, validate: bool = True) -> db.Bag:
    """Map canonical JSONL lines to :class:`Outcome` objects holding each posting as ``to``.

    Blank lines are dropped. ``to`` is a registry key whose writer is used one posting at a time
    (``jsonl`` gives one line each, ready for ``to_textfiles``).
    """
    _check_writable(to)
    return lines.map_partitions(_convert_partition, to=to, validate=validate)


def validate(lines: db.Bag) -> db.Bag:
    """Map canonical JSONL lines to :class:`Outcome` objects with their problems (no output)."""
    return lines.map_partitions(_validate_partition)


def convert_files(
    paths: Iterable[str | Path], to: str, *, from_: str | None = None, validate: bool = True
) -> db.Bag:
    """Return a bag of :class:`Outcome` objects, one per posting of every file in ``paths``.

    For formats that are not line-delimited (HR Open XML, HTML pages, JSON-LD): each file is
    read whole by one task; ``from_`` is guessed per file when omitted.
    """
    _check_writable(to)
    names = [str(path) for path in paths]
    return (
        db.from_sequence(names, partition_size=1)
        .map(_convert_file, to=to, from_=from_, validate=validate)
        .flatten()
    )


def _check_writable(key: str) -> None:
    # Fail on the client, before any task is sent to a worker.
    if formats.get(key).writer is None:
        raise UnknownFormatError(f"format {key!r} cannot be written, only read")


# -- the tasks (module-level functions, so any scheduler can pickle them) ------------------------


def _convert_partition(lines: Iterable[str], to: str, validate: bool) -> list[Outcome]:
    options = ReadOptions(validate=validate)
    return [_convert_line(line, to, options) for line in lines if line.strip()]


def _convert_line(line: str, to: str, options: ReadOptions) -> Outcome:
    posting_id = None
    try:
        document = parse_json(line.rstrip("\r\n"))
        posting_id = document.get("id") if isinstance(document, dict) else None
        posting = posting_from_document(document, options, plain=True)
    except InvalidPostingError as error:
        return Outcome(problems=tuple(error.problems), id=posting_id)
    except JobPostingError as error:
        return Outcome(error=str(error))
    return _written(posting, to)


def _written(posting: Any, to: str) -> Outcome:
    writer = formats.get(to).writer
    assert writer is not None
    sink = io.BytesIO()
    try:
        writer([posting], sink, WriteOptions())
    except JobPostingError as error:
        return Outcome(error=str(error), id=posting.id)
    return Outcome(output=sink.getvalue().decode("utf-8"), id=posting.id)


def _validate_partition(lines: Iterable[str]) -> list[Outcome]:
    outcomes = []
    for line in lines:
        if not line.strip():
            continue
        try:
            document = parse_json(line.rstrip("\r\n"))
        except JobPostingError as error:
            outcomes.append(Outcome(error=str(error)))
            continue
        posting_id = document.get("id") if isinstance(document, dict) else None
        problems = tuple(validate_document(document, plain=True))
        outcomes.append(Outcome(problems=problems, id=posting_id))
    return outcomes


def _convert_file(name: str, to: str, from_: str | None, validate: bool) -> list[Outcome]:
    outcomes = []
    try:
        for record in api.records(Path(name), from_, validate=validate):
            if isinstance(record.error, InvalidPostingError):
                outcomes.append(Outcome(problems=tuple(record.error.problems)))
            elif record.error is not None:
                outcomes.append(Outcome(error=f"{name}: {record.error}"))
            else:
                outcomes.append(_written(record.posting, to))
    except (JobPostingError, OSError) as error:
        outcomes.append(Outcome(error=f"{name}: {error}"))
    return outcomes
