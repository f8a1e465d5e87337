"""framing.reporting.sections.policy_frames: outlets x frames, oriented as the figure."""
from __future__ import annotations

from framing.reporting.sections.policy_frames import policy_frames


def test_frames_are_rows_when_there_are_more_frames_than_outlets(nato_json):
    t = nato_json["policy_frames"]
    assert t["columns"][0] == "frame" and len(t["columns"]) == 1 + 5
    assert "security_and_defense" in [row[0] for row in t["rows"]]


def test_no_policy_lexicon_no_table(nato_scores):
    from dataclasses import replace

    without = replace(nato_scores, lexicons=tuple(lex for lex in nato_scores.lexicons if lex.name != "policy-frames"))
    assert policy_frames(without) is None
