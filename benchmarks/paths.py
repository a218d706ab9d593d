"""What the benchmark measures: our conversion paths, their parse + serialise floors, and peers.

Each :class:`Subject` turns a corpus name into (inputs, function); one call of the function on
one input handles one document, and returns how many postings it handled.
"""

from __future__ import annotations

import importlib.util
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import corpus
from lxml import etree

from jobposting import codec, formats
from jobposting.formats.base import ReadOptions, WriteOptions

Work = tuple[list[Any], Callable[[Any], int]]

NO_VALIDATION = ReadOptions(validate=False)
WRITE = WriteOptions()
#: Postings generated for the "generated" corpus (the streaming check uses many more).
GENERATED = {"quick": 100, "full": 500}


@dataclass(frozen=True)
class Subject:
    """One row of the table: ours, a floor or a peer, for one conversion path."""

    path: str
    name: str
    kind: str  # "ours", "floor" or "peer"
    prepare: Callable[[str, str], Work]
    formats: tuple[str, ...] = ()
    modules: tuple[str, ...] = ()

    def missing(self) -> str | None:
        """Why this subject cannot run here, or None when it can."""
        for key in self.formats:
            if key not in formats.REGISTRY:
                return f"format {key!r} is not registered yet"
        for module in self.modules:
            if importlib.util.find_spec(module) is None:
                return f"{module} is not installed (pip install -e '.[bench]')"
        return None


# -- inputs ---------------------------------------------------------------------------------


def documents(corpus_name: str, size: str) -> list[dict[str, Any]]:
    """Canonical documents of a corpus: cases, real documents' expected output, or generated."""
    if corpus_name == "cases":
        return corpus.case_documents()
    if corpus_name == "wild":
        found: list[dict[str, Any]] = []
        for path in sorted(corpus.WILD.rglob("*.expected.json")):
            value = json.loads(path.read_text("utf-8"))
            # A page's expected output lists its records; a record may wrap its posting.
            for item in value if isinstance(value, list) else [value]:
                posting = item.get("canonical", item) if isinstance(item, dict) else None
                if posting:
                    found.append(posting)
        return found
    return list(corpus.generated_documents(GENERATED[size]))


def written(corpus_name: str, size: str, key: str) -> list[bytes]:
    """Inputs in format ``key``: each corpus document written by our writer, or real files."""
    if corpus_name == "wild":
        return [
            path.read_bytes()
            for path in corpus.wild_files(".xml", ".html", ".htm", ".txt", ".jsonld", ".json")
            if not path.name.startswith(("LICENSE", "MANIFEST", "README"))
            and formats.guess(path.name, path.read_bytes()[:65536]) == key
        ]
    writer = formats.REGISTRY[key].writer
    if writer is None:  # a read-only format (text): only real documents exist
        return []
    out = []
    for document in documents(corpus_name, size):
        sink = io.BytesIO()
        writer([codec.from_dict(document)], sink, WRITE)
        out.append(sink.getvalue())
    return out


def _readable(key: str, items: list[bytes]) -> list[bytes]:
    # A real document our reader cannot read yet would measure the error path: leave it out.
    reader = formats.REGISTRY[key].reader
    assert reader is not None
    return [
        item
        for item in items
        if all(r.posting is not None for r in reader(io.BytesIO(item), NO_VALIDATION))
    ]


# -- ours -----------------------------------------------------------------------------------


def _convert(source: str, target: str) -> Callable[[str, str], Work]:
    def prepare(corpus_name: str, size: str) -> Work:
        reader = formats.REGISTRY[source].reader
        writer = formats.REGISTRY[target].writer
        assert reader is not None
        assert writer is not None
        if source == "json":
            items = [json.dumps(d).encode() for d in documents(corpus_name, size)]
        else:
            items = written(corpus_name, size, source)
        items = _readable(source, items)

        def run(data: bytes) -> int:
            count = 0
            for record in reader(io.BytesIO(data), NO_VALIDATION):
                writer([record.posting], io.BytesIO(), WRITE)  # type: ignore[list-item]
                count += 1
            return count

        return items, run

    return prepare


def _validate(corpus_name: str, size: str) -> Work:
    from jobposting.schema import validate_document

    def run(document: dict[str, Any]) -> int:
        validate_document(document)
        return 1

    return documents(corpus_name, size), run


def _validate_without_fast_path(corpus_name: str, size: str) -> Work:
    from unittest import mock

    from jobposting import fastvalidate
    from jobposting.schema import validate_document

    mock.patch.object(fastvalidate, "schema_valid", return_value=False).start()

    def run(document: dict[str, Any]) -> int:
        validate_document(document)
        return 1

    return documents(corpus_name, size), run


