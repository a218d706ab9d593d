"""The compiled fast path (extra ``fast``): jsonschema's verdicts and the very same problems.

Every check compares three things on one document: the verdict of the compiled validator, the
verdict of the jsonschema library, and ``validate_document`` with and without the fast path
(pointer, message and code of every problem).
"""

from __future__ import annotations

import copy
import decimal
import importlib.util
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import test_validate as validate_tests
from conftest import case_dirs
from jobposting import codec, fastvalidate
from jobposting.model import Posting
from jobposting.problems import Problem
from jobposting.richtext import rich_text_problems
from jobposting.schema import _validator, validate_document
from strategies import postings, rich_texts

minimal = validate_tests.minimal

#: Tests of the compiled validator; the rich-text check is plain Python and always runs.
needs_fast = pytest.mark.skipif(
    importlib.util.find_spec("jsonschema_rs") is None,
    reason="the optional extra `fast` (jsonschema-rs) is missing",
)


@contextmanager
def fast_path_off() -> Iterator[None]:
    """Within the block, validate_document takes the jsonschema-only path."""
    with mock.patch.object(fastvalidate, "schema_valid", return_value=False):
        yield


def pure_problems(document: Any) -> list[Problem]:
    """validate_document as it is without the extra."""
    with fast_path_off():
        return validate_document(document)


def assert_identical(document: Any) -> None:
    """Same verdict as jsonschema, and the same problems with and without the fast path."""
    assert fastvalidate.schema_valid(document) == _validator().is_valid(document)
    assert validate_document(document) == pure_problems(document)


@needs_fast
def test_fast_path_is_on() -> None:
    """With jsonschema-rs installed the compiled validator is used."""
    assert fastvalidate.available()


@needs_fast
@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_cases_are_proven_valid_by_the_fast_path(case: Path) -> None:
    """Every case is valid for the compiled validator, so jsonschema is never consulted."""
    document = json.loads((case / "posting.json").read_text(encoding="utf-8"))
    assert fastvalidate.schema_valid(document) is True
    with mock.patch("jobposting.schema._validator", side_effect=AssertionError("slow path")):
        assert validate_document(document) == []


def _invalid_examples() -> list[Any]:
    marks = getattr(validate_tests.test_problem_pointer_message_and_code, "pytestmark", [])
    (parametrize,) = [mark for mark in marks if mark.name == "parametrize"]
    return list(parametrize.args[1])


@needs_fast
@pytest.mark.parametrize(("extra", "expected"), _invalid_examples())
def test_invalid_examples_give_the_same_problems(extra: dict[str, Any], expected: Problem) -> None:
    """Each invalid example of test_validate: same verdict, same single problem."""
    document = minimal(**extra)
    assert_identical(document)
    assert validate_document(document) == [expected]


@needs_fast
@pytest.mark.parametrize(
    "document",
    [
        pytest.param(minimal(), id="minimal"),
        pytest.param(minimal(title="Nurse\n"), id="newline"),
        pytest.param(minimal(language="en\n"), id="pattern-$-before-final-newline"),
        pytest.param(minimal(application={"email": "a\x1cb@c"}), id="python-whitespace-U+001C"),
        pytest.param(minimal(url="http://a b/"), id="uri-with-space"),
        pytest.param(minimal(datePosted="2025-10-21T23:59:60Z"), id="leap-second"),
        pytest.param(minimal(application={"email": "a b@c"}), id="email-with-space"),
        pytest.param(minimal(openings=2.0), id="integral-float"),
        pytest.param(minimal(openings=True), id="boolean-is-not-integer"),
        pytest.param(minimal(openings=float("nan")), id="nan"),
        pytest.param(minimal(openings=2**70), id="huge-integer"),
        pytest.param([], id="not-an-object"),
    ],
)
def test_edges_where_the_two_libraries_differ(document: Any) -> None:
    """Regex, format and number edges give jsonschema's verdict and problems."""
    assert_identical(document)


@needs_fast
@pytest.mark.parametrize(
    "document",
    [
        pytest.param(minimal(skills=({"name": "x"},)), id="tuple"),
        pytest.param(minimal(openings=decimal.Decimal(2)), id="decimal"),
        pytest.param(minimal(extensions={"jsonld": {1: 2}}), id="integer-key"),
        pytest.param(minimal(title="\ud800"), id="lone-surrogate"),
    ],
)
def test_values_that_are_not_json_skip_the_fast_path(document: Any) -> None:
    """A tuple or Decimal means different things to the two libraries, and jsonschema-rs would
    take a lone surrogate for text: jsonschema decides (and validation names the surrogate)."""
    assert fastvalidate.schema_valid(document) is False
    assert validate_document(document) == pure_problems(document)


@needs_fast
def test_without_the_extra_jsonschema_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    """With jsonschema-rs missing, or switched off, problems are still found, word for word."""
    document = minimal(openings="3")
    expected = [
        Problem(pointer="/openings", message="must be an integer, not a string", code="schema.type")
    ]
    for missing, setting in ((True, None), (False, "0")):
        fastvalidate._compiled.cache_clear()
        if missing:
            monkeypatch.setattr(fastvalidate, "jsonschema_rs", None)
        if setting is not None:
            monkeypatch.setenv("JOBPOSTING_FAST_VALIDATION", setting)
        assert not fastvalidate.available()
        assert validate_document(document) == expected
        assert validate_document(minimal()) == []
        monkeypatch.undo()
    fastvalidate._compiled.cache_clear()
    assert fastvalidate.available()


@needs_fast
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posting=postings())
def test_generated_valid_postings_are_proven_valid(posting: Posting) -> None:
    """Any valid posting is valid for the compiled validator too."""
    document = codec.to_dict(posting)
    assert fastvalidate.schema_valid(document) is True
    assert validate_document(document) == []


