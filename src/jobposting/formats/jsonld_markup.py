"""Microdata and RDFa Lite JobPosting items of an HTML page, read as JSON-LD nodes.

Each item becomes the JSON-LD node a JSON-LD script would have held (properties by name, nested
items as nested nodes), which the JSON-LD reader then maps. Values follow the microdata and RDFa
rules (``<meta content>``, ``href``, ``src``, ``datetime``, text), with the tolerance real pages
need: a ``content`` attribute on any element wins (Google reads it; a diagnostic says so), a
list element's items become a list, a description keeps its markup, and ``itemprop`` attributes
outside any item (a page whose JobPosting element was cut off) are read as one implied item.
The page is parsed with lxml only when it holds such markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any, cast

import lxml.html
from lxml import etree

from jobposting.formats.jsonld_read import Found, decode_page, found_for, is_posting
from jobposting.problems import Problem

# Matched on the lowercased page, at each occurrence of the attribute name only: a
# case-insensitive search of a whole 40 KB page costs milliseconds, these finds microseconds.
_MARKERS = re.compile(rb"""(?:itemtype|typeof)\s*=\s*["'][^"']*jobposting""")
_ORPHANS = re.compile(
    rb"""itemprop\s*=\s*["'](?:basesalary|employmenttype|joblocation|hiringorganization|dateposted|validthrough)"""
)
_URL_VALUED = {"a": "href", "area": "href", "link": "href", "img": "src", "audio": "src",
               "embed": "src", "iframe": "src", "source": "src", "track": "src", "video": "src",
               "object": "data"}  # fmt: skip
_RICH_PROPERTIES = frozenset({"description", "employerOverview"})
#: lxml.html's parser settings without its element-class lookup, which calls back into Python for
#: every element touched: the tree and every value read from it are the same.
_PARSER = etree.HTMLParser()


def _xpath(expression: str) -> Callable[..., Any]:
    """A compiled XPath expression (lxml's stubs type its result as any XPath value)."""
    return cast("Callable[..., Any]", etree.XPath(expression))


#: What ``HtmlElement.text_content()`` evaluates.
_STRING = _xpath("string()")


def markup_found(page: bytes) -> Iterator[Found]:
    """Yield every microdata or RDFa Lite JobPosting item of a page."""
    if b"itemprop" not in page and b"typeof" not in page:
        return
    lowered = page.lower()
    marked = _matched_at(lowered, (b"itemtype", b"typeof"), _MARKERS)
    if not marked and not _matched_at(lowered, (b"itemprop",), _ORPHANS):
        return
    root = etree.fromstring(decode_page(page), _PARSER)
    if root is None:
        raise etree.ParserError("Document is empty")  # as lxml.html.document_fromstring
    found = 0
    for syntax, items in (("microdata", _microdata_items(root)), ("rdfa", _rdfa_items(root))):
        for number, (node, notes) in enumerate(items, start=1):
            found += 1
            yield found_for(node, {}, f"{syntax} item {number}", tuple(notes))
    if not found:
        implied = _implied_item(root)
        if implied is not None:
            node, notes = implied
            notes.append(
                Problem(
                    pointer="",
                    message="itemprop attributes outside any item were read as one JobPosting",
                    code="microdata.implied-item",
                )
            )
            yield found_for(node, {}, "microdata item 1", tuple(notes))


def _matched_at(lowered: bytes, names: tuple[bytes, ...], pattern: re.Pattern[bytes]) -> bool:
    """True when ``pattern`` matches where one of ``names`` occurs in the lowercased page."""
    for name in names:
        position = lowered.find(name)
        while position >= 0:
            if pattern.match(lowered, position):
                return True
            position = lowered.find(name, position + 1)
    return False


def _type_name(value: str | None) -> str:
    first = (value or "").split()
    return first[0].rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] if first else "Thing"


def _text(element: Any) -> str:
    return " ".join(str(_STRING(element)).split())  # runs of whitespace as one space, trimmed


def _inner_html(element: Any) -> str:
    parts = [element.text or ""]
    parts += [lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in element]
    return "".join(parts).strip()


def _add(node: dict[str, Any], name: str, value: Any) -> None:
    if name not in node:
        node[name] = value
    elif isinstance(node[name], list) and not isinstance(value, list):
        node[name].append(value)
    else:
        node[name] = [node[name], value]


