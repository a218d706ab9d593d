"""The crosswalk pages of the XML formats are generated from converters/<key>/mapping.toml."""

from __future__ import annotations

import pytest

from conftest import REPO
from jobposting import crosswalk
from jobposting.formats import hropen_docs

DOCS = REPO / "docs" / "formats"


@pytest.mark.parametrize("key", hropen_docs.KEYS)
def test_crosswalk_page_is_current(key: str, accept: bool) -> None:
    """docs/formats/<key>.md holds exactly the table rendered from its mapping.toml."""
    path = DOCS / f"{key}.md"
    page = path.read_text(encoding="utf-8")
    current = hropen_docs.update(page, key)
    if accept:
        path.write_text(current, encoding="utf-8")
    assert page == current, (
        f"{path.relative_to(REPO)} is out of date; run `python -m jobposting.formats.hropen_docs`"
    )


@pytest.mark.parametrize("key", hropen_docs.KEYS)
def test_every_mapping_row_is_in_the_page(key: str) -> None:
    """Each row of the table appears on the page (one row per canonical path)."""
    page = (DOCS / f"{key}.md").read_text(encoding="utf-8")
    for row in crosswalk.load(key).rows:
        assert f"| `{row.canonical}` |" in page


def test_a_page_without_markers_is_refused() -> None:
    """The generator never guesses where the table goes."""
    with pytest.raises(ValueError, match="no generated crosswalk region"):
        hropen_docs.update("# hropen\n", "hropen")
