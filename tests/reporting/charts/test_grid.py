"""Heat maps: every value written in its cell, grey where missing, the similarity in its tree's order."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from framing.reporting.charts import grid
from framing.reporting.charts.colours import MISSING


def test_every_value_is_written_and_a_missing_one_is_grey():
    matrix = pd.DataFrame([[1.0, np.nan], [3.25, 0.5]], index=["A <b>", "B"], columns=["x", "y"])
    svg = grid.heatmap(matrix, "Title", "cividis", "legend", "hm", "Alt", what="hits")
    assert re.findall(r'text-anchor="middle"(?: fill="#ffffff")?>([\d.]+)</text>', svg) == ["1.0", "3.2", "0.5"]
    assert f'fill="{MISSING}"><title>A &lt;b&gt; · y: no value</title>' in svg


def test_similarity_follows_the_clustering_tree(nato_comparison, nato_scores):
    from scipy.cluster import hierarchy

    outlets = sorted(nato_scores.table["outlet"].unique())
    svg = grid.similarity(nato_comparison, outlets, "sim", "Alt")
    matrix = nato_comparison.outlet_similarity.loc[outlets, outlets]
    leaves = hierarchy.dendrogram(grid.linkage_of(nato_comparison, matrix), no_plot=True)["leaves"]
    rows = re.findall(r"<title>([^<]+) · \1: similarity", svg)
    assert rows == [matrix.index[i] for i in leaves]
    assert svg.count("<path") == len(outlets) - 1, "one link of the tree per merge"


def test_a_large_similarity_map_writes_no_numbers(nato_comparison, nato_scores, monkeypatch):
    monkeypatch.setattr(grid, "MAX_WRITTEN", 2)
    outlets = sorted(nato_scores.table["outlet"].unique())
    assert not re.search(r">\d\.\d\d</text>", grid.similarity(nato_comparison, outlets, "sim", "Alt"))
