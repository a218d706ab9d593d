"""The ``hrxml3`` format: HR-XML 3.2 PositionOpening (EURES profile), noun and message."""

from __future__ import annotations

import json

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


def _read_with_notes(
    document: str, key: str = "hrxml3"
) -> tuple[dict[str, object], list[tuple[str, str, str]]]:
    """The canonical JSON of a one-posting document and its diagnostics (pointer, message, code)."""
    (record,) = jobposting.records(document.encode(), key)
    assert record.posting is not None, record.error
    notes = [(p.pointer, p.message, p.code) for p in record.diagnostics]
    return json.loads(jobposting.dumps(record.posting)), notes


# The shape of the Swedish PES postings the EURES API hands out (navikt/pam-eures-stilling-import,
# src/test/resources/GetReply.json; not copied: the repository has no licence): OAGIS parts
# under ``ns2``, a NUTS code, plain text escaped once more than XML needs, the application link
# as an escaped <a> in the instructions, no dates at all.
EURES_SE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<PositionOpening majorVersionID="3" minorVersionID="2" xmlns="{HR}" xmlns:ns2="http://www.openapplications.org/oagis/9">
  <DocumentID schemeID="ID-1234" schemeAgencyID="PES-SWEDEN">10001</DocumentID>
  <PositionOpeningStatusCode name="Active">Active</PositionOpeningStatusCode>
  <PostingRequester agencyRoleCode="Requester">
    <PartyName>Public Employment Service Sweden</PartyName>
  </PostingRequester>
  <PositionProfile languageCode="sv">
    <PostingInstruction><ApplicationMethod>
      <Instructions type="Ansokningssatt"
        >&lt;a href="https://example.se/a/1"&gt;Link to the vacancy&lt;/a&gt;</Instructions>
    </ApplicationMethod></PostingInstruction>
    <PositionTitle typeCode="Annonsrubrik">Hotellreceptionist </PositionTitle>
    <PositionLocation><Address type="Arbetsplatsadress">
      <ns2:AddressLine>Norrtull</ns2:AddressLine><ns2:CityName>STOCKHOLM</ns2:CityName>
      <ns2:CountrySubDivisionCode>SE110</ns2:CountrySubDivisionCode><CountryCode>SE</CountryCode>
      <ns2:PostalCode>11347</ns2:PostalCode>
    </Address></PositionLocation>
    <PositionOrganization><OrganizationIdentifiers>
      <OrganizationName>Hotell AB</OrganizationName></OrganizationIdentifiers>
      <ns2:Description type="Foretagsinfo"/></PositionOrganization>
    <PositionFormattedDescription>
      <Content> Deltid&amp;#xa0;i receptionen, hotell- &amp;amp; restaurang.</Content>
    </PositionFormattedDescription>
    <WorkingLanguageCode>SV</WorkingLanguageCode>
    <PositionScheduleTypeCode>PartTime</PositionScheduleTypeCode>
  </PositionProfile>
</PositionOpening>"""


def test_eures_text_escaped_twice_reads_as_the_text_it_stands_for() -> None:
    """``&amp;#xa0;`` in a plain-text EURES description is a no-break space, ``&amp;amp;`` a "&"."""
    document, notes = _read_with_notes(EURES_SE)
    assert document == {
        "id": "10001",
        "language": "sv",
        "status": "OPEN",
        "title": "Hotellreceptionist",
        "description": "Deltid\xa0i receptionen, hotell- &amp; restaurang.",
        "hiringOrganization": {"name": "Hotell AB"},
        "locations": [
            {
                "streetAddress": "Norrtull",
                "locality": "STOCKHOLM",
                "region": "SE110",
                "postalCode": "11347",
                "country": "SE",
            }
        ],
        "employmentTypes": ["PART_TIME"],
        "languageRequirements": [{"language": "sv", "requirement": "REQUIRED"}],
        "application": {
            "url": "https://example.se/a/1",
            "instructions": "Link to the vacancy",
        },
        "extensions": {
            "hrxml3": {"documentId": {"schemeID": "ID-1234", "schemeAgencyID": "PES-SWEDEN"}}
        },
    }
    assert notes == [
        (
            "/description",
            "HTML character references in plain text resolved",
            "hrxml3.entities",
        ),
        (
            "/application/url",
            "application link taken from the instructions' HTML",
            "hrxml3.instructions-link",
        ),
    ]


