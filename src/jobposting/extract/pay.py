"""The pay parser: amounts, ranges, currencies and periods in the words postings use.

Usable on its own::

    >>> found = parse_pay("Richmond, VA: $175,800 - $200,700 per year")
    >>> r = found.ranges[0]
    >>> (r.currency, r.minimum, r.maximum, r.period.value, r.label)
    ('USD', 175800, 200700, 'YEAR', 'Richmond, VA')

Every range keeps the span of source text it was read from. Whatever the parser had to assume
(a period taken from the surrounding text or guessed from the size of the amounts, a currency
taken from a country, an ambiguous thousands separator) is reported in ``diagnostics`` as a
:class:`~jobposting.problems.Problem` whose pointer is relative to the list of ranges
(``/2/period``): the parser never guesses silently.
"""

from __future__ import annotations

import enum
import re

import attrs

from jobposting.extract.pay_words import (
    AMOUNT,
    CONNECTOR,
    CURRENCY_SYMBOLS,
    DECIMAL_COMMA_LANGUAGES,
    FILLER,
    FROM,
    FULL_TIME_BASIS,
    INCENTIVE_WORDS,
    INDIAN_UNITS,
    ISO_CODES,
    MULTIPLIERS,
    NOT_MONEY,
    PAY_WORDS,
    PERIOD,
    SHARED_SYMBOLS,
    UP_TO,
)
from jobposting.model import PayBasis, PayPeriod
from jobposting.problems import Problem

__all__ = ["PayParse", "PayRangeMatch", "PeriodSource", "parse_pay", "pay_basis", "stated_period"]


class PeriodSource(enum.Enum):
    """Where a range's period came from."""

    STATED = "stated"  # next to the amounts ("per hour", "p.a.", "/Std.")
    CONTEXT = "context"  # from the surrounding text ("full-time annual salaries ... below")
    GUESSED = "guessed"  # from the size of the amounts; always reported


@attrs.frozen(kw_only=True)
class PayRangeMatch:
    """One range or single amount found in text.

    ``span`` is the (start, end) of the amounts and their period in the parsed text;
    ``text_span`` also covers the label before them and a "for <role>" after them, and
    ``text`` is that source text. A single amount has ``value`` and no minimum or maximum;
    "from X" has only ``minimum``, "up to X" only ``maximum``. ``incentive`` is true when the
    words next to the amounts name pay on top of base pay ("shift differential of $6.00 per
    hour", "a $5,000 signing bonus").
    """

    currency: str | None
    minimum: int | float | None = None
    maximum: int | float | None = None
    value: int | float | None = None
    period: PayPeriod | None = None
    period_source: PeriodSource | None = None
    label: str | None = None
    incentive: bool = False
    span: tuple[int, int]
    text_span: tuple[int, int]
    text: str


@attrs.frozen(kw_only=True)
class PayParse:
    """The ranges found, in text order, and what had to be assumed to read them."""

    ranges: tuple[PayRangeMatch, ...] = ()
    diagnostics: tuple[Problem, ...] = ()


@attrs.frozen
class _Amount:
    start: int
    end: int
    number: float
    currency: str | None
    symbol: str | None
    multiplier: str | None
    ambiguous: str | None


