"""The one Jinja2 environment: autoescaping, strict undefined, both template folders and the number filters."""

from __future__ import annotations

import jinja2
import pytest

from framing.templating import environment, number, signed


@pytest.mark.parametrize(
    "value, text",
    [(None, "–"), (3, "3"), (12345, "12,345"), (0.256, "0.26"), (-0.001, "0.00"), (1234.5, "1,234"), ("x", "x")],
)
def test_number_format(value, text):
    assert number(value) == text


@pytest.mark.parametrize(
    "value, text",
    [(True, "yes"), (False, "no"), (-0.004, "0.00"), (-0.006, "-0.01"), (-150.4, "-150"), (99.999, "100.00")],
)
def test_number_booleans_and_signs(value, text):
    assert number(value) == text


@pytest.mark.parametrize(
    "value, digits, text", [(0.25, 2, "+0.25"), (-0.1, 2, "-0.10"), (0.0, 1, "+0.0"), (3, 0, "+3")]
)
def test_signed_always_shows_the_sign(value, digits, text):
    assert signed(value, digits) == text


def test_the_environment_is_built_once_and_escapes_corpus_text():
    env = environment()
    assert environment() is env
    assert env.autoescape is True
    out = env.from_string("{{ t }}|{{ x | num }}|{{ y | signed }}").render(t='<b a="1">&', x=1234, y=0.5)
    assert out == "&lt;b a=&#34;1&#34;&gt;&amp;|1,234|+0.50"


def test_undefined_names_raise_instead_of_rendering_empty():
    with pytest.raises(jinja2.UndefinedError, match="missing"):
        environment().from_string("{{ missing }}").render()


def test_blocks_are_trimmed_and_the_trailing_newline_kept():
    assert environment().from_string("{% if true %}\n  a\n{% endif %}\n").render() == "  a\n"


def test_templates_of_reports_and_worksheets_are_both_found():
    loader = environment().loader
    assert isinstance(loader, jinja2.FileSystemLoader)
    names = set(loader.list_templates())
    assert "_head.html" in names  # the report's head, shared by worksheets
    folders = [str(path).replace("\\", "/") for path in loader.searchpath]
    assert [f.endswith("reporting/templates") for f in folders] == [True, False]
    assert folders[1].endswith("worksheets/templates")


def test_the_label_filter_is_the_reports_label():
    from framing.reporting.labels import label

    assert environment().filters["label"] is label
