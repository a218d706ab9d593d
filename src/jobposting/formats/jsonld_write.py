"""A canonical posting -> a schema.org JobPosting node in Google's job-posting profile.

:func:`native_node` writes what schema.org can say (converters/jsonld/mapping.toml, row by row)
in the shapes Google documents: ``identifier`` as PropertyValue, ``employmentType`` as an array,
``baseSalary`` as MonetaryAmount with a QuantitativeValue, ``jobLocationType: TELECOMMUTE`` with
``applicantLocationRequirements`` for remote work, credentials and experience as typed nodes.
What it cannot say is left to the extension term (jsonld.py computes it).
"""

from __future__ import annotations

from typing import Any

from jobposting.formats import jsonld_description as description
from jobposting.formats.jsonld_map import KNOWN_PROPERTIES, normalise_keys
from jobposting.jsontext import json_copy

_CREDENTIALS = {
    "HIGH_SCHOOL": "high school",
    "VOCATIONAL": "professional certificate",
    "ASSOCIATE_DEGREE": "associate degree",
    "BACHELOR_DEGREE": "bachelor degree",
    "MASTER_DEGREE": "postgraduate degree",
    "DOCTORATE": "postgraduate degree",
    "POSTGRADUATE_DEGREE": "postgraduate degree",
    "PROFESSIONAL_CERTIFICATE": "professional certificate",
}


def _one_or_many(values: list[Any]) -> Any:
    """A single value as itself, several as a list (the shape Google's examples use)."""
    return values[0] if len(values) == 1 else values


def _property_value(
    value: str, *, scheme: str | None = None, name: str | None = None
) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "PropertyValue"}
    if scheme is not None:
        node["propertyID"] = scheme
    if name is not None:
        node["name"] = name
    node["value"] = value
    return node


def native_node(posting: dict[str, Any]) -> dict[str, Any]:
    """Return the schema.org JobPosting node of a canonical posting (canonical JSON in)."""
    node: dict[str, Any] = {"@context": "https://schema.org", "@type": "JobPosting"}
    org = posting.get("hiringOrganization") or {}
    node["title"] = posting.get("title")
    text = description.build(posting)
    if text:
        node["description"] = text
    identifiers = []
    if "id" in posting:
        identifiers.append(_property_value(posting["id"], name=org.get("name")))
    for item in posting.get("identifiers") or ():
        identifiers.append(
            _property_value(item["value"], scheme=item["scheme"], name=item.get("name"))
        )
    if identifiers:
        node["identifier"] = _one_or_many(identifiers)
    for key, target in (
        ("url", "url"),
        ("datePosted", "datePosted"),
        ("validThrough", "validThrough"),
    ):
        if key in posting:
            node[target] = posting[key]
    if "employmentTypes" in posting:
        node["employmentType"] = list(posting["employmentTypes"])
    node["hiringOrganization"] = _organization(org)
    if "department" in posting:
        node["employmentUnit"] = {"@type": "Organization", "name": posting["department"]}
    places = [_place(location) for location in posting.get("locations") or ()]
    if places:
        node["jobLocation"] = _one_or_many(places)
    arrangement = posting.get("workArrangement") or {}
    if arrangement.get("type") == "REMOTE":
        node["jobLocationType"] = "TELECOMMUTE"
    areas = [_area(area) for area in arrangement.get("applicantLocations") or ()]
    if areas:
        node["applicantLocationRequirements"] = _one_or_many(areas)
    compensation = posting.get("compensation") or {}
    salaries = [_monetary_amount(pay) for pay in compensation.get("basePay") or ()]
    if salaries:
        node["baseSalary"] = _one_or_many(salaries)
    if "incentiveText" in compensation:
        node["incentiveCompensation"] = compensation["incentiveText"]
    if "benefits" in compensation:
        node["jobBenefits"] = list(compensation["benefits"])
    if "responsibilities" in posting:
        node["responsibilities"] = list(posting["responsibilities"])
    qualifications: list[Any] = list(posting.get("requiredQualifications") or ())
    qualifications.extend(_licence(item) for item in posting.get("credentials") or ())
    if qualifications:
        node["qualifications"] = qualifications
    credentials = [_credential(item) for item in posting.get("educationRequirements") or ()]
    if credentials:
        node["educationRequirements"] = _one_or_many(credentials)
    experience = [_experience(item) for item in posting.get("experienceRequirements") or ()]
    if experience:
        node["experienceRequirements"] = _one_or_many(experience)
    if "experienceInPlaceOfEducation" in posting:
        node["experienceInPlaceOfEducation"] = posting["experienceInPlaceOfEducation"]
    skills = [_skill(item) for item in posting.get("skills") or ()]
    if skills:
        node["skills"] = skills
    industries = [_term(item, "DefinedTerm") for item in org.get("industries") or ()]
    if industries:
        node["industry"] = _one_or_many(industries)
    categories = [
        _term(item, "CategoryCode") for item in posting.get("occupationalCategories") or ()
    ]
    if categories:
        node["occupationalCategory"] = _one_or_many(categories)
    if "openings" in posting:
        node["totalJobOpenings"] = posting["openings"]
    hours = posting.get("workHours") or {}
    if "text" in hours:
        node["workHours"] = hours["text"]
    elif "hoursPerWeek" in hours:
        node["workHours"] = f"{hours['hoursPerWeek']:g} hours per week"
    if "startDate" in posting:
        node["jobStartDate"] = posting["startDate"]
    if "startImmediately" in posting:
        node["jobImmediateStart"] = posting["startImmediately"]
    application = posting.get("application") or {}
    if "directApply" in application:
        node["directApply"] = application["directApply"]
    contacts = [_contact_point(contact) for contact in posting.get("contacts") or ()]
    if contacts:
        node["applicationContact"] = _one_or_many(contacts)
    authorization = posting.get("workAuthorization") or {}
    if "text" in authorization:
        node["eligibilityToWorkRequirement"] = authorization["text"]
    if "description" in org:
        node["employerOverview"] = org["description"]
    _restore_leftovers(node, posting)
    return node


