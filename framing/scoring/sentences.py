"""VADER and TextBlob scores for a list of sentences, computed in one batch with the packages' own numbers.

`framing.sentence_sentiment(sentences)` is what a researcher would otherwise
write as a loop over `polarity_scores(s)` and `TextBlob(s).sentiment`: the
same numbers (the differential tests allow no difference above 1e-9), tens of
times faster, and without importing textblob, nltk or scipy. The sentiment
scorer runs the same `analyse_sentences`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from framing.scoring import textblob_fast, vader_fast
from framing.scoring.sentence_tokens import split_batch

COLUMNS = [*vader_fast.COLUMNS, *textblob_fast.COLUMNS]


@dataclass(frozen=True)
class SentenceAnalysis:
    """The scores table (COLUMNS, one row per sentence) and VADER's token-level view behind it."""

    scores: pd.DataFrame
    vader: vader_fast.VaderAnalysis


def analyse_sentences(sentences: list[str], emoji: bool = True) -> SentenceAnalysis:
    """Both analyzers on every sentence; `emoji=False` lets VADER read emoji as written (see `vader_fast.analyse`)."""
    texts = vader_fast.vader_texts(sentences, emoji)
    split = split_batch(sentences)
    # one split for both; only the texts whose emoji VADER describes are split again for it
    changed = {k: text for k, (text, sentence) in enumerate(zip(texts, sentences)) if text is not sentence}
    vader = vader_fast.analyse_texts(texts, split.with_texts(changed))
    textblob = textblob_fast.textblob_scores(sentences, split)
    table = pd.DataFrame(
        {**vader.scores, **{c: textblob[c].to_numpy() for c in textblob_fast.COLUMNS}}, columns=COLUMNS
    )
    return SentenceAnalysis(table, vader)


def sentence_sentiment(sentences: Sequence[str]) -> pd.DataFrame:
    """VADER's `polarity_scores` and TextBlob's `sentiment` for every sentence, one row each, in order.

    Args:
        sentences: sentence strings (a list, tuple or Series of `str`); split
            an article with `framing.sentence_spans` first.

    Returns:
        A DataFrame with columns `vader.compound`, `vader.pos`, `vader.neg`,
        `vader.neu`, `textblob.polarity`, `textblob.subjectivity`.

    Raises:
        TypeError: when an item is not a string.

    >>> import framing
    >>> scores = framing.sentence_sentiment(["The talks were a great success!", "Troops arrived on Tuesday."])
    >>> scores[["vader.compound", "vader.pos", "textblob.polarity", "textblob.subjectivity"]]
       vader.compound  vader.pos  textblob.polarity  textblob.subjectivity
    0          0.8439      0.669             0.5875                  0.375
    1          0.0000      0.000             0.0000                  0.000
    """
    texts = list(sentences)
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"sentence_sentiment takes strings, not {type(text).__name__}")
    return analyse_sentences(texts).scores
