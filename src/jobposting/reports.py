"""Validation reports for people and for CI: problems rendered as text, JSON, SARIF or annotations.

A :class:`Finding` is one problem located in one input (file, line, JSON Pointer); a report
renders findings as they come:

- ``text``: ``FILE: [LINE: ]/pointer: message``, one line per finding (the default);
- ``json``: one JSON document, a summary and every finding;
- ``sarif``: a SARIF 2.1.0 log for code-scanning tools (GitHub code scanning, GitLab, IDEs);
- ``github``: GitHub Actions workflow commands, ``::error file=F,line=L::message``, which the
  runner turns into annotations on the pull request.

This module imports nothing heavy: the command line loads it before it knows what to read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO
from urllib.parse import quote

import attrs

from jobposting._version import __version__

__all__ = [
    "REPORT_FORMATS",
    "Finding",
    "Level",
    "Report",
    "Tally",
    "locate_pointer",
    "open_report",
    "render",
]

Level = Literal["error", "warning"]

_LINE = re.compile(r"\bline (\d+)(?:, column (\d+))?")

#: Where findings point readers for the meaning of a code.
INFORMATION_URI = "https://github.com/jobposting/jobposting"


@attrs.frozen(kw_only=True)
class Finding:
    """One problem of one input.

    ``source`` names the input (a path, ``<stdin>``); ``where`` locates the record in it as the
    reader said (``line 3``, ``line 3, column 7``, a JSON Pointer in a graph, or ``None`` for a
    one-posting input); ``pointer`` is the JSON Pointer into the canonical posting, ``None`` when
    the input could not be read as a posting at all. ``line`` and ``column`` (1-based) place the
    finding in the input's text when that is known: from ``where``, or found from ``pointer``.
    """

    source: str
    message: str
    code: str
    level: Level = "error"
    where: str | None = None
    pointer: str | None = None
    line: int | None = attrs.field()
    column: int | None = attrs.field()

    @line.default
    def _line_from_where(self) -> int | None:
        match = _LINE.search(self.where or "")
        return int(match.group(1)) if match else None

    @column.default
    def _column_from_where(self) -> int | None:
        match = _LINE.search(self.where or "")
        return int(match.group(2)) if match and match.group(2) else None

    def __str__(self) -> str:
        """The text report's line: ``source: where: /pointer: message`` (warnings: ``warning:
        message [code]``)."""
        parts = [self.source]
        if self.where:
            parts.append(self.where)
        if self.pointer is not None:
            parts.append(self.pointer or "/")
        if self.level == "warning":
            parts.append(f"warning: {self.message} [{self.code}]")
        else:
            parts.append(self.message)
        return ": ".join(parts)


@attrs.define(kw_only=True)
class Tally:
    """Counts of a run: inputs and records seen, records that failed, findings by level."""

    inputs: int = 0
    records: int = 0
    failed: int = 0
    errors: int = 0
    warnings: int = 0

    def count(self, finding: Finding) -> None:
        """Count one finding by its level."""
        if finding.level == "error":
            self.errors += 1
        else:
            self.warnings += 1


class Report(Protocol):
    """Renders findings to a text stream: each as it comes, and the whole at ``close``."""

    def add(self, finding: Finding) -> None:
        """Take one finding (text reports print it at once)."""

    def close(self, tally: Tally) -> None:
        """Finish the report (documents are written here)."""


class TextReport:
    """One line per finding, ``FILE: [WHERE: ]/pointer: message``; nothing for valid inputs."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def add(self, finding: Finding) -> None:
        """Print the finding's line."""
        self._out.write(f"{finding}\n")

    def close(self, tally: Tally) -> None:
        """Nothing to add: a clean run prints nothing."""


def _escape_data(text: str) -> str:
    # Workflow command escaping, as in @actions/core (toolkit/packages/core/src/command.ts).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReport:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=T::message``."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def add(self, finding: Finding) -> None:
        """Print one annotation command."""
        properties = {"file": finding.source, "line": finding.line, "col": finding.column}
        properties["title"] = f"jobposting {finding.code}"
        fields = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in properties.items()
            if value is not None
        )
        message = finding.message
        if finding.where and finding.line is None:
            message = f"{finding.where}: {message}"
        if finding.pointer is not None:
            message = f"{finding.pointer or '/'}: {message}"
        self._out.write(f"::{finding.level} {fields}::{_escape_data(message)}\n")

    def close(self, tally: Tally) -> None:
        """Nothing to add: the annotations are the report."""


def _as_dict(finding: Finding) -> dict[str, Any]:
    return {
        "file": finding.source,
        "where": finding.where,
        "line": finding.line,
        "column": finding.column,
        "pointer": finding.pointer,
        "code": finding.code,
        "level": finding.level,
        "message": finding.message,
    }


