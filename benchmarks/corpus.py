"""The benchmark inputs: the cases, real documents from tests/wild, generated postings."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "cases"
WILD = REPO / "tests" / "wild"

#: Optional top-level properties a generated posting may lack; dropping them keeps it valid
#: (nothing else points at them, unlike locations, which pay ranges name by id).
DROPPABLE = (
    "identifiers", "url", "department", "sections", "responsibilities",
    "requiredQualifications", "preferredQualifications", "skills", "languageRequirements",
    "occupationalCategories", "contacts", "legalStatements", "workHours", "application",
)  # fmt: skip


def case_documents() -> list[dict[str, Any]]:
    """Every hand-curated case as a parsed canonical document, sorted by case name."""
    return [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(CASES.glob("*/posting.json"))
    ]


def wild_files(*suffixes: str) -> list[Path]:
    """Real-world inputs under tests/wild with one of ``suffixes`` (expected outputs left out)."""
    return sorted(
        path
        for path in WILD.rglob("*")
        if path.is_file() and path.suffix in suffixes and ".expected" not in path.name
    )


def generated_documents(count: int, seed: int = 8) -> Iterator[dict[str, Any]]:
    """Yield ``count`` valid canonical documents varied from the cases, deterministically.

    Each is a case with a fresh id and title, some optional properties dropped and pay amounts
    scaled, so sizes and shapes vary the way a real feed's do (from 0.1 to 14 KB).
    """
    rng = random.Random(seed)
    templates = case_documents()
    for number in range(count):
        document = dict(templates[number % len(templates)])
        document["id"] = f"gen-{number}"
        document["title"] = f"{document['title']} {number}"
        for key in DROPPABLE:
            if key in document and rng.random() < 0.3:
                del document[key]
        if "compensation" in document:
            document["compensation"] = _scaled(document["compensation"], rng.uniform(0.8, 1.25))
        yield document


def _scaled(compensation: dict[str, Any], factor: float) -> dict[str, Any]:
    scaled = dict(compensation)
    scaled["basePay"] = [
        {
            key: round(value * factor, 2) if key in {"minimum", "maximum", "value"} else value
            for key, value in pay.items()
        }
        for pay in compensation.get("basePay", [])
    ]
    if not scaled["basePay"]:
        del scaled["basePay"]
    return scaled


def write_jsonl(path: Path, count: int, seed: int = 8) -> int:
    """Write ``count`` generated postings to ``path`` as JSONL; return the file's size in bytes."""
    with path.open("w", encoding="utf-8") as sink:
        for document in generated_documents(count, seed):
            sink.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
    return path.stat().st_size
