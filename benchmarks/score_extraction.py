"""Score what the extractor reads from text and pages against a canonical truth, field by field.

Run from the repository root::

    python benchmarks/score_extraction.py            # the table for every input below
    python benchmarks/score_extraction.py --json     # the same numbers as JSON
    python benchmarks/score_extraction.py tests/wild/text/x.txt --truth x.expected.json

Inputs (found by convention, never by a hand-kept list):

- ``tests/wild/text/*.txt``: the truth is ``tests/cases/<name>/posting.json`` when a hand-curated
  case has that name, else ``<name>.expected.json`` beside the text.
- ``tests/wild/pages/*.html``: a page whose JSON-LD is the truth. The JSON-LD blocks (and any
  microdata attributes) are removed first; the extractor reads what is left. A page without
  JSON-LD is scored against ``<name>.jsonld`` or ``<name>.expected.json`` beside it. A page's
  truth names only some fields (what the markup or the curator stated): only those are scored,
  and its ``description`` is used for the description-text recall.

Scoring. Each top-level field of the canonical posting is scored (``hiringOrganization`` and
``compensation`` by their own fields; ``source`` is provenance and not scored). A field's value
is a list of items (a scalar is one item). Two items are compared by similarity in [0, 1]: text
by ``difflib`` ratio after folding case, spaces and markup; numbers and enums by equality;
objects by the mean similarity of their properties (for a truth that only has some properties,
as markup does, only those). A group of alternatives is known by its members, not its key: an
``alternativeGroup`` is compared as the sorted names of the entries that share it. Items are
matched one to one, best first, when their similarity is at least the threshold (0.7); a matched
item counts its similarity. Precision is the sum over the extracted items, recall over the truth
items; F1 their harmonic mean.

Pages also get a description-text recall: the share of the words of the truth's description
that appear in the extracted text, for the extractor and, when it is installed (the ``bench``
extra), for trafilatura on the same markup-free page.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import html
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs
from lxml import html as lxml_html

REPO = Path(__file__).resolve().parents[1]
WILD_TEXT = REPO / "tests" / "wild" / "text"
WILD_PAGES = REPO / "tests" / "wild" / "pages"
CASES = REPO / "tests" / "cases"
THRESHOLD = 0.7
#: Objects whose own properties are scored as fields of their own.
SPLIT = ("hiringOrganization", "compensation")
NOT_SCORED = frozenset({"source"})


# -- similarity ---------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def normal_text(text: str) -> str:
    """Text without markup, entities, case and runs of space."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip().casefold()


def similarity(extracted: Any, truth: Any, *, partial: bool = False) -> float:
    """How alike two canonical values are, from 0 to 1 (see the module docstring)."""
    if isinstance(truth, Mapping) and isinstance(extracted, Mapping):
        keys = set(truth) if partial else set(truth) | set(extracted)
        if not keys:
            return 1.0
        return sum(similarity(extracted.get(k), truth.get(k), partial=partial) for k in keys) / len(
            keys
        )
    if isinstance(truth, list) and isinstance(extracted, list):
        score = match(extracted, truth, partial=partial)
        return score.f1 if truth or extracted else 1.0
    if isinstance(truth, str) and isinstance(extracted, str):
        a, b = normal_text(extracted), normal_text(truth)
        if a == b:
            return 1.0
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    if isinstance(truth, bool) or isinstance(extracted, bool):
        return 1.0 if truth is extracted else 0.0
    if isinstance(truth, int | float) and isinstance(extracted, int | float):
        return 1.0 if float(truth) == float(extracted) else 0.0
    return 1.0 if truth == extracted else 0.0


@attrs.frozen
class Score:
    """Precision and recall of one field (sums of matched similarities over item counts)."""

    extracted: int
    truth: int
    matched: float

    @property
    def precision(self) -> float:
        """Matched similarity per extracted item (1 when nothing was extracted)."""
        return self.matched / self.extracted if self.extracted else 1.0 if not self.truth else 0.0

    @property
    def recall(self) -> float:
        """Matched similarity per truth item (1 when the truth has none)."""
        return self.matched / self.truth if self.truth else 1.0 if not self.extracted else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match(extracted: list[Any], truth: list[Any], *, partial: bool = False) -> Score:
    """Match items one to one, most similar pairs first, pairs at or above the threshold."""
    pairs = sorted(
        (
            (similarity(e, t, partial=partial), i, j)
            for i, e in enumerate(extracted)
            for j, t in enumerate(truth)
        ),
        reverse=True,
    )
    used_e: set[int] = set()
    used_t: set[int] = set()
    total = 0.0
    for value, i, j in pairs:
        if value < THRESHOLD:
            break
        if i in used_e or j in used_t:
            continue
        used_e.add(i)
        used_t.add(j)
        total += value
    return Score(extracted=len(extracted), truth=len(truth), matched=total)


