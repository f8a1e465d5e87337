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


def numeric_measures(table: pd.DataFrame) -> list[str]:
    """The columns `outlet_means` averages: every numeric one but the id and the outlet."""
    return [c for c in table.columns if c not in ("doc_id", "outlet") and pd.api.types.is_numeric_dtype(table[c])]


def bootstrap_interval(
    values: np.ndarray, index: int, *, n_boot: int = 1000, seed: int = 0, level: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) percentile bootstrap bounds per column of one outlet's `values` (articles in corpus order).

    `index` is the outlet's place among the sorted outlets: it seeds the
    outlet's own generator, so an engine that computes outlets one by one
    draws exactly the same resamples. NaN where fewer than two articles have the score.
    """
    tail = (1 - level) / 2 * 100
    enough = (~np.isnan(values)).sum(axis=0) >= 2
    low, high = np.full(values.shape[1], np.nan), np.full(values.shape[1], np.nan)
    if enough.any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            reps = bootstrap_means(values[:, enough], np.random.default_rng([seed, index]), n_boot)
            percentile = np.nanpercentile if np.isnan(reps).any() else np.percentile
            low[enough], high[enough] = percentile(reps, [tail, 100 - tail], axis=0)
    return low, high


def outlet_means(table: pd.DataFrame, *, n_boot: int = 1000, seed: int = 0, level: float = 0.95) -> pd.DataFrame:
    """Per outlet: `n_articles`, and for each numeric score its mean and a percentile bootstrap CI.

    The interval is empty (NaN) where fewer than two of the outlet's articles have the score.
    """
    measures = numeric_measures(table)
    rows = []
    for index, (outlet, group) in enumerate(table.groupby("outlet", sort=True)):
        values = group[measures].to_numpy(dtype=float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            means = np.nanmean(values, axis=0)
        low, high = bootstrap_interval(values, index, n_boot=n_boot, seed=seed, level=level)
        rows.append(outlet_row(outlet, len(group), measures, means, low, high))
    result: pd.DataFrame = pd.DataFrame(rows)
    return result


def outlet_row(
    outlet: object, n_articles: int, measures: list[str], means: np.ndarray, low: np.ndarray, high: np.ndarray
) -> dict[str, object]:
    """One row of `outlet_means`: the outlet, its article count, then mean, ci_low, ci_high per measure."""
    row: dict[str, object] = {"outlet": outlet, "n_articles": n_articles}
    for j, column in enumerate(measures):
        row[column], row[f"{column}.ci_low"], row[f"{column}.ci_high"] = (
            float(means[j]),
            float(low[j]),
            float(high[j]),
        )
    return row
