"""framing.lexicons.consistency: Cronbach's alpha and KR-20 against hand-computed and textbook values."""

from __future__ import annotations

import math

import numpy as np
import pytest

from framing.lexicons.consistency import cronbach_alpha, feldt_interval, kr20, varying_items


def test_alpha_by_hand():
    # items (columns) 2,4,3,5 / 3,4,5,5 / 3,5,4,5: sample variances 5/3, 2.75/3, 2.75/3 (sum 3.5);
    # totals 8,13,12,15 have variance 26/3, so alpha = 3/2 * (1 - 3.5 / (26/3)) = 23.25 / 26
    items = [[2, 3, 3], [4, 4, 5], [3, 5, 4], [5, 5, 5]]
    assert cronbach_alpha(items) == pytest.approx(23.25 / 26)


def test_kr20_of_a_guttman_scale_by_hand():
    # p = .8 .6 .4 .2, sum of pq = .8; totals 4 3 2 1 0 have population variance 2: 4/3 * (1 - .8/2) = .8
    presence = [[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]]
    assert kr20(presence) == pytest.approx(0.8)


def test_identical_items_are_perfectly_consistent_and_independent_ones_not_at_all():
    assert cronbach_alpha([[1, 1], [2, 2], [3, 3]]) == pytest.approx(1.0)
    assert cronbach_alpha([[0, 0], [0, 1], [1, 0], [1, 1]]) == pytest.approx(0.0)


def test_alpha_equals_the_textbook_covariance_form():
    # alpha = k * mean covariance / (mean variance + (k - 1) * mean covariance)
    items = np.random.default_rng(3).poisson(2.0, size=(40, 5)).astype(float) + np.arange(40)[:, None] % 3
    cov = np.cov(items, rowvar=False)
    k = cov.shape[0]
    mean_cov = (cov.sum() - np.trace(cov)) / (k * (k - 1))
    assert cronbach_alpha(items) == pytest.approx(k * mean_cov / (np.trace(cov) / k + (k - 1) * mean_cov))


def test_kr20_is_alpha_on_presence():
    presence = np.random.default_rng(5).random((30, 6)) < np.linspace(0.2, 0.7, 6)
    assert kr20(presence) == pytest.approx(cronbach_alpha(presence.astype(float)))
    assert kr20(presence * 7.5) == pytest.approx(kr20(presence))  # any non-zero value is presence


def test_items_that_never_vary_are_left_out():
    items = np.asarray([[2, 3, 3, 0], [4, 4, 5, 0], [3, 5, 4, 0], [5, 5, 5, 0]])
    assert cronbach_alpha(items) == pytest.approx(23.25 / 26) and varying_items(items) == 3
    assert varying_items([[1, 2], [1, 3]]) == 1
    assert kr20([[1, 2], [3, 4]]) != kr20([[1, 2], [3, 4]])  # rates that vary but are never absent: no KR-20 item


@pytest.mark.parametrize("items", [[[1, 2]], [[1, 0], [2, 0]], [[1, 1], [1, 1]], [[0, 1], [1, 0]], np.zeros((0, 3))])
def test_undefined_cases_are_nan(items):
    assert math.isnan(cronbach_alpha(items)) and math.isnan(kr20(items))


def test_a_matrix_must_be_two_dimensional():
    with pytest.raises(ValueError, match="2-D"):
        cronbach_alpha([1, 2, 3])


def test_feldt_interval_holds_the_estimate_and_narrows_with_more_articles():
    low, high = feldt_interval(0.8, 10, 5)
    assert low < 0.8 < high <= 1
    wide, narrow = feldt_interval(0.6, 5, 10), feldt_interval(0.6, 500, 10)
    assert wide[1] - wide[0] > 5 * (narrow[1] - narrow[0])


def test_feldt_interval_by_its_f_quantiles():
    from scipy.stats import f

    # n = 21 articles, k = 4 terms: df 20 and 60; alpha = 1 - (1 - 0.7) * F quantile
    low, high = feldt_interval(0.7, 21, 4)
    assert low == pytest.approx(1 - 0.3 * f.ppf(0.975, 20, 60))
    assert high == pytest.approx(1 - 0.3 * f.ppf(0.025, 20, 60))
    assert 0.4 < low < 0.55 and 0.8 < high < 0.9


def test_feldt_interval_is_nan_when_undefined():
    assert all(
        math.isnan(v)
        for v in feldt_interval(float("nan"), 10, 3) + feldt_interval(0.5, 1, 3) + feldt_interval(0.5, 10, 1)
    )
