"""framing.reporting.legend: one class and colour per category, agreeing with the page's CSS."""

from __future__ import annotations

import re

from framing.reporting.legend import legend, legend_classes, legend_groups


def test_one_entry_per_category_plus_stance(nato_scores):
    entries = legend(nato_scores.lexicons)
    assert len(entries) == sum(len(lex.categories) for lex in nato_scores.lexicons) + 1
    assert [e["css"] for e in entries[:-1]] == [f"k{i}" for i in range(len(entries) - 1)]
    assert entries[-1]["family"] == "stance"
    with_slant = legend(nato_scores.lexicons, slant=True)  # only when the scores carry slant words
    assert with_slant[:-1] == entries and with_slant[-1]["family"] == "slant"
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", e["colour"]) for e in entries)
    loaded = {e["family"] for e in entries if e["lexicon"] == "loaded-language"}
    assert loaded == {"loaded"}


def test_classes_and_groups_follow_the_entries(nato_scores, nato_page):
    entries = legend(nato_scores.lexicons)
    classes = legend_classes(entries)
    assert classes[("military-posture", "defensive")] == "k0 lx0"
    groups = legend_groups(entries)
    assert [g["lexicon"] for g in groups] == [lex.name for lex in nato_scores.lexicons] + ["stance"]
    for g in groups:
        assert f'id="show-{g["group"]}"' in nato_page


def test_the_classes_carry_each_categorys_label_for_tooltips(nato_scores):
    classes = legend_classes(legend(nato_scores.lexicons))
    assert classes.names[("loaded-language", "report_neutral")] == "neutral report verbs (said)"
    assert set(classes.names) == set(classes)
