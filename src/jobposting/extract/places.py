"""Place names in postings: countries (ISO 3166-1), first-level regions (ISO 3166-2), locations.

The tables cover the countries and region names that postings in English, German, French,
Spanish and Dutch commonly use; a name outside them is kept as written, never invented.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

__all__ = [
    "COUNTRY_CURRENCIES",
    "Place",
    "Region",
    "country_code",
    "fold",
    "parse_place",
    "region",
]

# ISO 3166-1 alpha-2 -> names people write (English first; German, French, Spanish, Dutch and
# common short forms after it). Lookup is case- and accent-insensitive.
_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "United States of America", "USA", "U.S.", "U.S.A.", "US",
           "Vereinigte Staaten", "USA", "États-Unis", "Etats-Unis", "Estados Unidos",
           "Verenigde Staten"),
    "CA": ("Canada", "Kanada"),
    "MX": ("Mexico", "Mexiko", "Mexique", "México"),
    "BR": ("Brazil", "Brasilien", "Brésil", "Brasil", "Brazilië"),
    "AR": ("Argentina", "Argentinien", "Argentine", "Argentinië"),
    "CL": ("Chile", "Chili"),
    "CO": ("Colombia", "Kolumbien", "Colombie"),
    "PE": ("Peru", "Pérou", "Perú"),
    "GB": ("United Kingdom", "UK", "U.K.", "Great Britain", "England", "Scotland", "Wales",
           "Northern Ireland", "Vereinigtes Königreich", "Großbritannien", "Royaume-Uni",
           "Reino Unido", "Verenigd Koninkrijk"),
    "IE": ("Ireland", "Irland", "Irlande", "Irlanda", "Ierland"),
    "DE": ("Germany", "Deutschland", "Allemagne", "Alemania", "Duitsland"),
    "AT": ("Austria", "Österreich", "Autriche", "Oostenrijk"),
    "CH": ("Switzerland", "Schweiz", "Suisse", "Suiza", "Zwitserland"),
    "FR": ("France", "Frankreich", "Francia", "Frankrijk"),
    "BE": ("Belgium", "Belgien", "Belgique", "Bélgica", "België"),
    "NL": ("Netherlands", "The Netherlands", "Holland", "Niederlande", "Pays-Bas",
           "Países Bajos", "Nederland"),
    "LU": ("Luxembourg", "Luxemburg", "Luxemburgo"),
    "ES": ("Spain", "Spanien", "Espagne", "España", "Spanje"),
    "PT": ("Portugal",),
    "IT": ("Italy", "Italien", "Italie", "Italia", "Italië"),
    "DK": ("Denmark", "Dänemark", "Danemark", "Dinamarca", "Denemarken"),
    "SE": ("Sweden", "Schweden", "Suède", "Suecia", "Zweden"),
    "NO": ("Norway", "Norwegen", "Norvège", "Noruega", "Noorwegen"),
    "FI": ("Finland", "Finnland", "Finlande", "Finlandia"),
    "PL": ("Poland", "Polen", "Pologne", "Polonia"),
    "CZ": ("Czech Republic", "Czechia", "Tschechien", "République tchèque", "Chequia",
           "Tsjechië"),
    "HU": ("Hungary", "Ungarn", "Hongrie", "Hungría", "Hongarije"),
    "RO": ("Romania", "Rumänien", "Roumanie", "Rumanía", "Roemenië"),
    "GR": ("Greece", "Griechenland", "Grèce", "Grecia", "Griekenland"),
    "TR": ("Turkey", "Türkiye", "Türkei", "Turquie", "Turquía", "Turkije"),
    "IL": ("Israel", "Israël"),
    "AE": ("United Arab Emirates", "UAE", "Vereinigte Arabische Emirate", "Émirats arabes unis",
           "Emiratos Árabes Unidos"),
    "IN": ("India", "Indien", "Inde"),
    "CN": ("China", "Chine"),
    "JP": ("Japan", "Japon", "Japón"),
    "KR": ("South Korea", "Korea", "Südkorea", "Corée du Sud", "Corea del Sur", "Zuid-Korea"),
    "SG": ("Singapore", "Singapur", "Singapour"),
    "PH": ("Philippines", "the Philippines", "Philippinen", "Filipinas", "Filipijnen"),
    "AU": ("Australia", "Australien", "Australie", "Australië"),
    "NZ": ("New Zealand", "Neuseeland", "Nouvelle-Zélande", "Nueva Zelanda", "Nieuw-Zeeland"),
    "ZA": ("South Africa", "Südafrika", "Afrique du Sud", "Sudáfrica", "Zuid-Afrika"),
}  # fmt: skip

# ISO 3166-2 subdivisions people write by name or by their short code.
_US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico",
}  # fmt: skip
_CA_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "ON": "Ontario",
    "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan",
}  # fmt: skip
_DE_STATES = {
    "BW": "Baden-Württemberg", "BY": "Bayern", "BE": "Berlin", "BB": "Brandenburg",
    "HB": "Bremen", "HH": "Hamburg", "HE": "Hessen", "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen", "NW": "Nordrhein-Westfalen", "RP": "Rheinland-Pfalz",
    "SL": "Saarland", "SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}  # fmt: skip
#: Other names of German states (English, "Bavaria").
_DE_ALIASES = {
    "Bavaria": "BY",
    "Hesse": "HE",
    "Lower Saxony": "NI",
    "Saxony": "SN",
    "North Rhine-Westphalia": "NW",
    "Thuringia": "TH",
}
_NL_PROVINCES = {
    "DR": "Drenthe", "FL": "Flevoland", "FR": "Friesland", "GE": "Gelderland",
    "GR": "Groningen", "LI": "Limburg", "NB": "Noord-Brabant", "NH": "Noord-Holland",
    "OV": "Overijssel", "UT": "Utrecht", "ZE": "Zeeland", "ZH": "Zuid-Holland",
}  # fmt: skip

#: Countries whose regions are usually written by a short code after the city ("Austin, TX").
_REGIONS: dict[str, dict[str, str]] = {
    "US": _US_STATES,
    "CA": _CA_PROVINCES,
    "DE": _DE_STATES,
    "NL": _NL_PROVINCES,
}
#: Which countries' short codes are recognised without the country being written.
_CODE_COUNTRIES = ("US", "CA")

#: A currency people in a country are paid in, for amounts written without one.
COUNTRY_CURRENCIES = {
    "US": "USD", "CA": "CAD", "MX": "MXN", "BR": "BRL", "GB": "GBP", "IE": "EUR", "DE": "EUR",
    "AT": "EUR", "CH": "CHF", "FR": "EUR", "BE": "EUR", "NL": "EUR", "LU": "EUR", "ES": "EUR",
    "PT": "EUR", "IT": "EUR", "FI": "EUR", "GR": "EUR", "DK": "DKK", "SE": "SEK", "NO": "NOK",
    "PL": "PLN", "CZ": "CZK", "HU": "HUF", "RO": "RON", "IN": "INR", "JP": "JPY", "CN": "CNY",
    "SG": "SGD", "AU": "AUD", "NZ": "NZD", "ZA": "ZAR", "PH": "PHP", "AR": "ARS", "CL": "CLP",
    "CO": "COP", "PE": "PEN", "IL": "ILS", "AE": "AED", "KR": "KRW", "TR": "TRY",
}  # fmt: skip


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents and dots, for comparing names as people write them."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain.replace(".", "")).strip()


_COUNTRY_INDEX = {fold(name): code for code, names in _COUNTRY_NAMES.items() for name in names}
_REGION_NAME_INDEX = {
    fold(name): (country, code)
    for country, table in _REGIONS.items()
    for code, name in table.items()
}
_REGION_NAME_INDEX.update({fold(name): ("DE", code) for name, code in _DE_ALIASES.items()})


def country_code(name: str) -> str | None:
    """Return the ISO 3166-1 alpha-2 code of a country name or code as written, or None."""
    return _COUNTRY_INDEX.get(fold(name))


@attrs.frozen(kw_only=True)
class Region:
    """A first-level subdivision: its name as written and its ISO 3166-2 code."""

    name: str
    code: str
    country: str


def region(name: str, country: str | None = None) -> Region | None:
    """Return the region a name or short code stands for (``VA``, ``Virginia``, ``Bayern``).

    A bare short code is only read as a US state or Canadian province (where postings write
    them that way) unless ``country`` says which country's code it is.
    """
    stripped = name.strip()
    countries = (country,) if country else _CODE_COUNTRIES
    if re.fullmatch(r"[A-Z]{2}", stripped):
        for candidate in countries:
            table = _REGIONS.get(candidate or "", {})
            if stripped in table:
                return Region(
                    name=table[stripped], code=f"{candidate}-{stripped}", country=candidate
                )
        return None
    found = _REGION_NAME_INDEX.get(fold(stripped))
    if found and (country is None or found[0] == country):
        return Region(name=stripped, code=f"{found[0]}-{found[1]}", country=found[0])
    return None


@attrs.frozen(kw_only=True)
class Place:
    """A place read from text: locality, region and country as far as the text says them."""

    text: str
    locality: str | None = None
    region: str | None = None
    region_code: str | None = None
    country: str | None = None

    @property
    def slug(self) -> str:
        """A location id (``richmond-va``): the locality, then the region's short code."""
        parts = [self.locality or self.region or self.country or self.text]
        if self.region_code and self.locality:
            parts.append(self.region_code.split("-", 1)[1])
        elif self.country and self.locality:
            parts.append(self.country)
        words = re.findall(r"[a-z0-9]+", fold(" ".join(p for p in parts if p)))
        slug = "-".join(words) or "location"
        return slug if slug[0].isalpha() else f"loc-{slug}"


