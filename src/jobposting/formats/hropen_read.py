"""Native HR Open 4.3 PositionOpening elements -> canonical JSON value (the reader's mapping).

Reads what the ``hropen`` writer produces and what other systems send: every profile of a
multi-profile document is read (locations and pay ranges from all of them, the rest from the
first profile that has it), open code lists are read in every usual spelling, and each repair or
guess is recorded as a diagnostic with a JSON Pointer and a stable ``hropen.*`` code.
Extras (``hropen_extras``) are collected here and applied by ``hropen.py``. The mapping reads
element trees (``hropen_tree``); the value readers it shares with the HR-XML 3.2 reader are in
``hropen_values``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from jobposting.errors import ReadError
from jobposting.formats import hropen_extras as extras
from jobposting.formats.hropen_tree import (
    Element,
    element_text,
    find,
    findall,
    findtext,
    from_lxml,
    text,
    texts,
)
from jobposting.formats.hropen_values import (
    Reading,
    claim_own_block,
    hiring_organization,
    moment,
    number,
    put,
    rich,
    untagged,
)
from jobposting.formats.hropen_vocab import (
    DEGREES_READ,
    EMPLOYMENT_TYPES_READ,
    INTERVALS_READ,
    ISCED_READ,
    STATUS_READ,
    fold,
)
from jobposting.formats.hropen_write import DESCRIPTION_SCHEME, NS
from jobposting.formats.hrxml3_legacy import is_hrxml2, read_hrxml2

_REGION_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_SHORT_CODE = re.compile(r"[A-Z0-9]{1,3}")
_LOCATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_CONTACT_ROLES = {
    "RECRUITER", "HIRING_MANAGER", "HR", "ACCOMMODATION", "TECHNICAL_SUPPORT", "GENERAL", "OTHER",
}  # fmt: skip
_INCENTIVES = {
    "bonus": "BONUS",
    "shorttermincentive": "BONUS",
    "performance": "BONUS",
    "commission": "COMMISSION",
    "tip": "TIPS",
    "overtime": "OVERTIME",
    "othercompensation": "OTHER",
}


def read_native(root: etree._Element | Element) -> Reading:
    """Map a PositionOpening element to a canonical JSON value, collecting extras.

    ``root`` is a parsed document's root, or the tree the writer built (read back by the
    writer to find what needs extras: the same mapping, without the checks of the root).
    """
    reading = Reading()
    if isinstance(root, dict):
        return _read_native(root, reading)
    if is_hrxml2(root):
        return read_hrxml2(root)
    _check_root(root, reading)
    # HR Open 4.3 children are unqualified; documents that qualify them anyway are read too.
    qualified = any(isinstance(child.tag, str) and "}" in child.tag for child in root)
    if qualified:
        reading.note(
            "",
            "child elements were namespace-qualified (HR Open 4.3 has them unqualified)",
            "qualified-children",
        )
    try:
        return _read_native(from_lxml(root, local_names=qualified), reading)
    except ReadError as error:  # what the document lacks: located at its PositionOpening
        if error.where is not None:
            raise
        raise ReadError(error.message, where=f"line {root.sourceline}") from None


def _read_native(root: Element, reading: Reading) -> Reading:
    doc = reading.document
    profiles = findall(root, "positionProfiles/item")

    def first(path: str) -> Element | None:
        for profile in profiles:
            found = find(profile, path)
            if found is not None:
                return found
        return None

    put(doc, "id", text(root, "documentId/value"))
    put(
        doc,
        "identifiers",
        [_identifier(e) for e in findall(root, "alternateIds/item") if text(e, "value")],
    )
    put(doc, "language", text(root, "language") or element_text(first("language")))
    status = text(root, "statusCode")
    if status is not None:
        if (folded := fold(status)) in STATUS_READ:
            doc["status"] = STATUS_READ[folded]
        else:
            reading.note("/status", f"status {status!r} has no canonical value; left out", "status")
    put(doc, "title", element_text(first("positionTitle")))
    _descriptions(first("positionFormattedDescriptions"), reading)
    _organization(root, first("positionOrganizations"), reading)
    _instructions(first("postingInstructions/item"), reading)
    put(
        doc,
        "url",
        element_text(first("positionUri"))
        or element_text(first("postingInstructions/item/positionUri")),
    )
    period = first("positionPeriod")
    put(doc, "startDate", moment(text(period, "start"), reading, "/startDate"))
    put(doc, "endDate", moment(text(period, "end"), reading, "/endDate"))
    immediate = element_text(first("immediateStartIndicator"))
    if immediate is not None:
        doc["startImmediately"] = immediate in ("true", "1")
    _locations(profiles, reading)
    _remote_work(first("remoteWork"), reading)
    _employment_types(first("positionOfferingTypes"), first("positionScheduleTypeCodes"), reading)
    _work_hours(first("workingPeriods/item"), element_text(first("shiftDescription")), doc)
    quantity = number(element_text(first("positionOpenQuantity")))
    if isinstance(quantity, int) and quantity >= 1:
        doc["openings"] = quantity
    _compensation(profiles, first, reading)
    _qualifications(first("positionQualifications"), reading)
    put(
        doc,
        "languageRequirements",
        [
            {"language": code, "requirement": "REQUIRED"}
            for code in texts(first("workingLanguages"), "item/code")
        ],
    )
    categories = [_category(e) for e in _items(first("jobCategories"))]
    put(doc, "occupationalCategories", [c for c in categories if c is not None])
    _classifications(profiles, reading)
    return reading


def _check_root(root: etree._Element, reading: Reading) -> None:
    name = etree.QName(root)
    if name.localname != "PositionOpening":
        raise ReadError(
            f"not an HR Open PositionOpening: the root element is <{name.localname}>",
            where=f"line {root.sourceline}",
        )
    if name.namespace != NS:
        reading.note("", f"root namespace is {name.namespace!r}, not {NS!r}", "namespace")


def _items(wrapper: Element | None) -> list[Element]:
    return [] if wrapper is None else findall(wrapper, "item")


def _identifier(element: Element) -> dict[str, Any]:
    scheme = text(element, "schemeId")
    agency = text(element, "schemeAgencyId")
    identifier = {"scheme": scheme or agency or "alternateId", "value": text(element, "value")}
    if scheme is not None:
        put(identifier, "issuer", agency)  # the agency managing the scheme: the issuer
    put(identifier, "name", text(element, "description"))
    return identifier


def _category(element: Element) -> dict[str, Any] | None:
    category: dict[str, Any] = {}
    put(category, "scheme", text(element, "id/schemeId"))
    put(category, "code", text(element, "code") or text(element, "id/value"))
    put(category, "name", text(element, "name"))
    return category if ("code" in category or "name" in category) else None


def _descriptions(wrapper: Element | None, reading: Reading) -> None:
    doc = reading.document
    sections: list[dict[str, str]] = []
    legal: list[dict[str, str]] = []
    for item in _items(wrapper):
        key = text(item, "descriptionId/value")
        ours = text(item, "descriptionId/schemeId") == DESCRIPTION_SCHEME
        title = text(item, "title")
        content = findtext(item, "content")
        if content is None or not content.strip():
            continue
        if ours and claim_own_block(doc, legal, key, content, untagged):
            continue
        pointer = f"/sections/{len(sections)}/content"
        if (
            not ours
            and "description" not in doc
            and (title is None or fold(title) in {"description", "jobdescription", "summary"})
        ):
            put(doc, "description", rich(content, reading, "/description"))
            continue
        body = rich(content, reading, pointer)
        if body is not None:
            sections.append({"heading": title or "Details", "content": body})
    put(doc, "sections", sections)
    put(doc, "legalStatements", legal)


def _contact(person: Element, reading: Reading) -> dict[str, Any] | None:
    contact: dict[str, Any] = {}
    role = text(person, "roleCode")
    if role is not None and role in _CONTACT_ROLES:
        contact["role"] = role
    elif role is not None and fold(role) in ("recruiter", "hiringmanager"):
        contact["role"] = "RECRUITER" if fold(role) == "recruiter" else "HIRING_MANAGER"
    else:
        contact["role"] = "OTHER"
    name = text(person, "name/formattedName")
    if name is None:
        parts = texts(person, "name/given") + texts(person, "name/family")
        name = " ".join(parts) or None
    put(contact, "name", name)
    put(contact, "email", text(person, "communication/email/item/address"))
    put(contact, "phone", text(person, "communication/phone/item/formattedNumber"))
    put(contact, "url", text(person, "communication/web/item/url"))
    return contact if len(contact) > 1 else None


def _organization(root: Element, wrapper: Element | None, reading: Reading) -> None:
    doc = reading.document
    organization: dict[str, Any] = {}
    contacts = []
    for item in _items(wrapper):
        if fold(text(item, "responsibilityCode") or "") == "department":
            put(doc, "department", doc.get("department") or text(item, "name"))
            continue
        if organization:
            continue
        put(organization, "name", text(item, "name") or text(item, "tradeName"))
        put(organization, "url", text(item, "communication/web/item/url"))
        put(
            organization,
            "description",
            rich(text(item, "description/value"), reading, "/hiringOrganization/description"),
        )
        industries = []
        for identifier in findall(item, "industryIdentifiers/item"):
            industry: dict[str, Any] = {}
            put(industry, "scheme", text(identifier, "schemeId"))
            put(industry, "code", text(identifier, "value"))
            put(industry, "name", text(identifier, "description"))
            if "code" in industry:
                industries.append(industry)
        industries += [{"code": code} for code in texts(item, "industryCodes/item")]
        put(organization, "industries", industries)
        contacts += [c for p in findall(item, "contacts/item") if (c := _contact(p, reading))]
    requester = find(root, "postingRequester")
    if "name" not in organization and text(requester, "name"):
        organization["name"] = text(requester, "name")
        reading.note(
            "/hiringOrganization/name",
            "employer name taken from postingRequester",
            "employer-from-requester",
        )
    if requester is not None:
        contacts += [
            c for p in findall(requester, "personContacts/item") if (c := _contact(p, reading))
        ]
    if "name" not in organization:
        raise ReadError(
            "no employer: expected positionOrganizations/item/name or postingRequester/name "
            "(a canonical posting needs hiringOrganization.name)"
        )
    name = organization.pop("name")
    doc["hiringOrganization"] = hiring_organization(name, organization, reading)
    put(doc, "contacts", contacts)


def _instructions(instruction: Element | None, reading: Reading) -> None:
    if instruction is None:
        return
    doc = reading.document
    put(doc, "datePosted", moment(text(instruction, "start"), reading, "/datePosted"))
    end = text(instruction, "end") or text(
        instruction, "applicationMethods/item/applicationCloseDate/end"
    )
    put(doc, "validThrough", moment(end, reading, "/validThrough"))
    method = find(instruction, "applicationMethods/item")
    application: dict[str, Any] = {}
    put(application, "url", text(method, "applicationUri/url"))
    put(application, "email", text(method, "applicationEmail/address"))
    put(application, "phone", text(method, "applicationPhone/formattedNumber"))
    put(application, "instructions", text(method, "instructions"))
    put(doc, "application", application)


def _location(element: Element, reading: Reading, pointer: str) -> dict[str, Any]:
    location: dict[str, Any] = {}
    location_id = text(element, "id/value")
    if location_id is not None and not _LOCATION_ID.fullmatch(location_id):
        reading.note(
            f"{pointer}/id",
            f"location id {location_id!r} is not usable as an id; left out",
            "location-id",
        )
        location_id = None
    put(location, "id", location_id)
    put(location, "label", text(element, "name") or text(element, "formattedAddress"))
    put(location, "streetAddress", text(element, "line"))
    put(location, "locality", text(element, "city"))
    country = text(element, "countryCode")
    for division in findall(element, "countrySubDivisions/item"):
        value = text(division, "value")
        if value is None:
            continue
        kind = fold(text(division, "type") or "")
        if (kind == "iso31662" or _REGION_CODE.fullmatch(value)) and "regionCode" not in location:
            location["regionCode"] = value
        elif country and _SHORT_CODE.fullmatch(value) and "regionCode" not in location:
            location["regionCode"] = f"{country}-{value}"
        elif "region" not in location:
            location["region"] = value
    put(location, "postalCode", text(element, "postalCode"))
    put(location, "country", country)
    latitude = number(text(element, "geoLocation/latitude"))
    longitude = number(text(element, "geoLocation/longitude"))
    if latitude is not None and longitude is not None:
        location["geo"] = {"latitude": latitude, "longitude": longitude}
    return location


def _locations(profiles: list[Element], reading: Reading) -> None:
    locations: list[dict[str, Any]] = []
    for profile in profiles:
        for element in findall(profile, "positionLocation/item"):
            location = _location(element, reading, f"/locations/{len(locations)}")
            if location and location not in locations:
                locations.append(location)
    put(reading.document, "locations", locations)


def _remote_work(element: Element | None, reading: Reading) -> None:
    if element is None:
        return
    indicator = text(element, "remoteWorkIndicator")
    arrangement: dict[str, Any] = {}
    if indicator in ("true", "1") or (
        indicator is None and find(element, "workLocationCodes/item") is not None
    ):
        arrangement["type"] = "REMOTE"
    elif indicator in ("false", "0"):
        arrangement["type"] = "ONSITE"
    else:
        return
    put(
        arrangement,
        "text",
        text(element, "restrictionDetails") or text(element, "remoteEligibilityRequirement"),
    )
    reading.document["workArrangement"] = arrangement


def _employment_types(offering: Element | None, schedule: Element | None, reading: Reading) -> None:
    types: list[str] = []
    for code in texts(offering, "item") + texts(schedule, "item"):
        mapped = EMPLOYMENT_TYPES_READ.get(fold(code), "OTHER")
        if mapped is None:
            continue
        if mapped not in types:
            types.append(mapped)
    put(reading.document, "employmentTypes", types)


def _work_hours(period: Element | None, shift: str | None, doc: dict[str, Any]) -> None:
    hours: dict[str, Any] = {}
    if period is not None and text(period, "workDuration/unitCode") == "HUR":
        base = (text(period, "baseDuration/unitCode"), text(period, "baseDuration/value"))
        value = number(text(period, "workDuration/value"))
        if base in (("WEE", "1"), (None, None)) and value is not None and 0 < value <= 168:
            hours["hoursPerWeek"] = value
    put(hours, "text", "\n\n".join(texts(period, "descriptions/item")) or shift)
    put(doc, "workHours", hours)


def _pay_range(element: Element, reading: Reading, pointer: str) -> dict[str, Any] | None:
    pay: dict[str, Any] = {}
    amounts = [(key, amount) for tag, key in _AMOUNTS if (amount := find(element, tag)) is not None]
    for _, amount in amounts:
        currency = text(amount, "currency")
        if currency:
            pay["currency"] = currency
            break
    for key, amount in amounts:
        put(pay, key, number(text(amount, "value")))
    interval = text(element, "intervalCode")
    if interval is not None:
        if fold(interval) in INTERVALS_READ:
            pay["period"] = INTERVALS_READ[fold(interval)]
        else:
            reading.note(
                pointer,
                f"pay interval {interval!r} has no canonical period; range left out",
                "interval",
            )
            return None
    return {
        key: pay[key] for key in ("currency", "minimum", "maximum", "value", "period") if key in pay
    }


_AMOUNTS = (
    ("minimumAmount", "minimum"),
    ("maximumAmount", "maximum"),
    ("referenceAmount", "value"),
)


def _incentive(element: Element, kind: str, reading: Reading, index: int) -> dict[str, Any] | None:
    """A range of another pay type than base pay: an incentive, with its amount when it has one.

    The amount needs a currency; an interval of ``Once`` (or none) leaves its period out.
    """
    incentive: dict[str, Any] = {"type": _INCENTIVES.get(kind, "OTHER")}
    amount: dict[str, Any] = {}
    amounts = [(key, found) for tag, key in _AMOUNTS if (found := find(element, tag)) is not None]
    for _, found in amounts:
        put(amount, "currency", text(found, "currency"))
        if "currency" in amount:
            break
    for key, found in amounts:
        put(amount, key, number(text(found, "value")))
    interval = text(element, "intervalCode")
    if interval is not None and fold(interval) in INTERVALS_READ:
        amount["period"] = INTERVALS_READ[fold(interval)]
    elif interval is not None and fold(interval) != "once":
        reading.note(
            f"/compensation/incentives/{index}",
            f"pay interval {interval!r} has no canonical period; left out",
            "interval",
        )
    if "currency" in amount and amount.keys() & {"minimum", "maximum", "value"}:
        incentive["amount"] = {
            key: amount[key]
            for key in ("currency", "minimum", "maximum", "value", "period")
            if key in amount
        }
    elif amounts:
        reading.note(
            "/compensation/incentives",
            f"pay of type {text(element, 'typeCode')!r} read as an incentive; "
            "its amounts are not kept (no currency)",
            "incentive",
        )
    return incentive


def _compensation(
    profiles: list[Element], first: Callable[[str], Element | None], reading: Reading
) -> None:
    doc = reading.document
    base_pay: list[dict[str, Any]] = []
    incentives: list[dict[str, Any]] = []
    linked = len(profiles) > 1
    for profile in profiles:
        places = findall(profile, "positionLocation/item")
        place_id = text(places[0], "id/value") if linked and len(places) == 1 else None
        if place_id is not None and not _LOCATION_ID.fullmatch(place_id):
            place_id = None
        for element in findall(profile, "offeredRemunerationPackage/ranges/item"):
            kind = fold(text(element, "typeCode") or "BasePay")
            if kind not in ("basepay", "regular"):
                incentive = _incentive(element, kind, reading, len(incentives))
                if incentive is not None and incentive not in incentives:
                    incentives.append(incentive)
                continue
            pay = _pay_range(element, reading, f"/compensation/basePay/{len(base_pay)}")
            if pay is None:
                continue
            if place_id is not None:
                pay["appliesTo"] = {"locationId": place_id}
            base_pay.append(pay)
    package = first("offeredRemunerationPackage")
    compensation: dict[str, Any] = {}
    put(compensation, "basePay", base_pay)
    put(compensation, "text", "\n\n".join(texts(package, "descriptions/item")) or None)
    put(compensation, "incentives", incentives)
    put(
        compensation, "benefits", texts(first("offeredRemunerationPackage/benefitsSummary"), "item")
    )
    put(doc, "compensation", compensation)


def _qualifications(wrapper: Element | None, reading: Reading) -> None:
    doc = reading.document
    skills: list[dict[str, Any]] = []
    experience: list[dict[str, Any]] = []
    education: list[dict[str, Any]] = []
    summaries: list[str] = []
    licences: list[str] = []
    for item in _items(wrapper):
        for competency in findall(item, "positionCompetencies/item"):
            name = text(competency, "competencyName")
            if name is None:
                continue
            skill: dict[str, Any] = {"name": name}
            if find(competency, "requiredProficiencyLevel") is not None:
                skill["requirement"] = "REQUIRED"
            elif find(competency, "desiredProficiencyLevel") is not None:
                skill["requirement"] = "PREFERRED"
            put(skill, "code", text(competency, "competencyIds/item/value"))
            put(skill, "scheme", text(competency, "competencyIds/item/schemeId"))
            skills.append(skill)
        for category in findall(item, "experienceSummary/item"):
            requirement: dict[str, Any] = {}
            value = number(text(category, "measure/value"))
            unit = text(category, "measure/unitCode")
            if value is not None and unit in ("MON", "ANN") and value >= 0:
                requirement["months"] = round(value * (12 if unit == "ANN" else 1))
            put(requirement, "subject", "\n\n".join(texts(category, "descriptions/item")) or None)
            if requirement:
                experience.append({**requirement, "requirement": "REQUIRED"})
        element = find(item, "educationRequirement")
        if element is not None:
            _education(element, education, reading)
        put_summary = text(item, "qualificationSummary")
        if put_summary is not None:
            summaries.append(put_summary)
        licences += texts(item, "licences/item")
    put(doc, "skills", skills)
    put(doc, "experienceRequirements", experience)
    put(doc, "educationRequirements", education)
    credentials = [{"kind": "LICENSE", "name": n, "requirement": "REQUIRED"} for n in licences]
    put(doc, "credentials", credentials)  # licences: "the required licenses for the position"
    for summary in summaries:
        section = {"heading": "Qualifications", "content": html.escape(summary, quote=False)}
        doc["sections"] = [*doc.get("sections", []), section]


def _education(element: Element, education: list[dict[str, Any]], reading: Reading) -> None:
    level = ISCED_READ.get(text(element, "iscedEducationLevelCode") or "")
    for name in (text(element, "degreeTypeCode"), text(element, "educationLevelCode")):
        if level is None and name is not None:
            level = DEGREES_READ.get(fold(name))
    pointer = f"/educationRequirements/{len(education)}"
    if level is None:
        reading.note(pointer, "education requirement without a known level; left out", "education")
        return
    requirement: dict[str, Any] = {"levels": [level]}
    put(requirement, "fieldsOfStudy", texts(element, "programs/item"))
    requirement["requirement"] = "REQUIRED"
    put(requirement, "text", "\n\n".join(texts(element, "descriptions/item")) or None)
    education.append(requirement)


def _classifications(profiles: list[Element], reading: Reading) -> None:
    foreign = []
    for profile in profiles:
        for item in findall(profile, "positionClassification/extendedPositionClassifications/item"):
            name = findtext(item, "name") or ""
            value = findtext(item, "value") or ""
            try:
                order = extras.decode_order(name, value)
                extra = None if order else extras.decode(name, value)
            except ValueError:
                reading.note(
                    "", f"extra {name!r} has a value that cannot be read; ignored", "extra"
                )
                continue
            if order is not None:
                reading.orders.append(order)
            elif extra is not None:
                reading.extras.append(extra)
            else:
                entry: dict[str, Any] = {"name": name, "value": value}
                put(entry, "countryCode", text(item, "countryCode"))
                foreign.append(entry)
    if foreign:
        reading.document["extensions"] = {"hropen": {"extendedPositionClassifications": foreign}}
