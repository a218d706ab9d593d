"""The residual: what a canonical posting holds beyond what its schema.org properties carry.

The writer maps a posting to schema.org, reads that back as any page is read, and keeps the
difference (:func:`residual`) in the extension term; the reader merges it back (:func:`merge`).
Grammar (converters/jsonld/README.md): objects merge key by key, ``null`` removes a key, an
object with list-index keys merges into a list item by item, anything else replaces the value,
and ``extensions`` is always replaced whole.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

_MISSING: Any = object()


def same(left: Any, right: Any) -> bool:
    """JSON equality that tells true from 1 and 1 from 1.0."""
    if isinstance(left, str) or isinstance(right, str):
        return isinstance(left, str) and isinstance(right, str) and str(left) == str(right)
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


def residual(want: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """What to merge into ``got`` to obtain ``want`` (both canonical JSON objects)."""
    return _object(want, got, top=True)


def _object(want: dict[str, Any], got: dict[str, Any], *, top: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in want.items():
        have = got.get(key, _MISSING)
        if have is not _MISSING and same(value, have):
            continue
        atomic = top and key == "extensions"
        out[key] = copy.deepcopy(value) if atomic else _value(value, have)
    for key in got:
        if key not in want:
            out[key] = None
    return out


def _value(want: Any, have: Any) -> Any:
    if isinstance(want, dict) and isinstance(have, dict):
        return _object(want, have)
    if isinstance(want, list) and isinstance(have, list) and len(want) == len(have):
        return {
            str(index): _value(item, have[index])
            for index, item in enumerate(want)
            if not same(item, have[index])
        }
    return copy.deepcopy(want)


def merge(document: dict[str, Any], patch: dict[str, Any], *, top: bool = True) -> dict[str, Any]:
    """Merge a residual into canonical JSON (in place) and return it."""
    for key, value in patch.items():
        if value is None:
            document.pop(key, None)
        elif top and key == "extensions":
            document[key] = copy.deepcopy(value)
        else:
            document[key] = _merged(document.get(key, _MISSING), value)
    return document


def _merged(base: Any, value: Any) -> Any:
    if isinstance(value, dict) and isinstance(base, dict):
        return merge(base, value, top=False)
    if (
        isinstance(value, dict)
        and isinstance(base, list)
        and value
        and all(k.isdigit() for k in value)
    ):
        result = list(base)
        for key, item in value.items():
            position = int(key)
            if position < len(result):
                result[position] = _merged(result[position], item)
        return result
    return copy.deepcopy(value)


def losses(want: dict[str, Any], got: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Yield (JSON Pointer, "dropped" or "changed") for each canonical value ``got`` lacks.

    A value missing altogether is named once, at its own pointer; objects and lists of the same
    length are compared member by member; ``got``'s extra keys are "changed" values of ``want``.
    """
    yield from _losses(want, got, "")


def _losses(want: Any, got: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(want, dict) and isinstance(got, dict):
        for key in list(want) + [k for k in got if k not in want]:
            spot = where + "/" + key.replace("~", "~0").replace("/", "~1")
            if key not in got:
                yield spot, "dropped"
            elif key not in want:
                yield spot, "changed"
            elif not same(want[key], got[key]):
                yield from _losses(want[key], got[key], spot)
    elif isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        for index, (item, have) in enumerate(zip(want, got, strict=True)):
            if not same(item, have):
                yield from _losses(item, have, f"{where}/{index}")
    else:
        yield where, "changed"
