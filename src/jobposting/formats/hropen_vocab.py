"""Value vocabularies shared by the HR-XML formats, both ways, and the HR Open 4.3 code lists.

The canonical enums (Google's employment types, schema.org ``unitText`` periods, education
levels) are mapped to the HR Open / HR-XML code lists here and nowhere else. Reading accepts
every spelling seen in practice (``FullTime``, ``Full Time``, ``full-time``); writing uses the
code list's own spelling. Closed HR Open code lists (language, country, currency) are read from
the vendored XSDs so that the writer never emits a value the schema would refuse.
"""

from __future__ import annotations

import functools
import re

from jobposting import xmlsafe
from jobposting._resources import data_dir

#: HR Open 4.3 (and HR-XML 3.2) PositionScheduleTypeCode <- canonical employment type.
SCHEDULE_TYPES = {"FULL_TIME": "FullTime", "PART_TIME": "PartTime"}
#: HR Open 4.3 PositionTypeCodeList (positionOfferingTypes) <- canonical employment type.
OFFERING_TYPES = {
    "CONTRACTOR": "Contract",
    "TEMPORARY": "Temporary",
    "INTERN": "Internship",
    "VOLUNTEER": "Volunteer",
}
#: Every schedule or offering code seen in HR Open / HR-XML documents -> canonical type
#: (keys are folded: lower case, no spaces, hyphens or underscores). None: no canonical type.
EMPLOYMENT_TYPES_READ: dict[str, str | None] = {
    "fulltime": "FULL_TIME",
    "parttime": "PART_TIME",
    "flextime": None,
    "sharedtime": "PART_TIME",
    "contract": "CONTRACTOR",
    "contractor": "CONTRACTOR",
    "contracttohire": "CONTRACTOR",
    "temporary": "TEMPORARY",
    "temporarytohire": "TEMPORARY",
    "temptohire": "TEMPORARY",
    "seasonal": "TEMPORARY",
    "internship": "INTERN",
    "intern": "INTERN",
    "externship": "INTERN",
    "student": "INTERN",
    "volunteer": "VOLUNTEER",
    "perdiem": "PER_DIEM",
    "directhire": None,
    "regular": None,
    "permanent": None,
    "apprenticeship": "OTHER",
}
#: PayTypeCodeList <- the incentive types written as remuneration ranges of their own (with
#: their amounts); the code list has no sign-on bonus (written as Bonus, its type an extra), and
#: no code for equity, long-term incentives or profit sharing (those stay extras).
PAY_TYPES = {
    "BONUS": "Bonus",
    "SIGN_ON_BONUS": "Bonus",
    "COMMISSION": "Commission",
    "TIPS": "Tip",
    "OVERTIME": "Overtime",
    "OTHER": "OtherCompensation",
}
#: PayRateIntervalCodeList <- canonical pay period (schema.org unitText).
INTERVALS = {"HOUR": "Hour", "DAY": "Day", "WEEK": "Week", "MONTH": "Month", "YEAR": "Year"}
INTERVALS_READ = {
    "hour": "HOUR",
    "hourly": "HOUR",
    "day": "DAY",
    "daily": "DAY",
    "week": "WEEK",
    "weekly": "WEEK",
    "month": "MONTH",
    "monthly": "MONTH",
    "year": "YEAR",
    "yearly": "YEAR",
    "annual": "YEAR",
    "annually": "YEAR",
}
#: ISCED 2011 level <- canonical education level (POSTGRADUATE_DEGREE and
#: PROFESSIONAL_CERTIFICATE have no single level).
ISCED = {
    "HIGH_SCHOOL": "3",
    "VOCATIONAL": "4",
    "ASSOCIATE_DEGREE": "5",
    "BACHELOR_DEGREE": "6",
    "MASTER_DEGREE": "7",
    "DOCTORATE": "8",
}
ISCED_READ = {code: level for level, code in ISCED.items()}
#: Degree names seen in degreeTypeCode / EducationLevelCode when no ISCED level is given.
DEGREES_READ = {
    "highschool": "HIGH_SCHOOL",
    "secondary": "HIGH_SCHOOL",
    "vocational": "VOCATIONAL",
    "associate": "ASSOCIATE_DEGREE",
    "associates": "ASSOCIATE_DEGREE",
    "bachelor": "BACHELOR_DEGREE",
    "bachelors": "BACHELOR_DEGREE",
    "master": "MASTER_DEGREE",
    "masters": "MASTER_DEGREE",
    "doctorate": "DOCTORATE",
    "doctoral": "DOCTORATE",
    "phd": "DOCTORATE",
}
#: RecruitingDocumentStatusCodeList <- canonical posting status (FILLED and CANCELLED are
#: written Closed; the exact status travels in the extension slot).
STATUS = {
    "OPEN": "Active",
    "CLOSED": "Closed",
    "FILLED": "Closed",
    "CANCELLED": "Closed",
    "DRAFT": "Incomplete",
    "ON_HOLD": "OnHold",
}
STATUS_READ = {
    "active": "OPEN",
    "open": "OPEN",
    "closed": "CLOSED",
    "incomplete": "DRAFT",
    "draft": "DRAFT",
    "onhold": "ON_HOLD",
    "filled": "FILLED",
    "cancelled": "CANCELLED",
    "canceled": "CANCELLED",
}

_FOLD = re.compile(r"[\s_\-]+")


_FOLDED: dict[str, str] = {}


def fold(code: str) -> str:
    """Fold a code for lookup: ``Full Time``, ``full-time`` and ``FullTime`` are one key."""
    folded = _FOLDED.get(code)
    if folded is None:
        folded = _FOLD.sub("", code).lower()
        if len(_FOLDED) < 4096:  # codes repeat from document to document; texts need not
            _FOLDED[code] = folded
    return folded


@functools.cache
def code_list(name: str) -> frozenset[str]:
    """Return the values of the HR Open 4.3 code list ``name`` (e.g. ``CountryCodeList``).

    Read from the vendored XSD (``common/xml/codelist/<name>.xsd``), so the writer checks values
    against the same list the validator uses.
    """
    path = data_dir("schemas") / "vendor" / "hropen-4.3" / "common" / "xml" / "codelist"
    tree = xmlsafe.parse((path / f"{name}.xsd").read_bytes())
    values = tree.getroot().iter("{http://www.w3.org/2001/XMLSchema}enumeration")
    return frozenset(str(element.get("value")) for element in values)


def is_code(name: str, value: str) -> bool:
    """True when ``value`` is in the closed HR Open code list ``name``."""
    return value in code_list(name)
