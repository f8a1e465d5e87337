"""`Scores`: the tables `framing.score` returns, per-outlet means with bootstrap intervals, and an HTML view.

Every number in `.table` is backed by rows of `.evidence` whose `start:end`
offsets slice the article's `clean_text` to exactly the evidence `text`.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd

# Columns shown by the HTML view, when present (frame balances and stance scores are added).
SUMMARY = ("doc_id", "outlet", "words", "sentiment", "subjectivity", "loaded", "quotes.share", "quotes.speakers")


@dataclass(frozen=True, eq=False)
class Scores:
    """Result of `framing.score(corpus)`.

    - `table`: one row per article (doc_id, outlet, words, sentiment*, subjectivity,
      frame.<lexicon>.<category|contrast>, stance.<target>[.mentions], loaded*, quotes.*).
    - `evidence`: one row per hit (doc_id, sentence, start, end, text, family, lexicon,
      category, negated, weight); family is frame, loaded, stance, sentiment or quote.
    - `sentences`: per-sentence sentiment (VADER compound, TextBlob polarity, subjectivity).
    - `quotes`: one row per quotation (doc_id, start, end, text, speaker, speaker_start, speaker_end).
    - `stance`: long form (doc_id, target, mentions, score, label).
    - `lexicons`: the `Lexicon` objects used; `targets`: the `Targets` used (or None).
    """

    table: pd.DataFrame
    evidence: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    stance: pd.DataFrame
    lexicons: tuple
    targets: object = None

    def __len__(self) -> int:
        return len(self.table)

    def by_outlet(self, *, n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
        """Mean of every numeric score per outlet, with a seeded bootstrap CI where n_articles >= 2."""
        return outlet_means(self.table, n_boot=n_boot, seed=seed, level=level)

    def summary_columns(self) -> list[str]:
        extra = [c for c in self.table.columns
                 if (c.startswith("frame.") and _is_contrast(c, self.lexicons))
                 or (c.startswith("stance.") and not c.endswith(".mentions"))]
        wanted = [c for c in SUMMARY if c in self.table.columns]
        return wanted[:5] + extra + wanted[5:]

    def _repr_html_(self, max_rows: int = 20) -> str:
        shown = self.table[self.summary_columns()].head(max_rows).round(3)
        caption = (f"{len(self.table)} articles, {self.table['outlet'].nunique()} outlets, "
                   f"{len(self.evidence)} evidence rows"
                   + (f" (first {max_rows} shown)" if len(self.table) > max_rows else ""))
        return (f"<div class='framing-scores'><p><b>Scores</b>: {escape(caption)}</p>"
                f"{shown.to_html(index=False, escape=True, na_rep='', border=0)}</div>")


def _is_contrast(column: str, lexicons) -> bool:
    return any(column == f"frame.{lex.name}.{c.name}" for lex in lexicons for c in lex.contrasts)


def bootstrap_means(values: np.ndarray, rng, n_boot: int = 1000) -> np.ndarray:
    """(n_boot, k) bootstrap replicates of the column means of `values` (n articles x k scores), NaNs ignored.

    Each replicate resamples the articles with replacement; the draws become a
    replicate x article count matrix, so all columns are averaged in one matrix
    product, in blocks that keep that matrix under ~5 million numbers.
    """
    n = len(values)
    valid = ~np.isnan(values)
    filled = np.where(valid, values, 0.0)
    block = max(1, min(n_boot, 5_000_000 // max(n, 1)))
    parts = []
    for done in range(0, n_boot, block):
        size = min(block, n_boot - done)
        draws = rng.integers(0, n, size=(size, n)) + n * np.arange(size)[:, None]
        weights = np.bincount(draws.ravel(), minlength=size * n).reshape(size, n).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            parts.append((weights @ filled) / (weights @ valid))
    return np.vstack(parts)


def outlet_means(table: pd.DataFrame, *, n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Per outlet: `n_articles`, and for each numeric score its mean and a percentile bootstrap CI.

    The interval is empty (NaN) where fewer than two of the outlet's articles have the score.
    """
    measures = [c for c in table.columns if c not in ("doc_id", "outlet") and pd.api.types.is_numeric_dtype(table[c])]
    tail = (1 - level) / 2 * 100
    rows = []
    for index, (outlet, group) in enumerate(table.groupby("outlet", sort=True)):
        values = group[measures].to_numpy(dtype=float)
        enough = (~np.isnan(values)).sum(axis=0) >= 2
        low = high = np.full(len(measures), np.nan)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            means = np.nanmean(values, axis=0)
            if enough.any():
                reps = bootstrap_means(values[:, enough], np.random.default_rng([seed, index]), n_boot)
                low, high = np.full(len(measures), np.nan), np.full(len(measures), np.nan)
                percentile = np.nanpercentile if np.isnan(reps).any() else np.percentile
                low[enough], high[enough] = percentile(reps, [tail, 100 - tail], axis=0)
        row = {"outlet": outlet, "n_articles": len(group)}
        for j, column in enumerate(measures):
            row[column], row[f"{column}.ci_low"], row[f"{column}.ci_high"] = (
                float(means[j]), float(low[j]), float(high[j]))
        rows.append(row)
    return pd.DataFrame(rows)
