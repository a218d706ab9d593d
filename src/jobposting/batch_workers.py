"""Reading many inputs in several processes (``jobs`` > 1), in input order, in flat memory.

JSONL inputs go to the workers in chunks of whole lines (a line is a record); other inputs go
whole, by path, so the parent never reads them. At most a few units are in flight at a time,
and outcomes come back in input order, exactly as :func:`jobposting.batch.read_many` gives them
with one process.
"""

from __future__ import annotations

import collections
import concurrent.futures
import io
import signal
from collections.abc import Generator, Iterable, Iterator
from typing import IO

import attrs

from jobposting.batch import (
    Input,
    Outcome,
    ProgressCallback,
    _guess,
    _input_outcomes,
    _open,
    _Settings,
    _stream_outcomes,
)

__all__ = ["CHUNK_BYTES", "CHUNK_LINES", "parallel"]

#: A JSONL input goes to the workers in chunks of this many lines (or bytes).
CHUNK_LINES = 1000
CHUNK_BYTES = 4 * 1024 * 1024


@attrs.frozen(kw_only=True)
class _Unit:
    """One piece of work for a worker: a whole file (``data`` None) or a chunk of lines."""

    input: Input
    key: str
    data: bytes | None = None
    first_line: int = 1
    first_index: int = 0
    size: int = 0


def _run_unit(unit: _Unit, settings: _Settings) -> list[Outcome]:
    """Read one unit in a worker process; the outcomes go back whole (a unit is small)."""
    if unit.data is not None:
        stream: IO[bytes] = io.BytesIO(unit.data)
        return list(
            _stream_outcomes(
                stream,
                unit.key,
                unit.input,
                settings,
                first_line=unit.first_line,
                first_index=unit.first_index,
            )
        )
    return list(_input_outcomes(unit.input, attrs.evolve(settings, from_=unit.key)))


def _units(inputs: Iterable[Input], settings: _Settings) -> Iterator[_Unit | Outcome]:
    """Cut the inputs into units: JSONL in chunks of lines, other files whole."""
    for input_ in inputs:
        opened = _open(input_)
        if isinstance(opened, Outcome):
            yield opened
            continue
        stream, owned = opened
        try:
            key = _guess(stream, input_, settings)
            if isinstance(key, Outcome):
                yield key
            elif key == "jsonl":  # one record per line: any run of whole lines reads alone
                yield from _chunks(stream, input_)
            elif input_.path is not None:
                yield _Unit(input=input_, key=key, size=input_.path.stat().st_size)
            else:
                data = stream.read()
                yield _Unit(input=input_, key=key, data=data, size=len(data))
        finally:
            if owned:
                stream.close()


def _chunks(stream: IO[bytes], input_: Input) -> Iterator[_Unit]:
    first_line, first_index = 1, 0
    while True:
        # Whole lines, about CHUNK_BYTES of them, split by C code (the parent's share of the
        # work: the less it does per line, the better the workers' share spreads).
        lines = stream.readlines(CHUNK_BYTES)
        if not lines:
            return
        for start in range(0, len(lines), CHUNK_LINES):
            piece = lines[start : start + CHUNK_LINES]
            data = b"".join(piece)
            yield _Unit(
                input=input_,
                key="jsonl",
                data=data,
                first_line=first_line,
                first_index=first_index,
                size=len(data),
            )
            first_line += len(piece)
            # The reader skips blank lines: they are no record (isspace copies nothing).
            first_index += sum(1 for line in piece if not line.isspace())


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what happens then.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


#: A unit handed to the pool (or an outcome known without one), with its size in input bytes.
_Pending = tuple["concurrent.futures.Future[list[Outcome]] | Outcome", int]


def parallel(
    inputs: Iterable[Input], settings: _Settings, jobs: int, progress: ProgressCallback | None
) -> Iterator[Outcome]:
    # Units in flight: enough to keep every worker busy, few enough to keep memory flat.
    window = 4 * jobs
    pending: collections.deque[_Pending] = collections.deque()
    done = 0
    with concurrent.futures.ProcessPoolExecutor(jobs, initializer=_ignore_interrupts) as pool:
        try:
            for unit in _units(inputs, settings):
                if isinstance(unit, Outcome):
                    pending.append((unit, 0))
                else:
                    pending.append((pool.submit(_run_unit, unit, settings), unit.size))
                while len(pending) >= window:
                    done = yield from _take(pending, done, progress)
            while pending:
                done = yield from _take(pending, done, progress)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _take(
    pending: collections.deque[_Pending], done: int, progress: ProgressCallback | None
) -> Generator[Outcome, None, int]:
    """Yield the outcomes of the oldest unit (waiting for it); return the bytes done after it."""
    item, size = pending.popleft()
    if isinstance(item, Outcome):
        yield item
    else:
        yield from item.result()
    done += size
    if progress is not None:
        progress(done)
    return done
