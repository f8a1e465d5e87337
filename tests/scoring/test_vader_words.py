"""VADER word evidence against vaderSentiment's own per-token valences (the oracle), found with `str.find`."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment import vaderSentiment as vs

from framing.scoring.vader_fast import analyse
from framing.scoring.vader_words import WordValences, word_counts, word_valences
from tests.scoring.strategies import vader_sentence

ANALYZER = vs.SentimentIntensityAnalyzer()


def vader_words(sentence: str) -> list[tuple[int, int, str, float, bool]]:
    """(start, end, word, valence, negated) of each valenced token, as `polarity_scores` computes the valences."""
    sentitext = vs.SentiText(sentence)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in vs.BOOSTER_DICT or (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        sentiments = ANALYZER.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = ANALYZER._but_check(words, sentiments)
    out, cursor = [], 0
    for word, value in zip(words, sentiments):
        at = sentence.find(word, cursor)
        cursor = at + len(word)
        if value:
            negated = ANALYZER.lexicon.get(word.lower(), 0.0) * value < 0
            out.append((at, at + len(word), word, round(value, 4), negated))
    return out


def ours(sentences: list[str]) -> list[list[tuple[int, int, str, float, bool]]]:
    found = word_valences(analyse(sentences, emoji=False))
    per: list[list[tuple[int, int, str, float, bool]]] = [[] for _ in sentences]
    for k, start, end, word, value, negated in zip(
        found.sentence.tolist(),
        found.start.tolist(),
        found.end.tolist(),
        found.word,
        found.valence.tolist(),
        found.negated.tolist(),
    ):
        per[k].append((start, end, word, value, negated))
    return per


SENTENCES = [
    "The war was terrible.",
    "NATO is not good, but the plan is GREAT!",
    "It isn't bad at all",
    "good:) :)",
    "Kind of nice, very sad and extremely happy.",
    "Troops arrived on Tuesday.",
    "",
]


def test_known_sentences_give_vaders_words_valences_and_offsets():
    assert ours(SENTENCES) == [vader_words(s) for s in SENTENCES]


def test_a_negated_word_is_flagged_and_its_offsets_slice_the_sentence():
    sentence = "This is not good."
    ((start, end, word, value, negated),) = ours([sentence])[0]
    assert sentence[start:end] == word == "good" and value < 0 and negated


@settings(max_examples=150, deadline=None)
@given(st.lists(vader_sentence, min_size=1, max_size=6))
def test_generated_sentences(sentences):
    assert ours(sentences) == [vader_words(s) for s in sentences]


def test_word_counts_count_tokens_with_a_letter_or_digit():
    counts = word_counts(analyse(["one -- two :)", "", "3 apples!"], emoji=False))
    assert counts.tolist() == [2, 0, 2] and counts.dtype == np.int64


def test_shifted_and_joined_batches_keep_order():
    first = word_valences(analyse(["good day"], emoji=False))
    second = word_valences(analyse(["bad day", "great"], emoji=False))
    joined = WordValences.join([first, second.shifted(1)])
    assert joined.sentence.tolist() == [0, 1, 2] and joined.word == ["good", "bad", "great"]
    assert WordValences.join([first]) is first


@pytest.mark.parametrize("sentence", ["good:) :)", "ok:( -- :( fine"])
def test_punctuation_tokens_after_stripped_punctuation_are_found_like_str_find(sentence):
    assert ours([sentence]) == [vader_words(sentence)]