def test_eures_attributes_run_together_are_a_located_xml_error() -> None:
    """Some EURES replies lose the blanks between attributes: not XML, and said so with a line."""
    document = (
        f'<PositionOpening xmlns="{HR}"xmlns:ns2="urn:x"><PositionProfile/></PositionOpening>'
    )
    with pytest.raises(ReadError, match=r"^line 1, column \d+: malformed XML: attributes"):
        jobposting.read(document.encode(), "hrxml3")


def test_pay_ranges_without_an_amount_or_a_currency_are_left_out() -> None:
    """EURES writes an empty BasePay range when no pay is given: the posting still reads."""
    document = (
        f"{HEAD}<PositionProfile><PositionTitle>Baker</PositionTitle>"
        "<PositionOrganization><OrganizationIdentifiers><OrganizationName>Bakery</OrganizationName>"
        "</OrganizationIdentifiers></PositionOrganization>"
        "<OfferedRemunerationPackage>"
        "<RemunerationRange><RemunerationTypeCode>BasePay</RemunerationTypeCode></RemunerationRange>"
        "<RemunerationRange><RemunerationTypeCode>BasePay</RemunerationTypeCode>"
        "<MinimumAmount>2000</MinimumAmount><FrequencyCode>Month</FrequencyCode>"
        "</RemunerationRange>"
        '<RemunerationRange><MinimumAmount currencyID="EUR">2100</MinimumAmount>'
        "<FrequencyCode>Month</FrequencyCode></RemunerationRange>"
        '<oa:Description type="RemunerationBasisCodeContentType"/>'
        "</OfferedRemunerationPackage></PositionProfile></PositionOpening>"
    )
    document_json, notes = _read_with_notes(document)
    assert document_json["compensation"] == {
        "basePay": [{"currency": "EUR", "minimum": 2100, "period": "MONTH"}]
    }
    assert notes == [
        ("/compensation/basePay/0", "pay range without a currency; left out", "hrxml3.pay-range")
    ]


def test_eures_language_competencies_and_the_person_to_apply_to() -> None:
    """A competency of the ``language`` taxonomy is a language requirement with its CEFR level;
    the PersonContact of the application method is a contact (given and family name joined)."""
    document = (
        f"{HEAD}<PositionProfile><PostingInstruction><ApplicationMethod><PersonContact>"
        "<PersonName><oa:GivenName>Jean</oa:GivenName><FamilyName> BONOT </FamilyName></PersonName>"
        "<Communication><ChannelCode> Email </ChannelCode><oa:URI>info@example.fr</oa:URI>"
        "</Communication></PersonContact></ApplicationMethod></PostingInstruction>"
        "<PositionTitle>Baker</PositionTitle>"
        "<PositionOrganization><OrganizationIdentifiers><OrganizationName>Bakery</OrganizationName>"
        "</OrganizationIdentifiers></PositionOrganization>"
        "<PositionQualifications>"
        "<PositionCompetency><CompetencyID>fr</CompetencyID><TaxonomyID>language</TaxonomyID>"
        "<RequiredProficiencyLevel><ScoreText>B1</ScoreText></RequiredProficiencyLevel>"
        "</PositionCompetency>"
        "<PositionCompetency><CompetencyID>EN</CompetencyID><TaxonomyID>Language</TaxonomyID>"
        "<DesiredProficiencyLevel><ScoreText>a2</ScoreText></DesiredProficiencyLevel>"
        "</PositionCompetency></PositionQualifications>"
        "<WorkingLanguageCode>fr</WorkingLanguageCode></PositionProfile></PositionOpening>"
    )
    document_json, notes = _read_with_notes(document)
    assert document_json["languageRequirements"] == [
        {"language": "fr", "level": "B1", "requirement": "REQUIRED"},
        {"language": "en", "level": "A2", "requirement": "PREFERRED"},
    ]
    assert document_json["contacts"] == [
        {"role": "OTHER", "name": "Jean BONOT", "email": "info@example.fr"}
    ]
    assert notes == []


