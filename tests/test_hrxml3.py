"""The ``hrxml3`` format: HR-XML 3.2 PositionOpening (EURES profile), noun and message."""

from __future__ import annotations

import pytest
from lxml import etree

import jobposting
from conftest import case_dirs
from jobposting.errors import ReadError
from jobposting.formats.hrxml3_write import EXTRAS_NS, HR

HEAD = f'<PositionOpening xmlns="{HR}" xmlns:oa="http://www.openapplications.org/oagis/9">'


def case_posting(name: str) -> jobposting.Posting:
    case = next(c for c in case_dirs() if c.name == name)
    return jobposting.loads((case / "posting.json").read_text(encoding="utf-8"))


def test_one_posting_is_a_bare_noun_and_several_a_process_message() -> None:
    """posting -> PositionOpening; postings -> ProcessPositionOpening -> the same postings."""
    first = case_posting("german-pflegefachkraft-vollzeit")
    second = case_posting("internship-data-analyst-summer")
    single = etree.fromstring(jobposting.write(first, "hrxml3").encode())
    assert single.tag == f"{{{HR}}}PositionOpening"
    message = jobposting.write([first, second], "hrxml3")
    assert etree.fromstring(message.encode()).tag == f"{{{HR}}}ProcessPositionOpening"
    records = list(jobposting.records(message, "hrxml3"))
    assert [r.posting for r in records] == [first, second]
    assert [r.where for r in records] == [
        "PositionOpening 1 (line 12)",
        "PositionOpening 2 (line 152)",
    ]


def test_extras_travel_in_user_area() -> None:
    """What HR-XML 3.2 has no element for is kept in UserArea under the project's namespace."""
    root = etree.fromstring(
        jobposting.write(
            case_posting("capital-one-lead-machine-learning-engineer"), "hrxml3"
        ).encode()
    )
    names = [e.get("name") for e in root.iter(f"{{{EXTRAS_NS}}}Extra")]
    assert "jobposting+json:/workAuthorization" in names
    assert root[-1].tag == f"{{{HR}}}UserArea"


@pytest.mark.parametrize(("code", "expected"), [
    ("FullTime", "FULL_TIME"), ("Full Time", "FULL_TIME"), ("PartTime", "PART_TIME"),
    ("Part Time", "PART_TIME"), ("part-time", "PART_TIME"),
])  # fmt: skip
def test_open_code_lists_are_read_in_both_spellings(code: str, expected: str) -> None:
    """FullTime and Full Time are one code."""
    document = (
        f"{HEAD}<PositionProfile><PositionTitle>Nurse</PositionTitle>"
        "<PositionOrganization><OrganizationIdentifiers><OrganizationName>Clinic</OrganizationName>"
        f"</OrganizationIdentifiers></PositionOrganization>"
        f"<PositionScheduleTypeCode>{code}</PositionScheduleTypeCode></PositionProfile></PositionOpening>"
    )
    assert jobposting.read(document, "hrxml3").employment_types == (expected,)


def test_remuneration_range_reads_amounts_currency_and_period() -> None:
    """RemunerationRange min/max with currencyID and a frequency become one pay range."""
    document = (
        f"{HEAD}<PositionProfile><PositionTitle>Nurse</PositionTitle>"
        "<PositionOrganization><OrganizationIdentifiers><OrganizationName>Clinic</OrganizationName>"
        "</OrganizationIdentifiers></PositionOrganization><OfferedRemunerationPackage><RemunerationRange>"
        '<MinimumAmount currencyID="EUR">3800</MinimumAmount>'
        '<MaximumAmount currencyID="EUR">4400.50</MaximumAmount>'
        "<FrequencyCode>Monthly</FrequencyCode></RemunerationRange>"
        "</OfferedRemunerationPackage></PositionProfile></PositionOpening>"
    )
    posting = jobposting.read(document, "hrxml3")
    assert posting.compensation is not None
    (pay,) = posting.compensation.base_pay
    assert (pay.currency, pay.minimum, pay.maximum, pay.period) == ("EUR", 3800, 4400.5, "MONTH")


def test_malformed_xml_is_reported_with_its_line() -> None:
    """A document that is not well-formed gives one error naming the line."""
    with pytest.raises(ReadError, match=r"^line 2, column \d+: malformed XML: "):
        jobposting.read(f"{HEAD}\n<PositionProfile></PositionOpening>", "hrxml3")


def test_another_root_is_refused_by_name() -> None:
    """A document that is no PositionOpening says what it is instead."""
    with pytest.raises(ReadError, match=r"root element is <Candidate>"):
        jobposting.read(f'<Candidate xmlns="{HR}"/>', "hrxml3")


def test_an_identifier_issuer_is_the_scheme_agency_of_its_alternate_document_id() -> None:
    """issuer -> AlternateDocumentID/@schemeAgencyID (OAGIS), read back without an extra."""
    posting = jobposting.codec.from_dict(
        {
            "title": "Pflegefachkraft",
            "hiringOrganization": {"name": "Klinik"},
            "identifiers": [
                {"scheme": "Handelsregister", "value": "HRB 1", "issuer": "Amtsgericht Augsburg"},
                {"scheme": "Requisition", "value": "R-7"},
            ],
        }
    )
    root = etree.fromstring(jobposting.write(posting, "hrxml3").encode())
    alternates = root.findall(f"{{{HR}}}AlternateDocumentID")
    assert [(e.text, dict(e.attrib)) for e in alternates] == [
        ("HRB 1", {"schemeID": "Handelsregister", "schemeAgencyID": "Amtsgericht Augsburg"}),
        ("R-7", {"schemeID": "Requisition"}),
    ]
    assert list(root.iter(f"{{{EXTRAS_NS}}}Extra")) == []
    (record,) = jobposting.records(etree.tostring(root), "hrxml3")
    assert record.posting == posting


def test_a_scheme_agency_without_a_scheme_is_the_scheme() -> None:
    """An AlternateDocumentID naming only its agency reads the agency as the scheme, no issuer."""
    document = (
        f'<PositionOpening xmlns="{HR}">'
        '<AlternateDocumentID schemeAgencyID="NAV">9</AlternateDocumentID>'
        "<PositionProfile><PositionTitle>Cook</PositionTitle><PositionOrganization>"
        "<OrganizationIdentifiers><OrganizationName>Diner</OrganizationName>"
        "</OrganizationIdentifiers></PositionOrganization></PositionProfile></PositionOpening>"
    ).encode()
    (record,) = jobposting.records(document, "hrxml3")
    assert record.posting is not None
    assert jobposting.codec.to_dict(record.posting)["identifiers"] == [
        {"scheme": "NAV", "value": "9"}
    ]
