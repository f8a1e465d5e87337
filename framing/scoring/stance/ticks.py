"""The one mapping from a stance score to the five boxes a worksheet ticks (-2 .. +2).

Report, worksheet and answer key all read a stance score through `tick`, so
a student who compares two cells sees the boxes follow the numbers: a score
never gets a weaker tick than a score nearer 0 of the same sign (no -0.12
ticked -1 beside -0.18 ticked 0). The neutral band is the model's own label
threshold (`|score| < threshold` is labelled neutral, fitted by
cross-validation on NewsMTSC train, see tools/fit_stance.py); a score of
magnitude `STRONG` or more is "very" positive or negative.
"""

from __future__ import annotations

import math

from framing.scoring.stance.model import load_model

STRONG = 0.4  # |score| from which a tick is +/-2 ("very"); 0.4 = P(one side) at least 0.4 above the other


def tick(score: float, threshold: float | None = None) -> int:
    """-2 .. +2 for a stance score in [-1, 1]; 0 inside the neutral band |score| < threshold.

    `threshold` defaults to the shipped model's label threshold.
    """
    if threshold is None:
        threshold = load_model().threshold or 0.0
    if math.isnan(score) or abs(score) < threshold:
        return 0
    sign = 1 if score > 0 else -1 if score < 0 else 0
    return sign * (2 if abs(score) >= max(STRONG, threshold) else 1)
