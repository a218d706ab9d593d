"""What a sentence of prose is about: pay, legal statements, visas, contacts, incentives...

Postings end in paragraphs without headings that mix several things (an application window,
"No agencies please.", an equal-opportunity statement and a fair-chance statement in one
paragraph). They are read sentence by sentence: each sentence gets a :class:`Topic`, and
consecutive sentences with the same topic (or none) are kept together as one statement.
"""

from __future__ import annotations

import enum
import re

import attrs

from jobposting.extract.places import country_code
from jobposting.model import (
    ContactRole,
    HiringEntity,
    IncentiveType,
    LegalStatementKind,
)

__all__ = [
    "Statement",
    "Topic",
    "contact_name",
    "contact_role",
    "discretionary",
    "hiring_entities",
    "incentive_types",
    "read_statements",
    "split_sentences",
    "topic_of",
]


class Topic(enum.Enum):
    """What a sentence is about; ``None`` (no topic) is ordinary description."""

    HIRING_ENTITIES = "hiring entities"
    VISA = "visa sponsorship"
    APPLICATION_WINDOW = "application window"
    LEGAL = "legal statement"
    CONTACT = "contact"
    APPLY = "how to apply"
    PRORATION = "proration"
    PAY = "pay"
    INCENTIVES = "incentives"
    BENEFITS = "benefits"


_LEGAL_KINDS: tuple[tuple[LegalStatementKind, str], ...] = (
    (LegalStatementKind.E_VERIFY, r"e-verify"),
    (LegalStatementKind.DRUG_FREE_WORKPLACE, r"drug[- ]free"),
    (LegalStatementKind.FAIR_CHANCE,
     r"criminal (?:history|record|background)|fair chance|arrest (?:and|or) conviction|"
     r"conviction record|background inquir"),
    (LegalStatementKind.EQUAL_OPPORTUNITY,
     r"equal (?:employment )?opportunit|\beoe\b|affirmative action|without regard to|"
     r"regardless of (?:race|gender|sex|age|religion|their)|discriminat|all qualified applicants|"
     r"chancengleich|gleichbehandlung|unabhängig von (?:geschlecht|alter|herkunft|nationalität|"
     r"ethnischer)|schwerbehinderte|égalité des chances|sans distinction|"
     r"igualdad de oportunidades|sin distinción|gelijke kansen|ongeacht (?:geslacht|leeftijd|"
     r"afkomst)"),
    (LegalStatementKind.ACCOMMODATION,
     r"accommodation|adjustments? (?:to|during|in) (?:the|our) (?:interview|recruit|application)|"
     r"barrierefrei|aménagements?|ajustes razonables|adaptaciones (?:razonables|necesarias)|"
     r"(?:redelijke )?aanpassingen"),
    (LegalStatementKind.AGENCY,
     r"\bagenc(?:y|ies)\b|unsolicited (?:resumes|cvs|candidates)|headhunter|personalvermittl|"
     r"personaldienstleist|cabinets? de recrutement|\bagences\b|\bagencias\b|"
     r"acquisitie (?:naar aanleiding|wordt niet)|wervingsbureau|bemiddelingsbureau"),
    (LegalStatementKind.DATA_PRIVACY,
     r"privacy|personal data|personal information|\bgdpr\b|data protection|datenschutz|\bdsgvo\b|"
     r"personenbezogene|données personnelles|\brgpd\b|protección de datos|datos personales|"
     r"persoonsgegevens"),
    (LegalStatementKind.DISCLAIMER,
     r"not liable|does not (?:provide|endorse|guarantee)|disclaim|no liability|keine haftung|"
     r"n'est pas responsable|no se hace responsable|niet aansprakelijk"),
    (LegalStatementKind.PAY_TRANSPARENCY,
     r"actual (?:\w+ ){0,3}(?:salary|pay|compensation|amount)|offer letter|good[- ]faith|"
     r"pay transparency|salary transparency|subject to the pay range|entgelttransparenz|"
     r"transparence (?:salariale|des salaires)|transparencia salarial|"
     r"(?:pay|salary) (?:range|offered) .{0,60}(?:may|will) (?:vary|depend)"),
)  # fmt: skip
_LEGAL = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _LEGAL_KINDS]

