"""Shared pytest set-up: the --accept flag that rewrites golden files instead of comparing."""

from __future__ import annotations

from pathlib import Path

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
