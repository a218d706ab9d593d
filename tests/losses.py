"""Canonical paths a format does not carry yet, and the posting such a format gives back.

A format that preserves everything gives back exactly the posting it was given. Until a format
module learns a field added to the schema, the field is listed here with the reason, and the
tests expect the posting without it: no other value may be lost, and a format that starts to
carry the field fails the tests until its entry is removed.
"""

from __future__ import annotations

from typing import Any

from jobposting import codec
from jobposting.model import Posting

_NOT_RENDERED_YET = (
    "schema 0.2.0 field the HTML article (formats/html_sections.py, html_article.py) does not"
    " render with a data-jp annotation yet, so the page cannot give it back"
)

#: format key -> {canonical path ("*" is any list index): why the format does not carry it yet}.
KNOWN_PATH_LOSSES: dict[str, dict[str, str]] = {
    "html": {
        "/identifiers/*/issuer": _NOT_RENDERED_YET,
        "/hiringOrganization/identifiers/*/issuer": _NOT_RENDERED_YET,
        "/compensation/payScale": _NOT_RENDERED_YET,
        "/educationRequirements/*/relatedFieldsAccepted": _NOT_RENDERED_YET,
        "/skills/*/alternativeGroup": _NOT_RENDERED_YET,
        "/languageRequirements/*/alternativeGroup": _NOT_RENDERED_YET,
        "/compensation/incentives/*/amount": _NOT_RENDERED_YET,
        "/compensation/incentives/*/percentOfBasePay": _NOT_RENDERED_YET,
        "/credentials": _NOT_RENDERED_YET,
    },
}


def without(value: Any, paths: list[list[str]]) -> Any:
    """Canonical JSON ``value`` without the values at ``paths`` (lists of tokens, "*" any
    index); an object left empty by the removal goes too, as the schema has no empty objects."""
    if isinstance(value, list):
        inner = [p[1:] for p in paths if p and p[0] == "*"]
        return [without(item, inner) for item in value] if inner else value
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if [key] in paths:
            continue
        inner = [p[1:] for p in paths if len(p) > 1 and p[0] == key]
        kept = without(item, inner) if inner else item
        if kept != {} or item == {}:
            out[key] = kept
    return out


def kept(posting: Posting, key: str) -> Posting:
    """The posting format ``key`` gives back: ``posting`` without the format's known losses."""
    lost = KNOWN_PATH_LOSSES.get(key)
    if not lost:
        return posting
    paths = [path.split("/")[1:] for path in lost]
    return codec.from_dict(without(codec.to_dict(posting), paths))
