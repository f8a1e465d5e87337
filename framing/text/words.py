"""What a word and a paragraph are: one definition each, plus the few variants a step truly needs, named.

A **word** is a token of `framing.text.tokenize` that holds a letter or digit
(`is_word`); `count_words` counts them, and every "per 1,000 words" and word
count in the scores, the report and the corpus view uses it.

A **paragraph** is a block of text between blank lines (`paragraph_spans`);
a text with no blank line at all but several lines (a page saved one
paragraph per line) has one paragraph per line. That is how article files
are written and what a worksheet shows as a paragraph.

Some steps need a different cut, and changing them to the definitions above
would change their results; each is a named function here, with the reason:
`line_spans` (compare's copy unit), `term_words` (compare's vocabulary),
`fact_words` (same-fact alignment), `printed_word_count` (worksheet lengths)
and `wording_words` (worksheet wording differences).
"""

from __future__ import annotations

import re

from framing.text.tokenize import is_word, word_spans

__all__ = [
    "count_words",
    "is_word",
    "paragraph_spans",
    "line_spans",
    "printed_words",
    "term_words",
    "fact_words",
    "printed_word_count",
    "wording_words",
]

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_LINE = re.compile(r"[^\n]+")
_TERM = re.compile(r"\w[\w'.,-]*\w|\w")
_FACT_WORD = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b|\b[^\W\d_][\w'’-]*\b")
_PRINTED_WORD = re.compile(r"\w[\w'’.-]*")
_WORDING_WORD = re.compile(r"[a-z0-9]+")


def count_words(text: str) -> int:
    """Words in `text`: the tokenizer's tokens that hold a letter or digit (punctuation does not count)."""
    return sum(1 for start, end in word_spans(text) if is_word(text[start:end]))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty paragraph, stripped of surrounding space.

    Paragraphs are blank-line separated; a text with no blank line but several
    lines (a page saved one paragraph per line) is split at its line breaks,
    so it keeps the paragraphs it had instead of reading as one block.
    """
    spans, pos = [], 0
    separator = _BLANK_LINE if _BLANK_LINE.search(text.strip()) else _LINE_BREAK
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((pos + lead, pos + len(chunk.rstrip())))
        pos = match.end() if match else len(text)
    return spans


def line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line, stripped: compare's unit of copying (its "paragraphs").

    Why not `paragraph_spans`: tables and scraped pages often put one
    paragraph per line with no blank line between, and a copied wire
    paragraph must be found there too; in article files, where paragraphs are
    blank-line separated and not wrapped, lines and paragraphs are the same.
    """
    spans = []
    for match in _LINE.finditer(text or ""):
        stripped = match.group().strip()
        if stripped:
            start = match.start() + match.group().index(stripped)
            spans.append((start, start + len(stripped)))
    return spans


def term_words(folded: str) -> list[str]:
    """Compare's vocabulary words: letters/digits with inner ' . , - kept (40,000 / 1.5 / combat-ready / u.s).

    Why not the tokenizer: one flat regular expression over already folded
    text (`framing.comparison.terms.fold`) is about 4.5 times faster (measured
    on the bundled corpus), which matters at 100,000 articles, and TF-IDF wants `russia's` folded to
    `russia` and `don't` kept whole rather than split into clitics.
    """
    return _TERM.findall(folded)


def fact_words(text: str) -> list[str]:
    """Same-fact alignment's words: whole numbers (`40,000`, `1.5`) and words that start with a letter.

    Why not the tokenizer: alignment compares numbers as units (a number
    word-form never starts a word here) and keeps `Russia's` whole, with no
    punctuation tokens, which carry no fact.
    """
    return _FACT_WORD.findall(text)


def printed_word_count(text: str) -> int:
    """Words as a reader counts them on a printed worksheet: `don't`, `U.S.-led` and `Russia's` are one each.

    Why not `count_words`: the tokenizer splits clitics (`do` + `n't`), which
    is right for matching but not for the length a teacher sees; the
    worksheet's 900-word cap and passage lengths use this count.
    """
    return len(printed_words(text))


def printed_words(text: str) -> list[str]:
    """The words `printed_word_count` counts, in order."""
    found: list[str] = _PRINTED_WORD.findall(text)
    return found


def wording_words(text: str) -> set[str]:
    """The set of lower-case letter/digit runs in `text`, for comparing two wordings of one fact.

    Why not the tokenizer: hyphens, apostrophes and punctuation are not
    differences of wording (`combat-ready` and `combat ready` word the fact alike).
    """
    return set(_WORDING_WORD.findall(text.lower()))
