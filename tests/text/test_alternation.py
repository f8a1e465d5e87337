"""The prefix-tree alternation finds exactly what the longest-first list of words finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.alternation import word_alternation

WORDS = ["said", "says", "sai", "add", "added", "adds", "Told", "tells", "ſay", "é", "éa"]


def longest_first(words: list[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    st.lists(st.sampled_from([*WORDS, " ", "S", "AID", "x", "_", "-", ".", "K", "\n"]), max_size=30),
)
def test_tree_and_list_match_the_same_spans(words, pieces):
    text = "".join(pieces)
    for flags in (0, re.IGNORECASE):
        tree = re.compile(rf"\b(?:{word_alternation(words)})\b", flags)
        plain = re.compile(rf"\b(?:{longest_first(words)})\b", flags)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_shares_prefixes():
    assert word_alternation(["said", "says", "add"]) == "(?:add|sa(?:id|ys))"


@pytest.mark.parametrize("words", [[], ["pointed out"], ["U.S"], ["x1"]])
def test_refuses_what_the_order_could_change(words):
    with pytest.raises(ValueError, match="letters only"):
        word_alternation(words)
