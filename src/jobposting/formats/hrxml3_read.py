"""Native HR-XML 3.2 PositionOpening elements -> canonical JSON value (the reader's mapping).

Element names are matched without their namespace: real exports put OAGIS address parts in
``oa:`` under generated prefixes (``wstxns1:CityName``) next to HR-XML ``CountryCode``, and
official examples use ``ReferenceLocation`` where EURES uses ``Address``. Open code lists are
read in every spelling seen (``FullTime``, ``Full Time``). Repairs and guesses are diagnostics
with ``hrxml3.*`` codes.
"""

from __future__ import annotations

import html
import re
from typing import Any

from lxml import etree

from jobposting.formats import hropen_extras as extras
from jobposting.formats.hropen_tree import (
    Element,
    attribute,
    element_text,
    find,
    findall,
    findtext,
    from_lxml,
    has_children,
    text,
    texts,
)
from jobposting.formats.hropen_values import (
    Reading,
    claim_own_block,
    moment,
    number,
    plain,
    put,
    rich,
)
from jobposting.formats.hropen_vocab import (
    DEGREES_READ,
    EMPLOYMENT_TYPES_READ,
    INTERVALS_READ,
    ISCED_READ,
    STATUS_READ,
    fold,
)
from jobposting.formats.hropen_write import (
    DESCRIPTION_SCHEME,
    SECTION_ID,
)
from jobposting.formats.hrxml3_write import DOCUMENT_ID_ATTRIBUTES, EXTRAS_NS

_REGION_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_SHORT_CODE = re.compile(r"[A-Z0-9]{1,3}")
_LOCATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z]{2})?")
_DOTTED_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_URL = re.compile(r"https?://\S+")
_LINK = re.compile(r"""<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a>""", re.S | re.I)


def positions(root: etree._Element) -> list[etree._Element]:
    """The PositionOpening elements of a bare noun or of a ``...PositionOpening`` BOD."""
    name = etree.QName(root).localname
    if name == "PositionOpening":
        return [root]
    if name.endswith("PositionOpening"):
        qualified = f"{{{etree.QName(root).namespace}}}PositionOpening"
        return [e for e in root.iter(qualified, "PositionOpening") if e is not root]
    return []


def _collect_extras(position: etree._Element, reading: Reading) -> None:
    for element in position.iter(f"{{{EXTRAS_NS}}}Extra"):
        name, value = element.get("name") or "", element.text or ""
        try:
            order = extras.decode_order(name, value)
            extra = None if order else extras.decode(name, value)
        except ValueError:
            reading.note("", f"UserArea extra {name!r} cannot be read; ignored", "extra")
            continue
        if order is not None:
            reading.orders.append(order)
        elif extra is not None:
            reading.extras.append(extra)
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)


def read_native(position: etree._Element) -> Reading:
    """Map one (namespace-qualified) PositionOpening element to a canonical JSON value.

    The element loses its extras (they are removed from it as they are read); element names
    are read without their namespaces.
    """
    reading = Reading("hrxml3")
    _collect_extras(position, reading)
    return _read_native(from_lxml(position, local_names=True, attributes=True), reading)


