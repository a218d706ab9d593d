"""The jsonld writer: Google's shapes, the extension term, plain mode, and the safe script block."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

import jobposting
from conftest import REPO, case_dirs
from jobposting import model as m
from jobposting.formats import jsonld
from jobposting.formats.base import ReadOptions, WriteOptions
from jobposting.formats.jsonld_residual import residual

CASES = REPO / "tests" / "cases"


def case(name: str) -> m.Posting:
    """The canonical posting of a case folder."""
    return jobposting.loads((CASES / name / "posting.json").read_text(encoding="utf-8"))


def test_nodes_have_the_schema_org_context_and_google_shapes() -> None:
    """identifier is a PropertyValue, employmentType an array, pay a MonetaryAmount range."""
    node = jsonld.to_jsonld(case("hybrid-multi-location-product-designer"))
    assert node["@context"] == "https://schema.org"
    assert node["@type"] == "JobPosting"
    assert node["identifier"] == {
        "@type": "PropertyValue", "name": "Brightpath Health", "value": "BPH-DES-0412",
    }  # fmt: skip
    assert node["employmentType"] == ["FULL_TIME"]
    assert len(node["jobLocation"]) == 3
    assert node["jobLocation"][0]["address"]["addressCountry"] == "US"
    assert node["baseSalary"][0] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {
            "@type": "QuantitativeValue", "minValue": 128000, "maxValue": 152000, "unitText": "YEAR",
        },
    }  # fmt: skip
    assert node["educationRequirements"]["credentialCategory"] == "bachelor degree"
    assert node["experienceRequirements"][0]["@type"] == "OccupationalExperienceRequirements"
    assert node["applicationContact"]["contactType"] == "RECRUITER"


def test_remote_postings_are_telecommute_with_applicant_locations() -> None:
    """REMOTE is jobLocationType TELECOMMUTE plus applicantLocationRequirements."""
    node = jsonld.to_jsonld(case("remote-eu-countries-senior-backend-engineer"))
    assert node["jobLocationType"] == "TELECOMMUTE"
    assert {"@type": "Country", "name": "DE"} in node["applicantLocationRequirements"]
    assert "jobLocation" not in node


def test_description_holds_the_summary_and_marked_blocks() -> None:
    """Sections are plain <h2> blocks; blocks repeating dedicated fields are marked."""
    text = jsonld.to_jsonld(case("hybrid-multi-location-product-designer"))["description"]
    assert text.startswith("<p>Brightpath Health makes scheduling")
    assert '<h2 data-jobposting="responsibilities">Responsibilities</h2><ul><li>' in text
    assert "<h2>Tools we use</h2><p>Figma" in text


def test_what_schema_org_cannot_say_goes_into_the_extension_term() -> None:
    """Pay ranges for places, legal statement kinds and the language are in jp:canonical."""
    node = jsonld.to_jsonld(case("capital-one-lead-machine-learning-engineer"))
    residual = node[jsonld.EXTENSION_TERM]
    assert residual["@type"] == "@json"
    assert residual["@value"]["language"] == "en-US"
    assert residual["@value"]["compensation"]["basePay"]["0"]["appliesTo"] == {
        "label": "Sales Territory"
    }
    assert residual["@value"]["legalStatements"][1] == {
        "kind": "AGENCY", "text": "No agencies please.",
    }  # fmt: skip
    assert "title" not in residual["@value"]


def test_a_posting_schema_org_can_hold_needs_no_extension_term() -> None:
    """Only required data: plain schema.org, nothing else."""
    node = jsonld.to_jsonld(case("minimal-required-only"))
    assert node == {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Line Cook",
        "hiringOrganization": {"@type": "Organization", "name": "Juniper Street Bistro"},
    }


@pytest.mark.parametrize("folder", case_dirs(), ids=lambda p: p.name)
def test_own_output_reads_back_exactly_without_repairs(folder: Path) -> None:
    """case -> jsonld -> case, with no diagnostics, also in strict mode."""
    posting = case(folder.name)
    data = jobposting.write(posting, "jsonld").encode()
    (record,) = jsonld.read(io.BytesIO(data), ReadOptions(strict=True))
    assert record.diagnostics == ()
    assert record.posting == posting


def test_output_is_deterministic() -> None:
    """The same posting gives the same bytes."""
    posting = case("capital-one-lead-machine-learning-engineer")
    assert jobposting.write(posting, "jsonld") == jobposting.write(posting, "jsonld")


def test_several_postings_are_one_graph() -> None:
    """Two postings: one @context, a @graph of two nodes; both read back in order."""
    first, second = case("minimal-required-only"), case("internship-data-analyst-summer")
    text = jobposting.write([first, second], "jsonld")
    document = json.loads(text)
    assert list(document) == ["@context", "@graph"]
    assert [node["@type"] for node in document["@graph"]] == ["JobPosting", "JobPosting"]
    assert list(jobposting.read_all(text, "jsonld")) == [first, second]


def test_plain_mode_reports_exactly_the_paths_it_drops() -> None:
    """Plain output has no extension term; each lost canonical path is named once."""
    posting = m.Posting(
        title="Welder",
        language="en",
        hiring_organization=m.Organization(name="Forge Ltd"),
        locations=(m.Location(id="york", locality="York", country="GB"),),
        compensation=m.Compensation(
            base_pay=(
                m.PayRange(
                    currency="GBP", minimum=30000, maximum=34000, period=m.PayPeriod.YEAR,
                    applies_to=m.PayAppliesTo(location_id="york"),
                ),
            )
        ),
    )  # fmt: skip
    assert jsonld.dropped_paths(posting) == ["/language", "/compensation/basePay/0/appliesTo"]
    reported: list[str] = []
    options = WriteOptions(plain=True, report=lambda problem: reported.append(problem.pointer))
    sink = io.BytesIO()
    jsonld.write([posting], sink, options)
    assert jsonld.EXTENSION_TERM not in json.loads(sink.getvalue())
    assert reported == ["/language", "/compensation/basePay/0/appliesTo"]


XSS = "</script><script>alert(1)</script>"


def xss_posting() -> m.Posting:
    """A posting whose texts try to end the script element and run code."""
    return m.Posting(
        title=XSS,
        description="<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \u2028 &amp; &lt;!--</p>",
        hiring_organization=m.Organization(name="<!--Evil & Co-->"),
        responsibilities=("Line\u2029separator", XSS),
    )


def test_script_element_keeps_a_hostile_posting_inert() -> None:
    """<, >, & and U+2028/9 are JSON escapes: one script element, whose JSON is the node."""
    posting = xss_posting()
    element = jsonld.script_element(posting)
    body = element.removeprefix('<script type="application/ld+json">\n').removesuffix("\n</script>")
    for character in "<>&\u2028\u2029":
        assert character not in body
    assert element.count("</script") == 1
    page = lxml.html.document_fromstring(f"<html><body>{element}<p>after</p></body></html>")
    scripts = page.findall(".//script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].text or "") == jsonld.to_jsonld(posting)
    (record,) = jobposting.records(f"<html><body>{element}</body></html>".encode(), "jsonld")
    assert record.posting == posting


def test_convert_script_and_plain_flags(tmp_path: Path) -> None:
    """--script writes the block; --plain names what it drops on stderr."""
    source = CASES / "remote-eu-countries-senior-backend-engineer" / "posting.json"
    run = [sys.executable, "-m", "jobposting.cli", "convert", str(source), "-t", "jsonld"]
    script = subprocess.run([*run, "--script"], capture_output=True, text=True, check=True)
    assert script.stdout.startswith('<script type="application/ld+json">\n{\n')
    assert script.stdout.endswith("\n</script>\n")
    plain = subprocess.run([*run, "--plain"], capture_output=True, text=True, check=True)
    assert jsonld.EXTENSION_TERM not in plain.stdout
    assert "posting 1: /language dropped (schema.org has no place for it)" in plain.stderr


def test_the_residual_tells_true_from_1_and_1_from_1_0() -> None:
    """Values equal in Python but not in JSON are part of the residual; equal ones are not."""
    nan = float("nan")
    assert residual({"a": True, "b": 1.0, "c": 2}, {"a": 1, "b": 1, "c": 2}) == {
        "a": True,
        "b": 1.0,
    }
    assert residual({"a": [1, {"b": 2}]}, {"a": [1, {"b": 2.0}]}) == {"a": {"1": {"b": 2}}}
    assert residual({"a": [nan]}, {"a": [nan]}) == {"a": {"0": nan}}  # NaN is not even itself
    assert residual({"a": {"x": [1, "y"]}}, {"a": {"x": [1, "y"]}, "z": 0}) == {"z": None}


def test_unknown_properties_read_from_a_page_are_written_back() -> None:
    """jsonld -> canonical -> jsonld keeps a property the model has no place for."""
    data = (REPO / "tests/wild/jsonld/schemaorg/eg-0283.jsonld").read_bytes()
    source = json.loads(data)
    (item,) = jsonld.found(data)
    assert item.document is not None
    node = jsonld.to_jsonld(
        jobposting.codec.from_dict({**item.document, "hiringOrganization": {"name": "X"}})
    )
    assert node["sensoryRequirement"] == source["sensoryRequirement"]
    assert jsonld.EXTENSION_TERM not in node


def _credential_posting() -> m.Posting:
    return m.Posting(
        title="Registered Nurse",
        hiring_organization=m.Organization(name="St Anne's"),
        required_qualifications=("Two years on a ward",),
        credentials=(
            m.Credential(
                kind=m.CredentialKind.LICENSE, name="RN licence", issuer="State Board of Nursing",
                requirement=m.RequirementLevel.REQUIRED, text="An active RN licence",
            ),
            m.Credential(
                kind=m.CredentialKind.REGISTRATION, name="NMC registration",
                requirement=m.RequirementLevel.REQUIRED,
            ),
            m.Credential(
                kind=m.CredentialKind.CERTIFICATION, name="BLS", issuer="American Heart Association",
                requirement=m.RequirementLevel.REQUIRED,
            ),
        ),
    )  # fmt: skip


def test_credentials_are_qualifications_credential_nodes() -> None:
    """Each credential is an EducationalOccupationalCredential after the qualification texts."""
    node = jsonld.to_jsonld(_credential_posting())
    assert node["qualifications"] == [
        "Two years on a ward",
        {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "name": "RN licence",
            "recognizedBy": {"@type": "Organization", "name": "State Board of Nursing"},
            "description": "An active RN licence",
        },
        {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "registration",
            "name": "NMC registration",
        },
        {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "certification",
            "name": "BLS",
            "recognizedBy": {"@type": "Organization", "name": "American Heart Association"},
        },
    ]
    assert jsonld.EXTENSION_TERM not in node  # everything read back natively
    assert jsonld.dropped_paths(_credential_posting()) == []
    (record,) = jsonld.read(io.BytesIO(json.dumps(node).encode()), ReadOptions(strict=True))
    assert record.posting == _credential_posting()


def test_grouped_and_preferred_credentials_keep_both_in_the_extension_term() -> None:
    """The alternative group and a PREFERRED level are not schema.org: only they are residual."""
    node = jsonld.to_jsonld(case("hourly-temporary-warehouse-associate"))
    assert node["qualifications"][-1] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "license",
        "name": "Reach truck licence",
        "description": "A counterbalance or reach truck licence (RTITB or ITSSAR accredited)",
    }
    assert node[jsonld.EXTENSION_TERM]["@value"]["credentials"] == {
        "0": {"requirement": "PREFERRED", "alternativeGroup": "lift-truck-licence"},
        "1": {"requirement": "PREFERRED", "alternativeGroup": "lift-truck-licence"},
    }


def test_a_page_giving_credentials_as_qualifications_reads_them_as_credentials() -> None:
    """Licence, registration and certification categories are credentials; degrees education."""
    page = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": "Truck Driver",
        "hiringOrganization": "Haulage Co",
        "qualifications": [
            "Clean driving record",
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "Licence",
                "name": "CDL Class A",
                "recognizedBy": {"@type": "Organization", "name": "FMCSA", "url": "https://x.example"},
            },
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "certification",
                "description": "HazMat endorsement",
            },
            {"@type": "EducationalOccupationalCredential", "credentialCategory": "high school"},
        ],
        "educationRequirements": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "registration",
            "name": "Registered with the DVSA",
            "recognizedBy": "DVSA",
        },
    }  # fmt: skip
    (item,) = jsonld.found(json.dumps(page).encode())
    assert item.document is not None
    document = item.document
    assert document["requiredQualifications"] == ["Clean driving record"]
    assert document["educationRequirements"] == [
        {"levels": ["HIGH_SCHOOL"], "requirement": "REQUIRED"}
    ]
    assert document["credentials"] == [
        {"kind": "LICENSE", "name": "CDL Class A", "issuer": "FMCSA", "requirement": "REQUIRED"},
        {"kind": "CERTIFICATION", "name": "HazMat endorsement", "requirement": "REQUIRED"},
        {
            "kind": "REGISTRATION", "name": "Registered with the DVSA", "issuer": "DVSA",
            "requirement": "REQUIRED",
        },
    ]  # fmt: skip
    assert document["extensions"]["jsonld"] == {
        "/qualifications/1/recognizedBy/url": "https://x.example"
    }
    notes = [(p.pointer, p.code) for p in item.diagnostics]
    assert ("/qualifications/2", "value.type") in notes


def test_a_skill_with_only_a_group_stays_a_bare_text() -> None:
    """alternativeGroup alone does not make a skill a DefinedTerm; the group is residual."""
    node = jsonld.to_jsonld(case("internship-data-analyst-summer"))
    assert node["skills"] == ["SQL", "Excel", "Python", "R", "Tableau"]
    assert node[jsonld.EXTENSION_TERM]["@value"]["skills"] == {
        "0": {"requirement": "REQUIRED"},
        "1": {"requirement": "REQUIRED"},
        "2": {"requirement": "PREFERRED", "alternativeGroup": "python-or-r"},
        "3": {"requirement": "PREFERRED", "alternativeGroup": "python-or-r"},
        "4": {"requirement": "PREFERRED"},
    }
