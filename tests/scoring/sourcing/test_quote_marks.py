"""Quotation marks: double-quoted spans across sentences and paragraphs."""

from __future__ import annotations

from framing.scoring.sourcing.quote_marks import quote_spans


def inner(text):
    return [text[s:e] for s, e in quote_spans(text)]


def test_curly_and_straight_quotes():
    text = 'He said “we will stay here,” and she said "we will leave now."'
    assert inner(text) == ["we will stay here,", "we will leave now."]


def test_quote_spanning_sentences():
    text = "“We will stay. We will not leave. Never,” he said."
    assert inner(text) == ["We will stay. We will not leave. Never,"]


def test_unclosed_quote_is_dropped_when_the_next_paragraph_does_not_continue_it():
    text = "“This never closes.\n\nA plain paragraph. Then “a real quote here,” he said."
    assert inner(text) == ["a real quote here,"]


def test_straight_quotes_across_paragraphs():
    text = '"First part of it,\n\n"second part," Smith said.'
    assert inner(text) == ['First part of it,\n\n"second part,']
