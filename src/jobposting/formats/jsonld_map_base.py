"""The shared part of the JobPosting node reader: key normalising and :class:`ReaderBase`.

:class:`ReaderBase` holds the node being read (its keys normalised), the canonical JSON being
built and the :class:`~jobposting.formats.jsonld_values.Log`, with the helpers every property
needs: taking a property, following an ``@id`` reference, reading text and lists of text, keeping
what was not read. Each topic's reader (``jsonld_map_*``) extends it; :mod:`jsonld_map` puts them
together.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Set
from typing import Any

from jobposting.formats import jsonld_values as v
from jobposting.formats.jsonld_values import Log, pointer
from jobposting.jsontext import json_copy

#: The extension vocabulary's one term (converters/jsonld/README.md).
EXTENSION_TERM = "https://jobposting.dev/ns#canonical"
_SCHEMA_PREFIX = re.compile(r"^(?:https?://schema\.org/|schema:|sdo:)")


def normalise_keys(node: Mapping[str, Any]) -> dict[str, Any]:
    """Return the node with schema.org prefixes taken off its keys ('schema:title' -> 'title')."""
    for key in node:
        if ":" in key and key != EXTENSION_TERM:
            break
    else:
        return dict(node)  # every prefix has a colon: no key changes
    result: dict[str, Any] = {}
    for key, value in node.items():
        short = _SCHEMA_PREFIX.sub("", key) if ":" in key and key != EXTENSION_TERM else key
        result.setdefault(short, value)
    return result


def type_names(node: Mapping[str, Any]) -> list[str]:
    """The node's @type values without schema.org prefixes."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return [_SCHEMA_PREFIX.sub("", name) for name in names if isinstance(name, str)]


#: Keywords of a nested node that are not properties to keep.
_NODE_KEYWORDS = frozenset({"@type", "@context"})


class ReaderBase:
    """One JobPosting node being read, and the helpers every property needs.

    ``index`` resolves ``{"@id": ...}`` references; ``out`` is the canonical JSON being built;
    ``used`` names the node's properties read so far (the rest is kept as it is).
    """

    def __init__(self, node: Mapping[str, Any], index: Mapping[str, Any], log: Log) -> None:
        self.index = index
        self.log = log
        self.node = self.open(node, "")
        self.out: dict[str, Any] = {}
        self.used: set[str] = {"@context", "@type", EXTENSION_TERM}

    def open(self, node: Mapping[str, Any], where: str) -> dict[str, Any]:
        """A node with its keys normalised; its explicit nulls are noted (they mean absent).

        A plain dict whose keys need no normalising is returned as it is, not copied: the reader
        never changes a node, and what it keeps of one (under extensions.jsonld) already shares
        the node's values.
        """
        if None in node.values():
            for key, value in node.items():
                if value is None:
                    self.log.note(pointer(where, key), "value.null", "is null; treated as absent")
        for key in node:
            if ":" in key and key != EXTENSION_TERM:
                return normalise_keys(node)
        return node if node.__class__ is dict else dict(node)

    def take(self, key: str) -> Any:
        """The value of ``key``, marking it as used; None when absent."""
        node = self.node
        if key in node:
            self.used.add(key)
            return node[key]
        return None

    def resolve(self, value: Any, where: str) -> Any:
        """Follow an ``{"@id": ...}`` reference to the node it names, when the document has it."""
        if isinstance(value, dict) and "@id" in value and set(value) <= {"@id", "@type"}:
            target = self.index.get(value["@id"]) if isinstance(value["@id"], str) else None
            if target is None:
                self.log.note(
                    where, "jsonld.reference", f"names {value['@id']!r}, not in the document"
                )
                return None
            return {key: item for key, item in target.items() if key != "@id"}
        return value

    def keep_rest(self, node: Mapping[str, Any], where: str, used: Set[str]) -> None:
        """Keep the properties of a nested node that were not read."""
        if node.keys() - used <= _NODE_KEYWORDS:
            return  # every property was read (the usual case): no loop over the node
        for key, value in node.items():
            if key not in used and key not in _NODE_KEYWORDS:
                self.log.keep(pointer(where, key), json_copy(value))

    def text(self, value: Any, where: str, field: str) -> str | None:
        """Read a Text value (:func:`jsonld_values.text`), clean strings without its checks."""
        if value is None:
            return None
        if value.__class__ is str:
            result = value.strip()
            if result and "<" not in result and "&" not in result:
                return result  # clean text: what v.text gives, without its checks
        return v.text(value, where, self.log, field)

    def text_list(self, value: Any, where: str, field: str) -> list[str]:
        """Read a Text property that holds several items (an array, bullets, an HTML list)."""
        if value.__class__ is str:
            single = clean_item(value)
            if single is not None:
                return [single]  # one clean item: nothing to split or decode
        if v.is_absent(value, where, self.log, field):
            return []
        if isinstance(value, list):
            found: list[str] = []
            for i, item in enumerate(value):
                if item.__class__ is str:
                    clean = item.strip()
                    if clean and "<" not in clean and "&" not in clean:
                        found.append(clean)  # what self.text gives, without its checks
                        continue
                if t := self.text(item, f"{where}/{i}", field):
                    found.append(t)
            return found
        if not isinstance(value, str):
            single = self.text(value, where, field)
            return [single] if single else []
        split = _split_items(value)
        if len(split) > 1:
            self.log.note(where, "list.split", f"held {len(split)} items in one text; split", field)
            return split
        if len(split) == 1 and "<" in value and _one_item_of_markup(value):
            # One <li>, or one paragraph under a heading: the item, not the whole text.
            self.log.note(where, "value.entities", "held HTML markup or entities; decoded", field)
            return split
        single = self.text(value, where, field)
        return [single] if single else []


