"""The attrs model mirrors the canonical JSON Schema: names, order, required, enums and nesting."""

import copy
import enum
import functools
import json
import operator
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest

from jobposting import model

SCHEMA: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "schemas" / "jobposting.schema.json").read_text("utf-8")
)
#: Code lists too long for a Python enum: the model keeps them as str, validation checks them.
UNENUMERATED = frozenset({"#/$defs/countryCode", "#/$defs/currencyCode"})
_SCALARS = {"string": "str", "integer": "int", "number": "int | float", "boolean": "bool"}
_FORMATS = {"date": "date", "date-time": "datetime"}


def snake_case(wire_name: str) -> str:
    """Return the model attribute name of a camelCase schema property name."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", wire_name).lower()


def class_name(def_name: str) -> str:
    """Return the model class name of a ``$defs`` object name (payRange -> PayRange)."""
    return def_name[0].upper() + def_name[1:]


def describe_schema(schema: Mapping[str, Any], root: Mapping[str, Any]) -> str:
    """Describe the Python type a property schema needs, in the words of describe_type."""
    ref = schema.get("$ref")
    if ref is not None:
        target = root["$defs"][ref.removeprefix("#/$defs/")]
        if target.get("type") == "object":
            return class_name(ref.removeprefix("#/$defs/"))
        if ref in UNENUMERATED:
            return "str"
        return describe_schema(target, root)
    if "enum" in schema:
        return "enum of " + ", ".join(schema["enum"])
    if "anyOf" in schema:
        return " | ".join(describe_schema(branch, root) for branch in schema["anyOf"])
    if schema.get("type") == "array":
        return f"tuple[{describe_schema(schema['items'], root)}, ...]"
    if schema.get("type") == "object":
        if "properties" in schema:
            return "an inline object (give it a $defs entry so that it gets a class)"
        return "Mapping[str, Any]"  # an open object (extensions): plain JSON
    return _FORMATS.get(schema.get("format", ""), _SCALARS[schema["type"]])


def describe_type(annotation: Any) -> str:
    """Describe a model annotation the way describe_schema describes a schema."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (types.UnionType, typing.Union):
        return " | ".join(describe_type(arg) for arg in args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"tuple[{describe_type(args[0])}, ...]"
    if origin is Mapping:
        return f"Mapping[{', '.join(describe_type(arg) for arg in args)}]"
    if annotation is Any:
        return "Any"
    if annotation is type(None):
        return "None"
    if isinstance(annotation, type) and issubclass(annotation, enum.StrEnum):
        return "enum of " + ", ".join(member.value for member in annotation)
    return str(getattr(annotation, "__name__", annotation))


def model_differences(schema: Mapping[str, Any], module: types.ModuleType) -> list[str]:
    """Return every difference between the schema's objects and the model's classes."""
    differences: list[str] = []
    objects = {"top level": (schema, "Posting")} | {
        f"$defs/{name}": (definition, class_name(name))
        for name, definition in schema["$defs"].items()
        if definition.get("type") == "object"
    }
    for where, (object_schema, name) in objects.items():
        cls = getattr(module, name, None)
        if cls is None or not attrs.has(cls):
            differences.append(f"schema {where} has no attrs class {name} in the model")
        else:
            differences += _class_differences(object_schema, cls, where, schema)
    modelled = {name for _, name in objects.values()}
    for name, value in vars(module).items():
        if attrs.has(value) and value.__module__ == module.__name__ and name not in modelled:
            differences.append(f"model class {name} has no object in the schema")
    return differences


def _class_differences(
    object_schema: Mapping[str, Any], cls: type, where: str, root: Mapping[str, Any]
) -> list[str]:
    differences: list[str] = []
    properties: Mapping[str, Any] = object_schema.get("properties", {})
    required = set(object_schema.get("required", []))
    fields = {field.name: field for field in attrs.fields(cls)}
    hints = typing.get_type_hints(cls)
    expected_names = [snake_case(p) for p in properties]
    for wire_name, attribute in zip(properties, expected_names, strict=True):
        if attribute not in fields:
            differences.append(
                f"schema {where} has property {wire_name!r} that {cls.__name__} lacks"
            )
    for attribute in fields:
        if attribute not in expected_names:
            differences.append(
                f"{cls.__name__} has attribute {attribute!r} that schema {where} lacks"
            )
    common = [name for name in fields if name in expected_names]
    if common != [name for name in expected_names if name in fields]:
        differences.append(f"{cls.__name__} attributes are not in the order of schema {where}")
    for wire_name, attribute in zip(properties, expected_names, strict=True):
        if attribute in fields:
            expected = describe_schema(properties[wire_name], root)
            differences += _attribute_differences(
                f"{cls.__name__}.{attribute}",
                fields[attribute].default,
                hints[attribute],
                expected,
                f"schema {where}/properties/{wire_name}",
                required=wire_name in required,
            )
    return differences


def _attribute_differences(
    label: str, default: Any, annotation: Any, expected: str, place: str, *, required: bool
) -> list[str]:
    differences: list[str] = []
    args = typing.get_args(annotation)
    nullable = typing.get_origin(annotation) in (types.UnionType, typing.Union) and (
        type(None) in args
    )
    if nullable:
        annotation = functools.reduce(operator.or_, [a for a in args if a is not type(None)])
    actual = describe_type(annotation)
    has_default = default is not attrs.NOTHING
    if required and has_default:
        differences.append(f"{label} has a default but {place} is required")
    elif not required and not has_default:
        differences.append(f"{label} has no default but {place} is optional")
    if has_default:
        empty = () if actual.startswith("tuple[") else None
        if default != empty:
            differences.append(f"{label} defaults to {default!r}, not {empty!r}")
        if empty is None and not nullable:
            differences.append(f"{label} defaults to None but its type does not allow None")
    elif nullable:
        differences.append(f"{label} allows None but {place} is required")
    if actual.startswith("enum of ") and expected.startswith("enum of "):
        values = actual.removeprefix("enum of ").split(", ")
        wanted = expected.removeprefix("enum of ").split(", ")
        name = annotation.__name__
        missing = [
            f"{place} has enum value {v!r} that {name} lacks" for v in wanted if v not in values
        ]
        extra = [f"{name} has value {v!r} that {place} lacks" for v in values if v not in wanted]
        differences += missing + extra
        if not missing and not extra and values != wanted:
            differences.append(f"{name} values are not in the order of {place}")
    elif actual != expected:
        differences.append(f"{label} is {actual} but {place} needs {expected}")
    return differences


def test_model_matches_schema() -> None:
    """Every schema object has a class with the same attributes, required set, enums and types."""
    assert model_differences(SCHEMA, model) == []


def _tweak(change: Any) -> dict[str, Any]:
    schema = copy.deepcopy(SCHEMA)
    change(schema)
    return schema


def _defs(schema: dict[str, Any]) -> dict[str, Any]:
    defs: dict[str, Any] = schema["$defs"]
    return defs


TWEAKS = {
    "property the model lacks": (
        lambda s: _defs(s)["payRange"]["properties"].update(bonus={"type": "boolean"}),
        "schema $defs/payRange has property 'bonus' that PayRange lacks",
    ),
    "attribute the schema lacks": (
        lambda s: _defs(s)["payRange"]["properties"].pop("basis"),
        "PayRange has attribute 'basis' that schema $defs/payRange lacks",
    ),
    "newly required property": (
        lambda s: _defs(s)["identifier"]["required"].append("name"),
        "Identifier.name has a default but schema $defs/identifier/properties/name is required",
    ),
    "enum value the model lacks": (
        # (an enum used by one property: payPeriod is used by payRange and monetaryAmount)
        lambda s: _defs(s)["incentiveType"]["enum"].append("RAFFLE"),
        "schema $defs/incentive/properties/type has enum value 'RAFFLE' that IncentiveType lacks",
    ),
    "nested class changed": (
        lambda s: _defs(s)["organization"]["properties"]["identifiers"]["items"].update(
            {"$ref": "#/$defs/classification"}
        ),
        "Organization.identifiers is tuple[Identifier, ...] but schema "
        "$defs/organization/properties/identifiers needs tuple[Classification, ...]",
    ),
    "new object definition": (
        lambda s: _defs(s).update(bonusPlan={"type": "object", "properties": {}}),
        "schema $defs/bonusPlan has no attrs class BonusPlan in the model",
    ),
    "top-level property order": (
        lambda s: s.update(properties=dict(reversed(list(s["properties"].items())))),
        "Posting attributes are not in the order of schema top level",
    ),
}


@pytest.mark.parametrize(("change", "message"), TWEAKS.values(), ids=TWEAKS.keys())
def test_parity_check_reports_a_difference(change: Any, message: str) -> None:
    """The comparison names the exact difference when the schema drifts from the model."""
    assert model_differences(_tweak(change), model) == [message]
