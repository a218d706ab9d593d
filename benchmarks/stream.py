"""Streaming conversion at scale: peak memory, time linear in the count, --jobs 2 vs --jobs 1."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import corpus

#: Peak memory the issue allows for streaming any count of postings.
MEMORY_LIMIT_MB = 150
#: Time per posting at the full count may differ this much from a tenth of it and stay "linear".
LINEARITY_TOLERANCE = 0.25


def _command() -> list[str]:
    script = Path(sys.executable).with_name("jobposting")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from jobposting.cli import main; sys.exit(main())"]


def jobs_supported() -> bool:
    """True when ``jobposting convert`` has --jobs (issue 7)."""
    done = subprocess.run(
        [*_command(), "convert", "--help"], capture_output=True, text=True, check=False
    )
    return "--jobs" in done.stdout


def convert(path: Path, jobs: int | None) -> dict[str, Any]:
    """Run ``jobposting convert PATH -f jsonl -t jsonl`` to /dev/null; time and peak memory.

    Peak memory is the largest resident set of the command and its worker processes (wait4's
    ru_maxrss), so with --jobs 2 it is the largest single process, not their sum.
    """
    command = [*_command(), "convert", str(path), "-f", "jsonl", "-t", "jsonl", "--no-progress"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    with open(os.devnull, "wb") as sink, tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        errors.seek(0)
        tail = errors.read()[-300:].decode("utf-8", "replace").strip()
    return {
        "command": " ".join(command[-8:]),
        "exit_status": os.waitstatus_to_exitcode(status),
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "stderr_tail": tail,
    }


def streaming_check(count: int, workdir: Path) -> dict[str, Any]:
    """Convert count/10 and count generated postings; check memory, linearity and --jobs 2."""
    small, large = workdir / "small.jsonl", workdir / "large.jsonl"
    result: dict[str, Any] = {"count": count, "small_count": count // 10}
    result["small_bytes"] = corpus.write_jsonl(small, count // 10)
    result["large_bytes"] = corpus.write_jsonl(large, count)
    result["jobs_supported"] = jobs_supported()
    jobs = 1 if result["jobs_supported"] else None
    empty = workdir / "empty.jsonl"
    empty.write_bytes(b"")
    # Start-up (interpreter, imports) is paid once per run; linearity is about the rest.
    result["startup"] = convert(empty, jobs)
    result["small"] = convert(small, jobs)
    result["large"] = convert(large, jobs)
    # CPU time: the machine's other load stretches wall time, not the work done.
    for clock in ("cpu_s", "wall_s"):
        startup = result["startup"][clock]
        per_small = (result["small"][clock] - startup) / (count // 10)
        per_large = (result["large"][clock] - startup) / count
        result[f"{clock[:-2]}_per_posting_us"] = {
            "small": round(per_small * 1e6, 1),
            "large": round(per_large * 1e6, 1),
        }
    per = result["cpu_per_posting_us"]
    result["linear"] = abs(per["large"] / per["small"] - 1) <= LINEARITY_TOLERANCE
    result["memory_ok"] = result["large"]["peak_rss_mb"] < MEMORY_LIMIT_MB
    if result["jobs_supported"]:
        result["large_jobs2"] = convert(large, 2)
        result["jobs2_speedup"] = round(
            result["large"]["wall_s"] / result["large_jobs2"]["wall_s"], 2
        )
    for path in (empty, small, large):
        path.unlink()
    return result
