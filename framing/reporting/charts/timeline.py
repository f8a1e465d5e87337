"""Small multiples over time: per outlet its share of each period's articles and the mean of one score.

Panels share one time axis, so the eye compares both when an outlet wrote
(the grey area) and how (the line, with its 95% interval shaded). A detected
shift is a dashed line with the word "shift", both linking to its description.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from framing.reporting.charts.axes import PAD, Scale, cut, heading
from framing.reporting.charts.bars import OKABE_ITO
from framing.reporting.charts.svg import FONT, MUTED, Drawing

PANEL_WIDTH, PANEL_HEIGHT = 220, 110
COLUMNS = 3
MAX_TICKS = 4
SHIFT = "#A03C00"


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and value == value else None


def _panel(draw: Drawing, points: list[dict[str, Any]], where: dict[str, int], x: Scale, y: Scale, label: str) -> None:
    """One outlet's coverage area, interval band, mean line and dots."""
    bottom = y(y.low)
    steps: list[tuple[float, float]] = []
    for point in points:
        share = _number(point["share"]) or 0.0
        at = where[point["period"]]
        top = bottom - share * PANEL_HEIGHT
        steps += [(x(at - 0.5), top), (x(at + 0.5), top)]
    if steps:
        draw.path([(steps[0][0], bottom), *steps, (steps[-1][0], bottom)], close=True, fill="#cccccc")
    band = [
        (p, lo, hi) for p in points if (lo := _number(p["low"])) is not None and (hi := _number(p["high"])) is not None
    ]
    if band:
        upper = [(x(where[p["period"]]), y(hi)) for p, _, hi in band]
        lower = [(x(where[p["period"]]), y(lo)) for p, lo, _ in reversed(band)]
        draw.path(upper + lower, close=True, fill=OKABE_ITO[4], fill_opacity="0.25")
    draw.line(x.start, y(0.0), x.end, y(0.0), stroke_width="0.6")
    means = [(p, _number(p["mean"])) for p in points]
    line = [(x(where[p["period"]]), y(m)) for p, m in means if m is not None]
    draw.path(line, fill="none", stroke=OKABE_ITO[4], stroke_width="1.2")
    for point, mean in means:
        if mean is not None:
            tip = f"{point['outlet']}, {point['period']}: {label} {mean:.2f}, {point['articles']} article(s)"
            draw.circle(x(where[point["period"]]), y(mean), 3, OKABE_ITO[4], tip)


def over_time(section: dict[str, Any], name: str, alt: str) -> Markup:
    """One panel per outlet (three to a row), periods on a shared axis, shifts as dashed links."""
    points: list[dict[str, Any]] = section["trends"]
    outlets = sorted({str(p["outlet"]) for p in points})
    periods = sorted({str(p["period"]) for p in points})
    where = {p: i for i, p in enumerate(periods)}
    columns = min(COLUMNS, max(1, len(outlets)))
    width = columns * (PANEL_WIDTH + 6 * PAD) + PAD
    draw = Drawing(width, 0)
    title = (
        f"{section['name']} per outlet over time: line and shading the mean and its 95% interval, "
        "grey the outlet's share of each period's articles (right axis); dashed lines mark shifts"
    )
    y0 = heading(draw, title, width) + PAD
    step = max(1, -(-len(periods) // MAX_TICKS))
    block = FONT + PANEL_HEIGHT + 2.2 * FONT + 3 * PAD
    for index, outlet in enumerate(outlets):
        left = PAD + 2 * PAD + (index % columns) * (PANEL_WIDTH + 6 * PAD)
        top = y0 + (index // columns) * block + FONT + 4
        draw.text(left, top - 4, cut([outlet], 28)[0], font_weight="600")
        x = Scale(-0.5, max(0.5, len(periods) - 0.5), left, left + PANEL_WIDTH)
        y = Scale(-1.05, 1.05, top + PANEL_HEIGHT, top)
        draw.rect(left, top, PANEL_WIDTH, PANEL_HEIGHT, "none", stroke="#bbbbbb")
        for value in (-1.0, 0.0, 1.0):
            draw.text(left - 3, y(value) + FONT * 0.35, f"{value:g}".replace("-", "−"), anchor="end", fill=MUTED)
        for share, at in (("100%", top + FONT * 0.7), ("0%", top + PANEL_HEIGHT)):  # the grey area's axis
            draw.text(left + PANEL_WIDTH + 3, at, share, fill=MUTED)
        _panel(draw, [p for p in points if str(p["outlet"]) == outlet], where, x, y, section["name"])
        for shift in (s for s in section["shifts"] if str(s["outlet"]) == outlet and s["after"] in where):
            mark = Drawing(0, 0)
            at = x(where[shift["after"]])
            mark.line(at, top, at, top + PANEL_HEIGHT, stroke="#D55E00", stroke_width="1.5", stroke_dasharray="4 3")
            mark.text(at + 2, top + FONT, "shift", fill=SHIFT)
            draw.link("#" + shift["anchor"], mark)
        for tick in range(0, len(periods), step):
            draw.text(x(tick), top + PANEL_HEIGHT + FONT + 2, periods[tick], anchor="middle", fill=MUTED)
    rows = -(-len(outlets) // columns)
    draw.height = y0 + rows * block
    return draw.svg(name, alt, title)
