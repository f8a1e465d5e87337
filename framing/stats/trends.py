"""Framing and attention over time: per outlet and period, how much coverage and how it reads.

Why a module of its own: "did this outlet's framing change after the event?"
is the question researchers bring to a news archive, and attention trackers
answer only the first half (how many articles). Here each outlet x period gets
its article count, its share of that period's coverage, and the mean of any
score with a seeded bootstrap interval; `shifts` then names the periods where
a mean moves by more than chance allows, with the articles that drive it.

Undated articles belong to no period: they are counted and named (in
`result.attrs["undated"]`), never dropped silently.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from framing.stats.bootstrap import bootstrap_means

if TYPE_CHECKING:
    from collections.abc import Sequence

FREQUENCIES = {"W": "W-SUN", "M": "M", "Q": "Q"}  # weeks run Monday to Sunday
SKIPPED = ("words",)  # sizes, not scores


def default_columns(table: pd.DataFrame) -> list[str]:
    """The numeric score columns: counts (`*.count`, `*.mentions`) and sizes are not averaged."""
    return [
        c
        for c in table.columns
        if c not in ("doc_id", "outlet", *SKIPPED)
        and pd.api.types.is_numeric_dtype(table[c])
        and not c.endswith((".count", ".mentions"))
    ]


def dated(table: pd.DataFrame, dates: pd.Series, freq: str) -> tuple[pd.DataFrame, list[str]]:
    """The table with `period` and `start` columns for dated articles, and the ids of the undated ones."""
    if freq not in FREQUENCIES:
        raise ValueError(f"freq must be one of {', '.join(FREQUENCIES)}, not {freq!r}")
    when = pd.to_datetime(table["doc_id"].map(dates), errors="coerce")
    undated = table.loc[when.isna().to_numpy(), "doc_id"].astype(str).tolist()
    keep = when.notna().to_numpy()
    periods = when[keep].dt.to_period(FREQUENCIES[freq])
    out = table.loc[keep].copy()
    out["period"] = periods.astype(str).to_numpy()
    out["start"] = periods.dt.start_time.dt.strftime("%Y-%m-%d").to_numpy()
    return out, undated


def over_time(
    table: pd.DataFrame,
    dates: pd.Series,
    *,
    freq: str = "M",
    by: str = "outlet",
    columns: Sequence[str] | None = None,
    n_boot: int = 1000,
    seed: int = 0,
    level: float = 0.95,
) -> pd.DataFrame:
    """One row per `by` value and period: articles, share of the period's coverage, mean and CI of each score.

    `dates` maps doc_id -> date (a Series indexed by doc_id). Intervals are
    percentile bootstraps seeded by (`seed`, group number), so a run is
    reproducible; they are NaN where fewer than two articles have the score.
    """
    measures = list(columns) if columns is not None else default_columns(table)
    frame, undated = dated(table, dates, freq)
    tail = (1 - level) / 2 * 100
    totals = {str(start): int(n) for start, n in frame.groupby("start")["doc_id"].count().items()}
    rows = []
    for index, ((group, start), part) in enumerate(frame.groupby([by, "start"], sort=True)):
        values = part[measures].to_numpy(dtype=float)
        row: dict[str, object] = {
            by: group,
            "period": part["period"].iloc[0],
            "start": start,
            "articles": len(part),
            "share": len(part) / totals[str(start)],
        }
        means, low, high = _means_and_interval(values, np.random.default_rng([seed, index]), n_boot, tail)
        for j, column in enumerate(measures):
            row[column], row[f"{column}.ci_low"], row[f"{column}.ci_high"] = means[j], low[j], high[j]
        rows.append(row)
    result = pd.DataFrame(
        rows,
        columns=[by, "period", "start", "articles", "share"]
        + [name for c in measures for name in (c, f"{c}.ci_low", f"{c}.ci_high")],
    )
    result.attrs["undated"] = undated
    return result


def _means_and_interval(
    values: np.ndarray, rng: np.random.Generator, n_boot: int, tail: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    k = values.shape[1]
    low, high = np.full(k, np.nan), np.full(k, np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        means = np.nanmean(values, axis=0) if len(values) else np.full(k, np.nan)
        enough = (~np.isnan(values)).sum(axis=0) >= 2
        if enough.any():
            replicates = bootstrap_means(values[:, enough], rng, n_boot)
            percentile = np.nanpercentile if np.isnan(replicates).any() else np.percentile
            low[enough], high[enough] = percentile(replicates, [tail, 100 - tail], axis=0)
    return means, low, high


def shifts(
    table: pd.DataFrame,
    dates: pd.Series,
    columns: Sequence[str],
    *,
    freq: str = "M",
    by: str = "outlet",
    min_articles: int = 3,
    n_perm: int = 2000,
    alpha: float = 0.05,
    seed: int = 0,
    drivers: int = 3,
) -> pd.DataFrame:
    """Every change of a mean between adjacent periods of one outlet, tested, with the family-wise error held.

    For each outlet and score, each pair of consecutive periods that both have
    at least `min_articles` scored articles is compared by a two-sided
    permutation test of the difference in means (`n_perm` shuffles, seeded).
    The p-values of all pairs, outlets and scores are adjusted together by
    Holm's method, so the chance of naming any shift where there is none stays
    at `alpha`. `shift` marks the pairs that pass; `drivers` lists the articles
    of the later period that moved furthest in the direction of the change.
    """
    frame, _ = dated(table, dates, freq)
    rng = np.random.default_rng(seed)
    tests = []
    for column in columns:
        for group, part in frame.groupby(by, sort=True):
            scored = part[part[column].notna()]
            windows = [
                (start, window) for start, window in scored.groupby("start", sort=True) if len(window) >= min_articles
            ]
            for (_, before), (_, after) in zip(windows, windows[1:]):
                a, b = before[column].to_numpy(float), after[column].to_numpy(float)
                difference = float(b.mean() - a.mean())
                tests.append(
                    {
                        by: group,
                        "column": column,
                        "before": before["period"].iloc[0],
                        "after": after["period"].iloc[0],
                        "articles_before": len(a),
                        "articles_after": len(b),
                        "mean_before": float(a.mean()),
                        "mean_after": float(b.mean()),
                        "difference": difference,
                        "p_value": _permutation_p(a, b, rng, n_perm),
                        "drivers": _drivers(after, column, a.mean(), difference, drivers),
                    }
                )
    result = pd.DataFrame(
        tests,
        columns=[
            by,
            "column",
            "before",
            "after",
            "articles_before",
            "articles_after",
            "mean_before",
            "mean_after",
            "difference",
            "p_value",
            "drivers",
        ],
    )
    result["p_adjusted"] = holm(result["p_value"].to_numpy(float))
    result["shift"] = result["p_adjusted"] <= alpha
    return result


def _permutation_p(a: np.ndarray, b: np.ndarray, rng: np.random.Generator, n_perm: int) -> float:
    """Two-sided permutation p-value of mean(b) - mean(a); (1 + hits) / (1 + n_perm), never 0."""
    pooled = np.concatenate([a, b])
    observed = abs(b.mean() - a.mean())
    shuffled = rng.permuted(np.broadcast_to(pooled, (n_perm, len(pooled))), axis=1)
    differences = np.abs(shuffled[:, len(a) :].mean(axis=1) - shuffled[:, : len(a)].mean(axis=1))
    hits = int((differences >= observed - 1e-12).sum())
    return (1 + hits) / (1 + n_perm)


def _drivers(after: pd.DataFrame, column: str, baseline: float, difference: float, count: int) -> str:
    direction = 1.0 if difference >= 0 else -1.0
    moved = (after[column] - baseline) * direction
    order = np.lexsort((after["doc_id"].astype(str).to_numpy(), -moved.to_numpy(float)))
    return " ".join(after["doc_id"].astype(str).to_numpy()[order[:count]])


def holm(p_values: np.ndarray) -> np.ndarray:
    """Holm's step-down adjustment: family-wise error control without assuming independence."""
    m = len(p_values)
    if m == 0:
        return p_values.astype(float)
    order = np.argsort(p_values, kind="stable")
    stepped = np.maximum.accumulate((m - np.arange(m)) * p_values[order])
    adjusted = np.empty(m)
    adjusted[order] = np.minimum(stepped, 1.0)
    return adjusted
