"""The html reader: the posting comes back from the visible, annotated markup of the page."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings

import jobposting
from conftest import REPO, case_dirs
from jobposting import crosswalk
from jobposting.errors import InvalidPostingError, ReadError
from jobposting.formats import html as html_format
from jobposting.formats.base import ReadOptions, WriteOptions
from jobposting.model import Posting
from strategies import postings

_SCRIPT = re.compile(r"<script\b.*?</script\s*>\n?", re.IGNORECASE | re.DOTALL)


def load(path: Path) -> Posting:
    return jobposting.loads(path.read_text(encoding="utf-8"))


def without_scripts(markup: str) -> str:
    """The page with every <script> element cut out of its text."""
    return _SCRIPT.sub("", markup)


def reserialised_without_scripts(markup: str) -> str:
    """The page parsed by lxml, its <script> elements dropped, serialised again as ASCII."""
    tree = lxml.html.document_fromstring(markup)
    for script in list(tree.iter("script")):
        cast("lxml.html.HtmlElement", script).drop_tree()
    return str(lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>"))


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_case_comes_back_from_the_page_with_every_script_removed(case: Path) -> None:
    """case -> html (JSON-LD embedded) -> every <script> cut out -> html reader -> the case."""
    posting = load(case / "posting.json")
    markup = without_scripts(jobposting.write(posting, "html"))
    assert "<script" not in markup
    assert jobposting.read(markup, "html") == posting


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_case_comes_back_from_a_page_another_tool_serialised(case: Path) -> None:
    """lxml's re-serialisation (other quoting, character references) reads the same."""
    posting = load(case / "posting.json")
    markup = reserialised_without_scripts(jobposting.write(posting, "html"))
    assert jobposting.read(markup, "html") == posting


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_case_comes_back_from_a_fragment(case: Path) -> None:
    """A fragment embedded in another site's page reads the same as the whole page."""
    posting = load(case / "posting.json")
    fragment = jobposting.write(posting, "html", WriteOptions(fragment=True, jsonld=False))
    page = f"<!DOCTYPE html><html><body><nav>Jobs</nav>{fragment}<footer>(c)</footer></body></html>"
    assert jobposting.read(page, "html") == posting


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posting=postings())
def test_generated_postings_come_back_without_scripts(posting: Posting) -> None:
    """Any valid posting -> html -> every script cut out -> html reader is the identity.

    (Not through lxml here: libxml2 percent-encodes spaces in href values it serialises.)
    """
    markup = without_scripts(jobposting.write(posting, "html"))
    assert jobposting.read(markup, "html") == posting


def test_the_xss_posting_round_trips() -> None:
    """Payloads written as text come back as the same text."""
    posting = load(REPO / "tests" / "xss" / "posting.json")
    assert jobposting.read(without_scripts(jobposting.write(posting, "html")), "html") == posting


def test_each_article_of_a_page_is_one_record() -> None:
    """A page of several postings gives one record per article, located by number."""
    cases = case_dirs()[:2]
    originals = [load(case / "posting.json") for case in cases]
    markup = jobposting.write(originals, "html", WriteOptions(jsonld=False))
    records = list(jobposting.records(markup, "html"))
    assert [record.where for record in records] == ["article 1", "article 2"]
    assert [record.posting for record in records] == originals


def test_the_format_is_guessed_from_the_page() -> None:
    """A page or fragment of the html writer is recognised without naming the format."""
    posting = load(case_dirs()[0] / "posting.json")
    assert jobposting.read(jobposting.write(posting, "html")) == posting
    fragment = jobposting.write(posting, "html", WriteOptions(fragment=True))
    assert jobposting.read(fragment) == posting


def test_a_page_from_elsewhere_is_read_from_its_structured_data() -> None:
    """Without data-jp annotations, the JSON-LD block (schema.org JobPosting) is read."""
    posting = load(case_dirs()[0] / "posting.json")
    markup = jobposting.write(posting, "html").replace('data-jp-posting=""', "")
    (record,) = jobposting.records(markup, "html")
    assert record.where == "script 1"
    assert record.posting is not None
    assert record.posting.title == posting.title


def test_a_page_without_markup_goes_to_the_text_extraction() -> None:
    """Neither annotations nor structured data: the page's text is read for a posting."""
    page = b"<!DOCTYPE html><html><body><p>Hello</p></body></html>"
    (record,) = jobposting.records(page, "html")
    assert record.posting is None
    assert isinstance(record.error, ReadError)


def test_an_annotated_posting_is_validated() -> None:
    """Annotations that make an invalid posting give the schema's problems."""
    page = '<article data-jp-posting><h1 data-jp="title">Cook</h1></article>'
    (record,) = jobposting.records(page, "html")
    assert isinstance(record.error, InvalidPostingError)
    assert str(record.error) == "/hiringOrganization: is required"


def test_bad_json_in_an_annotation_names_where() -> None:
    """A value marked as JSON that does not parse is a ReadError at its JSON Pointer."""
    page = '<article data-jp-posting><data data-jp="openings" data-jp-as="json" value="two">'
    (record,) = jobposting.records(page, "html")
    assert isinstance(record.error, ReadError)
    assert str(record.error) == "/openings: data-jp value is not JSON: Expecting value"


