"""Requirements in a qualification line: years of experience, degree levels, visa sponsorship.

Each reader takes one line (a list item or a sentence) and returns the canonical object or
None; it never invents what the line does not say ("Experience with X" has a subject and no
months; "Bachelor's degree" has no field of study).
"""

from __future__ import annotations

import re

from jobposting.model import (
    EducationLevel,
    EducationRequirement,
    ExperienceRequirement,
    RequirementLevel,
    VisaSponsorship,
)

__all__ = [
    "education_requirement",
    "experience_in_place_of_education",
    "experience_requirement",
    "requirement_level",
    "visa_sponsorship",
]

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "ein": 1, "einem": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "sechs": 6, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "een": 1, "twee": 2,
    "drie": 3, "vijf": 5,
}  # fmt: skip
_QUALIFIER = (
    r"(?:at least|a minimum of|minimum of|min(?:imum|umum)?\.?|over|more than|"
    r"mindestens|mind\.|au moins|minimum|al menos|como mínimo|mínimo|minimaal|ten minste|"
    r"tenminste)"
)
_UNIT = (
    r"(?P<unit>years?|yrs?|jahren?|jahre|ans?|années?|años?|jaar|jaren|"
    r"months?|monaten?|monate|mois|meses|mes|maanden|maand)"
)
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    rf"(?:{_QUALIFIER}\s+)?{_COUNT}(?:\s*(?:-|\u2013|to|bis|à|a|tot)\s*\d{{1,2}})?\s*\+?\s*{_UNIT}\b"
    r"(?:\s+(?:of|de|d'|van)\b)?",
    re.IGNORECASE,
)
_EXPERIENCE = re.compile(
    r"\b(?:experience|\w*erfahrung(?:en)?|expériences?|experiencia|\w*ervaring)\b", re.IGNORECASE
)
_PREPOSITION = re.compile(
    r"^(?:with|in|of|on|using|as|at|for|im|in der|mit|als|bei|en|dans|avec|comme|con|como|met|"
    r"als|bij|op)\s+",
    re.IGNORECASE,
)
_ARTICLES = re.compile(r"^(?:der|die|das|dem|den|le|la|les|l'|el|los|las|de|het)\s+", re.I)
_EXCLUSION = re.compile(
    r"\(([^()]*\b(?:does not|do not|doesn't|don't|not count|not apply|excluding|excluded|"
    r"exclude|zählen nicht|zählt nicht|ausgenommen|ne compte|ne comptent|hors|no cuenta|"
    r"no cuentan|excepto|telt niet|tellen niet|uitgezonderd)\b[^()]*)\)",
    re.IGNORECASE,
)
_NOT_A_SUBJECT = re.compile(
    r"\b(?:you|your|we|have|has|must|should|need|needs|with|are|is|ihr|sie|du|vous|avez|"
    r"tienes|usted|je|jij|heb|hebt|u)\b",
    re.IGNORECASE,
)
_COMMENT = re.compile(
    r"^(?:is|are|was|would|will|helpful|preferred|required|desirable|a plus|ist|sind|wäre|"
    r"est|sont|serait|es|son|sería|is een|zou)\b",
    re.IGNORECASE,
)
#: A remark closing the line that says how much the experience counts, not what it is of.
_TRAILING_REMARK = re.compile(
    r"[\s,]+(?:(?:is|are|would be|ist|wäre|sind|est|serait|es|sería|is een|zou zijn)\s+)?"
    r"(?:a plus|a bonus|an advantage|nice to have|preferred|desirable|helpful|von vorteil|"
    r"wünschenswert|ein plus|un plus|un atout|un avantage|valorable|deseable|"
    r"een pré|een pre|een plus)\W*$",
    re.IGNORECASE,
)
#: A remark in brackets after the word experience, all there is ("(nice to have)").
_REMARK = re.compile(r"\([^()]*\)[.;]?")
#: Words that may stand before "Experience" at the start of a line without changing it.
_LEAD_WORDS = re.compile(
    r"^(?:(?:proven|solid|strong|hands-on|demonstrated|prior|previous|some|professional|"
    r"relevant|extensive|practical|erste|fundierte|mehrjährige|einschlägige|solide|"
    r"première|solide|bonne|experiencia previa|aantoonbare|relevante|ruime)\s+)*",
    re.IGNORECASE,
)


