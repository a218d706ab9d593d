"""Hypothesis strategies for valid canonical postings and the values they are built from.

``postings()`` draws postings that pass the schema and the rules of ``jobposting.schema``
(pay and incentive minimum <= maximum, validThrough not before datePosted, pay ranges naming
existing, unique location ids, rich text in the allowed HTML subset, alternative groups of two
or more entries with one requirement level). The smaller strategies are
exported for tests of single fields and formats.
"""

import datetime as dt
import functools
import html
import json
from pathlib import Path
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from jobposting import model as m

T = TypeVar("T")
#: The entries that can be alternatives of each other.
Alternative = TypeVar("Alternative", m.Credential, m.Skill, m.LanguageRequirement)

SCHEMA: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "schemas" / "jobposting.schema.json").read_text("utf-8")
)
COUNTRY_CODES: tuple[str, ...] = tuple(SCHEMA["$defs"]["countryCode"]["enum"])
CURRENCY_CODES: tuple[str, ...] = tuple(SCHEMA["$defs"]["currencyCode"]["enum"])
LANGUAGE_TAGS = ("en", "en-US", "de-DE", "fr-CA", "es-419", "pt-BR", "zh-Hant-TW", "ar", "he-IL")
EXTENSION_KEYS = ("jsonld", "hropen", "hrxml3", "com.example.ats", "org.example-hr.v2")
#: Words that stress escaping and direction: markup characters, quotes, RTL scripts, emoji.
SPECIAL_WORDS = ("<", ">", "&", "R&D", '"quoted"', "it's", "a<b", "שלום", "مرحبا", "🚀", "👩🏽‍💻")
#: Fixed UTC offsets from -12:00 to +14:00, including half and quarter hours.
OFFSETS = tuple(
    dt.timezone(dt.timedelta(minutes=m)) for m in (0, 60, -300, 330, 345, -210, 840, -720)
)

_MAX = 3  # longest list drawn; keeps examples small and generation fast


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """Draw None (absent) or a value."""
    return st.none() | strategy


def lists_of(
    strategy: st.SearchStrategy[T], *, unique: bool = False
) -> st.SearchStrategy[tuple[T, ...]]:
    """Draw an empty (absent) or short tuple, as the model holds lists."""
    return st.lists(strategy, max_size=_MAX, unique=unique).map(tuple)


def non_empty(
    strategy: st.SearchStrategy[T], *, unique: bool = False
) -> st.SearchStrategy[tuple[T, ...]]:
    """Draw a tuple of one to a few items, for lists the schema requires."""
    return st.lists(strategy, min_size=1, max_size=_MAX, unique=unique).map(tuple)


# -- text --------------------------------------------------------------------------------------

_word = st.text(
    # No control, surrogate, private-use, unassigned or whitespace characters inside a word.
    alphabet=st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=10,
)


@functools.cache
def plain_texts() -> st.SearchStrategy[str]:
    """Draw one line of stripped, non-empty text with markup characters, RTL and emoji."""
    words = st.sampled_from(SPECIAL_WORDS) | _word
    return st.lists(words, min_size=1, max_size=5).map(" ".join)


@functools.cache
def texts() -> st.SearchStrategy[str]:
    """Draw $defs/text: one or more paragraphs separated by a blank line."""
    return st.lists(plain_texts(), min_size=1, max_size=2).map("\n\n".join)


@functools.cache
def http_urls() -> st.SearchStrategy[str]:
    """Draw an absolute http or https URL in plain ASCII."""
    segment = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,8}", fullmatch=True)
    return st.builds(
        "{}://{}/{}{}".format,
        st.sampled_from(("https", "http")),
        st.sampled_from(("example.com", "jobs.example.org", "careers.xn--bcher-kva.example")),
        st.lists(segment, max_size=3).map("/".join),
        st.sampled_from(("", "?id=123", "?q=a%20b&lang=en", "#apply")),
    )


@functools.cache
def emails() -> st.SearchStrategy[str]:
    """Draw a plain e-mail address."""
    local = st.from_regex(r"[a-z0-9]{1,8}(\.[a-z0-9]{1,8})?(\+[a-z0-9]{1,4})?", fullmatch=True)
    domain = st.sampled_from(("example.com", "mail.example.org", "example.co.uk"))
    return st.builds("{}@{}".format, local, domain)