# HR-XML 2.x, the generation before 3.x, as job boards and employment services still send it.
# The shapes of the FOREM client's test document (mdpbriar/forem-api-client, tests; namespace
# 2006-02-28) and of Absolventa's HR-XML API documentation (Absolventa/api-docs,
# absolventa/hr_xml.md; namespace http://ns.hr-xml.org): neither repository has a licence.
HRXML2_FOREM = """<PositionOpening xmlns="http://ns.hr-xml.org/2006-02-28" xml:lang="FR">
<PositionRecordInfo><Id idOwner="test"><IdValue>5</IdValue></Id>
<Status validFrom="2025-05-20" validTo="2026-02-01">Active</Status></PositionRecordInfo>
<PositionSupplier><EntityName><![CDATA[Agence]]></EntityName></PositionSupplier>
<PositionProfile xml:lang="FR">
<PositionDateInfo><StartDate>2025-06-01</StartDate></PositionDateInfo>
<Organization><OrganizationName>Boulangerie Dupont</OrganizationName></Organization>
<PositionDetail>
<PhysicalLocation><PostalAddress><PostalCode>5000</PostalCode><CountryCode>BE</CountryCode>
<Municipality>Namur</Municipality></PostalAddress></PhysicalLocation>
<JobCategory><TaxonomyName version="1.0">ROMEV3</TaxonomyName><CategoryCode>D1102</CategoryCode>
<CategoryDescription>Boulangerie - viennoiserie</CategoryDescription></JobCategory>
<PositionTitle>Boulanger</PositionTitle><PositionClassification>G</PositionClassification>
<PositionSchedule>Full Time</PositionSchedule><PositionSchedule>x:Day Work</PositionSchedule>
<RemunerationPackage><BasePay baseInterval="Monthly" currencyCode="EUR">
<BasePayAmountMin>2200.0</BasePayAmountMin><BasePayAmountMax>2600.0</BasePayAmountMax></BasePay>
</RemunerationPackage>
</PositionDetail>
<FormattedPositionDescription><Name>companyPromotionalText</Name>
<Value><![CDATA[Depuis 1950]]></Value></FormattedPositionDescription>
<FormattedPositionDescription><Name>Description</Name>
<Value><![CDATA[Pains & viennoiseries.]]></Value></FormattedPositionDescription>
<HowToApply><ApplicationMethod>
<InternetEmailAddress>jobs@example.be</InternetEmailAddress></ApplicationMethod></HowToApply>
</PositionProfile><NumberToFill>2</NumberToFill></PositionOpening>"""

HRXML2_FOREM_POSTING = {
    "id": "5",
    "language": "fr",
    "status": "OPEN",
    "title": "Boulanger",
    "description": "Pains &amp; viennoiseries.",
    "hiringOrganization": {"name": "Boulangerie Dupont"},
    "datePosted": "2025-05-20",
    "validThrough": "2026-02-01",
    "startDate": "2025-06-01",
    "locations": [{"locality": "Namur", "postalCode": "5000", "country": "BE"}],
    "employmentTypes": ["FULL_TIME"],
    "openings": 2,
    "compensation": {
        "basePay": [{"currency": "EUR", "minimum": 2200.0, "maximum": 2600.0, "period": "MONTH"}]
    },
    "occupationalCategories": [
        {"scheme": "ROMEV3", "code": "D1102", "name": "Boulangerie - viennoiserie"}
    ],
    "application": {"email": "jobs@example.be"},
}

HRXML2_NOTE = (
    "",
    "read as HR-XML 2.x (namespace 'http://ns.hr-xml.org/2006-02-28'); hrxml3 reads HR-XML 3.x: "
    "only the title, employer, locations, dates, description, application, schedule, pay, job "
    "categories and openings of a 2.x document are read",
    "hrxml2.version",
)


@pytest.mark.parametrize("key", ["hrxml3", "hropen"])
def test_hrxml2_documents_read_their_common_fields_with_a_note(key: str) -> None:
    """Both XML readers read a 2.x PositionOpening's common elements and say it is 2.x."""
    document, notes = _read_with_notes(HRXML2_FOREM, key)
    assert document == HRXML2_FOREM_POSTING
    assert notes == [HRXML2_NOTE]


def test_an_hrxml2_file_is_guessed_and_read_by_its_name() -> None:
    """A 2.x ``.xml`` file (no 3.x or HR Open namespace) goes to the reader that handles it."""
    (record,) = jobposting.records(HRXML2_FOREM.encode(), name="offre.xml")
    assert record.posting is not None
    assert json.loads(jobposting.dumps(record.posting)) == HRXML2_FOREM_POSTING


