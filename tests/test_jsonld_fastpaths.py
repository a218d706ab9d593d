"""The page reader's fast paths give exactly what the plain code they replace gives.

Reading a career page is measured against extruct (benchmarks/bench_jsonld.py), so the reader
takes shortcuts: page scans with bytes searches, whitespace collapsed without a string per word,
the heading before a list found by reading backwards, microdata and RDFa items found with XPath
instead of walking the tree in Python, the ``@id`` index built only when a reference asks for it.
Each test below keeps the plain version as the reference and checks the shortcut against it on
generated inputs (Hypothesis) and on the awkward cases that motivated it.
"""

from __future__ import annotations

import copy
import html
import importlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jobposting.formats import jsonld_description as description
from jobposting.formats import jsonld_map
from jobposting.formats import jsonld_markup as markup
from jobposting.formats.jsonld_read import (
    _last_comment_start,
    document_found,
    mentions_posting,
    node_index,
    parse_text,
)
from jobposting.formats.jsonld_values import Log
from jobposting.richtext import URL_SCHEMES, rich_text_problems

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- the plain versions ------------------------------------------------------------------------


def plain_sanitise(value: str) -> str:
    """sanitise() as first written: two div passes, a string per word, two regex passes."""
    block = r"<(?:/?(?:p|ul|ol|li|h[1-6]|blockquote)|br)>"
    if "<div" in value:
        value = re.sub(r"<div\b[^>]*>", "<p>", value, flags=re.I)
        value = re.sub(r"</div\s*>", "</p>", value, flags=re.I)
    cleaned = description._CLEANER.clean(value)
    if "<pre>" not in cleaned:
        cleaned = " ".join(cleaned.split())
        cleaned = re.sub(" (?=" + block + ")", "", cleaned)
        cleaned = re.sub("(" + block + ") ", r"\1", cleaned)
    return description._tidy(cleaned)


def plain_items(content: str) -> list[str]:
    """_items() as first written: each item's whitespace collapsed on its own."""
    if "<li>" not in content:
        return []
    marked = content.replace("</li>", "\x00")
    text = re.sub(r"<[^<>]*>", "", marked[marked.index("<li>") :])
    if "&" in text:
        text = html.unescape(text)
    return [item for part in text.split("\x00") if (item := " ".join(part.split()))]


def plain_is_rich_text(value: str) -> bool:
    """_is_rich_text() as first written: (name, href) tuples for every text, links or not."""
    if description._OTHER_TAG.search(value):
        return False
    tokens = description._TAGS.findall(value)
    if value.count("<") != len(tokens) or value.count(">") != len(tokens):
        return not rich_text_problems(value)
    if "&" in value and description._ODD_AMPERSAND.search(value):
        return not rich_text_problems(value)
    stack: list[str] = []
    for tag, href in tokens:
        if tag in description._OPENING:
            if href and (tag != "a" or href[7:].split(":", 1)[0].lower() not in URL_SCHEMES):
                return False
            if tag != "br":
                stack.append(tag)
        elif tag in description._CLOSING and tag != "/br":
            if not stack or stack.pop() != description._CLOSING[tag]:
                return not rich_text_problems(value)
        else:
            return False
    return not stack


def plain_microdata_items(root: Any) -> Iterator[Any]:
    """The outermost JobPosting items, walking every element and its ancestors."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element.get("itemscope") is None:
            continue
        if "JobPosting" not in (element.get("itemtype") or ""):
            continue
        if any(
            a.get("itemscope") is not None and "JobPosting" in (a.get("itemtype") or "")
            for a in element.iterancestors()
        ):
            continue
        yield element


def plain_properties(element: Any, name: str, scope: str) -> Iterator[Any]:
    """An item's property elements: children with ``name``, not looking inside nested items."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.get(name):
            yield child
        if child.get(scope) is None:
            yield from plain_properties(child, name, scope)


# -- generated inputs ---------------------------------------------------------------------------

#: Every character str.split() splits on.
SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
html_pieces = st.sampled_from(
    [
        "<p>", "</p>", "<div>", "</div>", '<div class="x">', "<DIV>", "</DIV >", "<span>",
        "</span>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>", "</li>", "<br>", "<br/>", "<b>",
        "</b>", "<strong>", "</strong>", "<em>", "</em>", "<u>", "</u>", "<h1>", "</h1>", "<h2>",
        "</h2>", "<h3>", "</h3>", "<pre>", "</pre>", '<a href="https://x.org">', "</a>",
        "<script>x()</script>", "<!-- c -->", "&nbsp;", "&amp;", "&lt;", "&eacute;", "&", "<",
        ">", "Benefits", "What we offer:", "Nice to have", "text", "é", "\u2019", "x" * 130,
    ]
)  # fmt: skip
markup_text = st.lists(st.one_of(html_pieces, st.sampled_from(SPACES)), max_size=40).map("".join)
spaced_text = st.text(st.sampled_from([*SPACES[:12], "a", "b", "\x00", "<", ">"]), max_size=60)