def fields(posting: Mapping[str, Any]) -> dict[str, list[Any]]:
    """A posting as scored fields, each a list of items."""
    out: dict[str, list[Any]] = {}
    for key, value in posting.items():
        if key in NOT_SCORED:
            continue
        if key in SPLIT and isinstance(value, Mapping):
            for sub, subvalue in value.items():
                out[f"{key}.{sub}"] = subvalue if isinstance(subvalue, list) else [subvalue]
        else:
            out[key] = by_members(value) if isinstance(value, list) else [value]
    return out


def by_members(items: list[Any]) -> list[Any]:
    """The items with each ``alternativeGroup`` key replaced by its members' sorted names."""
    members: dict[str, list[str]] = {}
    for item in items:
        if isinstance(item, Mapping) and "alternativeGroup" in item:
            name = str(item.get("name") or item.get("language") or "")
            members.setdefault(item["alternativeGroup"], []).append(name)
    if not members:
        return items
    return [
        {**item, "alternativeGroup": " | ".join(sorted(members[item["alternativeGroup"]]))}
        if isinstance(item, Mapping) and "alternativeGroup" in item
        else item
        for item in items
    ]


def score(
    extracted: Mapping[str, Any], truth: Mapping[str, Any], *, partial: bool = False
) -> dict[str, Score]:
    """Score every field that the truth or the extraction has (only the truth's when partial)."""
    mine, theirs = fields(extracted), fields(truth)
    names = list(theirs) if partial else list(dict.fromkeys([*theirs, *mine]))
    return {
        name: match(mine.get(name, []), theirs.get(name, []), partial=partial) for name in names
    }


# -- inputs ---------------------------------------------------------------------------------------


@attrs.frozen
class Run:
    """One scored input: its name, field scores and (pages) description-text recalls."""

    name: str
    scores: dict[str, Score]
    text_recall: float | None = None
    trafilatura_recall: float | None = None
    error: str | None = None


def extract_text(path: Path, now: str | None = None) -> dict[str, Any]:
    """Read a text file with the ``text`` format and return its canonical JSON.

    ``now`` (ISO date) is when the text was captured: relative dates count from it.
    """
    import datetime as dt

    import jobposting

    when = dt.date.fromisoformat(now[:10]) if now else None
    posting = jobposting.read(path.read_bytes(), "text", name=path.name, now=when)
    return jobposting.codec.to_dict(posting)


def captured(truth: Mapping[str, Any]) -> str | None:
    """When the truth's input was captured (``source.retrievedAt``), if it says."""
    source = truth.get("source")
    return source.get("retrievedAt") if isinstance(source, Mapping) else None


def text_runs(paths: Iterable[Path] | None = None) -> Iterator[Run]:
    """Score each text input against its case or its ``.expected.json``."""
    for path in sorted(paths if paths is not None else WILD_TEXT.glob("*.txt")):
        truth_path = _text_truth(path)
        if truth_path is None:
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        try:
            extracted = extract_text(path, captured(truth))
        except Exception as error:
            yield Run(name=path.name, scores={}, error=f"{type(error).__name__}: {error}")
            continue
        yield Run(name=path.name, scores=score(extracted, truth))


def _text_truth(path: Path) -> Path | None:
    for candidate in (CASES / path.stem / "posting.json", path.with_suffix(".expected.json")):
        if candidate.exists():
            return candidate
    return None


_LD_SCRIPT = "//script[@type='application/ld+json']"
_MICRODATA = (
    "itemprop",
    "itemscope",
    "itemtype",
    "itemid",
    "itemref",
    "property",
    "typeof",
    "vocab",
    "resource",
    "prefix",
)


def strip_markup(page: bytes) -> tuple[bytes, list[Any]]:
    """Remove JSON-LD blocks and microdata/RDFa attributes; return the page and the JSON-LD."""
    root = lxml_html.document_fromstring(page)
    blocks = []
    for script in root.xpath(_LD_SCRIPT):
        with contextlib.suppress(json.JSONDecodeError):
            blocks.append(json.loads(script.text or "", strict=False))
        script.getparent().remove(script)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in _MICRODATA:
            element.attrib.pop(name, None)
    for meta in root.xpath("//body//meta | //body//link"):
        meta.getparent().remove(meta)
    return lxml_html.tostring(root, encoding="utf-8"), blocks


