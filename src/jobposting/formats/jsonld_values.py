"""Reading single schema.org values the way real pages write them, with a log of every repair.

Each parser takes the raw JSON value, returns the canonical value (or ``None`` when there is
none) and records what it had to repair or guess on a :class:`Log`, with a JSON Pointer into the
JobPosting node and a stable code (the codes and their meaning are :data:`REPAIR_CODES`).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import attrs

from jobposting._resources import data_dir, load_schema
from jobposting.problems import Problem

#: Every diagnostic code the JSON-LD reader gives, with what it means (docs/formats/jsonld.md).
REPAIR_CODES: dict[str, str] = {
    "jsonld.syntax": (
        "the JSON was broken (raw control characters or quotes in strings, trailing commas, "
        "comments, CDATA, a trailing ';', HTML entities) and was repaired"
    ),
    "jsonld.context": (
        "the @context is not a schema.org spelling the reader knows; properties were read as "
        "schema.org anyway"
    ),
    "jsonld.type": "the @type is a spelling of JobPosting that needed normalising (prefix, case)",
    "jsonld.reference": "an @id reference could not be resolved within the document",
    "value.null": "a property was null and is treated as absent",
    "value.empty": "a property was an empty string, list or object and is treated as absent",
    "value.type": (
        "a value had the wrong JSON type (a number for text, a string for a number or a boolean, "
        "an object for text) and was converted"
    ),
    "value.entities": "a text value held HTML entities or markup and was decoded to plain text",
    "value.unmapped": (
        "a value could not be mapped to the canonical model and was kept under extensions.jsonld"
    ),
    "title.from-name": "the posting had no title; its name was used",
    "organization.not-named": "the organization's name only stands in the employer's place "
    "('Confidential', 'Our client'): hiringOrganization.disclosed is false",
    "organization.string": "hiringOrganization was a bare string, read as the organization's name",
    "url.no-scheme": "a URL had no scheme; https:// was added",
    "url.invalid": "a URL could not be read and was kept under extensions.jsonld",
    "date.repaired": (
        "a date or date-time was written in a non-ISO form (space for T, no seconds, offset "
        "without a colon, more than 6 fractional digits, a written-out date) and was normalised"
    ),
    "date.no-offset": "a date-time had no UTC offset; only its date was kept",
    "date.unparsed": (
        "a date could not be read (e.g. 'Posted 2 days ago') and was kept under extensions.jsonld"
    ),
    "date.relative": (
        "a relative date ('Posted 2 days ago') was read against the moment given as now (--now)"
    ),
    "country.name": (
        "a country was given by name or alpha-3 code and was mapped to its ISO 3166-1 alpha-2 code"
    ),
    "country.unknown": (
        "a country name could not be mapped to an ISO code; it was kept as a label or area name"
    ),
    "location.empty": "a jobLocation held no usable data and was dropped",
    "employment-type.mapped": (
        "an employment type in free text or another spelling was mapped to Google's values"
    ),
    "salary.repaired": (
        "a salary had strings for numbers, a currency or unit in another spelling, or min/max the"
        " wrong way round"
    ),
    "salary.period-guessed": (
        "a salary had no unit; the period was guessed from the size of the amount"
    ),
    "salary.free-text": "a salary was free text; it was kept as compensation.text",
    "salary.from-text": "a salary written as text stating one range, its currency and period "
    "was read as a pay range (the text kept with it)",
    "salary.zero": "a salary of 0 (publishers writing 0-0 to hide pay) was dropped",
    "salary.no-currency": "a salary had no currency and was kept under extensions.jsonld",
    "qualifications.preferred-heading": (
        "a qualifications text held lists under headings; the items under one such as "
        "'Nice to have' were read as preferredQualifications"
    ),
    "list.duplicate": (
        "a list named the same item twice (applicantLocationRequirements 'United States' and "
        "'USA'); the repeat was dropped"
    ),
    "list.split": (
        "a text property holding several items (bullets, commas, HTML list) was split into list "
        "items"
    ),
    "description.entity-encoded": (
        "the description was HTML-entity-encoded (&lt;p&gt;) and was decoded"
    ),
    "description.escapes": (
        "the description held literal \\n escapes between tags, which were removed"
    ),
    "description.sanitised": (
        "the description held markup outside the canonical rich-text subset and was sanitised"
    ),
    "description.recovered": (
        "responsibilities, qualifications or benefits were recovered from the description's "
        "headings and lists"
    ),
    "education.level-guessed": "an education level was read from free text",
    "education.as-qualification": (
        "an education requirement named no level; its text was kept as a required qualification"
    ),
    "occupation.parsed": (
        "an occupational category written as 'code name' was split into its code and name"
    ),
    "contact.role": "an applicationContact's contactType is not a known role; it was read as OTHER",
    "experience.months-parsed": "months of experience were read from free text",
    "work-arrangement.guessed": (
        "applicantLocationRequirements without jobLocationType was read as a remote job"
    ),
    "work-hours.parsed": "hours per week were read from the workHours text",
    "work-authorization.guessed": (
        "visa sponsorship was read from the eligibilityToWorkRequirement text"
    ),
    "microdata.content-attribute": (
        "a microdata property took its value from a content attribute on an element that is not "
        "<meta>"
    ),
    "microdata.implied-item": "itemprop attributes outside any item were read as one JobPosting",
}

_SCHEMA_DEFS = load_schema()["$defs"]
COUNTRY_CODES = frozenset(_SCHEMA_DEFS["countryCode"]["enum"])
CURRENCY_CODES = frozenset(_SCHEMA_DEFS["currencyCode"]["enum"])
_LANGUAGE_TAG = re.compile(_SCHEMA_DEFS["languageTag"]["pattern"])
_REGION_CODE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
_SUBDIVISION = re.compile(r"[A-Z]{2,3}")
#: A URL scheme and its colon, at the start of a URL.
URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_BARE_HOST = re.compile(r"[\w-]+(\.[\w-]+)+(/|$)")


@attrs.define
class Log:
    """The repairs, guesses and leftovers of reading one JobPosting node.

    ``field`` names the top-level canonical property a note is about, so that notes about data
    the writer's extension term restores can be dropped.
    """

    notes: list[tuple[Problem, str | None]] = attrs.field(factory=list)
    leftovers: dict[str, Any] = attrs.field(factory=dict)

    def note(self, pointer: str, code: str, message: str, field: str | None = None) -> None:
        """Record one repair or guess."""
        assert code in REPAIR_CODES, code
        self.notes.append((Problem(pointer=pointer, message=message, code=code), field))

    def keep(self, pointer: str, value: Any, field: str | None = None, why: str = "") -> None:
        """Keep a value the model has no place for under extensions.jsonld (pointer -> value)."""
        self.leftovers[pointer] = value
        if why:
            self.note(pointer, "value.unmapped", why, field)

    def problems(self, without: frozenset[str] = frozenset()) -> tuple[Problem, ...]:
        """The notes, leaving out those about the top-level canonical properties ``without``."""
        return tuple(p for p, field in self.notes if field is None or field not in without)


def pointer(base: str, *parts: str | int) -> str:
    """Extend a JSON Pointer with keys and indexes (RFC 6901 escaping)."""
    result = base
    for part in parts:
        key = part if isinstance(part, str) else str(part)
        if "~" in key or "/" in key:
            key = key.replace("~", "~0").replace("/", "~1")
        result += "/" + key
    return result


def child(base: str, key: str) -> str:
    """``pointer(base, key)`` for one string key (the common case, without the loop)."""
    if "~" in key or "/" in key:
        key = key.replace("~", "~0").replace("/", "~1")
    return base + "/" + key


def items(value: Any) -> Iterable[tuple[int | None, Any]]:
    """The (index, item) pairs of a value that may be one item or a list (index None for one)."""
    if isinstance(value, list):
        return enumerate(value)
    return ((None, value),)


def at(base: str, index: int | None, *parts: str | int) -> str:
    """The pointer of ``parts`` below item ``index`` of the value at ``base``."""
    if not parts:
        return base if index is None else f"{base}/{index}"
    return pointer(base, *parts) if index is None else pointer(base, index, *parts)


def is_absent(value: Any, where: str, log: Log, field: str | None) -> bool:
    """True for null and empty values (recorded as repairs), which mean 'not given'."""
    if value is None:
        return True  # an explicit null was noted when its node was first read (Reader.open)
    kind = value.__class__
    if kind is str:
        empty = not value.strip()
    elif kind is dict or kind is list:
        empty = not value
    elif kind is int or kind is float or kind is bool:
        empty = False
    else:
        empty = value in ("", [], {}) or (isinstance(value, str) and not value.strip())
    if empty:
        log.note(where, "value.empty", "is empty; treated as absent", field)
    return empty


# -- text ------------------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_BLOCK_TAGS = frozenset(
    {"p", "br", "li", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(_BLOCK_TAGS)) + r")\b[^<>]*>", re.I)
_ANY_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*>")


def plain_text(value: str) -> str:
    """Return HTML-ish text as plain text: tags dropped (block tags as breaks), entities decoded."""
    if "<" not in value and "&" not in value and "\n" not in value:
        return _SPACES.sub(" ", value).strip()
    text = _ANY_TAG.sub("", _BLOCK_TAG.sub("\n", value))
    if "&" in text:
        text = html.unescape(text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def looks_like_markup(value: str) -> bool:
    """True when a string holds HTML tags or entities."""
    return bool(_TAG.search(value)) or ("&" in value and html.unescape(value) != value)


def text(value: Any, where: str, log: Log, field: str | None) -> str | None:
    """Read a Text value: strings stripped, numbers as their digits, markup decoded."""
    if value.__class__ is str:
        result = value.strip()
        if not result:
            log.note(where, "value.empty", "is empty; treated as absent", field)
            return None
        if "<" not in result and "&" not in result:
            return result  # no tag and no entity: nothing to decode
    if is_absent(value, where, log, field):
        return None
    if isinstance(value, bool | int | float):
        kind = "boolean" if isinstance(value, bool) else "number"
        log.note(where, "value.type", f"is a {kind}; read as text", field)
        return str(value).lower() if isinstance(value, bool) else _number_text(value)
    if isinstance(value, dict):
        for key in ("name", "@value", "value", "text", "str"):
            if isinstance(value.get(key), str) and value[key].strip():
                log.note(where, "value.type", f"is an object; read its {key!r}", field)
                return text(value[key], where, log, field)
        return None
    if isinstance(value, list):
        parts = [t for i, v in enumerate(value) if (t := text(v, pointer(where, i), log, field))]
        if not parts:
            return None
        log.note(where, "value.type", "is a list; its items were joined", field)
        return "\n\n".join(parts)
    if not isinstance(value, str):
        return None
    result = value.strip()
    if looks_like_markup(result):
        decoded = plain_text(result)
        if decoded != result:
            log.note(where, "value.entities", "held HTML markup or entities; decoded", field)
            result = decoded
    return result or None


def _number_text(value: int | float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


# -- numbers and booleans ----------------------------------------------------------------------

_NUMBER = re.compile(r"([+-]?)(\d[\d\s.,'\u00a0\u202f]*)(k|K)?")


_DIGIT_GROUPING = re.compile(r"[\s'\u00a0\u202f]")
_NUMERIC = re.compile(r"[^\d\s]{0,3}\s*[+-]?\d[\d\s.,'\u00a0\u202f]*(?:k|K)?\s*[^\d\s]{0,3}")


def parse_number(raw: str) -> int | float | None:
    """Read a number as people write it: thousands separators, decimal comma, a 'k' suffix.

    Only a string that is a number (with at most a currency symbol or code around it) is read;
    'Trên 8 triệu' or '40000 - 50000' is not a number.
    """
    if not _NUMERIC.fullmatch(raw.strip()):
        return None
    match = _NUMBER.search(raw.replace("\u2009", ""))
    if not match:
        return None
    digits = _DIGIT_GROUPING.sub("", match.group(2)).rstrip(".,")
    if "," in digits and "." in digits:
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        digits = digits.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in digits:
        groups = digits.split(",")
        if all(len(g) == 3 for g in groups[1:]):
            digits = "".join(groups)  # 40,000 and 1,234,567: thousands
        else:
            digits = digits.replace(",", ".")  # 38,5: a decimal comma
    elif digits.count(".") > 1:
        digits = digits.replace(".", "")  # 1.234.567: thousands
    try:
        number = float(digits)
    except ValueError:
        return None
    if match.group(3):
        number *= 1000
    if match.group(1) == "-":
        number = -number
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() else number


def number(value: Any, where: str, log: Log, field: str | None) -> int | float | None:
    """Read a Number: JSON numbers as they are, numeric strings parsed (a repair)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value if math.isfinite(value) else None
    if isinstance(value, str) and value.strip():
        parsed = parse_number(value)
        if parsed is not None:
            log.note(where, "value.type", f"is the string {value!r}; read as {parsed}", field)
        return parsed
    return None


