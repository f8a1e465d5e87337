"""Shared helper for real-browser tests: Debian's headless Chromium driven by playwright.

Used by the report and worksheet browser tests. `open_page(path)` loads a
local HTML file through file://, and records every console message, page error
and network request, so a test can assert that a page works offline and
quietly. Playwright's own browser downloads are never used (`playwright
install` is not needed): we launch the system Chromium at `CHROMIUM`.

    from tests.browser.chromium import open_page, require_chromium

    def test_page(tmp_path):
        require_chromium()
        with open_page(path) as session:
            assert not session.console_errors
            session.page.screenshot(path=..., full_page=True)
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("FRAMING_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def chromium_path() -> str | None:
    """The Chromium executable if installed (FRAMING_CHROMIUM overrides the Debian path)."""
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    return shutil.which("chromium")


def require_chromium() -> str:
    """Return Chromium's path; skip the test when it is absent, but fail under CI."""
    path = chromium_path()
    if path is None:
        message = f"Chromium not found at {CHROMIUM} (Debian: apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must install it (.ci/run does)")
        pytest.skip(message)
    pytest.importorskip("playwright.sync_api", reason="the playwright python package is not installed")
    return path


@dataclass
class Session:
    """An open page plus what it logged and requested."""

    page: object
    url: str
    console: list = field(default_factory=list)  # (type, text)
    page_errors: list = field(default_factory=list)
    requests: list = field(default_factory=list)  # URLs

    @property
    def console_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "assert")] + list(self.page_errors)

    @property
    def external_requests(self) -> list[str]:
        """Requests other than the page itself and data: URLs (a self-contained page makes none)."""
        return [url for url in self.requests if url != self.url and not url.startswith("data:")]


@contextlib.contextmanager
def open_page(path, *, width: int = 1280, height: int = 900):
    """Open a local HTML file in headless Chromium; yield a `Session`."""
    from playwright.sync_api import sync_playwright

    url = Path(path).resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=ARGS, headless=True)
        try:
            context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=True)
            page = context.new_page()
            session = Session(page=page, url=url)
            page.on("console", lambda message: session.console.append((message.type, message.text)))
            page.on("pageerror", lambda error: session.page_errors.append(str(error)))
            page.on("request", lambda request: session.requests.append(request.url))
            page.goto(url, wait_until="load")
            yield session
        finally:
            browser.close()


def screenshot(session: Session, name: str) -> Path:
    """Save a full-page screenshot under tests/artifacts/ (gitignored) and return its path."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / name
    session.page.screenshot(path=str(target), full_page=True)
    return target
