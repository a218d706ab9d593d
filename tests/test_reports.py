"""Validation reports: text lines, a JSON document, SARIF 2.1.0 (schema-checked), annotations."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from conftest import REPO
from jobposting import reports
from jobposting.reports import Finding, Tally, locate_pointer, render

#: The OASIS SARIF 2.1.0 schema (errata 01), copied for offline tests (tests/sarif/README.md).
SARIF_SCHEMA = REPO / "tests" / "sarif" / "sarif-schema-2.1.0.json"

FINDINGS = [
    Finding(
        source="postings/a.json",
        pointer="/compensation/basePay/0/currency",
        message="'usd' is not a valid ISO 4217 currency code",
        code="schema.enum",
        line=40,
        column=21,
    ),
    Finding(
        source="feed.jsonl",
        where="line 9, column 2",
        message="invalid JSON: Expecting ',' delimiter",
        code="read",
    ),
    Finding(
        source="feed.jsonl",
        where="line 4",
        pointer="/title",
        message="is required",
        code="schema.required",
    ),
    Finding(
        source="<stdin>",
        pointer="",
        message="salary looked like text, read as a number",
        code="salary.repaired",
        level="warning",
    ),
    Finding(
        source="/elsewhere/x, y:z.xml",
        where="line 3",
        message="100% wrong\nsecond line",
        code="pay-range-min-exceeds-max",
    ),
]


@cache
def sarif_validator() -> jsonschema.protocols.Validator:
    """The SARIF 2.1.0 schema (draft 4) as a validator that checks formats too."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.Draft4Validator
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return validator


def sarif_errors(log: Any) -> list[str]:
    """Every way ``log`` breaks the SARIF 2.1.0 schema."""
    return [f"{e.json_path}: {e.message}" for e in sarif_validator().iter_errors(log)]


def test_finding_takes_line_and_column_from_where() -> None:
    """`line N, column M` in where gives the finding its place; a pointer alone gives none."""
    assert (FINDINGS[1].line, FINDINGS[1].column) == (9, 2)
    assert (FINDINGS[2].line, FINDINGS[2].column) == (4, None)
    assert (FINDINGS[3].line, FINDINGS[3].column) == (None, None)


def test_text_report_has_one_line_per_finding() -> None:
    """FILE: [WHERE: ]/pointer: message; an unreadable input has no pointer; warnings say so."""
    assert render(FINDINGS).splitlines() == [
        "postings/a.json: /compensation/basePay/0/currency: 'usd' is not a valid ISO 4217"
        " currency code",
        "feed.jsonl: line 9, column 2: invalid JSON: Expecting ',' delimiter",
        "feed.jsonl: line 4: /title: is required",
        "<stdin>: /: warning: salary looked like text, read as a number [salary.repaired]",
        "/elsewhere/x, y:z.xml: line 3: 100% wrong",
        "second line",
    ]


def test_github_annotations_escape_data_and_properties() -> None:
    """Workflow commands: %, CR and LF escaped in the message; also `:` and `,` in properties."""
    assert render(FINDINGS, "github").splitlines() == [
        "::error file=postings/a.json,line=40,col=21,title=jobposting schema.enum::"
        "/compensation/basePay/0/currency: 'usd' is not a valid ISO 4217 currency code",
        "::error file=feed.jsonl,line=9,col=2,title=jobposting read::"
        "invalid JSON: Expecting ',' delimiter",
        "::error file=feed.jsonl,line=4,title=jobposting schema.required::/title: is required",
        "::warning file=<stdin>,title=jobposting salary.repaired::"
        "/: salary looked like text, read as a number",
        "::error file=/elsewhere/x%2C y%3Az.xml,line=3,title=jobposting pay-range-min-exceeds-max::"
        "100%25 wrong%0Asecond line",
    ]