@functools.cache
def urls() -> st.SearchStrategy[str]:
    """Draw $defs/url: mostly http(s), sometimes mailto."""
    return http_urls() | emails().map("mailto:{}".format)


@functools.cache
def phones() -> st.SearchStrategy[str]:
    """Draw a telephone number as people write it, e.g. +49 30 1234567 or (555) 123-4567 x12."""
    group = st.from_regex(r"[0-9]{2,4}", fullmatch=True)
    return st.builds(
        "{}{}{}".format,
        st.sampled_from(("", "+", "+1 ", "(555) ")),
        st.tuples(
            st.sampled_from((" ", "-", ".", "/")), st.lists(group, min_size=2, max_size=4)
        ).map(lambda p: p[0].join(p[1])),
        st.sampled_from(("", " x12", " ext. 345", " ext 7")),
    )


@functools.cache
def language_tags() -> st.SearchStrategy[str]:
    """Draw a BCP 47 tag in canonical case."""
    return st.sampled_from(LANGUAGE_TAGS)


@functools.cache
def country_codes() -> st.SearchStrategy[str]:
    """Draw an ISO 3166-1 alpha-2 code from the schema's list."""
    return st.sampled_from(COUNTRY_CODES)


@functools.cache
def currency_codes() -> st.SearchStrategy[str]:
    """Draw an ISO 4217 code from the schema's list."""
    return st.sampled_from(CURRENCY_CODES)


@functools.cache
def region_codes(country: str) -> st.SearchStrategy[str]:
    """Draw an ISO 3166-2-shaped subdivision code of ``country``."""
    return st.from_regex(r"[A-Z0-9]{1,3}", fullmatch=True).map(f"{country}-{{}}".format)


@functools.cache
def rich_texts() -> st.SearchStrategy[str]:
    """Draw $defs/richText: escaped text, alone or in well-formed allowed HTML."""
    text = plain_texts().map(lambda t: html.escape(t, quote=False))
    inline_tag = st.sampled_from(("strong", "em", "b", "i", "u", "code", "sub", "sup"))
    link_href = http_urls() | emails().map("mailto:{}".format) | phones().map("tel:{}".format)
    inline = st.one_of(
        text,
        st.builds("<{0}>{1}</{0}>".format, inline_tag, text),
        st.builds('<a href="{}">{}</a>'.format, link_href.map(html.escape), text),
    )
    run = st.lists(inline, min_size=1, max_size=3).map(" ".join)
    items = st.lists(run.map("<li>{}</li>".format), min_size=1, max_size=3).map("".join)
    block = st.one_of(
        run.map("<p>{}</p>".format),
        st.builds("<p>{}<br>{}</p>".format, run, run),
        st.builds("<{0}>{1}</{0}>".format, st.sampled_from(("h3", "h4", "h5", "h6")), run),
        st.builds("<{0}>{1}</{0}>".format, st.sampled_from(("ul", "ol")), items),
        run.map("<blockquote><p>{}</p></blockquote>".format),
        text.map("<pre><code>{}</code></pre>".format),
    )
    return text | st.lists(block, min_size=1, max_size=3).map("".join)


# -- numbers and time --------------------------------------------------------------------------


@functools.cache
def numbers(low: int, high: int) -> st.SearchStrategy[m.Number]:
    """Draw an int or a float with two decimals between ``low`` and ``high``."""
    return st.integers(low, high) | st.integers(low * 100, high * 100).map(lambda c: c / 100)


@functools.cache
def dates() -> st.SearchStrategy[dt.date]:
    """Draw a calendar date in this century."""
    return st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))


@functools.cache
def date_times() -> st.SearchStrategy[dt.datetime]:
    """Draw a date-time with a fixed UTC offset, microseconds sometimes non-zero."""
    return st.datetimes(
        dt.datetime(2000, 1, 1), dt.datetime(2099, 12, 31), timezones=st.sampled_from(OFFSETS)
    )


@functools.cache
def dates_or_date_times() -> st.SearchStrategy[m.DateOrDateTime]:
    """Draw $defs/dateOrDateTime."""
    return dates() | date_times()


