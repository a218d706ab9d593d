"""The JobPosting node reader's part for where the job is done.

Reads jobLocation (Place, PostalAddress, GeoCoordinates, bare text), jobLocationType and
applicantLocationRequirements (countries, states, other areas).
"""

from __future__ import annotations

import re
from typing import Any

from jobposting.formats import jsonld_values as v
from jobposting.formats.jsonld_map_base import ReaderBase, type_names
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
