"""framing.reporting.sections.findings: the sentences a careful reader of the bundled corpus would write first.

Written down from reading the five articles and the tables: Unattributed
overview B frames the deployment as defensive and Antiwar.com as a buildup;
overview B reads most positive; the sharpest stance gap is toward Ukraine
(Washington Examiner for, Antiwar.com against); Antiwar.com uses the most
evaluative words; Stoltenberg is the most quoted voice and overview B quotes
no one; the troop figure of 40,000 is left out by two outlets.
"""

from __future__ import annotations

import pytest

from framing.reporting.sections.findings import findings
from tests.reporting.fixtures import off_story


@pytest.fixture(scope="module")
def lines(nato_json):
    return {line["topic"]: line for line in nato_json["findings"]["lines"]}


def test_findings_come_first_and_say_they_are_single_article_readings(nato_json, nato_page):
    assert nato_page.index('<section id="findings"') < nato_page.index('<section id="overview"')
    f = nato_json["findings"]
    assert f["single_article"] and "single-article reading" in nato_page
    assert 5 <= len(f["lines"]) <= 8


def test_frame_balance_names_both_ends(lines):
    text = lines["Frame"]["text"]
    assert text.startswith("Unattributed overview B leans most to “defensive” (balance +0.67)")
    assert "Antiwar.com most to “buildup” (-0.55)" in text
    assert [link["href"] for link in lines["Frame"]["links"]] == [
        "hits-military-posture-2-0",
        "hits-military-posture-0-1",
    ]


def test_tone_stance_loaded_sources_and_omission(lines):
    assert lines["Tone"]["text"].startswith("Unattributed overview B has the most positive tone (+0.41)")
    stance = lines["Stance"]["text"]
    assert "toward Ukraine: Washington Examiner" in stance and "Antiwar.com least (-0.41 over 3 mentions)" in stance
    assert lines["Loaded words"]["text"].startswith("Antiwar.com uses the most evaluative words")
    assert lines["Sources"]["text"] == (
        "Jens Stoltenberg is the most quoted voice: 15 quotes in 4 of 5 outlets. "
        "Unattributed overview B quotes no named speaker."
    )
    # the aligner now pairs only sure facts (precision first): each of the bundled corpus's two is told by
    # two of the five outlets, short of the half an omission finding needs, so none is claimed
    assert "Left out" not in lines


def test_every_finding_has_a_caveat_and_links_that_land(nato_json, nato_page):
    for line in nato_json["findings"]["lines"]:
        assert line["caveat"] and f'id="{line["section"]}"' in nato_page
        for link in line["links"]:
            assert f'id="{link["href"]}"' in nato_page, link


def test_overlapping_intervals_make_no_finding(nato_scores, nato_comparison):
    """Two articles per outlet with the same words: no difference can be claimed."""
    import pandas as pd

    from framing.scoring.scores import Scores

    table = pd.concat([nato_scores.table.iloc[[0, 0, 1, 1]]], ignore_index=True)
    table["doc_id"] = ["a", "b", "c", "d"]
    table["outlet"] = ["X", "X", "Y", "Y"]
    table.loc[:, "sentiment"] = [0.1, -0.1, 0.05, -0.05]
    same = Scores(
        table=table,
        evidence=nato_scores.evidence.iloc[0:0],
        sentences=nato_scores.sentences.iloc[0:0],
        quotes=nato_scores.quotes.iloc[0:0],
        stance=nato_scores.stance.iloc[0:0],
        lexicons=nato_scores.lexicons,
        targets=None,
    )
    topics = {line["topic"] for line in findings(same, None, {}, 1)["lines"]}
    assert "Tone" not in topics


class _Omissions:
    """A comparison with only an omissions table (what `_omission` reads)."""

    def __init__(self, rows):
        import pandas as pd

        frame = pd.DataFrame(rows)
        for outlet in ("A", "B", "C", "D", "E"):
            frame[outlet] = pd.array(frame[outlet], dtype="boolean")
        self.omissions = frame


def test_an_outlet_that_never_covers_the_story_is_not_said_to_leave_the_fact_out():
    from framing.reporting.sections.findings import _omission

    na = None
    comparison = _Omissions(
        [  # fact 1: told by A, B, C of the four outlets covering story 7; E never covers story 7
            {"fact": 1, "story": 7, "outlets": 3, "example": "40,000 troops", "A": 1, "B": 1, "C": 1, "D": 0, "E": na},
            {"fact": 2, "story": 8, "outlets": 2, "example": "a summit", "A": na, "B": na, "C": na, "D": 1, "E": 1},
        ]
    )
    (line,) = _omission(comparison)
    assert line["text"] == "3 of 4 outlets covering its story report the fact “40,000 troops”; D does not."


def test_no_omission_is_claimed_when_every_covering_outlet_tells_the_fact():
    from framing.reporting.sections.findings import _omission

    na = None
    comparison = _Omissions(
        [
            {"fact": 1, "story": 7, "outlets": 3, "example": "troops", "A": 1, "B": 1, "C": 1, "D": na, "E": na},
            {"fact": 2, "story": 7, "outlets": 2, "example": "jets", "A": 1, "B": 1, "C": 0, "D": na, "E": na},
        ]
    )
    (line,) = _omission(comparison)  # fact 1 has no one missing; fact 2 is the first that does
    assert line["text"] == "2 of 3 outlets covering its story report the fact “jets”; C does not."


def test_no_frame_finding_when_the_lexicon_was_written_for_another_story(nato_scores):
    """A tenth of military-posture's home rate: the report warns instead of naming who leans where."""
    from framing.reporting.sections.frames import frames

    thin = off_story(nato_scores)
    found = findings(thin, None, {}, 1)
    assert "Frame" not in {line["topic"] for line in found["lines"]}
    assert "Frame" in {line["topic"] for line in findings(nato_scores, None, {}, 1)["lines"]}
    (warning,) = found["warnings"]
    assert "written for another story" in warning
    assert frames(thin, {})["warnings"] == [warning]


@pytest.mark.parametrize(
    "side, mean, words",
    [
        ("positive", 0.4, "most positive"),
        ("negative", -0.2, "most negative"),
        ("negative", 0.05, "least positive"),  # every outlet positive: the lowest is not "negative"
        ("positive", -0.1, "least negative"),  # every outlet negative
        ("negative", 0.0, "least positive"),
    ],
)
def test_the_tone_words_follow_the_sign(side, mean, words):
    from framing.reporting.sections.findings import _most

    assert _most(side, mean) == words
