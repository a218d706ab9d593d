"""Shared pytest set-up: the --accept flag that rewrites golden files instead of comparing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "cases"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--accept",
        action="store_true",
        default=False,
        help="write golden files from the current output instead of comparing (review the diff)",
    )


@pytest.fixture
def accept(request: pytest.FixtureRequest) -> bool:
    """True when the run was started with --accept: golden tests rewrite their files."""
    return bool(request.config.getoption("--accept"))


def case_dirs() -> list[Path]:
    """Every hand-curated case folder (one posting.json each), sorted by name."""
    return sorted(p.parent for p in CASES.glob("*/posting.json"))


def schema_0_2_0_document(language: str = "en") -> dict[str, Any]:
    """Canonical JSON that uses every field schema 0.2.0 added, with the edge cases of the
    writers: a range, an open range and a percentage; a group of alternatives split by
    another entry; a group that stands together; identifier and credential issuers."""
    return {
        "language": language,
        "title": "Nurse",
        "hiringOrganization": {
            "name": "Clinic",
            "identifiers": [
                {"scheme": "Handelsregister", "value": "HRB 1", "issuer": "Amtsgericht Augsburg"}
            ],
        },
        "compensation": {
            "payScale": {"agreement": "General Schedule", "grade": "GS-12", "step": "3",
                         "text": "Step by experience"},
            "incentives": [
                {"type": "SIGN_ON_BONUS", "amount": {"currency": "USD", "maximum": 10000}},
                {"type": "BONUS", "discretionary": True,
                 "amount": {"currency": "USD", "minimum": 5000, "maximum": 8000,
                            "period": "YEAR"},
                 "percentOfBasePay": {"value": 12.5}},
            ],
        },
        "educationRequirements": [
            {"levels": ["BACHELOR_DEGREE"], "fieldsOfStudy": ["Nursing"],
             "relatedFieldsAccepted": False, "requirement": "REQUIRED"}
        ],
        "credentials": [
            {"kind": "REGISTRATION", "name": "NMC registration",
             "issuer": "Nursing and Midwifery Council", "requirement": "REQUIRED"}
        ],
        "skills": [
            {"name": "Java", "requirement": "REQUIRED", "alternativeGroup": "jvm"},
            {"name": "SQL"},
            {"name": "Kotlin", "requirement": "REQUIRED", "alternativeGroup": "jvm"},
        ],
        "languageRequirements": [
            {"language": "de", "requirement": "PREFERRED", "alternativeGroup": "de-or-nl"},
            {"language": "nl", "requirement": "PREFERRED", "alternativeGroup": "de-or-nl"},
        ],
    }  # fmt: skip
