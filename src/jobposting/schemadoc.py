"""Renders the Markdown schema reference (docs/schema-reference.md) from the canonical JSON Schema.

Run ``python -m jobposting.schemadoc > docs/schema-reference.md`` to regenerate the page, or
``python -m jobposting.schemadoc --check docs/schema-reference.md`` to test that it is current.
The output depends on the schema only (no dates, no paths), so it can be compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from jobposting._resources import load_schema

#: Enums with more values than this (countries, currencies) are counted, not listed.
ENUM_LIST_LIMIT = 20

TOP_LEVEL = "Posting"
_POSTING_INTRO = "The top-level object: one job posting per JSON document (or per JSONL line)."

_REF_PREFIX = "#/$defs/"
_VERSION_IN_ID = re.compile(r"/(\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?)/")
# Markdown characters that would start emphasis, code, links or HTML inside prose.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*\[\]<]|&(?=#?\w+;)|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_FIRST_SENTENCE = re.compile(r"^(.*?(?<!\be\.g)(?<!\bi\.e)\.)(?:\s|$)")

_BOUNDS = {
    "minimum": "At least",
    "exclusiveMinimum": "Greater than",
    "maximum": "At most",
    "exclusiveMaximum": "Less than",
}
# Keywords the page states through its layout, the Type column or a sentence; any other keyword
# is shown verbatim, so the page never hides part of the contract.
_STATED_KEYWORDS = frozenset(
    {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "format", "properties"}
    | {"required", "items", "enum", "anyOf", "not", "additionalProperties", "pattern"}
    | {"contentMediaType", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems"}
    | {"minProperties", "propertyNames", *_BOUNDS}
)


def heading_anchor(heading: str) -> str:
    """Return the anchor GitHub gives a Markdown heading (lower case, punctuation dropped)."""
    kept = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return kept.replace(" ", "-")


def render_schema_reference(schema: Mapping[str, Any]) -> str:
    """Return the Markdown reference page of ``schema``, ending in one newline.

    One section for the top-level posting and one per ``$defs`` entry, in schema order; each
    object gets a table of its properties, each ``$ref`` links to the section it names.
    """
    defs: Mapping[str, Mapping[str, Any]] = schema.get("$defs", {})
    _check_unique_anchors(["Conventions", "Contents", TOP_LEVEL, *defs])

    used_by = _references(schema)
    lines = _header(schema)
    lines += _conventions(defs)
    lines += _contents(defs)
    lines += _object_section(TOP_LEVEL, _POSTING_INTRO, schema, defs, used_by)
    for name, sub in defs.items():
        lines += _def_section(name, sub, defs, used_by)
    return "\n".join(lines).rstrip("\n") + "\n"


def _check_unique_anchors(headings: Sequence[str]) -> None:
    seen: dict[str, str] = {}
    for heading in headings:
        anchor = heading_anchor(heading)
        if anchor in seen:
            raise ValueError(
                f"schema reference: headings {seen[anchor]!r} and {heading!r} "
                f"share the anchor #{anchor}; rename one $defs entry"
            )
        seen[anchor] = heading


def _header(schema: Mapping[str, Any]) -> list[str]:
    schema_id = str(schema.get("$id", ""))
    match = _VERSION_IN_ID.search(schema_id)
    title = schema.get("title", "Schema")
    lines = [
        f"# {_prose(title)}: schema reference",
        "",
        "<!-- Generated from schemas/jobposting.schema.json by `python -m jobposting.schemadoc`."
        " Do not edit by hand. -->",
        "",
        f"- Schema version: {match.group(1) if match else 'not stated in $id'}",
    ]
    if schema_id:
        lines.append(f"- `$id`: {_code(schema_id)}")
    if "$schema" in schema:
        lines.append(f"- Dialect: {_code(str(schema['$schema']))}")
    lines.append("")
    if "description" in schema:
        lines += [_prose(schema["description"]), ""]
    return lines


def _conventions(defs: Mapping[str, Any]) -> list[str]:
    def see(*names: str) -> str:
        links = [_def_link(name, defs) for name in names if name in defs]
        return f" (see {', '.join(links)})" if links else ""

    return [
        "## Conventions",
        "",
        "- Property names are camelCase. Each object allows only the properties in its table.",
        "- Absent means unknown: a fact the posting does not state is left out. `null`, empty"
        " strings, empty lists and empty objects are never used, so the tables below do not"
        " repeat that every string and list must be non-empty.",
        "- There is one way to say each thing:",
        "  - dates are ISO 8601, a calendar date or a date-time with seconds and a UTC offset"
        + see("date", "dateOrDateTime")
        + ";",
        "  - countries are ISO 3166-1 alpha-2 codes and regions ISO 3166-2 codes"
        + see("countryCode", "regionCode")
        + ";",
        "  - currencies are ISO 4217 codes" + see("currencyCode") + ";",
        "  - languages are BCP 47 tags in canonical case" + see("languageTag") + ";",
        "  - amounts, counts and coordinates are JSON numbers, never strings with currency"
        " symbols, units or thousands separators.",
        "- Rich text is a sanitised HTML subset" + see("richText") + "; plain text carries no"
        " markup" + see("text") + "; lists hold one item per bullet point or paragraph"
        " of the posting" + see("textList") + ".",
        "- Verbatim wording sits next to the structured facts drawn from it (a `text` property"
        " beside the numbers and codes), so nothing the posting says is lost.",
        "- Data the schema does not model goes in `extensions`, under a format key (`jsonld`,"
        " `hropen`, ...) or a reverse domain name (`com.example.ats`).",
        "",
    ]


def _contents(defs: Mapping[str, Mapping[str, Any]]) -> list[str]:
    lines = ["## Contents", "", f"- {_def_link(TOP_LEVEL, defs)}: the top-level object"]
    for name, sub in defs.items():
        lines.append(f"- {_def_link(name, defs)}: {_summary(sub)}")
    return [*lines, ""]


def _summary(sub: Mapping[str, Any]) -> str:
    if "title" in sub:
        return _prose(str(sub["title"]))
    description = " ".join(str(sub.get("description", "")).split())
    match = _FIRST_SENTENCE.match(description)
    return _prose((match.group(1) if match else description).rstrip("."))


def _def_section(
    name: str,
    sub: Mapping[str, Any],
    defs: Mapping[str, Mapping[str, Any]],
    used_by: Mapping[str, list[tuple[str, str]]],
) -> list[str]:
    description = _prose(sub["description"]) if "description" in sub else ""
    if sub.get("type") == "object" or "properties" in sub:
        return _object_section(name, description, sub, defs, used_by)
    lines = [f"## {name}", ""]
    if description:
        lines += [description, ""]
    lines.append(f"- Type: {_type(sub, defs)}")
    lines += [f"- {sentence}" for sentence in _constraints(sub, defs)]
    return [*lines, "", *_used_by_line(name, defs, used_by)]


def _object_section(
    name: str,
    intro: str,
    sub: Mapping[str, Any],
    defs: Mapping[str, Mapping[str, Any]],
    used_by: Mapping[str, list[tuple[str, str]]],
) -> list[str]:
    lines = [f"## {name}", ""]
    if intro:
        lines += [intro, ""]
    properties: Mapping[str, Mapping[str, Any]] = sub.get("properties", {})
    required = set(sub.get("required", ()))
    if properties:
        lines += ["| Property | Type | Required | Description |", "|---|---|---|---|"]
        for prop, prop_schema in properties.items():
            description = " ".join(
                [_prose(prop_schema.get("description", "")), *_constraints(prop_schema, defs)]
            ).strip()
            cells = [
                _code(prop),
                _type(prop_schema, defs),
                "yes" if prop in required else "no",
                description,
            ]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
        lines.append("")
    rules = _constraints(sub, defs)
    if rules:
        lines += ["Rules:", "", *[f"- {rule}" for rule in rules], ""]
    return [*lines, *_used_by_line(name, defs, used_by)]


def _used_by_line(
    name: str, defs: Mapping[str, Any], used_by: Mapping[str, list[tuple[str, str]]]
) -> list[str]:
    users: dict[str, list[str]] = {}
    for section, prop in used_by.get(name, []):
        props = users.setdefault(section, [])
        if prop and _code(prop) not in props:
            props.append(_code(prop))
    if not users:
        return []
    parts = [
        _def_link(section, defs) + (f" ({', '.join(props)})" if props else "")
        for section, props in users.items()
    ]
    return [f"Used by: {', '.join(parts)}.", ""]


def _references(schema: Mapping[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Map each $defs name to the (section, property) places that refer to it, in page order."""
    found: dict[str, list[tuple[str, str]]] = {}
    sections = [(TOP_LEVEL, schema), *schema.get("$defs", {}).items()]
    for section, sub in sections:
        top = {k: v for k, v in sub.items() if k != "$defs"}
        for target, prop in _walk_refs(top, ""):
            if (section, prop) not in found.setdefault(target, []):
                found[target].append((section, prop))
    return found


