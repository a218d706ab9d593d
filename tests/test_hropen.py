"""The ``hropen`` format: HR Open 4.3 PositionOpening, valid against the official XSD, lossless."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from lxml import etree

import jobposting
from conftest import CASES, case_dirs
from jobposting import codec
from jobposting._resources import data_dir
from jobposting.errors import ReadError
from jobposting.formats import hropen, hropen_read, hropen_write
from jobposting.formats.base import ReadOptions
from jobposting.model import Posting
from strategies import postings

NS = "https://hropenstandards.org/schema/xml/"


def written(posting: Posting) -> bytes:
    """The hropen writer's bytes for one posting."""
    sink = io.BytesIO()
    jobposting.write_to(posting, sink, "hropen")
    return sink.getvalue()


def load_case(case: Path) -> Posting:
    return jobposting.loads((case / "posting.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_every_case_validates_against_the_official_xsd(case: Path) -> None:
    """case -> hropen gives a document the HR Open 4.3 PositionOpening XSD accepts."""
    assert hropen.validate_xml(written(load_case(case))) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posting=postings())
def test_every_generated_posting_validates_against_the_official_xsd(posting: Posting) -> None:
    """Any valid posting -> hropen is XSD-valid (closed code lists, decimals, dates)."""
    assert hropen.validate_xml(written(posting)) == []


def test_the_xsd_is_shipped_with_its_licence_and_notices() -> None:
    """schemas/vendor/hropen-4.3 carries LICENSE.md and the notices the licence asks for."""
    vendor = data_dir("schemas") / "vendor" / "hropen-4.3"
    assert (vendor.joinpath(*hropen.SCHEMA_ENTRY[2:])).is_file()
    assert (vendor / "LICENSE.md").is_file()
    notice = (vendor / "NOTICE.md").read_text(encoding="utf-8")
    assert (
        "Copyright (c) The HR Open Standards Consortium. All Rights Reserved. "
        "http://www.hropenstandards.org"
    ) in notice
    assert "implements and complies with the Version 4.x (4.3) Specifications" in notice


def test_only_the_root_is_namespace_qualified() -> None:
    """HR Open 4.3 children are unqualified: a default namespace would fail the XSD."""
    root = etree.fromstring(written(load_case(case_dirs()[0])))
    assert root.tag == f"{{{NS}}}PositionOpening"
    assert all("}" not in element.tag for element in root.iterdescendants())


def test_pay_by_location_gives_one_profile_per_location() -> None:
    """Each location with its own pay range gets a positionProfiles/item of its own."""
    case = next(c for c in case_dirs() if c.name == "hybrid-multi-location-product-designer")
    posting = load_case(case)
    root = etree.fromstring(written(posting))
    profiles = root.findall("positionProfiles/item")
    assert len(profiles) >= len(posting.locations)
    for profile, location in zip(profiles, posting.locations, strict=False):
        assert profile.findtext("positionLocation/item/id/value") == location.id
        assert profile.find("offeredRemunerationPackage/ranges/item") is not None


def test_what_has_no_native_element_travels_in_extended_position_classifications() -> None:
    """The extras are name/value items named by a canonical JSON Pointer."""
    case = next(c for c in case_dirs() if c.name.startswith("capital-one"))
    root = etree.fromstring(written(load_case(case)))
    names = [str(n) for n in root.xpath("//extendedPositionClassifications/item/name/text()")]  # type: ignore[union-attr]
    assert "jobposting+json:/workAuthorization" in names
    assert "jobposting+order:/compensation/basePay" in names


def test_reading_accepts_qualified_children_with_a_diagnostic() -> None:
    """A document that qualifies every child (invalid per the XSD) still reads, noted."""
    document = (
        f'<PositionOpening xmlns="{NS}"><positionProfiles><item>'
        "<positionTitle>Nurse</positionTitle>"
        "<positionOrganizations><item><name>Clinic</name></item></positionOrganizations>"
        "</item></positionProfiles></PositionOpening>"
    ).encode()
    (record,) = jobposting.records(document, "hropen")
    assert record.posting is not None
    assert record.posting.title == "Nurse"
    assert [d.code for d in record.diagnostics] == ["hropen.qualified-children"]


@pytest.mark.parametrize("code", ["FullTime", "Full Time", "full-time"])
def test_schedule_codes_are_read_in_every_spelling(code: str) -> None:
    """Open code lists are read however they are spelled."""
    document = (
        f'<h:PositionOpening xmlns:h="{NS}"><positionProfiles><item>'
        "<positionTitle>Nurse</positionTitle>"
        f"<positionScheduleTypeCodes><item>{code}</item></positionScheduleTypeCodes>"
        "<positionOrganizations><item><name>Clinic</name></item></positionOrganizations>"
        "</item></positionProfiles></h:PositionOpening>"
    ).encode()
    assert jobposting.read(document, "hropen").employment_types == ("FULL_TIME",)


def test_malformed_xml_is_reported_with_its_line() -> None:
    """A document that is not well-formed gives one error naming the line and column."""
    document = f'<h:PositionOpening xmlns:h="{NS}">\n<positionProfiles>\n</item>'.encode()
    with pytest.raises(ReadError, match=r"^line 3, column \d+: malformed XML: "):
        jobposting.read(document, "hropen")


def test_a_document_without_an_employer_is_an_error() -> None:
    """The canonical posting needs an employer; the error says where HR Open keeps one."""
    document = f'<h:PositionOpening xmlns:h="{NS}"/>'.encode()
    with pytest.raises(ReadError, match="no employer: expected positionOrganizations/item/name"):
        jobposting.read(document, "hropen")


def test_validate_xml_reports_each_problem_with_its_line() -> None:
    """XSD problems carry the line of the offending element."""
    document = (
        f'<h:PositionOpening xmlns:h="{NS}">\n<statusCode>Open</statusCode>\n</h:PositionOpening>'
    )
    (problem,) = hropen.validate_xml(document.encode())
    assert problem.line == 2
    assert "statusCode" in problem.message
    assert "'Open' is not an element of the set" in problem.message


def test_writer_is_deterministic() -> None:
    """Same posting, same bytes."""
    posting = load_case(case_dirs()[0])
    assert written(posting) == written(posting)


def test_installed_layout_validates_with_its_own_xsd(tmp_path: Path) -> None:
    """Laid out as the wheel installs it (schemas/ force-included as jobposting/_data/schemas,
    no source checkout around it), the package finds the XSD inside itself and loads it offline.

    (The wheel's force-include of the whole schemas/ folder is pyproject's; test_packaging
    builds the wheel.)
    """
    import os
    import shutil
    import subprocess
    import sys

    from conftest import REPO

    site = tmp_path / "site"
    shutil.copytree(REPO / "src" / "jobposting", site / "jobposting")
    shutil.copytree(REPO / "schemas", site / "jobposting" / "_data" / "schemas")
    shutil.copytree(REPO / "converters", site / "jobposting" / "_data" / "converters")
    script = (
        "import sys; from jobposting.formats import hropen; "
        "print(hropen.schema() is not None); "
        "print(len(hropen.validate_xml(sys.stdin.buffer.read())))"
    )
    document = written(load_case(case_dirs()[0]))
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=document, env={**os.environ, "PYTHONPATH": str(site)}, cwd=tmp_path,
        capture_output=True, check=True,
    )  # fmt: skip
    assert done.stdout.decode().split() == ["True", "0"]


