"""The ``jobposting`` command: convert, validate and inspect job postings from the shell."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NoReturn

import click

from jobposting import _resources, api, formats
from jobposting._version import __version__
from jobposting.errors import InvalidPostingError, JobPostingError
from jobposting.formats.base import Record
from jobposting.model import Posting

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

DEFAULT_EXAMPLE = "capital-one-lead-machine-learning-engineer"

_EXIT_CODES = """\b
Exit status: 0 success; 1 some posting invalid or unreadable (each problem
reported); 2 usage or I/O error; 3 internal error (a bug: please report it)."""


class _Failure(Exception):
    """Ends a command with a message on stderr and an exit status."""

    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def _error(message: str) -> None:
    click.echo(f"jobposting: error: {message}", err=True)


def _format_choice(value: str | None) -> str | None:
    if value is not None:
        try:
            formats.get(value)
        except JobPostingError as error:
            raise click.BadParameter(str(error)) from None
    return value


def _open_input(name: str) -> tuple[IO[bytes], str]:
    if name == "-":
        return sys.stdin.buffer, "<stdin>"
    try:
        return Path(name).open("rb"), name
    except OSError as error:
        raise _Failure(f"cannot read {name!r}: {error.strerror or error}") from None


def _problem_lines(label: str, record: Record) -> Iterator[str]:
    prefix = f"{label}: {record.where}" if record.where else label
    error = record.error
    if isinstance(error, InvalidPostingError):
        for problem in error.problems:
            yield f"{prefix}: {problem.pointer or '/'}: {problem.message}"
    elif error is not None:
        where = getattr(error, "where", None)
        if where and record.where and where.startswith(record.where):
            yield f"{label}: {error}"
        else:
            yield f"{prefix}: {error}"


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=_EXIT_CODES,
)
@click.version_option(__version__, "-V", "--version", prog_name="jobposting")
def cli() -> None:
    """Convert and validate job postings.

    Every format is read into one canonical posting (JSON Schema:
    `jobposting schema`) and written from it. Format keys: see `jobposting formats`.
    """


@cli.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "-f",
    "--from",
    "from_",
    callback=lambda _c, _p, v: _format_choice(v),
    metavar="FORMAT",
    help="Format of the inputs (default: guessed from each file's name and content).",
)
def validate(files: tuple[str, ...], from_: str | None) -> None:
    """Check postings against the canonical schema and its rules.

    Prints one line per problem, `FILE: /json/pointer: message`, and nothing for
    valid files. `-` reads standard input.
    """
    status = EXIT_OK
    for name in files:
        try:
            stream, label = _open_input(name)
        except _Failure as failure:
            _error(str(failure))
            status = EXIT_USAGE
            continue
        try:
            for record in api.records(stream, from_, name=label):
                for line in _problem_lines(label, record):
                    click.echo(line)
                    status = max(status, EXIT_INVALID)
        except JobPostingError as error:
            _error(f"{label}: {error}")
            status = EXIT_USAGE
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
    sys.exit(status)


@cli.command()
@click.argument("input_", metavar="INPUT")
@click.option(
    "-f",
    "--from",
    "from_",
    callback=lambda _c, _p, v: _format_choice(v),
    metavar="FORMAT",
    help="Format of INPUT (default: guessed from its name and content).",
)
@click.option(
    "-t",
    "--to",
    "to",
    default="json",
    show_default=True,
    metavar="FORMAT",
    callback=lambda _c, _p, v: _format_choice(v),
    help="Format to write.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    metavar="OUTPUT",
    help="File to write (default: standard output).",
)
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check each posting against the canonical schema before writing it.",
)
def convert(input_: str, from_: str | None, to: str, output: str | None, validate: bool) -> None:
    """Convert postings from one format to another.

    Reads INPUT (`-` for standard input) and writes every posting it holds in
    format TO. A posting that cannot be read is reported on standard error with
    where it failed; the others are still written.
    """
    stream, label = _open_input(input_)
    failures = 0

    def postings() -> Iterator[Posting]:
        nonlocal failures
        for record in api.records(stream, from_, validate=validate, name=label):
            for line in _problem_lines(label, record):
                click.echo(line, err=True)
            if record.posting is None:
                failures += 1
            else:
                yield record.posting

    sink: IO[bytes]
    if output is None:
        sink = sys.stdout.buffer
    else:
        try:
            sink = Path(output).open("wb")  # noqa: SIM115 - closed in the finally below
        except OSError as error:
            raise _Failure(f"cannot write {output!r}: {error.strerror or error}") from None
    try:
        entry = formats.get(to)
        items: Iterator[Posting] | list[Posting] = postings()
        if not entry.many:
            items = list(items)
            if not items:
                raise _Failure(f"{label}: no posting could be read", EXIT_INVALID)
        api.write_to(items, sink, to)
        sink.flush()
    finally:
        if sink is not sys.stdout.buffer:
            sink.close()
        if stream is not sys.stdin.buffer:
            stream.close()
    sys.exit(EXIT_INVALID if failures else EXIT_OK)


@cli.command("formats")
def list_formats() -> None:
    """List the formats: key, whether it reads and writes, and what it is."""
    rows = [("KEY", "READS", "WRITES", "DESCRIPTION")]
    rows += [
        (f.key, "yes" if f.reads else "no", "yes" if f.writes else "no", f.description)
        for f in api.available_formats()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)]
        click.echo("  ".join([*cells, row[3]]))


@cli.command()
def schema() -> None:
    """Print the canonical JSON Schema (Draft 2020-12)."""
    click.echo(_resources.schema_text(), nl=False)


@cli.command()
@click.argument("name", default=DEFAULT_EXAMPLE)
@click.option("--list", "list_", is_flag=True, help="List the built-in examples instead.")
def example(name: str, list_: bool) -> None:
    """Print a built-in example posting as canonical JSON.

    NAME defaults to the posting this project was started from.
    """
    if list_:
        for known in _resources.example_names():
            click.echo(known)
        return
    click.echo(_resources.example_path(name).read_text(encoding="utf-8"), nl=False)


def main(argv: list[str] | None = None) -> NoReturn:
    """Run the command line; never ends with a traceback."""
    try:
        cli.main(args=argv, prog_name="jobposting", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        _error("aborted")
        sys.exit(EXIT_USAGE)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except _Failure as failure:
        _error(str(failure))
        sys.exit(failure.status)
    except JobPostingError as error:
        _error(str(error))
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); that is not an error of ours.
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as error:
        _error(f"internal error: {type(error).__name__}: {error} (please report this bug)")
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
