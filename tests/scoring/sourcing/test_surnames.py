"""The one-pass surname scan finds exactly what one `re.finditer` per surname finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.scoring.sourcing import surnames
from framing.scoring.sourcing.surnames import surname_sites

PIECES = ["Smith", "Smith-Jones", "O'Brien", "Brien", "U.S.", "Lee", "Leeds", "A-A", "Ng", "Ngo", "Müller"]


def by_regex(text: str, names: list[str]) -> dict[str, list[int]]:
    return {s: [m.start() for m in re.finditer(rf"\b{re.escape(s)}\b", text)] for s in names}


def test_many_surnames_take_the_one_pass_scan_and_match_the_regex(monkeypatch):
    monkeypatch.setattr(surnames, "FEW", 0)  # force the scan even for a few names
    text = "Smith-Jones met Smith. O'Brien, Brien and U.S. officials; A-A-A; Leeds Lee Ngo Ng_ Müller's"
    assert surname_sites(text, PIECES) == by_regex(text, PIECES)
    assert surname_sites(text, ["A-A"])["A-A"] == [text.index("A-A")]  # finditer never overlaps


def test_a_few_surnames_keep_the_regex():
    text = "Lee met Leeds and Lee."
    assert surname_sites(text, ["Lee"]) == {"Lee": [0, 18]}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, " ", "-", "'", ".", "x", "\n", "’", "_"]), max_size=40),
    st.lists(st.sampled_from([*PIECES, "x.", "-x"]), min_size=1, max_size=12),
)
def test_scan_equals_regex_on_generated_texts(pieces, names):
    text = "".join(pieces)
    old, surnames.FEW = surnames.FEW, 0
    try:
        assert surname_sites(text, names) == by_regex(text, list(dict.fromkeys(names)))
    finally:
        surnames.FEW = old


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*PIECES, " ", "-", "'", ".", "x", "\n", "’", "_", "é", "٣"]), max_size=40),
    st.lists(st.sampled_from([*PIECES, "x.", "-x", ".", "'s", "é", "_x_"]), min_size=1, max_size=6),
)
def test_a_few_surnames_found_by_str_find_equal_the_regex(pieces, names):
    text = "".join(pieces)
    assert surname_sites(text, names) == by_regex(text, list(dict.fromkeys(names)))


def test_word_characters_are_those_of_the_regex():
    assert all(surnames._is_word(ch) == bool(re.match(r"\w", ch)) for ch in map(chr, range(0x3000))), (
        "str.isalnum or _ is re's \\w"
    )
