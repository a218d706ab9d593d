"""The ``text`` format: one posting read out of plain text (a copied careers page, an e-mail).

Reading only: the extraction lives in :mod:`jobposting.extract`; this module decodes the bytes
and hands the text over. Every guess the extractor makes is a diagnostic on the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from jobposting.errors import ReadError
from jobposting.extract.posting import posting_from_text
from jobposting.formats.base import ReadOptions, Record

__all__ = ["read"]


def read(source: IO[bytes], options: ReadOptions) -> Iterator[Record]:
    """Read the one posting of a plain-text document (UTF-8, a byte-order mark allowed)."""
    data = source.read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        yield Record(
            posting=None,
            error=ReadError(f"not UTF-8 text ({error.reason} at byte {error.start})"),
        )
        return
    if not text.strip():
        yield Record(posting=None, error=ReadError("the text is empty"))
        return
    yield posting_from_text(text, options)
