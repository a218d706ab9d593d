"""Which of the five vocabulary languages a posting is written in, and its language tag."""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["detect_language", "language_tag"]

#: Frequent words that tell the five languages apart (shared words like "de" are left out).
_MARKERS = {
    "en": [
        "the",
        "and",
        "you",
        "will",
        "with",
        "for",
        "our",
        "your",
        "are",
        "this",
        "have",
        "of",
        "to",
        "is",
        "be",
        "as",
        "we",
        "an",
    ],
    "de": [
        "und",
        "der",
        "die",
        "das",
        "mit",
        "für",
        "wir",
        "sie",
        "ist",
        "zu",
        "ein",
        "eine",
        "ihre",
        "deine",
        "bei",
        "von",
        "den",
        "dem",
        "auf",
    ],
    "fr": [
        "et",
        "le",
        "la",
        "les",
        "des",
        "vous",
        "pour",
        "nous",
        "avec",
        "une",
        "du",
        "est",
        "dans",
        "votre",
        "vos",
        "au",
        "sur",
    ],
    "es": [
        "y",
        "el",
        "los",
        "las",
        "para",
        "con",
        "una",
        "del",
        "tu",
        "tus",
        "es",
        "por",
        "que",
        "como",
        "sus",
        "al",
        "nuestro",
    ],
    "nl": [
        "en",
        "het",
        "van",
        "een",
        "je",
        "voor",
        "wij",
        "met",
        "zijn",
        "jouw",
        "ons",
        "bij",
        "op",
        "ook",
        "wat",
        "naar",
    ],
}
_WEIGHTS = {lang: Counter(words) for lang, words in _MARKERS.items()}
_WORD = re.compile(r"[^\W\d_]+")

#: Countries where a language is an official one, for a regional tag ("en" in US: "en-US").
_SPOKEN_IN = {
    "en": {"US", "GB", "CA", "AU", "NZ", "IE", "IN", "SG", "ZA", "PH"},
    "de": {"DE", "AT", "CH", "LU", "BE"},
    "fr": {"FR", "BE", "CH", "LU", "CA"},
    "es": {"ES", "MX", "AR", "CO", "CL", "PE", "US"},
    "nl": {"NL", "BE"},
}


def detect_language(text: str) -> str | None:
    """Return ``en``, ``de``, ``fr``, ``es`` or ``nl`` by frequent words, or None when unclear."""
    words = Counter(w.lower() for w in _WORD.findall(text))
    scores = {lang: sum(words[w] for w in markers) for lang, markers in _WEIGHTS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 5 or ranked[0] < 1.5 * ranked[1]:
        return None
    return best


def language_tag(language: str, country: str | None) -> str:
    """A BCP 47 tag: the language, with the country when the language is spoken there."""
    if country and country in _SPOKEN_IN.get(language, ()):
        return f"{language}-{country}"
    return language