def integer(value: Any, where: str, log: Log, field: str | None) -> int | None:
    """Read an Integer (a float without a fraction or a numeric string is accepted)."""
    result = number(value, where, log, field)
    if isinstance(result, float):
        return int(result) if result.is_integer() else None
    return result


def boolean(value: Any, where: str, log: Log, field: str | None) -> bool | None:
    """Read a Boolean: true/false, or the strings and schema.org URLs people write for them."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower().rsplit("/", 1)[-1]
        if word in {"true", "yes", "1"}:
            log.note(where, "value.type", f"is the string {value!r}; read as true", field)
            return True
        if word in {"false", "no", "0"}:
            log.note(where, "value.type", f"is the string {value!r}; read as false", field)
            return False
    return None


# -- URLs and language tags ----------------------------------------------------------------------


def url(value: Any, where: str, log: Log, field: str | None) -> str | None:
    """Read a URL: an absolute URL as is; 'www.example.com' gets https:// (a repair)."""
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    if not isinstance(value, str) or not value.strip():
        return None
    result = html.unescape(value.strip()) if "&amp;" in value else value.strip()
    if " " in result:
        return None
    if not URL_SCHEME.match(result):
        if result.startswith("//"):
            result = "https:" + result
        elif _BARE_HOST.match(result):
            result = "https://" + result
        else:
            return None
        log.note(where, "url.no-scheme", f"{value!r} has no scheme; read as {result!r}", field)
    return result


