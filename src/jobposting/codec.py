"""Canonical JSON for postings: the one cattrs Converter, and loads/dumps built on it."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import operator
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, Any

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from jobposting import codec_fast, jsontext, surrogates
from jobposting.errors import InvalidPostingError, ReadError
from jobposting.model import DateOrDateTime, Number, Posting
from jobposting.problems import Problem, json_type_name

__all__ = ["CONVERTER", "dump", "dumps", "from_dict", "load", "loads", "make_converter", "to_dict"]

# The schema's $defs/date and the date-time branch of $defs/dateOrDateTime.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_MAPPING = Mapping[str, Any]


def make_converter() -> cattrs.Converter:
    """Return a new cattrs Converter between model classes and canonical JSON values.

    - Keys are the camelCase wire names of the attributes (``hiring_organization`` is
      ``hiringOrganization``), in the model's field order, which is the schema's property order.
    - Unstructuring omits ``None`` and empty tuples: absent and empty are the same posting.
    - Dates are written ``YYYY-MM-DD``; date-times ``YYYY-MM-DDThh:mm:ss``, with a fraction
      (no trailing zeros) only when the microseconds are not zero, then ``Z`` for UTC or
      ``+hh:mm``/``-hh:mm``.
      A date-time without an offset (or with seconds in its offset) cannot be written.
    - Structuring reads a string with ``T`` as a date-time (``Z`` accepted, offset required)
      and any other string as a date; both must have the schema's shape.
    - Numbers pass through as the int or float they are; an integer field also takes a
      float with no fraction (JSON Schema counts 3.0 as an integer) and makes it an int.
      Booleans are never numbers.
    - Strings, booleans and lists are taken only from values of that JSON type: nothing is
      coerced (no ``str(3)``, no list from a string).
    - Enums are structured and unstructured by value.
    - ``null`` is refused for every property: leave the property out instead.
    - Unknown keys are refused, so that nothing is dropped silently.
    - ``extensions`` passes through as plain JSON (a deep copy, never shared).
    - Structuring errors are collected (detailed validation), not stopped at the first one.
    """
    converter = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    # Classes go to cattrs' singledispatch, which wins over predicates and covers subclasses;
    # StrEnum needs its own entry or its str base would take its members as plain strings.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(enum.StrEnum, _structure_enum)
    # Predicates and factories: the ones registered last are tried first.
    structure = converter.register_structure_hook_func
    structure(lambda t: t == Number, _structure_number)
    structure(lambda t: t == DateOrDateTime, _structure_date_or_date_time)
    structure(lambda t: t == _MAPPING, _structure_json_object)
    converter.register_structure_hook_factory(_is_tuple, _make_tuple_structure)
    converter.register_structure_hook_factory(_is_optional, _make_optional_structure)
    converter.register_structure_hook_factory(attrs.has, _make_class_structure)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_unstructure_hook(dt.datetime, _unstructure_date_time)
    converter.register_unstructure_hook_func(lambda t: t == _MAPPING, jsontext.json_copy)
    converter.register_unstructure_hook_factory(attrs.has, _make_class_unstructure)
    return converter


def _wire_name(name: str) -> str:
    """Return the camelCase wire name of a snake_case attribute name."""
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


def _renames(cl: type[Any]) -> dict[str, Any]:
    # dict[str, Any]: make_dict_*_fn take the overrides as **kwargs next to their bool options.
    return {a.name: override(rename=_wire_name(a.name)) for a in attrs.fields(cl)}


def _make_class_structure(cl: type[Any], converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    from_mapping = make_dict_structure_fn(
        cl, converter, _cattrs_forbid_extra_keys=True, **_renames(cl)
    )

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, Mapping):
            raise TypeError(f"must be an object, not {json_type_name(value)}")
        return from_mapping(value, cl)

    return structure


def _make_class_unstructure(cl: type[Any], converter: cattrs.Converter) -> Callable[[Any], Any]:
    to_fields = make_dict_unstructure_fn(
        cl, converter, _cattrs_omit_if_default=True, **_renames(cl)
    )
    # The generated function puts attributes without a default first; canonical JSON keeps
    # the schema's property order.
    order = [_wire_name(a.name) for a in attrs.fields(cl)]

    def unstructure(instance: Any) -> dict[str, Any]:
        fields = to_fields(instance)
        return {key: fields[key] for key in order if key in fields}

    return unstructure


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple


def _is_optional(t: Any) -> bool:
    return typing.get_origin(t) in (types.UnionType, typing.Union) and type(None) in t.__args__


def _make_optional_structure(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = functools.reduce(operator.or_, [a for a in t.__args__ if a is not type(None)])
    handler = converter.get_structure_hook(inner)

    def structure(value: Any, _: Any) -> Any:
        if value is None:
            raise TypeError("must not be null (leave the property out when it is unknown)")
        return handler(value, inner)

    return structure


def _make_tuple_structure(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    item_type = t.__args__[0]
    handler = converter.get_structure_hook(item_type)

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"must be a list, not {json_type_name(value)}")
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(handler(item, item_type))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring {t} @ index {index}", index, item_type)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(items)

    return structure


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"must be a string, not {json_type_name(value)}")
    return value


def _structure_bool(value: Any, _: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"must be true or false, not {json_type_name(value)}")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"must be an integer, not {json_type_name(value)}")
    return value


def _structure_number(value: Any, _: Any) -> int | float:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(f"must be a number, not {json_type_name(value)}")
    return value


def _structure_enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, str):
        try:
            return cl(value)
        except ValueError:
            pass
    allowed = ", ".join(str(member.value) for member in cl)
    raise ValueError(f"{_show(value)} is not one of {allowed}")


def _structure_json_object(value: Any, _: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise TypeError(f"must be an object, not {json_type_name(value)}")
    copied: dict[str, Any] = jsontext.json_copy(dict(value))
    return copied


def _structure_date_or_date_time(value: Any, _: Any) -> dt.date | dt.datetime:
    if not isinstance(value, str):
        raise TypeError(f"must be a string, not {json_type_name(value)}")
    try:
        if "T" in value:
            if _DATE_TIME.fullmatch(value):
                return dt.datetime.fromisoformat(value)
        elif _DATE.fullmatch(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        pass  # right shape, impossible value (month 13): reported like any bad shape
    raise ValueError(
        f"{_show(value)} is not a date (YYYY-MM-DD) or a date-time with an offset "
        "(YYYY-MM-DDThh:mm:ssZ or +hh:mm)"
    )


def _unstructure_date_time(value: dt.datetime) -> str:
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(f"date-time {value.isoformat()} has no UTC offset")
    minutes, rest = divmod(offset, dt.timedelta(minutes=1))
    if rest:
        raise ValueError(f"date-time {value.isoformat()} has an offset that is not whole minutes")
    timespec = "microseconds" if value.microsecond else "seconds"
    text = value.replace(tzinfo=None).isoformat(timespec=timespec)
    if value.microsecond:
        text = text.rstrip("0")  # the schema's one spelling: no trailing zeros in a fraction
    if not minutes:
        return text + "Z"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{text}{'-' if offset < dt.timedelta(0) else '+'}{hours:02d}:{minutes:02d}"


def _show(value: object) -> str:
    """Quote a value for a message: strings as Python quotes them, the rest as JSON."""
    try:
        text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _pointer(path: Sequence[str | int]) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _problems(exc: BaseException, path: tuple[str | int, ...]) -> Iterator[Problem]:
    """Turn a cattrs structuring error into problems, following its notes to each value."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, attribute_note in with_notes:
            yield from _problems(sub, (*path, _wire_name(attribute_note.name)))
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(exc, IterableValidationError):
        with_index, without = exc.group_exceptions()
        for sub, index_note in with_index:
            yield from _problems(sub, (*path, index_note.index))
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(
                pointer=_pointer((*path, key)),
                message="is not a property of this object (keep unmodelled data under /extensions)",
                code="structure",
            )
    elif isinstance(exc, KeyError):
        # The generated structure function looks required keys up with o[key].
        yield Problem(pointer=_pointer(path), message="is required", code="structure")
    else:
        yield Problem(pointer=_pointer(path), message=str(exc), code="structure")


