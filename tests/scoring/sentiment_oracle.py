"""The packages themselves, called one sentence at a time: the oracles of the differential tests.

`package_words` is the per-sentence word evidence the sentiment scorer emitted
before it went vectorized (VADER's own per-word loop on the sentence as
written, then `str.find` for the offsets), kept verbatim so the new code can be
held to it word for word.
"""

from __future__ import annotations

import functools

import pandas as pd
from vaderSentiment import vaderSentiment as vs

from framing.scoring.sentences import COLUMNS


@functools.lru_cache(maxsize=1)
def analyzer() -> vs.SentimentIntensityAnalyzer:
    return vs.SentimentIntensityAnalyzer()


def package_scores(sentences: list[str]) -> pd.DataFrame:
    """`polarity_scores(s)` and `TextBlob(s).sentiment` for every sentence, in `sentence_sentiment`'s columns."""
    from textblob import TextBlob

    rows = []
    for s in sentences:
        vader, blob = analyzer().polarity_scores(s), TextBlob(s).sentiment
        rows.append([vader["compound"], vader["pos"], vader["neg"], vader["neu"], blob.polarity, blob.subjectivity])
    return pd.DataFrame(rows, columns=COLUMNS, dtype=float)


def package_words(text: str) -> tuple[float, list[tuple[int, int, str, float, bool]], int]:
    """VADER compound of the sentence as written, its (start, end, word, valence, negated) words, its word count."""
    a = analyzer()
    sentitext = vs.SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        low = item.lower()
        if low in vs.BOOSTER_DICT or (low == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"):
            sentiments.append(0.0)
            continue
        sentiments = a.sentiment_valence(0.0, sentitext, item, i, sentiments)
    sentiments = a._but_check(words, sentiments)
    compound = a.score_valence(sentiments, text)["compound"] if sentiments else 0.0
    found, cursor = [], 0
    for word, value in zip(words, sentiments):
        at = text.find(word, cursor)
        if at < 0:
            continue
        cursor = at + len(word)
        if value:
            base = a.lexicon.get(word.lower(), value)
            found.append((at, cursor, word, round(float(value), 4), bool(base * value < 0)))
    n_words = sum(1 for w in words if any(ch.isalnum() for ch in w))
    return float(compound), found, n_words
