"""The ``json`` format: one canonical posting as a JSON document (the hub's own format)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any

from jobposting import codec, surrogates
from jobposting.errors import InvalidPostingError, JobPostingError, ReadError, WriteError
from jobposting.formats.base import ReadOptions, Record, WriteOptions
from jobposting.schema import validate_document

if TYPE_CHECKING:
    from jobposting.model import Posting


def posting_from_document(document: Any, options: ReadOptions, *, plain: bool = False) -> Posting:
    """Turn a parsed canonical JSON value into a Posting, validating it when asked.

    ``plain``: the value came from ``json.loads`` (see :func:`validate_document`).
    Raises :class:`InvalidPostingError` with every problem found.
    """
    if not isinstance(document, dict):
        raise ReadError(f"expected a JSON object (one posting), got {_json_kind(document)}")
    if options.validate:
        problems = validate_document(document, plain=plain)
        if problems:
            raise InvalidPostingError(problems)
    return codec.from_dict(document)


def _json_kind(value: object) -> str:
    if isinstance(value, list):
        return "a JSON array"
    if isinstance(value, str):
        return "a JSON string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a JSON boolean"
    return "a JSON number"


def parse_json(text: str | bytes, *, line_offset: int = 0) -> Any:
    """Parse JSON text, raising :class:`ReadError` with the line and column of a syntax error,
    or the JSON Pointer of a string holding a lone surrogate (see :mod:`jobposting.surrogates`)."""
    try:
        value = json.loads(text)
    except UnicodeDecodeError as error:
        raise ReadError(f"not UTF-8 text ({error.reason} at byte {error.start})") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno + line_offset}, column {error.colno}"
        raise ReadError(f"invalid JSON: {error.msg}", where=where) from None
    if surrogates.escaped_in(text) and (found := surrogates.find(value)):
        raise ReadError(surrogates.message(found[1]), where=found[0] or "/")
    return value


def read(source: IO[bytes], options: ReadOptions) -> Iterator[Record]:
    """Read the single canonical posting of a JSON document."""
    try:
        posting = posting_from_document(parse_json(source.read()), options, plain=True)
    except JobPostingError as error:
        yield Record(posting=None, error=error)
    else:
        yield Record(posting=posting)


def write(postings: Iterable[Posting], sink: IO[bytes], options: WriteOptions) -> None:
    """Write exactly one posting as canonical JSON (2-space indent, schema key order)."""
    items = list(postings)
    if len(items) != 1:
        raise WriteError(
            f"json holds exactly one posting, {len(items)} given (use jsonl for several)"
        )
    sink.write(codec.dumps(items[0]).encode("utf-8"))
