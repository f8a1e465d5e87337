"""The worksheet and its key in headless Chromium: quiet, offline, complete, printable."""

from __future__ import annotations

import re

import pytest

from tests.browser.chromium import ARTIFACTS, open_page, require_chromium, screenshot

pytestmark = pytest.mark.browser

TASKS = ("task-loaded", "task-fact", "task-stance", "task-alike", "task-omission")


@pytest.fixture(scope="module")
def pages(tmp_path_factory, nato_corpus):
    from framing.worksheets.worksheet import exercise

    require_chromium()
    folder = tmp_path_factory.mktemp("worksheet")
    sheet = exercise(nato_corpus)
    return sheet, sheet.save(folder / "worksheet.html"), sheet.save_key(folder / "worksheet-key.html")


def visible_ids(session, ids):
    return {i: session.page.locator(f"#{i}").is_visible() for i in ids}


def test_worksheet_opens_quietly_offline_with_every_section(pages):
    sheet, worksheet, _ = pages
    with open_page(worksheet) as session:
        assert session.console_errors == []
        assert session.external_requests == []
        letters = sheet.data.letters
        shown = visible_ids(session, [*TASKS, "intro", *(f"source-{letter}" for letter in letters)])
        assert all(shown.values()), shown
        assert session.page.locator("mark").count() == 0  # no answers on the student's copy
        screenshot(session, "worksheet.png")


def test_key_opens_quietly_with_guide_reveal_and_marked_evidence(pages):
    _, _, key = pages
    with open_page(key) as session:
        assert session.console_errors == [] and session.external_requests == []
        shown = visible_ids(session, [*TASKS, "guide", "reveal"])
        assert all(shown.values()), shown
        assert session.page.locator("#task-loaded mark").count() >= 1
        screenshot(session, "worksheet-key.png")


def test_worksheet_prints_in_at_most_six_pages_with_no_heading_left_alone(pages):
    sheet, worksheet, _ = pages
    assert len(sheet.data.sources) == 5
    with open_page(worksheet) as session:
        session.page.emulate_media(media="print")
        after = session.page.eval_on_selector_all("h2, h3", "els => els.map(e => getComputedStyle(e).breakAfter)")
        assert after and set(after) == {"avoid-page"}
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pdf = session.page.pdf(path=str(ARTIFACTS / "worksheet.pdf"), format="A4", print_background=True)
        letter = session.page.pdf(format="Letter", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 6
    assert len(re.findall(rb"/Type\s*/Page[^s]", letter)) <= 6


def test_worksheet_and_key_have_no_axe_violation(pages):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python not installed")
    _, worksheet, key = pages
    for path in (worksheet, key):
        with open_page(path) as session:
            violations = axe.Axe().run(session.page).response["violations"]
        assert violations == [], (path.name, [(v["id"], len(v["nodes"])) for v in violations])


def test_key_teachers_guide_fits_on_one_printed_page(pages):
    _, _, key = pages
    with open_page(key, width=688) as session:  # A4 width minus the margins, at 96 dpi
        session.page.emulate_media(media="print")
        bottom = session.page.eval_on_selector("#guide", "e => e.getBoundingClientRect().bottom")
        breaks = session.page.eval_on_selector("#reveal", "e => getComputedStyle(e).breakBefore")
        pdf = session.page.pdf(format="A4")
    printable = (297 - 2 * 14) / 25.4 * 96  # A4 height minus the 14 mm margins, in CSS pixels
    assert bottom < printable, f"guide ends at {bottom:.0f}px, a page holds {printable:.0f}px"
    assert breaks == "page"
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 6


def test_notebook_view_keeps_in_page_links_inside_its_iframe(pages, tmp_path):
    sheet, _, _ = pages
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body>{sheet._repr_html_()}</body></html>", encoding="utf-8")
    with open_page(host) as session:
        frame = session.page.frame_locator("iframe")
        frame.locator('a[href="#task-stance"]').click()
        inner = session.page.frames[1]
        inner.wait_for_load_state()
        assert inner.locator("#task-stance").is_visible()
        assert inner.url.startswith("about:srcdoc")
        assert session.console_errors == [] and session.external_requests == []
