"""framing.reporting.sections.common: the outlet list, interval tables, missing comparison tables."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.reporting.sections.common import comparison_frame, interval_table, outlets


def test_outlets_are_sorted_and_unique(nato_scores):
    names = outlets(nato_scores)
    assert names == sorted(set(nato_scores.table["outlet"].astype(str)))


def test_interval_table_has_the_outlet_means_and_no_empty_interval_columns(nato_scores):
    t = interval_table(nato_scores, "sentiment", "caption")
    assert t["columns"] == ["outlet", "articles", "mean"], "one article per outlet: two columns of dashes say nothing"
    assert t["caption"] == "caption; one article per outlet, so no interval"
    means = nato_scores.table.groupby("outlet")["sentiment"].mean()
    for row in t["rows"]:
        assert row[2] == pytest.approx(means[row[0]], abs=1e-4)


def test_interval_table_keeps_the_interval_when_an_outlet_has_one():
    from framing.scoring import score
    from tests.reporting.fixtures import dated_articles

    t = interval_table(score(dated_articles(months=2, per_month=3, undated=0)), "sentiment", "caption")
    assert t["columns"] == ["outlet", "articles", "mean", "95% low", "95% high"] and t["caption"] == "caption"
    assert all(row[3] is not None and row[3] <= row[2] <= row[4] for row in t["rows"])


@pytest.mark.parametrize("comparison", [None, object()])
def test_a_missing_comparison_table_is_an_empty_frame(comparison):
    frame = comparison_frame(comparison, "outlet_similarity")
    assert isinstance(frame, pd.DataFrame) and frame.empty