def test_hrxml2_employer_places_and_publication_period_of_a_job_board() -> None:
    """Absolventa's shape: employer as Company/Name, a place with a country name (read as its
    code, noted), the publication period on the PositionPosting id."""
    document = """<?xml version='1.0' encoding='utf-8' ?>
<PositionOpening xmlns='http://ns.hr-xml.org'>
  <PositionRecordInfo><Id idOwner='Scho GbR'><IdValue>2448257</IdValue></Id></PositionRecordInfo>
  <PositionPostings><PositionPosting>
    <Id validFrom='2019-11-11' validTo='2019-11-15'><IdValue>2448257</IdValue></Id>
    <Link><![CDATA[]]></Link>
  </PositionPosting></PositionPostings>
  <PositionProfile xml:lang='DE'>
    <PositionDateInfo></PositionDateInfo>
    <PositionDetail>
      <Company><Name>Scho GbR</Name></Company>
      <PhysicalLocation><PostalAddress><CountryCode>Deutschland</CountryCode>
        <PostalCode>10117</PostalCode><Municipality>Berlin</Municipality>
        <DeliveryAddress><StreetName>Friedrichstraße</StreetName>
          <BuildingNumber>67</BuildingNumber></DeliveryAddress>
      </PostalAddress></PhysicalLocation>
      <PhysicalLocation><PostalAddress><CountryCode>DE</CountryCode><PostalCode>10405</PostalCode>
        <Municipality>Berlin</Municipality></PostalAddress></PhysicalLocation>
      <PositionTitle><![CDATA[Praktikum Seefahrt (w/m/d)]]></PositionTitle>
    </PositionDetail>
    <FormattedPositionDescription><Name>Mode</Name><Value>premium</Value>
    </FormattedPositionDescription>
    <FormattedPositionDescription><Name>CompanyDescription</Name>
      <Value><![CDATA[<p>Reederei</p>]]></Value></FormattedPositionDescription>
    <FormattedPositionDescription><Name>JobOfferDescription</Name>
      <Value><![CDATA[<p>Komm an Bord!</p>]]></Value></FormattedPositionDescription>
    <HowToApply><ApplicationMethod>
      <InternetWebAddress><![CDATA[https://example.com/apply]]></InternetWebAddress>
    </ApplicationMethod></HowToApply>
  </PositionProfile>
</PositionOpening>"""
    posting, notes = _read_with_notes(document)
    assert posting == {
        "id": "2448257",
        "language": "de",
        "title": "Praktikum Seefahrt (w/m/d)",
        "description": "<p>Komm an Bord!</p>",
        "hiringOrganization": {"name": "Scho GbR"},
        "datePosted": "2019-11-11",
        "validThrough": "2019-11-15",
        "locations": [
            {
                "streetAddress": "Friedrichstraße 67",
                "locality": "Berlin",
                "postalCode": "10117",
                "country": "DE",
            },
            {"locality": "Berlin", "postalCode": "10405", "country": "DE"},
        ],
        "application": {"url": "https://example.com/apply"},
    }
    assert notes[1:] == [
        (
            "/locations/0/country",
            "country 'Deutschland' read as DE",
            "hrxml2.country",
        )
    ]


def test_hrxml2_without_an_employer_is_an_error_naming_the_version_and_the_line() -> None:
    """An agent's PositionSupplier is not the employer; only a ``self`` supplier is."""
    document = (
        '<?xml version="1.0"?>\n<PositionOpening xmlns="http://ns.hr-xml.org/2007-04-15">'
        '<PositionSupplier relationship="agent"><EntityName>Agency</EntityName></PositionSupplier>'
        "<PositionProfile><PositionDetail><PositionTitle>DBA</PositionTitle></PositionDetail>"
        "</PositionProfile></PositionOpening>"
    )
    message = (
        "line 2: no employer in this HR-XML 2.x document: expected PositionProfile/Organization/"
        "OrganizationName, PositionDetail/Company/Name or a PositionSupplier of relationship "
        "'self' (a canonical posting needs hiringOrganization.name)"
    )
    for key in ("hrxml3", "hropen"):
        (record,) = jobposting.records(document.encode(), key)
        assert isinstance(record.error, ReadError)
        assert str(record.error) == message
    self_supplied = document.replace('"agent"', '"self"')
    posting, notes = _read_with_notes(self_supplied)
    assert posting["hiringOrganization"] == {"name": "Agency"}
    assert notes[1] == (
        "/hiringOrganization/name",
        "employer name taken from the PositionSupplier of relationship 'self'",
        "hrxml2.employer-from-supplier",
    )


def test_a_3x_document_without_an_employer_names_its_line() -> None:
    """The error of a bare noun without an employer says where the PositionOpening starts."""
    document = f'<?xml version="1.0"?>\n\n{HEAD}<PositionProfile/></PositionOpening>'
    with pytest.raises(ReadError, match=r"^line 3: no employer: expected PositionProfile/"):
        jobposting.read(document.encode(), "hrxml3")
