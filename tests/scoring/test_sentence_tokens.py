"""split_batch is str.split(), text by text, whatever the whitespace, marks or surrogates in the texts."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.scoring.sentence_tokens import MARK, split_batch

SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
# near misses: characters whose UTF-8 shares the lead byte of a wide space (U+2000-U+200A, U+3000 ...)
NEAR = ["\u2010", "\u2019", "\u201c", "\u200b", "\u2030", "\u205e", "\u3001", "\u1681", "\u0100", "\u00a1", "\u0084"]
ALPHABET = SPACES + NEAR + list("ab.,!x'") + ["é", "—", "😀", MARK, "\ud800", "\x00"]


def tokens_by_text(texts: list[str]) -> list[list[str]]:
    batch = split_batch(texts)
    out, first = [], 0
    for k in range(len(texts)):
        out.append(batch.tokens_of(k, first))
        first += int(batch.lengths[k])
    assert first == len(batch.codes)
    return out


def test_no_whitespace_above_u3000():
    assert max(ord(c) for c in SPACES) == 0x3000


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=30), max_size=6))
def test_same_tokens_as_str_split(texts):
    assert tokens_by_text(texts) == [t.split() for t in texts]


def test_every_space_character_splits_and_near_misses_do_not():
    texts = [f"a{c}b" for c in SPACES] + [f"a{c}b" for c in NEAR]
    assert tokens_by_text(texts) == [t.split() for t in texts]
    assert all(len(t) == 2 for t in tokens_by_text(texts[: len(SPACES)]))


def test_replacing_texts_splits_only_those_again():
    batch = split_batch(["one two", "three", "four five six"])
    replaced = batch.with_texts({1: "3 three 3", 2: ""})
    assert replaced.lengths.tolist() == [2, 3, 0]
    assert [replaced.uniques[c] for c in replaced.codes] == ["one", "two", "3", "three", "3"]
    assert batch.with_texts({}) is batch


def test_empty_batches():
    assert tokens_by_text([]) == [] and tokens_by_text([""]) == [[]] and tokens_by_text(["", " "]) == [[], []]
