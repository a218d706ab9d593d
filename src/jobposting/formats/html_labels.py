"""Words people read on a job page: labels of enum values, dates, amounts and places.

The HTML and Markdown writers share these so a posting reads the same in both. Labels are
English, or German for a posting in German (``speaking("de-DE")``); the machine value always
travels next to the label, so a reader never parses them.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterator
from typing import Any

from jobposting.formats.html_labels_de import GERMAN, MONTHS

_LANGUAGE = contextvars.ContextVar("jobposting_label_language", default="en")


@contextlib.contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Write labels in German for a ``de`` posting, in English for any other, inside the block."""
    german = bool(language) and str(language).split("-")[0].lower() == "de"
    token = _LANGUAGE.set("de" if german else "en")
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def german() -> bool:
    """True while labels are written in German."""
    return _LANGUAGE.get() == "de"


def say(english: str) -> str:
    """A label in the current language (its English form when there is no translation)."""
    return GERMAN.get(english, english) if german() else english


class _Labels(dict[str, str]):
    """Labels of enum values; looking one up says it in the current language."""

    def __getitem__(self, key: str) -> str:
        return say(super().__getitem__(key))


EMPLOYMENT_TYPES = _Labels({
    "FULL_TIME": "Full-time", "PART_TIME": "Part-time", "CONTRACTOR": "Contract",
    "TEMPORARY": "Temporary", "INTERN": "Internship", "VOLUNTEER": "Volunteer",
    "PER_DIEM": "Per diem", "OTHER": "Other",
})  # fmt: skip
WORK_ARRANGEMENTS = _Labels({"ONSITE": "On-site", "HYBRID": "Hybrid", "REMOTE": "Remote"})
STATUSES = _Labels({
    "DRAFT": "Draft", "OPEN": "Open", "ON_HOLD": "On hold", "CLOSED": "Closed",
    "FILLED": "Filled", "CANCELLED": "Cancelled",
})  # fmt: skip
PERIODS = _Labels({"HOUR": "per hour", "DAY": "per day", "WEEK": "per week", "MONTH": "per month",
           "YEAR": "per year"})  # fmt: skip
