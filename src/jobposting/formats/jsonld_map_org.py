"""The JobPosting node reader's part for the employer and what the job is classified as.

Reads hiringOrganization (a node, a bare name or a reference), employerOverview, industry,
occupationalCategory and relevantOccupation.
"""

from __future__ import annotations

import re
from typing import Any

from jobposting import employers
from jobposting.formats import jsonld_description as description
from jobposting.formats import jsonld_values as v
from jobposting.formats.jsonld_map_base import (
    ReaderBase,
    clean_text,
    escape_html,
    put_clean,
    scheme_name,
)
from jobposting.formats.jsonld_values import at, items

_SOC_CODE = re.compile(r"(\d{2}-\d{4}(?:\.\d{2})?)(?:\s+(.+))?")


class OrganizationReader(ReaderBase):
    """The employer, its industries and the occupational categories."""

    def organization(self) -> None:
        where = "/hiringOrganization"
        value = self.resolve(self.take("hiringOrganization"), where)
        org: dict[str, Any] = {}
        if value.__class__ is dict and (regular := _regular_organization(value)) is not None:
            org, value = regular, None  # read: the general reading below has nothing left
        elif isinstance(value, str) and value.strip():
            self.log.note(
                where,
                "organization.string",
                "is a string; read as the organization's name",
                "hiringOrganization",
            )
            org["name"] = value.strip()
        elif isinstance(value, list) and value:
            value = self.resolve(value[0], where + "/0")
            where = where + "/0"
        if isinstance(value, dict):
            node = self.open(value, where)
            used = {"name", "legalName", "url", "logo", "sameAs", "identifier", "description"}
            name = self.text(node.get("name"), where + "/name", "hiringOrganization")
            if name is None and ("givenName" in node or "familyName" in node):
                parts = [node.get("givenName"), node.get("familyName")]
                name = (
                    " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip()) or None
                )
                used |= {"givenName", "familyName"}
            if name:
                org["name"] = name
            legal = self.text(node.get("legalName"), where + "/legalName", "hiringOrganization")
            if legal:
                org["legalName"] = legal
            for key in ("url", "logo"):
                if node.get(key) is not None:
                    link = v.url(node[key], where + "/" + key, self.log, "hiringOrganization")
                    if link:
                        org[key] = link
                    else:
                        self.log.keep(
                            where + "/" + key, node[key], "hiringOrganization", "not a URL"
                        )
            same = []
            for index, item in items(node.get("sameAs") or []):
                link = v.url(item, at(where + "/sameAs", index), self.log, "hiringOrganization")
                if link and link not in same:
                    same.append(link)
            if same:
                org["sameAs"] = same
            identifiers = []
            for index, item in items(node.get("identifier") or []):
                spot = at(where + "/identifier", index)
                if isinstance(item, dict) and item.get("value") is not None:
                    entry = {
                        "scheme": self.text(item.get("propertyID"), spot, "hiringOrganization")
                        or "identifier",
                        "value": self.text(item.get("value"), spot, "hiringOrganization") or "",
                    }
                    if (
                        label := self.text(item.get("name"), spot, "hiringOrganization")
                    ) is not None:
                        entry["name"] = label
                    if entry["value"]:
                        identifiers.append(entry)
                elif (text := self.text(item, spot, "hiringOrganization")) is not None:
                    identifiers.append({"scheme": "identifier", "value": text})
            if identifiers:
                org["identifiers"] = identifiers
            about = node.get("description")
            if isinstance(about, str) and about.strip():
                org["description"] = self.rich_text(about, where + "/description")
            self.keep_rest(node, where, used)
        overview = self.take("employerOverview")
        if isinstance(overview, str) and overview.strip():
            rich = self.rich_text(overview, "/employerOverview")
            if "description" not in org:
                org["description"] = rich
            elif org["description"] != rich:
                self.log.keep("/employerOverview", overview)
        elif overview is not None:
            v.is_absent(overview, "/employerOverview", self.log, "hiringOrganization")
        if "name" in org and employers.stands_in(org["name"]):
            org = {"name": org["name"], "disclosed": False, **org}
            self.log.note(
                "/hiringOrganization/name",
                "organization.not-named",
                employers.MESSAGE.format(name=org["name"]),
                "hiringOrganization",
            )
        if org:
            self.out["hiringOrganization"] = org

    def rich_text(self, value: str, where: str) -> str:
        parts = description.read(value, where, self.log, frozenset())
        blocks = [parts.summary or ""]
        for section in parts.sections:
            blocks.append(f"<h3>{escape_html(section['heading'])}</h3>{section['content']}")
        return "".join(blocks)

    def classified(self, key: str, field: str, set_key: str, code_key: str) -> list[dict[str, Any]]:
        """The classifications of property ``key`` (a DefinedTerm, CategoryCode or text each)."""
        found: list[dict[str, Any]] = []
        value = self.take(key)
        if value is not None and not v.is_absent(value, "/" + key, self.log, field):
            for index, item in items(value):
                entry = self.classification(item, at("/" + key, index), set_key, code_key)
                if entry:
                    found.append(entry)
        return found

    def classifications(self) -> None:
        industries = self.classified(
            "industry", "hiringOrganization", "inDefinedTermSet", "termCode"
        )
        if industries:
            self.out.setdefault("hiringOrganization", {})["industries"] = industries
        categories = self.classified(
            "occupationalCategory", "occupationalCategories", "inCodeSet", "codeValue"
        )
        occupation = self.resolve(self.take("relevantOccupation"), "/relevantOccupation")
        if isinstance(occupation, dict):
            node = self.open(occupation, "/relevantOccupation")
            for index, item in items(node.get("occupationalCategory") or []):
                where = at("/relevantOccupation/occupationalCategory", index)
                entry = self.classification(item, where, "inCodeSet", "codeValue")
                if entry and entry not in categories:
                    categories.append(entry)
            self.keep_rest(node, "/relevantOccupation", {"occupationalCategory"})
        elif occupation is not None:
            self.log.keep("/relevantOccupation", occupation)
        if categories:
            self.out["occupationalCategories"] = categories

    def classification(
        self, value: Any, where: str, set_key: str, code_key: str
    ) -> dict[str, str] | None:
        field = "occupationalCategories" if set_key == "inCodeSet" else "hiringOrganization"
        if value.__class__ is dict and (regular := _regular_term(value, set_key, code_key)):
            return regular
        if isinstance(value, dict):
            node = self.open(self.resolve(value, where) or {}, where)
            entry = {}
            scheme = scheme_name(
                node.get(set_key) or node.get("inDefinedTermSet") or node.get("inCodeSet")
            )
            if scheme:
                entry["scheme"] = scheme
            code = self.text(
                node.get(code_key) or node.get("termCode") or node.get("codeValue"),
                where + "/" + code_key,
                field,
            )
            if code:
                entry["code"] = code
            name = self.text(node.get("name"), where + "/name", field)
            if name:
                entry["name"] = name
            self.keep_rest(
                node, where, {"inDefinedTermSet", "inCodeSet", "termCode", "codeValue", "name"}
            )
            if "code" not in entry and "name" not in entry:
                self.log.keep(where, value, field, "a classification without a code or a name")
                return None
            return entry
        text = self.text(value, where, field)
        if text is None:
            return None
        if field == "occupationalCategories" and (match := _SOC_CODE.fullmatch(text)):
            if match.group(2):
                self.log.note(where, "occupation.parsed", f"{text!r} read as code and name", field)
                return {"code": match.group(1), "name": match.group(2)}
            return {"code": match.group(1)}
        return {"name": text}


