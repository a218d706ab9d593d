"""The `jobposting` command, end to end in a subprocess: outputs, messages and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, case_dirs
from jobposting import __version__, formats

SEED = REPO / "tests/cases/capital-one-lead-machine-learning-engineer/posting.json"
#: The summary line `convert` ends with on stderr (issue 7: converted, failed, warnings).
ONE_CONVERTED = "jobposting: 1 converted, 0 failed, 0 warnings\n"


def run(
    *args: str, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `jobposting ARGS...` as a user would, returning status, stdout and stderr as text."""
    return subprocess.run(
        [sys.executable, "-m", "jobposting.cli", *args],
        input=stdin.decode(), capture_output=True, text=True, cwd=cwd, check=False,
    )  # fmt: skip


def test_validate_every_case_exits_0_and_prints_nothing() -> None:
    """All hand-curated cases are valid."""
    done = run("validate", *(str(case / "posting.json") for case in case_dirs()))
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_validate_reports_lowercase_currency_with_its_pointer(tmp_path: Path) -> None:
    """A currency written 'usd' exits 1 and names /compensation/... word for word."""
    document = json.loads(SEED.read_text(encoding="utf-8"))
    document["compensation"]["basePay"][0]["currency"] = "usd"
    bad = tmp_path / "posting.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    done = run("validate", str(bad))
    assert done.returncode == 1
    assert done.stdout == (
        f"{bad}: /compensation/basePay/0/currency: 'usd' is not a valid ISO 4217 currency code\n"
    )


def test_validate_reads_stdin_and_reports_every_problem() -> None:
    """`-` reads standard input; problems come sorted by pointer, one per line."""
    document = {"title": "", "hiringOrganization": {}, "employmentTypes": ["full-time"]}
    done = run("validate", "-", stdin=json.dumps(document).encode())
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "<stdin>: /employmentTypes/0: 'full-time' is not a valid employment type (expected one of"
        " FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER)",
        "<stdin>: /hiringOrganization/name: is required",
        "<stdin>: /title: must not be empty (leave the property out when it is unknown)",
    ]


def test_validate_reports_broken_json_with_line_and_column(tmp_path: Path) -> None:
    """A syntax error names the line and column, and exits 1."""
    bad = tmp_path / "broken.json"
    bad.write_text('{\n  "title": "x",\n}\n', encoding="utf-8")
    done = run("validate", str(bad))
    assert done.returncode == 1
    assert done.stdout == (
        f"{bad}: line 3, column 1: invalid JSON: "
        "Expecting property name enclosed in double quotes\n"
    )


def test_validate_jsonl_names_the_line_of_each_problem(tmp_path: Path) -> None:
    """In a JSONL stream every problem carries its line number; good lines are silent."""
    good = json.dumps({"title": "Nurse", "hiringOrganization": {"name": "Clinic"}})
    stream = tmp_path / "postings.jsonl"
    stream.write_text(f'{good}\n{{"hiringOrganization": {{"name": "X"}}}}\n{{oops\n', "utf-8")
    done = run("validate", str(stream))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{stream}: line 2: /title: is required",
        f"{stream}: line 3, column 2: invalid JSON: Expecting property name enclosed in double"
        " quotes",
    ]


