"""The generated fast path of the codec gives what the cattrs converter gives, or steps aside."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import case_dirs
from jobposting import codec, codec_fast
from jobposting.codec import CONVERTER, from_dict
from jobposting.errors import InvalidPostingError
from jobposting.model import Posting
from strategies import json_values, postings


def _case_documents() -> list[dict[str, Any]]:
    return [json.loads((case / "posting.json").read_bytes()) for case in case_dirs()]


def _outcome(document: Any) -> tuple[str, Any]:
    try:
        return ("posting", from_dict(document))
    except InvalidPostingError as exc:
        return ("problems", exc.problems)


def _slow_outcome(document: Any) -> tuple[str, Any]:
    with mock.patch.object(codec_fast, "structure", side_effect=codec_fast.Irregular):
        return _outcome(document)


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_every_case_structures_and_unstructures_as_the_converter_does(case: Path) -> None:
    document = json.loads((case / "posting.json").read_bytes())
    posting = codec_fast.structure(document)  # the fast path takes every case itself
    assert posting == CONVERTER.structure(document, Posting)
    assert codec_fast.unstructure(posting) == CONVERTER.unstructure(posting, Posting)
    assert list(codec_fast.unstructure(posting)) == list(CONVERTER.unstructure(posting, Posting))


@settings(max_examples=150, deadline=None)
@given(postings())
def test_generated_postings_go_both_ways_as_the_converter_does(posting: Posting) -> None:
    expected = CONVERTER.unstructure(posting, Posting)
    written = codec_fast.unstructure(posting)
    assert json.dumps(written) == json.dumps(expected)  # values and key order, nested too
    assert codec_fast.structure(copy.deepcopy(written)) == posting


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


def _replaced(document: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    changed = copy.deepcopy(document)
    parent = changed
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = new
    return changed


def _removed(document: Any, path: tuple[Any, ...]) -> Any:
    changed = copy.deepcopy(document)
    parent = changed
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]
    return changed


_ODD_VALUES: st.SearchStrategy[Any] = (
    json_values()
    | st.sampled_from([None, 3.0, 3.5, True, "", "FULL_TIME", "2026-01-01", "2026-13-01", [], {}])
    | st.sampled_from(["2026-01-01T09:00:00Z", "2026-01-01T09:00:00", ["x", 1], [{}]])
)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_a_changed_document_gives_the_converters_posting_or_problems(data: st.DataObject) -> None:
    document = data.draw(st.sampled_from(_case_documents()))
    path = data.draw(st.sampled_from(list(_places(document))))
    how = data.draw(st.sampled_from(["replace", "remove", "add"]))
    if how == "remove" and path:
        changed = _removed(document, path)
    elif how == "add" and isinstance(document_at(document, path), dict):
        key = data.draw(st.sampled_from(["unknown", "title", "id", "extensions", "name"]))
        changed = _replaced(document, (*path, key), data.draw(_ODD_VALUES))
    else:
        changed = _replaced(document, path, data.draw(_ODD_VALUES))
    before = copy.deepcopy(changed)
    assert _outcome(changed) == _slow_outcome(changed)
    assert changed == before  # neither path changes the document it reads


def document_at(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


@pytest.mark.parametrize(
    ("where", "value"),
    [
        (("hiringOrganization", "name"), None),
        (("title",), 7),
        (("employmentTypes",), "FULL_TIME"),
        (("employmentTypes",), ["FULL_TIME", "SOMETIMES"]),
        (("datePosted",), "yesterday"),
        (("unknownProperty",), "x"),
    ],
)
def test_malformed_documents_are_left_to_the_converter(where: tuple[str, ...], value: Any) -> None:
    document = _replaced(_case_documents()[0], where, value)
    with pytest.raises(codec_fast.Irregular):
        codec_fast.structure(document)
    assert _outcome(document) == _slow_outcome(document)
    assert _outcome(document)[0] == "problems"


def test_an_integral_float_in_an_integer_field_is_taken_by_the_converter() -> None:
    # JSON Schema counts 3.0 as an integer: the converter makes it an int, the fast path defers.
    found = [
        (case, path)
        for case in _case_documents()
        for path in _places(case)
        if path and path[-1] == "months" and type(document_at(case, path)) is int
    ]
    case, path = found[0]
    document = _replaced(case, path, float(document_at(case, path)))
    with pytest.raises(codec_fast.Irregular):
        codec_fast.structure(document)
    assert _outcome(document) == _slow_outcome(document) == ("posting", from_dict(case))


def test_to_dict_uses_the_generated_function() -> None:
    posting = codec.loads(json.dumps({"title": "T", "hiringOrganization": {"name": "O"}}))
    assert codec.to_dict(posting) == {"title": "T", "hiringOrganization": {"name": "O"}}
