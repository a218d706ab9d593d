"""One schema.org JobPosting node -> a canonical posting (as canonical JSON), tolerantly.

:func:`posting_document` reads every property of the node it knows (converters/jsonld/mapping.toml
lists them), repairs what real pages get wrong and records each repair on the :class:`Log`.
Properties it does not know, and values it cannot map, are kept under ``extensions.jsonld`` keyed
by their JSON Pointer in the node. The result is canonical JSON that has not been validated yet.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Set
from typing import Any

from jobposting.formats import jsonld_description as description
from jobposting.formats import jsonld_values as v
from jobposting.formats.jsonld_values import Log, at, items, pointer

#: The extension vocabulary's one term (converters/jsonld/README.md).
EXTENSION_TERM = "https://jobposting.dev/ns#canonical"

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

_SCHEMA_PREFIX = re.compile(r"^(?:https?://schema\.org/|schema:|sdo:)")
_LOCATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_SOC_CODE = re.compile(r"(\d{2}-\d{4}(?:\.\d{2})?)(?:\s+(.+))?")
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
_LOCATION_TYPES = {
    "telecommute": "REMOTE", "remote": "REMOTE", "fully remote": "REMOTE",
    "work from home": "REMOTE", "hybrid": "HYBRID", "onsite": "ONSITE", "on site": "ONSITE",
    "in office": "ONSITE",
}  # fmt: skip
_PAY_KEYS = frozenset(
    {"currency", "priceCurrency", "value", "minValue", "maxValue", "price", "minPrice",
     "maxPrice", "unitText", "unitCode", "description"}
)  # fmt: skip
_NO_REQUIREMENT = frozenset({"none", "n/a", "na", "no", "not required", "none required", "-"})


def normalise_keys(node: Mapping[str, Any]) -> dict[str, Any]:
    """Return the node with schema.org prefixes taken off its keys ('schema:title' -> 'title')."""
    for key in node:
        if ":" in key and key != EXTENSION_TERM:
            break
    else:
        return dict(node)  # every prefix has a colon: no key changes
    result: dict[str, Any] = {}
    for key, value in node.items():
        short = _SCHEMA_PREFIX.sub("", key) if ":" in key and key != EXTENSION_TERM else key
        result.setdefault(short, value)
    return result


def type_names(node: Mapping[str, Any]) -> list[str]:
    """The node's @type values without schema.org prefixes."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return [_SCHEMA_PREFIX.sub("", name) for name in names if isinstance(name, str)]


