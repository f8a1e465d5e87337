"""framing.reporting.coverage: a topic lexicon that does not fit the corpus is flagged."""

from __future__ import annotations

from dataclasses import replace

from framing.reporting.coverage import coverage, coverage_warnings
from tests.reporting.fixtures import off_story


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


def test_the_rate_the_seed_lexicon_states_for_its_own_story_is_what_it_scores_there(nato_scores):
    (posture,) = coverage(nato_scores)
    lexicon = next(lexicon for lexicon in nato_scores.lexicons if lexicon.name == "military-posture")
    assert lexicon.written_for is not None and lexicon.written_for.corpus == "nato-eastern-flank-2022"
    assert abs(lexicon.written_for.hits_per_1000 - posture["rate"]) < 0.05, posture  # update the YAML if it moved
    assert posture["written_for"] == ["nato-eastern-flank-2022", lexicon.written_for.hits_per_1000]


def test_a_lexicon_matching_common_words_of_another_story_is_warned_about_against_its_own_rate(nato_scores):
    """Most articles touched and 3+ hits per 1,000 words pass the absolute floor; a tenth of its home rate does not."""
    thin = off_story(nato_scores)
    (posture,) = coverage(thin)
    assert posture["share"] == 1.0 and posture["rate"] >= 2.0  # the absolute floor is passed
    assert posture["low"]
    (warning,) = coverage_warnings(thin)
    assert "against 39.6 on nato-eastern-flank-2022, the story it was written for" in warning


def test_a_lexicon_without_a_home_rate_is_judged_by_the_floor_alone(nato_scores):
    thin = off_story(nato_scores)
    lexicons = tuple(
        replace(lexicon, written_for=None) if lexicon.name == "military-posture" else lexicon
        for lexicon in thin.lexicons
    )
    (posture,) = coverage(replace(thin, lexicons=lexicons))
    assert posture["written_for"] is None and not posture["low"]
