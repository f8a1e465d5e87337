"""Voice: the words a target reports are its position, not a judgement of it."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.scoring.stance.article import score_stance
from framing.scoring.stance.model import analyse, token_range
from framing.scoring.stance.targets import parse_targets
from framing.scoring.stance.voice import voice_mask, voice_words

TARGETS = parse_targets("- name: Russia\n  aliases: [Russia, Moscow, Putin]\n- name: NATO\n  aliases: [NATO]\n")


def dropped(sentence: str, mention: str):
    sent = analyse(sentence)
    start = sentence.index(mention)
    a, b = token_range(sent, start, start + len(mention))
    mask = voice_mask(sent, a, b)
    return None if mask is None else [w for w, m in zip(sent.norms, mask) if m]


@pytest.mark.parametrize(
    "sentence, mention, words",
    [
        (
            "Moscow has consistently said the alliance is a threat; NATO disagrees.",
            "Moscow",
            ["has", "consistently", "said", "the", "alliance", "is", "a", "threat"],
        ),
        (
            "Moscow is unlikely to share that interpretation.",
            "Moscow",
            ["is", "unlikely", "to", "share", "that", "interpretation", "."],
        ),
        ("Russia demanded a withdrawal.", "Russia", ["demanded", "a", "withdrawal", "."]),
        ("NATO claimed the plan is defensive.", "NATO", ["the", "plan", "is", "defensive", "."]),  # loaded verb kept
    ],
)
def test_reported_words_are_dropped(sentence, mention, words):
    assert dropped(sentence, mention) == words


@pytest.mark.parametrize(
    "sentence, mention",
    [
        ("Russia brutally attacked Ukraine.", "Russia"),  # not a report verb
        ("The ambassador in Moscow demanded an apology.", "Moscow"),  # object of a preposition
        ("Visitors to the US were not considered family.", "US"),  # passive
        ("Pressure grows on a president in the US to call for reform.", "US"),  # someone else calls
        ("Moscow, the capital, said nothing.", "Moscow"),  # punctuation in between
        ("Five US states have such laws.", "US"),  # "states" is a noun
    ],
)
def test_no_voice_where_the_mention_does_not_speak(sentence, mention):
    assert dropped(sentence, mention) is None


def test_verbs_come_from_the_data_file():
    neutral, loaded, between, gap, not_after, passive_be, participles = voice_words()
    assert {"said", "demanded", "considers"} <= neutral and "claimed" in loaded
    assert "claimed" not in neutral and gap >= 3 and "in" in not_after


def _russia(text, **kw):
    table, evidence = score_stance(pd.DataFrame({"doc_id": ["d"], "clean_text": [text]}), TARGETS, **kw)
    row = table.set_index("target").loc["Russia"]
    return row.score, evidence[(evidence.target == "Russia") & (evidence.kind != "mention")]


def test_voice_keeps_reported_words_out_of_the_speakers_stance():
    text = "Moscow said the horrible, brutal alliance is a deadly threat."
    with_voice, cues = _russia(text)
    without, cues_before = _russia(text, voice=False)
    assert without < -0.3 and abs(with_voice) < abs(without)
    assert {"horrible", "brutal", "deadly"} <= set(cues_before.text) and cues.empty


def test_the_actor_speaking_of_itself_is_not_judged_by_its_own_words():
    # "Putin" (Russia) inside Moscow's reported words: Russia speaking of itself
    text = "Moscow has said the terrible threat is the reason Putin acted."
    _, cues = _russia(text)
    assert cues.empty
    _, cues_before = _russia(text, voice=False)
    assert "terrible" in set(cues_before.text)


def test_other_targets_inside_reported_words_are_still_scored():
    text = "Moscow said NATO is a horrible, aggressive menace."
    _, evidence = score_stance(pd.DataFrame({"doc_id": ["d"], "clean_text": [text]}), TARGETS)
    nato = evidence[(evidence.target == "NATO") & (evidence.kind == "cue")]
    assert "horrible" in set(nato.text)


SPOKEN = parse_targets("- name: NATO\n  aliases: [NATO, the alliance]\n  speakers: [Stoltenberg, the NATO chief]\n")


def test_a_speaker_speaks_for_its_target():
    text = "Stoltenberg said the alliance is a horrible, dangerous failure."
    articles = pd.DataFrame({"doc_id": ["d"], "clean_text": [text]})
    _, evidence = score_stance(articles, SPOKEN)
    assert evidence[(evidence.kind != "mention")].empty  # NATO's own words about NATO
    _, before = score_stance(articles, SPOKEN, voice=False)
    assert "horrible" in set(before.text)


def test_a_speakers_title_is_no_mention():
    from framing.scoring.stance.targets import find_mentions

    found = find_mentions("The force will grow, the NATO chief said. NATO agreed.", SPOKEN)
    assert [m.text for m in found] == ["NATO"] and found[0].start > 30
