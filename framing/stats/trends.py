"""Framing and attention over time: per outlet and period, how much coverage and how it reads.

Why a module of its own: "did this outlet's framing change after the event?"
is the question researchers bring to a news archive, and attention trackers
answer only the first half (how many articles). Here each outlet x period gets
its article count, its share of that period's coverage, and the mean of any
score with a seeded bootstrap interval; `shifts` then names the periods where
an outlet's mean changed by more than chance allows (one change-point test per
outlet and score, `framing.stats.changepoints`), with the articles that drive it.

Undated articles belong to no period: they are counted and named (in
`result.attrs["undated"]`), never dropped silently.
"""

from __future__ import annotations

import warnings
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from framing.stats.bootstrap import bootstrap_means
from framing.stats.changepoints import Split, best_split, offsets

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
    n_perm: int = 9999,
    alpha: float = 0.05,
    seed: int = 0,
    drivers: int = 3,
) -> pd.DataFrame:
    """The changes of each outlet's mean score over time, found by change-point tests with the family-wise error held.

    For each outlet and score, the split between two periods with the largest
    difference of means before and after it (all the outlet's articles on each
    side, at least `min_articles` a side) is tested against `n_perm` seeded
    shuffles of those articles across periods (`framing.stats.changepoints`).
    These tests, one per outlet and score, are adjusted together by Holm's
    method, so the chance of naming a change in any series that has none stays
    at `alpha`. In a series that passes, each side of the change is searched
    again the same way (binary segmentation), its p-value multiplied by the
    number of series (Bonferroni) and never below its parent's. One row per
    test: `before`/`after` the periods either side of the split, `before_from`
    and `after_to` the ends of the windows whose means are compared, `shift`
    whether it passes, `drivers` the articles after the split that moved
    furthest in the direction of the change.
    """
    frame, _ = dated(table, dates, freq)
    series = []
    for column in columns:
        for group, part in frame.groupby(by, sort=True):
            scored = part[part[column].notna()].sort_values(["start", "doc_id"], kind="stable")
            if len(scored) < 2 * min_articles:
                continue
            counts = scored.groupby("start", sort=True)["period"].agg(["size", "first"])
            one = _Series(group, column, scored, offsets(counts["size"].to_numpy()), counts["first"].tolist())
            first = one.split(0, len(counts), min_articles=min_articles, n_perm=n_perm, seed=seed)
            if first is not None:
                series.append((one, first))
    adjusted = holm(np.array([first.p_value for _, first in series], dtype=float))
    rows = []
    for (one, first), p_first in zip(series, adjusted):
        tests = [(first, float(p_first))]
        if p_first <= alpha:
            tests += one.further(first, float(p_first), len(series), alpha, min_articles, n_perm, seed)
        rows += [one.row(split, p, by, alpha, drivers) for split, p in sorted(tests, key=lambda t: t[0].at)]
    return pd.DataFrame(rows, columns=[by, "column", *SHIFT_COLUMNS])


SHIFT_COLUMNS = (
    "before",
    "after",
    "before_from",
    "after_to",
    "articles_before",
    "articles_after",
    "mean_before",
    "mean_after",
    "difference",
    "p_value",
    "p_adjusted",
    "shift",
    "drivers",
)


@dataclass(frozen=True)
class _Series:
    """One outlet's scored articles for one score, sorted by period, with the periods' article offsets."""

    group: object
    column: str
    scored: pd.DataFrame
    bounds: np.ndarray
    periods: list[str]

    def split(self, lo: int, hi: int, *, min_articles: int, n_perm: int, seed: int) -> Split | None:
        """The best split of periods [lo, hi), its shuffles seeded by the series and the window, not the run."""
        names = [zlib.crc32(str(name).encode()) for name in (self.column, self.group)]
        rng = np.random.default_rng([seed, *names, lo, hi])
        values = self.scored[self.column].to_numpy(float)
        return best_split(values, self.bounds, lo, hi, min_articles=min_articles, n_perm=n_perm, rng=rng)

    def further(
        self, parent: Split, p_parent: float, family: int, alpha: float, min_articles: int, n_perm: int, seed: int
    ) -> list[tuple[Split, float]]:
        """Binary segmentation: the best split on each side of `parent`, and recursively inside those that pass."""
        found = []
        for lo, hi in ((parent.lo, parent.at), (parent.at, parent.hi)):
            inner = self.split(lo, hi, min_articles=min_articles, n_perm=n_perm, seed=seed)
            if inner is None:
                continue
            p_inner = max(p_parent, min(1.0, family * inner.p_value))
            found.append((inner, p_inner))
            if p_inner <= alpha:
                found += self.further(inner, p_inner, family, alpha, min_articles, n_perm, seed)
        return found

    def row(self, split: Split, p_adjusted: float, by: str, alpha: float, drivers: int) -> dict[str, object]:
        b = self.bounds
        before = self.scored.iloc[b[split.lo] : b[split.at]]
        after = self.scored.iloc[b[split.at] : b[split.hi]]
        mean_before, mean_after = float(before[self.column].mean()), float(after[self.column].mean())
        difference = mean_after - mean_before
        return {
            by: self.group,
            "column": self.column,
            "before": self.periods[split.at - 1],
            "after": self.periods[split.at],
            "before_from": self.periods[split.lo],
            "after_to": self.periods[split.hi - 1],
            "articles_before": len(before),
            "articles_after": len(after),
            "mean_before": mean_before,
            "mean_after": mean_after,
            "difference": difference,
            "p_value": split.p_value,
            "p_adjusted": p_adjusted,
            "shift": p_adjusted <= alpha,
            "drivers": _drivers(after, self.column, mean_before, difference, drivers),
        }


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