def parse_pay(
    text: str,
    *,
    context: str = "",
    language: str | None = None,
    country: str | None = None,
    role_title: str | None = None,
    default_currency: str | None = None,
) -> PayParse:
    """Find every pay range and single amount in ``text``.

    - ``context``: the prose around ``text`` (a paragraph introducing a list of ranges), read
      for a period when the amounts do not state one; using it is reported.
    - ``language``: ``en`` reads ``1.500`` as ambiguous and ``12.50`` as a decimal; ``de``,
      ``fr``, ``es`` and ``nl`` read ``1.500`` as fifteen hundred and ``12,50`` as a decimal.
    - ``country``: decides which dollar ``$`` is; without it ``$`` is USD, reported.
    - ``role_title``: a "for <role title>" after a range belongs to that range's text.
    - ``default_currency``: for amounts written without any currency in a text known to be
      about pay ("Salary: 45,000 - 55,000"); using it is reported.
    """
    amounts = [a for m in AMOUNT.finditer(text) if (a := _amount(m, language, country))]
    if any(a.currency for a in amounts):
        default_currency = None  # the text names its currency: bare numbers are something else
    notes: list[Problem] = []
    ranges: list[PayRangeMatch] = []
    i = 0
    previous_end = 0
    while i < len(amounts):
        first = amounts[i]
        second = amounts[i + 1] if i + 1 < len(amounts) else None
        pair = second is not None and CONNECTOR.match(text[first.end : second.start]) is not None
        group = [first, second] if pair and second is not None else [first]
        i += len(group)
        currency = next((a.currency for a in group if a.currency), None)
        indian = any((a.multiplier or "").lower() in INDIAN_UNITS for a in group)
        index = len(ranges)
        if currency is None and indian:
            currency = "INR"
            notes.append(
                _note(
                    index,
                    "currency",
                    "pay-currency-assumed",
                    "amounts in lakh or crore without a currency: read as INR",
                )
            )
        if currency is None and default_currency and _looks_like_pay(group, text):
            currency = default_currency
            notes.append(
                _note(
                    index,
                    "currency",
                    "pay-currency-assumed",
                    f"amount without a currency: {default_currency} assumed from the location",
                )
            )
        if currency is None:
            continue
        numbers = _numbers(group, index, notes)
        start, end = group[0].start, group[-1].end
        before = text[previous_end:start]
        kind = "range" if len(group) == 2 else "value"
        if kind == "value" and FROM.search(before):
            kind = "minimum"
        elif kind == "value" and UP_TO.search(before):
            kind = "maximum"
        period, period_end = _period_after(text, end)
        if period is None:
            period = _period_before(text, max(previous_end, start - 40), start)
        source = PeriodSource.STATED if period else None
        if period is None and (period := stated_period(context)):
            source = PeriodSource.CONTEXT
            notes.append(
                _note(
                    index,
                    "period",
                    "pay-period-from-context",
                    f"no period next to the amounts; {period.value} taken from the "
                    "surrounding text",
                )
            )
        if period is None and indian:
            period, source = PayPeriod.YEAR, PeriodSource.STATED
        if period is None:
            period, source = _guess_period(max(numbers)), PeriodSource.GUESSED
            notes.append(
                _note(
                    index,
                    "period",
                    "pay-period-guessed-from-amount",
                    f"no period stated; {period.value} guessed from the size of the "
                    f"amount {max(numbers):g}",
                )
            )
        for amount in group:
            if amount.currency is None:
                continue
            if amount.ambiguous:
                notes.append(_note(index, "", "pay-number-ambiguous", amount.ambiguous))
            confirmed = any(a.symbol and a.symbol.upper() in ISO_CODES for a in group)
            symbol = amount.symbol or ""
            if symbol in SHARED_SYMBOLS and not confirmed and country not in SHARED_SYMBOLS[symbol]:
                notes.append(
                    _note(
                        index,
                        "currency",
                        "pay-currency-assumed",
                        f"{amount.symbol!r} read as {amount.currency} (no country "
                        "says which dollar)",
                    )
                )
                break
        label, label_start = _label(text, previous_end, start, role_title)
        tail_end = _tail(text, period_end or end, role_title)
        text_start = label_start if label is not None else _sentence_start(text, start)
        text_end = tail_end if label is not None else _sentence_end(text, tail_end)
        values = _as_numbers(numbers)
        if kind == "range" and values[0] > values[-1]:
            values = values[::-1]  # "$50,000 - $40,000": the larger amount is the maximum
            notes.append(
                _note(
                    index,
                    "",
                    "pay-range-reversed",
                    f"the range is written from {values[-1]:g} down to {values[0]:g}; read "
                    "with the smaller amount as the minimum",
                )
            )
        ranges.append(
            PayRangeMatch(
                currency=currency,
                minimum=values[0] if kind in {"range", "minimum"} else None,
                maximum=values[-1] if kind in {"range", "maximum"} else None,
                value=values[0] if kind == "value" else None,
                period=period,
                period_source=source,
                label=label,
                incentive=_is_incentive(text, previous_end, start, period_end or end),
                span=(start, period_end or end),
                text_span=(text_start, text_end),
                text=text[text_start:text_end].strip(),
            )
        )
        previous_end = tail_end
    return PayParse(ranges=tuple(ranges), diagnostics=tuple(notes))


