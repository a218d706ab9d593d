"""Generated straight-line structure and unstructure functions for the model's classes.

The cattrs converter of :mod:`jobposting.codec` is the reference: it checks every value through a
hook call and collects every error with its path (detailed validation), which made reading a
posting cost as much as converting it. The functions generated here do the same work for
well-formed input with inline checks and no per-value calls:

- ``structure(document)`` returns the Posting cattrs would return, or raises :class:`Irregular`
  at the first thing it does not expect (a wrong type, an unknown or missing key, ``null``, a
  value not in an enum, a float where an integer belongs...). ``codec.from_dict`` then runs the
  cattrs converter on the same document, which builds the posting or words every problem exactly
  as before. The fast path never decides an error itself.
- ``unstructure(posting)`` returns the dict cattrs would return (absent and empty left out, schema
  key order, enums by value, dates and date-times in the schema's one spelling).

tests/test_codec_fast.py checks both against the converter over the cases and Hypothesis
postings, and that malformed documents give the converter's problems word for word.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, cast

import attrs

from jobposting.jsontext import json_copy
from jobposting.model import DateOrDateTime, Number, Posting

__all__ = ["Irregular", "structure", "unstructure"]


class Irregular(Exception):
    """The document is not the plain well-formed shape the fast path handles."""


def _irregular() -> Any:
    raise Irregular


class _Generator:
    """Writes one structure and one unstructure function per attrs class, as Python source."""

    def __init__(
        self,
        wire: Callable[[str], str],
        date_time: Callable[[dt.datetime], str],
        date_value: Any,
    ) -> None:
        self.wire = wire
        self.names: dict[str, Any] = {
            "Irregular": Irregular,
            "ABSENT": object(),
            "irregular": _irregular,
            "deepcopy": json_copy,  # copy.deepcopy for JSON values, without its memo
            "Mapping": Mapping,
            "datetime": dt.datetime,
            "date_time": date_time,
            "date_value": date_value,
            "new": object.__new__,
        }
        self.lines: list[str] = []
        self.done: set[type[Any]] = set()

    def add(self, cl: type[Any]) -> None:
        if cl in self.done:
            return
        self.done.add(cl)
        attrs.resolve_types(cl)
        fields = attrs.fields(cl)
        self.names[f"C_{cl.__name__}"] = cl
        self.names[f"K_{cl.__name__}"] = frozenset(self.wire(a.name) for a in fields)
        for a in fields:
            for inner in _classes(a.type):
                self.add(inner)
            for member in _enums(a.type):
                self.names[f"E_{member.__name__}"] = {m.value: m for m in member}
        self._structure(cl, fields)
        self._unstructure(cl, fields)

    def _structure(self, cl: type[Any], fields: Any) -> None:
        name = cl.__name__
        if not _plain_init(cl, fields):  # pragma: no cover - the model's classes are plain
            raise TypeError(f"no fast structure for {cl!r}: its __init__ does more than set slots")
        out = self.lines
        out.append(f"def s_{name}(o):")
        out.append("    if type(o) is not dict or not o.keys() <= K_" + name + ":")
        out.append("        raise Irregular")
        # What the attrs __init__ does, without its call and keywords: set each slot, to the
        # default where the key is absent.
        out.append(f"    x = new(C_{name})")
        for a in fields:
            key = self.wire(a.name)
            setter, default = f"S_{name}_{a.name}", f"D_{name}_{a.name}"
            self.names[setter] = getattr(cl, a.name).__set__
            self.names[default] = a.default
            if a.default is attrs.NOTHING:  # required
                out.append(f"    v = o[{key!r}]")  # KeyError: the caller takes the slow path
                out.append(f"    {setter}(x, {self._read(a.type, 'v')})")
            else:
                out.append(f"    v = o.get({key!r}, ABSENT)")  # null is irregular, not absent
                out.append(
                    f"    {setter}(x, {default} if v is ABSENT else {self._read(a.type, 'v')})"
                )
        out.append("    return x")

    def _read(self, t: Any, v: str) -> str:
        """An expression structuring ``v`` of type ``t`` (raising Irregular when unsure)."""
        t = _optional_inner(t)
        if t is str:
            return f"({v} if type({v}) is str else irregular())"
        if t is bool:
            return f"({v} if type({v}) is bool else irregular())"
        if t is int:
            return f"({v} if type({v}) is int else irregular())"
        if t == Number:
            return f"({v} if type({v}) is int or type({v}) is float else irregular())"
        if t == DateOrDateTime:
            return f"date_value({v}, None)"
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return f"E_{t.__name__}[{v}]"  # KeyError, or TypeError for unhashable values
        if t == Mapping[str, Any]:
            return f"(deepcopy(dict({v})) if type({v}) is dict else irregular())"
        if attrs.has(t):
            return f"s_{t.__name__}({v})"
        if typing.get_origin(t) is tuple:
            item = t.__args__[0]
            if item is str:
                return f"_strs({v})"
            return f"tuple([{self._read(item, 'i')} for i in _list({v})])"
        raise TypeError(f"no fast structure for {t!r}")  # pragma: no cover - model types only

    def _unstructure(self, cl: type[Any], fields: Any) -> None:
        out = self.lines
        out.append(f"def u_{cl.__name__}(x):")
        out.append("    d = {}")
        for a in fields:
            key = self.wire(a.name)
            required = a.default is attrs.NOTHING
            out.append(f"    v = x.{a.name}")
            if required:
                out.append(f"    d[{key!r}] = {self._write(a.type, 'v')}")
            else:
                out.append(f"    if v != {a.default!r}:")
                out.append(f"        d[{key!r}] = {self._write(a.type, 'v')}")
        out.append("    return d")

    def _write(self, t: Any, v: str) -> str:
        t = _optional_inner(t)
        if t in (str, bool, int) or t == Number:
            return v
        if t == DateOrDateTime:
            return f"(date_time({v}) if isinstance({v}, datetime) else {v}.isoformat())"
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return f"{v}._value_"
        if t == Mapping[str, Any]:
            return f"deepcopy({v})"
        if attrs.has(t):
            return f"u_{t.__name__}({v})"
        if typing.get_origin(t) is tuple:
            item = t.__args__[0]
            if item is str:
                return f"list({v})"
            return f"[{self._write(item, 'i')} for i in {v}]"
        raise TypeError(f"no fast unstructure for {t!r}")  # pragma: no cover - model types only

    def build(self) -> dict[str, Any]:
        namespace = dict(self.names)
        exec(_HELPERS + "\n".join(self.lines), namespace)  # the source generated above
        return namespace


_HELPERS = """
def _list(v):
    if type(v) is not list:
        raise Irregular
    return v

