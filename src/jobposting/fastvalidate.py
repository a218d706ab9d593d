"""A compiled fast path for schema validation (extra ``fast``) giving jsonschema's verdicts.

:func:`schema_valid` answers one question quickly: is this document valid against the canonical
schema? It answers ``True`` only when the compiled validator proves it; ``False`` means "let
jsonschema look", so :func:`jobposting.schema.validate_document` builds every message with the
same jsonschema code as without the extra, and its output is identical by construction.

The compiled validator must therefore never accept what jsonschema rejects. Three places where
the two libraries differ are closed here:

- ``format``: every format is checked by jsonschema's own ``FORMAT_CHECKER`` functions
  (jsonschema-rs's ``date-time`` accepts the leap second ``23:59:60Z``, jsonschema's does not);
- ``pattern``: checked with Python's :func:`re.search`, as jsonschema does (Rust's ``\\s`` does
  not match U+001C..U+001F and Rust's ``$`` not a final newline; Python's do);
- Python values that are not JSON (a tuple is an array to jsonschema-rs but not to jsonschema,
  a ``Decimal`` an integer to one and not the other, a key that is not a string): such documents
  skip the fast path.

Set ``JOBPOSTING_FAST_VALIDATION=0`` to turn the fast path off.

:func:`rich_text_clean` does the same for the rich-text rule, in plain Python: it proves the
common case (allowed tags, links with a safe ``href``, properly nested) clean with one regular
expression, and leaves everything else to the HTML parser of :mod:`jobposting.richtext`.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from enum import Enum
from typing import Any

import jsonschema

from jobposting._resources import load_schema
from jobposting.richtext import ALLOWED_TAGS, VOID_TAGS
from jobposting.surrogates import in_text

try:
    import jsonschema_rs
except ImportError:  # the optional extra `fast` is not installed
    jsonschema_rs = None  # type: ignore[assignment]

__all__ = ["available", "rich_text_clean", "schema_valid"]

#: The exact types json.loads produces; anything else goes to jsonschema.
_JSON_TYPES = frozenset({dict, list, str, int, float, bool, type(None)})


#: Ctrl-C raised inside a callback: jsonschema-rs would swallow it, so it is kept here and raised
#: again once the compiled validator returns (signals arrive in the main thread only).
_PENDING_INTERRUPTS: list[KeyboardInterrupt] = []


class _PythonPattern:
    """The ``pattern`` keyword evaluated by Python's ``re``, as jsonschema evaluates it."""

    def __init__(self, parent_schema: object, value: str, schema_path: object) -> None:
        self._search = re.compile(value).search

    def validate(self, instance: object) -> None:
        """Raise when ``instance`` is a string the pattern does not find a match in."""
        try:
            found = not isinstance(instance, str) or self._search(instance) is not None
        except KeyboardInterrupt as stop:
            _PENDING_INTERRUPTS.append(stop)
            return
        if not found:
            raise ValueError("pattern does not match")


def _format_function(checker: jsonschema.FormatChecker, name: str) -> Callable[[str], bool]:
    # What FormatChecker.conforms does, without its lookups and exception on every call.
    check, raises = checker.checkers[name]

    def conforms(instance: str) -> bool:
        try:
            return bool(check(instance))
        except raises:
            return False
        except KeyboardInterrupt as stop:
            _PENDING_INTERRUPTS.append(stop)
            return False

    return conforms


@functools.cache
def _compiled() -> Callable[[Any], bool] | None:
    """Return the compiled ``is_valid`` of the canonical schema, or None when it is unavailable."""
    if jsonschema_rs is None or os.environ.get("JOBPOSTING_FAST_VALIDATION") == "0":
        return None
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    options: dict[str, Any] = {
        "validate_formats": True,
        "formats": {name: _format_function(checker, name) for name in checker.checkers},
        "keywords": {"pattern": _PythonPattern},
    }
    # Guard against a jsonschema-rs that ignores the overrides: Python's `$` matches before a
    # final newline and jsonschema's e-mail check only wants an "@"; Rust's do not.
    probe = jsonschema_rs.Draft202012Validator({"pattern": "a$", "format": "email"}, **options)
    if not probe.is_valid("@a\n"):
        return None
    is_valid: Callable[[Any], bool] = jsonschema_rs.Draft202012Validator(
        load_schema(), **options
    ).is_valid
    return is_valid


def available() -> bool:
    """Return True when the compiled validator is installed and switched on."""
    return _compiled() is not None


def schema_valid(document: Any, *, plain: bool = False) -> bool:
    """Return True when the compiled validator proves ``document`` valid against the schema.

    False means invalid *or undecided* (extra missing, switched off, or a value that is not
    plain JSON); the caller then asks jsonschema, which also words the problems. ``plain``
    says the document is known to hold only JSON types (``json.loads`` made it), which skips
    checking that.
    """
    is_valid = _compiled()
    if is_valid is None or not (plain or _plain_json(document)):
        return False
    try:
        valid = is_valid(document)
    except ValueError:  # a value jsonschema-rs cannot convert (a NaN, a huge integer)
        valid = False
    if _PENDING_INTERRUPTS:
        stop = _PENDING_INTERRUPTS[-1]
        _PENDING_INTERRUPTS.clear()
        raise stop
    return valid


def _plain_json(document: Any) -> bool:
    # An explicit stack: documents are shallow but wide, and recursion costs a call per value.
    stack = [document]
    pop, push = stack.pop, stack.extend
    while stack:
        value = pop()
        kind = type(value)
        if kind is dict:
            for key in value:
                if type(key) is not str:
                    return False
            push(value.values())
        elif kind is list:
            push(value)
        elif kind is str:
            if not value.isascii() and in_text(value):  # jsonschema-rs takes it as text
                return False
        elif kind not in _JSON_TYPES and not (issubclass(kind, str) and issubclass(kind, Enum)):
            # A string enum member (what codec.to_dict gives) is its value to both libraries.
            return False
    return True


#: Start and end tags of rich text's allowed elements exactly as a writer spells them; ``href``
#: only with a safe scheme and no character that the HTML parser would unescape or reject.
_SIMPLE_TAG = re.compile(
    r'<(/?)([a-z][a-z0-9]*)((?: href="(?:https?|mailto|tel):[^"<>&\[\]\s]*")?)( ?/)?>'
)
_NESTING_TAGS = ALLOWED_TAGS - VOID_TAGS


def rich_text_clean(html: str) -> bool:
    """Return True when ``html`` is provably rich text without a problem; False means "look".

    True only for text whose every ``<`` starts an allowed tag spelled simply, with start and
    end tags properly nested; for such text :func:`jobposting.richtext.rich_text_problems`
    reports nothing, so the caller may skip it.
    """
    if "<" not in html:
        return True
    open_tags: list[str] = []
    position = 0
    for match in _SIMPLE_TAG.finditer(html):
        if html.find("<", position, match.start()) != -1:
            return False  # a "<" that is not a simple tag: a comment, an attribute, "a < b"
        position = match.end()
        end, tag, href, slash = match.groups()
        if tag in VOID_TAGS:
            if end or href:
                return False
        elif tag not in _NESTING_TAGS or slash or (href and (end or tag != "a")):
            return False
        elif not end:
            open_tags.append(tag)
        elif open_tags and open_tags[-1] == tag:
            open_tags.pop()
        else:
            return False
    return not open_tags and html.find("<", position) == -1
