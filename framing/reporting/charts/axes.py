"""Scales, axes and row labels shared by the report's charts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.reporting.charts.svg import FONT, MUTED, Drawing, num, text_width, wrap
from framing.stats.matrices import short

PAD = 10
ROW = 22
"""Height of one outlet's row, in px."""
LABEL_CHARS = 40
"""Outlet and category names longer than this are cut (the tables below have them whole)."""
GRID = "#dddddd"


@dataclass(frozen=True)
class Scale:
    """A linear map from data values (`low` … `high`) onto pixels (`start` … `end`)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        clipped = min(max(float(value), self.low), self.high)
        return self.start + (clipped - self.low) / span * (self.end - self.start)


def cut(names: Sequence[object], limit: int = LABEL_CHARS) -> list[str]:
    return [short(name, limit) for name in names]


def label_width(labels: Sequence[str], cap: float = 300.0) -> float:
    """The width of a column of row labels: the longest label, at most `cap` px."""
    return min(max((text_width(text) for text in labels), default=0.0), cap) + PAD


def heading(draw: Drawing, text: str, width: float) -> float:
    """The chart's title, wrapped, at the top left; returns the y where the plot may start."""
    return (
        draw.lines(2, FONT + 2, [row for part in text.split("\n") for row in wrap(part, width - 4)], font_weight="600")
        + 4
    )


def x_axis(draw: Drawing, scale: Scale, top: float, bottom: float, ticks: Sequence[float], title: str) -> float:
    """Grid lines from `top` to `bottom`, tick labels and a wrapped title under them; returns the y below."""
    for tick in ticks:
        x = scale(tick)
        draw.line(x, top, x, bottom, stroke=GRID)
        draw.text(x, bottom + FONT + 2, num(tick).replace("-", "−"), anchor="middle", fill=MUTED)
    width = abs(scale.end - scale.start)
    middle = (scale.start + scale.end) / 2
    rows = wrap(title, width + 2 * PAD)
    return draw.lines(middle, bottom + 2 * FONT + 8, rows, anchor="middle") + 2


def row_labels(draw: Drawing, labels: Sequence[str], right: float, top: float, step: float = ROW) -> None:
    """Names right-aligned at `right`, one per row of height `step` from `top`."""
    for index, text in enumerate(labels):
        draw.text(right, top + (index + 0.5) * step + FONT * 0.35, text, anchor="end")