@st.composite
def moments_after(draw: st.DrawFn, moment: m.DateOrDateTime) -> m.DateOrDateTime:
    """Draw a date or date-time at least three days after ``moment``'s date.

    Three days clear the widest offset gap (26 hours), so the order holds however the
    rule compares a date with a date-time.
    """
    start = moment.date() if isinstance(moment, dt.datetime) else moment
    day = start + dt.timedelta(days=draw(st.integers(3, 400)))
    if draw(st.booleans()):
        return day
    return dt.datetime.combine(day, draw(st.times()), tzinfo=draw(st.sampled_from(OFFSETS)))


@functools.cache
def json_values() -> st.SearchStrategy[Any]:
    """Draw any JSON value (no NaN or infinities), nested a little."""
    scalars = st.none() | st.booleans() | numbers(-1000, 1000) | plain_texts()
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=_MAX) | st.dictionaries(plain_texts(), inner, max_size=_MAX)
        ),
        max_leaves=6,
    )


@functools.cache
def extensions() -> st.SearchStrategy[dict[str, Any]]:
    """Draw an extensions object keyed by format keys and reverse domain names."""
    return st.dictionaries(st.sampled_from(EXTENSION_KEYS), json_values(), min_size=1, max_size=2)


# -- objects ----------------------------------------------------------------------------------
# Objects whose schema needs "at least one of" get a fallback value instead of a filter, so
# that no draw is thrown away.


@functools.cache
def identifiers() -> st.SearchStrategy[m.Identifier]:
    """Draw $defs/identifier."""
    text = plain_texts()
    return st.builds(
        m.Identifier, scheme=text, value=text, name=optional(text), issuer=optional(text)
    )


@functools.cache
def classifications() -> st.SearchStrategy[m.Classification]:
    """Draw $defs/classification (a code, a name or both)."""
    text = plain_texts()
    named = st.builds(m.Classification, scheme=optional(text), code=optional(text), name=text)
    return named | st.builds(m.Classification, scheme=optional(text), code=text)


@functools.cache
def geos() -> st.SearchStrategy[m.Geo]:
    """Draw $defs/geo."""
    return st.builds(m.Geo, latitude=numbers(-90, 89), longitude=numbers(-180, 179))


@functools.cache
def location_ids() -> st.SearchStrategy[str]:
    """Draw a location id as the schema's pattern allows."""
    return st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,8}", fullmatch=True)


@functools.cache
def locations(location_id: str | None = None) -> st.SearchStrategy[m.Location]:
    """Draw $defs/location with the given id; a region code matches the country."""
    text = optional(plain_texts())
    postal_code = st.from_regex(r"[0-9A-Z]{3,5}( [0-9A-Z]{3})?", fullmatch=True)
    place = st.builds(
        m.Location,
        id=st.just(location_id),
        label=text,
        street_address=text,
        locality=text,
        region=text,
        postal_code=optional(postal_code),
        geo=optional(geos()),
    )
    country = country_codes().flatmap(lambda c: st.tuples(st.just(c), optional(region_codes(c))))
    with_country = st.builds(
        lambda p, c: attrs.evolve(p, country=c[0], region_code=c[1]), place, country
    )
    return with_country | place.map(
        lambda p: p if p != m.Location() else attrs.evolve(p, label="Anywhere")
    )


@functools.cache
def areas() -> st.SearchStrategy[m.Area]:
    """Draw $defs/area (never empty)."""
    area = st.builds(
        m.Area,
        country=optional(country_codes()),
        region=optional(plain_texts()),
        region_code=optional(country_codes().flatmap(region_codes)),
        name=optional(plain_texts()),
    )
    return area.map(lambda a: a if a != m.Area() else attrs.evolve(a, name="European Union"))


@functools.cache
def work_arrangements() -> st.SearchStrategy[m.WorkArrangement]:
    """Draw $defs/workArrangement."""
    kind = st.sampled_from(m.WorkArrangementType)
    return st.builds(
        m.WorkArrangement, type=kind, applicant_locations=lists_of(areas()), text=optional(texts())
    )


