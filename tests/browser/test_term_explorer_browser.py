"""The term explorer in headless Chromium: choose an outlet, choose a word by mouse or keyboard, hostile text stays text."""

from __future__ import annotations

import dataclasses

import pytest

from framing.comparison.terms import fold
from tests.browser.chromium import open_page, require_chromium, screenshot

pytestmark = pytest.mark.browser

HOSTILE = "</script><img src=x onerror=alert(1)>"
DOTS = "#term-explorer circle.term-dot"
RUNNABLE = "document.querySelectorAll('script:not([type=\"application/json\"])').length"


@pytest.fixture(scope="module")
def explorer_report(nato_corpus):
    from framing.reporting import report

    require_chromium()
    return report(nato_corpus)


@pytest.fixture(scope="module")
def page_path(explorer_report, tmp_path_factory):
    return explorer_report.save(tmp_path_factory.mktemp("explorer") / "nato.html")


def _dot(page, term):
    return page.locator(f'{DOTS}[data-term="{term}"]')


def test_choosing_an_outlet_redraws_the_words_for_it(page_path, explorer_report):
    data = explorer_report.data.term_explorer["data"]
    with open_page(page_path) as session:
        page = session.page
        assert not session.console_errors, session.console
        assert page.locator(DOTS).count() == len(data["terms"])
        options = page.evaluate("[...document.querySelectorAll('#term-outlet option')].map(o => o.textContent)")
        assert options == data["outlets"]
        before = _dot(page, "nato").get_attribute("aria-label")
        assert data["outlets"][0] in page.inner_text("#term-explorer figcaption")
        page.select_option("#term-outlet", "2")
        after = _dot(page, "nato").get_attribute("aria-label")
        assert data["outlets"][2] in after and data["outlets"][2] in page.inner_text("#term-explorer figcaption")
        assert before != after
        j = 2
        entry = next(t for t in data["terms"] if t["t"] == "nato")
        rate = 1000 * entry["n"][j] / data["words"][j]
        assert f"nato: {rate:.1f} per 1,000 words in {data['outlets'][j]}" in after
        assert page.locator("#term-explorer .term-label").count() >= 5


def test_clicking_a_word_shows_its_sentences_per_outlet_with_the_word_marked(page_path, explorer_report):
    data = explorer_report.data.term_explorer["data"]
    with open_page(page_path) as session:
        page = session.page
        page.select_option("#term-outlet", "1")
        top = page.locator(f'{DOTS}[tabindex="0"]')  # the outlet's most distinctive word, drawn on top
        term = top.get_attribute("data-term")
        top.click()
        panel = page.locator("#term-sentences")
        assert panel.locator("h3").inner_text() == f"“{term}”"
        headings = panel.locator("h4").all_inner_texts()
        assert headings[0].startswith(data["outlets"][1] + " (")
        marks = panel.locator("mark").all_inner_texts()
        assert marks and all(fold(m).split()[0] == term.split()[0] for m in marks)
        entry = next(t for t in data["terms"] if t["t"] == term)
        assert len(headings) == 1 + sum(1 for i in entry["ex"] if i != "1")
        assert not session.console_errors
        screenshot(session, "report-term-explorer.png")


def test_the_chart_works_from_the_keyboard(page_path):
    with open_page(page_path) as session:
        page = session.page
        page.locator("#term-outlet").focus()
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.matches('circle.term-dot[tabindex=\"0\"]')")
        first = page.evaluate("document.activeElement.dataset.term")
        page.keyboard.press("ArrowRight")
        second = page.evaluate("document.activeElement.dataset.term")
        assert second != first and page.locator(f'{DOTS}[tabindex="0"]').count() == 1
        page.keyboard.press("Enter")
        assert page.locator("#term-sentences h3").inner_text() == f"“{second}”"
        page.keyboard.press("Home")
        assert page.evaluate("document.activeElement.dataset.term") == first


def test_no_axe_violation_with_sentences_shown(page_path):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python not installed")
    with open_page(page_path) as session:
        session.page.locator(f'{DOTS}[tabindex="0"]').click()
        violations = axe.Axe().run(session.page).response["violations"]
    assert violations == [], [(v["id"], len(v["nodes"])) for v in violations]


