"""What the command line writes besides postings: messages, logs, reports, and how a run ends.

- exit statuses, failures and error messages on standard error;
- :class:`Conversion`, the running account of ``jobposting convert`` (problems on stderr as they
  come, the ``--errors`` log, progress, the summary line and the exit status);
- documents and reports written whole (a temporary file renamed once complete), or to stdout;
- Ctrl-C and SIGTERM, which end a run as an interruption without losing the signal.

Light to import: the command line loads it before it knows what it will read.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn, TextIO

import click

from jobposting import formats
from jobposting.batch import Outcome, atomic_open, error_line
from jobposting.errors import WriteError
from jobposting.formats.base import WriteOptions
from jobposting.progress import Progress
from jobposting.reports import Finding

if TYPE_CHECKING:
    from jobposting.model import Posting

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 3
EXIT_INTERNAL = 4

EXIT_CODES = """\b
Exit status: 0 every posting converted (or valid); 1 some posting invalid or
unreadable (each one reported); 2 usage or I/O error; 3 interrupted (Ctrl-C:
finished outputs are complete, no partial file is left); 4 internal error (a
bug: please report it)."""


class Failure(Exception):
    """Ends a command with a message on stderr and an exit status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def error(message: str) -> None:
    """Print ``jobposting: error: MESSAGE`` on standard error."""
    click.echo(f"jobposting: error: {message}", err=True)


def input_message(finding: Finding) -> str:
    """The stderr line of an input that could not be read at all."""
    if finding.code == "input.open":  # the message names the input already
        return finding.message
    return f"{finding.source}: {finding.message}"


# -- interruption ---------------------------------------------------------------------------------

#: The signals received (SIGINT, SIGTERM), so that none is lost: see :func:`interrupted`.
_signalled: list[int] = []


def interrupted(signal_number: int, _frame: object) -> NoReturn:
    """Signal handler for Ctrl-C and SIGTERM (a CI runner cancelling the job).

    It raises KeyboardInterrupt, so that the run ends cleaning up on the way out, and remembers
    the signal: a KeyboardInterrupt raised inside a Python callback of a compiled library
    (jsonschema-rs's format checks) can be swallowed there, and :func:`check_signals`, called
    after each record, raises it again.
    """
    _signalled.append(signal_number)
    raise KeyboardInterrupt


def check_signals() -> None:
    """Raise KeyboardInterrupt when a signal to stop came, even if its first raise was lost."""
    if _signalled:
        raise KeyboardInterrupt


# -- progress and the account of a conversion -----------------------------------------------------


def _known_size(arguments: Iterable[str]) -> int | None:
    """The bytes of all inputs when every one is a file named directly (for the ETA)."""
    total = 0
    for argument in arguments:
        if argument == "-" or not os.path.isfile(argument):
            return None
        total += os.path.getsize(argument)
    return total


def progress_for(show: bool | None, arguments: Iterable[str]) -> Progress | None:
    """A progress line on stderr: by default only when stderr is a terminal."""
    if show is False or (show is None and not sys.stderr.isatty()):
        return None
    return Progress(sys.stderr, total_bytes=_known_size(arguments))


