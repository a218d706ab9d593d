"""`jobposting convert` and `validate` on many inputs: counts, outputs, logs, Ctrl-C, start-up."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import case_dirs
from jobposting import cli
from jobposting.progress import Progress
from test_cli import run

#: Broken lines of the big stream, by line number, and what stderr says about each.
BROKEN = {
    7: ("{oops\n", "line 7, column 2: invalid JSON: Expecting property name enclosed in double"),
    500: ('{"title": "x"}\n', "line 500: /hiringOrganization: is required"),
    1234: ("[]\n", "line 1234: expected a JSON object (one posting), got a JSON array"),
    2000: ('{"title": "", "hiringOrganization": {"name": "A"}}\n', "line 2000: /title: must not"),
    2999: ('{"title": "x", "hiringOrganization": {"name": "A"}, "validThrough": "yesterday"}\n',
           "line 2999: /validThrough: "),
}  # fmt: skip


def postings(count: int) -> Iterator[str]:
    """``count`` valid postings as JSONL lines: the hand-curated cases in turn, ids job-1, ..."""
    cases = [json.loads((case / "posting.json").read_text("utf-8")) for case in case_dirs()]
    for number in range(1, count + 1):
        document = {**cases[number % len(cases)], "id": f"job-{number}"}
        yield json.dumps(document, ensure_ascii=False) + "\n"


def feed(path: Path, lines: int, broken: dict[int, tuple[str, str]]) -> Path:
    """Write a JSONL feed of ``lines`` lines, the ``broken`` ones replaced; return its path."""
    with path.open("w", encoding="utf-8") as sink:
        for number, line in enumerate(postings(lines), start=1):
            sink.write(broken[number][0] if number in broken else line)
    return path


@pytest.fixture(scope="module")
def big_feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 lines: 2,995 postings and 5 broken records."""
    return feed(tmp_path_factory.mktemp("feed") / "feed.jsonl", 3000, BROKEN)


def lines_of(path: Path) -> list[str]:
    """The lines of a text file."""
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_records_in_equal_records_out_plus_records_reported(
    big_feed: Path, tmp_path: Path, jobs: str
) -> None:
    """3,000 records, 5 broken: 2,995 written, 5 logged and named on stderr, exit 1."""
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    done = run("convert", str(big_feed), "-t", "jsonl", "-o", str(out), "--errors", str(errors),
               "--jobs", jobs)  # fmt: skip
    assert done.returncode == 1
    assert len(lines_of(out)) == 2995
    logged = [json.loads(line) for line in lines_of(errors)]
    assert [entry["where"].split(",")[0] for entry in logged] == [
        f"line {number}" for number in BROKEN
    ]
    assert len(lines_of(out)) + len(logged) == len(lines_of(big_feed))
    reported = done.stderr.splitlines()
    assert reported[-1] == "jobposting: 2995 converted, 5 failed, 0 warnings"
    for (_, message), line in zip(BROKEN.values(), reported, strict=False):
        assert line.startswith(f"{big_feed}: {message}")
    assert [json.loads(line)["id"] for line in lines_of(out)][:6] == [
        "job-1", "job-2", "job-3", "job-4", "job-5", "job-6",
    ]  # fmt: skip


def test_several_processes_write_the_same_bytes(big_feed: Path, tmp_path: Path) -> None:
    """--jobs 2 keeps the input order: the output and the error log are byte-identical."""
    outputs = []
    for jobs in ("1", "2"):
        out, errors = tmp_path / f"out{jobs}.jsonl", tmp_path / f"errors{jobs}.jsonl"
        run("convert", str(big_feed), "-t", "jsonl", "-o", str(out), "--errors", str(errors),
            "-j", jobs)  # fmt: skip
        outputs.append((out.read_bytes(), errors.read_bytes()))
    assert outputs[0] == outputs[1]


def test_output_directory_gets_one_file_per_posting_folders_mirrored(tmp_path: Path) -> None:
    """-o DIR/: IN/2024/feed.jsonl -> DIR/2024/<id>.json, atomically (no temporary file left)."""
    source = tmp_path / "in"
    (source / "2024").mkdir(parents=True)
    feed(source / "2024" / "feed.jsonl", 4, {3: ('{"title": "x"}\n', "")})
    (source / "one.json").write_text(next(postings(1)), encoding="utf-8")
    (source / "README.md").write_text("# not a posting\n", encoding="utf-8")
    out = tmp_path / "out"
    done = run("convert", str(source), "-t", "json", "-o", f"{out}/")
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        f"jobposting: 4 converted, 1 failed, 0 warnings (written to {out}/)"
    )
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "2024/job-1.json",
        "2024/job-2.json",
        "2024/job-4.json",
        "job-1.json",
    ]
    written = json.loads((out / "2024" / "job-4.json").read_text(encoding="utf-8"))
    assert written["id"] == "job-4"


