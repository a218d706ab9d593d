"""Crosswalk tables: how a format's fields map to canonical paths (converters/<key>/mapping.toml).

A table is data, reviewed row by row by people who know the format. One ``[[field]]`` row says
that the canonical path ``canonical`` corresponds to the format path ``target``. Rows that need
logic name a ``hook``: a function of the format's module (``jobposting.formats.<key>``) that
handles that row. The grammar stays this small on purpose:

- ``canonical``: a JSON Pointer into the canonical posting, with ``*`` for every item of a list
  (``/locations/*/locality``).
- ``target``: the format's own path, written as that format's docs write it (``jobLocation[].address
  .addressLocality`` for JSON-LD, ``PositionProfile/PositionLocation/Address/CityName`` for XML).
- ``hook`` (optional): name of the function that maps this row.
- ``note`` (optional): what a reviewer should know (a vocabulary, a loss, a Google rule).

The set of canonical paths of a table is what the format declares it preserves.
"""

from __future__ import annotations

import functools
import re
import tomllib

import attrs

from jobposting._resources import data_dir
from jobposting.errors import ResourceNotFoundError

_CANONICAL = re.compile(r"^(/([A-Za-z][A-Za-z0-9]*|\*))+$")


class CrosswalkError(ResourceNotFoundError):
    """A crosswalk table is missing or breaks the table grammar."""


@attrs.frozen(kw_only=True)
class Row:
    """One row of a crosswalk: a canonical path and the format path it maps to."""

    canonical: str
    target: str
    hook: str | None = None
    note: str | None = None


@attrs.frozen(kw_only=True)
class Crosswalk:
    """A format's crosswalk table."""

    format: str
    description: str
    rows: tuple[Row, ...]

    @property
    def canonical_paths(self) -> frozenset[str]:
        """The canonical paths this table maps (what the format preserves)."""
        return frozenset(row.canonical for row in self.rows)

    def hooks(self) -> dict[str, list[Row]]:
        """Rows that need code, grouped by hook name."""
        grouped: dict[str, list[Row]] = {}
        for row in self.rows:
            if row.hook:
                grouped.setdefault(row.hook, []).append(row)
        return grouped


def parse(text: str, *, source: str = "<mapping.toml>") -> Crosswalk:
    """Parse a crosswalk table, checking its grammar."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CrosswalkError(f"{source}: {error}") from None
    unknown = set(data) - {"format", "description", "field"}
    if unknown:
        raise CrosswalkError(f"{source}: unknown top-level keys {sorted(unknown)}")
    rows = []
    for number, raw in enumerate(data.get("field", []), start=1):
        extra = set(raw) - {"canonical", "target", "hook", "note"}
        if extra or "canonical" not in raw or "target" not in raw:
            raise CrosswalkError(
                f"{source}: field {number} needs canonical and target, and only hook and note "
                f"besides (got {sorted(raw)})"
            )
        if not _CANONICAL.match(raw["canonical"]):
            raise CrosswalkError(
                f"{source}: field {number}: {raw['canonical']!r} is not a canonical path "
                "(JSON Pointer of property names, * for list items)"
            )
        rows.append(Row(**raw))
    return Crosswalk(
        format=str(data.get("format", "")), description=str(data.get("description", "")),
        rows=tuple(rows),
    )  # fmt: skip


@functools.cache
def load(key: str) -> Crosswalk:
    """Load the shipped crosswalk of format ``key`` (converters/<key>/mapping.toml)."""
    path = data_dir("converters") / key / "mapping.toml"
    if not path.is_file():
        raise CrosswalkError(f"format {key!r} has no crosswalk table at {path}")
    table = parse(path.read_text(encoding="utf-8"), source=str(path))
    if table.format != key:
        raise CrosswalkError(f"{path}: declares format {table.format!r}, expected {key!r}")
    return table
