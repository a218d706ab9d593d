"""The heading and label vocabulary, in English, German, French, Spanish and Dutch.

A posting's headings say what their section holds ("Basic Qualifications", "Ihre Aufgaben",
"Votre profil", "Requisitos", "Wat bieden wij"); short labels before a colon say what one value
is ("Location: Kirkland WA", "Gehalt: 3.800 €"). Matching folds case, accents and apostrophes
and takes the longest phrase that starts the heading, so "What you'll do in the role" is a
responsibilities heading and "Preferred Qualifications" is not a plain "Qualifications" one.
"""

from __future__ import annotations

import enum
import re

from jobposting.extract.places import fold

__all__ = ["Fact", "Target", "heading_target", "label_fact"]


class Target(enum.Enum):
    """Where the content of a section goes in the canonical posting."""

    DESCRIPTION = "description"
    COMPANY = "hiringOrganization/description"
    RESPONSIBILITIES = "responsibilities"
    REQUIRED = "requiredQualifications"
    PREFERRED = "preferredQualifications"
    EDUCATION = "educationRequirements"
    EXPERIENCE = "experienceRequirements"
    SKILLS = "skills"
    BENEFITS = "compensation/benefits"
    PAY = "compensation"
    INCENTIVES = "compensation/incentives"
    LEGAL = "legalStatements"
    APPLY = "application"
    CONTACT = "contacts"
    SECTION = "sections"
    END = "(end of the posting)"


