"""Sentence sentiment (VADER and TextBlob), aggregated per article, with the words behind it.

Both analyzers ship their own lexicons: VADER from the `vaderSentiment`
package, TextBlob's `PatternAnalyzer` from `textblob/en/en-sentiment.xml`. We
feed them our own sentences (`framing.text.tokenize.sentence_spans`), never
TextBlob's `.sentences`, which would need NLTK's punkt data.

The headline `sentiment` column is VADER's (mean sentence compound): on the
7,357 NewsMTSC sentences whose targets agree it reaches macro-F1 0.524 against
0.429 for TextBlob and 0.508 for the mean of the two
(`evaluation/sentiment_choice.py`); TextBlob stays as its own column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import FramingError
from framing.scoring.base import EVIDENCE_COLUMNS, ScorerResult, ScoringContext
from framing.scoring.sentences import COLUMNS as SCORE_COLUMNS
from framing.scoring.sentences import analyse_sentences
from framing.scoring.vader_words import WordValences, word_counts, word_valences

# VADER's own convention for neutral compound scores.
THRESHOLD = 0.05
# Sentences scored together: large enough that per-batch overhead vanishes, small enough that
# the per-token arrays of one batch (a dozen of 8 bytes a token) stay a few MB (20,000 sentences:
# the 20 MB article's peak in this scorer was 37 MiB higher).
BATCH = 5_000

TABLE_COLUMNS = [
    "doc_id",
    "sentiment",
    "sentiment.vader",
    "sentiment.textblob",
    "subjectivity",
    "sentiment.negative_share",
    "sentiment.positive_share",
]
SENTENCE_COLUMNS = ["doc_id", "sentence", "start", "end", "text", "words", "vader", "textblob", "subjectivity"]


def headline(vader: float, textblob: float) -> float:
    """The `sentiment` column: VADER alone, the better method on NewsMTSC (see module doc)."""
    return vader


@dataclass(frozen=True)
class SentimentScorer:
    """Articles (doc_id, clean_text) -> per-article table, per-sentence table, word evidence.

    Every sentence of the chunk goes through `analyse_sentences` in one batch.
    VADER reads each sentence as written (`emoji=False`), so every valenced
    word keeps its offsets in the article.
    """

    threshold: float = THRESHOLD
    name: str = "sentiment"
    requires: tuple[str, ...] = ()

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult:
        from framing.text.tokenize import sentence_spans

        doc_ids = articles["doc_id"].tolist()
        if context is not None:  # the chunk's cache: the lexicon matcher needs the same sentences
            texts = context.tokens.texts  # the chunk's one copy: another would be 2-4 bytes a character
            spans = [context.tokens.sentence_spans(d) for d in range(len(texts))]
        else:
            texts = articles["clean_text"].tolist()
            spans = [sentence_spans(text) for text in texts]
        for doc_id, doc_spans in zip(doc_ids, spans):
            if not doc_spans:
                raise FramingError(f"article {doc_id!r}: no sentences to score; remove empty articles")
        counts = np.array([len(doc_spans) for doc_spans in spans], dtype=np.intp)
        keep_text = context is None or context.evidence  # the sentence table is evidence: as large, as optional
        scored = _score_in_batches(texts, spans, counts, keep_text)
        table = _sentence_table(doc_ids, spans, counts, scored)
        columns = (
            table["words"].to_numpy().astype(float),
            table["vader"].to_numpy(),
            table["textblob"].to_numpy(),
            table["subjectivity"].to_numpy(),
        )
        ends = np.cumsum(counts).tolist()
        rows = [
            self.article_row(doc_id, *(c[lo:hi] for c in columns))
            for doc_id, lo, hi in zip(doc_ids, [0, *ends[:-1]], ends)
        ]
        if scored.found is None:  # the sentence table is evidence too: its columns stay, its rows go
            kept = table if context is not None and context.segment else table.iloc[:0]  # a segment's are merged
            return ScorerResult(pd.DataFrame(rows, columns=TABLE_COLUMNS), extras={"sentences": kept})
        evidence = _evidence(table, scored.found)
        return ScorerResult(pd.DataFrame(rows, columns=TABLE_COLUMNS), evidence, {"sentences": table})

    def article_row(
        self, doc_id: Any, words: np.ndarray, vader: np.ndarray, polarity: np.ndarray, subjectivity: np.ndarray
    ) -> list[Any]:
        """Means over one article's sentences: TextBlob weighted by words, VADER plain."""
        weights = words if words.sum() > 0 else np.ones_like(words)
        tb = float(np.average(polarity, weights=weights))
        vd = float(vader.mean())
        return [
            doc_id,
            headline(vd, tb),
            vd,
            tb,
            float(np.average(subjectivity, weights=weights)),
            float((vader <= -self.threshold).mean()),
            float((vader >= self.threshold).mean()),
        ]