def test_on_a_phone_the_chart_fits_and_its_labels_stay_legible(page_path):
    with open_page(page_path, width=390, height=844) as session:
        page = session.page
        sizes = page.evaluate("""() => [...document.querySelectorAll('#term-explorer svg text')]
            .map(t => parseFloat(getComputedStyle(t).fontSize) * Math.hypot(t.getScreenCTM().a, t.getScreenCTM().b))""")
        assert sizes and min(sizes) >= 10
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_hostile_words_and_sentences_cannot_close_the_block_or_run(explorer_report, tmp_path):
    from framing.reporting.embedded import embedded_json
    from framing.reporting.render import render

    section = explorer_report.data.term_explorer
    data = {**section["data"], "terms": [dict(t) for t in section["data"]["terms"]]}
    outlets = data["outlets"]
    data["outlets"] = [HOSTILE + " " + outlets[0], *outlets[1:]]
    first = data["terms"][0]
    sentence = f"Before {HOSTILE} after <!-- and <script>alert(2)</script>"
    first.update(t=HOSTILE, ex={"0": [[sentence, 7, 7 + len(HOSTILE), "javascript:alert(3)"]]})
    hostile = dataclasses.replace(
        explorer_report.data,
        sections={
            **explorer_report.data.sections,
            "term_explorer": {**section, "data": data, "html": embedded_json(data)},
        },
    )
    path = tmp_path / "hostile.html"
    page_text = render(hostile)
    path.write_text(page_text, encoding="utf-8")
    assert page_text.count("</script>") == 2  # the data block's own end and the script's: nothing else closes one
    with open_page(path) as session:
        page = session.page
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        assert page.evaluate("[...document.querySelectorAll('#term-outlet option')][0].textContent").startswith(HOSTILE)
        dot = _dot(page, HOSTILE)
        assert dot.count() == 1
        dot.dispatch_event("click")
        panel = page.locator("#term-sentences")
        assert panel.locator("h3").inner_text() == f"“{HOSTILE}”"
        assert panel.locator("mark").inner_text() == HOSTILE
        assert sentence in panel.locator("li").first.inner_text()
        assert panel.locator("a").count() == 0  # an anchor that is not an article id is not made a link
        assert not dialogs and not session.console_errors and not session.external_requests
        assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
        assert page.evaluate(RUNNABLE) == 1


def test_hostile_outlets_and_sentences_from_a_corpus_stay_text(tmp_path):
    import pandas as pd

    from framing.reporting import report
    from tests.reporting.hostile import PAYLOADS

    require_chromium()
    topics = ("tanks rolled past the border posts", "diplomats argued over sanctions", "farmers counted grain exports")
    rows = [
        {
            "doc_id": f"d{k}",
            "outlet": f"{PAYLOADS[k]} News",
            "title": f"Title {k}",
            "text": f"{topic.capitalize()} {PAYLOADS[k]} today. Officials said {topic} {HOSTILE} again.\n\n"
            f"Later the {topic} continued, and {topic} were discussed.",
        }
        for k, topic in enumerate(topics)
    ]
    path = report(pd.DataFrame(rows)).save(tmp_path / "hostile.html")
    with open_page(path) as session:
        page = session.page
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        options = page.evaluate("[...document.querySelectorAll('#term-outlet option')].map(o => o.textContent)")
        assert "<script>alert(1)</script> News" in options
        page.locator(f'{DOTS}[tabindex="0"]').click()
        assert "</script><img src=x" in page.inner_text("#term-sentences")  # shown as text, cut to its window
        assert not dialogs and not session.console_errors
        assert page.evaluate("document.querySelectorAll('img, iframe').length") == 0
        assert page.evaluate(RUNNABLE) == 1


LABEL_CLASHES = """() => {
  const svg = document.querySelector('#term-explorer svg.term-scatter');
  const box = e => e.getBoundingClientRect();
  const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const labels = [...svg.querySelectorAll('.term-label')].map(box);
  const dots = [...svg.querySelectorAll('circle.term-dot')].map(box);
  const plot = box(svg);
  let clashes = 0;
  labels.forEach((a, i) => {
    clashes += labels.filter((b, j) => j > i && meets(a, b)).length;
    clashes += dots.filter(d => meets(a, d)).length;
    if (a.left < plot.left || a.right > plot.right || a.top < plot.top || a.bottom > plot.bottom) clashes += 1;
  });
  return {labels: labels.length, clashes};
}"""


def test_word_labels_overlap_no_other_label_and_no_dot(page_path, explorer_report):
    """Each label sits in a free place beside its dot, for every outlet (a label that finds none is left out)."""
    outlets = explorer_report.data.term_explorer["data"]["outlets"]
    with open_page(page_path) as session:
        page = session.page
        for j in range(len(outlets)):
            page.select_option("#term-outlet", str(j))
            result = page.evaluate(LABEL_CLASHES)
            assert result["labels"] >= 5 and result["clashes"] == 0, (outlets[j], result)
