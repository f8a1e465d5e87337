"""The stance scorer: no targets -> no columns; with targets, wide columns, evidence rows and the long table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.resources import data_path
from framing.scoring.base import EVIDENCE_COLUMNS
from framing.scoring.stance.article import TABLE_COLUMNS
from framing.scoring.stance.scorer import StanceScorer, wide_columns
from framing.scoring.stance.targets import load_targets

ARTICLES = pd.DataFrame(
    {
        "doc_id": ["a", "b"],
        "clean_text": [
            "Russia threatens Ukraine with aggression. NATO will defend its allies.",
            "The weather was mild on Tuesday.",
        ],
    }
)


@pytest.fixture(scope="module")
def targets():
    return load_targets(data_path("framing.corpora", "nato-eastern-flank-2022") / "targets.yaml")


def test_without_targets_only_doc_ids_and_an_empty_long_table():
    result = StanceScorer()(ARTICLES)
    assert list(result.table.columns) == ["doc_id"] and result.table["doc_id"].tolist() == ["a", "b"]
    assert result.evidence.empty and list(result.evidence.columns) == EVIDENCE_COLUMNS
    assert list(result.extras["stance"].columns) == TABLE_COLUMNS and result.extras["stance"].empty


def test_with_targets_two_columns_per_target_in_order(targets):
    result = StanceScorer(targets)(ARTICLES)
    expected = ["doc_id"] + [c for name in targets.names for c in (f"stance.{name}", f"stance.{name}.mentions")]
    assert list(result.table.columns) == expected
    table = result.table.set_index("doc_id")
    assert table.loc["a", "stance.NATO.mentions"] >= 1 and table.loc["a", "stance.Russia.mentions"] >= 1
    assert table.loc["b", [f"stance.{n}.mentions" for n in targets.names]].tolist() == [0] * len(targets.names)
    assert np.isnan(table.loc["b", "stance.NATO"])  # no mention: no stance, not a neutral one
    assert table.loc["a", "stance.Russia"] < 0 < table.loc["a", "stance.NATO"]  # threatens vs defends


def test_evidence_rows_are_stance_family_and_slice_the_clean_text(targets):
    result = StanceScorer(targets)(ARTICLES)
    evidence = result.evidence
    assert list(evidence.columns) == EVIDENCE_COLUMNS and not evidence.empty
    assert set(evidence["family"]) == {"stance"} and not evidence["negated"].any()
    assert set(evidence["category"]) <= set(targets.names)
    texts = dict(zip(ARTICLES["doc_id"], ARTICLES["clean_text"]))
    for row in evidence.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    assert evidence["weight"].dtype == float


def test_a_targets_path_scores_like_the_targets_object(targets):
    by_path = StanceScorer(targets.path)(ARTICLES)
    pd.testing.assert_frame_equal(by_path.table, StanceScorer(targets)(ARTICLES).table)


def test_wide_columns_fill_unmentioned_articles_with_nan_and_zero(targets):
    long = pd.DataFrame({"doc_id": ["b"], "target": ["NATO"], "mentions": [3], "score": [0.25], "label": ["for"]})
    wide = wide_columns(long, targets, ["a", "b"])
    assert wide["stance.NATO"].tolist()[1] == 0.25 and np.isnan(wide["stance.NATO"].tolist()[0])
    assert wide["stance.NATO.mentions"].tolist() == [0, 3] and wide["stance.NATO.mentions"].dtype == np.int64
    assert wide["stance.Russia.mentions"].tolist() == [0, 0]