def test_validate_missing_file_is_an_io_error_exit_2(tmp_path: Path) -> None:
    """A file that cannot be opened exits 2 with a one-line error and no traceback."""
    done = run("validate", "nope.json", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "jobposting: error: cannot read 'nope.json': No such file or directory\n"


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_convert_json_to_jsonl_and_back_is_byte_identical(case: Path) -> None:
    """case -> jsonl -> json gives back the hand-written file byte for byte."""
    to_jsonl = run("convert", str(case / "posting.json"), "-t", "jsonl")
    assert (to_jsonl.returncode, to_jsonl.stderr) == (0, ONE_CONVERTED)
    assert to_jsonl.stdout.count("\n") == 1
    back = run("convert", "-", "-f", "jsonl", "-t", "json", stdin=to_jsonl.stdout.encode())
    assert (back.returncode, back.stderr) == (0, ONE_CONVERTED)
    assert back.stdout == (case / "posting.json").read_text(encoding="utf-8")


def test_convert_guesses_jsonl_from_content_and_writes_to_a_file(tmp_path: Path) -> None:
    """Without -f, several JSON lines on stdin are read as jsonl; -o writes the file."""
    line = json.dumps({"title": "Nurse", "hiringOrganization": {"name": "Clinic"}})
    out = tmp_path / "out.jsonl"
    done = run("convert", "-", "-t", "jsonl", "-o", str(out), stdin=f"{line}\n{line}\n".encode())
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "jobposting: 2 converted, 0 failed, 0 warnings\n"
    assert (
        out.read_text(encoding="utf-8").splitlines()
        == ['{"title":"Nurse","hiringOrganization":{"name":"Clinic"}}'] * 2
    )


def test_convert_many_postings_to_json_is_a_usage_error() -> None:
    """json holds one posting: asking it to hold two exits 2 and says what to use instead."""
    line = json.dumps({"title": "Nurse", "hiringOrganization": {"name": "Clinic"}})
    done = run("convert", "-", "-f", "jsonl", stdin=f"{line}\n{line}\n".encode())
    assert done.returncode == 2
    assert done.stderr == (
        "jobposting: error: json holds exactly one posting, 2 given (use jsonl for several)\n"
    )


def test_convert_keeps_good_postings_and_reports_bad_ones() -> None:
    """A bad line is reported on stderr with its line; the good ones are still written; exit 1."""
    line = json.dumps({"title": "Nurse", "hiringOrganization": {"name": "Clinic"}})
    stdin = f'{line}\n{{"title": "x"}}\n{line}\n'.encode()
    done = run("convert", "-", "-f", "jsonl", "-t", "jsonl", stdin=stdin)
    assert done.returncode == 1
    assert done.stdout.count("\n") == 2
    assert done.stderr == (
        "<stdin>: line 2: /hiringOrganization: is required\n"
        "jobposting: 2 converted, 1 failed, 0 warnings\n"
    )


def test_convert_to_a_format_not_yet_available_is_a_usage_error() -> None:
    """A project format key that has no writer yet is refused before reading anything."""
    missing = [key for key in formats.FORMAT_KEYS if key not in formats.REGISTRY]
    read_only = [f.key for f in formats.REGISTRY.values() if not f.writes]
    if missing:
        done = run("convert", str(SEED), "-t", missing[0])
        available = ", ".join(formats.REGISTRY)
        assert done.stderr.endswith(
            f"Error: Invalid value for '-t' / '--to': format {missing[0]!r} is not available in"
            f" this version (available: {available})\n"
        )
    elif read_only:
        done = run("convert", str(SEED), "-t", read_only[0])
        assert done.stderr == (
            f"jobposting: error: format {read_only[0]!r} cannot be written, only read\n"
        )
    else:
        pytest.skip("every project format is registered and writes")
    assert (done.returncode, done.stdout) == (2, "")


def test_formats_prints_a_table_of_keys() -> None:
    """`formats` lists key, reads, writes and description, one registry row per line."""
    done = run("formats")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    width = max(len(key) for key in formats.REGISTRY) + 2
    assert lines[0] == "KEY".ljust(width) + "READS  WRITES  DESCRIPTION"
    assert lines[1:] == [
        f"{f.key.ljust(width)}{('yes' if f.reads else 'no').ljust(7)}"
        f"{('yes' if f.writes else 'no').ljust(8)}{f.description}"
        for f in formats.REGISTRY.values()
    ]
    assert lines[1] == (
        "json".ljust(width) + "yes    yes     canonical posting, one JSON document"
        " (schemas/jobposting.schema.json)"
    )


def test_schema_prints_the_shipped_schema() -> None:
    """`schema` prints the canonical schema byte for byte."""
    done = run("schema")
    assert done.returncode == 0
    assert done.stdout == (REPO / "schemas/jobposting.schema.json").read_text(encoding="utf-8")


def test_version() -> None:
    """`--version` prints the package version."""
    assert run("--version").stdout == f"jobposting, version {__version__}\n"


def test_example_lists_and_prints_the_cases() -> None:
    """Built-in examples are the hand-curated cases; the seed is the default."""
    assert run("example", "--list").stdout.splitlines() == [case.name for case in case_dirs()]
    assert run("example").stdout == SEED.read_text(encoding="utf-8")


def test_example_unknown_name_is_a_usage_error() -> None:
    """An unknown example name exits 2 and lists the known ones."""
    done = run("example", "nope")
    assert done.returncode == 2
    assert done.stderr.startswith("jobposting: error: no built-in example named 'nope' (known: ")
