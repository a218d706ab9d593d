"""The pay parser on its own: amounts, separators, currencies, periods, labels and diagnostics."""

from __future__ import annotations

import pytest

from jobposting.extract.pay import parse_number, parse_pay
from jobposting.model import PayPeriod

SEED_LINE = (
    "Sales Territory: $175,800 - $200,700 for Lead Machine Learning Engineer McLean, VA: "
    "$193,400 - $220,700 for Lead Machine Learning Engineer Richmond, VA: $175,800 - $200,700 "
    "for Lead Machine Learning Engineer"
)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("£40,000 - £85,000 per annum", "en", ("GBP", 40000, 85000, None, "YEAR")),
        ("3.800 \u2013 4.400 € brutto/Monat", "de", ("EUR", 3800, 4400, None, "MONTH")),
        ("25 €/Std.", "de", ("EUR", None, None, 25, "HOUR")),
        ("12,75 € pro Stunde", "de", ("EUR", None, None, 12.75, "HOUR")),
        ("45 000 € - 55 000 € par an", "fr", ("EUR", 45000, 55000, None, "YEAR")),
        ("28.000 € - 32.000 € brutos anuales", "es", ("EUR", 28000, 32000, None, "YEAR")),
        ("€ 3.000 - € 4.000 bruto per maand", "nl", ("EUR", 3000, 4000, None, "MONTH")),
        ("Een salaris tussen € 3.600 en € 4.900 bruto per maand", "nl",
         ("EUR", 3600, 4900, None, "MONTH")),
        ("between $20 and $25 per hour", "en", ("USD", 20, 25, None, "HOUR")),
        ("$45/hr", "en", ("USD", None, None, 45, "HOUR")),
        ("$20.50 an hour", "en", ("USD", None, None, 20.5, "HOUR")),
        ("up to €60k a year", "en", ("EUR", None, 60000, None, "YEAR")),
        ("desde 30.000€ brutos anuales", "es", ("EUR", 30000, None, None, "YEAR")),
        ("CHF 120'000 p.a.", "de", ("CHF", None, None, 120000, "YEAR")),
        ("₹8-12 lakh per annum", "en", ("INR", 800000, 1200000, None, "YEAR")),
        ("USD 90,000 yearly", "en", ("USD", None, None, 90000, "YEAR")),
        ("$3,000 monthly", "en", ("USD", None, None, 3000, "MONTH")),
        ("$250 per day", "en", ("USD", None, None, 250, "DAY")),
    ],
)  # fmt: skip
def test_amounts_currencies_and_stated_periods(
    text: str, language: str, expected: tuple[object, ...]
) -> None:
    """Each written form gives one range with its currency, bounds and stated period."""
    found = parse_pay(text, language=language, country="US")
    assert len(found.ranges) == 1
    r = found.ranges[0]
    period = r.period.value if r.period else None
    assert (r.currency, r.minimum, r.maximum, r.value, period) == expected
    assert not [d for d in found.diagnostics if d.code.startswith("pay-period")]


def test_location_ranges_in_one_sentence_keep_labels_and_source_spans() -> None:
    """ "McLean, VA: $193,400 - $220,700 for <role>" repeated: one range per place, in order."""
    found = parse_pay(SEED_LINE, context="full-time annual salaries",
                      role_title="Lead Machine Learning Engineer", country="US")  # fmt: skip
    assert [r.label for r in found.ranges] == ["Sales Territory", "McLean, VA", "Richmond, VA"]
    assert [(r.minimum, r.maximum) for r in found.ranges] == [
        (175800, 200700), (193400, 220700), (175800, 200700),
    ]  # fmt: skip
    for r in found.ranges:
        assert SEED_LINE[r.text_span[0] : r.text_span[1]] == r.text
        assert r.text.startswith(r.label or "")
        assert r.text.endswith("Machine Learning Engineer")
        assert SEED_LINE[r.span[0] : r.span[1]].startswith("$")


