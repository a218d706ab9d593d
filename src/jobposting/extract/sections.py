"""Split the body of a posting into sections at its headings.

A heading is a line the layout marks (``<h3>``, ``## ``, a bold-only paragraph), a line the
vocabulary knows ("Ihre Aufgaben", "Votre profil"), or a short line ending in a colon that a
list follows. Where each section's content goes is :mod:`jobposting.extract.router`'s job.
"""

from __future__ import annotations

import re

import attrs

from jobposting.extract.blocks import Block, BlockKind
from jobposting.extract.headings import (
    MAX_HEADING_WORDS,
    MAX_MARKED_HEADING_WORDS,
    Target,
    heading_target,
    label_fact,
)

__all__ = ["RawSection", "inline_heading", "split_sections"]


@attrs.frozen(kw_only=True)
class RawSection:
    """A heading (None before the first one), where it goes, and the blocks under it."""

    heading: str | None
    target: Target | None
    blocks: tuple[Block, ...]


def split_sections(blocks: list[Block], employer: str | None = None) -> list[RawSection]:
    """Split body blocks at their headings; stop at a "Similar jobs" heading."""
    sections: list[RawSection] = []
    heading: str | None = None
    target: Target | None = None
    current: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        found = _heading(block, following, employer)
        if found is None:
            current.append(block)
            continue
        if current or heading is not None:
            sections.append(RawSection(heading=heading, target=target, blocks=tuple(current)))
        if found is Target.END:
            return sections
        heading, target, current = block.text.strip().rstrip(":\uff1a").strip(), found, []
    sections.append(RawSection(heading=heading, target=target, blocks=tuple(current)))
    return sections


def _heading(block: Block, following: Block | None, employer: str | None) -> Target | None:
    text = block.text.strip()
    words = len(text.split())
    limit = MAX_MARKED_HEADING_WORDS if block.marked else MAX_HEADING_WORDS
    if block.kind is BlockKind.ITEM or words > limit or label_fact(text):
        return None
    target = heading_target(text, employer, max_words=limit)
    closed = text.endswith((":", "\uff1a", "?")) or not re.search(r"[.!;,]$", text)
    if block.marked:
        return target or Target.SECTION
    if target is not None and closed:
        return target
    list_follows = following is not None and following.kind is BlockKind.ITEM
    if text.endswith((":", "\uff1a")) and words <= 8 and list_follows:
        return Target.SECTION
    if list_follows and words <= 6 and not re.search(r"[.!;,]$", text) and _title_like(text):
        return Target.SECTION
    return None


def _title_like(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", text) if len(w) > 3]
    return bool(words) and (text.isupper() or all(w[0].isupper() for w in words))


_INLINE = re.compile(r"^(?P<label>[^:\uff1a]{2,50}?)\s*[:\uff1a]\s+(?P<rest>\S.*)$")


def inline_heading(text: str, employer: str | None) -> tuple[Target, str] | None:
    """A paragraph that opens with a heading and a colon ("How to apply: send your CV to ...").

    Not for contacts, whose label says what the contact is for and stays with it.
    """
    match = _INLINE.match(text)
    if not match:
        return None
    target = heading_target(match["label"], employer)
    if target is None or target in {Target.CONTACT, Target.SECTION, Target.END}:
        return None
    return target, match["rest"]
