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
    found = shifts(table, dates, ["sentiment"], freq="M", n_perm=999)
    significant = found[found["shift"]]
    assert significant[["outlet", "before", "after"]].values.tolist() == [["Alpha", "2022-05", "2022-06"]]
    row = significant.iloc[0]
    assert (row["before_from"], row["after_to"]) == ("2022-01", "2022-08")  # every article on each side counts
    assert (row["articles_before"], row["articles_after"]) == (5 * PER_MONTH, 3 * PER_MONTH)
    assert row["difference"] == pytest.approx(0.5, abs=0.1)
    assert len(row["drivers"].split()) == 3 and all(d.split("-")[1] in "567" for d in row["drivers"].split())
    assert found["outlet"].value_counts().to_dict() == {"Alpha": 3, "Beta": 1, "Gamma": 1}, (
        "one test per outlet, and inside Alpha the two sides of its change searched again"
    )


def test_a_shift_pairs_of_months_could_not_show_is_found_at_its_month():
    """8 articles a month, noise 0.15, a rise of 0.2: 40 against 24 articles show it where 8 against 8 could not.

    evaluation/trends_power.py measures it over 100 seeds: found 100%, at its month 89%; by the adjacent-month
    tests this replaced, 17%.
    """
    named = []
    for seed in range(20):
        found = shifts(*synthetic(200 + seed, jump=0.2, at=5), ["sentiment"], seed=seed, n_perm=999)
        named.append(
            [after for outlet, after in found.loc[found["shift"], ["outlet", "after"]].values if outlet == "Alpha"]
        )
    assert sum(bool(months) for months in named) >= 19
    assert sum(months == ["2022-06"] for months in named) >= 16


def test_two_changes_are_both_found_by_binary_segmentation():
    table, dates = synthetic(5, jump=0.5, at=3)
    late = (table["outlet"] == "Alpha") & table["doc_id"].str.split("-").str[1].astype(int).ge(6)
    table.loc[late, "sentiment"] -= 0.5  # Alpha rises at month 3 and falls back at month 6
    found = shifts(table, dates, ["sentiment"], n_perm=999)
    assert found.loc[found["shift"], ["outlet", "after"]].values.tolist() == [
        ["Alpha", "2022-04"],
        ["Alpha", "2022-07"],
    ]


def test_without_a_shift_nothing_is_named_at_the_five_percent_level():
    seeds = range(40)
    false_alarms = sum(shifts(*synthetic(100 + seed), ["sentiment"], seed=seed)["shift"].any() for seed in seeds)
    assert false_alarms / len(seeds) <= 0.10  # Holm holds the family-wise rate at 5%; measured, with slack


def test_shifts_are_reproducible_and_a_series_does_not_depend_on_the_others():
    table, dates = synthetic(6, jump=0.3, at=4)
    table["other"] = table["sentiment"] * 2
    alone = shifts(table, dates, ["sentiment"], seed=3)
    pd.testing.assert_frame_equal(alone, shifts(table, dates, ["sentiment"], seed=3))
    both = shifts(table, dates, ["sentiment", "other"], seed=3)
    mine = both[both["column"] == "sentiment"].reset_index(drop=True)
    assert mine["p_value"].tolist() == alone["p_value"].tolist()  # the same shuffles; only Holm's family grew
    assert (mine["p_adjusted"] >= alone["p_adjusted"]).all()


def test_outlets_with_too_few_articles_are_not_tested():
    table, dates = synthetic(7)
    found = shifts(table, dates, ["sentiment"], min_articles=33)  # 64 articles an outlet: no split leaves 33 a side
    assert found.empty and list(found.columns)[:4] == ["outlet", "column", "before", "after"]


def test_holm_matches_the_textbook_example():
    adjusted = holm(np.array([0.01, 0.04, 0.03, 0.005]))
    assert np.allclose(adjusted, [0.03, 0.06, 0.06, 0.02])


def test_scores_over_time_uses_the_corpus_dates(nato_corpus):
    from framing.scoring import score

    scores = score(nato_corpus, evidence=False)
    trend = scores.over_time("M", columns=["sentiment"])
    assert trend["articles"].sum() + len(trend.attrs["undated"]) == len(nato_corpus.articles)
    assert trend.attrs["undated"] == ["002-unattributed-a", "003-unattributed-b"]
    assert scores.shifts(["sentiment"], min_articles=1).shape[1] == 15
