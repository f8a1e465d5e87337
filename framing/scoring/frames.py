"""Frame lexicons: category rates per 1,000 words and contrast balances in [-1, 1].

Negation (documented in docs/guide/scores.md):

* Category rates count every hit, negated or not. A rate measures how much a
  frame is *present*; "this is not an escalation" still brings the escalation
  frame into the article (and readers remember the frame, not the negation).
* Contrast balances drop negated hits. "Not an escalation" is not evidence of
  buildup framing, and flipping it into defensive framing would read an
  intention into a denial; it counts toward neither side.

Balance = (positive - negative) / (positive + negative + smoothing), with
`smoothing` = 1 hit: an article with one defensive word gets 0.5, not 1.0, so
single words cannot put an article at the end of the scale; 0 when no hits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from framing.scoring.base import EVIDENCE_COLUMNS, ScorerResult, ScoringContext, context_for, empty_evidence

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    import numpy.typing as npt

    from framing.lexicons.match import TokenTable
    from framing.lexicons.model import Lexicon

SMOOTHING = 1.0


def lexicon_hits(lexicon: Lexicon, articles: pd.DataFrame, tokens: TokenTable, with_text: bool = True) -> pd.DataFrame:
    """Every hit of `lexicon` in the articles' clean_text, as the matcher's table (tokens shared, not redone).

    `with_text=False`: the `text` column left empty, for a run that keeps no evidence.
    """
    from framing.lexicons.match import match

    # the table's own copy of the texts: converting the column again costs 1-4 bytes a character per lexicon
    return match(lexicon, tokens.texts, list(articles["doc_id"]), tokens=tokens, with_text=with_text)


def category_sums(
    hits: pd.DataFrame, doc_ids: Iterable[str], categories: Iterable[str], *, include_negated: bool = True
) -> pd.DataFrame:
    """Sum of hit weights per (doc_id, category): one row per doc, one column per category, zeros filled."""
    if not include_negated:
        hits = hits[~hits["negated"].astype(bool)]
    doc_ids, categories = list(doc_ids), list(categories)
    weights = hits["weight"].to_numpy(dtype=float)
    if not _sums_exact(weights):  # pandas' compensated sum, which a plain sum may not equal in the last bit
        sums = hits.groupby(["doc_id", "category"], sort=False)["weight"].sum().unstack("category")
        return sums.reindex(index=doc_ids, columns=categories).fillna(0.0).astype(float)
    rows, hit_docs = pd.factorize(hits["doc_id"], sort=False)
    columns = pd.Index(categories).get_indexer(pd.Index(hits["category"]))
    known = (rows >= 0) & (columns >= 0)
    cells = np.bincount(
        rows[known] * len(categories) + columns[known],
        weights=weights[known],
        minlength=len(hit_docs) * len(categories),
    ).reshape(len(hit_docs), len(categories))
    where = pd.Index(hit_docs).get_indexer(doc_ids)
    values = np.where((where >= 0)[:, None], cells[np.maximum(where, 0)], 0.0) if len(hit_docs) else None
    table = pd.DataFrame(values, index=pd.Index(doc_ids, name="doc_id"), columns=pd.Index(categories, name="category"))
    return table.fillna(0.0).astype(float)


def _sums_exact(weights: np.ndarray) -> bool:
    """True when every partial sum of these weights is exact in float64: whole numbers, small totals.

    Then a plain sum (numpy's bincount) gives the very numbers of pandas' compensated one.
    """
    return bool(np.all(weights == np.round(weights)) and np.abs(weights).sum() < 2.0**52)


def per_thousand(sums: pd.DataFrame, words: npt.ArrayLike) -> pd.DataFrame:
    """Rates per 1,000 words; 0 for an article without words."""
    counts = np.asarray(words, dtype=float)
    scale = np.divide(1000.0, counts, out=np.zeros_like(counts), where=counts > 0)
    return sums.mul(scale, axis=0)


def balance(positive: npt.ArrayLike, negative: npt.ArrayLike, smoothing: float = SMOOTHING) -> np.ndarray:
    """(pos - neg) / (pos + neg + smoothing), 0 when there are no hits; always in [-1, 1]."""
    pos = np.asarray(positive, dtype=float)
    neg = np.asarray(negative, dtype=float)
    total = pos + neg + smoothing
    balanced: np.ndarray = np.divide(pos - neg, total, out=np.zeros_like(total), where=total > 0)
    return balanced


def as_evidence(hits: pd.DataFrame, family: str) -> pd.DataFrame:
    """Matcher hits as evidence rows of `family`, in the evidence table's column order."""
    return hits.assign(family=family)[EVIDENCE_COLUMNS]


@dataclass(frozen=True)
class FrameScorer:
    """Articles (doc_id, clean_text) -> `frame.<lexicon>.<category|contrast>` columns and evidence."""

    lexicons: tuple[Lexicon, ...]
    smoothing: float = SMOOTHING
    name: str = "frames"
    requires: tuple[str, ...] = ()

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult:
        context = context_for(articles, context)
        tokens = context.tokens
        words = tokens.word_counts()
        doc_ids = list(articles["doc_id"])
        columns: dict[str, object] = {"doc_id": doc_ids}
        parts: list[pd.DataFrame] = []
        for lexicon in self.lexicons:
            hits = lexicon_hits(lexicon, articles, tokens, with_text=context.evidence)
            columns.update(self.lexicon_columns(lexicon, hits, doc_ids, words))
            if context.evidence:  # else the pipeline drops it: held until then, it cost 40 bytes a hit and more
                parts.append(as_evidence(hits, "frame"))
        evidence = pd.concat(parts, ignore_index=True) if parts else empty_evidence()
        return ScorerResult(pd.DataFrame(columns), evidence)

    def lexicon_columns(
        self, lexicon: Lexicon, hits: pd.DataFrame, doc_ids: list[str], words: np.ndarray
    ) -> dict[str, np.ndarray]:
        """One lexicon's columns: a rate per category, a balance per contrast."""
        out: dict[str, np.ndarray] = {}
        rates = per_thousand(category_sums(hits, doc_ids, lexicon.categories), words)
        for category in lexicon.categories:
            out[f"frame.{lexicon.name}.{category}"] = rates[category].to_numpy()
        kept = category_sums(hits, doc_ids, lexicon.categories, include_negated=False)
        for contrast in lexicon.contrasts:
            out[f"frame.{lexicon.name}.{contrast.name}"] = balance(
                kept[contrast.positive], kept[contrast.negative], self.smoothing
            )
        return out


def score_frames(articles: pd.DataFrame, lexicons: Iterable[str | Path | Lexicon]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Functional form: `FrameScorer(tuple(lexicons))(articles)`."""
    from framing.lexicons.model import load_lexicon

    result = FrameScorer(tuple(load_lexicon(x) for x in lexicons))(articles)
    return result.table, result.evidence