_HEADINGS: dict[Target, tuple[str, ...]] = {
    Target.DESCRIPTION: (
        # en
        "about the role", "about the job", "about the position", "about this role",
        "about this job", "about the opportunity", "the role", "the opportunity", "the position",
        "job description", "role description", "position description", "description",
        "overview", "role overview", "position overview", "job summary", "summary",
        "an overview of this role", "your role", "who we are looking for",
        # de
        "über die stelle", "über den job", "stellenbeschreibung", "die stelle",
        "ihre rolle", "deine rolle", "beschreibung",
        # fr
        "le poste", "description du poste", "à propos du poste", "votre rôle",
        "descriptif du poste", "présentation du poste",
        # es
        "descripción del puesto", "sobre el puesto", "el puesto", "descripción de la oferta",
        "descripción", "tu rol",
        # nl
        "over de functie", "de functie", "functieomschrijving", "over de rol", "de rol",
        "functiebeschrijving", "omschrijving",
    ),
    Target.COMPANY: (
        "about us", "about the company", "who we are", "company description", "our company",
        "company overview", "about the employer",
        "über uns", "wer wir sind", "das unternehmen", "unternehmen", "wir über uns",
        "qui sommes-nous", "qui sommes nous", "à propos de nous", "l'entreprise",
        "notre entreprise", "la société",
        "sobre nosotros", "quiénes somos", "acerca de nosotros", "la empresa", "sobre la empresa",
        "over ons", "wie zijn wij", "wie zijn we", "over het bedrijf", "het bedrijf",
        "de organisatie", "over de organisatie",
    ),
    Target.RESPONSIBILITIES: (
        "what you'll do", "what you will do", "what you'll be doing", "what you will be doing",
        "responsibilities", "key responsibilities", "your responsibilities",
        "main responsibilities",
        "job responsibilities", "duties", "job duties", "duties and responsibilities",
        "essential functions", "essential duties", "essential duties and responsibilities",
        "key duties", "principal duties", "primary responsibilities", "job functions",
        "your tasks", "tasks", "in this role you will", "what you'll work on",
        "day to day", "a day in the life", "a typical day", "your day to day", "your mission",
        "your impact", "the work",
        "ihre aufgaben", "deine aufgaben", "aufgaben", "ihr aufgabengebiet", "dein aufgabengebiet",
        "das erwartet sie", "das erwartet dich", "was sie erwartet", "was dich erwartet",
        "tätigkeiten", "ihre tätigkeiten", "aufgabenbereich", "deine mission",
        "vos missions", "missions", "vos responsabilités", "responsabilités",
        "ce que vous ferez", "vos principales missions", "votre mission", "mission", "vos tâches",
        "responsabilidades", "funciones", "tus funciones", "tus responsabilidades", "qué harás",
        "que harás", "tareas", "tus tareas", "principales funciones", "misión",
        "wat ga je doen", "wat je gaat doen", "taken", "jouw taken", "je taken",
        "verantwoordelijkheden", "jouw verantwoordelijkheden", "werkzaamheden", "wat ga jij doen",
    ),
    Target.REQUIRED: (
        "basic qualifications", "minimum qualifications", "required qualifications",
        "minimum requirements", "required experience and skills", "knowledge, skills and abilities",
        "requirements", "job requirements", "qualifications", "what you'll need",
        "what you need", "what you will need", "what we're looking for", "what we are looking for",
        "who you are", "your profile", "about you", "must have", "must-haves", "must haves",
        "what you'll bring", "what you bring", "skills and experience", "you have",
        "required skills", "requirements and skills", "key skills", "skills & experience",
        "your expertise", "your experience", "your skills",
        "we'd love to hear from you if you have", "we would love to hear from you if you have",
        "you might be a good fit if you have", "you may be a good fit if you have",
        "ihr profil", "dein profil", "anforderungen", "das bringst du mit", "das bringen sie mit",
        "was sie mitbringen", "was du mitbringst", "voraussetzungen", "qualifikationen",
        "ihre qualifikationen", "deine qualifikationen", "was wir erwarten", "anforderungsprofil",
        "votre profil", "profil recherché", "profil", "compétences requises",
        "qualifications requises", "prérequis", "ce que nous recherchons", "vos compétences",
        "profil souhaité", "le profil",
        "requisitos", "requisitos mínimos", "perfil", "lo que buscamos", "qué necesitas",
        "que necesitas", "tu perfil", "perfil requerido", "qué buscamos", "requerimientos",
        "wat vragen wij", "wat vragen we", "wie ben jij", "wie ben je", "functie-eisen",
        "jouw profiel", "wat breng je mee", "wat breng jij mee", "vereisten", "je profiel",
        "wat wij vragen", "eisen",
    ),
    Target.PREFERRED: (
        "preferred qualifications", "preferred requirements", "preferred skills",
        "preferred experience", "nice to have", "nice-to-have", "nice to haves",
        "nice-to-haves", "while it's not required", "while not required", "added plus",
        "it's an added plus", "bonus points",
        "bonus", "pluses", "desired skills", "desired qualifications", "desirable",
        "it would be great if", "extra credit", "preferred", "ideally", "good to have",
        "wünschenswert", "von vorteil", "idealerweise", "wünschenswerte qualifikationen",
        "pluspunkte", "optional",
        "atouts", "un plus", "serait un plus", "compétences souhaitées", "les plus",
        "qualifications souhaitées", "souhaité",
        "se valorará", "deseable", "requisitos deseables", "valorable", "se valora",
        "valoraremos", "será un plus",
        "pré", "pluspunten", "mooi meegenomen", "een pré", "pre", "wenselijk",
    ),
    Target.EDUCATION: (
        "education", "educational requirements", "education requirements",
        "education and experience",
        "ausbildung", "bildung", "formation", "diplôme", "formación", "educación", "opleiding",
    ),
    Target.EXPERIENCE: (
        "experience", "experience requirements", "required experience", "berufserfahrung",
        "erfahrung", "expérience", "experiencia", "ervaring", "werkervaring",
    ),
    Target.SKILLS: (
        "skills", "technical skills", "tech stack", "our stack", "technologies", "tools",
        "kenntnisse", "fähigkeiten", "compétences", "habilidades", "competencias", "vaardigheden",
    ),
    Target.BENEFITS: (
        "benefits", "what we offer", "what we provide", "perks", "perks and benefits",
        "benefits and perks", "why join us", "why us", "why work with us", "our offer",
        "what's in it for you", "what you'll get", "what you get", "we offer",
        "compensation and benefits",
        "wir bieten", "was wir bieten", "unser angebot", "das bieten wir", "was wir dir bieten",
        "was wir ihnen bieten", "ihre vorteile", "deine vorteile", "benefits", "wir bieten dir",
        "wir bieten ihnen", "unsere benefits",
        "ce que nous offrons", "ce que nous proposons", "avantages", "nous offrons",
        "nous proposons", "pourquoi nous rejoindre", "vos avantages", "les avantages",
        "ofrecemos", "qué ofrecemos", "que ofrecemos", "beneficios", "te ofrecemos",
        "lo que ofrecemos",
        "wat bieden wij", "wat bieden we", "wij bieden", "wat wij bieden", "arbeidsvoorwaarden",
        "wat krijg je", "wat krijg je ervoor terug", "ons aanbod", "wat we bieden",
    ),
    Target.PAY: (
        "salary", "salary range", "pay", "pay range", "compensation", "base pay", "base salary",
        "remuneration", "pay transparency", "compensation range",
        "gehalt", "vergütung", "bezahlung", "gehaltsspanne",
        "rémunération", "salaire", "salario", "remuneración", "sueldo", "salaris", "beloning",
    ),
    Target.INCENTIVES: ("incentives", "bonus plan", "equity", "prämien", "primes", "incentivos"),
    Target.LEGAL: (
        "equal opportunity", "equal employment opportunity", "eeo statement", "eeo",
        "diversity and inclusion", "diversity", "accommodations", "reasonable accommodations",
        "fair chance", "privacy notice", "privacy policy", "legal", "disclaimer",
        "chancengleichheit", "datenschutz", "diversität", "vielfalt",
        "diversité", "égalité des chances", "protection des données",
        "igualdad de oportunidades", "diversidad", "protección de datos",
        "diversiteit", "gelijke kansen", "privacy",
    ),
    Target.APPLY: (
        "how to apply", "application process", "to apply", "interested", "next steps",
        "our hiring process", "hiring process", "the process",
        "bewerbung", "interesse geweckt", "so bewirbst du dich", "ihre bewerbung",
        "deine bewerbung", "bewerbungsprozess",
        "candidature", "comment postuler", "processus de recrutement", "pour postuler",
        "cómo aplicar", "como aplicar", "postulación", "cómo postularse", "proceso de selección",
        "solliciteren", "interesse", "sollicitatieprocedure", "hoe solliciteer je",
    ),
    Target.CONTACT: (
        "contact", "contact us", "questions", "kontakt", "ansprechpartner", "ansprechpartnerin",
        "dein kontakt", "ihr kontakt", "nous contacter", "contacto", "contactpersoon",
    ),
    Target.END: (
        "similar jobs", "related jobs", "you may also like", "more jobs", "other jobs",
        "recommended jobs", "jobs you might like", "people also viewed", "ähnliche jobs",
        "ähnliche stellen", "weitere stellen",
        "offres similaires", "offres d'emploi similaires", "ofertas similares",
        "empleos similares", "vergelijkbare vacatures", "soortgelijke vacatures",
    ),
}  # fmt: skip

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'"})


