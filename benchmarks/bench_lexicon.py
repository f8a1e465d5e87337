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
import sys
import time
from pathlib import Path

from bench_tokenize import DATA, load_texts, peak_mib  # same data, reader and memory figure


def report(label: str, words: int, seconds: float, extra: str = "") -> None:
    rate = words / seconds if seconds else float("inf")
    print(f"{label:<44} {seconds:8.2f} s {rate:13,.0f} words/s  peak {peak_mib():7.0f} MiB  {extra}", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="read at most N articles")
    parser.add_argument("--lexicon", action="append", default=None, help="lexicon name or file (repeatable)")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"{args.data}: not found; put the shared data beside the checkout", file=sys.stderr)
        return 2
    from framing.lexicon import builtin_lexicons, load_lexicon
    from framing.matching import TokenTable, match

    texts = load_texts(args.data, args.limit)
    words = sum(len(text.split()) for text in texts)
    lexicons = [load_lexicon(name) for name in (args.lexicon or builtin_lexicons())]
    print(f"{len(texts):,} articles, {words:,} words; one core", flush=True)

    started = time.perf_counter()
    table = TokenTable.from_texts(texts).segment_sentences()
    table.keyed(False)
    tokenize_seconds = time.perf_counter() - started
    report("tokenize (words, sentences, vocabulary)", words, tokenize_seconds,
           f"{len(table):,} tokens, {len(table.keyed(False)[1]):,} types")

    matching_total = 0.0
    for lexicon in lexicons:
        started = time.perf_counter()
        hits = match(lexicon, texts, tokens=table)
        seconds = time.perf_counter() - started
        matching_total += seconds
        report(f"match {lexicon.name} given tokens", words, seconds, f"{len(hits):,} hits")
    report(f"match all {len(lexicons)} lexicons given tokens", words, matching_total)

    started = time.perf_counter()
    hits = match(lexicons[0], texts)
    report(f"end to end: match({lexicons[0].name}, texts)", words, time.perf_counter() - started, f"{len(hits):,} hits")
    report(f"end to end: tokenize once + all {len(lexicons)} lexicons", words, tokenize_seconds + matching_total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
