"""A one-line progress display for long runs on a terminal: records, rate, share done and ETA.

The command line shows it on standard error only when that is a terminal and the work has
taken longer than a moment; piped or redirected output never sees it. No dependency: a carriage
return and an erase-line sequence redraw the line at most ten times a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress"]

_ERASE = "\r\x1b[K"


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


class Progress:
    """Draws ``12,345 records  4,321/s  37%  ETA 0:21`` on ``stream``, once the work is long.

    ``total_bytes`` is the size of all inputs when it is known (files named directly); the share
    done and the ETA come from the bytes read, and are left out without it.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        total_bytes: int | None = None,
        delay: float = 1.0,
        interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._total = total_bytes or None
        self._delay = delay
        self._interval = interval
        self._clock = clock
        self._start = clock()
        self._drawn_at: float | None = None
        self._records = 0
        self._bytes = 0

    def read(self, done_bytes: int) -> None:
        """Note how many input bytes have been read (a callback for the batch functions)."""
        self._bytes = done_bytes

    def update(self, records: int) -> None:
        """Note the records done; redraw when the work is long and the line is stale."""
        self._records = records
        now = self._clock()
        if now - self._start < self._delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < self._interval:
            return
        self._stream.write(_ERASE + self.line(now))
        self._stream.flush()
        self._drawn_at = now

    def line(self, now: float) -> str:
        """The text of the progress line at time ``now``."""
        elapsed = max(now - self._start, 1e-9)
        text = f"{self._records:,} records  {self._records / elapsed:,.0f}/s"
        if self._total and self._bytes:
            share = min(self._bytes / self._total, 1.0)
            remaining = elapsed * (1 - share) / share
            text += f"  {share:.0%}  ETA {_duration(remaining)}"
        return text

    def clear(self) -> None:
        """Erase the line (before other output, and at the end); the next update redraws it."""
        if self._drawn_at is not None:
            self._stream.write(_ERASE)
            self._stream.flush()
            self._drawn_at = None
