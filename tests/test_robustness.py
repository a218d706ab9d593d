"""Readers never crash on damaged input, and writers never crash on what readers give.

Real documents are truncated, hand-edited and mangled in transit. Each reader must turn any
bytes into records (a posting, or a typed error that says what is wrong), and each writer must
take any posting a reader produced, or refuse it with a typed error. These properties run the
cases' golden files and the real documents of tests/wild through byte-level damage and JSON
value changes (the seeds of the fuzzing that found the regressions in test_fuzz_regressions).
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CASES, REPO
from jobposting import api, formats
from jobposting.errors import JobPostingError
from jobposting.formats.base import ReadOptions, Record

SEEDS = sorted(CASES.glob("*/posting.*")) + sorted(
    path
    for path in (REPO / "tests" / "wild").rglob("*.*")
    if path.suffix in {".xml", ".html", ".json", ".jsonld", ".txt"}
    and not path.name.startswith(("LICENSE", "MANIFEST", "README"))
    and not path.name.endswith((".expected.json", ".expected-error.txt"))
)
READERS = {key: entry.reader for key, entry in formats.REGISTRY.items() if entry.reader}
WRITERS = [key for key, entry in formats.REGISTRY.items() if entry.writer]
SPECIAL = [b"<", b">", b"&", b"&#0;", b'"', b"\\ud800", b"\x00", b"\xff", b"]]>", b"<![", b"null",
           b"{}", b"[]", b"9" * 25, b"-0", b"1e999", b"</script>", b"<!--", b"\n"]  # fmt: skip


def _damaged(data: bytes, source: st.DataObject) -> bytes:
    draw = source.draw
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(buffer)))
        kind = draw(st.sampled_from(["cut", "flip", "delete", "insert"]))
        if kind == "cut":
            del buffer[at:]
        elif kind == "flip" and at < len(buffer):
            buffer[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del buffer[at : at + draw(st.integers(1, 200))]
        else:
            buffer[at:at] = draw(st.sampled_from(SPECIAL))
    return bytes(buffer)


def _records(key: str, data: bytes, validate: bool) -> list[Record]:
    reader = READERS[key]
    return list(reader(io.BytesIO(data), ReadOptions(validate=validate)))


def _write_every_way(records: list[Record]) -> None:
    for record in records:
        if record.posting is None:
            assert isinstance(record.error, JobPostingError)
            continue
        for key in WRITERS:
            # Refused with a reason is allowed (a posting read without validation).
            with contextlib.suppress(JobPostingError):
                api.write_to([record.posting], io.BytesIO(), key)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEEDS), st.data())
def test_every_reader_turns_damaged_bytes_into_records(seed: Path, data: st.DataObject) -> None:
    damaged = _damaged(seed.read_bytes(), data)
    for key in READERS:
        for validate in (True, False):
            _write_every_way(_records(key, damaged, validate))


JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**64), 2**64) | st.floats(allow_nan=False)
    | st.sampled_from(["", " ", "x", "2025-13-45", "2025-01-01", "USD", "HOUR", "FULL_TIME",
                       "mailto:a@b", "<b>x</b>", "a\x00b", "\u2028"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["name", "value", "code", "currency", "minimum", "maximum", "x"]),
        inner, max_size=3),
    max_leaves=6,
)  # fmt: skip


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(CASES.glob("*/posting.json"))), st.data())
def test_a_changed_value_is_read_and_written_or_refused(seed: Path, data: st.DataObject) -> None:
    """Canonical JSON with values of the wrong kind, read with and without validation."""
    document = json.loads(seed.read_text("utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(document)[1:]
        if not paths:
            break
        path = data.draw(st.sampled_from(paths))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and data.draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(JSON_VALUES)
    text = json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")
    for validate in (True, False):
        _write_every_way(_records("json", text, validate))