class JsonReport:
    """One JSON document: the tool, a summary of the run and every finding in input order."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._findings: list[Finding] = []

    def add(self, finding: Finding) -> None:
        """Keep the finding for the document."""
        self._findings.append(finding)

    def close(self, tally: Tally) -> None:
        """Write the document."""
        document = {
            "tool": {"name": "jobposting", "version": __version__},
            "summary": {
                "inputs": tally.inputs,
                "records": tally.records,
                "valid": tally.records - tally.failed,
                "invalid": tally.failed,
                "errors": tally.errors,
                "warnings": tally.warnings,
            },
            "findings": [_as_dict(finding) for finding in self._findings],
        }
        self._out.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _artifact_uri(source: str) -> str:
    """A relative URI for a path under the working directory, an absolute file URI otherwise."""
    if source.startswith("<"):  # <stdin>
        return quote(source)
    path = Path(source)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(path.as_posix())


def _rule_description(code: str) -> str:
    if code.startswith("schema."):
        return f"The posting breaks the canonical JSON Schema (keyword {code[len('schema.') :]})."
    descriptions = {
        "read": "The input cannot be read as a posting in its format.",
        "input": "The input cannot be opened, or its format cannot be read.",
        "write": "The posting cannot be written in the target format.",
    }
    if code in descriptions:
        return descriptions[code]
    from jobposting.schema import RULE_CODES  # loaded by now: validation ran before the report

    rule = RULE_CODES.get(code)
    return f"{rule[0].upper()}{rule[1:]}." if rule else f"jobposting rule {code}."


class SarifReport:
    """A SARIF 2.1.0 log with one run: each code is a rule, each finding a result."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._findings: list[Finding] = []

    def add(self, finding: Finding) -> None:
        """Keep the finding for the log."""
        self._findings.append(finding)

    def close(self, tally: Tally) -> None:
        """Write the log."""
        codes = sorted({finding.code for finding in self._findings})
        rule_index = {code: index for index, code in enumerate(codes)}
        rules = [
            {
                "id": code,
                "shortDescription": {"text": _rule_description(code)},
                "helpUri": f"{INFORMATION_URI}/blob/main/docs/ci.md",
            }
            for code in codes
        ]
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "jobposting",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI,
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": [self._result(f, rule_index[f.code]) for f in self._findings],
                }
            ],
        }
        self._out.write(json.dumps(log, indent=2, ensure_ascii=False) + "\n")

    @staticmethod
    def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
        # GitHub code scanning places a result only by region.startLine (SARIF validation rule
        # GH1003); a finding about the whole input gets the input's first line.
        region = {"startLine": finding.line or 1}
        if finding.line is not None and finding.column is not None:
            region["startColumn"] = finding.column
        physical = {"artifactLocation": {"uri": _artifact_uri(finding.source)}, "region": region}
        location: dict[str, Any] = {"physicalLocation": physical}
        if finding.pointer is not None:
            location["logicalLocations"] = [
                {"fullyQualifiedName": finding.pointer or "/", "kind": "member"}
            ]
        text = finding.message
        if finding.pointer is not None:
            text = f"{finding.pointer or '/'}: {text}"
        if finding.where and finding.line is None:
            text = f"{finding.where}: {text}"
        return {
            "ruleId": finding.code,
            "ruleIndex": rule_index,
            "level": finding.level,
            "message": {"text": text},
            "locations": [location],
        }


#: Report format key -> its renderer; the keys of ``jobposting validate --format``.
REPORT_FORMATS: dict[str, type[TextReport | JsonReport | SarifReport | GithubReport]] = {
    "text": TextReport,
    "json": JsonReport,
    "sarif": SarifReport,
    "github": GithubReport,
}


def open_report(kind: str, out: TextIO) -> Report:
    """Return a report of kind ``kind`` (a key of :data:`REPORT_FORMATS`) writing to ``out``."""
    try:
        return REPORT_FORMATS[kind](out)
    except KeyError:
        known = ", ".join(REPORT_FORMATS)
        raise ValueError(f"unknown report format {kind!r} (known: {known})") from None


def render(findings: Iterable[Finding], kind: str = "text", tally: Tally | None = None) -> str:
    """Return findings rendered as report ``kind``; the tally defaults to counts of the findings."""
    import io

    out = io.StringIO()
    report = open_report(kind, out)
    counted = Tally()
    for finding in findings:
        counted.count(finding)
        report.add(finding)
    report.close(tally or counted)
    return out.getvalue()


def locate_pointer(text: str, pointer: str) -> tuple[int, int] | None:
    """Return the (line, column), 1-based, of the JSON value at ``pointer`` in JSON ``text``.

    A pointer to a member that is missing (``/title: is required``) gives the place of its
    nearest ancestor that is there. ``None`` when the text is not JSON.
    """
    decoder = json.JSONDecoder()
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.split("/")[1:]]
    position = _skip_space(text, 0)
    try:
        for part in parts:
            found = _member(text, position, part, decoder)
            if found is None:
                break
            position = found
    except (ValueError, IndexError):
        return None
    if position >= len(text):
        return None
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n\ufeff":
        position += 1
    return position


def _member(text: str, position: int, part: str, decoder: json.JSONDecoder) -> int | None:
    """The position of member ``part`` of the object or array at ``position``, if it is there."""
    opening = text[position]
    if opening not in "{[":
        return None
    closing = "}" if opening == "{" else "]"
    position = _skip_space(text, position + 1)
    index = 0
    while text[position] != closing:
        if opening == "{":
            key, position = decoder.raw_decode(text, position)
            position = _skip_space(text, position)
            if text[position] != ":":
                raise ValueError("expected ':'")
            position = _skip_space(text, position + 1)
            if key == part:
                return position
        elif str(index) == part:
            return position
        _, position = decoder.raw_decode(text, position)
        position = _skip_space(text, position)
        if text[position] == ",":
            position = _skip_space(text, position + 1)
        index += 1
    return None
