"""The batch library: inputs, streaming outcomes, conversion to a directory, profiles, processes."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import jobposting
from conftest import case_dirs
from jobposting import batch, batch_workers
from jobposting.batch import Input, Outcome, OutputDirectory, Profile
from jobposting.errors import WriteError
from jobposting.formats.base import ReadOptions
from jobposting.problems import Problem

NURSE = {"title": "Nurse", "hiringOrganization": {"name": "Clinic"}}


def posting_line(number: int) -> str:
    """One valid canonical posting as a JSONL line, with id ``job-<number>``."""
    return json.dumps({"id": f"job-{number}", **NURSE}) + "\n"


#: Lines of a stream with broken records among good ones: (line text, is it a good record).
BROKEN = {
    4: '{"title": "no employer"}\n',
    9: "{oops\n",
    10: "[1, 2]\n",
    17: '{"title": "Nurse", "hiringOrganization": {"name": "Clinic"}, "employmentTypes": ["x"]}\n',
}


def mixed_stream(lines: int) -> str:
    """``lines`` lines: postings, the broken ones of BROKEN, and a blank line (no record)."""
    text = []
    for number in range(1, lines + 1):
        if number in BROKEN:
            text.append(BROKEN[number])
        elif number == 12:
            text.append("\n")
        else:
            text.append(posting_line(number))
    return "".join(text)


def summary(
    outcomes: Iterable[Outcome],
) -> list[tuple[str, int | None, str | None, bool, list[str]]]:
    """What a test compares of outcomes: source, index, where, ok, error texts."""
    return [(o.source, o.index, o.where, o.ok, [str(f) for f in o.errors]) for o in outcomes]


@pytest.fixture
def stream_file(tmp_path: Path) -> Path:
    """A 25-line JSONL file: 20 good records, 4 broken, one blank line."""
    path = tmp_path / "feed.jsonl"
    path.write_text(mixed_stream(25), encoding="utf-8")
    return path


# -- inputs -------------------------------------------------------------------------------------


def test_expand_inputs_walks_directories_sorted_skipping_hidden_and_foreign_files(
    tmp_path: Path,
) -> None:
    """Directories are searched recursively in name order; hidden and unreadable kinds are left."""
    for name in ("b.json", "a.jsonl", "notes.md", ".hidden.json", "sub/c.json", ".git/d.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = list(batch.expand_inputs([tmp_path, "-", "missing.json"]))
    assert [(i.name, i.folder) for i in found] == [
        (str(tmp_path / "a.jsonl"), ""),
        (str(tmp_path / "b.json"), ""),
        (str(tmp_path / "sub" / "c.json"), "sub"),
        ("<stdin>", ""),
        ("missing.json", ""),
    ]
    assert found[3].path is None


def test_glob_matches_names_or_paths_below_the_directory(tmp_path: Path) -> None:
    """A pattern without `/` matches file names at any depth; with `/` the path below the root."""
    for name in ("x.json", "2024/y.json", "2024/z.xml", "2025/y.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    names = [i.name for i in batch.expand_inputs([tmp_path], glob="y.*")]
    assert names == [str(tmp_path / "2024" / "y.json"), str(tmp_path / "2025" / "y.json")]
    names = [i.name for i in batch.expand_inputs([tmp_path], glob="2024/*")]
    assert names == [str(tmp_path / "2024" / "y.json"), str(tmp_path / "2024" / "z.xml")]


# -- reading --------------------------------------------------------------------------------------


def test_every_record_becomes_one_outcome_with_its_line(stream_file: Path) -> None:
    """Records in = outcomes out; a broken one says its line and why; a blank line is no record."""
    outcomes = list(batch.read_many([stream_file]))
    assert len(outcomes) == 24
    assert [o.index for o in outcomes] == list(range(24))
    failed = [(o.where, [str(f) for f in o.errors]) for o in outcomes if not o.ok]
    assert failed == [
        ("line 4", [f"{stream_file}: line 4: /hiringOrganization: is required"]),
        (
            "line 9",
            [
                f"{stream_file}: line 9, column 2: invalid JSON: Expecting property name enclosed"
                " in double quotes"
            ],
        ),
        (
            "line 10",
            [f"{stream_file}: line 10: expected a JSON object (one posting), got a JSON array"],
        ),
        (
            "line 17",
            [
                f"{stream_file}: line 17: /employmentTypes/0: 'x' is not a valid employment type"
                " (expected one of FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER,"
                " PER_DIEM, OTHER)"
            ],
        ),
    ]
    assert [o.posting.id for o in outcomes if o.posting is not None][:3] == [
        "job-1",
        "job-2",
        "job-3",
    ]


def test_several_processes_give_the_same_outcomes_in_the_same_order(
    stream_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jobs=2 cuts JSONL into chunks (here of 3 lines) and still numbers lines and records alike."""
    single = tmp_path / "single.json"
    single.write_text(json.dumps(NURSE), encoding="utf-8")
    inputs = [stream_file, single, tmp_path / "missing.json", stream_file]
    monkeypatch.setattr(batch_workers, "CHUNK_LINES", 3)
    serial = summary(batch.read_many(inputs))
    parallel = summary(batch.read_many(inputs, jobs=2))
    assert parallel == serial
    assert len(serial) == 24 + 1 + 1 + 24


