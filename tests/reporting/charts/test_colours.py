"""Colour scales without matplotlib: its stops at the ends and the middle, straight lines between."""

from __future__ import annotations

from framing.reporting.charts.colours import SCALES, colour_at, ink


def test_stops_are_hit_exactly_and_positions_are_clipped():
    for name, stops in SCALES.items():
        assert colour_at(name, 0.0) == stops[0] and colour_at(name, 1.0) == stops[-1]
        assert colour_at(name, 0.5) == stops[5]
        assert colour_at(name, -3) == stops[0] and colour_at(name, 7) == stops[-1]


def test_between_two_stops_each_channel_lies_between_them():
    low, high = SCALES["cividis"][2], SCALES["cividis"][3]
    middle = colour_at("cividis", 0.25)
    for channel in (slice(1, 3), slice(3, 5), slice(5, 7)):
        values = sorted(int(c[channel], 16) for c in (low, high))
        assert values[0] <= int(middle[channel], 16) <= values[1]


def test_text_on_a_cell_is_black_on_light_and_white_on_dark():
    assert ink(SCALES["cividis"][0]) == "#ffffff" and ink(SCALES["cividis"][-1]) == "#000000"
