"""Relative dates in JSON-LD ("Posted 2 days ago") read against ``ReadOptions.now``.

The node mapping keeps a date it cannot read under ``extensions.jsonld`` with a
``date.unparsed`` diagnostic; when the caller says what "now" is, a relative date there becomes a
real date with a ``date.relative`` diagnostic instead (FIELD-NOTES: relative text in the wild).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from jobposting.extract.dates import find_date
from jobposting.problems import Problem

#: JSON-LD pointer of a date property -> the canonical property it maps to
_DATE_FIELDS = {
    "/datePosted": "datePosted",
    "/validThrough": "validThrough",
    "/jobStartDate": "startDate",
}


def resolve_relative_dates(
    document: dict[str, Any],
    diagnostics: tuple[Problem, ...],
    now: dt.datetime | dt.date | None,
) -> tuple[dict[str, Any], tuple[Problem, ...]]:
    """Return the document and diagnostics with relative dates read against ``now``."""
    extensions = document.get("extensions")
    kept = extensions.get("jsonld") if isinstance(extensions, dict) else None
    if now is None or not isinstance(kept, dict):
        return document, diagnostics
    resolved: dict[str, tuple[str, dt.date, str]] = {}
    for where, field in _DATE_FIELDS.items():
        raw = kept.get(where)
        if not isinstance(raw, str) or field in document:
            continue
        match = find_date(raw, now=now)
        if match is not None and match.relative and match.date is not None:
            resolved[where] = (field, match.date, raw)
    if not resolved:
        return document, diagnostics
    assert isinstance(extensions, dict)
    remaining = {key: value for key, value in kept.items() if key not in resolved}
    others = {key: value for key, value in extensions.items() if key != "jsonld"}
    if remaining:
        others["jsonld"] = remaining
    result = {key: value for key, value in document.items() if key != "extensions"}
    if others:
        result["extensions"] = others
    notes = tuple(
        p for p in diagnostics if not (p.code == "date.unparsed" and p.pointer in resolved)
    )
    for where, (field, day, raw) in resolved.items():
        result[field] = day.isoformat()
        message = f"{raw!r} read as {day.isoformat()} against now {now.isoformat()}"
        notes += (Problem(pointer=where, message=message, code="date.relative"),)
    return result, notes