def _restore_leftovers(node: dict[str, Any], posting: dict[str, Any]) -> None:
    """Write back the unknown top-level properties a reader kept under extensions.jsonld."""
    kept = (posting.get("extensions") or {}).get("jsonld")
    if not isinstance(kept, dict):
        return
    for key, value in kept.items():
        if not key.startswith("/") or "/" in key[1:]:
            continue
        name = key[1:].replace("~1", "/").replace("~0", "~")
        restorable = name and name not in KNOWN_PROPERTIES and name not in node
        if restorable and name != "@graph" and normalise_keys({name: None}) == {name: None}:
            node[name] = json_copy(value)


def _organization(org: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Organization", "name": org.get("name")}
    for key in ("legalName", "url", "logo"):
        if key in org:
            node[key] = org[key]
    if "sameAs" in org:
        node["sameAs"] = _one_or_many(list(org["sameAs"]))
    identifiers = [
        _property_value(item["value"], scheme=item["scheme"], name=item.get("name"))
        for item in org.get("identifiers") or ()
    ]
    if identifiers:
        node["identifier"] = _one_or_many(identifiers)
    return node


def _address(location: dict[str, Any]) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if "streetAddress" in location:
        address["streetAddress"] = location["streetAddress"]
    if "locality" in location:
        address["addressLocality"] = location["locality"]
    if "region" in location:
        address["addressRegion"] = location["region"]
    elif "regionCode" in location:
        address["addressRegion"] = location["regionCode"].split("-", 1)[1]
    if "postalCode" in location:
        address["postalCode"] = location["postalCode"]
    if "country" in location:
        address["addressCountry"] = location["country"]
    return address


def _place(location: dict[str, Any]) -> dict[str, Any]:
    place: dict[str, Any] = {"@type": "Place"}
    if "id" in location:
        place["identifier"] = location["id"]
    if "label" in location:
        place["name"] = location["label"]
    address = _address(location)
    if len(address) > 1:
        place["address"] = address
    if "geo" in location:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": location["geo"]["latitude"],
            "longitude": location["geo"]["longitude"],
        }
    return place


def _area(area: dict[str, Any]) -> dict[str, Any]:
    if set(area) == {"country"}:
        return {"@type": "Country", "name": area["country"]}
    if "region" in area:
        return {"@type": "State", "name": area["region"]}
    if "name" in area:
        return {"@type": "AdministrativeArea", "name": area["name"]}
    if "regionCode" in area:
        return {"@type": "State", "name": area["regionCode"]}
    return {"@type": "Country", "name": area["country"]}