def _job_postings(value: Any) -> Iterator[Mapping[str, Any]]:
    if isinstance(value, list):
        for item in value:
            yield from _job_postings(item)
    elif isinstance(value, Mapping):
        if value.get("@type") == "JobPosting":
            yield value
        yield from _job_postings(value.get("@graph", []))


def truth_from_jsonld(node: Mapping[str, Any]) -> dict[str, Any]:
    """The canonical fields a schema.org JobPosting states plainly (title, employer, place,
    date, pay, employment type, description): the truth a stripped page is scored against."""
    from jobposting.extract.header import employment_types_of
    from jobposting.extract.places import country_code, region

    truth: dict[str, Any] = {}
    if isinstance(node.get("title") or node.get("name"), str):
        truth["title"] = html.unescape(node.get("title") or node.get("name"))
    org = node.get("hiringOrganization")
    name = org.get("name") if isinstance(org, Mapping) else org
    if isinstance(name, str) and name.strip():
        truth["hiringOrganization"] = {"name": name.strip()}
    if isinstance(node.get("datePosted"), str) and node["datePosted"]:
        truth["datePosted"] = node["datePosted"][:10]
    places = node.get("jobLocation") or []
    locations = []
    for place in places if isinstance(places, list) else [places]:
        address = place.get("address") if isinstance(place, Mapping) else None
        if not isinstance(address, Mapping):
            continue
        location: dict[str, Any] = {}
        if address.get("addressLocality"):
            location["locality"] = address["addressLocality"]
        country = address.get("addressCountry")
        country = country.get("name") if isinstance(country, Mapping) else country
        code = country_code(country) if isinstance(country, str) else None
        if code:
            location["country"] = code
        if isinstance(address.get("addressRegion"), str) and address["addressRegion"]:
            found = region(address["addressRegion"], code)
            if found:
                location["regionCode"] = found.code
        if location:
            locations.append(location)
    if locations:
        truth["locations"] = locations
    types = node.get("employmentType")
    types = [types] if isinstance(types, str) else types or []
    mapped = [t.value for text in types if isinstance(text, str) for t in employment_types_of(text)]
    upper = [t for t in types if (isinstance(t, str) and t.isupper() and "_" in t) or t == "INTERN"]
    if mapped or upper:
        truth["employmentTypes"] = list(dict.fromkeys([*upper, *mapped]))
    pay = _pay_truth(node)
    if pay:
        truth["compensation"] = {"basePay": pay}
    if isinstance(node.get("description"), str):
        truth["description"] = html.unescape(node["description"])
    return truth


def _pay_truth(node: Mapping[str, Any]) -> list[dict[str, Any]]:
    salary = node.get("baseSalary")
    currency = node.get("salaryCurrency")
    if isinstance(salary, str | int | float) and currency:
        return [{"currency": currency, "value": float(salary)}]
    if not isinstance(salary, Mapping):
        return []
    value = salary.get("value")
    currency = salary.get("currency") or currency
    if not currency:
        return []
    entry: dict[str, Any] = {"currency": currency}
    if isinstance(value, Mapping):
        for key, canonical in (
            ("minValue", "minimum"),
            ("maxValue", "maximum"),
            ("value", "value"),
        ):
            if value.get(key) not in (None, ""):
                entry[canonical] = float(value[key])
        if isinstance(value.get("unitText"), str):
            entry["period"] = value["unitText"].upper()
    elif isinstance(value, str | int | float):
        entry["value"] = float(value)
    return [entry] if len(entry) > 1 else []


_WORD = re.compile(r"\w+")


def word_recall(extracted: str, truth: str) -> float:
    """Share of the truth's words (counted with repeats) that the extracted text has."""
    want = Counter(_WORD.findall(normal_text(truth)))
    have = Counter(_WORD.findall(normal_text(extracted)))
    total = sum(want.values())
    return sum(min(n, have[w]) for w, n in want.items()) / total if total else 1.0


def all_text(posting: Mapping[str, Any]) -> str:
    """Every string of a canonical posting, joined: what a reader of the result gets to see."""
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, Mapping):
            for inner in value.values():
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk({k: v for k, v in posting.items() if k not in NOT_SCORED})
    return " ".join(parts)


