"""Labelled values ("Location: Kirkland WA", "Req ID: RN-20931") into the draft."""

from __future__ import annotations

import datetime as dt
import re

from jobposting.extract.dates import find_date
from jobposting.extract.draft import Draft
from jobposting.extract.header import (
    add_employment_types,
    add_location,
    arrangement_of,
    employment_types_of,
)
from jobposting.extract.headings import Fact
from jobposting.extract.places import parse_place
from jobposting.model import Classification, Identifier, WorkArrangement, WorkHours

__all__ = ["read_fact", "read_schedule"]

#: A remark in brackets after a place ("New York, NY (HQ)").
_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def read_fact(
    draft: Draft,
    fact: Fact,
    value: str,
    text: str,
    *,
    now: dt.datetime | dt.date | None,
    day_first: bool,
) -> bool:
    """Put a labelled value where it goes; False when the value is not what the label says.

    Pay is not read here (its amounts need the pay parser and the router).
    """
    if fact is Fact.LOCATION:
        places = [
            p
            for part in re.split(r"\s*[/|;]\s*", value)
            if (p := parse_place(part) or parse_place(_REMARK.sub("", part)))
        ]
        for place in places:
            add_location(draft, place, text)
        kind = arrangement_of(value)
        if kind and draft.work_arrangement is None:
            draft.work_arrangement = WorkArrangement(type=kind)
            draft.note(
                "/workArrangement/type",
                "work-arrangement-from-words",
                f"{kind.value} read from {text!r}",
            )
        return bool(places) or kind is not None
    if fact in {Fact.DATE_POSTED, Fact.VALID_THROUGH, Fact.START_DATE}:
        date = find_date(value, now=now, day_first=day_first)
        if date is None or date.date is None:
            return False
        field = {
            Fact.DATE_POSTED: "date_posted",
            Fact.VALID_THROUGH: "valid_through",
            Fact.START_DATE: "start_date",
        }[fact]
        setattr(draft, field, date.date)
        if date.code and date.note:
            draft.note(f"/{fact.value}", date.code, date.note)
        return True
    if fact in {Fact.EMPLOYMENT_TYPE, Fact.HOURS}:
        return read_schedule(draft, value, text)
    if fact is Fact.INDUSTRY:
        draft.industries.append(Classification(name=value))
        return True
    if fact is Fact.OCCUPATION:
        code = re.match(r"(?P<code>\d{2}-\d{4}\.\d{2})\s+(?P<name>.+)", value)
        if code:
            draft.note(
                f"/occupationalCategories/{len(draft.occupations)}/scheme",
                "occupation-scheme-from-code",
                f"{code['code']!r} has the shape of an O*NET-SOC code",
            )
            draft.occupations.append(
                Classification(scheme="O*NET-SOC", code=code["code"], name=code["name"])
            )
        else:
            draft.occupations.append(Classification(name=value))
        return True
    if fact is Fact.DEPARTMENT and draft.department is None:
        draft.department = value
        return True
    if fact is Fact.REFERENCE and re.fullmatch(r"[\w./-]{2,40}", value):
        # The label names the scheme, as written ("Job ID", "Kennziffer").
        draft.identifiers.append(Identifier(scheme=text.partition(":")[0].strip(), value=value))
        return True
    if fact is Fact.DESCRIPTION:
        draft.description.append(("p", value))
        return True
    if fact is Fact.EMPLOYER and draft.employer is None:
        draft.employer = value
        return True
    return False


def read_schedule(draft: Draft, value: str, text: str) -> bool:
    """Employment types and weekly hours from "Hours: Full-time, 40 hours per week"."""
    kinds = employment_types_of(value)
    add_employment_types(draft, kinds, repr(text))
    hours = re.search(
        r"(\d+(?:[.,]\d+)?)\s*(?:hours|hrs|stunden|std|heures|horas|uur)", value, re.I
    )
    if hours:
        draft.work_hours = WorkHours(hours_per_week=_number(hours.group(1)), text=value)
        draft.note(
            "/workHours/hoursPerWeek",
            "work-hours-from-text",
            f"hours per week read from {text!r}",
        )
    return bool(kinds) or hours is not None


def _number(text: str) -> int | float:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value
