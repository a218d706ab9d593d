"""The generated parts of docs/formats/jsonld.md: the crosswalk table and the repair codes.

``python -m jobposting.formats.jsonld_docs docs/formats/jsonld.md`` rewrites the parts between
the ``<!-- generated: NAME -->`` and ``<!-- end: NAME -->`` markers; ``--check`` only says
whether they are current (a test runs the same check).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from jobposting import crosswalk
from jobposting.formats.jsonld_values import REPAIR_CODES


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def crosswalk_table() -> str:
    """The crosswalk of converters/jsonld/mapping.toml as a Markdown table."""
    table = crosswalk.load("jsonld")
    lines = ["| canonical | schema.org | note |", "|---|---|---|"]
    for row in table.rows:
        note = row.note or ""
        if row.hook:
            note = f"{note} (hook `{row.hook}`)".strip()
        lines.append(f"| `{row.canonical}` | {_cell(row.target)} | {_cell(note)} |")
    return "\n".join(lines)


def lost_in_plain_mode() -> str:
    """The canonical paths plain schema.org output cannot carry (rows that need jp:canonical)."""
    table = crosswalk.load("jsonld")
    paths = [row.canonical for row in table.rows if "jp:canonical" in row.target]
    return "\n".join(f"- `{path}`" for path in paths)


def repair_codes() -> str:
    """The reader's diagnostic codes as a Markdown table."""
    lines = ["| code | meaning |", "|---|---|"]
    lines += [f"| `{code}` | {_cell(meaning)} |" for code, meaning in sorted(REPAIR_CODES.items())]
    return "\n".join(lines)


PARTS = {
    "crosswalk": crosswalk_table,
    "plain-losses": lost_in_plain_mode,
    "repair-codes": repair_codes,
}


def render(text: str) -> str:
    """The page with every generated part replaced by its current rendering."""
    for name, make in PARTS.items():
        pattern = re.compile(
            rf"(<!-- generated: {name} -->\n)(?:.*?\n)?(<!-- end: {name} -->)", re.S
        )
        match = pattern.search(text)
        if match:
            text = text[: match.end(1)] + make() + "\n" + text[match.start(2) :]
    return text


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with --check, verify) the generated parts of the page named."""
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    paths = [a for a in args if a != "--check"] or ["docs/formats/jsonld.md"]
    status = 0
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        rendered = render(text)
        if rendered != text:
            if check:
                print(f"{path}: generated parts are out of date", file=sys.stderr)
                status = 1
            else:
                path.write_text(rendered, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
