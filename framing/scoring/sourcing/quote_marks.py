"""Quotation marks: where the double-quoted spans of a text are, across sentences and paragraphs.

News style opens every paragraph of a long quotation with “ and closes it
only at the end, so an unclosed quote carries over to the next paragraph when
that paragraph starts with an opening mark; otherwise the unclosed mark is
dropped. Straight quotes pair by position. Single quotes (‘...’, used in
headlines) are not quotations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

OPENERS = '“"'
_MARK = re.compile(r"[“”\"]")
_NEWLINE = re.compile(r"\n")
_VISIBLE = re.compile(r"\S")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of every double-quoted span, across paragraphs."""
    spans: list[tuple[int, int]] = []
    open_at = None
    for para_start, para_end in _paragraphs(text):
        if not text[para_start:para_end].strip():
            continue  # blank lines between paragraphs keep an open quote open
        marks = [m.start() for m in _MARK.finditer(text, para_start, para_end)]
        if open_at is not None:
            if marks and marks[0] == _first_char(text, para_start, para_end) and text[marks[0]] in OPENERS:
                marks = marks[1:]  # the paragraph continues the open quote
            else:
                open_at = None
        for at in marks:
            open_at = _step(text, at, open_at, spans)
    return spans


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _NEWLINE.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


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
