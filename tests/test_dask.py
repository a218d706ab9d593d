"""jobposting.dask on Dask's local scheduler: the same outcomes as the library, line for line."""

# dask.bag's methods carry no type annotations.
# mypy: disallow-untyped-calls=False

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="the optional extra `dask` is not installed")

import jobposting
import jobposting.dask as jd
from conftest import case_dirs
from jobposting.errors import UnknownFormatError
from jobposting.problems import Problem
from jobposting.schema import validate_document

BROKEN = '{"title": "Nurse",'
INVALID = '{"id": "bad-1", "title": "Nurse", "hiringOrganization": {"name": "C"}, "openings": 0}'


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two JSONL files: every case (twice over), a broken line, an invalid posting, a blank."""
    lines = [
        json.dumps(json.loads((case / "posting.json").read_text("utf-8"))) for case in case_dirs()
    ]
    (tmp_path / "a.jsonl").write_text("\n".join([*lines, BROKEN, "", INVALID]) + "\n", "utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return tmp_path


def expected_outputs() -> list[str]:
    """What jobposting.write gives for every case as jsonl, in case order."""
    return [
        jobposting.write(jobposting.loads((c / "posting.json").read_bytes()), "jsonl")
        for c in case_dirs()
    ]


def test_convert_gives_one_outcome_per_line(corpus: Path) -> None:
    """Good lines become their jsonl text; a broken and an invalid line keep their errors."""
    outcomes = jd.convert(jd.read_jsonl(str(corpus / "*.jsonl")), to="jsonl").compute(
        scheduler="sync"
    )
    written = expected_outputs()
    assert [o.output for o in outcomes if o.ok] == written + written
    failed = [o for o in outcomes if not o.ok]
    assert (
        failed[0].error
        == "line 1, column 19: invalid JSON: Expecting property name enclosed in double quotes"
    )
    assert failed[1].problems == (
        Problem(pointer="/openings", message="0 is less than the minimum 1", code="schema.minimum"),
    )
    assert failed[1].id == "bad-1"
    assert len(outcomes) == 2 * len(written) + 2


def test_validate_gives_the_library_problems(corpus: Path) -> None:
    """validate finds exactly what validate_document finds, posting by posting."""
    outcomes = jd.validate(jd.read_jsonl(str(corpus / "a.jsonl"))).compute(scheduler="sync")
    assert [o.problems for o in outcomes if o.error is None][-1] == tuple(
        validate_document(json.loads(INVALID))
    )
    assert sum(o.ok for o in outcomes) == len(case_dirs())
    assert [o.error is not None for o in outcomes].count(True) == 1


def test_small_partitions_lose_and_repeat_nothing(corpus: Path) -> None:
    """Splitting files into byte ranges still reads every line exactly once."""
    lines = jd.read_jsonl(str(corpus / "b.jsonl"), blocksize=2048)
    assert lines.npartitions > 3
    outcomes = jd.convert(lines, to="jsonl").compute(scheduler="sync")
    assert [o.output for o in outcomes] == expected_outputs()


def test_processes_scheduler_gives_the_same_outcomes(corpus: Path) -> None:
    """Tasks and outcomes survive pickling to worker processes, as on a cluster."""
    bag = jd.convert(jd.read_jsonl(str(corpus / "*.jsonl"), blocksize=4096), to="jsonl")
    assert bag.compute(scheduler="processes", num_workers=2) == bag.compute(scheduler="sync")


def test_convert_files_reads_whole_documents() -> None:
    """Each file is read whole, its format guessed; one outcome per posting."""
    paths = [c / "posting.json" for c in case_dirs()]
    outcomes = jd.convert_files(paths, to="jsonl").compute(scheduler="sync")
    assert [o.output for o in outcomes] == expected_outputs()


def test_unknown_target_fails_before_any_task(corpus: Path) -> None:
    """A format that cannot be written is refused on the client, before computing."""
    with pytest.raises(UnknownFormatError, match=r"^unknown format 'pdf'"):
        jd.convert(jd.read_jsonl(str(corpus / "a.jsonl")), to="pdf")
