"""One file per posting: safe names from posting ids, input folders mirrored, files written whole.

:class:`OutputDirectory` is where :func:`jobposting.batch.convert_many` puts its files;
:func:`atomic_open` is how every file of the command line is written (a temporary file beside
the target, renamed once complete), so that no reader and no Ctrl-C ever sees half a file.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, TextIO, overload

from jobposting.errors import WriteError

if TYPE_CHECKING:
    from jobposting.batch import Outcome

__all__ = ["OutputDirectory", "atomic_open", "write_atomically"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _file_stem(text: str) -> str:
    return _UNSAFE.sub("-", text).strip(".-")[:120]


class OutputDirectory:
    """Where :func:`convert_many` writes one file per posting.

    A posting read from ``IN/a/b.jsonl`` (directory argument ``IN``) goes to ``DIR/a/``, named
    by its ``id`` (made safe for file names) or, without one, by its input's name and place
    (``b-line-3``), with the target format's suffix. Names are never reused within a run
    (``-2``, ``-3``... are added), an input named on the command line is never overwritten, and
    every file is written to a temporary name and renamed, so that no reader (and no Ctrl-C)
    ever sees half a file. Files left from earlier runs are replaced.
    """

    def __init__(
        self, root: str | os.PathLike[str], suffix: str, inputs: Iterable[str | os.PathLike[str]]
    ) -> None:
        self.root = Path(root)
        self.suffix = suffix
        resolved_root = self.root.resolve()
        self._protected: set[Path] = set()
        for argument in inputs:
            text = os.fspath(argument)
            if text == "-":
                continue
            path = Path(text).resolve()
            if path.is_dir():
                if path == resolved_root or path in resolved_root.parents:
                    raise WriteError(
                        f"the output directory {os.fspath(root)!r} is inside the input directory"
                        f" {text!r}: its files would be read as inputs; choose another"
                    )
            else:
                self._protected.add(path)
        self._used: set[Path] = set()

    def path_for(self, outcome: Outcome) -> Path:
        """The file the outcome's posting goes to (a name not used yet in this run)."""
        posting_id = outcome.posting.id if outcome.posting is not None else None
        stem = _file_stem(posting_id or "")
        if not stem:
            place = outcome.where or (str(outcome.index + 1) if outcome.index else "")
            stem = _file_stem(f"{outcome.input.stem}-{place}" if place else outcome.input.stem)
        folder = self.root / outcome.input.folder
        path, number = folder / f"{stem}{self.suffix}", 1
        while path in self._used or (self._protected and path.resolve() in self._protected):
            number += 1
            path = folder / f"{stem}-{number}{self.suffix}"
        self._used.add(path)
        return path

    def write(self, outcome: Outcome) -> Path:
        """Write the outcome's data to its file, atomically; return the file."""
        assert outcome.data is not None
        path = self.path_for(outcome)
        write_atomically(path, outcome.data)
        return path


@overload
def atomic_open(
    path: Path, mode: Literal["wb"] = "wb"
) -> contextlib.AbstractContextManager[IO[bytes]]: ...
@overload
def atomic_open(path: Path, mode: Literal["w"]) -> contextlib.AbstractContextManager[TextIO]: ...


@contextlib.contextmanager  # type: ignore[misc]
def atomic_open(path: Path, mode: Literal["wb", "w"] = "wb") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` (text is UTF-8), renamed to ``path`` when closed.

    Readers see the old file or the whole new one, never a part; an error or an interruption
    inside the ``with`` removes the temporary file and leaves ``path`` as it was. A ``path``
    that exists but is no regular file (``/dev/null``, a named pipe, ``/dev/stdout``) is
    written to directly: renaming over it would replace the device or pipe with a file.
    """
    if path.exists() and not path.is_file():
        with path.open(mode, encoding=None if mode == "wb" else "utf-8") as file:
            yield file
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open(mode, encoding=None if mode == "wb" else "utf-8") as file:
            yield file
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through :func:`atomic_open`."""
    with atomic_open(path) as file:
        file.write(data)
