"""The format registry and format guessing."""

from __future__ import annotations

import pytest

from jobposting import formats
from jobposting.errors import UnknownFormatError


def test_registry_keys_are_project_format_keys() -> None:
    """Every registered key is one of the fixed project-wide tokens, in that order."""
    keys = list(formats.REGISTRY)
    assert keys == [key for key in formats.FORMAT_KEYS if key in formats.REGISTRY]
    assert all(entry.key == key for key, entry in formats.REGISTRY.items())


def test_unknown_key_lists_the_available_ones() -> None:
    """A key nobody defined is refused with the list of keys that work."""
    available = "json, jsonl, jsonld, hropen, hrxml3, html, text, markdown"
    with pytest.raises(
        UnknownFormatError, match=rf"^unknown format 'xml' \(available: {available}\)$"
    ):
        formats.get("xml")


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("posting.json", b'{\n  "title": "x"\n}\n', "json"),
        (None, b'{"title": "x"}\n', "json"),
        (None, b'{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        ("a.jsonl", b'{"title": "x"}\n', "jsonl"),
        ("page.json", b'{"@context": "https://schema.org", "@type": "JobPosting"}', "jsonld"),
        (None, b'[{"@type": "JobPosting"}]', "jsonld"),
        (None, b'<?xml version="1.0"?><hropen:PositionOpening xmlns:hropen="https://hropenstandards.org/schema/xml/">', "hropen"),
        ("x.xml", b'<PositionOpening xmlns="http://www.hr-xml.org/3">', "hrxml3"),
        (None, b'<?xml version="1.0"?>\n<PositionOpening xmlns="http://ns.hr-xml.org/2004-08-02">', "hrxml3"),
        ("x.xml", b'<?xml version="1.0"?>\n<!-- 2.x --><PositionOpening><PositionRecordInfo>', "hrxml3"),
        ("x.xml", b'<hr:ProcessPositionOpening xmlns:hr="urn:example">', "hrxml3"),
        ("x.xml", b'<?xml version="1.0"?><Other/>', "hropen"),
        (None, '<?xml version="1.0" encoding="UTF-16"?><PositionOpening xmlns="http://www.hr-xml.org/3">'.encode("utf-16"), "hrxml3"),
        (None, '{"title": "x"}'.encode("utf-16-be").join([b"\xfe\xff", b""]), "json"),
        (None, b"<!DOCTYPE html><html><body>", "html"),
        ("job.htm", b"<section>", "html"),
        ("job.txt", b"Lead engineer", "text"),
        ("job.md", b"# Lead engineer", "markdown"),
        (None, b"\xef\xbb\xbf{\"title\": \"x\"}", "json"),
        (None, b"Lead engineer\nCapital One", "text"),
    ],
)  # fmt: skip
def test_guess_by_content_then_suffix(name: str | None, head: bytes, expected: str) -> None:
    """Content decides where it is unambiguous; the suffix otherwise; text last."""
    assert formats.guess(name, head) == expected
