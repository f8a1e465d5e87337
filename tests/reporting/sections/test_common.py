"""framing.reporting.sections.common: the outlet list, interval tables, missing comparison tables."""
from __future__ import annotations

import pandas as pd
import pytest

from framing.reporting.sections.common import comparison_frame, interval_table, outlets


def test_outlets_are_sorted_and_unique(nato_scores):
    names = outlets(nato_scores)
    assert names == sorted(set(nato_scores.table["outlet"].astype(str)))


def test_interval_table_has_the_outlet_means(nato_scores):
    t = interval_table(nato_scores, "sentiment", "caption")
    assert t["columns"] == ["outlet", "articles", "mean", "95% low", "95% high"]
    means = nato_scores.table.groupby("outlet")["sentiment"].mean()
    for row in t["rows"]:
        assert row[2] == pytest.approx(means[row[0]], abs=1e-4)
        assert row[3] is None and row[4] is None  # one article per outlet: no interval


@pytest.mark.parametrize("comparison", [None, object()])
def test_a_missing_comparison_table_is_an_empty_frame(comparison):
    frame = comparison_frame(comparison, "outlet_similarity")
    assert isinstance(frame, pd.DataFrame) and frame.empty
