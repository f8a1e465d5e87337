"""Change points in one outlet's series of articles: the split where its mean moved most, tested exactly.

Why a max statistic and not a test per pair of adjacent periods: an outlet with
eight articles a quarter cannot show a change between two quarters beyond what
Holm's method asks of hundreds of pair tests, even when the change is plain.
Here each outlet and score is one test: over every split between two periods,
the largest standardized difference between the means before and after
(the CUSUM statistic, n_a n_b / n (mean_after - mean_before)^2, which is the
Gaussian likelihood ratio for one change of mean), its null distribution drawn
by shuffling the outlet's articles across its periods (seeded). All the
articles on each side count, so a lasting change is seen with all of them.
Further changes are sought by binary segmentation inside each side of a change
found; see `framing.stats.trends.shifts` for how the family is held.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CELLS = 2_000_000  # shuffled values held at once: a batch of permutations is at most this many floats


@dataclass(frozen=True)
class Split:
    """The best split of periods [lo, hi): `at` is the first period after it; p from the permutations."""

    lo: int
    at: int
    hi: int
    p_value: float


def offsets(counts: np.ndarray) -> np.ndarray:
    """Article offsets of each period in the series (periods sorted, articles grouped by period): len+1 values."""
    return np.concatenate([[0], np.cumsum(counts)]).astype(int)


def candidate_splits(bounds: np.ndarray, lo: int, hi: int, min_articles: int) -> np.ndarray:
    """The periods k in (lo, hi) that can start the after side: at least `min_articles` articles on each side."""
    ks = np.arange(lo + 1, hi)
    before = bounds[ks] - bounds[lo]
    after = bounds[hi] - bounds[ks]
    chosen: np.ndarray = ks[(before >= min_articles) & (after >= min_articles)]
    return chosen


def _statistics(centred_sums: np.ndarray, before: np.ndarray, n: int) -> np.ndarray:
    """n_a n_b / n (mean_b - mean_a)^2 from the running sum of centred values at each split."""
    statistics: np.ndarray = centred_sums**2 * n / (before * (n - before))
    return statistics


def best_split(
    values: np.ndarray,
    bounds: np.ndarray,
    lo: int,
    hi: int,
    *,
    min_articles: int,
    n_perm: int,
    rng: np.random.Generator,
) -> Split | None:
    """The split of periods [lo, hi) with the largest statistic and its permutation p-value; None if none fits.

    p = (1 + shuffles whose largest statistic reaches the observed one) / (1 + n_perm),
    so it is never 0 and is exact: under no change the articles are exchangeable.
    """
    ks = candidate_splits(bounds, lo, hi, min_articles)
    if not len(ks):
        return None
    segment = values[bounds[lo] : bounds[hi]]
    n = len(segment)
    centred = segment - segment.mean()
    before = bounds[ks] - bounds[lo]
    observed = _statistics(np.cumsum(centred)[before - 1], before, n)
    best = int(np.argmax(observed))
    top = float(observed[best])
    tolerance = 1e-9 * float(centred @ centred)  # the statistic is at most this sum of squares: rounding only
    hits, batch = 0, max(1, CELLS // n)
    for done in range(0, n_perm, batch):
        size = min(batch, n_perm - done)
        shuffled = rng.permuted(np.broadcast_to(centred, (size, n)), axis=1)
        largest = _statistics(np.cumsum(shuffled, axis=1)[:, before - 1], before, n).max(axis=1)
        hits += int((largest >= top - tolerance).sum())
    return Split(lo=lo, at=int(ks[best]), hi=hi, p_value=(1 + hits) / (1 + n_perm))
