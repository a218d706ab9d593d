"""Validation of canonical postings: the JSON Schema plus the rules a schema cannot express.

Every problem carries an RFC 6901 JSON Pointer, a message for people and a stable code:
``schema.<keyword>`` for JSON Schema failures (``schema.enum``, ``schema.required``, ...) and a
named code for each cross-field rule (see :data:`RULE_CODES`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

from jobposting import fastvalidate, surrogates
from jobposting._resources import load_schema
from jobposting.problems import Problem, json_type_name
from jobposting.richtext import rich_text_problems

RULE_CODES = {
    "pay-range-min-exceeds-max": "a pay range's minimum is greater than its maximum",
    "incentive-min-exceeds-max": "an incentive amount's or percentage's minimum is greater than "
    "its maximum",
    "valid-through-before-date-posted": "validThrough is earlier than datePosted",
    "unknown-location-reference": "a pay range names a location id the posting does not have",
    "duplicate-location-id": "two locations share one id",
    "rich-text-markup": "rich text holds markup outside the allowed HTML subset",
    "alternative-group-alone": "an alternative group has one entry (alternatives need two or more)",
    "alternative-group-mixed-requirement": "the entries of one alternative group differ in "
    "requirement level",
}

#: The lists whose entries can be alternatives of each other (alternativeGroup).
ALTERNATIVE_LISTS = ("credentials", "skills", "languageRequirements")


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    schema = load_schema()
    cls = jsonschema.validators.validator_for(schema)
    validator: jsonschema.protocols.Validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return validator


def validate_document(document: Any, *, plain: bool = False) -> list[Problem]:
    """Return every problem of a canonical JSON document (a parsed dict), sorted by pointer.

    An empty list means the document is a valid canonical posting. ``plain`` says the document
    holds only the types ``json.loads`` makes (no tuples, enums or other Python objects), which
    spares a walk over it; the problems are the same.
    """
    problems: list[Problem] = []
    # The compiled validator (extra `fast`) only proves validity; jsonschema words the problems.
    if not fastvalidate.schema_valid(document, plain=plain):
        problems = [_problem_from_error(error) for error in _validator().iter_errors(document)]
        # Text with a lone surrogate is never plain JSON to the fast path; json.loads documents
        # (``plain``) were checked where they were parsed.
        if not plain and (found := surrogates.find(document)):
            where, code_point = found
            problems.append(
                Problem(pointer=where, message=surrogates.message(code_point), code="not-unicode")
            )
    if isinstance(document, Mapping):
        problems.extend(_rule_problems(document))
    unique: dict[tuple[str, str], Problem] = {}
    # A value can break two keywords with one meaning (a URL's format and pattern): say it once.
    for problem in sorted(problems, key=lambda p: (p.pointer, p.code, p.message)):
        unique.setdefault((problem.pointer, problem.message), problem)
    return list(unique.values())


def pointer(path: Sequence[str | int]) -> str:
    """Return the RFC 6901 JSON Pointer of a path of keys and indexes."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


# -- JSON Schema errors -> problems -------------------------------------------------------------

_TYPE_NAMES = {
    "string": "a string",
    "number": "a number",
    "integer": "an integer",
    "boolean": "true or false",
    "object": "an object",
    "array": "a list",
    "null": "null",
}


