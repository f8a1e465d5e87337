"""Figures for scores and comparisons: matplotlib `Figure` objects, no I/O.

>>> import framing
>>> scores = framing.score(framing.load_corpus("nato-eastern-flank-2022"))
>>> figure = framing.plots.frame_balance(scores)
>>> type(figure).__name__
'Figure'
"""

from framing.plots.figures import (
    distinctive_terms,
    frame_balance,
    frame_categories,
    loaded_language,
    policy_frames_heatmap,
    sentiment,
    similarity_heatmap,
    stance_heatmap,
)
from framing.plots.trends import over_time

__all__ = [
    "frame_balance",
    "frame_categories",
    "policy_frames_heatmap",
    "sentiment",
    "stance_heatmap",
    "loaded_language",
    "similarity_heatmap",
    "distinctive_terms",
    "over_time",
]