def _read_native(position: Element, reading: Reading) -> Reading:
    doc = reading.document
    document_id = find(position, "DocumentID")
    put(doc, "id", element_text(document_id))
    if document_id is not None and "id" in doc:
        given = document_id.get("@", {})
        scheme = {k: given[k] for k in DOCUMENT_ID_ATTRIBUTES if given.get(k)}
        if scheme:
            doc["extensions"] = {"hrxml3": {"documentId": scheme}}
    identifiers = []
    for element in findall(position, "AlternateDocumentID"):
        value = element_text(element)
        if value is not None:
            scheme_id = attribute(element, "schemeID")
            agency = attribute(element, "schemeAgencyID")
            identifier = {"scheme": scheme_id or agency or "AlternateDocumentID", "value": value}
            if scheme_id:
                put(identifier, "issuer", agency)  # the agency managing the scheme: the issuer
            put(identifier, "name", attribute(element, "schemeName"))
            identifiers.append(identifier)
    status = text(position, "PositionOpeningStatusCode")
    if status is not None:
        if fold(status) in STATUS_READ:
            doc["status"] = STATUS_READ[fold(status)]
        else:
            reading.note("/status", f"status {status!r} has no canonical value; left out", "status")
    profile = find(position, "PositionProfile")
    if profile is None:
        profile = {"": None}
    language = attribute(profile, "languageCode") or attribute(position, "languageCode")
    if language and _LANGUAGE.fullmatch(language):
        head, _, tail = language.partition("-")
        doc["language"] = head.lower() + ("-" + tail.upper() if tail else "")
    position_id = text(profile, "PositionID")
    if position_id is not None:
        identifiers.append({"scheme": "PositionID", "value": position_id})
    put(doc, "identifiers", identifiers)
    put(doc, "title", text(profile, "PositionTitle"))
    _descriptions(profile, reading)
    _organization(position, profile, reading)
    _posting_instruction(profile, reading)
    _locations(profile, reading)
    _employment_types(profile, reading)
    shift = text(profile, "ShiftDescription")
    if shift is not None:
        doc["workHours"] = {"text": shift}
    quantity = number(text(profile, "PositionOpenQuantity"))
    if isinstance(quantity, int) and quantity >= 1:
        doc["openings"] = quantity
    categories = []
    for element in findall(profile, "JobCategoryCode"):
        code = element_text(element)
        if code is not None:
            category: dict[str, Any] = {}
            put(category, "scheme", attribute(element, "listName") or attribute(element, "listURI"))
            category["code"] = code
            put(category, "name", attribute(element, "name"))
            categories.append(category)
    put(doc, "occupationalCategories", categories)
    _qualifications(profile, reading)
    languages: list[dict[str, str]] = []
    for code in texts(profile, "WorkingLanguageCode"):
        if _LANGUAGE.fullmatch(code):
            head, _, tail = code.partition("-")
            tag = head.lower() + ("-" + tail.upper() if tail else "")
            if all(r["language"] != tag for r in languages):
                languages.append({"language": tag, "requirement": "REQUIRED"})
    put(doc, "languageRequirements", languages)
    period = find(profile, "PositionPeriod")
    put(doc, "startDate", _date(period, "StartDate", reading, "/startDate"))
    put(doc, "endDate", _date(period, "EndDate", reading, "/endDate"))
    immediate = text(profile, "ImmediateStartIndicator")
    if immediate is not None:
        doc["startImmediately"] = immediate in ("true", "1")
    _remuneration(profile, reading)
    put(
        doc, "validThrough", moment(text(profile, "ApplicationCloseDate"), reading, "/validThrough")
    )
    user_area = find(position, "UserArea")
    if user_area is not None and has_children(user_area):
        reading.note("", "UserArea content from another system is not kept", "user-area")
    return reading


def _date(period: Element | None, tag: str, reading: Reading, pointer: str) -> str | None:
    if period is None:
        return None
    element = find(period, tag)
    if element is None:
        return None
    value = text(element, "FormattedDateTime") or element_text(element)
    if value is None:
        words = text(element, "DateText")
        dotted = _DOTTED_DATE.fullmatch(words or "")
        if dotted:
            day, month, year = (int(g) for g in dotted.groups())
            reading.note(pointer, f"date {words!r} read as day.month.year", "date-text")
            return f"{year:04d}-{month:02d}-{day:02d}"
        if words is not None:
            reading.note(pointer, f"date text {words!r} is not a date; left out", "date-text")
        return None
    return moment(value, reading, pointer)


def _descriptions(profile: Element, reading: Reading) -> None:
    doc = reading.document
    sections: list[dict[str, str]] = []
    legal: list[dict[str, str]] = []
    for item in findall(profile, "PositionFormattedDescription"):
        identifier = find(item, "ID")
        key = element_text(identifier)
        ours = identifier is not None and attribute(identifier, "schemeID") == DESCRIPTION_SCHEME
        title = text(item, "Name")
        content = findtext(item, "Content")
        if content is None or not content.strip():
            continue
        if ours and claim_own_block(doc, legal, key, content, lambda c: plain(c) or ""):
            continue
        if ours and key == SECTION_ID and title is not None:
            sections.append({"heading": title, "content": content})
            continue
        if "description" not in doc and (
            title is None or fold(title) in {"description", "jobdescription"}
        ):
            put(doc, "description", rich(_paragraphs(content), reading, "/description"))
            continue
        body = rich(_paragraphs(content), reading, f"/sections/{len(sections)}/content")
        if body is not None:
            sections.append({"heading": title or "Details", "content": body})
    put(doc, "sections", sections)
    put(doc, "legalStatements", legal)


def _paragraphs(content: str) -> str:
    """Foreign content: HTML as it is; plain text escaped, its blank-line paragraphs kept."""
    stripped = content.strip()
    if "<" in stripped and re.search(r"</?[A-Za-z][^>]*>", stripped):
        return stripped
    lines = [line.rstrip() for line in stripped.splitlines()]
    return html.escape("\n".join(lines), quote=False)


