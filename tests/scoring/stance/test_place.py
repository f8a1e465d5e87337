"""Place references: a mention that names a place is counted, but not read as a judgement of the actor."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.scoring.stance import place as stance_place
from framing.scoring.stance.article import score_stance
from framing.scoring.stance.model import analyse, token_range
from framing.scoring.stance.place import is_place
from framing.scoring.stance.targets import parse_targets

TARGETS = parse_targets(
    "- name: Russia\n  aliases: [Russia, Moscow]\n- name: NATO\n  aliases: [NATO]\n"
    "- name: United States\n  aliases: [the United States, Washington]\n"
)


def place(sentence: str, mention: str) -> bool:
    sent = analyse(sentence)
    start = sentence.index(mention)
    a, b = token_range(sent, start, start + len(mention))
    return is_place(sent.norms, a, b)


@pytest.mark.parametrize(
    "sentence, mention",
    [
        # the bundled corpus (001, 004)
        ("NATO calls extraordinary meeting addressing defenses along Russia’s border", "Russia"),
        ("Defense ministers are meeting to discuss shoring up security in countries on Russia’s border.", "Russia"),
        ("NATO plans to put enough troops in states that border Russia to repel an invasion.", "Russia"),
        # the shapes the rules know, as AllSides articles use them
        ("The rebels hold the largest stronghold of Donetsk in eastern Ukraine.", "Ukraine"),
        ("Speculation has begun in Washington over the investigation.", "Washington"),
        ("What we need in the United States is not division.", "the United States"),
        ("Fighting continued east of Moscow.", "Moscow"),
        ("Drones crossed into Russia's airspace.", "Russia"),
        ("Troops were stationed near Moscow.", "Moscow"),
    ],
)
def test_places(sentence, mention):
    assert place(sentence, mention)


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Russia has been testing NATO’s resolve.", "Russia"),  # the subject acts
        ("NATO leaders will discuss Russia’s invasion.", "Russia"),  # the actor's own action
        ("In Russia's view, the alliance is a threat.", "Russia"),  # something of the actor's
        ("The West imposed sanctions on Russia.", "Russia"),  # "on" introduces an actor
        ("It must be made clear to Russia that NATO is ready.", "Russia"),  # so does "to"
        ("Public trust in NATO has grown.", "NATO"),  # an attitude, not a place
        ("Voters have little confidence in Washington.", "Washington"),
        ("Moscow demanded a withdrawal.", "Moscow"),
    ],
)
def test_not_places(sentence, mention):
    assert not place(sentence, mention)


def run(text):
    return score_stance(pd.DataFrame({"doc_id": ["d"], "clean_text": [text]}), TARGETS)


def test_place_mentions_count_but_do_not_move_the_score():
    text = "Troops gathered along Russia's border. Russia has been testing NATO's resolve with dangerous attacks."
    table, evidence = run(text)
    row = table.set_index("target").loc["Russia"]
    assert row.mentions == 2
    rows = evidence[evidence.target == "Russia"]
    assert list(rows[rows.kind == "place"].text) == ["Russia"]
    assert (rows[rows.kind == "place"].weight == 0).all()
    actor = rows[rows.kind == "mention"]
    assert len(actor) == 1
    assert row.score == pytest.approx(actor.weight.iloc[0], abs=1e-4)  # the mean of the actor mentions only
    assert set(rows[rows.sentence == 0].kind) == {"place"}  # no cue words come from the place sentence
    off, _ = score_stance(pd.DataFrame({"doc_id": ["d"], "clean_text": [text]}), TARGETS, places=False)
    assert off.set_index("target").loc["Russia"].score != row.score


def test_an_actor_named_only_as_a_place_is_neutral_not_missing():
    table, evidence = run("Reporters waited in Moscow for hours in the terrible cold.")
    row = table.set_index("target").loc["Russia"]
    assert (row.mentions, row.score, row.label) == (1, 0.0, "neutral")
    assert set(evidence[evidence.target == "Russia"].kind) == {"place"}


def test_a_broken_rules_file_is_a_clear_error(tmp_path, monkeypatch):
    bad = tmp_path / "stance_place.yaml"
    bad.write_text("format: framing-stance-place/1\nprepositions: in\n", encoding="utf-8")
    monkeypatch.setattr(stance_place, "PLACE_PATH", bad)
    stance_place.place_words.cache_clear()
    try:
        with pytest.raises(FramingError, match="prepositions"):
            stance_place.place_words()
    finally:
        stance_place.place_words.cache_clear()