# -- floors ---------------------------------------------------------------------------------


def _json_floor(key: str) -> Callable[[str, str], Work]:
    """json.loads + json.dumps (defaults: the C encoder) of the same documents."""

    def prepare(corpus_name: str, size: str) -> Work:
        if key == "json":
            texts = [json.dumps(d).encode() for d in documents(corpus_name, size)]
        else:
            texts = _readable(key, written(corpus_name, size, key))
        pairs = [(t, json.loads(t)) for t in texts]

        def run(pair: tuple[bytes, Any]) -> int:
            json.loads(pair[0])
            json.dumps(pair[1])
            return 1

        return pairs, run

    return prepare


def _xml_floor(corpus_name: str, size: str) -> Work:
    """lxml parse + serialise of the same XML documents."""
    items = _readable("hropen", written(corpus_name, size, "hropen"))

    def run(data: bytes) -> int:
        etree.tostring(etree.fromstring(data))
        return 1

    return items, run


# -- peers ----------------------------------------------------------------------------------


def _jsonschema(corpus_name: str, size: str) -> Work:
    import jsonschema

    from jobposting._resources import load_schema

    cls = jsonschema.Draft202012Validator
    validator = cls(load_schema(), format_checker=cls.FORMAT_CHECKER)

    def run(document: dict[str, Any]) -> int:
        list(validator.iter_errors(document))
        return 1

    return documents(corpus_name, size), run


def _page_jsonld(corpus_name: str, size: str) -> Work:
    """A page's JSON-LD blocks read into postings by the jsonld reader (as extruct only reads)."""
    reader = formats.REGISTRY["jsonld"].reader
    assert reader is not None
    pages = _readable("jsonld", _readable("html", written(corpus_name, size, "html")))

    def run(page: bytes) -> int:
        return sum(1 for _ in reader(io.BytesIO(page), NO_VALIDATION))

    return pages, run


def _pages(corpus_name: str, size: str) -> list[str]:
    return [p.decode("utf-8") for p in _readable("html", written(corpus_name, size, "html"))]


def _extruct(corpus_name: str, size: str) -> Work:
    import extruct

    def run(page: str) -> int:
        found = extruct.extract(page, syntaxes=["json-ld"], uniform=True)["json-ld"]
        return max(1, sum(1 for item in found if item.get("@type") == "JobPosting"))

    return _pages(corpus_name, size), run


def _trafilatura(corpus_name: str, size: str) -> Work:
    import trafilatura

    def run(page: str) -> int:
        trafilatura.extract(page)
        return 1

    return _pages(corpus_name, size), run


SUBJECTS: tuple[Subject, ...] = (
    Subject("json -> jsonld", "ours", "ours", _convert("json", "jsonld"), ("jsonld",)),
    Subject("json -> jsonld", "json.loads + json.dumps", "floor", _json_floor("jsonld")),
    Subject("jsonld -> json", "ours", "ours", _convert("jsonld", "json"), ("jsonld",)),
    Subject("jsonld -> json", "json.loads + json.dumps", "floor", _json_floor("jsonld"), ("jsonld",)),  # noqa: E501
    Subject("json -> hropen", "ours", "ours", _convert("json", "hropen"), ("hropen",)),
    Subject("json -> hropen", "lxml parse + serialise", "floor", _xml_floor, ("hropen",)),
    Subject("hropen -> json", "ours", "ours", _convert("hropen", "json"), ("hropen",)),
    Subject("hropen -> json", "lxml parse + serialise", "floor", _xml_floor, ("hropen",)),
    Subject("html -> json", "ours", "ours", _convert("html", "json"), ("html",)),
    Subject("html -> json", "trafilatura", "peer", _trafilatura, ("html",), ("trafilatura",)),
    Subject("page ld read", "ours (jsonld reader)", "ours", _page_jsonld, ("html", "jsonld")),
    Subject("page ld read", "extruct (JSON-LD only)", "peer", _extruct, ("html",), ("extruct",)),
    Subject("text -> json", "ours", "ours", _convert("text", "json"), ("text",)),
    Subject("validate", "ours", "ours", _validate),
    Subject("validate", "ours, jsonschema path only", "peer", _validate_without_fast_path),
    Subject("validate", "jsonschema Draft 2020-12", "peer", _jsonschema),
    Subject("json -> json", "ours", "ours", _convert("json", "json")),
    Subject("json -> json", "json.loads + json.dumps", "floor", _json_floor("json")),
)  # fmt: skip
