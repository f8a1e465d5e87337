"""Scare quotes: short, unattributed quoted phrases, found by pattern."""

from __future__ import annotations

import pytest

from framing.lexicons.scarequotes import find_scare_quotes
from tests.shared import SHARED_SEEDS

SEEDS = SHARED_SEEDS


def quoted(text):
    return [text[s:e] for s, e in find_scare_quotes(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Putin launched a “special military operation” in Ukraine.", ["“special military operation”"]),
        ('The "tripwire" force is small.', ['"tripwire"']),
        ("ZELENSKY ‘REALIZED’ UKRAINE CANNOT JOIN NATO", ["‘REALIZED’"]),
        ("NATO will undergo a major “reset” this year.", ["“reset”"]),
        # attributed: a report verb right before or after the quote marks
        ("Stoltenberg said “reset” twice.", []),
        ("It is a “reset,” Stoltenberg said.", []),
        ("According to him, the alliance faces “the long-term consequences” now.", []),  # naming verb earlier
        ("He called averting escalation the alliance’s “responsibility,” as leaders try.", []),
        # not short phrases
        ("“We support Ukraine because we know what they can achieve,” he said.", []),
        ("They “train and exercise more often and in greater numbers” now.", []),
        ("He shouted “Stop!” and left.", []),  # a full quoted sentence
        ("The alliance’s “Strategic Concept” is a document.", []),  # a capitalised title
        # apostrophes are not single quotes
        ("Russia’s war and NATO’s plans", []),
        ("", []),
    ],
)
def test_scare_quote_rules(text, expected):
    assert quoted(text) == expected


def test_straight_quotes_pair_in_order():
    text = 'He said "we will defend every inch of allied territory," and later "reset" came up.'
    assert quoted(text) == ['"reset"']


def test_quotes_do_not_pair_across_lines():
    assert quoted("a “broken\nquote” here") == []


def test_the_antiwar_seed():
    path = SEEDS / "004_56275939a7f1331b.txt"
    if not path.is_file():
        pytest.skip("../shared/seeds is not present")
    found = quoted(path.read_text(encoding="utf-8"))
    assert {"“reset”", "“tripwire”", "“special military operation”"} <= set(found)


@pytest.mark.parametrize("n", [0, 1, 3, 10])
def test_first_words_are_the_first_word_tokens(n):
    from framing.lexicons.scarequotes import _first_words
    from framing.text.tokenize import is_word, word_spans

    text = "“So-called” peace — U.S. officials’ “red line”, they’d said... 100,000 troops!"
    words = [text[s:e] for s, e in word_spans(text) if is_word(text[s:e])]
    assert _first_words(text, n) == words[:n]
