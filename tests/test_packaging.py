"""The wheel ships schemas/, converters/ and the examples, and finds them once installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, case_dirs

hatchling_wheel = pytest.importorskip(
    "hatchling.builders.wheel", reason="hatchling (the build backend) is needed to build a wheel"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from this checkout with the project's own build backend."""
    out = tmp_path_factory.mktemp("dist")
    builder = hatchling_wheel.WheelBuilder(str(REPO))
    (built,) = builder.build(directory=str(out), versions=["standard"])
    return Path(built)


def test_wheel_contains_schema_converters_examples_and_typing_marker(wheel: Path) -> None:
    """Top-level data folders are force-included under jobposting/_data/."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "jobposting/py.typed",
        "jobposting/_data/schemas/jobposting.schema.json",
        "jobposting/_data/converters/README.md",
        *(f"jobposting/_data/examples/{case.name}/posting.json" for case in case_dirs()),
    }
    assert expected <= names, sorted(expected - names)
    assert case_dirs(), "no cases found to ship as examples"


def test_wheel_declares_the_console_script(wheel: Path) -> None:
    """Installing the wheel gives a `jobposting` command."""
    archive = zipfile.ZipFile(wheel)
    (entry_points,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "jobposting = jobposting.cli:main" in archive.read(entry_points).decode()


def test_installed_wheel_reads_its_own_data(wheel: Path, tmp_path: Path) -> None:
    """Imported from the unpacked wheel, the package finds the schema inside itself."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    script = (
        "import jobposting._resources as r; "
        "print(r.schema_path()); print(r.data_dir('converters')); "
        "print(len(r.example_names()))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env, cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    schema, converters, examples = done.stdout.splitlines()
    assert Path(schema) == site / "jobposting/_data/schemas/jobposting.schema.json"
    assert Path(converters) == site / "jobposting/_data/converters"
    assert int(examples) == len(case_dirs())
    assert Path(schema).read_bytes() == (REPO / "schemas/jobposting.schema.json").read_bytes()
