"""The class page in headless Chromium: quiet, offline, no axe-core violation, printable."""

from __future__ import annotations

import re

import pytest

from framing.grading.page import render_class_page
from framing.grading.results import class_results
from tests.browser.chromium import open_page, require_chromium, screenshot
from tests.grading.classes import synthetic_class
from tests.grading.hostile import hostile_class

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    require_chromium()
    folder = tmp_path_factory.mktemp("class")
    key, answers, _ = synthetic_class(items=20, students=12, p=0.7, q=0.6, seed=5)
    plain = folder / "class.html"
    plain.write_text(render_class_page(class_results(key, answers)), encoding="utf-8")
    key, answers = hostile_class()
    hostile = folder / "hostile.html"
    hostile.write_text(render_class_page(class_results(key, answers, names=True)), encoding="utf-8")
    return plain, hostile


def test_class_page_opens_quietly_offline_with_its_sections(pages):
    plain, _ = pages
    with open_page(plain) as session:
        assert session.console_errors == [] and session.external_requests == []
        for section in ("summary", "disagree", "items"):
            assert session.page.locator(f"#{section}").is_visible()
        assert session.page.locator("#disagree article").count() >= 1
        assert session.page.locator("#students").count() == 0
        screenshot(session, "class.png")


def test_hostile_names_stay_text_in_the_browser(pages):
    _, hostile = pages
    with open_page(hostile) as session:
        dialogs = []
        session.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        session.page.hover("#students tbody tr:nth-child(2) th")
        assert dialogs == [] and session.console_errors == []
        assert session.page.locator("h1").count() == 1  # no injected heading
        names = session.page.locator("#students tbody th").all_inner_texts()
        assert names[0] == "Ana <script>alert('x')</script>"


def test_class_page_has_no_axe_violation(pages):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python not installed")
    for path in pages:
        with open_page(path) as session:
            violations = axe.Axe().run(session.page).response["violations"]
        assert violations == [], (path.name, [(v["id"], len(v["nodes"])) for v in violations])


def test_class_page_prints_without_a_heading_left_alone(pages):
    plain, _ = pages
    with open_page(plain) as session:
        session.page.emulate_media(media="print")
        after = session.page.eval_on_selector_all("h2, h3", "els => els.map(e => getComputedStyle(e).breakAfter)")
        inside = session.page.eval_on_selector_all(
            ".disagreement", "els => els.map(e => getComputedStyle(e).breakInside)"
        )
        pdf = session.page.pdf(format="A4", print_background=True)
    assert set(after) == {"avoid-page"} and set(inside) == {"avoid"}
    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 6
