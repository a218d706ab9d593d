"""The benchmark command: our paths beside their floors and peers, measured in one run.

    python benchmarks/run.py            # full run (1,000,000 streamed postings; about half an hour)
    python benchmarks/run.py --quick    # 10x fewer postings, shorter timings, for development

Prints a table with ratios and writes the numbers as JSON (benchmarks/results/latest.json by
default; ``--compare FILE`` prints the change against an earlier run). Each measurement runs in
its own process, so peak memory is per subject. Rates are postings per CPU-second of that one
process (postings per second per core), which other load on the machine disturbs less than
wall time; ratios are taken between subjects measured in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import paths
import startup
import stream

RESULTS = Path(__file__).resolve().parent / "results"
CORPORA = ("cases", "wild", "generated")
MIN_CPU_SECONDS = {"quick": 0.3, "full": 1.5}
REPEATS = {"quick": 2, "full": 3}
STREAM_COUNT = {"quick": 100_000, "full": 1_000_000}
#: Rates the issue asks for (postings per second per core, cases, validation off).
TARGET_RATE = 10_000
TARGET_FLOOR_RATIO = 3.0
TARGET_VALIDATE_SPEEDUP = 20.0
TARGET_JOBS_SPEEDUP = 1.7


def measure(index: int, corpus_name: str, size: str) -> dict[str, Any] | None:
    """Measure subject ``index`` on a corpus in this process; None when the corpus is empty."""
    items, run = paths.SUBJECTS[index].prepare(corpus_name, size)
    if not items:
        return None
    for item in items:  # warm-up: imports, caches, compiled validators
        run(item)
    best: dict[str, Any] | None = None
    for _ in range(REPEATS[size]):
        count = 0
        cpu0, wall0 = time.process_time(), time.perf_counter()
        while time.process_time() - cpu0 < MIN_CPU_SECONDS[size]:
            for item in items:
                count += run(item)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        if best is None or count / cpu > best["per_core"]:
            best = {"per_core": count / cpu, "per_wall_second": count / wall, "postings": count}
    assert best is not None
    best["inputs"] = len(items)
    best["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return best


def measure_in_child(index: int, corpus_name: str, size: str) -> dict[str, Any] | None:
    """Run :func:`measure` in a fresh interpreter, so memory and caches are its own."""
    command = [sys.executable, __file__, "--worker", str(index), corpus_name, size]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    result: dict[str, Any] | None = json.loads(done.stdout)
    return result


def run_all(size: str, only: str | None) -> list[dict[str, Any]]:
    """Measure every subject on every corpus; rows say why a subject was skipped."""
    rows = []
    for index, subject in enumerate(paths.SUBJECTS):
        if only and only not in subject.path:
            continue
        missing = subject.missing()
        for corpus_name in CORPORA:
            row: dict[str, Any] = {
                "path": subject.path,
                "subject": subject.name,
                "kind": subject.kind,
                "corpus": corpus_name,
            }
            if missing:
                row["skipped"] = missing
            else:
                result = measure_in_child(index, corpus_name, size)
                if result is None:
                    row["skipped"] = "no inputs in this corpus"
                else:
                    row.update(result)
            rows.append(row)
            print(_line(row), file=sys.stderr, flush=True)
            if missing:
                break
    return rows


def _ours(rows: list[dict[str, Any]], path: str, corpus_name: str) -> dict[str, Any] | None:
    for row in rows:
        if (row["path"], row["kind"], row["corpus"]) == (path, "ours", corpus_name):
            return row if "per_core" in row else None
    return None


def add_ratios(rows: list[dict[str, Any]]) -> None:
    """Give every floor and peer row its ratio to ours on the same path and corpus."""
    for row in rows:
        ours = _ours(rows, row["path"], row["corpus"])
        if row["kind"] != "ours" and ours and "per_core" in row:
            # > 1: ours is faster; < 1: ours is slower (a floor's ratio is always below 1).
            row["ours_vs_this"] = round(ours["per_core"] / row["per_core"], 3)


def targets(rows: list[dict[str, Any]], streaming: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The issue's targets, each with the measured value and whether it is met."""
    found: list[dict[str, Any]] = []

    def ratio(path: str, kind: str, name: str | None = None) -> float | None:
        for row in rows:
            if (row["path"], row["kind"], row["corpus"]) == (path, kind, "cases") and (
                name is None or row["subject"] == name
            ):
                return row.get("ours_vs_this")
        return None

    speedup = ratio("validate", "peer", "jsonschema Draft 2020-12")
    found.append(_target("validate >= 20x jsonschema (cases)", speedup, TARGET_VALIDATE_SPEEDUP))
    for path in ("json -> jsonld", "jsonld -> json", "json -> hropen", "hropen -> json"):
        ours = _ours(rows, path, "cases")
        rate = round(ours["per_core"]) if ours else None
        found.append(_target(f"{path} >= 10,000/s/core (cases)", rate, TARGET_RATE))
        floor = ratio(path, "floor")
        slowdown = round(1 / floor, 2) if floor else None
        found.append(_target(f"{path} within 3x of floor", slowdown, TARGET_FLOOR_RATIO, True))
    extruct = ratio("page ld read", "peer", "extruct (JSON-LD only)")
    found.append(_target("page JSON-LD read >= extruct JSON-LD only (cases)", extruct, 1.0))
    if streaming:
        found.append(
            _target(
                f"stream {streaming['count']:,}: peak MB < 150",
                streaming["large"]["peak_rss_mb"],
                stream.MEMORY_LIMIT_MB,
                True,
            )
        )
        found.append({"target": "stream: time linear in count", "met": streaming["linear"],
                      "value": streaming["cpu_per_posting_us"]})  # fmt: skip
        speed = streaming.get("jobs2_speedup")
        found.append(_target("--jobs 2 >= 1.7x --jobs 1", speed, TARGET_JOBS_SPEEDUP))
    return found


