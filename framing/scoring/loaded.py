"""Loaded language: cue classes per 1,000 words, and a total of the classes that load a text.

Every class of the `loaded-language` lexicon gets its own column
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
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.scoring.frames import as_evidence, category_sums, lexicon_hits, per_thousand, token_table

# Class names that count toward `loaded`; classes a lexicon lacks are ignored.
LOADING_CLASSES = ("report_loaded", "intensifiers", "loaded_adjectives", "scare_quotes")


@dataclass(frozen=True)
class LoadedScorer:
    """Articles (doc_id, clean_text) -> `loaded`, `loaded.count`, `loaded.<class>` and evidence."""

    lexicon: object
    counted: tuple = LOADING_CLASSES

    def counted_classes(self) -> list[str]:
        return [c for c in self.lexicon.categories if c in self.counted]

    def __call__(self, articles: pd.DataFrame, tokens=None) -> tuple[pd.DataFrame, pd.DataFrame]:
        tokens = tokens if tokens is not None else token_table(articles)
        words = tokens.word_counts()
        doc_ids = list(articles["doc_id"])
        hits = lexicon_hits(self.lexicon, articles, tokens)
        sums = category_sums(hits, doc_ids, self.lexicon.categories)
        counted = self.counted_classes()
        counts = hits[hits["category"].isin(counted)].groupby("doc_id", sort=False).size()
        table = pd.DataFrame({
            "doc_id": doc_ids,
            "loaded": per_thousand(sums[counted].sum(axis=1).to_frame(), words).iloc[:, 0].to_numpy(),
            "loaded.count": counts.reindex(doc_ids).fillna(0).astype(np.int64).to_numpy(),
        })
        rates = per_thousand(sums, words)
        for category in self.lexicon.categories:
            table[f"loaded.{category}"] = rates[category].to_numpy()
        return table, as_evidence(hits, "loaded")


def score_loaded(articles: pd.DataFrame, lexicon="loaded-language") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Functional form: `LoadedScorer(load_lexicon(lexicon))(articles)`."""
    from framing.lexicon import load_lexicon

    return LoadedScorer(load_lexicon(lexicon))(articles)
