"""Finds the data shipped with jobposting: the schema, the crosswalks and the built-in examples.

An installed wheel carries ``schemas/``, ``converters/`` and the cases of ``tests/cases/`` under
``jobposting/_data/`` (hatchling force-include). An editable install does not see force-included
files, so each lookup falls back to the source checkout the package was imported from.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from jobposting.errors import ResourceNotFoundError

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_DIR = _PACKAGE_DIR.parents[1]

#: name inside jobposting/_data -> folder in the source checkout
_LAYOUT = {
    "schemas": "schemas",
    "converters": "converters",
    "examples": "tests/cases",
}

SCHEMA_FILE = "jobposting.schema.json"


def data_dir(name: str) -> Path:
    """Return the folder of shipped data ``name`` (schemas, converters or examples).

    Installed package data wins over the source checkout, so a wheel never reads files
    from whatever directory it happens to be run in.
    """
    try:
        relative = _LAYOUT[name]
    except KeyError:
        raise ResourceNotFoundError(f"no shipped data folder named {name!r}") from None
    for candidate in (_PACKAGE_DIR / "_data" / name, _CHECKOUT_DIR / relative):
        if candidate.is_dir():
            return candidate
    raise ResourceNotFoundError(
        f"jobposting data folder {name!r} is missing: neither the installed package "
        f"({_PACKAGE_DIR / '_data' / name}) nor a source checkout ({_CHECKOUT_DIR / relative}) "
        "has it; reinstall the package"
    )


def schema_path() -> Path:
    """Return the path of the canonical JSON Schema file."""
    path = data_dir("schemas") / SCHEMA_FILE
    if not path.is_file():
        raise ResourceNotFoundError(f"canonical schema missing at {path}; reinstall the package")
    return path


@functools.cache
def load_schema() -> dict[str, Any]:
    """Return the canonical JSON Schema as a dict (parsed once; do not mutate it)."""
    with schema_path().open(encoding="utf-8") as fp:
        schema: dict[str, Any] = json.load(fp)
    return schema


def schema_text() -> str:
    """Return the canonical JSON Schema exactly as shipped."""
    return schema_path().read_text(encoding="utf-8")


def example_names() -> list[str]:
    """Return the names of the built-in example postings, sorted."""
    return sorted(p.parent.name for p in data_dir("examples").glob("*/posting.json"))


def example_path(name: str) -> Path:
    """Return the canonical JSON file of built-in example ``name``."""
    path = data_dir("examples") / name / "posting.json"
    if not path.is_file():
        known = ", ".join(example_names())
        raise ResourceNotFoundError(f"no built-in example named {name!r} (known: {known})")
    return path
