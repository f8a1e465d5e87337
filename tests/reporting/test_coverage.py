"""framing.reporting.coverage: a topic lexicon that does not fit the corpus is flagged."""

from __future__ import annotations

from dataclasses import replace

from framing.reporting.coverage import coverage, coverage_warnings


def test_the_seed_lexicon_fits_the_seed_story(nato_scores):
    (posture,) = coverage(nato_scores)
    assert posture["lexicon"] == "military-posture" and posture["share"] == 1.0 and posture["rate"] > 10
    assert coverage_warnings(nato_scores) == []


def test_a_lexicon_with_almost_no_hits_is_warned_about(nato_scores):
    evidence = nato_scores.evidence
    keep = ~((evidence["lexicon"] == "military-posture") & (evidence["doc_id"] != "000-defense-news"))
    thin = replace(nato_scores, evidence=evidence[keep])
    (posture,) = coverage(thin)
    assert posture["low"] and posture["share"] == 0.2
    (warning,) = coverage_warnings(thin)
    assert "military-posture" in warning and "20% of the articles" in warning
