"""The html writer: a semantic, accessible, deterministic and sanitised job page or fragment."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import cast

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings

import jobposting
from conftest import CASES, REPO, schema_0_2_0_document
from jobposting import codec
from jobposting.errors import WriteError
from jobposting.formats import html_page
from jobposting.formats.base import WriteOptions
from jobposting.formats.html_markup import sanitise
from jobposting.model import Posting
from strategies import postings, rich_texts

XSS_POSTING = REPO / "tests" / "xss" / "posting.json"
CAPITAL_ONE = CASES / "capital-one-lead-machine-learning-engineer" / "posting.json"
MINIMAL = CASES / "minimal-required-only" / "posting.json"
NO_JSONLD = WriteOptions(jsonld=False)


def load(path: Path) -> Posting:
    return jobposting.loads(path.read_text(encoding="utf-8"))


def page(posting: Posting, options: WriteOptions = NO_JSONLD) -> str:
    return jobposting.write(posting, "html", options)


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of the <title>."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self._in_title = False
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def test_page_is_a_complete_html5_document_in_the_postings_language() -> None:
    """The page starts with the doctype, declares UTF-8, a viewport, the language and a title."""
    markup = page(load(CAPITAL_ONE))
    assert markup.startswith('<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="utf-8">')
    elements = Elements(markup)
    assert elements.title == "Lead Machine Learning Engineer \N{EN DASH} Capital One"
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in elements.named(
        "meta"
    )
    assert [name for name, _ in elements.tags].count("h1") == 1
    assert markup.endswith("</main>\n</body>\n</html>\n")


def test_fragment_is_the_article_alone() -> None:
    """--fragment writes the article (for embedding in a site) without the page around it."""
    markup = jobposting.write(load(MINIMAL), "html", WriteOptions(fragment=True, jsonld=False))
    assert markup == (
        '<article class="jobposting" data-jp-posting="">\n<header>\n'
        '<h1 data-jp="title">Line Cook</h1>\n'
        '<p class="jp-org" data-jp="hiringOrganization" data-jp-as="object">'
        '<span data-jp="name">Juniper Street Bistro</span></p>\n</header>\n</article>\n'
    )


def test_without_jsonld_the_page_has_no_script_at_all() -> None:
    """--no-jsonld leaves the JSON-LD block out, and nothing else is a script."""
    assert "<script" not in page(load(CAPITAL_ONE))


def test_writer_is_deterministic() -> None:
    """The same posting gives the same bytes."""
    posting = load(CAPITAL_ONE)
    assert page(posting) == page(load(CAPITAL_ONE))


def test_pay_that_differs_by_location_is_a_table_with_one_row_per_range() -> None:
    """Ranges with appliesTo become rows of a table with column and row headers."""
    markup = page(load(CAPITAL_ONE))
    table = markup[markup.index('<table class="jp-pay">') : markup.index("</table>")]
    assert table.count('<tr data-jp="basePay[]" data-jp-as="object">') == 5
    assert '<th scope="col">Base pay</th>' in table
    assert table.count('scope="row"') == 5
    assert "<caption>Base pay by location</caption>" in table


def test_pay_for_the_whole_posting_is_a_sentence() -> None:
    """Ranges without appliesTo are a line of text, not a table (German posting: German words)."""
    path = CASES / "german-pflegefachkraft-vollzeit" / "posting.json"
    markup = page(load(path))
    assert "<table" not in markup
    assert (
        '<div class="jp-amount" data-jp="basePay[]" data-jp-as="object">'
        '<data data-jp="currency" value="EUR">EUR</data> '
        '<data data-jp="minimum" data-jp-as="json" value="3800">3.800</data>\N{EN DASH}'
        '<data data-jp="maximum" data-jp-as="json" value="4400">4.400</data> '
        '<data data-jp="period" value="MONTH">pro Monat</data>'
    ) in markup


def test_dates_are_time_elements_with_words_for_people() -> None:
    """A date is a <time> with the canonical value in datetime and the date in words."""
    markup = page(load(CAPITAL_ONE))
    assert '<time data-jp="datePosted" datetime="2025-10-21">21 October 2025</time>' in markup


def test_how_to_apply_is_a_link_styled_as_a_button() -> None:
    """The application URL is an <a> button, in the header and in How to apply."""
    path = CASES / "remote-eu-countries-senior-backend-engineer" / "posting.json"
    elements = Elements(page(load(path)))
    buttons = [a for a in elements.named("a") if a.get("class") == "jp-button"]
    assert len(buttons) == 2
    assert buttons[0]["href"] == buttons[1]["href"]
    assert buttons[1]["data-jp"] == "url"


def test_a_write_of_no_postings_is_an_error() -> None:
    """An empty page is not a job page."""
    with pytest.raises(WriteError, match=r"^html needs at least one posting to write$"):
        jobposting.write([], "html", NO_JSONLD)


# -- sanitising -------------------------------------------------------------------------------

_HANDLER = re.compile(r"^on", re.IGNORECASE)
_FORBIDDEN = {"script", "iframe", "object", "embed", "form", "input", "button", "svg", "math",
              "img", "link", "base", "body", "details", "style", "meta"}  # fmt: skip


def assert_inert(markup: str) -> None:
    """No script, handler, javascript: URL, style, form or embedded document in the body."""
    body = markup[markup.index("<main>") :] if "<main>" in markup else markup
    elements = Elements(body)
    for tag, attrs in elements.tags:
        assert not [name for name in attrs if _HANDLER.match(name)], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        for name in ("href", "src", "action", "formaction", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value or value.startswith(("http:", "https:", "mailto:", "tel:", "#")), (
                tag,
                attrs,
            )
        # details is the writer's own disclosure of extension data; it never carries handlers.
        assert tag not in _FORBIDDEN or (tag == "details" and attrs == {}), (tag, attrs)


def test_the_xss_posting_is_written_as_inert_text() -> None:
    """Every payload of tests/xss (valid canonical JSON) ends up as text, never as markup."""
    markup = page(load(XSS_POSTING))
    assert_inert(markup)
    assert "&lt;script&gt;top.__xss_org=1&lt;/script&gt;" in markup
    assert '<span data-jp="url">javascript:top.__xss_apply=1</span>' in markup


def test_invalid_rich_text_is_sanitised() -> None:
    """A posting that skipped validation still cannot inject markup through rich text."""
    document = codec.to_dict(load(MINIMAL))
    document["description"] = (
        '<p onclick="top.x=1">Hi<script>top.x=1</script><a href="javascript:top.x=1">a</a>'
        '<img src=x onerror=top.x=1><style>*{display:none}</style><iframe src="https://e.x">'
        "</iframe><form><input></form></p>"
    )
    markup = page(codec.from_dict(document))
    assert_inert(markup)
    # <form> ends the paragraph when parsed, hence the empty <p> where </p> was.
    rich = '<div class="jp-rich" data-jp="description" data-jp-as="html">'
    assert f"{rich}<p>Hi<a>a</a></p><p></p></div>" in markup


@settings(max_examples=50, deadline=None)
@given(rich_text=rich_texts())
def test_valid_rich_text_passes_the_sanitiser_unchanged(rich_text: str) -> None:
    """Canonical rich text is already inside the allowlist, so sanitising keeps every byte."""
    assert sanitise(rich_text) == rich_text


_BLOCKS = {"p", "div", "ul", "ol", "dl", "table", "section", "article", "header", "footer",
           "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "details"}  # fmt: skip


class Nesting(HTMLParser):
    """Finds block elements inside <p>, which a browser would pull out of the paragraph."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.misplaced: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and "p" in self.open:
            self.misplaced.append(f"<{tag}> in <p> after {self.open}")
        if tag not in {"br", "meta", "img", "hr", "input", "link"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posting=postings())
