"""Posted dates: written forms in five languages and relative forms against an explicit now."""

from __future__ import annotations

import datetime as dt

import pytest

from jobposting.extract.dates import find_date

NOW = dt.date(2025, 11, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 21, 2025", "2025-10-21"),
        ("October 21st, 2025", "2025-10-21"),
        ("21 October 2025", "2025-10-21"),
        ("2025-10-21", "2025-10-21"),
        ("21. Oktober 2025", "2025-10-21"),
        ("21.10.2025", "2025-10-21"),
        ("21 octobre 2025", "2025-10-21"),
        ("21 de octubre de 2025", "2025-10-21"),
        ("21 oktober 2025", "2025-10-21"),
        ("Date Posted: 2011-10-31", "2011-10-31"),
        ("3. März 2025", "2025-03-03"),
        ("1er février 2025", "2025-02-01"),
    ],
)
def test_written_dates(text: str, expected: str) -> None:
    """Month names and numeric orders of the five languages give the same date."""
    found = find_date(text)
    assert found is not None
    assert found.date == dt.date.fromisoformat(expected)
    assert found.code is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Posted 2 days ago", 2),
        ("3 weeks ago", 21),
        ("today", 0),
        ("yesterday", 1),
        ("vor 3 Tagen", 3),
        ("il y a 2 jours", 2),
        ("hace 5 días", 5),
        ("3 dagen geleden", 3),
        ("gisteren", 1),
        ("a day ago", 1),
    ],
)
def test_relative_dates_count_back_from_now(text: str, days: int) -> None:
    """Relative dates are NOW minus the days they say, and each is reported."""
    found = find_date(text, now=NOW)
    assert found is not None
    assert found.relative
    assert found.date == NOW - dt.timedelta(days=days)
    assert found.code == "date-relative"


def test_relative_date_without_now_has_no_date_and_says_why() -> None:
    """The clock is never read: without now a relative date is reported and left out."""
    found = find_date("Posted 2 days ago")
    assert found is not None
    assert (found.date, found.code) == (None, "date-relative-without-now")


def test_open_ended_relative_dates_are_reported_as_approximate() -> None:
    """ "30+ days ago" is at least 30 days: read as 30 and reported as approximate."""
    found = find_date("30+ days ago", now=NOW)
    assert found is not None
    assert (found.date, found.code) == (NOW - dt.timedelta(days=30), "date-relative-approximate")


def test_ambiguous_numeric_order_is_reported() -> None:
    """03/04/2025 is read day first (or month first for US English) and the choice is said."""
    day_first = find_date("03/04/2025")
    month_first = find_date("03/04/2025", day_first=False)
    assert day_first is not None
    assert month_first is not None
    assert (day_first.date, day_first.code) == (dt.date(2025, 4, 3), "date-order-assumed")
    assert month_first.date == dt.date(2025, 3, 4)
    unambiguous = find_date("25/04/2025", day_first=False)
    assert unambiguous is not None
    assert unambiguous.date == dt.date(2025, 4, 25)


def test_no_date() -> None:
    """Text without a date gives None; impossible dates are not dates."""
    assert find_date("Lead Machine Learning Engineer") is None
    assert find_date("31.02.2025") is None
