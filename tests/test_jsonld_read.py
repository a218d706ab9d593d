"""The jsonld reader on the messy variants real pages write (FIELD-NOTES), repair by repair.

Each test states the input, the canonical JSON it must give and the diagnostics (code and JSON
Pointer) the reader must record.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from jobposting import codec
from jobposting.formats import jsonld
from jobposting.formats.base import ReadOptions, Record, WriteOptions
from jobposting.formats.jsonld_read import parse_text


def read(data: str | bytes, **options: Any) -> list[Record]:
    """Every record of a JSON-LD document or page."""
    raw = data.encode() if isinstance(data, str) else data
    return list(jsonld.read(io.BytesIO(raw), ReadOptions(**options)))


def one(data: str | bytes) -> tuple[dict[str, Any], list[str]]:
    """The canonical JSON of the one posting and its diagnostics as 'code pointer'."""
    (record,) = read(data)
    assert record.error is None, record.error
    assert record.posting is not None
    return codec.to_dict(record.posting), [f"{d.code} {d.pointer}" for d in record.diagnostics]


def node(**properties: Any) -> str:
    """A JobPosting node with an employer and the given properties, as JSON text."""
    base = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Cook"}
    return json.dumps({**base, "hiringOrganization": {"name": "Bistro"}, **properties})


@pytest.mark.parametrize(
    ("text", "repair"),
    [
        ('{"a": "line one\nline two"}', "raw control characters in strings"),
        ('{"a": "say "hi" now"}', "unescaped quotes in strings"),
        ('{"a": [1, 2,],}', "trailing commas"),
        ('<!-- {"a": 1} -->', "an HTML comment around the JSON"),
        ('//<![CDATA[\n{"a": 1}\n//]]>', "a CDATA section around the JSON"),
        ('{"a": 1};', "a trailing ';'"),
        ("{&quot;a&quot;: 1}", "HTML-entity-encoded JSON"),
        ('{"a": 1 /* note */}', "comments"),
    ],
)
def test_broken_json_a_browser_reads_is_repaired(text: str, repair: str) -> None:
    """Each breakage is repaired and named."""
    value, repairs = parse_text(text)
    assert isinstance(value, dict)
    assert repair in repairs


def test_unreadable_json_names_line_and_column() -> None:
    """JSON beyond repair is one error record with where it failed."""
    (record,) = read('{"@type": "JobPosting", "title": }')
    assert str(record.error) == "line 1, column 34: invalid JSON: Expecting value"


def test_script_block_with_every_breakage_at_once() -> None:
    """Comment wrapper, stray quotes, raw newline, trailing comma, string employer, space date."""
    page = (
        '<script type="application/ld+json">\n<!--\n{"@context": "schema.org", "@type": '
        '"JobPosting", "title": "Cook "Chef" de partie", "description": "Line one\nline two", '
        '"hiringOrganization": "Bistro", "datePosted": "2024-05-01 10:00:00+0200",}\n-->\n</script>'
    )
    canonical, notes = one(page)
    assert canonical == {
        "title": 'Cook "Chef" de partie',
        "description": "Line one\nline two",
        "hiringOrganization": {"name": "Bistro"},
        "datePosted": "2024-05-01T10:00:00+02:00",
    }
    assert notes == [
        "jsonld.syntax ", "jsonld.syntax ", "jsonld.syntax ", "jsonld.syntax ",
        "date.repaired /datePosted", "organization.string /hiringOrganization",
    ]  # fmt: skip


def test_graph_references_countries_and_salary_repairs() -> None:
    """@graph with @id references; country names; string min/max swapped; 'JPN' and 'Year'."""
    document = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "#org", "name": "Acme"},
            {
                "@type": "JobPosting",
                "title": "A",
                "hiringOrganization": {"@id": "#org"},
                "jobLocation": {"@type": "Place", "address": {"addressCountry": "Việt Nam", "postalCode": 10001}},
                "baseSalary": {
                    "@type": "MonetaryAmount",
                    "currency": "JPN",
                    "value": {"minValue": "300000", "maxValue": "200000", "unitText": "Year"},
                },
            },
            {"@type": "JobPosting", "title": "B", "hiringOrganization": {"@id": "#org"},
             "jobLocation": {"address": {"addressCountry": "日本"}}},
        ],
    }  # fmt: skip
    first, second = read(json.dumps(document, ensure_ascii=False))
    assert (first.where, second.where) == ("/@graph/1", "/@graph/2")
    assert first.posting is not None
    assert second.posting is not None
    assert codec.to_dict(first.posting) == {
        "title": "A",
        "hiringOrganization": {"name": "Acme"},
        "locations": [{"postalCode": "10001", "country": "VN"}],
        "compensation": {
            "basePay": [{"currency": "JPY", "minimum": 200000, "maximum": 300000, "period": "YEAR"}]
        },
    }
    assert [d.code for d in first.diagnostics] == [
        "value.type", "country.name", "salary.repaired", "value.type", "value.type",
        "salary.repaired", "salary.repaired",
    ]  # fmt: skip
    assert second.posting.locations[0].country == "JP"


def test_free_text_salary_relative_date_and_unknown_employment_type_are_kept() -> None:
    """Nothing is binned: what cannot be mapped lands in compensation.text or extensions."""
    canonical, notes = one(
        node(
            baseSalary="Trên 8 triệu",
            employmentType="full-time, Permanent",
            datePosted="Posted 2 days ago",
            validThrough="2024-06-30T23:59:59.1234567Z",
        )
    )
    assert canonical["compensation"] == {"text": "Trên 8 triệu"}
    assert canonical["employmentTypes"] == ["FULL_TIME"]
    assert canonical["validThrough"] == "2024-06-30T23:59:59.123456Z"
    assert canonical["extensions"] == {
        "jsonld": {"/datePosted": "Posted 2 days ago", "/employmentType": "full-time, Permanent"}
    }
    assert notes == [
        "date.unparsed /datePosted", "date.repaired /validThrough",
        "employment-type.mapped /employmentType", "value.unmapped /employmentType",
        "salary.free-text /baseSalary",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("value", "expected", "code"),
    [
        ("2024-03-18T00:00", "2024-03-18", "date.no-offset"),
        ("2024-03-18T10:30Z", "2024-03-18T10:30:00Z", "date.repaired"),
        ("2024-03-18T10:30:00.10+00:00", "2024-03-18T10:30:00.1Z", None),
        ("2024-03-18T10:30:00.125-05:30", "2024-03-18T10:30:00.125-05:30", None),
        ("2024-02-29", "2024-02-29", None),
        ("2023-02-29", None, "date.unparsed"),
        ("\u0662\u0660\u0662\u0664-03-18", "2024-03-18", "date.repaired"),
        ("2024-3-8", "2024-03-08", "date.repaired"),
        ("18.03.2024", "2024-03-18", "date.repaired"),
        ("March 18, 2024", "2024-03-18", "date.repaired"),
        ("", None, "value.empty"),
    ],
)
def test_odd_date_forms(value: str, expected: str | None, code: str | None) -> None:
    """Dates are normalised to the canonical spelling; each repair is named."""
    canonical, notes = one(node(datePosted=value))
    assert canonical.get("datePosted") == expected
    assert notes == ([f"{code} /datePosted"] if code else [])


def test_zero_pay_is_dropped_and_entity_encoded_description_decoded() -> None:
    """0-0 hides pay: dropped, kept under extensions; &lt;p&gt; is decoded once."""
    amount = {"@type": "MonetaryAmount", "currency": "USD",
              "value": {"@type": "QuantitativeValue", "minValue": 0, "maxValue": 0, "unitText": "HOUR"}}  # fmt: skip
    canonical, notes = one(
        node(baseSalary=amount, description="&lt;p&gt;Hi &amp;amp; welcome&lt;/p&gt;")
    )
    assert canonical["description"] == "<p>Hi &amp; welcome</p>"
    assert "compensation" not in canonical
    assert canonical["extensions"] == {"jsonld": {"/baseSalary": amount}}
    assert notes == ["salary.zero /baseSalary", "description.entity-encoded /description"]


def test_description_is_sanitised_and_lists_recovered_from_headings() -> None:
    """Scripts and styles go; headed lists become responsibilities and qualifications."""
    description = (
        '<div style="x"><p onclick="evil()">About us</p><script>alert(1)</script>'
        "<b>What you'll do</b><ul><li>Cook</li><li>Clean</li></ul>"
        "<h3>Requirements:</h3><ul><li>Knife skills</li></ul></div>"
    )
    canonical, notes = one(node(description=description))
    assert canonical["description"] == "<p>About us</p>"
    assert canonical["responsibilities"] == ["Cook", "Clean"]
    assert canonical["requiredQualifications"] == ["Knife skills"]
    assert notes == [
        "description.sanitised /description", "description.recovered /description",
        "description.recovered /description",
    ]  # fmt: skip


def test_several_postings_on_one_page_all_come_back() -> None:
    """Two JSON-LD blocks, a nested mainEntity, and a microdata item on one page."""
    page = f"""<html><head>
      <script type="application/ld+json">{node(title="One")}</script>
      <script type="application/ld+json">{{"@context": "https://schema.org", "@type": "WebPage",
        "mainEntity": {node(title="Two")}}}</script>
      <script type="application/ld+json">{{"@context": "https://schema.org", "@type": "BreadcrumbList"}}</script>
      </head><body>
      <div itemscope itemtype="http://schema.org/JobPosting">
        <h1 itemprop="title">Three</h1>
        <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
          <meta itemprop="name" content="Bistro"></div>
      </div></body></html>"""
    records = read(page)
    assert [r.where for r in records] == ["script 1", "script 2 /mainEntity", "microdata item 1"]
    assert [r.posting.title for r in records if r.posting] == ["One", "Two", "Three"]


def test_rdfa_lite_item() -> None:
    """vocab/typeof/property with content attributes and a nested Organization."""
    page = """<div vocab="https://schema.org/" typeof="JobPosting">
      <h2 property="title">Baker</h2>
      <span property="hiringOrganization" typeof="Organization"><span property="name">Crumb</span></span>
      <time property="datePosted" datetime="2024-02-01">1 Feb</time>
      <span property="employmentType" content="PART_TIME">Part-time</span></div>"""
    canonical, notes = one(page)
    assert canonical == {
        "title": "Baker",
        "hiringOrganization": {"name": "Crumb"},
        "datePosted": "2024-02-01",
        "employmentTypes": ["PART_TIME"],
    }
    assert notes == []


def test_strict_mode_turns_repairs_into_errors() -> None:
    """The same input is refused in strict mode, naming each repair."""
    (record,) = read(node(hiringOrganization="Bistro"), strict=True)
    assert record.posting is None
    assert str(record.error) == "/hiringOrganization: is a string; read as the organization's name"


def test_no_posting_is_an_error_record() -> None:
    """A document without a JobPosting says so."""
    (record,) = read('{"@context": "https://schema.org", "@type": "Organization", "name": "X"}')
    assert str(record.error) == "no schema.org JobPosting found"


def test_read_structured_data_yields_nothing_for_a_plain_page() -> None:
    """The HTML reader's hook gives no record when a page has no structured posting."""
    assert (
        list(jsonld.read_structured_data(b"<html><p>Cook wanted</p></html>", ReadOptions())) == []
    )


