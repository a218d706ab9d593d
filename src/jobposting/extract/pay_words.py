"""The words of pay, in five languages: currencies, amounts, ranges, periods, pay words.

The vocabulary :mod:`jobposting.extract.pay` reads with; kept apart so that the parser reads as
an algorithm and the tables can be reviewed (and extended) as tables.
"""

from __future__ import annotations

import re

from jobposting.model import PayPeriod

CURRENCY_SYMBOLS = {
    "US$": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "Rs.": "INR", "Rs": "INR", "CHF": "CHF", "Fr.": "CHF", "zł": "PLN",
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "dollars": "USD", "dollar": "USD",
    "pounds": "GBP", "rupees": "INR",
}  # fmt: skip
ISO_CODES = (
    "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD", "INR", "JPY", "CNY", "SEK", "NOK", "DKK",
    "PLN", "CZK", "HUF", "RON", "SGD", "HKD", "MXN", "BRL", "ZAR", "PHP", "ARS", "CLP", "COP",
    "PEN", "ILS", "AED", "KRW", "TRY",
)  # fmt: skip
#: Symbols that more than one currency uses: the country decides, or a diagnostic says so.
SHARED_SYMBOLS = {
    "$": {"US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "MX": "MXN"}
}
CURRENCY = (
    r"(?:US\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|S\$|R\$|\$|€|£|¥|₹|Rs\.?(?=\s?\d)|Fr\.(?=\s?\d)|zł|"
    r"\b(?:" + "|".join(ISO_CODES) + r")\b|\b(?:[Ee]uros?|EUR|[Dd]ollars?|[Pp]ounds|[Rr]upees)\b)"
)
#: Cents: one or two digits, or ",-" / ",\u2013" for none (Austria, Switzerland).
CENTS = r"(?:[.,]\d{1,2}|[.,][-\u2013](?!\d))?"
NUMBER = rf"\d{{1,3}}(?:(?:[.,'\u2019]|[ \u00a0\u202f](?=\d{{3}}\b))\d{{3}})+{CENTS}|\d+{CENTS}"
MULTIPLIER = (
    r"(?:\s?(?:[kK]\b|thousand\b|Tsd\.?|mil\b|Mio\.?|million\b|M\b|lakhs?\b|lacs?\b|"
    r"crores?\b|LPA\b|L\b))?"
)
AMOUNT = re.compile(
    rf"(?:(?P<before>{CURRENCY})\s?)?(?P<number>{NUMBER})(?P<mult>{MULTIPLIER})"
    rf"(?:\s?(?P<after>{CURRENCY}))?"
)
CONNECTOR = re.compile(
    r"^\s*(?:-|\u2013|—|~|to|bis|à|a|au|tot|and|und|et|y|en|hasta|jusqu'à|up to)\s*$", re.IGNORECASE
)
FROM = re.compile(
    r"(?:from|starting at|ab|à partir de|desde|vanaf|minimum of|min\.?|"
    r"minimum (?:salary|pay|wage|base salary) (?:is |of )?|mindestgehalt (?:von |beträgt )?|"
    r"mindestlohn (?:von )?|salaire minimum (?:de )?|salario mínimo (?:de )?|"
    r"minimumsalaris (?:van )?)\s*$",
    re.I,
)
UP_TO = re.compile(r"(?:up to|bis zu|jusqu'à|hasta|tot|maximum of|max\.?)\s*$", re.IGNORECASE)
MULTIPLIERS = {
    "k": 1000,
    "thousand": 1000,
    "tsd": 1000,
    "mil": 1000,
    "m": 1_000_000,
    "mio": 1_000_000,
    "million": 1_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "l": 100_000,
    "lpa": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
INDIAN_UNITS = frozenset({"lakh", "lakhs", "lac", "lacs", "l", "lpa", "crore", "crores"})
PERIOD_WORDS: dict[PayPeriod, str] = {
    PayPeriod.HOUR: (
        r"per hour|an hour|a hour|/\s?hr\b|/\s?h\b|/\s?hour|hourly|per hr\b|p/h\b|pro stunde|"
        r"/\s?std\.?|je stunde|die stunde|stundenlohn|stundensatz|de l'heure|par heure|/\s?heure|"
        r"horaire|por hora|la hora|/\s?hora|per uur|/\s?uur|uurloon|p/u\b"
    ),
    PayPeriod.DAY: (
        r"per day|a day|/\s?day|daily|day rate|pro tag|/\s?tag\b|tagessatz|par jour|/\s?jour|"
        r"journalier|por día|al día|/\s?día|per dag|/\s?dag\b|dagtarief"
    ),
    PayPeriod.WEEK: (
        r"per week|a week|/\s?week|weekly|/\s?wk\b|pro woche|/\s?woche|wöchentlich|par semaine|"
        r"hebdomadaire|por semana|semanal|wekelijks"
    ),
    PayPeriod.MONTH: (
        r"per month|a month|/\s?month|/\s?mo\b|monthly|pro monat|/\s?monat|monatlich|im monat|"
        r"monatsgehalt|mtl\.|par mois|/\s?mois|mensuel(?:le)?s?|al mes|/\s?mes\b|mensual(?:es)?|"
        r"por mes|per maand|/\s?maand|maandelijks|maandsalaris|p\.m\.(?=\s|$)"
    ),
    PayPeriod.YEAR: (
        r"per year|a year|/\s?year|/\s?yr\b|per annum|p\.\s?a\.?(?=\W|$)|annually|annual|yearly|"
        r"/\s?annum|pro jahr|/\s?jahr|jährlich|im jahr|jahresgehalt|jahresbrutto|par an\b|"
        r"/\s?an\b|annuel(?:le)?s?|par année|al año|/\s?año|anual(?:es)?|por año|per jaar|"
        r"/\s?jaar|jaarlijks|jaarsalaris|\bLPA\b|\bCTC\b"
    ),
}  # fmt: skip
PERIOD = re.compile(
    "|".join(f"(?P<{p.value}>{words})" for p, words in PERIOD_WORDS.items()), re.IGNORECASE
)
#: Words that may stand between an amount and its period ("$20 USD gross per hour").
FILLER = re.compile(
    r"[\s,()]*(?:(?:gross|base|brutto|brutos|bruto|brut|netto|net|before tax|"
    r"plus benefits|\+ ?benefits|" + "|".join(ISO_CODES) + r")[\s,()]*)*",
    re.IGNORECASE,
)
FULL_TIME_BASIS = re.compile(
    r"full[- ]time (?:annual |yearly |base |equivalent|salar|pay|compensation|basis)|"
    r"\bFTE\b|full[- ]time equivalent|"
    r"vollzeit(?:basis|äquivalent)?\b(?=.*(?:gehalt|vergütung|basis))|"
    r"auf vollzeitbasis|bei vollzeit|bezogen auf (?:eine )?vollzeit|base temps plein|"
    r"équivalent temps plein|jornada completa|a tiempo completo|op (?:basis van )?(?:een )?"
    r"(?:fulltime|voltijd)",
    re.IGNORECASE,
)
DECIMAL_COMMA_LANGUAGES = frozenset({"de", "fr", "es", "nl", "it", "pt", "pl", "sv", "da", "nb"})
NOT_MONEY = re.compile(
    r"\s*(?:%|percent|hours?|hrs?|days?|weeks?|months?|years?|jahre?n?|stunden|tage?n?|wochen|"
    r"heures|jours|semaines|mois|ans|años|horas|días|semanas|meses|uur|dagen|weken|maanden|jaar)\b",
    re.IGNORECASE,
)
INCENTIVE_WORDS = re.compile(
    r"\b(?:differential|premium|bonus|bonuses|commission|allowance|stipend|sign[- ]on|signing|"
    r"relocation|referral|zulage|zuschlag|prämie|provision|prime|indemnité|plus|complemento|"
    r"comisión|toeslag|bonussen|provisie|vergoeding)\b",
    re.IGNORECASE,
)
PAY_WORDS = re.compile(
    r"salar|pay\b|compensation|range|wage|rate|gehalt|vergütung|lohn|rémunération|salaire|"
    r"sueldo|remuneración|salaris|beloning|base",
    re.IGNORECASE,
)
