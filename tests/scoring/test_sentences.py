"""sentence_sentiment against vaderSentiment and TextBlob per sentence, and the scorer's word evidence against
the per-sentence code it replaced: zero differences allowed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.scoring.sentences import COLUMNS, analyse_sentences, sentence_sentiment
from framing.scoring.vader_words import word_counts, word_valences
from tests.scoring.conftest import sentences_of
from tests.scoring.sentiment_oracle import package_scores, package_words
from tests.scoring.strategies import any_sentence

TOLERANCE = 1e-9


def assert_same_scores(sentences: list[str]) -> None:
    got, want = sentence_sentiment(sentences), package_scores(sentences)
    assert list(got.columns) == COLUMNS and len(got) == len(sentences)
    gap = np.abs(got.to_numpy() - want.to_numpy()).max(axis=1, initial=0)
    differ = np.flatnonzero(gap > TOLERANCE)
    assert not len(differ), [(sentences[i], got.iloc[i].tolist(), want.iloc[i].tolist()) for i in differ[:5]]


def assert_same_words(sentences: list[str]) -> None:
    """Compound, valenced words (offsets, word, rounded valence, negation) and word counts, sentence by sentence."""
    analysis = analyse_sentences(sentences, emoji=False)
    found = word_valences(analysis.vader)
    counts = word_counts(analysis.vader).tolist()
    rows = list(
        zip(
            found.sentence.tolist(),
            found.start.tolist(),
            found.end.tolist(),
            found.word,
            found.valence.tolist(),
            found.negated.tolist(),
        )
    )
    compounds = analysis.scores["vader.compound"].tolist()
    want_rows = []
    for k, sentence in enumerate(sentences):
        compound, words, n_words = package_words(sentence)
        assert (compounds[k], counts[k]) == (compound, n_words), sentence
        want_rows += [(k, *word) for word in words]
    assert rows == want_rows


def test_every_sentence_of_the_bundled_corpus(nato_corpus):
    sentences = sentences_of(list(nato_corpus.articles["clean_text"]))
    assert len(sentences) > 90
    assert_same_scores(sentences)
    assert_same_words(sentences)


@pytest.mark.data
def test_20000_allsides_sentences(allsides_sentences):
    assert len(allsides_sentences) == 20_000
    assert_same_scores(allsides_sentences)


@pytest.mark.data
def test_20000_allsides_sentences_word_evidence(allsides_sentences):
    assert_same_words(allsides_sentences)


@settings(max_examples=300, deadline=None)
@given(st.lists(any_sentence, min_size=1, max_size=6))
def test_generated_sentences(sentences):
    assert_same_scores(sentences)


# Punctuation tokens next to stripped ones, where str.find can meet a word early.
_PUNCT = st.sampled_from(
    [
        ":)",
        ":(",
        "--",
        "-",
        "...",
        "!!",
        "?",
        "good:)",
        ":)good",
        "(good)",
        "bad,",
        "'ok'",
        "ok.",
        "x",
        "--good--",
        ":-)",
        ";)",
        "<3",
        "great!!!",
        "no",
        "not",
        "but",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(any_sentence, st.lists(_PUNCT, max_size=12).map(" ".join)), min_size=1, max_size=6))
def test_generated_sentences_word_evidence(sentences):
    assert_same_words(sentences)


def test_a_punctuation_token_found_inside_the_previous_tokens_tail_keeps_the_old_offset():
    # "good:)" is stripped to "good"; str.find then meets the second ":)" inside "good:)" (at 4, not 7)
    sentence = "good:) :) fine"
    _, words, _ = package_words(sentence)
    assert (4, 6, ":)") in [w[:3] for w in words]
    assert_same_words([sentence, "so -- bad -- :( ok", "great!!! :) :)"])


def test_the_facade_exports_it_with_columns_in_order():
    assert framing.sentence_sentiment is sentence_sentiment and "sentence_sentiment" in dir(framing)
    frame = framing.sentence_sentiment(("A wonderful day.", "", "A terrible war."))
    assert list(frame.columns) == COLUMNS and frame.index.tolist() == [0, 1, 2]
    assert frame["vader.compound"].iloc[0] > 0 > frame["vader.compound"].iloc[2]
    assert frame.iloc[1].tolist() == [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert list(framing.sentence_sentiment([]).columns) == COLUMNS


def test_a_series_works_and_a_non_string_is_refused():
    assert sentence_sentiment(pd.Series(["good", "bad"])).shape == (2, 6)
    with pytest.raises(TypeError, match="strings"):
        sentence_sentiment(["good", None])  # type: ignore[list-item]


def test_emoji_are_described_for_the_public_scores_but_read_as_written_for_the_evidence():
    sentence = "We won 😀"
    public = sentence_sentiment([sentence])["vader.compound"].iloc[0]
    as_written = analyse_sentences([sentence], emoji=False).scores["vader.compound"].iloc[0]
    assert public == package_scores([sentence])["vader.compound"].iloc[0] and public != as_written
    assert as_written == package_words(sentence)[0]
