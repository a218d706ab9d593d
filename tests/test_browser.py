"""Every case's job page in a real browser: headless Chromium, driven over the DevTools protocol.

The browser is Debian's ``chromium``, started for a closed network and a fresh profile, and
driven through ``--remote-debugging-pipe`` (JSON messages ending in NUL on file descriptors 3
and 4), so no WebSocket client or browser download is needed. When Chromium is missing, a CI
run as root installs it with apt-get; elsewhere the tests skip and say why.

``python tests/test_browser.py`` rewrites the screenshots in docs/screenshots/.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import jobposting
from jobposting import codec
from jobposting.model import Posting

REPO = Path(__file__).resolve().parents[1]
CASES = sorted(p.parent for p in (REPO / "tests" / "cases").glob("*/posting.json"))
XSS_POSTING = REPO / "tests" / "xss" / "posting.json"
SCREENSHOTS = REPO / "docs" / "screenshots"
SCREENSHOT_CASE = "capital-one-lead-machine-learning-engineer"

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-pipe", "--mute-audio", "--hide-scrollbars",
)  # fmt: skip
TIMEOUT = 30.0

#: Reads what the test needs from the page once it has loaded and every timer had its turn.
PROBE = """
new Promise(done => setTimeout(() => {
  const shown = el => {
    if (!el) return false;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden"
      && style.display !== "none" && parseFloat(style.opacity) > 0;
  };
  const pay = document.querySelector('[data-jp="compensation"]');
  done(JSON.stringify({
    markers: Object.keys(window).filter(k => k.startsWith("__xss")).sort(),
    title: document.title,
    h1: shown(document.querySelector("h1")) ? document.querySelector("h1").innerText : null,
    payShown: shown(pay),
    payText: pay ? pay.innerText : null,
    scripts: [...document.scripts].map(s => s.type),
    bodyShown: shown(document.body),
    lang: document.documentElement.lang,
    unnamedLinks: [...document.links].filter(a => !a.innerText.trim()).map(a => a.href),
    headings: [...document.querySelectorAll("h1, h2")].map(h => h.tagName),
    overflowing: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    url: location.href,
  }));
}, 500))
"""


#: A javascript: link runs when clicked, so every link that leads nowhere on the web is clicked.
CLICK_UNSAFE_LINKS = """
for (const a of document.querySelectorAll("a[href]")) {
  if (!["http:", "https:", "mailto:", "tel:"].includes(a.protocol)) a.click();
}
"""


def find_chromium() -> str | None:
    """The Chromium executable, installing Debian's package in CI (as root with apt-get)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found or not os.environ.get("CI") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env, capture_output=True)
    subprocess.run(
        ["apt-get", "install", "-y", "chromium"], check=True, env=env, capture_output=True
    )
    return shutil.which("chromium")


