"""framing.reporting.registry: one line per section drives the contents, the page and the JSON."""
from __future__ import annotations

import json

from framing.reporting.registry import SECTIONS
from framing.templating import environment


def test_ids_keys_and_templates_are_unique_and_exist():
    for attribute in ("id", "key", "template"):
        values = [getattr(s, attribute) for s in SECTIONS]
        assert len(values) == len(set(values)), attribute
    for section in SECTIONS:
        environment().get_template(section.template)  # raises if the partial is missing


def test_every_section_is_on_the_page_in_registry_order_and_in_the_json(nato_report):
    page = nato_report.html
    always = [s for s in SECTIONS if not s.optional]  # the bundled report uses built-in lexicons only
    positions = [page.index(f'<section id="{s.id}"') for s in always]
    assert positions == sorted(positions)
    contents = page[page.index('<nav class="toc"'):page.index("</nav>")]
    assert [f'href="#{s.id}"' in contents for s in always] == [True] * len(always)
    data = json.loads(nato_report.data.to_json())
    assert {s.key for s in SECTIONS} <= set(data)


def test_an_optional_section_without_data_is_left_out_of_the_page_and_the_contents(nato_report):
    from framing.reporting.registry import shown

    hidden = [s for s in SECTIONS if s.optional and nato_report.data.sections.get(s.key) is None]
    assert "lexicon-check" in [s.id for s in hidden]
    assert all(f'id="{s.id}"' not in nato_report.html and f'href="#{s.id}"' not in nato_report.html for s in hidden)
    assert shown(SECTIONS, {s.key: {} for s in SECTIONS}) == list(SECTIONS)  # with data, every section is shown
