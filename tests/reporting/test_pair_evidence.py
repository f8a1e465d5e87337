"""Similarity-pair blocks: the words two outlets both use most, and the words that set each apart."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest
from scipy import sparse

from framing.reporting.keywords import neutral_words
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
    """`counts[1]` (outlet x unigram counts) as `Comparison` has them; nothing else is read."""

    def __init__(self) -> None:
        self.counts = {1: (sparse.csr_matrix(COUNTS), ["Alpha", "Beta", "Gamma"], TERMS)}


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


def test_shared_words_by_the_smaller_share_without_neutral_verbs():
    both, alpha, beta = pair_blocks(FakeComparison(), ["Alpha", "Beta"], {}, per_list=3)[0]["words"]
    assert both["label"] == "Words both use most (times in Alpha / in Beta)"
    # smaller share of Alpha's 17 and Beta's 19 words: nato 3/19, troops 2/19, war 1/17; "said" is neutral
    assert both["terms"] == [["nato", "3 / 3"], ["troops", "4 / 2"], ["war", "1 / 5"]]
    # Fightin' Words on the two: troops 4 vs 2, and nato (3 of 17 words against 3 of 19); "said" is neutral
    assert alpha == {"label": "Words that set Alpha apart from Beta (times)", "terms": [["troops", 4], ["nato", 3]]}
    assert beta == {"label": "Words that set Beta apart from Alpha (times)", "terms": [["war", 5]]}


def test_nothing_to_show_without_a_comparison_unigrams_or_a_second_outlet():
    assert pair_blocks(None, ["Alpha", "Beta"], {}) == []
    assert pair_blocks(SimpleNamespace(counts={}), ["Alpha", "Beta"], {}) == []
    assert pair_blocks(FakeComparison(), ["Alpha"], {}) == []


def test_an_outlet_missing_from_the_counts_is_skipped():
    blocks = pair_blocks(FakeComparison(), ["Alpha", "Nobody", "Beta"], {})
    assert [b["anchor"] for b in blocks] == ["alike-0-2"]


def test_the_words_apart_are_those_of_the_full_contrast(nato_comparison):
    """Single words ranked alone give what `Comparison.contrast` (both orders, lexicon marks) gives for them."""
    outlets = sorted(nato_comparison.outlet_similarity.index)[:3]
    blocks = pair_blocks(nato_comparison, outlets, {}, per_list=4)
    neutral = neutral_words(())
    pairs = [(a, b) for i, a in enumerate(outlets) for b in outlets[i + 1 :]]
    assert len(blocks) == len(pairs) == 3
    for block, (a, b) in zip(blocks, pairs):
        full = nato_comparison.contrast(a, b, top_n=8)
        full = full[(full["ngram"] == 1) & (full["z"] > 0) & ~full["term"].str.lower().isin(neutral)]
        for words, name in zip(block["words"][1:], (a, b)):
            part = full[full["outlet"] == name]
            assert words["terms"] == [[t, int(n)] for t, n in zip(part["term"], part["count"])][:4]
    assert any(words["terms"] for block in blocks for words in block["words"][1:])
