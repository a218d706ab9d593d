"""Skills named in qualification lines, from a vocabulary of tools, languages and platforms.

Only names in the vocabulary are taken: a list of capitalised words is as often a list of
teams or products as of skills, and a skill that is not there is better missed than invented.
"""

from __future__ import annotations

import re

__all__ = ["find_skills"]

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


def find_skills(text: str) -> list[str]:
    """Return the vocabulary skills ``text`` names, in text order, each once."""
    found: list[tuple[int, int, str]] = []
    for canonical, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), canonical))
    found.sort(key=lambda item: (item[0], -item[1]))
    names: list[str] = []
    end = -1
    for start, stop, canonical in found:
        if start < end:  # inside a longer name already taken ("Google Cloud Platform")
            continue
        end = stop
        names.append(canonical)
    return list(dict.fromkeys(names))
