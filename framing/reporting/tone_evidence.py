"""What an outlet's mean tone or subjectivity is made of: its articles' values and its strongest sentences.

An outlet's sentiment is the mean of its articles' scores, and an article's is
the mean of its sentences' VADER compounds, so the block for a sentiment cell
lists the articles with their values and the most negative and most positive
sentences, with VADER's valenced words marked (their weight in the tooltip).
Subjectivity (TextBlob) has no word evidence, so its block shows the most
subjective sentences unmarked. Sentences are chosen by value, then article
and sentence order, so the choice is stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.reporting.blocks import Block, block, excerpt, line, two_decimals
from framing.reporting.highlight import evidence_hits, highlight_excerpt, within

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores

ARTICLES_PER_BLOCK = 6
SENTENCES_PER_SIDE = 2


def _sentences(scores: Scores, outlet_of: dict[str, str]) -> pd.DataFrame:
    frame = getattr(scores, "sentences", None)
    if frame is None or not len(frame) or "vader" not in frame.columns:
        return pd.DataFrame(columns=["doc_id", "sentence", "start", "end", "text", "vader", "subjectivity", "outlet"])
    frame = frame.assign(doc_id=frame["doc_id"].astype(str))
    with_outlet: pd.DataFrame = frame.assign(outlet=frame["doc_id"].map(outlet_of))
    return with_outlet


def tone_blocks(
    scores: Scores,
    corpus: Corpus,
    outlets: Sequence[str],
    article_anchors: dict[str, str],
    column: str,
    prefix: str,
    per_side: int = SENTENCES_PER_SIDE,
    articles_shown: int = ARTICLES_PER_BLOCK,
) -> list[Block]:
    """One block per outlet (anchor `<prefix>-<i>`): the articles' `column` values and the sentences behind them.

    `column` is "sentiment" (most negative and most positive sentences, VADER
    words marked) or "subjectivity" (most subjective sentences).
    """
    table = scores.table.assign(doc_id=scores.table["doc_id"].astype(str), outlet=scores.table["outlet"].astype(str))
    if column not in table.columns:
        return []
    titles = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["title"].astype(str)))
    sentences = _sentences(scores, dict(zip(table["doc_id"], table["outlet"])))
    measure = "vader" if column == "sentiment" else "subjectivity"
    marks = evidence_hits(scores.evidence, families=("sentiment",)) if column == "sentiment" else {}
    by_outlet = {name: part for name, part in sentences.groupby("outlet", sort=True)}
    blocks = []
    for i, outlet in enumerate(outlets):
        articles = table[table["outlet"] == outlet].sort_values([column, "doc_id"], kind="stable")
        lines = [
            line(f"{titles.get(d) or d}: {two_decimals(v)}", article_anchors.get(d))
            for d, v in zip(articles["doc_id"], articles[column])
        ][:articles_shown]
        chosen = _chosen(by_outlet.get(outlet), measure, per_side)
        shown = [
            excerpt(
                d,
                titles.get(d, ""),
                text,
                _html(text, start, marks.get(d, []), index, value, measure),
                article_anchors.get(d),
            )
            for d, index, start, text, value in zip(
                chosen["doc_id"], chosen["sentence"], chosen["start"], chosen["text"], chosen[measure]
            )
        ]
        heading = f"{outlet}: {column} of its {len(articles)} article{'s' if len(articles) != 1 else ''}"
        note = "" if column == "sentiment" else "Subjectivity comes from TextBlob, which marks no single words."
        blocks.append(
            block(f"{prefix}-{i}", heading, lines=lines, sentences=shown, more=len(articles) - len(lines), note=note)
        )
    return blocks


def _chosen(sentences: pd.DataFrame | None, measure: str, per_side: int) -> pd.DataFrame:
    """The sentences to show: the lowest and highest tone, or the most subjective."""
    if sentences is None or not len(sentences):
        return pd.DataFrame(columns=["doc_id", "sentence", "start", "text", measure])
    ordered = sentences[sentences[measure].notna()].sort_values([measure, "doc_id", "sentence"], kind="stable")
    if measure == "subjectivity":
        return ordered.tail(per_side * 2).iloc[::-1]
    low = ordered[ordered[measure] < 0].head(per_side)
    high = ordered[ordered[measure] > 0].tail(per_side).iloc[::-1]
    return pd.concat([low, high])


def _html(text: str, start: int, hits: list[Any], index: int, value: float, measure: str) -> Any:
    marks = [h for h in hits if h.sentence == index]
    label = "tone" if measure == "vader" else "subjectivity"
    return (
        highlight_excerpt(f"{text}", within(marks, int(start), int(start) + len(text)))
        + f" ({label} {two_decimals(value)})"
    )