def test_any_posting_gives_an_inert_well_nested_page(posting: Posting) -> None:
    """Generated postings never produce active markup, and every element nests as parsed."""
    markup = page(posting)
    assert_inert(markup)
    nesting = Nesting()
    nesting.feed(markup)
    assert nesting.misplaced == []
    assert nesting.open == []


def test_page_template_is_shipped_data() -> None:
    """The skeleton comes from converters/html/template.html, with the stylesheet inline."""
    skeleton = html_page.template().template
    assert skeleton.startswith("<!DOCTYPE html>")
    assert "@media print" in skeleton
    assert "@media (max-width: 36rem)" in skeleton


def test_several_postings_make_one_page_of_articles() -> None:
    """A page holds one article per posting, titled by their number."""
    sink = io.BytesIO()
    jobposting.write_to([load(MINIMAL), load(CAPITAL_ONE)], sink, "html", NO_JSONLD)
    elements = Elements(sink.getvalue().decode("utf-8"))
    assert elements.title == "2 job postings"
    assert len(elements.named("article")) == 2


def test_the_xss_page_has_no_script_but_the_jsonld_block() -> None:
    """With JSON-LD embedded, the one script is the data block; no text ends it early."""
    markup = jobposting.write(load(XSS_POSTING), "html")
    scripts = Elements(markup).named("script")
    assert scripts == [{"type": "application/ld+json"}]
    block = markup[markup.index("<script") : markup.index("</script>")]
    assert "<" not in block[1:]
    assert "-->" not in block


