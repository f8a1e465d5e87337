"""The report's figures: which are drawn, their alt text, and the SVG of each (`framing.reporting.charts`).

Each figure is drawn once, as SVG written from the numbers: it keeps its
drawn size on a phone inside a box that scrolls sideways, so its labels stay
legible without a second drawing. Alt text says where the numbers are: a
table below every figure holds them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markupsafe import Markup

    from framing.comparison.pipeline import Comparison
    from framing.scoring.scores import Scores

Draw = Callable[[str, str], "Markup"]
"""A figure waiting for its name and alt text."""


def _figure_specs(scores: Scores, comparison: Comparison | None) -> list[tuple[str, str, Draw]]:
    """(name, alt text, function of `width`) for each figure; alt text says where the numbers are."""
    from framing.lexicons.entries import LOADED_LANGUAGE
    from framing.reporting.charts import bars, dots, grid
    from framing.reporting.labels import category_labels
    from framing.reporting.sections.common import frame_lexicons, policy_lexicon
    from framing.stats import matrices

    outlets = matrices.top_outlets(scores.table)
    note = bars.cap_note(scores, outlets)

    specs: list[tuple[str, str, Draw]] = []
    if matrices.contrast_columns(scores):
        specs.append(
            (
                "frame-balance",
                "Horizontal bars: mean frame balance per outlet with 95% intervals; "
                "the numbers are in the table below.",
                functools.partial(bars.frame_balance, scores),
            )
        )
    for index, lexicon in enumerate(frame_lexicons(scores)):
        specs.append(
            (
                f"frame-categories-{index}",
                f"Grouped bars: hits per 1,000 words of each {lexicon.name} "
                "category per outlet; the numbers are in the table below.",
                functools.partial(bars.frame_categories, scores, lexicon),
            )
        )
    policy = policy_lexicon(scores)
    if policy is not None:
        matrix = matrices.category_matrix(scores, policy, outlets).rename(columns=category_labels([policy]))
        frames_as_rows = matrix.shape[1] > matrix.shape[0]  # the longer list reads better down the page
        layout = (
            "policy frames (rows) by outlet (columns)" if frames_as_rows else "outlets (rows) by policy frame (columns)"
        )
        specs.append(
            (
                "policy-frames",
                f"Heat map of {layout}, hits per 1,000 words written in each cell.",
                functools.partial(
                    grid.heatmap,
                    matrix.T if frames_as_rows else matrix,
                    f"{policy.name} per outlet{note}",
                    "cividis",
                    "mean hits per 1,000 words",
                    what="hits per 1,000 words",
                ),
            )
        )
    specs.append(
        (
            "sentiment",
            "Dot plots: mean sentiment and subjectivity per outlet with 95% intervals, "
            "single articles as ticks; the numbers are in the tables below.",
            functools.partial(dots.sentiment, scores),
        )
    )
    if any(c.startswith("loaded.") for c in scores.table.columns):
        loaded = [lex for lex in scores.lexicons if lex.family == LOADED_LANGUAGE]
        cues = matrices.loaded_matrix(scores, outlets).rename(columns=category_labels(loaded))
        specs.append(
            (
                "loaded-language",
                "Heat map of loaded-language cues per 1,000 words by outlet and "
                "cue class, values written in each cell; the numbers are also in the table below.",
                functools.partial(
                    grid.heatmap,
                    cues.T if cues.shape[1] > cues.shape[0] else cues,
                    f"Loaded-language cues per 1,000 words{note}",
                    "cividis",
                    "mean cues per 1,000 words",
                    what="cues per 1,000 words",
                ),
            )
        )
    if comparison is not None and len(getattr(comparison, "outlet_similarity", ())) > 1:
        specs.append(
            (
                "similarity",
                "Heat map of how alike the outlets' words are, ordered by the clustering "
                "tree drawn at its left; values written in each cell.",
                functools.partial(grid.similarity, comparison, outlets),
            )
        )
    return specs


def _over_time_spec(section: dict[str, Any] | None) -> list[tuple[str, str, Draw]]:
    """The over-time small multiples, when the section is shown, drawn from the section's own numbers."""
    if not section:
        return []
    from framing.reporting.charts import timeline

    alt = (
        f"Small multiples, one panel per outlet: {section['name']} per {section['period_name']} with its 95% "
        "interval shaded, and the outlet's share of each period's articles as a grey area; dashed lines mark "
        "the shifts listed below; the numbers are in the table below."
    )
    return [("over-time", alt, functools.partial(timeline.over_time, section))]


def report_figures(
    scores: Scores, comparison: Comparison | None, over_time: dict[str, Any] | None = None
) -> dict[str, dict[str, Any]]:
    """name -> {"alt", "svg"} for every figure, each drawn once for every screen."""
    return {
        name: {"alt": alt, "svg": draw(name, alt)}
        for name, alt, draw in _figure_specs(scores, comparison) + _over_time_spec(over_time)
    }
