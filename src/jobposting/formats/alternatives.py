"""Groups of alternatives (entries that share an ``alternativeGroup``) as pages show them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["runs"]

Entry = TypeVar("Entry", bound=Mapping[str, Any])


def runs(values: Sequence[Entry]) -> list[tuple[list[Entry], bool]]:
    """The entries in order, neighbours that share a group in one run, each run with whether it
    is a whole group standing together (two or more entries, every entry of its group), which a
    page shows as one item: "One of: Java, Kotlin"."""
    sizes: dict[str, int] = {}
    for value in values:
        if "alternativeGroup" in value:
            sizes[value["alternativeGroup"]] = sizes.get(value["alternativeGroup"], 0) + 1
    found: list[list[Entry]] = []
    for value in values:
        key = value.get("alternativeGroup")
        if found and key is not None and found[-1][-1].get("alternativeGroup") == key:
            found[-1].append(value)
        else:
            found.append([value])
    return [
        (run, (key := run[0].get("alternativeGroup")) is not None and 2 <= len(run) == sizes[key])
        for run in found
    ]
