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

import functools
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from framing.errors import FramingError
from framing.scoring.base import EVIDENCE_COLUMNS, ScorerResult, ScoringContext
from framing.scoring.textblob_fast import textblob_scores

# VADER's own convention for neutral compound scores.
THRESHOLD = 0.05

TABLE_COLUMNS = ["doc_id", "sentiment", "sentiment.vader", "sentiment.textblob", "subjectivity",
                 "sentiment.negative_share", "sentiment.positive_share"]
SENTENCE_COLUMNS = ["doc_id", "sentence", "start", "end", "text", "words", "vader", "textblob", "subjectivity"]


@functools.lru_cache(maxsize=1)
def _vader():
    """One VADER analyzer per process (loading its lexicon takes ~10 ms)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


class Valence(NamedTuple):
    """One word that carries VADER valence: offsets into the sentence."""

    start: int
    end: int
    word: str
    valence: float
    negated: bool


class SentenceSentiment(NamedTuple):
    vader: float
    textblob: float
    subjectivity: float
    words: int
    valences: tuple


def vader_sentence(text: str) -> tuple[float, tuple[Valence, ...], int]:
    """VADER compound for one sentence plus the valence of each word that carries some.

    Runs VADER's own per-word loop (`sentiment_valence`, `_but_check`,
    `score_valence`), so the compound is exactly `polarity_scores(text)` and
    the word valences are the numbers that produced it.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    analyzer = _vader()
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        low = item.lower()
        if low in BOOSTER_DICT or (low == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"):
            sentiments.append(0.0)
            continue
        sentiments = analyzer.sentiment_valence(0.0, sentitext, item, i, sentiments)
    sentiments = analyzer._but_check(words, sentiments)
    compound = analyzer.score_valence(sentiments, text)["compound"] if sentiments else 0.0
    n_words = sum(1 for w in words if any(ch.isalnum() for ch in w))
    return float(compound), _locate(text, words, sentiments, analyzer.lexicon), n_words


def _locate(text, words, sentiments, lexicon) -> tuple[Valence, ...]:
    """Map VADER's whitespace tokens back to character offsets in `text`."""
    found = []
    cursor = 0
    for word, value in zip(words, sentiments):
        at = text.find(word, cursor)
        if at < 0:  # VADER rewrote the text (emoji descriptions): no reliable offset
            continue
        cursor = at + len(word)
        if value:
            base = lexicon.get(word.lower(), value)
            found.append(Valence(at, cursor, word, round(float(value), 4), bool(base * value < 0)))
    return tuple(found)


def textblob_sentence(text: str) -> tuple[float, float]:
    """TextBlob (pattern) polarity in [-1, 1] and subjectivity in [0, 1] for one sentence."""
    scores = textblob_scores([text])
    return float(scores["textblob.polarity"].iloc[0]), float(scores["textblob.subjectivity"].iloc[0])


def sentence_sentiment(text: str, textblob: tuple[float, float] | None = None) -> SentenceSentiment:
    """VADER and TextBlob for one sentence; `textblob`: its (polarity, subjectivity) if already computed."""
    vader, valences, words = vader_sentence(text)
    polarity, subjectivity = textblob if textblob is not None else textblob_sentence(text)
    return SentenceSentiment(vader, polarity, subjectivity, words, valences)


def headline(vader: float, textblob: float) -> float:
    """The `sentiment` column: VADER alone, the better method on NewsMTSC (see module doc)."""
    return vader


@dataclass(frozen=True)
class SentimentScorer:
    """Articles (doc_id, clean_text) -> per-article table, per-sentence table, word evidence."""

    threshold: float = THRESHOLD
    name: str = "sentiment"
    requires: tuple[str, ...] = ()

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult:
        from framing.text.tokenize import sentence_spans

        rows, sentences, evidence = [], [], []
        spans = [sentence_spans(text) for text in articles["clean_text"]]
        # TextBlob for every sentence of the chunk in one batch (the fast, exact re-implementation)
        batch = textblob_scores([text[s:e] for text, doc in zip(articles["clean_text"], spans) for s, e in doc])
        pattern = iter(zip(batch["textblob.polarity"].tolist(), batch["textblob.subjectivity"].tolist()))
        for doc_id, text, doc_spans in zip(articles["doc_id"], articles["clean_text"], spans):
            doc_sentences = []
            for index, (start, end) in enumerate(doc_spans):
                sent = text[start:end]
                result = sentence_sentiment(sent, next(pattern))
                doc_sentences.append((doc_id, index, start, end, sent, result.words,
                                      result.vader, result.textblob, result.subjectivity))
                evidence.extend(_evidence_rows(doc_id, index, start, result.valences))
            rows.append(self._article_row(doc_id, doc_sentences))
            sentences.extend(doc_sentences)
        sentence_table = pd.DataFrame(sentences, columns=SENTENCE_COLUMNS)
        if context is not None and not context.evidence:
            sentence_table = sentence_table.iloc[:0]  # the sentence table is evidence: as large, as optional
        return ScorerResult(pd.DataFrame(rows, columns=TABLE_COLUMNS), pd.DataFrame(evidence, columns=EVIDENCE_COLUMNS),
                            {"sentences": sentence_table})

    def _article_row(self, doc_id, doc_sentences) -> list:
        if not doc_sentences:
            raise FramingError(f"article {doc_id!r}: no sentences to score; remove empty articles")
        words = np.array([s[5] for s in doc_sentences], dtype=float)
        vader = np.array([s[6] for s in doc_sentences])
        polarity = np.array([s[7] for s in doc_sentences])
        subjectivity = np.array([s[8] for s in doc_sentences])
        weights = words if words.sum() > 0 else np.ones_like(words)
        tb = float(np.average(polarity, weights=weights))
        vd = float(vader.mean())
        return [doc_id, headline(vd, tb), vd, tb, float(np.average(subjectivity, weights=weights)),
                float((vader <= -self.threshold).mean()), float((vader >= self.threshold).mean())]


def _evidence_rows(doc_id, index, offset, valences):
    for v in valences:
        category = "positive" if v.valence > 0 else "negative"
        yield (doc_id, index, offset + v.start, offset + v.end, v.word, "sentiment", "vader",
               category, v.negated, v.valence)


def score_sentiment(articles: pd.DataFrame):
    """Functional form of `SentimentScorer()(articles)`: (table, sentences, evidence)."""
    result = SentimentScorer()(articles)
    return result.table, result.extras["sentences"], result.evidence
