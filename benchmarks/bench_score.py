"""Speed and memory of the whole `framing.score` on real news (AllSides sample).

    python benchmarks/bench_score.py [--limit N] [--jobs N]

Prints articles, words, seconds, words/s and peak resident memory of this
process and of its worker processes (resource.getrusage, RUSAGE_SELF and
RUSAGE_CHILDREN; on Linux ru_maxrss is in KiB). Loading the corpus is timed
separately from scoring. Target: peak < 2 GB for 10,000 articles.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"


def peak_mib(who) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: every core)")
    parser.add_argument("--data", default=str(DATA), help="corpus to score (default: allsides-10k.jsonl.gz)")
    args = parser.parse_args(argv)

    from framing.corpus import load_corpus
    from framing.scoring import score

    started = time.perf_counter()
    corpus = load_corpus(args.data, id_column="id")
    if args.limit:
        mask = [i < args.limit for i in range(len(corpus))]
        corpus = corpus.filter(mask=mask)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    result = score(corpus, n_jobs=args.jobs)
    seconds = time.perf_counter() - started
    words = int(result.table["words"].sum())
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"machine: {platform.machine()}, {cores} cores available, Python {platform.python_version()}")
    print(f"articles: {len(result.table):,}  words: {words:,}  evidence rows: {len(result.evidence):,}")
    print(f"load: {loaded:.1f} s  score: {seconds:.1f} s  words/s: {words / seconds:,.0f}")
    print(f"peak memory: main process {peak_mib(resource.RUSAGE_SELF):,.0f} MiB, "
          f"largest worker {peak_mib(resource.RUSAGE_CHILDREN):,.0f} MiB")


if __name__ == "__main__":
    main()