@functools.cache
def organizations() -> st.SearchStrategy[m.Organization]:
    """Draw $defs/organization with hiring entities, identifiers and industries."""
    text = plain_texts()
    entity = st.builds(
        m.HiringEntity, country=country_codes(), name=text, alternate_name=optional(text)
    )
    return st.builds(
        m.Organization,
        name=text,
        disclosed=optional(st.booleans()),
        legal_name=optional(text),
        url=optional(http_urls()),
        logo=optional(http_urls()),
        same_as=lists_of(http_urls(), unique=True),
        identifiers=lists_of(identifiers()),
        description=optional(rich_texts()),
        industries=lists_of(classifications()),
        hiring_entities=lists_of(entity),
    )


@functools.cache
def figures(high: int) -> st.SearchStrategy[dict[str, m.Number]]:
    """Draw the figures of a range: one value, or a minimum and/or a maximum not below it."""
    return (
        st.lists(numbers(0, high), min_size=2, max_size=2)
        .map(sorted)
        .flatmap(
            lambda a: st.sampled_from(
                [
                    {"value": a[0]},
                    {"minimum": a[0]},
                    {"maximum": a[1]},
                    {"minimum": a[0], "maximum": a[1]},
                ]
            )
        )
    )


@functools.cache
def monetary_amounts() -> st.SearchStrategy[m.MonetaryAmount]:
    """Draw $defs/monetaryAmount (minimum not above maximum)."""
    amount = st.builds(
        m.MonetaryAmount,
        currency=currency_codes(),
        period=optional(st.sampled_from(m.PayPeriod)),
    )
    return st.builds(lambda a, f: attrs.evolve(a, **f), amount, figures(100_000))


@functools.cache
def percentages() -> st.SearchStrategy[m.Percentage]:
    """Draw $defs/percentage (minimum not above maximum)."""
    return figures(200).map(lambda f: m.Percentage(**f))


@functools.cache
def pay_ranges(location_ids: tuple[str, ...] = ()) -> st.SearchStrategy[m.PayRange]:
    """Draw $defs/payRange: one value, or a minimum and/or a maximum not above it.

    ``appliesTo.locationId`` is only drawn from ``location_ids``.
    """
    applies_to = st.builds(
        m.PayAppliesTo,
        label=plain_texts(),
        locality=optional(plain_texts()),
        region=optional(plain_texts()),
        region_code=optional(country_codes().flatmap(region_codes)),
        country=optional(country_codes()),
    )
    if location_ids:
        ids = st.sampled_from(location_ids)
        applies_to |= st.builds(m.PayAppliesTo, location_id=ids, label=optional(plain_texts()))
    amounts = figures(500_000)
    pay = st.builds(
        m.PayRange,
        currency=currency_codes(),
        period=st.sampled_from(m.PayPeriod),
        applies_to=optional(applies_to),
        basis=optional(st.sampled_from(m.PayBasis)),
        text=optional(texts()),
    )
    return st.builds(lambda pay, amounts: attrs.evolve(pay, **amounts), pay, amounts)


@functools.cache
def pay_scales() -> st.SearchStrategy[m.PayScale]:
    """Draw $defs/payScale (an agreement, a grade or both)."""
    text = plain_texts()
    fields = {"step": optional(text), "text": optional(texts())}
    return st.builds(m.PayScale, agreement=text, grade=optional(text), **fields) | st.builds(
        m.PayScale, agreement=optional(text), grade=text, **fields
    )


@functools.cache
def compensations(location_ids: tuple[str, ...] = ()) -> st.SearchStrategy[m.Compensation]:
    """Draw $defs/compensation (never empty); pay ranges may name ``location_ids``."""
    incentive = st.builds(
        m.Incentive,
        type=st.sampled_from(m.IncentiveType),
        discretionary=optional(st.booleans()),
        amount=optional(monetary_amounts()),
        percent_of_base_pay=optional(percentages()),
        text=optional(texts()),
    )
    compensation = st.builds(
        m.Compensation,
        base_pay=lists_of(pay_ranges(location_ids)),
        text=optional(texts()),
        proration_text=optional(texts()),
        pay_scale=optional(pay_scales()),
        incentives=lists_of(incentive),
        incentive_text=optional(texts()),
        benefits=lists_of(texts()),
    )
    return compensation.map(
        lambda c: c if c != m.Compensation() else attrs.evolve(c, text="Competitive pay.")
    )


