"""Words people read on a job page: labels of enum values, dates, amounts and places.

The HTML and Markdown writers share these so a posting reads the same in both. Labels are
English; the machine value always travels next to the label, so a reader never parses them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

EMPLOYMENT_TYPES = {
    "FULL_TIME": "Full-time", "PART_TIME": "Part-time", "CONTRACTOR": "Contract",
    "TEMPORARY": "Temporary", "INTERN": "Internship", "VOLUNTEER": "Volunteer",
    "PER_DIEM": "Per diem", "OTHER": "Other",
}  # fmt: skip
WORK_ARRANGEMENTS = {"ONSITE": "On-site", "HYBRID": "Hybrid", "REMOTE": "Remote"}
STATUSES = {
    "DRAFT": "Draft", "OPEN": "Open", "ON_HOLD": "On hold", "CLOSED": "Closed",
    "FILLED": "Filled", "CANCELLED": "Cancelled",
}  # fmt: skip
PERIODS = {"HOUR": "per hour", "DAY": "per day", "WEEK": "per week", "MONTH": "per month",
           "YEAR": "per year"}  # fmt: skip
BASES = {"FULL_TIME": "full-time basis", "PART_TIME": "part-time basis"}
INCENTIVES = {
    "BONUS": "Bonus", "SIGN_ON_BONUS": "Sign-on bonus", "COMMISSION": "Commission",
    "EQUITY": "Equity", "LONG_TERM_INCENTIVE": "Long-term incentive",
    "PROFIT_SHARING": "Profit sharing", "TIPS": "Tips", "OVERTIME": "Overtime pay",
    "OTHER": "Other incentive",
}  # fmt: skip
EDUCATION_LEVELS = {
    "HIGH_SCHOOL": "High school", "VOCATIONAL": "Vocational training",
    "ASSOCIATE_DEGREE": "Associate degree", "BACHELOR_DEGREE": "Bachelor's degree",
    "MASTER_DEGREE": "Master's degree", "DOCTORATE": "Doctorate",
    "POSTGRADUATE_DEGREE": "Postgraduate degree",
    "PROFESSIONAL_CERTIFICATE": "Professional certificate",
}  # fmt: skip
REQUIREMENTS = {"REQUIRED": "required", "PREFERRED": "preferred"}
LANGUAGE_LEVELS = {
    "A1": "A1 (beginner)", "A2": "A2 (elementary)", "B1": "B1 (intermediate)",
    "B2": "B2 (upper intermediate)", "C1": "C1 (advanced)", "C2": "C2 (proficient)",
    "NATIVE": "native",
}  # fmt: skip
VISA_SPONSORSHIP = {
    "YES": "Visa sponsorship available", "NO": "No visa sponsorship",
    "UNKNOWN": "Visa sponsorship not stated",
}  # fmt: skip
CONTACT_ROLES = {
    "RECRUITER": "Recruiter", "HIRING_MANAGER": "Hiring manager", "HR": "Human resources",
    "ACCOMMODATION": "Accommodations", "TECHNICAL_SUPPORT": "Technical support",
    "GENERAL": "General enquiries", "OTHER": "Contact",
}  # fmt: skip
LEGAL_KINDS = {
    "EQUAL_OPPORTUNITY": "Equal opportunity", "FAIR_CHANCE": "Fair chance",
    "PAY_TRANSPARENCY": "Pay transparency", "ACCOMMODATION": "Accommodation",
    "DRUG_FREE_WORKPLACE": "Drug-free workplace", "E_VERIFY": "E-Verify",
    "DATA_PRIVACY": "Data privacy", "AGENCY": "Agencies", "DISCLAIMER": "Disclaimer",
    "OTHER": "Notice",
}  # fmt: skip
SOURCE_FORMATS = {
    "json": "canonical JSON", "jsonl": "canonical JSON Lines", "jsonld": "schema.org JSON-LD",
    "hropen": "HR Open 4.3", "hrxml3": "HR-XML 3.2", "html": "HTML", "text": "plain text",
    "markdown": "Markdown",
}  # fmt: skip

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def moment(value: str) -> str:
    """Say a canonical date or date-time for people: ``21 October 2025, 09:30 (UTC+01:00)``."""
    if "T" not in value:
        day = dt.date.fromisoformat(value)
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    stamp = dt.datetime.fromisoformat(value)
    offset = value[19:].lstrip(".0123456789")
    zone = "UTC" if offset == "Z" else f"UTC{offset}"
    return f"{stamp.day} {_MONTHS[stamp.month - 1]} {stamp.year}, {stamp:%H:%M} ({zone})"


def amount(value: int | float) -> str:
    """Write an amount with thousands separators; fractions get two decimals (12.75, 13.40)."""
    if isinstance(value, int) or value.is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}"


def months(value: int) -> str:
    """Say a duration in months the way postings do: ``6 years``, ``18 months``, ``no``."""
    if value == 0:
        return "No"
    if value % 12 == 0:
        years = value // 12
        return f"{years} year" if years == 1 else f"{years} years"
    return f"{value} month" if value == 1 else f"{value} months"


def experience(value: int) -> str:
    """Say an amount of experience: ``6 years of experience``, ``No experience``."""
    return "No experience" if value == 0 else f"{months(value)} of experience"


def hours(value: int | float) -> str:
    """Say weekly hours: ``38.5 hours per week``."""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return f"{text} hours per week"


def place(parts: dict[str, Any]) -> str:
    """Join the parts of a place that people read (label first), skipping absent ones."""
    keys = ("label", "streetAddress", "locality", "region", "postalCode", "regionCode", "country")
    return ", ".join(str(parts[k]) for k in keys if parts.get(k))
