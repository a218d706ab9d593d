"""docs/formats/jsonld.md is current with converters/jsonld/mapping.toml and the repair codes."""

from __future__ import annotations

from conftest import REPO
from jobposting import crosswalk
from jobposting._resources import load_schema
from jobposting.formats.jsonld_docs import render

PAGE = REPO / "docs" / "formats" / "jsonld.md"


def test_generated_parts_of_the_page_are_current() -> None:
    """The crosswalk, plain-mode losses and repair codes equal their rendering."""
    text = PAGE.read_text(encoding="utf-8")
    assert render(text) == text, (
        "docs/formats/jsonld.md is out of date: run"
        " `python -m jobposting.formats.jsonld_docs docs/formats/jsonld.md` and review the diff"
    )


def test_crosswalk_covers_every_top_level_property() -> None:
    """Each canonical property has at least one row (the format preserves everything)."""
    rows = crosswalk.load("jsonld").canonical_paths
    properties = load_schema()["properties"]
    missing = [name for name in properties if not any(r.split("/")[1] == name for r in rows)]
    assert missing == []
