"""The score -> tick mapping: monotone, centred on the model's own neutral band, shared by the key."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from framing.scoring.stance.model import label_of_score, load_model
from framing.scoring.stance.ticks import STRONG, tick

scores = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)


@given(scores, scores)
def test_ticks_follow_the_scores(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert tick(low) <= tick(high)


@given(scores)
def test_tick_and_label_agree(score: float) -> None:
    threshold = load_model().threshold
    assert threshold is not None, "the shipped weights use the threshold label rule"
    label = label_of_score(score, threshold)
    assert (tick(score) == 0) == (label == "neutral")
    assert (tick(score) > 0) == (label == "positive")


def test_the_issue_case_is_monotone() -> None:
    # the answer key once ticked -0.12 as -1 beside -0.18 as 0 (label from the most probable class)
    assert tick(-0.18) <= tick(-0.12)


def test_boxes_at_explicit_thresholds() -> None:
    assert [tick(s, 0.1) for s in (-0.9, -STRONG, -0.2, -0.1, -0.05, 0.0, 0.05, 0.1, 0.39, STRONG, 1.0)] == [
        -2,
        -2,
        -1,
        -1,
        0,
        0,
        0,
        1,
        1,
        2,
        2,
    ]
    assert tick(float("nan"), 0.1) == 0
    assert all(abs(tick(s, 0.5)) != 1 for s in np.linspace(-1, 1, 41))  # a band wider than STRONG: 0 or +/-2
    assert math.isclose(STRONG, 0.4)