def test_period_from_context_is_reported() -> None:
    """Amounts without a period take the one the surrounding text states, and say so."""
    found = parse_pay("Richmond, VA: $175,800 - $200,700", context="annual salaries below")
    assert found.ranges[0].period is PayPeriod.YEAR
    assert [(d.pointer, d.code) for d in found.diagnostics] == [
        ("/0/period", "pay-period-from-context"),
        ("/0/currency", "pay-currency-assumed"),
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [("USD 100000", "YEAR"), ("€ 3.500", "MONTH"), ("$180", "DAY"), ("$18", "HOUR")],
)
def test_period_guessed_from_the_amount_is_always_reported(text: str, period: str) -> None:
    """Guessing a period from the size of a number never happens without a diagnostic."""
    found = parse_pay(text, language="de" if "€" in text else "en", country="US")
    assert found.ranges[0].period == PayPeriod(period)
    codes = [d.code for d in found.diagnostics if d.pointer == "/0/period"]
    assert codes == ["pay-period-guessed-from-amount"]


def test_dollar_without_a_country_is_reported_and_follows_the_country() -> None:
    """ "$" is USD unless the country says which dollar; without a country that is reported."""
    assert parse_pay("$50 per hour", country="CA").ranges[0].currency == "CAD"
    found = parse_pay("$50 per hour")
    assert found.ranges[0].currency == "USD"
    assert [d.code for d in found.diagnostics] == ["pay-currency-assumed"]


def test_shared_multiplier_and_indian_units() -> None:
    """ "$50-60k" applies k to both bounds; "8-12 LPA" is INR per year; both are reported."""
    k = parse_pay("$50-60k per year", country="US")
    assert (k.ranges[0].minimum, k.ranges[0].maximum) == (50000, 60000)
    assert "pay-multiplier-shared" in [d.code for d in k.diagnostics]
    lpa = parse_pay("8-12 LPA")
    r = lpa.ranges[0]
    assert (r.currency, r.minimum, r.maximum, r.period) == ("INR", 800000, 1200000, PayPeriod.YEAR)
    assert "pay-currency-assumed" in [d.code for d in lpa.diagnostics]


@pytest.mark.parametrize(
    "text",
    [
        "call 1-800-304-9102",
        "Article 23-A of the New York Correction Law; Sections 4901-4920",
        "a 401(k) plan with a 6% match",
        "We have 40.000 patients a year",
        "Minimum of 5 business days",
    ],
)
def test_numbers_that_are_not_pay(text: str) -> None:
    """Phone numbers, section numbers, 401(k) and counts give no range."""
    assert parse_pay(text, language="en").ranges == ()


def test_default_currency_only_for_bare_pay_amounts() -> None:
    """A pay text without a currency uses the country's, reported; units other than money never."""
    found = parse_pay("45,000 - 55,000 per year", default_currency="GBP")
    assert (found.ranges[0].currency, found.ranges[0].minimum) == ("GBP", 45000)
    assert [d.code for d in found.diagnostics] == ["pay-currency-assumed"]
    assert parse_pay("after 12 weeks", default_currency="GBP").ranges == ()
    mixed = parse_pay("£12.60 per hour, rising after 12 weeks", default_currency="GBP")
    assert len(mixed.ranges) == 1


@pytest.mark.parametrize(
    ("written", "language", "value", "ambiguous"),
    [
        ("175,800", "en", 175800, False),
        ("3.800", "de", 3800, False),
        ("12.75", "en", 12.75, False),
        ("12,75", "de", 12.75, False),
        ("1.234.567,89", "de", 1234567.89, False),
        ("1,234,567.89", "en", 1234567.89, False),
        ("45 000", "fr", 45000, False),
        ("1,500", "es", 1500, True),
        ("1.500", "en", 1500, True),
    ],
)
def test_thousands_and_decimal_separators_by_language(
    written: str, language: str, value: float, ambiguous: bool
) -> None:
    """Separators are read by position and digit count; the language's own decimal mark
    before three digits is ambiguous and says so."""
    number, why = parse_number(written, language)
    assert number == value
    assert (why is not None) is ambiguous


def test_a_company_figure_in_billions_is_no_pay() -> None:
    """ "$200B in annualized spend" (Ramp's page) is no pay of $200."""
    assert parse_pay("We automate how over $200B in annualized spend flows.").ranges == ()
    assert parse_pay("Revenue of €3 bn; pay €50,000 a year.").ranges[0].value == 50000
