"""Outlet means with seeded bootstrap intervals: the uncertainty behind every outlet number.

A mean over three articles is not a mean over three hundred; the interval says
how much an outlet's mean would move with other articles of the same kind. The
seed makes the intervals the same on every run.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd


def bootstrap_means(values: np.ndarray, rng: np.random.Generator, n_boot: int = 1000) -> np.ndarray:
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
                float(means[j]),
                float(low[j]),
                float(high[j]),
            )
        rows.append(row)
    result: pd.DataFrame = pd.DataFrame(rows)
    return result
