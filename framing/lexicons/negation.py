"""Negation scope for lexicon hits: "not a threat", "no plans to deploy".

A hit is negated when a negator occurs within `window` tokens before its
first token, with no clause boundary (comma, semicolon, dash, sentence end,
"but", "although" ...) in between. The word lists live in
`framing/lexicons/data/negation.json` so that they can be read and changed
without touching code. Checked with numpy over the flat token arrays of a
`TokenTable`, one step per window position, not per hit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from framing.resources import read_data_text

if TYPE_CHECKING:
    from framing.lexicons.match import TokenTable


@lru_cache(maxsize=1)
def negation_rules() -> dict[str, Any]:
    """The rules from negation.json (window, negators, bigrams, exceptions, boundaries)."""
    text = read_data_text("framing.lexicons.data", "negation.json")
    result: dict[str, Any] = json.loads(text)
    return result


def _vocab_flags(vocab: list[str], index: dict[str, int]) -> dict[str, Any]:
    rules = negation_rules()

    def flag(words: Iterable[str]) -> np.ndarray:
        out = np.zeros(len(vocab) + 1, dtype=bool)  # last slot: "no token"
        out[[index[w] for w in words if w in index]] = True
        return out

    return {
        "negator": flag(rules["negators"]),
        "boundary": flag(rules["boundary_punctuation"] + rules["boundary_words"]),
        "bigram_second": flag({b for _, b in rules["negator_bigrams"]}),
        "index": index,
    }


def negated_at(table: TokenTable, positions: np.ndarray) -> np.ndarray:
    """For hits starting at token `positions` of `table`, is each one negated?"""
    positions = np.asarray(positions, dtype=np.int64)
    if len(positions) == 0:
        return np.zeros(0, dtype=bool)
    ids, vocab, index = table.keyed(False)
    flags = _vocab_flags(vocab, index)
    rules = negation_rules()
    doc_first = table.doc_start[table.docs_at(positions)]
    negated = np.zeros(len(positions), dtype=bool)
    blocked = np.zeros(len(positions), dtype=bool)
    none = len(vocab)
    for k in range(1, int(rules["window"]) + 1):
        at = positions - k
        live = (at >= doc_first) & ~blocked
        tok = np.where(live, ids[np.maximum(at, 0)], none)
        after = np.where(live, ids[np.maximum(at + 1, 0)], none)  # the token after the negator
        before = np.where(live & (at - 1 >= doc_first), ids[np.maximum(at - 1, 0)], none)
        hit = flags["negator"][tok] & ~_exception(tok, after, flags, rules, vocab)
        hit |= _bigram(before, tok, flags, rules, vocab)
        negated |= live & hit
        blocked |= live & flags["boundary"][tok]
    return negated


def _exception(
    tok: np.ndarray, after: np.ndarray, flags: dict[str, Any], rules: dict[str, Any], vocab: list[str]
) -> np.ndarray:
    """'not only', 'no doubt', 'nothing but' ... are not negations."""
    out = np.zeros(len(tok), dtype=bool)
    index = flags["index"]
    for negator, followers in rules["not_negating_after"].items():
        if negator not in index:
            continue
        follow = np.asarray([index[w] for w in followers if w in index], dtype=np.int64)
        out |= (tok == index[negator]) & np.isin(after, follow)
    return out


def _bigram(
    before: np.ndarray, tok: np.ndarray, flags: dict[str, Any], rules: dict[str, Any], vocab: list[str]
) -> np.ndarray:
    """Two-word negators ('no longer', 'rather than') count at their second word."""
    out = np.zeros(len(tok), dtype=bool)
    candidates = flags["bigram_second"][tok]
    if not candidates.any():
        return out
    index = flags["index"]
    for first, second in rules["negator_bigrams"]:
        if first in index and second in index:
            out |= (before == index[first]) & (tok == index[second])
    return out