def experience_requirement(text: str, level: RequirementLevel) -> ExperienceRequirement | None:
    """Read an experience requirement from one qualification line.

    "At least 6 years of experience designing X (Internship experience does not apply)" gives
    72 months, subject "designing X" and the exclusion; "3+ years", "2-4 years" (the lower
    bound), "mindestens 3 Jahre Berufserfahrung", "au moins 2 ans d'expérience" work the same
    way. A line without a number counts only when it starts with the word experience
    ("Experience with AWS"): months are then left out.
    """
    experience = _EXPERIENCE.search(text)
    if experience is None:
        return None
    exclusions = tuple(m.group(1).strip() for m in _EXCLUSION.finditer(text))
    body = _EXCLUSION.sub("", text).strip()
    experience = _EXPERIENCE.search(body)
    if experience is None:  # the word was only in the exclusion: "... (Internship experience ...)"
        return None
    years = _YEARS.search(body)
    months: int | None = None
    if years and years.start() < experience.start() + 60:
        count = years["count"].lower()
        number = int(count) if count.isdigit() else _NUMBER_WORDS[count]
        unit = years["unit"].lower()
        months = number if unit.startswith(("mo", "mes", "maand", "mois")) else number * 12
    before = _LEAD_WORDS.sub("", body[: experience.start()]).strip()
    if months is None and (len(before.split()) > 3 or _NOT_A_SUBJECT.search(before)):
        return None  # "You have experience ...": a sentence, not a requirement line
    after = body[experience.end() :].strip(" :,-\u2013")
    if _COMMENT.match(after) or _REMARK.fullmatch(after):
        # "... experience is helpful but not essential", "... experience (nice to have)":
        # says nothing of the subject
        after = ""
    after = _PREPOSITION.sub("", after)
    after = _ARTICLES.sub("", after) if not after[:1].isupper() else after
    subject = after
    if not subject:
        start = years.end() if years and years.end() <= experience.start() else 0
        subject = _LEAD_WORDS.sub("", body[start : experience.start()]).strip(" ,-")
        subject = _PREPOSITION.sub("", subject)  # "2+ years of travel industry experience"
    subject = _TRAILING_REMARK.sub("", subject)  # "PostgreSQL ist von Vorteil"
    subject = re.sub(r"^(?:on-the-job|professional|relevant|work)\s*$", "", subject.strip())
    subject = subject.rstrip(" .;,")
    return ExperienceRequirement(
        months=months,
        subject=subject or None,
        requirement=level,
        exclusions=exclusions,
    )