def _note(index: int, field: str, code: str, message: str) -> Problem:
    pointer = f"/{index}/{field}" if field else f"/{index}"
    return Problem(pointer=pointer, message=message, code=code)


#: A scale after a number that no pay is written in: billions, trillions.
_SCALE = re.compile(r"\s?(?:B\b|bn\b|billions?\b|trillions?\b|Mrd\.?|milliards?\b)", re.I)


def _amount(match: re.Match[str], language: str | None, country: str | None) -> _Amount | None:
    symbol = match["before"] or match["after"]
    if not match["mult"] and _SCALE.match(match.string, match.end("number")):
        return None  # "$200B in annualized spend", "€3bn revenue": a company's figure, not pay
    number, ambiguous = parse_number(match["number"], language)
    if number is None:
        return None
    multiplier = (match["mult"] or "").strip().rstrip(".") or None
    if multiplier and multiplier.lower() in {"l", "m"} and not symbol:
        multiplier = None if multiplier.lower() == "m" else multiplier
    if multiplier and multiplier.lower() == "l" and symbol not in {"₹", "INR", "Rs", "Rs."}:
        multiplier = None
    currency = _currency(symbol, country) if symbol else None
    end = match.end() if multiplier or match["after"] else match.end("number")
    return _Amount(
        start=match.start(),
        end=end,
        number=number,
        currency=currency,
        symbol=symbol,
        multiplier=multiplier,
        ambiguous=ambiguous,
    )


def _currency(symbol: str, country: str | None) -> str:
    if symbol in SHARED_SYMBOLS:
        return SHARED_SYMBOLS[symbol].get(country or "", "USD")
    if symbol.upper() in ISO_CODES:
        return symbol.upper()
    return CURRENCY_SYMBOLS.get(symbol, CURRENCY_SYMBOLS.get(symbol.lower(), "USD"))


def parse_number(written: str, language: str | None = None) -> tuple[float | None, str | None]:
    """Read a written amount; return (number, why it is ambiguous or None).

    Spaces and apostrophes group thousands. With both ``.`` and ``,`` the last one is the
    decimal separator. One separator followed by exactly three digits groups thousands
    (``175,800``, ``3.800``); followed by one or two digits it is a decimal (``12.75``,
    ``12,50``). A three-digit group after the language's own decimal separator is read as
    thousands and reported as ambiguous.
    """
    digits = re.sub(r"[ \u00a0\u202f'\u2019]", "", written)
    digits = re.sub(r"[.,][-\u2013]$", "", digits)  # "3.200,-": no cents (Austria, Switzerland)
    separators = re.findall(r"[.,]", digits)
    if not separators:
        return float(digits), None
    last = separators[-1]
    if len(set(separators)) == 2:
        grouping = "," if last == "." else "."
        return float(digits.replace(grouping, "").replace(last, ".")), None
    head, _, tail = digits.rpartition(last)
    if len(separators) > 1:
        if len(tail) != 3:
            return None, None
        return float(digits.replace(last, "")), None
    if len(tail) == 3:
        decimal = "," if language in DECIMAL_COMMA_LANGUAGES else "."
        why = None
        if last == decimal and language is not None:
            why = f"{written!r} read as {head}{tail} (the separator could also be a decimal point)"
        return float(head + tail), why
    return float(f"{head}.{tail}"), None


def _numbers(group: list[_Amount], index: int, notes: list[Problem]) -> list[float]:
    values = []
    for amount in group:
        factor = MULTIPLIERS.get((amount.multiplier or "").lower(), 1)
        values.append(amount.number * factor)
    if len(group) == 2 and group[1].multiplier and not group[0].multiplier:
        factor = MULTIPLIERS.get(group[1].multiplier.lower(), 1)
        if values[0] * factor <= values[1] and values[0] < values[1] / 10:
            values[0] *= factor
            notes.append(
                _note(
                    index,
                    "minimum",
                    "pay-multiplier-shared",
                    f"{group[1].multiplier!r} after the maximum also applied to the minimum",
                )
            )
    return values