def scheme_name(value: Any) -> str | None:
    """The name of a DefinedTermSet or CategoryCodeSet: the text, or its name, URL or @id."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, dict):
        for key in ("name", "url", "@id"):
            if isinstance(value.get(key), str) and value[key].strip():
                return str(value[key]).strip()
    return None


def escape_html(text: str) -> str:
    """Plain text as HTML text (``&``, ``<`` and ``>`` escaped)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_BULLET = re.compile(r"(?:^|\s)[*\u2022\u00b7\u25aa\u25cf\u2013-]\s+")
_LIST_ITEM = re.compile(r"<li\b[^>]*>(.*?)(?=<li\b|</[uo]l>|$)", re.I | re.S)
_CLAUSE_BREAK = re.compile(r"(?<=\.),\s+")
#: A block that is a heading, not an item: ``<hN>``, or a paragraph all in bold.
_HEADING_BLOCK = re.compile(
    r"<h[1-6]\b[^>]*>[^<]{1,80}</h[1-6]\s*>"
    r"|<p\b[^>]*>\s*<(strong|b)\b[^>]*>[^<]{1,80}</\1\s*>\s*</p\s*>",
    re.I,
)


def clean_item(value: str) -> str | None:
    """A string's text when it is one list item with nothing to decode or split, else None.

    For such a string :func:`_split_items` and :func:`~jsonld_values.text` both give the
    stripped string, without notes.
    """
    text = value.strip()
    if (
        text
        and "<" not in text
        and "&" not in text
        and "\n" not in text
        and ".," not in text
        and (not _has_bullet_mark(text) or _BULLET.search(text) is None)
    ):
        return text
    return None


def _has_bullet_mark(text: str) -> bool:
    """Whether ``text`` holds a character ``_BULLET`` needs (a few substring searches)."""
    return (
        "-" in text
        or "*" in text
        or "\u2022" in text
        or "\u00b7" in text
        or "\u25aa" in text
        or "\u25cf" in text
        or "\u2013" in text
    )


def clean_text(value: Any) -> str | None:
    """A string's stripped text when :meth:`ReaderBase.text` gives it without a note, else None.

    Such a string is not empty once stripped and holds no ``<`` and no ``&``: nothing to decode.
    """
    if value.__class__ is str:
        text: str = value.strip()
        if text and "<" not in text and "&" not in text:
            return text
    return None


def put_clean(node: Mapping[str, Any], key: str, out: dict[str, Any], field: str) -> bool:
    """Put the clean text (:func:`clean_text`) of ``node[key]``, when there is one, in
    ``out[field]``; False when the value is not clean text (a regular shape's fast path then
    leaves the node to the general code)."""
    if key in node:
        text = clean_text(node[key])
        if text is None:
            return False
        out[field] = text
    return True


def plain_number(value: Any) -> bool:
    """Whether a value is a finite JSON number (not a boolean): what ``v.number`` gives as is."""
    kind = value.__class__
    return kind is int or (kind is float and math.isfinite(value))


def _one_item_of_markup(value: str) -> bool:
    """Whether HTML holds its one item in a list or under a heading block."""
    return "<li" in value.lower() or _HEADING_BLOCK.search(value) is not None


def _without_headings(value: str) -> str:
    """HTML without its heading blocks, when other content is left ("<p><strong>More about
    us</strong></p><p>...</p>" in a jobBenefits text: the heading is no benefit)."""
    rest = _HEADING_BLOCK.sub(" ", value)
    return rest if v.plain_text(rest) else value


def _split_items(value: str) -> list[str]:
    """Split one text into list items: an HTML list, bullets, lines, or '., '-separated clauses."""
    if "<" in value and "<li" in value.lower():
        found = _LIST_ITEM.findall(value)
        return [t for raw in found if (t := v.plain_text(raw))]
    markup = ("<" in value or "&" in value) and v.looks_like_markup(value)
    if markup and "<" in value:
        value = _without_headings(value)
    text = v.plain_text(value) if markup else value.strip()
    if len(_BULLET.findall(text)) >= 2:
        return [p.strip() for p in _BULLET.split(text) if p.strip()]
    if "\n" in text:  # the text is stripped: one line splits into itself
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if len(lines) > 1:
            return lines
    if ".," in text:
        clauses = _CLAUSE_BREAK.split(text)
        if len(clauses) > 2 and all(clause[:1].isupper() for clause in clauses):
            return [c.strip() for c in clauses if c.strip()]
    return [text] if text else []
