"""Many postings at once: streaming conversion and validation of files, directories and streams.

The library side of ``jobposting convert`` and ``jobposting validate``:

- :func:`expand_inputs` turns arguments (files, directories searched recursively, ``-``) into
  :class:`Input` objects, lazily;
- :func:`read_many` yields one :class:`Outcome` per record read: its posting, or the findings
  that kept it from being one, with where it came from (file, line, record index);
- :func:`convert_many` also writes every posting in a target format: as bytes on its outcome,
  or as one file per posting in an output directory (:class:`OutputDirectory`: the inputs'
  folders mirrored, files named by posting id, each written atomically, no input overwritten).

Everything streams: records are read, checked and written one at a time (with ``jobs`` > 1, in
chunks of lines handed to worker processes, at most a few chunks in flight), so memory stays
flat however long the input. Nothing is dropped: every record becomes exactly one outcome, and
an input that cannot be opened at all becomes one outcome whose ``index`` is ``None``.
"""

from __future__ import annotations

import fnmatch
import io
import json
import os
import sys
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs

from jobposting import formats
from jobposting.errors import InvalidPostingError, JobPostingError, ReadError
from jobposting.formats.base import Deferred, ReadOptions, Record, WriteOptions
from jobposting.outdir import OutputDirectory, atomic_open, write_atomically
from jobposting.reports import Finding, Level, locate_pointer

if TYPE_CHECKING:
    from jobposting.model import Posting
    from jobposting.problems import Problem

__all__ = [
    "NATIVE_SCHEMAS",
    "PROFILES",
    "Input",
    "Outcome",
    "OutputDirectory",
    "Profile",
    "atomic_open",
    "convert_many",
    "error_line",
    "error_record",
    "expand_inputs",
    "read_many",
    "write_atomically",
]


#: Called with the number of input bytes read so far (all inputs together), for progress bars.
ProgressCallback = Callable[[int], None]


@attrs.frozen(kw_only=True)
class Profile:
    """A set of rules postings are held to on top of the canonical schema and its rules.

    ``errors`` and ``warnings`` name ``"module:function"`` checks, each taking a
    :class:`~jobposting.model.Posting` and returning an iterable of
    :class:`~jobposting.problems.Problem`; they are imported only when the profile is used.
    ``unreadable`` names a check taking the error of a record that did not read, returning the
    profile's own errors for it (a field the profile requires that made the posting invalid).
    """

    name: str
    description: str
    errors: str | None = None
    warnings: str | None = None
    unreadable: str | None = None


#: The validation profiles by name (``jobposting validate --profile``). Add a row to add one.
PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile(name="canonical", description="the canonical JSON Schema and its rules"),
        Profile(
            name="google",
            description="also Google's job-posting rules, in Search Console's words"
            " (required properties are errors, recommended ones warnings)",
            errors="jobposting.profiles.google:errors",
            warnings="jobposting.profiles.google:warnings",
            unreadable="jobposting.profiles.google:unreadable_errors",
        ),
    )
}


#: Formats whose documents have a schema of their own, checked by ``read_many(native=True)``
#: (``jobposting validate``) besides the canonical one: key -> ``"module:function"`` taking the
#: document's bytes and returning its problems (each with ``line`` and ``message``) and whether
#: the document could not be parsed at all.
NATIVE_SCHEMAS: dict[str, str] = {
    "hropen": "jobposting.formats.hropen:schema_problems",
}


@attrs.frozen(kw_only=True)
class Input:
    """One input: a file, or standard input when ``path`` is ``None``.

    ``name`` is how messages name it (the path as given or found, ``<stdin>``); ``folder`` is
    the folder it was found in, relative to the directory argument it came from, which an
    output directory mirrors (``""`` for files named directly).
    """

    name: str
    path: Path | None = None
    folder: str = ""

    @property
    def stem(self) -> str:
        """The input's file name without suffix (``stdin`` for standard input)."""
        return self.path.stem if self.path is not None else "stdin"