_LEVELS: tuple[tuple[EducationLevel, str], ...] = (
    (EducationLevel.DOCTORATE,
     r"\bph\.?\s?d\b|\bdoctora(?:l|te)\b|\bdoktor|\bpromotion\b|\bdoctorat\b|\bdoctorado\b|"
     r"\bpromotie\b|\bgepromoveerd\b"),
    (EducationLevel.MASTER_DEGREE,
     r"\bmaster(?:'s|\u2019s|s)\b|\bmaster\s+(?:degree|of|en|in|diplom)|"
     r"\bmaster(?:abschluss|studium|opleiding)|(?:\bor|\boder|\bou|\bo|\bof|/)\s*master\b|"
     r"\bmáster\b|\bm\.?\s?sc\b|\bmba\b|bac\s?\+\s?5|graduate degree|"
     r"\bwo[- ](?:niveau|opleiding|master)|universitaire? (?:opleiding|master)|\bdiplom\b"),
    (EducationLevel.BACHELOR_DEGREE,
     r"\bbachelor(?:'s|\u2019s|s)?\b|\bb\.?\s?sc\b|\bb\.?[as]\.?(?= degree| in)|"
     r"undergraduate degree|"
     r"(?:four|4)[- ]year degree|college degree|university degree|"
     r"\blicence (?:en|pro\w*|de|d')\b|bac\s?\+\s?3|"
     r"\bgrado\b|licenciatura|\bhbo\b|hochschulstudium|fachhochschul|"
     r"abgeschlossene[sm]? (?:\w+ )?studium|diplôme d'ingénieur|título universitario|"
     r"titulación universitaria"),
    (EducationLevel.ASSOCIATE_DEGREE,
     r"associate(?:'s|\u2019s)? degree|\bbts\b|\bdut\b|bac\s?\+\s?2|técnico superior"),
    (EducationLevel.HIGH_SCHOOL,
     r"high school|\bged\b|secondary school|\babitur\b|fachabitur|baccalauréat|"
     r"\bbac\b(?!\s?\+)|bachillerato|\bhavo\b|\bvwo\b|mittlere reife|realschulabschluss"),
    (EducationLevel.VOCATIONAL,
     r"vocational|apprenticeship|trade school|\w*ausbildung\b|formation professionnelle|"
     r"\bcap\b|formación profesional|ciclo formativo|\bmbo\b"),
    (EducationLevel.PROFESSIONAL_CERTIFICATE,
     r"certification|certificate|zertifizierung|zertifikat|certificat|certificación|"
     r"certificering|certificaat"),
)  # fmt: skip
_LEVEL_PATTERNS = [(level, re.compile(p, re.IGNORECASE)) for level, p in _LEVELS]
_DEGREE_WORD = re.compile(r"\b(?:degree|studium|diplôme|título|titulación|opleiding)\b", re.I)
_FIELDS = re.compile(
    r"\b(?:degree|studium|diplôme|título|grado|opleiding|abschluss|bachelor|master|"
    r"ph\.?\s?d|doctorate|mba|m\.?sc|b\.?sc)\S*\s+"
    r"(?:\S+\s+){0,4}?(?:in de richting|im bereich|in der|in|der|en)\s+(?P<fields>[^.;()]+)",
    re.IGNORECASE,
)
#: "Master of Business Administration": "of" names the field when no "in" does.
_FIELDS_OF = re.compile(
    r"\b(?:degree|bachelor|master|doctor)\S*\s+of\s+(?P<fields>[^.;()]+)", re.IGNORECASE
)
_NOT_A_FIELD = re.compile(
    r"^(?:a |an |any |other |einer |une? |otra |een )?(?:similar|related|equivalent|comparable|"
    r"relevant|technical|quantitative|vergleichbar|ähnlich|équivalent|similaire|afín|"
    r"vergelijkbar|gerelateerd)|^(?:experience|equivalent)",
    re.IGNORECASE,
)
_SIMILAR_FIELDS = re.compile(
    r"\b(?:(?:or|and) )?(?:a |an |any |other )?(?:similar|related|equivalent|comparable|relevant) "
    r"(?:technical )?(?:fields?|disciplines?|areas?|subjects?|degrees?)(?: of study)?",
    re.IGNORECASE,
)
_IN_PROGRESS = re.compile(
    r"currently (?:pursuing|enrolled)|working towards|enrolled in|studierende|im studium|"
    r"en cours|cursando|estudiante|student", re.IGNORECASE,
)  # fmt: skip


def education_requirement(text: str, level: RequirementLevel) -> EducationRequirement | None:
    """Read the acceptable education levels (alternatives, in text order) and fields of study.

    "Master's or doctoral degree in computer science, electrical engineering, mathematics, or
    a similar field" gives MASTER_DEGREE and DOCTORATE with three fields; "a similar field"
    is no field. None when the line names no education level.
    """
    found = sorted(
        (match.start(), lvl) for lvl, pattern in _LEVEL_PATTERNS if (match := pattern.search(text))
    )
    if not found and not _DEGREE_WORD.search(text):
        return None
    levels = tuple(dict.fromkeys(lvl for _, lvl in found)) or (EducationLevel.BACHELOR_DEGREE,)
    return EducationRequirement(
        levels=levels,
        fields_of_study=_fields(text),
        requirement=level,
        in_progress=True if _IN_PROGRESS.search(text) else None,
        text=text,
    )


def _fields(text: str) -> tuple[str, ...]:
    match = _FIELDS.search(text) or _FIELDS_OF.search(text)
    if not match:
        return ()
    fields_text = _SIMILAR_FIELDS.sub("", match["fields"])
    parts = re.split(
        r",\s*(?:or\s+|and\s+|oder\s+|ou\s+|o\s+|of\s+)?|"
        r"\s+(?:or|and|oder|ou|o|of|und|et|y|en)\s+|/",
        fields_text,
    )
    fields = []
    for part in parts:
        field = part.strip(" .,")
        if field and not _NOT_A_FIELD.search(field) and len(field.split()) <= 5:
            fields.append(field)
    return tuple(dict.fromkeys(fields))


