"""Google's job-posting profile: required properties are errors, recommended ones warnings."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import REPO
from jobposting.profiles import google

TODAY = dt.date(2025, 6, 1)


def messages(node: dict[str, Any]) -> list[tuple[str, str]]:
    """(level, 'pointer: message') of every issue of a node."""
    return [(i.level, str(i.problem)) for i in google.check_node(node, today=TODAY)]


COMPLETE = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Nurse",
    "description": "<p>Care.</p>",
    "datePosted": "2025-05-01",
    "validThrough": "2025-07-01",
    "employmentType": ["FULL_TIME"],
    "hiringOrganization": {"@type": "Organization", "name": "Clinic"},
    "jobLocation": {
        "@type": "Place",
        "address": {
            "addressLocality": "Leeds", "addressRegion": "West Yorkshire", "postalCode": "LS1 1AA",
            "streetAddress": "1 Park Row", "addressCountry": "GB",
        },
    },
    "baseSalary": {"@type": "MonetaryAmount", "currency": "GBP",
                   "value": {"@type": "QuantitativeValue", "minValue": 30000, "maxValue": 34000, "unitText": "YEAR"}},
    "identifier": {"@type": "PropertyValue", "name": "Clinic", "value": "N-1"},
    "directApply": True,
}  # fmt: skip


def test_a_complete_posting_has_no_issue() -> None:
    """Every required and recommended property present and valid: nothing to say."""
    assert messages(COMPLETE) == []


def test_missing_hiring_organization_is_an_error_in_search_console_words() -> None:
    """The field is named as Search Console names it."""
    node = {key: value for key, value in COMPLETE.items() if key != "hiringOrganization"}
    assert messages(node) == [("error", '/hiringOrganization: Missing field "hiringOrganization"')]


def test_telecommute_needs_applicant_location_requirements() -> None:
    """A remote job without applicantLocationRequirements is an error (since 2022)."""
    node = {key: value for key, value in COMPLETE.items() if key != "jobLocation"}
    node["jobLocationType"] = "TELECOMMUTE"
    assert messages(node) == [
        (
            "error",
            '/applicantLocationRequirements: Missing field "applicantLocationRequirements"'
            ' (required with jobLocationType "TELECOMMUTE")',
        )
    ]


def test_invalid_and_missing_recommended_values_are_warnings() -> None:
    """Expired validThrough, pay of 0-0, a free-text employment type, pay and name in the title."""
    node = dict(COMPLETE, title="Nurse at Clinic - $30k", validThrough="2025-05-15",
                employmentType="Permanent")  # fmt: skip
    node["baseSalary"] = {"@type": "MonetaryAmount", "currency": "GBP",
                          "value": {"@type": "QuantitativeValue", "minValue": 0, "maxValue": 0, "unitText": "YEAR"}}  # fmt: skip
    del node["identifier"]
    assert messages(node) == [
        ("warning", '/validThrough: Invalid value in field "validThrough" (2025-05-15 is in the past: the job posting has expired)'),
        ("warning", "/employmentType: Invalid value in field \"employmentType\" ('Permanent': use CONTRACTOR, FULL_TIME, INTERN, OTHER, PART_TIME, PER_DIEM, TEMPORARY, VOLUNTEER)"),
        ("warning", '/baseSalary/value: Invalid value in field "baseSalary" (a pay of 0 hides the pay; leave baseSalary out instead)'),
        ("warning", '/identifier: Missing field "identifier"'),
        ("warning", '/title: Invalid value in field "title" (the title must not contain pay)'),
        ("warning", '/title: Invalid value in field "title" (the title must not contain the company name)'),
    ]  # fmt: skip


def test_missing_country_of_a_location_is_an_error() -> None:
    """jobLocation needs address.addressCountry."""
    node = json.loads(json.dumps(COMPLETE))
    del node["jobLocation"]["address"]["addressCountry"]
    assert messages(node) == [
        (
            "error",
            '/jobLocation/address/addressCountry: Missing field "addressCountry" (in "jobLocation.address")',
        )
    ]


def test_validate_profile_google_on_jsonld_and_canonical_input(tmp_path: Path) -> None:
    """The CLI fails a node without hiringOrganization, naming the field; warnings do not fail."""
    bad = tmp_path / "posting.jsonld"
    node = {key: value for key, value in COMPLETE.items() if key != "hiringOrganization"}
    bad.write_text(json.dumps(node), encoding="utf-8")
    command = [sys.executable, "-m", "jobposting.cli", "validate", "--profile", "google"]
    done = subprocess.run([*command, str(bad)], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{bad}: /hiringOrganization: is required",
        f'{bad}: /hiringOrganization: Missing field "hiringOrganization"',
    ]
    case = REPO / "tests/cases/minimal-required-only/posting.json"
    done = subprocess.run([*command, str(case)], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert f'{case}: /description: Missing field "description"' in done.stdout.splitlines()
    assert '/baseSalary: warning: Missing field "baseSalary"' in done.stdout


def test_check_document_reads_pages_as_published() -> None:
    """HTML input: each script block's postings are checked as they are."""
    page = REPO / "tests/wild/jsonld/realworld/linkedin_circle_4459277902.ldjson-scripts.html"
    ((where, issues),) = google.check_document(page.read_bytes(), today=TODAY)
    assert where == "script 1"
    assert [i.level for i in issues if i.level == "error"] == []


def test_unreadable_posting_gets_google_errors_only_for_fields_google_requires() -> None:
    """Canonical problems that are Google's required fields get Search Console's words too."""
    from jobposting.errors import InvalidPostingError
    from jobposting.problems import Problem

    error = InvalidPostingError(
        [
            Problem(
                pointer="/hiringOrganization/name", message="is required", code="schema.required"
            ),
            Problem(pointer="/title", message="must not be empty", code="schema.minLength"),
            Problem(
                pointer="/openings", message="0 is less than the minimum 1", code="schema.minimum"
            ),
        ]
    )
    assert google.unreadable_errors(error) == [
        Problem(
            pointer="/hiringOrganization/name",
            message='Missing field "name" (in "hiringOrganization")',
            code="google.missing-field",
        ),
        Problem(pointer="/title", message='Missing field "title"', code="google.missing-field"),
    ]
    assert google.unreadable_errors(ValueError("not a posting error")) == []
