"""framing.reporting.registry: one line per section drives the contents, the page and the JSON."""

from __future__ import annotations

import json

from framing.reporting.registry import SECTIONS, shown
from framing.templating import environment


def test_ids_keys_and_templates_are_unique_and_exist():
    for attribute in ("id", "key", "template"):
        values = [getattr(s, attribute) for s in SECTIONS]
        assert len(values) == len(set(values)), attribute
    for section in SECTIONS:
        environment().get_template(section.template)  # raises if the partial is missing


ALWAYS = [s for s in SECTIONS if not s.optional]


def test_every_section_is_on_the_page_in_registry_order_and_in_the_json(nato_report):
    page = nato_report.html
    positions = [page.index(f'<section id="{s.id}"') for s in ALWAYS]
    assert positions == sorted(positions)
    contents = page[page.index('<nav class="toc"') : page.index("</nav>")]
    assert [f'href="#{s.id}"' in contents for s in ALWAYS] == [True] * len(ALWAYS)
    data = json.loads(nato_report.data.to_json())
    assert {s.key for s in SECTIONS} <= set(data)


def test_an_optional_section_with_nothing_to_show_is_left_out_of_page_and_contents(nato_report, dated_report):
    optional = [s for s in SECTIONS if s.optional]
    assert sorted(s.id for s in optional) == ["lexicon-check", "over-time"]
    assert nato_report.data.over_time is None  # three dated articles in two months: no trend to show
    assert shown(SECTIONS, nato_report.data.sections) == ALWAYS  # built-in lexicons only: no lexicon check
    page = nato_report.html
    assert all(f'id="{s.id}"' not in page and f'href="#{s.id}"' not in page for s in optional)
    dated = dated_report.html
    assert shown(SECTIONS, dated_report.data.sections) == [s for s in SECTIONS if s.id != "lexicon-check"]
    assert dated.index('href="#overview"') < dated.index('href="#over-time"') < dated.index('href="#frames"')
    assert (
        dated.index('<section id="overview"')
        < dated.index('<section id="over-time"')
        < dated.index('<section id="frames"')
    )
    assert shown(SECTIONS, {s.key: {} for s in SECTIONS}) == list(SECTIONS)  # with data, every section is shown
