"""The ``html`` format: job pages written for people, read back from what people see.

Writing: ``html_page.py`` (page or fragment, embedded JSON-LD). Reading: pages this writer
produced are read from the ``data-jp`` annotations of their visible markup
(``html_reader.py``), so nothing depends on the JSON-LD block; other pages are read from their
structured data (JSON-LD, microdata, RDFa Lite), and pages without any from their text
(``jobposting.extract``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from jobposting.errors import JobPostingError, ReadError
from jobposting.formats.base import ReadOptions, Record
from jobposting.formats.html_page import write
from jobposting.formats.html_reader import annotated_documents
from jobposting.formats.json import posting_from_document

__all__ = ["decode", "read", "write"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode(raw: bytes) -> str:
    """Decode a page: a byte-order mark, else UTF-8, else the ``<meta charset>``, else cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return raw.decode("cp1252", errors="replace")


def read(source: IO[bytes], options: ReadOptions) -> Iterator[Record]:
    """Read every posting of a page, one record per ``<article data-jp-posting>``."""
    raw = source.read()
    try:
        found = annotated_documents(decode(raw))
    except ReadError as error:
        yield Record(posting=None, error=error)
        return
    if not found:
        yield from _other_page(raw, options)
        return
    for number, (document, diagnostics) in enumerate(found, start=1):
        where = f"article {number}" if len(found) > 1 else None
        if options.strict and diagnostics:
            first = diagnostics[0]
            strict = ReadError(first.message, where=first.pointer or "/")
            yield Record(posting=None, error=strict, where=where, diagnostics=tuple(diagnostics))
            continue
        try:
            posting = posting_from_document(document, options)
        except JobPostingError as error:
            yield Record(posting=None, error=error, where=where, diagnostics=tuple(diagnostics))
        else:
            yield Record(posting=posting, where=where, diagnostics=tuple(diagnostics))


def _other_page(raw: bytes, options: ReadOptions) -> Iterator[Record]:
    """A page this writer did not make: its structured data, else what its text says."""
    # Imported here: a page written by jobposting needs neither.
    from jobposting.extract import extract_from_html
    from jobposting.formats.jsonld import read_structured_data

    found = False
    for record in read_structured_data(raw, options):
        found = True
        yield record
    if not found:
        yield from extract_from_html(raw, options)
