"""The crosswalk table grammar: rows, hooks and the errors a malformed table gives."""

from __future__ import annotations

import pytest

from jobposting.crosswalk import CrosswalkError, Row, parse

TABLE = """
format = "demo"
description = "a demo table"

[[field]]
canonical = "/title"
target = "title"

[[field]]
canonical = "/compensation/basePay"
target = "baseSalary"
hook = "base_pay"
note = "one MonetaryAmount per range"

[[field]]
canonical = "/locations/*/locality"
target = "jobLocation[].address.addressLocality"
"""


def test_rows_hooks_and_preserved_paths() -> None:
    """Rows keep their order; hooks group rows; canonical paths are the preserved set."""
    table = parse(TABLE)
    assert table.format == "demo"
    assert table.rows[0] == Row(canonical="/title", target="title")
    assert table.hooks() == {"base_pay": [table.rows[1]]}
    assert table.canonical_paths == {"/title", "/compensation/basePay", "/locations/*/locality"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[field]]\ncanonical = "/title"\n', "field 1 needs canonical and target"),
        ('[[field]]\ncanonical = "title"\ntarget = "t"\n', "'title' is not a canonical path"),
        ('colour = "red"\n', "unknown top-level keys ['colour']"),
        ("[[field]\n", "<mapping.toml>: "),
    ],
)
def test_malformed_tables_are_refused(text: str, message: str) -> None:
    """Each grammar error names the table and the row."""
    with pytest.raises(CrosswalkError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse(text)
