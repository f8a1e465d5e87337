"""Agreement statistics: Krippendorff's alpha among students, Cohen's kappa between the class and the tool.

Why these two: alpha is the reliability measure content analysts report for
many coders who each code some of the units, with missing answers allowed
(Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"); kappa is the
chance-corrected agreement of two raters (Cohen 1960), here the class's
majority and the tool. Both come with a seeded percentile bootstrap over the
items (units), so the same answers always give the same interval.

Values are category codes 0..k-1 in their scale order (so that the ordinal
metric can rank them); missing answers are NaN.
"""

from __future__ import annotations

import numpy as np

BOOTSTRAP = 2000
LEVEL = 0.95


def coincidences(data: np.ndarray, k: int) -> np.ndarray:
    """Per-unit coincidence matrices (units x k x k) of a coders x units array of codes (NaN = missing).

    A unit with m answers adds count_c * (count_k - [c == k]) / (m - 1) to cell (c, k); a unit with fewer
    than two answers is not pairable and adds nothing (Krippendorff 2011, section B).
    """
    counts = np.stack([(data == code).sum(axis=0) for code in range(k)], axis=1).astype(float)  # units x k
    m = counts.sum(axis=1)
    pairs = counts[:, :, None] * counts[:, None, :] - np.einsum("uc,ck->uck", counts, np.eye(k))
    scale = np.where(m > 1, 1.0 / np.maximum(m - 1, 1), 0.0)
    return pairs * scale[:, None, None]


def distances(marginals: np.ndarray, metric: str) -> np.ndarray:
    """Squared differences delta^2(c, k) between codes (... x k x k), for the metric's level of measurement.

    Nominal: 0 when equal, else 1. Ordinal: (sum of n_g for g from c to k, minus (n_c + n_k) / 2) squared,
    which depends on how often each value was used (`marginals`, ... x k). Interval: (c - k) squared.
    """
    k = marginals.shape[-1]
    if metric == "nominal":
        return np.broadcast_to(1.0 - np.eye(k), (*marginals.shape[:-1], k, k))
    if metric == "interval":
        codes = np.arange(k, dtype=float)
        return np.broadcast_to((codes[:, None] - codes[None, :]) ** 2, (*marginals.shape[:-1], k, k))
    if metric == "ordinal":
        cumulative = np.concatenate([np.zeros((*marginals.shape[:-1], 1)), np.cumsum(marginals, axis=-1)], axis=-1)
        low, high = np.minimum.outer(np.arange(k), np.arange(k)), np.maximum.outer(np.arange(k), np.arange(k))
        between = cumulative[..., high + 1] - cumulative[..., low]
        ends = (marginals[..., :, None] + marginals[..., None, :]) / 2
        return (between - ends) ** 2 * (1 - np.eye(k))
    raise ValueError(f"unknown metric {metric!r}")


