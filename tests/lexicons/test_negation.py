"""Negation rules are data; the checker follows them exactly."""

from __future__ import annotations

import numpy as np

from framing.lexicons.match import TokenTable
from framing.lexicons.negation import negated_at, negation_rules


def negated(text, word):
    table = TokenTable.from_texts([text])
    ids, vocab, index = table.keyed(False)
    position = int(np.flatnonzero(ids == index[word])[0])
    return bool(negated_at(table, [position])[0])


def test_rules_file_has_every_part():
    rules = negation_rules()
    assert rules["window"] == 3
    assert {"not", "no", "never", "n't", "without"} <= set(rules["negators"])
    assert ["no", "longer"] in rules["negator_bigrams"] and ["rather", "than"] in rules["negator_bigrams"]
    assert {",", ";", ":", "—", "–"} <= set(rules["boundary_punctuation"])
    assert {"but", "although"} <= set(rules["boundary_words"])


def test_window_is_three_tokens():
    assert negated("not one two threat", "threat")
    assert not negated("not one two three threat", "threat")


def test_bigram_negators_and_exceptions():
    assert negated("defend rather than provoke", "provoke")
    assert negated("without any threat", "threat")
    assert not negated("not only threat", "threat")
    assert not negated("no doubt a threat", "threat")


def test_boundaries_stop_the_scope():
    for text in ("not — threat", "not: threat", "not; threat", "never, threat", "no although threat"):
        assert not negated(text, "threat"), text


def test_empty_positions():
    table = TokenTable.from_texts(["a"])
    assert negated_at(table, []).shape == (0,)
