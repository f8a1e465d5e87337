"""`token_arrays` gives exactly the slices and offsets of `word_spans`, the shortcut alternative changes no token."""

from __future__ import annotations

import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import token_arrays as arrays
from framing.text.token_arrays import token_arrays
from framing.text.tokenize import _TOKEN, _compile, token_texts, word_spans

PIECES = [
    "word", "Word", "U.S.", "Mr.", " ", "  ", "\n", "\t", "\u3000", "\xa0", ",", ", ", ".", "...", "'s", "’", "-",
    "--", "don't", "100,000", "1.5", "$", "%", "“", "”", '"', ";", ")", "(", "!", "?!", "e\u0301", "\u200d", "_",
    "https://nato.int/x", "www.a.com", "a@b.org", "#tag", "@me", "\ud800", "😀", "ſ", "٣", "\x1c",
    "No.", "No. ", "1", "7", "\u0663", "(No.", "XNo.", "no.", "n't", "R-Fla.", "J.", "\u2028", "a.m.", "'", "Ⅻ",
]  # fmt: skip


def expected(text):
    spans = word_spans(text)
    return [text[s:e] for s, e in spans], [s for s, _ in spans], [e for _, e in spans]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_equals_word_spans(pieces):
    text = "".join(pieces)
    tokens, starts, ends = token_arrays(text)
    assert (tokens, starts.tolist(), ends.tolist()) == expected(text)
    assert starts.dtype == ends.dtype == np.int32


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_equals_word_spans_on_any_text(text):
    tokens, starts, ends = token_arrays(text)
    assert (tokens, starts.tolist(), ends.tolist()) == expected(text)


def test_no_whitespace_above_the_table():
    assert not any(chr(c).isspace() for c in range(arrays._LAST_SPACE + 1, sys.maxunicode + 1))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_the_plain_word_shortcut_changes_no_token(pieces):
    text = "".join(pieces)
    pattern = _TOKEN.pattern
    first, rest = pattern.split("\n  | ", 1)
    assert "plain word" in first
    without = _compile("\n    " + rest)
    assert [m.span() for m in _TOKEN.finditer(text)] == [m.span() for m in without.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_token_texts_equal_findall(pieces):
    text = "".join(pieces)
    assert token_texts(text) == _TOKEN.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_token_texts_equal_findall_on_any_text(text):
    assert token_texts(text) == _TOKEN.findall(text)


def test_token_texts_keep_no_before_a_number_across_the_space():
    text = "the No. 2 official, No.\n\u0663 and No. two (No. 5) No."
    assert token_texts(text) == _TOKEN.findall(text)
    assert token_texts(text).count("No.") == 3
