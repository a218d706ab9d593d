"""The markdown writer: GitHub-flavoured Markdown that renders the posting, and nothing else."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import cmarkgfm  # type: ignore[import-untyped]
import pytest
from cmarkgfm.cmark import Options  # type: ignore[import-untyped]
from hypothesis import HealthCheck, given, settings

import jobposting
from conftest import CASES, REPO, schema_0_2_0_document
from jobposting import codec
from jobposting.errors import WriteError
from jobposting.formats.markdown_text import cell, code, escape, heading, link, rich
from jobposting.model import Posting
from strategies import postings

#: What cmark-gfm makes of Markdown, plus the inline HTML the writer keeps (u, sub, sup, br).
RENDERED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "strong", "em", "a", "code",
    "pre", "table", "thead", "tbody", "tr", "th", "td", "br", "blockquote", "hr", "u", "sub",
    "sup",
}  # fmt: skip


def load(path: Path) -> Posting:
    return jobposting.loads(path.read_text(encoding="utf-8"))


def render(markdown: str) -> str:
    """GitHub's renderer with raw HTML let through, so any HTML the writer leaks shows."""
    html: str = cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=Options.CMARK_OPT_UNSAFE
    )
    return html


class Rendered(HTMLParser):
    """The tags, link targets and text of each heading and list item of rendered Markdown."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self.blocks: dict[str, list[str]] = {}
        self._open: list[tuple[str, list[str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [value or "" for name, value in attrs if name in {"href", "src"}]
        if tag in {"h1", "h2", "li", "td", "p"}:
            self._open.append((tag, []))

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            self.blocks.setdefault(name, []).append(" ".join("".join(parts).split()))

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)


def squash(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(posting=postings())
def test_markdown_renders_the_postings_text_literally(posting: Posting) -> None:
    """Title, list items and legal text render as written; no raw HTML, no unsafe link."""
    rendered = Rendered(render(jobposting.write(posting, "markdown")))
    assert rendered.tags <= RENDERED_TAGS
    assert all(href.startswith(("http:", "https:", "mailto:", "tel:")) for href in rendered.hrefs)
    assert rendered.blocks["h1"] == [squash(posting.title)]
    items = rendered.blocks.get("li", [])
    for text in posting.responsibilities + posting.required_qualifications:
        assert squash(text) in items
    for statement in posting.legal_statements:
        assert any(item.endswith(squash(statement.text)) for item in items)


def test_the_xss_posting_renders_as_text() -> None:
    """Payloads stay text: no script, handler, style or unsafe link in the rendered HTML."""
    markdown = jobposting.write(load(REPO / "tests" / "xss" / "posting.json"), "markdown")
    rendered = Rendered(render(markdown))
    assert rendered.tags <= RENDERED_TAGS
    assert all(href.startswith(("http:", "https:", "mailto:", "tel:")) for href in rendered.hrefs)
    assert "**Apply now (`javascript:top.__xss_apply=1`)**" in markdown


def test_pay_that_differs_by_location_is_a_table() -> None:
    """Ranges with appliesTo become table rows: where, amount, details."""
    path = CASES / "capital-one-lead-machine-learning-engineer" / "posting.json"
    markdown = jobposting.write(load(path), "markdown")
    assert (
        "| Where | Base pay | Details |\n|---|---|---|\n"
        "| Sales Territory | USD 175,800\N{EN DASH}200,700 per year | full-time basis; "
        "Sales Territory: $175,800 - $200,700 for Lead Machine Learning Engineer |\n"
        "| McLean, VA (McLean, US-VA, US) | USD 193,400\N{EN DASH}220,700 per year |"
    ) in markdown


def test_several_postings_are_separated_by_a_rule() -> None:
    """Postings follow each other, separated by a thematic break."""
    minimal = load(CASES / "minimal-required-only" / "posting.json")
    assert jobposting.write([minimal, minimal], "markdown") == (
        "# Line Cook\n\n**Juniper Street Bistro**\n\n---\n\n"
        "# Line Cook\n\n**Juniper Street Bistro**\n"
    )


def test_no_postings_is_an_error() -> None:
    """Writing nothing is a mistake worth reporting."""
    with pytest.raises(WriteError, match=r"^markdown needs at least one posting to write$"):
        jobposting.write([], "markdown")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("R&D <team> *now* [x](y) a|b ~c~ `d`", r"R&D \<team\> \*now\* \[x\](y) a\|b \~c\~ \`d\`"),
        ("&amp; &#39; & &x", "&amp;amp; &amp;#39; & &x"),
        ("# not a heading", r"\# not a heading"),
        ("1. not a list\n2) nor this", "1\\. not a list\\\n2\\) nor this"),
        ("- item\n+ item\n> quote\n===", "\\- item\\\n\\+ item\\\n\\> quote\\\n\\==="),
        ("    not code", "not code"),
        ("first\n\nsecond", "first\n\nsecond"),
    ],
)
def test_plain_text_is_escaped(text: str, expected: str) -> None:
    """Markdown syntax in plain text is shown, not interpreted."""
    assert escape(text) == expected


def test_headings_escape_a_closing_hash() -> None:
    """A trailing # would close an ATX heading; it is escaped, and the heading is one line."""
    assert heading("C# developer #1\nremote") == r"C\# developer \#1 remote"