@functools.cache
def education_requirements() -> st.SearchStrategy[m.EducationRequirement]:
    """Draw $defs/educationRequirement (relatedFieldsAccepted only with fieldsOfStudy)."""
    requirement = st.builds(
        m.EducationRequirement,
        levels=non_empty(st.sampled_from(m.EducationLevel), unique=True),
        fields_of_study=lists_of(plain_texts()),
        related_fields_accepted=optional(st.booleans()),
        requirement=st.sampled_from(m.RequirementLevel),
        in_progress=optional(st.booleans()),
        text=optional(texts()),
    )
    return requirement.map(
        lambda e: e if e.fields_of_study else attrs.evolve(e, related_fields_accepted=None)
    )


@functools.cache
def experience_requirements() -> st.SearchStrategy[m.ExperienceRequirement]:
    """Draw $defs/experienceRequirement (months, a subject or both)."""
    months, subject = st.integers(0, 600), plain_texts()
    fields = {"requirement": st.sampled_from(m.RequirementLevel), "exclusions": lists_of(texts())}
    return st.builds(
        m.ExperienceRequirement, months=months, subject=optional(subject), **fields
    ) | st.builds(m.ExperienceRequirement, months=optional(months), subject=subject, **fields)


@functools.cache
def group_keys() -> st.SearchStrategy[str]:
    """Draw an alternative group key as the schema's pattern allows."""
    return st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,8}", fullmatch=True)


@st.composite
def with_alternatives(
    draw: st.DrawFn, entries: st.SearchStrategy[tuple[Alternative, ...]]
) -> tuple[Alternative, ...]:
    """Draw a list of credentials, skills or languages in which two or more entries may be
    alternatives: they share an alternativeGroup key and one requirement level (the rules)."""
    items = list(draw(entries))
    if len(items) >= 2 and draw(st.booleans()):
        members = draw(st.lists(st.sampled_from(range(len(items))), min_size=2, unique=True))
        key, level = draw(group_keys()), items[members[0]].requirement
        for i in members:
            items[i] = attrs.evolve(items[i], alternative_group=key, requirement=level)
    return tuple(items)


@functools.cache
def credentials() -> st.SearchStrategy[m.Credential]:
    """Draw $defs/credential."""
    text = plain_texts()
    return st.builds(
        m.Credential,
        kind=st.sampled_from(m.CredentialKind),
        name=text,
        issuer=optional(text),
        requirement=st.sampled_from(m.RequirementLevel),
        text=optional(texts()),
    )


@functools.cache
def skills() -> st.SearchStrategy[m.Skill]:
    """Draw $defs/skill."""
    level, text = st.sampled_from(m.RequirementLevel), plain_texts()
    return st.builds(
        m.Skill,
        name=text,
        requirement=optional(level),
        code=optional(http_urls() | text),
        scheme=optional(text),
    )


@functools.cache
def language_requirements() -> st.SearchStrategy[m.LanguageRequirement]:
    """Draw $defs/languageRequirement."""
    return st.builds(
        m.LanguageRequirement,
        language=language_tags(),
        level=optional(st.sampled_from(m.LanguageLevel)),
        requirement=st.sampled_from(m.RequirementLevel),
    )


@functools.cache
def applications() -> st.SearchStrategy[m.Application]:
    """Draw $defs/application (never empty)."""
    application = st.builds(
        m.Application,
        url=optional(urls()),
        email=optional(emails()),
        phone=optional(phones()),
        instructions=optional(texts()),
        direct_apply=optional(st.booleans()),
    )
    return application.map(
        lambda a: a if a != m.Application() else attrs.evolve(a, direct_apply=True)
    )


@functools.cache
def contacts() -> st.SearchStrategy[m.Contact]:
    """Draw $defs/contact (with a name, e-mail, phone or URL)."""
    contact = st.builds(
        m.Contact,
        role=st.sampled_from(m.ContactRole),
        name=optional(plain_texts()),
        email=optional(emails()),
        phone=optional(phones()),
        url=optional(urls()),
        text=optional(texts()),
    )
    return contact.map(
        lambda c: c if c.name or c.email or c.phone or c.url else attrs.evolve(c, name="HR team")
    )


