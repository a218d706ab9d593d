"""Safe XML: the classic attacks are refused with a clear error and leak nothing.

Each payload goes through the parser itself, both XML readers and ``jobposting validate``:
every one must fail with an error that says what was refused, must not contain the secret
file's content, and must not open a network connection.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import jobposting
from jobposting import xmlsafe
from jobposting.errors import ReadError

SECRET = "TOP-SECRET-7f3a9c"
HROPEN = 'xmlns:h="https://hropenstandards.org/schema/xml/"'
HRXML3 = 'xmlns="http://www.hr-xml.org/3"'


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A local TCP port that records whether anything connected to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    yield server
    server.close()


def payloads(secret: Path, port: int, root: str, namespace: str) -> dict[str, str]:
    url = f"http://127.0.0.1:{port}/evil.dtd"
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    return {
        "external entity (XXE)": (
            f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>\n'
            f"<{root} {namespace}>&x;</{root}>"
        ),
        "billion laughs": (
            f'<!DOCTYPE r [<!ENTITY l0 "ha">{laughs}]>\n<{root} {namespace}>&l8;</{root}>'
        ),
        "external DTD": f'<!DOCTYPE r SYSTEM "{url}">\n<{root} {namespace}/>',
        "parameter entities": (
            f'<!DOCTYPE r [<!ENTITY % p SYSTEM "file://{secret}"> %p;'
            f'<!ENTITY % q SYSTEM "{url}"> %q;]>\n<{root} {namespace}/>'
        ),
        "XInclude": (
            f'<{root} {namespace} xmlns:xi="http://www.w3.org/2001/XInclude">\n'
            f'<xi:include href="file://{secret}" parse="text"/></{root}>'
        ),
    }


CASES = [
    "external entity (XXE)",
    "billion laughs",
    "external DTD",
    "parameter entities",
    "XInclude",
]
MESSAGES = {
    "XInclude": "XInclude is not allowed",
}
DEFAULT = "document type declaration (<!DOCTYPE ...>) is not allowed"


def assert_no_connection(listener: socket.socket) -> None:
    with pytest.raises(BlockingIOError):
        listener.accept()


@pytest.mark.parametrize("case", CASES)
def test_parser_refuses_the_payload(case: str, secret_file: Path, listener: socket.socket) -> None:
    """xmlsafe.parse refuses each attack before anything is resolved."""
    payload = payloads(secret_file, listener.getsockname()[1], "h:PositionOpening", HROPEN)[case]
    with pytest.raises(xmlsafe.UnsafeXMLError) as caught:
        xmlsafe.parse(payload.encode())
    assert MESSAGES.get(case, DEFAULT) in str(caught.value)
    assert str(caught.value).startswith("line ")
    assert SECRET not in str(caught.value)
    assert_no_connection(listener)


@pytest.mark.parametrize("key", ["hropen", "hrxml3"])
@pytest.mark.parametrize("case", CASES)
def test_readers_refuse_the_payload(
    case: str, key: str, secret_file: Path, listener: socket.socket
) -> None:
    """Both XML readers turn each attack into an error record and read no file."""
    root, namespace = (
        ("h:PositionOpening", HROPEN) if key == "hropen" else ("PositionOpening", HRXML3)
    )
    payload = payloads(secret_file, listener.getsockname()[1], root, namespace)[case]
    (record,) = jobposting.records(payload, key)
    assert record.posting is None
    assert isinstance(record.error, ReadError)
    assert MESSAGES.get(case, DEFAULT) in str(record.error)
    assert SECRET not in str(record.error)
    assert_no_connection(listener)


@pytest.mark.parametrize("case", CASES)
def test_validate_command_refuses_the_payload(
    case: str, secret_file: Path, listener: socket.socket, tmp_path: Path
) -> None:
    """`jobposting validate` reports FILE:LINE: the refusal, exit 1, nothing leaked."""
    payload = payloads(secret_file, listener.getsockname()[1], "h:PositionOpening", HROPEN)[case]
    path = tmp_path / "evil.xml"
    path.write_text(payload, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "jobposting.cli", "validate", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stdout.startswith(f"{path}:")
    assert MESSAGES.get(case, DEFAULT) in done.stdout
    assert SECRET not in done.stdout + done.stderr
    assert_no_connection(listener)


def test_oversized_input_is_refused() -> None:
    """Inputs over the size bound are refused without being parsed."""
    with pytest.raises(xmlsafe.UnsafeXMLError, match="larger than the limit of 10"):
        xmlsafe.parse(b"<r>" + b"x" * 20 + b"</r>", max_bytes=10)


def test_utf16_doctype_is_refused_too() -> None:
    """The prolog scan also sees a DOCTYPE in a UTF-16 document."""
    document = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r SYSTEM "x.dtd"><r/>'
    with pytest.raises(xmlsafe.UnsafeXMLError, match="document type declaration"):
        xmlsafe.parse(document.encode("utf-16"))


def test_doctype_text_inside_cdata_is_content() -> None:
    """Only a real declaration in the prolog is refused; the same text as content is fine."""
    tree = xmlsafe.parse(b"<r><![CDATA[<!DOCTYPE html>]]>&amp;</r>")
    assert tree.getroot().text == "<!DOCTYPE html>&"


def test_undefined_entity_is_a_malformed_document_with_its_line() -> None:
    """Without a DTD an entity reference is simply not defined: a clear error with the line."""
    with pytest.raises(
        ReadError, match=r"^line 2, column \d+: malformed XML: Entity 'x' not defined"
    ):
        xmlsafe.parse(b"<r>\n&x;</r>")


def test_the_reused_parser_is_not_changed_by_an_error_and_is_one_per_thread() -> None:
    """parse() keeps one parser per thread: a malformed document leaves it as it was, and
    threads parsing at once each get their own."""
    with pytest.raises(ReadError, match="malformed XML"):
        xmlsafe.parse(b"<r>")
    assert xmlsafe.parse(b"<r>x</r>").getroot().text == "x"
    documents = [f"<r>{'<a/>' * (i % 7)}{i}</r>".encode() for i in range(200)]
    with ThreadPoolExecutor(4) as pool:
        texts = list(pool.map(lambda d: xmlsafe.parse(d).getroot().xpath("string()"), documents))
    assert texts == [str(i) for i in range(200)]