def test_without_postings_kept_workers_send_back_only_the_written_texts(
    stream_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """keep_postings=False (convert's JSONL path): the same outcomes and texts, no postings."""
    monkeypatch.setattr(batch_workers, "CHUNK_LINES", 3)
    kept = list(batch.convert_many([stream_file], "jsonl"))
    for jobs in (1, 2):
        lean = list(batch.convert_many([stream_file], "jsonl", jobs=jobs, keep_postings=False))
        assert summary(lean) == summary(kept)
        assert [o.data for o in lean] == [o.data for o in kept]
        assert all(o.posting is None for o in lean)
    postings = [o.posting for o in kept if o.posting is not None and o.ok]
    sink = io.BytesIO()
    jobposting.write_to(postings, sink, "jsonl")
    # JSONL is "concatenated": the stream is each posting written alone, one after the other.
    assert jobposting.formats.get("jsonl").concatenated
    assert sink.getvalue() == b"".join(o.data for o in kept if o.data is not None)


def test_an_input_that_cannot_be_read_is_one_outcome_without_index(tmp_path: Path) -> None:
    """A missing file or an unreadable format is said once, and the batch goes on."""
    notes = tmp_path / "notes.md"
    notes.write_text("# hello\n", encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(NURSE), encoding="utf-8")
    outcomes = list(batch.read_many([tmp_path / "nope.json", notes, good]))
    assert [(o.index, [f.code for f in o.findings]) for o in outcomes] == [
        (None, ["input.open"]),
        (None, ["input.format"]),
        (0, []),
    ]
    assert outcomes[0].findings[0].message == (
        f"cannot read {str(tmp_path / 'nope.json')!r}: No such file or directory"
    )


def test_problems_of_a_json_document_are_placed_on_their_line(tmp_path: Path) -> None:
    """A canonical JSON file's problems get the line and column of the value they point at."""
    path = tmp_path / "posting.json"
    path.write_text('{\n  "title": "",\n  "hiringOrganization": {}\n}\n', encoding="utf-8")
    (outcome,) = batch.read_many([path])
    assert [(f.pointer, f.line, f.column) for f in outcome.errors] == [
        ("/hiringOrganization/name", 3, 25),
        ("/title", 2, 12),
    ]


def test_progress_reports_bytes_read_up_to_the_inputs_size(stream_file: Path) -> None:
    """The progress callback sees the bytes read grow to the size of the input."""
    seen: list[int] = []
    for _ in batch.read_many([stream_file], progress=seen.append):
        pass
    assert seen == sorted(seen)
    assert seen[-1] == stream_file.stat().st_size


def shout(posting: jobposting.Posting) -> Iterator[Problem]:
    """A profile rule for the tests: titles must be upper case."""
    if posting.title != posting.title.upper():
        yield Problem(pointer="/title", message="must be upper case", code="test.shout")


def test_a_profile_adds_its_errors_and_warnings(
    stream_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A profile's rules are imported by name and run on every posting read."""
    monkeypatch.setitem(
        batch.PROFILES,
        "loud",
        Profile(name="loud", description="test", errors=None, warnings="test_batch:shout"),
    )
    outcomes = list(batch.read_many([stream_file], profile="loud"))
    first = outcomes[0]
    assert first.ok
    assert [str(f) for f in first.warnings] == [
        f"{stream_file}: line 1: /title: warning: must be upper case [test.shout]"
    ]
    monkeypatch.setitem(
        batch.PROFILES, "loud", Profile(name="loud", description="test", errors="test_batch:shout")
    )
    assert not any(o.ok for o in batch.read_many([stream_file], profile="loud"))
    with pytest.raises(ValueError, match="unknown profile 'nope'"):
        batch.read_many([stream_file], profile="nope")


def test_reader_options_reach_the_reader(tmp_path: Path) -> None:
    """Without validation, a posting the schema refuses (an empty title) is read all the same."""
    path = tmp_path / "empty-title.json"
    path.write_text(json.dumps({**NURSE, "title": ""}), encoding="utf-8")
    (checked,) = batch.read_many([path])
    (unchecked,) = batch.read_many([path], options=ReadOptions(validate=False))
    assert (checked.ok, unchecked.ok) == (False, True)


# -- converting ---------------------------------------------------------------------------------


def test_convert_many_writes_each_posting_alone(stream_file: Path) -> None:
    """Each converted outcome carries its posting written in the target format."""
    outcomes = list(batch.convert_many([stream_file], "json"))
    converted = [o for o in outcomes if o.ok]
    assert len(converted) == 20
    first = converted[0]
    assert first.data is not None
    assert first.posting is not None
    assert first.data.decode() == jobposting.write(first.posting, "json")
    assert all(o.data is None for o in outcomes if not o.ok)


def test_output_directory_mirrors_folders_and_names_files_by_id(tmp_path: Path) -> None:
    """IN/a/b.jsonl -> OUT/a/<id>.json; postings without id are named by input and line."""
    source = tmp_path / "in"
    (source / "a").mkdir(parents=True)
    (source / "a" / "feed.jsonl").write_text(
        posting_line(1) + json.dumps(NURSE) + "\n" + posting_line(1), encoding="utf-8"
    )
    (source / "top.json").write_text(json.dumps(NURSE), encoding="utf-8")
    out = tmp_path / "out"
    outcomes = list(batch.convert_many([source], "json", output_dir=out))
    assert [o.output for o in outcomes] == [  # a folder's files, then its folders
        out / "top.json",
        out / "a" / "job-1.json",
        out / "a" / "feed-line-2.json",
        out / "a" / "job-1-2.json",
    ]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "a",
        "a/feed-line-2.json",
        "a/job-1-2.json",
        "a/job-1.json",
        "top.json",
    ]
    assert jobposting.read(out / "a" / "job-1.json").id == "job-1"


def test_output_directory_never_overwrites_an_input(tmp_path: Path) -> None:
    """A posting whose name is an input's takes the next free name; the input is untouched."""
    source = tmp_path / "job-1.json"
    text = json.dumps({"id": "job-1", **NURSE})
    source.write_text(text, encoding="utf-8")
    (outcome,) = batch.convert_many([source], "json", output_dir=tmp_path)
    assert outcome.output == tmp_path / "job-1-2.json"
    assert source.read_text(encoding="utf-8") == text


def test_output_directory_inside_an_input_directory_is_refused(tmp_path: Path) -> None:
    """Outputs there would be read as inputs: refused before anything is read."""
    with pytest.raises(WriteError, match="inside the input directory"):
        batch.convert_many([tmp_path], "json", output_dir=tmp_path / "out")


def test_names_are_made_safe_for_file_systems(tmp_path: Path) -> None:
    """Ids with slashes, spaces or dots at the ends do not escape the output directory."""
    directory = OutputDirectory(tmp_path, ".json", [])
    posting = jobposting.loads(json.dumps({"id": "../../etc/pass wd", **NURSE}))
    outcome = Outcome(input=Input(name="x"), index=0, posting=posting)
    assert directory.path_for(outcome) == tmp_path / "etc-pass-wd.json"


def test_an_interrupted_write_leaves_no_file_behind(tmp_path: Path) -> None:
    """Ctrl-C while a file is written leaves neither the file nor its temporary."""

    def interrupted() -> None:
        with batch.atomic_open(tmp_path / "a.json") as sink:
            sink.write(b"{")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert os.listdir(tmp_path) == []
    batch.write_atomically(tmp_path / "a.json", b"{}\n")
    assert os.listdir(tmp_path) == ["a.json"]


def test_error_record_says_where_and_why(stream_file: Path) -> None:
    """The --errors line of a failed record: source, record index, where, and each error."""
    failed = next(o for o in batch.read_many([stream_file]) if not o.ok)
    assert batch.error_record(failed) == {
        "source": str(stream_file),
        "record": 3,
        "where": "line 4",
        "errors": [
            {
                "pointer": "/hiringOrganization",
                "code": "schema.required",
                "message": "is required",
                "line": 4,
                "column": None,
            }
        ],
    }
    assert json.loads(batch.error_line(failed)) == batch.error_record(failed)


def test_standard_input_is_read_as_a_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` reads standard input, its format guessed from the content."""

    class Stdin:
        buffer = io.BufferedReader(io.BytesIO(mixed_stream(5).encode()))

    monkeypatch.setattr("sys.stdin", Stdin)
    outcomes = list(batch.read_many(["-"]))
    assert [(o.source, o.index, o.ok) for o in outcomes] == [
        ("<stdin>", 0, True),
        ("<stdin>", 1, True),
        ("<stdin>", 2, True),
        ("<stdin>", 3, False),
        ("<stdin>", 4, True),
    ]


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_cases_convert_to_jsonl_through_the_batch(case: Path) -> None:
    """Each hand-curated case goes through convert_many unchanged (source -> model -> jsonl)."""
    (outcome,) = batch.convert_many([case / "posting.json"], "jsonl")
    assert outcome.ok
    assert outcome.data is not None
    assert jobposting.read(outcome.data, "jsonl") == jobposting.read(case / "posting.json")
