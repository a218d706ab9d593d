"""Inputs fuzzing found to crash a reader (an internal error): each now reads, or fails with a
clear error, as the messy real input it stands for should."""

from __future__ import annotations

import io
import json
from typing import Any

from jobposting import formats
from jobposting.formats.base import ReadOptions, Record


def _read(key: str, data: bytes) -> list[Record]:
    reader = formats.REGISTRY[key].reader
    assert reader is not None
    return list(reader(io.BytesIO(data), ReadOptions()))


def _node(**properties: Any) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Nurse",
        "hiringOrganization": {"@type": "Organization", "name": "Clinic"},
        "datePosted": "2025-01-01",
        **properties,
    }


def test_a_pay_unit_that_is_an_object_is_kept_not_a_crash() -> None:
    salary = {
        "@type": "MonetaryAmount",
        "currency": "EUR",
        "value": {"@type": "QuantitativeValue", "value": 20, "unitText": {"name": "HOUR"}},
    }
    (record,) = _read("jsonld", json.dumps(_node(baseSalary=salary)).encode())
    assert record.error is None
    assert record.posting is not None


def test_a_page_whose_extension_makes_the_employer_a_number_is_an_invalid_posting() -> None:
    """The extension term is merged as it is: a number for the employer is the posting's
    problem to report, not the page reader's to crash on."""
    extension = {"@type": "@json", "@value": {"hiringOrganization": 3}}
    node = json.dumps(_node(**{"https://jobposting.dev/ns#canonical": extension}))
    page = f'<html><head><script type="application/ld+json">{node}</script></head></html>'
    (record,) = _read("jsonld", page.encode())
    assert record.posting is None
    assert str(record.error) == "/hiringOrganization: must be an object, not an integer"


def test_a_lone_surrogate_in_json_ld_is_replaced_and_noted() -> None:
    """A tolerant reader repairs it (U+FFFD, noted); canonical JSON refuses it instead."""
    description = "<div class='x'><p onclick='x'>Night shifts \\ud800 only</p></div>"
    text = json.dumps(_node(description="@@")).replace("@@", description)
    (record,) = _read("jsonld", text.encode())
    assert record.posting is not None
    assert record.posting.description == "<p>Night shifts \ufffd only</p>"
    assert (
        "",
        "JSON repaired: 1 lone surrogate escape(s) replaced by U+FFFD",
        "jsonld.syntax",
    ) in [(d.pointer, d.message, d.code) for d in record.diagnostics]


# -- text extraction: what it reads is a valid posting, its repairs noted --------------------------

NURSE = """Night Nurse
Company: St Mary's Clinic
Austin, TX
Posted: 2025-06-01

We are hiring a night nurse for our intensive care ward.
"""


def _text(extra: str) -> Record:
    from jobposting.extract.posting import posting_from_text

    return posting_from_text(NURSE + extra, ReadOptions())


def _notes(record: Record, code: str) -> list[tuple[str, str]]:
    return [(d.pointer, d.message) for d in record.diagnostics if d.code == code]


def test_a_pay_range_written_downwards_is_read_upwards() -> None:
    record = _text("Salary: $50,000 - $40,000 per year\n")
    assert record.error is None
    assert record.posting is not None
    assert record.posting.compensation is not None
    pay = record.posting.compensation.base_pay[0]
    assert (pay.minimum, pay.maximum) == (40000, 50000)
    assert _notes(record, "pay-range-reversed") == [
        (
            "/compensation/basePay/0",
            "the range is written from 50000 down to 40000; read with the smaller amount as "
            "the minimum",
        )
    ]


def test_a_contact_paragraph_without_details_goes_to_the_description() -> None:
    record = _text("\nContact\nOur team looks forward to meeting you.\n")
    assert record.error is None
    assert record.posting is not None
    assert record.posting.contacts == ()
    assert "Our team looks forward to meeting you." in (record.posting.description or "")
    assert _notes(record, "contact-without-details") == [
        (
            "/description",
            "a paragraph about contact names no person, e-mail or phone; it went to the "
            "description: 'Our team looks forward to meeting you.'",
        )
    ]


def test_a_closing_date_before_the_posting_date_is_left_out() -> None:
    record = _text("Closing date: 2020-01-01\n")
    assert record.error is None
    assert record.posting is not None
    assert record.posting.valid_through is None
    assert _notes(record, "closing-date-before-posted") == [
        (
            "/validThrough",
            "the closing date 2020-01-01 is before the posting date 2025-06-01; left out",
        )
    ]


# -- malformed "<![...]>" sections, which Python 3.11's html.parser refuses with AssertionError --


def test_rich_text_with_a_malformed_marked_section_reads_it_as_html5_does() -> None:
    """A bogus comment up to the next ">" (here inside "</p>"), as browsers read it."""
    from jobposting.richtext import rich_text_problems

    assert rich_text_problems("<p>a <![x b</p>") == [
        "comments are not allowed in rich text",
        "element <p> is not closed",
    ]
    assert rich_text_problems("<p>a</p><![CDATA[x]]>") == [
        "declarations are not allowed in rich text"
    ]


def test_an_hr_open_description_with_a_malformed_marked_section_drops_it() -> None:
    from jobposting.formats.hropen_values import sanitise

    assert sanitise("<p>a <![x b</p>") == "<p>a </p>"


def test_experience_named_only_in_an_exclusion_is_no_requirement() -> None:
    from jobposting.extract.requirements import experience_requirement
    from jobposting.model import RequirementLevel

    line = "For using distributed computing (Internship experience does not apply)"
    assert experience_requirement(line, RequirementLevel.REQUIRED) is None