_REGULAR_ORGANIZATION_KEYS = frozenset(
    {"@type", "name", "legalName", "url", "logo", "sameAs", "identifier"}
)
_REGULAR_IDENTIFIER_KEYS = frozenset({"@type", "propertyID", "name", "value"})


def _link(value: Any) -> str | None:
    """A URL that ``v.url`` gives as it is, without a note (a clean text with a scheme)."""
    text = clean_text(value)
    if text is None or " " in text or not v.URL_SCHEME.match(text):
        return None
    return text


def _regular_organization(node: dict[str, Any]) -> dict[str, Any] | None:
    """The employer of an Organization in the writer's shape, or None for any other node.

    The shape: a clean ``name`` and ``legalName``, ``url``, ``logo`` and ``sameAs`` URLs with a
    scheme, PropertyValue identifiers of clean texts with a value; no null, no prefixed key, no
    ``description`` (the writer gives it as employerOverview), no other property. For it
    :meth:`OrganizationReader.organization` reads each value as it is, notes nothing and keeps
    nothing, and gives this employer (the same keys in the same order).
    """
    if not node.keys() <= _REGULAR_ORGANIZATION_KEYS or None in node.values():
        return None
    org: dict[str, Any] = {}
    for key in ("name", "legalName", "url", "logo"):
        if key in node:
            text = clean_text(node[key]) if key in ("name", "legalName") else _link(node[key])
            if text is None:
                return None
            org[key] = text
    if "sameAs" in node:
        same: list[str] = []
        links = node["sameAs"]
        for item in links if links.__class__ is list else (links,):
            if (link := _link(item)) is None:
                return None
            if link not in same:
                same.append(link)
        if same:
            org["sameAs"] = same
    if "identifier" in node:
        identifiers = []
        found = node["identifier"]
        for item in found if found.__class__ is list else (found,):
            if (
                item.__class__ is not dict
                or not item.keys() <= _REGULAR_IDENTIFIER_KEYS
                or None in item.values()
                or (value := clean_text(item.get("value"))) is None
            ):
                return None
            entry = {"scheme": "identifier", "value": value}
            if not (
                put_clean(item, "propertyID", entry, "scheme")
                and put_clean(item, "name", entry, "name")
            ):
                return None
            identifiers.append(entry)
        if identifiers:
            org["identifiers"] = identifiers
    return org


_REGULAR_TERM_KEYS = frozenset(
    {"@type", "inDefinedTermSet", "inCodeSet", "termCode", "codeValue", "name"}
)


def _regular_term(node: dict[str, Any], set_key: str, code_key: str) -> dict[str, str] | None:
    """The classification of a DefinedTerm or CategoryCode in the writer's shape, or None.

    The shape: a clean code and a clean ``name`` (at least one of them), any term set; no null,
    no prefixed key, no reference, no other property. For it
    :meth:`OrganizationReader.classification` reads each value as it is, notes nothing and keeps
    nothing, and gives this classification (the same keys in the same order).
    """
    if not node.keys() <= _REGULAR_TERM_KEYS or None in node.values():
        return None
    entry: dict[str, str] = {}
    scheme = scheme_name(node.get(set_key) or node.get("inDefinedTermSet") or node.get("inCodeSet"))
    if scheme:
        entry["scheme"] = scheme
    code = node.get(code_key) or node.get("termCode") or node.get("codeValue")
    if code is not None:
        if (code := clean_text(code)) is None:
            return None
        entry["code"] = code
    if not put_clean(node, "name", entry, "name"):
        return None
    return entry if "code" in entry or "name" in entry else None
