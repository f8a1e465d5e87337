"""Trends over time: shares, means with intervals, undated articles named, and shifts found only where planted."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.stats.trends import holm, over_time, shifts

OUTLETS = ("Alpha", "Beta", "Gamma")
MONTHS = 8
PER_MONTH = 8


def synthetic(seed: int, *, jump: float = 0.0, at: int = 5) -> tuple[pd.DataFrame, pd.Series]:
    """Three outlets, eight months, eight articles each; Alpha's sentiment rises by `jump` from month `at`."""
    rng = np.random.default_rng(seed)
    rows, dates = [], {}
    for outlet in OUTLETS:
        for month in range(MONTHS):
            for k in range(PER_MONTH):
                doc_id = f"{outlet}-{month}-{k}"
                level = jump if outlet == "Alpha" and month >= at else 0.0
                rows.append(
                    {
                        "doc_id": doc_id,
                        "outlet": outlet,
                        "words": 100,
                        "sentiment": level + rng.normal(0, 0.15),
                        "quotes.count": 2,
                    }
                )
                dates[doc_id] = pd.Timestamp(2022, 1 + month, 1 + k)
    return pd.DataFrame(rows), pd.Series(dates)


def test_over_time_counts_shares_and_intervals():
    table, dates = synthetic(0)
    trend = over_time(table, dates, freq="M")
    assert len(trend) == len(OUTLETS) * MONTHS
    assert (trend["articles"] == PER_MONTH).all()
    assert np.allclose(trend.groupby("start")["share"].sum(), 1.0)
    assert list(trend["period"].iloc[:2]) == ["2022-01", "2022-02"]
    assert "words" not in trend and "quotes.count" not in trend  # sizes and counts are not averaged
    assert (trend["sentiment.ci_low"] <= trend["sentiment"]).all()
    assert (trend["sentiment"] <= trend["sentiment.ci_high"]).all()
    again = over_time(table, dates, freq="M")
    pd.testing.assert_frame_equal(trend, again)


def test_quarters_and_weeks_group_the_same_articles():
    table, dates = synthetic(1)
    quarters = over_time(table, dates, freq="Q", columns=["sentiment"])
    assert quarters.groupby("outlet")["articles"].sum().tolist() == [MONTHS * PER_MONTH] * 3
    assert set(quarters["period"]) == {"2022Q1", "2022Q2", "2022Q3"}
    weeks = over_time(table, dates, freq="W", columns=["sentiment"])
    assert weeks["articles"].sum() == len(table)
    assert all(pd.Timestamp(start).day_of_week == 0 for start in weeks["start"])  # weeks start on Monday


def test_undated_articles_are_counted_and_named_not_dropped_silently():
    table, dates = synthetic(2)
    dates = dates.drop(["Beta-3-0", "Gamma-0-1"])
    trend = over_time(table, dates, freq="M", columns=["sentiment"])
    assert trend.attrs["undated"] == ["Beta-3-0", "Gamma-0-1"]
    assert trend["articles"].sum() == len(table) - 2


def test_unknown_frequency_is_refused():
    table, dates = synthetic(3)
    with pytest.raises(ValueError, match="freq must be one of W, M, Q"):
        over_time(table, dates, freq="Y")


def test_a_planted_shift_is_found_at_its_period_and_nowhere_else():
    table, dates = synthetic(4, jump=0.5, at=5)
    found = shifts(table, dates, ["sentiment"], freq="M", n_perm=1000)
    assert len(found) == len(OUTLETS) * (MONTHS - 1)
    significant = found[found["shift"]]
    assert significant[["outlet", "before", "after"]].values.tolist() == [["Alpha", "2022-05", "2022-06"]]
    row = significant.iloc[0]
    assert row["difference"] == pytest.approx(0.5, abs=0.15)
    assert len(row["drivers"].split()) == 3 and all(d.startswith("Alpha-5-") for d in row["drivers"].split())


def test_without_a_shift_nothing_is_named_at_the_five_percent_level():
    seeds = range(40)
    false_alarms = sum(shifts(*synthetic(100 + seed), ["sentiment"], seed=seed)["shift"].any() for seed in seeds)
    assert false_alarms / len(seeds) <= 0.10  # Holm holds the family-wise rate at 5%; measured, with slack


def test_holm_matches_the_textbook_example():
    adjusted = holm(np.array([0.01, 0.04, 0.03, 0.005]))
    assert np.allclose(adjusted, [0.03, 0.06, 0.06, 0.02])


def test_scores_over_time_uses_the_corpus_dates(nato_corpus):
    from framing.scoring import score

    scores = score(nato_corpus, evidence=False)
    trend = scores.over_time("M", columns=["sentiment"])
    assert trend["articles"].sum() + len(trend.attrs["undated"]) == len(nato_corpus.articles)
    assert trend.attrs["undated"] == ["002-unattributed-a", "003-unattributed-b"]
    assert scores.shifts(["sentiment"], min_articles=1).shape[1] == 13