def test_cells_and_code() -> None:
    """Cells stay on one line; code spans outgrow the backticks inside."""
    assert cell("a|b\nc\n\nd") == "a\\|b<br>c<br><br>d"
    assert code("a`b") == "``a`b``"
    assert link("javascript:alert(1)") == "`javascript:alert(1)`"
    assert link("https://e.x/a b(c)", "A") == "[A](https://e.x/a%20b%28c%29)"


def test_rich_text_becomes_markdown() -> None:
    """Each element of the rich-text subset has its Markdown form."""
    html = (
        "<h3>Team</h3><p>We <strong>ship</strong> <em>daily</em>, see "
        '<a href="https://e.x">here</a>.<br>Line two H<sub>2</sub>O</p>'
        "<ul><li>one</li><li>two<ol><li>inner</li></ol></li></ul>"
        "<blockquote><p>quoted</p></blockquote><pre><code>x = 1</code></pre>"
        '<p><a href="javascript:alert(1)">bad</a><script>alert(1)</script></p>'
    )
    assert rich(html) == (
        "### Team\n\n"
        "We **ship** *daily*, see [here](https://e.x).\\\nLine two H<sub>2</sub>O\n\n"
        "- one\n- two\n\n  1. inner\n\n"
        "> quoted\n\n```\nx = 1\n```\n\nbad"
    )


def test_the_schema_0_2_0_fields_are_written() -> None:
    """Pay scale, incentive figures, issuers, related fields, credentials and alternatives."""
    markdown = jobposting.write(codec.from_dict(schema_0_2_0_document()), "markdown")
    for lines in (
        "- Bachelor's degree in Nursing (only these fields) *(required)*",
        "### Licences and certifications\n\n- **Registration:** NMC registration, issued by"
        " Nursing and Midwifery Council *(required)*",
        "- Java *(required)* (one of the alternatives marked `jvm`)\n- SQL\n"
        "- Kotlin *(required)* (one of the alternatives marked `jvm`)",
        "### Languages\n\n- One of: de, nl *(preferred)*",
        "**Pay scale:** General Schedule, grade GS-12, step 3\n\nStep by experience",
        "- Sign-on bonus: USD up to 10,000\n"
        "- Bonus (discretionary): USD 5,000\N{EN DASH}8,000 per year, 12.5% of base pay",
        "- `HRB 1` (Handelsregister, issued by Amtsgericht Augsburg)",
    ):
        assert lines in markdown


def test_a_group_of_credentials_is_a_nested_list() -> None:
    """Alternatives that carry their own text are one item with a list of them under it."""
    document = schema_0_2_0_document("de")
    document["credentials"] = [
        {"kind": "LICENSE", "name": name, "requirement": "PREFERRED",
         "alternativeGroup": "truck", "text": "A truck licence"}
        for name in ("Counterbalance", "Reach")
    ]  # fmt: skip
    markdown = jobposting.write(codec.from_dict(document), "markdown")
    assert (
        "### Zulassungen und Zertifikate\n\n- Wahlweise: *(wünschenswert)*\n"
        "  - **Zulassung:** Counterbalance\n\n    A truck licence\n"
        "  - **Zulassung:** Reach\n\n    A truck licence\n"
    ) in markdown
    assert "12,5\N{NO-BREAK SPACE}% des Grundgehalts" in markdown
    rendered = Rendered(render(markdown))
    assert "Zulassung: Counterbalance A truck licence" in rendered.blocks["li"]


def test_a_group_of_alternatives_with_mixed_levels_says_each_level() -> None:
    """The rules give a group one level; a posting that skipped validation still says each."""
    document = schema_0_2_0_document()
    document["skills"][1:] = [{"name": "Kotlin", "requirement": "PREFERRED",
                               "alternativeGroup": "jvm"}]  # fmt: skip
    markdown = jobposting.write(codec.from_dict(document), "markdown")
    assert "- One of: Java *(required)*, Kotlin *(preferred)*\n" in markdown
