"""Lossless extras for the XML formats: what a native mapping misses, as JSON Pointer patches.

A writer maps a posting to native elements, reads its own output back with the native reader,
and compares: every canonical value the native reading does not give back exactly becomes one
*extra*, a (JSON Pointer, value) pair, stored in the format's extension slot (HR Open
``extendedPositionClassifications``, HR-XML 3.2 ``UserArea``). A reader applies the extras after
its native reading. So a round trip is lossless by construction, and the native elements stay
what other consumers see. An extra whose value is ``DELETE`` removes a value the native reading
inferred but the posting does not have.

Extras are named ``jobposting:<pointer>`` (the value is the string itself) or
``jobposting+json:<pointer>`` (the value is JSON: numbers, booleans, lists, objects, and
``null`` for a deletion). ``jobposting+order:<pointer>`` puts the items of a list that the
native mapping had to write in another order back in the posting's order (the value lists, for
each position of the posting's list, the position of the item in the native reading); order
extras apply before the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

#: Marks an extra that removes a value.
DELETE: Final = None
TEXT_PREFIX = "jobposting:"
JSON_PREFIX = "jobposting+json:"
ORDER_PREFIX = "jobposting+order:"

Extra = tuple[str, Any]


def escape(token: str | int) -> str:
    """Escape one JSON Pointer reference token (RFC 6901)."""
    token = str(token)
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def unescape(token: str) -> str:
    """Undo :func:`escape`."""
    return token.replace("~1", "/").replace("~0", "~")


def diff(wanted: Any, native: Any, pointer: str = "") -> Iterator[Extra]:
    """Yield the extras that turn ``native`` into ``wanted`` (both canonical JSON values).

    Objects are compared key by key and lists of equal length item by item; a list of another
    length, or a value of another JSON type (``1`` is not ``1.0``), is replaced whole.
    """
    found: list[Extra] = []
    _diff(wanted, native, [pointer], found)
    return iter(found)


#: Scalars compared in place when both sides have exactly this type (no call, no pointer).
_SCALARS = frozenset({str, int, float, bool})
_ABSENT: Any = object()


def _pointer(path: list[Any], last: str | int | None = None) -> str:
    """The JSON Pointer of ``path`` (a prefix, then reference tokens), ``last`` appended."""
    tokens = path[1:] if last is None else [*path[1:], last]
    prefix: str = path[0]
    return prefix + "".join(f"/{escape(token)}" for token in tokens)


def _diff(wanted: Any, native: Any, path: list[Any], found: list[Extra]) -> None:
    # ``path`` is the pointer of both values as a list (a prefix, then the tokens); it is only
    # written out as a pointer when a difference is found.
    wanted_kind = _KINDS.get(type(wanted)) or _kind(wanted)
    native_kind = _KINDS.get(type(native)) or _kind(native)
    if wanted_kind is dict and native_kind is dict:
        for key, value in wanted.items():
            got = native.get(key, _ABSENT)
            if got is _ABSENT:
                found.append((_pointer(path, key), value))
                continue
            kind = type(value)
            if kind is type(got):
                if kind in _SCALARS:
                    if value != got:
                        found.append((_pointer(path, key), value))
                    continue
                if value == got and _same(value, got):
                    continue
            path.append(key)
            _diff(value, got, path, found)
            path.pop()
        if not native.keys() <= wanted.keys():
            for key in native:
                if key not in wanted:
                    found.append((_pointer(path, key), DELETE))
    elif wanted_kind is list and native_kind is list and len(wanted) == len(native):
        for index, value in enumerate(wanted):
            got = native[index]
            kind = type(value)
            if kind is type(got):
                if kind in _SCALARS:
                    if value != got:
                        found.append((_pointer(path, index), value))
                    continue
                if value == got and _same(value, got):
                    continue
            path.append(index)
            _diff(value, got, path, found)
            path.pop()
    elif wanted_kind is not native_kind or wanted != native:
        found.append((_pointer(path), str(wanted) if wanted_kind is str else wanted))


def _same(wanted: Any, native: Any) -> bool:
    """For two values that compare equal (``==``): True when every value inside has the same
    exact type on both sides too, so that :func:`diff` finds nothing between them.

    ``==`` alone does not tell ``1`` from ``1.0`` or ``True``; False only means "compare them
    value by value".
    """
    kind = type(wanted)
    if kind is dict:
        if type(native) is not dict:
            return False
        for key, value in wanted.items():
            got = native[key]
            kind = type(value)
            if kind is not type(got):
                return False
            if kind is str or kind is int or kind is bool:
                continue
            if not _same(value, got):
                return False
        return True
    if kind is list:
        if type(native) is not list:
            return False
        for value, got in zip(wanted, native, strict=True):  # equal lists: equal lengths
            kind = type(value)
            if kind is not type(got):
                return False
            if kind is str or kind is int or kind is bool:
                continue
            if not _same(value, got):
                return False
        return True
    if kind is float:
        return type(native) is float and wanted == native  # NaN: not even equal to itself
    return kind is type(native) and (kind in _SCALARS or native is None)


#: The JSON types, by the exact Python type that usually holds them.
_KINDS: dict[type, type] = {
    bool: bool, str: str, int: int, float: float, dict: dict, list: list, type(None): type(None)
}  # fmt: skip


def _kind(value: Any) -> type:
    """The JSON type of a value (a StrEnum member is a string, ``True`` is not ``1``, any
    mapping is an object)."""
    kind = _KINDS.get(type(value))
    if kind is not None:
        return kind
    for kind in (bool, str, int, float):
        if isinstance(value, kind):
            return kind
    if isinstance(value, Mapping):
        return dict
    if isinstance(value, list):
        return list
    return type(value)


#: ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, its encoder made once.
_to_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


#: The JSON text of the values an extra most often holds, as ``_to_json`` writes them.
_JSON_CONSTANTS = {None: "null", True: "true", False: "false"}


def encode(extra: Extra) -> tuple[str, str]:
    """Return the (name, value) strings that store one extra."""
    pointer, value = extra
    kind = type(value)
    if kind is str or isinstance(value, str):
        return TEXT_PREFIX + pointer, value
    if value is None or kind is bool:
        return JSON_PREFIX + pointer, _JSON_CONSTANTS[value]
    if kind is int:
        return JSON_PREFIX + pointer, int.__repr__(value)
    return JSON_PREFIX + pointer, _to_json(value)


def decode(name: str, value: str) -> Extra | None:
    """Return the extra stored as (name, value), or None when the name is not one of ours.

    Raises ValueError when a ``jobposting+json:`` value is not JSON.
    """
    if name.startswith(TEXT_PREFIX):
        return name[len(TEXT_PREFIX) :], value
    if name.startswith(JSON_PREFIX):
        return name[len(JSON_PREFIX) :], json.loads(value)
    return None


def is_extra_name(name: str | None) -> bool:
    """True when a name/value slot holds one of our extras."""
    return bool(name) and str(name).startswith((TEXT_PREFIX, JSON_PREFIX, ORDER_PREFIX))


def encode_order(pointer: str, order: list[int]) -> tuple[str, str]:
    """Return the (name, value) strings of an order extra."""
    return ORDER_PREFIX + pointer, " ".join(str(i) for i in order)


def decode_order(name: str, value: str) -> tuple[str, list[int]] | None:
    """Return (pointer, order) of an order extra, or None when the name is not one.

    Raises ValueError when the value is not a list of positions.
    """
    if not name.startswith(ORDER_PREFIX):
        return None
    return name[len(ORDER_PREFIX) :], [int(i) for i in value.split()]


def reorder(document: dict[str, Any], pointer: str, order: list[int]) -> bool:
    """Reorder the list at ``pointer`` in place; False when there is no such list or the
    order is not a permutation of its positions."""
    target: Any = document
    for token in [unescape(t) for t in pointer[1:].split("/")] if pointer else []:
        if isinstance(target, dict) and token in target:
            target = target[token]
        elif isinstance(target, list) and token.isdigit() and int(token) < len(target):
            target = target[int(token)]
        else:
            return False
    if not isinstance(target, list) or sorted(order) != list(range(len(target))):
        return False
    target[:] = [target[i] for i in order]
    return True


def apply(document: dict[str, Any], extras: Iterable[Extra]) -> list[str]:
    """Apply extras to a canonical document in place; return the pointers that could not be.

    An extra applies when the object or list it points into exists (as :func:`diff` makes
    them); one that points nowhere is skipped and reported.
    """
    skipped = []
    for pointer, value in extras:
        if not _apply_one(document, pointer, value):
            skipped.append(pointer)
    return skipped


def _apply_one(document: dict[str, Any], pointer: str, value: Any) -> bool:
    if pointer == "":
        return False
    if not pointer.startswith("/"):
        return False
    tokens = pointer[1:].split("/")
    if "~" in pointer:
        tokens = [unescape(token) for token in tokens]
    *parents, last = tokens
    target: Any = document
    for token in parents:
        if isinstance(target, dict) and token in target:
            target = target[token]
        elif isinstance(target, list) and token.isdigit() and int(token) < len(target):
            target = target[int(token)]
        else:
            return False
    if isinstance(target, dict):
        if value is DELETE:
            target.pop(last, None)
        else:
            target[last] = value
        return True
    if isinstance(target, list) and last.isdigit() and int(last) < len(target):
        if value is DELETE:
            return False
        target[int(last)] = value
        return True
    return False
