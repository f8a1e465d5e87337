"""Tokenizer speed on the AllSides sample: words/s for word and sentence spans.

"Words" are whitespace-separated tokens (``len(text.split())``), so figures
compare across tokenizers. Runs in one process on one core; prints, for
word_spans, sentence_spans and tokenize (Token tuples with normal forms), CPU
seconds (``time.process_time``: the per-core rate, which other jobs on a
shared machine do not distort), wall seconds, words/s, and the peak resident
memory of the process (``resource.getrusage``).

    python benchmarks/bench_tokenize.py [--limit N] [--repeat K]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from _timing import peak_mib
from _timing import timed as best_of

from framing.text.tokenize import sentence_spans, tokenize, word_spans

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides-10k.jsonl.gz"


def load_texts(path: Path, limit: int | None) -> list[str]:
    """Article texts from the JSONL.gz file, at most ``limit`` of them."""
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line).get("text") or "")
            if limit and len(texts) >= limit:
                break
    return texts


def timed(func, texts: list[str], repeat: int) -> tuple[float, float, int]:
    """Best CPU and wall seconds of ``repeat`` passes of ``func`` over all texts, and the span count."""
    count, cpu, wall = best_of(lambda: sum(len(func(text)) for text in texts), repeat=repeat)
    return cpu, wall, count


def data_arguments(description: str) -> argparse.ArgumentParser:
    """A parser with --data and --limit, for every benchmark on the AllSides sample."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="read at most N articles")
    return parser


def read_texts(args: argparse.Namespace) -> list[str]:
    """The texts that --data/--limit name; one line on stderr and exit code 2 when missing."""
    if not args.data.is_file():
        print(f"{args.data}: not found; put the shared data beside the checkout", file=sys.stderr)
        raise SystemExit(2)
    return load_texts(args.data, args.limit)


def main(argv=None) -> int:
    parser = data_arguments(__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="passes; the best is reported")
    args = parser.parse_args(argv)
    texts = read_texts(args)
    words = sum(len(text.split()) for text in texts)
    print(f"articles {len(texts):,}  words (whitespace-separated) {words:,}")
    for name, func, target in (
        ("word_spans", word_spans, 1_000_000),
        ("sentence_spans", sentence_spans, 300_000),
        ("tokenize", tokenize, None),
    ):
        cpu, wall, spans = timed(func, texts, args.repeat)
        rate = words / cpu
        verdict = (
            "no target" if target is None else f"target {target:,}: " + ("ok" if rate >= target else "BELOW TARGET")
        )
        print(
            f"{name:15s} {spans:>11,} spans  {cpu:7.2f} s CPU  {wall:7.2f} s wall  "
            f"{rate:>11,.0f} words/s per core (wall {words / wall:,.0f}; {verdict})"
        )
    print(f"peak memory {peak_mib():,.0f} MiB (ru_maxrss, includes the loaded texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