def test_a_posting_without_employer_names_the_field() -> None:
    """Canonical postings need hiringOrganization: the record's error says so."""
    (record,) = read('{"@context": "https://schema.org", "@type": "JobPosting", "title": "X"}')
    assert str(record.error) == "/hiringOrganization: is required"


US = {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "US"}}


@pytest.mark.parametrize(
    ("salary", "pay"),
    [
        (
            "$50,000 - $60,000 a year",
            {"currency": "USD", "minimum": 50000, "maximum": 60000, "period": "YEAR"},
        ),
        (
            {"@type": "MonetaryAmount", "currency": "EUR", "value": "40.000 - 50.000 € pro Jahr"},
            {"currency": "EUR", "minimum": 40000, "maximum": 50000, "period": "YEAR"},
        ),
        (
            {
                "@type": "MonetaryAmount",
                "currency": "USD",
                "value": {"@type": "QuantitativeValue", "value": "$22.50 per hour"},
            },
            {"currency": "USD", "value": 22.5, "period": "HOUR"},
        ),
    ],
)
def test_a_salary_written_as_one_stated_range_is_read_as_pay(salary: Any, pay: Any) -> None:
    document, notes = one(node(jobLocation=US, baseSalary=salary))
    text = salary if isinstance(salary, str) else salary["value"]
    text = text if isinstance(text, str) else text["value"]
    assert document["compensation"] == {"basePay": [{**pay, "text": text}]}
    assert "salary.from-text /baseSalary" in notes


