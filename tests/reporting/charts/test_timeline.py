"""Small multiples over time: a panel per outlet, each shift a dashed line linking to its description."""

from __future__ import annotations

from framing.reporting.charts.timeline import over_time


def section():
    points = [
        {"outlet": o, "period": p, "articles": 2, "share": 0.5, "mean": m, "low": m - 0.1, "high": m + 0.1}
        for o in ("A", "B")
        for p, m in (("2022Q1", -0.5), ("2022Q2", 0.4))
    ]
    shifts = [{"anchor": "shift-0", "outlet": "B", "after": "2022Q2"}]
    return {"trends": points, "shifts": shifts, "name": "sentiment", "period_name": "quarter"}


def test_a_panel_per_outlet_and_a_linked_shift():
    svg = over_time(section(), "over-time", "Alt")
    assert svg.count('font-weight="600">A</text>') == 1 and svg.count('font-weight="600">B</text>') == 1
    assert svg.count("<circle") == 4
    assert svg.count('<a href="#shift-0">') == 1 and "stroke-dasharray" in svg
    assert over_time(section(), "over-time", "Alt") == svg
