"""Dot plots: mean sentiment and subjectivity per outlet with 95% intervals, single articles as ticks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from framing.reporting.charts.axes import PAD, ROW, Scale, cut, heading, label_width, row_labels, x_axis
from framing.reporting.charts.bars import OKABE_ITO, PLOT, WIDTH, cap_note
from framing.reporting.charts.svg import Drawing
from framing.stats.matrices import outlet_means, top_outlets

if TYPE_CHECKING:
    from framing.scoring.scores import Scores

MAX_TICKS = 200
"""Above this many articles the single-article ticks are left out: they say no more than the interval."""
PANELS = (
    ("sentiment", "sentiment (−1 negative … +1 positive)", (-1.0, 1.0), OKABE_ITO[4]),
    ("subjectivity", "subjectivity (0 factual … 1 opinion)", (0.0, 1.0), OKABE_ITO[5]),
)
TITLE = "Sentiment and subjectivity per outlet: mean, 95% interval, articles as ticks"


def sentiment(scores: Scores, name: str, alt: str) -> Markup:
    """Two panels, one under the other (so one drawing reads on a phone too), outlets in the same order."""
    table = scores.table
    outlets = top_outlets(table)
    order = outlet_means(scores, "sentiment", outlets).sort_values(["mean", "outlet"])["outlet"].tolist()
    labels = cut(order)
    left = max(label_width(labels), WIDTH - PLOT - 2 * PAD)
    draw = Drawing(left + PLOT + 2 * PAD, 0)
    y = heading(draw, TITLE + cap_note(scores, outlets), draw.width)
    shown = table[table["outlet"].isin(outlets)]
    for column, title, (low, high), colour in PANELS:
        if column not in table:
            continue
        stats = outlet_means(scores, column, outlets).set_index("outlet").reindex(order)
        top = y + 4
        bottom = top + ROW * len(order)
        scale = Scale(low, high, left + PAD, left + PAD + PLOT)
        ticks = (-1.0, -0.5, 0.0, 0.5, 1.0) if low < 0 else (0.0, 0.25, 0.5, 0.75, 1.0)
        y = x_axis(draw, scale, top, bottom, ticks, title) + PAD
        row_labels(draw, labels, left, top)
        if low < 0:
            draw.line(scale(0.0), top, scale(0.0), bottom)
        for index, outlet in enumerate(order):
            middle = top + (index + 0.5) * ROW
            if len(shown) <= MAX_TICKS:
                for value in sorted(shown.loc[shown["outlet"] == outlet, column].dropna().astype(float)):
                    draw.line(scale(value), middle - 5, scale(value), middle + 5, stroke="#999999")
            mean, lo, hi, n = stats.loc[outlet, ["mean", "low", "high", "n"]].to_numpy(dtype=float)
            if lo == lo and hi == hi:
                draw.line(scale(lo), middle, scale(hi), middle, stroke_width="1.2")
                for end in (lo, hi):
                    draw.line(scale(end), middle - 3, scale(end), middle + 3)
            if mean == mean:
                interval = "" if lo != lo or hi != hi else f", 95% interval {lo:.2f} to {hi:.2f}"
                tip = f"{outlet}: {column} {mean:.2f}{interval}, {int(n)} article{'s' if n != 1 else ''}"
                draw.circle(scale(mean), middle, 4.5, colour, tip, stroke="#000000", stroke_width="0.6")
    draw.height = y
    return draw.svg(name, alt, TITLE)
