"""jobposting.validate: schema problems and cross-field rules, with pointers, messages and codes."""

from __future__ import annotations

import json
from typing import Any

import pytest

import jobposting
from conftest import case_dirs
from jobposting.problems import Problem


def minimal(**extra: Any) -> dict[str, Any]:
    """The smallest valid posting, plus ``extra`` properties."""
    return {"title": "Nurse", "hiringOrganization": {"name": "Clinic"}, **extra}


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_every_case_is_valid(case: Any) -> None:
    """The hand-curated cases have no problems, as text, as a document and as a Posting."""
    text = (case / "posting.json").read_text(encoding="utf-8")
    assert jobposting.validate(text) == []
    assert jobposting.validate(json.loads(text)) == []
    assert jobposting.validate(jobposting.loads(text)) == []


def test_minimal_posting_is_valid() -> None:
    """Title and hiring organization name are all that is required."""
    assert jobposting.validate(minimal()) == []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param(
            {"compensation": {"basePay": [{"currency": "USD", "period": "YEAR", "minimum": 9, "maximum": 5}]}},
            Problem(pointer="/compensation/basePay/0", message="minimum 9 is greater than maximum 5", code="pay-range-min-exceeds-max"),
            id="min-exceeds-max",
        ),
        pytest.param(
            {"compensation": {"incentives": [{"type": "BONUS", "amount": {"currency": "USD", "minimum": 900, "maximum": 500}}]}},
            Problem(pointer="/compensation/incentives/0/amount", message="minimum 900 is greater than maximum 500", code="incentive-min-exceeds-max"),
            id="incentive-amount-min-exceeds-max",
        ),
        pytest.param(
            {"compensation": {"incentives": [{"type": "BONUS", "percentOfBasePay": {"minimum": 20, "maximum": 10.5}}]}},
            Problem(pointer="/compensation/incentives/0/percentOfBasePay", message="minimum 20 is greater than maximum 10.5", code="incentive-min-exceeds-max"),
            id="incentive-percentage-min-exceeds-max",
        ),
        pytest.param(
            {"compensation": {"incentives": [{"type": "SIGN_ON_BONUS", "amount": {"currency": "USD", "period": "YEAR"}}]}},
            Problem(pointer="/compensation/incentives/0/amount", message="needs at least one of minimum, maximum, value", code="schema.anyOf"),
            id="incentive-amount-without-figure",
        ),
        pytest.param(
            {"compensation": {"incentives": [{"type": "BONUS", "percentOfBasePay": {"value": 15, "maximum": 20}}]}},
            Problem(pointer="/compensation/incentives/0/percentOfBasePay", message="gives a single value together with a minimum or maximum; use one or the other", code="schema.not"),
            id="incentive-percentage-value-and-maximum",
        ),
        pytest.param(
            {"compensation": {"incentives": [{"type": "BONUS", "amount": {"value": 250}}]}},
            Problem(pointer="/compensation/incentives/0/amount/currency", message="is required", code="schema.required"),
            id="incentive-amount-without-currency",
        ),
        pytest.param(
            {"datePosted": "2025-10-21", "validThrough": "2025-10-20T23:59:59Z"},
            Problem(pointer="/validThrough", message="validThrough 2025-10-20T23:59:59Z is before datePosted 2025-10-21", code="valid-through-before-date-posted"),
            id="valid-through-before-posted",
        ),
        pytest.param(
            {"locations": [{"id": "a", "locality": "X"}], "compensation": {"basePay": [{"currency": "USD", "period": "YEAR", "value": 5, "appliesTo": {"locationId": "b"}}]}},
            Problem(pointer="/compensation/basePay/0/appliesTo/locationId", message="'b' names no location of this posting (location ids: a)", code="unknown-location-reference"),
            id="unknown-location",
        ),
        pytest.param(
            {"locations": [{"id": "a", "locality": "X"}, {"id": "a", "locality": "Y"}]},
            Problem(pointer="/locations/1/id", message="duplicate location id 'a' (first used at /locations/0/id)", code="duplicate-location-id"),
            id="duplicate-location-id",
        ),
        pytest.param(
            {"description": '<p onclick="x()">Hi</p>'},
            Problem(pointer="/description", message="attribute 'onclick' on <p> is not allowed in rich text", code="rich-text-markup"),
            id="event-handler",
        ),
        pytest.param(
            {"sections": [{"heading": "H", "content": '<a href="javascript:alert(1)">x</a>'}]},
            Problem(pointer="/sections/0/content", message="link 'javascript:alert(1)' on <a> must be an http, https, mailto or tel URL", code="rich-text-markup"),
            id="javascript-url",
        ),
        pytest.param(
            {"description": "<script>alert(1)</script>"},
            Problem(pointer="/description", message="element <script> is not allowed in rich text", code="rich-text-markup"),
            id="script",
        ),
        pytest.param(
            {"datePosted": "2025-10-21T09:00"},
            Problem(pointer="/datePosted", message="'2025-10-21T09:00' is not a valid ISO 8601 date or date-time with offset", code="schema.anyOf"),
            id="date-time-without-offset",
        ),
        pytest.param(
            {"datePosted": "2025-02-30"},
            Problem(pointer="/datePosted", message="'2025-02-30' is not a valid ISO 8601 date or date-time with offset", code="schema.anyOf"),
            id="impossible-date",
        ),
        pytest.param(
            {"locations": [{"country": "USA"}]},
            Problem(pointer="/locations/0/country", message="'USA' is not a valid ISO 3166-1 alpha-2 country code", code="schema.enum"),
            id="alpha-3-country",
        ),
        pytest.param(
            {"language": "en_US"},
            Problem(pointer="/language", message="'en_US' is not a valid BCP 47 language tag", code="schema.pattern"),
            id="language-underscore",
        ),
        pytest.param(
            {"openings": "3"},
            Problem(pointer="/openings", message="must be an integer, not a string", code="schema.type"),
            id="number-as-string",
        ),
        pytest.param(
            {"compensation": {"basePay": [{"currency": "USD", "period": "YEAR"}]}},
            Problem(pointer="/compensation/basePay/0", message="needs at least one of minimum, maximum, value", code="schema.anyOf"),
            id="pay-without-amount",
        ),
        pytest.param(
            {"compensation": {"basePay": [{"currency": "USD", "period": "YEAR", "value": 5, "minimum": 4}]}},
            Problem(pointer="/compensation/basePay/0", message="gives a single value together with a minimum or maximum; use one or the other", code="schema.not"),
            id="value-and-minimum",
        ),
        pytest.param(
            {"salary": 5},
            Problem(pointer="/salary", message="is not a property of this object (keep unmodelled data under /extensions)", code="schema.additionalProperties"),
            id="unknown-property",
        ),
        pytest.param(
            {"skills": []},
            Problem(pointer="/skills", message="must not be an empty list (leave the property out when it is unknown)", code="schema.minItems"),
            id="empty-list",
        ),
        pytest.param(
            {"application": {"email": "mailto:jobs@example.com"}},
            Problem(pointer="/application/email", message="'mailto:jobs@example.com' is not a valid e-mail address", code="schema.pattern"),
            id="email-with-scheme",
        ),
        pytest.param(
            {"url": "www.example.com/jobs"},
            Problem(pointer="/url", message="'www.example.com/jobs' is not a valid absolute URL", code="schema.format"),
            id="url-without-scheme",
        ),
        pytest.param(
            {"compensation": {"payScale": {"step": "3", "text": "Nach Tarif"}}},
            Problem(pointer="/compensation/payScale", message="needs at least one of agreement, grade", code="schema.anyOf"),
            id="pay-scale-without-agreement-or-grade",
        ),
        pytest.param(
            {"educationRequirements": [{"levels": ["BACHELOR_DEGREE"], "requirement": "REQUIRED", "relatedFieldsAccepted": True}]},
            Problem(pointer="/educationRequirements/0/fieldsOfStudy", message="is required when relatedFieldsAccepted is given", code="schema.dependentRequired"),
            id="related-fields-without-fields",
        ),
        pytest.param(
            {"skills": [{"name": "Java", "alternativeGroup": "jvm"}, {"name": "SQL"}]},
            Problem(pointer="/skills/0/alternativeGroup", message="alternative group 'jvm' has no other entry in skills (alternatives need two or more)", code="alternative-group-alone"),
            id="alternative-group-alone",
        ),
        pytest.param(
            {"languageRequirements": [{"language": "de", "requirement": "REQUIRED", "alternativeGroup": "de-or-nl"}, {"language": "nl", "requirement": "PREFERRED", "alternativeGroup": "de-or-nl"}]},
            Problem(pointer="/languageRequirements/1", message="has requirement PREFERRED but /languageRequirements/0 in the same alternative group 'de-or-nl' has requirement REQUIRED", code="alternative-group-mixed-requirement"),
            id="alternative-group-mixed-requirement",
        ),
        pytest.param(
            {"skills": [{"name": "Java", "requirement": "REQUIRED", "alternativeGroup": "jvm"}, {"name": "Kotlin", "alternativeGroup": "jvm"}]},
            Problem(pointer="/skills/1", message="has no requirement but /skills/0 in the same alternative group 'jvm' has requirement REQUIRED", code="alternative-group-mixed-requirement"),
            id="alternative-group-requirement-missing",
        ),
        pytest.param(
            {"credentials": [{"kind": "LICENCE", "name": "Forklift licence", "requirement": "REQUIRED"}]},
            Problem(pointer="/credentials/0/kind", message="'LICENCE' is not a valid credential kind (expected one of LICENSE, REGISTRATION, CERTIFICATION)", code="schema.enum"),
            id="credential-kind-spelling",
        ),
        pytest.param(
            {"credentials": [{"kind": "LICENSE", "name": "Counterbalance truck licence", "requirement": "PREFERRED", "alternativeGroup": "flt"}]},
            Problem(pointer="/credentials/0/alternativeGroup", message="alternative group 'flt' has no other entry in credentials (alternatives need two or more)", code="alternative-group-alone"),
            id="credential-alternative-alone",
        ),
    ],
)  # fmt: skip
def test_problem_pointer_message_and_code(extra: dict[str, Any], expected: Problem) -> None:
    """Each broken rule gives exactly one problem, word for word."""
    assert jobposting.validate(minimal(**extra)) == [expected]


