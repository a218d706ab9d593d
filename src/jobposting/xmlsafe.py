"""Safe XML parsing for every XML reader: no entities, DTD, network or XInclude; bounded size.

XML ingest is where XXE, billion-laughs and remote-DTD attacks live. HR-XML and HR Open documents
never need a document type declaration, so this module refuses any ``<!DOCTYPE`` outright (before
libxml2 sees it) instead of trying to parse one safely, and refuses XInclude elements rather than
leaving them in the tree. The parser itself is configured defensively as well (lxml
``resolve_entities=False, load_dtd=False, no_network=True``) in case a declaration slips past the
prolog scan in an exotic encoding. Every error names the line (and column) where it was found.
"""

from __future__ import annotations

import re
import threading
from typing import IO, Any

from lxml import etree

from jobposting.errors import ReadError

__all__ = [
    "MAX_BYTES",
    "XINCLUDE_NS",
    "UnsafeXMLError",
    "parse",
    "read_bounded",
    "safe_parser",
]

#: The largest XML document read, in bytes (a job posting is a few kilobytes).
MAX_BYTES = 10 * 1024 * 1024
XINCLUDE_NS = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")

# The prolog: XML declaration, comments, processing instructions and white space before the root.
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_DOCTYPE = re.compile(r"<!DOCTYPE", re.I)


class UnsafeXMLError(ReadError):
    """An XML input uses a feature refused for safety (DTD, entities, XInclude, excess size)."""


def safe_parser() -> etree.XMLParser:
    """Return a new lxml parser that resolves no entity, loads no DTD and touches no network."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_pis=False,
        collect_ids=False,
    )


# parse() reuses one parser per thread: lxml parsers are not thread-safe, and a fresh parser
# for every document costs a few microseconds each time.
_parsers = threading.local()


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_parsers, "parser", None)
    if parser is None:
        parser = _parsers.parser = safe_parser()
    return parser


def read_bounded(source: IO[bytes], *, max_bytes: int = MAX_BYTES) -> bytes:
    """Read a whole stream, refusing one longer than ``max_bytes`` without reading all of it."""
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnsafeXMLError(
            f"input is larger than {max_bytes} bytes; refused (XML inputs are bounded in size)"
        )
    return data


def _prolog_text(data: bytes) -> str:
    """Decode the start of a document well enough to scan its prolog."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16-be" if head.startswith((b"\xfe\xff", b"\x00<")) else "utf-16-le"
        return head.decode(encoding, errors="replace").lstrip("\ufeff")
    return head.decode("latin-1").removeprefix("\xef\xbb\xbf")


def _root_starts_the_document(data: bytes) -> bool:
    """True when the prolog is only a UTF-8 BOM, an XML declaration and white space.

    Then the next markup is the root element's start tag, and no DOCTYPE can follow it in a
    document libxml2 accepts: the common case, told without decoding the document's head.
    """
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if data.startswith(b"<?xml", start):
        end = data.find(b"?>", start, start + 1024)
        if end == -1:
            return False
        start = end + 2
    head = data[start : start + 256].lstrip(b" \t\r\n")
    return head[:1] == b"<" and head[1:2] not in (b"!", b"?", b"")


def _refuse_doctype(data: bytes) -> None:
    if _root_starts_the_document(data):
        return
    text = _prolog_text(data)
    position = 0
    while match := _PROLOG_ITEM.match(text, position):
        position = match.end()
    if _DOCTYPE.match(text, position):
        line = text.count("\n", 0, position) + 1
        raise UnsafeXMLError(
            "a document type declaration (<!DOCTYPE ...>) is not allowed: DTDs and entity "
            "declarations are refused for safety (XXE, entity expansion)",
            where=f"line {line}",
        )


def parse(data: bytes, *, max_bytes: int = MAX_BYTES) -> etree._ElementTree:
    """Parse an XML document safely and return its tree.

    Raises :class:`UnsafeXMLError` for a DOCTYPE (hence any entity declaration or external
    DTD), an XInclude element or an input over ``max_bytes``; :class:`ReadError` with the line
    and column for XML that is not well-formed.
    """
    if len(data) > max_bytes:
        raise UnsafeXMLError(
            f"input is {len(data)} bytes, larger than the limit of {max_bytes}; refused"
        )
    if not data or data.isspace():  # (data.strip() would copy a whole document)
        raise ReadError("empty input: expected an XML document")
    _refuse_doctype(data)
    try:
        tree = etree.ElementTree(etree.fromstring(data, _parser()))
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = error.msg or "not well-formed"
        message = re.sub(r", line \d+, column \d+$", "", message)
        raise ReadError(
            f"malformed XML: {message}", where=f"line {line}, column {column}"
        ) from None
    docinfo = tree.docinfo
    declared: Any = (
        getattr(docinfo, "doctype", ""),
        getattr(docinfo, "internalDTD", None),
        getattr(docinfo, "externalDTD", None),
    )
    if declared[0] or declared[1] is not None or declared[2] is not None:
        raise UnsafeXMLError(
            "a document type declaration is not allowed (DTDs and entities are refused for safety)",
            where="line 1",
        )
    root = tree.getroot()
    for element in root.iter(*(f"{{{ns}}}*" for ns in XINCLUDE_NS), etree.Entity):
        if isinstance(element, etree._Entity):
            raise UnsafeXMLError(
                f"entity reference &{element.name}; is not allowed (entities are refused)",
                where=f"line {element.sourceline}",
            )
        if etree.QName(element).namespace in XINCLUDE_NS:
            raise UnsafeXMLError(
                "XInclude is not allowed: documents may not pull in other files",
                where=f"line {element.sourceline}",
            )
    return tree