@functools.cache
def sources() -> st.SearchStrategy[m.Source]:
    """Draw $defs/source."""
    return st.builds(
        m.Source,
        format=st.sampled_from(m.SourceFormat),
        url=optional(http_urls()),
        file=optional(plain_texts()),
        retrieved_at=optional(dates_or_date_times()),
        publisher=optional(plain_texts()),
    )


@functools.cache
def work_hours() -> st.SearchStrategy[m.WorkHours]:
    """Draw $defs/workHours (never empty; hours above 0, at most 168)."""
    hours = st.integers(1, 168) | st.integers(1, 16_800).map(lambda c: c / 100)
    return st.builds(m.WorkHours, hours_per_week=optional(hours), text=optional(texts())).map(
        lambda w: w if w != m.WorkHours() else attrs.evolve(w, hours_per_week=40)
    )


@functools.cache
def _posting_fields() -> dict[str, st.SearchStrategy[Any]]:
    """Strategies for the posting fields that depend on no other field."""
    text, long_text = plain_texts(), texts()
    return {
        "id": optional(text),
        "identifiers": lists_of(identifiers()),
        "url": optional(http_urls()),
        "language": optional(language_tags()),
        "status": optional(st.sampled_from(m.PostingStatus)),
        "source": optional(sources()),
        "title": text,
        "department": optional(text),
        "description": optional(rich_texts()),
        "sections": lists_of(st.builds(m.Section, heading=text, content=rich_texts())),
        "hiring_organization": organizations(),
        "start_date": optional(dates_or_date_times()),
        "start_immediately": optional(st.booleans()),
        "end_date": optional(dates_or_date_times()),
        "application_window": optional(
            st.builds(
                m.ApplicationWindow,
                minimum_business_days=optional(st.integers(1, 60)),
                text=long_text,
            )
        ),
        "work_arrangement": optional(work_arrangements()),
        "employment_types": lists_of(st.sampled_from(m.EmploymentType), unique=True),
        "work_hours": optional(work_hours()),
        "openings": optional(st.integers(1, 500)),
        "responsibilities": lists_of(long_text),
        "required_qualifications": lists_of(long_text),
        "preferred_qualifications": lists_of(long_text),
        "education_requirements": lists_of(education_requirements()),
        "credentials": with_alternatives(lists_of(credentials())),
        "experience_requirements": lists_of(experience_requirements()),
        "experience_in_place_of_education": optional(st.booleans()),
        "skills": with_alternatives(lists_of(skills())),
        "language_requirements": with_alternatives(lists_of(language_requirements())),
        "occupational_categories": lists_of(classifications()),
        "work_authorization": optional(
            st.builds(
                m.WorkAuthorization,
                visa_sponsorship=st.sampled_from(m.VisaSponsorship),
                text=optional(long_text),
            )
        ),
        "application": optional(applications()),
        "contacts": lists_of(contacts()),
        "legal_statements": lists_of(
            st.builds(m.LegalStatement, kind=st.sampled_from(m.LegalStatementKind), text=long_text)
        ),
        "extensions": optional(extensions()),
    }


@st.composite
def postings(draw: st.DrawFn) -> m.Posting:
    """Draw a valid canonical posting: every field possible, lists kept short.

    Locations get unique ids (or none) and pay ranges only name those; validThrough comes
    after datePosted.
    """
    unique_ids = draw(st.lists(location_ids(), max_size=_MAX, unique=True))
    ids = [draw(optional(st.just(i))) for i in unique_ids]
    places = tuple(draw(locations(i)) for i in ids)
    date_posted = draw(optional(dates_or_date_times()))
    later = dates_or_date_times() if date_posted is None else moments_after(date_posted)
    return draw(
        st.builds(
            m.Posting,
            locations=st.just(places),
            compensation=optional(compensations(tuple(i for i in ids if i is not None))),
            date_posted=st.just(date_posted),
            valid_through=optional(later),
            **_posting_fields(),
        )
    )
