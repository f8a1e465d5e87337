"""The sentiment section: sentiment and subjectivity per outlet, with intervals, each row linked to its sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.reporting.blocks import link_rows_to
from framing.reporting.sections.articles import FULL_TEXT_LIMIT
from framing.reporting.sections.common import interval_table, outlets
from framing.reporting.tone_evidence import ARTICLES_PER_BLOCK, tone_blocks
from framing.stats.matrices import top_outlets

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores


def _per_side(corpus: Corpus) -> int:
    """Sentences per side of a tone block: fewer on a large corpus, whose outlets are many (the page stays small)."""
    from framing.reporting.tone_evidence import SENTENCES_PER_SIDE

    return SENTENCES_PER_SIDE if len(corpus.articles) <= FULL_TEXT_LIMIT else 1


def sentiment(scores: Scores, corpus: Corpus, article_anchors: dict[str, str]) -> dict[str, Any]:
    """The two interval tables the sentiment figure draws, and per outlet the articles and sentences behind them."""
    large = len(corpus.articles) > FULL_TEXT_LIMIT
    # a large corpus links the outlets the figure draws (those with most articles), so the page stays small
    every = top_outlets(scores.table) if large else outlets(scores)
    result: dict[str, Any] = {}
    for column, caption, prefix in (
        ("sentiment", "Sentiment per outlet (−1 … +1)", "tone"),
        ("subjectivity", "Subjectivity per outlet (0 … 1)", "subjective"),
    ):
        per_side = _per_side(corpus) if column == "sentiment" or len(corpus.articles) <= FULL_TEXT_LIMIT else 0
        blocks = tone_blocks(
            scores,
            corpus,
            every,
            article_anchors,
            column,
            prefix,
            per_side=per_side,
            articles_shown=3 if large else ARTICLES_PER_BLOCK,
        )
        anchors = {every[i]: b["anchor"] for i, b in enumerate(blocks)}
        result[column] = link_rows_to(interval_table(scores, column, caption), anchors)
        result[f"{column}_evidence"] = blocks
    return result
