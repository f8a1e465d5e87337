"""Colour scales for the report's charts and heat tables, without matplotlib.

Each scale is eleven evenly spaced stops of the matplotlib colormap of the
same name (read once from matplotlib and written here), joined by straight
lines in RGB: close enough to the original that a reader sees the same
scale, and importing matplotlib for a colour would cost a second of start-up.
"""

from __future__ import annotations

SCALES: dict[str, tuple[str, ...]] = {
    "RdBu": (
        "#67001f", "#b1182b", "#d6604d", "#f3a481", "#fddbc7", "#f6f7f7",
        "#d1e5f0", "#90c4dd", "#4393c3", "#2065ab", "#053061",
    ),
    "PuOr": (
        "#7f3b08", "#b25706", "#e08214", "#fcb761", "#fee0b6", "#f6f6f7",
        "#d8daeb", "#b1aad1", "#8073ac", "#532687", "#2d004b",
    ),
    "cividis": (
        "#00224e", "#083370", "#35456c", "#4f576c", "#666970", "#7d7c78",
        "#948e77", "#aea371", "#c8b866", "#e5cf52", "#fee838",
    ),
}  # fmt: skip
MISSING = "#dddddd"
"""The colour of a cell with no value (an outlet that never mentions a target)."""


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def colour_at(scale: str, position: float) -> str:
    """The colour at `position` (0 … 1, clipped) of `scale`, as #rrggbb."""
    stops = SCALES[scale]
    where = min(max(float(position), 0.0), 1.0) * (len(stops) - 1)
    index = min(int(where), len(stops) - 2)
    part = where - index
    low, high = _rgb(stops[index]), _rgb(stops[index + 1])
    return "#" + "".join(f"{round(a + (b - a) * part):02x}" for a, b in zip(low, high))


def ink(background: str) -> str:
    """Black or white text, whichever reads better on `background` (#rrggbb), by its luminance."""
    r, g, b = _rgb(background)
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 127.5 else "#ffffff"
