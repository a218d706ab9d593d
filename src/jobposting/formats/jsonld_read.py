"""Finding JobPosting nodes in JSON-LD documents and HTML pages, and reading each into a Record.

JSON-LD text is parsed as JSON; when that fails it is repaired the way a browser-grade consumer
reads it anyway (raw control characters and stray quotes in strings, trailing commas, comments,
CDATA and HTML-comment wrappers, a trailing ``;``, HTML-entity-encoded JSON). Postings are found
at the top, in ``@graph``, in arrays and nested in other nodes (a WebPage's ``mainEntity``, an
ItemList); ``{"@id": ...}`` references resolve within the document. No remote context is fetched.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from jobposting import codec, surrogates
from jobposting.errors import InvalidPostingError, JobPostingError, ReadError
from jobposting.formats.base import ReadOptions, Record
from jobposting.formats.jsonld_map import (
    EXTENSION_TERM,
    normalise_keys,
    posting_document,
    type_names,
)
from jobposting.formats.jsonld_relative import resolve_relative_dates
from jobposting.formats.jsonld_residual import merge
from jobposting.formats.jsonld_values import Log, pointer
from jobposting.problems import Problem
from jobposting.schema import validate_document

_SCHEMA_CONTEXT = re.compile(r"(?:https?:)?(?://)?(?:www\.)?schema\.org/?", re.I)


# -- JSON text, repaired -------------------------------------------------------------------------


def parse_text(text: str) -> tuple[Any, list[str]]:
    """Parse JSON-LD text, repairing what browsers forgive; returns (value, repairs made)."""
    repairs: list[str] = []
    try:
        # JSON's own whitespace around the value is what strip() would take off (the value
        # neither starts nor ends with whitespace): no copy of the text when it parses as is.
        return json.loads(text), repairs
    except json.JSONDecodeError:
        pass
    body = text.strip().lstrip("\ufeff").strip()
    try:
        return json.loads(body), repairs
    except json.JSONDecodeError as error:
        first_error = error
    for pattern, message in _WRAPPERS:
        stripped = pattern.sub("", body).strip()
        if stripped != body:
            body = stripped
            repairs.append(message)
    if body.endswith(";"):
        body = body.rstrip(";").strip()
        repairs.append("a trailing ';'")
    if "&quot;" in body and '"' not in body:
        body = html.unescape(body)
        repairs.append("HTML-entity-encoded JSON")
    try:
        return json.loads(body), repairs
    except json.JSONDecodeError:
        pass
    try:
        value = json.loads(body, strict=False)
    except json.JSONDecodeError:
        pass
    else:
        return value, [*repairs, "raw control characters in strings"]
    fixed, scan_repairs = _repair(body)
    try:
        return json.loads(fixed, strict=False), repairs + scan_repairs
    except json.JSONDecodeError:
        raise ReadError(
            f"invalid JSON: {first_error.msg}",
            where=f"line {first_error.lineno}, column {first_error.colno}",
        ) from None


_WRAPPERS = (
    (re.compile(r"^<!--|-->$"), "an HTML comment around the JSON"),
    (re.compile(r"^(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>$"), "a CDATA section around the JSON"),
    (re.compile(r"^/\*.*?\*/|/\*.*?\*/$", re.S), "a comment around the JSON"),
)
_ESCAPES = frozenset('"\\/bfnrtu')


def _repair(text: str) -> tuple[str, list[str]]:
    """Fix stray quotes, bad escapes, control characters, comments and trailing commas."""
    out: list[str] = []
    repairs: list[str] = []

    def record(message: str) -> None:
        if message not in repairs:
            repairs.append(message)

    length = len(text)
    index = 0
    in_string = False
    while index < length:
        char = text[index]
        if in_string:
            if char == "\\":
                following = text[index + 1 : index + 2]
                if following in _ESCAPES:
                    out.append(text[index : index + 2])
                else:
                    out.append("'" if following == "'" else "\\\\" + following)
                    record("invalid escapes in strings")
                index += 2
                continue
            if char == '"':
                ahead = index + 1
                while ahead < length and text[ahead] in " \t\r\n":
                    ahead += 1
                if ahead >= length or text[ahead] in ",:}]":
                    in_string = False
                    out.append(char)
                else:
                    out.append('\\"')
                    record("unescaped quotes in strings")
            elif char < " ":
                out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\u{ord(char):04x}"))
                record("raw control characters in strings")
            else:
                out.append(char)
            index += 1
            continue
        if char == '"':
            in_string = True
        elif text.startswith("//", index) or text.startswith("/*", index):
            end = text.find("\n" if text[index + 1] == "/" else "*/", index + 2)
            index = length if end < 0 else end + (1 if text[index + 1] == "/" else 2)
            record("comments")
            continue
        elif char == ",":
            ahead = index + 1
            while ahead < length and text[ahead] in " \t\r\n":
                ahead += 1
            if ahead < length and text[ahead] in "}]":
                record("trailing commas")
                index += 1
                continue
        out.append(char)
        index += 1
    return "".join(out), repairs


# -- finding postings ----------------------------------------------------------------------------


def is_posting(node: Mapping[str, Any]) -> bool:
    """True when a node's @type is JobPosting (any schema.org spelling, any case)."""
    return any(name.lower() == "jobposting" for name in type_names(node))


