"""Article stance: frame cues from the targets file, evidence kinds, scores in range."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.scoring.stance.article import EVIDENCE_COLUMNS, score_stance
from framing.scoring.stance.targets import parse_targets

PLAIN = parse_targets("- name: NATO\n  aliases: [NATO]\n")
FRAMED = parse_targets(
    "- name: NATO\n  aliases: [NATO]\n  frames:\n    military-posture: {buildup: -1, defensive: 1}\n"
)


def run(text, targets):
    table, evidence = score_stance(pd.DataFrame({"doc_id": ["d"], "clean_text": [text]}), targets)
    return table.iloc[0], evidence


def test_buildup_frame_counts_against_and_defensive_for_the_target():
    text = "NATO began a massive military buildup."
    plain, _ = run(text, PLAIN)
    framed, evidence = run(text, FRAMED)
    assert framed.score < plain.score
    frames = evidence[evidence.kind == "frame"]
    assert len(frames) >= 1 and (frames.weight < 0).all()
    assert list(evidence.columns) == EVIDENCE_COLUMNS
    for r in frames.itertuples():
        assert text[r.start : r.end] == r.text
    defended, evidence = run("NATO began deterrence and reassurance.", FRAMED)
    plain, _ = run("NATO began deterrence and reassurance.", PLAIN)
    assert defended.score > plain.score
    assert (evidence[evidence.kind == "frame"].weight > 0).all()


def test_negated_frame_hits_are_dropped():
    _, evidence = run("NATO is not planning a buildup.", FRAMED)
    assert evidence[evidence.kind == "frame"].empty


def test_a_shifter_before_a_frame_cue_reverses_it_but_a_cue_phrase_holding_its_shifter_is_read_whole():
    _, governed = run("NATO moved to stop the buildup.", FRAMED)
    assert (governed[governed.kind == "frame"].weight > 0).all() and not governed[governed.kind == "frame"].empty
    diplomacy = parse_targets("- name: NATO\n  aliases: [NATO]\n  frames:\n    military-posture: {diplomacy: 1}\n")
    _, whole = run("NATO made averting such escalation its priority.", diplomacy)
    frames = whole[whole.kind == "frame"]
    assert frames.text.tolist() == ["averting such escalation"] and (frames.weight > 0).all()


def test_a_mention_with_no_cue_scores_exactly_neutral():
    row, evidence = run("NATO, Russia, Ukraine.", PLAIN)
    assert row.score == 0.0 and row.label == "neutral"
    assert evidence[evidence.kind == "cue"].empty


def test_nearer_frame_cues_weigh_more():
    _, near = run("NATO ordered a buildup.", FRAMED)
    _, far = run("NATO ordered, after long talks with many partners over many months, a buildup.", FRAMED)
    w_near = near[near.kind == "frame"].weight.iloc[0]
    w_far = far[far.kind == "frame"].weight.iloc[0]
    assert w_near < w_far < 0


def test_frame_cues_only_for_the_target_that_lists_them():
    targets = parse_targets(
        "- name: NATO\n  aliases: [NATO]\n  frames:\n    military-posture: {buildup: -1}\n"
        "- name: Russia\n  aliases: [Russia]\n"
    )
    _, evidence = run("NATO and Russia discussed a buildup.", targets)
    assert set(evidence[evidence.kind == "frame"].target) == {"NATO"}


def test_function_words_neither_move_article_stance_nor_show_as_evidence():
    _, evidence = run("NATO will defend the allies and that is good.", PLAIN)
    cues = set(evidence[evidence.kind == "cue"].text)
    assert "defend" in cues or "good" in cues
    assert not cues & {"will", "the", "that", "is", "and"}
    assert set(evidence.kind) <= {"mention", "cue", "frame"}


def test_article_stance_ignores_function_words_the_sentence_model_weighs():
    from framing.scoring.stance.model import target_stance

    # 'will' and 'from' carry fitted weight in the sentence model ...
    sentence = "NATO will move from Brussels."
    weighed = {word for _, _, word, _ in target_stance(sentence, 0, 4).evidence}
    assert weighed & {"will", "from"}
    # ... but an article of only function words around the mention has no stance cue at all
    row, evidence = run(sentence, PLAIN)
    assert not set(evidence[evidence.kind == "cue"].text) & {"will", "from"}


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(["buildup", "massive", "deterrence", "NATO", "not", "said", "good", ",", "."]),
        min_size=1,
        max_size=40,
    )
)
def test_scores_stay_in_range_with_many_frame_cues(words):
    row, evidence = run("NATO " + " ".join(words), FRAMED)
    assert -1 <= row.score <= 1
    mentions = evidence[evidence.kind == "mention"]
    assert mentions.weight.between(-1, 1).all()


def test_each_mention_drops_function_words_afresh():
    # "us" is a stop word: one mention's own tokens must not leak into the next mention's cues
    targets = parse_targets("- name: United States\n  aliases: []\n  exact: [US]\n")
    text = "The US sent aid, the US sent troops and the US sent planes to help."
    _, evidence = run(text, targets)
    assert len(evidence[evidence.kind == "mention"]) == 3
    assert "US" not in set(evidence[evidence.kind == "cue"].text)


RUSSIA = parse_targets("- name: Russia\n  aliases: [Russia]\n  frames:\n    military-posture: {russian_threat: -1}\n")


def test_a_frame_cue_pulls_away_from_neutral_like_a_valenced_word():
    # the sentence model reads a meeting sentence as confidently neutral (P(neutral) ~0.9); the
    # actor's own "invasion" (a russian_threat cue) must still move it clearly, and be the
    # strongest evidence a reader is shown (a shift between positive and negative only moved it 0.04)
    text = "NATO leaders will meet again on March 24 to discuss Russia's invasion and how the alliance will respond."
    plain, _ = run(text, parse_targets("- name: Russia\n  aliases: [Russia]\n"))
    framed, evidence = run(text, RUSSIA)
    assert framed.score < plain.score - 0.08, (plain.score, framed.score)
    moved = evidence[evidence.kind != "mention"]
    strongest = moved.loc[moved.weight.abs().idxmax()]
    assert (strongest.kind, strongest.text) == ("frame", "invasion") and strongest.weight < 0


def test_words_read_against_their_frame_cue_are_left_out_and_words_read_with_it_kept():
    # "testing NATO's resolve" is one cue against Russia; "resolve" alone is a positive word
    # to the sentence model and must not pull the other way from inside the cue
    text = "Russia has been testing NATO's resolve in recent weeks."
    _, evidence = run(text, RUSSIA)
    frames = evidence[evidence.kind == "frame"]
    assert list(frames.text) == ["testing NATO's resolve"] and (frames.weight < 0).all()
    cues = evidence[evidence.kind == "cue"]
    assert not set(cues.text) & {"testing", "NATO", "resolve"}, cues
    # "safe" inside the defensive cue "safe and secure" is read the same way: it still counts
    _, evidence = run("NATO is safe and secure.", FRAMED)
    assert list(evidence[evidence.kind == "frame"].text) == ["safe and secure"]
    safe = evidence[(evidence.kind == "cue") & (evidence.text == "safe")]
    assert len(safe) == 1 and safe.weight.iloc[0] > 0
