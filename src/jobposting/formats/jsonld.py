"""The ``jsonld`` format: schema.org JobPosting JSON-LD, written for Google and read from anywhere.

Writing: each posting becomes one JobPosting node in Google's job-posting profile
(:mod:`~jobposting.formats.jsonld_write`); what schema.org cannot say goes into the one term of
the extension vocabulary, so that canonical -> jsonld -> canonical is the identity. With
``WriteOptions(plain=True)`` the term is left out and every canonical path that is lost is
reported. ``WriteOptions(script=True)`` and :func:`script_element` write the
``<script type="application/ld+json">`` block that is safe to put in a page.

Reading: JSON-LD documents and HTML pages (``<script>`` blocks, then microdata and RDFa Lite);
every JobPosting found becomes one record, with its repairs as diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from jobposting import codec, jsontext
from jobposting.errors import ReadError
from jobposting.formats.base import ReadOptions, Record, WriteOptions
from jobposting.formats.jsonld_map import EXTENSION_TERM, posting_document
from jobposting.formats.jsonld_read import (
    Found,
    decode_page,
    mentions_posting,
    script_blocks,
    text_found,
    to_record,
)
from jobposting.formats.jsonld_residual import losses, residual
from jobposting.formats.jsonld_values import Log
from jobposting.formats.jsonld_write import native_node
from jobposting.model import Posting
from jobposting.problems import Problem

__all__ = [
    "EXTENSION_TERM",
    "dropped_paths",
    "found",
    "read",
    "read_structured_data",
    "script_element",
    "to_jsonld",
    "write",
]

_SCRIPT_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _node_and_loss(
    posting: Posting, *, plain: bool
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The JobPosting node, and (when ``plain``) what it loses: (pointer, dropped/changed)."""
    canonical = codec.to_dict(posting)
    node = native_node(canonical)
    log = Log()
    read_back = posting_document(node, {}, log)
    if plain:
        return node, list(losses(canonical, read_back))
    patch = residual(canonical, read_back)
    if patch or log.notes:
        node[EXTENSION_TERM] = {"@type": "@json", "@value": patch}
    return node, []


def to_jsonld(posting: Posting, *, plain: bool = False) -> dict[str, Any]:
    """Return the JobPosting node of a posting as a JSON value (with ``@context``).

    ``plain`` leaves the extension term out: only schema.org properties remain.
    """
    return _node_and_loss(posting, plain=plain)[0]


def dropped_paths(posting: Posting) -> list[str]:
    """The canonical paths (JSON Pointers) that plain schema.org output loses or changes."""
    return [where for where, _ in _node_and_loss(posting, plain=True)[1]]


def _json_text(value: Any) -> str:
    return jsontext.indented(value)


def script_element(posting: Posting, *, plain: bool = False) -> str:
    """Return ``<script type="application/ld+json">...</script>`` for a posting, safe in HTML.

    ``<``, ``>``, ``&``, U+2028 and U+2029 are written as JSON escapes, so that no text of the
    posting (``</script>``, ``<!--``) can end the element or change how a page parses it.
    """
    body = _json_text(to_jsonld(posting, plain=plain)).translate(_SCRIPT_ESCAPES)
    return f'<script type="application/ld+json">\n{body}\n</script>'


def write(postings: Iterable[Posting], sink: IO[bytes], options: WriteOptions) -> None:
    """Write postings as JSON-LD: one node, or a ``@graph`` of several; or script elements.

    With ``options.plain`` every lost canonical path is reported to ``options.report`` as a
    Problem with code ``jsonld.dropped`` (its pointer names the posting and the path).
    """
    plain = options.plain
    nodes: list[dict[str, Any]] = []
    for number, posting in enumerate(postings, start=1):
        node, lost = _node_and_loss(posting, plain=plain)
        if options.report is not None:
            for where, how in lost:
                message = (
                    f"posting {number}: {where} dropped (schema.org has no place for it)"
                    if how == "dropped"
                    else f"posting {number}: {where} not kept exactly (schema.org cannot say it)"
                )
                options.report(Problem(pointer=where, message=message, code=f"jsonld.{how}"))
        if options.script:
            body = _json_text(node).translate(_SCRIPT_ESCAPES)
            sink.write(f'<script type="application/ld+json">\n{body}\n</script>\n'.encode())
        else:
            nodes.append(node)
    if options.script:
        return
    if len(nodes) == 1:
        document: Any = nodes[0]
    else:
        for node in nodes:
            del node["@context"]
        document = {"@context": "https://schema.org", "@graph": nodes}
    sink.write((_json_text(document) + "\n").encode("utf-8"))


def found(data: bytes) -> Iterator[Found]:
    """Yield every JobPosting of a JSON-LD document or an HTML page, read but not validated.

    Each :class:`~jobposting.formats.jsonld_read.Found` holds the posting's canonical JSON (even
    when it lacks required properties) and the reader's diagnostics; :func:`read` validates them.
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and not head.startswith((b"<!--{", b"<![CDATA[")):
        yield from _page_found(data)
    else:
        try:
            text = data.decode("utf-8-sig")  # what decode_page tries first
        except UnicodeDecodeError:
            yield from text_found(decode_page(data))
        else:
            yield from text_found(text, utf8=data)


def _page_found(html: bytes) -> Iterator[Found]:
    from jobposting.formats.jsonld_markup import markup_found

    seen: list[tuple[Any, Any]] = []
    for number, text in script_blocks(html):
        if not mentions_posting(text):
            continue
        for item in text_found(text, f"script {number}"):
            if item.document is not None:
                seen.append(_identity(item.document))
            yield item
    for item in markup_found(html):
        if item.document is not None and _identity(item.document) in seen:
            continue
        yield item


def _identity(document: dict[str, Any]) -> tuple[Any, Any]:
    org = document.get("hiringOrganization")
    return document.get("title"), org.get("name") if isinstance(org, dict) else org


def read_structured_data(html: bytes, options: ReadOptions) -> Iterator[Record]:
    """Yield a record for every JobPosting an HTML page marks up.

    JSON-LD ``<script>`` blocks come first (``where`` is ``script N`` and the node's pointer),
    then microdata and RDFa Lite items (``microdata item N``, ``rdfa item N``) that are not the
    same posting again. Yields nothing when the page has no structured JobPosting.
    """
    for item in _page_found(html):
        yield to_record(item, options)


def read(source: IO[bytes], options: ReadOptions) -> Iterator[Record]:
    """Read every JobPosting of a JSON-LD document or an HTML page."""
    empty = True
    for item in found(source.read()):
        empty = False
        yield to_record(item, options)
    if empty:
        yield Record(posting=None, error=ReadError("no schema.org JobPosting found"))