_PLACE_PART = re.compile(r"^[^\W\d_][\w.' -]*$")
_CITY_AND_CODE = re.compile(r"^(?P<city>.+?)\s+(?P<code>[A-Z]{2})$")


def parse_place(text: str) -> Place | None:
    """Read a place written as comma-separated parts, in either order.

    ``United States, Virginia, Richmond``, ``Richmond, VA``, ``Kirkland WA`` and
    ``Berlin, Deutschland`` are what postings write. Returns None for text that is not a
    plausible place name, and for a single name that is no known country or region (a city
    alone cannot be told from any other word).
    """
    cleaned = re.sub(r"\s+", " ", text).strip().strip(".")
    parts = [p.strip() for p in re.split(r"\s*,\s*", cleaned) if p.strip()]
    parts = [re.sub(r"^\d{4,5}\s+", "", p) for p in parts]  # a postal code before the city
    if not parts or len(parts) > 4 or not all(_PLACE_PART.match(p) for p in parts):
        return None
    if any(len(p.split()) > 4 for p in parts):
        return None
    if len(parts) > 1 and country_code(parts[0]) and not country_code(parts[-1]):
        parts.reverse()  # "Country, Region, City": the way some applicant tracking systems write
    country = country_code(parts[-1]) if len(parts) > 1 or region(parts[-1]) is None else None
    if country:
        parts.pop()
    found: Region | None = None
    written_region: str | None = None
    if len(parts) > 1 and (found := region(parts[-1], country)):
        written_region = parts.pop()
    elif len(parts) == 1 and (both := _CITY_AND_CODE.match(parts[0])):
        found = region(both["code"], country)
        if found:
            parts[0], written_region = both["city"], both["code"]
    elif len(parts) == 1 and not country and (found := region(parts[0])):
        written_region = parts.pop()
    if found and not country:
        country = found.country
    if not (country or found):
        return None
    return Place(
        text=cleaned,
        locality=parts[-1] if parts else None,
        region=None if found is None or written_region == found.code.split("-")[1] else found.name,
        region_code=found.code if found else None,
        country=country,
    )
