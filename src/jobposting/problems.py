"""Problems found in a posting: where (JSON Pointer), what (message) and a stable code."""

from __future__ import annotations

import attrs


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a posting.

    ``pointer`` is an RFC 6901 JSON Pointer into the canonical JSON ("" is the whole posting),
    ``code`` a stable machine-readable identifier (e.g. ``schema.enum``,
    ``pay-range-min-exceeds-max``) and ``message`` the human explanation.
    """

    pointer: str
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.pointer or '/'}: {self.message}"


def json_type_name(value: object) -> str:
    """Name the JSON type of a parsed value for messages ("a string", "an object", ...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "a list"
    return "an object"
