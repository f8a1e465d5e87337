"""Outlet-level matrices the report tables and figures share: exact means on a small hand-made table."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pytest

from framing.stats import matrices


@dataclass(eq=False)
class FakeScores:
    """The parts of `Scores` the matrices read: the table, the lexicons and targets, and by_outlet()."""

    table: pd.DataFrame
    lexicons: tuple = ()
    targets: list = field(default_factory=list)
    calls: int = 0

    def by_outlet(self) -> pd.DataFrame:
        from framing.stats.bootstrap import outlet_means

        self.calls += 1
        return outlet_means(self.table, n_boot=50)


@pytest.fixture
def scores() -> FakeScores:
    table = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e"],
            "outlet": ["Beta", "Alpha", "Beta", "Alpha", "Gamma"],
            "sentiment": [0.5, -1.0, 0.1, 0.0, 0.3],
            "stance.NATO": [1.0, 0.0, -1.0, 0.5, 0.2],
            "stance.NATO.mentions": [1, 0, 2, 1, 1],
            "loaded.count": [3, 1, 0, 2, 4],
            "loaded.hedges": [2.0, 0.0, 4.0, 1.0, 0.0],
            "loaded.intensifiers": [1.0, 1.0, 1.0, 3.0, 5.0],
        }
    )
    return FakeScores(table)


@pytest.mark.parametrize(
    "label, limit, expected",
    [("short", 30, "short"), ("x" * 30, 30, "x" * 30), ("abcd  efgh", 6, "abcd…"), (12345, 3, "12…")],
)
def test_short_cuts_at_the_limit_with_an_ellipsis(label, limit, expected):
    assert matrices.short(label, limit) == expected


def test_top_outlets_most_articles_ties_by_name_then_sorted(scores):
    assert matrices.top_outlets(scores.table, limit=2) == ["Alpha", "Beta"]
    assert matrices.top_outlets(scores.table, limit=1) == ["Alpha"]
    assert matrices.top_outlets(scores.table) == ["Alpha", "Beta", "Gamma"]


def test_by_outlet_is_computed_once_per_scores_object(scores):
    first = matrices.by_outlet(scores)
    assert matrices.by_outlet(scores) is first and scores.calls == 1


def test_outlet_means_exact_means_and_nan_interval_for_one_article(scores):
    out = matrices.outlet_means(scores, "sentiment")
    assert list(out.columns) == ["outlet", "n", "mean", "low", "high"]
    assert out["outlet"].tolist() == ["Alpha", "Beta", "Gamma"]
    assert out["n"].tolist() == [2, 2, 1]
    assert out["mean"].tolist() == pytest.approx([-0.5, 0.3, 0.3])
    gamma = out.iloc[2]
    assert np.isnan(gamma["low"]) and np.isnan(gamma["high"])
    assert out.iloc[0]["low"] <= -0.5 <= out.iloc[0]["high"]


def test_outlet_means_keeps_only_the_outlets_asked_for(scores):
    assert matrices.outlet_means(scores, "sentiment", ["Gamma"])["outlet"].tolist() == ["Gamma"]


def test_stance_matrix_averages_only_articles_that_mention_the_target(scores):
    matrix = matrices.stance_matrix(scores)
    # Alpha's article b does not mention NATO: only d (0.5) counts
    assert matrix["NATO"].to_dict() == {"Alpha": 0.5, "Beta": 0.0, "Gamma": 0.2}
    assert matrices.stance_matrix(scores, ["Beta"]).index.tolist() == ["Beta"]


def test_loaded_matrix_is_outlet_by_cue_class_without_the_count(scores):
    matrix = matrices.loaded_matrix(scores)
    assert list(matrix.columns) == ["hedges", "intensifiers"]
    assert matrix.loc["Alpha"].tolist() == [0.5, 2.0]
    assert matrix.loc["Beta"].tolist() == [3.0, 1.0]


def test_category_matrix_and_contrast_columns_follow_the_lexicon(scores):
    from framing.lexicons.model import load_lexicon

    lexicon = load_lexicon("policy-frames")
    first, second = list(lexicon.categories)[:2]
    table = scores.table.assign(**{f"frame.{lexicon.name}.{first}": [1.0, 2.0, 3.0, 4.0, 5.0]})
    named = FakeScores(table, lexicons=(lexicon,))
    matrix = matrices.category_matrix(named, lexicon, ["Alpha", "Beta"])
    assert list(matrix.columns) == [first] and second not in matrix
    assert matrix[first].to_dict() == {"Alpha": 3.0, "Beta": 2.0}
    assert matrices.lexicon_named(named, lexicon.name) is lexicon
    assert matrices.lexicon_named(named, lexicon) is lexicon
    assert matrices.contrast_columns(FakeScores(scores.table, lexicons=(lexicon,))) == []


def test_lexicon_named_loads_a_bundled_lexicon_the_scores_lack(scores):
    assert matrices.lexicon_named(scores, "loaded-language").name == "loaded-language"


def test_building_matrices_never_imports_matplotlib(repo_root):
    import subprocess

    code = "import sys, framing.stats.matrices, framing.stats.bootstrap; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo_root)
    assert out.stdout.strip() == "False"