EMPHASIS = ["<strong>", "<b>", "<em>", "<u>", "<i>"]
heading_piece = st.builds(
    lambda opening, emphasis, words, breaks, closing, tail: (
        opening + emphasis + words + breaks + emphasis.replace("<", "</") + closing + tail
    ),
    st.sampled_from(["<p>", "", "<h3>", "x"]),
    st.lists(st.sampled_from(EMPHASIS), max_size=3).map("".join),
    st.sampled_from(["T", "Benefits", "What we offer:", "a" * 120, "a" * 121, "x>y", ""]),
    st.sampled_from(["", "<br>", "<br><br>"]),
    st.sampled_from(["</p>", "", "</h3>", "</h5>", "<br>"]),
    st.lists(
        st.sampled_from([" ", "\n", "\u2003", "<br>", "<p></p>", "<p> <br></p>", "<p>", "</p>"]),
        max_size=4,
    ).map("".join),
)
heading_text = st.lists(st.one_of(heading_piece, html_pieces), min_size=1, max_size=6).map("".join)


@st.composite
def marked_up_page(draw: st.DrawFn, depth: int = 0) -> str:
    """An element with microdata or RDFa attributes (or none) and nested elements."""
    tag = draw(st.sampled_from(["div", "span", "p", "a", "meta", "ul", "li", "time", "section"]))
    attributes = draw(
        st.lists(
            st.sampled_from(
                [
                    "itemscope", 'itemtype="https://schema.org/JobPosting"',
                    'itemtype="https://schema.org/Organization"', 'itemprop="title"',
                    'itemprop=""', 'itemprop="hiringOrganization"', 'itemprop="name url"',
                    'itemprop="description"', 'content="2024-01-01"', 'href="https://x.org"',
                    'typeof="JobPosting"', 'typeof="schema:JobPosting Place"',
                    'typeof="Organization"', 'typeof=""', 'property="title"', 'property=""',
                    'property="schema:hiringOrganization"', 'resource="#x"', 'itemid="urn:x"',
                ]
            ),
            max_size=3,
            unique_by=lambda attribute: attribute.split("=")[0],
        )
    )  # fmt: skip
    text = draw(st.sampled_from(["", "x", " Job  title\n", "<!-- c -->", "&amp; more"]))
    children = draw(st.lists(marked_up_page(depth + 1), max_size=0 if depth > 2 else 3))
    if tag == "meta":
        return f"<meta {' '.join(attributes)}>{text}"
    return f"<{tag} {' '.join(attributes)}>{text}{''.join(children)}</{tag}>"


# -- description ---------------------------------------------------------------------------------


def test_rare_spaces_and_the_replaced_four_are_every_space() -> None:
    """_collapse replaces " \\n\\t\\r" itself and hands every other space to str.split()."""
    assert sorted(description._RARE_SPACES + " \n\t\r") == SPACES
    ascii_spaces = {char for char in SPACES if char.isascii()}
    assert set(description._RARE_ASCII_SPACES) == ascii_spaces - set(" \n\t\r")


@FUZZ
@given(st.one_of(spaced_text, markup_text))
def test_collapse_is_split_and_join(text: str) -> None:
    assert description._collapse(text) == " ".join(text.split())


@FUZZ
@given(markup_text)
def test_sanitise_is_the_plain_pipeline(text: str) -> None:
    assert description.sanitise(text) == plain_sanitise(text)


@pytest.mark.parametrize(
    "text",
    [
        '<div class="a"><span>Role</span><div>\n<ul>\n<li>\n<p>One</p>\n</li>\n</ul>\n</div>',
        "<DIV>x</div ><div \n id=1>y</DIV>",
        "<p>a\u2003\u2003b</p>\n\n<p> c </p>",
        "<pre>  keep\n  this</pre><div>x</div>",
        "<p>\u00a0</p><p> <br> </p><ul> </ul>x<br><br>",
    ],
)
def test_sanitise_examples(text: str) -> None:
    assert description.sanitise(text) == plain_sanitise(text)


