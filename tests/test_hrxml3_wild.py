"""Real HR-XML 3.2 and HR Open documents (tests/wild/hrxml) read into their exact canonical JSON.

Each ``<name>.xml`` is read with its format guessed from its namespace; the posting must equal
``<name>.expected.json`` byte for byte (or the error ``<name>.expected-error.txt``). The
expected files are reviewed by hand; ``pytest --accept`` rewrites them from the readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import jobposting
from conftest import REPO

WILD = REPO / "tests" / "wild" / "hrxml"
DOCUMENTS = sorted(WILD.glob("*.xml"))


def test_the_corpus_is_here() -> None:
    """The wild folder holds the EURES exports, the official 3.2 examples and the 4.3 samples."""
    names = {path.name for path in DOCUMENTS}
    assert {"ad_1.xml", "ProcessPositionOpening-Example-1.xml"} <= names
    assert (WILD / "MANIFEST.md").is_file()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_reads_into_its_expected_posting(path: Path, accept: bool) -> None:
    """document -> canonical gives exactly the reviewed posting (or the reviewed error)."""
    records = list(jobposting.records(path.read_bytes(), name=path.name))
    assert len(records) == 1
    record = records[0]
    expected_json = path.with_suffix(".expected.json")
    expected_error = path.with_name(path.stem + ".expected-error.txt")
    if record.posting is None:
        got = f"{record.error}\n"
        if accept:
            expected_error.write_text(got, encoding="utf-8")
        assert expected_error.read_text(encoding="utf-8") == got
        assert not expected_json.exists()
        return
    got = jobposting.dumps(record.posting)
    if accept:
        expected_json.write_text(got, encoding="utf-8")
    assert expected_json.read_text(encoding="utf-8") == got
    assert not expected_error.exists()


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_round_trips_through_its_own_format(path: Path) -> None:
    """document -> canonical -> same format -> canonical keeps every canonical field."""
    records = list(jobposting.records(path.read_bytes(), name=path.name))
    posting = records[0].posting
    if posting is None:
        pytest.skip("this document has no canonical posting (see its expected error)")
    key = jobposting.formats.guess(path.name, path.read_bytes())
    assert jobposting.read(jobposting.write(posting, key), key) == posting


def test_eures_export_reads_title_employer_location_and_dates() -> None:
    """The fields a consumer needs first come from their EURES elements."""
    posting = jobposting.read((WILD / "ad_1.xml").read_bytes())
    assert posting.title == "Motorkyndige Teknikkere/ Elektrikkere/ Feilsøkere"
    assert posting.hiring_organization.name == "NORDISK TOGTEKNIKK AS"
    assert posting.locations[0].locality == "OSLO"
    assert posting.locations[0].country == "NO"
    assert str(posting.valid_through) == "2019-03-01"
    assert str(posting.start_date) == "2019-03-01"