_EQUIVALENT_EXPERIENCE = re.compile(
    r"or equivalent (?:\w+ )?experience|equivalent (?:practical |work )?experience|"
    r"oder vergleichbare (?:berufs)?erfahrung|ou expérience équivalente|o experiencia equivalente|"
    r"of (?:vergelijkbare|gelijkwaardige) (?:werk)?ervaring", re.IGNORECASE,
)  # fmt: skip


def experience_in_place_of_education(text: str) -> bool:
    """True when a line accepts experience instead of the degree it names."""
    return _EQUIVALENT_EXPERIENCE.search(text) is not None


_NO_SPONSORSHIP = re.compile(
    r"(?:will not|won't|cannot|can't|can not|unable to|not able to|does not|do not|are not|"
    r"is not) (?:\w+ ){0,3}sponsor|no (?:visa |immigration )?sponsorship|"
    r"sponsorship (?:is )?not (?:available|offered|provided)|without (?:the need for )?"
    r"(?:current or future )?(?:visa |employer )?sponsorship|"
    r"not eligible for (?:visa )?sponsorship|"
    r"keine? (?:visa-?|arbeits)?(?:sponsoring|visum|visa)|können (?:leider )?keine?\b.{0,40}"
    r"(?:visum|visa|arbeitserlaubnis|sponsoring)|ne (?:pouvons|peut|pourrons) pas\b.{0,50}"
    r"(?:parrainage|visa|sponsor)|sans (?:besoin de )?(?:parrainage|sponsor)|"
    r"no (?:ofrecemos|podemos ofrecer)\b.{0,40}(?:patrocinio|visado|visa)|"
    r"sin (?:necesidad de )?patrocinio|geen (?:visum|sponsoring|werkvergunning)|"
    r"kunnen geen\b.{0,40}(?:visum|sponsoring|kennismigrant)",
    re.IGNORECASE,
)
_SPONSORSHIP = re.compile(
    r"(?:will|can|happy to|able to|we) (?:\w+ ){0,2}sponsor|visa sponsorship (?:is )?"
    r"(?:available|offered|provided|possible)|sponsorship (?:is )?available|visa support|"
    r"unterstützen\b.{0,40}(?:visum|visa|arbeitserlaubnis)|visa-?unterstützung|"
    r"übernehmen\b.{0,30}(?:visum|visa)|parrainage\b.{0,30}(?:possible|disponible|offert)|"
    r"accompagnons\b.{0,40}(?:visa|titre de séjour)|ofrecemos (?:el )?patrocinio|"
    r"patrocinio\b.{0,20}disponible|kennismigrant(?:enregeling)?|wij (?:regelen|sponsoren)\b"
    r".{0,30}(?:visum|sponsor)",
    re.IGNORECASE,
)
_WORK_RIGHTS = re.compile(
    r"sponsor|work authori[sz]ation|right to work|authori[sz]ed to work|visa|work permit|"
    r"arbeitserlaubnis|visum|permis de travail|parrainage|patrocinio|permiso de trabajo|"
    r"werkvergunning|kennismigrant",
    re.IGNORECASE,
)


def visa_sponsorship(text: str) -> VisaSponsorship | None:
    """Return YES or NO for a sentence that says whether visas are sponsored.

    UNKNOWN for a sentence about the right to work that does not say (e.g. "You must have the
    right to work in the UK"); None for a sentence that is not about it at all.
    """
    if _NO_SPONSORSHIP.search(text):
        return VisaSponsorship.NO
    if _SPONSORSHIP.search(text):
        return VisaSponsorship.YES
    if _WORK_RIGHTS.search(text):
        return VisaSponsorship.UNKNOWN
    return None


_PREFERRED = re.compile(
    r"\b(?:helpful|not essential|not required|a plus|an advantage|advantageous|desirable|"
    r"preferred|nice to have|von vorteil|wünschenswert|un plus|un atout|souhaitée?s?|"
    r"valorable|se valorará|se valora|deseable|een pré|pluspunt)\b",
    re.IGNORECASE,
)


def requirement_level(text: str, level: RequirementLevel) -> RequirementLevel:
    """The level of one line: PREFERRED when it says so ("... is a plus"), else ``level``."""
    return RequirementLevel.PREFERRED if _PREFERRED.search(text) else level
