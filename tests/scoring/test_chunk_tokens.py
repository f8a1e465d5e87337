"""`chunk_table` builds exactly `TokenTable.from_texts`' table, however small the segments it cuts."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import FramingError
from framing.lexicons.match import TokenTable
from framing.scoring.chunk_tokens import chunk_table, segments

# Tokens whose shape depends on what follows a space: "No. 5", "word, next", "end ." and a line's end.
PIECES = [
    "word", "Word", "U.S.", "Mr.", "No.", "No", "5", " ", "  ", "\n", "\n\n", "\t", "\u3000", "\xa0", ",", ", ",
    ".", "...", "'s", "’", "-", "--", "don't", "n't", "100,000", "1.5", "$", "“", "”", '"', ";", ")", "(", "!",
    "?!", "e\u0301", "\u200d", "https://nato.int/x", "www.a.com", "a@b.org", "#tag", "@me", "\ud800", "😀",
]  # fmt: skip


def assert_same_table(got: TokenTable, expected: TokenTable) -> None:
    for name in ("raw_ids", "starts", "ends", "doc_start"):
        mine, theirs = getattr(got, name), getattr(expected, name)
        assert mine.dtype == theirs.dtype, name
        assert mine.tolist() == theirs.tolist(), name
    assert got.raw_vocab == expected.raw_vocab
    assert got.texts == expected.texts


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), max_size=4), st.integers(1, 12))
def test_any_segment_size_gives_the_whole_texts_table(texts, segment):
    assert_same_table(chunk_table(texts, segment), TokenTable.from_texts(texts))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.integers(1, 9))
def test_any_text_gives_the_whole_texts_table(text, segment):
    assert_same_table(chunk_table([text], segment), TokenTable.from_texts([text]))


@pytest.mark.parametrize("segment", [1, 5, 64, 4096])
def test_the_bundled_articles_give_the_whole_texts_table(nato_corpus, segment):
    texts = nato_corpus.articles["clean_text"].tolist()
    assert_same_table(chunk_table(texts, segment), TokenTable.from_texts(texts))


def test_segments_cut_at_whitespace_and_overlap_by_the_next_word():
    text = "alpha beta  gamma delta"
    assert list(segments(text, 3)) == [(0, 5, 10), (6, 10, 17), (12, 17, 23), (18, 23, 23)]
    for first, cut, stop in segments(text, 3):
        assert first == 0 or text[first - 1].isspace()
        assert cut == len(text) or text[cut].isspace()
        assert stop == len(text) or text[stop].isspace()


@pytest.mark.parametrize(
    ("text", "expected"), [("", [(0, 0, 0)]), ("short text", [(0, 10, 10)]), ("ab   ", [(0, 5, 5)])]
)
def test_a_text_that_fits_is_one_segment(text, expected):
    assert list(segments(text, 3 if text == "ab   " else 64)) == expected


def test_missing_texts_are_empty_and_numbers_are_strings():
    assert_same_table(chunk_table([None, float("nan"), 12]), TokenTable.from_texts([None, float("nan"), 12]))
    assert chunk_table([]).raw_ids.dtype == np.int32


def test_a_text_over_2_gb_is_refused(monkeypatch):
    class Huge(str):
        def __len__(self):
            return 2**31

    monkeypatch.setattr("framing.scoring.chunk_tokens._as_text", lambda value: Huge("x"))
    with pytest.raises(FramingError, match="longer than 2 GB"):
        chunk_table(["x"])