#: enums up to this size are spelled out in messages; longer ones (countries, currencies) are not
_LISTED_ENUM_VALUES = 12


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _problem_from_error(error: ValidationError) -> Problem:
    path = list(error.absolute_path)
    keyword = str(error.validator)
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    title = schema.get("title")
    instance: Any = error.instance
    value: Any = error.validator_value
    message: str
    if keyword == "required":
        missing = next((name for name in value if name not in instance), value[0])
        path.append(missing)
        message = "is required"
    elif keyword == "dependentRequired":
        given, missing = next(
            (name, need)
            for name, needs in value.items()
            if name in instance
            for need in needs
            if need not in instance
        )
        path.append(missing)
        message = f"is required when {given} is given"
    elif keyword == "additionalProperties":
        allowed = schema.get("properties", {})
        extra = sorted(name for name in instance if name not in allowed)
        path.append(extra[0] if extra else "")
        message = "is not a property of this object (keep unmodelled data under /extensions)"
    elif keyword == "type":
        message = f"must be {_TYPE_NAMES.get(value, value)}, not {json_type_name(instance)}"
    elif (
        keyword in {"enum", "pattern", "format", "anyOf"}
        and title
        and not isinstance(instance, Mapping)
    ):
        message = f"{_show(instance)} is not a valid {title}"
        if keyword == "enum" and len(value) <= _LISTED_ENUM_VALUES:
            message += " (expected one of " + ", ".join(map(str, value)) + ")"
    elif keyword == "enum":
        message = f"{_show(instance)} is not one of " + ", ".join(map(str, value))
    elif keyword == "pattern":
        message = f"{_show(instance)} does not match the pattern {value}"
    elif keyword == "format":
        message = f"{_show(instance)} is not a valid {value}"
    elif keyword == "anyOf" and isinstance(instance, Mapping):
        alternatives = [
            name for branch in value for name in branch.get("required", []) if len(branch) == 1
        ]
        message = "needs at least one of " + ", ".join(alternatives)
    elif keyword == "not":
        message = "gives a single value together with a minimum or maximum; use one or the other"
    elif keyword == "minLength":
        message = "must not be empty (leave the property out when it is unknown)"
    elif keyword == "minItems":
        message = "must not be an empty list (leave the property out when it is unknown)"
    elif keyword == "minProperties":
        message = "must not be an empty object (leave the property out when it is unknown)"
    elif keyword == "uniqueItems":
        message = "has duplicate items"
    elif keyword == "minimum":
        message = f"{_show(instance)} is less than the minimum {value}"
    elif keyword == "exclusiveMinimum":
        message = f"{_show(instance)} must be greater than {value}"
    elif keyword == "maximum":
        message = f"{_show(instance)} is greater than the maximum {value}"
    elif keyword == "propertyNames":
        message = f"{error.message} (extension keys are format keys or reverse domain names)"
    else:  # pragma: no cover - a keyword the schema does not use today
        message = error.message
    return Problem(pointer=pointer(path), message=message, code=f"schema.{keyword}")


# -- rules the schema cannot express ------------------------------------------------------------


def _rule_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    yield from _pay_range_problems(document)
    yield from _incentive_range_problems(document)
    yield from _date_order_problems(document)
    yield from _location_reference_problems(document)
    yield from _rich_text_field_problems(document)
    yield from _alternative_group_problems(document)


def _list_of_dicts(value: object) -> list[tuple[int, Mapping[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, Mapping)]


def _base_pay(document: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any]]]:
    compensation = document.get("compensation")
    if not isinstance(compensation, Mapping):
        return []
    return _list_of_dicts(compensation.get("basePay"))


def _pay_range_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    for i, pay in _base_pay(document):
        low, high = pay.get("minimum"), pay.get("maximum")
        if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
            yield Problem(
                pointer=f"/compensation/basePay/{i}",
                message=f"minimum {low} is greater than maximum {high}",
                code="pay-range-min-exceeds-max",
            )


def _incentive_range_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    compensation = document.get("compensation")
    if not isinstance(compensation, Mapping):
        return
    for i, incentive in _list_of_dicts(compensation.get("incentives")):
        for key in ("amount", "percentOfBasePay"):
            figures = incentive.get(key)
            if not isinstance(figures, Mapping):
                continue
            low, high = figures.get("minimum"), figures.get("maximum")
            if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
                yield Problem(
                    pointer=f"/compensation/incentives/{i}/{key}",
                    message=f"minimum {low} is greater than maximum {high}",
                    code="incentive-min-exceeds-max",
                )