rich_pieces = st.sampled_from(
    [
        "<p>", "</p>", "<ul>", "</ul>", "<li>", "</li>", "<br>", "</br>", "<strong>", "</strong>",
        "<h3>", "</h3>", '<h2 data-jobposting="benefits">', "<h2>", "</h2>", "<P>", "<1p>",
        '<a href="https://x.org">', '<a href=" https://x.org">', '<a href="javascript:x">',
        '<p href="x">', "</a>", "<a>", "&amp;", "&", "<", ">", "x", " ", "\u2019",
        '<br href="https://x.org">', '</a href="x">', "<h2>", "<1p>", "</1p>", "<span>",
    ]
)  # fmt: skip
rich_candidates = st.lists(rich_pieces, max_size=30).map("".join)


@FUZZ
@given(rich_candidates)
def test_rich_text_check_is_the_plain_check(text: str) -> None:
    assert description._is_rich_text(text) == plain_is_rich_text(text)


@FUZZ
@given(rich_candidates)
def test_own_headings_found_once_are_the_substitution(text: str) -> None:
    headings = list(description._OWN_H2.finditer(text))
    expected = description._OWN_H2.sub(description._h2_contents, text)
    assert description._with_h3(text, headings) == expected


@FUZZ
@given(markup_text)
def test_items_are_the_plain_items(text: str) -> None:
    assert description._items(text) == plain_items(text)


@FUZZ
@given(heading_text, st.integers(0, 400), st.integers(0, 400))
def test_heading_before_a_list_is_the_pattern_search(text: str, start: int, end: int) -> None:
    end = min(end, len(text))
    start = min(start, end)
    found = description._heading_before(text, start, end)
    expected = description._HEADING_BEFORE_LIST.search(text, start, end)
    assert (found and (found.span(), found.groupdict())) == (
        expected and (expected.span(), expected.groupdict())
    )


@FUZZ
@given(heading_text)
def test_heading_before_every_end(text: str) -> None:
    for end in range(len(text) + 1):
        found = description._heading_before(text, 0, end)
        expected = description._HEADING_BEFORE_LIST.search(text, 0, end)
        assert (found and found.span()) == (expected and expected.span())


def test_heading_field_cache_gives_what_the_words_say() -> None:
    assert description.field_for_heading("What we offer:") == "benefits"
    assert description.field_for_heading("What we offer:") == "benefits"
    assert description.field_for_heading("Lunch") is None


# -- pages ---------------------------------------------------------------------------------------


comment_page = st.lists(
    st.sampled_from([b"<!--", b"-->", b"!", b"<", b"-", b"x", b"<!DOCTYPE"]), max_size=30
).map(b"".join)


@FUZZ
@given(comment_page, st.integers(0, 200))
def test_last_comment_start_is_rfind(page: bytes, end: int) -> None:
    assert _last_comment_start(page, end) == page.rfind(b"<!--", 0, end)


def test_last_comment_start_past_many_exclamation_marks() -> None:
    page = b"<!DOCTYPE html><!-- x -->" + b"<script>a!=b;!c</script>" * 20
    assert _last_comment_start(page, len(page)) == page.rfind(b"<!--")


@FUZZ
@given(st.text(st.sampled_from("JjObBpPoOsStTiInNgG İK\u212a"), max_size=30))
def test_mentions_posting_is_a_lowered_search(text: str) -> None:
    assert mentions_posting(text) == ("jobposting" in text.lower())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(marked_up_page(), min_size=1, max_size=2).map("".join))
def test_markup_items_and_properties_are_the_tree_walk(body: str) -> None:
    root = lxml.html.document_fromstring(f"<html><body>{body}</body></html>")
    assert markup._MICRODATA_ITEMS(root) == list(plain_microdata_items(root))
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    for element in elements:
        if element.get("itemscope") is not None:
            expected = list(plain_properties(element, "itemprop", "itemscope"))
            assert markup._MICRODATA_PROPERTIES(element, item=element) == expected
        if element.get("typeof") is not None:
            expected = list(plain_properties(element, "property", "typeof"))
            assert markup._RDFA_PROPERTIES(element, item=element) == expected
    candidates = [
        element
        for element in elements
        if element.get("typeof") is not None
        and not any("JobPosting" in (a.get("typeof") or "") for a in element.iterancestors())
    ]
    assert markup._RDFA_CANDIDATES(root) == candidates
    orphans = [
        element
        for element in elements
        if element.get("itemprop")
        and not any(
            a.get("itemscope") is not None or a.get("itemprop") for a in element.iterancestors()
        )
    ]
    assert markup._ORPHAN_PROPERTIES(root) == orphans


def test_markup_text_is_lxml_html_text_content() -> None:
    page = "<div>  a <b>b</b>\n<!-- no --> c\u2003 <span>d</span> </div>"
    element = lxml.html.fragment_fromstring(page)
    assert markup._text(element) == " ".join(element.text_content().split())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=8,
)
around = st.lists(st.sampled_from([*SPACES, "\ufeff"]), max_size=3).map("".join)