def _alphas(matrices: np.ndarray, metric: str) -> np.ndarray:
    """Alpha of each coincidence matrix (... x k x k); NaN where undefined (one value throughout, or no pair)."""
    marginals = matrices.sum(axis=-1)
    n = marginals.sum(axis=-1)
    delta = distances(marginals, metric)
    expected = (marginals[..., :, None] * marginals[..., None, :] * delta).sum(axis=(-2, -1))
    observed = (matrices * delta).sum(axis=(-2, -1))
    defined = (n > 1) & (expected > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(defined, 1 - (n - 1) * observed / np.where(defined, expected, 1.0), np.nan)


def _alpha_from(matrix: np.ndarray, metric: str) -> float | None:
    value = float(_alphas(matrix, metric))
    return None if np.isnan(value) else value


def krippendorff_alpha(data: np.ndarray, k: int, metric: str = "nominal") -> float | None:
    """Krippendorff's alpha of a coders x units array of codes 0..k-1 (NaN missing); None if undefined."""
    return _alpha_from(coincidences(np.asarray(data, dtype=float), k).sum(axis=0), metric)


def _resamples(units: int, seed: int, size: int = BOOTSTRAP) -> np.ndarray:
    """size x units counts of how often each unit is drawn in each bootstrap sample."""
    rng = np.random.default_rng(seed)
    return rng.multinomial(units, np.full(units, 1.0 / units), size=size).astype(float)


def _percentile(values: np.ndarray) -> tuple[float, float] | None:
    """The percentile interval of bootstrap values; None when most resamples left the statistic undefined."""
    kept = values[~np.isnan(values)]
    if len(kept) < len(values) / 2:
        return None
    tail = (1 - LEVEL) / 2 * 100
    return float(np.percentile(kept, tail)), float(np.percentile(kept, 100 - tail))


def alpha_interval(data: np.ndarray, k: int, metric: str = "nominal", seed: int = 0) -> tuple[float, float] | None:
    """A 95% percentile bootstrap interval for alpha, resampling units (items); None with fewer than 2 units."""
    per_unit = coincidences(np.asarray(data, dtype=float), k)
    if len(per_unit) < 2:
        return None
    weights = _resamples(len(per_unit), seed)
    matrices = np.einsum("bu,uck->bck", weights, per_unit)
    return _percentile(_alphas(matrices, metric))


def kappa_weights(k: int, metric: str) -> np.ndarray:
    """Disagreement weights: 0/1 for nominal answers, |i - j| / (k - 1) (linear) for ordinal ones."""
    if metric == "ordinal" and k > 1:
        codes = np.arange(k, dtype=float)
        return np.abs(codes[:, None] - codes[None, :]) / (k - 1)
    return 1.0 - np.eye(k)


def _kappas(joints: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Kappa of each joint count table (... x k x k); NaN where undefined (both raters one value throughout)."""
    total = joints.sum(axis=(-2, -1))
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = joints / np.where(total > 0, total, 1.0)[..., None, None]
        outer = shares.sum(axis=-1)[..., :, None] * shares.sum(axis=-2)[..., None, :]
        expected = (outer * weights).sum(axis=(-2, -1))
        defined = (total > 0) & (expected > 0)
        return np.where(defined, 1 - (shares * weights).sum(axis=(-2, -1)) / np.where(defined, expected, 1.0), np.nan)


def _kappa_from(joint: np.ndarray, weights: np.ndarray) -> float | None:
    value = float(_kappas(joint, weights))
    return None if np.isnan(value) else value


def _joint(first: np.ndarray, second: np.ndarray, k: int) -> np.ndarray:
    return np.bincount(first * k + second, minlength=k * k).reshape(k, k).astype(float)


def cohen_kappa(first: np.ndarray, second: np.ndarray, k: int, metric: str = "nominal") -> float | None:
    """Cohen's kappa (linearly weighted for ordinal answers) of two raters' codes over the same units."""
    first, second = np.asarray(first, dtype=int), np.asarray(second, dtype=int)
    return _kappa_from(_joint(first, second, k), kappa_weights(k, metric))


def kappa_interval(
    first: np.ndarray, second: np.ndarray, k: int, metric: str = "nominal", seed: int = 0
) -> tuple[float, float] | None:
    """A 95% percentile bootstrap interval for kappa, resampling units; None with fewer than 2 units."""
    first, second = np.asarray(first, dtype=int), np.asarray(second, dtype=int)
    if len(first) < 2:
        return None
    weights, cells = kappa_weights(k, metric), first * k + second
    per_unit = np.zeros((len(first), k * k))
    per_unit[np.arange(len(first)), cells] = 1.0
    joints = (_resamples(len(first), seed) @ per_unit).reshape(-1, k, k)
    return _percentile(_kappas(joints, weights))


def item_agreement(answers: np.ndarray, tool: int, expected: float, weights: np.ndarray) -> float | None:
    """Chance-corrected agreement of one item's answers with the tool: 1 - observed / expected disagreement.

    `expected` is the task's chance disagreement between a student's and the tool's answers (from both
    marginals over all the task's items), so the item values of a task average to its pooled kappa.
    """
    answers = np.asarray(answers, dtype=int)
    if len(answers) == 0 or expected <= 0:
        return None
    return float(1 - weights[answers, tool].mean() / expected)


def chance_disagreement(students: np.ndarray, tools: np.ndarray, k: int, weights: np.ndarray) -> float:
    """Expected disagreement of a student's and the tool's answers drawn independently from their marginals."""
    student = np.bincount(np.asarray(students, dtype=int), minlength=k) / max(len(students), 1)
    tool = np.bincount(np.asarray(tools, dtype=int), minlength=k) / max(len(tools), 1)
    return float((np.outer(student, tool) * weights).sum())
