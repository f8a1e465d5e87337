"""Word features of the slant model: offsets, cue classes, and character n-grams that carry to unseen words."""

from __future__ import annotations

import math

from framing.scoring.slant.features import char_grams, word_features


def test_char_grams_are_the_distinct_padded_ngrams_each_worth_one_over_their_root() -> None:
    grams = char_grams("lies")  # " lies ": 4 three-grams, 3 four-grams, 2 five-grams
    names = [name for name, _ in grams]
    assert names == sorted(names) and len(names) == 9
    assert {"c: li", "c:lie", "c:ies ", "c: lies", "c:lies "} <= set(names)
    assert all(value == 1.0 / math.sqrt(9) for _, value in grams)


def test_related_words_share_most_of_their_ngrams() -> None:
    radical = {n for n, _ in char_grams("radical")}
    assert len(radical & {n for n, _ in char_grams("radicals")}) > len(radical) / 2
    assert not radical & {n for n, _ in char_grams("budget")}


def test_word_features_give_offsets_and_only_the_families_asked_for() -> None:
    sentence = "Critics slammed the bizarre plan."
    words = word_features([sentence], ("words", "cues"))[0]
    assert [sentence[w.start : w.end] for w in words] == ["Critics", "slammed", "the", "bizarre", "plan"]
    assert all(not name.startswith("c:") for w in words for name, _ in w.features)
    assert ("cue:report_loaded", 1.0) in words[1].context
    with_chars = word_features([sentence], ("words", "chars"))[0]
    assert ("w:plan", 1.0) in with_chars[4].lexical and any(n == "c: pla" for n, _ in with_chars[4].lexical)


def test_the_context_family_gives_each_word_its_neighbours_classes_and_place() -> None:
    sentence = "Critics slammed the utterly bizarre plan."
    words = word_features([sentence], ("cues", "context"))[0]
    names = [dict(w.features) for w in words]
    assert names[0]["p:edge"] == 1.0 and names[0]["n:cue:report_loaded"] == 1.0  # "slammed" follows
    assert names[-1]["n:edge"] == 1.0 and names[-1]["p:cue:loaded_adjectives"] == 1.0  # "bizarre" precedes
    assert [n["place"] for n in names] == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert names[2]["stop"] == 1.0 and "stop" not in names[4]
    assert names[4]["vneg"] > 0 and "vpos" not in names[4]  # VADER reads "bizarre" as negative
    assert not any(k.startswith(("p:p:", "n:n:", "p:n:")) for n in names for k in n)  # neighbours' own, not theirs


def test_without_the_context_family_words_keep_only_their_own_features() -> None:
    words = word_features(["Critics slammed the bizarre plan."], ("words", "cues"))[0]
    assert not any(n.startswith(("p:", "n:", "place", "stop")) for w in words for n, _ in w.features)
