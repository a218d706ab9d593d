"""The hooks of .pre-commit-hooks.yaml, run by the real `pre-commit` in a fresh git repository.

pre-commit builds a `language: python` hook's environment by pip-installing the hook repository,
which needs the package index. To run offline, the test declares each hook of
.pre-commit-hooks.yaml as a `repo: local` hook with `language: system` (same id, entry and files),
so pre-commit runs the `jobposting` installed beside this interpreter (docs/ci.md shows both).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO
from jobposting.batch import PROFILES

HOOKS: list[dict[str, Any]] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
#: Valid for every profile (Google too: its warnings do not fail a commit).
VALID = REPO / "tests/cases/hybrid-multi-location-product-designer/posting.json"


def hook_ids() -> list[Any]:
    """Every hook, skipped (with the reason) when it needs a profile this version lacks."""
    params = []
    for hook in HOOKS:
        words = hook["entry"].split()
        profile = words[words.index("--profile") + 1] if "--profile" in words else "canonical"
        marks = []
        if profile not in PROFILES:
            marks.append(pytest.mark.skip(reason=f"profile {profile!r} is not available yet"))
        params.append(pytest.param(hook, id=hook["id"], marks=marks))
    return params


def git(repository: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run git in ``repository`` with a clean identity and no user or system configuration."""
    return subprocess.run(
        ["git", *args], cwd=repository, capture_output=True, text=True, check=False, env=ENV
    )


#: A environment without the user's git and pre-commit state, and with `jobposting` on PATH.
ENV = {
    **os.environ,
    "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A fresh git repository with pre-commit installed and its cache inside the test folder."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    ENV["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-cache")
    repository = tmp_path / "repo"
    repository.mkdir()
    assert git(repository, "init", "-q", "-b", "main").returncode == 0
    return repository


def install(repository: Path, hook: dict[str, Any]) -> None:
    """Configure ``hook`` as a local system hook and install pre-commit's git hook."""
    local = {
        "id": hook["id"],
        "name": hook["name"],
        "entry": hook["entry"],
        "files": hook["files"],
        "language": "system",
    }
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    (repository / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git(repository, "add", ".pre-commit-config.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repository, capture_output=True, text=True, check=False, env=ENV,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("hook", hook_ids())
def test_hook_passes_a_valid_posting_and_blocks_an_invalid_one(
    repository: Path, hook: dict[str, Any]
) -> None:
    """A valid posting commits; a commit adding an invalid one fails, naming file and problem."""
    install(repository, hook)
    postings = repository / "postings"
    postings.mkdir()
    shutil.copy(VALID, postings / "nurse.json")
    git(repository, "add", ".")
    done = git(repository, "commit", "-q", "-m", "a valid posting")
    assert done.returncode == 0, done.stdout + done.stderr

    document = json.loads(VALID.read_text(encoding="utf-8"))
    document["title"] = ""
    (postings / "broken.json").write_text(json.dumps(document, indent=2), encoding="utf-8")
    git(repository, "add", ".")
    done = git(repository, "commit", "-q", "-m", "an invalid posting")
    assert done.returncode != 0
    assert "postings/broken.json: /title: must not be empty" in done.stdout + done.stderr
    assert git(repository, "log", "--format=%s").stdout.splitlines() == ["a valid posting"]


def test_hooks_cover_every_readable_suffix() -> None:
    """Each hook's `files` pattern takes every suffix a registered format reads."""
    import re

    from jobposting import formats

    suffixes = {s for f in formats.REGISTRY.values() if f.reads for s in f.suffixes}
    for hook in HOOKS:
        assert hook["language"] == "python"
        assert hook["entry"].startswith("jobposting validate")
        missed = [s for s in sorted(suffixes) if not re.search(hook["files"], f"postings/a{s}")]
        assert missed == [], hook["id"]
