"""Google's job-posting structured data rules, worded as Search Console words them.

Google reads a JobPosting node: required properties missing or invalid are errors (the page is not
eligible for the job search experience), recommended ones are warnings. The checks run on the
schema.org node itself (:func:`check_node`), so they work on JSON-LD and HTML input as published
and on canonical postings through the ``jsonld`` writer (:func:`errors`, :func:`warnings`, the
``google`` profile of ``jobposting validate``).

Rules: developers.google.com/search/docs/appearance/structured-data/job-posting (required:
title, description, datePosted, hiringOrganization with name, jobLocation with
address.addressCountry, or jobLocationType TELECOMMUTE with applicantLocationRequirements;
recommended: validThrough, employmentType, baseSalary, identifier, directApply; the title must
not hold pay or the company name).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal

import attrs

from jobposting.errors import InvalidPostingError
from jobposting.model import Posting
from jobposting.problems import Problem

Level = Literal["error", "warning"]

EMPLOYMENT_TYPES = frozenset(
    {
        "FULL_TIME",
        "PART_TIME",
        "CONTRACTOR",
        "TEMPORARY",
        "INTERN",
        "VOLUNTEER",
        "PER_DIEM",
        "OTHER",
    }
)
UNITS = frozenset({"HOUR", "DAY", "WEEK", "MONTH", "YEAR"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?")
_PAY_IN_TITLE = re.compile(
    r"[$€£¥₹]\s*\d|\d\s*(k|K)\b|\b\d[\d,.]*\s*(USD|EUR|GBP|per hour|/hr|an hour|p\.a\.)|\bsalary\b",
    re.I,
)


@attrs.frozen(kw_only=True)
class Issue:
    """One finding of the Google check: its level and the problem (pointer into the node)."""

    level: Level
    problem: Problem


def _missing(where: str, field: str, level: Level, inside: str = "", why: str = "") -> Issue:
    message = f'Missing field "{field}"'
    if inside:
        message += f' (in "{inside}")'
    if why:
        message += f" ({why})"
    code = "google.missing-field" if level == "error" else "google.missing-recommended-field"
    return Issue(level=level, problem=Problem(pointer=where, message=message, code=code))


def _invalid(where: str, field: str, level: Level, why: str) -> Issue:
    message = f'Invalid value in field "{field}" ({why})'
    return Issue(
        level=level, problem=Problem(pointer=where, message=message, code="google.invalid-value")
    )


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _key(node: Mapping[str, Any], name: str) -> Any:
    for key in (name, f"schema:{name}", f"https://schema.org/{name}", f"http://schema.org/{name}"):
        if key in node:
            return node[key]
    return None


def _moment(value: Any) -> dt.date | None:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def check_node(node: Mapping[str, Any], *, today: dt.date | None = None) -> list[Issue]:
    """Check one schema.org JobPosting node; ``today`` decides whether validThrough has passed."""
    return list(_check(node, today or dt.datetime.now(dt.UTC).date()))


def _check(node: Mapping[str, Any], today: dt.date) -> Iterator[Issue]:
    title = _key(node, "title")
    if not _present(title):
        yield _missing("/title", "title", "error")
    if not _present(_key(node, "description")):
        yield _missing("/description", "description", "error")
    posted = _key(node, "datePosted")
    if not _present(posted):
        yield _missing("/datePosted", "datePosted", "error")
    elif _moment(posted) is None:
        yield _invalid("/datePosted", "datePosted", "error", f"{posted!r} is not an ISO 8601 date")
    org = _key(node, "hiringOrganization")
    org_name = None
    if not _present(org):
        yield _missing("/hiringOrganization", "hiringOrganization", "error")
    elif isinstance(org, Mapping):
        org_name = _key(org, "name")
        if not _present(org_name):
            yield _missing("/hiringOrganization/name", "name", "error", "hiringOrganization")
    elif isinstance(org, str):
        org_name = org
        yield _invalid(
            "/hiringOrganization",
            "hiringOrganization",
            "error",
            "must be an Organization, not text",
        )
    yield from _locations(node)
    yield from _recommended(node, today)
    if isinstance(title, str):
        if _PAY_IN_TITLE.search(title):
            yield _invalid("/title", "title", "warning", "the title must not contain pay")
        if (
            isinstance(org_name, str)
            and org_name.strip()
            and org_name.strip().lower() in title.lower()
        ):
            yield _invalid(
                "/title", "title", "warning", "the title must not contain the company name"
            )


def _locations(node: Mapping[str, Any]) -> Iterator[Issue]:
    kind = _key(node, "jobLocationType")
    remote = any(isinstance(k, str) and k.upper() == "TELECOMMUTE" for k in _as_list(kind))
    places = _key(node, "jobLocation")
    requirements = _key(node, "applicantLocationRequirements")
    if remote and not _present(requirements):
        yield _missing(
            "/applicantLocationRequirements",
            "applicantLocationRequirements",
            "error",
            why='required with jobLocationType "TELECOMMUTE"',
        )
    if not _present(places):
        if not remote:
            yield _missing("/jobLocation", "jobLocation", "error")
        return
    many = isinstance(places, list)
    for index, place in enumerate(_as_list(places)):
        where = f"/jobLocation/{index}" if many else "/jobLocation"
        address = _key(place, "address") if isinstance(place, Mapping) else None
        if not isinstance(address, Mapping):
            yield _missing(f"{where}/address", "address", "error", "jobLocation")
            continue
        if not _present(_key(address, "addressCountry")):
            yield _missing(
                f"{where}/address/addressCountry", "addressCountry", "error", "jobLocation.address"
            )
        for field in ("addressLocality", "addressRegion", "postalCode", "streetAddress"):
            if not _present(_key(address, field)):
                yield _missing(f"{where}/address/{field}", field, "warning", "jobLocation.address")


def _recommended(node: Mapping[str, Any], today: dt.date) -> Iterator[Issue]:
    through = _key(node, "validThrough")
    if not _present(through):
        yield _missing("/validThrough", "validThrough", "warning")
    else:
        day = _moment(through)
        if day is None:
            yield _invalid(
                "/validThrough", "validThrough", "warning", f"{through!r} is not an ISO 8601 date"
            )
        elif day < today:
            yield _invalid(
                "/validThrough",
                "validThrough",
                "warning",
                f"{through} is in the past: the job posting has expired",
            )
    kinds = _key(node, "employmentType")
    if not _present(kinds):
        yield _missing("/employmentType", "employmentType", "warning")
    else:
        bad = [k for k in _as_list(kinds) if k not in EMPLOYMENT_TYPES]
        if bad:
            shown = ", ".join(repr(k) for k in bad)
            yield _invalid(
                "/employmentType",
                "employmentType",
                "warning",
                f"{shown}: use {', '.join(sorted(EMPLOYMENT_TYPES))}",
            )
    salary = _key(node, "baseSalary")
    if not _present(salary):
        yield _missing("/baseSalary", "baseSalary", "warning")
    else:
        many = isinstance(salary, list)
        for index, amount in enumerate(_as_list(salary)):
            yield from _salary(amount, f"/baseSalary/{index}" if many else "/baseSalary")
    if not _present(_key(node, "identifier")):
        yield _missing("/identifier", "identifier", "warning")
    if _key(node, "directApply") is None:
        yield _missing("/directApply", "directApply", "warning")


def _salary(amount: Any, where: str) -> Iterator[Issue]:
    if not isinstance(amount, Mapping):
        yield _invalid(where, "baseSalary", "warning", "must be a MonetaryAmount")
        return
    currency = _key(amount, "currency")
    if not (isinstance(currency, str) and re.fullmatch(r"[A-Z]{3}", currency)):
        yield _invalid(
            f"{where}/currency", "currency", "warning", "needs an ISO 4217 currency code"
        )
    value = _key(amount, "value")
    if not isinstance(value, Mapping):
        numbers = [value]
        unit = None
    else:
        numbers = [_key(value, k) for k in ("value", "minValue", "maxValue")]
        unit = _key(value, "unitText")
        if unit not in UNITS:
            yield _invalid(
                f"{where}/value/unitText",
                "unitText",
                "warning",
                f"{unit!r}: use HOUR, DAY, WEEK, MONTH or YEAR",
            )
    given = [n for n in numbers if n is not None]
    if not given or not all(isinstance(n, int | float) and not isinstance(n, bool) for n in given):
        yield _invalid(f"{where}/value", "value", "warning", "the pay must be a number")
    elif all(n == 0 for n in given):
        yield _invalid(
            f"{where}/value",
            "baseSalary",
            "warning",
            "a pay of 0 hides the pay; leave baseSalary out instead",
        )


def _node(posting: Posting) -> dict[str, Any]:
    from jobposting.formats.jsonld import to_jsonld

    return to_jsonld(posting, plain=True)


def errors(posting: Posting) -> list[Problem]:
    """The Google errors of a canonical posting, as its JSON-LD would show them."""
    return [issue.problem for issue in check_node(_node(posting)) if issue.level == "error"]


def warnings(posting: Posting) -> list[Problem]:
    """The Google warnings (recommended properties) of a canonical posting."""
    return [issue.problem for issue in check_node(_node(posting)) if issue.level == "warning"]


#: canonical problems that mean a field Google requires is missing -> (pointer, field, inside)
_REQUIRED_MISSING = {
    "/title": ("/title", "title", ""),
    "/hiringOrganization": ("/hiringOrganization", "hiringOrganization", ""),
    "/hiringOrganization/name": ("/hiringOrganization/name", "name", "hiringOrganization"),
}


def unreadable_errors(error: Exception) -> list[Problem]:
    """Google's errors for a posting that did not read because a field Google requires is missing.

    A JSON-LD node without ``hiringOrganization`` is no canonical posting, so the profile's
    checks of postings never see it; Search Console would say ``Missing field
    "hiringOrganization"``, and so does this.
    """
    if not isinstance(error, InvalidPostingError):
        return []
    found: dict[str, Problem] = {}
    for problem in error.problems:
        required = _REQUIRED_MISSING.get(problem.pointer)
        if required and problem.code in {"schema.required", "schema.minLength"}:
            where, field, inside = required
            found.setdefault(where, _missing(where, field, "error", inside).problem)
    return list(found.values())


def check_document(
    data: bytes, *, today: dt.date | None = None
) -> list[tuple[str | None, list[Issue]]]:
    """Check every JobPosting node of a JSON-LD document or HTML page as published.

    Returns (where, issues) per node; the nodes need not be valid canonical postings (a node
    without hiringOrganization gets ``Missing field "hiringOrganization"``).
    """
    from jobposting.formats.jsonld_read import decode_page, find_postings, parse_text, script_blocks

    texts: list[tuple[str, str]]
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        texts = [(f"script {number}", text) for number, text in script_blocks(data)]
    else:
        texts = [("", decode_page(data))]
    result = []
    for label, text in texts:
        try:
            document, _ = parse_text(text)
        except ValueError:
            continue
        for where, node, _ in find_postings(document):
            place = " ".join(part for part in (label, where) if part) or None
            result.append((place, check_node(node, today=today)))
    return result