_TOPICS: tuple[tuple[Topic, str], ...] = (
    (Topic.HIRING_ENTITIES,
     r"\b(?:positions?|roles?|jobs?) (?:posted|based|located) in\b.{0,60}\b(?:is|are) for\b|"
     r"\bemploying entity\b|\blegal employer\b"),
    (Topic.VISA,
     r"sponsor|work authori[sz]ation|right to work|authori[sz]ed to work|work permit|"
     r"arbeitserlaubnis|\bvisum\b|visa-|permis de travail|parrainage|patrocinio|"
     r"permiso de trabajo|werkvergunning|kennismigrant"),
    (Topic.APPLICATION_WINDOW,
     r"accept(?:ing)? applications (?:for|until|through)|applications (?:will be )?accepted "
     r"(?:until|through|for)|\d+ business days|application (?:deadline|window)|"
     r"bewerbungsfrist|bewerbungen (?:bis|werden bis)|candidatures? (?:jusqu|avant le)|"
     r"plazo de (?:solicitud|inscripción)|solliciteren kan tot"),
)  # fmt: skip
_AFTER_LEGAL: tuple[tuple[Topic, str], ...] = (
    (Topic.CONTACT,
     r"technical (?:support|difficult|issues|problems)|technische (?:probleme|fragen)|"
     r"problèmes? techniques?|soporte técnico|technische problemen|questions? (?:about|regarding)|"
     r"fragen (?:zur|zu)|questions? sur|preguntas sobre|vragen over"),
    (Topic.APPLY,
     r"send (?:us )?your (?:cv|resume|résumé|application)|email us your|apply (?:via|at|by|through|"
     r"online)|if interested in this position|bewerbung(?:en)? (?:bitte )?(?:an|per|über)|"
     r"senden sie (?:uns )?ihre|bewirb dich|"
     r"bewerben sie sich|envoyez(?:-nous)? votre (?:cv|candidature)|postulez|envía(?:nos)? tu cv|"
     r"inscríbete|stuur (?:je|jouw|uw) (?:cv|sollicitatie)|solliciteer"),
    (Topic.PRORATION, r"prorat|pro rata|anteilig|au prorata|proporcional|naar rato"),
    (Topic.PAY,
     r"salar(?:y|ies)|pay range|base pay|compensation range|wage|hourly rate|\bgehalt|"
     r"vergütung|rémunération|salaire|salario|remuneración|sueldo|salaris|beloning"),
    (Topic.INCENTIVES,
     r"incentive|bonus(?:es)?|commission|\bequity\b|stock options?|\brsus?\b|profit[- ]sharing|"
     r"prämie|provision|gewinnbeteiligung|\bprimes?\b|intéressement|comisi[oó]n|"
     r"bonificaci[oó]n|incentivos?|winstdeling|aandelenopties|provisie"),
    (Topic.BENEFITS,
     r"benefits|401\(?k\)?|health insurance|dental|paid time off|\bpto\b|parental leave|"
     r"pension|urlaubstage|altersvorsorge|zuschuss|mutuelle|congés|tickets? restaurant|"
     r"seguro médico|vacaciones|pensioen|vakantiedagen|reiskostenvergoeding"),
)  # fmt: skip
_BEFORE = [(topic, re.compile(p, re.IGNORECASE)) for topic, p in _TOPICS]
_AFTER = [(topic, re.compile(p, re.IGNORECASE)) for topic, p in _AFTER_LEGAL]


@attrs.frozen(kw_only=True)
class Statement:
    """Consecutive sentences of one paragraph about one topic (a legal kind for LEGAL)."""

    topic: Topic | None
    text: str
    kind: LegalStatementKind | None = None


def topic_of(sentence: str) -> tuple[Topic | None, LegalStatementKind | None]:
    """Return what one sentence is about (the legal kind too, for legal statements)."""
    for topic, pattern in _BEFORE:
        if pattern.search(sentence):
            return topic, None
    for kind, pattern in _LEGAL:
        if pattern.search(sentence):
            return Topic.LEGAL, kind
    for topic, pattern in _AFTER:
        if pattern.search(sentence):
            return topic, None
    return None, None


