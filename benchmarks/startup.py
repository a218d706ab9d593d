"""Start-up time of the command line: `--help` and `formats` beside a bare interpreter start."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

#: name -> the Python arguments of the command measured
COMMANDS = {
    "python -c pass (floor)": ["-c", "pass"],
    "import jobposting": ["-c", "import jobposting"],
    "jobposting --help": ["-m", "jobposting.cli", "--help"],
    "jobposting formats": ["-m", "jobposting.cli", "formats"],
}


def startup_times(repeats: int = 7) -> dict[str, float]:
    """Median wall time in milliseconds of each command, each started ``repeats`` times."""
    times: dict[str, float] = {}
    for name, args in COMMANDS.items():
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, capture_output=True)
            samples.append((time.perf_counter() - start) * 1000)
        times[name] = statistics.median(samples)
    return times


def report(times: dict[str, float]) -> str:
    """The start-up table as text, with each command's ratio to the bare interpreter."""
    floor = times["python -c pass (floor)"]
    lines = ["", "start-up (median wall ms, ratio to a bare interpreter start)"]
    lines += [f"  {name:<26} {ms:8.1f} ms  {ms / floor:5.1f}x" for name, ms in times.items()]
    return "\n".join(lines)
