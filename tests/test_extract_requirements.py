"""Qualification lines: years of experience to months, degree levels, visa sponsorship."""

from __future__ import annotations

import pytest

from jobposting.extract.requirements import (
    education_requirement,
    experience_requirement,
    requirement_level,
    visa_sponsorship,
)
from jobposting.model import EducationLevel, RequirementLevel, VisaSponsorship

REQUIRED = RequirementLevel.REQUIRED


@pytest.mark.parametrize(
    ("line", "months", "subject"),
    [
        ("At least 4 years of experience programming with Python, Scala, or Java", 48,
         "programming with Python, Scala, or Java"),
        ("3+ years of on-the-job experience with an industry recognized ML framework", 36,
         "an industry recognized ML framework"),
        ("2+ years of people leader experience", 24, "people leader"),
        ("Minimum of 5 years' experience in retail banking", 60, "retail banking"),
        ("2-4 years of experience in B2B sales", 24, "B2B sales"),
        ("Two years of experience with Kubernetes", 24, "Kubernetes"),
        ("6 months of experience in customer service", 6, "customer service"),
        ("Experience with Terraform", None, "Terraform"),
        ("Mindestens 3 Jahre Berufserfahrung in der Pflege", 36, "Pflege"),
        ("Au moins 2 ans d'expérience en gestion de projet", 24, "gestion de projet"),
        ("Al menos 3 años de experiencia con Python", 36, "Python"),
        ("Experiencia en el sector logístico", None, "sector logístico"),
        ("Minimaal 2 jaar werkervaring als developer", 24, "developer"),
        ("Ervaring met GraphQL", None, "GraphQL"),
        ("Previous warehouse experience is helpful but not essential", None, "warehouse"),
        ("2+ years of hospitality/travel industry experience (nice to have).", 24,
         "hospitality/travel industry"),
        ("Erfahrung mit PostgreSQL ist von Vorteil", None, "PostgreSQL"),
        ("Experience with Kubernetes is a plus.", None, "Kubernetes"),
    ],
)  # fmt: skip
def test_experience_in_months_with_subject(line: str, months: int | None, subject: str) -> None:
    """ "At least", "3+", ranges, number words and five languages give months and a subject."""
    found = experience_requirement(line, REQUIRED)
    assert found is not None
    assert (found.months, found.subject) == (months, subject)


def test_exclusions_are_kept_apart_from_the_subject() -> None:
    """ "(Internship experience does not apply)" is an exclusion, not part of the subject."""
    found = experience_requirement(
        "At least 6 years of experience designing data systems (Internship experience does not "
        "apply)", REQUIRED,
    )  # fmt: skip
    assert found is not None
    assert (found.months, found.subject, found.exclusions) == (
        72, "designing data systems", ("Internship experience does not apply",),
    )  # fmt: skip


@pytest.mark.parametrize(
    "line",
    [
        "ML industry impact through conference presentations",
        "You have experience developing Android apps",
        "Master's or doctoral degree in computer science",
    ],
)
def test_lines_that_are_not_experience_requirements(line: str) -> None:
    """No experience word, or a sentence about the reader rather than a requirement line."""
    assert experience_requirement(line, REQUIRED) is None


