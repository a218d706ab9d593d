"""The ``hropen`` format: HR Open Standards 4.3 ``PositionOpening`` XML, read and written.

Every document written validates against the official 4.3 XSDs shipped in
schemas/vendor/hropen-4.3 (Copyright (c) The HR Open Standards Consortium. All Rights Reserved.
http://www.hropenstandards.org). The round trip canonical -> hropen -> canonical is the
identity: native elements carry what HR Open can say (converters/hropen/mapping.toml), and the
rest travels as extras in ``positionClassification/extendedPositionClassifications``, the one
name/value slot the 4.3 schema validates (see ``hropen_extras``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any, cast

import attrs
from lxml import etree

from jobposting import codec, xmlsafe
from jobposting._resources import data_dir
from jobposting.errors import JobPostingError, ReadError, ResourceNotFoundError, WriteError
from jobposting.formats import hropen_extras as extras
from jobposting.formats import hropen_write as native_write
from jobposting.formats.base import ReadOptions, Record, WriteOptions
from jobposting.formats.hropen_read import read_native
from jobposting.formats.hropen_tree import Element, sub
from jobposting.formats.hropen_values import Reading
from jobposting.formats.json import posting_from_document

if TYPE_CHECKING:
    from jobposting.model import Posting

__all__ = [
    "SCHEMA_ENTRY",
    "XmlProblem",
    "read",
    "read_document",
    "schema",
    "schema_problems",
    "validate_xml",
    "write",
]

#: The XSD every written document validates against, inside the shipped schemas folder.
SCHEMA_ENTRY = ("vendor", "hropen-4.3", "Recruiting", "xml", "PositionOpeningType.xsd")
_BASE_PAY = "/compensation/basePay"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


@attrs.frozen(kw_only=True)
class XmlProblem:
    """One way an XML document breaks the HR Open 4.3 schema: its line and the message."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@functools.cache
def schema() -> etree.XMLSchema:
    """Return the HR Open 4.3 PositionOpening XSD, loaded once from the shipped files.

    The includes are resolved from the local files only (no network).
    """
    path = data_dir("schemas").joinpath(*SCHEMA_ENTRY)
    if not path.is_file():
        raise ResourceNotFoundError(f"HR Open 4.3 XSD missing at {path}; reinstall the package")
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def validate_xml(data: bytes | etree._ElementTree) -> list[XmlProblem]:
    """Check an HR Open document against the 4.3 XSD; return every problem with its line.

    ``data`` is the document's bytes (parsed safely: see :mod:`jobposting.xmlsafe`, which raises
    :class:`~jobposting.errors.ReadError` for malformed or unsafe XML) or a parsed tree.
    """
    tree = xmlsafe.parse(data) if isinstance(data, bytes) else data
    validator = schema()
    if validator.validate(tree):
        return []
    return [
        XmlProblem(line=error.line, message=_schema_message(error.message))
        for error in cast("Iterable[Any]", validator.error_log)
    ]


def schema_problems(data: bytes) -> tuple[list[XmlProblem], bool]:
    """Check a document's bytes against the 4.3 XSD for ``jobposting validate``.

    Returns the problems and whether the document could not be parsed at all (malformed or
    refused as unsafe: then its one problem says why, with the line, and nothing else can be
    checked).
    """
    try:
        return validate_xml(data), False
    except ReadError as error:
        match = re.match(r"line (\d+)", error.where or "")
        return [XmlProblem(line=int(match.group(1)) if match else 1, message=error.message)], True


def _schema_message(message: str) -> str:
    return message.replace("{https://hropenstandards.org/schema/xml/}", "hropen:")


def settle(reading: Reading) -> tuple[dict[str, Any], Reading]:
    """Apply the extras and list orders a native reading found (HR Open and HR-XML 3.2 alike)."""
    document = reading.document
    for pointer, order in reading.orders:
        if not extras.reorder(document, pointer, order):
            reading.note(pointer, "order extra does not fit the list; ignored", "extra")
    for pointer in extras.apply(document, reading.extras):
        reading.note(pointer, "extra points to nothing in the posting; ignored", "extra")
    return document, reading


