"""Lexicon matching speed on the AllSides sample (target: >= 500,000 words/s per core).

Prints, for one core: the tokenization pass (`TokenTable.from_texts`, the
tokenizer's word spans plus the vocabulary), matching each lexicon given the
tokens (entry resolution, hit location, negation, sentence index, the hits
table), and end to end (`match(lexicon, texts)` from raw text). "Words" are
whitespace-separated tokens (`len(text.split())`) so that the figures compare
with benchmarks/bench_tokenize.py. Peak memory is the process' peak resident
set size (`resource.getrusage`).

    python benchmarks/bench_lexicon.py [--limit N] [--lexicon NAME ...]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from _timing import Stopwatch as Timer  # wall and CPU seconds of a block
from _timing import peak_mib
from bench_tokenize import DATA, load_texts  # same data and reader


def report(label: str, words: int, timer, extra: str = "") -> None:
    rate = words / timer.cpu if timer.cpu else float("inf")
    print(
        f"{label:<42} {timer.wall:7.2f} s wall {timer.cpu:7.2f} s cpu {rate:12,.0f} words/cpu-s  "
        f"peak {peak_mib():6.0f} MiB  {extra}",
        flush=True,
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="read at most N articles")
    parser.add_argument("--lexicon", action="append", default=None, help="lexicon name or file (repeatable)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found; put the shared data beside the checkout", file=sys.stderr)
        return 2
    from framing.lexicons.match import TokenTable, match
    from framing.lexicons.model import builtin_lexicons, load_lexicon

    texts = load_texts(args.data, args.limit)
    words = sum(len(text.split()) for text in texts)
    lexicons = [load_lexicon(name) for name in (args.lexicon or builtin_lexicons())]
    print(f"{len(texts):,} articles, {words:,} words; one core; load average {os.getloadavg()[0]:.1f}", flush=True)

    with Timer() as tokenizing:
        table = TokenTable.from_texts(texts).segment_sentences()
        table.keyed(False)
    report(
        "tokenize (words, sentences, vocabulary)",
        words,
        tokenizing,
        f"{len(table):,} tokens, {len(table.keyed(False)[1]):,} types",
    )

    total = Timer()
    total.wall = total.cpu = 0.0
    for lexicon in lexicons:
        with Timer() as matching:
            hits = match(lexicon, texts, tokens=table)
        total.wall, total.cpu = total.wall + matching.wall, total.cpu + matching.cpu
        report(f"match {lexicon.name} given tokens", words, matching, f"{len(hits):,} hits")
    report(f"match all {len(lexicons)} lexicons given tokens", words, total)

    with Timer() as end_to_end:
        hits = match(lexicons[0], texts)
    report(f"end to end: match({lexicons[0].name}, texts)", words, end_to_end, f"{len(hits):,} hits")
    total.wall, total.cpu = total.wall + tokenizing.wall, total.cpu + tokenizing.cpu
    report(f"end to end: tokenize once + {len(lexicons)} lexicons", words, total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
