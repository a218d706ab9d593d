"""The ``jobposting`` command: convert, validate and inspect job postings from the shell.

Start-up stays light (``--help`` and ``formats`` import click, the format registry and the
report renderers only); reading, writing and validating import their modules when a command
runs. The batch work itself is the library's (:mod:`jobposting.batch`): this module parses
options, prints what happens and chooses the exit status.

Reader and writer switches: a ``convert`` or ``validate`` option whose parameter name is a field
of :class:`~jobposting.formats.base.ReadOptions` or
:class:`~jobposting.formats.base.WriteOptions` reaches the formats by that name (see
:func:`_options`); adding one is adding the field there and the ``@click.option`` here.
"""

from __future__ import annotations

import functools
import signal
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import attrs
import click

from jobposting import _resources, formats
from jobposting._version import __version__
from jobposting.batch import PROFILES
from jobposting.cli_output import (
    EXIT_CODES,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    Conversion,
    Failure,
    check_signals,
    error,
    errors_log,
    input_message,
    interrupted,
    is_directory,
    progress_for,
    refuse_input,
    report_sink,
    write_file,
    write_stream,
    write_texts,
    write_texts_file,
)
from jobposting.errors import JobPostingError
from jobposting.formats.base import ReadOptions, WriteOptions
from jobposting.reports import REPORT_FORMATS, Tally, open_report

if TYPE_CHECKING:
    from jobposting.problems import Problem

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "cli",
    "main",
]

DEFAULT_EXAMPLE = "capital-one-lead-machine-learning-engineer"

_Options = TypeVar("_Options", ReadOptions, WriteOptions)


def _format_choice(value: str | None) -> str | None:
    if value is not None:
        try:
            formats.get(value)
        except JobPostingError as problem:
            raise click.BadParameter(str(problem)) from None
    return value


def _options(cls: type[_Options], params: Mapping[str, Any]) -> _Options:
    """The reader or writer options named by the command's parameters of the same names."""
    fields = attrs.fields_dict(cls)
    return cls(**{name: value for name, value in params.items() if name in fields})


def _inputs(command: Any) -> Any:
    """The options every command that reads inputs has, in help order."""
    decorators = [
        click.argument("inputs", nargs=-1, required=True, metavar="INPUT..."),
        click.option(
            "-f",
            "--from",
            "from_",
            callback=lambda _c, _p, v: _format_choice(v),
            metavar="FORMAT",
            help="Format of the inputs (default: guessed per input from its name and content).",
        ),
        click.option(
            "--glob",
            metavar="PATTERN",
            help="Files to take from directory inputs: a name pattern (`*.json`), or a path"
            " pattern when it holds a `/` (default: every file with a readable format's suffix).",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(min=0),
            default=1,
            show_default=True,
            help="Read in this many processes (0: one per CPU); the order stays the input order.",
        ),
        click.option(
            "--progress/--no-progress",
            default=None,
            help="Show progress on stderr (default: when stderr is a terminal and work is long).",
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)
    return command


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=EXIT_CODES,
)
@click.version_option(__version__, "-V", "--version", prog_name="jobposting")
def cli() -> None:
    """Convert and validate job postings.

    Every format is read into one canonical posting (JSON Schema:
    `jobposting schema`) and written from it. Format keys: see `jobposting formats`.
    INPUT is a file, a directory (searched recursively, see --glob) or `-` for
    standard input.
    """


# -- validate -----------------------------------------------------------------------------------


@cli.command(epilog=EXIT_CODES)
@_inputs
@click.option(
    "--format",
    "report_format",
    type=click.Choice(list(REPORT_FORMATS)),
    default="text",
    show_default=True,
    help="Report as text lines, one JSON document, a SARIF 2.1.0 log (code scanning) or"
    " GitHub Actions annotations.",
)
@click.option(
    "--profile",
    type=click.Choice(list(PROFILES)),
    default="canonical",
    show_default=True,
    help="Rules to hold postings to: "
    + "; ".join(f"{p.name}: {p.description}" for p in PROFILES.values())
    + ".",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Warnings fail too (a reader's repairs and guesses, a profile's advice).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Write the report to FILE (default: standard output).",
)
@click.pass_context
def validate(
    ctx: click.Context,
    /,
    *,
    inputs: tuple[str, ...],
    from_: str | None,
    glob: str | None,
    jobs: int,
    progress: bool | None,
    report_format: str,
    profile: str,
    strict: bool,
    output: str | None,
) -> None:
    """Check postings against the canonical schema, its rules and a profile.

    Each input's format is guessed (or given with -f) and checked by its own
    rules too (HR Open against its XSD). The text report prints one line per
    problem, `FILE: [WHERE: ]/json/pointer: message`, and nothing for valid
    inputs.
    """
    from jobposting import batch

    shown = progress_for(progress, inputs)
    tally = Tally()
    status = EXIT_OK
    previous: batch.Input | None = None
    with report_sink(output) as out:
        report = open_report(report_format, out)
        outcomes = batch.read_many(
            inputs,
            from_=from_,
            glob=glob,
            options=_options(ReadOptions, ctx.params),
            profile=profile,
            native=True,
            jobs=jobs,
            progress=shown.read if shown else None,
        )
        try:
            for outcome in outcomes:
                check_signals()
                if outcome.input != previous:
                    tally.inputs += 1
                    previous = outcome.input
                if shown and outcome.findings:
                    shown.clear()
                if outcome.index is None:
                    status = EXIT_USAGE
                    error(input_message(outcome.findings[0]))
                    if report_format != "text":
                        tally.count(outcome.findings[0])
                        report.add(outcome.findings[0])
                    continue
                tally.records += 1
                if outcome.errors or (strict and outcome.warnings):
                    tally.failed += 1
                    status = max(status, EXIT_INVALID)
                for finding in outcome.findings:
                    tally.count(finding)
                    report.add(finding)
                if shown:
                    shown.update(tally.records)
        finally:
            if shown:
                shown.clear()
        report.close(tally)
    sys.exit(status)