def _monetary_amount(pay: dict[str, Any]) -> dict[str, Any]:
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    if "value" in pay:
        value["value"] = pay["value"]
    if "minimum" in pay:
        value["minValue"] = pay["minimum"]
    if "maximum" in pay:
        value["maxValue"] = pay["maximum"]
    value["unitText"] = pay["period"]
    amount: dict[str, Any] = {
        "@type": "MonetaryAmount",
        "currency": pay["currency"],
        "value": value,
    }
    if "text" in pay:
        amount["description"] = pay["text"]
    return amount


def _credential(requirement: dict[str, Any]) -> dict[str, Any]:
    categories: list[str] = []
    for level in requirement.get("levels") or ():
        category = _CREDENTIALS[level]
        if category not in categories:
            categories.append(category)
    node: dict[str, Any] = {"@type": "EducationalOccupationalCredential"}
    node["credentialCategory"] = _one_or_many(categories)
    if "fieldsOfStudy" in requirement:
        node["about"] = list(requirement["fieldsOfStudy"])
    if "text" in requirement:
        node["description"] = requirement["text"]
    return node


#: credentialCategory of each credential kind (read back by jsonld_map_requirements). schema.org
#: leaves the category open ("degree", "certificate", "badge, or more specific term") and Google
#: defines no values for qualifications; a register entry is not a licence (being on a register
#: need not permit practice), so it keeps its own word.
_CREDENTIAL_CATEGORIES = {
    "LICENSE": "license",
    "REGISTRATION": "registration",
    "CERTIFICATION": "certification",
}


def _licence(credential: dict[str, Any]) -> dict[str, Any]:
    """A licence, registration or certification as a qualifications entry."""
    node: dict[str, Any] = {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": _CREDENTIAL_CATEGORIES[credential["kind"]],
        "name": credential["name"],
    }
    if "issuer" in credential:
        node["recognizedBy"] = {"@type": "Organization", "name": credential["issuer"]}
    if "text" in credential:
        node["description"] = credential["text"]
    return node


def _experience(requirement: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "OccupationalExperienceRequirements"}
    if "months" in requirement:
        node["monthsOfExperience"] = requirement["months"]
    if "subject" in requirement:
        node["description"] = requirement["subject"]
    return node


#: A skill with only these properties is written as its name (the requirement and the group
#: go to the extension term either way).
_PLAIN_SKILL_KEYS = frozenset({"name", "requirement", "alternativeGroup"})


def _skill(skill: dict[str, Any]) -> Any:
    if skill.keys() <= _PLAIN_SKILL_KEYS:
        return skill["name"]
    term: dict[str, Any] = {"@type": "DefinedTerm", "name": skill["name"]}
    if "code" in skill:
        term["termCode"] = skill["code"]
    if "scheme" in skill:
        term["inDefinedTermSet"] = _term_set(skill["scheme"], "DefinedTermSet")
    return term


def _term_set(scheme: str, kind: str) -> Any:
    if scheme.startswith(("http://", "https://")):
        return scheme
    return {"@type": kind, "name": scheme}


def _term(item: dict[str, Any], kind: str) -> Any:
    if "code" not in item and "scheme" not in item:
        return item["name"]
    node: dict[str, Any] = {"@type": kind}
    if kind == "CategoryCode":
        if "code" in item:
            node["codeValue"] = item["code"]
        if "name" in item:
            node["name"] = item["name"]
        if "scheme" in item:
            node["inCodeSet"] = _term_set(item["scheme"], "CategoryCodeSet")
    else:
        if "code" in item:
            node["termCode"] = item["code"]
        if "name" in item:
            node["name"] = item["name"]
        if "scheme" in item:
            node["inDefinedTermSet"] = _term_set(item["scheme"], "DefinedTermSet")
    return node


def _contact_point(contact: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "ContactPoint", "contactType": contact["role"]}
    for key, target in (
        ("name", "name"), ("email", "email"), ("phone", "telephone"), ("url", "url"),
        ("text", "description"),
    ):  # fmt: skip
        if key in contact:
            node[target] = contact[key]
    return node