@FUZZ
@given(around, json_values, around)
def test_json_is_parsed_as_after_stripping(before: str, value: Any, after: str) -> None:
    """parse_text tries the text as it is first; what it gives is what the stripped text gives."""
    text = before + json.dumps(value) + after
    body = text.strip().lstrip("\ufeff").strip()
    try:
        expected = json.loads(body)
    except json.JSONDecodeError:
        return  # a repair: the path after the first attempt, unchanged
    assert parse_text(text) == (expected, [])


# -- the @id index -------------------------------------------------------------------------------


def test_references_resolve_and_the_document_is_left_as_it_was() -> None:
    document = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "JobPosting", "title": "Cook", "hiringOrganization": {"@id": "#org"}},
            {"@type": "JobPosting", "title": "Chef", "hiringOrganization": {"name": "Inn"}},
            {"@id": "#org", "@type": "Organization", "name": "Bistro"},
        ],
    }
    before = copy.deepcopy(document)
    found = list(document_found(document))
    assert document == before
    assert [f.document["hiringOrganization"]["name"] for f in found if f.document] == [
        "Bistro",
        "Inn",
    ]
    assert set(node_index(document)) == {"#org"}


def test_a_reference_to_a_missing_node_is_noted() -> None:
    document = json.loads(
        '{"@context": "https://schema.org", "@type": "JobPosting", "title": "Cook",'
        ' "hiringOrganization": {"@id": "#nowhere"}}'
    )
    (found,) = document_found(document)
    assert "jsonld.reference" in {problem.code for problem in found.diagnostics}


escaped_breaks = st.lists(
    st.sampled_from(["\\n", "\\", "n", ">", "<", "<p>", "x", "\n", "\\\\n"]), max_size=20
).map("".join)


@FUZZ
@given(escaped_breaks)
def test_literal_line_breaks_are_the_two_replacements(text: str) -> None:
    expected = text.replace(">\\n", ">\n").replace("\\n<", "\n<")
    assert description._line_breaks(text) == expected


# -- the residual --------------------------------------------------------------------------------


def plain_same_numbers(left: Any, right: Any) -> bool:
    """_same_numbers() as first written: a call for every member that is not a str."""
    kind = left.__class__
    if kind is not right.__class__:
        return isinstance(left, str) and isinstance(right, str) and str(left) == str(right)
    if kind is dict:
        return all(
            value.__class__ is str or plain_same_numbers(value, right[key])
            for key, value in left.items()
        )
    if kind is list:
        return all(
            value.__class__ is str or plain_same_numbers(value, other)
            for value, other in zip(left, right, strict=True)
        )
    if kind is float:
        return bool(left == right)
    if kind is str:
        return True
    if isinstance(left, str):
        return str(left) == str(right)
    if isinstance(left, dict):
        return all(plain_same(left[k], right[k]) for k in left)
    if isinstance(left, list):
        return all(plain_same(a, b) for a, b in zip(left, right, strict=True))
    return bool(left == right)


def plain_same(left: Any, right: Any) -> bool:
    return bool(left == right) and plain_same_numbers(left, right)


def plain_residual(want: Any, got: Any, *, top: bool = False) -> Any:
    """residual() as first written: same() for every pair, a key-view test for got's extras."""
    if isinstance(want, dict) and isinstance(got, dict):
        out: dict[str, Any] = {}
        for key, value in want.items():
            if key not in got:
                out[key] = value
            elif not plain_same(value, got[key]):
                out[key] = value if top and key == "extensions" else plain_residual(value, got[key])
        for key in got:
            if key not in want:
                out[key] = None
        return out
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        return {
            str(index): plain_residual(item, other)
            for index, (item, other) in enumerate(zip(want, got, strict=True))
            if not plain_same(item, other)
        }
    return want


class Text(str):
    """A str subclass: compared as its text."""


nan = float("nan")
number_leaves = st.sampled_from([0, 1, -1, 0.0, -0.0, 1.0, 2.5, True, False, None, nan, "1", "a"])
numbered_values = st.recursive(
    number_leaves | st.builds(Text, st.sampled_from(["1", "a"])),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "extensions"]), inner, max_size=3)
    ),
    max_leaves=10,
)


@FUZZ
@given(numbered_values, numbered_values)
def test_same_is_the_plain_same(left: Any, right: Any) -> None:
    from jobposting.formats.jsonld_residual import same

    assert same(left, right) == plain_same(left, right)
    assert same(left, left) == plain_same(left, left)
    twin = copy.copy(left)
    assert same(left, twin) == plain_same(left, twin)