def _walk_refs(node: Any, prop: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
            yield ref.removeprefix(_REF_PREFIX), prop
        for key, value in node.items():
            if key == "properties" and isinstance(value, Mapping):
                for name, child in value.items():
                    yield from _walk_refs(child, prop or name)
            elif key != "enum":
                yield from _walk_refs(value, prop)
    elif isinstance(node, list):
        for item in node:
            yield from _walk_refs(item, prop)


def _type(sub: Mapping[str, Any], defs: Mapping[str, Any]) -> str:
    """The Type column: a link for a $ref, ``array of X``, ``string (enum)``, ``string (uri)``."""
    if "$ref" in sub:
        return _ref_link(str(sub["$ref"]), defs)
    kind = sub.get("type")
    if kind is None and "anyOf" in sub and not _is_required_alternatives(sub["anyOf"]):
        return " or ".join(_type(alt, defs) for alt in sub["anyOf"])
    if isinstance(kind, list):
        return " or ".join(str(k) for k in kind)
    if kind == "array":
        items = sub.get("items")
        return f"array of {_type(items, defs)}" if isinstance(items, Mapping) else "array"
    if kind is None:
        return "any JSON value"
    qualifier = "enum" if "enum" in sub else sub.get("format")
    return f"{kind} ({qualifier})" if qualifier else str(kind)


def _constraints(sub: Mapping[str, Any], defs: Mapping[str, Any]) -> list[str]:
    """Sentences stating the value constraints of ``sub`` that the Type column does not show."""
    notes: list[str] = []
    if "enum" in sub:
        values = sub["enum"]
        if len(values) > ENUM_LIST_LIMIT:
            notes.append(f"One of {len(values)} codes (see schema).")
        else:
            notes.append("One of: " + ", ".join(_code(_json(v)) for v in values) + ".")
    if "pattern" in sub:
        notes.append(f"Pattern: {_code(sub['pattern'])}.")
    if "contentMediaType" in sub:
        notes.append(f"Media type: {_code(sub['contentMediaType'])}.")
    if sub.get("minLength", 1) != 1:
        notes.append(f"At least {sub['minLength']} characters.")
    if "maxLength" in sub:
        notes.append(f"At most {sub['maxLength']} characters.")
    if sub.get("minItems", 1) != 1:
        notes.append(f"At least {sub['minItems']} items.")
    if "maxItems" in sub:
        notes.append(f"At most {sub['maxItems']} items.")
    if sub.get("uniqueItems"):
        notes.append("Items are unique.")
    notes += [f"{words} {_json(sub[key])}." for key, words in _BOUNDS.items() if key in sub]
    if "minProperties" in sub:
        count = sub["minProperties"]
        notes.append(
            "At least one property must be given (an empty object is not allowed)."
            if count == 1
            else f"At least {count} properties must be given."
        )
    names = sub.get("propertyNames")
    if isinstance(names, Mapping) and set(names) == {"pattern"}:
        notes.append(f"Property names match {_code(names['pattern'])}.")
    elif names is not None:
        notes.append(f"Property names: {_code(_json(names))}.")
    if sub.get("additionalProperties") is True or isinstance(sub.get("additionalProperties"), dict):
        extra = sub["additionalProperties"]
        notes.append(
            "Other properties are allowed; their values are any JSON."
            if extra is True
            else f"Other properties must match {_code(_json(extra))}."
        )
    items = sub.get("items")
    if sub.get("type") == "array" and isinstance(items, Mapping) and "$ref" not in items:
        notes += _constraints(items, defs)
    if "anyOf" in sub and "type" not in sub and not _is_required_alternatives(sub["anyOf"]):
        for alt in sub["anyOf"]:
            alt_notes = _constraints(alt, defs)
            if alt_notes:
                notes.append(f"As {_type(alt, defs)}: {' '.join(alt_notes)}")
    notes += _object_rules(sub)
    notes += [
        f"{_code(key)}: {_code(_json(value))}."
        for key, value in sub.items()
        if key not in _STATED_KEYWORDS
    ]
    return notes


def _object_rules(sub: Mapping[str, Any]) -> list[str]:
    """Object-level rules in words: required alternatives (anyOf) and exclusions (not)."""
    rules: list[str] = []
    alternatives = sub.get("anyOf")
    if alternatives is not None and _is_required_alternatives(alternatives):
        choices = [_joined([_code(p) for p in alt["required"]], "and") for alt in alternatives]
        rules.append(f"Give at least one of {_joined(choices, 'or')}.")
    elif alternatives is not None and "type" in sub:
        rules.append(f"Must also match at least one of {_code(_json(alternatives))}.")
    excluded = sub.get("not")
    if excluded is not None:
        combos = excluded.get("anyOf", [excluded])
        if _is_required_alternatives(combos):
            pairs = [_joined([_code(p) for p in combo["required"]], "and") for combo in combos]
            rules.append(f"These may not be given together: {'; '.join(pairs)}.")
        else:
            rules.append(f"Must not match {_code(_json(excluded))}.")
    if sub.get("type") == "object" and "additionalProperties" not in sub:
        rules.append("Other properties are allowed.")
    return rules


def _is_required_alternatives(alternatives: Any) -> bool:
    return isinstance(alternatives, list) and all(
        isinstance(alt, Mapping) and set(alt) == {"required"} for alt in alternatives
    )


def _joined(items: Sequence[str], conjunction: str) -> str:
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _ref_link(ref: str, defs: Mapping[str, Any]) -> str:
    if not ref.startswith(_REF_PREFIX):
        return _code(ref)
    return _def_link(ref.removeprefix(_REF_PREFIX), defs)


def _def_link(name: str, defs: Mapping[str, Any]) -> str:
    if name != TOP_LEVEL and name not in defs:
        return _code(name)
    return f"[{name}](#{heading_anchor(name)})"


def _prose(text: str) -> str:
    """Collapse whitespace and escape what Markdown would read as markup."""
    return _MARKDOWN_SPECIAL.sub(lambda m: "\\" + m.group(0), " ".join(str(text).split()))


def _code(text: str) -> str:
    """An inline code span that survives backticks in ``text``."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if longest else text
    return f"{fence}{padded}{fence}"


def _cell(text: str) -> str:
    # GFM splits table rows on "|" before parsing code spans, so escape it everywhere in a cell.
    return text.replace("|", "\\|")


def _json(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the schema reference, or with ``--check PATH`` exit 1 when PATH is out of date."""
    parser = argparse.ArgumentParser(
        prog="python -m jobposting.schemadoc",
        description="Render docs/schema-reference.md from the canonical JSON Schema.",
    )
    parser.add_argument(
        "--check",
        metavar="PATH",
        type=Path,
        help="compare PATH with the rendered reference; exit 1 when they differ",
    )
    args = parser.parse_args(argv)
    rendered = render_schema_reference(load_schema())
    if args.check is None:
        sys.stdout.buffer.write(rendered.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    path: Path = args.check
    try:
        current = path.read_bytes()
    except OSError as error:
        sys.exit(f"{path}: cannot read ({error.strerror})")
    if current != rendered.encode("utf-8"):
        sys.exit(
            f"{path} is out of date with the schema; regenerate it with:\n"
            f"    python -m jobposting.schemadoc > {path}"
        )


if __name__ == "__main__":
    main()
