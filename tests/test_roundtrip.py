"""Round trips through every registered format that reads and writes, over every case.

The grid comes from the registry and the case folders, never from a hand-kept list. A format
declares what it preserves (``Format.preserves``); a format that preserves everything must give
back exactly the posting it was given. Known failures sit in KNOWN_LOSSES with a reason.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import jobposting
from conftest import case_dirs
from jobposting import formats
from jobposting.model import Posting
from strategies import postings

ROUND_TRIP_FORMATS = [
    entry.key for entry in formats.REGISTRY.values() if entry.reads and entry.writes
]

#: (format key, case name) -> why that round trip is not the identity yet.
KNOWN_LOSSES: dict[tuple[str, str], str] = {}


def round_trip(posting: Posting, key: str) -> Posting:
    """posting -> format key -> posting, through the registry's writer and reader."""
    sink = io.BytesIO()
    jobposting.write_to(posting, sink, key)
    return jobposting.read(sink.getvalue(), key)


def test_every_project_format_is_counted() -> None:
    """The grid is not empty: at least the canonical formats take part."""
    assert {"json", "jsonl"} <= set(ROUND_TRIP_FORMATS)


def assert_round_trips(posting: Posting, key: str) -> None:
    """posting -> key -> posting is the identity."""
    assert round_trip(posting, key) == posting


@pytest.mark.parametrize("key", ROUND_TRIP_FORMATS)
@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_case_round_trips_to_the_identity(case: Path, key: str) -> None:
    """case -> format -> case gives back an equal posting."""
    reason = KNOWN_LOSSES.get((key, case.name))
    if reason:
        pytest.xfail(reason)
    posting = jobposting.loads((case / "posting.json").read_text(encoding="utf-8"))
    assert_round_trips(posting, key)


@pytest.mark.parametrize("key", ROUND_TRIP_FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posting=postings())
def test_generated_postings_round_trip(key: str, posting: Posting) -> None:
    """Any valid posting -> format -> posting is the identity."""
    assert_round_trips(posting, key)