@attrs.frozen(kw_only=True)
class Outcome:
    """What became of one record of one input.

    ``index`` counts records from 0 within the input (``None``: the input as a whole could not
    be read: not opened, or its format cannot be read; its one finding says why). ``where``
    is the reader's location of the record (``line 3``). ``findings`` holds errors and warnings;
    the record is converted (``ok``) when it has a posting (or only its ``data``: see
    :func:`convert_many`'s ``keep_postings``) and no error. ``data`` is the posting written in
    the target format and ``output`` the file it went to (:func:`convert_many`).
    """

    input: Input
    index: int | None
    where: str | None = None
    posting: Posting | None = None
    findings: tuple[Finding, ...] = ()
    data: bytes | None = None
    output: Path | None = None

    @property
    def source(self) -> str:
        """The input's name."""
        return self.input.name

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of level error."""
        if not self.findings:
            return ()
        return tuple(f for f in self.findings if f.level == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of level warning."""
        if not self.findings:
            return ()
        return tuple(f for f in self.findings if f.level == "warning")

    @property
    def ok(self) -> bool:
        """True when the record was read (and written, if asked) without an error."""
        return (self.posting is not None or self.data is not None) and not self.errors


# -- inputs ---------------------------------------------------------------------------------------


def _readable_suffixes() -> frozenset[str]:
    return frozenset(s for f in formats.REGISTRY.values() if f.reads for s in f.suffixes)


def expand_inputs(
    arguments: Iterable[str | os.PathLike[str] | Input], *, glob: str | None = None
) -> Iterator[Input]:
    """Yield the inputs named by ``arguments``, lazily and in a stable order.

    ``-`` is standard input; a directory is searched recursively (sorted, hidden files and
    folders skipped) for files matching ``glob``: a file-name pattern (``*.json``), or a
    pattern for the path below the directory when it holds a ``/`` (``2024/*/*.xml``). Without
    ``glob`` every file with a suffix of a readable format is taken. Any other argument is a
    file; one that does not exist fails when it is read, as an outcome of its own.
    """
    for argument in arguments:
        if isinstance(argument, Input):
            yield argument
            continue
        text = os.fspath(argument)
        if text == "-":
            yield Input(name="<stdin>")
        elif os.path.isdir(text):
            yield from _walk(text, glob)
        else:
            yield Input(name=text, path=Path(text))


def _walk(top: str, glob: str | None) -> Iterator[Input]:
    suffixes = _readable_suffixes()
    for folder, subfolders, files in os.walk(top):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        relative = os.path.relpath(folder, top)
        relative = "" if relative == "." else Path(relative).as_posix()
        for file in sorted(files):
            if file.startswith("."):
                continue
            if glob is None:
                taken = os.path.splitext(file)[1].lower() in suffixes
            elif "/" in glob:
                taken = fnmatch.fnmatch(f"{relative}/{file}" if relative else file, glob)
            else:
                taken = fnmatch.fnmatch(file, glob)
            if taken:
                path = Path(folder, file)
                name = os.path.normpath(os.path.join(folder, file))  # no ./ in front
                yield Input(name=name, path=path, folder=relative)


# -- one input, one stream -> outcomes ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Settings:
    """Everything a worker needs besides its input (picklable)."""

    from_: str | None
    read: ReadOptions
    to: str | None = None
    write: WriteOptions | None = None
    profile: str | None = None
    native: bool = False
    keep_postings: bool = True


def _input_failure(input_: Input, code: str, message: str) -> Outcome:
    finding = Finding(source=input_.name, message=message, code=code)
    return Outcome(input=input_, index=None, findings=(finding,))


def _open(input_: Input) -> tuple[IO[bytes], bool] | Outcome:
    """The input's binary stream and whether to close it, or the outcome of failing to open it."""
    if input_.path is None:
        return sys.stdin.buffer, False
    try:
        return input_.path.open("rb"), True
    except OSError as error:
        reason = error.strerror or str(error)
        return _input_failure(input_, "input.open", f"cannot read {input_.name!r}: {reason}")


