"""framing.reporting.keywords: a story's key words without "said" or page furniture, in the text's capitals."""

from __future__ import annotations

from framing.reporting.keywords import key_words


def test_neutral_report_verbs_and_furniture_go_capitals_stay():
    assert key_words("nato, said, mr, pentagon", ["NATO and the Pentagon said", "Nato"]) == "NATO, Pentagon"


def test_phrases_with_a_furniture_word_go():
    assert key_words("hide caption, troops, photos", []) == "troops"
