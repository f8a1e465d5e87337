"""Loaded language: cue classes per 1,000 words, and a total of the classes that load a text.

Every class of the loaded-language lexicon (the one whose file says
`family: loaded-language`; the built-in `loaded-language` by default) gets its own column
`loaded.<class>` (hits per 1,000 words), so hedges, factive or assertive
verbs stay visible. The total `loaded` (per 1,000 words) and `loaded.count`
(hits) add up only the classes that carry the writer's evaluation, the
"framing bias" cues of Recasens et al. (2013): loaded report verbs (claimed,
admitted, insisted), subjective intensifiers and loaded adjectives (massive,
desperately, outlandish) and scare quotes. Left out of the total: neutral
report verbs (said, told: the absence of loading), hedges (may, reportedly:
caution, often a sign of careful sourcing) and the epistemological cues
(factive, assertive, implicative verbs), which presuppose truth rather than
colour it and are frequent in plain reporting.

Negated hits count like others: "not a massive buildup" still chose the word.

Only the outlet's own words count. Given the article's direct quotations
(`framing.scoring.sourcing`), hits inside them are dropped (Stoltenberg's
"absolutely" is his, not the outlet's), a quoted phrase that sourcing
attributes to a speaker is a quotation rather than a scare quote, and the
rates are per 1,000 words outside quotations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from framing.scoring.base import ScorerResult, ScoringContext, context_for, empty_evidence
from framing.scoring.frames import as_evidence, category_sums, lexicon_hits, per_thousand

if TYPE_CHECKING:
    from framing.lexicons.match import TokenTable
    from framing.lexicons.model import Lexicon

# Class names that count toward `loaded`; classes a lexicon lacks are ignored.
LOADING_CLASSES = ("report_loaded", "intensifiers", "loaded_adjectives", "scare_quotes")


@dataclass(frozen=True)
class LoadedScorer:
    """Articles (doc_id, clean_text) -> `loaded`, `loaded.count`, `loaded.<class>` and evidence."""

    lexicon: Lexicon
    counted: tuple[str, ...] = LOADING_CLASSES
    name: str = "loaded"
    requires: tuple[str, ...] = ("sourcing",)  # quotations are left out of the count

    def counted_classes(self) -> list[str]:
        return [c for c in self.lexicon.categories if c in self.counted]

    def __call__(self, articles: pd.DataFrame, context: ScoringContext | None = None) -> ScorerResult:
        """Quotations found by the sourcing scorer (when it ran in this context) are left out."""
        context = context_for(articles, context)
        hits, words = self.outlet_hits(articles, context)
        table = self.table_of(hits, words, list(articles["doc_id"]))
        return ScorerResult(table, as_evidence(hits, "loaded") if context.evidence else empty_evidence())

    def outlet_hits(self, articles: pd.DataFrame, context: ScoringContext) -> tuple[pd.DataFrame, np.ndarray]:
        """The lexicon's hits outside quotations, and each article's words outside them."""
        tokens = context.tokens
        sourcing = context.results.get("sourcing")
        quotes = sourcing.extras["quotes"] if sourcing is not None else None
        hits = lexicon_hits(self.lexicon, articles, tokens, with_text=context.evidence)
        words = tokens.word_counts()
        if quotes is not None and len(quotes):
            spans = _spans_by_doc(quotes)
            hits = hits[~_overlaps(hits, spans)].reset_index(drop=True)
            words = words - _quoted_words(tokens, list(articles["doc_id"]), spans)
        return hits, words

    def table_of(self, hits: pd.DataFrame, words: np.ndarray, doc_ids: list[Any]) -> pd.DataFrame:
        """The per-article columns from the hits outside quotations and the words outside them."""
        sums = category_sums(hits, doc_ids, self.lexicon.categories)
        counted = self.counted_classes()
        counts = hits[hits["category"].isin(counted)].groupby("doc_id", sort=False).size()
        table = pd.DataFrame(
            {
                "doc_id": doc_ids,
                "loaded": per_thousand(sums[counted].sum(axis=1).to_frame(), words).iloc[:, 0].to_numpy(),
                "loaded.count": counts.reindex(doc_ids).fillna(0).astype(np.int64).to_numpy(),
            }
        )
        rates = per_thousand(sums, words)
        for category in self.lexicon.categories:
            table[f"loaded.{category}"] = rates[category].to_numpy()
        return table


def _spans_by_doc(quotes: pd.DataFrame) -> dict[Any, tuple[np.ndarray, np.ndarray]]:
    """doc_id -> (sorted starts, matching ends) of its quotations (one sort for all, not a group each)."""
    codes, doc_ids = pd.factorize(quotes["doc_id"], sort=False)
    starts, ends = quotes["start"].to_numpy(np.int64), quotes["end"].to_numpy(np.int64)
    order = np.lexsort((starts, codes))
    order = order[codes[order] >= 0]  # a missing doc_id is no group, as in groupby
    bounds = np.flatnonzero(np.diff(codes[order], prepend=-1, append=-1))
    return {
        doc_ids[codes[order[a]]]: (starts[order[a:b]], ends[order[a:b]])
        for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist())
    }


def _overlaps(hits: pd.DataFrame, spans: dict[Any, tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """True for hits overlapping a quotation of their article (quote marks included); one search per article."""
    mask = np.zeros(len(hits), dtype=bool)
    if not len(hits):
        return mask
    start, end = hits["start"].to_numpy(np.int64), hits["end"].to_numpy(np.int64)
    for doc_id, rows in hits.groupby("doc_id", sort=False).indices.items():
        if doc_id in spans:
            starts, ends = spans[doc_id]
            k = np.searchsorted(starts, end[rows] + 1, side="left") - 1  # last quotation opening before the hit ends
            mask[rows] = (k >= 0) & (ends[np.maximum(k, 0)] + 1 > start[rows])
    return mask


def _quoted_words(
    tokens: TokenTable, doc_ids: list[Any], spans: dict[Any, tuple[np.ndarray, np.ndarray]]
) -> np.ndarray:
    """Word tokens inside quotations, per article: counted quote by quote, in the tokens each quote spans.

    (A running count of the words of the whole article cost 16 bytes a token, 70 MiB for a 20 MB article.)
    """
    counts = np.zeros(len(doc_ids), dtype=np.int64)
    is_word = tokens.word_mask()
    for d, doc_id in enumerate(doc_ids):
        if doc_id in spans:
            lo, hi = tokens.doc_start[d], tokens.doc_start[d + 1]
            quote_starts, quote_ends = spans[doc_id]
            starts, words = tokens.starts[lo:hi], is_word[lo:hi]
            firsts = np.searchsorted(starts, quote_starts).tolist()
            lasts = np.searchsorted(starts, quote_ends).tolist()
            counts[d] = sum(np.count_nonzero(words[a:b]) for a, b in zip(firsts, lasts) if b > a)
    return counts


def score_loaded(articles: pd.DataFrame, lexicon: str = "loaded-language") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Functional form: `LoadedScorer(load_lexicon(lexicon))(articles)`."""
    from framing.lexicons.model import load_lexicon

    result = LoadedScorer(load_lexicon(lexicon))(articles)
    return result.table, result.evidence
