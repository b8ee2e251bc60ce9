"""The support form as a standalone page: ``python -m helpers.app`` (Voila) driven by headless
chromium through Playwright, against a temporary database of synthetic tickets/articles.

The browser: ``CHROMIUM`` (``make test-browser`` sets it to what ``make browser`` provisioned; set,
a browser that cannot be driven fails the test instead of skipping it), else Debian's
``/usr/bin/chromium`` or a chromium on PATH, else Playwright's own download.

Every request the page makes outside 127.0.0.1 is aborted and recorded; the test asserts there
was none. Screenshots go to ``artifacts/`` (gitignored).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_form import DUPLICATE_TEXT, NEW_TEXT, prepare

from tests.support.cli import subprocess_env
from tests.support.collections import release_lite
from tests.support.net import free_port

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
START_TIMEOUT = 90  # s, Voila up and answering
STEP_TIMEOUT = 90_000  # ms, per form round trip (the first one loads the model in the kernel)

REQUIRED = os.environ.get("CHROMIUM", "").strip()  # under make: fail, never skip


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"CHROMIUM={REQUIRED}: {reason}", pytrace=False)
    pytest.skip(f"{reason} (`make browser` provisions one)", allow_module_level=True)


try:
    from playwright import sync_api
except ImportError:
    _unavailable("the playwright Python package is missing (the [dev] extra)")


def find_chromium() -> Path | None:
    """CHROMIUM, else Debian's chromium or one on PATH, else Playwright's own; None if none."""
    if REQUIRED:
        return Path(REQUIRED) if os.access(REQUIRED, os.X_OK) else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return Path(candidate)
    with contextlib.suppress(Exception), sync_api.sync_playwright() as p:
        own = Path(p.chromium.executable_path)
        if os.access(own, os.X_OK):
            return own
    return None


CHROMIUM = find_chromium()
if CHROMIUM is None and REQUIRED:
    _unavailable("not an executable file")
if CHROMIUM is None:
    _unavailable("no chromium found (not /usr/bin/chromium, not on PATH, no Playwright download)")


def _wait_for_http(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the app exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=5) as resp:
            if resp.status == 200:
                return
        time.sleep(0.5)
    pytest.fail(f"the app did not answer within {START_TIMEOUT} s:\n{log.read_text()[-2000:]}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # Voila (the app execs it) stops its kernel on SIGTERM
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """The app serving the form against a temp database with synthetic data; yields its URL."""
    db_dir = tmp_path_factory.mktemp("browser")
    env = prepare(db_dir)
    port = free_port()
    log = db_dir / "app.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "helpers.app", "--port", str(port), "--no-browser"],
            env=subprocess_env(env),
            cwd=str(REPO),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for_http(url, proc, log)
        yield url
    finally:
        _stop(proc)
        release_lite(env["MILVUS_URL"])


@pytest.fixture()
def page(app_url):
    """A chromium page with a guard that aborts and records every non-loopback request."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 900})
            page.outside_requests = []

            def guard(route):
                url = route.request.url
                if url.startswith(LOCAL_PREFIXES):
                    route.continue_()
                else:
                    page.outside_requests.append(url)
                    route.abort()

            page.route("**/*", guard)
            yield page
        finally:
            browser.close()


def _submit(page, text: str, expect: str):
    page.locator(".widget-textarea textarea").fill(text)
    page.get_by_role("button", name="Submit").click()
    result = page.locator(".support-result")
    result.get_by_text(expect).first.wait_for(timeout=STEP_TIMEOUT)
    return result


def test_form_page_duplicate_submit_and_resubmit(page, app_url):
    page.goto(app_url, timeout=STEP_TIMEOUT)
    page.locator(".widget-textarea textarea").wait_for(timeout=STEP_TIMEOUT)
    # no code is shown, only the form
    assert "from helpers.form" not in page.content()
    assert page.locator(".widget-dropdown select").input_value() == "360033549136"  # the tutorial's
    assert page.locator(".widget-dropdown select option").first.inner_text() == "360033549136"

    # 1. a known duplicate: the tutorial's warning
    result = _submit(page, DUPLICATE_TEXT, "This case seems very similar to")
    text = result.inner_text()
    assert "This case seems very similar to Password reset email never arrives (id #101). " \
           "Make sure it has not been submitted before" in text
    assert "distance 0." in text

    # 2. a new problem: "Submitted!", filed, with article links (opening in a new tab)
    result = _submit(page, NEW_TEXT, "Submitted!")
    links = result.locator("a")
    assert links.count() >= 1
    assert links.first.get_attribute("href") == "https://help.example.com/hc/en-us/articles/204"
    assert links.first.get_attribute("target") == "_blank"
    assert "noopener" in (links.first.get_attribute("rel") or "")
    filed = result.locator(".support-filed").inner_text()
    assert "#9000000001" in filed
    page.get_by_text("Details: raw hits and distances").click()
    page.locator(".support-details-table").wait_for(timeout=10_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "form.png"), full_page=True)

    # 3. the same problem again: flagged as the ticket just filed
    result = _submit(page, NEW_TEXT, "(id #9000000001)")
    assert f"This case seems very similar to {NEW_TEXT} (id #9000000001)" in result.inner_text()
    assert page.get_by_role("button", name="Submit").is_enabled()
    page.screenshot(path=str(ARTIFACTS / "form-duplicate.png"), full_page=True)

    assert page.outside_requests == []


def test_empty_text_message_in_the_page(page, app_url):
    page.goto(app_url, timeout=STEP_TIMEOUT)
    page.locator(".widget-textarea textarea").wait_for(timeout=STEP_TIMEOUT)
    result = _submit(page, "   ", "Please describe your problem")
    assert "Traceback" not in result.inner_text()
    assert page.outside_requests == []
