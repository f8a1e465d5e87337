"""Derive ``framing.tokenize.STARTERS`` from the AllSides sample (run by hand).

A capitalised word that follows an abbreviation which may end a sentence
(``in the U.S. Critics say``) starts a new sentence when the word is almost
never capitalised in mid-sentence. This counts, for every capitalised word,
how often it follows an unambiguous sentence end (a lower-case word and
``.!?``, or a blank line) and how often it follows a lower-case word in
mid-sentence, and keeps words that are sentence-initial at least 95% of the
time, seen there at least 10 times, and common in lower case (so names such as
``Senate`` or ``Trump`` stay out). Prints the words, most frequent first.

    python tools/derive_sentence_starters.py [--limit N] [--top 400]
"""

from __future__ import annotations

import collections
import re
import sys

from bench_tokenize import data_arguments, read_texts

AFTER_END = re.compile(r"[a-z]{3,}[.!?][\"”’]? ([A-Z][a-z]+)\b|\n\n([A-Z][a-z]+)\b")
MID = re.compile(r"[a-z]{2,},? ([A-Z][a-z]+)\b")
LOWER = re.compile(r"\b[a-z]+\b")


def count(texts):
    """(sentence-initial, mid-sentence capitalised, lower-case) counts per word."""
    initial, mid, lower = collections.Counter(), collections.Counter(), collections.Counter()
    for text in texts:
        initial.update(a or b for a, b in AFTER_END.findall(text))
        mid.update(MID.findall(text))
        lower.update(LOWER.findall(text))
    return initial, mid, lower


def main(argv=None) -> int:
    parser = data_arguments(__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=400)
    args = parser.parse_args(argv)
    initial, mid, lower = count(read_texts(args))
    words = [w for w, n in initial.items() if n >= 10 and mid[w] <= 0.05 * (n + mid[w]) and lower[w.lower()] >= 20]
    words.sort(key=lambda w: (-initial[w], w))
    print(" ".join(words[: args.top]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
