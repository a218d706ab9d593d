"""What the HR Open and HR-XML 3.2 readers share: the reading they fill and the value readers.

:class:`Reading` collects a native mapping's canonical document, its extras and its diagnostics.
The value readers turn element texts into canonical values, noting every repair: numbers
(xsd:decimal), dates and date-times, rich text (kept when it is in the allowed HTML subset,
sanitised otherwise), plain text. :func:`claim_own_block` puts the formatted descriptions our own
writers label (the description, the text lists, the legal statements) back where they belong.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from jobposting import codec, employers, fastvalidate
from jobposting.formats import hropen_extras as extras
from jobposting.formats.hropen_write import LEGAL_PREFIX, LIST_TITLES
from jobposting.problems import Problem
from jobposting.richtext import (
    ALLOWED_TAGS,
    URL_SCHEMES,
    VOID_TAGS,
    Html5Parser,
    rich_text_problems,
)

__all__ = [
    "Reading",
    "claim_own_block",
    "language_tag",
    "moment",
    "number",
    "plain",
    "put",
    "rich",
    "sanitise",
    "untagged",
]

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{0,5}[1-9])?"
    r"(Z|[+-](?!00:00)[0-9]{2}:[0-9]{2})"
)
_INTEGER = re.compile(r"[+-]?[0-9]+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z]{2})?")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_LIST_HTML = re.compile(r"<ul>((?:<li>.*?</li>)*)</ul>", re.S)
_LIST_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_PARAGRAPH = re.compile(r"<p>(.*)</p>", re.S)
_TAG = re.compile(r"<[^>]*>")
_LEGAL_KINDS = {
    "EQUAL_OPPORTUNITY", "FAIR_CHANCE", "PAY_TRANSPARENCY", "ACCOMMODATION", "DRUG_FREE_WORKPLACE",
    "E_VERIFY", "DATA_PRIVACY", "AGENCY", "DISCLAIMER", "OTHER",
}  # fmt: skip


class Reading:
    """What the native mapping found: the canonical document, extras and diagnostics."""

    def __init__(self, prefix: str = "hropen") -> None:
        self.prefix = prefix
        self.document: dict[str, Any] = {}
        self.extras: list[extras.Extra] = []
        self.orders: list[tuple[str, list[int]]] = []
        self.diagnostics: list[Problem] = []

    def note(self, pointer: str, message: str, code: str) -> None:
        """Record a repair or guess."""
        self.diagnostics.append(
            Problem(pointer=pointer, message=message, code=f"{self.prefix}.{code}")
        )


def number(value: str | None) -> int | float | None:
    """Read an xsd:decimal as an int (no point) or a float; None when it is not one."""
    if value is None:
        return None
    if (value.isdigit() and value.isascii()) or _INTEGER.fullmatch(value):
        return int(value)
    if _DECIMAL.fullmatch(value):
        return float(value)
    return None


def language_tag(code: str | None) -> str | None:
    """A language code as HR-XML writes it (``EN``, ``en-gb``) in BCP 47 case; None if none."""
    if code is None or not _LANGUAGE.fullmatch(code):
        return None
    head, _, tail = code.partition("-")
    return head.lower() + ("-" + tail.upper() if tail else "")


def moment(value: str | None, reading: Reading, pointer: str) -> str | None:
    """Read a date or date-time into the canonical spelling; repairs are noted."""
    if value is None:
        return None
    if _DATE.fullmatch(value) or _DATE_TIME.fullmatch(value):
        return value
    try:
        parsed = dt.datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        reading.note(pointer, f"{value!r} is not a date or date-time; left out", "bad-date")
        return None
    if parsed.tzinfo is None:
        reading.note(pointer, f"{value!r} has no UTC offset; kept the date only", "date-only")
        return parsed.date().isoformat()
    spelled: str = codec.CONVERTER.unstructure(parsed, dt.datetime)
    return spelled


class _Sanitiser(Html5Parser):
    """Rebuild an HTML fragment keeping only the rich-text allowlist (richtext.py)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            return
        kept = ""
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if urlsplit(href.strip()).scheme.lower() not in URL_SCHEMES:
                return
            kept = f' href="{html.escape(href.strip())}"'
        self.out.append(f"<{tag}{kept}>")
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open:
                closed = self.open.pop()
                self.out.append(f"</{closed}>")
                if closed == tag:
                    break

    def handle_data(self, data: str) -> None:
        self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out).strip()


