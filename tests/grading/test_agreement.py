"""Krippendorff's alpha and Cohen's kappa against published worked examples and synthetic classes."""

from __future__ import annotations

import numpy as np
import pytest

from framing.grading import agreement
from framing.grading.results import class_results
from tests.grading.classes import expected_alpha, expected_kappa, synthetic_class

N = np.nan
# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units, values 1-5.
KRIPPENDORFF_2011 = (
    np.array(
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
            [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
        ]
    )
    - 1
)
# The example of Wikipedia's "Krippendorff's alpha" article: 3 coders, 15 units, values 1-4.
WIKIPEDIA = (
    np.array(
        [
            [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
            [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
            [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
        ]
    )
    - 1
)


@pytest.mark.parametrize(
    ("data", "k", "metric", "published"),
    [
        (KRIPPENDORFF_2011, 5, "nominal", 0.743),
        (KRIPPENDORFF_2011, 5, "ordinal", 0.815),
        (KRIPPENDORFF_2011, 5, "interval", 0.849),
        (WIKIPEDIA, 4, "nominal", 0.691),
        (WIKIPEDIA, 4, "interval", 0.811),
    ],
)
def test_alpha_matches_published_worked_examples(data, k, metric, published):
    assert agreement.krippendorff_alpha(data, k, metric) == pytest.approx(published, abs=5e-4)


def test_alpha_is_one_for_full_agreement_and_undefined_without_variation():
    same = np.array([[0, 1, 2, 1], [0, 1, 2, 1], [0, 1, 2, N]])
    assert agreement.krippendorff_alpha(same, 3) == pytest.approx(1.0)
    assert agreement.krippendorff_alpha(np.zeros((3, 4)), 3) is None
    assert agreement.krippendorff_alpha(np.array([[0, N], [N, 1]]), 2) is None  # no unit has two answers


def test_kappa_matches_the_textbook_example_and_scikit_learn():
    # Wikipedia's "Cohen's kappa" example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> 0.4
    first = np.array([0] * 25 + [1] * 25)
    second = np.array([0] * 20 + [1] * 5 + [0] * 10 + [1] * 15)
    assert agreement.cohen_kappa(first, second, 2) == pytest.approx(0.4)
    from sklearn.metrics import cohen_kappa_score

    rng = np.random.default_rng(3)
    a = rng.integers(0, 5, 80)
    b = np.where(rng.random(80) < 0.6, a, rng.integers(0, 5, 80))
    assert agreement.cohen_kappa(a, b, 5) == pytest.approx(cohen_kappa_score(a, b))
    assert agreement.cohen_kappa(a, b, 5, "ordinal") == pytest.approx(cohen_kappa_score(a, b, weights="linear"))


def test_intervals_are_seeded_and_contain_the_estimate():
    first = agreement.alpha_interval(KRIPPENDORFF_2011, 5, "ordinal", seed=4)
    assert first == agreement.alpha_interval(KRIPPENDORFF_2011, 5, "ordinal", seed=4)
    assert first != agreement.alpha_interval(KRIPPENDORFF_2011, 5, "ordinal", seed=5)
    assert first[0] <= 0.815 <= first[1]
    assert agreement.alpha_interval(KRIPPENDORFF_2011[:, :1], 5) is None


@pytest.mark.parametrize(("p", "q"), [(0.9, 0.8), (0.8, 0.5), (0.7, 0.2)])
def test_synthetic_classes_recover_alpha_and_kappa_within_their_intervals(p, q):
    """Over 10 classes: the estimates are unbiased and the 95% intervals hold the true values (at least 8 of 10)."""
    alpha_hits = kappa_hits = 0
    alpha_errors = []
    for seed in range(10):
        key, answers, shares = synthetic_class(items=300, students=30, p=p, q=q, seed=seed)
        task = class_results(key, answers, seed=1)["tasks"][0]
        alpha, kappa = expected_alpha(p, shares), expected_kappa(q, shares)
        assert abs(alpha - p**2) < 0.05 and abs(kappa - q) < 0.06  # near-balanced answers
        alpha_hits += task["alpha_ci"][0] <= alpha <= task["alpha_ci"][1]
        kappa_hits += task["kappa_ci"][0] <= kappa <= task["kappa_ci"][1]
        alpha_errors.append(task["alpha"] - alpha)
        assert task["kappa_ci"][1] - task["kappa_ci"][0] < 0.3  # 300 items pin kappa down
    assert alpha_hits >= 8 and kappa_hits >= 8, (alpha_hits, kappa_hits)
    assert abs(np.mean(alpha_errors)) < 0.01


def test_synthetic_class_with_three_choices_recovers_alpha():
    key, answers, shares = synthetic_class(
        items=200, students=25, p=0.6, q=0.9, seed=2, task="fact", choices=("A", "B", "same")
    )
    task = class_results(key, answers)["tasks"][0]
    assert task["alpha_ci"][0] <= expected_alpha(0.6, shares) <= task["alpha_ci"][1]
    assert task["kappa_ci"][0] <= expected_kappa(0.9, shares) <= task["kappa_ci"][1]


def test_item_agreement_averages_to_the_pooled_student_tool_kappa():
    key, answers, _ = synthetic_class(items=40, students=12, p=0.7, q=0.6, seed=8)
    rows = class_results(key, answers)["tasks"][0]["rows"]
    codes = {"1": 0, "0": 1}
    students = np.array([codes[answers.values[(s, i.id)]] for i in key.items for s in answers.students])
    tools = np.array([codes[i.tool] for i in key.items for _ in answers.students])
    pooled = agreement.cohen_kappa(students, tools, 2)
    assert np.mean([row["kappa"] for row in rows]) == pytest.approx(pooled)
