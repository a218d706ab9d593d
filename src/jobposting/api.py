"""Reading, writing, converting and validating postings by format key (the public functions)."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from jobposting import codec, formats
from jobposting.errors import JobPostingError, ReadError, UnknownFormatError, WriteError
from jobposting.formats.base import Format, ReadOptions, Record, WriteOptions
from jobposting.formats.json import parse_json
from jobposting.model import Posting
from jobposting.problems import Problem
from jobposting.schema import validate_document

#: What readers accept: content as ``bytes``/``str``, a path, or a binary stream.
Source = bytes | str | os.PathLike[str] | IO[bytes]

_GUESS_BYTES = 65536


def _binary_stream(source: Source) -> tuple[IO[bytes], str | None, bool]:
    """Return (stream, name, owned) for any accepted source; ``owned`` streams get closed."""
    if isinstance(source, str):
        return io.BytesIO(source.encode("utf-8")), None, True
    if isinstance(source, bytes):
        return io.BytesIO(source), None, True
    if isinstance(source, os.PathLike):
        path = Path(source)
        return path.open("rb", buffering=_GUESS_BYTES), str(path), True
    return source, getattr(source, "name", None), False


def _head(stream: IO[bytes]) -> bytes:
    peek = getattr(stream, "peek", None)
    if callable(peek):
        head: bytes = peek(_GUESS_BYTES)
        return head[:_GUESS_BYTES]
    if stream.seekable():
        position = stream.tell()
        head = stream.read(_GUESS_BYTES)
        stream.seek(position)
        return head
    raise ReadError("cannot guess the format of a stream that can neither peek nor seek; name it")


def records(
    source: Source,
    format: str | None = None,
    *,
    validate: bool = True,
    strict: bool = False,
    name: str | None = None,
    now: dt.datetime | dt.date | None = None,
) -> Iterator[Record]:
    """Yield every record (a posting, or the error that kept one from being read) of ``source``.

    ``format`` is a registry key; when omitted it is guessed from the name and the content.
    Errors in single records do not stop the stream: they come back as records. ``now`` is
    what relative dates ("Posted 2 days ago") are read against.
    """
    stream, stream_name, owned = _binary_stream(source)
    label = name or stream_name or "<input>"
    try:
        key = format or formats.guess(stream_name or name, _head(stream))
        entry = _readable(key)
        assert entry.reader is not None
        options = ReadOptions(validate=validate, strict=strict, name=label, now=now)
        yield from entry.reader(stream, options)
    finally:
        if owned:
            stream.close()


def _readable(key: str) -> Format:
    entry = formats.get(key)
    if entry.reader is None:
        raise UnknownFormatError(f"format {key!r} cannot be read, only written")
    return entry


def _writable(key: str) -> Format:
    entry = formats.get(key)
    if entry.writer is None:
        raise UnknownFormatError(f"format {key!r} cannot be written, only read")
    return entry


def read_all(source: Source, format: str | None = None, **options: Any) -> Iterator[Posting]:
    """Yield every posting of ``source``; the first record that failed raises its error."""
    for record in records(source, format, **options):
        if record.error is not None:
            raise record.error
        assert record.posting is not None
        yield record.posting


def read(source: Source, format: str | None = None, **options: Any) -> Posting:
    """Read the one posting of ``source`` (an error when it holds none or several)."""
    postings = list(read_all(source, format, **options))
    if len(postings) != 1:
        raise ReadError(f"expected one posting, found {len(postings)}")
    return postings[0]


def write_to(
    postings: Posting | Iterable[Posting],
    sink: IO[bytes],
    format: str = "json",
    options: WriteOptions | None = None,
) -> None:
    """Write postings to a binary stream in format ``format`` (``options``: writer switches)."""
    entry = _writable(format)
    assert entry.writer is not None
    items = [postings] if isinstance(postings, Posting) else postings
    try:
        entry.writer(items, sink, options or WriteOptions())
    except JobPostingError:
        raise
    except Exception:
        # Writers take valid postings. One read without validation, or built in Python, may
        # break what they rely on (a pay range without its amounts, a lone surrogate): then say
        # which posting and its first problem. A valid posting that fails is a bug: raised.
        for number, posting in enumerate(items if isinstance(items, Sequence) else (), 1):
            problems = validate_document(codec.to_dict(posting))
            if problems:
                first = problems[0]
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise WriteError(
                    f"{format}: posting {number} is not valid, so it cannot be written: "
                    f"{first.pointer or '/'}: {first.message}{more}"
                ) from None
        raise


def write(
    postings: Posting | Iterable[Posting], format: str = "json", options: WriteOptions | None = None
) -> str:
    """Return postings written in format ``format`` as text."""
    sink = io.BytesIO()
    write_to(postings, sink, format, options)
    return sink.getvalue().decode("utf-8")


def convert(source: Source, to: str = "json", from_: str | None = None, **options: Any) -> str:
    """Read ``source`` (format ``from_``, guessed when omitted) and write it as ``to``."""
    _writable(to)
    return write(list(read_all(source, from_, **options)), to)


def validate(posting: Posting | Mapping[str, Any] | str | bytes) -> list[Problem]:
    """Return every problem of a posting: a Posting, a parsed canonical document, or JSON text.

    JSON that does not parse is reported as one problem with code ``json.syntax``.
    """
    if isinstance(posting, Posting):
        return validate_document(codec.to_dict(posting))
    if isinstance(posting, str | bytes):
        try:
            document = parse_json(posting)
        except JobPostingError as error:
            return [Problem(pointer="", message=str(error), code="json.syntax")]
        return validate_document(document)
    return validate_document(dict(posting))


def available_formats() -> list[Format]:
    """Return the registered formats in registry order."""
    return list(formats.REGISTRY.values())