def test_validate_command_reports_xsd_problems_as_file_line_message(tmp_path: Path) -> None:
    """`jobposting validate` checks HR Open inputs against the XSD: `FILE:LINE: message`."""
    import subprocess
    import sys

    document = written(load_case(case_dirs()[-1])).decode()
    broken = document.replace("<statusCode>Active</statusCode>", "<statusCode>Open</statusCode>")
    assert broken != document
    path = tmp_path / "posting.xml"
    path.write_text(broken, encoding="utf-8")
    line = broken[: broken.index("<statusCode>")].count("\n") + 1
    done = subprocess.run(
        [sys.executable, "-m", "jobposting.cli", "validate", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    message = (
        "Element 'statusCode': [facet 'enumeration'] The value 'Open' is not an "
        "element of the set {'Active', 'Closed', 'Incomplete', 'OnHold'}.\n"
    )
    # FILE:LINE: message (the CLI may spell the line as "FILE: line LINE: message")
    assert done.stdout in (f"{path}:{line}: {message}", f"{path}: line {line}: {message}")


def test_validate_command_is_quiet_for_a_valid_document(tmp_path: Path) -> None:
    """A written document passes both the XSD and the canonical schema."""
    import subprocess
    import sys

    path = tmp_path / "posting.xml"
    path.write_bytes(written(load_case(case_dirs()[0])))
    done = subprocess.run(
        [sys.executable, "-m", "jobposting.cli", "validate", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def _lxml_element(tag: str, tree: dict[str, Any], parent: etree._Element | None) -> etree._Element:
    """The lxml element of a writer's tree (children of one tag together, as it writes them)."""
    if parent is None:
        element = etree.Element(tag, nsmap={"hropen": NS})
    else:
        element = etree.SubElement(parent, tag)
    element.text = tree[""]
    for child_tag, children in tree.items():
        for child in children if child_tag else ():
            _lxml_element(child_tag, child, element)
    return element


@given(postings())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(posting=jobposting.loads((case_dirs()[0] / "posting.json").read_text("utf-8")))
def test_the_serialiser_writes_what_lxml_writes(posting: Posting) -> None:
    """The writer's own serialiser gives lxml's pretty-printed bytes for the same tree."""
    document = codec.to_dict(posting)
    document["title"] = "R&D <lead>\r\n  engineer "  # escaped as lxml escapes text
    tree = hropen.build_tree(document)
    root = _lxml_element(f"{{{NS}}}PositionOpening", tree, None)
    expected = etree.tostring(root, encoding="UTF-8", pretty_print=True, xml_declaration=False)
    assert hropen_write.serialise(tree) == expected


def test_the_serialiser_refuses_what_lxml_refuses() -> None:
    tree = hropen.build_tree({"title": "a\x01b", "hiringOrganization": {"name": "Clinic"}})
    with pytest.raises(ValueError, match="All strings must be XML compatible"):
        hropen_write.serialise(tree)
    with pytest.raises(ValueError, match="All strings must be XML compatible"):
        etree.Element("x").text = "a\x01b"


@given(postings())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_written_tree_reads_as_the_written_document(posting: Posting) -> None:
    """The writer declares loss by reading its own tree back; that reading is the one a reader
    of the written bytes makes, so the extras are exactly what the native elements lose."""
    tree = hropen.build_tree(codec.to_dict(posting))
    from_tree = hropen_read.read_native(tree)
    parsed = etree.fromstring(written(posting))
    from_bytes = hropen_read.read_native(parsed)
    assert from_tree.document == from_bytes.document
    assert from_tree.extras == from_bytes.extras
    assert from_tree.orders == from_bytes.orders


def _schema_0_2_posting() -> Posting:
    return codec.from_dict(
        {
            "title": "Staff Nurse",
            "hiringOrganization": {"name": "Clinic"},
            "identifiers": [
                {
                    "scheme": "Handelsregister", "value": "HRB 12345",
                    "issuer": "Amtsgericht Augsburg",
                }
            ],
            "compensation": {
                "basePay": [
                    {"currency": "EUR", "minimum": 3800, "maximum": 4400, "period": "MONTH"}
                ],
                "incentives": [
                    {
                        "type": "COMMISSION",
                        "amount": {"currency": "EUR", "value": 200, "period": "MONTH"},
                    },
                    {"type": "BONUS", "amount": {"currency": "EUR", "maximum": 1500}},
                ],
            },
            "credentials": [
                {"kind": "LICENSE", "name": "Pflegefachfrau/-mann", "requirement": "REQUIRED"},
                {"kind": "LICENSE", "name": "Führerschein Klasse B", "requirement": "REQUIRED"},
            ],
        }
    )  # fmt: skip


def _fragment(root: etree._Element, path: str) -> str:
    (element,) = root.findall(path)
    etree.indent(element, space="")
    text = etree.tostring(element, encoding="unicode", with_tail=False)
    return text.replace("\n", "").replace(f' xmlns:hropen="{NS}"', "")


def test_schema_0_2_fields_with_a_native_element_are_written_there() -> None:
    """Issuer is schemeAgencyId, amounts are ranges of their pay type, licences are licences."""
    data = written(_schema_0_2_posting())
    assert hropen.validate_xml(data) == []
    root = etree.fromstring(data)
    assert _fragment(root, "alternateIds/item") == (
        "<item><value>HRB 12345</value><schemeId>Handelsregister</schemeId>"
        "<schemeAgencyId>Amtsgericht Augsburg</schemeAgencyId></item>"
    )
    ranges = root.findall("positionProfiles/item/offeredRemunerationPackage/ranges/item")
    assert [r.findtext("typeCode") for r in ranges] == ["BasePay", "Commission", "Bonus"]
    assert _fragment(root, "positionProfiles/item/offeredRemunerationPackage/ranges/item[2]") == (
        "<item><typeCode>Commission</typeCode>"
        "<referenceAmount><value>200</value><currency>EUR</currency></referenceAmount>"
        "<intervalCode>Month</intervalCode></item>"
    )
    assert _fragment(root, "positionProfiles/item/offeredRemunerationPackage/ranges/item[3]") == (
        "<item><typeCode>Bonus</typeCode>"
        "<maximumAmount><value>1500</value><currency>EUR</currency></maximumAmount></item>"
    )
    assert _fragment(root, "positionProfiles/item/positionQualifications/item/licences") == (
        "<licences><item>Pflegefachfrau/-mann</item><item>Führerschein Klasse B</item></licences>"
    )
    assert root.xpath("//extendedPositionClassifications") == []  # nothing left for extras
    (record,) = jobposting.records(data, "hropen")
    assert record.posting == _schema_0_2_posting()
    assert record.diagnostics == ()


def test_what_the_native_elements_cannot_say_stays_in_the_extras() -> None:
    """A sign-on bonus is a Bonus range; its type, a percentage and an equity grant are extras."""
    posting = codec.from_dict(
        {
            "title": "Engineer",
            "hiringOrganization": {"name": "Acme"},
            "compensation": {
                "incentives": [
                    {"type": "SIGN_ON_BONUS", "amount": {"currency": "USD", "value": 5000}},
                    {"type": "EQUITY", "amount": {"currency": "USD", "value": 20000}},
                    {"type": "BONUS", "percentOfBasePay": {"value": 15}},
                ]
            },
            "credentials": [
                {
                    "kind": "CERTIFICATION", "name": "AWS Solutions Architect",
                    "requirement": "PREFERRED",
                }
            ],
        }
    )  # fmt: skip
    data = written(posting)
    assert hropen.validate_xml(data) == []
    root = etree.fromstring(data)
    ranges = root.findall("positionProfiles/item/offeredRemunerationPackage/ranges/item")
    assert [r.findtext("typeCode") for r in ranges] == ["Bonus"]
    assert root.find(".//licences") is None
    names = [str(n) for n in root.xpath("//extendedPositionClassifications/item/name/text()")]  # type: ignore[union-attr]
    assert names == ["jobposting+json:/compensation/incentives", "jobposting+json:/credentials"]
    (record,) = jobposting.records(data, "hropen")
    assert record.posting == posting


def test_reading_other_pay_types_keeps_their_amounts_as_incentives() -> None:
    """Other pay types are incentives with amounts; Once is no period; no currency, no amount."""
    document = (
        f'<hropen:PositionOpening xmlns:hropen="{NS}"><alternateIds><item><value>7</value>'
        "<schemeAgencyId>ACME</schemeAgencyId></item></alternateIds>"
        "<positionProfiles><item><positionTitle>Waiter</positionTitle>"
        "<positionOrganizations><item><name>Diner</name></item></positionOrganizations>"
        "<offeredRemunerationPackage><ranges>"
        "<item><typeCode>Tip</typeCode><referenceAmount><value>40</value><currency>USD</currency>"
        "</referenceAmount><intervalCode>Day</intervalCode></item>"
        "<item><typeCode>Bonus</typeCode><referenceAmount><value>300</value><currency>USD</currency>"
        "</referenceAmount><intervalCode>Once</intervalCode></item>"
        "<item><typeCode>Overtime</typeCode><referenceAmount><value>1.5</value></referenceAmount></item>"
        "</ranges></offeredRemunerationPackage>"
        "<positionQualifications><item><licences><item>Food handler card</item></licences></item>"
        "</positionQualifications></item></positionProfiles></hropen:PositionOpening>"
    ).encode()
    (record,) = jobposting.records(document, "hropen")
    assert record.posting is not None
    canonical = codec.to_dict(record.posting)
    assert canonical["identifiers"] == [{"scheme": "ACME", "value": "7"}]
    assert canonical["compensation"]["incentives"] == [
        {"type": "TIPS", "amount": {"currency": "USD", "value": 40, "period": "DAY"}},
        {"type": "BONUS", "amount": {"currency": "USD", "value": 300}},
        {"type": "OVERTIME"},
    ]
    assert canonical["credentials"] == [
        {"kind": "LICENSE", "name": "Food handler card", "requirement": "REQUIRED"}
    ]
    assert [(p.pointer, p.code) for p in record.diagnostics] == [
        ("/compensation/incentives", "hropen.incentive")
    ]


def test_the_no_employer_error_names_the_line_of_the_position_opening() -> None:
    """The error of a document without an employer is located at its PositionOpening."""
    document = f'<?xml version="1.0"?>\n<h:PositionOpening xmlns:h="{NS}"/>'.encode()
    (record,) = jobposting.records(document, "hropen")
    assert isinstance(record.error, ReadError)
    assert record.error.where == "line 2"


@pytest.mark.parametrize("key", ["hropen", "hrxml3"])
def test_a_placeholder_employer_name_is_read_as_not_named(key: str) -> None:
    """Another system's document whose employer is "Confidential": the name is kept, marked."""
    golden = (CASES / "minimal-required-only" / f"posting.{key}").read_text("utf-8")
    document = golden.replace("Juniper Street Bistro", "Confidential")
    reader = jobposting.formats.REGISTRY[key].reader
    assert reader is not None
    (record,) = reader(io.BytesIO(document.encode()), ReadOptions())
    assert record.posting is not None
    organization = record.posting.hiring_organization
    assert (organization.name, organization.disclosed) == ("Confidential", False)
    assert [(d.pointer, d.code, d.message) for d in record.diagnostics] == [
        (
            "/hiringOrganization/disclosed",
            f"{key}.employer-not-named",
            "'Confidential' stands in the employer's place: the posting does not name it",
        )
    ]
