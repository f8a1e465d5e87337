"""SlantScorer: article means and shares, sentence columns, evidence that slices clean_text."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.scoring.base import EVIDENCE_COLUMNS, ScoringContext
from framing.scoring.sentiment import SentimentScorer
from framing.scoring.slant.model import SlantModel
from framing.scoring.slant.scorer import SlantScorer

TOY = SlantModel(
    weights={"w:slammed": 4.0, "w:said": -4.0},
    bias=0.0,
    threshold=0.5,
    word_weights={"w:slammed": 3.0},
    word_bias=-1.0,
    word_min=0.5,
    families=("words",),
)
ARTICLES = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "clean_text": ["Critics slammed the plan. The mayor said nothing.", "The mayor said it would pass."],
    }
)


def _run(evidence: bool = True):
    context = ScoringContext.for_articles(ARTICLES, evidence)
    context.results["sentiment"] = SentimentScorer()(ARTICLES, context)
    return SlantScorer(TOY)(ARTICLES, context)


def test_article_slant_is_the_mean_sentence_probability_and_share_the_flagged_share() -> None:
    result = _run()
    sentences = result.extras["sentences"]
    by_doc = sentences.groupby("doc_id", sort=False)["slant"].mean()
    assert list(result.table.columns) == ["doc_id", "slant", "slant.share"]
    assert result.table["slant"].tolist() == pytest.approx(by_doc.loc[["a", "b"]].tolist())
    assert result.table["slant.share"].tolist() == [0.5, 0.0]


def test_sentence_table_keeps_the_sentiment_columns_and_gains_slant() -> None:
    sentences = _run().extras["sentences"]
    assert list(sentences.columns[:9]) == [
        "doc_id",
        "sentence",
        "start",
        "end",
        "text",
        "words",
        "vader",
        "textblob",
        "subjectivity",
    ]
    first = sentences.iloc[0]
    text = ARTICLES["clean_text"][0]
    assert [text[s:e] for s, e in first["slant.words"]] == ["slammed"]
    assert sentences.iloc[1]["slant.words"] == ()


def test_evidence_rows_slice_clean_text_and_carry_the_word_strength() -> None:
    evidence = _run().evidence
    assert list(evidence.columns) == EVIDENCE_COLUMNS
    assert len(evidence) == 1
    row = evidence.iloc[0]
    assert ARTICLES["clean_text"][0][row["start"] : row["end"]] == row["text"] == "slammed"
    assert (row["family"], row["sentence"]) == ("slant", 0)
    sentence = TOY.score(["Critics slammed the plan."])[0]  # strength: word probability x sentence probability
    assert row["weight"] == pytest.approx(sentence.strengths[0], abs=1e-6)
    assert row["weight"] == pytest.approx(sentence.probability * TOY.word_probabilities(_words("slammed"))[0])


def test_without_evidence_the_table_is_the_same_and_no_rows_are_made() -> None:
    with_rows, without = _run(True), _run(False)
    pd.testing.assert_frame_equal(with_rows.table, without.table)
    assert without.evidence.empty and without.extras["sentences"].empty


def test_on_its_own_it_scores_without_a_sentence_table() -> None:
    result = SlantScorer(TOY)(ARTICLES)
    assert result.table["slant.share"].tolist() == [0.5, 0.0]
    assert "sentences" not in result.extras


def _words(text: str):
    from framing.scoring.slant.features import word_features

    return word_features([text], ("words",))[0]


def test_framing_score_carries_slant_into_the_table_sentences_and_evidence(nato_corpus) -> None:
    import framing

    assert "slant" not in framing.score(nato_corpus, evidence=False).table  # opt-in
    scores = framing.score(nato_corpus, slant=True)
    assert list(scores.table.columns[-2:]) == ["slant", "slant.share"]
    assert scores.table["slant"].between(0, 1).all() and scores.table["slant.share"].between(0, 1).all()
    sentences = scores.sentences
    assert {"slant", "slant.words"} <= set(sentences.columns)
    mean = sentences.groupby("doc_id", sort=False)["slant"].mean()
    assert scores.table.set_index("doc_id")["slant"].to_numpy() == pytest.approx(
        mean.loc[scores.table["doc_id"]].to_numpy()
    )
    rows = scores.evidence[scores.evidence["family"] == "slant"]
    assert len(rows) == sum(len(w) for w in sentences["slant.words"])
    texts = nato_corpus.articles.set_index("doc_id")["clean_text"]
    assert all(texts[d][s:e] == t for d, s, e, t in zip(rows["doc_id"], rows["start"], rows["end"], rows["text"]))
