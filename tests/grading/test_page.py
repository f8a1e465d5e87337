"""The class page: self-contained, under the report's CSP, every student and corpus text escaped."""

from __future__ import annotations

import re

from framing.grading.page import render_class_page
from framing.grading.results import class_results
from tests.grading.hostile import NAMES, SCRIPT, hostile_class


def page(names: bool) -> str:
    key, answers = hostile_class()
    return render_class_page(class_results(key, answers, names=names))


def test_the_page_has_the_reports_csp_and_needs_nothing_from_outside():
    html = page(names=False)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html and "base-uri 'none'" in html
    assert "<script" not in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    assert 'id="summary"' in html and 'id="disagree"' in html and 'id="items"' in html


def test_hostile_names_answers_and_key_texts_are_escaped():
    html = page(names=True)
    assert SCRIPT not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<h1>owned</h1>" not in html and "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;owned" in html
    assert 'onmouseover="alert(1)"' not in html and "<b>NATO</b>" not in html
    assert "&lt;b&gt;NATO&lt;/b&gt;" in html and "score -0.3 &amp; &lt;i&gt;" in html
    assert 'id="students"' in html


def test_no_student_is_named_unless_the_teacher_asks():
    html = page(names=False)
    assert 'id="students"' not in html
    from markupsafe import escape

    for name in NAMES:
        assert str(escape(name)) not in html and name not in html
    assert "Ana " not in html and "HYPERLINK" not in html


def test_the_page_is_the_same_bytes_for_the_same_answers():
    assert page(names=True) == page(names=True)