def sanitise(value: str) -> str:
    """Keep the allowed HTML subset of a fragment: other tags, attributes and links are dropped,
    their text is kept."""
    sanitiser = _Sanitiser()
    sanitiser.feed(value)
    return sanitiser.result()


def rich(value: str | None, reading: Reading, pointer: str) -> str | None:
    """Keep rich text that is in the allowed HTML subset; otherwise sanitise it (noted)."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if fastvalidate.rich_text_clean(value) or not rich_text_problems(value):
        return value
    cleaned = sanitise(value)
    reading.note(
        pointer, "HTML outside the allowed subset was removed (text kept)", "html-sanitised"
    )
    return cleaned or None


def plain(value: str | None) -> str | None:
    """The text of an HTML fragment, white space collapsed; None when blank."""
    if value is None:
        return None
    return " ".join(html.unescape(_TAG.sub(" ", value)).split()) or None


def put(target: dict[str, Any], key: str, value: Any) -> None:
    """Set ``key`` when ``value`` is present (not None, not an empty list or object)."""
    if value or (value is not None and type(value) is not list and type(value) is not dict):
        target[key] = value


def untagged(content: str) -> str:
    """The text of an HTML fragment with its tags removed and its entities resolved."""
    return html.unescape(_TAG.sub("", content))


def claim_own_block(
    doc: dict[str, Any],
    legal: list[dict[str, str]],
    key: str | None,
    content: str,
    unwrapped: Callable[[str], str],
) -> bool:
    """Put one of our own formatted descriptions where it belongs; False when it is none.

    Our writers (HR Open and HR-XML 3.2 alike) label the description, the list fields and each
    legal statement with a key; ``unwrapped`` reads a statement not wrapped in one ``<p>``.
    """
    if key == "description" and "description" not in doc:
        doc["description"] = content
        return True
    if key in LIST_TITLES and key not in doc:
        items = _list_items(content)
        if items is not None:
            doc[key] = [html.unescape(i) for i in items]
            return True
    if key and key.startswith(LEGAL_PREFIX) and key[len(LEGAL_PREFIX) :] in _LEGAL_KINDS:
        paragraph = _PARAGRAPH.fullmatch(content)
        statement = html.unescape(paragraph.group(1)) if paragraph else unwrapped(content)
        legal.append({"kind": key[len(LEGAL_PREFIX) :], "text": statement})
        return True
    return False


def _list_items(content: str) -> list[str] | None:
    """The raw items of a ``<ul><li>...</li></ul>`` list, or None when the content is none."""
    # What html_list writes (no "<" inside an item) is split without the regular expressions,
    # which give the same items for it.
    if content.startswith("<ul>") and content.endswith("</ul>"):
        inner = content[4:-5]
        if not inner:
            return []
        if inner.startswith("<li>") and inner.endswith("</li>"):
            body = inner[4:-5]
            items = body.split("</li><li>")
            if body.count("<") == 2 * (len(items) - 1):  # only the separators' two each
                return items
    listed = _LIST_HTML.fullmatch(content)
    return None if listed is None else _LIST_ITEM.findall(listed.group(1))


def hiring_organization(name: str, found: dict[str, Any], reading: Reading) -> dict[str, Any]:
    """The canonical hiringOrganization: its name first, marked not disclosed (and noted) when
    the name only stands in the employer's place ("Confidential")."""
    if not employers.stands_in(name):
        return {"name": name, **found}
    reading.note(
        "/hiringOrganization/disclosed", employers.MESSAGE.format(name=name), "employer-not-named"
    )
    return {"name": name, "disclosed": False, **found}
