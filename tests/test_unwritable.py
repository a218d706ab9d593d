"""What no writer can take is refused with the posting and a pointer, never an internal error:
lone surrogates (``"\\ud800"`` in JSON) where they are read, invalid postings where they are
written."""

from __future__ import annotations

import io
import json

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import jobposting
from conftest import REPO
from jobposting import surrogates
from jobposting.errors import ReadError, WriteError
from jobposting.formats.base import ReadOptions

MESSAGE = (
    "holds a lone surrogate (U+D800), which is not Unicode text: write the character itself, "
    "or its escaped surrogate pair"
)
DOCUMENT = '{"title": "Nurse \\ud800", "hiringOrganization": {"name": "Clinic"}}'


def test_loads_names_the_string() -> None:
    with pytest.raises(ReadError) as caught:
        jobposting.loads(DOCUMENT)
    assert (caught.value.where, caught.value.message) == ("/title", MESSAGE)


@pytest.mark.parametrize("key", ["json", "jsonl"])
def test_the_json_readers_give_a_record_error_with_the_pointer(key: str) -> None:
    reader = jobposting.formats.REGISTRY[key].reader
    assert reader is not None
    (record,) = reader(io.BytesIO(DOCUMENT.encode()), ReadOptions(validate=False))
    assert record.posting is None
    assert isinstance(record.error, ReadError)
    assert (record.error.where, record.error.message) == ("/title", MESSAGE)


def test_a_valid_pair_is_one_character_and_is_read() -> None:
    posting = jobposting.loads(DOCUMENT.replace("\\ud800", "\\ud83d\\ude00"))
    assert posting.title == "Nurse \U0001f600"


def test_validate_reports_it_for_documents_built_in_python() -> None:
    document = {"title": "Nurse", "hiringOrganization": {"name": "Clinic \udfff"}}
    problems = [(p.pointer, p.code, p.message) for p in jobposting.validate(document)]
    assert problems == [
        ("/hiringOrganization/name", "not-unicode", MESSAGE.replace("U+D800", "U+DFFF"))
    ]


@pytest.mark.parametrize("key", ["json", "jsonl", "jsonld", "html", "markdown"])
def test_writers_refuse_it_with_the_posting_and_the_pointer(key: str) -> None:
    case = REPO / "tests" / "cases" / "minimal-required-only" / "posting.json"
    posting = attrs.evolve(jobposting.loads(case.read_text("utf-8")), title="Nurse \ud800")
    with pytest.raises(WriteError) as caught:
        jobposting.write(posting, key)
    expected = f"{key}: posting 1 is not valid, so it cannot be written: /title: {MESSAGE}"
    assert str(caught.value) == expected


@given(
    st.recursive(
        st.text(max_size=4),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
        ),
        max_leaves=8,
    )
)
def test_find_names_the_first_string_that_cannot_be_encoded(value: object) -> None:
    """``find`` is None exactly when the value's JSON text encodes as UTF-8."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        assert surrogates.find(value) is not None
    else:
        assert surrogates.find(value) is None
    assert surrogates.escaped_in(json.dumps(value)) or surrogates.find(value) is None


def _posting_without_validation(document: dict[str, object]) -> jobposting.Posting:
    reader = jobposting.formats.REGISTRY["json"].reader
    assert reader is not None
    (record,) = reader(io.BytesIO(json.dumps(document).encode()), ReadOptions(validate=False))
    assert record.posting is not None
    return record.posting


@pytest.mark.parametrize("key", ["markdown", "html"])
def test_an_invalid_posting_a_writer_cannot_take_is_a_write_error(key: str) -> None:
    """Read without validation, a pay range with no amount: the writer says which rule."""
    posting = _posting_without_validation(
        {
            "title": "Nurse",
            "hiringOrganization": {"name": "Clinic"},
            "compensation": {"basePay": [{"currency": "EUR", "period": "HOUR"}]},
        }
    )
    with pytest.raises(WriteError) as caught:
        jobposting.write(posting, key)
    assert str(caught.value) == (
        f"{key}: posting 1 is not valid, so it cannot be written: /compensation/basePay/0: "
        "needs at least one of minimum, maximum, value"
    )


def test_a_valid_posting_a_writer_fails_on_is_a_bug_and_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: object) -> None:
        raise KeyError("a writer's bug")

    entry = jobposting.formats.REGISTRY["markdown"]
    monkeypatch.setitem(jobposting.formats.REGISTRY, "markdown", attrs.evolve(entry, writer=broken))
    case = REPO / "tests" / "cases" / "minimal-required-only" / "posting.json"
    with pytest.raises(KeyError, match="a writer's bug"):
        jobposting.write(jobposting.loads(case.read_text("utf-8")), "markdown")
