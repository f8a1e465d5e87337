"""A regular expression for "one of these words", factored by prefix so `re` does not try each word in turn.

Why: `re` tries the branches of ``said|says|added|...`` one after another at
every position it reaches, and a case-insensitive branch has no quick first-
character test, so a list of ninety speech verbs cost ninety comparisons per
position (most of the sourcing scorer's time). Factored into a prefix tree
(``a(?:dd(?:ed|s)|...)|s(?:a(?:id|ys)|...)``) the engine compares one
character per level instead.

The factored form matches the same set of strings as the longest-first list,
but not in the same order. Where every word consists of letters only and the
alternation is followed by a word boundary (``\\b(?:...)\\b``), at most one
word can match at a position (a shorter word is followed by the longer one's
next letter, so no boundary), so the order cannot change any match; hence
`word_alternation` takes only such lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_LETTERS = re.compile(r"[^\W\d_]+")

Tree = dict[str, "Tree"]


def word_alternation(words: Iterable[str]) -> str:
    """The body of ``\\b(?:...)\\b`` matching exactly `words`, as a prefix tree.

    Raises:
        ValueError: a word holds anything but letters, or there are no words
            (the order of the branches could then matter).
    """
    unique = sorted(set(words))
    odd = [w for w in unique if not _LETTERS.fullmatch(w)]
    if odd or not unique:
        raise ValueError(f"word_alternation takes words of letters only, not {odd[:3] or 'an empty list'}")
    tree: Tree = {}
    for word in unique:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: Tree) -> str:
    """The pattern for the rest of the words below `node` (empty when a word ends with nothing below)."""
    below = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not below:
        return ""
    if len(below) == 1 and "" not in node:
        return below[0]
    return "(?:" + "|".join(below) + ")" + ("?" if "" in node else "")
