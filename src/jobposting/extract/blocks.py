"""The layout of a page or text as a flat list of blocks: headings, paragraphs and list items.

Both inputs the extractor reads end up here: plain text (line by line: bullets, blank lines,
Markdown headings, hard-wrapped lines joined) and an lxml HTML tree (block elements, ``<li>``,
``<h1>``-``<h6>``, bold-only paragraphs, ``<br>`` lines). Everything after this module works on
blocks and never sees the markup.
"""

from __future__ import annotations

import enum
import re

import attrs
from lxml import etree, html

__all__ = ["Block", "BlockKind", "blocks_from_html", "blocks_from_text", "clean_space"]


class BlockKind(enum.Enum):
    """What a block is in the layout."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@attrs.frozen(kw_only=True)
class Block:
    """One block of text with its kind and where it started (1-based line, 0 when unknown).

    ``marked`` is true when the layout itself says the block is a heading (Markdown ``#``, an
    HTML ``<h2>``, a bold-only paragraph); other headings are recognised later by their words.
    ``hint`` is what the page's own class names say the block is (``"location"``).
    """

    kind: BlockKind
    text: str
    line: int = 0
    marked: bool = False
    hint: str | None = None


_SPACE = re.compile(r"[\s\u200b]+")
_BULLET = re.compile(r"^(?:[•·▪▫●○◦■□➢➤►▶✓✔✗\-*\u2013—+]|\(?\d{1,2}[.)]|[a-z][.)])\s+(?=\S)")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")
_UNDERLINE = re.compile(r"^(=+|-{3,})$")
_SENTENCE_END = re.compile(r"[.!?:;)\"”»]$")


def clean_space(text: str) -> str:
    """Collapse runs of spaces (including no-break and zero-width ones) and trim."""
    return _SPACE.sub(" ", text).strip()


def blocks_from_text(text: str) -> list[Block]:
    """Split plain text into blocks.

    - A line starting with a bullet (``•``, ``-``, ``*``, ``1.``, ``a)``...) is an item.
    - ``# Heading`` and a line underlined with ``===``/``---`` are marked headings.
    - A line that continues the previous one (the previous has no closing punctuation and this
      one starts in lower case, or it is indented under an item) is joined to it: text wrapped
      at a fixed width reads as the paragraph it was.
    - Everything else is one paragraph per line.
    """
    blocks: list[Block] = []
    previous_blank = True
    length = 0  # of the previous line
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, start=1):
        line = clean_space(raw)
        if not line:
            previous_blank = True
            continue
        indented = raw[:1] in {" ", "\t"}
        if _UNDERLINE.match(line) and blocks and not previous_blank:
            blocks[-1] = attrs.evolve(blocks[-1], kind=BlockKind.HEADING, marked=True)
            continue
        if heading := _MARKDOWN_HEADING.match(line):
            blocks.append(
                Block(kind=BlockKind.HEADING, text=heading["text"], line=number, marked=True)
            )
        elif bullet := _BULLET.match(line):
            blocks.append(Block(kind=BlockKind.ITEM, text=line[bullet.end() :], line=number))
        elif blocks and not previous_blank and _continues(blocks[-1], line, indented, length):
            blocks[-1] = attrs.evolve(blocks[-1], text=f"{blocks[-1].text} {line}")
        else:
            blocks.append(Block(kind=BlockKind.PARAGRAPH, text=line, line=number))
        previous_blank = False
        length = len(line)
    return blocks


#: A line at least this long that stops without punctuation was wrapped at a fixed width.
_WRAPPED = 60


def _continues(previous: Block, line: str, indented: bool, previous_length: int) -> bool:
    if previous.kind is BlockKind.HEADING:
        return False
    if previous.kind is BlockKind.ITEM and indented:
        return True
    if _SENTENCE_END.search(previous.text):
        return False
    return line[:1].islower() or previous_length >= _WRAPPED


# -- HTML ---------------------------------------------------------------------------------------

_DROPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside",
     "form", "button", "select", "input", "textarea", "head", "object", "canvas", "dialog"}
)  # fmt: skip
#: class/id words of elements that hold page chrome, never the posting.
_CHROME_ATTRIBUTE = re.compile(
    r"(^|[\s_-])(cookie\w*|consent|gdpr|cc-window|cc-revoke|breadcrumbs?|navbar|nav|menu|"
    r"share|social|related|similar|recommend\w*|newsletter|subscribe|modal|popup|skip|"
    r"job-?alerts?|"
    r"site-footer|site-header|footer|banner|sidebar|toolbar)($|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd",
     "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "blockquote", "pre",
     "hr", "body", "address", "figure", "figcaption", "details", "summary"}
)  # fmt: skip
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: class/id words that say an element holds the job's location (``job__location``).
_LOCATION_ATTRIBUTE = re.compile(
    r"(^|[\s_-])(location|locations|job-?location|city|offices?)($|[\s_-])", re.I
)
_BOLD_TAGS = frozenset({"strong", "b"})
#: Inline elements a page lines up side by side with no space between them in the markup.
_CHIPS = frozenset({"span", "bdi", "time", "label"})


def blocks_from_html(root: html.HtmlElement) -> list[Block]:
    """Turn an HTML tree into blocks, leaving out scripts, forms, navigation and chrome.

    An ``<li>`` is an item, ``<h1>``-``<h6>`` a marked heading, a paragraph whose text is all
    bold (``<p><strong>Benefits:</strong></p>``) a marked heading too; ``<br>`` ends a line.
    The tree is not changed.
    """
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return walker.blocks


class _Walker:
    """Collects inline text into the block being built; a block element or ``<br>`` ends it."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[tuple[str, bool]] = []  # (text, inside <b>/<strong>)
        self.kind = BlockKind.PARAGRAPH
        self.line = 0
        self.hint: str | None = None

    def flush(self) -> None:
        parts, self.parts = self.parts, []
        text = clean_space("".join(part for part, _ in parts))
        if not text:
            return
        bold = clean_space("".join(part for part, is_bold in parts if is_bold))
        kind = self.kind
        if kind is BlockKind.PARAGRAPH and bold == text and len(text.split()) <= 12:
            kind = BlockKind.HEADING
        self.blocks.append(
            Block(
                kind=kind,
                text=text,
                line=self.line,
                marked=kind is BlockKind.HEADING,
                hint=self.hint,
            )
        )

    def add(self, text: str | None, bold: bool) -> None:
        if text:
            self.parts.append((text, bold))

    def walk(self, element: etree._Element, bold: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _DROPPED_TAGS or _is_chrome(element):
            return
        if tag == "br":
            self.flush()
            return
        is_block = tag in _BLOCK_TAGS
        outer_kind, outer_hint = self.kind, self.hint
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if is_block and _LOCATION_ATTRIBUTE.search(names):
            self.flush()
            self.hint = "location"
        if is_block:
            self.flush()
            if tag in _HEADING_TAGS:
                self.kind = BlockKind.HEADING
            elif tag in {"li", "dd"}:
                self.kind = BlockKind.ITEM
            line: object = getattr(element, "sourceline", None)  # the stubs type it oddly
            self.line = line if isinstance(line, int) else 0
        inner_bold = bold or tag in _BOLD_TAGS
        self.add(element.text, inner_bold)
        previous: etree._Element | None = None
        for child in element:
            if previous is not None and previous.tag in _CHIPS and child.tag in _CHIPS:
                # Workable's "<span>Remote</span><span>Product</span><span>Full time</span>":
                # chips the stylesheet sets apart, not one word
                self.add(" ", inner_bold)
            self.walk(child, inner_bold)
            self.add(child.tail, inner_bold)
            previous = None if child.tail and child.tail.strip() else child
        if is_block:
            self.flush()
            self.kind, self.hint = outer_kind, outer_hint


def _is_chrome(element: etree._Element) -> bool:
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    role = element.get("role") or ""
    if role in {"navigation", "contentinfo", "dialog", "alertdialog", "search"}:
        return True
    if role == "banner" or element.tag == "header":
        # A page's banner holds its logo and links; a job page's own header (Workable's
        # role="banner", Airbnb's "job-page-banner") holds the posting's <h1>: kept.
        return not _holds_title(element)
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if not names.strip() or _CHROME_ATTRIBUTE.search(names) is None:
        return False
    return not _holds_title(element)


def _holds_title(element: etree._Element) -> bool:
    """Whether an element holds an ``<h1>``: the posting's title, never page chrome."""
    return next(element.iter("h1"), None) is not None