def test_cli_writes_a_fragment_without_jsonld(tmp_path: Path) -> None:
    """`convert -t html --fragment --no-jsonld` writes the bare article."""
    from click.testing import CliRunner

    from jobposting.cli import cli

    result = CliRunner().invoke(
        cli, ["convert", str(MINIMAL), "-t", "html", "--fragment", "--no-jsonld"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith('<article class="jobposting" data-jp-posting="">')
    assert "<script" not in result.stdout
    full = CliRunner().invoke(cli, ["convert", str(MINIMAL), "-t", "html"])
    assert full.stdout.startswith("<!DOCTYPE html>")
    assert '<script type="application/ld+json">' in full.stdout


def test_unvalidated_ids_cannot_break_out_of_attributes() -> None:
    """A location id with quotes (invalid, but not validated) stays inside its attribute."""
    document = codec.to_dict(load(MINIMAL))
    evil = 'x" onmouseover="top.x=1'
    document["locations"] = [{"id": evil}]
    document["compensation"] = {
        "basePay": [
            {"currency": "USD", "value": 1, "period": "YEAR", "appliesTo": {"locationId": evil}}
        ]
    }
    markup = page(codec.from_dict(document))
    assert_inert(markup)
    assert 'id="jp1-location-x&quot; onmouseover=&quot;top.x=1"' in markup
    assert 'href="#jp1-location-x&quot; onmouseover=&quot;top.x=1"' in markup


def test_a_german_posting_gets_german_labels_and_dates() -> None:
    """Labels, dates and numbers follow a de posting; English is the default for the rest."""
    markup = page(load(CASES / "german-pflegefachkraft-vollzeit" / "posting.json"))
    assert "<h2>Ihre Aufgaben</h2>" in markup
    assert '<data data-jp="employmentTypes[]" value="FULL_TIME">Vollzeit</data>' in markup
    assert '<time data-jp="datePosted" datetime="2025-11-03">3. November 2025</time>' in markup
    assert ">38,5 Stunden pro Woche</data>" in markup
    assert "<h2>Responsibilities</h2>" in page(load(CAPITAL_ONE))


def shown(markup: str) -> str:
    """The text people read in the body of a page, runs of spaces and newlines squashed."""
    body = cast("lxml.html.HtmlElement", lxml.html.document_fromstring(markup).find("body"))
    return re.sub(r"[ \n]+", " ", body.text_content())


def test_the_schema_0_2_0_fields_are_shown_and_read_back() -> None:
    """Pay scale, incentive figures, issuers, related fields, credentials and alternatives are
    written in words, and the page gives the posting back."""
    posting = codec.from_dict(schema_0_2_0_document())
    markup = page(posting)
    said = shown(markup)
    for words in (
        "Pay scale: General Schedule, grade GS-12, step 3",
        "Sign-on bonus: USD up to 10,000",
        "Bonus (discretionary): USD 5,000\N{EN DASH}8,000 per year, 12.5% of base pay",
        "Bachelor's degree in Nursing (only these fields) required",
        "Licences and certifications Registration: NMC registration, issued by Nursing and"
        " Midwifery Council required",
        "Java required (one of the alternatives marked jvm) SQL Kotlin required (one of the"
        " alternatives marked jvm)",
        "One of: de, nl preferred",
        "HRB 1 (Handelsregister, issued by Amtsgericht Augsburg)",
    ):
        assert words in said
    assert '<p class="jp-text" data-jp="text">Step by experience</p></div>' in markup
    group = markup[markup.index('<li class="jp-alternatives">') :]
    assert group.startswith(
        '<li class="jp-alternatives">One of: <span data-jp="languageRequirements[]"'
        ' data-jp-as="object"><data data-jp="alternativeGroup" value="de-or-nl"></data>'
        '<data data-jp="requirement" value="PREFERRED"></data>'
        '<data data-jp="language" value="de">de</data></span>, '
    )
    assert jobposting.read(markup, "html") == posting


def test_the_schema_0_2_0_fields_in_german() -> None:
    """A German posting says them in German, percentages with a space before the sign."""
    posting = codec.from_dict(schema_0_2_0_document("de"))
    markup = page(posting)
    said = shown(markup)
    for words in (
        "Tarif: General Schedule, Entgeltgruppe GS-12, Stufe 3",
        "Bonus (freiwillig): USD 5.000\N{EN DASH}8.000 pro Jahr, 12,5\N{NO-BREAK SPACE}% des"
        " Grundgehalts",
        "Zulassungen und Zertifikate Registrierung: NMC registration, ausgestellt von",
        "Wahlweise: de, nl wünschenswert",
        "in Nursing (nur diese Fachrichtungen)",
    ):
        assert words in said
    assert jobposting.read(markup, "html") == posting


def test_a_group_of_alternatives_with_mixed_levels_shows_each_level() -> None:
    """The rules give a group one level; a posting that skipped validation still says each."""
    document = schema_0_2_0_document()
    document["skills"][1:] = [{"name": "Kotlin", "requirement": "PREFERRED",
                               "alternativeGroup": "jvm"}]  # fmt: skip
    said = shown(page(codec.from_dict(document)))
    assert "One of: Java required, Kotlin preferred Languages" in said


@pytest.mark.parametrize(
    ("language", "disclosed", "shown"),
    [("en", False, "(employer not named)"), ("de", False, "(Arbeitgeber nicht genannt)"),
     ("en", True, "")],
)  # fmt: skip
def test_an_employer_not_named_says_so_after_the_name(
    language: str, disclosed: bool, shown: str
) -> None:
    document = {"language": language, "title": "Nurse",
                "hiringOrganization": {"name": "Confidential", "disclosed": disclosed}}  # fmt: skip
    page = jobposting.write(codec.from_dict(document), "html")
    value = "false" if not disclosed else "true"
    assert (
        '<p class="jp-org" data-jp="hiringOrganization" data-jp-as="object">'
        '<span data-jp="name">Confidential</span> <data class="jp-muted" data-jp="disclosed" '
        f'data-jp-as="json" value="{value}">{shown}</data></p>'
    ) in page
    markdown = jobposting.write(codec.from_dict(document), "markdown")
    byline = "**Confidential**" + (f" *{shown}*" if shown else "")
    assert byline in markdown.splitlines()