def test_an_alternative_group_key_is_a_token() -> None:
    """A key with a space breaks the pattern at each entry that carries it."""
    group = {"alternativeGroup": "jvm language"}
    skills = [{"name": "Java", **group}, {"name": "Kotlin", **group}]
    message = "'jvm language' is not a valid alternative group key"
    assert jobposting.validate(minimal(skills=skills)) == [
        Problem(pointer="/skills/0/alternativeGroup", message=message, code="schema.pattern"),
        Problem(pointer="/skills/1/alternativeGroup", message=message, code="schema.pattern"),
    ]


def test_broken_json_text_is_one_syntax_problem() -> None:
    """Text that is not JSON gives one problem with code json.syntax."""
    assert jobposting.validate('{"title": ') == [
        Problem(
            pointer="",
            message="line 1, column 11: invalid JSON: Expecting value",
            code="json.syntax",
        )
    ]


def test_problems_are_sorted_by_pointer() -> None:
    """Several problems come back in pointer order, whatever order they were found in."""
    problems = jobposting.validate(
        {"title": "", "hiringOrganization": {"name": "X"}, "openings": 0}
    )
    assert [p.pointer for p in problems] == ["/openings", "/title"]


@pytest.mark.parametrize("case", case_dirs(), ids=lambda p: p.name)
def test_plain_documents_skip_the_type_walk_with_the_same_problems(case: Any) -> None:
    """validate_document(plain=True) (documents json.loads made) finds exactly the same problems."""
    from jobposting.schema import validate_document

    document = json.loads((case / "posting.json").read_text(encoding="utf-8"))
    broken = {**document, "datePosted": "yesterday", "salary": 5, "title": ""}
    for value in (document, broken, json.loads('{"title": NaN}')):
        assert validate_document(value, plain=True) == validate_document(value)