def test_glob_picks_the_files_of_directory_inputs(tmp_path: Path) -> None:
    """--glob narrows what a directory input contributes."""
    (tmp_path / "a.json").write_text(next(postings(1)), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("".join(postings(3)), encoding="utf-8")
    done = run("convert", str(tmp_path), "--glob", "*.jsonl", "-t", "jsonl")
    assert (done.returncode, done.stdout.count("\n")) == (0, 3)


def test_output_file_that_is_an_input_is_refused(tmp_path: Path) -> None:
    """Never overwrite an input: exit 2 before anything is written."""
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(postings(2)), encoding="utf-8")
    before = path.read_bytes()
    done = run("convert", str(path), "-t", "jsonl", "-o", str(path))
    assert done.returncode == 2
    assert done.stderr == (
        f"jobposting: error: the output {str(path)!r} is also an input; choose another file\n"
    )
    assert path.read_bytes() == before


def test_output_directory_inside_an_input_directory_is_refused(tmp_path: Path) -> None:
    """Outputs there would be read back as inputs: exit 2."""
    done = run("convert", str(tmp_path), "-o", f"{tmp_path}/out/")
    assert done.returncode == 2
    assert "is inside the input directory" in done.stderr


def test_one_posting_format_counts_what_it_was_given(tmp_path: Path) -> None:
    """json holds one posting: every record is still read and reported, then exit 2."""
    path = feed(tmp_path / "feed.jsonl", 4, {2: ("{oops\n", "")})
    done = run("convert", str(path), "-t", "json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"{path}: line 2, column 2: invalid JSON: Expecting property name enclosed in double"
        " quotes",
        "jobposting: error: json holds exactly one posting, 3 given (use jsonl for several)",
    ]


def test_quiet_prints_failures_only(tmp_path: Path) -> None:
    """-q drops the summary line (and warnings and progress); failures are still named."""
    path = feed(tmp_path / "feed.jsonl", 3, {2: ('{"title": "x"}\n', "")})
    done = run("convert", str(path), "-t", "jsonl", "-q")
    assert done.returncode == 1
    assert done.stderr == f"{path}: line 2: /hiringOrganization: is required\n"


