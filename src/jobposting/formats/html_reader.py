"""Reads the ``data-jp`` annotations of a job page back into canonical JSON documents.

The annotations are described in ``html_markup.py``. Only what people see is read: every
value comes from an element's text, its rich-text content, or the one attribute HTML gives
that element for a machine value (``<time datetime>``, ``<data value>``, ``<a href>``).
``<script>`` and ``<style>`` are never read, so a page stripped of its scripts reads the same.
The parser is the standard library's tokenizer; pages re-serialised by another tool (other
quoting, character references, ASCII output) read the same as the original.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from jobposting.errors import ReadError
from jobposting.formats.html_markup import KIND, POSTING, PROPERTY
from jobposting.problems import Problem
from jobposting.richtext import Html5Parser

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr", "param", "keygen"}
)  # fmt: skip
_RAW_TEXT = frozenset({"script", "style", "template"})
#: Where an element's machine value lives, by tag (microdata's rules, minus ``src``).
_VALUE_ATTRIBUTE = {"time": "datetime", "data": "value", "a": "href", "meta": "content"}


@attrs.define
class _Capture:
    """A value being collected from the text (or, for rich text, the markup) inside an element."""

    prop: str
    kind: str | None
    scope: dict[str, Any]
    pointer: str
    parts: list[str] = attrs.Factory(list)


@attrs.define
class _Open:
    """One open element and what closing it finishes."""

    tag: str
    scope: tuple[dict[str, Any], str] | None = None
    capture: _Capture | None = None
    posting: dict[str, Any] | None = None


def _escape_text(value: str) -> str:
    # The serialisation of html5ever (nh3's parser), so sanitised rich text reads back unchanged.
    return (
        value.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace("<", "&lt;")
        .replace(">", "&gt;")
    )  # fmt: skip


def _escape_attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace("\xa0", "&nbsp;").replace('"', "&quot;")


class AnnotationReader(Html5Parser):
    """Collects one canonical document per ``data-jp-posting`` element of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.documents: list[dict[str, Any]] = []
        self.diagnostics: list[list[Problem]] = []
        self._stack: list[_Open] = []
        self._scopes: list[tuple[dict[str, Any], str]] = []
        self._captures: list[_Capture] = []
        self._raw_depth = 0

    # -- tokens ---------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _RAW_TEXT:
            self._raw_depth += 1
        rich = self._rich_capture()
        if rich is not None:
            if self._raw_depth == 0:
                rich.parts.append(self._start_tag_markup(tag, attrs))
            if tag not in VOID_TAGS:
                self._stack.append(_Open(tag))
            return
        names = dict(attrs)
        entry = _Open(tag)
        if POSTING in names and not self._scopes:
            entry.posting = {}
            entry.scope = (entry.posting, "")
            self._scopes.append(entry.scope)
            self.diagnostics.append([])
        elif PROPERTY in names and self._scopes and self._raw_depth == 0:
            self._annotated(entry, names)
        if tag not in VOID_TAGS:
            self._stack.append(entry)
        elif entry.scope is not None:
            self._scopes.remove(entry.scope)
        elif entry.capture is not None:
            self._finish(entry.capture)

    def handle_endtag(self, tag: str) -> None:
        if not any(entry.tag == tag for entry in self._stack):
            return  # a stray end tag, as browsers ignore it
        while self._stack:
            entry = self._stack.pop()
            self._close(entry)
            if entry.tag == tag:
                break
        if tag in _RAW_TEXT:
            self._raw_depth = max(0, self._raw_depth - 1)

    def handle_data(self, data: str) -> None:
        if self._raw_depth:
            return
        for capture in self._captures:
            capture.parts.append(_escape_text(data) if capture.kind == "html" else data)

    def close(self) -> None:
        """Finish the input; elements left open are closed as a browser would."""
        super().close()
        while self._stack:
            self._close(self._stack.pop())

    # -- annotations ----------------------------------------------------------------------

    def _rich_capture(self) -> _Capture | None:
        for capture in self._captures:
            if capture.kind == "html":
                return capture
        return None

    def _start_tag_markup(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        names = "".join(f' {name}="{_escape_attribute(value or "")}"' for name, value in attrs)
        return f"<{tag}{names}>"

    def _annotated(self, entry: _Open, names: dict[str, str | None]) -> None:
        prop = names[PROPERTY] or ""
        kind = names.get(KIND)
        scope, pointer = self._scopes[-1]
        name = prop.removesuffix("[]")
        here = f"{pointer}/{name}"
        if kind == "object":
            existing = scope.get(name)
            if not prop.endswith("[]") and isinstance(existing, dict):
                target = existing  # a second element for the same object adds to it
            else:
                target = {}
                here = self._assign(scope, prop, target, here)
            entry.scope = (target, here)
            self._scopes.append(entry.scope)
            return
        source = _VALUE_ATTRIBUTE.get(entry.tag)
        if kind != "html" and source is not None and names.get(source) is not None:
            value = names[source] or ""
            self._assign(scope, prop, self._convert(value, kind, here), here)
            return
        entry.capture = _Capture(prop=prop, kind=kind, scope=scope, pointer=here)
        self._captures.append(entry.capture)

    def _convert(self, value: str, kind: str | None, pointer: str) -> Any:
        if kind != "json":
            return value
        try:
            return json.loads(value)
        except json.JSONDecodeError as error:
            raise ReadError(f"{PROPERTY} value is not JSON: {error.msg}", where=pointer) from None

    def _assign(self, scope: dict[str, Any], prop: str, value: Any, pointer: str) -> str:
        """Set (or, for ``name[]``, append) a property; return the value's JSON Pointer."""
        name = prop.removesuffix("[]")
        if prop.endswith("[]"):
            items = scope.setdefault(name, [])
            if not isinstance(items, list):
                self._note(pointer, f"{name!r} is both a list and a single value", "html.shape")
                items = scope[name] = [items]
            items.append(value)
            return f"{pointer}/{len(items) - 1}"
        if name in scope and scope[name] != value:
            self._note(pointer, f"{name!r} is given twice; the last one is kept", "html.duplicate")
        scope[name] = value
        return pointer

    def _note(self, pointer: str, message: str, code: str) -> None:
        self.diagnostics[-1].append(Problem(pointer=pointer, message=message, code=code))

    def _close(self, entry: _Open) -> None:
        if entry.capture is not None:
            self._finish(entry.capture)
        if entry.scope is not None and entry.scope in self._scopes:
            self._scopes.remove(entry.scope)
        if entry.posting is not None:
            self.documents.append(entry.posting)
        rich = self._rich_capture()
        if rich is not None and entry.capture is None and entry.tag not in VOID_TAGS:
            rich.parts.append(f"</{entry.tag}>")

    def _finish(self, capture: _Capture) -> None:
        self._captures.remove(capture)
        value = self._convert("".join(capture.parts), capture.kind, capture.pointer)
        self._assign(capture.scope, capture.prop, value, capture.pointer)


def annotated_documents(markup: str) -> list[tuple[dict[str, Any], list[Problem]]]:
    """Every annotated posting of ``markup`` as canonical JSON, with the reader's diagnostics."""
    reader = AnnotationReader()
    reader.feed(markup)
    reader.close()
    return list(zip(reader.documents, reader.diagnostics, strict=True))
