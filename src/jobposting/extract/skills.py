"""Skills named in qualification lines, from a vocabulary of tools, languages and platforms.

Only names in the vocabulary are taken: a list of capitalised words is as often a list of
teams or products as of skills, and a skill that is not there is better missed than invented.

Skills listed as alternatives ("Python, Scala, or Java"; "AWS oder Azure") are told apart from
skills listed together (:func:`alternatives`): any one of them meets the requirement.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["Found", "alternatives", "find_skills", "skill_spans"]

#: Canonical spelling -> other spellings. Matching is case-insensitive for names of four or
#: more characters and exact for shorter ones ("AWS", "SQL", "Go" would be a verb otherwise).
_SKILLS: dict[str, tuple[str, ...]] = {
    "Python": (), "Java": (), "Scala": (), "Kotlin": (), "Swift": (), "Objective-C": (),
    "JavaScript": (), "TypeScript": (), "C++": (), "C#": (), "Rust": (), "Golang": (),
    "Ruby": (), "PHP": (), "Perl": (), "SQL": (), "NoSQL": (), "Bash": (), "MATLAB": (),
    "SAS": (), "Julia": (), "Haskell": (), "Elixir": (), "Erlang": (), "Clojure": (),
    "HTML": (), "CSS": (), "GraphQL": (), "REST": (), "gRPC": (),
    "React": ("React.js", "ReactJS"), "Angular": (), "Vue.js": ("Vue",), "Node.js": ("NodeJS",),
    "Next.js": (), "Django": (), "Flask": (), "FastAPI": (), "Spring": ("Spring Boot",),
    "Rails": ("Ruby on Rails",), ".NET": (), "Android": (), "iOS": (), "Flutter": (),
    "AWS": ("Amazon Web Services",), "Azure": ("Microsoft Azure",),
    "Google Cloud Platform": ("GCP", "Google Cloud"), "Kubernetes": ("K8s",), "Docker": (),
    "Terraform": (), "Ansible": (), "Jenkins": (), "CI/CD": (), "Git": (), "GitLab": (),
    "GitHub": (), "Linux": (), "Unix": (),
    "Spark": ("Apache Spark", "PySpark"), "Hadoop": (), "Kafka": ("Apache Kafka",),
    "Airflow": ("Apache Airflow",), "Flink": (), "Dask": (), "Databricks": (),
    "Snowflake": (), "BigQuery": (), "Redshift": (), "dbt": (), "Tableau": (), "Power BI": (),
    "Looker": (), "Excel": ("Microsoft Excel", "MS Excel"), "PostgreSQL": ("Postgres",),
    "MySQL": (), "MongoDB": (), "Redis": (), "Elasticsearch": (), "Cassandra": (),
    "DynamoDB": (), "Oracle": (),
    "scikit-learn": ("sklearn", "scikit learn"), "PyTorch": (), "TensorFlow": (), "Keras": (),
    "pandas": (), "NumPy": (), "XGBoost": (), "Hugging Face": (), "LangChain": (),
    "MLflow": (), "Kubeflow": (), "SageMaker": (), "OpenCV": (),
    "SAP": (), "Salesforce": (), "Workday": (), "Jira": (), "Confluence": (), "Figma": (),
    "Sketch": (), "Adobe Photoshop": ("Photoshop",), "Adobe Illustrator": ("Illustrator",),
    "AutoCAD": (), "SolidWorks": (), "Zendesk": (), "HubSpot": (), "Marketo": (),
    "Workato": (), "Microsoft Office": ("MS Office",), "SharePoint": (),
    "Agile": (), "Scrum": (), "Kanban": (),
}  # fmt: skip


def _pattern(name: str) -> str:
    escaped = re.escape(name)
    return rf"(?<![\w.+#-]){escaped}(?![\w+#]|-\w|\.\w)"


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (canonical, re.compile("|".join(_pattern(n) for n in (canonical, *aliases)),
                           0 if len(canonical) < 4 else re.IGNORECASE))
    for canonical, aliases in _SKILLS.items()
]  # fmt: skip


#: A skill found: where it starts and ends in the text, and its canonical name.
Found = tuple[int, int, str]

#: What may stand between two alternatives: a comma, or "or" in one of the languages read
#: (after an optional comma; "and/or" counts: any one of them is enough).
_OR = re.compile(
    r"\s*,?\s*(?:or|and/or|oder|und/oder|ou|et/ou|o|u|y/o|of|en/of|oppure|eller|lub)\s+",
    re.IGNORECASE,
)
_COMMA = re.compile(r"\s*,\s*")


def skill_spans(text: str) -> list[Found]:
    """The vocabulary skills ``text`` names, in text order (a name inside a longer one, as
    "Google Cloud" in "Google Cloud Platform", is not found again)."""
    found: list[Found] = []
    for canonical, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), canonical))
    found.sort(key=lambda item: (item[0], -item[1]))
    spans: list[Found] = []
    end = -1
    for start, stop, canonical in found:
        if start < end:  # inside a longer name already taken ("Google Cloud Platform")
            continue
        end = stop
        spans.append((start, stop, canonical))
    return spans


def find_skills(text: str) -> list[str]:
    """Return the vocabulary skills ``text`` names, in text order, each once."""
    return list(dict.fromkeys(name for _, _, name in skill_spans(text)))


def alternatives(text: str, spans: list[Found]) -> list[list[str]]:
    """The groups of skills ``text`` lists as alternatives, each of two or more names.

    A group is a run of skills with only commas and "or" between them, the last two joined by
    "or" ("A, B, or C", "A or B or C", "A, B oder C"). Anything else between two skills ("and",
    other words) ends a run; a run that ends with a comma ("A or B, C") says too little and is
    no group, nor is a run that names a skill twice.
    """
    groups: list[list[str]] = []
    run = [spans[0][2]] if spans else []
    joined_by_or = False
    for (_, stop, _), (start, _, name) in itertools.pairwise(spans):
        gap = text[stop:start]
        if _OR.fullmatch(gap):
            run.append(name)
            joined_by_or = True
            continue
        if _COMMA.fullmatch(gap):
            run.append(name)
            joined_by_or = False
            continue
        if joined_by_or and len(set(run)) == len(run):
            groups.append(run)
        run, joined_by_or = [name], False
    if joined_by_or and len(set(run)) == len(run):
        groups.append(run)
    return groups
