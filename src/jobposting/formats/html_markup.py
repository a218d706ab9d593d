"""The building blocks of the HTML writer: escaping, sanitising and the ``data-jp`` annotations.

Every canonical value on a page sits in one element annotated for the reader
(``html_reader.py``), in the manner of microdata but with the canonical names:

- ``data-jp="name"`` is property ``name`` of the nearest enclosing object; ``name[]`` appends
  an item to the list ``name``.
- ``data-jp-as="object"`` makes the element an object built from the annotations inside it
  (two elements for the same object property are merged); ``json`` parses the value as JSON
  (numbers, booleans, extension data); ``html`` takes the element's content as rich text.
- The value is ``<time datetime>``, ``<data value>``, ``<a href>``, or else the text content,
  so the label people read ("Full-time", "21 October 2025") never has to be parsed back.
"""

from __future__ import annotations

import functools
import html
import json
import re
from typing import Any

import nh3

from jobposting.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES

#: The attribute names of the annotation vocabulary, shared with the reader.
PROPERTY = "data-jp"
KIND = "data-jp-as"
POSTING = "data-jp-posting"

_SAFE_LINK = re.compile(r"^(https?|mailto|tel):", re.IGNORECASE)
# HTML's valid date-time strings allow at most three fractional digits.
_HTML_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2}))?$"
)


def text(value: str) -> str:
    """Escape plain text for element content; a carriage return survives as ``&#13;``."""
    return html.escape(value, quote=False).replace("\r", "&#13;")


def attr(value: str) -> str:
    """Escape a value for a double-quoted attribute."""
    return html.escape(value, quote=True).replace("\r", "&#13;")


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def sanitise(rich_text: str) -> str:
    """Reduce HTML to the rich-text allowlist of ``jobposting.richtext`` (nh3/ammonia).

    Scripts, styles, forms, event handlers and links that are not http, https, mailto or tel
    are removed; valid canonical rich text comes back unchanged.
    """
    return _cleaner().clean(rich_text)


def safe_href(url: str) -> bool:
    """True when ``url`` may be a link target (http, https, mailto or tel)."""
    return bool(_SAFE_LINK.match(url))


def _annotation(prop: str | None, kind: str | None) -> str:
    out = f' {PROPERTY}="{attr(prop)}"' if prop else ""
    return out + (f' {KIND}="{kind}"' if kind else "")


def element(
    tag: str, prop: str | None, content: str, *, kind: str | None = None, cls: str | None = None,
    extra: str = "",
) -> str:  # fmt: skip
    """An element around already-escaped ``content``, annotated as property ``prop``."""
    css = f' class="{cls}"' if cls else ""
    return f"<{tag}{css}{_annotation(prop, kind)}{extra}>{content}</{tag}>"


def span(prop: str, value: str, *, tag: str = "span", cls: str | None = None) -> str:
    """Plain text as property ``prop``."""
    return element(tag, prop, text(value), cls=cls)


def data(prop: str, value: Any, label: str, *, cls: str | None = None) -> str:
    """A machine value with a label for people; strings stay strings, the rest is JSON."""
    kind = None if isinstance(value, str) else "json"
    raw = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return element("data", prop, text(label), kind=kind, cls=cls, extra=f' value="{attr(raw)}"')


def moment(prop: str, value: str, label: str) -> str:
    """A date or date-time: ``<time>`` when HTML can say it, else ``<data>``."""
    if _HTML_DATETIME.match(value):
        return element("time", prop, text(label), extra=f' datetime="{attr(value)}"')
    return data(prop, value, label)


def link(prop: str, url: str, label: str | None = None, *, cls: str | None = None) -> str:
    """A URL as a link when its scheme is safe, otherwise as inert text."""
    if safe_href(url):
        return element("a", prop, text(label or url), cls=cls, extra=f' href="{attr(url)}"')
    return span(prop, url, cls=cls)


def rich(prop: str, value: str, *, cls: str = "jp-rich") -> str:
    """Rich text, sanitised, as property ``prop``."""
    return element("div", prop, sanitise(value), kind="html", cls=cls)


def extension_json(value: Any) -> str:
    """The text of an ``extensions`` object: indented JSON, keys in their given order."""
    return json.dumps(value, ensure_ascii=False, indent=2)
