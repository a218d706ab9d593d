"""The ``jsonl`` format: canonical postings, one compact JSON object per line, streamed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

from jobposting import codec, jsontext
from jobposting.errors import JobPostingError
from jobposting.formats.base import ReadOptions, Record, WriteOptions
from jobposting.formats.json import parse_json, posting_from_document

if TYPE_CHECKING:
    from jobposting.model import Posting


def read(source: IO[bytes], options: ReadOptions) -> Iterator[Record]:
    """Read postings line by line; blank lines are skipped; a bad line is one error record."""
    for number, line in enumerate(source, start=options.first_line):
        if not line or line.isspace():  # as line.strip() would say, without copying the line
            continue
        where = f"line {number}"
        try:
            document = parse_json(line, line_offset=number - 1)
            posting = posting_from_document(document, options, plain=True)
        except JobPostingError as error:
            yield Record(posting=None, error=error, where=where)
        else:
            yield Record(posting=posting, where=where)


def write(postings: Iterable[Posting], sink: IO[bytes], options: WriteOptions) -> None:
    """Write each posting as one line of compact canonical JSON."""
    for posting in postings:
        sink.write(jsontext.compact_bytes(codec.to_dict(posting)) + b"\n")
