"""framing.text.words: one word, one paragraph, and the named variants with the cases that show why they differ."""

from __future__ import annotations

import pytest

from framing.text.tokenize import is_word, word_spans
from framing.text.words import (
    count_words,
    fact_words,
    line_spans,
    paragraph_spans,
    printed_word_count,
    term_words,
    wording_words,
)


def test_count_words_counts_tokens_with_a_letter_or_digit():
    text = "NATO’s deterrence, “safe and secure”. 40,000 troops — don't!"
    assert count_words(text) == sum(1 for s, e in word_spans(text) if is_word(text[s:e])) == 10
    assert count_words("") == 0 and count_words("— … !") == 0


def test_paragraphs_are_blank_line_separated_and_stripped():
    text = "  One.\n\nTwo two.\n \n\nThree.\nstill three\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two two.", "Three.\nstill three"]
    assert paragraph_spans("") == [] and paragraph_spans("\n \n") == []


def test_lines_are_every_non_empty_line_stripped():
    text = "  First line.  \n\nSecond\nThird\n"
    assert [text[s:e] for s, e in line_spans(text)] == ["First line.", "Second", "Third"]
    assert line_spans("") == []


def test_lines_and_paragraphs_agree_on_article_files_and_differ_on_wrapped_paragraphs():
    article = "First paragraph here.\n\nSecond paragraph.\n\nThird."
    assert line_spans(article) == paragraph_spans(article)
    scraped = "First paragraph here.\nSecond paragraph."  # no blank line at all: one paragraph per line
    assert len(line_spans(scraped)) == 2 and len(paragraph_spans(scraped)) == 2
    wrapped = "First paragraph,\nwrapped.\n\nSecond."  # blank-line separated: a wrapped line stays in its paragraph
    assert len(line_spans(wrapped)) == 3 and len(paragraph_spans(wrapped)) == 2


@pytest.mark.parametrize(
    "words, text, expected",
    [
        (
            term_words,
            "russia troops: 40,000 and 1.5 combat-ready units, don't u.s.",
            ["russia", "troops", "40,000", "and", "1.5", "combat-ready", "units", "don't", "u.s"],
        ),
        (
            fact_words,
            "Russia's 40,000 troops, 2 tanks and 1.5 km.",
            ["Russia's", "40,000", "troops", "2", "tanks", "and", "1.5", "km"],
        ),
        (lambda t: sorted(wording_words(t)), "Combat-ready troops: combat ready!", ["combat", "ready", "troops"]),
    ],
)
def test_named_variants_cut_words_their_own_way(words, text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "text, printed, counted",
    [
        ("don't", 1, 2),  # the tokenizer splits clitics: do + n't
        ("Russia's U.S.-led", 2, 3),
        ("Troops moved east.", 3, 3),
    ],
)
def test_printed_count_is_a_readers_count_not_the_tokenizers(text, printed, counted):
    assert printed_word_count(text) == printed and count_words(text) == counted
