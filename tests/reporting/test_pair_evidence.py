"""Similarity-pair blocks: the words two outlets both use most, and the words that set each apart."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from framing.reporting.pair_evidence import pair_anchor, pair_blocks

TERMS = np.array(["troops", "said", "war", "peace", "nato"])
COUNTS = np.array(
    [
        [4, 9, 1, 0, 3],  # Alpha
        [2, 9, 5, 0, 3],  # Beta
        [0, 1, 0, 7, 0],  # Gamma
    ]
)


class FakeComparison:
    """`counts[1]` (outlet x unigram counts) and `contrast` as `Comparison` has them."""

    def __init__(self) -> None:
        self.counts = {1: (COUNTS, ["Alpha", "Beta", "Gamma"], TERMS)}
        self.asked: list[tuple[str, str, int]] = []

    def contrast(self, a: str, b: str, top_n: int) -> pd.DataFrame:
        self.asked.append((a, b, top_n))
        return pd.DataFrame(
            {
                "outlet": [a, a, a, b, b],
                "term": ["troops", "said", "nato base", "war", "peace"],
                "ngram": [1, 1, 2, 1, 1],
                "z": [2.0, 1.5, 3.0, 2.5, -1.0],
                "count": [4, 9, 2, 5, 0],
            }
        )


@pytest.mark.parametrize("i, j", [(0, 2), (2, 0)])
def test_a_pair_has_one_anchor_in_either_order(i, j):
    assert pair_anchor(i, j) == "alike-0-2"


def test_one_block_per_pair_in_table_order():
    comparison = FakeComparison()
    values = {("Alpha", "Beta"): 0.91234, ("Alpha", "Gamma"): math.nan}
    blocks = pair_blocks(comparison, ["Alpha", "Beta", "Gamma"], values, per_list=2)
    assert [b["anchor"] for b in blocks] == ["alike-0-1", "alike-0-2", "alike-1-2"]
    assert [b["heading"] for b in blocks] == [
        "Alpha and Beta: similarity 0.91",
        "Alpha and Gamma: similarity not computed",
        "Beta and Gamma: similarity not computed",
    ]
    assert comparison.asked[0] == ("Alpha", "Beta", 4)


def test_shared_words_by_the_smaller_share_without_neutral_verbs():
    both, alpha, beta = pair_blocks(FakeComparison(), ["Alpha", "Beta"], {}, per_list=3)[0]["words"]
    assert both["label"] == "Words both use most (times in Alpha / in Beta)"
    # smaller share of Alpha's 17 and Beta's 19 words: nato 3/19, troops 2/19, war 1/17; "said" is neutral
    assert both["terms"] == [["nato", "3 / 3"], ["troops", "4 / 2"], ["war", "1 / 5"]]
    assert alpha == {"label": "Words that set Alpha apart from Beta (times)", "terms": [["troops", 4]]}
    assert beta == {"label": "Words that set Beta apart from Alpha (times)", "terms": [["war", 5]]}


def test_nothing_to_show_without_a_comparison_unigrams_or_a_second_outlet():
    assert pair_blocks(None, ["Alpha", "Beta"], {}) == []
    assert pair_blocks(SimpleNamespace(counts={}), ["Alpha", "Beta"], {}) == []
    assert pair_blocks(FakeComparison(), ["Alpha"], {}) == []


def test_an_outlet_missing_from_the_counts_is_skipped():
    blocks = pair_blocks(FakeComparison(), ["Alpha", "Nobody", "Beta"], {})
    assert [b["anchor"] for b in blocks] == ["alike-0-2"]