def _organization(position: Element, profile: Element, reading: Reading) -> None:
    doc = reading.document
    organization: dict[str, Any] = {}
    element = find(profile, "PositionOrganization")
    if element is not None:
        put(organization, "name", text(element, "OrganizationIdentifiers/OrganizationName"))
        put(
            organization,
            "legalName",
            text(element, "OrganizationIdentifiers/OrganizationLegalName"),
        )
        legal_id = text(element, "OrganizationIdentifiers/OrganizationLegalID")
        if legal_id is not None:
            organization["identifiers"] = [{"scheme": "OrganizationLegalID", "value": legal_id}]
        industries = []
        for code in findall(element, "IndustryCode"):
            value = element_text(code)
            if value is not None:
                industry: dict[str, Any] = {}
                put(industry, "scheme", attribute(code, "listName"))
                industry["code"] = value
                put(industry, "name", attribute(code, "name"))
                industries.append(industry)
        put(organization, "industries", industries)
        for unit in findall(element, "OrganizationalIdentifiers"):
            name = text(unit, "OrganizationalName")
            if name is not None and "department" not in doc:
                doc["department"] = name
    requester = find(position, "PostingRequester")
    if "name" not in organization and text(requester, "PartyName"):
        organization["name"] = text(requester, "PartyName")
        reading.note(
            "/hiringOrganization/name",
            "employer name taken from PostingRequester/PartyName",
            "employer-from-requester",
        )
    if "name" not in organization:
        from jobposting.errors import ReadError

        raise ReadError(
            "no employer: expected PositionProfile/PositionOrganization/OrganizationIdentifiers/"
            "OrganizationName or PostingRequester/PartyName (a canonical posting needs "
            "hiringOrganization.name)"
        )
    doc["hiringOrganization"] = {"name": organization.pop("name"), **organization}
    contacts = []
    if requester is not None:
        for person in findall(requester, "PersonContact"):
            contact: dict[str, Any] = {"role": "OTHER"}
            put(contact, "name", text(person, "PersonName/FormattedName"))
            for communication in findall(person, "Communication"):
                _communication(communication, contact)
            if len(contact) > 1:
                role = text(person, "RoleName") or attribute(person, "contactTypeCode")
                put(contact, "text", role)
                contacts.append(contact)
    put(doc, "contacts", contacts)


def _communication(element: Element, target: dict[str, Any]) -> None:
    channel = fold(text(element, "ChannelCode") or "")
    uri = text(element, "URI")
    if channel in ("telephone", "mobile", "phone") and "phone" not in target:
        number_text = text(element, "FormattedNumber") or "".join(
            t for t in (text(element, "AreaDialing"), text(element, "DialNumber")) if t
        )
        put(target, "phone", number_text or None)
    elif channel == "email" and uri and "email" not in target:
        target["email"] = uri.removeprefix("mailto:")
    elif channel in ("web", "url") and uri and "url" not in target:
        target["url"] = uri


def _posting_instruction(profile: Element, reading: Reading) -> None:
    doc = reading.document
    instruction = find(profile, "PostingInstruction")
    if instruction is None:
        return
    posted = find(instruction, "PostingPeriod/StartDate")
    if posted is not None:
        value = text(posted, "FormattedDateTime") or element_text(posted)
        put(doc, "datePosted", moment(value, reading, "/datePosted"))
    application: dict[str, Any] = {}
    for method in findall(instruction, "ApplicationMethod"):
        words = text(method, "Instructions")
        for communication in findall(method, "Communication"):
            _communication(communication, application)
        if words is None:
            continue
        link = _LINK.search(words)
        if _URL.fullmatch(words) and "url" not in application:
            application["url"] = words
        elif link and "url" not in application and _URL.fullmatch(link.group(1)):
            application["url"] = link.group(1)
            put(application, "instructions", plain(words))
            reading.note(
                "/application/url",
                "application link taken from the instructions' HTML",
                "instructions-link",
            )
        elif "instructions" not in application:
            application["instructions"] = words
    put(doc, "application", application)


def _locations(profile: Element, reading: Reading) -> None:
    locations = []
    for element in findall(profile, "PositionLocation"):
        location: dict[str, Any] = {}
        location_id = text(element, "LocationID")
        if location_id is not None and _LOCATION_ID.fullmatch(location_id):
            location["id"] = location_id
        elif location_id is not None:
            location["label"] = location_id
        address = find(element, "Address")
        if address is None:
            address = find(element, "ReferenceLocation")
        if address is not None:
            lines = texts(address, "AddressLine")
            put(location, "streetAddress", ", ".join(lines) or None)
            put(location, "locality", text(address, "CityName"))
            country = text(address, "CountryCode")
            for division in findall(address, "CountrySubDivisionCode"):
                value = element_text(division)
                if value is None:
                    continue
                iso = fold(attribute(division, "listID") or "") == "iso31662"
                if (iso or _REGION_CODE.fullmatch(value)) and "regionCode" not in location:
                    location["regionCode"] = value
                elif (
                    country
                    and _SHORT_CODE.fullmatch(value)
                    and "regionCode" not in location
                    and not value.startswith(country)
                ):
                    location["regionCode"] = f"{country}-{value}"
                elif "region" not in location:
                    location["region"] = value
            put(location, "postalCode", text(address, "PostalCode"))
            if country is not None and re.fullmatch(r"[A-Z]{2}", country.upper()):
                location["country"] = country.upper()
        if location:
            locations.append(location)
    put(reading.document, "locations", locations)


