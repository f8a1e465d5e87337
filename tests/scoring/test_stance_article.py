"""Article stance: frame cues from the targets file, evidence kinds, scores in range."""
from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.scoring.stance_article import EVIDENCE_COLUMNS, score_stance
from framing.scoring.targets import parse_targets

PLAIN = parse_targets("- name: NATO\n  aliases: [NATO]\n")
FRAMED = parse_targets("- name: NATO\n  aliases: [NATO]\n  frames:\n    military-posture: {buildup: -1, defensive: 1}\n")


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


def test_nearer_frame_cues_weigh_more():
    _, near = run("NATO ordered a buildup.", FRAMED)
    _, far = run("NATO ordered, after long talks with many partners over many months, a buildup.", FRAMED)
    w_near = near[near.kind == "frame"].weight.iloc[0]
    w_far = far[far.kind == "frame"].weight.iloc[0]
    assert w_near < w_far < 0


def test_frame_cues_only_for_the_target_that_lists_them():
    targets = parse_targets("- name: NATO\n  aliases: [NATO]\n  frames:\n    military-posture: {buildup: -1}\n"
                            "- name: Russia\n  aliases: [Russia]\n")
    _, evidence = run("NATO and Russia discussed a buildup.", targets)
    assert set(evidence[evidence.kind == "frame"].target) == {"NATO"}


def test_function_words_neither_move_article_stance_nor_show_as_evidence():
    _, evidence = run("NATO will defend the allies and that is good.", PLAIN)
    cues = set(evidence[evidence.kind == "cue"].text)
    assert "defend" in cues or "good" in cues
    assert not cues & {"will", "the", "that", "is", "and"}
    assert set(evidence.kind) <= {"mention", "cue", "frame"}


def test_article_stance_ignores_function_words_the_sentence_model_weighs():
    from framing.scoring.stance import target_stance

    # 'will' and 'from' carry fitted weight in the sentence model ...
    sentence = "NATO will move from Brussels."
    weighed = {word for _, _, word, _ in target_stance(sentence, 0, 4).evidence}
    assert weighed & {"will", "from"}
    # ... but an article of only function words around the mention has no stance cue at all
    row, evidence = run(sentence, PLAIN)
    assert not set(evidence[evidence.kind == "cue"].text) & {"will", "from"}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["buildup", "massive", "deterrence", "NATO", "not", "said", "good", ",", "."]),
                min_size=1, max_size=40))
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