@FUZZ
@given(
    st.dictionaries(st.sampled_from(["a", "b", "c", "extensions"]), numbered_values, max_size=4),
    st.dictionaries(st.sampled_from(["a", "b", "c", "extensions"]), numbered_values, max_size=4),
)
def test_residual_is_the_plain_residual(want: dict[str, Any], got: dict[str, Any]) -> None:
    from jobposting.formats.jsonld_residual import residual

    assert json.dumps(residual(want, got)) == json.dumps(plain_residual(want, got, top=True))
    mixed = {**got, **{key: value for key, value in want.items() if key < "b"}}
    assert json.dumps(residual(want, mixed)) == json.dumps(plain_residual(want, mixed, top=True))


# -- the node reader's regular shapes -------------------------------------------------------------


def read_with(
    call: Callable[[Any], Any], fast_path: str | None = None
) -> tuple[str, list[tuple[str, str, str, str | None]], str]:
    """What ``call(reader)`` gives, notes and keeps; with the named fast path turned off.

    ``fast_path`` is "module:function" of a regular-shape function that returns None for
    shapes it leaves to the general code: patched to always return None, the general code reads
    everything.
    """
    log = Log()
    reader = jsonld_map._Reader({}, {}, log)
    if fast_path is None:
        result = call(reader)
    else:
        module, name = fast_path.split(":")
        with mock.patch.object(importlib.import_module(module), name, return_value=None):
            result = call(reader)
    notes = [(p.pointer, p.code, p.message, field) for p, field in log.notes]
    return json.dumps(result), notes, json.dumps(log.leftovers)


amount_values = st.sampled_from(
    [0, 1, 900, 5000, 12000, 2.5, 0.0, -0.0, -1, float("inf"), float("nan"), True, "100", None, [5]]
)
amount_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["QuantitativeValue", None]),
        "minValue": amount_values,
        "maxValue": amount_values,
        "value": amount_values,
        "unitText": st.sampled_from(
            ["YEAR", "HOUR", "MONTH", "year", "PER_HOUR", " DAY", None, ["YEAR"], {"a": 1}]
        ),
        "unitCode": st.sampled_from(["HUR", None]),
        "schema:value": amount_values,
    },
)
pay_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["MonetaryAmount", None]),
        "currency": st.sampled_from(["USD", "EUR", " USD", "usd", "$", "XYZ", None, 5, ["USD"]]),
        "value": st.one_of(amount_nodes, amount_values),
        "description": st.sampled_from(["Base", " Base pay ", "", "<b>Pay</b>", "R&D", None, 3]),
        "priceCurrency": st.sampled_from(["GBP", None]),
        "minPrice": amount_values,
    },
)


def quantitative_value(low: float, high: float, layout: slice, unit: str) -> dict[str, Any]:
    """A QuantitativeValue with some of minValue, maxValue and value (``layout`` picks them)."""
    amounts = list({"minValue": low, "maxValue": high, "value": high}.items())[layout]
    return {"@type": "QuantitativeValue", **dict(amounts), "unitText": unit}


good_amounts = st.sampled_from([0, 1, 900, 5000, 12000, 2.5, 0.0])
regular_pay_nodes: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "@type": st.just("MonetaryAmount"),
        "currency": st.sampled_from(["USD", "EUR"]),
        "value": st.builds(
            quantitative_value,
            good_amounts,
            good_amounts,
            st.sampled_from([slice(0, 2), slice(2, 3), slice(0, 1), slice(1, 3)]),
            st.sampled_from(["YEAR", "HOUR"]),
        ),
    },
    optional={"description": st.sampled_from(["Base", " Base pay ", "", "R&D"])},
)


texts = st.sampled_from(
    [
        "Leeds",
        " Leeds ",
        "",
        "A&B",
        "<b>X</b>",
        "VA",
        "Virginia",
        "US-VA",
        7,
        ["VA"],
        {"name": "VA"},
    ]
)
countries = st.sampled_from(["GB", "US", "us", " GB", "UK", "Germany", "ZZ", "", 44, ["GB"]])
address_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["PostalAddress", None]),
        "streetAddress": texts,
        "addressLocality": texts,
        "addressRegion": st.sampled_from(["VA", "Virginia", "US-VA", "GB-LND", " BY ", ""]),
        "postalCode": texts,
        "addressCountry": countries,
        "schema:postalCode": texts,
        "@id": st.just("#a"),
    },
)
coordinates = st.sampled_from([0, 51.5, -0.1, 200, -91, True, "51.5", float("nan"), None, [1]])
place_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["Place", None]),
        "identifier": st.sampled_from(["leeds-1", "x y", "", 5, None, ["leeds-1"]]),
        "name": texts,
        "address": st.one_of(address_nodes, texts),
        "geo": st.one_of(
            st.fixed_dictionaries(
                {"latitude": coordinates, "longitude": coordinates},
                optional={"@type": st.just("GeoCoordinates"), "elevation": st.just(3)},
            ),
            st.just("51.5,-0.1"),
        ),
        "latitude": coordinates,
    },
)
regular_places: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"@type": st.just("Place")},
    optional={
        "identifier": st.just("leeds-1"),
        "name": st.just("Head office"),
        "address": st.fixed_dictionaries(
            {"@type": st.just("PostalAddress")},
            optional={
                "streetAddress": st.just("1 Park Row"),
                "addressLocality": st.just("Leeds"),
                "addressRegion": st.sampled_from(["VA", "Virginia", "US-VA", "GB-LND", "BY"]),
                "postalCode": st.just("LS1 5AB"),
                "addressCountry": st.sampled_from(["GB", "US", "DE"]),
            },
        ),
        "geo": st.fixed_dictionaries(
            {
                "@type": st.just("GeoCoordinates"),
                "latitude": st.sampled_from([0, 51.5, 90]),
                "longitude": st.sampled_from([-0.1, 180, 7]),
            }
        ),
    },
)