BASES = _Labels({"FULL_TIME": "full-time basis", "PART_TIME": "part-time basis"})
INCENTIVES = _Labels({
    "BONUS": "Bonus", "SIGN_ON_BONUS": "Sign-on bonus", "COMMISSION": "Commission",
    "EQUITY": "Equity", "LONG_TERM_INCENTIVE": "Long-term incentive",
    "PROFIT_SHARING": "Profit sharing", "TIPS": "Tips", "OVERTIME": "Overtime pay",
    "OTHER": "Other incentive",
})  # fmt: skip
EDUCATION_LEVELS = _Labels({
    "HIGH_SCHOOL": "High school", "VOCATIONAL": "Vocational training",
    "ASSOCIATE_DEGREE": "Associate degree", "BACHELOR_DEGREE": "Bachelor's degree",
    "MASTER_DEGREE": "Master's degree", "DOCTORATE": "Doctorate",
    "POSTGRADUATE_DEGREE": "Postgraduate degree",
    "PROFESSIONAL_CERTIFICATE": "Professional certificate",
})  # fmt: skip
REQUIREMENTS = _Labels({"REQUIRED": "required", "PREFERRED": "preferred"})
CREDENTIAL_KINDS = _Labels(
    {"LICENSE": "Licence", "REGISTRATION": "Registration", "CERTIFICATION": "Certification"}
)
LANGUAGE_LEVELS = _Labels({
    "A1": "A1 (beginner)", "A2": "A2 (elementary)", "B1": "B1 (intermediate)",
    "B2": "B2 (upper intermediate)", "C1": "C1 (advanced)", "C2": "C2 (proficient)",
    "NATIVE": "native",
})  # fmt: skip
VISA_SPONSORSHIP = _Labels({
    "YES": "Visa sponsorship available", "NO": "No visa sponsorship",
    "UNKNOWN": "Visa sponsorship not stated",
})  # fmt: skip
CONTACT_ROLES = _Labels({
    "RECRUITER": "Recruiter", "HIRING_MANAGER": "Hiring manager", "HR": "Human resources",
    "ACCOMMODATION": "Accommodations", "TECHNICAL_SUPPORT": "Technical support",
    "GENERAL": "General enquiries", "OTHER": "Contact",
})  # fmt: skip
LEGAL_KINDS = _Labels({
    "EQUAL_OPPORTUNITY": "Equal opportunity", "FAIR_CHANCE": "Fair chance",
    "PAY_TRANSPARENCY": "Pay transparency", "ACCOMMODATION": "Accommodation",
    "DRUG_FREE_WORKPLACE": "Drug-free workplace", "E_VERIFY": "E-Verify",
    "DATA_PRIVACY": "Data privacy", "AGENCY": "Agencies", "DISCLAIMER": "Disclaimer",
    "OTHER": "Notice",
})  # fmt: skip
SOURCE_FORMATS = {
    "json": "canonical JSON", "jsonl": "canonical JSON Lines", "jsonld": "schema.org JSON-LD",
    "hropen": "HR Open 4.3", "hrxml3": "HR-XML 3.2", "html": "HTML", "text": "plain text",
    "markdown": "Markdown",
}  # fmt: skip

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def moment(value: str) -> str:
    """Say a canonical date or date-time for people: ``21 October 2025, 09:30 (UTC+01:00)``."""
    stamp = dt.datetime.fromisoformat(value) if "T" in value else None
    day = stamp.date() if stamp else dt.date.fromisoformat(value)
    if german():
        said = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    else:
        said = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    if stamp is None:
        return said
    offset = value[19:].lstrip(".0123456789")
    zone = "UTC" if offset == "Z" else f"UTC{offset}"
    clock = f"{stamp:%H:%M} Uhr" if german() else f"{stamp:%H:%M}"
    return f"{said}, {clock} ({zone})"


def amount(value: int | float) -> str:
    """Write an amount with thousands separators; fractions get two decimals (12.75, 13.40)."""
    said = f"{value:,.0f}" if isinstance(value, int) or value.is_integer() else f"{value:,.2f}"
    # German swaps the separators: 3.800 and 12,75.
    return said.translate(str.maketrans(",.", ".,")) if german() else said


def percent(value: int | float) -> str:
    """Write a percentage without its sign: ``15``, ``12.5`` (German ``12,5``)."""
    said = f"{value:,.0f}" if isinstance(value, int) or value.is_integer() else f"{value:,}"
    return said.translate(str.maketrans(",.", ".,")) if german() else said


def months(value: int) -> str:
    """Say a duration in months the way postings do: ``6 years``, ``18 months``."""
    years, rest = divmod(value, 12)
    if german():
        return (f"{years} Jahr" + ("e" if years != 1 else "")) if not rest else (
            f"{value} Monat" + ("e" if value != 1 else "")
        )  # fmt: skip
    if not rest:
        return f"{years} year" if years == 1 else f"{years} years"
    return f"{value} month" if value == 1 else f"{value} months"


def experience(value: int) -> str:
    """Say an amount of experience: ``6 years of experience``, ``No experience``."""
    if value == 0:
        return say("No experience")
    return f"{months(value)} Berufserfahrung" if german() else f"{months(value)} of experience"


def hours(value: int | float) -> str:
    """Say weekly hours: ``38.5 hours per week``."""
    said = f"{value:g}" if isinstance(value, float) else str(value)
    if german():
        return f"{said.replace('.', ',')} Stunden pro Woche"
    return f"{said} hours per week"


def place(parts: dict[str, Any]) -> str:
    """Join the parts of a place that people read (label first), skipping absent ones."""
    keys = ("label", "streetAddress", "locality", "region", "postalCode", "regionCode", "country")
    return ", ".join(str(parts[k]) for k in keys if parts.get(k))
