"""Canonical posting -> native HR-XML 3.2 PositionOpening elements, EURES profile (writer).

Follows the element names and order of the EURES exports in tests/wild/hrxml (HR-XML 3.2
namespace ``http://www.hr-xml.org/3`` as the default, OAGIS 9 ``oa:`` for address parts and
communication): DocumentID, PositionOpeningStatusCode, then one PositionProfile with
PostingInstruction, PositionTitle, PositionLocation, PositionOrganization, PositionOpenQuantity,
JobCategoryCode, PositionOfferingTypeCode, PositionQualifications, PositionFormattedDescription,
WorkingLanguageCode, PositionPeriod, ImmediateStartIndicator, PositionScheduleTypeCode,
ShiftDescription, OfferedRemunerationPackage and ApplicationCloseDate. Code lists are open in
3.2, so codes are written in their usual spelling (``FullTime``). What has no element here
travels in ``UserArea`` (see ``hrxml3.py``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from lxml import etree

from jobposting.formats.hropen_vocab import INTERVALS, ISCED, OFFERING_TYPES, SCHEDULE_TYPES
from jobposting.formats.hropen_write import (
    DESCRIPTION_SCHEME,
    LEGAL_PREFIX,
    LIST_TITLES,
    SECTION_ID,
    html_list,
    legal_title,
    number_text,
)

HR = "http://www.hr-xml.org/3"
OA = "http://www.openapplications.org/oagis/9"
#: The default namespace and the oa: prefix of every HR-XML 3.2 document written.
NSMAP: Any = {None: HR, "oa": OA}
#: Namespace of the extras and foreign data this project keeps in UserArea.
EXTRAS_NS = "https://jobposting.dev/ns/extras"
#: HR-XML 3.2 status codes (an open list) <- canonical status.
STATUS = {
    "OPEN": "Active",
    "CLOSED": "Closed",
    "FILLED": "Filled",
    "CANCELLED": "Cancelled",
    "DRAFT": "Incomplete",
    "ON_HOLD": "OnHold",
}

Doc = Mapping[str, Any]


def hr(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    """Append an HR-XML 3 element."""
    child = etree.SubElement(parent, f"{{{HR}}}{tag}", attributes)
    if text is not None:
        child.text = text
    return child


def oa(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    """Append an OAGIS 9 element."""
    child = etree.SubElement(parent, f"{{{OA}}}{tag}", attributes)
    if text is not None:
        child.text = text
    return child


#: DocumentID attributes a posting read from HR-XML 3.2 keeps (extensions.hrxml3.documentId).
DOCUMENT_ID_ATTRIBUTES = (
    "schemeID",
    "schemeName",
    "schemeAgencyID",
    "schemeAgencyName",
    "schemeVersionID",
)


def document_id_attributes(doc: Doc) -> dict[str, str]:
    """The DocumentID scheme attributes kept in ``extensions.hrxml3.documentId``, if usable."""
    extension = doc.get("extensions", {}).get("hrxml3")
    scheme = extension.get("documentId") if isinstance(extension, dict) else None
    if not isinstance(scheme, dict) or not scheme or not set(scheme) <= set(DOCUMENT_ID_ATTRIBUTES):
        return {}
    if not all(isinstance(v, str) for v in scheme.values()):
        return {}
    return {k: scheme[k] for k in DOCUMENT_ID_ATTRIBUTES if k in scheme}


def build(doc: Doc, parent: etree._Element | None = None) -> etree._Element:
    """Return the PositionOpening element of canonical document ``doc`` (no UserArea yet)."""
    attributes = {"majorVersionID": "3", "minorVersionID": "2"}
    if parent is None:
        root = etree.Element(f"{{{HR}}}PositionOpening", attributes, nsmap=NSMAP)
    else:
        root = hr(parent, "PositionOpening", **attributes)
    if "id" in doc:
        hr(root, "DocumentID", doc["id"], **document_id_attributes(doc))
    for identifier in doc.get("identifiers", []):
        extra = {"schemeName": identifier["name"]} if "name" in identifier else {}
        if "issuer" in identifier:
            extra["schemeAgencyID"] = identifier["issuer"]  # OAGIS: who manages the scheme
        hr(root, "AlternateDocumentID", identifier["value"], schemeID=identifier["scheme"], **extra)
    if "status" in doc:
        hr(root, "PositionOpeningStatusCode", STATUS[doc["status"]])
    profile = hr(root, "PositionProfile")
    if "language" in doc:
        profile.set("languageCode", doc["language"])
    _profile(profile, doc)
    return root


def _profile(profile: etree._Element, doc: Doc) -> None:
    _posting_instruction(profile, doc)
    hr(profile, "PositionTitle", doc["title"])
    for location in doc.get("locations", []):
        _location(hr(profile, "PositionLocation"), location)
    _organization(profile, doc)
    if "openings" in doc:
        hr(profile, "PositionOpenQuantity", str(doc["openings"]))
    for category in doc.get("occupationalCategories", []):
        if "code" in category:
            attributes = {"listName": category["scheme"]} if "scheme" in category else {}
            if "name" in category:
                attributes["name"] = category["name"]
            hr(profile, "JobCategoryCode", category["code"], **attributes)
    types = doc.get("employmentTypes", [])
    for kind in types:
        if kind in OFFERING_TYPES:
            hr(profile, "PositionOfferingTypeCode", OFFERING_TYPES[kind])
    _qualifications(profile, doc)
    _descriptions(profile, doc)
    for requirement in doc.get("languageRequirements", []):
        hr(profile, "WorkingLanguageCode", requirement["language"])
    if "startDate" in doc or "endDate" in doc:
        period = hr(profile, "PositionPeriod")
        if "startDate" in doc:
            hr(hr(period, "StartDate"), "FormattedDateTime", doc["startDate"])
        if "endDate" in doc:
            hr(hr(period, "EndDate"), "FormattedDateTime", doc["endDate"])
    if "startImmediately" in doc:
        hr(profile, "ImmediateStartIndicator", "true" if doc["startImmediately"] else "false")
    for kind in types:
        if kind in SCHEDULE_TYPES:
            hr(profile, "PositionScheduleTypeCode", SCHEDULE_TYPES[kind])
    if "text" in doc.get("workHours", {}):
        hr(profile, "ShiftDescription", doc["workHours"]["text"])
    _remuneration(profile, doc.get("compensation"))
    if "validThrough" in doc:
        hr(profile, "ApplicationCloseDate", doc["validThrough"])


def _posting_instruction(profile: etree._Element, doc: Doc) -> None:
    application = doc.get("application", {})
    native = [k for k in ("instructions", "url", "email", "phone") if k in application]
    if "datePosted" not in doc and not native:
        return
    instruction = hr(profile, "PostingInstruction")
    if "datePosted" in doc:
        hr(
            hr(hr(instruction, "PostingPeriod"), "StartDate"),
            "FormattedDateTime",
            doc["datePosted"],
        )
    if native:
        method = hr(instruction, "ApplicationMethod")
        if "instructions" in application:
            hr(method, "Instructions", application["instructions"])
        for key, channel, tag in (("url", "Web", "URI"), ("email", "Email", "URI"),
                                  ("phone", "Telephone", "FormattedNumber")):  # fmt: skip
            if key in application:
                communication = hr(method, "Communication")
                hr(communication, "ChannelCode", channel)
                oa(communication, tag, application[key])


def _location(element: etree._Element, location: Doc) -> None:
    if "id" in location:
        hr(element, "LocationID", location["id"])
    keys = ("streetAddress", "locality", "region", "regionCode", "country", "postalCode")
    if not any(key in location for key in keys):
        return
    address = hr(element, "Address")
    if "streetAddress" in location:
        oa(address, "AddressLine", location["streetAddress"])
    if "locality" in location:
        oa(address, "CityName", location["locality"])
    if "regionCode" in location:
        oa(address, "CountrySubDivisionCode", location["regionCode"], listID="ISO 3166-2")
    if "region" in location:
        oa(address, "CountrySubDivisionCode", location["region"], listID="Region name")
    if "country" in location:
        hr(address, "CountryCode", location["country"])
    if "postalCode" in location:
        oa(address, "PostalCode", location["postalCode"])


def _organization(profile: etree._Element, doc: Doc) -> None:
    organization = doc["hiringOrganization"]
    element = hr(profile, "PositionOrganization")
    identifiers = hr(element, "OrganizationIdentifiers")
    hr(identifiers, "OrganizationName", organization["name"])
    if "legalName" in organization:
        hr(identifiers, "OrganizationLegalName", organization["legalName"])
    for industry in organization.get("industries", []):
        if "code" in industry:
            attributes = {"listName": industry["scheme"]} if "scheme" in industry else {}
            if "name" in industry:
                attributes["name"] = industry["name"]
            hr(element, "IndustryCode", industry["code"], **attributes)
    if "department" in doc:
        unit = hr(element, "OrganizationalIdentifiers", organizationalTypeCode="Department")
        hr(unit, "OrganizationalName", doc["department"])


def _qualifications(profile: etree._Element, doc: Doc) -> None:
    skills = doc.get("skills", [])
    education = doc.get("educationRequirements", [])
    experience = doc.get("experienceRequirements", [])
    if not (skills or education or experience):
        return
    element = hr(profile, "PositionQualifications")
    for skill in skills:
        competency = hr(element, "PositionCompetency")
        if "code" in skill:
            attributes = {"schemeID": skill["scheme"]} if "scheme" in skill else {}
            hr(competency, "CompetencyID", skill["code"], **attributes)
        hr(competency, "CompetencyName", skill["name"])
        if "requirement" in skill:
            tag = (
                "RequiredProficiencyLevel"
                if skill["requirement"] == "REQUIRED"
                else "DesiredProficiencyLevel"
            )
            hr(hr(competency, tag), "ScoreText", skill["requirement"].lower())
    for requirement in education:
        element_education = hr(element, "EducationRequirement")
        isced = ISCED.get(requirement["levels"][0])
        if isced is not None:
            hr(element_education, "EducationLevelCode", isced, listName="ISCED2011")
        for field in requirement.get("fieldsOfStudy", []):
            hr(element_education, "ProgramName", field)
        if "text" in requirement:
            hr(element_education, "Description", requirement["text"])
    if experience:
        summary = hr(element, "ExperienceSummary")
        for item in experience:
            category = hr(summary, "ExperienceCategory")
            if "months" in item:
                hr(category, "Measure", str(item["months"]), unitCode="month")
            if "subject" in item:
                hr(category, "Description", item["subject"])


def _description(profile: etree._Element, key: str, name: str, content: str) -> None:
    element = hr(profile, "PositionFormattedDescription")
    hr(element, "ID", key, schemeID=DESCRIPTION_SCHEME)
    hr(element, "Name", name)
    hr(element, "Content", content)


def _descriptions(profile: etree._Element, doc: Doc) -> None:
    if "description" in doc:
        _description(profile, "description", "Description", doc["description"])
    for section in doc.get("sections", []):
        _description(profile, SECTION_ID, section["heading"], section["content"])
    for key, title in LIST_TITLES.items():
        if key in doc:
            _description(profile, key, title, html_list(doc[key]))
    for statement in doc.get("legalStatements", []):
        content = "<p>" + html.escape(statement["text"], quote=False) + "</p>"
        _description(
            profile, LEGAL_PREFIX + statement["kind"], legal_title(statement["kind"]), content
        )


def _remuneration(profile: etree._Element, compensation: Doc | None) -> None:
    if not compensation:
        return
    pay: Sequence[Doc] = compensation.get("basePay", [])
    if not pay and "text" not in compensation and "benefits" not in compensation:
        return
    package = hr(profile, "OfferedRemunerationPackage")
    for pay_range in pay:
        element = hr(package, "RemunerationRange")
        hr(element, "RemunerationTypeCode", "BasePay")
        for key, tag in (("value", "RemunerationAmount"), ("minimum", "MinimumAmount"),
                         ("maximum", "MaximumAmount")):  # fmt: skip
            if key in pay_range:
                hr(element, tag, number_text(pay_range[key]), currencyID=pay_range["currency"])
        hr(element, "FrequencyCode", INTERVALS[pay_range["period"]])
    for benefit in compensation.get("benefits", []):
        hr(package, "BenefitsDescription", benefit)
    if "text" in compensation:
        hr(package, "Description", compensation["text"])


def add_user_area(
    root: etree._Element, pairs: Sequence[tuple[str, str]], foreign: Sequence[etree._Element]
) -> None:
    """Append UserArea with foreign content and the extras as ``<jp:Extra name="...">``."""
    if not pairs and not foreign:
        return
    area = hr(root, "UserArea")
    for element in foreign:
        area.append(element)
    for name, value in pairs:
        extra = etree.SubElement(
            area, f"{{{EXTRAS_NS}}}Extra", {"name": name}, nsmap={"jp": EXTRAS_NS}
        )
        extra.text = value