experience_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["OccupationalExperienceRequirements", None]),
        "monthsOfExperience": st.sampled_from(
            [0, 24, 18.4, -1, True, "36", float("inf"), None, [24]]
        ),
        "description": st.sampled_from(["Python", " Python ", "", "R&D", "<b>Go</b>", 3, None]),
        "schema:description": st.just("Rust"),
    },
)
regular_experience: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"@type": st.just("OccupationalExperienceRequirements")},
    optional={
        "monthsOfExperience": st.sampled_from([0, 24, 18.5, 30.0]),
        "description": st.sampled_from(["Python", " Python "]),
    },
)


categories = st.sampled_from(
    ["bachelor degree", " High School ", "license", "Bachelor's", "", "<b>x</b>", 3, None, {"a": 1}]
)
education_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["EducationalOccupationalCredential", None]),
        "credentialCategory": st.one_of(categories, st.lists(categories, max_size=3)),
        "educationalLevel": categories,
        "about": st.one_of(texts, st.lists(texts, max_size=2)),
        "description": st.sampled_from(["A degree in maths", " MSc ", "", "R&D", None]),
        "name": texts,
    },
)
regular_education: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "@type": st.just("EducationalOccupationalCredential"),
        "credentialCategory": st.one_of(
            st.sampled_from(["bachelor degree", "postgraduate degree", "High School"]),
            st.lists(st.sampled_from(["bachelor degree", "associate degree"]), max_size=3),
        ),
    },
    optional={
        "about": st.lists(st.sampled_from(["maths", " physics "]), max_size=2),
        "description": st.sampled_from(["A degree in maths", " MSc "]),
    },
)


def education_read(reader: Any, node: Any) -> Any:
    """What credential_or_education puts in each of its three lists."""
    required: list[str] = []
    credentials: list[dict[str, Any]] = []
    education: list[dict[str, Any]] = []
    reader.credential_or_education(node, "/qualifications/0", required, credentials, education)
    return required, credentials, education


contact_texts = st.sampled_from(
    ["Recruiter", "hr", "talent_acquisition", "Chef", "", "a&b", None, ["hr"], {"name": "hr"}]
)
contact_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["ContactPoint", None]),
        "contactType": contact_texts,
        "name": texts,
        "email": st.sampled_from(["mailto:jo@example.org", "jo@example.org", "", 5]),
        "telephone": st.sampled_from(["tel:+44 1", "+44 1", " "]),
        "url": st.sampled_from(["https://x.org/a", "x.org", "https://x.org/a b", "a&amp;b"]),
        "description": texts,
        "areaServed": texts,
    },
)
regular_contacts: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"@type": st.just("ContactPoint"), "contactType": st.sampled_from(["RECRUITER", "hr"])},
    optional={
        "name": st.just("Jo"),
        "email": st.sampled_from(["jo@example.org", "mailto:jo@example.org"]),
        "telephone": st.just("+44 1"),
        "url": st.just("https://x.org/a"),
        "description": st.just("Call us"),
    },
)


