"""Quotation marks: double-quoted spans across sentences and paragraphs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.scoring.sourcing import quote_marks
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


def paragraph_by_paragraph(text):
    """The rule as first written: every paragraph in turn (the reference the one-scan version must equal)."""
    spans, open_at, start = [], None, 0
    paragraphs = []
    for at, ch in enumerate(text):
        if ch == "\n":
            paragraphs.append((start, at))
            start = at + 1
    paragraphs.append((start, len(text)))
    for para_start, para_end in paragraphs:
        if not text[para_start:para_end].strip():
            continue
        marks = [i for i in range(para_start, para_end) if text[i] in '“”"']
        if open_at is not None:
            visible = next((i for i in range(para_start, para_end) if not text[i].isspace()), -1)
            if marks and marks[0] == visible and text[marks[0]] in quote_marks.OPENERS:
                marks = marks[1:]
            else:
                open_at = None
        for at in marks:
            open_at = quote_marks._step(text, at, open_at, spans)
    return spans


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["“", "”", '"', "\n", "\n\n", " ", "  \n", "word", "x.", "\t", "‘"]), max_size=40))
def test_one_scan_equals_paragraph_by_paragraph(pieces):
    text = "".join(pieces)
    assert quote_spans(text) == paragraph_by_paragraph(text)
