"""Canonical JSON: key names and order, absent values, dates, round trips and error messages."""

import datetime as dt
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from jobposting import schema as schema_module
from jobposting.codec import dump, dumps, from_dict, load, loads, to_dict
from jobposting.errors import InvalidPostingError, ReadError
from jobposting.model import (
    Compensation,
    DateOrDateTime,
    Organization,
    PayAppliesTo,
    PayPeriod,
    PayRange,
    Posting,
    WorkHours,
)
from jobposting.problems import Problem
from strategies import SCHEMA, postings

CASES = sorted((Path(__file__).parent / "cases").glob("*/posting.json"))
UTC = dt.UTC
MINIMAL = {"title": "Nurse", "hiringOrganization": {"name": "Clinic"}}


def _posting(**fields: Any) -> Posting:
    return Posting(title="Nurse", hiring_organization=Organization(name="Clinic"), **fields)


def _keys_out_of_schema_order(value: Any, schema: Mapping[str, Any], at: str = "") -> list[str]:
    """Return the JSON Pointers of objects whose keys are not in the schema's property order."""
    if "$ref" in schema:
        schema = SCHEMA["$defs"][schema["$ref"].removeprefix("#/$defs/")]
    found = []
    if isinstance(value, dict) and "properties" in schema:
        order = list(schema["properties"])
        if list(value) != sorted(value, key=order.index):
            found.append(at or "/")
        for key, item in value.items():
            found += _keys_out_of_schema_order(item, schema["properties"][key], f"{at}/{key}")
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += _keys_out_of_schema_order(item, schema["items"], f"{at}/{index}")
    return found


def test_keys_are_camel_case_wire_names_in_schema_order() -> None:
    """Attributes are written under their camelCase names, in the schema's property order,
    also when a required property follows optional ones."""
    pay = PayRange(
        currency="EUR",
        minimum=1,
        maximum=2,
        period=PayPeriod.MONTH,
        applies_to=PayAppliesTo(location_id="b"),
    )
    posting = _posting(id="7", compensation=Compensation(base_pay=(pay,)))
    assert to_dict(posting) == {
        "id": "7",
        "title": "Nurse",
        "hiringOrganization": {"name": "Clinic"},
        "compensation": {
            "basePay": [
                {
                    "currency": "EUR",
                    "minimum": 1,
                    "maximum": 2,
                    "period": "MONTH",
                    "appliesTo": {"locationId": "b"},
                }
            ]
        },
    }
    assert list(to_dict(posting)) == ["id", "title", "hiringOrganization", "compensation"]
    assert list(to_dict(posting)["compensation"]["basePay"][0])[:4] == [
        "currency",
        "minimum",
        "maximum",
        "period",
    ]


def test_absent_values_and_empty_lists_are_left_out() -> None:
    """None and () are not written: a minimal posting is just its required properties."""
    assert to_dict(_posting()) == MINIMAL
    assert to_dict(_posting(locations=(), department=None)) == MINIMAL


DATE_FORMS: list[tuple[DateOrDateTime, str]] = [
    (dt.date(2024, 3, 1), "2024-03-01"),
    (dt.datetime(2024, 3, 1, 9, 30, tzinfo=UTC), "2024-03-01T09:30:00Z"),
    (
        dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
        "2024-03-01T09:30:00+05:30",
    ),
    (
        dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=-3, minutes=-30))),
        "2024-03-01T09:30:00-03:30",
    ),
    (dt.datetime(2024, 3, 1, 9, 30, 5, 120, tzinfo=UTC), "2024-03-01T09:30:05.00012Z"),
    (dt.datetime(2024, 3, 1, 23, 59, 59, 999999, tzinfo=UTC), "2024-03-01T23:59:59.999999Z"),
]


