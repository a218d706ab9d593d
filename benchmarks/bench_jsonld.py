"""Reading career pages with embedded JSON-LD: jobposting vs extruct (JSON-LD only), side by side.

Not part of the test run. Needs the ``bench`` extra (extruct)::

    pip install -e '.[bench]'
    python benchmarks/bench_jsonld.py            # prints µs per page and the ratio for each page

Pages: the real pages of tests/wild/jsonld/realworld, and each of them padded to a realistic
career-page size (about 40 KB of navigation, scripts, styles and footer around the same blocks),
because a real page is mostly chrome. "ours" is ``read_structured_data`` into canonical Posting
objects (validation off, as extruct validates nothing; with validation as a second row); extruct
returns JSON-LD dicts only. Both get the page as bytes.
"""

from __future__ import annotations

import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path

from jobposting.formats.base import ReadOptions
from jobposting.formats.jsonld import read_structured_data

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted((REPO / "tests" / "wild" / "jsonld" / "realworld").glob("*.ldjson-script*.html"))

_CHROME_ROW = (
    '<li class="nav-item"><a href="/jobs/category/{n}" class="nav-link" data-track="nav-{n}">'
    'Category {n}</a><span class="count">({n} jobs)</span></li>\n'
)
_SCRIPT = (
    "<script>window.dataLayer=window.dataLayer||[];"
    'dataLayer.push({{"event":"view","id":{n}}});</script>\n'
)


def padded(page: bytes, size: int = 40_000) -> bytes:
    """The page inside a realistic amount of career-site chrome (navigation, scripts, footer)."""
    head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Job</title>'
    head += "<style>" + ".c{color:#333;margin:0 auto}" * 200 + "</style>"
    rows: list[str] = []
    n = 0
    while sum(len(row) for row in rows) < size - len(page) - len(head):
        rows.append(_CHROME_ROW.format(n=n) if n % 5 else _SCRIPT.format(n=n))
        n += 1
    half = len(rows) // 2
    body = "".join(rows[:half]).encode() + page + "".join(rows[half:]).encode()
    return head.encode() + b"</head><body><nav><ul>" + body + b"</ul></nav></body></html>"


def per_call(functions: list[Callable[[], object]], rounds: int = 7) -> list[float]:
    """Microseconds per call of each function: the best of ``rounds`` rounds of about 0.2 s each.

    The functions take turns within every round, and CPU time (``time.process_time``) is
    measured rather than wall time, so that other work on a shared machine slows every subject
    alike instead of whichever happened to run at the time.
    """
    timers = [timeit.Timer(function, timer=time.process_time) for function in functions]
    numbers = [max(1, timer.autorange()[0]) for timer in timers]
    best = [float("inf")] * len(timers)
    for _ in range(rounds):
        for index, (timer, number) in enumerate(zip(timers, numbers, strict=True)):
            best[index] = min(best[index], timer.timeit(number) / number)
    return [seconds * 1e6 for seconds in best]


def _measure(page: bytes, extract: Callable[[bytes], object]) -> tuple[float, float, float]:
    """(ours, ours with validation, extruct) in µs per page, checking that both find postings."""
    lenient = ReadOptions(validate=False)
    checked = ReadOptions(validate=True)

    def ours() -> object:
        return list(read_structured_data(page, lenient))

    def validated() -> object:
        return list(read_structured_data(page, checked))

    def peer() -> object:
        return extract(page)

    assert [r.posting for r in read_structured_data(page, lenient) if r.posting]
    assert extract(page)
    mine, mine_validated, theirs = per_call([ours, validated, peer])
    return mine, mine_validated, theirs


def main() -> int:
    """Print the table; exit 0 when ours is at least as fast on every career-page-sized page."""
    try:
        import extruct  # type: ignore[import-untyped]
    except ImportError:
        print("extruct is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    def extract(page: bytes) -> object:
        return extruct.extract(page, syntaxes=["json-ld"], uniform=True)["json-ld"]

    print(f"{'page':44} {'KB':>5} {'ours µs':>9} {'+valid.':>9} {'extruct':>9} {'ratio':>6}")
    slowest = 0.0
    for path in PAGES:
        raw = path.read_bytes()
        for label, page, sized in (
            (path.stem, raw, False),
            (path.stem + " (40 KB)", padded(raw), True),
        ):
            ours, validated, peer = _measure(page, extract)
            if sized:
                slowest = max(slowest, ours / peer)
            row = f"{label[:44]:44} {len(page) / 1024:5.1f} {ours:9.1f} {validated:9.1f}"
            print(f"{row} {peer:9.1f} {peer / ours:5.2f}x")
    verdict = "yes" if slowest <= 1.0 else "no"
    print(f"40 KB pages at least as fast as extruct: {verdict} (ours/extruct {slowest:.2f})")
    return 0 if slowest <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
