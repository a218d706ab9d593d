"""Relative dates in JSON-LD are read against an explicit `now`, and only then."""

from __future__ import annotations

import datetime as dt

import jobposting
from jobposting.problems import Problem

NODE = (
    '{"@context": "https://schema.org", "@type": "JobPosting", "title": "Nurse",'
    ' "hiringOrganization": {"@type": "Organization", "name": "Clinic"},'
    ' "datePosted": "Posted 2 days ago", "validThrough": "in 3 days"}'
)


def test_relative_date_is_read_against_now_with_a_diagnostic() -> None:
    """With now, 'Posted 2 days ago' becomes a date; what stays unreadable stays kept."""
    (record,) = jobposting.records(NODE, "jsonld", now=dt.date(2025, 10, 23))
    assert record.posting is not None
    assert record.posting.date_posted == dt.date(2025, 10, 21)
    assert record.posting.extensions == {"jsonld": {"/validThrough": "in 3 days"}}
    assert record.diagnostics == (
        Problem(
            pointer="/validThrough",
            message="'in 3 days' is not a date",
            code="date.unparsed",
        ),
        Problem(
            pointer="/datePosted",
            message="'Posted 2 days ago' read as 2025-10-21 against now 2025-10-23",
            code="date.relative",
        ),
    )


def test_without_now_a_relative_date_is_kept_not_guessed() -> None:
    """No now, no date: the text is kept under extensions.jsonld with date.unparsed."""
    (record,) = jobposting.records(NODE, "jsonld")
    assert record.posting is not None
    assert record.posting.date_posted is None
    assert record.posting.extensions == {
        "jsonld": {"/datePosted": "Posted 2 days ago", "/validThrough": "in 3 days"}
    }
    assert [p.code for p in record.diagnostics] == ["date.unparsed", "date.unparsed"]
