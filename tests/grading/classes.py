"""Synthetic classes of known agreement, for the grading tests.

Each item has a true answer drawn uniformly from its choices. A student gives
it with probability `p` and otherwise a uniformly random choice (which may be
the true one), so two students agree with probability p^2 + (1 - p^2) / k
whatever the item, and Krippendorff's alpha tends to `expected_alpha` (p^2 when
the true answers are balanced). The tool gives the true answer with
probability `q`, otherwise a random one; with a class accurate enough that its
majority is the true answer, Cohen's kappa between majority and tool tends to
`expected_kappa` (q when balanced).
"""

from __future__ import annotations

import numpy as np

from framing.grading.answers import Answers
from framing.grading.items import YES_NO, Item
from framing.grading.key import AnswerKey


def expected_alpha(p: float, shares: np.ndarray) -> float:
    """Alpha by construction: 1 - P(two students differ) / P(two answers drawn from the marginals differ)."""
    k = len(shares)
    marginals = p * shares + (1 - p) / k
    return float(1 - (1 - p**2 - (1 - p**2) / k) / (1 - (marginals**2).sum()))


def expected_kappa(q: float, shares: np.ndarray) -> float:
    """Kappa by construction between the true answers (the class majority) and a tool right with probability q."""
    k = len(shares)
    observed = q + (1 - q) / k
    chance = float((shares * (q * shares + (1 - q) / k)).sum())
    return (observed - chance) / (1 - chance)


def synthetic_class(
    items: int,
    students: int,
    p: float,
    q: float,
    seed: int = 0,
    task: str = "omission",
    choices: tuple[str, ...] = YES_NO,
) -> tuple[AnswerKey, Answers, np.ndarray]:
    """A key, a class's answers and the share of items whose true answer is each choice."""
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, len(choices), items)
    tool = np.where(rng.random(items) < q, truth, rng.integers(0, len(choices), items))
    key = AnswerKey(
        corpus="synthetic",
        seed=0,
        letters=("A", "B"),
        items=tuple(
            Item(f"O{j + 1}-A", task, f"item {j + 1}", choices, choices[tool[j]], f"evidence {j + 1}")
            for j in range(items)
        ),
    )
    values = {}
    for s in range(students):
        right = rng.random(items) < p
        given = np.where(right, truth, rng.integers(0, len(choices), items))
        for j in range(items):
            values[(f"student {s + 1:02d}", key.items[j].id)] = choices[given[j]]
    answers = Answers(
        path="synthetic.csv", students=tuple(f"student {s + 1:02d}" for s in range(students)), values=values
    )
    return key, answers, np.bincount(truth, minlength=len(choices)) / items
