"""Story grouping: same event together, other events and far-apart dates apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.comparison.stories import BASE, CEILING, group_stories, story_threshold
from framing.errors import FramingError

FLOOD = [
    "Floods swept through the river valley town of Marlow on Monday, forcing hundreds of residents to evacuate their homes.",
    "Residents of Marlow were evacuated as the river burst its banks and floods covered the valley on Monday.",
    "Rescue teams in the flooded valley town of Marlow moved residents to shelters after the river rose overnight.",
]
CHESS = [
    "The grandmaster won the chess championship final in Oslo after a tense endgame with rooks and pawns.",
    "In Oslo, the chess championship final ended with the grandmaster converting a rook endgame into victory.",
    "A pawn endgame decided the Oslo chess championship, which the grandmaster won in the final round.",
]


def articles(texts, dates=None, outlets=None):
    n = len(texts)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "outlet": outlets or [f"Outlet {i % 3}" for i in range(n)],
            "date": pd.to_datetime(dates or ["2022-03-01"] * n),
            "clean_text": texts,
        }
    )


def test_two_events_become_two_labelled_stories():
    frame = articles(FLOOD + CHESS)
    stories, labels = group_stories(frame)
    assert stories.index.name == "doc_id" and list(stories.index) == list(frame["doc_id"])
    assert stories.iloc[:3].nunique() == 1 and stories.iloc[3:].nunique() == 1
    assert stories.iloc[0] != stories.iloc[3]
    assert list(labels.columns) == ["story", "label", "articles", "outlets", "start", "end"]
    flood = labels.set_index("story").loc[stories.iloc[0]]
    assert "marlow" in flood["label"] and flood["articles"] == 3 and flood["outlets"] == 3
    assert flood["start"] == pd.Timestamp("2022-03-01")


def test_same_words_a_year_apart_are_different_stories():
    frame = articles(FLOOD, dates=["2021-03-01", "2021-03-02", "2022-03-01"])
    stories, labels = group_stories(frame)
    assert stories.iloc[0] == stories.iloc[1] != stories.iloc[2]
    together, _ = group_stories(frame, max_days=None)
    assert together.nunique() == 1


def test_fixed_number_of_stories():
    stories, labels = group_stories(articles(FLOOD + CHESS), n_stories=2)
    assert stories.nunique() == 2 and len(labels) == 2
    with pytest.raises(FramingError, match="between 1 and the number of articles"):
        group_stories(articles(FLOOD), n_stories=4)


def test_grouping_is_deterministic():
    frame = articles(FLOOD + CHESS)
    first, labels_1 = group_stories(frame)
    second, labels_2 = group_stories(frame)
    pd.testing.assert_series_equal(first, second)
    pd.testing.assert_frame_equal(labels_1, labels_2)


def test_bundled_corpus_is_one_story(nato_corpus):
    stories, labels = group_stories(nato_corpus.articles)
    assert stories.nunique() == 1
    assert labels["articles"].tolist() == [5]
    assert "nato" in labels["label"].iloc[0]


def test_two_events_without_dates_become_two_stories():
    stories, labels = group_stories(articles(FLOOD + CHESS).drop(columns="date"))
    assert stories.iloc[:3].nunique() == 1 and stories.iloc[3:].nunique() == 1
    assert stories.iloc[0] != stories.iloc[3]
    assert labels["start"].isna().all()


@pytest.mark.parametrize(("n", "expected"), [(1, BASE), (5, BASE), (50, 0.17), (100_000, CEILING)])
def test_threshold_grows_with_the_corpus_up_to_a_ceiling(n, expected):
    assert story_threshold(n) == pytest.approx(expected, abs=1e-4)


def test_threshold_never_falls_as_the_corpus_grows():
    values = [story_threshold(n) for n in range(1, 2000, 7)]
    assert values == sorted(values) and values[-1] == CEILING


def test_a_given_threshold_overrides_the_adaptive_one():
    frame = articles(FLOOD + CHESS)
    stories, _ = group_stories(frame, threshold=0.0)  # every candidate link merges
    assert stories.nunique() < 6
    apart, _ = group_stories(frame, threshold=0.99)
    assert apart.nunique() == 6


@pytest.fixture(scope="module")
def labelled_events(shared_data):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "evaluation"))
    from story_grouping import labelled_articles

    return labelled_articles(shared_data / "allsides-10k.jsonl.gz")


@pytest.mark.parametrize("dated", [True, False])
def test_labelled_allsides_events_are_recovered_with_and_without_dates(labelled_events, dated):
    from sklearn.metrics import adjusted_rand_score

    table = labelled_events if dated else labelled_events.drop(columns="date")
    stories, _ = group_stories(table)
    score = adjusted_rand_score(labelled_events["event"], stories.to_numpy())
    old, _ = group_stories(table, threshold=0.1)  # the fixed threshold used before merged unrelated events
    assert score >= 0.85 and score > adjusted_rand_score(labelled_events["event"], old.to_numpy()) + 0.1
