"""The JobPosting node reader's part for where the job is done.

Reads jobLocation (Place, PostalAddress, GeoCoordinates, bare text), jobLocationType and
applicantLocationRequirements (countries, states, other areas).
"""

from __future__ import annotations

import re
from typing import Any

from jobposting.formats import jsonld_values as v
from jobposting.formats.jsonld_map_base import (
    ReaderBase,
    clean_text,
    plain_number,
    put_clean,
    type_names,
)
from jobposting.formats.jsonld_values import at, items

_LOCATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_LOCATION_TYPES = {
    "telecommute": "REMOTE", "remote": "REMOTE", "fully remote": "REMOTE",
    "work from home": "REMOTE", "hybrid": "HYBRID", "onsite": "ONSITE", "on site": "ONSITE",
    "in office": "ONSITE",
}  # fmt: skip


class PlacesReader(ReaderBase):
    """Locations and the work arrangement."""

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
        if place.__class__ is dict and (regular := _regular_place(place)) is not None:
            return regular
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
                if area in areas:
                    self.log.note(
                        where,
                        "list.duplicate",
                        "names the same area as an earlier item ('United States', 'USA'); dropped",
                        "workArrangement",
                    )
                elif area:
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
        if value.__class__ is dict and (regular := _regular_area(value)) is not None:
            return regular
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


_REGULAR_PLACE_KEYS = frozenset({"@type", "identifier", "name", "address", "geo"})
_REGULAR_ADDRESS = (
    ("streetAddress", "streetAddress"),
    ("addressLocality", "locality"),
    ("postalCode", "postalCode"),
    ("addressCountry", "country"),
    ("addressRegion", None),
)
_REGULAR_ADDRESS_KEYS = frozenset({"@type"}).union(key for key, _ in _REGULAR_ADDRESS)
_REGULAR_GEO_KEYS = frozenset({"@type", "latitude", "longitude"})


def _regular_place(node: dict[str, Any]) -> dict[str, Any] | None:
    """The location of a Place in the writer's shape, or None for any other node.

    The shape: an ``identifier`` that is a location id, a ``name``, a PostalAddress of clean
    texts whose ``addressCountry`` is an ISO code as it is, GeoCoordinates of JSON numbers in
    range; no null, no prefixed key, no reference, no other property. For it
    :meth:`PlacesReader.location` reads each value as it is, notes nothing and keeps nothing,
    and gives this location (the same keys in the same order).
    """
    if not node.keys() <= _REGULAR_PLACE_KEYS or None in node.values():
        return None
    location: dict[str, Any] = {}
    if "identifier" in node:
        ident = node["identifier"]
        if ident.__class__ is not str or not _LOCATION_ID.fullmatch(ident):
            return None
        location["id"] = ident
    if not put_clean(node, "name", location, "label"):
        return None
    if "address" in node:
        address = node["address"]
        if (
            address.__class__ is not dict
            or not address.keys() <= _REGULAR_ADDRESS_KEYS
            or None in address.values()
        ):
            return None
        found: dict[str, str] = {}
        for key, field in _REGULAR_ADDRESS:
            if key in address:
                if (text := clean_text(address[key])) is None:
                    return None
                if field is None:
                    code = v.region_code(text, found.get("country"))
                    if code and found.get("country") in (None, code[:2]):
                        found["regionCode"] = code
                    else:
                        found["region"] = text
                elif field == "country":
                    if len(text) != 2 or text not in v.COUNTRY_CODES or text != address[key]:
                        return None
                    found[field] = text
                else:
                    found[field] = text
        for field in _LOCATION_ORDER:
            if field in found:
                location[field] = found[field]
    if "geo" in node:
        geo = node["geo"]
        if geo.__class__ is not dict or not geo.keys() <= _REGULAR_GEO_KEYS:
            return None
        lat: Any = geo.get("latitude")
        lon: Any = geo.get("longitude")
        if not (plain_number(lat) and plain_number(lon)):
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        location["geo"] = {"latitude": lat, "longitude": lon}
    return location


#: The address fields of a location in canonical order (after its id and label).
_LOCATION_ORDER = ("streetAddress", "locality", "region", "regionCode", "postalCode", "country")


def _regular_area(node: dict[str, Any]) -> dict[str, Any] | None:
    """The applicant location of a Country or State in the writer's shape, or None.

    The shape: ``@type`` Country with an ISO code as its ``name``, or State with a clean
    ``name``; nothing else. For it :meth:`PlacesReader.area` reads the name as it is, notes
    nothing and keeps nothing, and gives this area.
    """
    if node.keys() != {"@type", "name"}:
        return None
    kind, name = node["@type"], clean_text(node["name"])
    if name is None:
        return None
    if kind.__class__ is not str:
        return None
    if kind == "State":
        return {"region": name}
    if kind == "Country" and len(name) == 2 and name in v.COUNTRY_CODES and name == node["name"]:
        return {"country": name}
    return None