class _Reader:
    """Reads one JobPosting node; ``index`` resolves ``{"@id": ...}`` references."""

    def __init__(self, node: Mapping[str, Any], index: Mapping[str, Any], log: Log) -> None:
        self.index = index
        self.log = log
        self.node = self.open(node, "")
        self.out: dict[str, Any] = {}
        self.used: set[str] = {"@context", "@type", EXTENSION_TERM}

    # -- helpers ----------------------------------------------------------------------------------

    def open(self, node: Mapping[str, Any], where: str) -> dict[str, Any]:
        """A node with its keys normalised; its explicit nulls are noted (they mean absent)."""
        if None in node.values():
            for key, value in node.items():
                if value is None:
                    self.log.note(pointer(where, key), "value.null", "is null; treated as absent")
        for key in node:
            if ":" in key and key != EXTENSION_TERM:
                return normalise_keys(node)
        return dict(node)

    def take(self, key: str) -> Any:
        """The value of ``key``, marking it as used; None when absent."""
        node = self.node
        if key in node:
            self.used.add(key)
            return node[key]
        return None

    def resolve(self, value: Any, where: str) -> Any:
        """Follow an ``{"@id": ...}`` reference to the node it names, when the document has it."""
        if isinstance(value, dict) and "@id" in value and set(value) <= {"@id", "@type"}:
            target = self.index.get(value["@id"]) if isinstance(value["@id"], str) else None
            if target is None:
                self.log.note(
                    where, "jsonld.reference", f"names {value['@id']!r}, not in the document"
                )
                return None
            return {key: item for key, item in target.items() if key != "@id"}
        return value

    def keep_rest(self, node: Mapping[str, Any], where: str, used: Set[str]) -> None:
        """Keep the properties of a nested node that were not read."""
        for key, value in node.items():
            if key not in used and key not in ("@type", "@context"):
                self.log.keep(pointer(where, key), copy.deepcopy(value))

    def text(self, value: Any, where: str, field: str) -> str | None:
        """Read a Text value (:func:`jsonld_values.text`), clean strings without its checks."""
        if value is None:
            return None
        if value.__class__ is str:
            result = value.strip()
            if result and "<" not in result and "&" not in result:
                return result  # clean text: what v.text gives, without its checks
        return v.text(value, where, self.log, field)

    def text_list(self, value: Any, where: str, field: str) -> list[str]:
        """Read a Text property that holds several items (an array, bullets, an HTML list)."""
        if value.__class__ is str:
            single = _clean_item(value)
            if single is not None:
                return [single]  # one clean item: nothing to split or decode
        if v.is_absent(value, where, self.log, field):
            return []
        if isinstance(value, list):
            found: list[str] = []
            for i, item in enumerate(value):
                if item.__class__ is str:
                    clean = item.strip()
                    if clean and "<" not in clean and "&" not in clean:
                        found.append(clean)  # what self.text gives, without its checks
                        continue
                if t := self.text(item, f"{where}/{i}", field):
                    found.append(t)
            return found
        if not isinstance(value, str):
            single = self.text(value, where, field)
            return [single] if single else []
        split = _split_items(value)
        if len(split) > 1:
            self.log.note(where, "list.split", f"held {len(split)} items in one text; split", field)
            return split
        single = self.text(value, where, field)
        return [single] if single else []

    # -- the posting ------------------------------------------------------------------------------

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
        for key in list(self.node):
            if key not in self.used:
                self.log.keep(pointer("", key), copy.deepcopy(self.node[key]))
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

    # -- organization -----------------------------------------------------------------------------

    def organization(self) -> None:
        where = "/hiringOrganization"
        value = self.resolve(self.take("hiringOrganization"), where)
        org: dict[str, Any] = {}
        if isinstance(value, str) and value.strip():
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
        if org:
            self.out["hiringOrganization"] = org

    def rich_text(self, value: str, where: str) -> str:
        parts = description.read(value, where, self.log, frozenset())
        blocks = [parts.summary or ""]
        for section in parts.sections:
            blocks.append(f"<h3>{_escape(section['heading'])}</h3>{section['content']}")
        return "".join(blocks)

    # -- places -----------------------------------------------------------------------------------

    def locations(self) -> None:
        value = self.take("jobLocation")
        if value is None or v.is_absent(value, "/jobLocation", self.log, "locations"):
            return
        found = []
        for index, item in items(value):
            where = at("/jobLocation", index)
            place = self.resolve(item, where)
            location = self.location(place, where)
            if location:
                found.append(location)
            elif place is not None:
                self.log.note(where, "location.empty", "holds no usable data; dropped", "locations")
        if found:
            self.out["locations"] = found

    def location(self, place: Any, where: str) -> dict[str, Any]:
        if isinstance(place, str):
            label = self.text(place, where, "locations")
            return {"label": label} if label else {}
        if not isinstance(place, dict):
            return {}
        node = self.open(place, where)
        used = {"name", "identifier", "address", "geo", "latitude", "longitude"}
        location: dict[str, Any] = {}
        ident = node.get("identifier")
        if isinstance(ident, str) and _LOCATION_ID.fullmatch(ident):
            location["id"] = ident
        elif ident is not None:
            used.discard("identifier")
        label = self.text(node.get("name"), where + "/name", "locations")
        if label:
            location["label"] = label
        address = self.resolve(node.get("address"), where + "/address")
        if isinstance(address, str):
            text = self.text(address, where + "/address", "locations")
            if text and "label" not in location:
                location["label"] = text
            elif text:
                self.log.keep(where + "/address", address)
        elif isinstance(address, dict):
            location.update(
                self.address(self.open(address, where + "/address"), where + "/address")
            )
        geo = self.geo(node, where)
        if geo:
            location["geo"] = geo
        self.keep_rest(node, where, used)
        order = (
            "id",
            "label",
            "streetAddress",
            "locality",
            "region",
            "regionCode",
            "postalCode",
            "country",
            "geo",
        )
        return {key: location[key] for key in order if key in location}

    def address(self, node: dict[str, Any], where: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        used = {"streetAddress", "addressLocality", "addressRegion", "postalCode", "addressCountry"}
        for key, field in (
            ("streetAddress", "streetAddress"),
            ("addressLocality", "locality"),
            ("postalCode", "postalCode"),
        ):
            if key in node and not v.is_absent(node[key], where + "/" + key, self.log, "locations"):
                text = self.text(node[key], where + "/" + key, "locations")
                if text:
                    result[field] = text
        if "addressCountry" in node and not v.is_absent(
            node["addressCountry"], where + "/addressCountry", self.log, "locations"
        ):
            code, unknown = v.country(
                node["addressCountry"], where + "/addressCountry", self.log, "locations"
            )
            if code:
                result["country"] = code
            elif unknown:
                self.log.keep(where + "/addressCountry", node["addressCountry"])
        region = node.get("addressRegion")
        if region is not None and not v.is_absent(
            region, where + "/addressRegion", self.log, "locations"
        ):
            text = self.text(region, where + "/addressRegion", "locations")
            if text:
                code = v.region_code(text, result.get("country"))
                if code and (result.get("country") in (None, code[:2])):
                    result["regionCode"] = code
                else:
                    result["region"] = text
        self.keep_rest(node, where, used)
        return result

    def geo(self, node: dict[str, Any], where: str) -> dict[str, Any] | None:
        source = self.resolve(node.get("geo"), where + "/geo")
        spot = where + "/geo"
        if not isinstance(source, dict):
            if "geo" in node:
                v.is_absent(node["geo"], spot, self.log, "locations")
            if "latitude" not in node:
                return None
            source, spot = node, where
            self.log.note(
                where,
                "value.type",
                "latitude/longitude given on the Place; read as its geo",
                "locations",
            )
        lat = v.number(source.get("latitude"), spot + "/latitude", self.log, "locations")
        lon = v.number(source.get("longitude"), spot + "/longitude", self.log, "locations")
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            if source is not node:
                self.log.keep(spot, source.copy() if isinstance(source, dict) else source)
            return None
        if source is not node:
            self.keep_rest(source, spot, {"latitude", "longitude"})
        return {"latitude": lat, "longitude": lon}

    def work_arrangement(self) -> None:
        kind = None
        value = self.take("jobLocationType")
        if value is not None and not v.is_absent(
            value, "/jobLocationType", self.log, "workArrangement"
        ):
            for index, item in items(value):
                word = str(item).strip().lower().replace("-", " ").replace("_", " ")
                found = _LOCATION_TYPES.get(word)
                if found and kind is None:
                    kind = found
                    if word != "telecommute":
                        self.log.note(
                            at("/jobLocationType", index),
                            "value.type",
                            f"{item!r} read as {found}",
                            "workArrangement",
                        )
                elif not found:
                    self.log.keep(
                        at("/jobLocationType", index),
                        item,
                        "workArrangement",
                        f"{item!r} is not a location type the reader knows",
                    )
        areas = []
        requirement = self.take("applicantLocationRequirements")
        if requirement is not None and not v.is_absent(
            requirement, "/applicantLocationRequirements", self.log, "workArrangement"
        ):
            for index, item in items(requirement):
                where = at("/applicantLocationRequirements", index)
                area = self.area(self.resolve(item, where), where)
                if area:
                    areas.append(area)
        if kind is None and areas:
            kind = "REMOTE"
            self.log.note(
                "/applicantLocationRequirements",
                "work-arrangement.guessed",
                "given without jobLocationType; read as a remote job",
                "workArrangement",
            )
        if kind:
            arrangement: dict[str, Any] = {"type": kind}
            if areas:
                arrangement["applicantLocations"] = areas
            self.out["workArrangement"] = arrangement

    def area(self, value: Any, where: str) -> dict[str, Any] | None:
        if isinstance(value, str):
            code, unknown = v.country(value, where, self.log, "workArrangement")
            return {"country": code} if code else ({"name": unknown} if unknown else None)
        if not isinstance(value, dict):
            return None
        node = self.open(value, where)
        kinds = type_names(node)
        name = self.text(node.get("name"), where + "/name", "workArrangement")
        if name is None:
            self.log.keep(where, value, "workArrangement", "an area without a name")
            return None
        self.keep_rest(node, where, {"name"})
        if "Country" in kinds:
            code, unknown = v.country(name, where + "/name", self.log, "workArrangement")
            return {"country": code} if code else {"name": name}
        if "State" in kinds:
            return {"region": name}
        code, _ = v.country_code(name)
        return {"country": code} if code else {"name": name}

    # -- pay --------------------------------------------------------------------------------------

    def compensation(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        currency_value = self.node.get("salaryCurrency")
        fallback = v.currency(currency_value, "/salaryCurrency", self.log, "compensation")
        value = self.take("baseSalary")
        ranges: list[dict[str, Any]] = []
        texts: list[str] = []
        used_fallback = False
        if value is not None and not v.is_absent(value, "/baseSalary", self.log, "compensation"):
            for index, item in items(value):
                where = at("/baseSalary", index)
                pay, text, used = self.pay(self.resolve(item, where), where, fallback)
                used_fallback |= used
                if pay:
                    ranges.append(pay)
                if text:
                    texts.append(text)
        if used_fallback or currency_value is None:
            self.take("salaryCurrency")
        if ranges:
            result["basePay"] = ranges
        if texts:
            result["text"] = "\n\n".join(texts)
        incentive = self.take("incentiveCompensation")
        if incentive is None:
            incentive = self.take("incentives")
        if incentive is not None:
            text = self.text(incentive, "/incentiveCompensation", "compensation")
            if text:
                result["incentiveText"] = text
        benefits = self.take("jobBenefits")
        if benefits is None:
            benefits = self.take("benefits")
        listed = (
            self.text_list(benefits, "/jobBenefits", "compensation") if benefits is not None else []
        )
        if listed:
            result["benefits"] = listed
        return result

    def pay(
        self, value: Any, where: str, fallback: str | None
    ) -> tuple[dict[str, Any] | None, str | None, bool]:
        """One baseSalary item -> (pay range, free text, whether salaryCurrency was used)."""
        log = self.log
        if value is None or v.is_absent(value, where, log, "compensation"):
            return None, None, False
        amounts: dict[str, Any] = {}
        unit = None
        currency = None
        text = None
        if isinstance(value, str) and v.parse_number(value) is None:
            log.note(
                where, "salary.free-text", "is free text; kept as compensation.text", "compensation"
            )
            return None, value.strip(), False
        if isinstance(value, int | float | str) and not isinstance(value, bool):
            amount = v.number(value, where, log, "compensation")
            if amount is not None:
                amounts["value"] = amount
        elif isinstance(value, dict):
            node = self.open(value, where)
            currency = v.currency(
                node.get("currency") or node.get("priceCurrency"),
                where + "/currency",
                log,
                "compensation",
            )
            inner = node.get("value")
            if isinstance(inner, dict):
                inner_node = self.open(inner, where + "/value")
                spot = where + "/value"
                self.amounts(inner_node, spot, amounts)
                unit = inner_node.get("unitText") or inner_node.get("unitCode")
                self.keep_rest(
                    inner_node, spot, {"value", "minValue", "maxValue", "unitText", "unitCode"}
                )
            elif inner is not None:
                amount = v.number(inner, where + "/value", log, "compensation")
                if amount is not None:
                    amounts["value"] = amount
                elif isinstance(inner, str) and inner.strip():
                    text = inner.strip()
            self.amounts(node, where, amounts, price=True)
            unit = unit or node.get("unitText") or node.get("unitCode")
            described = self.text(node.get("description"), where + "/description", "compensation")
            self.keep_rest(node, where, _PAY_KEYS)
            if described:
                text = described if text is None else text
        else:
            log.keep(where, value, "compensation", "is not a salary the reader understands")
            return None, None, False
        used_fallback = False
        if currency is None and fallback is not None:
            currency, used_fallback = fallback, True
        if not amounts:
            if text is None:
                log.keep(where, value, "compensation", "a salary without an amount")
            return None, text, used_fallback
        if all(amount == 0 for amount in amounts.values()):
            log.note(
                where,
                "salary.zero",
                "is 0; publishers write 0 to hide pay; dropped",
                "compensation",
            )
            log.keep(where, value)
            return None, text, used_fallback
        if currency is None:
            log.keep(where, value)
            log.note(
                where,
                "salary.no-currency",
                "has no currency; kept under extensions.jsonld",
                "compensation",
            )
            return None, text, used_fallback
        pay_period = v.period(unit, where, log, "compensation") if unit is not None else None
        if pay_period is None:
            biggest = max(amounts.values())
            pay_period = "YEAR" if biggest >= 10000 else "MONTH" if biggest >= 1000 else "HOUR"
            log.note(
                where,
                "salary.period-guessed",
                f"has no unit; {biggest} read as per {pay_period.lower()}",
                "compensation",
            )
        low, high = amounts.get("minimum"), amounts.get("maximum")
        if low is not None and high is not None and low > high:
            amounts["minimum"], amounts["maximum"] = high, low
            log.note(where, "salary.repaired", "minimum above maximum; swapped", "compensation")
        if "value" in amounts and ("minimum" in amounts or "maximum" in amounts):
            log.keep(where + "/value", amounts.pop("value"))
        pay: dict[str, Any] = {"currency": currency}
        for key in ("minimum", "maximum", "value"):
            if key in amounts:
                pay[key] = amounts[key]
        pay["period"] = pay_period
        if text:
            pay["text"] = text
        return pay, None, used_fallback

    def amounts(
        self, node: dict[str, Any], where: str, amounts: dict[str, Any], *, price: bool = False
    ) -> None:
        keys: tuple[tuple[str, str], ...] = (("minValue", "minimum"), ("maxValue", "maximum"))
        if price:
            keys += (("minPrice", "minimum"), ("maxPrice", "maximum"), ("price", "value"))
        else:
            keys += (("value", "value"),)
        for key, field in keys:
            if key in node and field not in amounts:
                amount = v.number(node[key], where + "/" + key, self.log, "compensation")
                if amount is not None and amount >= 0:
                    amounts[field] = amount

    # -- requirements -----------------------------------------------------------------------------

    def requirements(self) -> None:
        out = self.out
        responsibilities = self.take("responsibilities")
        if responsibilities is not None:
            listed = self.text_list(responsibilities, "/responsibilities", "responsibilities")
            if listed:
                out["responsibilities"] = listed
        required: list[str] = []
        education: list[dict[str, Any]] = []
        qualifications = self.take("qualifications")
        if qualifications is not None and not v.is_absent(
            qualifications, "/qualifications", self.log, "requiredQualifications"
        ):
            for index, item in items(qualifications):
                if item.__class__ is str:
                    single = _clean_item(item)
                    if single is not None:
                        required.append(single)  # what text_list gives for one clean item
                        continue
                where = at("/qualifications", index)
                if isinstance(item, dict):
                    entry = self.education(self.open(item, where), where, required)
                    if entry:
                        education.append(entry)
                else:
                    required.extend(self.text_list(item, where, "requiredQualifications"))
        value = self.take("educationRequirements")
        if value is not None and not v.is_absent(
            value, "/educationRequirements", self.log, "educationRequirements"
        ):
            for index, item in items(value):
                where = at("/educationRequirements", index)
                if isinstance(item, dict):
                    entry = self.education(self.open(item, where), where, required)
                else:
                    entry = self.education_text(item, where, required)
                if entry:
                    education.append(entry)
        if required:
            out["requiredQualifications"] = required
        if education:
            out["educationRequirements"] = education
        experience = []
        value = self.take("experienceRequirements")
        if value is not None and not v.is_absent(
            value, "/experienceRequirements", self.log, "experienceRequirements"
        ):
            for index, item in items(value):
                entry = self.experience(item, at("/experienceRequirements", index))
                if entry:
                    experience.append(entry)
        if experience:
            out["experienceRequirements"] = experience
        flag = self.take("experienceInPlaceOfEducation")
        if flag is not None:
            parsed = v.boolean(
                flag, "/experienceInPlaceOfEducation", self.log, "experienceInPlaceOfEducation"
            )
            if parsed is None:
                self.log.keep(
                    "/experienceInPlaceOfEducation",
                    flag,
                    "experienceInPlaceOfEducation",
                    "not a boolean",
                )
            else:
                out["experienceInPlaceOfEducation"] = parsed
        self.skills()

    def education(
        self, node: dict[str, Any], where: str, required: list[str]
    ) -> dict[str, Any] | None:
        levels: list[str] = []
        guessed = False
        for index, item in items(
            node.get("credentialCategory") or node.get("educationalLevel") or []
        ):
            category = self.text(
                item, at(where + "/credentialCategory", index), "educationRequirements"
            )
            if category:
                found = v.education_levels(category)
                guessed |= category.strip().lower() not in v.GOOGLE_CREDENTIALS
                levels.extend(level for level in found if level not in levels)
        text = self.text(node.get("description"), where + "/description", "educationRequirements")
        if not levels and text:
            levels = v.education_levels(text)
            guessed = True
        fields = []
        for index, item in items(node.get("about") or []):
            field = self.text(item, at(where + "/about", index), "educationRequirements")
            if field:
                fields.append(field)
        self.keep_rest(
            node, where, {"credentialCategory", "educationalLevel", "description", "about"}
        )
        if not levels:
            if text:
                required.append(text)
                self.log.note(
                    where,
                    "education.as-qualification",
                    "names no education level; kept as a required qualification",
                    "educationRequirements",
                )
            elif node:
                self.log.keep(where, node, "educationRequirements", "names no education level")
            return None
        if guessed:
            self.log.note(
                where,
                "education.level-guessed",
                f"read as {', '.join(levels)}",
                "educationRequirements",
            )
        entry: dict[str, Any] = {"levels": levels}
        if fields:
            entry["fieldsOfStudy"] = fields
        entry["requirement"] = "REQUIRED"
        if text:
            entry["text"] = text
        return entry

    def education_text(self, value: Any, where: str, required: list[str]) -> dict[str, Any] | None:
        text = self.text(value, where, "educationRequirements")
        if text is None:
            return None
        if text.strip().lower().rstrip(".") in _NO_REQUIREMENT:
            self.log.keep(where, value, "educationRequirements", f"{text!r} means no requirement")
            return None
        levels = v.education_levels(text)
        if not levels:
            required.append(text)
            self.log.note(
                where,
                "education.as-qualification",
                "names no education level; kept as a required qualification",
                "educationRequirements",
            )
            return None
        self.log.note(
            where,
            "education.level-guessed",
            f"read as {', '.join(levels)}",
            "educationRequirements",
        )
        return {"levels": levels, "requirement": "REQUIRED", "text": text}

    def experience(self, value: Any, where: str) -> dict[str, Any] | None:
        entry: dict[str, Any] = {}
        if isinstance(value, dict):
            node = self.open(value, where)
            months = node.get("monthsOfExperience")
            if months is not None:
                parsed = v.number(
                    months, where + "/monthsOfExperience", self.log, "experienceRequirements"
                )
                if parsed is not None and parsed >= 0:
                    entry["months"] = round(parsed)
                else:
                    self.log.keep(
                        where + "/monthsOfExperience",
                        months,
                        "experienceRequirements",
                        "not a number of months",
                    )
            subject = self.text(
                node.get("description"), where + "/description", "experienceRequirements"
            )
            if subject:
                entry["subject"] = subject
            self.keep_rest(node, where, {"monthsOfExperience", "description"})
        else:
            subject = self.text(value, where, "experienceRequirements")
            if subject is None:
                return None
            if subject.strip().lower().rstrip(".") in _NO_REQUIREMENT:
                self.log.keep(
                    where, value, "experienceRequirements", f"{subject!r} means no requirement"
                )
                return None
            months = _months(subject)
            if months is not None:
                entry["months"] = months
                self.log.note(
                    where,
                    "experience.months-parsed",
                    f"read as {months} months",
                    "experienceRequirements",
                )
            entry["subject"] = subject
        if not entry:
            return None
        entry["requirement"] = "REQUIRED"
        return entry

    def skills(self) -> None:
        value = self.take("skills")
        if value is None or v.is_absent(value, "/skills", self.log, "skills"):
            return
        found = []
        for index, item in items(value):
            if item.__class__ is str and isinstance(value, list):
                clean = item.strip()
                if clean and "<" not in clean and "&" not in clean:
                    found.append({"name": clean})  # what self.text gives, without its checks
                    continue
            where = at("/skills", index)
            if isinstance(item, dict):
                node = self.open(self.resolve(item, where) or {}, where)
                name = self.text(node.get("name"), where + "/name", "skills")
                used = {"name", "termCode", "inDefinedTermSet"}
                if name is None and node.get("description"):
                    name = self.text(node.get("description"), where + "/description", "skills")
                    used.add("description")
                    self.log.note(
                        where,
                        "value.type",
                        "a DefinedTerm without a name; read its description",
                        "skills",
                    )
                if name is None:
                    self.log.keep(where, item, "skills", "a skill without a name")
                    continue
                skill: dict[str, Any] = {"name": name}
                code = self.text(node.get("termCode"), where + "/termCode", "skills")
                if code:
                    skill["code"] = code
                scheme = _scheme(node.get("inDefinedTermSet"))
                if scheme:
                    skill["scheme"] = scheme
                self.keep_rest(node, where, used)
                found.append(skill)
            elif isinstance(value, list):
                name = self.text(item, where, "skills")
                if name:
                    found.append({"name": name})
            else:
                names = self.skill_names(item, where)
                found.extend({"name": name} for name in names)
        if found:
            self.out["skills"] = found

    def skill_names(self, value: Any, where: str) -> list[str]:
        text = self.text(value, where, "skills")
        if text is None:
            return []
        parts = [p.strip() for p in _SKILL_SEPARATORS.split(text) if p.strip()]
        if len(parts) > 1 and all(len(p.split()) <= 5 for p in parts):
            self.log.note(
                where, "list.split", f"held {len(parts)} skills in one text; split", "skills"
            )
            return parts
        return [text]

    # -- classifications --------------------------------------------------------------------------

    def classifications(self) -> None:
        industries = []
        value = self.take("industry")
        if value is not None and not v.is_absent(
            value, "/industry", self.log, "hiringOrganization"
        ):
            for index, item in items(value):
                entry = self.classification(
                    item, at("/industry", index), "inDefinedTermSet", "termCode"
                )
                if entry:
                    industries.append(entry)
        if industries:
            self.out.setdefault("hiringOrganization", {})["industries"] = industries
        categories = []
        value = self.take("occupationalCategory")
        if value is not None and not v.is_absent(
            value, "/occupationalCategory", self.log, "occupationalCategories"
        ):
            for index, item in items(value):
                entry = self.classification(
                    item, at("/occupationalCategory", index), "inCodeSet", "codeValue"
                )
                if entry:
                    categories.append(entry)
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
        if isinstance(value, dict):
            node = self.open(self.resolve(value, where) or {}, where)
            entry = {}
            scheme = _scheme(
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

    # -- schedule, openings -----------------------------------------------------------------------

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

    # -- contacts, application, work authorization ------------------------------------------------

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

    # -- description ------------------------------------------------------------------------------

    def description(self) -> None:
        value = self.take("description")
        if value is None or v.is_absent(value, "/description", self.log, "description"):
            return
        if not isinstance(value, str):
            text = self.text(value, "/description", "description")
            if text is None:
                self.log.keep("/description", value, "description", "not text")
                return
            value = _escape(text)
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


def _scheme(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, dict):
        for key in ("name", "url", "@id"):
            if isinstance(value.get(key), str) and value[key].strip():
                return str(value[key]).strip()
    return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_SKILL_SEPARATORS = re.compile(r"\s*[,;|\u2022\n]\s*")
_BULLET = re.compile(r"(?:^|\s)[*\u2022\u00b7\u25aa\u25cf\u2013-]\s+")
_LIST_ITEM = re.compile(r"<li\b[^>]*>(.*?)(?=<li\b|</[uo]l>|$)", re.I | re.S)
_CLAUSE_BREAK = re.compile(r"(?<=\.),\s+")


def _clean_item(value: str) -> str | None:
    """A string's text when it is one list item with nothing to decode or split, else None.

    For such a string :func:`_split_items` and :func:`~jsonld_values.text` both give the
    stripped string, without notes.
    """
    text = value.strip()
    if (
        text
        and "<" not in text
        and "&" not in text
        and "\n" not in text
        and ".," not in text
        and _BULLET.search(text) is None
    ):
        return text
    return None


def _split_items(value: str) -> list[str]:
    """Split one text into list items: an HTML list, bullets, lines, or '., '-separated clauses."""
    if "<" in value and "<li" in value.lower():
        found = _LIST_ITEM.findall(value)
        return [t for raw in found if (t := v.plain_text(raw))]
    markup = ("<" in value or "&" in value) and v.looks_like_markup(value)
    text = v.plain_text(value) if markup else value.strip()
    if len(_BULLET.findall(text)) >= 2:
        return [p.strip() for p in _BULLET.split(text) if p.strip()]
    if "\n" in text:  # the text is stripped: one line splits into itself
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if len(lines) > 1:
            return lines
    if ".," in text:
        clauses = _CLAUSE_BREAK.split(text)
        if len(clauses) > 2 and all(clause[:1].isupper() for clause in clauses):
            return [c.strip() for c in clauses if c.strip()]
    return [text] if text else []


_MONTHS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*\+?\s*(?:-\s*\d+\s*)?(years?|yrs?|jahre?n?|ans?|años|lat|months?|monate?n?|mois|meses)\b",
    re.I,
)


def _months(text: str) -> int | None:
    match = _MONTHS.search(text)
    if not match:
        return None
    amount = v.parse_number(match.group(1))
    if amount is None:
        return None
    unit = match.group(2).lower()
    factor = 1 if unit.startswith(("month", "monat", "mois", "mes")) else 12
    return round(amount * factor)


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
