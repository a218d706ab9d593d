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
