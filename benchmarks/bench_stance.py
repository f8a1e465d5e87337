"""Stance stage speed: `score_stance` of this tree against another checkout (the baseline), same run.

Scores the first N AllSides articles against the bundled NATO corpus' targets
with this tree's code and weights and, in a child process with
`PYTHONPATH=BASELINE`, with the baseline's (e.g. the main checkout before a
change). Runs alternate (this, baseline, this, ...) so both see the same
machine load; each prints its best CPU seconds of --repeat passes and the
script prints the ratio (the issue's budget: at most 1.5x the baseline).

    python benchmarks/bench_stance.py [--articles N] [--repeat K] [--data PATH] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from bench_tokenize import DATA, load_texts

ROOT = Path(__file__).resolve().parents[1]


def cpu_seconds(data: Path, articles: int, repeat: int) -> tuple[float, int, int]:
    """(best CPU seconds of score_stance, words, mentions) in this process, loading outside the timing."""
    import pandas as pd
    from _timing import timed

    from framing.corpus.model import bundled_corpus_path
    from framing.scoring.stance.article import score_stance

    texts = load_texts(data, articles)
    table = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "clean_text": texts})
    targets = bundled_corpus_path("nato-eastern-flank-2022") / "targets.yaml"
    score_stance(table.head(5), targets)
    (scores, _), cpu, _ = timed(score_stance, table, targets, repeat=repeat)
    return cpu, int(table["clean_text"].str.split().str.len().sum()), int(scores["mentions"].sum())


def child(code: Path, data: Path, articles: int, repeat: int) -> float:
    """CPU seconds of the same measurement with the code at `code`."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    args = [sys.executable, __file__, "--worker", "--data", str(data), "--articles", str(articles)]
    out = subprocess.run([*args, "--repeat", str(repeat)], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2, help="alternating rounds of this tree and the baseline")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--baseline", type=Path, help="checkout to compare with (its folder holding framing/)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"{args.data}: no such file; pass --data allsides-10k.jsonl.gz", file=sys.stderr)
        return 2
    if args.worker:
        print(*cpu_seconds(args.data, args.articles, args.repeat))
        return 0
    mine, base = [], []
    for _ in range(args.rounds):
        mine.append(child(ROOT, args.data, args.articles, args.repeat))
        if args.baseline:
            base.append(child(args.baseline, args.data, args.articles, args.repeat))
    _, words, mentions = cpu_seconds(args.data, args.articles, 1)
    print(f"{args.articles} articles, {words:,} words, {mentions:,} mentions; CPU seconds, best of {args.repeat}")
    print(f"this tree  {min(mine):7.3f} s  {words / min(mine):10,.0f} words/s")
    if base:
        print(f"baseline   {min(base):7.3f} s  {words / min(base):10,.0f} words/s  ({args.baseline})")
        print(f"ratio this / baseline: {min(mine) / min(base):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