def language_tag(value: Any) -> str | None:
    """Return a BCP 47 tag in canonical case ('en_us' -> 'en-US'), or None."""
    if not isinstance(value, str):
        return None
    parts = value.strip().replace("_", "-").split("-")
    fixed = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            fixed.append(part.title())
        elif len(part) == 2 and part.isalpha():
            fixed.append(part.upper())
        else:
            fixed.append(part)
    tag = "-".join(fixed)
    return tag if _LANGUAGE_TAG.fullmatch(tag) else None


# -- countries, regions, currencies ----------------------------------------------------------------


_NON_WORD = re.compile(r"[\W_]+")


def _normalise_name(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", folded).strip()


@functools.cache
def _country_names() -> dict[str, str]:
    table: dict[str, str] = {}
    path = data_dir("converters") / "jsonld" / "countries.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            alias, code = line.split("\t")
            table[alias] = code
    return table


def country_code(name: str) -> tuple[str | None, bool]:
    """Return (ISO alpha-2 code, whether it was mapped from a name or alpha-3 code)."""
    stripped = name.strip()
    if stripped.upper() in COUNTRY_CODES and len(stripped) == 2:
        return stripped.upper(), stripped != stripped.upper()
    if stripped.upper() == "UK":
        return "GB", True
    code = _country_names().get(_normalise_name(stripped))
    return code, code is not None


def country(value: Any, where: str, log: Log, field: str | None) -> tuple[str | None, str | None]:
    """Read addressCountry or a Country: returns (ISO code, unmapped name)."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("identifier") or value.get("@id")
    if not isinstance(value, str) or not value.strip():
        return None, None
    code, mapped = country_code(value)
    if code is None:
        log.note(where, "country.unknown", f"{value!r} is not a country the reader knows", field)
        return None, value.strip()
    if mapped and len(value.strip()) != 2:
        log.note(where, "country.name", f"{value!r} read as country code {code}", field)
    return code, None


def region_code(value: str, country: str | None) -> str | None:
    """Return the ISO 3166-2 code an addressRegion stands for, when it is written as one."""
    candidate = value.strip()
    if _REGION_CODE.fullmatch(candidate):
        return candidate
    if country and _SUBDIVISION.fullmatch(candidate):
        return f"{country}-{candidate}"
    return None


_CURRENCY_ALIASES = {
    "$": "USD", "US$": "USD", "€": "EUR", "EURO": "EUR", "EUROS": "EUR", "£": "GBP",
    "UKP": "GBP", "¥": "JPY", "JPN": "JPY", "YEN": "JPY", "RMB": "CNY", "NIS": "ILS",
    "ZŁ": "PLN", "ZL": "PLN", "₹": "INR", "RS": "INR", "₩": "KRW", "₽": "RUB", "R$": "BRL",
    "CHF.": "CHF", "FR.": "CHF", "KČ": "CZK", "KR": "SEK", "₫": "VND", "VNĐ": "VND", "ĐỒNG": "VND",
}  # fmt: skip


def currency(value: Any, where: str, log: Log, field: str | None) -> str | None:
    """Read an ISO 4217 code; symbols and common misspellings are mapped (a repair)."""
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    if raw in CURRENCY_CODES:
        return raw
    guess = raw.upper() if raw.upper() in CURRENCY_CODES else _CURRENCY_ALIASES.get(raw.upper())
    if guess:
        log.note(where, "salary.repaired", f"currency {raw!r} read as {guess}", field)
    return guess


# -- vocabularies: pay period, employment type, education level ------------------------------------

_PERIODS = {
    "HOUR": "HOUR", "HOURLY": "HOUR", "PER HOUR": "HOUR", "HR": "HOUR", "HUR": "HOUR", "H": "HOUR",
    "DAY": "DAY", "DAILY": "DAY", "PER DAY": "DAY",
    "WEEK": "WEEK", "WEEKLY": "WEEK", "PER WEEK": "WEEK", "WEE": "WEEK", "WK": "WEEK",
    "MONTH": "MONTH", "MONTHLY": "MONTH", "PER MONTH": "MONTH", "MON": "MONTH", "MO": "MONTH",
    "YEAR": "YEAR", "YEARLY": "YEAR", "ANNUAL": "YEAR", "ANNUALLY": "YEAR", "ANN": "YEAR",
    "PER YEAR": "YEAR", "PER ANNUM": "YEAR", "ANNUM": "YEAR", "P.A.": "YEAR", "PA": "YEAR",
    "YR": "YEAR",
}  # fmt: skip


def period(value: Any, where: str, log: Log, field: str | None) -> str | None:
    """Read a salary unitText/unitCode as a canonical pay period."""
    if not isinstance(value, str):
        return None
    key = value.strip().upper().replace("_", " ")
    found = _PERIODS.get(key) or _PERIODS.get(key.rstrip("S"))
    if found and found != value:
        log.note(where, "salary.repaired", f"unit {value!r} read as {found}", field)
    return found


_EMPLOYMENT_WORDS = {
    "FULL_TIME": ("full time", "fulltime", "full", "vollzeit", "temps plein", "tiempo completo",
                  "jornada completa", "voltijd", "tempo pieno", "pełny etat", "pelny etat"),
    "PART_TIME": ("part time", "parttime", "part", "teilzeit", "temps partiel", "tiempo parcial",
                  "media jornada", "deeltijd", "part time job", "niepełny etat", "niepelny etat",
                  "minijob", "geringfügig"),
    "CONTRACTOR": ("contractor", "contract", "contracts", "freelance", "freelancer", "b2b",
                   "self employed", "consultant", "auftrag", "werkvertrag"),
    "TEMPORARY": ("temporary", "temp", "seasonal", "fixed term", "befristet", "interim",
                  "tijdelijk", "cdd", "temporal", "zeitarbeit", "intérim", "travail temporaire",
                  "saisonnier", "uitzendwerk"),
    "INTERN": ("intern", "internship", "praktikum", "stage", "stagiaire", "trainee",
               "werkstudent", "pasantia", "prácticas", "practicas", "staż", "staz"),
    "VOLUNTEER": ("volunteer", "volunteering", "ehrenamt", "bénévole", "benevole", "voluntario"),
    "PER_DIEM": ("per diem", "perdiem"),
    "OTHER": ("other",),
}  # fmt: skip
_EMPLOYMENT = {word: key for key, words in _EMPLOYMENT_WORDS.items() for word in words}
_EMPLOYMENT_SEPARATORS = re.compile(r"\s*(?:,|;|/|\||\band\b|\+|&)\s*")
_EMPLOYMENT_SPACES = re.compile(r"[-_\s]+")


def employment_types(value: str) -> tuple[list[str], list[str]]:
    """Split free text into Google employment types; returns (types, parts not understood)."""
    exact = value.strip()
    if exact in _EMPLOYMENT_WORDS:
        return [exact], []
    found: list[str] = []
    unknown: list[str] = []
    for part in _EMPLOYMENT_SEPARATORS.split(exact):
        word = _EMPLOYMENT_SPACES.sub(" ", part.strip().lower()).strip(" .")
        if not word:
            continue
        key = _EMPLOYMENT.get(word) or _EMPLOYMENT.get(word.removesuffix(" job"))
        if key is None and word.endswith(" employment"):
            key = _EMPLOYMENT.get(word.removesuffix(" employment"))
        if key:
            if key not in found:
                found.append(key)
        else:
            unknown.append(part.strip())
    return found, unknown


#: Google's credentialCategory values and the canonical education levels they stand for.
GOOGLE_CREDENTIALS = {
    "high school": "HIGH_SCHOOL",
    "associate degree": "ASSOCIATE_DEGREE",
    "bachelor degree": "BACHELOR_DEGREE",
    "professional certificate": "PROFESSIONAL_CERTIFICATE",
    "postgraduate degree": "POSTGRADUATE_DEGREE",
}
_EDUCATION_PATTERNS = (
    ("DOCTORATE", r"\b(ph\.?\s?d|doctor(ate|al)?|promotion|doktor)"),
    ("MASTER_DEGREE", r"\b(master'?s?|m\.?sc?\b|mba\b|magister|msc\b)"),
    ("POSTGRADUATE_DEGREE", r"\b(post-?graduate|graduate degree|advanced degree)"),
    (
        "BACHELOR_DEGREE",
        r"\b(bachelor'?s?|b\.?sc?\b|b\.?a\.?\b|undergraduate|licence|licenciatura|bsc\b"
        r"|university degree|college degree|4-year degree|four-year degree)",
    ),
    ("ASSOCIATE_DEGREE", r"\bassociate'?s?\b"),
    ("VOCATIONAL", r"\b(vocational|apprenticeship|ausbildung|berufsausbildung|trade school)"),
    ("PROFESSIONAL_CERTIFICATE", r"\b(certificate|certification|certified|licen[cs]e[d]?)\b"),
    ("HIGH_SCHOOL", r"\b(high school|secondary school|ged\b|a-levels?|abitur|diploma)"),
)


_EDUCATION_SEARCHES = tuple((level, re.compile(pattern)) for level, pattern in _EDUCATION_PATTERNS)


def education_levels(value: str) -> list[str]:
    """Return the canonical education levels a credential category or requirement text names."""
    key = value.strip().lower()
    if key in GOOGLE_CREDENTIALS:
        return [GOOGLE_CREDENTIALS[key]]
    found = []
    for level, pattern in _EDUCATION_SEARCHES:
        if pattern.search(key) and level not in found:
            found.append(level)
    return found


# -- dates -----------------------------------------------------------------------------------------

_ISO = re.compile(
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:[T ](?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:[.,](?P<f>\d+))?)?"
    r"\s*(?P<tz>Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?"
)
_DMY = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")
_YMD_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "januar", "janvier", "enero"),
            ("feb", "february", "februar", "février", "fevrier", "febrero"),
            ("mar", "march", "märz", "maerz", "mars", "marzo"),
            ("apr", "april", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juni", "juin", "junio"),
            ("jul", "july", "juli", "juillet", "julio"),
            ("aug", "august", "août", "aout", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "oktober", "octobre", "octubre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "dezember", "décembre", "decembre", "diciembre"),
        ),
        start=1,
    )
    for name in names
}
_WRITTEN = re.compile(
    r"(?:(?P<d1>\d{1,2})\.?\s+(?P<m1>[^\W\d_]+)\.?,?\s+(?P<y1>\d{4}))"
    r"|(?:(?P<m2>[^\W\d_]+)\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))"
)


#: A date or date-time already in canonical form (codec's spelling: seconds, a fraction without
#: trailing zeros, Z for a zero offset); only the day still needs checking.
_CANONICAL_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{0,5}[1-9])?"
    r"(?:Z|(?![+-]00:00)[+-](?:[01]\d|2[0-3]):[0-5]\d))?",
    re.ASCII,
)


def date(value: Any, where: str, log: Log, field: str | None) -> str | None:
    """Read a Date or DateTime into canonical form (date, or date-time with seconds and offset).

    A date-time without an offset keeps only its date (canonical date-times carry an offset).
    """
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    if _CANONICAL_DATE.fullmatch(raw):
        try:
            dt.date(int(raw[:4]), int(raw[5:7]), int(raw[8:10]))
        except ValueError:
            pass
        else:
            return raw  # already canonical: what _iso_date would give, without a note
    result = _iso_date(raw, where, log, field)
    if result is not None:
        return result
    day = _other_date(raw)
    if day is None:
        return None
    log.note(where, "date.repaired", f"{raw!r} read as {day.isoformat()}", field)
    return day.isoformat()


def _iso_date(raw: str, where: str, log: Log, field: str | None) -> str | None:
    match = _ISO.fullmatch(raw)
    if not match:
        return None
    try:
        year, month, day = (int(p) for p in match.group("date").split("-"))
        day_value = dt.date(year, month, day)
    except ValueError:
        return None
    repaired = match.group("date") != day_value.isoformat()
    if match.group("h") is None:
        if repaired:
            log.note(where, "date.repaired", f"{raw!r} read as {day_value.isoformat()}", field)
        return day_value.isoformat()
    tz = match.group("tz")
    if tz is None:
        log.note(where, "date.no-offset", f"{raw!r} has no UTC offset; kept {day_value}", field)
        return day_value.isoformat()
    fraction = match.group("f") or ""
    repaired = repaired or " " in raw or match.group("s") is None or len(fraction) > 6
    repaired = repaired or tz in {"z", "UTC", "GMT"} or (len(tz) > 1 and ":" not in tz)
    if tz in {"Z", "z", "UTC", "GMT"}:
        offset = dt.timedelta(0)
    else:
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        offset = sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    try:
        moment = dt.datetime(
            year, month, day, int(match.group("h")), int(match.group("m")),
            int(match.group("s") or 0), int((fraction + "000000")[:6]),
            tzinfo=dt.timezone(offset),
        )  # fmt: skip
    except ValueError:
        return None
    text = _date_time_text(moment)
    if repaired:
        log.note(where, "date.repaired", f"{raw!r} read as {text}", field)
    return text


def _date_time_text(moment: dt.datetime) -> str:
    from jobposting.codec import CONVERTER

    result: str = CONVERTER.unstructure(moment)
    return result


def _other_date(raw: str) -> dt.date | None:
    try:
        if match := _YMD_SLASH.fullmatch(raw):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _DMY.fullmatch(raw):
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            # Dots are day.month.year; slashes are month/day/year unless the first part is > 12.
            if "." in raw or first > 12:
                return dt.date(year, second, first)
            return dt.date(year, first, second)
        if match := _WRITTEN.fullmatch(raw.lower()):
            day = match["d1"] or match["d2"]
            month = _MONTHS.get((match["m1"] or match["m2"] or "").lower())
            if month:
                return dt.date(int(match["y1"] or match["y2"]), month, int(day))
    except ValueError:
        return None
    return None
