"""The format registry: one explicit table of every format jobposting reads or writes.

Adding a format means adding one module with ``read``/``write`` and one row here; nothing
registers itself by being imported. Rows name their reader and writer as ``"module:function"``
strings, imported on first use: importing this table (``jobposting --help``, ``jobposting
formats``) must stay cheap, and format modules pull in lxml, jsonschema and cattrs.
"""

from __future__ import annotations

import re

from jobposting.errors import UnknownFormatError
from jobposting.formats.base import (
    ALL_PATHS,
    Format,
    Reader,
    ReadOptions,
    Record,
    WriteOptions,
    Writer,
)

__all__ = [
    "ALL_PATHS",
    "FORMAT_KEYS",
    "REGISTRY",
    "Format",
    "ReadOptions",
    "Reader",
    "Record",
    "WriteOptions",
    "Writer",
    "get",
    "guess",
]

#: The format keys fixed project-wide, implemented or not yet.
FORMAT_KEYS = ("json", "jsonl", "jsonld", "hropen", "hrxml3", "html", "text", "markdown")

REGISTRY: dict[str, Format] = {
    entry.key: entry
    for entry in (
        Format(
            key="json",
            description="canonical posting, one JSON document (schemas/jobposting.schema.json)",
            media_type="application/json",
            suffixes=(".json",),
            reader="jobposting.formats.json:read",
            writer="jobposting.formats.json:write",
        ),
        Format(
            key="jsonl",
            description="canonical postings, one JSON object per line (streamed)",
            media_type="application/jsonl",
            suffixes=(".jsonl", ".ndjson"),
            reader="jobposting.formats.jsonl:read",
            writer="jobposting.formats.jsonl:write",
            many=True,
            concatenated=True,
        ),
        Format(
            key="jsonld",
            description="schema.org JobPosting JSON-LD (Google's profile); reads HTML pages too",
            media_type="application/ld+json",
            suffixes=(".jsonld",),
            reader="jobposting.formats.jsonld:read",
            writer="jobposting.formats.jsonld:write",
            many=True,
        ),
        Format(
            key="hropen",
            description="HR Open Standards 4.3 PositionOpening XML (validates against the XSD)",
            media_type="application/xml",
            suffixes=(".xml",),
            reader="jobposting.formats.hropen:read",
            writer="jobposting.formats.hropen:write",
        ),
        Format(
            key="hrxml3",
            description="HR-XML 3.2 PositionOpening, EURES profile; many as one BOD; reads 2.x",
            media_type="application/xml",
            suffixes=(".xml",),
            reader="jobposting.formats.hrxml3:read",
            writer="jobposting.formats.hrxml3:write",
            many=True,
        ),
        Format(
            key="html",
            description="HTML job page or fragment; reads back its visible, annotated markup",
            media_type="text/html",
            suffixes=(".html", ".htm"),
            reader="jobposting.formats.html:read",
            writer="jobposting.formats.html:write",
            many=True,
        ),
        Format(
            key="text",
            description="plain-text posting (a copied careers page); every guess is reported",
            media_type="text/plain",
            suffixes=(".txt", ".text"),
            reader="jobposting.formats.text:read",
        ),
        Format(
            key="markdown",
            description="GitHub-flavoured Markdown posting, for READMEs, trackers and e-mail",
            media_type="text/markdown",
            suffixes=(".md", ".markdown"),
            writer="jobposting.formats.markdown:write",
            many=True,
        ),
    )
}


def get(key: str) -> Format:
    """Return the registered format ``key``.

    Raises :class:`UnknownFormatError` naming the known keys, or saying that a project format
    key is not implemented yet.
    """
    try:
        return REGISTRY[key]
    except KeyError:
        known = ", ".join(REGISTRY)
        if key in FORMAT_KEYS:
            raise UnknownFormatError(
                f"format {key!r} is not available in this version (available: {known})"
            ) from None
        raise UnknownFormatError(f"unknown format {key!r} (available: {known})") from None


_SUFFIXES = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonld": "jsonld",
    ".xml": "hropen",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
_HROPEN_NS = b"hropenstandards.org"
_HRXML3_NS = b"www.hr-xml.org/3"
#: HR-XML 2.x namespaces (http://ns.hr-xml.org/2004-08-02, ...): the hrxml3 reader reads 2.x too.
_HRXML2_NS = b"ns.hr-xml.org"
#: A PositionOpening root without the HR Open namespace: HR-XML (3.x or 2.x) written without one.
_POSITION_ROOT = re.compile(
    rb"(?:<\?[^>]*\?>|<!--.*?-->|\s)*<(?:[\w.-]+:)?(?:Process)?PositionOpening[\s/>]", re.S
)
_JSONLD_MARKERS = re.compile(rb'"@(context|type|graph)"\s*:')
_HTML_START = re.compile(
    rb"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|div|p|h1|article|main|section)\b",
    re.I | re.S,
)


def guess(name: str | None, head: bytes) -> str:
    """Guess the format key of an input from its file name and its first bytes.

    Content wins where it is unambiguous (an XML namespace, JSON-LD keywords, several JSON
    lines); the file suffix decides otherwise; plain text is the last resort.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    content = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    suffix = ""
    if name and "." in name.rsplit("/", 1)[-1]:
        suffix = "." + name.rsplit(".", 1)[-1].lower()
    if content.startswith((b"{", b"[")):
        if _JSONLD_MARKERS.search(content):
            return "jsonld"
        if suffix in {".jsonl", ".ndjson"} or _several_json_lines(content):
            return "jsonl"
        return "json"
    if content.startswith(b"<"):
        if _HRXML3_NS in content or _HRXML2_NS in content:
            return "hrxml3"
        if _HROPEN_NS in content:
            return "hropen"
        if _POSITION_ROOT.match(content):
            return "hrxml3"
        if _HTML_START.match(content) or suffix in {".html", ".htm"}:
            return "html"
    return _SUFFIXES.get(suffix, "text")


def _several_json_lines(content: bytes) -> bool:
    lines = [line for line in content.splitlines() if line.strip()]
    # A pretty-printed document's first line is a lone "{"; a JSONL stream's is a whole object.
    first = lines[0].strip() if lines else b""
    return len(lines) > 1 and first.startswith(b"{") and first.endswith(b"}")
