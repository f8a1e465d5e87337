"""Bar charts: frame balance per outlet (diverging bars with intervals) and a lexicon's categories per outlet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from framing.reporting.charts.axes import PAD, ROW, Scale, cut, heading, label_width, row_labels, x_axis
from framing.reporting.charts.colours import colour_at
from framing.reporting.charts.svg import FONT, Drawing, text_width
from framing.reporting.labels import category_labels, label, labeller
from framing.stats.matrices import category_matrix, contrast_columns, outlet_means, top_outlets

if TYPE_CHECKING:
    from framing.lexicons.model import Lexicon
    from framing.scoring.scores import Scores

WIDTH = 560
PLOT = 300
"""Width of the bars' area, in px: the outlet names take what is left."""
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")


def cap_note(scores: Scores, shown: list[str]) -> str:
    """Says so when only the outlets with most articles are drawn."""
    total = scores.table["outlet"].nunique()
    return f"\n({len(shown)} of {total} outlets: those with most articles)" if total > len(shown) else ""


def _interval(low: float, high: float) -> str:
    return "" if low != low or high != high else f", 95% interval {low:+.2f} to {high:+.2f}"


def frame_balance(scores: Scores, name: str, alt: str) -> Markup:
    """Each outlet's mean frame balance per contrast (−1 … +1), a bar from zero with its 95% interval."""
    outlets = top_outlets(scores.table)
    pairs = contrast_columns(scores)
    names = labeller(scores.lexicons)
    labels = cut([f"{o} (n=000)" for o in outlets])
    left = max(label_width(labels), WIDTH - PLOT - 2 * PAD)
    draw = Drawing(left + PLOT + 2 * PAD, 0)
    y = heading(draw, "Frame balance per outlet, mean with 95% interval" + cap_note(scores, outlets), draw.width)
    scale = Scale(-1.0, 1.0, left + PAD, left + PAD + PLOT)
    for column, contrast in pairs:
        stats = outlet_means(scores, column, outlets).sort_values(["mean", "outlet"], na_position="first")
        top = y + 4
        bottom = top + ROW * len(stats)
        axis = f"← more {names(contrast.negative)} · {label(contrast.name)} · more {names(contrast.positive)} →"
        y = x_axis(draw, scale, top, bottom, (-1.0, -0.5, 0.0, 0.5, 1.0), axis) + PAD
        row_labels(draw, cut([f"{o} (n={n})" for o, n in zip(stats["outlet"], stats["n"])]), left, top)
        for index, (outlet, mean, low, high) in enumerate(
            zip(stats["outlet"], stats["mean"], stats["low"], stats["high"])
        ):
            value = 0.0 if mean != mean else float(mean)
            middle = top + (index + 0.5) * ROW
            x0, x1 = sorted((scale(0.0), scale(value)))
            tip = f"{outlet}: {value:+.2f}{_interval(low, high)}"
            draw.rect(
                x0,
                middle - 7,
                x1 - x0,
                14,
                colour_at("PuOr", 0.5 + value / 2),
                tip,
                stroke="#333333",
                stroke_width="0.6",
            )
            if low == low and high == high:
                draw.line(scale(low), middle, scale(high), middle, stroke_width="1.2")
                for end in (low, high):
                    draw.line(scale(end), middle - 3, scale(end), middle + 3)
        draw.line(scale(0.0), top, scale(0.0), bottom)
    if not pairs:
        y = draw.lines(PAD, y + FONT, ["no lexicon with a contrast was scored"])
    draw.height = y
    return draw.svg(name, alt, "Frame balance per outlet, mean with 95% interval")


def category_colours(lexicon: Lexicon) -> dict[str, str]:
    """Category -> colour: the lexicon's own (validated hex) or Okabe–Ito in order."""
    colours: dict[str, str] = {}
    for index, (category_name, category) in enumerate(lexicon.categories.items()):
        colour = getattr(category, "colour", "") or ""
        ok = len(colour) == 7 and colour.startswith("#") and all(c in "0123456789abcdefABCDEF" for c in colour[1:])
        colours[category_name] = colour if ok else OKABE_ITO[index % len(OKABE_ITO)]
    return colours


def _legend(draw: Drawing, entries: list[tuple[str, str]], y: float) -> float:
    """Colour chips with their names, wrapped over as many rows as the width needs; returns the y below."""
    x = float(PAD)
    for text, colour in entries:
        wide = 16 + text_width(text) + 14
        if x + wide > draw.width - PAD and x > PAD:
            x, y = PAD, y + FONT + 8
        draw.rect(x, y - FONT + 2, 12, 12, colour, stroke="#333333", stroke_width="0.4")
        draw.text(x + 16, y, text)
        x += wide
    return y + FONT


def frame_categories(scores: Scores, lexicon: Lexicon, name: str, alt: str) -> Markup:
    """Mean hits per 1,000 words of each category of `lexicon`, grouped per outlet, each bar with its number."""
    outlets = top_outlets(scores.table)
    matrix = category_matrix(scores, lexicon, outlets)
    colours, names = category_colours(lexicon), category_labels([lexicon])
    labels = cut(list(matrix.index))
    left = max(label_width(labels), WIDTH - PLOT - 2 * PAD)
    draw = Drawing(left + PLOT + 2 * PAD + 36, 0)
    y = heading(draw, f"{lexicon.name}: categories per outlet" + cap_note(scores, outlets), draw.width)
    y = _legend(draw, [(names[c], colours[c]) for c in matrix.columns], y + FONT) + PAD
    bar = 14.0
    group = bar * max(1, len(matrix.columns)) + 8
    top, highest = y, float(matrix.to_numpy(dtype=float).max()) if matrix.size else 0.0
    scale = Scale(0.0, max(highest, 1e-9) * 1.05, left + PAD, left + PAD + PLOT)
    bottom = top + group * len(matrix)
    step = _tick_step(scale.high)
    ticks = [i * step for i in range(int(scale.high / step) + 1)]
    y = x_axis(draw, scale, top, bottom, ticks, "mean hits per 1,000 words")
    row_labels(draw, labels, left, top, step=group)
    values = matrix.to_numpy(dtype=float)
    for row, outlet in enumerate(matrix.index):
        for index, category in enumerate(matrix.columns):
            value = float(values[row, index])
            value = 0.0 if value != value else value
            y0 = top + row * group + 4 + index * bar
            tip = f"{outlet} · {names[category]}: {value:.1f} hits per 1,000 words"
            draw.rect(
                scale(0),
                y0,
                scale(value) - scale(0),
                bar - 1,
                colours[category],
                tip,
                stroke="#333333",
                stroke_width="0.4",
            )
            draw.text(scale(value) + 3, y0 + bar - 3, f"{value:.1f}")
    draw.line(scale(0), top, scale(0), bottom)
    draw.height = y + PAD
    return draw.svg(name, alt, f"{lexicon.name}: categories per outlet")


def _tick_step(high: float) -> float:
    """A round tick spacing giving three to six ticks up to `high`."""
    for step in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if high / step <= 5:
            return float(step)
    return float(10 ** len(str(int(high))))
