"""Words/s of each stage of `framing score`, one process, on real news (AllSides sample).

    python benchmarks/bench_stages.py [--limit N] [--no-evidence]

Runs the scoring pipeline's own stages on chunks of `framing.scoring.pipeline.CHUNK`
articles, as a worker does: the shared tokenization (word spans and ids), the
sentence split, then every scorer of the registry in execution order. Prints
CPU seconds (`time.process_time`, per core: what other jobs on the shared
machine do not distort), words per CPU-second and the share of the total per
stage, so the slowest stage is the one to work on next.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import Stopwatch, machine, peak_mib  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"


def stage_seconds(articles, pipeline, chunk: int) -> tuple[dict[str, float], int]:
    """CPU seconds per stage summed over the chunks, and the number of words."""
    from framing.scoring.base import ScoringContext
    from framing.scoring.registry import execution_order

    seconds: dict[str, float] = {}

    def add(stage: str, watch: Stopwatch) -> None:
        seconds[stage] = seconds.get(stage, 0.0) + watch.cpu

    words = 0
    for first in range(0, len(articles), chunk):
        part = articles.iloc[first : first + chunk]
        with Stopwatch() as watch:
            context = ScoringContext.for_articles(part, pipeline.evidence)
        add("tokens (word spans, ids)", watch)
        with Stopwatch() as watch:
            context.tokens.segment_sentences()
        add("sentences", watch)
        for scorer in execution_order(pipeline.scorers):
            with Stopwatch() as watch:
                context.results[scorer.name] = scorer(part, context)
            add(scorer.name, watch)
        words += int(context.tokens.word_counts().sum())
    return seconds, words


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="first N articles (default 1,000)")
    parser.add_argument("--data", default=str(DATA), help="corpus (default: allsides-10k.jsonl.gz)")
    parser.add_argument("--no-evidence", action="store_true", help="as `framing score` without --evidence")
    args = parser.parse_args(argv)

    from framing.corpus.model import load_corpus
    from framing.scoring import pipeline as scoring

    corpus = load_corpus(args.data, id_column="id")
    if args.limit:
        corpus = corpus.filter(mask=[i < args.limit for i in range(len(corpus))])
    run = scoring._prepare(corpus, None, None, not args.no_evidence)
    seconds, words = stage_seconds(run.articles, run.pipeline, scoring.CHUNK)
    total = sum(seconds.values())
    print(f"{machine()}; {len(run.articles):,} articles, {words:,} words, one process")
    print(f"{'stage':28s} {'CPU s':>7s} {'words/s':>12s} {'share':>6s}")
    for stage, cpu in seconds.items():
        print(f"{stage:28s} {cpu:7.2f} {words / cpu:12,.0f} {cpu / total:6.1%}")
    print(f"{'all stages':28s} {total:7.2f} {words / total:12,.0f}   peak memory {peak_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
