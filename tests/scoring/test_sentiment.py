"""Sentence sentiment (VADER, TextBlob) and its aggregation per article, with word evidence."""

from __future__ import annotations

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.scoring import sentiment
from framing.scoring.sentences import analyse_sentences, sentence_sentiment
from framing.scoring.sentiment import SentimentScorer
from framing.scoring.vader_words import word_counts, word_valences


def vader_sentence(sentence: str) -> tuple[float, list[tuple[int, int, str, float, bool]], int]:
    """The scorer's view of one sentence: compound, valenced words (start, end, word, valence, negated), words."""
    analysis = analyse_sentences([sentence], emoji=False)
    found = word_valences(analysis.vader)
    words = list(
        zip(found.start.tolist(), found.end.tolist(), found.word, found.valence.tolist(), found.negated.tolist())
    )
    return float(analysis.scores["vader.compound"].iloc[0]), words, int(word_counts(analysis.vader)[0])


def textblob_sentence(sentence: str) -> tuple[float, float]:
    row = sentence_sentiment([sentence]).iloc[0]
    return float(row["textblob.polarity"]), float(row["textblob.subjectivity"])


def articles(*texts):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "clean_text": list(texts)})


@pytest.mark.parametrize(
    "sentence",
    [
        "The alliance is strong and the talks were a great success.",
        "Russia's brutal invasion killed thousands, but Ukraine fought back bravely!",
        "It is not a good plan, and it is not terrible either.",
        "Troops arrived on Tuesday.",
        "",
    ],
)
def test_vader_compound_is_exactly_vaders_own(sentence):
    compound, _, _ = vader_sentence(sentence)
    assert compound == pytest.approx(SentimentIntensityAnalyzer().polarity_scores(sentence)["compound"])


def test_word_valences_point_at_the_words_and_flag_negation():
    sentence = "The plan is not good, and the war is terrible."
    _, valences, words = vader_sentence(sentence)
    assert words == 10
    by_word = {word: (valence, negated) for _, _, word, valence, negated in valences}
    assert set(by_word) == {"good", "war", "terrible"}
    assert by_word["good"][0] < 0 and by_word["good"][1]  # "not good" flips
    assert by_word["terrible"][0] < 0 and not by_word["terrible"][1]
    for start, end, word, _, _ in valences:
        assert sentence[start:end] == word


def test_textblob_uses_pattern_lexicon_without_nltk_data(monkeypatch, tmp_path):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # no NLTK data anywhere
    polarity, subjectivity = textblob_sentence("This is a wonderful, excellent result.")
    assert polarity > 0.5 and subjectivity > 0.5
    assert textblob_sentence("Troops arrived on Tuesday.") == (0.0, 0.0)


def test_article_aggregates():
    text = "The deal is a great success.\n\nThe war is a horrible disaster.\n\nTroops arrived on Tuesday."
    result = SentimentScorer()(articles(text))
    table, sentences, evidence = result.table, result.extras["sentences"], result.evidence
    assert list(sentences["text"]) == [
        "The deal is a great success.",
        "The war is a horrible disaster.",
        "Troops arrived on Tuesday.",
    ]
    row = table.iloc[0]
    vader = sentences["vader"].to_numpy()
    assert row["sentiment.vader"] == pytest.approx(vader.mean())
    assert row["sentiment"] == row["sentiment.vader"]  # the headline is VADER (see the benchmark)
    assert row["sentiment.positive_share"] == pytest.approx(1 / 3)
    assert row["sentiment.negative_share"] == pytest.approx(1 / 3)
    words = sentences["words"].to_numpy()
    expected = (sentences["textblob"] * words).sum() / words.sum()  # word-weighted
    assert row["sentiment.textblob"] == pytest.approx(expected)
    assert 0 <= row["subjectivity"] <= 1
    assert set(evidence["family"]) == {"sentiment"}
    assert set(evidence["category"]) == {"positive", "negative"}
    for hit in evidence.itertuples():
        assert text[hit.start : hit.end] == hit.text
        assert (hit.weight > 0) == (hit.category == "positive")


def test_one_sentence():
    compound, _, words = vader_sentence("A terrible, brutal war.")
    assert compound < -0.5 and textblob_sentence("A terrible, brutal war.")[0] < 0 and words == 4


@pytest.mark.parametrize("sentence", ["A wonderful, excellent result!", "Not a bad plan at all.", "Troops came."])
def test_textblob_numbers_are_pattern_analyzers(sentence):
    from textblob.en.sentiments import PatternAnalyzer

    expected = PatternAnalyzer().analyze(sentence)
    assert textblob_sentence(sentence) == (pytest.approx(expected.polarity), pytest.approx(expected.subjectivity))


def test_scoring_in_small_batches_changes_nothing(monkeypatch, nato_corpus):
    frame = nato_corpus.articles[["doc_id", "clean_text"]]
    whole = SentimentScorer()(frame)
    monkeypatch.setattr(sentiment, "BATCH", 7)  # many batches, cutting through articles
    batched = SentimentScorer()(frame)
    pd.testing.assert_frame_equal(batched.table, whole.table)
    pd.testing.assert_frame_equal(batched.evidence, whole.evidence)
    pd.testing.assert_frame_equal(batched.extras["sentences"], whole.extras["sentences"])
    assert len(whole.extras["sentences"]) > 7 * 10 and len(whole.evidence) > 0


def test_no_articles_give_empty_tables():
    result = SentimentScorer()(articles())
    assert result.table.empty and result.evidence.empty and result.extras["sentences"].empty


def test_a_run_without_evidence_gives_the_same_scores_and_no_word_evidence(nato_corpus):
    from framing.scoring.base import ScoringContext

    frame = nato_corpus.articles[["doc_id", "clean_text"]]
    whole = SentimentScorer()(frame, ScoringContext.for_articles(frame, evidence=True))
    lean = SentimentScorer()(frame, ScoringContext.for_articles(frame, evidence=False))
    pd.testing.assert_frame_equal(lean.table, whole.table)
    assert len(whole.evidence) > 0 and lean.evidence.empty
    assert list(lean.extras["sentences"].columns) == list(whole.extras["sentences"].columns)
    assert lean.extras["sentences"].empty and len(whole.extras["sentences"]) > 0
