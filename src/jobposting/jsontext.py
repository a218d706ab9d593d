"""Indented JSON text, byte for byte what ``json.dumps(value, indent=2, ensure_ascii=False,
allow_nan=False)`` writes, and compact JSONL lines as ``json.dumps(value, ensure_ascii=False,
separators=(",", ":"))`` writes them, faster when the optional ``orjson`` is installed (extra
``fast``).

Python's json module writes indented text with its pure-Python encoder (its C encoder only
writes compact text), which was about half the time of a json -> json conversion. orjson writes
the same bytes for everything a canonical posting or a JSON-LD node holds, with three
exceptions that are detected and handed to ``json.dumps``:

- floats below 1e-4: orjson writes ``0.00001`` or ``7.4e-6`` where Python writes ``1e-05``
  and ``7.4e-06`` (from 1e-4 up, 1e+16 and beyond included, both write the same digits). Such
  output holds ``0.0000`` or ``e-`` between digits; any text that does (in a string too) is
  rewritten by json, so the check may send a harmless posting the slow way, never the other
  way round;
- NaN and infinities, which orjson writes as ``null``: output holding ``null`` is rewritten by
  json, which refuses them in indented text (``allow_nan=False``, ValueError as before) and
  writes ``NaN`` in JSONL lines as it always did;
- what orjson refuses (integers beyond 64 bits, lone surrogates, keys that are not strings,
  datetimes, dataclasses, types it does not know): json does as it always did. (orjson would
  write an Enum member by its value where json raises TypeError; no caller passes one.)

tests/test_jsontext.py checks the equality with Hypothesis over JSON values.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any


def _may_differ(data: bytes) -> bool:
    """Whether orjson's text may differ from json's: ``null`` or a float below 1e-4.

    Three substring searches, the cost of this fast path (a regular expression was slower than
    orjson itself).
    """
    if b"null" in data or b"0.0000" in data:
        return True
    end = len(data) - 2
    at = data.find(b"e-")
    while 0 < at < end:  # a negative exponent has digits on both sides ("e-mail", "0e-e65a")
        if 48 <= data[at - 1] <= 57 and 48 <= data[at + 2] <= 57:
            return True
        at = data.find(b"e-", at + 2)
    return False


def slow(value: Any) -> str:
    """The reference: Python's json with a 2-space indent, unescaped text, no NaN."""
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)


def slow_compact_bytes(value: Any) -> bytes:
    """The reference for JSONL: one line of compact JSON as UTF-8 (NaN written as json does)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _orjson() -> tuple[Callable[[Any], str], Callable[[Any], bytes]] | None:
    try:
        import orjson
    except ImportError:  # the optional extra is not installed: json does it all
        return None
    encode = orjson.dumps
    # Datetimes and dataclasses are refused as json refuses them (TypeError), not written.
    refuse = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
    indent = orjson.OPT_INDENT_2 | refuse
    refused = orjson.JSONEncodeError

    def fast(value: Any) -> str:
        try:
            data = encode(value, option=indent)
        except refused:
            return slow(value)
        return slow(value) if _may_differ(data) else data.decode()

    def fast_compact_bytes(value: Any) -> bytes:
        try:
            data = encode(value, option=refuse)
        except refused:
            return slow_compact_bytes(value)
        return slow_compact_bytes(value) if _may_differ(data) else data

    return fast, fast_compact_bytes


_FAST = _orjson()

#: ``indented(value)``: the text ``slow(value)`` gives, by orjson when it is installed.
indented: Callable[[Any], str] = _FAST[0] if _FAST else slow

#: ``compact_bytes(value)``: what ``slow_compact_bytes(value)`` gives, by orjson when installed.
compact_bytes: Callable[[Any], bytes] = _FAST[1] if _FAST else slow_compact_bytes

#: Whether the fast path is in use (reported by the benchmark).
FAST = _FAST is not None


_SHARED_LEAVES = frozenset({str, int, float, bool, type(None)})


def json_copy(value: Any) -> Any:
    """``copy.deepcopy`` of a JSON value, without its memo: objects and lists copied, leaves shared.

    Strings, numbers, booleans and null cannot change, and ``copy.deepcopy`` gives them back as
    they are too; any other class is left to ``copy.deepcopy``. A value that holds the same
    object twice gets two copies of it (JSON text has no such sharing), and one that holds
    itself is not JSON.
    """
    kind = value.__class__
    if kind is dict:
        return {
            key: item if item.__class__ in _SHARED_LEAVES else json_copy(item)
            for key, item in value.items()
        }
    if kind is list:
        return [item if item.__class__ in _SHARED_LEAVES else json_copy(item) for item in value]
    if kind in _SHARED_LEAVES:
        return value
    return copy.deepcopy(value)
