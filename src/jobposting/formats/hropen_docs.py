"""Crosswalk pages of the XML formats: the table in docs/formats/<key>.md, from mapping.toml.

``python -m jobposting.formats.hropen_docs`` rewrites the generated table of
docs/formats/hropen.md and docs/formats/hrxml3.md between their markers (``--check`` only
compares); everything outside the markers is hand-written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jobposting import crosswalk

KEYS = ("hropen", "hrxml3")
BEGIN = (
    "<!-- crosswalk: generated from converters/{key}/mapping.toml"
    " by jobposting.formats.hropen_docs -->"
)
END = "<!-- end of generated crosswalk -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_crosswalk(key: str) -> str:
    """Return the Markdown table of format ``key``'s crosswalk, one row per mapping row."""
    table = crosswalk.load(key)
    lines = [
        "| canonical path | " + key + " element | note |",
        "|---|---|---|",
    ]
    for row in table.rows:
        note = row.note or ""
        if row.hook:
            note = f"{note} (code: `{row.hook}`)".strip()
        lines.append(f"| `{row.canonical}` | `{_cell(row.target)}` | {_cell(note)} |")
    return "\n".join(lines) + "\n"


def update(page: str, key: str) -> str:
    """Return ``page`` with the generated region replaced by the current table."""
    begin = BEGIN.format(key=key)
    head, found, rest = page.partition(begin)
    if not found or END not in rest:
        raise ValueError(f"the page has no generated crosswalk region ({begin} ... {END})")
    _, _, tail = rest.partition(END)
    return f"{head}{begin}\n{render_crosswalk(key)}{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    """Rewrite (or with --check, compare) docs/formats/<key>.md for every XML format."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    docs = Path(next((a for a in args if not a.startswith("-")), "docs/formats"))
    stale = []
    for key in KEYS:
        path = docs / f"{key}.md"
        page = path.read_text(encoding="utf-8")
        current = update(page, key)
        if current != page:
            stale.append(str(path))
            if not check:
                path.write_text(current, encoding="utf-8")
    if check and stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
