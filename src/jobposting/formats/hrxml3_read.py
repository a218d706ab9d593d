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

from jobposting.errors import ReadError
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
    hiring_organization,
    language_tag,
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
from jobposting.formats.hrxml3_legacy import is_hrxml2, read_hrxml2
from jobposting.formats.hrxml3_write import DOCUMENT_ID_ATTRIBUTES, EXTRAS_NS

_REGION_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_SHORT_CODE = re.compile(r"[A-Z0-9]{1,3}")
_LOCATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_CEFR = {"A1", "A2", "B1", "B2", "C1", "C2"}
_DOTTED_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_URL = re.compile(r"https?://\S+")
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
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
    if is_hrxml2(position):
        return read_hrxml2(position)
    reading = Reading("hrxml3")
    _collect_extras(position, reading)
    try:
        return _read_native(from_lxml(position, local_names=True, attributes=True), reading)
    except ReadError as error:  # what the document lacks: located at its PositionOpening
        if error.where is not None:
            raise
        raise ReadError(error.message, where=f"line {position.sourceline}") from None


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
    put(doc, "language", language_tag(language))
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
        tag = language_tag(code)
        if tag is not None and all(r["language"] != tag for r in languages):
            languages.append({"language": tag, "requirement": "REQUIRED"})
    _language_competencies(profile, languages)
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
            given = _paragraphs(content, reading, "/description")
            put(doc, "description", rich(given, reading, "/description"))
            continue
        pointer = f"/sections/{len(sections)}/content"
        body = rich(_paragraphs(content, reading, pointer), reading, pointer)
        if body is not None:
            sections.append({"heading": title or "Details", "content": body})
    put(doc, "sections", sections)
    put(doc, "legalStatements", legal)


def _paragraphs(content: str, reading: Reading, pointer: str) -> str:
    """Foreign content: HTML as it is; plain text escaped, its blank-line paragraphs kept.

    Plain text holding HTML character references (EURES exports write ``&amp;#xa0;`` and
    ``&amp;amp;``: text escaped once more than XML needs) has them resolved first (noted).
    """
    stripped = content.strip()
    if "<" in stripped and re.search(r"</?[A-Za-z][^>]*>", stripped):
        return stripped
    if "&" in stripped and _ENTITY.search(stripped):
        stripped = html.unescape(stripped)
        reading.note(pointer, "HTML character references in plain text resolved", "entities")
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
        raise ReadError(
            "no employer: expected PositionProfile/PositionOrganization/OrganizationIdentifiers/"
            "OrganizationName or PostingRequester/PartyName (a canonical posting needs "
            "hiringOrganization.name)"
        )
    name = organization.pop("name")
    doc["hiringOrganization"] = hiring_organization(name, organization, reading)
    contacts = []
    # EURES exports name the person to apply to in the application method.
    methods = findall(profile, "PostingInstruction/ApplicationMethod")
    for person in findall(requester, "PersonContact") + [
        p for method in methods for p in findall(method, "PersonContact")
    ]:
        contact: dict[str, Any] = {"role": "OTHER"}
        name = text(person, "PersonName/FormattedName") or " ".join(
            texts(person, "PersonName/GivenName") + texts(person, "PersonName/FamilyName")
        )
        put(contact, "name", name or None)
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


def _language_competencies(profile: Element, languages: list[dict[str, str]]) -> None:
    """EURES writes a language as a competency of the ``language`` taxonomy: its ID the
    language code, its proficiency a CEFR level (``A1`` to ``C2``)."""
    for competency in findall(profile, "PositionQualifications/PositionCompetency"):
        tag = language_tag(text(competency, "CompetencyID"))
        if fold(text(competency, "TaxonomyID") or "") != "language" or tag is None:
            continue
        required = find(competency, "RequiredProficiencyLevel")
        wanted = required or find(competency, "DesiredProficiencyLevel")
        level = (text(wanted, "ScoreText") or "").upper()
        entry = next((r for r in languages if r["language"] == tag), None)
        if entry is None:
            entry = {"language": tag, "requirement": "REQUIRED" if required else "PREFERRED"}
            languages.append(entry)
        if level in _CEFR and "level" not in entry:
            entry["level"] = level


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
        pointer = f"/compensation/basePay/{len(base_pay)}"
        if not pay.keys() & {"minimum", "maximum", "value"}:
            # EURES exports write an empty range (only its RemunerationTypeCode) when no pay is
            # given: nothing to keep.
            if any(key not in ("", "@", "RemunerationTypeCode") for key in element):
                reading.note(pointer, "pay range without an amount; left out", "pay-range")
            continue
        if "currency" not in pay:
            reading.note(pointer, "pay range without a currency; left out", "pay-range")
            continue
        interval = text(element, "FrequencyCode") or text(element, "IntervalCode")
        if interval is not None and fold(interval) in INTERVALS_READ:
            pay["period"] = INTERVALS_READ[fold(interval)]
        elif interval is not None:
            reading.note(
                pointer,
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
