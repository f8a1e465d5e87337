"""Rendering the worksheet and its key: same bytes from the same data, escaped text, key-only content."""

from __future__ import annotations

import dataclasses
import html

from framing.worksheets.blind import Segment
from framing.worksheets.render import CANNOT_SHOW, LESSON_PLAN, RATINGS, render_key, render_worksheet

HOSTILE = '<script>alert("x")</script>'


def test_the_same_data_renders_the_same_bytes(sheet):
    assert render_worksheet(sheet.data) == render_worksheet(sheet.data) == sheet.html
    assert render_key(sheet.data) == sheet.key_html


def test_only_the_embedded_page_gets_a_srcdoc_base(sheet):
    assert '<base href="about:srcdoc">' in render_worksheet(sheet.data, embedded=True)
    assert "about:srcdoc" not in sheet.html and "about:srcdoc" not in sheet.key_html


def test_the_rating_scale_is_printed_for_students(sheet):
    assert [label for _, label in RATINGS] == ["very negative", "negative", "neutral", "positive", "very positive"]
    assert all(label in sheet.html for _, label in RATINGS)


def test_the_key_has_the_teacher_s_guide_and_the_worksheet_does_not(sheet):
    first_step = LESSON_PLAN[0][1]
    assert first_step in sheet.key_html and first_step not in sheet.html
    for limit in CANNOT_SHOW:
        assert html.escape(limit, quote=False) in sheet.key_html.replace("&#39;", "'").replace("&#x27;", "'")


def test_hostile_text_in_the_data_is_escaped_on_both_pages(sheet):
    first = dataclasses.replace(sheet.data.sources[0], title=(Segment(HOSTILE),), outlet=HOSTILE)
    data = dataclasses.replace(sheet.data, sources=(first, *sheet.data.sources[1:]), topic=HOSTILE)
    for page in (render_worksheet(data), render_key(data)):
        assert HOSTILE not in page and "&lt;script&gt;alert(" in page


def test_lesson_plan_adds_up_to_45_minutes(sheet):
    assert sum(minutes for minutes, _, _ in LESSON_PLAN) == 45
    assert "45 minutes" in sheet.key_html