CONVERTER = make_converter()


def to_dict(posting: Posting) -> dict[str, Any]:
    """Return the canonical JSON value of ``posting`` (keys in schema order, absent left out)."""
    return codec_fast.unstructure(posting)


def from_dict(document: Mapping[str, Any]) -> Posting:
    """Return the posting a canonical JSON value describes.

    Raises InvalidPostingError (code ``structure``, JSON Pointers in wire names) when the value
    does not have the model's shape. Schema rules beyond shape are checked by ``loads``.
    """
    try:
        return codec_fast.structure(document)
    except codec_fast.Irregular:
        pass  # the converter builds the posting or words every problem
    try:
        return CONVERTER.structure(document, Posting)
    except (BaseValidationError, TypeError, ValueError) as exc:
        raise InvalidPostingError(list(_problems(exc, ()))) from exc


def loads(data: str | bytes, *, validate: bool = True) -> Posting:
    """Read one posting from canonical JSON text.

    Raises ReadError when the text is not one JSON object (also for a key given twice in an
    object and for NaN or Infinity, which Python's json would accept), and InvalidPostingError
    when it breaks the schema or its rules (checked unless ``validate`` is false) or the
    model's shape.
    """
    document = _parse_json(data)
    if validate:
        from jobposting.schema import validate_document  # schema.py imports heavier deps

        problems = validate_document(document, plain=True)  # json.loads made it
        if problems:
            raise InvalidPostingError(problems)
    return from_dict(document)


def load(fp: IO[str] | IO[bytes], *, validate: bool = True) -> Posting:
    """Read one posting from a file of canonical JSON (text or binary); see ``loads``."""
    return loads(fp.read(), validate=validate)


def dumps(posting: Posting) -> str:
    """Return the canonical JSON text of ``posting``: 2-space indent, unescaped, final newline."""
    return jsontext.indented(to_dict(posting)) + "\n"


def dump(posting: Posting, fp: IO[str]) -> None:
    """Write the canonical JSON text of ``posting`` to a text file."""
    fp.write(dumps(posting))


def _parse_json(data: str | bytes) -> dict[str, Any]:
    try:
        document = json.loads(
            data, object_pairs_hook=_object_without_duplicates, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as exc:
        raise ReadError(exc.msg, where=f"line {exc.lineno}, column {exc.colno}") from None
    except UnicodeDecodeError as exc:
        message = f"not {exc.encoding} text ({exc.reason})"
        raise ReadError(message, where=f"byte {exc.start}") from None
    if not isinstance(document, dict):
        raise ReadError(f"expected a JSON object (one posting), found {json_type_name(document)}")
    if surrogates.escaped_in(data) and (found := surrogates.find(document)):
        raise ReadError(surrogates.message(found[1]), where=found[0] or "/")
    return document


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            # json.loads would keep the last value silently; a posting must not lose data.
            raise ReadError(f"duplicate key {key!r} in one JSON object (keep one)")
        document[key] = value
    return document


def _refuse_constant(name: str) -> Any:
    raise ReadError(f"{name} is not a JSON number")