@dataclass(frozen=True)
class _Scored:
    """Every sentence's scores, word count and (if kept) text, and the valenced words, batch after batch."""

    scores: dict[str, np.ndarray]
    words: np.ndarray
    texts: list[str]
    found: WordValences | None  # None when no evidence is kept


def _score_in_batches(
    texts: list[str], spans: list[list[tuple[int, int]]], counts: np.ndarray, keep_text: bool
) -> _Scored:
    """`analyse_sentences` on at most BATCH sentences at a time, results joined in sentence order.

    A sentence's scores do not depend on its neighbours, so batching changes
    no number; it bounds the per-token arrays (a dozen of 8 bytes a token) and
    the sentence strings to one batch, whatever the size of an article.
    """
    doc = np.repeat(np.arange(len(texts)), counts).tolist()
    flat = [span for doc_spans in spans for span in doc_spans]
    scores: list[pd.DataFrame] = []
    words: list[np.ndarray] = []
    kept: list[str] = []
    found: list[WordValences] = []
    for lo in range(0, max(len(flat), 1), BATCH):  # one (empty) batch for no sentences
        sentences = [texts[d][s:e] for d, (s, e) in zip(doc[lo : lo + BATCH], flat[lo : lo + BATCH])]
        analysis = analyse_sentences(sentences, emoji=False)
        scores.append(analysis.scores)
        words.append(word_counts(analysis.vader))
        if keep_text:  # the valenced words are evidence only: a run without evidence would drop them at the end
            found.append(word_valences(analysis.vader).shifted(lo))
            kept.extend(sentences)
        del analysis, sentences
    joined = {c: np.concatenate([frame[c].to_numpy() for frame in scores]) for c in SCORE_COLUMNS}
    return _Scored(joined, np.concatenate(words), kept, WordValences.join(found) if found else None)


def _sentence_table(
    doc_ids: list[Any], spans: list[list[tuple[int, int]]], counts: np.ndarray, scored: _Scored
) -> pd.DataFrame:
    """One row per sentence: where it sits in its article, its words and its three scores."""
    if not len(scored.words):
        empty: pd.DataFrame = pd.DataFrame([], columns=SENTENCE_COLUMNS)
        return empty
    flat = [span for doc_spans in spans for span in doc_spans]
    table: pd.DataFrame = pd.DataFrame(
        {
            "doc_id": [d for d, k in zip(doc_ids, counts.tolist()) for _ in range(k)],
            "sentence": np.concatenate([np.arange(k, dtype=np.int64) for k in counts.tolist()]),
            "start": np.array([s for s, _ in flat], dtype=np.int64),
            "end": np.array([e for _, e in flat], dtype=np.int64),
            "text": scored.texts or [""] * len(flat),  # not kept: the table is dropped, its dtypes stay
            "words": scored.words,
            "vader": scored.scores["vader.compound"],
            "textblob": scored.scores["textblob.polarity"],
            "subjectivity": scored.scores["textblob.subjectivity"],
        },
        columns=SENTENCE_COLUMNS,
    )
    return table


def _evidence(table: pd.DataFrame, found: WordValences) -> pd.DataFrame:
    """One evidence row per valenced word, its offsets moved from the sentence into the article."""
    if not len(found.sentence):
        none: pd.DataFrame = pd.DataFrame([], columns=EVIDENCE_COLUMNS)
        return none
    at = found.sentence
    offset = table["start"].to_numpy()[at]
    n = len(at)
    rows: pd.DataFrame = pd.DataFrame(
        {
            "doc_id": table["doc_id"].to_numpy()[at].tolist(),
            "sentence": table["sentence"].to_numpy()[at],
            "start": offset + found.start,
            "end": offset + found.end,
            "text": found.word,
            "family": ["sentiment"] * n,
            "lexicon": ["vader"] * n,
            "category": np.where(found.valence > 0, "positive", "negative").astype(object),
            "negated": found.negated,
            "weight": found.valence,
        },
        columns=EVIDENCE_COLUMNS,
    )
    return rows


def score_sentiment(articles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Functional form of `SentimentScorer()(articles)`: (table, sentences, evidence)."""
    result = SentimentScorer()(articles)
    return result.table, result.extras["sentences"], result.evidence