def _as_numbers(values: list[float]) -> list[int | float]:
    return [int(v) if float(v).is_integer() else round(v, 2) for v in values]


def _looks_like_pay(group: list[_Amount], text: str) -> bool:
    """A bare number may be pay when it is not small and no unit other than money follows."""
    return max(a.number for a in group) >= 5 and not NOT_MONEY.match(text, group[-1].end)


def _period_after(text: str, end: int) -> tuple[PayPeriod | None, int | None]:
    filler = FILLER.match(text, end)
    position = filler.end() if filler else end
    window = text[position : position + 30]
    match = PERIOD.match(window)
    if match is None or (match.group(0).lower() == "annual" and window[6:7].isalpha()):
        return None, None
    return _period_of(match), position + match.end()


def _period_before(text: str, start: int, end: int) -> PayPeriod | None:
    window = text[start:end]
    if re.search(r"[.;!?]\s", window):
        window = re.split(r"[.;!?]\s", window)[-1]
    found = list(PERIOD.finditer(window))
    return _period_of(found[-1]) if found else None


def stated_period(text: str) -> PayPeriod | None:
    """Return the period the first period word of ``text`` names ("annual salaries": YEAR)."""
    match = PERIOD.search(text)
    return _period_of(match) if match else None


def _period_of(match: re.Match[str]) -> PayPeriod:
    """The period whose named group of :data:`PERIOD` matched."""
    assert match.lastgroup is not None
    return PayPeriod(match.lastgroup)


def pay_basis(text: str) -> PayBasis | None:
    """Return FULL_TIME when ``text`` says the amounts are full-time (equivalent) pay."""
    return PayBasis.FULL_TIME if FULL_TIME_BASIS.search(text) else None


def _is_incentive(text: str, lower: int, start: int, end: int) -> bool:
    """The clause before the amounts, or the two words after them, name an incentive."""
    clause = re.split(r"[.;:,]\s", text[lower:start])[-1]
    after = " ".join(text[end : end + 40].split()[:2])
    return bool(INCENTIVE_WORDS.search(clause) or INCENTIVE_WORDS.match(after))


def _guess_period(amount: float) -> PayPeriod:
    if amount >= 15_000:
        return PayPeriod.YEAR
    if amount >= 1_000:
        return PayPeriod.MONTH
    if amount >= 150:
        return PayPeriod.DAY
    return PayPeriod.HOUR


def _label(text: str, lower: int, start: int, role_title: str | None) -> tuple[str | None, int]:
    """The place or group a range is for: the words before a colon just ahead of it."""
    segment = text[lower:start]
    match = re.search(r"([^:;.\n]{1,80}?)\s*[:\uff1a]\s*$", segment)
    if not match:
        return None, start
    label = match.group(1).strip()
    offset = lower + match.start(1)
    if role_title:
        lead = re.match(rf"\s*for\s+(?:the\s+)?{re.escape(role_title)}\s*", label, re.IGNORECASE)
        if lead:
            offset += lead.end()
            label = label[lead.end() :]
    if not label or PAY_WORDS.search(label) or len(label.split()) > 6:
        return None, start
    offset += len(match.group(1)) - len(match.group(1).lstrip())
    return label, offset


def _tail(text: str, end: int, role_title: str | None) -> int:
    if role_title:
        tail = re.compile(rf"\s*for\s+(?:the\s+)?{re.escape(role_title)}\b", re.IGNORECASE)
        if match := tail.match(text, end):
            return match.end()
    return end


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜÀ-Ý])|\n")


def _sentence_start(text: str, position: int) -> int:
    starts = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def _sentence_end(text: str, position: int) -> int:
    match = _SENTENCE_BREAK.search(text, position)
    return match.start() if match else len(text)
