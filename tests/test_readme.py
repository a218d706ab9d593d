"""The README starts with the two commands, and CI runs exactly the second one."""

from __future__ import annotations

import re

from conftest import REPO


def readme_commands() -> list[str]:
    """The shell commands of the README's first two ```sh blocks."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)[:2]]


def test_readme_opens_with_a_run_command_and_a_test_command() -> None:
    """The first block runs the main job on a built-in example; the second runs the tests."""
    run, test = readme_commands()
    assert "jobposting example" in run
    assert "tox run" in test
    head = (REPO / "README.md").read_text(encoding="utf-8").split("---", 1)[0]
    assert head.count("```sh") == 2, "the two commands come before anything else"


def test_ci_runs_the_readme_test_command_and_nothing_else() -> None:
    """.ci/run is the README's test command, so CI proves what users are told to run."""
    _, test = readme_commands()
    lines = [
        line
        for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "set ", "cd "))
    ]
    assert lines == [test]