def _normal(text: str) -> str:
    folded = fold(text.translate(_APOSTROPHES))
    folded = re.sub(r"[^\w' &+-]+", " ", folded)
    return re.sub(r"\s+", " ", folded).strip()


_INDEX: dict[str, Target] = {}
for _target, _phrases in _HEADINGS.items():
    for _phrase in _phrases:
        _INDEX.setdefault(_normal(_phrase), _target)
_LONGEST = max(len(key.split()) for key in _INDEX)
#: Phrases that name a heading only when they are the whole heading: alone they are too
#: common at the start of an ordinary line ("Experience with Python", "Profil der Firma").
_WHOLE_ONLY = frozenset(
    _normal(p)
    for p in ("experience", "profil", "perfil", "mission", "tools", "pay", "pre", "pré",
              "bonus", "equity", "interesse", "interested", "eisen", "description", "skills",
              "summary", "overview", "legal", "privacy", "the work", "you have", "optional")
)  # fmt: skip
#: Headings are short; a longer line is a sentence that happens to start like one.
MAX_HEADING_WORDS = 10
#: The most words of a heading the layout marks (``<h4>``, a bold paragraph).
MAX_MARKED_HEADING_WORDS = 16


def heading_target(
    text: str, employer: str | None = None, *, max_words: int = MAX_HEADING_WORDS
) -> Target | None:
    """Return where a section with heading ``text`` goes, or None when no phrase matches.

    ``employer`` lets "About <employer>" and "Why <employer>" count as company and benefits
    headings. A heading the layout marks may be longer (``max_words``): "While it's not
    required, it's an added plus if you also have:" is Figma's ``<h4>``.
    """
    words = _normal(text).split()
    if not words or len(words) > max_words:
        return None
    if employer:
        name = _normal(employer)
        rest = " ".join(words)
        for prefix, target in (
            ("about", Target.COMPANY),
            ("über", Target.COMPANY),
            ("why", Target.BENEFITS),
            ("working at", Target.BENEFITS),
            ("life at", Target.BENEFITS),
        ):
            if rest in {f"{prefix} {name}", f"{_normal(prefix)} {name}"}:
                return target
    for size in range(min(len(words), _LONGEST), 0, -1):
        phrase = " ".join(words[:size])
        found = _INDEX.get(phrase)
        if found is None:
            continue
        if size < len(words) and phrase in _WHOLE_ONLY:
            continue
        return found
    return None


class Fact(enum.Enum):
    """What the value after a short label is ("Location: Kirkland WA")."""

    TITLE = "title"
    EMPLOYER = "employer"
    LOCATION = "location"
    PAY = "pay"
    DATE_POSTED = "datePosted"
    VALID_THROUGH = "validThrough"
    START_DATE = "startDate"
    EMPLOYMENT_TYPE = "employmentTypes"
    HOURS = "workHours"
    INDUSTRY = "industry"
    OCCUPATION = "occupationalCategories"
    DEPARTMENT = "department"
    REFERENCE = "identifiers"
    REMOTE = "workArrangement"
    DESCRIPTION = "description"