class Conversion:
    """Reports the outcomes of ``convert`` as they come: problems, error log, progress, counts."""

    def __init__(self, *, quiet: bool, errors: TextIO | None, shown: Progress | None) -> None:
        self.quiet = quiet
        self.errors = errors
        self.shown = shown
        self.converted = self.failed = self.warnings = self.unreadable = 0

    def take(self, outcome: Outcome) -> None:
        """Count one outcome, print its problems on stderr and log it when it failed."""
        check_signals()
        if self.shown and (outcome.findings or not outcome.ok):
            self.shown.clear()
        if outcome.index is None:
            self.unreadable += 1
            error(input_message(outcome.findings[0]))
        else:
            self.converted += outcome.ok
            self.failed += not outcome.ok
            self.warnings += len(outcome.warnings)
            for finding in outcome.findings:
                if finding.level == "error" or not self.quiet:
                    click.echo(str(finding), err=True)
        if self.errors is not None and not outcome.ok:
            self.errors.write(error_line(outcome))
            self.errors.flush()
        if self.shown:
            self.shown.update(self.converted + self.failed)

    def postings(self, outcomes: Iterable[Outcome]) -> Iterator[Posting]:
        """The postings of the outcomes that were read, each outcome taken on the way."""
        for outcome in outcomes:
            self.take(outcome)
            if outcome.ok:
                assert outcome.posting is not None
                yield outcome.posting

    def texts(self, outcomes: Iterable[Outcome]) -> Iterator[bytes]:
        """The written texts of the outcomes that were converted, each outcome taken on the way."""
        for outcome in outcomes:
            self.take(outcome)
            if outcome.ok:
                assert outcome.data is not None
                yield outcome.data

    def finish(self, where: str | None) -> int:
        """Print the summary line (unless quiet); return the exit status."""
        if self.shown:
            self.shown.clear()
        if not self.quiet:
            summary = f"{self.converted} converted, {self.failed} failed, {self.warnings} warnings"
            if self.unreadable:
                summary += f", {self.unreadable} inputs unreadable"
            if where:
                summary += f" (written to {where})"
            click.echo(f"jobposting: {summary}", err=True)
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_INVALID if self.failed else EXIT_OK


# -- outputs --------------------------------------------------------------------------------------


def is_directory(output: str) -> bool:
    """True when ``-o`` names a directory: an existing one, or a name ending in ``/``."""
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def refuse_input(output: str, inputs: Iterable[str]) -> None:
    """Refuse an output file that is one of the inputs (it would be overwritten)."""
    target = Path(output).resolve()
    for argument in inputs:
        if argument != "-" and Path(argument).resolve() == target:
            raise Failure(f"the output {output!r} is also an input; choose another file")


def write_stream(
    postings: Iterator[Posting], to: str, sink: IO[bytes], options: WriteOptions
) -> None:
    """Write every posting into one document; a one-posting format must get exactly one."""
    from jobposting import api

    if formats.get(to).many:
        api.write_to(postings, sink, to, options)
        return
    first = next(postings, None)
    more = sum(1 for _ in postings)  # read (and report) the rest, keeping none of it
    if first is None:
        raise Failure("no posting could be read", EXIT_INVALID)
    if more:
        raise WriteError(
            f"{to} holds exactly one posting, {1 + more} given (use jsonl for several)"
        )
    api.write_to(first, sink, to, options)


@contextlib.contextmanager
def _cannot_write(output: str) -> Iterator[None]:
    """End the run with status 2 and one line when writing ``output`` fails."""
    try:
        yield
    except OSError as failure:
        raise Failure(f"cannot write {output!r}: {failure.strerror or failure}") from None


def write_file(postings: Iterator[Posting], to: str, output: str, options: WriteOptions) -> None:
    """Write the document to file ``output``, which appears only once it is whole."""
    with _cannot_write(output), atomic_open(Path(output), "wb") as sink:
        write_stream(postings, to, sink, options)


def write_texts(texts: Iterable[bytes], sink: IO[bytes]) -> None:
    """Write postings already written one by one (a ``concatenated`` format) into one stream."""
    for text in texts:
        sink.write(text)


def write_texts_file(texts: Iterable[bytes], output: str) -> None:
    """:func:`write_texts` into file ``output``, which appears only once it is whole."""
    with _cannot_write(output), atomic_open(Path(output), "wb") as sink:
        write_texts(texts, sink)


@contextlib.contextmanager
def report_sink(output: str | None) -> Iterator[TextIO]:
    """Standard output, or file ``output`` written whole once the report ends."""
    if output is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with _cannot_write(output), atomic_open(Path(output), "w") as file:
        yield file


@contextlib.contextmanager
def errors_log(path: str | None) -> Iterator[TextIO | None]:
    """The ``--errors`` file, open for the run, written as it goes (``None`` without it)."""
    if path is None:
        yield None
        return
    try:
        file = Path(path).open("w", encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as failure:
        raise Failure(f"cannot write {path!r}: {failure.strerror or failure}") from None
    with file:
        yield file