def _error_findings(error: JobPostingError, where: str | None, source: str) -> list[Finding]:
    """The findings of a record's error; ``where`` is the record's place in its input."""
    if isinstance(error, InvalidPostingError):
        return [
            Finding(source=source, where=where, pointer=p.pointer, message=p.message, code=p.code)
            for p in error.problems
        ]
    if isinstance(error, ReadError):
        if error.where and where and not error.where.startswith(where):
            where = f"{where}: {error.where}"
        elif error.where:
            where = error.where
        return [Finding(source=source, where=where, message=error.message, code="read")]
    return [Finding(source=source, where=where, message=str(error), code="read")]


def _problem_findings(
    problems: Iterable[Problem], where: str | None, source: str, level: Level
) -> list[Finding]:
    return [
        Finding(
            source=source,
            where=where,
            pointer=p.pointer,
            message=p.message,
            code=p.code,
            level=level,
        )
        for p in problems
    ]


def _write_one(posting: Posting, settings: _Settings) -> bytes:
    from jobposting import api

    assert settings.to is not None
    sink = io.BytesIO()
    api.write_to([posting], sink, settings.to, settings.write)
    return sink.getvalue()


def _outcome(record: Record, index: int, input_: Input, settings: _Settings) -> Outcome:
    source = input_.name
    where = record.where
    findings: list[Finding] = []
    if record.error is not None:
        findings = _error_findings(record.error, where, source)
        unreadable = settings.profile and PROFILES[settings.profile].unreadable
        if unreadable:
            found = Deferred(unreadable)(record.error)
            findings += _problem_findings(found, where, source, "error")
    findings += _problem_findings(record.diagnostics, where, source, "warning")
    posting, data = record.posting, None
    if posting is not None and settings.profile is not None:
        profile = PROFILES[settings.profile]
        if profile.errors:
            findings += _problem_findings(Deferred(profile.errors)(posting), where, source, "error")
        if profile.warnings:
            findings += _problem_findings(
                Deferred(profile.warnings)(posting), where, source, "warning"
            )
    if (
        posting is not None
        and settings.to is not None
        and not any(f.level == "error" for f in findings)
    ):
        try:
            data = _write_one(posting, settings)
        except JobPostingError as error:
            findings.append(Finding(source=source, where=where, message=str(error), code="write"))
    if not settings.keep_postings:
        posting = None  # written into data: not sent back from a worker process
    return Outcome(
        input=input_, index=index, where=where, posting=posting, findings=tuple(findings), data=data
    )


def _located(outcome: Outcome, text: str) -> Outcome:
    """The outcome with each finding that has a pointer but no line placed in the input's text."""
    findings = []
    for finding in outcome.findings:
        place = None
        if finding.pointer is not None and finding.line is None:
            place = locate_pointer(text, finding.pointer)
        if place is None:
            findings.append(finding)
        else:
            findings.append(attrs.evolve(finding, line=place[0], column=place[1]))
    return attrs.evolve(outcome, findings=tuple(findings))


