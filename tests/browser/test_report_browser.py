"""The report in headless Chromium: quiet, offline, every section visible, keyboard details, harmless when hostile."""

from __future__ import annotations

import pytest

from framing.reporting.render import SECTIONS
from tests.browser.chromium import open_page, require_chromium, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_path(tmp_path_factory, nato_corpus):
    from framing.reporting import report

    require_chromium()
    return report(nato_corpus).save(tmp_path_factory.mktemp("report") / "nato.html")


def test_report_opens_quietly_offline_with_every_section_visible(report_path):
    with open_page(report_path) as session:
        assert not session.console_errors, session.console
        assert not session.external_requests, session.external_requests
        for section_id in (section.id for section in SECTIONS if not section.optional):
            assert session.page.locator(f"section#{section_id}").is_visible(), section_id
        figures = session.page.locator("figure.chart svg")
        assert figures.count() >= 4
        assert all(figures.nth(i).bounding_box()["width"] > 200 for i in range(figures.count()))
        shot = screenshot(session, "report.png")
    assert shot.stat().st_size > 50_000


def test_tabbing_to_a_highlight_shows_its_details(report_path):
    with open_page(report_path) as session:
        page = session.page
        page.locator("fieldset.switches input").last.focus()  # the last control before the articles
        for _ in range(20):  # Tab on, past each article's notes, to its first highlight
            page.keyboard.press("Tab")
            focused = page.evaluate("document.activeElement.matches('#articles .text mark.hl')")
            if focused:
                break
        assert focused, "no article highlight is reachable by keyboard"
        tip = page.evaluate("getComputedStyle(document.activeElement, '::after').content")
        # a mark's own tooltip, or its class's, which the page's CSS holds once for every mark of it
        expected = page.evaluate(
            "document.activeElement.dataset.tip || getComputedStyle(document.activeElement).getPropertyValue('--tip')"
        )
        assert expected and tip.strip('"') == expected.strip().strip('"')
        assert page.evaluate("getComputedStyle(document.activeElement, '::after').display") != "none"
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"


def test_stance_cell_links_land_on_their_evidence(report_path):
    with open_page(report_path) as session:
        links = session.page.locator("#stance table.heat a")
        assert links.count() > 0, "the bundled corpus ships targets: its stance table must link to evidence"
        target = links.first.get_attribute("href")
        links.first.click()
        assert session.page.evaluate("location.hash") == target
        assert session.page.locator(target).is_visible()


def test_lexicon_switch_unmarks_its_words_without_script(report_path):
    with open_page(report_path) as session:
        page = session.page
        mark = page.locator("#articles .text mark.lx0").first
        before = mark.evaluate("el => getComputedStyle(el).textDecorationLine")
        page.locator("#show-lx0").uncheck()
        after = mark.evaluate("el => getComputedStyle(el).textDecorationLine")
        assert before == "underline" and after == "none"


def test_notebook_iframe_keeps_links_inside_the_report(tmp_path, nato_corpus):
    from framing.reporting import report

    require_chromium()
    notebook = tmp_path / "notebook.html"
    notebook.write_text(
        "<!DOCTYPE html><html><body><h1>A notebook</h1>" + report(nato_corpus)._repr_html_() + "</body></html>",
        encoding="utf-8",
    )
    with open_page(notebook) as session:
        frame = session.page.frames[1]
        frame.locator('nav a[href="#stance"]').click()
        session.page.wait_for_timeout(300)
        frame = session.page.frames[1]
        assert frame.url == "about:srcdoc#stance"
        assert frame.locator("#stance").is_visible() and frame.evaluate("window.scrollY") > 1000
        assert not session.console_errors and not session.external_requests


def test_hostile_corpus_runs_nothing(tmp_path):
    from framing.corpus.model import load_corpus
    from framing.reporting import report
    from tests.reporting.hostile import write_hostile_corpus

    require_chromium()
    folder = write_hostile_corpus(tmp_path / "hostile")
    path = report(load_corpus(str(folder)), title="<script>alert(1)</script>").save(tmp_path / "hostile.html")
    with open_page(path) as session:
        dialogs = []
        session.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        session.page.mouse.move(10, 10)
        for mark in session.page.locator("#articles mark.hl").all()[:20]:
            mark.hover()
        assert not dialogs and not session.console_errors and not session.external_requests
        assert session.page.evaluate("document.querySelectorAll('img, iframe').length") == 0
        runnable = "document.querySelectorAll('script:not([type=\"application/json\"])').length"
        assert session.page.evaluate(runnable) == 1  # ours, pinned by its hash; the JSON data blocks never run
        assert "<script>alert(1)</script>" in session.page.title()
        options = session.page.evaluate(
            "[...document.querySelectorAll('#index-outlet option')].map(o => o.textContent)"
        )
        assert "<script>alert(1)</script> News" in options  # hostile outlet names become option text, never markup
        screenshot(session, "report-hostile.png")


def test_article_index_sorts_searches_and_filters(report_path):
    with open_page(report_path) as session:
        page = session.page
        assert not session.console_errors, session.console
        visible = "#article-index tbody tr:not([hidden])"
        assert page.locator(visible).count() == 5
        page.fill("#index-search", "antiwar")
        assert page.locator(visible).count() == 1
        page.fill("#index-search", "")
        page.select_option("#index-outlet", "Defense News")
        assert page.locator(visible).count() == 1 and "1 of 5 articles shown" in page.inner_text("#index")
        page.select_option("#index-outlet", "")
        words = page.locator("#article-index thead button.sort").nth(3)
        assert words.inner_text().startswith("words")
        words.click()
        column = "[...document.querySelectorAll('#article-index tbody tr')].map(r => +r.children[3].textContent)"
        ascending = page.evaluate(column)
        assert ascending == sorted(ascending)
        words.click()
        assert page.evaluate(column) == sorted(ascending, reverse=True)


