"""The sentiment section: sentiment and subjectivity per outlet, with intervals, each row linked to its sentences."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.blocks import link_rows_to
from framing.reporting.sections.common import interval_table, outlets
from framing.reporting.tone_evidence import tone_blocks

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores


def sentiment(scores: Scores, corpus: Corpus, article_anchors: dict[str, str]) -> dict[str, Any]:
    """The two interval tables the sentiment figure draws, and per outlet the articles and sentences behind them."""
    every = outlets(scores)
    result: dict[str, Any] = {}
    for column, caption, prefix in (("sentiment", "Sentiment per outlet (−1 … +1)", "tone"),
                                    ("subjectivity", "Subjectivity per outlet (0 … 1)", "subjective")):
        blocks = tone_blocks(scores, corpus, every, article_anchors, column, prefix)
        anchors = {every[i]: b["anchor"] for i, b in enumerate(blocks)}
        result[column] = link_rows_to(interval_table(scores, column, caption), anchors)
        result[f"{column}_evidence"] = blocks
    return result
