"""framing.plots.over_time: one panel per outlet, the means and intervals drawn, shifts marked and linked."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing import plots


@pytest.fixture(scope="module")
def trends():
    rows = []
    for outlet, means in (("Alpha", [-0.5, -0.5, 0.4, 0.5]), ("Beta", [0.0, 0.1, 0.0, 0.1])):
        for k, mean in enumerate(means):
            rows.append(
                {
                    "outlet": outlet,
                    "period": f"2022-0{k + 1}",
                    "share": 0.5,
                    "sentiment": mean,
                    "sentiment.ci_low": mean - 0.1,
                    "sentiment.ci_high": mean + 0.1,
                }
            )
    return pd.DataFrame(rows)


def test_one_panel_per_outlet_with_its_means(trends):
    figure = plots.over_time(trends, "sentiment", label="tone")
    panels = [ax for ax in figure.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in panels] == ["Alpha", "Beta"]
    line = panels[0].get_lines()[0]
    assert np.allclose(line.get_ydata(), [-0.5, -0.5, 0.4, 0.5])


def test_a_shift_is_a_dashed_line_at_its_period_carrying_its_link(trends):
    shifts = pd.DataFrame([{"outlet": "Alpha", "after": "2022-03", "url": "#shift-0"}])
    figure = plots.over_time(trends, "sentiment", shifts=shifts)
    alpha = next(ax for ax in figure.axes if ax.get_title(loc="left") == "Alpha")
    dashed = [ln for ln in alpha.get_lines() if ln.get_linestyle() == "--"]
    assert len(dashed) == 1 and dashed[0].get_xdata()[0] == 2 and dashed[0].get_url() == "#shift-0"


def test_a_phone_gets_one_column(trends):
    wide, narrow = plots.over_time(trends, "sentiment"), plots.over_time(trends, "sentiment", width=4.0)
    lefts = {round(ax.get_position().x0, 2) for ax in narrow.axes if ax.get_title(loc="left")}
    assert len(lefts) == 1 and narrow.get_figwidth() == pytest.approx(4.0)
    assert len({round(ax.get_position().x0, 2) for ax in wide.axes if ax.get_title(loc="left")}) == 2
