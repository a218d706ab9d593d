"""Real JSON-LD, microdata and RDFa documents read into exactly the expected canonical JSON.

Every document under tests/wild/jsonld/ (copied from the shared corpus, see MANIFEST.md) has an
``.expected.json`` beside it listing each JobPosting found: its canonical JSON, the problems that
keep it from being valid, and the reader's diagnostics. ``pytest --accept`` rewrites them.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from jobposting import codec
from jobposting.formats import jsonld
from jobposting.formats.base import ReadOptions
from jobposting.schema import validate_document

WILD = REPO / "tests" / "wild" / "jsonld"
DOCUMENTS = sorted(p for p in WILD.rglob("*") if p.suffix in {".jsonld", ".html"} and p.is_file())


def expected_of(path: Path) -> list[dict[str, Any]]:
    """What the reader finds in a document, in the expected file's shape."""
    result = []
    for item in jsonld.found(path.read_bytes()):
        entry: dict[str, Any] = {"where": item.where}
        if item.document is None:
            entry["error"] = str(item.error)
        else:
            problems = validate_document(item.document)
            canonical = item.document if problems else codec.to_dict(codec.from_dict(item.document))
            entry["canonical"] = canonical
            entry["problems"] = [str(p) for p in problems]
        entry["diagnostics"] = [f"{d.code} {d.pointer}" for d in item.diagnostics]
        result.append(entry)
    return result


def test_every_corpus_document_is_here() -> None:
    """The folder holds the corpus (2 Google samples, 8 real pages, 15 schema.org examples) and
    the real pages added here (MANIFEST.md): a Workable page and its block."""
    assert len(DOCUMENTS) == 27


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(WILD)))
def test_document_reads_into_the_expected_canonical_json(path: Path, accept: bool) -> None:
    """document -> jsonld reader -> canonical JSON equals the reviewed expectation exactly."""
    expected_file = path.with_name(path.name + ".expected.json")
    found = expected_of(path)
    text = json.dumps(found, indent=2, ensure_ascii=False) + "\n"
    if accept:
        expected_file.write_text(text, encoding="utf-8")
    assert expected_file.exists(), f"no {expected_file.name}; run pytest --accept and review it"
    assert json.loads(expected_file.read_text(encoding="utf-8")) == found


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(WILD)))
def test_reading_never_crashes_and_strict_refuses_repairs(path: Path) -> None:
    """Every document gives records; strict mode turns any repair into an error record."""
    records = list(jsonld.read(io.BytesIO(path.read_bytes()), ReadOptions()))
    strict = list(jsonld.read(io.BytesIO(path.read_bytes()), ReadOptions(strict=True)))
    assert len(records) == len(strict) >= 1
    for lenient, refused in zip(records, strict, strict=True):
        if lenient.diagnostics:
            assert refused.posting is None
            assert refused.error is not None
        else:
            assert refused.posting == lenient.posting


def test_a_page_and_its_extracted_block_give_the_same_posting() -> None:
    """The JobPosting block read alone equals the posting read from its page."""
    for page in WILD.glob("realworld/*-script*.html"):
        block = page.with_name(page.name.split(".ldjson")[0] + ".jsonld")
        (from_page,) = [
            r.posting for r in jsonld.read(io.BytesIO(page.read_bytes()), ReadOptions())
        ]
        (from_block,) = [
            r.posting for r in jsonld.read(io.BytesIO(block.read_bytes()), ReadOptions())
        ]
        assert from_page == from_block, page.name