def _context_known(context: Any) -> bool:
    if isinstance(context, str):
        return bool(_SCHEMA_CONTEXT.fullmatch(context.strip()))
    if isinstance(context, list):
        return any(_context_known(item) for item in context)
    if isinstance(context, dict):
        return _context_known(context.get("@vocab")) or _context_known(context.get("schema"))
    return False


def find_postings(document: Any) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """Yield (JSON Pointer, node, the @context in force) for every JobPosting in a document."""

    def walk(value: Any, where: str, context: Any) -> Iterator[tuple[str, dict[str, Any], Any]]:
        if isinstance(value, dict):
            context = value.get("@context", context)
            if is_posting(value):
                yield where, value, context
                return
            for key, item in value.items():
                if key not in ("@context", EXTENSION_TERM) and isinstance(item, dict | list):
                    yield from walk(item, pointer(where, key), context)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, pointer(where, index), context)

    yield from walk(document, "", None)


def node_index(document: Any) -> dict[str, Any]:
    """Every node of a document that has an @id and says more than its @id, by @id."""
    index: dict[str, Any] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            ident = value.get("@id")
            if isinstance(ident, str) and set(value) - {"@id", "@type"}:
                index.setdefault(ident, value)
            for key, item in value.items():
                if key not in ("@context", EXTENSION_TERM):
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    return index


# -- one node -> one record ----------------------------------------------------------------------


def residual_of(node: Mapping[str, Any]) -> dict[str, Any] | None:
    """The extension term's value (the writer's residual), when the node carries one."""
    value = normalise_keys(node).get(EXTENSION_TERM)
    if isinstance(value, dict) and value.get("@type") == "@json":
        value = value.get("@value")
    return value if isinstance(value, dict) else None


def node_document(
    node: Mapping[str, Any], index: Mapping[str, Any]
) -> tuple[dict[str, Any], tuple[Problem, ...]]:
    """Read one JobPosting node: (canonical JSON, not validated; its diagnostics)."""
    log = Log()
    document = posting_document(node, index, log)
    residual = residual_of(node)
    if residual is None:
        return document, log.problems()
    # The writer checked every value it left to the schema.org properties: nothing was guessed.
    return merge(document, residual), ()


@attrs.frozen(kw_only=True)
class Found:
    """One JobPosting found in an input: its canonical JSON (not validated yet) and diagnostics.

    ``document`` is None and ``error`` says why when the JSON-LD around it could not be read.
    """

    where: str | None
    document: dict[str, Any] | None
    diagnostics: tuple[Problem, ...] = ()
    error: ReadError | None = None


def found_for(
    node: Mapping[str, Any],
    index: Mapping[str, Any],
    where: str | None,
    repairs: tuple[Problem, ...] = (),
) -> Found:
    """Read one JobPosting node into canonical JSON with its diagnostics."""
    document, notes = node_document(node, index)
    diagnostics = repairs + notes
    if not is_exact_type(node):
        problem = Problem(
            pointer="/@type",
            message=f"{node.get('@type')!r} read as JobPosting",
            code="jsonld.type",
        )
        diagnostics += (problem,)
    return Found(where=where, document=document, diagnostics=diagnostics)


def to_record(found: Found, options: ReadOptions) -> Record:
    """The record of a found posting: validated and structured as ``options`` say."""
    where, diagnostics = found.where, found.diagnostics
    if found.document is None:
        return Record(posting=None, error=found.error, where=where)
    document, diagnostics = resolve_relative_dates(found.document, diagnostics, options.now)
    if options.strict and diagnostics:
        error = InvalidPostingError(diagnostics)
        return Record(posting=None, error=error, where=where, diagnostics=diagnostics)
    try:
        if options.validate:
            problems = validate_document(document)
            if problems:
                raise InvalidPostingError(problems)
        posting = codec.from_dict(document)
    except JobPostingError as error:
        return Record(posting=None, error=error, where=where, diagnostics=diagnostics)
    return Record(posting=posting, where=where, diagnostics=diagnostics)


