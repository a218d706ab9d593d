"""The JobPosting node reader's part for pay.

Reads baseSalary (MonetaryAmount with a QuantitativeValue, PriceSpecification-style amounts,
bare numbers, free text), salaryCurrency, incentiveCompensation and jobBenefits.
"""

from __future__ import annotations

import re
from typing import Any

from jobposting.formats import jsonld_values as v
from jobposting.formats.jsonld_map_base import ReaderBase, plain_number, put_clean
from jobposting.formats.jsonld_values import at, items

_PAY_KEYS = frozenset(
    {"currency", "priceCurrency", "value", "minValue", "maxValue", "price", "minPrice",
     "maxPrice", "unitText", "unitCode", "description"}
)  # fmt: skip


class PayReader(ReaderBase):
    """Compensation: pay ranges, pay text, incentives and benefits."""

    def compensation(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        currency_value = self.node.get("salaryCurrency")
        fallback = v.currency(currency_value, "/salaryCurrency", self.log, "compensation")
        value = self.take("baseSalary")
        ranges: list[dict[str, Any]] = []
        texts: list[str] = []
        used_fallback = False
        if value is not None and not v.is_absent(value, "/baseSalary", self.log, "compensation"):
            for index, item in items(value):
                where = at("/baseSalary", index)
                pay, text, used = self.pay(self.resolve(item, where), where, fallback)
                used_fallback |= used
                if pay:
                    ranges.append(pay)
                if text:
                    texts.append(text)
        if used_fallback or currency_value is None:
            self.take("salaryCurrency")
        if ranges:
            result["basePay"] = ranges
        if texts:
            result["text"] = "\n\n".join(texts)
        incentive = self.take("incentiveCompensation")
        if incentive is None:
            incentive = self.take("incentives")
        if incentive is not None:
            text = self.text(incentive, "/incentiveCompensation", "compensation")
            if text:
                result["incentiveText"] = text
        benefits = self.take("jobBenefits")
        if benefits is None:
            benefits = self.take("benefits")
        listed = (
            self.text_list(benefits, "/jobBenefits", "compensation") if benefits is not None else []
        )
        if listed:
            result["benefits"] = listed
        return result

    def pay(
        self, value: Any, where: str, fallback: str | None
    ) -> tuple[dict[str, Any] | None, str | None, bool]:
        """One baseSalary item -> (pay range, free text, whether salaryCurrency was used)."""
        if value.__class__ is dict and (regular := _regular_pay(value)) is not None:
            return regular, None, False
        log = self.log
        if value is None or v.is_absent(value, where, log, "compensation"):
            return None, None, False
        amounts: dict[str, Any] = {}
        unit = None
        currency = None
        text = None
        if isinstance(value, str) and v.parse_number(value) is None:
            read = self.pay_from_text(value.strip(), where, fallback)
            if read is not None:
                return read, None, read["currency"] == fallback
            log.note(
                where, "salary.free-text", "is free text; kept as compensation.text", "compensation"
            )
            return None, value.strip(), False
        if isinstance(value, int | float | str) and not isinstance(value, bool):
            amount = v.number(value, where, log, "compensation")
            if amount is not None:
                amounts["value"] = amount
        elif isinstance(value, dict):
            node = self.open(value, where)
            currency = v.currency(
                node.get("currency") or node.get("priceCurrency"),
                where + "/currency",
                log,
                "compensation",
            )
            inner = node.get("value")
            if isinstance(inner, dict):
                inner_node = self.open(inner, where + "/value")
                spot = where + "/value"
                self.amounts(inner_node, spot, amounts)
                unit = inner_node.get("unitText") or inner_node.get("unitCode")
                words = inner_node.get("value")
                if not amounts and isinstance(words, str) and words.strip():
                    text = words.strip()  # "£12.50 per hour" as the QuantitativeValue's value
                self.keep_rest(
                    inner_node, spot, {"value", "minValue", "maxValue", "unitText", "unitCode"}
                )
            elif inner is not None:
                amount = v.number(inner, where + "/value", log, "compensation")
                if amount is not None:
                    amounts["value"] = amount
                elif isinstance(inner, str) and inner.strip():
                    text = inner.strip()
            self.amounts(node, where, amounts, price=True)
            unit = unit or node.get("unitText") or node.get("unitCode")
            described = self.text(node.get("description"), where + "/description", "compensation")
            self.keep_rest(node, where, _PAY_KEYS)
            if described:
                text = described if text is None else text
        else:
            log.keep(where, value, "compensation", "is not a salary the reader understands")
            return None, None, False
        used_fallback = False
        if currency is None and fallback is not None:
            currency, used_fallback = fallback, True
        if not amounts:
            if text is None:
                log.keep(where, value, "compensation", "a salary without an amount")
                return None, text, used_fallback
            read = self.pay_from_text(text, where, currency, unit, stated=not used_fallback)
            if read is not None:
                return read, None, used_fallback and read["currency"] == fallback
            return None, text, used_fallback
        if all(amount == 0 for amount in amounts.values()):
            log.note(
                where,
                "salary.zero",
                "is 0; publishers write 0 to hide pay; dropped",
                "compensation",
            )
            log.keep(where, value)
            return None, text, used_fallback
        if currency is None:
            log.keep(where, value)
            log.note(
                where,
                "salary.no-currency",
                "has no currency; kept under extensions.jsonld",
                "compensation",
            )
            return None, text, used_fallback
        pay_period = v.period(unit, where, log, "compensation") if unit is not None else None
        if pay_period is None:
            biggest = max(amounts.values())
            pay_period = "YEAR" if biggest >= 10000 else "MONTH" if biggest >= 1000 else "HOUR"
            log.note(
                where,
                "salary.period-guessed",
                f"has no unit; {biggest} read as per {pay_period.lower()}",
                "compensation",
            )
        low, high = amounts.get("minimum"), amounts.get("maximum")
        if low is not None and high is not None and low > high:
            amounts["minimum"], amounts["maximum"] = high, low
            log.note(where, "salary.repaired", "minimum above maximum; swapped", "compensation")
        if "value" in amounts and ("minimum" in amounts or "maximum" in amounts):
            log.keep(where + "/value", amounts.pop("value"))
        pay: dict[str, Any] = {"currency": currency}
        for key in ("minimum", "maximum", "value"):
            if key in amounts:
                pay[key] = amounts[key]
        pay["period"] = pay_period
        if text:
            pay["text"] = text
        return pay, None, used_fallback

    def pay_from_text(
        self,
        text: str,
        where: str,
        currency: str | None,
        unit: Any = None,
        *,
        stated: bool = False,
    ) -> dict[str, Any] | None:
        """A pay range from a salary written as text ("$50,000 - $60,000 a year"), when the text
        states one range, its period and its currency without a guess; else None.

        The period may also be the ``unitText`` beside the text ("value": "45000-55000",
        "unitText": "YEAR"), and the currency the MonetaryAmount's own (``stated``).
        """
        from jobposting.extract.pay import PeriodSource, parse_pay

        language = self.out.get("language")
        places = self.out.get("locations") or [{}]
        found = parse_pay(
            text,
            language=language.split("-")[0] if isinstance(language, str) else None,
            country=places[0].get("country"),
            default_currency=currency,
        )
        unit_period = str(unit).strip().upper() if isinstance(unit, str) else None
        unit_period = unit_period if unit_period in _PERIODS else None
        guesses = {"pay-number-ambiguous"}
        if not stated or currency is None:
            guesses.add("pay-currency-assumed")
        if unit_period is None:
            guesses.add("pay-period-guessed-from-amount")
        if len(found.ranges) != 1 or any(note.code in guesses for note in found.diagnostics):
            return None
        match = found.ranges[0]
        period = match.period.value if match.period is not None else None
        if unit_period is not None and match.period_source is not PeriodSource.STATED:
            period = unit_period
        elif match.period_source is not PeriodSource.STATED:
            period = None
        if (
            match.incentive
            or period is None
            or (unit_period is not None and period != unit_period)
            or match.currency is None
            or (currency is not None and match.currency != currency)
        ):
            return None
        pay: dict[str, Any] = {"currency": match.currency}
        for key in ("minimum", "maximum", "value"):
            amount = getattr(match, key)
            if amount is not None:
                pay[key] = amount
        pay["period"] = period
        pay["text"] = text
        shown = "-".join(f"{pay[k]:g}" for k in ("minimum", "maximum", "value") if k in pay)
        self.log.note(
            where,
            "salary.from-text",
            f"is text; read as {shown} {match.currency} per {period.lower()}",
            "compensation",
        )
        return pay

    def amounts(
        self, node: dict[str, Any], where: str, amounts: dict[str, Any], *, price: bool = False
    ) -> None:
        keys: tuple[tuple[str, str], ...] = (("minValue", "minimum"), ("maxValue", "maximum"))
        if price:
            keys += (("minPrice", "minimum"), ("maxPrice", "maximum"), ("price", "value"))
        else:
            keys += (("value", "value"),)
        for key, field in keys:
            if key in node and field not in amounts:
                raw = node[key]
                if isinstance(raw, str) and (grouped := _DOT_THOUSANDS.fullmatch(raw.strip())):
                    # "45.000 €": no salary has three decimals; the dot groups thousands
                    thousands = int(grouped.group(1).replace(".", ""))
                    self.log.note(
                        where + "/" + key,
                        "value.type",
                        f"is the string {raw!r}; read as {thousands} (the dot groups thousands)",
                        "compensation",
                    )
                    amounts[field] = thousands
                    continue
                amount = v.number(raw, where + "/" + key, self.log, "compensation")
                if amount is not None and amount >= 0:
                    amounts[field] = amount


#: A salary string whose one dot stands before three digits ("45.000 €", "EUR 1.250").
_DOT_THOUSANDS = re.compile(r"[^\d\s]{0,3}\s*(\d{1,3}(?:\.\d{3})+)\s*[^\d\s.,]{0,3}")
_REGULAR_PAY_KEYS = frozenset({"@type", "currency", "value", "description"})
_REGULAR_AMOUNT_KEYS = frozenset({"@type", "value", "minValue", "maxValue", "unitText"})
_PERIODS = frozenset({"HOUR", "DAY", "WEEK", "MONTH", "YEAR"})
_AMOUNT_FIELDS = (("minValue", "minimum"), ("maxValue", "maximum"), ("value", "value"))


def _regular_pay(node: dict[str, Any]) -> dict[str, Any] | None:
    """The pay range of a MonetaryAmount in the writer's shape, or None for any other node.

    The shape: ``currency`` an ISO code as it is, ``value`` a QuantitativeValue of JSON numbers
    (not booleans, finite, not negative, not all 0, minimum not above maximum, ``value`` not with
    a bound) and a canonical ``unitText``, an optional clean ``description``; no null, no prefixed
    key, no other property. For it :meth:`PayReader.pay` reads each value as it is, notes nothing
    and keeps nothing, and gives this range (the same keys in the same order).
    """
    if not node.keys() <= _REGULAR_PAY_KEYS or None in node.values():
        return None
    currency = node.get("currency")
    inner = node.get("value")
    if (
        currency.__class__ is not str
        or currency not in v.CURRENCY_CODES
        or inner.__class__ is not dict
        or not inner.keys() <= _REGULAR_AMOUNT_KEYS
        or None in inner.values()
        or inner.get("unitText").__class__ is not str
        or inner["unitText"] not in _PERIODS
    ):
        return None
    pay: dict[str, Any] = {"currency": currency}
    for key, field in _AMOUNT_FIELDS:
        if key in inner:
            amount = inner[key]
            if not plain_number(amount) or amount < 0:
                return None
            pay[field] = amount
    if not (pay.get("minimum") or pay.get("maximum") or pay.get("value")):
        return None  # no amount, or every amount 0
    if "value" in pay and len(pay) > 2:
        return None  # a value beside a bound: kept under extensions
    if "minimum" in pay and "maximum" in pay and pay["minimum"] > pay["maximum"]:
        return None  # swapped, with a note
    pay["period"] = inner["unitText"]
    if not put_clean(node, "description", pay, "text"):
        return None
    return pay
