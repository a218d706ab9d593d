"""The residual: what a canonical posting holds beyond what its schema.org properties carry.

The writer maps a posting to schema.org, reads that back as any page is read, and keeps the
difference (:func:`residual`) in the extension term; the reader merges it back (:func:`merge`).
Grammar (converters/jsonld/README.md): objects merge key by key, ``null`` removes a key, an
object with list-index keys merges into a list item by item, anything else replaces the value,
and ``extensions`` is always replaced whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jobposting.jsontext import json_copy

_MISSING: Any = object()


def same(left: Any, right: Any) -> bool:
    """JSON equality that tells true from 1 and 1 from 1.0."""
    # ``==`` is exact for JSON except numbers (true == 1 == 1.0) and NaN inside containers (which
    # compare by identity first); so two values are the same when they are equal and their
    # numbers agree in type and value.
    return bool(left == right) and _same_numbers(left, right)


def _same_numbers(left: Any, right: Any) -> bool:
    """For two equal JSON values: whether each number of one has the type of the other's.

    Members of a dict or a list are checked where they stand when they are strings, ints,
    booleans or null of the same class on both sides (two equal values of one of those classes
    are the same), so only containers, floats and other classes cost a call.
    """
    kind = left.__class__
    if kind is not right.__class__:
        return isinstance(left, str) and isinstance(right, str) and str(left) == str(right)
    if kind is dict:
        for key, value in left.items():
            member = value.__class__
            if member is str:
                continue
            other = right[key]
            if member in _SAME_WHEN_EQUAL and member is other.__class__:
                continue
            if not _same_numbers(value, other):
                return False
        return True
    if kind is list:
        for value, other in zip(left, right, strict=True):
            member = value.__class__
            if member is str or (member in _SAME_WHEN_EQUAL and member is other.__class__):
                continue
            if not _same_numbers(value, other):
                return False
        return True
    if kind is float:
        return bool(left == right)  # NaN is not the same as itself
    if kind is str:
        return True
    if isinstance(left, str):
        return str(left) == str(right)
    if isinstance(left, dict):
        return all(same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return all(same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


#: Classes whose equal values are the same: for them ``_same_numbers`` ends in ``left == right``
#: (str: True), which the caller's equality already says.
_SAME_WHEN_EQUAL = frozenset({str, int, bool, type(None)})


def residual(want: dict[str, Any], got: dict[str, Any]) -> dict[str, Any]:
    """What to merge into ``got`` to obtain ``want`` (both canonical JSON objects).

    The result shares values with ``want`` (all but ``extensions``, which is copied): treat both
    as read-only afterwards, as the writer does with the fresh canonical JSON it computes it for.
    """
    return _object(want, got, top=True)


def _object(want: dict[str, Any], got: dict[str, Any], *, top: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {}
    shared = 0
    for key, value in want.items():
        if key in got:
            shared += 1
            have = got[key]
            kind = value.__class__
            if value == have and (
                (kind in _SAME_WHEN_EQUAL and kind is have.__class__) or _same_numbers(value, have)
            ):
                continue  # the same value (what same() says, without the call for a leaf)
            if top and key == "extensions":
                out[key] = json_copy(value)
            elif kind is dict and have.__class__ is dict:
                out[key] = _object(value, have)
            else:
                out[key] = _value(value, have)
        else:
            out[key] = json_copy(value) if top and key == "extensions" else value
    if shared < len(got):  # got has keys that want lacks
        for key in got:
            if key not in want:
                out[key] = None
    return out


def _value(want: Any, have: Any) -> Any:
    if isinstance(want, dict) and isinstance(have, dict):
        return _object(want, have)
    if isinstance(want, list) and isinstance(have, list) and len(want) == len(have):
        changed = {}
        for index, item in enumerate(want):
            other = have[index]
            kind = item.__class__
            if item == other and (
                (kind in _SAME_WHEN_EQUAL and kind is other.__class__) or _same_numbers(item, other)
            ):
                continue
            if kind is dict and other.__class__ is dict:
                changed[str(index)] = _object(item, other)
            else:
                changed[str(index)] = _value(item, other)
        return changed
    return want


def merge(document: dict[str, Any], patch: dict[str, Any], *, top: bool = True) -> dict[str, Any]:
    """Merge a residual into canonical JSON (in place) and return it.

    Values of ``patch`` are put in ``document`` as they are, not copied (all but ``extensions``,
    which is copied): the reader merges a residual it has just parsed and keeps no other use of.
    """
    for key, value in patch.items():
        if value is None:
            document.pop(key, None)
        elif top and key == "extensions":
            document[key] = json_copy(value)
        elif isinstance(value, dict):
            base = document.get(key, _MISSING)
            if isinstance(base, dict):
                document[key] = merge(base, value, top=False)
            else:
                document[key] = _merged(base, value)
        else:
            document[key] = value  # what _merged gives for a value that is not an object
    return document


def _merged(base: Any, value: Any) -> Any:
    """``base`` with ``value`` merged in, as the grammar says (``value`` replaces a scalar)."""
    if isinstance(value, dict):
        if isinstance(base, dict):
            return merge(base, value, top=False)
        if isinstance(base, list) and value and _index_keys(value):
            result = list(base)
            for key, item in value.items():
                position = int(key)
                if position < len(result):
                    current = result[position]
                    if isinstance(item, dict) and isinstance(current, dict):
                        merge(current, item, top=False)  # in place: the item stays where it is
                    else:
                        result[position] = _merged(current, item)
            return result
    return value


def _index_keys(patch: dict[str, Any]) -> bool:
    """``all(key.isdigit() for key in patch)``: the keys joined are digits and none is empty.

    ``str.isdigit`` is true when a string has characters and each is a digit, so the keys'
    characters are all digits exactly when their concatenation's are.
    """
    try:
        joined = "".join(patch)
    except TypeError:
        return all(key.isdigit() for key in patch)  # a key that is not text fails as before
    return joined.isdigit() and "" not in patch


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
