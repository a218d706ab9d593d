"""Dates in postings: written dates in five languages and relative ones ("2 days ago").

Relative dates are read against an explicit ``now`` (never the clock): without one they are
reported and left out.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from jobposting.extract.places import fold

__all__ = ["DateMatch", "find_date"]

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janv janvier enero ene januari",
        "february feb februar fevr fev fevrier febrero februari",
        "march mar marz marzo mrt maart mars",
        "april apr avril abril avr",
        "may mai mayo mei",
        "june jun juni juin junio",
        "july jul juli juil juillet julio",
        "august aug aout agosto ago augustus",
        "september sep sept septembre septiembre set",
        "october oct oktober okt octobre octubre",
        "november nov novembre noviembre",
        "december dec dezember dez decembre diciembre dic",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year>\d{4})"
_WRITTEN = [
    re.compile(rf"\b{_YEAR}-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),  # Oct 21, 2025
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?{_YEAR}\b"),  # 21 de octubre de 2025
    re.compile(r"\b(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})\b"),
]
_UNITS = {
    "day": 1, "days": 1, "tag": 1, "tagen": 1, "tage": 1, "jour": 1, "jours": 1, "dia": 1,
    "dias": 1, "dag": 1, "dagen": 1, "d": 1,
    "week": 7, "weeks": 7, "woche": 7, "wochen": 7, "semaine": 7, "semaines": 7, "semana": 7,
    "semanas": 7, "weken": 7, "w": 7,
    "month": 30, "months": 30, "monat": 30, "monaten": 30, "monate": 30, "mois": 30, "mes": 30,
    "meses": 30, "maand": 30, "maanden": 30,
    "hour": 0, "hours": 0, "stunde": 0, "stunden": 0, "heure": 0, "heures": 0, "hora": 0,
    "horas": 0, "uur": 0, "minute": 0, "minutes": 0, "minuten": 0, "minutos": 0,
}  # fmt: skip
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "einem": 1,
    "einer": 1,
    "un": 1,
    "une": 1,
    "una": 1,
    "een": 1,
    "two": 2,
    "zwei": 2,
    "deux": 2,
    "dos": 2,
    "twee": 2,
    "three": 3,
    "drei": 3,
    "trois": 3,
    "tres": 3,
    "drie": 3,
}
_COUNT = r"(?P<count>\d{1,3}|[a-z]+)(?P<plus>\+)?"
_UNIT = r"(?P<unit>[a-z]+)"
_RELATIVE = [
    re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+ago\b"),  # en
    re.compile(rf"\bvor\s+(?:(?:mehr als|uber)\s+)?{_COUNT}\s+{_UNIT}\b"),  # de
    re.compile(rf"\bil y a\s+(?:plus de\s+)?{_COUNT}\s+{_UNIT}\b"),  # fr
    re.compile(rf"\bhace\s+(?:mas de\s+)?{_COUNT}\s+{_UNIT}\b"),  # es
    re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+geleden\b"),  # nl
]
_TODAY = re.compile(r"\b(today|just posted|heute|aujourd'hui|hoy|vandaag)\b")
_YESTERDAY = re.compile(r"\b(yesterday|gestern|hier|ayer|gisteren)\b")
_MORE_THAN = re.compile(r"\+|mehr als|uber|plus de|mas de|more than|over")


@attrs.frozen(kw_only=True)
class DateMatch:
    """A date read from text: the date, the span it was read from, and what was assumed."""

    date: dt.date | None
    span: tuple[int, int]
    relative: bool = False
    note: str | None = None
    code: str | None = None


def find_date(
    text: str, *, now: dt.datetime | dt.date | None = None, day_first: bool = True
) -> DateMatch | None:
    """Find the first date written in ``text``.

    Written dates: ``2025-10-21``, ``Oct 21, 2025``, ``21 October 2025``, ``21. Oktober 2025``,
    ``21 de octubre de 2025``, ``21/10/2025`` (day first unless ``day_first`` is false, as in
    the US; when both numbers could be the month the choice is reported). Relative dates:
    ``today``, ``yesterday``, ``2 days ago``, ``vor 3 Tagen``, ``il y a 2 jours``,
    ``hace 5 días``, ``3 dagen geleden``, ``30+ days ago`` (reported as approximate); they
    need ``now``, and without it the match has no date and says why.
    """
    folded = fold(text).replace("\u2019", "'")
    written = _written(text, day_first)
    relative = _relative(folded, now)
    if written and (relative is None or written.span[0] <= relative.span[0]):
        return written
    return relative


def _written(text: str, day_first: bool) -> DateMatch | None:
    for pattern in _WRITTEN:
        for match in pattern.finditer(text):
            found = _from_match(match, day_first)
            if found is not None:
                return found
    return None


def _from_match(match: re.Match[str], day_first: bool) -> DateMatch | None:
    groups = match.groupdict()
    note = code = None
    year = int(groups["year"])
    if groups.get("m"):
        month, day = int(groups["m"]), int(groups["d"])
    elif groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        day, month = (first, second) if day_first else (second, first)
        if first <= 12 and second <= 12 and first != second:
            order = "day first" if day_first else "month first"
            note, code = f"{match.group(0)!r} read {order}", "date-order-assumed"
        elif month > 12:
            day, month = month, day
    else:
        month_number = _MONTHS.get(fold(groups["month"]))
        if month_number is None:
            return None
        month, day = month_number, int(groups["day"])
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return DateMatch(date=date, span=match.span(), note=note, code=code)


def _relative(folded: str, now: dt.datetime | dt.date | None) -> DateMatch | None:
    found: tuple[int, int, int] | None = None  # (start, end, days)
    approximate = False
    for pattern in _RELATIVE:
        match = pattern.search(folded)
        if not match:
            continue
        count = match["count"]
        number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count)
        days_per = _UNITS.get(match["unit"])
        if number is None or days_per is None:
            continue
        if found is None or match.start() < found[0]:
            found = (match.start(), match.end(), number * days_per)
            approximate = bool(match["plus"]) or bool(_MORE_THAN.search(match.group(0)))
            approximate = approximate or days_per > 7
    for pattern, days in ((_TODAY, 0), (_YESTERDAY, 1)):
        match = pattern.search(folded)
        if match and (found is None or match.start() < found[0]):
            found, approximate = (match.start(), match.end(), days), False
    if found is None:
        return None
    start, end, days = found
    if now is None:
        return DateMatch(
            date=None,
            span=(start, end),
            relative=True,
            note="a relative date needs --now (the date it is relative to)",
            code="date-relative-without-now",
        )
    today = now.date() if isinstance(now, dt.datetime) else now
    written = folded[start:end]
    note = f"{written!r} read as {days} days before {today.isoformat()} (--now)"
    code = "date-relative"
    if approximate:
        note = f"{written!r} is approximate: read as {days} days before {today.isoformat()}"
        code = "date-relative-approximate"
    return DateMatch(
        date=today - dt.timedelta(days=days), span=(start, end), relative=True, note=note, code=code
    )
