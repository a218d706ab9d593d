"""The rich-text subset of canonical postings: which HTML is allowed, and a checker for it.

Rich text (``description``, ``hiringOrganization.description``, ``sections[].content``) is a
sanitised HTML fragment. The allowlist below is the single definition used by validation and,
later, by every sanitiser and writer.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "u", "a",
        "h3", "h4", "h5", "h6", "blockquote", "code", "pre", "sub", "sup",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {"a": frozenset({"href"})}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
VOID_TAGS = frozenset({"br"})


class Html5Parser(HTMLParser):
    """``html.parser`` with a malformed ``<![...]>`` section read as HTML5 reads it.

    HTML5 reads ``<![`` that does not open a section the parser knows as a bogus comment up to
    the next ``>``. Python 3.11's parser raises AssertionError there instead (later releases
    follow HTML5), so every HTML parser of the package derives from this one: a stray
    ``<![`` in a description or a page is a comment on every Python, never a crash.
    """

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:  # an unknown keyword ("<![x"), or none
            end = self.rawdata.find(">", i + 3)
            if end < 0:
                return -1  # not complete yet; at the end, the rest is read as text
            self.handle_comment(self.rawdata[i + 2 : end])
            return end + 1


class _Checker(Html5Parser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.open: list[str] = []

    def _report(self, message: str) -> None:
        if message not in self.problems:
            self.problems.append(message)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self._report(f"element <{tag}> is not allowed in rich text")
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            if name not in allowed:
                self._report(f"attribute {name!r} on <{tag}> is not allowed in rich text")
            elif name == "href" and not _safe_url(value or ""):
                self._report(f"link {value!r} on <{tag}> must be an http, https, mailto or tel URL")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ALLOWED_TAGS and tag not in VOID_TAGS and self.open and self.open[-1] == tag:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag not in ALLOWED_TAGS or tag in VOID_TAGS:
            return
        if tag in self.open:
            while self.open:
                closed = self.open.pop()
                if closed == tag:
                    break
                self._report(f"element <{closed}> is not closed")
        else:
            self._report(f"end tag </{tag}> has no start tag")

    def handle_comment(self, data: str) -> None:
        self._report("comments are not allowed in rich text")

    def handle_decl(self, decl: str) -> None:
        self._report("declarations are not allowed in rich text")

    def handle_pi(self, data: str) -> None:
        self._report("processing instructions are not allowed in rich text")

    def unknown_decl(self, data: str) -> None:
        self._report("declarations are not allowed in rich text")


def _safe_url(url: str) -> bool:
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme in URL_SCHEMES


def rich_text_problems(html: str) -> list[str]:
    """Return what is wrong with ``html`` as canonical rich text (empty when it is fine)."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    for tag in reversed(checker.open):
        checker._report(f"element <{tag}> is not closed")
    return checker.problems