def test_json_report_is_one_document_with_a_summary() -> None:
    """The summary counts records, the invalid ones and findings by level; findings keep order."""
    tally = Tally(inputs=4, records=5, failed=3, errors=4, warnings=1)
    document = json.loads(render(FINDINGS, "json", tally))
    assert document["summary"] == {
        "inputs": 4,
        "records": 5,
        "valid": 2,
        "invalid": 3,
        "errors": 4,
        "warnings": 1,
    }
    assert document["findings"][2] == {
        "file": "feed.jsonl",
        "where": "line 4",
        "line": 4,
        "column": None,
        "pointer": "/title",
        "code": "schema.required",
        "level": "error",
        "message": "is required",
    }
    assert [f["code"] for f in document["findings"]] == [f.code for f in FINDINGS]


def test_sarif_log_validates_against_the_sarif_2_1_0_schema() -> None:
    """The log, with rules, paths, stdin, warnings and findings without a line, is valid SARIF."""
    log = json.loads(render(FINDINGS, "sarif"))
    assert sarif_errors(log) == []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted({f.code for f in FINDINGS})
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert [r["locations"][0]["physicalLocation"] for r in run["results"]][:2] == [
        {
            "artifactLocation": {"uri": "postings/a.json"},
            "region": {"startLine": 40, "startColumn": 21},
        },
        {"artifactLocation": {"uri": "feed.jsonl"}, "region": {"startLine": 9, "startColumn": 2}},
    ]
    assert run["results"][3]["level"] == "warning"
    assert run["results"][4]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///elsewhere/x%2C%20y%3Az.xml"
    }


def test_an_empty_sarif_log_is_valid_too() -> None:
    """A clean run is a run with no results."""
    log = json.loads(render([], "sarif"))
    assert sarif_errors(log) == []
    assert log["runs"][0]["results"] == []


def test_the_schema_copy_rejects_a_broken_log() -> None:
    """The schema copy really checks: a result without a message is refused."""
    log = json.loads(render(FINDINGS[:1], "sarif"))
    del log["runs"][0]["results"][0]["message"]
    assert sarif_errors(log) == ["$.runs[0].results[0]: 'message' is a required property"]


def test_validate_command_sarif_output_is_valid_sarif(tmp_path: Path) -> None:
    """`jobposting validate --format sarif` over broken inputs writes a schema-valid log."""
    document = {"title": "", "hiringOrganization": {}, "employmentTypes": ["full-time"]}
    (tmp_path / "bad.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"title": "x"}\n{oops\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "jobposting.cli", "validate", "--format", "sarif",
         "bad.json", "feed.jsonl", "missing.json"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert done.returncode == 2  # the missing input
    log = json.loads(done.stdout)
    assert sarif_errors(log) == []
    located = [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
         r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in log["runs"][0]["results"]
    ]  # fmt: skip
    assert located == [
        ("schema.enum", "bad.json", 5),
        ("schema.required", "bad.json", 3),
        ("schema.minLength", "bad.json", 2),
        ("schema.required", "feed.jsonl", 1),
        ("read", "feed.jsonl", 2),
        ("input.open", "missing.json", 1),
    ]


@pytest.mark.parametrize(
    ("pointer", "place"),
    [
        ("", (1, 1)),
        ("/a", (2, 8)),
        ("/a/1", (2, 12)),
        ("/a/1/b~1c", (2, 20)),
        ("/a/1/missing", (2, 12)),
        ("/a/7", (2, 8)),
        ("/d~0e", (3, 10)),
    ],
)
def test_locate_pointer_finds_the_value_or_its_nearest_ancestor(
    pointer: str, place: tuple[int, int]
) -> None:
    """Line and column (1-based, in characters) of the value a JSON Pointer names."""
    text = '{\n  "a": [1, {"b/c": "é"}],\n  "d~e": {"f": null}\n}\n'
    assert locate_pointer(text, pointer) == place


def test_locate_pointer_in_text_that_is_not_json_is_none() -> None:
    """Broken JSON has no places."""
    assert locate_pointer('{"a": [1, 2', "/a/5") is None
    assert locate_pointer("", "/a") is None


def test_unknown_report_format_is_refused() -> None:
    """Only the four report formats exist."""
    with pytest.raises(
        ValueError, match=r"unknown report format 'xml' \(known: text, json, sarif, github\)"
    ):
        reports.open_report("xml", sys.stdout)