def _high(fd: int) -> int:
    """A duplicate of ``fd`` numbered 10 or above (close-on-exec), closing the original."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """A headless Chromium and the DevTools messages exchanged with it over a pipe."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.TemporaryDirectory(prefix="jobposting-chromium-")
        # Above 4, so that moving them to 3 and 4 in the child never overwrites one with the other.
        commands_read, self._commands = (_high(fd) for fd in os.pipe())
        self._replies, replies_write = (_high(fd) for fd in os.pipe())

        def descriptors() -> None:  # in the child: Chromium reads fd 3 and writes fd 4
            os.dup2(commands_read, 3)
            os.dup2(replies_write, 4)

        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile.name}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=descriptors,  # noqa: PLW1509 - fds 3 and 4 must be set
        )  # fmt: skip
        os.close(commands_read)
        os.close(replies_write)
        self._next_id = 0
        self._buffer = b""
        self.events: list[dict[str, Any]] = []

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> Any:
        """Send one command and return its result; events seen meanwhile are kept."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        """Wait for the next event ``method`` (events already received count)."""
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while True:
            event = self._receive()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def _receive(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            ready, _, _ = select.select(
                [self._replies], [], [], max(0.0, deadline - time.monotonic())
            )
            chunk = os.read(self._replies, 1 << 16) if ready else b""
            if not chunk:
                raise RuntimeError("Chromium stopped answering over the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        result: dict[str, Any] = json.loads(message)
        return result

    @contextlib.contextmanager
    def page(self, url: str, width: int = 1280, height: int = 900) -> Iterator[str]:
        """Open ``url`` in a new tab of the given viewport; yield the DevTools session id."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        try:
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable", session=session)
            self.send(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
                session=session,
            )
            self.events.clear()
            self.send("Page.navigate", {"url": url}, session=session)
            self.wait_for("Page.loadEventFired")
            yield session
        finally:
            self.send("Target.closeTarget", {"targetId": target})

    def probe(self, session: str) -> dict[str, Any]:
        """Run PROBE in the page and return what it found."""
        result = self.send(
            "Runtime.evaluate", {"expression": PROBE, "awaitPromise": True, "returnByValue": True},
            session=session,
        )  # fmt: skip
        found: dict[str, Any] = json.loads(result["result"]["value"])
        return found

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors seen so far."""
        out = []
        for event in self.events:
            params = event.get("params", {})
            method = event.get("method")
            if method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "assert"}:
                out.append(
                    " ".join(
                        str(arg.get("value", arg.get("description"))) for arg in params["args"]
                    )
                )
            elif method == "Runtime.exceptionThrown":
                out.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                out.append(params["entry"].get("text", ""))
        return out

    def close(self) -> None:
        """Ask the browser to quit, then make sure it did."""
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._replies)
        self.profile.cleanup()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium: install Debian's chromium package (CI as root installs it)")
    started = Browser(executable)
    try:
        yield started
    finally:
        started.close()


def page_file(tmp_path: Path, posting: Posting, name: str = "posting.html") -> str:
    """Write the posting's job page (with its JSON-LD) and return its file: URL."""
    path = tmp_path / name
    path.write_text(jobposting.write(posting, "html"), encoding="utf-8")
    return path.as_uri()


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_page_renders_with_title_and_pay_visible(
    browser: Browser, case: Path, tmp_path: Path
) -> None:
    """The page loads without console errors; the title and (when stated) the pay are visible."""
    posting = jobposting.loads((case / "posting.json").read_text(encoding="utf-8"))
    with browser.page(page_file(tmp_path, posting)) as session:
        found = browser.probe(session)
    assert browser.errors() == []
    assert found["h1"] == posting.title
    assert found["title"].startswith(posting.title)
    assert found["scripts"] == ["application/ld+json"]
    assert found["lang"] == (posting.language or "en")
    assert found["unnamedLinks"] == []
    assert found["headings"][0] == "H1"
    assert "H1" not in found["headings"][1:]
    if posting.compensation and posting.compensation.base_pay:
        assert found["payShown"]
        assert posting.compensation.base_pay[0].currency in found["payText"]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_page_fits_a_phone_screen(browser: Browser, case: Path, tmp_path: Path) -> None:
    """At 320 px nothing is wider than the screen: no sideways scrolling on a small phone."""
    posting = jobposting.loads((case / "posting.json").read_text(encoding="utf-8"))
    with browser.page(page_file(tmp_path, posting), width=320, height=640) as session:
        found = browser.probe(session)
    assert not found["overflowing"]


def _unvalidated_payloads() -> Posting:
    """The XSS posting with raw markup where rich text goes: only a writer's sanitiser helps."""
    document = json.loads(XSS_POSTING.read_text(encoding="utf-8"))
    document["description"] = (
        "<p>before</p></script><script>top.__xss_raw_script=1</script>"
        '<img src=x onerror="top.__xss_raw_img=1"><svg><script>top.__xss_raw_svg=1</script></svg>'
        '<a href="javascript:top.__xss_raw_link=1" id="xss-link">click</a>'
        '<iframe srcdoc="<script>parent.__xss_raw_iframe=1</script>"></iframe>'
        "<style>body{display:none}</style><details open ontoggle=top.__xss_raw_toggle=1>"
        '<math><mtext><table><mglyph><style><img src=x onerror="top.__xss_raw_mxss=1">'
    )
    return codec.from_dict(document)