def read_statements(paragraph: str) -> list[Statement]:
    """Split a paragraph into statements: runs of sentences about the same topic.

    A sentence without a topic joins the statement before it, or the one after it when it
    opens the paragraph ("Capital One Financial is made up of several different entities.
    Please note that any position posted in Canada is for ..."). A paragraph with no topic
    at all is one statement with topic None.
    """
    groups: list[tuple[Topic, LegalStatementKind | None, list[str]]] = []
    pending: list[str] = []  # topic-less sentences before the first statement
    for sentence in split_sentences(paragraph):
        topic, kind = topic_of(sentence)
        if topic is None:
            (groups[-1][2] if groups else pending).append(sentence)
        elif groups and groups[-1][:2] == (topic, kind):
            groups[-1][2].append(sentence)
        else:
            groups.append((topic, kind, [*pending, sentence]))
            pending = []
    if not groups:
        return [Statement(topic=None, text=paragraph.strip())]
    return [Statement(topic=t, kind=k, text=" ".join(group)) for t, k, group in groups]


_ABBREVIATIONS = frozenset((
    "i.e", "e.g", "etc", "corp", "inc", "ltd", "co", "dr", "mr", "mrs", "ms", "no", "nr", "st",
    "vs", "approx", "incl", "z.b", "bzw", "ca", "ggf", "inkl", "u.a", "mme", "m", "s.a", "u.s",
    "p.a", "jr", "sr", "prof", "dept", "tel", "fig", "resp", "d.h", "usw", "evtl", "sog",
    "bspw",
))  # fmt: skip
_BREAK = re.compile(r"(?<=[.!?])[\"”»)]?\s+(?=[\"“«(]?[A-Z0-9ÄÖÜÀ-ÝÉ¿¡])")


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, keeping "i.e.", "Corp." and other abbreviations inside."""
    sentences: list[str] = []
    start = 0
    for match in _BREAK.finditer(text):
        head = text[start : match.start()].rstrip()
        word = head.rsplit(None, 1)[-1] if head.split() else ""
        token = word.lower().rstrip(".!?").lstrip("(")
        if head.endswith(".") and (token in _ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
            continue
        sentences.append(text[start : match.start()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


_INCENTIVES: tuple[tuple[IncentiveType, str], ...] = (
    (IncentiveType.SIGN_ON_BONUS,
     r"sign[- ]on bonus|signing bonus|welcome bonus|antrittsprämie|prime de bienvenue|"
     r"bono de bienvenida|welkomstbonus"),
    (IncentiveType.LONG_TERM_INCENTIVE, r"long[- ]term incentives?|\blti\b"),
    (IncentiveType.PROFIT_SHARING,
     r"profit[- ]sharing|gewinnbeteiligung|intéressement|participación en beneficios|winstdeling"),
    (IncentiveType.COMMISSION, r"commission|provision|comisi[oó]n|provisie"),
    (IncentiveType.EQUITY,
     r"\bequity\b|stock options?|\brsus?\b|restricted stock|shares|aktienoptionen|"
     r"mitarbeiteraktien|stock-options|actions gratuites|opciones sobre acciones|aandelen"),
    (IncentiveType.TIPS, r"\btips\b|gratuities|trinkgeld|pourboires|propinas|fooien"),
    (IncentiveType.OVERTIME,
     r"overtime|überstunden|heures supplémentaires|horas extra|overuren|overwerk"),
    (IncentiveType.OTHER,
     r"shift differential|differential|premium pay|shift premium|allowance|stipend|zulage|"
     r"zuschlag|indemnité|complemento|toeslag"),
    (IncentiveType.BONUS,
     r"bonus(?:es)?|prämie|\bprimes?\b|bonificaci[oó]n|\bbono\b|\bbonussen\b|13th month|"
     r"13\. monatsgehalt|treizième mois|decimotercera"),
)  # fmt: skip
_INCENTIVE_PATTERNS = [(kind, re.compile(p, re.IGNORECASE)) for kind, p in _INCENTIVES]


def incentive_types(text: str) -> list[IncentiveType]:
    """Return the kinds of incentive pay a text names, in text order, each once."""
    found: list[tuple[int, IncentiveType]] = []
    covered: list[tuple[int, int]] = []
    for kind, pattern in _INCENTIVE_PATTERNS:
        for match in pattern.finditer(text):
            if any(a <= match.start() < b for a, b in covered):
                continue
            covered.append(match.span())
            found.append((match.start(), kind))
    return list(dict.fromkeys(kind for _, kind in sorted(found, key=lambda item: item[0])))


def discretionary(text: str) -> bool | None:
    """True or False when the text says the incentive is (non-)discretionary, else None."""
    non = re.search(r"non[- ]?discretionary", text, re.IGNORECASE)
    plain = re.search(r"(?<!non )(?<!non-)(?<!non)\bdiscretionary", text, re.IGNORECASE)
    if non and plain:
        return None
    if non:
        return False
    return True if plain else None


_ENTITY_CLAUSE = re.compile(
    r"\bin (?:the )?(?P<country>[A-Z][\w.' ]+?) (?:is|are|will be) (?:for|with|employed by) "
    r"(?P<entity>.+)$"
)


def hiring_entities(text: str) -> list[HiringEntity]:
    """Read "any position posted in Canada is for Capital One Canada, ..." into entities."""
    entities = []
    for clause in re.split(r",\s*|\s+and\s+(?=any|all|positions?|roles?|jobs?)", text):
        match = _ENTITY_CLAUSE.search(clause.strip())
        if not match:
            continue
        code = country_code(match["country"])
        if code is None:
            continue
        entity = match["entity"].strip().rstrip(".")
        alternate = None
        if short := re.search(r"\s*\((?P<alt>[A-Z][A-Z0-9&.]{1,11})\)$", entity):
            alternate = short["alt"]
            entity = entity[: short.start()].strip()
        entities.append(HiringEntity(country=code, name=entity, alternate_name=alternate))
    return entities


_CONTACT_ROLES: tuple[tuple[ContactRole, str], ...] = (
    (ContactRole.ACCOMMODATION, r"accommodation|aménagement|ajustes|aanpassing|barrierefrei"),
    (ContactRole.TECHNICAL_SUPPORT,
     r"technical|technische|techniques?|técnico|technisch"),
    (ContactRole.HIRING_MANAGER, r"hiring manager|fachbereich|manager recrutant|responsable"),
    (ContactRole.RECRUITER, r"recruit(?:er|ing|ment)|talent|personalreferent|recruteur|reclutador"),
    (ContactRole.HR, r"\bhr\b|human resources|personalabteilung|\brh\b|rrhh|p&o"),
)  # fmt: skip
_ROLE_PATTERNS = [(role, re.compile(p, re.IGNORECASE)) for role, p in _CONTACT_ROLES]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w-])\+?\d[\d ().-]{6,}\d(?![\w-])")
URL = re.compile(r"https?://[^\s<>\"')]+[^\s<>\"').,;]")


def contact_role(text: str) -> ContactRole:
    """The role of a contact from the words around it (GENERAL when none says)."""
    return next((role for role, p in _ROLE_PATTERNS if p.search(text)), ContactRole.GENERAL)


_LABELLED_NAME = re.compile(
    r"\b(?:ansprechpartner(?:in)?|contact(?: person)?|contactpersoon|personne à contacter|"
    r"persona de contacto|recruiter|recruiterin)\b[^:]{0,40}:\s*(?:(?:Frau|Herr|Mr\.?|Mrs\.?|"
    r"Ms\.?|Mme|M\.|Sra\.?|Sr\.?|mevrouw|meneer|dhr\.|mevr\.)\s+)?"
    r"(?P<name>[A-ZÄÖÜÉ][\w'-]+(?: [A-ZÄÖÜÉ][\w'-]+){1,2})\b",
    re.IGNORECASE,
)


def contact_name(text: str) -> str | None:
    """The name of a contact: "please contact Capital One Recruiting at 1-800-...",
    "Ansprechpartnerin: Anna Huber, Telefon ..."."""
    if labelled := _LABELLED_NAME.search(text):
        name = labelled["name"]
        return name if name[0].isupper() else None
    match = re.search(
        r"\b(?:contact|call|email|e-mail|reach|kontaktieren sie|wende dich an|contactez|"
        r"appelez|contacta(?:r)? a|llama a|neem contact op met|bel)"
        r"\s+(?P<name>(?:[A-Z][\w.'-]*\s+){0,4}[A-Z][\w.'-]*)\s+(?:at|via|on|by|unter|per|au|à|en|"
        r"op)\b",
        text,
    )
    return match["name"] if match else None