@pytest.mark.parametrize(("value", "text"), DATE_FORMS, ids=[text for _, text in DATE_FORMS])
def test_dates_and_date_times_have_one_written_form(value: DateOrDateTime, text: str) -> None:
    """Dates are YYYY-MM-DD; date-times carry seconds, microseconds only when not zero, and
    Z for UTC or the +hh:mm offset; reading the text gives the same value and type back."""
    assert to_dict(_posting(date_posted=value))["datePosted"] == text
    read = from_dict({**MINIMAL, "datePosted": text}).date_posted
    assert (read, type(read)) == (value, type(value))
    if isinstance(value, dt.datetime):
        assert isinstance(read, dt.datetime)
        assert read.utcoffset() == value.utcoffset()


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("2024-03-01T09:30:00+00:00", "2024-03-01T09:30:00Z"),
        ("2024-03-01T09:30:00.500Z", "2024-03-01T09:30:00.5Z"),
        ("2024-03-01T09:30:00.000000Z", "2024-03-01T09:30:00Z"),
    ],
)
def test_date_times_are_read_leniently_and_written_canonically(text: str, written: str) -> None:
    """A +00:00 offset is written Z; fractions are written with six digits, or not at all."""
    assert to_dict(from_dict({**MINIMAL, "datePosted": text}))["datePosted"] == written


def test_a_date_time_without_offset_cannot_be_written() -> None:
    """A naive date-time is ambiguous, and the schema has no form for it."""
    with pytest.raises(ValueError, match=r"^date-time 2024-03-01T09:30:00 has no UTC offset$"):
        to_dict(_posting(date_posted=dt.datetime(2024, 3, 1, 9, 30)))


def test_numbers_keep_their_type() -> None:
    """Ints stay ints and floats stay floats (37.0 is not rewritten as 37)."""
    document = {**MINIMAL, "workHours": {"hoursPerWeek": 37.0}, "openings": 2}
    posting = from_dict(document)
    assert posting.work_hours == WorkHours(hours_per_week=37.0)
    assert type(posting.work_hours.hours_per_week) is float
    assert to_dict(posting) == document
    assert dumps(posting).count('"hoursPerWeek": 37.0') == 1


def test_an_integer_written_as_a_whole_float_is_read_as_an_int() -> None:
    """JSON Schema counts 3.0 as an integer, so integer fields accept it and hold 3."""
    assert from_dict({**MINIMAL, "openings": 3.0}).openings == 3
    assert type(from_dict({**MINIMAL, "openings": 3.0}).openings) is int


def test_extensions_pass_through_as_plain_json_and_are_not_shared() -> None:
    """Extension values come back as they went in, and are copies in both directions."""
    extensions = {"com.example.ats": {"score": [1, 2.5, None, True, "x"]}}
    posting = from_dict({**MINIMAL, "extensions": extensions})
    extensions["com.example.ats"]["score"].append("changed")
    assert posting.extensions == {"com.example.ats": {"score": [1, 2.5, None, True, "x"]}}
    written = to_dict(posting)
    written["extensions"]["com.example.ats"]["score"].clear()
    assert posting.extensions["com.example.ats"]["score"] == [1, 2.5, None, True, "x"]
    assert hash(posting) == hash(from_dict(to_dict(posting)))


@settings(max_examples=60, deadline=None)
@given(postings())
def test_postings_survive_dict_and_text_round_trips(posting: Posting) -> None:
    """Posting -> dict -> Posting and Posting -> canonical JSON -> validated Posting are
    identities, and every object's keys come in the schema's order."""
    document = to_dict(posting)
    assert _keys_out_of_schema_order(document, SCHEMA) == []
    assert from_dict(document) == posting
    assert loads(dumps(posting)) == posting


@pytest.mark.parametrize("path", CASES, ids=[path.parent.name for path in CASES])
def test_hand_written_cases_are_canonical_text(path: Path) -> None:
    """Each tests/cases/*/posting.json is already canonical: reading and writing it gives
    the same bytes."""
    text = path.read_text("utf-8")
    assert dumps(loads(text)) == text


def test_load_and_dump_use_files() -> None:
    """load reads text and binary files; dump writes the same text as dumps."""
    text = dumps(_posting(openings=1))
    assert load(io.StringIO(text)) == load(io.BytesIO(text.encode("utf-8"))) == _posting(openings=1)
    sink = io.StringIO()
    dump(_posting(openings=1), sink)
    assert sink.getvalue() == text


def test_text_is_written_unescaped_with_two_space_indent_and_final_newline() -> None:
    """Non-ASCII text is written as itself, not as \\u escapes."""
    text = dumps(
        Posting(
            title="Pflegefachkraft (m/w/d) 🚀", hiring_organization=Organization(name="Ärzte & Co")
        )
    )
    assert text == (
        "{\n"
        '  "title": "Pflegefachkraft (m/w/d) 🚀",\n'
        '  "hiringOrganization": {\n'
        '    "name": "Ärzte & Co"\n'
        "  }\n"
        "}\n"
    )


