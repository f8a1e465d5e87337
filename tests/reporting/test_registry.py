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
    positions = [page.index(f'<section id="{s.id}"') for s in SECTIONS]
    assert positions == sorted(positions)
    contents = page[page.index('<nav class="toc"'):page.index("</nav>")]
    assert [f'href="#{s.id}"' in contents for s in SECTIONS] == [True] * len(SECTIONS)
    data = json.loads(nato_report.data.to_json())
    assert {s.key for s in SECTIONS} <= set(data)
