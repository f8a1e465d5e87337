"""The report's compute order (compare, score, mark the facts) gives what compare(scores=score()) gives."""

from __future__ import annotations

import pandas.testing as pdt

from framing.reporting.compute import compare_unscored, compute, mark_scored_facts


def test_compare_first_then_scores_equals_compare_with_scores(nato_corpus, nato_scores, nato_comparison):
    scores, comparison = compute(nato_corpus)
    for name, table in nato_comparison.tables().items():
        pdt.assert_frame_equal(comparison.tables()[name], table, obj=name)
    for name in ("table", "evidence", "sentences", "quotes", "stance"):
        pdt.assert_frame_equal(getattr(scores, name), getattr(nato_scores, name), obj=name)
    assert comparison.settings == nato_comparison.settings


def test_the_facts_are_marked_only_once_scores_are_there(nato_corpus, nato_scores, nato_comparison):
    unscored = compare_unscored(nato_corpus)
    assert (unscored.facts["marks"] == "").all()
    assert (nato_comparison.facts["marks"] != "").any()  # the bundled corpus has marked facts to lose
    pdt.assert_frame_equal(mark_scored_facts(unscored, nato_scores).facts, nato_comparison.facts)
