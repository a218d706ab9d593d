"""Skills from qualification lines, and the groups of them a line lists as alternatives."""

from __future__ import annotations

import pytest

from jobposting.extract.posting import _group_key, posting_from_text
from jobposting.extract.skills import alternatives, find_skills, skill_spans
from jobposting.formats.base import ReadOptions


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        ("At least 4 years programming with Python, Scala, or Java", [["Python", "Scala", "Java"]]),
        (
            "an ML framework such as PyTorch, Spark or TensorFlow",
            [["PyTorch", "Spark", "TensorFlow"]],
        ),
        ("Python or Java or Kotlin", [["Python", "Java", "Kotlin"]]),
        ("Docker, Kubernetes and AWS or Azure", [["AWS", "Azure"]]),
        ("Kenntnisse in Python und/oder Java", [["Python", "Java"]]),
        ("maîtrise de Python ou Java", [["Python", "Java"]]),
        ("experiencia con Python o SQL", [["Python", "SQL"]]),
        ("ervaring met React of Angular", [["React", "Angular"]]),
        ("Python, Java", []),  # listed together: each is asked for
        ("Python and Java", []),
        ("Python or Java, Docker", []),  # ends with a comma: says too little
        ("Python or Python", []),
        ("Python experience, or a strong Java background", []),  # words between
        ("no skills here", []),
    ],
)
def test_alternatives_are_runs_joined_by_or(line: str, groups: list[list[str]]) -> None:
    assert alternatives(line, skill_spans(line)) == groups


def test_find_skills_names_each_skill_once_in_text_order() -> None:
    line = "Google Cloud Platform, Python, AWS and Python again"
    assert find_skills(line) == ["Google Cloud Platform", "Python", "AWS"]


TEXT = """Senior Data Engineer
Company: Example Analytics GmbH
Berlin, Germany

Requirements
- 5+ years of experience with Python, Scala, or Java
- Experience with AWS or Azure
- Experience with C++ or Java

Nice to have
- Spark or Flink
- Spark, Kafka, or Airflow
"""


def test_a_posting_keeps_alternatives_as_groups_of_one_level() -> None:
    record = posting_from_text(TEXT, ReadOptions())
    assert record.posting is not None
    skills = [
        (s.name, s.requirement.value if s.requirement else None, s.alternative_group)
        for s in record.posting.skills
    ]
    assert skills == [
        ("Python", "REQUIRED", "python-scala-or-java"),
        ("Scala", "REQUIRED", "python-scala-or-java"),
        ("Java", "REQUIRED", "python-scala-or-java"),
        ("AWS", "REQUIRED", "aws-or-azure"),
        ("Azure", "REQUIRED", "aws-or-azure"),
        # Java was asked for on an earlier line: C++ is no group of one.
        ("C++", "REQUIRED", None),
        ("Spark", "PREFERRED", "spark-or-flink"),
        ("Flink", "PREFERRED", "spark-or-flink"),
        # Spark is taken already: Kafka and Airflow are not its alternatives.
        ("Kafka", "PREFERRED", None),
        ("Airflow", "PREFERRED", None),
    ]
    notes = [(d.pointer, d.message) for d in record.diagnostics if d.code == "skill-alternatives"]
    assert notes == [
        (
            "/skills/0",
            "skills Python, Scala, Java read as alternatives (any one of them) from "
            "'5+ years of experience with Python, Scala, or Java'",
        ),
        (
            "/skills/3",
            "skills AWS, Azure read as alternatives (any one of them) from "
            "'Experience with AWS or Azure'",
        ),
        (
            "/skills/6",
            "skills Spark, Flink read as alternatives (any one of them) from 'Spark or Flink'",
        ),
    ]


def test_a_group_key_is_made_of_the_names_and_numbered_when_taken() -> None:
    assert _group_key(["C++", "C#"], set()) == "c-or-c"
    assert _group_key(["Google Cloud Platform", "AWS"], {None}) == "google-cloud-platform-or-aws"
    assert _group_key(["C++", "C#"], {"c-or-c", "c-or-c-2"}) == "c-or-c-3"
