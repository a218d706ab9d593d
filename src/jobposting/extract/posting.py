"""Assemble a canonical posting from plain text or from an HTML page that has no markup.

This is the extractor's entry point. The ``text`` format reads with :func:`posting_from_text`;
the ``html`` format calls :func:`extract_from_html` (or :func:`posting_from_tree` with a tree it
has parsed) for a page whose JSON-LD and microdata are missing. Every guess is a diagnostic on
the record (a :class:`~jobposting.problems.Problem` with a JSON Pointer and a stable code).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from lxml import etree
from lxml import html as lxml_html

from jobposting import codec
from jobposting.errors import InvalidPostingError, ReadError
from jobposting.extract.blocks import Block, BlockKind, blocks_from_html, blocks_from_text
from jobposting.extract.chrome import drop_chrome
from jobposting.extract.draft import Draft
from jobposting.extract.header import head_length, read_header
from jobposting.extract.headings import Fact, Target, label_fact
from jobposting.extract.language import detect_language, language_tag
from jobposting.extract.requirements import (
    education_requirement,
    experience_in_place_of_education,
    experience_requirement,
    requirement_level,
)
from jobposting.extract.router import Router
from jobposting.extract.sections import split_sections
from jobposting.extract.skills import alternatives, skill_spans
from jobposting.formats.base import ReadOptions, Record
from jobposting.model import RequirementLevel, Skill, Source, SourceFormat
from jobposting.schema import validate_document

__all__ = [
    "PageHints",
    "extract_from_html",
    "posting_from_blocks",
    "posting_from_text",
    "posting_from_tree",
]


#: What a group key keeps of a skill name: letters and digits, the rest a hyphen.
_SLUG = re.compile(r"[^0-9a-z]+")


@attrs.frozen(kw_only=True)
class PageHints:
    """What an HTML page says about itself outside its body: ``<title>``, site name, language."""

    page_title: str | None = None
    site_name: str | None = None
    language: str | None = None


def posting_from_text(text: str, options: ReadOptions) -> Record:
    """Read one posting from plain text (a copied careers page, an e-mail, PDF text)."""
    return posting_from_blocks(blocks_from_text(text), options, SourceFormat.TEXT)


def extract_from_html(page: bytes | str, options: ReadOptions) -> Iterator[Record]:
    """Read the posting of an HTML page from its visible content alone (no markup needed).

    For the ``html`` format's pages without JSON-LD or microdata. Yields one record: the
    posting with its diagnostics, or the error that kept it from being read.
    """
    if not page.strip():
        yield Record(posting=None, error=ReadError("the page is empty"))
        return
    try:
        parser = _parser_for(page)
        root = (
            lxml_html.document_fromstring(page)
            if parser is None
            else lxml_html.document_fromstring(page, parser=parser)
        )
    except etree.ParserError:  # no element at all: a prolog, comments, a truncated page
        yield Record(posting=None, error=ReadError("the page has no HTML element to read"))
        return
    yield posting_from_tree(root, options)


def _parser_for(page: bytes | str) -> lxml_html.HTMLParser | None:
    """UTF-8 for bytes that are UTF-8 (as :func:`jobposting.formats.html.decode` reads them).

    Without it libxml2 reads a page that declares no charset as Latin-1: a saved page loses
    the HTTP header that named UTF-8, and "£46,000" became "Â£46,000".
    """
    if isinstance(page, bytes):
        try:
            page.decode("utf-8")
        except UnicodeDecodeError:
            return None
        return lxml_html.HTMLParser(encoding="utf-8")  # one a call: parsers are not shared
    return None


def posting_from_tree(root: lxml_html.HtmlElement, options: ReadOptions) -> Record:
    """Read the posting of a parsed HTML page (see :func:`extract_from_html`)."""
    return posting_from_blocks(blocks_from_html(root), options, SourceFormat.HTML, _hints(root))


def _hints(root: lxml_html.HtmlElement) -> PageHints:
    def meta(name: str) -> str | None:
        for element in root.iter("meta"):
            if name in {element.get("property"), element.get("name")}:
                return (element.get("content") or "").strip() or None
        return None

    title = root.find(".//title")
    lang = root.get("lang")
    return PageHints(
        page_title=(title.text_content().strip() or None) if title is not None else None,
        site_name=meta("og:site_name"),
        language=(lang or "").strip() or None,
    )


def posting_from_blocks(
    blocks: list[Block],
    options: ReadOptions,
    source_format: SourceFormat,
    hints: PageHints | None = None,
) -> Record:
    """Assemble a posting from layout blocks: chrome, head, sections, requirements."""
    blocks = _labels_joined(drop_chrome(blocks))
    if not blocks:
        return Record(posting=None, error=ReadError("no posting text found"))
    draft = Draft()
    if options.name not in {"<input>", "<stdin>"}:
        draft.source = Source(format=source_format, file=options.name)
    language = _language(draft, blocks, hints)
    day_first = language != "en"
    head = head_length(blocks)
    leftover = read_header(draft, blocks[:head], now=options.now, day_first=day_first)
    router = Router(draft=draft, language=language, now=options.now, day_first=day_first)
    router.country = draft.locations[0].country if draft.locations else None
    unread = []
    for block in leftover:
        if label_fact(block.text):
            router.prose(block.text, default=Target.DESCRIPTION)
        else:
            unread.append(block)
    body = blocks[head:]
    _employer(draft, unread, body, hints)
    for section in split_sections(body, draft.employer):
        router.route(section)
    _requirements(draft)
    if language:
        country = draft.locations[0].country if draft.locations else router.country
        draft.language = language_tag(language, country)
    return _record(draft, options)


def _labels_joined(blocks: list[Block]) -> list[Block]:
    """A heading that is a label, and the short paragraph under it, as one "Label: value" line.

    Ashby's job pages show "Location", "Employment Type", "Department" as ``<h2>`` headings,
    each over a paragraph holding the value ("Engineering" was taken for the employer).
    """
    joined: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            after is not None
            and block.kind is BlockKind.HEADING
            and after.kind is BlockKind.PARAGRAPH
            and len(block.text.split()) <= 4
            and len(after.text.split()) <= 16
            and (fact := label_fact(f"{block.text.rstrip(': ')}: {after.text}")) is not None
            and fact[0] is not Fact.DESCRIPTION
        ):
            text = f"{block.text.rstrip(': ')}: {after.text}"
            joined.append(attrs.evolve(after, text=text, line=block.line or after.line))
            index += 2
            continue
        joined.append(block)
        index += 1
    return joined


def _language(draft: Draft, blocks: list[Block], hints: PageHints | None) -> str | None:
    declared = (hints.language or "").split("-")[0].lower() if hints else ""
    if declared:
        return declared
    language = detect_language(" ".join(b.text for b in blocks))
    if language:
        draft.note(
            "/language",
            "language-detected",
            f"language {language!r} detected from its most frequent words",
        )
    return language


_EMPLOYER_LINE = re.compile(r"^[^\W\d_][\w&.,'\u2019 -]{0,60}$")
_EMPLOYER_IN_TEXT = (
    re.compile(
        r"(?:^|\.\s+)(?P<org>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,4}) (?:is|are) "
        r"(?:an?|a proud|proud to be an?) equal (?:employment )?opportunity"
    ),
    re.compile(
        r"(?:^|[.:]\s+)(?P<org>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,4}) "
        r"(?:seeks|is seeking|is looking for|is hiring|sucht|recherche|busca|zoekt)\b"
    ),
)
_PAGE_TITLE_NOISE = re.compile(
    r"\b(?:job application for|job application|apply for|careers?|jobs?|hiring|vacancy|"
    r"stellenangebot|karriere|offre d'emploi|empleo|vacature)\b|\bat\b|\bbei\b|\bchez\b|"
    r"\ben\b|\bbij\b|[-|\u2013—:@·]",
    re.IGNORECASE,
)


def _employer(
    draft: Draft, unread: list[Block], body: list[Block], hints: PageHints | None
) -> None:
    """Find who hires: a head line the body names again, a phrase, or the page title."""
    if draft.employer:
        return
    body_text = " ".join(b.text for b in body)
    candidates = [
        b.text.strip()
        for b in unread
        if _EMPLOYER_LINE.match(b.text.strip()) and len(b.text.split()) <= 6
    ]
    named_again = [c for c in candidates if c in body_text]
    if named_again or candidates:
        draft.employer = (named_again or candidates)[0]
        draft.note(
            "/hiringOrganization/name",
            "employer-from-header",
            f"employer read from the head line {draft.employer!r}",
        )
        return
    if hints and hints.page_title and draft.title:
        rest = hints.page_title.replace(draft.title, " ")
        rest = re.sub(r"\s+", " ", _PAGE_TITLE_NOISE.sub(" ", rest)).strip(" ,")
        if rest and rest != hints.page_title and len(rest.split()) <= 5:
            draft.employer = rest
            draft.note(
                "/hiringOrganization/name",
                "employer-from-page-title",
                f"employer read from the page title {hints.page_title!r}",
            )
            return
    if hints and hints.site_name:
        draft.employer = hints.site_name
        draft.note(
            "/hiringOrganization/name",
            "employer-from-site-name",
            "employer read from the page's site name",
        )
        return
    for pattern in _EMPLOYER_IN_TEXT:
        if match := pattern.search(body_text):
            draft.employer = match["org"]
            draft.note(
                "/hiringOrganization/name",
                "employer-from-text",
                f"employer read from {match.group(0).strip()[:60]!r}",
            )
            return


def _requirements(draft: Draft) -> None:
    """Education, experience and skills from the qualification lines, in their order."""
    for items, section_level in (
        (draft.required, RequirementLevel.REQUIRED),
        (draft.preferred, RequirementLevel.PREFERRED),
    ):
        for item in items:
            level = requirement_level(item, section_level)
            if education := education_requirement(item, level):
                draft.note(
                    f"/educationRequirements/{len(draft.education)}",
                    "education-from-line",
                    f"education levels read from {item[:60]!r}",
                )
                draft.education.append(education)
                if experience_in_place_of_education(item):
                    draft.experience_in_place_of_education = True
                continue
            if experience := experience_requirement(item, level):
                draft.note(
                    f"/experienceRequirements/{len(draft.experience)}",
                    "experience-from-line",
                    f"experience read from {item[:60]!r}",
                )
                draft.experience.append(experience)
            _add_skills(draft, item, level)


def _add_skills(draft: Draft, item: str, level: RequirementLevel) -> None:
    """The vocabulary skills a line names, each once a posting; alternatives as a group."""
    spans = skill_spans(item)
    known = {skill.name for skill in draft.skills}
    keys = {skill.alternative_group for skill in draft.skills}
    grouped: dict[str, str] = {}
    for names in alternatives(item, spans):
        if known.isdisjoint(names) and grouped.keys().isdisjoint(names):
            # A name already taken from another line keeps its own requirement: no group.
            key = _group_key(names, keys)
            keys.add(key)
            grouped.update(dict.fromkeys(names, key))
            draft.note(
                f"/skills/{len(draft.skills)}",
                "skill-alternatives",
                f"skills {', '.join(names)} read as alternatives (any one of them) "
                f"from {item[:60]!r}",
            )
    for name in dict.fromkeys(name for _, _, name in spans):
        if name not in known:
            known.add(name)
            draft.note(
                f"/skills/{len(draft.skills)}",
                "skill-from-vocabulary",
                f"skill {name!r} found in {item[:60]!r}",
            )
            draft.skills.append(
                Skill(name=name, requirement=level, alternative_group=grouped.get(name))
            )


def _group_key(names: list[str], taken: set[str | None]) -> str:
    """A key for a group of alternatives, from its names: "python-scala-or-java"."""
    slugs = [_SLUG.sub("-", name.casefold()).strip("-") or "skill" for name in names]
    base = "-".join(slugs[:-1]) + "-or-" + slugs[-1]
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def _record(draft: Draft, options: ReadOptions) -> Record:
    missing = [
        what
        for what, value in (("a title", draft.title), ("the employer", draft.employer))
        if not value
    ]
    if missing:
        error = ReadError(
            f"cannot tell {' or '.join(missing)} of this posting "
            "(write it on its own line at the top, or as 'Company: ...')"
        )
        return Record(posting=None, error=error, diagnostics=tuple(draft.diagnostics))
    posting = draft.build()
    diagnostics = tuple(draft.diagnostics)
    if options.validate:
        problems = validate_document(codec.to_dict(posting))
        if problems:
            return Record(
                posting=None, error=InvalidPostingError(problems), diagnostics=diagnostics
            )
    if options.strict and diagnostics:
        first = diagnostics[0]
        error = ReadError(
            f"strict: {len(diagnostics)} guesses were needed to read this posting, the first: "
            f"{first.pointer or '/'}: {first.message} [{first.code}]"
        )
        return Record(posting=None, error=error, diagnostics=diagnostics)
    return Record(posting=posting, diagnostics=diagnostics)
