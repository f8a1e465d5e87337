"""The port of TextBlob's tokenizer, stage by stage, against textblob's own tokenizer (the oracle)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.scoring.textblob_tokens import (
    EOS,
    find_words,
    mark_paragraphs,
    rejoin,
    split_token,
    split_word,
    split_words,
)
from tests.scoring.strategies import textblob_sentence


def textblob_words(sentence: str) -> list[str]:
    """The words TextBlob's PatternAnalyzer scores, from textblob's own tokenizer."""
    from textblob.en import sentiment

    return [w.lower() for w in " ".join(sentiment.tokenizer(sentence)).split()]


@settings(max_examples=300, deadline=None)
@given(textblob_sentence())
def test_generated_sentences_tokenize_like_textblob(sentence):
    assert find_words(sentence) == textblob_words(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO's troops (and tanks) arrived.",
        "He said: “It isn't over...”",
        "Mr. Smith met the U.S. envoy, e.g. at 10 a.m.",
        "Great :) but sad :-( really",
        "Wow (!) fine.\n\nNew paragraph",
        '"Quoted," she said. "Again."',
    ],
)
def test_news_sentences_tokenize_like_textblob(sentence):
    assert find_words(sentence) == textblob_words(sentence)


def test_mark_paragraphs_turns_blank_lines_into_sentence_ends():
    assert mark_paragraphs("one\n\n\ntwo") == f"one {EOS} two"
    assert mark_paragraphs("one\r\n\r\ntwo") == f"one {EOS} two"
    assert mark_paragraphs("one\ntwo") == "one\ntwo"


@pytest.mark.parametrize(
    "token, pieces",
    [
        ("(word),", ["(", "word", ")", ","]),
        ("end.", ["end", "."]),
        ("U.S.", ["U.S."]),
        ("wait...", ["wait", "..."]),
        ("n't", ["n't"]),
        ("...", ["..."]),
    ],
)
def test_split_token_peels_punctuation_but_keeps_abbreviations(token, pieces):
    assert split_token(token) == pieces


def test_split_word_spaces_quotes_and_splits_not():
    assert split_word("“don't”") == ["“", "do", "n", "'", "t", "”"]
    assert split_word("isn't") == ["is", "n", "'", "t"]


def test_rejoin_glues_emoticons_and_sarcasm_within_a_sentence():
    assert rejoin([":", ")", "ok"]) == [":)", "ok"]
    assert rejoin(["(", "!", ")"]) == ["(!)"]
    assert rejoin(["good", EOS, "bad"]) == ["good", "bad"]


_WORD_CHARS = st.sampled_from(
    list("abcXYZ019.,;:!?()[]'\"“”‘’-—/%$…nt") + ["n't", "Mr.", "U.S.", "e.g.", "é", "END-OF-SENTENCE"]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(_WORD_CHARS, min_size=1, max_size=6).map("".join), min_size=1, max_size=20))
def test_split_words_is_split_word_on_every_token(tokens):
    assert split_words(tokens) == [split_word(t) for t in tokens]