def _stream_outcomes(
    stream: IO[bytes],
    key: str,
    input_: Input,
    settings: _Settings,
    *,
    first_line: int = 1,
    first_index: int = 0,
) -> Iterator[Outcome]:
    from jobposting import api

    try:
        entry = api._readable(key)
    except JobPostingError as error:
        yield _input_failure(input_, "input.format", str(error))
        return
    assert entry.reader is not None
    options = attrs.evolve(settings.read, name=input_.name, first_line=first_line)
    index = first_index
    native: list[Finding] = []
    if settings.native and key in NATIVE_SCHEMAS:
        from jobposting import xmlsafe  # the native schemas are XSDs: their documents are XML

        try:
            data = xmlsafe.read_bounded(stream)
        except JobPostingError as error:
            yield Outcome(
                input=input_, index=index, findings=tuple(_error_findings(error, None, input_.name))
            )
            return
        problems, unparsable = Deferred(NATIVE_SCHEMAS[key])(data)
        native = [
            Finding(
                source=input_.name, where=f"line {p.line}", message=p.message, code=f"{key}.schema"
            )
            for p in problems
        ]
        if unparsable:  # its findings say why; the reader would only say it again
            yield Outcome(input=input_, index=index, findings=tuple(native))
            return
        stream = io.BytesIO(data)
    try:
        for record in entry.reader(stream, options):
            outcome = _outcome(record, index, input_, settings)
            if native:  # the document's own schema problems belong to its (first) record
                outcome = attrs.evolve(outcome, findings=(*native, *outcome.findings))
                native = []
            # A canonical JSON document is small and its text is at hand: place each problem's
            # pointer on a line, so that CI annotations land where the problem is.
            if key == "json" and outcome.errors and input_.path is not None:
                outcome = _located(outcome, input_.path.read_text("utf-8", errors="replace"))
            yield outcome
            index += 1
    except JobPostingError as error:  # a reader that gave up part way: one more failed record
        where = getattr(error, "where", None)
        findings = tuple(_error_findings(error, None, input_.name))
        yield Outcome(input=input_, index=index, where=where, findings=findings)


def _guess(stream: IO[bytes], input_: Input, settings: _Settings) -> str | Outcome:
    from jobposting import api

    if settings.from_ is not None:
        return settings.from_
    try:
        return formats.guess(input_.name if input_.path else None, api._head(stream))
    except JobPostingError as error:
        return _input_failure(input_, "input.format", str(error))


def _input_outcomes(
    input_: Input,
    settings: _Settings,
    progress: ProgressCallback | None = None,
    done: int = 0,
) -> Generator[Outcome, None, int]:
    """Every outcome of one input, read in this process one record at a time.

    ``progress`` gets ``done`` plus the bytes of this input read so far; the generator returns
    how many bytes of the input it read.
    """
    opened = _open(input_)
    if isinstance(opened, Outcome):
        yield opened
        return 0
    stream, owned = opened
    position = 0
    try:
        key = _guess(stream, input_, settings)
        if isinstance(key, Outcome):
            yield key
            return 0
        for outcome in _stream_outcomes(stream, key, input_, settings):
            yield outcome
            if progress is not None:
                position = _position(stream)
                progress(done + position)
    finally:
        if owned:
            stream.close()
    return position


def _position(stream: IO[bytes]) -> int:
    try:
        return stream.tell()
    except OSError:  # a pipe
        return 0


def _serial(
    inputs: Iterable[Input], settings: _Settings, progress: ProgressCallback | None
) -> Iterator[Outcome]:
    done = 0
    for input_ in inputs:
        done += yield from _input_outcomes(input_, settings, progress, done)


def _outcomes(
    inputs: Iterable[Input], settings: _Settings, jobs: int, progress: ProgressCallback | None
) -> Iterator[Outcome]:
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one per CPU) or more, not {jobs}")
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        return _serial(inputs, settings, progress)
    from jobposting.batch_workers import parallel

    return parallel(inputs, settings, jobs, progress)


def read_many(
    inputs: Iterable[str | os.PathLike[str] | Input],
    *,
    from_: str | None = None,
    glob: str | None = None,
    options: ReadOptions | None = None,
    profile: str | None = None,
    native: bool = False,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
) -> Iterator[Outcome]:
    """Yield one :class:`Outcome` per record of every input, in input order, streaming.

    ``inputs`` are files, directories (searched with ``glob``, see :func:`expand_inputs`) and
    ``-`` for standard input. ``from_`` is the format key of every input (default: guessed per
    input from its name and content). ``options`` are the readers' options (``validate``,
    ``strict``). ``profile`` names a row of :data:`PROFILES` whose extra rules every posting is
    checked against. ``native`` also checks documents against their own format's schema
    (:data:`NATIVE_SCHEMAS`, e.g. HR Open's XSD). ``jobs`` > 1 reads in that many processes
    (0: one per CPU), in the same order. ``progress`` is called with the number of input bytes
    read so far.
    """
    if profile is not None and profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r} (known: {', '.join(PROFILES)})")
    if from_ is not None:
        formats.get(from_)
    settings = _Settings(from_=from_, read=options or ReadOptions(), profile=profile, native=native)
    return _outcomes(expand_inputs(inputs, glob=glob), settings, jobs, progress)