@pytest.mark.parametrize(
    ("salary", "place"),
    [
        ("$50,000 - $60,000 a year", None),  # which dollar: no country says
        ("€40,000 - €50,000", US),  # no period stated
        ("$50,000 - $60,000 a year plus $5,000 - $10,000 bonus", US),  # two ranges
        ({"@type": "MonetaryAmount", "currency": "EUR", "value": "$20 per hour"}, US),  # conflict
        ("Competitive salary", US),
    ],
)
def test_a_salary_text_that_needs_a_guess_stays_text(salary: Any, place: Any) -> None:
    extra = {"jobLocation": place} if place else {}
    document, notes = one(node(baseSalary=salary, **extra))
    text = salary if isinstance(salary, str) else salary["value"]
    assert document["compensation"] == {"text": text}
    assert not any(note.startswith("salary.from-text") for note in notes)


def test_a_placeholder_employer_name_is_read_as_not_named() -> None:
    document, notes = one(node(hiringOrganization={"@type": "Organization", "name": "Our client"}))
    assert document["hiringOrganization"] == {"name": "Our client", "disclosed": False}
    assert "organization.not-named /hiringOrganization/name" in notes


def test_a_posting_that_does_not_say_so_round_trips_unchanged() -> None:
    """The writer reads its node back: the extension term undoes the reader's guess."""
    posting = codec.from_dict({"title": "Cook", "hiringOrganization": {"name": "Confidential"}})
    written = io.BytesIO()
    jsonld.write([posting], written, WriteOptions())
    (record,) = read(written.getvalue())
    assert record.posting == posting