def is_exact_type(node: Mapping[str, Any]) -> bool:
    """True when @type says JobPosting exactly (not 'jobposting' or 'schema:JobPosting')."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return any(
        name in ("JobPosting", "https://schema.org/JobPosting", "http://schema.org/JobPosting")
        for name in names
    )


class _LazyIndex(Mapping[str, Any]):
    """:func:`node_index` of a document, built when a reference is first looked up.

    Most documents hold no ``{"@id": ...}`` reference, and the walk costs as much as a JSON
    parse of a page's script; the mapping reads the document without changing it.
    """

    __slots__ = ("_document", "_index")

    def __init__(self, document: Any) -> None:
        self._document = document
        self._index: dict[str, Any] | None = None

    def _built(self) -> dict[str, Any]:
        if self._index is None:
            self._index = node_index(self._document)
        return self._index

    def __getitem__(self, key: str) -> Any:
        return self._built()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._built())

    def __len__(self) -> int:
        return len(self._built())

    def __contains__(self, key: object) -> bool:
        return key in self._built()

    def get(self, key: str, default: Any = None) -> Any:
        return self._built().get(key, default)


def document_found(
    document: Any, label: str = "", repairs: tuple[Problem, ...] = ()
) -> Iterator[Found]:
    """Yield every JobPosting of a parsed JSON-LD document."""
    index: Mapping[str, Any] | None = None
    for where, node, context in find_postings(document):
        if index is None:
            index = _LazyIndex(document)
        notes = repairs
        if not _context_known(context):
            message = (
                "has no @context"
                if context is None
                else f"@context {_short(context)} is not schema.org"
            )
            notes += (
                Problem(
                    pointer="/@context",
                    message=message + "; read as schema.org",
                    code="jsonld.context",
                ),
            )
        place = " ".join(part for part in (label, where) if part) or None
        yield found_for(node, index, place, notes)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def text_found(text: str, label: str = "", *, utf8: bytes | None = None) -> Iterator[Found]:
    """Yield the postings of one JSON-LD text (a file, or the body of one script element).

    ``utf8``: the bytes ``text`` was decoded from as UTF-8 (strictly, a BOM left out). Such
    text holds no surrogate code point, and a ``\\u`` escape in it is the same ASCII bytes in
    them, so the surrogate check looks for the escapes in the bytes (a byte search) instead of
    searching the text for code points too.
    """
    try:
        document, repairs = parse_text(text)
    except ReadError as error:
        yield Found(where=label or None, document=None, error=error)
        return
    if surrogates.escaped_in(text if utf8 is None else utf8):
        document, count = surrogates.replaced(document)
        if count:  # "\ud800" alone: no output could carry it
            repairs.append(f"{count} lone surrogate escape(s) replaced by U+FFFD")
    notes = tuple(
        Problem(pointer="", message=f"JSON repaired: {repair}", code="jsonld.syntax")
        for repair in repairs
    )
    yield from document_found(document, label, notes)


# -- HTML pages ----------------------------------------------------------------------------------


def mentions_posting(text: str) -> bool:
    """``"jobposting" in text.lower()``, without lowering a text that spells it as schema.org does.

    Lowering a script of non-ASCII text costs more than parsing it; either usual spelling found
    as written settles it (lowering keeps an ASCII word), anything else is lowered as before.
    """
    return "JobPosting" in text or "jobposting" in text or "jobposting" in text.lower()


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_page(page: bytes) -> str:
    """Decode an HTML page: UTF-8 (with or without BOM), else its declared charset, else cp1252."""
    try:
        return page.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    match = _CHARSET.search(page[:4096])
    if match:
        try:
            return page.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return page.decode("cp1252", errors="replace")


def script_blocks(page: bytes) -> Iterator[tuple[int, str]]:
    """Yield (number from 1, text) of every ``<script type="application/ld+json">`` of a page.

    The page is not parsed: each occurrence of the type is found with ``bytes.find`` (pages are
    mostly other markup), its ``<script`` tag checked, and scripts inside comments skipped.
    """
    lowered = page.lower()
    number = 0
    position = 0
    while True:
        found = lowered.find(b"application/ld+json", position)
        if found < 0:
            return
        start = lowered.rfind(b"<script", 0, found)
        close = lowered.find(b">", found)
        position = found + 1
        if start < 0 or close < 0 or lowered.find(b">", start, found) >= 0:
            continue  # the type is not inside a <script ...> tag
        opened = _last_comment_start(page, start)
        if opened >= 0 and opened > page.rfind(b"-->", opened, start):
            continue  # a commented-out script
        end = lowered.find(b"</script", close)
        if end < 0:
            end = len(page)
        number += 1
        position = end
        yield number, decode_page(page[close + 1 : end])


def _last_comment_start(page: bytes, end: int) -> int:
    """``page.rfind(b"<!--", 0, end)``, tried first at the last few ``!`` before ``end``.

    A page without comments has only a few ``!`` (its doctype). A search for one byte runs at
    memory speed; one for four bytes over everything before the script is several times slower.
    """
    position = max(end - 2, 0)  # a "<!--" ending by ``end`` has its "!" before this
    for _ in range(8):
        bang = page.rfind(b"!", 1, position)
        if bang < 0:
            return -1
        if page.startswith(b"<!--", bang - 1):
            return bang - 1
        position = bang
    return page.rfind(b"<!--", 0, position + 2)