def _parse_moment(value: object) -> dt.date | dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        if "T" in value:
            moment = dt.datetime.fromisoformat(value)
            return moment if moment.tzinfo is not None else None
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _date_order_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    posted = _parse_moment(document.get("datePosted"))
    through = _parse_moment(document.get("validThrough"))
    if posted is None or through is None:
        return
    if closes_before_posting(posted, through):
        yield Problem(
            pointer="/validThrough",
            message=(
                f"validThrough {document['validThrough']} is before "
                f"datePosted {document['datePosted']}"
            ),
            code="valid-through-before-date-posted",
        )


def closes_before_posting(posted: dt.date, through: dt.date) -> bool:
    """Whether a validThrough is before its datePosted: two date-times (with offsets) exactly,
    else by calendar day, as a bare date covers its whole day. A date-time without an offset
    is not ordered (it is no canonical date-time)."""
    moments = (posted, through)
    if any(isinstance(m, dt.datetime) and m.tzinfo is None for m in moments):
        return False
    if isinstance(posted, dt.datetime) and isinstance(through, dt.datetime):
        return through < posted
    return _day(through) < _day(posted)


def _day(moment: dt.date | dt.datetime) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def _location_reference_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    first_use: dict[str, int] = {}
    for i, location in _list_of_dicts(document.get("locations")):
        location_id = location.get("id")
        if not isinstance(location_id, str):
            continue
        if location_id in first_use:
            yield Problem(
                pointer=f"/locations/{i}/id",
                message=(
                    f"duplicate location id {location_id!r} "
                    f"(first used at /locations/{first_use[location_id]}/id)"
                ),
                code="duplicate-location-id",
            )
        else:
            first_use[location_id] = i
    for i, pay in _base_pay(document):
        applies_to = pay.get("appliesTo")
        if not isinstance(applies_to, Mapping):
            continue
        location_id = applies_to.get("locationId")
        if isinstance(location_id, str) and location_id not in first_use:
            known = ", ".join(first_use) or "none"
            yield Problem(
                pointer=f"/compensation/basePay/{i}/appliesTo/locationId",
                message=(
                    f"{location_id!r} names no location of this posting (location ids: {known})"
                ),
                code="unknown-location-reference",
            )


def _rich_text_field_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    fields: list[tuple[str, object]] = [
        ("/description", document.get("description")),
    ]
    organization = document.get("hiringOrganization")
    if isinstance(organization, Mapping):
        fields.append(("/hiringOrganization/description", organization.get("description")))
    for i, section in _list_of_dicts(document.get("sections")):
        fields.append((f"/sections/{i}/content", section.get("content")))
    for where, value in fields:
        # The HTML parser runs only on text the quick check cannot prove clean.
        if isinstance(value, str) and not fastvalidate.rich_text_clean(value):
            for message in rich_text_problems(value):
                yield Problem(pointer=where, message=message, code="rich-text-markup")


def _alternative_group_problems(document: Mapping[str, Any]) -> Iterator[Problem]:
    for name in ALTERNATIVE_LISTS:
        entries = dict(_list_of_dicts(document.get(name)))
        groups: dict[str, list[int]] = {}
        for i, entry in entries.items():
            key = entry.get("alternativeGroup")
            if isinstance(key, str):
                groups.setdefault(key, []).append(i)
        for key, members in groups.items():
            first = members[0]
            if len(members) == 1:
                yield Problem(
                    pointer=f"/{name}/{first}/alternativeGroup",
                    message=(
                        f"alternative group {key!r} has no other entry in {name} "
                        "(alternatives need two or more)"
                    ),
                    code="alternative-group-alone",
                )
                continue
            level = entries[first].get("requirement")
            for i in members[1:]:
                other = entries[i].get("requirement")
                if other != level:
                    yield Problem(
                        pointer=f"/{name}/{i}",
                        message=(
                            f"has {_level(other)} but /{name}/{first} in the same alternative "
                            f"group {key!r} has {_level(level)}"
                        ),
                        code="alternative-group-mixed-requirement",
                    )


def _level(value: object) -> str:
    return f"requirement {value}" if isinstance(value, str) else "no requirement"
