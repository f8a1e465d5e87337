"""Chart scales, axes and row labels: exact pixel positions, clipping, escaping and the minus sign."""

from __future__ import annotations

import pytest

from framing.reporting.charts.axes import (
    GRID,
    LABEL_CHARS,
    PAD,
    ROW,
    Scale,
    cut,
    heading,
    label_width,
    row_labels,
    x_axis,
)
from framing.reporting.charts.svg import FONT, Drawing, text_width


def test_scale_maps_linearly_and_clips_to_its_range():
    scale = Scale(low=-1.0, high=1.0, start=100.0, end=300.0)
    assert [scale(v) for v in (-1, 0, 0.5, 1)] == [100.0, 200.0, 250.0, 300.0]
    assert scale(-5) == 100.0 and scale(9) == 300.0


def test_a_scale_with_no_span_maps_everything_to_its_start():
    assert Scale(2.0, 2.0, 10.0, 50.0)(2.0) == 10.0


def test_a_reversed_pixel_range_runs_backwards():
    assert Scale(0.0, 10.0, 200.0, 0.0)(2.5) == 150.0


def test_cut_shortens_long_names_only():
    long = "n" * (LABEL_CHARS + 5)
    assert cut(["short", long, 3]) == ["short", "n" * (LABEL_CHARS - 1) + "…", "3"]


def test_label_width_is_the_longest_label_capped_plus_padding():
    assert label_width(["ab", "abcd"]) == text_width("abcd") + PAD
    assert label_width(["x" * 500]) == 300.0 + PAD
    assert label_width([]) == PAD


def test_heading_wraps_each_line_and_returns_where_the_plot_starts():
    draw = Drawing(200, 100)
    bottom = heading(draw, "First\nSecond", 200)
    assert len(draw.parts) == 2 and all('font-weight="600"' in p for p in draw.parts)
    assert bottom == FONT + 2 + 2 * FONT * 1.25 + 4


def test_x_axis_draws_a_grid_line_and_a_true_minus_per_tick():
    draw = Drawing(300, 200)
    scale = Scale(-1.0, 1.0, 100.0, 300.0)
    below = x_axis(draw, scale, top=10, bottom=110, ticks=[-0.5, 0.5], title="Mean <tone>")
    lines = [p for p in draw.parts if p.startswith("<line")]
    assert lines == [
        f'<line x1="150" y1="10" x2="150" y2="110" stroke="{GRID}"/>',
        f'<line x1="250" y1="10" x2="250" y2="110" stroke="{GRID}"/>',
    ]
    labels = [p for p in draw.parts if p.startswith("<text")]
    assert ">−0.5</text>" in labels[0] and ">0.5</text>" in labels[1]
    assert "Mean &lt;tone&gt;" in labels[-1] and 'x="200"' in labels[-1]
    assert below == pytest.approx(110 + 2 * FONT + 8 + FONT * 1.25 + 2)


def test_row_labels_are_right_aligned_one_per_row():
    draw = Drawing(100, 100)
    row_labels(draw, ["A & B", "C"], right=90, top=20)
    assert (ROW, FONT) == (22, 12)  # y = top + (row + 0.5) * ROW + FONT * 0.35
    assert draw.parts == [
        '<text x="90" y="35.2" text-anchor="end">A &amp; B</text>',
        '<text x="90" y="57.2" text-anchor="end">C</text>',
    ]
