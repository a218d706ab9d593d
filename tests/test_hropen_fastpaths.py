"""The fast paths of the XML formats give what the slow paths they skip would give.

Each test puts a shortcut beside the plain code it stands for (the code as it was before the
shortcut) and compares them on generated values, the awkward ones included.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobposting import xmlsafe
from jobposting.errors import ReadError
from jobposting.formats import hropen_extras as extras
from jobposting.formats import hropen_values as values
from jobposting.formats import hropen_vocab
from jobposting.formats.hropen_write import html_list

_LIST_HTML = re.compile(r"<ul>((?:<li>.*?</li>)*)</ul>", re.S)
_LIST_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")

#: Text with the markup, digits and white space the shortcuts look at.
PIECES = ["<", ">", "/", "&", "l", "i", "u", "p", "<li>", "</li>", "<ul>", "</ul>", "0", "7", "+"]
PIECES += ["-", ".", "\u0663", " ", "\n", "\t", "a", "\u00e9"]
awkward = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


def slow_list_items(content: str) -> list[str] | None:
    listed = _LIST_HTML.fullmatch(content)
    return None if listed is None else _LIST_ITEM.findall(listed.group(1))


@given(st.lists(awkward | st.text(max_size=8), max_size=5))
def test_own_lists_split_as_the_regular_expressions_do(items: list[str]) -> None:
    content = html_list(items)
    assert values._list_items(content) == slow_list_items(content)
    assert [html.unescape(i) for i in values._list_items(content) or []] == items


@given(awkward)
def test_any_list_content_splits_as_the_regular_expressions_do(content: str) -> None:
    for candidate in (content, f"<ul>{content}</ul>", f"<ul><li>{content}</li></ul>"):
        assert values._list_items(candidate) == slow_list_items(candidate)


def slow_number(value: str | None) -> int | float | None:
    if value is None:
        return None
    if _INTEGER.fullmatch(value):
        return int(value)
    if _DECIMAL.fullmatch(value):
        return float(value)
    return None


@given(awkward | st.integers().map(str) | st.floats(allow_nan=False).map(repr))
def test_numbers_read_as_the_patterns_say(text: str) -> None:
    got, expected = values.number(text), slow_number(text)
    assert got == expected
    assert type(got) is type(expected)


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    awkward,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(), st.none(), max_size=2),
)


@given(anything)
def test_put_keeps_what_it_kept(value: Any) -> None:
    target: dict[str, Any] = {}
    values.put(target, "k", value)
    assert ("k" in target) == (value is not None and value not in ([], {}))


@given(awkward | st.text())
def test_folded_codes_are_folded_once_and_the_same(code: str) -> None:
    expected = re.sub(r"[\s_\-]+", "", code).lower()
    assert hropen_vocab.fold(code) == expected
    assert hropen_vocab.fold(code) == expected  # from the cache


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=4),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from("abc"), children, max_size=3)
    ),
    max_leaves=8,
)


@given(json_values)
def test_extras_are_encoded_as_json_dumps_writes_them(value: Any) -> None:
    name, text = extras.encode(("/x", value))
    if isinstance(value, str):
        assert (name, text) == ("jobposting:/x", value)
    else:
        assert name == "jobposting+json:/x"
        assert text == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def slow_diff(wanted: Any, native: Any, pointer: str = "") -> list[extras.Extra]:
    """hropen_extras.diff as it was: every value compared one by one, pointers made eagerly."""
    found: list[extras.Extra] = []
    kinds = {bool: bool, str: str, int: int, float: float, dict: dict, list: list}
    wanted_kind = kinds.get(type(wanted), type(wanted))
    native_kind = kinds.get(type(native), type(native))
    if wanted_kind is dict and native_kind is dict:
        for key, value in wanted.items():
            if key in native:
                found += slow_diff(value, native[key], f"{pointer}/{extras.escape(key)}")
            else:
                found.append((f"{pointer}/{extras.escape(key)}", value))
        for key in native:
            if key not in wanted:
                found.append((f"{pointer}/{extras.escape(key)}", extras.DELETE))
    elif wanted_kind is list and native_kind is list and len(wanted) == len(native):
        for index, (value, got) in enumerate(zip(wanted, native, strict=True)):
            found += slow_diff(value, got, f"{pointer}/{index}")
    elif wanted_kind is not native_kind or wanted != native:
        found.append((pointer, wanted))
    return found


def _numbers_swapped(value: Any) -> Any:
    """The same value with numbers and booleans of another type where ``==`` cannot tell."""
    if isinstance(value, dict):
        return {k: _numbers_swapped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers_swapped(v) for v in value]
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return float(value)
    return value


@settings(max_examples=300)
@given(json_values, json_values, st.booleans())
def test_diff_finds_what_comparing_every_value_finds(wanted: Any, other: Any, swap: bool) -> None:
    native = _numbers_swapped(wanted) if swap else other
    for a, b in (
        (wanted, native),
        ({"k": wanted, "same": [1, 2.0]}, {"k": native, "same": [1, 2.0]}),
    ):
        assert list(extras.diff(a, b)) == slow_diff(a, b)
    shared = float("nan")  # an equal container may hold the very same NaN object
    assert list(extras.diff({"n": [shared]}, {"n": [shared]})) == [("/n/0", shared)]


@given(st.sampled_from([b"", b" ", b"\n\t \r", b"\x0b\x0c", b" <r/>", b"\x00", b"\xa0"]))
def test_blank_input_is_told_apart_as_before(data: bytes) -> None:
    if not data.strip():
        with pytest.raises(ReadError, match=r"^empty input: expected an XML document$"):
            xmlsafe.parse(data)
    else:
        with pytest.raises(ReadError, match="malformed XML"):
            xmlsafe.parse(data + b"<")


def slow_has_doctype(data: bytes) -> bool:
    """The prolog scan every document went through before the shortcut."""
    text = xmlsafe._prolog_text(data)
    position = 0
    while match := xmlsafe._PROLOG_ITEM.match(text, position):
        position = match.end()
    return xmlsafe._DOCTYPE.match(text, position) is not None


PROLOG = [b"\xef\xbb\xbf", b'<?xml version="1.0"?>', b"<?xml ?>", b"<?pi x?>", b"<!-- c -->"]
PROLOG += [b"<!DOCTYPE r>", b"<!doctype r [<!ENTITY e 'x'>]>", b" ", b"\n", b"\t", b"\x0c"]
PROLOG += [b"<r>", b"<", b"?>", b"!", b"<r/>", b"\x00", b"\xa0"]


@given(st.lists(st.sampled_from(PROLOG), max_size=8).map(b"".join))
def test_a_prolog_the_shortcut_passes_has_no_doctype(data: bytes) -> None:
    if xmlsafe._root_starts_the_document(data):
        assert not slow_has_doctype(data)
    if slow_has_doctype(data):
        with pytest.raises(xmlsafe.UnsafeXMLError, match="document type declaration"):
            xmlsafe.parse(data)