#: Values that break some keyword somewhere: types, emptiness, formats, patterns, whitespace.
BAD_VALUES: tuple[Any, ...] = (
    "", [], {}, None, 0, -1, 1.5, True, "x", "2025-02-30", "2025-10-21T09:00", "USA", "en_US",
    "http://a b", "mailto:x@y.org", "x\x1c@y", "a\n", {"zz": 1}, [{"zz": 1}], ["x", "x"],
)  # fmt: skip
#: Suffixes that Python's and Rust's regular expressions treat differently.
SUFFIXES = ("\n", "\x1c", " ", "\u2028", "é")


def _locations(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield where
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _locations(item, (*where, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _locations(item, (*where, index))


@st.composite
def mutated_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A generated posting with one value replaced, extended, emptied or deleted."""
    document = copy.deepcopy(codec.to_dict(draw(postings())))
    where = draw(st.sampled_from(list(_locations(document))))
    parent: Any = document
    for part in where[:-1]:
        parent = parent[part]
    target: Any = parent[where[-1]] if where else document
    choices = ["replace"] if where else []
    if isinstance(target, str):
        choices.append("suffix")
    if isinstance(target, dict):
        choices += ["add-key", "delete-key"] if target else ["add-key"]
    if isinstance(target, list) and target:
        choices.append("duplicate")
    action = draw(st.sampled_from(choices))
    if action == "replace":
        parent[where[-1]] = draw(st.sampled_from(BAD_VALUES))
    elif action == "suffix":
        parent[where[-1]] = target + draw(st.sampled_from(SUFFIXES))
    elif action == "add-key":
        target[draw(st.sampled_from(["zz", "title", "id", "@type"]))] = draw(
            st.sampled_from(BAD_VALUES)
        )
    elif action == "delete-key":
        del target[draw(st.sampled_from(sorted(target)))]
    else:
        target.append(copy.deepcopy(target[0]))
    return document


@needs_fast
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=mutated_documents())
def test_mutated_postings_give_identical_verdicts_and_problems(document: dict[str, Any]) -> None:
    """One broken value anywhere: jsonschema's verdict, and the same problems word for word."""
    assert_identical(document)


# -- the rich-text quick check ------------------------------------------------------------------


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_case_rich_text_is_proven_clean_without_the_parser(case: Path) -> None:
    """Every description and section of the cases passes the quick check."""
    document = json.loads((case / "posting.json").read_text(encoding="utf-8"))
    texts = [document.get("description", ""), document["hiringOrganization"].get("description", "")]
    texts += [section["content"] for section in document.get("sections", [])]
    assert all(fastvalidate.rich_text_clean(text) for text in texts)


@pytest.mark.parametrize(
    ("html", "clean"),
    [
        ("Plain text, R&amp;D &lt;b&gt;", True),
        ("<p>One<br>two<br/>three<br />four</p><ul><li><strong>x</strong></li></ul>", True),
        ('<p><a href="https://x.org/?id=1">apply</a> <a href="mailto:a@b.org">m</a></p>', True),
        ("<p>unclosed", False),
        ("<p><b>crossed</p></b>", False),
        ("</p>", False),
        ("</br>", False),
        ("<p/>", False),
        ("<P>upper</P>", False),
        ("<p class=\"x\">attribute</p>", False),
        ('<a href="javascript:alert(1)">x</a>', False),
        ('<a href="https://example.com/?a=1&amp;b=2">entity in a link</a>', False),
        ("<script>alert(1)</script>", False),
        ("<!-- comment -->", False),
        ("a < b", False),
        ("<div>not allowed</div>", False),
    ],
)  # fmt: skip
def test_quick_check_proves_only_what_it_can(html: str, clean: bool) -> None:
    """Simple allowed markup is clean; anything else goes to the parser (and may be fine)."""
    assert fastvalidate.rich_text_clean(html) is clean
    if clean:
        assert rich_text_problems(html) == []


#: Fragments that break rich text, or look as if they might.
FRAGMENTS = (
    "<", ">", "&", "</p>", "<p>", "<br>", "<br/>", "</br>", "<p/>", "<a>", "</a>", "<P>",
    '<a href="https://x.org">', '<a href="javascript:x">', '<a href="https://[x">', "<script>",
    "<!-- c -->", "<![CDATA[x]]>", "<?pi?>", "<!doctype html>", "<p class=x>", "<h3>", "</li>",
    "< p>", "<p >", "<br / >", "<style>", "</ul>", "\n", "&lt;",
)  # fmt: skip


@st.composite
def damaged_rich_texts(draw: st.DrawFn) -> str:
    """Generated rich text with up to three fragments inserted anywhere."""
    text = draw(rich_texts())
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at:]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=damaged_rich_texts())
def test_quick_check_never_hides_a_problem(html: str) -> None:
    """Text the quick check calls clean has no problem for the HTML parser either."""
    if fastvalidate.rich_text_clean(html):
        assert rich_text_problems(html) == []


def test_ctrl_c_inside_a_compiled_callback_is_raised_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C while the compiled validator runs a Python format check is not swallowed."""

    def interrupted(instance: object) -> bool:
        raise KeyboardInterrupt

    checker = jsonschema.FormatChecker()
    checker.checkers["date"] = (interrupted, ())
    conforms = fastvalidate._format_function(checker, "date")

    def compiled(document: object) -> bool:
        return conforms("2025-01-01")  # what jsonschema-rs does: call back, keep the result

    monkeypatch.setattr(fastvalidate, "_compiled", lambda: compiled)
    with pytest.raises(KeyboardInterrupt):
        fastvalidate.schema_valid({"title": "x"})
    assert fastvalidate._PENDING_INTERRUPTS == []
