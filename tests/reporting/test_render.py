"""The rendered report as a whole: every section once, offline, deterministic, its JSON twin."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import pytest

from framing.reporting.render import SECTIONS
from framing.templating import number

SECTION_IDS = [section.id for section in SECTIONS if not section.optional]  # the bundled corpus has no trend


class Sections(HTMLParser):
    """Section ids in order, and whether each has a 'how to read' paragraph."""

    def __init__(self):
        super().__init__()
        self.ids, self.how, self._current = [], {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self._current = attrs.get("id")
            self.ids.append(self._current)
        if tag == "p" and "how" in (attrs.get("class") or "").split() and self._current:
            self.how[self._current] = True


@pytest.fixture(scope="module")
def page(nato_report):
    return nato_report.render("reports/nato-eastern-flank-2022.html")


def test_every_section_is_there_once_in_order_with_a_how_to_read_sentence(page):
    parser = Sections()
    parser.feed(page)
    assert parser.ids == SECTION_IDS
    assert all(parser.how.get(i) for i in SECTION_IDS), parser.how
    for section_id in SECTION_IDS:
        assert f'href="#{section_id}"' in page  # table of contents


def test_page_is_self_contained(page):
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    data_blocks = page.count('<script type="application/json"')  # data for the script, never run
    assert page.count("<script") - data_blocks == 1 and "<script src" not in page  # the one hash-pinned inline script
    assert "<link" not in page and "@import" not in page and "@font-face" not in page
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert not re.search(r"url\((?!#)", page), "CSS may only reference ids inside the page"


def test_render_is_byte_identical_and_the_same_from_fresh_objects(
    nato_corpus, nato_scores, nato_comparison, nato_report, page
):
    from framing.reporting import report

    again = report(
        nato_corpus,
        scores=nato_scores,
        comparison=nato_comparison,
        command=["framing", "report", "nato-eastern-flank-2022"],
    )
    assert again.render("reports/nato-eastern-flank-2022.html") == page
    assert again.json == nato_report.json


def test_every_number_in_a_table_is_in_the_json(nato_report, page):
    data = json.loads(nato_report.json)
    overview = data["overview"]["table"]
    for row in overview["rows"]:
        assert f'<th scope="row">{row[0]}</th>' in page or row[0] in page
        assert f">{number(row[1])}<" in page
    balance = data["frames"]["contrasts"][0]["table"]
    assert balance["columns"][:3] == ["outlet", "articles", "mean"]
    for row in balance["rows"]:
        assert f">{number(row[2])}<" in page


def test_excerpts_print_no_stray_quotation_marks(page):
    # sentences cut from longer quotations (Defense News, report A) show the quotation going on
    cells = re.findall(r"<(?:li|td|p class=\"sentence\")[^>]*>(.*?)</(?:li|td|p)>", page, flags=re.S)
    assert cells
    for cell in cells:
        text = html.unescape(re.sub(r"<[^>]+>", "", cell))
        assert text.count("“") == text.count("”"), text


def test_a_class_tooltip_is_a_css_string_nothing_can_end():
    from framing.reporting.render import css_string, legend_css

    hostile = 'x"; } body { display: none } </style><script>alert(1)</script>'
    assert css_string(hostile).count('"') == 2 and "<" not in css_string(hostile)
    entry = {"css": "k0", "group": "lx0", "lexicon": "lex", "label": hostile, "colour": "#123456"}
    css = legend_css([entry])
    assert css.startswith('mark.k0 { --c: #123456; --tip: "lex \\203a  x\\22 ') and "</style>" not in css
