"""Figures become inline SVG that is byte-identical on every run, with ids that cannot collide."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from matplotlib.figure import Figure

from framing.reporting.figures import figure_svg, report_figures
from framing.stats import matrices


def small_figure(label="Outlet <A> & $x$"):
    fig = Figure(figsize=(3, 2))
    ax = fig.subplots()
    ax.bar([label, "B"], [1, 2])
    ax.set_title('"><svg onload=alert(1)>')
    return fig


def ids(svg: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', svg)


def test_same_figure_gives_identical_svg_without_dates():
    first, second = figure_svg(small_figure(), "demo", "Alt"), figure_svg(small_figure(), "demo", "Alt")
    assert first == second
    assert "<dc:date>" not in first and "Matplotlib" not in first.split("<g", 1)[0]
    assert first.startswith("<svg") and "<?xml" not in first


def test_every_id_is_prefixed_and_every_reference_points_inside_the_figure():
    svg = figure_svg(small_figure(), "demo", "Alt")
    assert ids(svg) and all(i.startswith("demo-") for i in ids(svg))
    references = re.findall(r'(?:url\(#|href="#)([^)"]+)', svg)
    assert references and set(references) <= set(ids(svg))


def test_text_in_figures_is_escaped_and_maths_is_not_parsed():
    svg = figure_svg(small_figure(), "demo", "Alt <script>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "Outlet &lt;A&gt; &amp; $x$" in svg  # a literal $ in an outlet name stays text
    tags = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    Parser().feed(svg)
    assert not any(name.startswith("on") for _, attrs in tags for name in attrs)
    assert (tags[0][0], tags[0][1]["role"]) == ("svg", "img")


def test_bad_figure_names_are_refused():
    import pytest

    with pytest.raises(ValueError):
        figure_svg(small_figure(), 'x" onload="y', "Alt")


def test_report_figures_are_deterministic_and_have_alt_text(nato_scores, nato_comparison):
    first = report_figures(nato_scores, nato_comparison)
    second = report_figures(nato_scores, nato_comparison)
    assert {"frame-balance", "policy-frames", "sentiment", "loaded-language"} <= set(first)
    for name, figure in first.items():
        assert figure["svg"] == second[name]["svg"], name
        assert len(figure["alt"]) > 30
    all_ids = [i for figure in first.values() for i in ids(figure["svg"])]
    assert len(all_ids) == len(set(all_ids)), "ids must be unique across the page"


def test_outlet_means_reads_the_bootstrap_intervals(nato_scores):
    stats = matrices.outlet_means(nato_scores, "sentiment")
    assert list(stats.columns) == ["outlet", "n", "mean", "low", "high"]
    assert stats["outlet"].tolist() == sorted(nato_scores.table["outlet"].unique())
    expected = nato_scores.table.groupby("outlet")["sentiment"].mean()
    assert stats.set_index("outlet")["mean"].round(9).equals(expected.round(9).rename("mean").rename_axis("outlet"))