def read_document(root: etree._Element) -> tuple[dict[str, Any], Reading]:
    """Map a PositionOpening element to a canonical JSON value, extras applied."""
    return settle(read_native(root))


def read(source: IO[bytes], options: ReadOptions) -> Iterator[Record]:
    """Read the one posting of an HR Open 4.3 PositionOpening document."""
    try:
        tree = xmlsafe.parse(xmlsafe.read_bounded(source))
        document, reading = read_document(tree.getroot())
        if options.strict and reading.diagnostics:
            first = reading.diagnostics[0]
            raise ReadError(f"{first.message} (strict mode)", where=first.pointer or "/")
        posting = posting_from_document(document, options)
    except JobPostingError as error:
        yield Record(posting=None, error=error)
    else:
        yield Record(posting=posting, diagnostics=tuple(reading.diagnostics))


def _foreign_classifications(document: Mapping[str, Any]) -> list[tuple[str, str, str | None]]:
    """The extendedPositionClassifications a posting read from HR Open brought along."""
    entries = document.get("extensions", {}).get("hropen", {})
    entries = entries.get("extendedPositionClassifications") if isinstance(entries, dict) else None
    if not isinstance(entries, list):
        return []
    kept = []
    for entry in entries:
        if not (isinstance(entry, dict) and set(entry) <= {"name", "value", "countryCode"}):
            return []
        name, value, country = entry.get("name"), entry.get("value"), entry.get("countryCode")
        if not (isinstance(name, str) and isinstance(value, str)) or extras.is_extra_name(name):
            return []
        if country is not None and not isinstance(country, str):
            return []
        kept.append((name, value, country))
    return kept


def build_tree(document: Mapping[str, Any]) -> Element:
    """Return the complete PositionOpening tree of a canonical document, extras included.

    The tree is the writer's own (``hropen_tree``): the native reader reads it back as it reads
    a parsed document, so the extras are exactly what the native elements lose, and
    ``hropen_write.serialise`` writes it as lxml would.
    """
    try:
        root = native_write.build(document)
        foreign = _foreign_classifications(document)
        wrapper = None
        if foreign:
            profile = root["positionProfiles"][0]["item"][0]
            classification = sub(profile, "positionClassification")
            wrapper = sub(classification, "extendedPositionClassifications")
            for name, value, country in foreign:
                item = sub(wrapper, "item")
                if country is not None:
                    sub(item, "countryCode", country)
                sub(item, "name", name)
                sub(item, "value", value)
    except ValueError as error:  # a value the mapping cannot write
        raise WriteError(f"hropen: {error}") from None
    native = read_native(root)
    pairs: list[tuple[str, str]] = []
    order = native_write.pay_order(document)
    if order != sorted(order):
        pairs.append(extras.encode_order(_BASE_PAY, order))
        extras.reorder(native.document, _BASE_PAY, order)
    pairs += [extras.encode(extra) for extra in extras.diff(document, native.document)]
    if pairs:
        if wrapper is None:
            native_write.add_extras(root, pairs)
        else:
            native_write.add_classifications(wrapper, pairs)
    return root


def write(postings: Iterable[Posting], sink: IO[bytes], options: WriteOptions) -> None:
    """Write exactly one posting as an HR Open 4.3 PositionOpening document."""
    items = list(postings)
    if len(items) != 1:
        raise WriteError(f"hropen holds exactly one posting, {len(items)} given")
    root = build_tree(codec.to_dict(items[0]))
    try:
        written = native_write.serialise(root)
    except ValueError as error:  # strings XML cannot hold (control characters), as lxml says
        raise WriteError(f"hropen: {error}") from None
    sink.write(XML_DECLARATION + written)