def test_the_page_reads_fully_without_scripts(report_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium(), args=["--no-sandbox"])
        try:
            page = browser.new_context(java_script_enabled=False).new_page()
            page.goto(report_path.resolve().as_uri())
            assert page.locator("#article-index tbody tr").count() == 5
            assert page.locator("#index-search").count() == 0  # no dead controls without the script
            assert page.locator("#findings li").count() >= 5
            for cells in (
                "#frames td a",
                "#sentiment td a",
                "#sourcing td a",
                "#sourcing .wordlist a",
                "#similarity td a",
                "#loaded-language td a",
                "#same-fact td a",
                "#overview td a",
            ):
                page.locator(cells).first.click()
                target = page.evaluate("location.hash")
                assert page.locator(target).is_visible(), f"{cells}: the link opens its evidence without a script"
            unlinked = page.evaluate("""() => [...document.querySelectorAll('main section:not(#provenance) td.n')]
                .filter(td => !td.querySelector('a') && !/^(–|0|0\\.00)$/.test(td.textContent.trim()))
                .filter(td => !(td.closest('#similarity') && td.cellIndex === td.parentElement.rowIndex))
                .map(td => td.closest('section').id + ': ' + td.textContent.trim())""")
            assert unlinked == [], "every number that is not zero links to its evidence"
        finally:
            browser.close()


def test_bundled_report_prints_in_at_most_20_pages_without_clipping(report_path):
    import re

    with open_page(report_path, width=794, height=1123) as session:
        page = session.page
        page.emulate_media(media="print")
        clipped = page.evaluate("""() => [...document.querySelectorAll('table')].filter(t =>
            t.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length""")
        assert clipped == 0
        pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    assert 5 <= pages <= 20, pages


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printing_from_a_desktop_window_keeps_full_size_pages(report_path, paper):
    """Ctrl+P in a desktop window, at Chromium's default margins: at most 20 pages, and the first print of the
    page lays out as a second one does (a too-wide element made Chromium shrink the first print to about 60%:
    13 tiny pages instead of 21)."""
    import re

    margin = {side: "0.4in" for side in ("top", "right", "bottom", "left")}
    with open_page(report_path, width=1280, height=900) as session:
        first, second = (session.page.pdf(format=paper, margin=margin, print_background=True) for _ in range(2))
    first_pages, second_pages = (len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) for pdf in (first, second))
    assert first_pages == second_pages, (first_pages, second_pages)
    assert first_pages <= 20, first_pages


def test_axe_core_finds_no_violation(report_path):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python not installed")
    with open_page(report_path) as session:
        violations = axe.Axe().run(session.page).response["violations"]
    assert violations == [], [(v["id"], len(v["nodes"])) for v in violations]


SMALLEST_LABEL = """() => [...document.querySelectorAll('figure.chart svg')].filter(svg => svg.getBoundingClientRect().width > 0)
    .map(svg => [svg.querySelector('title').id, Math.min(...[...svg.querySelectorAll('text')]
        .filter(t => t.textContent.trim() && t.getScreenCTM())
        .map(t => parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b)))])"""


def test_on_a_phone_each_figure_keeps_legible_labels_in_its_own_sideways_box(report_path):
    with open_page(report_path, width=390, height=844) as session:
        page = session.page
        shown = page.evaluate(SMALLEST_LABEL)
        assert len(shown) == page.locator("figure.chart").count() >= 4, "one drawing per figure, all shown"
        assert min(size for _, size in shown) >= 10, shown
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        screenshot(session, "report-phone.png")
    with open_page(report_path) as session:
        shown = session.page.evaluate(SMALLEST_LABEL)
        assert shown and min(size for _, size in shown) >= 10, shown


@pytest.fixture(scope="module")
def dated_path(tmp_path_factory):
    from framing.reporting import report
    from tests.reporting.fixtures import dated_articles

    require_chromium()
    return report(dated_articles()).save(tmp_path_factory.mktemp("dated") / "dated.html")


def test_over_time_shows_its_panels_and_a_shift_line_leads_to_the_shift(dated_path):
    with open_page(dated_path) as session:
        page = session.page
        assert not session.console_errors and not session.external_requests
        assert page.locator("section#over-time figure.chart svg").is_visible()
        assert page.locator('nav a[href="#over-time"]').count() == 1
        page.locator("#over-time svg a text").first.click()
        assert page.evaluate("location.hash") == "#shift-0" and page.locator("#shift-0").is_visible()
        assert not page.locator("#over-time td a").first.is_visible()  # the long table starts folded
        page.locator("#over-time details.numbers summary").click()
        page.locator("#over-time td a").first.click()
        assert page.locator(page.evaluate("location.hash")).is_visible()
        screenshot(session, "report-over-time.png")
    with open_page(dated_path, width=390, height=844) as session:
        shown = dict(session.page.evaluate(SMALLEST_LABEL))
        assert "over-time-title" in shown, "a large corpus's single drawing still shows on a phone"
        assert session.page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_axe_core_finds_no_violation_in_the_over_time_section(dated_path):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python not installed")
    with open_page(dated_path) as session:
        violations = axe.Axe().run(session.page).response["violations"]
    assert violations == [], [(v["id"], len(v["nodes"])) for v in violations]