BAD_JSON = [
    ('{"title": "x",}', "line 1, column 15: Expecting property name enclosed in double quotes"),
    ('{"title": "x"\n "id": "1"}', "line 2, column 2: Expecting ',' delimiter"),
    ("", "line 1, column 1: Expecting value"),
    ("[]", "expected a JSON object (one posting), found a list"),
    ('"posting"', "expected a JSON object (one posting), found a string"),
    ('{"title": "a", "title": "b"}', "duplicate key 'title' in one JSON object (keep one)"),
    ('{"openings": NaN}', "NaN is not a JSON number"),
    (b'{"title": "\xff"}', "byte 11: not utf-8 text (invalid start byte)"),
]


@pytest.mark.parametrize(("data", "message"), BAD_JSON, ids=[m for _, m in BAD_JSON])
def test_unreadable_json_is_a_read_error_saying_where(data: str | bytes, message: str) -> None:
    """Syntax errors name line and column; a top level that is not one object is refused."""
    with pytest.raises(ReadError) as caught:
        loads(data)
    assert str(caught.value) == message


def test_structure_errors_name_every_failing_value_by_json_pointer() -> None:
    """from_dict reports each value the model cannot hold, with camelCase pointers."""
    document = {
        "title": 7,
        "hiringOrganization": {"name": "Clinic", "sameAs": "https://example.com", "size": 3},
        "department": None,
        "datePosted": "2024-03-01T09:30:00",
        "employmentTypes": ["FULL_TIME", "SOMETIMES"],
        "workHours": {"hoursPerWeek": True},
        "compensation": {"basePay": [{"currency": "EUR", "minimum": "40k"}]},
    }
    with pytest.raises(InvalidPostingError) as caught:
        from_dict(document)
    assert str(caught.value) == (
        "invalid posting:\n"
        "/title: must be a string, not an integer\n"
        "/department: must not be null (leave the property out when it is unknown)\n"
        "/hiringOrganization/sameAs: must be a list, not a string\n"
        "/hiringOrganization/size: is not a property of this object"
        " (keep unmodelled data under /extensions)\n"
        "/datePosted: '2024-03-01T09:30:00' is not a date (YYYY-MM-DD) or a date-time with"
        " an offset (YYYY-MM-DDThh:mm:ssZ or +hh:mm)\n"
        "/employmentTypes/1: 'SOMETIMES' is not one of FULL_TIME, PART_TIME, CONTRACTOR,"
        " TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER\n"
        "/workHours/hoursPerWeek: must be a number, not a boolean\n"
        "/compensation/basePay/0/minimum: must be a number, not a string\n"
        "/compensation/basePay/0/period: is required"
    )
    assert {problem.code for problem in caught.value.problems} == {"structure"}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({**MINIMAL, "openings": True}, "/openings: must be an integer, not a boolean"),
        ({**MINIMAL, "geo": 1}, "/geo: is not a property of this object"),
        (
            {**MINIMAL, "locations": [{"geo": {"latitude": False, "longitude": 0}}]},
            "/locations/0/geo/latitude: must be a number, not a boolean",
        ),
        ([], "/: must be an object, not a list"),
    ],
)
def test_booleans_are_not_numbers_and_shapes_are_checked(document: Any, message: str) -> None:
    """true and false are refused where a number is expected (Python counts bool as int)."""
    with pytest.raises(InvalidPostingError) as caught:
        from_dict(document)
    assert str(caught.value).startswith(message)


def test_loads_reports_the_problems_validation_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """With validate (the default) loads raises the schema's problems before structuring;
    validate=False skips the schema."""
    problem = Problem(pointer="/title", message="is too dull", code="test")
    monkeypatch.setattr(
        schema_module, "validate_document", lambda document, *, plain=False: [problem]
    )
    text = json.dumps(MINIMAL)
    with pytest.raises(InvalidPostingError) as caught:
        loads(text)
    assert caught.value.problems == (problem,)
    assert str(caught.value) == "/title: is too dull"
    assert loads(text, validate=False) == _posting()