_LABELS: dict[Fact, tuple[str, ...]] = {
    Fact.TITLE: ("job title", "position", "title", "role", "stellenbezeichnung",
                 "intitulé du poste", "poste", "puesto", "functie", "functietitel", "vacature"),
    Fact.EMPLOYER: ("company", "employer", "organization", "organisation", "hiring company",
                    "arbeitgeber", "unternehmen", "firma", "entreprise", "employeur", "société",
                    "empresa", "empleador", "werkgever", "bedrijf", "organisatie"),
    Fact.LOCATION: ("location", "locations", "job location", "work location", "office", "offices",
                    "based in", "city", "standort", "arbeitsort", "einsatzort", "ort", "dienstort",
                    "lieu", "localisation", "lieu de travail", "ville", "ubicación", "ubicacion",
                    "localización", "lugar de trabajo", "ciudad", "locatie", "standplaats",
                    "werklocatie", "plaats", "werkplek"),
    Fact.PAY: ("salary", "pay", "compensation", "salary range", "pay range", "base salary",
               "wage", "rate", "hourly rate", "gehalt", "vergütung", "bruttogehalt", "lohn",
               "rémunération", "salaire", "salario", "sueldo", "remuneración", "salaris",
               "beloning", "bruto salaris"),
    Fact.DATE_POSTED: ("date posted", "posted", "posted on", "posting date", "published",
                       "date published", "veröffentlicht", "veröffentlicht am", "datum",
                       "publié le", "date de publication", "publié", "fecha de publicación",
                       "publicado", "publicado el", "geplaatst", "geplaatst op",
                       "publicatiedatum"),
    Fact.VALID_THROUGH: ("closing date", "apply by", "application deadline", "deadline",
                         "expires", "valid through", "bewerbungsfrist", "bewerbungsschluss",
                         "date limite", "date de clôture", "fecha límite", "fecha de cierre",
                         "sluitingsdatum", "reageren voor", "deadline"),
    Fact.START_DATE: ("start date", "starting date", "start", "eintrittsdatum", "beginn",
                      "startdatum", "date de début", "date de prise de poste",
                      "fecha de inicio", "incorporación", "ingangsdatum"),
    Fact.EMPLOYMENT_TYPE: ("employment type", "job type", "type", "contract type", "contract",
                           "schedule", "anstellungsart", "beschäftigungsart", "vertragsart",
                           "arbeitszeit", "anstellung", "type de contrat", "contrat",
                           "tipo de contrato", "jornada", "tipo de empleo", "dienstverband",
                           "soort dienstverband", "contractvorm", "type contract", "commitment"),
    Fact.HOURS: ("hours", "working hours", "work hours", "hours per week", "wochenstunden",
                 "stunden", "horaires", "temps de travail", "horario", "horas", "uren",
                 "uren per week", "werktijden"),
    Fact.INDUSTRY: ("industry", "sector", "branche", "secteur", "sector de actividad",
                    "industrie"),
    Fact.OCCUPATION: ("occupational category", "category", "job category", "job family",
                      "berufsfeld", "catégorie", "categoría", "categorie", "vakgebied"),
    Fact.DEPARTMENT: ("department", "team", "division", "function", "abteilung", "bereich",
                      "département", "service", "departamento", "área", "afdeling"),
    Fact.REFERENCE: ("job id", "job number", "requisition id", "req id", "reference",
                     "ref", "job ref", "kennziffer", "referenz", "stellen-id", "référence",
                     "referencia", "vacaturenummer", "referentie"),
    Fact.REMOTE: ("remote", "workplace type", "work model", "workplace", "location type",
                  "arbeitsmodell",
                  "homeoffice", "télétravail", "modalidad", "teletrabajo", "thuiswerken"),
    Fact.DESCRIPTION: ("description", "job description", "summary", "beschreibung",
                       "descripción", "omschrijving"),
}  # fmt: skip
_LABEL_INDEX = {_normal(label): fact for fact, labels in _LABELS.items() for label in labels}
_LABEL = re.compile(r"^(?P<label>[^:\uff1a]{1,40}?)\s*[:\uff1a]\s*(?P<value>\S.*)$")


def label_fact(text: str) -> tuple[Fact, str] | None:
    """Split a ``Label: value`` line whose label the vocabulary knows; None for anything else."""
    match = _LABEL.match(text)
    if not match:
        return None
    fact = _LABEL_INDEX.get(_normal(match["label"]))
    return (fact, match["value"].strip()) if fact else None
