"""Seconds and peak memory of the whole `framing.compare` on real news (AllSides sample).

    python benchmarks/bench_compare.py [--limit N]            # one run, default 10,000 articles
    python benchmarks/bench_compare.py --sizes 1000,2000,5000,10000

Each size runs in its own process, so its peak memory (resource.getrusage
ru_maxrss, the process's resident-set high-water mark, KiB on Linux) is its
own. Loading the corpus (`framing.load_corpus`, boilerplate cleaning) is
timed apart from comparing; the time per step of compare is printed too.
The machine is shared: wall-clock times vary with the load of other jobs
(the 1-minute load average is printed), so the CPU seconds of the run are
printed as well (compare runs on one core, so CPU time is about what the
wall clock shows on an idle machine).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from _timing import peak_mib  # noqa: E402  (the benchmarks folder is not a package)

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"


class StepTimer:
    """Wraps module functions to add up the seconds spent in each step of compare."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def wrap(self, module, name, label):
        original = getattr(module, name)

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - start

        setattr(module, name, timed)


def one_run(limit: int) -> None:
    from framing.comparison import align, distinctive, duplicates, stories
    from framing.comparison import pipeline as compare_module
    from framing.corpus.model import load_corpus

    timer = StepTimer()
    timer.wrap(compare_module, "tokenize_corpus", "tokenize")
    timer.wrap(compare_module.duplicates, "find_duplicates", "duplicates")
    timer.wrap(compare_module, "count_terms", "term counts")
    timer.wrap(compare_module, "tfidf_matrix", "tfidf")
    timer.wrap(compare_module.stories, "group_stories", "stories")
    timer.wrap(compare_module, "_article_pairs", "article pairs")
    timer.wrap(compare_module.distinctive, "distinctive_terms", "distinctive terms")
    timer.wrap(compare_module.align, "align_facts", "same facts")
    del align, distinctive, duplicates, stories

    start = time.perf_counter()
    corpus = load_corpus(str(DATA), id_column="id")
    articles = corpus.articles.head(limit)
    loaded = time.perf_counter() - start
    words = int(articles["clean_text"].str.split().str.len().sum())
    start, cpu = time.perf_counter(), time.process_time()
    result = compare_module.compare(articles)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    summary = result.summary()
    print(
        f"articles {len(articles):,}  words {words:,}  load {loaded:.1f} s  compare {seconds:.1f} s "
        f"(CPU {cpu:.1f} s)  peak memory {peak_mib():,.0f} MiB  load average {os.getloadavg()[0]:.1f}"
    )
    print("  steps: " + ", ".join(f"{k} {v:.1f} s" for k, v in timer.seconds.items()))
    print(
        f"  stories {summary['stories']:,} ({summary['multi_outlet_stories']:,} with 2+ outlets), "
        f"outlets {summary['outlets']}, facts {summary['facts']:,}, "
        f"copies {summary['duplicate_articles']} articles / {summary['duplicate_paragraphs']} paragraphs"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=10_000, help="articles to compare (default 10,000)")
    parser.add_argument("--sizes", default=None, help="comma-separated sizes, each run in a fresh process")
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"{DATA} not found; nothing to measure")
        return
    print(
        f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()} "
        f"(shared with other jobs)"
    )
    if args.sizes is None:
        one_run(args.limit)
        return
    for size in (int(s) for s in args.sizes.split(",")):
        sys.stdout.flush()
        subprocess.run([sys.executable, __file__, "--limit", str(size)], check=True)


if __name__ == "__main__":
    main()