@pytest.mark.parametrize("which", ["valid", "unvalidated"])
def test_xss_payloads_run_no_script(browser: Browser, tmp_path: Path, which: str) -> None:
    """No payload sets its marker, the page stays visible, and the only script is JSON-LD."""
    posting = _unvalidated_payloads() if which == "unvalidated" else jobposting.loads(
        XSS_POSTING.read_text(encoding="utf-8")
    )  # fmt: skip
    with browser.page(page_file(tmp_path, posting)) as session:
        browser.send(
            "Runtime.evaluate",
            {"expression": CLICK_UNSAFE_LINKS},
            session=session,
        )
        found = browser.probe(session)
    assert found["markers"] == []
    assert found["bodyShown"]
    assert found["h1"] == posting.title
    assert found["scripts"] == ["application/ld+json"]
    assert found["url"].split("#")[0].endswith("/posting.html")  # nothing navigated away


def test_the_probe_sees_markers_that_payloads_set(browser: Browser, tmp_path: Path) -> None:
    """Control: on a page that is not sanitised, the same kinds of payload do set markers."""
    path = tmp_path / "posting.html"
    path.write_text(
        "<!DOCTYPE html><title>t</title><h1>t</h1><script>top.__xss_script=1</script>"
        '<img src="data:," onerror="top.__xss_img=1"><svg onload="top.__xss_svg=1"></svg>'
        '<a href="javascript:top.__xss_link=1">x</a>',
        encoding="utf-8",
    )
    with browser.page(path.as_uri()) as session:
        browser.send("Runtime.evaluate", {"expression": CLICK_UNSAFE_LINKS}, session=session)
        found = browser.probe(session)
    assert found["markers"] == ["__xss_img", "__xss_link", "__xss_script", "__xss_svg"]


#: Where the pay section is on the page, as a screenshot clip.
PAY_BOX = """
(() => {
  const box = document.querySelector('[data-jp="compensation"]').getBoundingClientRect();
  return JSON.stringify({x: 0, y: Math.floor(box.top + scrollY - 8),
                         width: document.documentElement.clientWidth,
                         height: Math.ceil(box.height + 16)});
})()
"""


def take_screenshots(browser: Browser, out: Path) -> list[Path]:
    """Phone and desktop screenshots of one case's page (the top, and the pay table)."""
    posting = jobposting.loads(
        (REPO / "tests/cases" / SCREENSHOT_CASE / "posting.json").read_text()
    )
    with tempfile.TemporaryDirectory() as folder:
        url = page_file(Path(folder), posting)
        shots = []
        for name, width, height in (("phone", 390, 844), ("desktop", 1280, 900)):
            with browser.page(url, width, height) as session:
                data = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
                path = out / f"html-{name}.png"
                path.write_bytes(base64.b64decode(data["data"]))
                shots.append(path)
                measure = {"expression": PAY_BOX, "returnByValue": True}
                box = browser.send("Runtime.evaluate", measure, session=session)["result"]["value"]
                shot = {"format": "png", "clip": {**json.loads(box), "scale": 1},
                        "captureBeyondViewport": True}  # fmt: skip
                data = browser.send("Page.captureScreenshot", shot, session=session)
                path = out / f"html-pay-{name}.png"
                path.write_bytes(base64.b64decode(data["data"]))
                shots.append(path)
    return shots


@pytest.mark.skipif(not SCREENSHOTS.is_dir(), reason="docs/screenshots/ is not in this checkout")
def test_screenshots_are_pngs_of_a_phone_and_a_desktop() -> None:
    """The documented screenshots exist: PNG images 390 and 1280 pixels wide."""
    for name, width in (("phone", 390), ("desktop", 1280)):
        data = (SCREENSHOTS / f"html-{name}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == width


if __name__ == "__main__":
    executable = find_chromium()
    if executable is None:
        sys.exit("no Chromium found")
    running = Browser(executable)
    try:
        for shot in take_screenshots(running, SCREENSHOTS):
            print(shot.relative_to(REPO))
    finally:
        running.close()
