"""Heat maps: a value per cell with its number written in it, and the outlet similarity with its clustering tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from framing.reporting.charts.axes import PAD, cut, heading, label_width
from framing.reporting.charts.colours import MISSING, colour_at, ink
from framing.reporting.charts.svg import FONT, Drawing, text_width

if TYPE_CHECKING:
    import pandas as pd
    from markupsafe import Markup

    from framing.comparison.pipeline import Comparison

CELL_WIDTH, CELL_HEIGHT = 58, 26
TURN = 40
"""Column names are written turned by this many degrees, so long names fit over narrow cells."""
MAX_WRITTEN = 15
"""Similarity maps over this many outlets write no number in their cells (the table below has them)."""


def _column_heads(draw: Drawing, names: list[str], left: float, bottom: float, width: float) -> None:
    for index, text in enumerate(names):
        x = left + (index + 0.5) * width
        draw.text(x, bottom, text, rotate=-TURN, anchor="start")


def _head_height(names: list[str]) -> float:
    return max((text_width(n) for n in names), default=0.0) * 0.65 + FONT + 6


def _colour_bar(draw: Drawing, y: float, scale: str, low: float, high: float, title: str, fmt: str) -> float:
    """Ten steps of the scale from `low` to `high` with their end values; returns the y below."""
    x, step = PAD, 24
    for index in range(10):
        draw.rect(x + index * step, y, step, 10, colour_at(scale, (index + 0.5) / 10))
    draw.text(x, y + 10 + FONT + 2, format(low, fmt))
    draw.text(x + 10 * step, y + 10 + FONT + 2, format(high, fmt), anchor="end")
    draw.text(x + 10 * step + PAD, y + 10, title)
    return y + 10 + FONT + 8


def heatmap(
    matrix: pd.DataFrame,
    title: str,
    scale: str,
    legend: str,
    name: str,
    alt: str,
    what: str,
    fmt: str = ".1f",
    centre: float | None = None,
) -> Markup:
    """`matrix` as coloured cells (grey where missing), each value written in ink that reads on its colour.

    `what` names the rows' and columns' roles in each cell's tooltip (e.g. "hits per 1,000 words").
    """
    values = matrix.to_numpy(dtype=float)
    finite = values[np.isfinite(values)]
    if centre is not None:
        bound = max(float(np.abs(finite - centre).max()) if finite.size else 1.0, 1e-9)
        low, high = centre - bound, centre + bound
    else:
        low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        high = high if high > low else low + 1.0
    rows, columns = cut(list(matrix.index)), cut(list(matrix.columns), 30)
    left = label_width(rows)
    draw = Drawing(max(left + CELL_WIDTH * len(columns) + _head_height(columns) * 0.8 + PAD, 420), 0)
    y = heading(draw, title, draw.width) + _head_height(columns)
    _column_heads(draw, columns, left, y - 6, CELL_WIDTH)
    for i, row in enumerate(matrix.index):
        draw.text(left - 6, y + (i + 0.5) * CELL_HEIGHT + FONT * 0.35, rows[i], anchor="end")
        for j, column in enumerate(matrix.columns):
            value = values[i, j]
            x, top = left + j * CELL_WIDTH, y + i * CELL_HEIGHT
            colour = colour_at(scale, (value - low) / (high - low)) if np.isfinite(value) else MISSING
            tip = f"{row} · {column}: " + (f"{format(value, fmt)} {what}" if np.isfinite(value) else "no value")
            draw.rect(x, top, CELL_WIDTH - 1, CELL_HEIGHT - 1, colour, tip)
            if np.isfinite(value):
                draw.text(
                    x + CELL_WIDTH / 2,
                    top + CELL_HEIGHT / 2 + FONT * 0.35,
                    format(value, fmt),
                    "middle",
                    fill=ink(colour),
                )
    y += CELL_HEIGHT * len(matrix) + PAD
    draw.height = _colour_bar(draw, y, scale, low, high, legend, fmt) + PAD
    return draw.svg(name, alt, title.split("\n")[0])


def linkage_of(comparison: Comparison, matrix: pd.DataFrame) -> np.ndarray | None:
    """The comparison's linkage matrix if usable, else average linkage on 1 - similarity."""
    import pandas as pd
    from scipy.cluster import hierarchy
    from scipy.spatial.distance import squareform

    if len(matrix) < 2:
        return None
    linkage = getattr(comparison, "linkage", None)
    if linkage is not None:
        if isinstance(linkage, pd.DataFrame) and {"left", "right", "distance", "size"} <= set(linkage.columns):
            linkage = linkage[["left", "right", "distance", "size"]]
        array = np.asarray(linkage.to_numpy() if hasattr(linkage, "to_numpy") else linkage, dtype=float)
        if array.ndim == 2 and array.shape == (len(matrix) - 1, 4):
            return array
    distance = np.clip(1 - matrix.to_numpy(dtype=float), 0, None)
    np.fill_diagonal(distance, 0)
    tree: np.ndarray = hierarchy.linkage(squareform((distance + distance.T) / 2, checks=False), method="average")
    return tree


