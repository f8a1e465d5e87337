"""Internal consistency of a category: Cronbach's alpha over term rates, KR-20 over presence.

LIWC-22 and the dictionary-validation literature (Pennebaker et al. 2022,
"The development and psychometric properties of LIWC-22") treat each term of
a category as an item of a test and each text as a respondent: if the terms
measure one thing, texts that use one of them use the others too. Two
coefficients, both

    k / (k - 1) * (1 - sum of the item variances / variance of the item sum)

- Cronbach's alpha (1951) on each article's rate of each term (hits per 100
  words, as LIWC), sample variances (ddof=1; the ratio does not depend on it);
- Kuder-Richardson 20 (1937) on presence (0/1), where an item's variance is
  p * (1 - p) and the sum's variance is the population variance (ddof=0), as
  the textbooks write it; KR-20 is then alpha computed on presence.

Items that never vary (a term no article uses) carry no information about
consistency and are left out, so `k` is the number of terms that occur. With
fewer than two such terms, or a sum that never varies, the coefficient is
undefined (NaN). `feldt_interval` gives the 95% interval of either from
Feldt's (1965) F distribution of (1 - alpha) / (1 - estimate), with n - 1 and
(n - 1)(k - 1) degrees of freedom: with a handful of articles it spans most
of the scale, which is the honest answer. Both are low for word lists by nature (most texts use few of
a category's words): read them against `n` and `k`, not against the 0.7 of
questionnaires.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt


def _varying(items: npt.ArrayLike) -> np.ndarray:
    """The items (columns) of an articles x items matrix that take more than one value."""
    matrix = np.asarray(items, dtype=float)
    if matrix.ndim != 2:
        raise ValueError("items must be a 2-D array: one row per article, one column per term")
    if len(matrix) == 0:
        return matrix
    result: np.ndarray = matrix[:, np.ptp(matrix, axis=0) > 0]
    return result


def _coefficient(k: int, item_variance: float, total_variance: float) -> float:
    if k < 2 or not total_variance > 0:
        return float("nan")
    return float(k / (k - 1) * (1.0 - item_variance / total_variance))


def cronbach_alpha(items: npt.ArrayLike) -> float:
    """Cronbach's alpha of an articles x terms matrix of rates (NaN when undefined)."""
    matrix = _varying(items)
    n, k = matrix.shape
    if n < 2:
        return float("nan")
    return _coefficient(k, float(matrix.var(axis=0, ddof=1).sum()), float(matrix.sum(axis=1).var(ddof=1)))


def kr20(presence: npt.ArrayLike) -> float:
    """Kuder-Richardson 20 of an articles x terms matrix, read as presence (any non-zero value is 1)."""
    matrix = _varying(np.asarray(presence) != 0)
    n, k = matrix.shape
    if n < 2:
        return float("nan")
    p = matrix.mean(axis=0)
    return _coefficient(k, float((p * (1.0 - p)).sum()), float(matrix.sum(axis=1).var(ddof=0)))


def varying_items(items: npt.ArrayLike) -> int:
    """How many items the coefficients use (the `k` to report beside them)."""
    return int(_varying(items).shape[1])


def feldt_interval(estimate: float, n: int, k: int, level: float = 0.95) -> tuple[float, float]:
    """(low, high) of alpha (or KR-20) at `level`, from `n` articles and `k` terms (Feldt 1965); NaN if undefined."""
    if not np.isfinite(estimate) or n < 2 or k < 2:
        return float("nan"), float("nan")
    from scipy.stats import f

    tail = (1.0 - level) / 2.0
    df1, df2 = n - 1, (n - 1) * (k - 1)
    return (
        float(1.0 - (1.0 - estimate) * f.ppf(1.0 - tail, df1, df2)),
        float(1.0 - (1.0 - estimate) * f.ppf(tail, df1, df2)),
    )
