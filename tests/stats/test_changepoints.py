"""The change-point test of one series: the right split, exact p-values under no change, the limits respected."""

from __future__ import annotations

import numpy as np
import pytest

from framing.stats.changepoints import best_split, candidate_splits, offsets


def series(levels: list[float], per_period: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    values = np.concatenate([level + rng.normal(0, 0.15, per_period) for level in levels])
    return values, offsets(np.full(len(levels), per_period))


def test_offsets_and_the_splits_that_leave_enough_articles_on_each_side():
    bounds = offsets(np.array([2, 1, 4, 3]))
    assert bounds.tolist() == [0, 2, 3, 7, 10]
    assert candidate_splits(bounds, 0, 4, 3).tolist() == [2, 3]  # after period 0 only 2 articles come before
    assert candidate_splits(bounds, 0, 4, 4).tolist() == []  # 3 before the last period, 3 after it
    assert candidate_splits(bounds, 0, 4, 1).tolist() == [1, 2, 3]
    assert candidate_splits(bounds, 1, 3, 3).tolist() == []


def test_the_largest_difference_is_at_the_planted_period():
    values, bounds = series([0, 0, 0, 0, 0.3, 0.3, 0.3], 6, seed=1)
    split = best_split(values, bounds, 0, 7, min_articles=3, n_perm=999, rng=np.random.default_rng(0))
    assert split is not None and (split.lo, split.at, split.hi) == (0, 4, 7)
    assert split.p_value == pytest.approx(1 / 1000)  # no shuffle comes near: the smallest p 999 shuffles give


def test_under_no_change_the_p_value_is_uniform():
    """Exactness: P(p <= a) is at most a for each a, measured over 400 series with no change."""
    p = np.empty(400)
    for seed in range(len(p)):
        split = best_split(
            *series([0.0] * 6, 5, seed), 0, 6, min_articles=3, n_perm=199, rng=np.random.default_rng(seed)
        )
        assert split is not None
        p[seed] = split.p_value
    for level in (0.05, 0.1, 0.25, 0.5):
        assert (p <= level).mean() <= level + 2.5 * np.sqrt(level * (1 - level) / len(p))
    assert (p <= 0.5).mean() >= 0.4, "and not conservative either"


def test_a_constant_series_has_no_change_and_a_short_one_no_test():
    flat = np.full(12, 0.2)
    bounds = offsets(np.full(4, 3))
    split = best_split(flat, bounds, 0, 4, min_articles=3, n_perm=99, rng=np.random.default_rng(0))
    assert split is not None and split.p_value == 1.0
    assert best_split(flat, bounds, 0, 4, min_articles=7, n_perm=99, rng=np.random.default_rng(0)) is None


def test_seeded_shuffles_repeat_and_batches_of_them_make_the_same_test(monkeypatch):
    values, bounds = series([0, 0.05, 0.1, 0.1], 5, seed=3)
    whole = best_split(values, bounds, 0, 4, min_articles=3, n_perm=500, rng=np.random.default_rng(7))
    again = best_split(values, bounds, 0, 4, min_articles=3, n_perm=500, rng=np.random.default_rng(7))
    assert whole == again
    monkeypatch.setattr("framing.stats.changepoints.CELLS", 40)  # two shuffles a batch: many batches
    batched = best_split(values, bounds, 0, 4, min_articles=3, n_perm=500, rng=np.random.default_rng(7))
    assert batched is not None and whole is not None and batched.at == whole.at
    assert abs(batched.p_value - whole.p_value) < 0.08  # other shuffles, the same test