@pytest.mark.parametrize(
    ("line", "levels", "fields"),
    [
        ("Bachelor's degree", ["BACHELOR_DEGREE"], []),
        ("Master's or doctoral degree in computer science, electrical engineering, "
         "mathematics, or a similar field", ["MASTER_DEGREE", "DOCTORATE"],
         ["computer science", "electrical engineering", "mathematics"]),
        ("Bachelor's Degree in Computer Science, Information Systems or related fields of study.",
         ["BACHELOR_DEGREE"], ["Computer Science", "Information Systems"]),
        ("PhD in Physics", ["DOCTORATE"], ["Physics"]),
        ("High school diploma or GED", ["HIGH_SCHOOL"], []),
        ("Associate's degree in nursing", ["ASSOCIATE_DEGREE"], ["nursing"]),
        ("Abgeschlossenes Studium der Informatik oder einer vergleichbaren Fachrichtung",
         ["BACHELOR_DEGREE"], ["Informatik"]),
        ("Abgeschlossene Ausbildung als Pflegefachkraft", ["VOCATIONAL"], []),
        ("Diplôme Bac+5 en informatique ou équivalent", ["MASTER_DEGREE"], ["informatique"]),
        ("Grado en Estadística, Matemáticas o similar", ["BACHELOR_DEGREE"],
         ["Estadística", "Matemáticas"]),
        ("Een afgeronde hbo-opleiding in de richting informatica", ["BACHELOR_DEGREE"],
         ["informatica"]),
        ("AWS certification", ["PROFESSIONAL_CERTIFICATE"], []),
    ],
)  # fmt: skip
def test_degree_levels_and_fields_of_study(line: str, levels: list[str], fields: list[str]) -> None:
    """Levels come in text order as alternatives; "a similar field" is no field."""
    found = education_requirement(line, REQUIRED)
    assert found is not None
    assert [level.value for level in found.levels] == levels
    assert list(found.fields_of_study) == fields
    assert found.text == line


@pytest.mark.parametrize(
    "line", ["Counterbalance forklift licence", "Scrum Master experience", "Strong SQL skills"]
)
def test_lines_without_a_degree(line: str) -> None:
    """A driving licence or a Scrum Master is no degree."""
    assert education_requirement(line, REQUIRED) is None


def test_currently_pursuing_is_in_progress() -> None:
    """A student requirement is marked in progress."""
    found = education_requirement("Currently pursuing a Bachelor's degree in Finance", REQUIRED)
    assert found is not None
    assert (found.levels, found.in_progress) == ((EducationLevel.BACHELOR_DEGREE,), True)


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("Bachelor's degree preferred", "PREFERRED"),
        ("Python is a plus", "PREFERRED"),
        ("Erfahrung mit SAP von Vorteil", "PREFERRED"),
        ("Connaissance de SAP serait un plus", "PREFERRED"),
        ("Se valorará experiencia con SAP", "PREFERRED"),
        ("Bachelor's degree", "REQUIRED"),
    ],
)
def test_a_line_can_say_it_is_only_preferred(line: str, level: str) -> None:
    """Words like "a plus" or "von Vorteil" lower a required line to PREFERRED."""
    assert requirement_level(line, REQUIRED).value == level


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("At this time, Capital One will not sponsor a new applicant for employment "
         "authorization", VisaSponsorship.NO),
        ("Applicants must be authorized to work in the US without visa sponsorship.",
         VisaSponsorship.NO),
        ("We are unable to offer visa sponsorship for this role.", VisaSponsorship.NO),
        ("Visa sponsorship is available for this position.", VisaSponsorship.YES),
        ("We can sponsor work visas for exceptional candidates.", VisaSponsorship.YES),
        ("Wir unterstützen Sie bei der Beantragung von Visum und Arbeitserlaubnis.",
         VisaSponsorship.YES),
        ("Leider können wir kein Visum oder Sponsoring anbieten.", VisaSponsorship.NO),
        ("Nous ne pouvons pas proposer de parrainage de visa.", VisaSponsorship.NO),
        ("No podemos ofrecer patrocinio de visado para este puesto.", VisaSponsorship.NO),
        ("Wij kunnen geen sponsoring voor een werkvergunning bieden.", VisaSponsorship.NO),
        ("Wij regelen je visum via de kennismigrantenregeling.", VisaSponsorship.YES),
        ("You must have the right to work in the UK.", VisaSponsorship.UNKNOWN),
        ("We offer a great team.", None),
    ],
)  # fmt: skip
def test_visa_sponsorship_statements(sentence: str, answer: VisaSponsorship | None) -> None:
    """Statements about sponsorship give YES or NO; about the right to work only, UNKNOWN."""
    assert visa_sponsorship(sentence) is answer
