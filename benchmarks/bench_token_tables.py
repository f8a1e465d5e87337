"""Memory the sentiment token caches keep as a worker reads more and more articles: it must stay bounded.

    python benchmarks/bench_token_tables.py [--articles N] [--step K] [--baseline DIR]

VADER's and TextBlob's fast scorers cache the facts of every distinct
whitespace token they have seen (`framing.scoring.vader_tokens`,
`framing.scoring.textblob_fast`), so a worker scoring chunk after chunk keeps
what it learnt. This scores the sentences of the first N AllSides articles
with `framing.sentence_sentiment`, 100 articles at a time as a worker does,
and prints after every K articles the memory Python still holds once the
batch's own objects are gone (`tracemalloc`, after a garbage collection):
that is the caches. `--baseline DIR` first runs the same measurement on the
code in DIR (another checkout, e.g. the main branch) in a child process, so
before and after come from the same run.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import machine  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"
CHUNK = 100  # articles per scoring call, as `framing.scoring.pipeline.CHUNK`


def article_texts(data: Path, limit: int) -> list[str]:
    texts = []
    with gzip.open(data, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = (json.loads(line).get("text") or "").strip()
            if text:
                texts.append(text)
            if len(texts) >= limit:
                break
    return texts


def measure(texts: list[str], step: int) -> list[tuple[int, float, float]]:
    """(articles read, MiB held after them, CPU seconds of scoring so far) every `step` articles."""
    import framing

    framing.sentence_sentiment(["Warm up the lexicons."])  # lexicons and tables loaded before the baseline
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    rows, cpu = [], 0.0
    for first in range(0, len(texts), CHUNK):
        sentences = [t[s:e] for t in texts[first : first + CHUNK] for s, e in framing.sentence_spans(t)]
        began = time.process_time()
        framing.sentence_sentiment(sentences)
        cpu += time.process_time() - began
        del sentences
        read = min(first + CHUNK, len(texts))
        if read % step == 0 or read == len(texts):
            gc.collect()
            rows.append((read, (tracemalloc.get_traced_memory()[0] - start) / 2**20, cpu))
    tracemalloc.stop()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--step", type=int, default=500, help="print every K articles (a multiple of 100)")
    parser.add_argument("--data", default=str(DATA))
    parser.add_argument("--baseline", help="a checkout whose code is measured first, in a child process")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # the child's output
    args = parser.parse_args(argv)
    if args.baseline:
        child = [sys.executable, __file__, "--articles", str(args.articles), "--step", str(args.step)]
        env = {**os.environ, "PYTHONPATH": str(Path(args.baseline).resolve())}
        out = subprocess.run([*child, "--data", args.data, "--json"], env=env, capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(f"baseline run failed: {out.stderr.strip().splitlines()[-1:]}")
        before = json.loads(out.stdout)
    rows = measure(article_texts(Path(args.data), args.articles), args.step)
    if args.json:
        print(json.dumps(rows))
        return
    print(machine())
    print("MiB the token caches hold (tracemalloc, after gc) as articles are read; CPU s of scoring so far")
    header = f"{'articles':>8s} {'after MiB':>10s} {'CPU s':>7s}"
    print(f"{header} {'before MiB':>11s} {'CPU s':>7s}" if args.baseline else header)
    for k, (read, mib, cpu) in enumerate(rows):
        line = f"{read:8,d} {mib:10.1f} {cpu:7.2f}"
        print(f"{line} {before[k][1]:11.1f} {before[k][2]:7.2f}" if args.baseline else line)
    most = max(mib for _, mib, _ in rows)
    print(f"most held after any step: {most:.1f} MiB", end="")
    print(f" (before: {max(mib for _, mib, _ in before):.1f} MiB)" if args.baseline else "")


if __name__ == "__main__":
    main()
