"""Where each of an article's surnames occurs as a whole word, in time linear in the text.

`_normalise` in `attribution` looks at every occurrence of every speaker's
surname (to find "Jens" before "Stoltenberg"). One `re.finditer` per surname
costs the text's length per surname, so a long report with thousands of
speakers became quadratic (a 2 MB article: 34 s in this step alone). Above
a few surnames, one pass over the text's word starts finds them all: at each
word start, the run of name characters there is looked up in a set, one
prefix length at a time. Both ways give exactly the matches of
``re.finditer(rf"\\b{re.escape(surname)}\\b", text)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

FEW = 24  # up to this many surnames, one C-speed `str.find` scan each beats a Python loop over the words

_RUN = re.compile(r"[\w’'\-.]*")
_SIMPLE = re.compile(r"\w[\w’'\-.]*")  # surnames the one-pass scan handles (all others: a regex each)
_EDGE = re.compile(r"\b")


def surname_sites(text: str, surnames: Iterable[str]) -> dict[str, list[int]]:
    """Start offsets of the whole-word (``\\b...\\b``) matches of each surname, in order, non-overlapping."""
    wanted = list(dict.fromkeys(surnames))
    simple = {s for s in wanted if _SIMPLE.fullmatch(s)} if len(wanted) > FEW else set()
    sites = {s: _find_sites(text, s) for s in wanted if s not in simple}
    if simple:
        sites.update(_scan_sites(text, simple))
    return {s: sites[s] for s in wanted}


def _find_sites(text: str, surname: str) -> list[int]:
    """``re.finditer(rf"\\b{re.escape(surname)}\\b", text)`` by `str.find`, which skips ahead in C.

    A regex starting with ``\\b`` has no literal prefix for `re` to search
    for, so it stepped through every character (and compiling a pattern per
    surname overflowed `re`'s cache). The boundaries are checked as ``\\b``
    does: a word character (`_is_word`) on exactly one side.
    """
    if not surname:
        return [m.start() for m in re.finditer(r"\b\b", text)]
    sites, n, at = [], len(surname), text.find(surname)
    first, last = _is_word(surname[0]), _is_word(surname[-1])
    end = len(text)
    while at >= 0:
        before = at > 0 and _is_word(text[at - 1])
        after = at + n < end and _is_word(text[at + n])
        if before != first and after != last:
            sites.append(at)
            at = text.find(surname, at + n)  # finditer never overlaps
        else:
            at = text.find(surname, at + 1)
    return sites


def _is_word(ch: str) -> bool:
    """`re`'s ``\\w`` for one character of a str pattern: alphanumeric (str.isalnum) or underscore."""
    return ch.isalnum() or ch == "_"


def _scan_sites(text: str, surnames: set[str]) -> dict[str, list[int]]:
    """One pass over the word starts: each surname that starts there and ends at a word boundary."""
    lengths = sorted({len(s) for s in surnames})
    longest = lengths[-1]
    sites: dict[str, list[int]] = {s: [] for s in surnames}
    free = dict.fromkeys(surnames, 0)  # where the surname's last match ended: finditer never overlaps
    run_at, edge_at = _RUN.match, _EDGE.match
    firsts = "".join(sorted({s[0] for s in surnames}))
    word_starts = re.compile(rf"(?<!\w)(?=[{re.escape(firsts)}])")  # only where some surname could start
    for start in word_starts.finditer(text):
        p = start.start()
        found = run_at(text, p, p + longest)  # no further than the longest surname: "A.A.A..." stays linear
        run = found.group() if found else ""  # a * pattern always matches
        for n in lengths:
            if n > len(run):
                break
            piece = run[:n]
            if piece in surnames and p >= free[piece] and edge_at(text, p + n):
                sites[piece].append(p)
                free[piece] = p + n
    return sites
