"""Example sentences of a term in an outlet: the words behind a point of the term explorer.

A frequency is only a count; a reader should be able to see where the word was
said. Terms are found as `compare` counts them (`term_words` over folded text,
stop words left out before bigrams are formed), so every highlighted word is
one of the counted uses. Long sentences are cut to a window around the term:
a 1,000-article report carries thousands of examples and must stay small.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from framing.comparison.terms import fold
from framing.text.excerpt import open_quote_ellipses
from framing.text.words import term_words

WINDOW = 50
"""Characters kept on each side of the term (cut at a space, marked with an ellipsis)."""

_SPACE = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class Example:
    """One use of a term: the snippet text, the term's span inside it, and the article it comes from."""

    text: str
    start: int
    end: int
    doc_id: str


def sentence_terms(sentence: str, stop_words: frozenset[str]) -> list[tuple[str, int, int]]:
    """The terms of one sentence as `count_terms` counts them, each with its span in `sentence`.

    Unigrams are the non-stop words; bigrams are two non-stop words that are
    adjacent once stop words are removed. A sentence whose lower-casing changes
    its length (rare letters such as "İ") gives no spans rather than wrong ones.
    """
    plain = sentence.lower().translate(_APOSTROPHES)
    if len(plain) != len(sentence):
        return []
    spans: list[tuple[str, int, int]] = []
    cursor = 0
    for word in term_words(fold(sentence)):
        start = plain.find(word, cursor)
        if start < 0:
            return []
        cursor = start + len(word)
        if word not in stop_words:
            spans.append((word, start, cursor))
    bigrams = [(f"{a[0]} {b[0]}", a[1], b[2]) for a, b in zip(spans, spans[1:])]
    return spans + bigrams


def snippet(sentence: str, start: int, end: int, doc_id: str, window: int = WINDOW) -> Example:
    """The sentence cut to `window` characters around [start, end), white space made single spaces."""
    left = sentence[:start]
    right = sentence[end:]
    if len(left) > window:
        cut = left.find(" ", len(left) - window)
        left = "… " + left[cut + 1 if cut >= 0 else len(left) - window :]
    if len(right) > window:
        cut = right.rfind(" ", 0, window)
        right = right[: cut if cut > 0 else window] + " …"
    before = _SPACE.sub(" ", left).lstrip()
    term = _SPACE.sub(" ", sentence[start:end])
    after = _SPACE.sub(" ", right).rstrip()
    opening, closing = open_quote_ellipses(before + term + after)  # a cut quotation shows it goes on
    before = opening + before
    return Example(before + term + after + closing, len(before), len(before) + len(term), doc_id)


def find_examples(
    articles: Iterable[tuple[str, str]],
    wanted: set[str],
    sentences: Callable[[str], Sequence[tuple[int, int]]],
    stop_words: frozenset[str],
    limit: int,
) -> dict[str, list[Example]]:
    """Up to `limit` examples of each `wanted` term in `articles` ((doc_id, text) pairs, read in order).

    The first uses in article and sentence order are kept, so the choice is
    stable; reading stops as soon as every term has its `limit`.
    """
    found: dict[str, list[Example]] = {}
    open_terms = set(wanted)
    seen: set[tuple[str, str, int]] = set()
    for doc_id, text in articles:
        for begin, finish in sentences(text):
            sentence = text[begin:finish]
            for term, start, end in sentence_terms(sentence, stop_words):
                if term in open_terms and (term, doc_id, begin) not in seen:  # a sentence counts once per term
                    seen.add((term, doc_id, begin))
                    kept = found.setdefault(term, [])
                    kept.append(snippet(sentence, start, end, doc_id))
                    if len(kept) >= limit:
                        open_terms.discard(term)
            if not open_terms:
                return found
    return found


def outlet_examples(
    texts: Mapping[str, Sequence[tuple[str, str]]],
    wanted: Mapping[str, set[str]],
    sentences: Callable[[str], Sequence[tuple[int, int]]],
    stop_words: frozenset[str],
    limit: int,
) -> dict[str, dict[str, list[Example]]]:
    """outlet -> term -> its examples, for the `wanted` terms of each outlet in `texts` (outlet -> articles)."""
    return {
        outlet: find_examples(texts.get(outlet, ()), terms, sentences, stop_words, limit)
        for outlet, terms in sorted(wanted.items())
    }
