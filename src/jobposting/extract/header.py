"""The head of a posting: title, employer, locations, date posted, employment type.

Careers pages and copied postings open with a few short lines before the first sentence of
prose: the title, then in some order the employer, the location(s), a date, the employment
type, and often the title again. Each short line is read for what it can be; what is left is
the employer when nothing else says who that is.
"""

from __future__ import annotations

import datetime as dt
import re

from jobposting.extract.blocks import Block, BlockKind
from jobposting.extract.dates import find_date
from jobposting.extract.draft import Draft
from jobposting.extract.headings import heading_target, label_fact
from jobposting.extract.places import Place, parse_place
from jobposting.model import EmploymentType, Location, WorkArrangement, WorkArrangementType

__all__ = [
    "EMPLOYMENT_WORDS",
    "add_employment_types",
    "add_location",
    "arrangement_of",
    "employment_types_of",
    "head_length",
    "is_prose",
    "read_header",
]

#: How many short lines a head may have before the body must have begun.
_MAX_HEAD = 12

EMPLOYMENT_WORDS: tuple[tuple[EmploymentType, str], ...] = (
    (EmploymentType.FULL_TIME,
     r"full[- ]?time|vollzeit|temps (?:plein|complet)|jornada completa|tiempo completo|"
     r"voltijd|fulltime"),
    (EmploymentType.PART_TIME,
     r"part[- ]?time|teilzeit|temps partiel|media jornada|tiempo parcial|jornada parcial|"
     r"deeltijd|parttime"),
    (EmploymentType.CONTRACTOR,
     r"\bcontract(?:or)?\b|freelance|freiberuflich|indépendant|autónomo|zzp"),
    (EmploymentType.TEMPORARY,
     r"\btemporary\b|\btemp\b|fixed[- ]term|befristet|\bcdd\b|temporal|tijdelijk"),
    (EmploymentType.INTERN,
     r"\bintern(?:ship)?\b|praktikum|werkstudent|\bstage\b|stagiaire|prácticas|becario|"
     r"\bstagiair\b|afstudeerstage"),
    (EmploymentType.VOLUNTEER, r"volunteer|ehrenamt|bénévol|voluntari|vrijwillig"),
    (EmploymentType.PER_DIEM, r"per diem"),
)  # fmt: skip
_EMPLOYMENT = [(t, re.compile(p, re.IGNORECASE)) for t, p in EMPLOYMENT_WORDS]
_ARRANGEMENT = (
    (WorkArrangementType.HYBRID, re.compile(r"\bhybrid|hybride|híbrido|hibrido", re.I)),
    (WorkArrangementType.REMOTE,
     re.compile(r"\bremote\b|fully remote|work from home|home[- ]?office|télétravail complet|"
                r"100 ?% (?:remote|télétravail|remoto)|\bremoto\b|teletrabajo|volledig thuis",
                re.I)),
    (WorkArrangementType.ONSITE,
     re.compile(r"\bon[- ]?site\b|in[- ]office|vor ort|présentiel|presencial|op locatie", re.I)),
)  # fmt: skip


def employment_types_of(text: str) -> list[EmploymentType]:
    """Employment types a short line names ("Full-time", "Teilzeit / befristet")."""
    found = sorted((m.start(), t) for t, p in _EMPLOYMENT if (m := p.search(text)))
    return [t for _, t in found]


def add_employment_types(draft: Draft, kinds: list[EmploymentType], where: str) -> None:
    """Add employment types the posting does not have yet, each with its diagnostic."""
    for kind in kinds:
        if kind not in draft.employment_types:
            draft.note(f"/employmentTypes/{len(draft.employment_types)}",
                       "employment-type-from-words", f"{kind.value} read from {where}")  # fmt: skip
            draft.employment_types.append(kind)


def arrangement_of(text: str) -> WorkArrangementType | None:
    """The work arrangement a short line names ("Hybrid", "Remote", "On-site")."""
    return next((kind for kind, pattern in _ARRANGEMENT if pattern.search(text)), None)


def is_prose(block: Block) -> bool:
    """True for a block that reads as a sentence of the body rather than a head line."""
    words = len(block.text.split())
    return words >= 15 or (words >= 8 and block.text.rstrip().endswith((".", "!", "?")))


