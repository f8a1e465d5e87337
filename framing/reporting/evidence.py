"""Evidence sentences: the words behind a stance cell, shown in their sentence.

A heat-map cell is only a mean; a reader should be able to see which sentences
produced it. For each outlet x target cell this picks the sentences whose
mentions of the target score strongest (ties broken by article and sentence
order, so the choice is stable) and marks the mention and the strong cue words.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing.reporting.highlight import Hit, evidence_hits, highlight_excerpt, within

if TYPE_CHECKING:
    from framing.corpus.model import Corpus
    from framing.scoring.scores import Scores


def sentence_bounds(corpus: Corpus) -> Callable[[str], tuple[str, list[tuple[int, int]]]]:
    """doc_id -> (clean_text, sentence spans), each article split once and only when asked."""
    from framing.text.tokenize import sentence_spans

    clean = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["clean_text"].astype(str)))

    @cache
    def bounds(doc_id: str) -> tuple[str, list[tuple[int, int]]]:
        return clean.get(doc_id, ""), sentence_spans(clean.get(doc_id, ""))

    return bounds


def strongest_sentences(scores: Scores, limit: int) -> pd.DataFrame:
    """Per (outlet, target): the `limit` sentences whose mentions score strongest, and how many there are.

    A sentence's score is the mean of its target mentions' scores (of all its
    cue weights if it has no mention row); `place` marks sentences that name the
    target only as a place (counted as mentions, not scored). Ranked by |score|, then doc_id and
    sentence, so the choice is stable. Vectorized: big corpora have millions
    of cue rows, and only a few sentences per cell are shown.
    """
    stance = scores.evidence[scores.evidence["family"] == "stance"]
    doc = stance["doc_id"].astype(str)
    outlet_of = dict(zip(scores.table["doc_id"].astype(str), scores.table["outlet"].astype(str)))
    rows = pd.DataFrame(
        {
            "outlet": doc.map(outlet_of),
            "target": stance["category"].astype(str),
            "doc_id": doc,
            "sentence": stance["sentence"].astype(int),
            "weight": stance["weight"].astype(float),
            "mention": (stance["lexicon"] == "mention").to_numpy(),
            "place": (stance["lexicon"] == "place").to_numpy(),
        }
    )
    keys = ["outlet", "target", "doc_id", "sentence"]
    sentences = rows.groupby(keys, sort=True)
    every = sentences["weight"].mean()
    mentioned = rows[rows["mention"]].groupby(keys, sort=True)["weight"].mean().reindex(every.index)
    ranked = mentioned.fillna(every).rename("score").reset_index()
    # a sentence that names the target only as a place: shown, but it has no score
    ranked["place"] = (sentences["place"].any() & mentioned.isna()).to_numpy()
    ranked["strength"] = -ranked["score"].abs()
    ranked = ranked.sort_values(["outlet", "target", "strength", "doc_id", "sentence"], kind="stable")
    ranked["found"] = ranked.groupby(["outlet", "target"])["score"].transform("size")
    strongest: pd.DataFrame = ranked.groupby(["outlet", "target"], sort=False).head(limit)
    return strongest


def stance_evidence(
    scores: Scores,
    corpus: Corpus,
    cells: dict[str, Any],
    article_anchors: dict[str, str],
    classes: dict[tuple[str, str], str],
    limit: int,
) -> list[dict[str, Any]]:
    """One entry per cell: its sentences as safe HTML, strongest mention score first."""
    chosen = strongest_sentences(scores, limit)
    wanted = set(zip(chosen["doc_id"], chosen["sentence"]))
    stance = scores.evidence[scores.evidence["family"] == "stance"]
    keep = [key in wanted for key in zip(stance["doc_id"].astype(str), stance["sentence"].astype(int))]
    hits = evidence_hits(stance[keep])
    bounds = sentence_bounds(corpus)
    titles = dict(zip(corpus.articles["doc_id"].astype(str), corpus.articles["title"].astype(str)))
    by_cell = {key: group for key, group in chosen.groupby(["outlet", "target"], sort=False)}
    entries = []
    for row in cells["rows"]:
        for cell in row["cells"]:
            group = by_cell.get((row["outlet"], cell["target"]))
            sentences = (
                []
                if group is None
                else [
                    _sentence(
                        doc_id,
                        int(index),
                        score,
                        bool(place),
                        cell["target"],
                        hits,
                        bounds,
                        titles,
                        article_anchors,
                        classes,
                    )
                    for doc_id, index, score, place in zip(
                        group["doc_id"], group["sentence"], group["score"], group["place"]
                    )
                ]
            )
            found = 0 if group is None else int(group["found"].iloc[0])
            entries.append(
                {
                    "anchor": cell["anchor"],
                    "outlet": row["outlet"],
                    "target": cell["target"],
                    "value": cell["value"],
                    "mentions": cell["mentions"],
                    "sentences": [s for s in sentences if s],
                    "more": max(0, found - limit),
                }
            )
    return entries


def _sentence(
    doc_id: str,
    index: int,
    score: float,
    place: bool,
    target: str,
    hits: dict[str, list[Hit]],
    bounds: Callable[[str], tuple[str, list[tuple[int, int]]]],
    titles: dict[str, str],
    article_anchors: dict[str, str],
    classes: dict[tuple[str, str], str],
) -> dict[str, Any] | None:
    """One evidence sentence: its text, this target's marks in it, and a link to its article."""
    text, spans = bounds(doc_id)
    if not 0 <= index < len(spans):
        return None
    start, end = spans[index]
    marks = [h for h in hits.get(doc_id, []) if h.sentence == index and h.category == target]
    return {
        "doc_id": doc_id,
        "title": titles.get(doc_id, ""),
        "score": round(float(score), 4),
        "place": place,
        "anchor": article_anchors.get(doc_id),
        "text": text[start:end],
        "html": highlight_excerpt(text[start:end], within(marks, start, end), classes),
    }
