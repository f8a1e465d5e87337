"""The SVG writer: escaped text, links only within the page, program-chosen ids, legible on a phone."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from framing.reporting.charts.svg import FONT, SMALLEST, Drawing, num, wrap

HOSTILE = '"><script>alert(1)</script><svg onload=alert(1)>'


def tags(svg: str) -> list[tuple[str, dict[str, str | None]]]:
    found: list[tuple[str, dict[str, str | None]]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

        handle_startendtag = handle_starttag

    Parser().feed(svg)
    return found


def test_corpus_text_in_labels_tips_and_alt_stays_text():
    draw = Drawing(200, 100)
    draw.text(10, 10, HOSTILE)
    draw.rect(0, 0, 10, 10, "#000000", tip=HOSTILE)
    svg = draw.svg("demo", HOSTILE, heading=HOSTILE)
    assert "<script>" not in svg and svg.count("&lt;script&gt;") == 4
    assert [tag for tag, _ in tags(svg)].count("svg") == 1
    assert not any(name.startswith("on") for _, attrs in tags(svg) for name in attrs)


def test_the_drawing_is_an_accessible_image_that_keeps_legible_labels_on_a_phone():
    svg = Drawing(600, 120.4).svg("demo", "Alt text", "Heading")
    root = tags(svg)[0][1]
    assert (root["role"], root["aria-labelledby"], root["viewbox"]) == ("img", "demo-title", "0 0 600 121")
    least = int(re.fullmatch(r"min-width:(\d+)px", root["style"] or "").group(1))
    assert least * FONT / 600 >= SMALLEST, "at its least width a label is still SMALLEST px"
    assert '<title id="demo-title">Alt text</title><desc>Heading</desc>' in svg


def test_names_and_links_are_checked():
    with pytest.raises(ValueError):
        Drawing(10, 10).svg('x" onload="y', "Alt")
    with pytest.raises(ValueError):
        Drawing(10, 10).link("javascript:alert(1)", Drawing(0, 0))
    draw, inner = Drawing(10, 10), Drawing(0, 0)
    inner.text(0, 0, "shift")
    draw.link("#shift-0", inner)
    assert '<a href="#shift-0"><text x="0" y="0">shift</text></a>' in draw.svg("demo", "Alt")


def test_numbers_are_short_and_the_same_every_time():
    assert [num(v) for v in (1.0, 1.26, -0.04, 12.349)] == ["1", "1.3", "0", "12.3"]
    assert wrap("one two three four five six seven", 100) == ["one two three", "four five six", "seven"]


def test_a_drawing_with_links_is_a_group_so_its_links_can_be_reached():
    draw, inner = Drawing(10, 10), Drawing(0, 0)
    inner.text(0, 0, "shift")
    draw.link("#shift-0", inner)
    assert tags(draw.svg("demo", "Alt"))[0][1]["role"] == "group"
