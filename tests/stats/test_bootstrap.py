"""Seeded percentile bootstrap of outlet means: exact means, deterministic intervals, NaN where too few."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.stats.bootstrap import bootstrap_interval, bootstrap_means, numeric_measures, outlet_means, outlet_row


def test_bootstrap_means_resamples_articles_and_ignores_nans():
    values = np.array([[1.0, np.nan], [3.0, 4.0], [5.0, 8.0]])
    reps = bootstrap_means(values, np.random.default_rng(7), n_boot=50)
    assert reps.shape == (50, 2)
    # every replicate mean lies between the column's smallest and largest value
    assert reps[:, 0].min() >= 1.0 and reps[:, 0].max() <= 5.0
    finite = reps[~np.isnan(reps[:, 1]), 1]
    assert finite.min() >= 4.0 and finite.max() <= 8.0


def test_bootstrap_means_replicates_are_the_mean_of_a_resample():
    values = np.array([[0.0], [10.0]])
    reps = bootstrap_means(values, np.random.default_rng(0), n_boot=200)
    # two articles resampled twice: the mean is 0, 5 or 10, and all three appear
    assert set(np.unique(reps[:, 0])) == {0.0, 5.0, 10.0}


def test_bootstrap_means_are_the_same_for_the_same_generator_seed():
    values = np.arange(12, dtype=float).reshape(6, 2)
    whole = bootstrap_means(values, np.random.default_rng(3), n_boot=10)
    assert whole.shape == (10, 2) and np.isfinite(whole).all()
    np.testing.assert_array_equal(whole, bootstrap_means(values, np.random.default_rng(3), n_boot=10))


def test_numeric_measures_skip_the_id_the_outlet_and_text():
    table = pd.DataFrame({"doc_id": [1], "outlet": ["X"], "title": ["t"], "loaded": [1.0], "n": [2]})
    assert numeric_measures(table) == ["loaded", "n"]


def test_interval_is_nan_below_two_articles_and_seeded_by_outlet_index():
    values = np.array([[1.0, np.nan], [2.0, 5.0], [4.0, np.nan]])
    low, high = bootstrap_interval(values, 0, n_boot=200, seed=1)
    assert np.isnan(low[1]) and np.isnan(high[1])
    assert 1.0 <= low[0] <= high[0] <= 4.0
    again = bootstrap_interval(values, 0, n_boot=200, seed=1)
    other = bootstrap_interval(values, 1, n_boot=200, seed=1)
    np.testing.assert_array_equal(low, again[0])
    np.testing.assert_array_equal(high, again[1])
    assert other[0][1] != other[0][1]  # still NaN for the column with one article


def test_narrower_level_gives_a_narrower_interval():
    values = np.random.default_rng(5).normal(size=(40, 1))
    wide = bootstrap_interval(values, 0, level=0.95)
    narrow = bootstrap_interval(values, 0, level=0.5)
    assert wide[0][0] < narrow[0][0] < narrow[1][0] < wide[1][0]


def test_outlet_row_names_mean_and_bounds_per_measure():
    row = outlet_row("X", 3, ["a"], np.array([0.5]), np.array([0.1]), np.array([0.9]))
    assert row == {"outlet": "X", "n_articles": 3, "a": 0.5, "a.ci_low": 0.1, "a.ci_high": 0.9}


def test_outlet_means_sorted_by_outlet_with_exact_means():
    table = pd.DataFrame({"doc_id": list("abcd"), "outlet": ["Y", "X", "Y", "X"], "tone": [1.0, 2.0, 3.0, 6.0]})
    out = outlet_means(table, n_boot=100)
    assert out["outlet"].tolist() == ["X", "Y"]
    assert out["n_articles"].tolist() == [2, 2]
    assert out["tone"].tolist() == [4.0, 2.0]
    assert list(out.columns) == ["outlet", "n_articles", "tone", "tone.ci_low", "tone.ci_high"]
    pd.testing.assert_frame_equal(out, outlet_means(table, n_boot=100))


def test_bootstrap_skips_scores_that_fewer_than_two_articles_have():
    from framing.scoring.scores import outlet_means

    table = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["X", "X", "Y"],
            "stance.Russia": [np.nan, -0.5, 0.2],
            "loaded": [1.0, 3.0, 2.0],
        }
    )
    out = outlet_means(table).set_index("outlet")
    assert out.loc["X", "stance.Russia"] == -0.5 and np.isnan(out.loc["X", "stance.Russia.ci_low"])
    assert out.loc["X", "loaded"] == 2.0
    assert 1.0 <= out.loc["X", "loaded.ci_low"] <= out.loc["X", "loaded.ci_high"] <= 3.0
    assert np.isnan(out.loc["Y", "loaded.ci_low"])


@pytest.mark.parametrize("seed", [0, 1])
def test_the_seed_changes_intervals_not_means(seed):
    values = np.random.default_rng(11).normal(size=30)
    table = pd.DataFrame({"doc_id": range(30), "outlet": ["X"] * 30, "v": values})
    base, other = outlet_means(table, seed=0), outlet_means(table, seed=seed)
    assert base["v"].tolist() == other["v"].tolist() == [pytest.approx(values.mean())]
    bounds = ["v.ci_low", "v.ci_high"]
    assert (base[bounds].to_numpy() == other[bounds].to_numpy()).all() == (seed == 0)