links = st.sampled_from(
    ["https://x.org", " https://x.org ", "x.org", "https://x.org/a b", "", 4, ["https://x.org"]]
)
property_values = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["PropertyValue", None]),
        "propertyID": st.sampled_from(["DUNS", "", None, 7]),
        "name": texts,
        "value": st.sampled_from(["123", " 123 ", "", 123, None]),
        "url": links,
    },
)
organization_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["Organization", None]),
        "name": texts,
        "legalName": texts,
        "url": links,
        "logo": links,
        "sameAs": st.one_of(links, st.lists(links, max_size=3)),
        "identifier": st.one_of(property_values, st.lists(property_values, max_size=2), texts),
        "description": texts,
        "givenName": texts,
    },
)
regular_organizations: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"@type": st.just("Organization")},
    optional={
        "name": st.just("Acme"),
        "legalName": st.just(" Acme Ltd "),
        "url": st.just("https://acme.example"),
        "logo": st.just("https://acme.example/logo.png"),
        "sameAs": st.one_of(
            st.just("https://x.org"), st.lists(st.sampled_from(["https://x.org", "https://y.org"]))
        ),
        "identifier": st.lists(
            st.fixed_dictionaries(
                {"@type": st.just("PropertyValue"), "value": st.just("123")},
                optional={"propertyID": st.just("DUNS"), "name": st.just("Acme")},
            ),
            max_size=2,
        ),
    },
)


def organization_read(reader: Any, node: Any) -> Any:
    """What organization() makes of a node given as the hiringOrganization."""
    reader.node = {"hiringOrganization": node}
    reader.organization()
    return reader.out


term_sets = st.sampled_from(
    [{"@type": "DefinedTermSet", "name": "NAICS"}, "https://x.org/set", {"name": None}, "", None]
)
term_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(["DefinedTerm", "CategoryCode", None]),
        "inDefinedTermSet": term_sets,
        "inCodeSet": term_sets,
        "termCode": st.sampled_from(["513210", " 86.10 ", "", 513210, None, ["1"]]),
        "codeValue": st.sampled_from(["15-1255.00", "", None]),
        "name": texts,
        "description": texts,
        "@id": st.just("#t"),
    },
)
regular_terms: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {"@type": st.sampled_from(["DefinedTerm", "CategoryCode"])},
    optional={
        "inDefinedTermSet": st.just({"@type": "DefinedTermSet", "name": "NAICS"}),
        "inCodeSet": st.just("https://x.org/set"),
        "termCode": st.just("513210"),
        "codeValue": st.just("15-1255.00"),
        "name": st.sampled_from(["Software", " Nursing "]),
    },
)
area_nodes = st.fixed_dictionaries(
    {},
    optional={
        "@type": st.sampled_from(
            ["Country", "State", "AdministrativeArea", "schema:Country", None]
        ),
        "name": st.sampled_from(["DE", "de", " DE", "Germany", "Catalonia", "", None, ["DE"]]),
        "identifier": st.just("DE"),
    },
)


#: Each regular-shape fast path ("module:function"), the nodes to try it on, and the call of the
#: reader method that takes it.
REGULAR_SHAPES: list[tuple[str, st.SearchStrategy[Any], Callable[[Any, Any], Any]]] = [
    (
        "jsonld_map_pay:_regular_pay",
        st.tuples(st.one_of(regular_pay_nodes, pay_nodes), st.sampled_from([None, "CHF"])),
        lambda reader, case: reader.pay(case[0], "/baseSalary/0", case[1]),
    ),
    (
        "jsonld_map_places:_regular_place",
        st.one_of(regular_places, place_nodes),
        lambda reader, node: reader.location(node, "/jobLocation/0"),
    ),
    (
        "jsonld_map_requirements:_regular_experience",
        st.one_of(regular_experience, experience_nodes),
        lambda reader, node: reader.experience(node, "/experienceRequirements/0"),
    ),
    (
        "jsonld_map_requirements:_regular_education",
        st.one_of(regular_education, education_nodes),
        education_read,
    ),
    (
        "jsonld_map:_regular_contact",
        st.one_of(regular_contacts, contact_nodes),
        lambda reader, node: reader.contact(node, "/applicationContact/0"),
    ),
    (
        "jsonld_map_org:_regular_organization",
        st.one_of(regular_organizations, organization_nodes),
        organization_read,
    ),
    (
        "jsonld_map_org:_regular_term",
        st.tuples(st.one_of(regular_terms, term_nodes), st.booleans()),
        lambda reader, case: reader.classification(
            case[0],
            "/industry",
            *(("inCodeSet", "codeValue") if case[1] else ("inDefinedTermSet", "termCode")),
        ),
    ),
    (
        "jsonld_map_places:_regular_area",
        st.one_of(
            st.fixed_dictionaries(
                {
                    "@type": st.sampled_from(["Country", "State"]),
                    "name": st.sampled_from(["DE", "NL", "Catalonia"]),
                }
            ),
            area_nodes,
        ),
        lambda reader, node: reader.area(node, "/applicantLocationRequirements/0"),
    ),
]