# -- shapes of ATS pages (Workable, Ashby) -------------------------------------------------------


def test_qualifications_under_a_nice_to_have_heading_are_preferred() -> None:
    """Workable writes both lists, each under a bold heading, in one qualifications text."""
    posting, notes = one(
        node(
            qualifications="<p></p><p>If you love open source, apply!</p>"
            "<p><strong>What you'll need</strong></p><ul><li>5+ years of Python</li>"
            "<li>Experience with TypeScript</li></ul>"
            "<p><strong>Nice to have</strong></p><ul><li>Experience with WebRTC</li></ul>"
        )
    )
    assert posting["requiredQualifications"] == ["5+ years of Python", "Experience with TypeScript"]
    assert posting["preferredQualifications"] == ["Experience with WebRTC"]
    assert notes == ["qualifications.preferred-heading /qualifications"]


def test_a_heading_paragraph_in_a_list_text_is_no_item() -> None:
    """Workable's jobBenefits opens with a bold-only paragraph; one <li> is one item."""
    posting, notes = one(
        node(
            jobBenefits="<p><strong>More about Hugging Face</strong></p>"
            "<p><strong>We value development.</strong>&nbsp;Conferences are paid.</p>"
            "<p><strong>We care about your well-being.</strong> Flexible hours.</p>",
            responsibilities="<p>About the role.</p><ul><li>Maintain Gradio.</li></ul>",
        )
    )
    assert posting["compensation"]["benefits"] == [
        "We value development. Conferences are paid.",
        "We care about your well-being. Flexible hours.",
    ]
    assert posting["responsibilities"] == ["Maintain Gradio."]
    assert notes == ["list.split /jobBenefits", "value.entities /responsibilities"]


def test_an_area_named_twice_is_read_once() -> None:
    """Ashby lists 'United States' and 'USA' among the applicant locations."""
    posting, notes = one(
        node(
            jobLocationType="TELECOMMUTE",
            applicantLocationRequirements=[
                {"@type": "Country", "name": "Canada"},
                {"@type": "Country", "name": "United States"},
                {"@type": "Country", "name": "USA"},
            ],
        )
    )
    assert posting["workArrangement"] == {
        "type": "REMOTE",
        "applicantLocations": [{"country": "CA"}, {"country": "US"}],
    }
    assert "list.duplicate /applicantLocationRequirements/2" in notes


@pytest.mark.parametrize(
    ("value", "pay"),
    [
        ({"@type": "QuantitativeValue", "value": "45000-55000", "unitText": "YEAR"},
         {"minimum": 45000, "maximum": 55000, "period": "YEAR", "text": "45000-55000"}),
        ({"@type": "QuantitativeValue", "value": "45.000 €", "unitText": "YEAR"},
         {"value": 45000, "period": "YEAR"}),
        ({"@type": "QuantitativeValue", "minValue": "3.500", "maxValue": "4.200",
          "unitText": "MONTH"},
         {"minimum": 3500, "maximum": 4200, "period": "MONTH"}),
    ],
)  # fmt: skip
def test_salary_strings_of_european_boards(value: dict[str, Any], pay: dict[str, Any]) -> None:
    """A range in the value's text takes the unitText's period and the amount's currency; a dot
    before three digits groups thousands ("45.000 €" was read as 45)."""
    posting, notes = one(node(baseSalary={"@type": "MonetaryAmount", "currency": "EUR",
                                          "value": value}))  # fmt: skip
    assert posting["compensation"]["basePay"] == [{"currency": "EUR", **pay}]
    assert notes
    assert all(n.startswith(("salary.from-text", "value.type")) for n in notes)


def test_french_and_german_contract_words_are_employment_types() -> None:
    """Job boards write "Intérim" and "Minijob" where Google expects TEMPORARY and PART_TIME."""
    posting, notes = one(node(employmentType=["Intérim", "Minijob"]))
    assert posting["employmentTypes"] == ["TEMPORARY", "PART_TIME"]
    assert notes == ["employment-type.mapped /employmentType/0",
                     "employment-type.mapped /employmentType/1"]  # fmt: skip