def test_unreadable_input_is_a_usage_error_and_the_rest_is_converted(tmp_path: Path) -> None:
    """A missing input is named and exits 2; the other inputs are still converted."""
    good = tmp_path / "good.jsonl"
    good.write_text("".join(postings(2)), encoding="utf-8")
    done = run("convert", "missing.jsonl", str(good), "-t", "jsonl", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.count("\n") == 2
    assert done.stderr.splitlines() == [
        "jobposting: error: cannot read 'missing.jsonl': No such file or directory",
        "jobposting: 2 converted, 0 failed, 0 warnings, 1 inputs unreadable",
    ]


def wait_for(condition: object, timeout: float = 60.0) -> None:
    """Poll ``condition()`` until it is true."""
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            pytest.fail("the condition never came true")
        time.sleep(0.05)


@pytest.fixture(scope="module")
def long_feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A feed long enough to be interrupted in the middle: 40,000 small postings (3 MB)."""
    path = tmp_path_factory.mktemp("long") / "long.jsonl"
    with path.open("w", encoding="utf-8") as sink:
        for number in range(1, 40001):
            posting = {"id": f"job-{number}", "title": "Nurse", "hiringOrganization": {"name": "A"}}
            sink.write(json.dumps(posting) + "\n")
    return path


@pytest.mark.parametrize(
    ("jobs", "signal_number"),
    [("1", signal.SIGINT), ("2", signal.SIGINT), ("1", signal.SIGTERM)],
    ids=["ctrl-c", "ctrl-c-2-jobs", "sigterm"],
)
def test_interrupt_leaves_finished_files_whole_and_no_partial_file(
    long_feed: Path, tmp_path: Path, jobs: str, signal_number: signal.Signals
) -> None:
    """Ctrl-C (or SIGTERM) mid-run: exit 3, every written file complete, no temporary left."""
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "jobposting.cli", "convert", str(long_feed), "-o", f"{out}/",
         "-t", "json", "-j", jobs],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    wait_for(lambda: out.is_dir() and len(os.listdir(out)) > 20)
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 3, stderr
    assert stderr.endswith("jobposting: error: interrupted\n")
    names = os.listdir(out)
    assert [name for name in names if name.startswith(".")] == []
    assert 20 < len(names) < 40000
    for name in names:
        assert json.loads((out / name).read_text(encoding="utf-8"))["id"] == name[: -len(".json")]


def test_interrupt_leaves_no_output_file(long_feed: Path, tmp_path: Path) -> None:
    """An interrupted stream to -o FILE leaves no file (and no temporary) behind."""
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-m", "jobposting.cli", "convert", str(long_feed), "-o", str(out),
         "-t", "jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    wait_for(lambda: any(p.stat().st_size > 100_000 for p in tmp_path.iterdir()))
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 3, stderr
    assert os.listdir(tmp_path) == []


# -- validate -------------------------------------------------------------------------------------


def test_validate_walks_a_directory_and_reports_for_github(tmp_path: Path) -> None:
    """`validate DIR --format github` annotates each problem at its file and line."""
    (tmp_path / "ok.json").write_text(next(postings(1)), encoding="utf-8")
    bad = {"title": "Nurse", "hiringOrganization": {"name": "Clinic"}, "employmentTypes": ["x"]}
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.json").write_text(json.dumps(bad, indent=2), encoding="utf-8")
    done = run("validate", ".", "--format", "github", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "::error file=sub/bad.json,line=7,col=5,title=jobposting schema.enum::/employmentTypes/0:"
        " 'x' is not a valid employment type (expected one of FULL_TIME, PART_TIME, CONTRACTOR,"
        " TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER)"
    ]


def test_validate_json_report_counts_records_and_failures(big_feed: Path, tmp_path: Path) -> None:
    """`--format json -o FILE`: the summary counts every record of the stream."""
    report = tmp_path / "report.json"
    done = run("validate", str(big_feed), "--format", "json", "-o", str(report), "-j", "2")
    assert (done.returncode, done.stdout) == (1, "")
    document = json.loads(report.read_text(encoding="utf-8"))
    assert document["summary"] == {
        "inputs": 1,
        "records": 3000,
        "valid": 2995,
        "invalid": 5,
        "errors": 5,
        "warnings": 0,
    }
    assert [f["line"] for f in document["findings"]] == list(BROKEN)


def test_validate_profile_choices_come_from_the_profiles() -> None:
    """An unknown profile is a usage error naming the known ones."""
    done = run("validate", "--profile", "nope", "x.json")
    assert done.returncode == 2
    assert "'nope' is not one of 'canonical'" in done.stderr or "'nope' is not" in done.stderr


# -- start-up, progress, exit codes ---------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--help"], ["formats"], ["convert", "--help"]])
def test_start_up_imports_no_heavy_module(argv: list[str]) -> None:
    """--help and formats load neither jsonschema, cattrs, lxml nor any format module."""
    program = (
        "import sys\n"
        "from jobposting.cli import main\n"
        f"sys.argv = ['jobposting', *{argv!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('jsonschema', 'cattrs', 'lxml', 'jobposting.api', 'jobposting.codec',"
        " 'jobposting.formats.json', 'jobposting.schema')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=False
    )
    assert done.stderr == "[]\n"


def test_internal_error_exits_4(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug ends with one line asking for a report, status 4, no traceback."""

    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("signal.signal", lambda *_: None)  # keep pytest's own handlers
    monkeypatch.setattr("jobposting._resources.schema_text", broken)
    with pytest.raises(SystemExit) as ended:
        cli.main(["schema"])
    assert ended.value.code == cli.EXIT_INTERNAL == 4
    assert capsys.readouterr().err == (
        "jobposting: error: internal error: RuntimeError: boom (please report this bug)\n"
    )


class Terminal:
    """A fake terminal: keeps what is written."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> int:
        self.text += text
        return len(text)

    def flush(self) -> None:
        """Nothing to flush."""


def test_progress_draws_only_once_the_work_is_long() -> None:
    """Nothing for the first second; then count, rate, share and ETA, at most every 0.1 s."""
    now = [100.0]
    terminal = Terminal()
    progress = Progress(terminal, total_bytes=1000, clock=lambda: now[0])  # type: ignore[arg-type]
    progress.read(100)
    progress.update(10)
    assert terminal.text == ""
    now[0] = 102.0
    progress.read(250)
    progress.update(2500)
    assert terminal.text == "\r\x1b[K2,500 records  1,250/s  25%  ETA 0:06"
    progress.update(2600)
    assert terminal.text.count("\r") == 1  # redrawn at most ten times a second
    progress.clear()
    assert terminal.text.endswith("\r\x1b[K")


def test_progress_without_a_known_size_has_no_eta() -> None:
    """Inputs from directories or stdin: records and rate only."""
    terminal = Terminal()
    progress = Progress(terminal, clock=lambda: 0.0, delay=0)  # type: ignore[arg-type]
    assert progress.line(4.0) == "0 records  0/s"


def test_piped_stderr_gets_no_progress(big_feed: Path) -> None:
    """Not a terminal: no carriage returns, no escape sequences, whatever the length."""
    done = run("convert", str(big_feed), "-t", "jsonl")
    assert "\r" not in done.stderr
    assert "\x1b" not in done.stderr


@pytest.mark.parametrize("to", ["jsonl", "json"])
def test_output_to_a_named_pipe_or_device_writes_into_it(tmp_path: Path, to: str) -> None:
    """-o /dev/null or -o FIFO writes through: renaming a file over them would replace them."""
    import stat
    import threading

    source = tmp_path / "one.jsonl"
    source.write_text(next(postings(1)), encoding="utf-8")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    done = run("convert", str(source), "-t", to, "-o", str(pipe))
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not a file renamed over it
    assert received
    assert json.loads(received[0])["id"] == "job-1"
    assert sorted(os.listdir(tmp_path)) == ["one.jsonl", "pipe"]  # no temporary left behind
