"""Every hostile page in headless Chromium, read as a user would: nothing runs, nothing is fetched.

The first test is the control: the same watch on a page that is unsafe on
purpose must see the payloads run and the requests go out, or the watch
itself is broken and the other tests would prove nothing.
"""

from __future__ import annotations

import pytest

from tests.security.pages import armed_page, provoke
from tests.security.vectors import ALL_VECTORS

pytestmark = pytest.mark.browser

PAGE_NAMES = ("report", "report-folder", "worksheet", "key")


def test_the_watch_sees_payloads_in_a_page_that_lets_them_run(tmp_path):
    unsafe = tmp_path / "unsafe.html"
    unsafe.write_text(
        "<!DOCTYPE html><html><head><title>unsafe</title></head><body><p>unsafe page</p>"
        + "".join(ALL_VECTORS[:12])
        + "<img src='http://evil.example/pixel.png'></body></html>",
        encoding="utf-8",
    )
    with armed_page(unsafe) as armed:
        provoke(armed.page, most=20)
        executed = armed.executed()
        assert any(call.startswith("alert:") for call in executed), executed
        assert "canary: data-pwned set" in executed
        assert any("evil.example" in url for url in armed.refused), armed.refused


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_nothing_runs_and_nothing_is_requested(pages, name):
    with armed_page(pages[name]) as armed:
        provoke(armed.page)
        assert armed.executed() == []
        assert armed.refused == [], armed.refused[:5]
        assert armed.errors == [], armed.errors[:5]
        assert armed.page.evaluate("document.body.innerText.length") > 1000  # the page did render its text
