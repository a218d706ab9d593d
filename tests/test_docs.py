"""Tests of the documentation: the generated schema reference, schema descriptions and doc links."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from jobposting._resources import load_schema
from jobposting.schemadoc import heading_anchor, main, render_schema_reference

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
REFERENCE = DOCS / "schema-reference.md"
REGENERATE = (
    "run `pytest tests/test_docs.py --accept` "
    "(or `python -m jobposting.schemadoc > docs/schema-reference.md`) and review the diff"
)

_FENCED_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(`+).+?\1", re.DOTALL)
_BACKSLASH_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", re.MULTILINE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return load_schema()


def test_committed_schema_reference_is_rendered_from_the_schema(
    schema: dict[str, Any], accept: bool
) -> None:
    """docs/schema-reference.md is the renderer's output byte for byte; --accept rewrites it."""
    rendered = render_schema_reference(schema).encode("utf-8")
    if accept:
        REFERENCE.write_bytes(rendered)
    assert REFERENCE.is_file(), f"{REFERENCE.relative_to(REPO)} is missing; {REGENERATE}"
    assert REFERENCE.read_bytes() == rendered, (
        f"{REFERENCE.relative_to(REPO)} is out of date with the schema; {REGENERATE}"
    )


def test_schema_reference_is_deterministic(schema: dict[str, Any]) -> None:
    """Rendering twice gives the same text, ending in exactly one newline."""
    first = render_schema_reference(schema)
    assert first == render_schema_reference(schema)
    assert first.endswith("\n")
    assert not first.endswith("\n\n")


def _object_schemas(schema: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """The top-level object and every object with properties below it, named by JSON Pointer."""

    def walk(node: Any, pointer: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
        if isinstance(node, Mapping):
            if isinstance(node.get("properties"), Mapping):
                yield pointer, node
            for key, value in node.items():
                if key != "enum":
                    yield from walk(value, f"{pointer}/{key}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(item, f"{pointer}/{index}")

    yield from walk(schema, "#")


def test_every_property_has_a_description(schema: dict[str, Any]) -> None:
    """Each property of the posting and of every $defs object says what it is for."""
    undocumented = [
        f"{pointer}/properties/{name}"
        for pointer, node in _object_schemas(schema)
        for name, prop in node["properties"].items()
        if not str(prop.get("description", "")).strip()
    ]
    assert undocumented == []


def test_every_definition_has_a_description(schema: dict[str, Any]) -> None:
    """Each $defs entry carries a description, which becomes the intro of its section."""
    assert [name for name, sub in schema["$defs"].items() if not sub.get("description")] == []


def test_every_definition_has_a_section_in_the_reference(schema: dict[str, Any]) -> None:
    """The reference has one heading per $defs entry, and its anchor is the one links use."""
    anchors = _anchors(render_schema_reference(schema))
    missing = [name for name in schema["$defs"] if heading_anchor(name) not in anchors]
    assert missing == []


def test_schema_is_valid_draft_2020_12(schema: dict[str, Any]) -> None:
    """The canonical schema passes the JSON Schema Draft 2020-12 meta-schema."""
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def _markdown_files() -> list[Path]:
    return sorted([*DOCS.glob("*.md"), REPO / "README.md"])


def _without_code(markdown: str) -> str:
    """Drop code and backslash-escaped punctuation, neither of which can form a link."""
    return _BACKSLASH_ESCAPE.sub("", _INLINE_CODE.sub("", _FENCED_CODE.sub("", markdown)))


def _anchors(markdown: str) -> set[str]:
    """Heading anchors as GitHub makes them, repeated headings getting -1, -2, ..."""
    anchors: set[str] = set()
    for heading in _HEADING.findall(_FENCED_CODE.sub("", markdown)):
        base = heading_anchor(heading)
        anchor, n = base, 0
        while anchor in anchors:
            n += 1
            anchor = f"{base}-{n}"
        anchors.add(anchor)
    return anchors


def _relative_links(markdown: str) -> list[str]:
    text = _without_code(markdown)
    targets = _INLINE_LINK.findall(text) + _REFERENCE_LINK.findall(text)
    return [t for t in targets if not _SCHEME.match(t)]


@pytest.mark.parametrize("doc", _markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_resolve(doc: Path) -> None:
    """Every relative link points to a file that exists; links into the reference to a heading."""
    if not doc.is_file():
        pytest.skip(f"{doc.relative_to(REPO)} does not exist yet")
    broken = []
    for target in _relative_links(doc.read_text(encoding="utf-8")):
        path_part, _, fragment = target.partition("#")
        resolved = (doc.parent / path_part).resolve() if path_part else doc
        if not resolved.exists():
            broken.append(f"{target}: no such file")
        elif (
            fragment
            and resolved == REFERENCE
            and fragment not in _anchors(REFERENCE.read_text(encoding="utf-8"))
        ):
            broken.append(f"{target}: no heading with anchor #{fragment}")
    assert broken == [], f"broken links in {doc.relative_to(REPO)}"


def test_long_enums_are_counted_and_short_ones_listed() -> None:
    """An enum of more than 20 values is summarised; a short one is listed as code."""
    schema = {
        "$defs": {
            "big": {"type": "string", "description": "Big.", "enum": [f"V{i}" for i in range(21)]},
            "small": {"type": "string", "description": "Small.", "enum": ["A", "B"]},
        }
    }
    page = render_schema_reference(schema)
    assert "One of 21 codes (see schema)." in page
    assert "V20" not in page
    assert "One of: `A`, `B`." in page


def test_object_tables_link_refs_and_state_rules_in_words() -> None:
    """Refs link to their section, pipes in patterns are escaped, anyOf/not become sentences."""
    schema = {
        "type": "object",
        "properties": {
            "places": {
                "type": "array",
                "description": "Places.",
                "items": {"$ref": "#/$defs/place"},
            },
            "code": {"type": "string", "description": "Code.", "pattern": "^(a|b)$"},
        },
        "$defs": {
            "place": {
                "type": "object",
                "description": "A place.",
                "properties": {
                    "a": {"type": "number", "description": "A."},
                    "b": {"type": "number", "description": "B."},
                    "c": {"type": "number", "description": "C."},
                },
                "additionalProperties": False,
                "anyOf": [{"required": ["a"]}, {"required": ["b"]}],
                "not": {"required": ["a", "c"]},
            }
        },
    }
    page = render_schema_reference(schema)
    assert "| `places` | array of [place](#place) | no | Places. |" in page
    assert r"Pattern: `^(a\|b)$`." in page
    assert "- Give at least one of `a` or `b`." in page
    assert "- These may not be given together: `a` and `c`." in page
    assert "Used by: [Posting](#posting) (`places`)." in page


def test_definition_names_that_collide_with_a_heading_are_refused() -> None:
    """Two headings with one anchor would make links ambiguous, so rendering stops."""
    with pytest.raises(ValueError, match="share the anchor #contents"):
        render_schema_reference({"$defs": {"contents": {"type": "string"}}})


def test_check_option_passes_on_current_file_and_fails_on_stale_one(
    tmp_path: Path, schema: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m jobposting.schemadoc --check PATH` exits 1 with advice when PATH differs."""
    current = tmp_path / "current.md"
    current.write_bytes(render_schema_reference(schema).encode("utf-8"))
    main(["--check", str(current)])

    stale = tmp_path / "stale.md"
    stale.write_text("# old\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["--check", str(stale)])
    assert exit_info.value.code == (
        f"{stale} is out of date with the schema; regenerate it with:\n"
        f"    python -m jobposting.schemadoc > {stale}"
    )
    assert capsys.readouterr().out == ""
