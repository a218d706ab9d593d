"""Route each section, and each statement of prose, to its field of the canonical posting.

List sections (responsibilities, qualifications, benefits) take their items; prose anywhere is
read statement by statement (:mod:`jobposting.extract.statements`) so that pay, legal
statements, visa and contact sentences reach their fields wherever they stand. A heading the
vocabulary does not know keeps its content as a canonical ``sections`` entry.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from jobposting.extract.basepay import add_base_pay
from jobposting.extract.blocks import Block, BlockKind
from jobposting.extract.draft import Draft, rich_text
from jobposting.extract.facts import read_fact
from jobposting.extract.headings import Fact, Target, label_fact
from jobposting.extract.pay import parse_pay
from jobposting.extract.pay_words import PAY_WORDS
from jobposting.extract.places import COUNTRY_CURRENCIES
from jobposting.extract.requirements import visa_sponsorship
from jobposting.extract.sections import RawSection, inline_heading
from jobposting.extract.statements import (
    EMAIL,
    PHONE,
    URL,
    Statement,
    Topic,
    contact_name,
    contact_role,
    discretionary,
    hiring_entities,
    incentive_types,
    read_statements,
)
from jobposting.model import (
    Application,
    ApplicationWindow,
    Contact,
    Incentive,
    LegalStatement,
    LegalStatementKind,
    Section,
    VisaSponsorship,
    WorkAuthorization,
)

__all__ = ["Router"]


#: Statements that leave a section the vocabulary does not know for a field of their own.
_OWN_FIELD = frozenset({Topic.LEGAL, Topic.VISA, Topic.APPLICATION_WINDOW, Topic.HIRING_ENTITIES})

#: List sections and the draft list their items go to (education, experience and skills
#: headings hold qualification lines; their requirements are read from those lines).
_LIST_FIELDS = {
    Target.RESPONSIBILITIES: "responsibilities",
    Target.REQUIRED: "required",
    Target.EDUCATION: "required",
    Target.EXPERIENCE: "required",
    Target.SKILLS: "required",
    Target.PREFERRED: "preferred",
}


@attrs.define
class Router:
    """Routes sections and their prose into a :class:`Draft`."""

    draft: Draft
    language: str | None = None
    country: str | None = None
    now: dt.datetime | dt.date | None = None
    day_first: bool = True
    #: The last short line naming pay ("United Kingdom Annual Pay Range"): the amounts that
    #: follow it are read in its context.
    pay_label: str = ""

    def route(self, section: RawSection) -> None:
        """Put the content of one section where its heading says, prose by its topic."""
        target = section.target
        if section.heading is not None and target is not None and target is not Target.SECTION:
            self.draft.note(
                _pointer(target),
                "section-from-heading",
                f"section {section.heading!r} read as {target.value}",
            )
        if target in _LIST_FIELDS or target is Target.BENEFITS:
            self._list_section(section, target)
        elif target is Target.SECTION:
            self._other_section(section)
        else:
            for block in section.blocks:
                self._block(block, target)

    def _list_section(self, section: RawSection, target: Target) -> None:
        """Items (and prose before the list) are the field's; prose after the list is routed.

        Benefit lines are also read for pay ("Een salaris tussen € 3.600 en € 4.900").
        """
        name = _LIST_FIELDS.get(target, "benefits")
        items: list[str] = getattr(self.draft, name)
        blocks = list(section.blocks)
        last_item = max((i for i, b in enumerate(blocks) if b.kind is BlockKind.ITEM), default=-1)
        for index, block in enumerate(blocks):
            if last_item >= 0 and index > last_item and block.kind is not BlockKind.ITEM:
                self.prose(block.text, default=Target.DESCRIPTION, tail=True)
            elif block.kind is not BlockKind.ITEM and (
                target is Target.BENEFITS or label_fact(block.text)
            ):
                self.prose(block.text, default=target)
            else:
                items.append(block.text)
                if target is Target.BENEFITS:
                    self._pay_in(block.text, target)

    def _other_section(self, section: RawSection) -> None:
        """Keep a section the vocabulary does not know, less the statements that have a field.

        Its prose is read for legal, visa, application-window and hiring-entity statements and
        pay amounts (a closing equal-opportunity paragraph often sits under the last heading);
        everything else stays in the section as written.
        """
        assert section.heading is not None
        parts: list[tuple[str, str]] = []
        for block in section.blocks:
            if block.kind is BlockKind.ITEM:
                parts.append(("li", block.text))
            elif (rest := self._pay_in(block.text, Target.SECTION)) is not None:
                kept = []
                for statement in read_statements(rest):
                    if statement.topic in _OWN_FIELD:
                        self._statement(statement, Target.SECTION, tail=False)
                    else:
                        kept.append(statement.text)
                if kept:
                    parts.append(("p", " ".join(kept)))
        if parts:
            self.draft.sections.append(Section(heading=section.heading, content=rich_text(parts)))

    def _block(self, block: Block, target: Target | None) -> None:
        if block.kind is BlockKind.ITEM and target in {None, Target.DESCRIPTION}:
            self.draft.description.append(("li", block.text))
        elif block.kind is BlockKind.ITEM and target is Target.COMPANY:
            self.draft.employer_description.append(("li", block.text))
        else:
            self.prose(block.text, default=target or Target.DESCRIPTION)

    # -- prose ------------------------------------------------------------------------------

    def prose(self, text: str, *, default: Target, tail: bool = False) -> None:
        """Route one paragraph: a labelled value, pay amounts, or statement by statement."""
        if (fact := label_fact(text)) and self._fact(*fact, text):
            return
        if inline := inline_heading(text, self.draft.employer):
            target, rest = inline
            self.draft.note(
                _pointer(target),
                "section-from-heading",
                f"{text[: len(text) - len(rest)].strip()!r} read as {target.value}",
            )
            self.prose(rest, default=target)
            return
        left = self._pay_in(text, default)
        if left is None:
            return
        if left != text:  # what surrounds the amounts is about them ("Überzahlung möglich")
            default, tail = Target.PAY, False
        for statement in read_statements(left):
            self._statement(statement, default, tail)

    def _pay_in(self, text: str, default: Target) -> str | None:
        """Take the pay ranges out of ``text``; return what is left (None when nothing is)."""
        found = parse_pay(
            text,
            context=" ".join([*self.draft.pay_text, self.pay_label]),
            language=self.language,
            country=self.country,
            role_title=self.draft.title,
            default_currency=COUNTRY_CURRENCIES.get(self.country or "")
            if default is Target.PAY
            else None,
        )
        self.pay_label = text if len(text.split()) <= 8 and PAY_WORDS.search(text) else ""
        if not found.ranges:
            return text
        for incentive in add_base_pay(self.draft, found.ranges, found.diagnostics, text):
            self._incentives(incentive.text)
        rest = _outside(text, [r.text_span for r in found.ranges]).strip()
        return rest if re.search(r"[^\W\d_]{3}", rest) else None

    def _statement(self, statement: Statement, default: Target, tail: bool) -> None:
        draft, text = self.draft, statement.text
        topic = statement.topic
        if topic is None:
            self._default(text, default, tail)
        elif topic is Topic.LEGAL:
            assert statement.kind is not None
            self._legal(statement.kind, text)
        elif topic is Topic.HIRING_ENTITIES:
            for entity in hiring_entities(text):
                draft.note(
                    f"/hiringOrganization/hiringEntities/{len(draft.hiring_entities)}",
                    "hiring-entity-from-text",
                    f"{entity.name} ({entity.country}) read from a statement about legal entities",
                )
                draft.hiring_entities.append(entity)
            self._legal(LegalStatementKind.OTHER, text)
        elif topic is Topic.VISA:
            self._visa(text)
        elif topic is Topic.APPLICATION_WINDOW:
            days = re.search(
                r"(\d+)\s+(?:business days|werktage|jours ouvr|días hábiles|werkdagen)",
                text,
                re.IGNORECASE,
            )
            if draft.application_window is None:
                draft.application_window = ApplicationWindow(
                    minimum_business_days=int(days.group(1)) if days else None, text=text
                )
                draft.note(
                    "/applicationWindow",
                    "application-window-from-text",
                    "application window read from its sentence",
                )
        elif topic is Topic.CONTACT:
            self._contact(text, keep_text=True)
        elif topic is Topic.APPLY:
            self._apply(text)
        elif topic is Topic.PRORATION:
            draft.proration_text.append(text)
        elif topic is Topic.PAY:
            draft.pay_text.append(text)
        elif topic is Topic.INCENTIVES:
            self._incentives(text)
        elif topic is Topic.BENEFITS:
            draft.note(
                f"/compensation/benefits/{len(draft.benefits)}",
                "benefit-from-text",
                "benefits statement read by its words",
            )
            draft.benefits.append(text)

    def _default(self, text: str, default: Target, tail: bool) -> None:
        draft = self.draft
        if default is Target.COMPANY:
            draft.employer_description.append(("p", text))
        elif default is Target.BENEFITS:
            draft.benefits.append(text)
        elif default is Target.PAY:
            draft.pay_text.append(text)
        elif default is Target.INCENTIVES:
            self._incentives(text)
        elif default is Target.LEGAL:
            self._legal(LegalStatementKind.OTHER, text)
        elif default is Target.APPLY:
            self._apply(text)
        elif default is Target.CONTACT:
            self._contact(text, keep_text=True)
        elif default in _LIST_FIELDS:
            getattr(draft, _LIST_FIELDS[default]).append(text)
        else:
            if tail:
                draft.note(
                    "/description",
                    "paragraph-unrouted",
                    f"a paragraph after a list went to the description: {text[:60]!r}",
                )
            draft.description.append(("p", text))

    def _legal(self, kind: LegalStatementKind, text: str) -> None:
        draft = self.draft
        draft.note(
            f"/legalStatements/{len(draft.legal)}/kind",
            "legal-kind-from-words",
            f"{kind.value} read from the words of the statement",
        )
        draft.legal.append(LegalStatement(kind=kind, text=text))
        if kind is LegalStatementKind.ACCOMMODATION and (EMAIL.search(text) or PHONE.search(text)):
            self._contact(text, keep_text=False)

    def _visa(self, text: str) -> None:
        draft = self.draft
        answer = visa_sponsorship(text) or VisaSponsorship.UNKNOWN
        before = draft.work_authorization
        if before is not None:
            if before.visa_sponsorship is not VisaSponsorship.UNKNOWN:
                answer = before.visa_sponsorship
            text = f"{before.text} {text}" if before.text else text
        draft.work_authorization = WorkAuthorization(visa_sponsorship=answer, text=text)
        draft.note(
            "/workAuthorization/visaSponsorship",
            "visa-sponsorship-from-text",
            f"{answer.value} read from the words of the statement",
        )

    def _contact(self, text: str, *, keep_text: bool) -> None:
        draft = self.draft
        email = EMAIL.search(text)
        phone = PHONE.search(text)
        name = contact_name(text)
        if not (email or phone or name):  # no way to reach anyone: not a contact
            draft.note(
                "/description",
                "contact-without-details",
                f"a paragraph about contact names no person, e-mail or phone; it went to the "
                f"description: {text[:60]!r}",
            )
            draft.description.append(("p", text))
            return
        role = contact_role(text)
        contact = Contact(
            role=role,
            name=name,
            email=email.group(0) if email else None,
            phone=phone.group(0).strip() if phone else None,
            text=text if keep_text else None,
        )
        draft.note(
            f"/contacts/{len(draft.contacts)}/role",
            "contact-from-text",
            f"{role.value} contact read from the words around it",
        )
        draft.contacts.append(contact)

    def _apply(self, text: str) -> None:
        draft = self.draft
        before = draft.application or Application()
        email = EMAIL.search(text)
        url = URL.search(text)
        phone = PHONE.search(text)
        instructions = f"{before.instructions} {text}" if before.instructions else text
        draft.application = attrs.evolve(
            before,
            instructions=instructions,
            email=before.email or (email.group(0) if email else None),
            url=before.url or (url.group(0) if url else None),
            phone=before.phone or (phone.group(0).strip() if phone else None),
        )
        draft.note("/application", "application-from-text", "how to apply read from its sentence")

    def _incentives(self, text: str) -> None:
        draft = self.draft
        draft.incentive_text.append(text)
        known = {i.type for i in draft.incentives}
        for kind in incentive_types(text):
            if kind not in known:
                draft.note(
                    f"/compensation/incentives/{len(draft.incentives)}",
                    "incentive-from-words",
                    f"{kind.value} read from {text[:60]!r}",
                )
                draft.incentives.append(Incentive(type=kind, discretionary=discretionary(text)))

    def _fact(self, fact: Fact, value: str, text: str) -> bool:
        if fact is Fact.PAY:
            self.prose(value, default=Target.PAY)
            return True
        return read_fact(self.draft, fact, value, text, now=self.now, day_first=self.day_first)


def _pointer(target: Target) -> str:
    return "" if target in {Target.SECTION, Target.END} else "/" + target.value


def _outside(text: str, spans: list[tuple[int, int]]) -> str:
    out, position = [], 0
    for start, end in sorted(spans):
        out.append(text[position:start])
        position = end
    out.append(text[position:])
    return " ".join(part.strip() for part in out if part.strip())
