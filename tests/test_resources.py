"""Shipped data is found in the installed package first and in the source checkout second."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from jobposting import _resources
from jobposting.errors import ResourceNotFoundError


def test_checkout_is_used_when_package_data_is_absent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An editable install has no jobposting/_data: the checkout's folders are found instead."""
    monkeypatch.setattr(_resources, "_PACKAGE_DIR", tmp_path / "pkg")
    monkeypatch.setattr(_resources, "_CHECKOUT_DIR", REPO)
    assert _resources.data_dir("schemas") == REPO / "schemas"
    assert _resources.data_dir("examples") == REPO / "tests" / "cases"


def test_package_data_wins_over_the_checkout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An installed wheel never reads the folder it happens to run next to."""
    (tmp_path / "pkg" / "_data" / "schemas").mkdir(parents=True)
    monkeypatch.setattr(_resources, "_PACKAGE_DIR", tmp_path / "pkg")
    monkeypatch.setattr(_resources, "_CHECKOUT_DIR", REPO)
    assert _resources.data_dir("schemas") == tmp_path / "pkg" / "_data" / "schemas"


def test_missing_data_names_both_places(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """When neither place has the folder, the error says where it looked."""
    monkeypatch.setattr(_resources, "_PACKAGE_DIR", tmp_path / "pkg")
    monkeypatch.setattr(_resources, "_CHECKOUT_DIR", tmp_path / "checkout")
    with pytest.raises(ResourceNotFoundError, match="neither the installed package"):
        _resources.data_dir("converters")


def test_unknown_data_folder_is_refused() -> None:
    """Only the declared folders can be asked for."""
    with pytest.raises(ResourceNotFoundError, match="no shipped data folder named 'tests'"):
        _resources.data_dir("tests")