# -- convert ------------------------------------------------------------------------------------


@cli.command(epilog=EXIT_CODES)
@_inputs
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
    type=click.Path(),
    metavar="OUTPUT",
    help="File to write (default: standard output), or a directory (existing, or ending in"
    " `/`) to write one file per posting into, named by posting id, folders mirrored.",
)
@click.option(
    "--errors",
    "errors_file",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Also log each failed record to FILE as one JSON object per line.",
)
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check each posting against the canonical schema before writing it.",
)
@click.option("--strict", is_flag=True, help="Refuse postings a reader had to repair or guess.")
@click.option(
    "--now",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    metavar="DATE",
    help='text, html: the date relative dates ("Posted 2 days ago") are counted from.',
)
@click.option(
    "--fragment", is_flag=True, help="html: write the postings without the page around them."
)
@click.option(
    "--jsonld/--no-jsonld",
    default=True,
    show_default=True,
    help="html: embed each posting's schema.org JSON-LD block.",
)
@click.option(
    "--script",
    is_flag=True,
    help='jsonld: write <script type="application/ld+json"> elements, safe to paste into a page.',
)
@click.option(
    "--plain",
    is_flag=True,
    help="jsonld: plain schema.org only, without the extension vocabulary; every canonical"
    " path that is lost is reported on standard error.",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="Print failures only: no warnings (the readers' guesses), progress or summary.",
)
@click.pass_context
def convert(
    ctx: click.Context,
    /,
    *,
    inputs: tuple[str, ...],
    from_: str | None,
    glob: str | None,
    jobs: int,
    progress: bool | None,
    to: str,
    output: str | None,
    errors_file: str | None,
    quiet: bool,
    **_switches: object,
) -> None:
    """Convert postings from one format to another.

    Reads every posting of every INPUT and writes it in format TO: all into one
    stream (standard output or -o FILE), or one file each into -o DIR. A
    posting that cannot be read is reported on standard error with where it
    failed (and logged with --errors); the others are still written. A summary
    line ends the run: converted, failed, warnings.
    """
    from jobposting import api, batch

    api._writable(to)  # refuse a format that cannot be written before reading anything
    read_options = _options(ReadOptions, ctx.params)
    write_options = _options(WriteOptions, ctx.params)
    if write_options.plain and not quiet:
        write_options = attrs.evolve(write_options, report=_report_dropped)
    shown = None if quiet else progress_for(progress, inputs)
    with errors_log(errors_file) as errors:
        run = Conversion(quiet=quiet, errors=errors, shown=shown)
        on_read = shown.read if shown else None
        converted = functools.partial(
            batch.convert_many,
            inputs,
            to,
            from_=from_,
            glob=glob,
            read_options=read_options,
            write_options=write_options,
            jobs=jobs,
            progress=on_read,
        )
        if output is not None and is_directory(output):
            for outcome in converted(output_dir=output):
                run.take(outcome)
        elif formats.get(to).concatenated:
            # Each posting is written where it was read (in the workers with --jobs): the
            # output is their texts one after the other, so no posting travels back.
            outcomes = converted(keep_postings=False)
            texts = run.texts(outcomes)
            if output is None:
                write_texts(texts, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                refuse_input(output, inputs)
                write_texts_file(texts, output)
        else:
            outcomes = batch.read_many(
                inputs, from_=from_, glob=glob, options=read_options, jobs=jobs, progress=on_read
            )
            postings = run.postings(outcomes)
            if output is None:
                write_stream(postings, to, sys.stdout.buffer, write_options)
                sys.stdout.buffer.flush()
            else:
                refuse_input(output, inputs)
                write_file(postings, to, output, write_options)
    sys.exit(run.finish(output if output is not None and is_directory(output) else None))


def _report_dropped(problem: Problem) -> None:
    """Say on stderr what a writer dropped (a module function: workers get it by name)."""
    click.echo(f"jobposting: warning: {problem.message}", err=True)


# -- inspecting -----------------------------------------------------------------------------------


@cli.command("formats")
def list_formats() -> None:
    """List the formats: key, whether it reads and writes, and what it is."""
    rows = [("KEY", "READS", "WRITES", "DESCRIPTION")]
    rows += [
        (f.key, "yes" if f.reads else "no", "yes" if f.writes else "no", f.description)
        for f in formats.REGISTRY.values()
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
    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    try:
        cli.main(args=argv, prog_name="jobposting", standalone_mode=False)
    except click.ClickException as usage:
        usage.show()
        sys.exit(usage.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        # click turns Ctrl-C into Abort; the outputs were cleaned up on the way out.
        error("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except Failure as failure:
        error(str(failure))
        sys.exit(failure.status)
    except JobPostingError as failure:
        error(str(failure))
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); that is not an error of ours.
        sys.stderr.close()
        sys.exit(EXIT_OK)
    except Exception as bug:
        error(f"internal error: {type(bug).__name__}: {bug} (please report this bug)")
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
