"""Golden files: every writer's output for every case, byte for byte (`pytest --accept` rewrites).

``tests/cases/<case>/posting.<key>`` is the reviewed output of format ``key``'s writer. The
canonical ``json`` writer is checked against ``posting.json`` itself, which is hand-written.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import jobposting
from conftest import case_dirs
from jobposting import formats

WRITABLE = [entry.key for entry in formats.REGISTRY.values() if entry.writes]


@pytest.mark.parametrize("key", WRITABLE)
@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_writer_output_matches_golden(case: Path, key: str, accept: bool) -> None:
    """The writer's bytes for this case equal the reviewed golden file."""
    posting = jobposting.loads((case / "posting.json").read_text(encoding="utf-8"))
    sink = io.BytesIO()
    jobposting.write_to(posting, sink, key)
    golden = case / f"posting.{key}"
    if accept and key != "json":
        golden.write_bytes(sink.getvalue())
    assert golden.exists(), f"no golden {golden}; run pytest --accept and review it"
    assert sink.getvalue() == golden.read_bytes()
