"""framing.reporting.labels: snake_case category names in plain words."""

from __future__ import annotations

import pytest

from framing.reporting.labels import label


@pytest.mark.parametrize(
    "name, plain",
    [
        ("russian_threat", "Russian threat"),
        ("cost_burden", "cost burden"),
        ("security_and_defense", "security and defense"),
        ("defensive", "defensive"),
        ("report_neutral", "report neutral"),
    ],
)
def test_names_become_words(name, plain):
    assert label(name) == plain


def test_a_given_label_wins():
    assert label("report_neutral", "neutral report verbs (said, told)") == "neutral report verbs (said, told)"


def test_the_lexicon_s_labels_are_used_and_plain_words_otherwise():
    from framing.lexicons.model import load_lexicon
    from framing.reporting.labels import category_labels, labeller

    lexicons = [load_lexicon("military-posture"), load_lexicon("loaded-language")]
    labels = category_labels(lexicons)
    assert labels["cost_burden"] == "cost and burden" and labels["factive"] == "fact verbs (realize, reveal)"
    name = labeller(lexicons)
    assert name("russian_threat") == "Russian threat" and name("not_a_category") == "not a category"


def test_the_bundled_report_shows_no_snake_case_category_name(nato_page, nato_scores):
    import re

    names = [n for lex in nato_scores.lexicons for n in lex.categories if "_" in n]
    page = re.sub(r"<script.*?</script>", "", nato_page, flags=re.S)
    assert names and [n for n in names if n in page] == []
    assert "law and courts" in page and "fact verbs (realize, reveal)" in page
