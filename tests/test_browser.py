"""The support form as a standalone page: ``python -m helpers.app`` (Voila) driven by headless
chromium through Playwright, against a temporary database of synthetic tickets/articles.

The browser: ``CHROMIUM`` (``make test-browser`` sets it to what ``make browser`` provisioned; set,
a browser that cannot be driven fails the test instead of skipping it), else Debian's
``/usr/bin/chromium`` or a chromium on PATH, else Playwright's own download.

Every request the page makes outside 127.0.0.1 is aborted and recorded; the test asserts there
was none. The form is photographed in four states (the empty form, the duplicate warning,
"Submitted!" with articles, the details panel opened): an element screenshot of the form at a fixed
viewport, taken once the answer is rendered. The synthetic run writes them to ``artifacts/``
(gitignored). With ``SCREENSHOTS_DIR`` set (``make screenshots``: ``docs/img``) one more test syncs
the shipped ``data/zendesk`` into a temp database, submits two holdout requests of
``data/labels/queries.jsonl`` with the shipped thresholds, and writes the pictures a learner sees
there: ``form_empty.png``, ``form_duplicate.png``, ``form_submitted.png``, ``form_details.png``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers.settings import load_settings
from tests.support.cli import subprocess_env
from tests.support.collections import release_lite
from tests.support.form_data import DUPLICATE_TEXT, NEW_TEXT, prepare
from tests.support.net import free_port

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "artifacts"
SHIPPED_DATA = REPO / "data" / "zendesk"
QUERIES = REPO / "data" / "labels" / "queries.jsonl"
# holdout requests for the pictures: one with an open duplicate in its organisation, one without
SHOT_DUPLICATE, SHOT_NEW = "q103", "q041"
VIEWPORT = {"width": 1000, "height": 900}
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


@contextlib.contextmanager
def _serving(env: dict[str, str], db_dir: Path):
    """``python -m helpers.app`` with ``env`` on a free port; yields its URL, then stops it."""
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


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """The app serving the form against a temp database with synthetic data; yields its URL."""
    db_dir = tmp_path_factory.mktemp("browser")
    env = prepare(db_dir)
    with _serving(env, db_dir) as url:
        yield url


def screenshots_dir() -> Path | None:
    """``SCREENSHOTS_DIR`` (relative to the checkout), or None when unset."""
    raw = os.environ.get("SCREENSHOTS_DIR", "").strip()
    return (REPO / raw).resolve() if raw else None


@pytest.fixture(scope="module")
def shipped_app_url(tmp_path_factory):
    """The app against the shipped data/zendesk, synced into a temp Lite database (own data dir,
    so the shipped thresholds and a fresh embedding cache: what a learner's first run has)."""
    if screenshots_dir() is None:
        pytest.skip("set SCREENSHOTS_DIR (make screenshots) to photograph the form on the shipped data")
    from helpers.sync import run_sync

    db_dir = tmp_path_factory.mktemp("shipped")
    env = {"HELPERS_DATA_DIR": str(db_dir), "MILVUS_URL": str(db_dir / "zendesk.db")}
    try:
        run_sync(SHIPPED_DATA, load_settings(env), show_progress=False)
    except BaseException:
        release_lite(env["MILVUS_URL"])
        raise
    with _serving(env, db_dir) as url:
        yield url


@contextlib.contextmanager
def _guarded_page():
    """A chromium page (fixed viewport) with a guard that aborts and records every non-loopback
    request in ``page.outside_requests``."""
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
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


@pytest.fixture()
def page(app_url):
    """A guarded chromium page for the app on synthetic data."""
    with _guarded_page() as page:
        yield page


def _open(page, url: str) -> None:
    page.goto(url, timeout=STEP_TIMEOUT)
    page.locator(".widget-textarea textarea").wait_for(timeout=STEP_TIMEOUT)
    page.get_by_role("button", name="Submit").wait_for(timeout=STEP_TIMEOUT)


def _submit(page, text: str, expect: str, org: int | None = None):
    if org is not None:
        page.locator(".widget-dropdown select").select_option(label=str(org))
    page.locator(".widget-textarea textarea").fill(text)
    page.get_by_role("button", name="Submit").click()
    result = page.locator(".support-result")
    result.get_by_text(expect).first.wait_for(timeout=STEP_TIMEOUT)
    # the kernel resets the button after the result: wait for it, so no picture shows "Working…"
    sync_api.expect(page.get_by_role("button", name="Submit")).to_be_enabled(timeout=STEP_TIMEOUT)
    return result


def _open_details(page) -> None:
    page.get_by_text("Details: raw hits and distances").click()
    page.locator(".support-details-table").wait_for(timeout=10_000)


def _finish(path: Path, margin: int = 8) -> None:
    """With Pillow (the [notebook] extra): a white margin around the crop, re-saved optimised."""
    try:
        from PIL import Image, ImageOps
    except ImportError:
        return
    with Image.open(path) as image:
        framed = ImageOps.expand(image.convert("RGB"), border=margin, fill="white")
    framed.save(path, optimize=True)


def _shoot(page, directory: Path, name: str) -> Path:
    """An element screenshot of the form (fonts loaded, pointer and caret out of the way)."""
    directory.mkdir(parents=True, exist_ok=True)
    page.mouse.move(0, 0)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    assert page.locator(".support-working").count() == 0  # never a picture of "Working…"
    path = directory / f"{name}.png"
    form = page.locator(".support-form")
    form.scroll_into_view_if_needed()
    box = form.bounding_box()
    assert box is not None and box["height"] > 0
    bottom = int(box["y"] + box["height"]) + 16
    # Voila's page scrolls in an inner box: what lies below the viewport would come out blank, so
    # a form taller than the viewport (the details opened) gets a taller one (same width)
    if bottom > VIEWPORT["height"]:
        page.set_viewport_size({"width": VIEWPORT["width"], "height": bottom})
    try:
        form.screenshot(path=str(path), animations="disabled", caret="hide")
    finally:
        page.set_viewport_size(VIEWPORT)
    assert path.stat().st_size > 0
    _finish(path)
    return path


def test_form_page_duplicate_submit_and_resubmit(page, app_url):
    _open(page, app_url)
    # no code is shown, only the form
    assert "from helpers.form" not in page.content()
    assert page.locator(".widget-dropdown select").input_value() == "360033549136"  # the tutorial's
    assert page.locator(".widget-dropdown select option").first.inner_text() == "360033549136"
    _shoot(page, ARTIFACTS, "form_empty")

    # 1. a known duplicate: the tutorial's warning
    result = _submit(page, DUPLICATE_TEXT, "This case seems very similar to")
    text = result.inner_text()
    assert "This case seems very similar to Password reset email never arrives (id #101). " \
           "Make sure it has not been submitted before" in text
    assert "distance 0." in text
    _shoot(page, ARTIFACTS, "form_duplicate")

    # 2. a new problem: "Submitted!", filed, with article links (opening in a new tab)
    result = _submit(page, NEW_TEXT, "Submitted!")
    links = result.locator("a")
    assert links.count() >= 1
    assert links.first.get_attribute("href") == "https://help.example.com/hc/en-us/articles/204"
    assert links.first.get_attribute("target") == "_blank"
    assert "noopener" in (links.first.get_attribute("rel") or "")
    filed = result.locator(".support-filed").inner_text()
    assert "#9000000001" in filed
    _shoot(page, ARTIFACTS, "form_submitted")
    _open_details(page)
    _shoot(page, ARTIFACTS, "form_details")

    # 3. the same problem again: flagged as the ticket just filed
    result = _submit(page, NEW_TEXT, "(id #9000000001)")
    assert f"This case seems very similar to {NEW_TEXT} (id #9000000001)" in result.inner_text()
    assert page.get_by_role("button", name="Submit").is_enabled()

    assert page.outside_requests == []


def test_empty_text_message_in_the_page(page, app_url):
    _open(page, app_url)
    result = _submit(page, "   ", "Please describe your problem")
    assert "Traceback" not in result.inner_text()
    assert page.outside_requests == []


def _labelled(query_id: str) -> dict:
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and json.loads(line)["id"] == query_id:
            return json.loads(line)
    raise AssertionError(f"{query_id} is not in {QUERIES.name}")


@pytest.fixture()
def shipped_page(shipped_app_url):
    """A guarded chromium page for the app on the shipped data."""
    with _guarded_page() as page:
        yield page


def test_screenshots_of_the_shipped_data(shipped_page, shipped_app_url):
    """The four pictures of the README and notebook 06, on the shipped data (make screenshots)."""
    out = screenshots_dir()
    page = shipped_page
    dup_query, new_query = _labelled(SHOT_DUPLICATE), _labelled(SHOT_NEW)
    assert dup_query["split"] == new_query["split"] == "holdout"
    assert dup_query["duplicate_ids"] and not new_query["duplicate_ids"]

    _open(page, shipped_app_url)
    shots = [_shoot(page, out, "form_empty")]

    # a request with an open duplicate in its organisation: the warning names one of them
    result = _submit(page, dup_query["query"], "This case seems very similar to", dup_query["org_id"])
    named = re.search(r"\(id #(\d+)\)", result.locator(".support-warning").inner_text())
    assert named is not None and int(named.group(1)) in dup_query["duplicate_ids"]
    shots.append(_shoot(page, out, "form_duplicate"))

    # a request without one: filed, with links to its relevant articles
    result = _submit(page, new_query["query"], "Submitted!", new_query["org_id"])
    assert "was filed" in result.locator(".support-filed").inner_text()
    hrefs = [a.get_attribute("href") or "" for a in result.locator(".support-articles a").all()]
    relevant = [str(a) for a in new_query["relevant_articles"]]
    assert any(f"/articles/{aid}" in href for href in hrefs for aid in relevant), hrefs
    shots.append(_shoot(page, out, "form_submitted"))

    _open_details(page)
    rows = page.locator(".support-details-table tbody tr").all_inner_texts()
    assert any(row.startswith("open ticket") for row in rows)
    assert any(row.startswith("article") for row in rows)
    shots.append(_shoot(page, out, "form_details"))

    assert page.outside_requests == []
    for shot in shots:
        print(f"{shot}: {shot.stat().st_size:,} bytes")