_TWICE = (
    '<article data-jp-posting><h1 data-jp="title">Cook</h1><p data-jp="title">Chef</p>'
    '<p data-jp="hiringOrganization" data-jp-as="object"><span data-jp="name">Bistro</span></p>'
    "</article>"
)


def test_a_property_given_twice_keeps_the_last_and_says_so() -> None:
    """Lenient reading repairs a duplicate and records a diagnostic with a stable code."""
    (record,) = jobposting.records(_TWICE, "html")
    assert record.posting is not None
    assert record.posting.title == "Chef"
    assert [(p.pointer, p.code, p.message) for p in record.diagnostics] == [
        ("/title", "html.duplicate", "'title' is given twice; the last one is kept")
    ]


def test_strict_reading_turns_the_duplicate_into_an_error() -> None:
    """In strict mode the first diagnostic becomes the record's error."""
    records = html_format.read(io.BytesIO(_TWICE.encode()), ReadOptions(strict=True))
    (record,) = list(records)
    assert str(record.error) == "/title: 'title' is given twice; the last one is kept"


def test_script_and_style_content_is_never_read() -> None:
    """Annotations inside <script> or <template> are not part of the visible page."""
    page = _TWICE.replace(
        '<p data-jp="title">Chef</p>',
        '<script><p data-jp="title">Chef</p></script><template><p data-jp="title">X</p></template>',
    )
    (record,) = jobposting.records(page, "html")
    assert record.posting is not None
    assert record.posting.title == "Cook"
    assert record.diagnostics == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Caf\u00e9".encode(), "Caf\u00e9"),
        (b"\xef\xbb\xbfCaf\xc3\xa9", "Caf\u00e9"),
        (b'<meta charset="iso-8859-1">Caf\xe9', '<meta charset="iso-8859-1">Caf\u00e9'),
        (b"Caf\xe9 \x93quoted\x94", "Caf\u00e9 \u201cquoted\u201d"),
    ],
    ids=["utf-8", "bom", "meta-charset", "cp1252"],
)
def test_pages_are_decoded_by_bom_utf8_meta_then_cp1252(raw: bytes, expected: str) -> None:
    """The page's bytes decode the way its declaration says."""
    assert html_format.decode(raw) == expected


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_cli_round_trip_without_scripts_gives_the_case_byte_for_byte(
    case: Path, tmp_path: Path
) -> None:
    """`convert -t html`, scripts cut out, `convert -f html -t json` writes posting.json again."""
    from click.testing import CliRunner

    from jobposting.cli import cli

    runner = CliRunner()
    page = runner.invoke(cli, ["convert", str(case / "posting.json"), "-t", "html"])
    assert page.exit_code == 0, page.output
    stripped = tmp_path / "page.html"
    stripped.write_text(without_scripts(page.stdout), encoding="utf-8")
    back = runner.invoke(cli, ["convert", str(stripped), "-f", "html", "-t", "json"])
    assert back.exit_code == 0, back.output
    assert back.stdout == (case / "posting.json").read_text(encoding="utf-8")


def _schema_paths(schema: dict[str, Any], node: dict[str, Any], path: str) -> Iterator[str]:
    """Every property of the canonical schema as a crosswalk path ("*" for any list index)."""
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    if node.get("type") == "array" and "items" in node:
        yield from _schema_paths(schema, node["items"], path + "/*")
        return
    for name, value in node.get("properties", {}).items():
        yield path + "/" + name
        if path + "/" + name != "/extensions":  # free-form JSON
            yield from _schema_paths(schema, value, path + "/" + name)


def test_the_crosswalk_names_every_property_of_the_schema() -> None:
    """converters/html/mapping.toml has one row per canonical property, no more, no less."""
    schema = json.loads((REPO / "schemas" / "jobposting.schema.json").read_text(encoding="utf-8"))
    table = crosswalk.parse((REPO / "converters" / "html" / "mapping.toml").read_text("utf-8"))
    assert table.canonical_paths == set(_schema_paths(schema, schema, ""))


def _records(page: bytes) -> list[Any]:
    return list(html_format.read(io.BytesIO(page), ReadOptions(validate=False)))


def test_a_page_with_a_malformed_marked_section_is_read() -> None:
    """``<![...]>`` that opens no known section is a bogus comment up to the next ``>`` (HTML5;
    Python 3.11's html.parser raises instead): a page not written here is then read from its
    text as any other page."""
    page = (
        b"<html><body><![CDATA-ish broken]><h1>Night Nurse</h1><p>Company: St Mary's Clinic</p>"
        b"<p>We are hiring a night nurse for our ward.</p></body></html>"
    )
    (record,) = _records(page)
    assert record.error is None
    assert (record.posting.title, record.posting.hiring_organization.name) == (
        "Night Nurse",
        "St Mary's Clinic",
    )


def test_a_page_of_ours_with_a_malformed_marked_section_reads_as_before() -> None:
    case = case_dirs()[0] / "posting.html"
    page = case.read_bytes().replace(b"<h2", b"<![CDATA-ish]><h2", 1)
    assert _records(page) == _records(case.read_bytes())


def test_a_page_without_an_element_is_an_error_not_a_crash() -> None:
    (record,) = _records(b'<?xml version="1.0"?>\n<!-- nothing else -->\n')
    assert record.posting is None
    assert isinstance(record.error, ReadError)
    assert record.error.message == "the page has no HTML element to read"