def _strs(v):
    if type(v) is not list:
        raise Irregular
    for i in v:
        if type(i) is not str:
            raise Irregular
    return tuple(v)

"""


def _plain_init(cl: type[Any], fields: Any) -> bool:
    """True when the attrs ``__init__`` of ``cl`` only sets each slot (to its value or a plain
    default): no validator, converter, factory, alias or init hook, so that setting the slots
    directly builds the same object (twice as fast)."""
    if not getattr(cl, "__slots__", None) or hasattr(cl, "__attrs_post_init__"):
        return False
    if hasattr(cl, "__attrs_pre_init__"):
        return False
    return all(
        a.init
        and a.validator is None
        and a.converter is None
        and not isinstance(a.default, cast("type", attrs.Factory))
        and a.alias == a.name
        for a in fields
    )


def _optional_inner(t: Any) -> Any:
    if typing.get_origin(t) in (types.UnionType, typing.Union) and type(None) in t.__args__:
        rest = [a for a in t.__args__ if a is not type(None)]
        return rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]  # noqa: UP007
    return t


def _parts(t: Any) -> list[Any]:
    t = _optional_inner(t)
    if typing.get_origin(t) is tuple:
        return _parts(t.__args__[0])
    return [t]


def _classes(t: Any) -> list[type[Any]]:
    return [p for p in _parts(t) if attrs.has(p)]


def _enums(t: Any) -> list[type[enum.Enum]]:
    return [p for p in _parts(t) if isinstance(p, type) and issubclass(p, enum.Enum)]


def _build() -> tuple[Callable[[Any], Posting], Callable[[Posting], dict[str, Any]]]:
    from jobposting import codec  # the converter's wire names and dates, shared not copied

    generator = _Generator(
        codec._wire_name, codec._unstructure_date_time, codec._structure_date_or_date_time
    )
    generator.add(Posting)
    namespace = generator.build()
    return namespace["s_Posting"], namespace["u_Posting"]


_STRUCTURE: Callable[[Any], Posting] | None = None
_UNSTRUCTURE: Callable[[Posting], dict[str, Any]] | None = None


def structure(document: Any) -> Posting:
    """The Posting of a well-formed canonical document; Irregular for anything else."""
    global _STRUCTURE, _UNSTRUCTURE
    if _STRUCTURE is None:
        _STRUCTURE, _UNSTRUCTURE = _build()
    try:
        return _STRUCTURE(document)
    except Irregular:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise Irregular from exc


def unstructure(posting: Posting) -> dict[str, Any]:
    """The canonical JSON value of a posting, as the cattrs converter writes it."""
    global _STRUCTURE, _UNSTRUCTURE
    if _UNSTRUCTURE is None:
        _STRUCTURE, _UNSTRUCTURE = _build()
    return _UNSTRUCTURE(posting)
