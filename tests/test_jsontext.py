"""jsontext.indented writes exactly what json.dumps(indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import case_dirs
from jobposting import codec, jsontext

needs_orjson = pytest.mark.skipif(
    importlib.util.find_spec("orjson") is None,
    reason="orjson is not installed (extra 'fast'); json.dumps writes everything",
)

_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.floats(min_value=-1e-3, max_value=1e-3)
    | st.sampled_from([1e16, 1e-5, 123456789012345678.0, -0.0, 5e-324, 0.0001, 1e15])
    | st.sampled_from([1.5e300, 1.7976931348623157e308, -2.5e17, 9.999e-5, -1e-4, 2.5e-7])
    | st.floats(min_value=1e-4, max_value=1e308)
    | st.text()
    | st.text(alphabet=st.characters(codec="utf-8", max_codepoint=0x7F))
    | st.sampled_from(
        ["\u2028\u2029\x7f\x00\x1f", "0.00001", "3e5", "null", "\ud800", "0e-e65a", "e-mail 2e-x"]
    )
)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def _outcome(write: Any, value: Any) -> tuple[str, str]:
    try:
        return ("text", write(value))
    except Exception as exc:  # the exception type and words are compared
        return (type(exc).__name__, str(exc))


@needs_orjson
def test_the_fast_path_is_in_use_when_orjson_is_installed() -> None:
    assert jsontext.FAST


@needs_orjson
@settings(max_examples=600)
@given(_values)
def test_indented_equals_json_dumps(value: Any) -> None:
    assert _outcome(jsontext.indented, value) == _outcome(jsontext.slow, value)


@needs_orjson
@settings(max_examples=600)
@given(_values)
def test_compact_bytes_equal_json_dumps(value: Any) -> None:
    assert _outcome(jsontext.compact_bytes, value) == _outcome(jsontext.slow_compact_bytes, value)


@needs_orjson
@pytest.mark.parametrize(
    "value",
    [math.nan, math.inf, -math.inf, {"a": [math.nan]}, {1: "x"}, dt.date(2026, 1, 1), 2**64],
    ids=["nan", "inf", "-inf", "nested-nan", "int-key", "date", "big-int"],
)
def test_what_json_refuses_or_orjson_writes_differently_goes_to_json(value: Any) -> None:
    assert _outcome(jsontext.indented, value) == _outcome(jsontext.slow, value)
    assert _outcome(jsontext.compact_bytes, value) == _outcome(jsontext.slow_compact_bytes, value)


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_every_case_is_written_as_json_writes_it(case: Any) -> None:
    posting = codec.loads((case / "posting.json").read_bytes())
    document = codec.to_dict(posting)
    assert codec.dumps(posting) == json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@needs_orjson
def test_floats_from_1e_minus_4_up_take_the_fast_path() -> None:
    """From 1e-4 up (exponents included) orjson writes json's digits: no rewrite needed."""
    import orjson

    values = [m * 10.0**e for e in range(-4, 308) for m in (1.0, 1.5, 9.999, 2.2250738585072014)]
    for value in [*values, *(-v for v in values)]:
        data = orjson.dumps(value, option=orjson.OPT_INDENT_2)
        assert not jsontext._may_differ(data)
        assert data.decode() == jsontext.slow(value)
