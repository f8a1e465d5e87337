"""Words/s of each stage of `framing score`, one process, on real news (AllSides sample).

    python benchmarks/bench_stages.py [--limit N] [--no-evidence] [--baseline CHECKOUT] [--rounds R]

Runs the scoring pipeline's own stages on chunks of `framing.scoring.pipeline.CHUNK`
articles, as a worker does: the shared tokenization (word spans and ids), the
sentence split, then every scorer of the registry in execution order. Prints
CPU seconds (`time.process_time`, per core: what other jobs on the shared
machine do not distort), words per CPU-second and the share of the total per
stage, so the slowest stage is the one to work on next.

`--baseline CHECKOUT` (another checkout of framing, e.g. the main branch)
times the same stages of that code and of this one in child processes,
alternating, `--rounds` times each, and prints both figures per stage with
their ratio (best round of each): a speed-up measured in one run on the
same loaded machine. The garbage collector runs as in `framing score`, so
its cost falls on whichever stage happens to trigger it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
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
    parser.add_argument("--baseline", help="another framing checkout to time in the same run (prints ratios)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds with --baseline (default 2)")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # one child's figures
    args = parser.parse_args(argv)
    if args.baseline:
        versus(args, Path(args.baseline).resolve())
        return

    from framing.corpus.model import load_corpus
    from framing.scoring import pipeline as scoring

    corpus = load_corpus(args.data, id_column="id")
    if args.limit:
        corpus = corpus.filter(mask=[i < args.limit for i in range(len(corpus))])
    run = scoring._prepare(corpus, None, None, not args.no_evidence)
    seconds, words = stage_seconds(run.articles, run.pipeline, scoring.CHUNK)
    total = sum(seconds.values())
    if args.json:
        print(json.dumps({"words": words, "seconds": seconds, "articles": len(run.articles)}))
        return
    print(f"{machine()}; {len(run.articles):,} articles, {words:,} words, one process")
    print(f"{'stage':28s} {'CPU s':>7s} {'words/s':>12s} {'share':>6s}")
    for stage, cpu in seconds.items():
        print(f"{stage:28s} {cpu:7.2f} {words / cpu:12,.0f} {cpu / total:6.1%}")
    print(f"{'all stages':28s} {total:7.2f} {words / total:12,.0f}   peak memory {peak_mib():,.0f} MiB")


def versus(args: argparse.Namespace, baseline: Path) -> None:
    """Each stage's words/s for the baseline checkout and this one, alternating child processes."""
    here = Path(__file__).resolve().parents[1]
    command = [sys.executable, str(Path(__file__).resolve()), "--json", "--limit", str(args.limit), "--data", args.data]
    if args.no_evidence:
        command.append("--no-evidence")
    best: dict[str, dict[str, float]] = {"baseline": {}, "this": {}}
    words = articles = 0
    for _ in range(max(args.rounds, 1)):
        for label, checkout in (("baseline", baseline), ("this", here)):
            env = {**os.environ, "PYTHONPATH": str(checkout)}
            done = subprocess.run(command, env=env, cwd=checkout, capture_output=True, text=True, check=True)
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            words, articles = figures["words"], figures["articles"]
            seconds = {**figures["seconds"], "all stages": sum(figures["seconds"].values())}
            for stage, cpu in seconds.items():
                best[label][stage] = min(best[label].get(stage, float("inf")), cpu)
    print(f"{machine()}; {articles:,} articles, {words:,} words, one process each, best of {args.rounds} rounds")
    print(f"baseline: {baseline}")
    print(f"{'stage':28s} {'baseline words/s':>17s} {'this words/s':>13s} {'ratio':>6s}")
    for stage, cpu in best["this"].items():
        before = best["baseline"].get(stage)
        if before is None:
            print(f"{stage:28s} {'-':>17s} {words / cpu:13,.0f}")
            continue
        print(f"{stage:28s} {words / before:17,.0f} {words / cpu:13,.0f} {before / cpu:5.2f}x")


if __name__ == "__main__":
    main()
