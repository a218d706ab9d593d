"""Lone surrogates: what JSON's ``\\u`` escapes can spell but Unicode text cannot hold.

``"\\ud800"`` is valid JSON syntax, and Python's json reads it into a ``str`` holding the code
point U+D800, which no UTF-8 (or XML, or HTML) output can carry: every writer would fail on it.
Canonical JSON refuses such text where it is read, with the pointer of the string
(:func:`escaped_in` keeps that check off documents that spell no such escape), and validation
reports it for documents built in Python.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["escaped_in", "find", "in_text", "message", "replaced"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def escaped_in(raw: str | bytes) -> bool:
    """Whether JSON text may hold a lone surrogate: an escape ``\\uD800``-``\\uDFFF`` (a valid
    pair of them is one character and passes :func:`find`), or, in a ``str``, the code point."""
    if isinstance(raw, bytes):
        return b"\\ud" in raw or b"\\uD" in raw
    return "\\ud" in raw or "\\uD" in raw or in_text(raw)


def in_text(text: str) -> bool:
    """Whether a string holds a surrogate code point."""
    if text.isascii():
        return False
    try:  # encoding finds one at C speed; the pattern's search is several times slower
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def find(value: Any, where: str = "") -> tuple[str, str] | None:
    """The JSON Pointer of the first string (or key) holding a surrogate code point, and the
    code point as ``U+D800``; None when there is none."""
    if isinstance(value, str):
        found = None if value.isascii() else _SURROGATE.search(value)
        return None if found is None else (where, f"U+{ord(found.group()):04X}")
    if isinstance(value, dict):
        for key, item in value.items():
            spot = where + "/" + str(key).replace("~", "~0").replace("/", "~1")
            hit = find(key, spot) or find(item, spot)
            if hit is not None:
                return hit
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            hit = find(item, f"{where}/{index}")
            if hit is not None:
                return hit
    return None


def message(code_point: str) -> str:
    """What is wrong with a string that holds ``code_point``, in the words every reader uses."""
    return (
        f"holds a lone surrogate ({code_point}), which is not Unicode text: write the "
        "character itself, or its escaped surrogate pair"
    )


def replaced(value: Any) -> tuple[Any, int]:
    """The value with every surrogate code point in its strings (keys too) replaced by U+FFFD,
    and how many were replaced; the value itself when none was (for tolerant readers)."""
    if isinstance(value, str):
        if not in_text(value):
            return value, 0
        text, count = _SURROGATE.subn("\ufffd", value)
        return text, count
    if isinstance(value, dict):
        total = 0
        pairs = []
        for key, item in value.items():
            new_key, in_key = replaced(key)
            new_item, in_item = replaced(item)
            pairs.append((new_key, new_item))
            total += in_key + in_item
        return (dict(pairs), total) if total else (value, 0)
    if isinstance(value, list):
        results = [replaced(item) for item in value]
        total = sum(count for _, count in results)
        return ([item for item, _ in results], total) if total else (value, 0)
    return value, 0
