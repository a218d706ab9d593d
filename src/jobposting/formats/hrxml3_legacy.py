"""HR-XML 2.x ``PositionOpening`` (the generation before 3.x) -> canonical JSON value.

Job boards and public employment services still exchange the 2.x SEP PositionOpening
(``http://ns.hr-xml.org/2006-02-28``, ``.../2007-04-15``, or ``http://ns.hr-xml.org`` with a 2.4
schema location; some send it with no namespace at all). Its common elements map cheaply onto
the canonical fields, so both XML readers (``hrxml3`` and ``hropen``) hand such a document here
instead of failing on it: the title, the employer, the locations, the dates, the description,
the application, the schedule, the pay, the job categories and the number of openings are read;
the rest is not kept. The reading says so in one ``hrxml2.version`` diagnostic.

Where 2.x puts what:

- title: ``PositionProfile/PositionDetail/PositionTitle`` (else ``ProfileName``, else the title
  of the first ``PositionPostings/PositionPosting``);
- employer: ``PositionProfile/Organization/OrganizationName``, else
  ``PositionDetail/Company/Name``, else the ``EntityName`` of a ``PositionSupplier`` whose
  ``relationship`` is ``self`` (the employer supplying its own position; an agent is not);
- locations: ``PositionDetail/PhysicalLocation``: its ``Area`` values (``countrycode``,
  ``municipality``, ``region``/``state``) first, then its ``PostalAddress``;
- dates: ``PositionPosting/Id/@validFrom``/``@validTo`` (the publication period), else the
  validity of ``PositionRecordInfo/Status``; ``PositionDateInfo`` holds the start and end;
- description: the first ``FormattedPositionDescription`` whose ``Name`` says it describes the
  position (``Description``, ``JobOfferDescription``, ``SummaryDescription - English``,
  ``POSITION_DESCRIPTION``...), not the company.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml import etree

from jobposting.errors import ReadError
from jobposting.formats.hropen_tree import (
    Element,
    attribute,
    find,
    findall,
    findtext,
    from_lxml,
    text,
    texts,
)
from jobposting.formats.hropen_values import Reading, language_tag, moment, number, put, rich
from jobposting.formats.hropen_vocab import EMPLOYMENT_TYPES_READ, INTERVALS_READ, STATUS_READ, fold
from jobposting.formats.jsonld_values import country_code

__all__ = ["is_hrxml2", "read_hrxml2"]

_NS_PREFIX = "http://ns.hr-xml.org"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_MARKERS = ("PositionRecordInfo", "PositionPostings", "PositionSupplier", "NumberToFill")
_PROFILE_MARKERS = ("PositionDetail", "FormattedPositionDescription", "HowToApply")
_COUNTRY = re.compile(r"[A-Za-z]{2}")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_URL = re.compile(r"https?://\S+")
_DESCRIPTION_NAMES = ("description", "jobdescription", "positiondescription", "summary")
_NOT_THE_POSITION = ("company", "organization", "organisation", "headline", "profile")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def is_hrxml2(root: etree._Element) -> bool:
    """True when ``root`` is an HR-XML 2.x PositionOpening (by namespace or by its children)."""
    tag = root.tag
    if not isinstance(tag, str) or not tag.endswith("PositionOpening"):
        return False
    if tag.startswith("{"):  # HR-XML 3 and HR Open have namespaces of their own
        return tag.startswith("{" + _NS_PREFIX) and tag.endswith("}PositionOpening")
    if tag != "PositionOpening":
        return False
    names = {_local(child) for child in root if isinstance(child.tag, str)}
    if names.intersection(_MARKERS):
        return True
    for child in root:
        if isinstance(child.tag, str) and _local(child) == "PositionProfile":
            inner = {_local(e) for e in child if isinstance(e.tag, str)}
            if inner.intersection(_PROFILE_MARKERS):
                return True
    return False


def read_hrxml2(root: etree._Element) -> Reading:
    """Map an HR-XML 2.x PositionOpening onto the canonical fields it shares with 3.x."""
    reading = Reading("hrxml2")
    namespace = etree.QName(root).namespace
    spelled = f"namespace {namespace!r}" if namespace else "no namespace"
    reading.note(
        "",
        f"read as HR-XML 2.x ({spelled}); hrxml3 reads HR-XML 3.x: only the title, employer, "
        "locations, dates, description, application, schedule, pay, job categories and "
        "openings of a 2.x document are read",
        "version",
    )
    position = from_lxml(root, local_names=True, attributes=True)
    profile = find(position, "PositionProfile") or {"": None}
    detail = find(profile, "PositionDetail") or {"": None}
    doc = reading.document
    put(doc, "id", text(position, "PositionRecordInfo/Id/IdValue"))
    status = text(position, "PositionRecordInfo/Status")
    if status is not None and fold(status) in STATUS_READ:
        doc["status"] = STATUS_READ[fold(status)]
    language = attribute(profile, _XML_LANG) or root.get(_XML_LANG)
    put(doc, "language", language_tag(language))
    postings = findall(position, "PositionPostings/PositionPosting")
    title = (
        text(detail, "PositionTitle")
        or text(profile, "ProfileName")
        or (text(postings[0], "Title") if postings else None)
    )
    put(doc, "title", title)
    _description(profile, reading)
    _employer(position, profile, detail, reading, f"line {root.sourceline}")
    _dates(position, profile, postings, reading)
    _locations(detail, reading)
    _application(profile, doc)
    types: list[str] = []
    for code in texts(detail, "PositionClassification") + texts(detail, "PositionSchedule"):
        mapped = EMPLOYMENT_TYPES_READ.get(fold(code))
        if mapped is not None and mapped not in types:
            types.append(mapped)
    put(doc, "employmentTypes", types)
    openings = number(text(position, "NumberToFill"))
    if isinstance(openings, int) and openings >= 1:
        doc["openings"] = openings
    categories = []
    for category in findall(detail, "JobCategory"):
        item: dict[str, Any] = {}
        put(item, "scheme", text(category, "TaxonomyName"))
        put(item, "code", text(category, "CategoryCode"))
        put(item, "name", text(category, "CategoryDescription"))
        if "code" in item or "name" in item:
            categories.append(item)
    put(doc, "occupationalCategories", categories)
    _pay(detail, reading)
    return reading


def _description(profile: Element, reading: Reading) -> None:
    for item in findall(profile, "FormattedPositionDescription"):
        name = fold(text(item, "Name") or "")
        content = findtext(item, "Value")
        if content is None or not content.strip():
            continue
        if any(word in name for word in _NOT_THE_POSITION):
            continue
        if name in _DESCRIPTION_NAMES or "description" in name:
            stripped = content.strip()
            if not _TAG.search(stripped):
                stripped = html.escape(stripped, quote=False)
            put(reading.document, "description", rich(stripped, reading, "/description"))
            return


def _employer(
    position: Element, profile: Element, detail: Element, reading: Reading, where: str
) -> None:
    name = text(profile, "Organization/OrganizationName") or text(detail, "Company/Name")
    if name is None:
        for supplier in findall(position, "PositionSupplier"):
            if attribute(supplier, "relationship") == "self" and text(supplier, "EntityName"):
                name = text(supplier, "EntityName")
                reading.note(
                    "/hiringOrganization/name",
                    "employer name taken from the PositionSupplier of relationship 'self'",
                    "employer-from-supplier",
                )
                break
    if name is None:
        raise ReadError(
            "no employer in this HR-XML 2.x document: expected PositionProfile/Organization/"
            "OrganizationName, PositionDetail/Company/Name or a PositionSupplier of relationship "
            "'self' (a canonical posting needs hiringOrganization.name)",
            where=where,
        )
    reading.document["hiringOrganization"] = {"name": name}


def _dates(position: Element, profile: Element, postings: list[Element], reading: Reading) -> None:
    doc = reading.document
    period: Element | None = find(postings[0], "Id") if postings else None
    if period is None or not (attribute(period, "validFrom") or attribute(period, "validTo")):
        period = find(position, "PositionRecordInfo/Status")
    if period is not None:
        put(doc, "datePosted", moment(attribute(period, "validFrom"), reading, "/datePosted"))
        put(doc, "validThrough", moment(attribute(period, "validTo"), reading, "/validThrough"))
    info = find(profile, "PositionDateInfo")
    put(doc, "startDate", moment(text(info, "StartDate"), reading, "/startDate"))
    put(doc, "endDate", moment(text(info, "ExpectedEndDate"), reading, "/endDate"))
    soon = text(info, "StartAsSoonAsPossible")
    if soon in ("true", "1"):
        doc["startImmediately"] = True


def _area(location: Element, *kinds: str) -> str | None:
    for area in findall(location, "Area"):
        kind = fold(attribute(area, "type") or "").removeprefix("x:")
        if kind in kinds:
            value = text(area, "Value")
            if value is not None:
                return value
    return None


def _locations(detail: Element, reading: Reading) -> None:
    locations: list[dict[str, Any]] = []
    for element in findall(detail, "PhysicalLocation"):
        address = find(element, "PostalAddress") or {"": None}
        location: dict[str, Any] = {}
        put(location, "label", text(element, "Name"))
        lines = texts(address, "DeliveryAddress/AddressLine")
        street = " ".join(
            texts(address, "DeliveryAddress/StreetName")
            + texts(address, "DeliveryAddress/BuildingNumber")
        )
        put(location, "streetAddress", ", ".join(lines) or street or None)
        put(location, "locality", _area(element, "municipality") or text(address, "Municipality"))
        put(location, "region", _area(element, "region", "state") or text(address, "Region"))
        put(location, "postalCode", text(address, "PostalCode"))
        pointer = f"/locations/{len(locations)}/country"
        for given in (_area(element, "countrycode"), text(address, "CountryCode")):
            if given is None:
                continue
            code, mapped = country_code(given)
            if code is not None:
                location["country"] = code
                if mapped and not _COUNTRY.fullmatch(given):
                    reading.note(pointer, f"country {given!r} read as {code}", "country")
                break
            reading.note(pointer, f"country {given!r} is not a country code; left out", "country")
        if location:
            locations.append(location)
    put(reading.document, "locations", locations)


def _application(profile: Element, doc: dict[str, Any]) -> None:
    application: dict[str, Any] = {}
    for method in findall(profile, "HowToApply/ApplicationMethod"):
        # The official 2.5 example writes a stray ">" before its CDATA URL.
        url = (text(method, "InternetWebAddress") or "").lstrip(">").strip()
        if _URL.fullmatch(url) and "url" not in application:
            application["url"] = url
        if "email" not in application:
            put(application, "email", text(method, "InternetEmailAddress"))
        if "phone" not in application:
            put(application, "phone", text(method, "Telephone/FormattedNumber"))
    put(doc, "application", application)


def _pay(detail: Element, reading: Reading) -> None:
    base_pay = []
    for pay in findall(detail, "RemunerationPackage/BasePay"):
        currency = attribute(pay, "currencyCode")
        minimum = number(text(pay, "BasePayAmountMin"))
        maximum = number(text(pay, "BasePayAmountMax"))
        interval = fold(attribute(pay, "baseInterval") or "")
        if currency is None or (minimum is None and maximum is None):
            continue
        item: dict[str, Any] = {"currency": currency}
        put(item, "minimum", minimum)
        put(item, "maximum", maximum)
        if interval in INTERVALS_READ:
            item["period"] = INTERVALS_READ[interval]
        base_pay.append(item)
    if base_pay:
        reading.document["compensation"] = {"basePay": base_pay}