@pytest.mark.parametrize(
    ("fast_path", "nodes", "call"), REGULAR_SHAPES, ids=[row[0] for row in REGULAR_SHAPES]
)
@FUZZ
@given(data=st.data())
def test_regular_shapes_are_what_the_general_reading_gives(
    fast_path: str, nodes: st.SearchStrategy[Any], call: Callable[[Any, Any], Any], data: Any
) -> None:
    """A fast path gives what the general code gives: the same value, notes and leftovers."""
    node = data.draw(nodes)

    def read(reader: Any) -> Any:
        return call(reader, node)

    assert read_with(read) == read_with(read, "jobposting.formats." + fast_path)


@FUZZ
@given(st.text(st.sampled_from([*SPACES[:8], "-", "*", "\u2022", "\u2013", "a", ".", ","])))
def test_bullet_marks_are_what_the_bullet_pattern_needs(text: str) -> None:
    from jobposting.formats.jsonld_map_base import _BULLET, _has_bullet_mark

    assert _has_bullet_mark(text) or _BULLET.search(text) is None


@FUZZ
@given(st.lists(st.text(st.sampled_from(["a", "&", "<", ">", "\n", "\x00", "é", " "])), min_size=1))
def test_blocks_escaped_together_are_each_escaped_alone(texts: list[str]) -> None:
    expected = "".join(f"<li>{description._escape_text(text)}</li>" for text in texts)
    assert description._escaped_blocks(texts, "<li>", "</li>") == expected


def plain_merge(document: dict[str, Any], patch: dict[str, Any], *, top: bool = True) -> Any:
    """merge() as first written: every value through _merged, keys checked with a generator."""

    def merged(base: Any, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(base, dict):
            return plain_merge(base, value, top=False)
        if (
            isinstance(value, dict)
            and isinstance(base, list)
            and value
            and all(k.isdigit() for k in value)
        ):
            result = list(base)
            for key, item in value.items():
                if int(key) < len(result):
                    result[int(key)] = merged(result[int(key)], item)
            return result
        return value

    for key, value in patch.items():
        if value is None:
            document.pop(key, None)
        elif top and key == "extensions":
            document[key] = copy.deepcopy(value)
        else:
            document[key] = merged(document.get(key), value)
    return document


patch_keys = st.sampled_from(["a", "b", "0", "1", "2", "10", "", "extensions"])
patch_values = st.recursive(
    number_leaves,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(patch_keys, inner, max_size=3),
    max_leaves=10,
)


@FUZZ
@given(
    st.dictionaries(patch_keys, patch_values, max_size=4),
    st.dictionaries(patch_keys, patch_values, max_size=4),
)
def test_merge_is_the_plain_merge(document: dict[str, Any], patch: dict[str, Any]) -> None:
    from jobposting.formats.jsonld_residual import merge

    expected = plain_merge(copy.deepcopy(document), copy.deepcopy(patch))
    assert json.dumps(merge(copy.deepcopy(document), copy.deepcopy(patch))) == json.dumps(expected)


@FUZZ
@given(numbered_values)
def test_json_copy_is_a_deep_copy(value: Any) -> None:
    from jobposting.jsontext import json_copy

    copied = json_copy(value)
    assert json.dumps(copied) == json.dumps(copy.deepcopy(value))
    containers = [value]
    while containers:
        item = containers.pop()
        if isinstance(item, dict | list):
            assert not any(item is other for other in _containers(copied))
            containers.extend(item.values() if isinstance(item, dict) else item)


def _containers(value: Any) -> Iterator[Any]:
    if isinstance(value, dict | list):
        yield value
        for item in value.values() if isinstance(value, dict) else value:
            yield from _containers(item)


utf8_texts = st.lists(
    st.sampled_from(
        ["\\ud800", "\\uD83D\\uDE00", "\\u00e9", "\\\\ud", "é", "😀", "x", '"', "\ufeff"]
    ),
    max_size=8,
).map("".join)


@FUZZ
@given(utf8_texts, st.booleans())
def test_surrogate_escapes_are_found_in_the_utf8_bytes(text: str, bom: bool) -> None:
    from jobposting import surrogates

    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    assert surrogates.escaped_in(data) == surrogates.escaped_in(data.decode("utf-8-sig"))


@FUZZ
@given(st.sampled_from(["Cook", "\\ud800", "Caf\\u00e9 \\uDE00", "é\\ud83d\\ude00"]), st.booleans())
def test_found_reads_utf8_as_the_decoded_text(title: str, bom: bool) -> None:
    from jobposting.formats.jsonld import found
    from jobposting.formats.jsonld_read import text_found

    data = (b"\xef\xbb\xbf" if bom else b"") + (
        '{"@context": "https://schema.org", "@type": "JobPosting", "title": "' + title + '"}'
    ).encode("utf-8")
    assert list(found(data)) == list(text_found(data.decode("utf-8-sig")))
