"""Pay ranges into the draft: base pay, with labels matched to the posting's own places."""

from __future__ import annotations

import attrs

from jobposting.extract.draft import Draft
from jobposting.extract.pay import PayRangeMatch, pay_basis
from jobposting.extract.places import Place, fold, parse_place
from jobposting.model import PayAppliesTo, PayRange
from jobposting.problems import Problem

__all__ = ["add_base_pay", "applies_to"]


def add_base_pay(
    draft: Draft, ranges: tuple[PayRangeMatch, ...], notes: tuple[Problem, ...], text: str
) -> list[PayRangeMatch]:
    """Add the base pay ranges of ``text`` with the parser's notes re-pointed into the posting.

    Returns the ranges that are incentives ("shift differential of $6.00"), for the caller.
    """
    basis = pay_basis(" ".join([*draft.pay_text, text]))
    where: dict[int, str] = {}  # parser's range index -> pointer of the base pay range
    incentives = []
    for number, found in enumerate(ranges):
        if found.currency is None or found.period is None:
            continue
        if found.incentive:
            incentives.append(found)
            continue
        pointer = where[number] = f"/compensation/basePay/{len(draft.base_pay)}"
        draft.base_pay.append(
            PayRange(
                currency=found.currency,
                minimum=found.minimum,
                maximum=found.maximum,
                value=found.value,
                period=found.period,
                applies_to=applies_to(draft, found.label, pointer),
                basis=basis,
                text=found.text,
            )
        )
        if basis is not None:
            draft.note(
                f"{pointer}/basis",
                "pay-basis-from-text",
                f"{basis.value} read from the words around the amounts",
            )
    for note in notes:
        index, _, rest = note.pointer.lstrip("/").partition("/")
        if int(index) in where:
            draft.note(where[int(index)] + (f"/{rest}" if rest else ""), note.code, note.message)
    return incentives


def applies_to(draft: Draft, label: str | None, pointer: str) -> PayAppliesTo | None:
    """What a range's label names: a location of the posting (by id) or a place of its own."""
    if label is None:
        return None
    place = parse_place(label)
    if place is None:
        return PayAppliesTo(label=label)
    index = _location_index(draft, place)
    if index is None:
        return PayAppliesTo(
            label=label,
            locality=place.locality,
            region=place.region,
            region_code=place.region_code,
            country=place.country,
        )
    location = draft.locations[index]
    if location.id is None:  # a location gets an id once something refers to it
        location = attrs.evolve(
            location, id=_unique(place.slug, {loc.id for loc in draft.locations})
        )
        draft.locations[index] = location
    draft.note(
        f"{pointer}/appliesTo/locationId",
        "pay-place-matched",
        f"{label!r} is the posting's location {location.id!r}",
    )
    return PayAppliesTo(location_id=location.id, label=label)


def _location_index(draft: Draft, place: Place) -> int | None:
    for index, location in enumerate(draft.locations):
        same_city = bool(location.locality and place.locality) and fold(
            location.locality or ""
        ) == fold(place.locality or "")
        if same_city and place.region_code in {None, location.region_code}:
            return index
    return None


def _unique(slug: str, taken: set[str | None]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