def _target(name: str, value: float | None, goal: float, at_most: bool = False) -> dict[str, Any]:
    met = None if value is None else (value < goal if at_most else value >= goal)
    return {"target": name, "value": value, "goal": goal, "met": met}


def _line(row: dict[str, Any]) -> str:
    head = f"{row['path']:<20} {row['subject']:<28} {row['corpus']:<9}"
    if "skipped" in row:
        return f"{head} skipped: {row['skipped']}"
    if "error" in row:
        return f"{head} ERROR: {row['error']}"
    ratio = f"{row['ours_vs_this']:>8.2f}x" if "ours_vs_this" in row else " " * 9
    return f"{head} {row['per_core']:>10,.0f}/s {row['peak_rss_mb']:>6.0f} MB {ratio}"


def print_report(result: dict[str, Any], previous: dict[str, Any] | None) -> None:
    """Print the table (rate per core, peak memory, ours / this), then the targets."""
    print(f"{'path':<20} {'subject':<28} {'corpus':<9} {'postings/s/core':>12} {'peak':>9} "
          f"{'ours/this':>9}")  # fmt: skip
    old = {(r["path"], r["subject"], r["corpus"]): r for r in (previous or {}).get("rows", [])}
    for row in result["rows"]:
        line = _line(row)
        before = old.get((row["path"], row["subject"], row["corpus"]), {})
        if "per_core" in row and "per_core" in before:
            line += f"  ({row['per_core'] / before['per_core'] - 1:+.0%} vs previous)"
        print(line)
    if result.get("streaming"):
        print("\nstreaming:", json.dumps(result["streaming"], indent=1))
    print("\ntargets:")
    for target in result["targets"]:
        verdict = {True: "met", False: "NOT met", None: "not measured"}[target["met"]]
        print(f"  {verdict:<12} {target['target']}: {target['value']}")


def markdown(result: dict[str, Any]) -> str:
    """Return a saved run as Markdown tables (for docs/performance.md)."""
    used = [name for name, on in result.get("fast_paths", {}).items() if on]
    lines = [
        f"Run of {result['when']} ({result['mode']}), Python {result['python']}, "
        f"{result['machine']}" + (f", fast paths: {', '.join(used)}." if used else "."),
        "",
        "| path | subject | corpus | postings/s/core | peak MB | ours/this |",
        "|---|---|---|--:|--:|--:|",
    ]
    for row in result["rows"]:
        if "per_core" not in row:
            continue
        ratio = f"{row['ours_vs_this']:.2f}x" if "ours_vs_this" in row else ""
        lines.append(
            f"| {row['path']} | {row['subject']} | {row['corpus']} | {row['per_core']:,.0f} "
            f"| {row['peak_rss_mb']:.0f} | {ratio} |"
        )
    skipped = sorted(
        {
            f"{row['path']} ({row['subject']}): {row['skipped']}"
            for row in result["rows"]
            if row.get("skipped", "no inputs in this corpus") != "no inputs in this corpus"
        }
    )
    lines += ["", *(f"Skipped: {line}" for line in skipped)] if skipped else []
    lines += ["", "| target | measured | met |", "|---|---|---|"]
    for target in result["targets"]:
        verdict = {True: "yes", False: "**no**", None: "not measured"}[target["met"]]
        lines.append(f"| {target['target']} | {target['value']} | {verdict} |")
    return "\n".join(lines) + "\n"


def fast_paths() -> dict[str, bool]:
    """Which optional fast paths (extra ``fast``) this run used."""
    from jobposting import fastvalidate, jsontext

    return {"jsonschema-rs": fastvalidate.available(), "orjson": jsontext.FAST}


def main() -> int:
    """Run the benchmark; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10x fewer postings, shorter runs")
    parser.add_argument("--only", help="measure only paths containing this text")
    parser.add_argument("--no-stream", action="store_true", help="skip the streaming check")
    parser.add_argument("--stream-count", type=int, help="postings to stream (default by mode)")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--compare", type=Path, help="an earlier run's JSON to compare with")
    parser.add_argument("--markdown", type=Path, help="print a saved run as Markdown and stop")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text())), end="")
        return 0
    if args.worker:
        index, corpus_name, size = args.worker
        print(json.dumps(measure(int(index), corpus_name, size)))
        return 0
    size = "quick" if args.quick else "full"
    previous = json.loads(args.compare.read_text()) if args.compare else None
    rows = run_all(size, args.only)
    add_ratios(rows)
    streaming = None
    if not args.no_stream:
        with tempfile.TemporaryDirectory() as workdir:
            count = args.stream_count or STREAM_COUNT[size]
            streaming = stream.streaming_check(count, Path(workdir))
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "mode": size,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {len(__import__('os').sched_getaffinity(0))} CPUs",
        "fast_paths": fast_paths(),
        "rows": rows,
        "streaming": streaming,
    }
    result["startup"] = startup.startup_times(3 if size == "quick" else 7)
    result["targets"] = targets(rows, streaming)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    print_report(result, previous)
    print(startup.report(result["startup"]))
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
