"""Canonical posting -> native HR Open 4.3 PositionOpening elements (the writer's mapping).

Works on canonical JSON values (``codec.to_dict``), field by field as converters/hropen/
mapping.toml lists them. Only values the 4.3 XSD accepts are written natively (closed code
lists are checked); whatever this mapping cannot hold exactly is carried by the extras that
``hropen.py`` computes by reading this output back (``hropen_extras``). The output is a tree of
plain dicts (``hropen_tree``), which the native reader reads directly (no serialising and
parsing in between) and :func:`serialise` writes byte for byte as lxml's pretty printer would.

HR Open 4.3 facts this follows (see the XSDs in schemas/vendor/hropen-4.3): only the root is
namespace-qualified; arrays are a wrapper with repeated ``<item>``; content models are
``xsd:all``; a pay range has no link to a location, so when pay differs by location each
location gets its own ``positionProfiles/item`` with its own ``offeredRemunerationPackage``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from jobposting.formats.hropen_tree import Element, sub
from jobposting.formats.hropen_vocab import (
    INTERVALS,
    ISCED,
    OFFERING_TYPES,
    PAY_TYPES,
    SCHEDULE_TYPES,
    STATUS,
    is_code,
)

NS = "https://hropenstandards.org/schema/xml/"
#: descriptionId scheme of the formatted descriptions this writer produces.
DESCRIPTION_SCHEME = "jobposting"
#: Titles of the formatted descriptions that hold canonical text lists, by descriptionId.
LIST_TITLES = {
    "responsibilities": "Responsibilities",
    "requiredQualifications": "Required qualifications",
    "preferredQualifications": "Preferred qualifications",
}
LEGAL_PREFIX = "legalStatement:"
SECTION_ID = "section"
LOCATION_PROFILE = "location:"
OTHER_PAY_PROFILE = "pay:other"

Doc = Mapping[str, Any]


# What lxml refuses in text: C0 controls other than tab, LF and CR, U+FFFE and U+FFFF
# (ValueError), and lone surrogates (UnicodeEncodeError when encoded).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: The C0 controls lxml refuses, as bytes to delete (a quick test on the encoded document).
_C0 = bytes(c for c in range(32) if c not in (9, 10, 13))


def _has_non_characters(text: str) -> bool:
    return "\ufffe" in text or "\uffff" in text


_NOT_XML_MESSAGE = (
    "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
)
_ROOT_START = f'<hropen:PositionOpening xmlns:hropen="{NS}">\n'
_ROOT_END = "</hropen:PositionOpening>\n"


def _escape(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _serialise(element: Element, indent: str, append: Callable[[str], None]) -> None:
    # The children of ``element``, one per line, ``indent`` deeper than it.
    deeper = indent + "  "
    for tag, children in element.items():
        if not tag:  # the element's own text (None: the writer puts none on a parent)
            continue
        for child in children:
            if len(child) > 1:  # the text key and children
                append(f"{indent}<{tag}>\n")
                _serialise(child, deeper, append)
                append(f"{indent}</{tag}>\n")
                continue
            value = child[""]
            if value is None:
                append(f"{indent}<{tag}/>\n")
                continue
            if "&" in value or "<" in value or ">" in value or "\r" in value:
                value = _escape(value)
            append(f"{indent}<{tag}>{value}</{tag}>\n")


def _texts(element: Element) -> Iterator[str]:
    value = element[""]
    if value is not None:
        yield value
    for tag, children in element.items():
        if tag != "":
            for child in children:
                yield from _texts(child)


def serialise(root: Element) -> bytes:
    """The UTF-8 bytes of a PositionOpening tree, as lxml's ``tostring(pretty_print=True)``.

    Raises ValueError, as lxml does, when a text holds a character XML cannot carry.
    """
    out: list[str] = [_ROOT_START]
    _serialise(root, "  ", out.append)
    out.append(_ROOT_END)
    written = "".join(out)
    try:
        data = written.encode("utf-8")
    except UnicodeEncodeError:
        data = b""  # a lone surrogate: found and reported below
    if not data or len(data.translate(None, _C0)) != len(data) or _has_non_characters(written):
        for value in _texts(root):
            if _NOT_XML.search(value):
                value.encode("utf-8")  # a lone surrogate: lxml's UnicodeEncodeError
                raise ValueError(_NOT_XML_MESSAGE)
    return data


def number_text(value: int | float) -> str:
    """Write a JSON number as xsd:decimal (no exponent); floats keep their point."""
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(value, "f")
    return text


def build(doc: Doc) -> Element:
    """Return the PositionOpening element for canonical document ``doc`` (no extras yet)."""
    root: Element = {"": None}
    if "id" in doc:
        sub(sub(root, "documentId"), "value", doc["id"])
    if "identifiers" in doc:
        wrapper = sub(root, "alternateIds")
        for identifier in doc["identifiers"]:
            _identifier(sub(wrapper, "item"), identifier)
    if "language" in doc and is_code("LanguageCodeList", doc["language"]):
        sub(root, "language", doc["language"])
    if "status" in doc:
        sub(root, "statusCode", STATUS[doc["status"]])
    profiles = sub(root, "positionProfiles")
    _profiles(profiles, doc)
    return root


def _identifier(element: Element, identifier: Doc) -> None:
    sub(element, "value", identifier["value"])
    sub(element, "schemeId", identifier["scheme"])
    if "issuer" in identifier:
        sub(element, "schemeAgencyId", identifier["issuer"])
    if "name" in identifier:
        sub(element, "description", identifier["name"])


def _per_location(doc: Doc) -> bool:
    pay = doc.get("compensation", {}).get("basePay", [])
    return any("locationId" in r.get("appliesTo", {}) for r in pay)


def profile_plan(doc: Doc) -> list[tuple[str | None, list[int], list[int]]]:
    """Plan the profiles: (profileName, location indices, basePay indices) for each.

    The first profile is the main one and carries everything else.
    """
    locations = doc.get("locations", [])
    pay = doc.get("compensation", {}).get("basePay", [])
    if not _per_location(doc) or not locations:
        return [(None, list(range(len(locations))), list(range(len(pay))))]
    plan: list[tuple[str | None, list[int], list[int]]] = []
    for index, location in enumerate(locations):
        location_id = location.get("id")
        own = [
            i
            for i, r in enumerate(pay)
            if location_id and r.get("appliesTo", {}).get("locationId") == location_id
        ]
        plan.append((LOCATION_PROFILE + location_id if location_id else None, [index], own))
    others = [i for i, r in enumerate(pay) if "locationId" not in r.get("appliesTo", {})]
    if others:
        plan.append((OTHER_PAY_PROFILE, [], others))
    return plan


def pay_order(doc: Doc) -> list[int]:
    """For each canonical basePay index, the position the writer puts that range at."""
    written = [i for _, _, indices in profile_plan(doc) for i in indices]
    return [written.index(i) for i in range(len(written))]


def _profiles(wrapper: Element, doc: Doc) -> None:
    """One profile, or one per location (plus one for other pay) when pay differs by location."""
    locations = doc.get("locations", [])
    pay = doc.get("compensation", {}).get("basePay", [])
    for number, (name, location_indices, pay_indices) in enumerate(profile_plan(doc)):
        item = sub(wrapper, "item")
        if name is not None:
            sub(item, "profileName", name)
        places = [locations[i] for i in location_indices]
        ranges = [pay[i] for i in pay_indices]
        if number == 0:
            _main_profile(item, doc, places, ranges)
            continue
        sub(item, "positionTitle", doc["title"])
        if places:
            _locations(item, places)
        _package(item, ranges, None)


def _main_profile(item: Element, doc: Doc, locations: Sequence[Doc], pay: Sequence[Doc]) -> None:
    sub(item, "positionTitle", doc["title"])
    if "url" in doc:
        sub(item, "positionUri", doc["url"])
    if locations:
        _locations(item, locations)
    if "workArrangement" in doc:
        _remote_work(sub(item, "remoteWork"), doc["workArrangement"])
    _organizations(item, doc)
    if "openings" in doc:
        sub(item, "positionOpenQuantity", str(doc["openings"]))
    if "occupationalCategories" in doc:
        _job_categories(sub(item, "jobCategories"), doc["occupationalCategories"])
    _employment_types(item, doc.get("employmentTypes", []))
    if "startDate" in doc or "endDate" in doc:
        period = sub(item, "positionPeriod")
        if "startDate" in doc:
            sub(period, "start", doc["startDate"])
        if "endDate" in doc:
            sub(period, "end", doc["endDate"])
    if "startImmediately" in doc:
        sub(item, "immediateStartIndicator", "true" if doc["startImmediately"] else "false")
    if "workHours" in doc:
        _working_period(sub(sub(item, "workingPeriods"), "item"), doc["workHours"])
    _package(item, pay, doc.get("compensation"))
    _qualifications(item, doc)
    _descriptions(item, doc)
    _posting_instructions(item, doc)
    if "languageRequirements" in doc:
        codes = [r["language"] for r in doc["languageRequirements"]]
        if all(is_code("LanguageCodeList", code) for code in codes):
            wrapper = sub(item, "workingLanguages")
            for code in codes:
                sub(sub(wrapper, "item"), "code", code)


def _locations(item: Element, locations: Sequence[Doc]) -> None:
    wrapper = sub(item, "positionLocation")
    for location in locations:
        element = sub(wrapper, "item")
        if "id" in location:
            sub(sub(element, "id"), "value", location["id"])
        if "streetAddress" in location:
            sub(element, "line", location["streetAddress"])
        if "country" in location and is_code("CountryCodeList", location["country"]):
            sub(element, "countryCode", location["country"])
        if "region" in location or "regionCode" in location:
            divisions = sub(element, "countrySubDivisions")
            if "region" in location:
                division = sub(divisions, "item")
                sub(division, "type", "Region")
                sub(division, "value", location["region"])
            if "regionCode" in location:
                division = sub(divisions, "item")
                sub(division, "type", "ISO3166-2")
                sub(division, "value", location["regionCode"])
        if "locality" in location:
            sub(element, "city", location["locality"])
        if "postalCode" in location:
            sub(element, "postalCode", location["postalCode"])
        if "geo" in location:
            geo = sub(element, "geoLocation")
            sub(geo, "latitude", number_text(location["geo"]["latitude"]))
            sub(geo, "longitude", number_text(location["geo"]["longitude"]))
        if "label" in location:
            sub(element, "name", location["label"])


def _remote_work(element: Element, arrangement: Doc) -> None:
    # HR Open says only whether remote work is possible; HYBRID and the applicant areas
    # travel as extras, the restriction codes below are derived for other consumers.
    sub(element, "remoteWorkIndicator", "false" if arrangement["type"] == "ONSITE" else "true")
    areas = arrangement.get("applicantLocations", [])
    codes = []
    for area in areas:
        code = (
            "Regional"
            if ("region" in area or "regionCode" in area)
            else ("Country" if "country" in area else "Territory")
        )
        if code not in codes:
            codes.append(code)
    if codes:
        wrapper = sub(element, "restrictionCodes")
        for code in codes:
            sub(wrapper, "item", code)
    if "text" in arrangement:
        sub(element, "restrictionDetails", arrangement["text"])


def _organizations(item: Element, doc: Doc) -> None:
    organization = doc["hiringOrganization"]
    wrapper = sub(item, "positionOrganizations")
    element = sub(wrapper, "item")
    sub(element, "name", organization["name"])
    if "description" in organization:
        sub(sub(element, "description"), "value", organization["description"])
    industries = organization.get("industries", [])
    if industries and all("code" in i for i in industries):
        codes = sub(element, "industryIdentifiers")
        for industry in industries:
            identifier = sub(codes, "item")
            sub(identifier, "value", industry["code"])
            if "scheme" in industry:
                sub(identifier, "schemeId", industry["scheme"])
            if "name" in industry:
                sub(identifier, "description", industry["name"])
    if "url" in organization:
        sub(sub(sub(sub(element, "communication"), "web"), "item"), "url", organization["url"])
    if "contacts" in doc:
        _contacts(sub(element, "contacts"), doc["contacts"])
    if "department" in doc:
        department = sub(wrapper, "item")
        sub(department, "name", doc["department"])
        sub(department, "responsibilityCode", "Department")


def _contacts(wrapper: Element, contacts: Sequence[Doc]) -> None:
    for contact in contacts:
        person = sub(wrapper, "item")
        if "name" in contact:
            sub(sub(person, "name"), "formattedName", contact["name"])
        if "email" in contact or "phone" in contact or "url" in contact:
            communication = sub(person, "communication")
            if "email" in contact:
                sub(sub(sub(communication, "email"), "item"), "address", contact["email"])
            if "phone" in contact:
                phone = sub(sub(communication, "phone"), "item")
                sub(phone, "formattedNumber", contact["phone"])
            if "url" in contact:
                sub(sub(sub(communication, "web"), "item"), "url", contact["url"])
        sub(person, "roleCode", contact["role"])


def _job_categories(wrapper: Element, categories: Sequence[Doc]) -> None:
    for category in categories:
        element = sub(wrapper, "item")
        if "code" in category and "scheme" in category:
            identifier = sub(element, "id")
            sub(identifier, "value", category["code"])
            sub(identifier, "schemeId", category["scheme"])
        if "name" in category:
            sub(element, "name", category["name"])
        if "code" in category:
            sub(element, "code", category["code"])


def _employment_types(item: Element, types: Sequence[str]) -> None:
    offering = [OFFERING_TYPES[t] for t in types if t in OFFERING_TYPES]
    schedule = [SCHEDULE_TYPES[t] for t in types if t in SCHEDULE_TYPES]
    if offering:
        wrapper = sub(item, "positionOfferingTypes")
        for code in offering:
            sub(wrapper, "item", code)
    if schedule:
        wrapper = sub(item, "positionScheduleTypeCodes")
        for code in schedule:
            sub(wrapper, "item", code)


def _working_period(element: Element, hours: Doc) -> None:
    if "hoursPerWeek" in hours:
        duration = sub(element, "workDuration")
        sub(duration, "value", number_text(hours["hoursPerWeek"]))
        sub(duration, "unitCode", "HUR")
        base = sub(element, "baseDuration")
        sub(base, "value", "1")
        sub(base, "unitCode", "WEE")
    if "text" in hours:
        sub(sub(element, "descriptions"), "item", hours["text"])


def _amount(parent: Element, tag: str, value: int | float, currency: str) -> None:
    amount = sub(parent, tag)
    sub(amount, "value", number_text(value))
    if is_code("CurrencyCodeList", currency):
        sub(amount, "currency", currency)


def _native_incentives(compensation: Doc | None) -> list[Doc]:
    """The incentives written as ranges: an amount in a listed currency, a type with a code."""
    return [
        incentive
        for incentive in (compensation or {}).get("incentives", [])
        if "amount" in incentive
        and incentive["type"] in PAY_TYPES
        and is_code("CurrencyCodeList", incentive["amount"]["currency"])
    ]


def _package(item: Element, pay: Sequence[Doc], compensation: Doc | None) -> None:
    benefits = (compensation or {}).get("benefits", [])
    text = (compensation or {}).get("text")
    incentives = _native_incentives(compensation)
    if not pay and not benefits and text is None and not incentives:
        return
    package = sub(item, "offeredRemunerationPackage")
    if pay:
        sub(package, "basisCode", "Hourly" if pay[0]["period"] == "HOUR" else "Salaried")
    if pay or incentives:
        ranges = sub(package, "ranges")
        for pay_range in pay:
            element = sub(ranges, "item")
            sub(element, "typeCode", "BasePay")
            for key, tag in (("value", "referenceAmount"), ("minimum", "minimumAmount"),
                             ("maximum", "maximumAmount")):  # fmt: skip
                if key in pay_range:
                    _amount(element, tag, pay_range[key], pay_range["currency"])
            sub(element, "intervalCode", INTERVALS[pay_range["period"]])
        for incentive in incentives:
            element = sub(ranges, "item")
            sub(element, "typeCode", PAY_TYPES[incentive["type"]])
            amount = incentive["amount"]
            for key, tag in (("value", "referenceAmount"), ("minimum", "minimumAmount"),
                             ("maximum", "maximumAmount")):  # fmt: skip
                if key in amount:
                    _amount(element, tag, amount[key], amount["currency"])
            if "period" in amount:
                sub(element, "intervalCode", INTERVALS[amount["period"]])
    if benefits:
        wrapper = sub(package, "benefitsSummary")
        for benefit in benefits:
            sub(wrapper, "item", benefit)
    if text is not None:
        sub(sub(package, "descriptions"), "item", text)


def _qualifications(item: Element, doc: Doc) -> None:
    skills = doc.get("skills", [])
    experience = doc.get("experienceRequirements", [])
    education = doc.get("educationRequirements", [])
    licences = [c["name"] for c in doc.get("credentials", []) if c["kind"] == "LICENSE"]
    if not (skills or experience or education or licences):
        return
    wrapper = sub(item, "positionQualifications")
    if skills or experience:
        element = sub(wrapper, "item")
        if skills:
            competencies = sub(element, "positionCompetencies")
            for skill in skills:
                _competency(sub(competencies, "item"), skill)
        if experience:
            summary = sub(element, "experienceSummary")
            for requirement in experience:
                _experience(sub(summary, "item"), requirement)
    for requirement in education:
        element = sub(sub(wrapper, "item"), "educationRequirement")
        isced = ISCED.get(requirement["levels"][0])
        if isced is not None:
            sub(element, "iscedEducationLevelCode", isced)
        if "fieldsOfStudy" in requirement:
            programs = sub(element, "programs")
            for field in requirement["fieldsOfStudy"]:
                sub(programs, "item", field)
        if "text" in requirement:
            sub(sub(element, "descriptions"), "item", requirement["text"])
    if licences:
        element = sub(sub(wrapper, "item"), "licences")
        for name in licences:
            sub(element, "item", name)


def _competency(element: Element, skill: Doc) -> None:
    if "code" in skill:
        identifier = sub(sub(element, "competencyIds"), "item")
        sub(identifier, "value", skill["code"])
        if "scheme" in skill:
            sub(identifier, "schemeId", skill["scheme"])
    sub(element, "competencyName", skill["name"])
    level = {"REQUIRED": "requiredProficiencyLevel", "PREFERRED": "desiredProficiencyLevel"}
    if "requirement" in skill:
        score = sub(sub(sub(element, level[skill["requirement"]]), "scoresText"), "item")
        sub(score, "value", skill["requirement"].lower())
    sub(element, "competencyClassificationCode", "Skill")


def _experience(element: Element, requirement: Doc) -> None:
    if "months" in requirement:
        measure = sub(element, "measure")
        sub(measure, "value", str(requirement["months"]))
        sub(measure, "unitCode", "MON")
    if "subject" in requirement:
        sub(sub(element, "descriptions"), "item", requirement["subject"])


def _description(items: list[Element], key: str, title: str, content: str) -> None:
    # One item, spelled as the tree it is (see hropen_tree): cheaper than a sub() per element.
    identifier = {"": None, "value": [{"": key}], "schemeId": [{"": DESCRIPTION_SCHEME}]}
    items.append(
        {
            "": None,
            "descriptionId": [identifier],
            "title": [{"": title}],
            "content": [{"": content}],
        }
    )


def html_list(items: Sequence[str]) -> str:
    """Write a canonical text list as an HTML ``<ul>`` (each item escaped)."""
    return "<ul>" + "".join(f"<li>{html.escape(i, quote=False)}</li>" for i in items) + "</ul>"


def legal_title(kind: str) -> str:
    """Human title of a legal statement kind: EQUAL_OPPORTUNITY -> Equal opportunity."""
    return kind.replace("_", " ").capitalize().replace("E verify", "E-Verify")


def _descriptions(item: Element, doc: Doc) -> None:
    keys = ("description", "sections", *LIST_TITLES, "legalStatements")
    if not any(key in doc for key in keys):
        return
    wrapper = sub(item, "positionFormattedDescriptions")
    items: list[Element] = []
    if "description" in doc:
        _description(items, "description", "Description", doc["description"])
    for section in doc.get("sections", []):
        _description(items, SECTION_ID, section["heading"], section["content"])
    for key, title in LIST_TITLES.items():
        if key in doc:
            _description(items, key, title, html_list(doc[key]))
    for statement in doc.get("legalStatements", []):
        content = "<p>" + html.escape(statement["text"], quote=False) + "</p>"
        kind = statement["kind"]
        _description(items, LEGAL_PREFIX + kind, legal_title(kind), content)
    if items:  # a tree holds no empty child lists
        wrapper["item"] = items


def _posting_instructions(item: Element, doc: Doc) -> None:
    application = doc.get("application", {})
    native = {
        k: application[k] for k in ("url", "email", "phone", "instructions") if k in application
    }
    if not ("datePosted" in doc or "validThrough" in doc or native):
        return
    instruction = sub(sub(item, "postingInstructions"), "item")
    if "datePosted" in doc:
        sub(instruction, "start", doc["datePosted"])
    if "validThrough" in doc:
        sub(instruction, "end", doc["validThrough"])
    if native:
        method = sub(sub(instruction, "applicationMethods"), "item")
        if "instructions" in native:
            sub(method, "instructions", native["instructions"])
        if "url" in native:
            sub(sub(method, "applicationUri"), "url", native["url"])
        if "email" in native:
            sub(sub(method, "applicationEmail"), "address", native["email"])
        if "phone" in native:
            sub(sub(method, "applicationPhone"), "formattedNumber", native["phone"])


def add_extras(root: Element, pairs: Sequence[tuple[str, str]]) -> None:
    """Write (name, value) pairs into the first profile's extendedPositionClassifications."""
    if not pairs:
        return
    profile = root["positionProfiles"][0]["item"][0]
    classification = sub(profile, "positionClassification")
    add_classifications(sub(classification, "extendedPositionClassifications"), pairs)


def add_classifications(wrapper: Element, pairs: Sequence[tuple[str, str]]) -> None:
    """Append (name, value) items to an extendedPositionClassifications element."""
    if not pairs:
        return
    items = wrapper.get("item")
    if items is None:
        items = wrapper["item"] = []
    items += [{"": None, "name": [{"": name}], "value": [{"": value}]} for name, value in pairs]