def similarity(comparison: Comparison, outlets: list[str], name: str, alt: str) -> Markup:
    """Outlet-by-outlet cosine similarity, rows and columns in the order of the clustering tree drawn at the left."""
    from scipy.cluster import hierarchy

    matrix = comparison.outlet_similarity.astype(float)
    keep = [o for o in matrix.index if o in set(outlets)]
    matrix = matrix.loc[keep, keep]
    size = len(matrix)
    linkage = linkage_of(comparison, matrix)
    tree = hierarchy.dendrogram(linkage, no_plot=True) if linkage is not None else None
    order = list(tree["leaves"]) if tree else list(range(size))
    ordered = matrix.iloc[order, order]
    names = cut(list(ordered.index), 30)
    cell = CELL_WIDTH if size <= MAX_WRITTEN else 18
    tree_width, right = 90.0, label_width(names)
    draw = Drawing(max(tree_width + cell * size + right + PAD, 420), 0)
    y = heading(draw, "Outlet similarity, clustered", draw.width) + _head_height(names)
    heat = tree_width + PAD
    _column_heads(draw, names, heat, y - 6, cell)
    if tree:
        highest = max((max(d) for d in tree["dcoord"]), default=0.0) or 1.0
        for across, down in zip(tree["icoord"], tree["dcoord"]):
            points = [
                (tree_width * (1 - d / highest), y + (i - 5) / 10 * CELL_HEIGHT + CELL_HEIGHT / 2)
                for i, d in zip(across, down)
            ]
            draw.path(points, fill="none", stroke="#333333")
    values = ordered.to_numpy(dtype=float)
    for i in range(size):
        draw.text(heat + cell * size + 6, y + (i + 0.5) * CELL_HEIGHT + FONT * 0.35, names[i])
        for j in range(size):
            value = values[i, j]
            colour = colour_at("cividis", value) if np.isfinite(value) else MISSING
            tip = f"{ordered.index[i]} · {ordered.columns[j]}: similarity {value:.2f}"
            draw.rect(heat + j * cell, y + i * CELL_HEIGHT, cell - 1, CELL_HEIGHT - 1, colour, tip)
            if size <= MAX_WRITTEN and np.isfinite(value):
                draw.text(
                    heat + (j + 0.5) * cell,
                    y + (i + 0.5) * CELL_HEIGHT + FONT * 0.35,
                    f"{value:.2f}",
                    "middle",
                    fill=ink(colour),
                )
    y += CELL_HEIGHT * size + PAD
    draw.height = _colour_bar(draw, y, "cividis", 0.0, 1.0, "cosine similarity", ".1f") + PAD
    return draw.svg(name, alt, "Outlet similarity, clustered")
