"""The ``hrxml3`` format: HR-XML 3.2 ``PositionOpening`` (EURES profile), read and written.

Reads a bare ``PositionOpening`` noun or a ``ProcessPositionOpening`` message (any
``...PositionOpening`` BOD with ``DataArea``), one record per PositionOpening. Writes one posting
as a bare ``PositionOpening``, several as one ``ProcessPositionOpening`` message. No HR-XML 3.2
XSD is available to validate against; the element names and order follow the official examples
and the EURES exports in tests/wild/hrxml. canonical -> hrxml3 -> canonical is the identity: what
has no HR-XML element travels as extras (``hropen_extras``) in the lax ``UserArea``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

from lxml import etree

from jobposting import codec, xmlsafe
from jobposting.errors import JobPostingError, ReadError, WriteError
from jobposting.formats import hropen_extras as extras
from jobposting.formats import hrxml3_write as native_write
from jobposting.formats.base import ReadOptions, Record, WriteOptions
from jobposting.formats.hropen import settle
from jobposting.formats.hropen_values import Reading
from jobposting.formats.hrxml3_read import positions, read_native
from jobposting.formats.json import posting_from_document

if TYPE_CHECKING:
    from jobposting.model import Posting

__all__ = ["build_message", "build_position", "read", "read_document", "write"]

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def read_document(position: etree._Element) -> tuple[dict[str, Any], Reading]:
    """Map one PositionOpening element to a canonical JSON value, extras applied.

    The element loses its UserArea extras (removed as they are read).
    """
    return settle(read_native(position))


def read(source: IO[bytes], options: ReadOptions) -> Iterator[Record]:
    """Read every PositionOpening of an HR-XML 3.2 noun or ProcessPositionOpening message."""
    try:
        root = xmlsafe.parse(xmlsafe.read_bounded(source)).getroot()
        found = positions(root)
        if not found:
            raise ReadError(
                f"not an HR-XML 3.2 PositionOpening: the root element is "
                f"<{etree.QName(root).localname}> (expected PositionOpening or "
                "ProcessPositionOpening)",
                where=f"line {root.sourceline}",
            )
    except JobPostingError as error:
        yield Record(posting=None, error=error)
        return
    several = len(found) > 1 or found[0] is not root
    for number, position in enumerate(found, start=1):
        where = f"PositionOpening {number} (line {position.sourceline})" if several else None
        try:
            document, reading = read_document(position)
            if options.strict and reading.diagnostics:
                first = reading.diagnostics[0]
                raise ReadError(f"{first.message} (strict mode)", where=first.pointer or "/")
            posting = posting_from_document(document, options)
        except JobPostingError as error:
            yield Record(posting=None, error=error, where=where)
        else:
            yield Record(posting=posting, where=where, diagnostics=tuple(reading.diagnostics))


def build_position(
    document: Mapping[str, Any], parent: etree._Element | None = None
) -> etree._Element:
    """Return the PositionOpening element of a canonical document, UserArea extras included."""
    try:
        root = native_write.build(document, parent)
        # The native elements hold no extras yet, so reading them back leaves them as they are.
        native = read_native(root)
        pairs = [extras.encode(extra) for extra in extras.diff(document, native.document)]
        native_write.add_user_area(root, pairs, [])
    except ValueError as error:  # lxml refuses strings XML cannot hold (control characters)
        raise WriteError(f"hrxml3: {error}") from None
    return root


def build_message(documents: Iterable[Mapping[str, Any]]) -> etree._Element:
    """Return a ProcessPositionOpening message holding one PositionOpening per document."""
    hr = native_write.HR
    items = list(documents)
    root = etree.Element(
        f"{{{hr}}}ProcessPositionOpening", {"releaseID": "3.2"}, nsmap=native_write.NSMAP
    )
    area = native_write.oa(root, "ApplicationArea")
    dates = sorted(str(d["datePosted"]) for d in items if "datePosted" in d)
    if dates:
        # OAGIS wants a creation time; a deterministic writer takes it from the postings.
        native_write.oa(area, "CreationDateTime", dates[-1])
    data = native_write.hr(root, "DataArea")
    criteria = native_write.oa(native_write.oa(data, "Process"), "ActionCriteria")
    expression = "/ProcessPositionOpening/DataArea/PositionOpening"
    native_write.oa(criteria, "ActionExpression", expression, actionCode="Add")
    for document in items:
        build_position(document, data)
    return root


def write(postings: Iterable[Posting], sink: IO[bytes], options: WriteOptions) -> None:
    """Write one posting as a bare PositionOpening, several as a ProcessPositionOpening."""
    documents = [codec.to_dict(posting) for posting in postings]
    if not documents:
        raise WriteError("hrxml3: no posting to write")
    root = build_position(documents[0]) if len(documents) == 1 else build_message(documents)
    sink.write(XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True))