# -- converting ---------------------------------------------------------------------------------


def convert_many(
    inputs: Iterable[str | os.PathLike[str] | Input],
    to: str,
    *,
    from_: str | None = None,
    output_dir: str | os.PathLike[str] | None = None,
    glob: str | None = None,
    read_options: ReadOptions | None = None,
    write_options: WriteOptions | None = None,
    jobs: int = 1,
    progress: ProgressCallback | None = None,
    keep_postings: bool = True,
) -> Iterator[Outcome]:
    """Convert every posting of every input to format ``to``, yielding one outcome per record.

    Inputs, ``from_``, ``glob``, ``jobs`` and ``progress`` are as for :func:`read_many`. Each
    converted outcome carries ``data``, its posting written alone in format ``to`` (with
    ``write_options``); with ``output_dir`` it is also written to a file there
    (see :class:`OutputDirectory`) named on the outcome as ``output``. A posting that cannot be
    written is a failed outcome (code ``write``), and the batch goes on. With ``keep_postings``
    false the outcomes carry ``data`` but no ``posting``: with ``jobs`` > 1 the postings then
    stay in the worker processes, which is what lets the work spread (``convert`` does this
    for JSONL output).

    To write all postings into one document instead (a JSONL stream, say), give the postings of
    :func:`read_many` to :func:`jobposting.write_to`.
    """
    from jobposting import api

    target = api._writable(to)
    arguments = list(inputs)
    directory = None
    if output_dir is not None:
        directory = OutputDirectory(output_dir, target.suffixes[0], _argument_paths(arguments))
    if from_ is not None:
        formats.get(from_)
    settings = _Settings(
        from_=from_,
        read=read_options or ReadOptions(),
        to=to,
        write=write_options or WriteOptions(),
        keep_postings=keep_postings,
    )
    return _written(
        _outcomes(expand_inputs(arguments, glob=glob), settings, jobs, progress), directory
    )


def _argument_paths(arguments: Iterable[str | os.PathLike[str] | Input]) -> Iterator[str]:
    for argument in arguments:
        if isinstance(argument, Input):
            if argument.path is not None:
                yield os.fspath(argument.path)
        else:
            yield os.fspath(argument)


def _written(outcomes: Iterator[Outcome], directory: OutputDirectory | None) -> Iterator[Outcome]:
    for outcome in outcomes:
        if directory is None or outcome.data is None:
            yield outcome
            continue
        try:
            output = directory.write(outcome)
        except OSError as error:
            reason = f"cannot write: {error.strerror or error}"
            finding = Finding(
                source=outcome.source, where=outcome.where, message=reason, code="write"
            )
            yield attrs.evolve(outcome, findings=(*outcome.findings, finding))
        else:
            yield attrs.evolve(outcome, output=output)


def error_record(outcome: Outcome) -> dict[str, Any]:
    """The ``--errors`` JSONL object of a failed outcome: where the record was and why it failed.

    ``{"source": ..., "record": index, "where": ..., "errors": [{"pointer", "code", "message",
    "line", "column"}, ...]}``; ``record`` is ``null`` for an input that could not be read.
    """
    return {
        "source": outcome.source,
        "record": outcome.index,
        "where": outcome.where,
        "errors": [
            {
                "pointer": finding.pointer,
                "code": finding.code,
                "message": finding.message,
                "line": finding.line,
                "column": finding.column,
            }
            for finding in outcome.errors
        ],
    }


def error_line(outcome: Outcome) -> str:
    """:func:`error_record` as one line of JSON (with its newline)."""
    return json.dumps(error_record(outcome), ensure_ascii=False) + "\n"
