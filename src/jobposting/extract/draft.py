"""The posting being assembled: lists and values the extractor fills, and the guesses it made.

Fields only grow (appending to a list gives the next index), so a diagnostic can name the JSON
Pointer of what it is about when it is recorded.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import attrs

from jobposting import employers
from jobposting.model import (
    Application,
    ApplicationWindow,
    Classification,
    Compensation,
    Contact,
    DateOrDateTime,
    EducationRequirement,
    EmploymentType,
    ExperienceRequirement,
    HiringEntity,
    Identifier,
    Incentive,
    LegalStatement,
    Location,
    Organization,
    PayRange,
    Posting,
    Section,
    Skill,
    Source,
    WorkArrangement,
    WorkAuthorization,
    WorkHours,
)
from jobposting.problems import Problem
from jobposting.schema import closes_before_posting

__all__ = ["Draft", "rich_text"]


def rich_text(parts: Sequence[tuple[str, str]]) -> str:
    """Canonical rich text from (kind, text) parts: ``p`` paragraphs and ``li`` list items."""
    out: list[str] = []
    in_list = False
    for kind, text in parts:
        if kind == "li" and not in_list:
            out.append("<ul>")
            in_list = True
        elif kind != "li" and in_list:
            out.append("</ul>")
            in_list = False
        tag = "li" if kind == "li" else "p"
        out.append(f"<{tag}>{html.escape(text, quote=False)}</{tag}>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


@attrs.define
class Draft:
    """Everything read so far; :meth:`build` turns it into a Posting."""

    title: str | None = None
    employer: str | None = None
    employer_description: list[tuple[str, str]] = attrs.Factory(list)
    hiring_entities: list[HiringEntity] = attrs.Factory(list)
    language: str | None = None
    department: str | None = None
    description: list[tuple[str, str]] = attrs.Factory(list)
    sections: list[Section] = attrs.Factory(list)
    date_posted: DateOrDateTime | None = None
    valid_through: DateOrDateTime | None = None
    start_date: DateOrDateTime | None = None
    application_window: ApplicationWindow | None = None
    locations: list[Location] = attrs.Factory(list)
    work_arrangement: WorkArrangement | None = None
    employment_types: list[EmploymentType] = attrs.Factory(list)
    work_hours: WorkHours | None = None
    base_pay: list[PayRange] = attrs.Factory(list)
    pay_text: list[str] = attrs.Factory(list)
    proration_text: list[str] = attrs.Factory(list)
    incentives: list[Incentive] = attrs.Factory(list)
    incentive_text: list[str] = attrs.Factory(list)
    benefits: list[str] = attrs.Factory(list)
    responsibilities: list[str] = attrs.Factory(list)
    required: list[str] = attrs.Factory(list)
    preferred: list[str] = attrs.Factory(list)
    education: list[EducationRequirement] = attrs.Factory(list)
    experience: list[ExperienceRequirement] = attrs.Factory(list)
    experience_in_place_of_education: bool | None = None
    skills: list[Skill] = attrs.Factory(list)
    industries: list[Classification] = attrs.Factory(list)
    occupations: list[Classification] = attrs.Factory(list)
    identifiers: list[Identifier] = attrs.Factory(list)
    work_authorization: WorkAuthorization | None = None
    application: Application | None = None
    contacts: list[Contact] = attrs.Factory(list)
    legal: list[LegalStatement] = attrs.Factory(list)
    source: Source | None = None
    diagnostics: list[Problem] = attrs.Factory(list)

    def note(self, pointer: str, code: str, message: str) -> None:
        """Record a guess or repair about the value at ``pointer``."""
        self.diagnostics.append(Problem(pointer=pointer, message=message, code=code))

    def build(self) -> Posting:
        """Return the canonical posting (title and employer must be known)."""
        assert self.title is not None
        assert self.employer is not None
        compensation = None
        if (
            self.base_pay
            or self.pay_text
            or self.proration_text
            or self.incentives
            or (self.incentive_text or self.benefits)
        ):
            compensation = Compensation(
                base_pay=tuple(self.base_pay),
                text=_joined(self.pay_text),
                proration_text=_joined(self.proration_text),
                incentives=tuple(self.incentives),
                incentive_text=_joined(self.incentive_text),
                benefits=tuple(self.benefits),
            )
        valid_through = self.valid_through
        if (
            valid_through is not None
            and self.date_posted is not None
            and closes_before_posting(self.date_posted, valid_through)
        ):
            self.note(
                "/validThrough",
                "closing-date-before-posted",
                f"the closing date {valid_through.isoformat()} is before the posting date "
                f"{self.date_posted.isoformat()}; left out",
            )
            valid_through = None
        disclosed = None
        if employers.stands_in(self.employer):
            disclosed = False
            self.note(
                "/hiringOrganization/disclosed",
                "employer-not-named",
                employers.MESSAGE.format(name=self.employer),
            )
        return Posting(
            identifiers=tuple(self.identifiers),
            language=self.language,
            source=self.source,
            title=self.title,
            department=self.department,
            description=rich_text(self.description) or None,
            sections=tuple(self.sections),
            hiring_organization=Organization(
                name=self.employer,
                disclosed=disclosed,
                description=rich_text(self.employer_description) or None,
                industries=tuple(self.industries),
                hiring_entities=tuple(self.hiring_entities),
            ),
            date_posted=self.date_posted,
            valid_through=valid_through,
            start_date=self.start_date,
            application_window=self.application_window,
            locations=tuple(self.locations),
            work_arrangement=self.work_arrangement,
            employment_types=tuple(self.employment_types),
            work_hours=self.work_hours,
            compensation=compensation,
            responsibilities=tuple(self.responsibilities),
            required_qualifications=tuple(self.required),
            preferred_qualifications=tuple(self.preferred),
            education_requirements=tuple(self.education),
            experience_requirements=tuple(self.experience),
            experience_in_place_of_education=self.experience_in_place_of_education,
            skills=tuple(self.skills),
            occupational_categories=tuple(self.occupations),
            work_authorization=self.work_authorization,
            application=self.application,
            contacts=tuple(self.contacts),
            legal_statements=tuple(self.legal),
        )


def _joined(parts: list[str]) -> str | None:
    return " ".join(parts) or None
