"""One schema.org JobPosting node -> a canonical posting (as canonical JSON), tolerantly.

:func:`posting_document` reads every property of the node it knows (converters/jsonld/mapping.toml
lists them), repairs what real pages get wrong and records each repair on the :class:`Log`.
Properties it does not know, and values it cannot map, are kept under ``extensions.jsonld`` keyed
by their JSON Pointer in the node. The result is canonical JSON that has not been validated yet.

The reader is one class put together from a part per topic: the helpers every property needs
(:mod:`jsonld_map_base`), the employer and classifications (:mod:`jsonld_map_org`), places
(:mod:`jsonld_map_places`), pay (:mod:`jsonld_map_pay`) and requirements
(:mod:`jsonld_map_requirements`); this module reads the rest of the posting (title, identifiers,
dates, employment types, schedule, contacts, the description) and runs them in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from jobposting.formats import jsonld_description as description
from jobposting.formats import jsonld_values as v
from jobposting.formats.jsonld_map_base import (
    EXTENSION_TERM,
    clean_text,
    escape_html,
    normalise_keys,
    type_names,
)
from jobposting.formats.jsonld_map_org import OrganizationReader
from jobposting.formats.jsonld_map_pay import PayReader
from jobposting.formats.jsonld_map_places import PlacesReader
from jobposting.formats.jsonld_map_requirements import RequirementsReader
from jobposting.formats.jsonld_values import Log, at, items, pointer
from jobposting.jsontext import json_copy

__all__ = ["EXTENSION_TERM", "KNOWN_PROPERTIES", "normalise_keys", "posting_document", "type_names"]


#: Properties of the JobPosting node the reader maps; any other property is kept as it is.
KNOWN_PROPERTIES = frozenset(
    {
        "@context", "@type", "title", "name", "description", "identifier", "url", "datePosted",
        "validThrough", "employmentType", "hiringOrganization", "employerOverview",
        "employmentUnit", "jobLocation", "jobLocationType", "applicantLocationRequirements",
        "baseSalary", "salaryCurrency", "educationRequirements", "experienceRequirements",
        "experienceInPlaceOfEducation", "qualifications", "responsibilities", "skills",
        "jobBenefits", "benefits", "incentiveCompensation", "incentives", "industry",
        "occupationalCategory", "relevantOccupation", "totalJobOpenings", "workHours",
        "jobStartDate", "jobImmediateStart", "directApply", "applicationContact",
        "eligibilityToWorkRequirement", "inLanguage", EXTENSION_TERM,
    }
)  # fmt: skip


_ROLES = {
    "recruiter": "RECRUITER", "recruiting": "RECRUITER", "recruitment": "RECRUITER",
    "talent acquisition": "RECRUITER", "hiring manager": "HIRING_MANAGER", "hr": "HR",
    "human resources": "HR", "personnel": "HR", "accommodation": "ACCOMMODATION",
    "accommodations": "ACCOMMODATION", "disability": "ACCOMMODATION",
    "technical support": "TECHNICAL_SUPPORT", "tech support": "TECHNICAL_SUPPORT",
    "support": "TECHNICAL_SUPPORT", "general": "GENERAL", "information": "GENERAL",
    "enquiries": "GENERAL", "inquiries": "GENERAL", "customer service": "GENERAL",
    "other": "OTHER",
}  # fmt: skip
_ROLE_NAMES = frozenset(_ROLES.values())


class _Reader(OrganizationReader, PlacesReader, PayReader, RequirementsReader):
    """Reads one JobPosting node; ``index`` resolves ``{"@id": ...}`` references."""

    def run(self) -> dict[str, Any]:
        out = self.out
        title = self.text(self.take("title"), "/title", "title")
        if title is None and "name" in self.node:
            title = self.text(self.take("name"), "/name", "title")
            if title:
                self.log.note(
                    "/name", "title.from-name", "the posting has no title; read its name", "title"
                )
        if title:
            out["title"] = title
        self.identifiers()
        self.simple("url", "/url", lambda x, w: v.url(x, w, self.log, "url"), "url")
        language = self.take("inLanguage")
        if language is not None:
            tag = v.language_tag(language)
            if tag:
                out["language"] = tag
            else:
                self.log.keep(
                    "/inLanguage", language, "language", f"{language!r} is not a BCP 47 tag"
                )
        self.dates()
        self.employment_types()
        self.organization()
        unit = self.resolve(self.take("employmentUnit"), "/employmentUnit")
        if isinstance(unit, dict):
            name = self.text(unit.get("name"), "/employmentUnit/name", "department")
            if name:
                out["department"] = name
            self.keep_rest(unit, "/employmentUnit", {"name"})
        elif unit is not None and (name := self.text(unit, "/employmentUnit", "department")):
            out["department"] = name
        self.locations()
        self.work_arrangement()
        compensation = self.compensation()
        self.requirements()
        self.classifications()
        self.schedule()
        self.contacts()
        self.description()
        if compensation:
            out["compensation"] = compensation
        if not self.node.keys() <= self.used:  # some property was not read: keep it
            for key in list(self.node):
                if key not in self.used:
                    self.log.keep(pointer("", key), json_copy(self.node[key]))
        if self.log.leftovers:
            out["extensions"] = {"jsonld": dict(self.log.leftovers)}
        return out

    def simple(self, key: str, where: str, parse: Callable[[Any, str], Any], field: str) -> None:
        value = self.take(key)
        if value is None or v.is_absent(value, where, self.log, field):
            return
        parsed = parse(value, where)
        if parsed is None:
            self.log.keep(where, value, field, f"{_show(value)} could not be read")
        else:
            self.out[field] = parsed

    def identifiers(self) -> None:
        value = self.take("identifier")
        if value is None or v.is_absent(value, "/identifier", self.log, "id"):
            return
        found: list[dict[str, str]] = []
        org = self.node.get("hiringOrganization")
        org_name = org.get("name") if isinstance(org, dict) else org
        for index, item in items(value):
            where = at("/identifier", index)
            if isinstance(item, dict):
                scheme = self.text(item.get("propertyID"), where + "/propertyID", "identifiers")
                raw = item.get("value", item.get("@value"))
                text = self.text(raw, where + "/value", "identifiers")
                name = self.text(item.get("name"), where + "/name", "identifiers")
                if text is None:
                    self.log.keep(where, item, "identifiers", "an identifier without a value")
                elif scheme is None and "id" not in self.out:
                    self.out["id"] = text
                    if name and name != org_name:
                        self.log.keep(where + "/name", item["name"])
                else:
                    entry = {"scheme": scheme or "identifier", "value": text}
                    if name:
                        entry["name"] = name
                    found.append(entry)
            elif (text := self.text(item, where, "id")) is not None:
                if "id" not in self.out:
                    self.out["id"] = text
                else:
                    found.append({"scheme": "identifier", "value": text})
        if found:
            self.out["identifiers"] = found

    def dates(self) -> None:
        for key, field in (
            ("datePosted", "datePosted"),
            ("validThrough", "validThrough"),
            ("jobStartDate", "startDate"),
        ):
            value = self.take(key)
            where = "/" + key
            if value is None or v.is_absent(value, where, self.log, field):
                continue
            parsed = v.date(value, where, self.log, field)
            if parsed is None:
                self.log.keep(where, value)
                self.log.note(where, "date.unparsed", f"{_show(value)} is not a date", field)
            else:
                self.out[field] = parsed
        immediate = self.take("jobImmediateStart")
        if immediate is not None:
            flag = v.boolean(immediate, "/jobImmediateStart", self.log, "startImmediately")
            if flag is None:
                self.log.keep("/jobImmediateStart", immediate, "startImmediately", "not a boolean")
            else:
                self.out["startImmediately"] = flag

    def employment_types(self) -> None:
        value = self.take("employmentType")
        if value is None or v.is_absent(value, "/employmentType", self.log, "employmentTypes"):
            return
        found: list[str] = []
        for index, item in items(value):
            where = at("/employmentType", index)
            text = self.text(item, where, "employmentTypes")
            if text is None:
                continue
            kinds, unknown = v.employment_types(text)
            if kinds and (unknown or kinds != [text]):
                self.log.note(
                    where,
                    "employment-type.mapped",
                    f"{text!r} read as {', '.join(kinds)}",
                    "employmentTypes",
                )
            if unknown:
                self.log.keep(
                    where,
                    item,
                    "employmentTypes",
                    f"{', '.join(map(repr, unknown))} is not an employment type Google knows",
                )
            found.extend(kind for kind in kinds if kind not in found)
        if found:
            self.out["employmentTypes"] = found

    def schedule(self) -> None:
        hours = self.take("workHours")
        if hours is not None and not v.is_absent(hours, "/workHours", self.log, "workHours"):
            text = self.text(hours, "/workHours", "workHours")
            if text:
                result: dict[str, Any] = {}
                per_week = _hours_per_week(text)
                if per_week is not None:
                    result["hoursPerWeek"] = per_week
                    self.log.note(
                        "/workHours",
                        "work-hours.parsed",
                        f"read as {per_week} hours per week",
                        "workHours",
                    )
                result["text"] = text
                self.out["workHours"] = result
        openings = self.take("totalJobOpenings")
        if openings is not None and not v.is_absent(
            openings, "/totalJobOpenings", self.log, "openings"
        ):
            count = v.integer(openings, "/totalJobOpenings", self.log, "openings")
            if count is not None and count >= 1:
                self.out["openings"] = count
            else:
                self.log.keep("/totalJobOpenings", openings, "openings", "not a positive integer")

    def contacts(self) -> None:
        value = self.take("applicationContact")
        found = []
        if value is not None and not v.is_absent(
            value, "/applicationContact", self.log, "contacts"
        ):
            for index, item in items(value):
                where = at("/applicationContact", index)
                contact = self.contact(self.resolve(item, where), where)
                if contact:
                    found.append(contact)
        if found:
            self.out["contacts"] = found
        direct = self.take("directApply")
        if direct is not None:
            flag = v.boolean(direct, "/directApply", self.log, "application")
            if flag is None:
                self.log.keep("/directApply", direct, "application", "not a boolean")
            else:
                self.out["application"] = {"directApply": flag}
        eligibility = self.take("eligibilityToWorkRequirement")
        if eligibility is not None:
            text = self.text(eligibility, "/eligibilityToWorkRequirement", "workAuthorization")
            if text:
                sponsorship = _visa_sponsorship(text)
                if sponsorship != "UNKNOWN":
                    self.log.note(
                        "/eligibilityToWorkRequirement",
                        "work-authorization.guessed",
                        f"read as visa sponsorship {sponsorship}",
                        "workAuthorization",
                    )
                self.out["workAuthorization"] = {"visaSponsorship": sponsorship, "text": text}

    def contact(self, value: Any, where: str) -> dict[str, Any] | None:
        if value.__class__ is dict and (regular := _regular_contact(value)) is not None:
            return regular
        if isinstance(value, str):
            address = value.strip()
            if "@" in address and " " not in address:
                return {"role": "GENERAL", "email": address.removeprefix("mailto:")}
            self.log.keep(where, value, "contacts", "a contact the reader cannot read")
            return None
        if not isinstance(value, dict):
            return None
        node = self.open(value, where)
        role = "GENERAL"
        kind = self.text(node.get("contactType"), where + "/contactType", "contacts")
        if kind:
            key = kind.strip()
            role = key if key in _ROLE_NAMES else _ROLES.get(key.lower().replace("_", " "), "")
            if not role:
                role = "OTHER"
                self.log.note(
                    where + "/contactType",
                    "contact.role",
                    f"{kind!r} read as OTHER",
                    "contacts",
                )
                self.log.keep(where + "/contactType", node["contactType"])
        contact: dict[str, Any] = {"role": role}
        name = self.text(node.get("name"), where + "/name", "contacts")
        if name:
            contact["name"] = name
        email = self.text(node.get("email"), where + "/email", "contacts")
        if email:
            contact["email"] = email.removeprefix("mailto:")
        phone = self.text(node.get("telephone"), where + "/telephone", "contacts")
        if phone:
            contact["phone"] = phone.removeprefix("tel:")
        link = (
            v.url(node.get("url"), where + "/url", self.log, "contacts")
            if node.get("url")
            else None
        )
        if link:
            contact["url"] = link
        text = self.text(node.get("description"), where + "/description", "contacts")
        if text:
            contact["text"] = text
        self.keep_rest(
            node, where, {"contactType", "name", "email", "telephone", "url", "description"}
        )
        if len(contact) == 1 or set(contact) == {"role", "text"}:
            self.log.keep(
                where, value, "contacts", "a contact without a name, e-mail, telephone or URL"
            )
            return None
        return contact

    def description(self) -> None:
        value = self.take("description")
        if value is None or v.is_absent(value, "/description", self.log, "description"):
            return
        if not isinstance(value, str):
            text = self.text(value, "/description", "description")
            if text is None:
                self.log.keep("/description", value, "description", "not text")
                return
            value = escape_html(text)
        compensation = self.out.get("compensation") or {}
        wanted = frozenset(
            field
            for field, present in (
                ("responsibilities", "responsibilities" in self.out),
                ("requiredQualifications", "requiredQualifications" in self.out),
                ("preferredQualifications", "preferredQualifications" in self.out),
                ("benefits", "benefits" in compensation or "jobBenefits" in self.node),
            )
            if not present
        )
        parts = description.read(value, "/description", self.log, wanted)
        if parts.summary:
            self.out["description"] = parts.summary
        if parts.sections:
            self.out["sections"] = parts.sections
        for field, listed in parts.lists.items():
            if field == "benefits":
                self.out.setdefault("compensation", {})["benefits"] = listed
            elif listed:
                self.out[field] = listed


_REGULAR_CONTACT = (
    ("contactType", "role"),
    ("name", "name"),
    ("email", "email"),
    ("telephone", "phone"),
    ("url", "url"),
    ("description", "text"),
)
_REGULAR_CONTACT_KEYS = frozenset({"@type"}).union(key for key, _ in _REGULAR_CONTACT)


def _regular_contact(node: dict[str, Any]) -> dict[str, Any] | None:
    """The contact of a ContactPoint in the writer's shape, or None for any other node.

    The shape: a ``contactType`` that names a role (as the reader spells it or as it maps it),
    clean texts, a ``url`` with a scheme and no space, a name, e-mail, telephone or URL; no
    null, no prefixed key, no other property. For it :meth:`_Reader.contact` reads each value
    as it is, notes nothing and keeps nothing, and gives this contact.
    """
    if not node.keys() <= _REGULAR_CONTACT_KEYS or None in node.values():
        return None
    contact: dict[str, Any] = {"role": "GENERAL"}
    for key, field in _REGULAR_CONTACT:
        if key in node:
            if (text := clean_text(node[key])) is None:
                return None
            if field == "role":
                role = text if text in _ROLE_NAMES else _ROLES.get(text.lower().replace("_", " "))
                if role is None:
                    return None
                contact["role"] = role
            elif field == "email":
                contact["email"] = text.removeprefix("mailto:")
            elif field == "phone":
                contact["phone"] = text.removeprefix("tel:")
            elif field == "url":
                if " " in text or not v.URL_SCHEME.match(text):
                    return None
                contact["url"] = text
            else:
                contact[field] = text
    if len(contact) == 1 or contact.keys() == {"role", "text"}:
        return None
    return contact


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_HOURS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:hours?|hrs?|h|stunden|std\.?|heures|horas|uur)\b[^\d]{0,20}?"
    r"(?:week|wk|woche|semaine|semana|/\s*w\b)",
    re.I,
)


def _hours_per_week(text: str) -> int | float | None:
    match = _HOURS.search(text)
    if not match:
        return None
    hours = v.parse_number(match.group(1))
    return hours if hours is not None and 0 < hours <= 168 else None


_NO_SPONSOR = re.compile(
    r"\b(not|no|unable to|cannot|can't|won't|will not|does not|do not)\b[^.]{0,60}\bsponsor", re.I
)


_SPONSOR = re.compile(
    r"\b(will|can|able to|do|does)\s+(provide\s+)?sponsor"
    r"|sponsorship\s+(is\s+)?(available|provided|offered)",
    re.I,
)


def _visa_sponsorship(text: str) -> str:
    if "sponsor" not in text.casefold():
        return "UNKNOWN"  # both patterns need the word (casefold finds what re.I matches)
    if _NO_SPONSOR.search(text):
        return "NO"
    if _SPONSOR.search(text):
        return "YES"
    return "UNKNOWN"


def posting_document(node: Mapping[str, Any], index: Mapping[str, Any], log: Log) -> dict[str, Any]:
    """Read one JobPosting node into canonical JSON (not validated), logging every repair."""
    return _Reader(node, index, log).run()