def trafilatura_text(page: bytes) -> str | None:
    """What trafilatura extracts from the same page (None when it is not installed)."""
    try:
        import trafilatura
    except ImportError:
        return None
    text = trafilatura.extract(page.decode("utf-8", "replace"), include_tables=True)
    return text or ""


def page_runs(paths: Iterable[Path] | None = None) -> Iterator[Run]:
    """Score each page: markup removed, extracted, compared with what the markup said."""
    from jobposting import codec
    from jobposting.extract.posting import extract_from_html
    from jobposting.formats.base import ReadOptions

    for path in sorted(paths if paths is not None else WILD_PAGES.glob("*.html")):
        page, blocks = strip_markup(path.read_bytes())
        nodes = list(_job_postings(blocks))
        truth: dict[str, Any] | None = truth_from_jsonld(nodes[0]) if nodes else None
        if truth is None:
            for sibling in (path.with_suffix(".jsonld"), path.with_suffix(".expected.json")):
                if sibling.exists():
                    data = json.loads(sibling.read_text(encoding="utf-8"))
                    truth = (
                        truth_from_jsonld(next(_job_postings(data)))
                        if (sibling.suffix == ".jsonld")
                        else data
                    )
                    break
        if truth is None:
            continue
        record = next(extract_from_html(page, ReadOptions(name=path.name)))
        if record.posting is None:
            yield Run(name=path.name, scores={}, error=str(record.error))
            continue
        extracted = codec.to_dict(record.posting)
        description = truth.get("description")
        scored = {k: v for k, v in truth.items() if k != "description"}
        ours = theirs = None
        if isinstance(description, str):
            ours = word_recall(all_text(extracted), description)
            other = trafilatura_text(page)
            theirs = word_recall(other, description) if other is not None else None
        yield Run(
            name=path.name,
            scores=score(extracted, scored, partial=True),
            text_recall=ours,
            trafilatura_recall=theirs,
        )


# -- report ------------------------------------------------------------------------------------


def table(runs: list[Run]) -> str:
    """The runs as a plain-text table: one row per input and field."""
    lines = [f"{'input':<48} {'field':<34} {'P':>5} {'R':>5} {'F1':>5}  n(ext/truth)"]
    for run in runs:
        if run.error:
            lines.append(f"{run.name:<48} error: {run.error}")
            continue
        for name, s in run.scores.items():
            lines.append(
                f"{run.name:<48} {name:<34} {s.precision:5.2f} {s.recall:5.2f} "
                f"{s.f1:5.2f}  {s.extracted}/{s.truth}"
            )
        if run.text_recall is not None:
            theirs = (
                "not installed"
                if run.trafilatura_recall is None
                else (f"{run.trafilatura_recall:.2f}")
            )
            lines.append(
                f"{run.name:<48} {'description-text recall':<34} ours {run.text_recall:.2f}"
                f"  trafilatura {theirs}"
            )
    return "\n".join(lines)


def as_json(runs: list[Run]) -> str:
    """The runs as JSON (for CI dashboards and the tests)."""
    return json.dumps(
        [
            {
                "input": run.name,
                "error": run.error,
                "fields": {
                    n: {
                        "precision": round(s.precision, 4),
                        "recall": round(s.recall, 4),
                        "f1": round(s.f1, 4),
                    }
                    for n, s in run.scores.items()
                },
                "descriptionTextRecall": run.text_recall,
                "trafilaturaTextRecall": run.trafilatura_recall,
            }
            for run in runs
        ],
        indent=2,
    )


def main(argv: list[str] | None = None) -> int:
    """Print the table (or JSON) for the given inputs, or for every input found."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="text files or pages (default: all)")
    parser.add_argument("--truth", type=Path, help="canonical JSON truth for a single input")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    runs: list[Run] = []
    if args.truth and len(args.inputs) == 1 and args.inputs[0].suffix != ".html":
        truth = json.loads(args.truth.read_text(encoding="utf-8"))
        extracted = extract_text(args.inputs[0], captured(truth))
        runs.append(Run(name=args.inputs[0].name, scores=score(extracted, truth)))
    else:
        texts = [p for p in args.inputs if p.suffix != ".html"] if args.inputs else None
        pages = [p for p in args.inputs if p.suffix == ".html"] if args.inputs else None
        runs += list(text_runs(texts))
        runs += list(page_runs(pages))
    print(as_json(runs) if args.json else table(runs))
    return 1 if any(run.error for run in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