def _employment_types(profile: Element, reading: Reading) -> None:
    types: list[str] = []
    codes = texts(profile, "PositionOfferingTypeCode") + texts(profile, "PositionScheduleTypeCode")
    for code in codes:
        mapped = EMPLOYMENT_TYPES_READ.get(fold(code), "OTHER")
        if mapped is not None and mapped not in types:
            types.append(mapped)
    put(reading.document, "employmentTypes", types)


def _qualifications(profile: Element, reading: Reading) -> None:
    doc = reading.document
    element = find(profile, "PositionQualifications")
    if element is None:
        return
    skills = []
    for competency in findall(element, "PositionCompetency"):
        name = text(competency, "CompetencyName")
        if name is None:
            continue
        skill: dict[str, Any] = {"name": name}
        if find(competency, "RequiredProficiencyLevel") is not None:
            skill["requirement"] = "REQUIRED"
        elif find(competency, "DesiredProficiencyLevel") is not None:
            skill["requirement"] = "PREFERRED"
        identifier = find(competency, "CompetencyID")
        put(skill, "code", element_text(identifier))
        put(skill, "scheme", attribute(identifier, "schemeID") if identifier is not None else None)
        skills.append(skill)
    put(doc, "skills", skills)
    education: list[dict[str, Any]] = []
    for requirement in findall(element, "EducationRequirement"):
        level = ISCED_READ.get(text(requirement, "EducationLevelCode") or "")
        degree = text(requirement, "DegreeTypeCode") or text(requirement, "EducationLevelCode")
        if level is None and degree is not None:
            level = DEGREES_READ.get(fold(degree))
        if level is None:
            reading.note(
                f"/educationRequirements/{len(education)}",
                "education requirement without a known level; left out",
                "education",
            )
            continue
        item: dict[str, Any] = {"levels": [level]}
        put(item, "fieldsOfStudy", texts(requirement, "ProgramName"))
        item["requirement"] = "REQUIRED"
        put(item, "text", text(requirement, "Description"))
        education.append(item)
    put(doc, "educationRequirements", education)
    experience = []
    for category in findall(element, "ExperienceSummary/ExperienceCategory"):
        item = {}
        measure = find(category, "Measure")
        value = number(element_text(measure))
        unit = fold((attribute(measure, "unitCode") if measure is not None else None) or "")
        if (
            value is not None
            and value >= 0
            and unit in ("month", "months", "mon", "year", "years", "ann")
        ):
            item["months"] = round(value * (12 if unit in ("year", "years", "ann") else 1))
        put(item, "subject", text(category, "Description"))
        if item:
            experience.append({**item, "requirement": "REQUIRED"})
    put(doc, "experienceRequirements", experience)


def _remuneration(profile: Element, reading: Reading) -> None:
    package = find(profile, "OfferedRemunerationPackage")
    if package is None:
        return
    base_pay: list[dict[str, Any]] = []
    for element in findall(package, "RemunerationRange"):
        pay: dict[str, Any] = {}
        for tag, key in (("MinimumAmount", "minimum"), ("MaximumAmount", "maximum"),
                         ("RemunerationAmount", "value")):  # fmt: skip
            amount = find(element, tag)
            value = number(element_text(amount))
            if amount is not None and value is not None:
                pay[key] = value
                currency = attribute(amount, "currencyID") or attribute(amount, "currencyCode")
                if currency and "currency" not in pay:
                    pay["currency"] = currency
        interval = text(element, "FrequencyCode") or text(element, "IntervalCode")
        if interval is not None and fold(interval) in INTERVALS_READ:
            pay["period"] = INTERVALS_READ[fold(interval)]
        elif interval is not None:
            reading.note(
                f"/compensation/basePay/{len(base_pay)}",
                f"pay interval {interval!r} has no canonical period; range left out",
                "interval",
            )
            continue
        base_pay.append(
            {k: pay[k] for k in ("currency", "minimum", "maximum", "value", "period") if k in pay}
        )
    compensation: dict[str, Any] = {}
    put(compensation, "basePay", base_pay)
    put(compensation, "text", text(package, "Description"))
    put(compensation, "benefits", texts(package, "BenefitsDescription"))
    put(reading.document, "compensation", compensation)
