"""framing.plots: every function returns a fresh matplotlib Figure drawn from the real numbers."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.figure import Figure

from framing import plots
from framing.stats import matrices
from tests.reporting.fixtures import nato_comparison, nato_scores  # noqa: F401, F811 - fixtures used by name


@pytest.fixture(scope="module")
def scores(nato_scores):  # noqa: F811 - the shared fixture, under the name these tests use
    return nato_scores


@pytest.fixture(scope="module")
def comparison(nato_comparison):  # noqa: F811 - the shared fixture, under the name these tests use
    return nato_comparison


SCORE_FUNCTIONS = [
    plots.frame_balance,
    plots.policy_frames_heatmap,
    plots.sentiment,
    plots.stance_heatmap,
    plots.loaded_language,
    lambda s: plots.frame_categories(s, "military-posture"),
]


@pytest.mark.parametrize("function", SCORE_FUNCTIONS)
def test_score_figures_are_figures(scores, function):
    figure = function(scores)
    assert isinstance(figure, Figure) and figure.axes
    figure.canvas.draw()  # draws without error, headless


@pytest.mark.parametrize("function", [plots.similarity_heatmap, plots.distinctive_terms])
def test_comparison_figures_are_figures(comparison, function):
    figure = function(comparison)
    assert isinstance(figure, Figure) and figure.axes
    figure.canvas.draw()


def test_frame_balance_bars_are_the_outlet_means(scores):
    figure = plots.frame_balance(scores)
    ax = figure.axes[0]
    widths = sorted(round(p.get_width(), 9) for p in ax.patches)
    expected = sorted(round(v, 9) for v in scores.table.groupby("outlet")["frame.military-posture.balance"].mean())
    assert widths == expected
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert all("(n=" in label for label in labels)


def test_heatmap_cells_are_the_category_means(scores):
    figure = plots.policy_frames_heatmap(scores)
    image = figure.axes[0].images[0]
    shown = np.ma.filled(image.get_array(), np.nan)
    matrix = matrices.category_matrix(
        scores, matrices.lexicon_named(scores, "policy-frames"), matrices.top_outlets(scores.table)
    )
    expected = matrix.T.to_numpy() if matrix.shape[1] > matrix.shape[0] else matrix.to_numpy()
    np.testing.assert_allclose(shown, expected)


def test_similarity_is_ordered_by_the_dendrogram_and_symmetric(comparison):
    figure = plots.similarity_heatmap(comparison)
    heat = figure.axes[1]
    values = np.asarray(heat.images[0].get_array())
    np.testing.assert_allclose(values, values.T)
    rows = [t.get_text() for t in heat.get_yticklabels()]
    assert sorted(rows) == sorted(matrices.short(o, 24) for o in comparison.outlet_similarity.index)


def test_functions_leave_no_pyplot_state(scores):
    import sys

    plots.sentiment(scores)
    if "matplotlib.pyplot" in sys.modules:
        assert not sys.modules["matplotlib.pyplot"].get_fignums()


def test_outlet_labels_with_dollars_are_plain_text():
    assert plots.figures.RC["text.parse_math"] is False
    assert matrices.short("x" * 40, 10) == "xxxxxxxxx…"


def test_interval_arms_are_never_negative_when_bounds_and_mean_differ_in_the_last_bit():
    import numpy as np
    import pandas as pd

    from framing.plots.figures import interval_arms

    value = 0.1 + 0.2  # 0.30000000000000004
    stats = pd.DataFrame(
        {"mean": [value, 0.5, np.nan], "low": [value + 1e-16, 0.25, np.nan], "high": [0.3, 0.75, np.nan]}
    )
    arms = interval_arms(stats)
    assert arms[0, 0] == 0 and arms[1, 0] == 0 and arms[0, 1] == 0.25 and arms[1, 1] == 0.25
    assert np.isnan(arms[:, 2]).all()


NARROW_FUNCTIONS = [
    plots.frame_balance,
    plots.policy_frames_heatmap,
    plots.sentiment,
    plots.stance_heatmap,
    plots.loaded_language,
    lambda s, **kw: plots.frame_categories(s, "military-posture", **kw),
]


def _text_inside(figure):
    """Every visible text of the drawn figure, and whether it lies inside the figure's box."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    box = figure.bbox
    undrawn = {
        id(tick.label1)
        for ax in figure.axes
        for axis in (ax.xaxis, ax.yaxis)
        for tick in axis.get_major_ticks()
        if not min(axis.get_view_interval()) - 1e-9 <= tick.get_loc() <= max(axis.get_view_interval()) + 1e-9
    }
    texts = [
        t
        for t in figure.findobj(lambda o: hasattr(o, "get_text") and hasattr(o, "get_window_extent"))
        if t.get_visible() and t.get_text().strip() and id(t) not in undrawn
    ]
    return [
        (
            t.get_text(),
            t.get_window_extent(renderer).x0 >= box.x0 - 1 and t.get_window_extent(renderer).x1 <= box.x1 + 1,
        )
        for t in texts
    ]


@pytest.mark.parametrize("function", NARROW_FUNCTIONS)
def test_a_phone_width_figure_is_that_wide_and_keeps_every_label_inside(scores, function):
    figure = function(scores, width=4.0)
    assert figure.get_figwidth() == pytest.approx(4.0)
    outside = [text for text, inside in _text_inside(figure) if not inside]
    assert outside == [], "a label runs off the narrow figure"
    sizes = [
        t.get_fontsize()
        for t in figure.findobj(lambda o: hasattr(o, "get_fontsize") and hasattr(o, "get_text"))
        if t.get_visible() and t.get_text().strip()
    ]
    assert min(sizes) >= 8, "4 inches shown 350 px wide: 8 pt is 9.7 px"


def test_a_narrow_heat_map_writes_no_number_that_would_not_fit(scores):
    wide, narrow = plots.policy_frames_heatmap(scores), plots.policy_frames_heatmap(scores, width=4.0)
    numbers = [len([t for t in f.axes[0].texts if t.get_text()]) for f in (wide, narrow)]
    assert numbers[0] == 15 * 5 and numbers[1] == 0


def test_a_narrow_similarity_map_is_redrawn_not_shrunk(comparison):
    figure = plots.similarity_heatmap(comparison, width=4.0)
    assert figure.get_figwidth() == pytest.approx(4.0)
    assert [t for t, inside in _text_inside(figure) if not inside] == []