def head_length(blocks: list[Block], employer: str | None = None) -> int:
    """How many blocks open the posting before its body (prose, a list or a known heading)."""
    for index, block in enumerate(blocks[:_MAX_HEAD]):
        if index == 0:
            continue
        if block.kind is BlockKind.ITEM or is_prose(block):
            return index
        if heading_target(block.text, employer) is not None and label_fact(block.text) is None:
            return index
    return min(len(blocks), _MAX_HEAD)


def read_header(
    draft: Draft, blocks: list[Block], *, now: dt.datetime | dt.date | None, day_first: bool
) -> list[Block]:
    """Fill title, employer, locations, date posted and employment type from the head lines.

    Returns the head lines nothing could read (the caller decides what they are).
    """
    title_index = next((i for i, b in enumerate(blocks) if b.kind is BlockKind.HEADING), 0)
    if draft.title is None and blocks:
        draft.title = blocks[title_index].text.strip().rstrip(":")
        how = "the first heading" if blocks[title_index].marked else "the first line"
        draft.note("/title", "title-from-head", f"title taken from {how} of the posting")
        add_employment_types(draft, employment_types_of(draft.title), "the title")
    left: list[Block] = []
    for index, block in enumerate(blocks):
        if index == title_index:
            continue
        if block.hint == "location" and read_location_line(draft, block.text):
            continue
        if not read_head_line(draft, block.text, now=now, day_first=day_first):
            left.append(block)
    return left


def read_head_line(
    draft: Draft, text: str, *, now: dt.datetime | dt.date | None, day_first: bool
) -> bool:
    """Read one short line of the head; False when it is none of the things a head holds."""
    if draft.title and text.strip().rstrip(":").casefold() == draft.title.casefold():
        return True  # the title repeated
    if label_fact(text):
        return False  # "Location: ...", "Hours: ...": labelled values are read with the body's
    date = find_date(text, now=now, day_first=day_first)
    if date and _mostly(text, date.span):
        if draft.date_posted is None and date.date is not None:
            draft.date_posted = date.date
            draft.note(
                "/datePosted",
                date.code or "date-posted-from-header",
                date.note or f"date posted read from the head line {text!r}",
            )
        elif date.date is None and date.note and date.code:
            draft.note("/datePosted", date.code, f"{text!r}: {date.note}")
        return True
    types = employment_types_of(text)
    arrangement = arrangement_of(text)
    places = [p for part in re.split(r"\s*[/|;•·]\s*", text) if (p := parse_place(part))]
    if not (types or arrangement or places):
        return False
    add_employment_types(draft, types, repr(text))
    if arrangement and draft.work_arrangement is None:
        draft.work_arrangement = WorkArrangement(type=arrangement)
        draft.note(
            "/workArrangement/type",
            "work-arrangement-from-words",
            f"{arrangement.value} read from {text!r}",
        )
    for place in places:
        add_location(draft, place, text)
    return True


def read_location_line(draft: Draft, text: str) -> bool:
    """Read a line the page's layout marks as the location ("London / Stockholm").

    The layout says these are places, so a city the tables do not know is still taken, as a
    locality (reported); "Remote" or "Hybrid" among them is the work arrangement.
    """
    found = False
    for part in re.split(r"\s*[/|;•·]\s*", text):
        place = parse_place(part)
        pieces = [part] if place else [p for p in re.split(r"\s*,\s*", part) if p]
        for piece in pieces:
            if kind := arrangement_of(piece):
                if draft.work_arrangement is None:
                    draft.work_arrangement = WorkArrangement(type=kind)
                found = True
                continue
            place = parse_place(piece)
            if place is None and re.fullmatch(r"[^\W\d_][\w.' -]{1,40}", piece):
                place = Place(text=piece, locality=piece)
                draft.note(
                    f"/locations/{len(draft.locations)}/locality",
                    "location-from-page-layout",
                    f"{piece!r} taken as a city: the page marks it as the location",
                )
            if place:
                add_location(draft, place, text)
                found = True
    return found


def add_location(draft: Draft, place: Place, text: str) -> None:
    """Add a location read from ``text`` unless the posting already has it."""
    location = Location(
        locality=place.locality,
        region=place.region,
        region_code=place.region_code,
        country=place.country,
    )
    if location in draft.locations:
        return
    draft.note(
        f"/locations/{len(draft.locations)}", "location-from-text", f"location read from {text!r}"
    )
    draft.locations.append(location)


def _mostly(text: str, span: tuple[int, int]) -> bool:
    rest = (text[: span[0]] + text[span[1] :]).strip(" :,-|")
    return len(rest.split()) <= 3
