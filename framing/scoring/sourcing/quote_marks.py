"""Quotation marks: where the double-quoted spans of a text are, across sentences and paragraphs.

News style opens every paragraph of a long quotation with “ and closes it
only at the end, so an unclosed quote carries over to the next paragraph when
that paragraph starts with an opening mark; otherwise the unclosed mark is
dropped. Straight quotes pair by position. Single quotes (‘...’, used in
headlines) are not quotations.
"""

from __future__ import annotations

import re
from bisect import bisect_left

OPENERS = '“"'
_MARK = re.compile(r"[“”\"]")
_VISIBLE = re.compile(r"\S")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of every double-quoted span, across paragraphs.

    Visits only the paragraphs that hold a mark (one scan finds them all);
    between two of those, a paragraph with any text closes an open quote, as
    a paragraph without a mark would.
    """
    spans: list[tuple[int, int]] = []
    open_at = None
    marks = [m.start() for m in _MARK.finditer(text)]
    first, previous_end = 0, 0
    while first < len(marks):
        para_start = text.rfind("\n", 0, marks[first]) + 1
        para_end = text.find("\n", marks[first])
        para_end = len(text) if para_end < 0 else para_end
        last = bisect_left(marks, para_end, first)
        para_marks = marks[first:last]
        if open_at is not None and _VISIBLE.search(text, previous_end, para_start):
            open_at = None  # a paragraph of text without marks came between
        if open_at is not None:
            if para_marks[0] == _first_char(text, para_start, para_end) and text[para_marks[0]] in OPENERS:
                para_marks = para_marks[1:]  # the paragraph continues the open quote
            else:
                open_at = None
        for at in para_marks:
            open_at = _step(text, at, open_at, spans)
        first, previous_end = last, para_end
    return spans


def _first_char(text: str, start: int, end: int) -> int:
    m = _VISIBLE.search(text, start, end)
    return m.start() if m else -1


def _step(text: str, at: int, open_at: int | None, spans: list[tuple[int, int]]) -> int | None:
    """Advance the pairing state by one quote mark; append closed spans."""
    mark = text[at]
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if mark == "“":
        return at
    if mark == "”":
        if open_at is not None:
            spans.append((open_at + 1, at))
        return None
    # straight quote: opening when nothing is open (or it clearly starts a word), else closing
    if open_at is None or (before.isspace() and not after.isspace() and text[open_at] == '"'):
        return at if not after.isspace() else None
    if text[open_at] == '"':
        spans.append((open_at + 1, at))
        return None
    return open_at