def _value(element: Any, name: str, notes: list[Problem], where: str, nested: Any) -> Any:
    """The value of a property element (microdata and RDFa Lite rules, tolerantly)."""
    if nested is not None:
        return nested(element)
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "meta":
        return element.get("content", "")
    content = element.get("content")
    if content is not None:
        notes.append(
            Problem(
                pointer=where,
                message=f"takes its value from the content attribute of <{tag}>",
                code="microdata.content-attribute",
            )
        )
        return content
    attribute = _URL_VALUED.get(tag)
    if attribute and element.get(attribute):
        return element.get(attribute)
    if tag in ("data", "meter") and element.get("value") is not None:
        return element.get("value")
    if tag == "time" and element.get("datetime"):
        return element.get("datetime")
    if name in _RICH_PROPERTIES:
        return _inner_html(element)
    if tag in ("ul", "ol"):
        entries = [_text(li) for li in element.iterfind("li")]
        return [entry for entry in entries if entry] or _text(element)
    return _text(element)


# -- microdata ------------------------------------------------------------------------------------


#: Outermost microdata JobPosting items, in document order (``root.iter()`` order).
_MICRODATA_ITEMS = _xpath(
    "descendant-or-self::*[@itemscope][contains(@itemtype, 'JobPosting')]"
    "[not(ancestor::*[@itemscope][contains(@itemtype, 'JobPosting')])]"
)
#: The properties of an item: descendants with a non-empty itemprop whose nearest itemscope
#: ancestor is the item itself (no nested item between them), in document order.
_MICRODATA_PROPERTIES = _xpath(
    "descendant::*[@itemprop != ''][count(ancestor::*[@itemscope][1] | $item) = 1]"
)
#: Elements with a non-empty itemprop and no itemscope or itemprop ancestor.
_ORPHAN_PROPERTIES = _xpath(
    "descendant-or-self::*[@itemprop != ''][not(ancestor::*[@itemscope or @itemprop != ''])]"
)


def _microdata_items(root: Any) -> Iterator[tuple[dict[str, Any], list[Problem]]]:
    for element in _MICRODATA_ITEMS(root):
        notes: list[Problem] = []
        yield _microdata_item(element, notes, ""), notes


def _microdata_item(element: Any, notes: list[Problem], where: str) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": _type_name(element.get("itemtype"))}
    if element.get("itemid"):
        node["@id"] = element.get("itemid")
    for child in _MICRODATA_PROPERTIES(element, item=element):
        for name in child.get("itemprop").split():
            spot = f"{where}/{name}"
            nested = None
            if child.get("itemscope") is not None:
                nested = lambda e, s=spot: _microdata_item(e, notes, s)  # noqa: E731
            _add(node, name, _value(child, name, notes, spot, nested))
    return node


def _implied_item(root: Any) -> tuple[dict[str, Any], list[Problem]] | None:
    notes: list[Problem] = []
    node: dict[str, Any] = {"@type": "JobPosting"}
    for element in _ORPHAN_PROPERTIES(root):
        for name in element.get("itemprop").split():
            nested = None
            if element.get("itemscope") is not None:
                nested = lambda e, s=f"/{name}": _microdata_item(e, notes, s)  # noqa: E731
            _add(node, name, _value(element, name, notes, f"/{name}", nested))
    return (node, notes) if len(node) > 1 else None


# -- RDFa Lite ------------------------------------------------------------------------------------


#: Elements whose typeof may name a JobPosting and that are inside no other such element.
_RDFA_CANDIDATES = _xpath(
    "descendant-or-self::*[@typeof][not(ancestor::*[contains(@typeof, 'JobPosting')])]"
)
#: The properties of an RDFa item: descendants with a non-empty property whose nearest typeof
#: ancestor is the item itself, in document order.
_RDFA_PROPERTIES = _xpath(
    "descendant::*[@property != ''][count(ancestor::*[@typeof][1] | $item) = 1]"
)


def _rdfa_items(root: Any) -> Iterator[tuple[dict[str, Any], list[Problem]]]:
    for element in _RDFA_CANDIDATES(root):
        if not is_posting({"@type": [_type_name(t) for t in element.get("typeof").split()]}):
            continue
        notes: list[Problem] = []
        yield _rdfa_item(element, notes, ""), notes


def _rdfa_item(element: Any, notes: list[Problem], where: str) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": _type_name(element.get("typeof"))}
    if element.get("resource"):
        node["@id"] = element.get("resource")
    for child in _RDFA_PROPERTIES(element, item=element):
        for name in child.get("property").split():
            short = name.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
            spot = f"{where}/{short}"
            nested = None
            if child.get("typeof") is not None:
                nested = lambda e, s=spot: _rdfa_item(e, notes, s)  # noqa: E731
            value = _value(child, short, notes, spot, nested)
            if nested is None and child.get("content") is not None and child.tag != "meta":
                notes.pop()  # RDFa allows @content on any element: no repair
            _add(node, short, value)
    return node
