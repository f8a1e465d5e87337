"""TextBlob sentiment speed: `textblob_scores` on a batch vs `TextBlob(s).sentiment` per sentence, same run.

Sentences are `sentence_spans` over AllSides article texts; "words" are
whitespace-separated tokens (``len(s.split())``). Rates are CPU words/s
(``time.process_time``: per core, not distorted by other jobs on a shared
machine). textblob_scores is timed cold (first call of the process: lexicon
parse, caches empty) and warm (best of ``--repeat`` calls on the same
sentences); TextBlob runs once over the first ``--oracle`` sentences, after
its import (timed separately). Also prints how many of those sentences differ.

    python benchmarks/bench_textblob.py [--limit N] [--oracle K] [--repeat R] [--data PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from pathlib import Path

from _timing import timed

from framing.scoring.textblob_fast import textblob_scores
from framing.text.tokenize import sentence_spans

DATA = Path(os.environ.get("FRAMING_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))


def load_sentences(path: Path, limit: int) -> list[str]:
    """Sentences of the first ``limit`` articles."""
    out: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for k, line in enumerate(handle):
            if k >= limit:
                break
            text = json.loads(line).get("text") or ""
            out.extend(text[a:b] for a, b in sentence_spans(text))
    return out


def cpu(func, *args) -> tuple[float, object]:
    """CPU seconds of one call and its result."""
    result, seconds, _ = timed(func, *args)
    return seconds, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="articles to read (default 1000)")
    parser.add_argument("--oracle", type=int, default=10_000, help="sentences TextBlob scores (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="warm calls of textblob_scores (default 3)")
    parser.add_argument("--data", type=Path, default=DATA / "allsides-10k.jsonl.gz")
    args = parser.parse_args()

    sentences = load_sentences(args.data, args.limit)
    words = sum(len(s.split()) for s in sentences)
    cold, frame = cpu(textblob_scores, sentences)
    warm = min(cpu(textblob_scores, sentences)[0] for _ in range(args.repeat))

    wall = time.perf_counter()
    from textblob import TextBlob

    import_seconds = time.perf_counter() - wall
    sample = sentences[: args.oracle]
    sample_words = sum(len(s.split()) for s in sample)
    oracle_seconds, expected = cpu(lambda: [TextBlob(s).sentiment for s in sample])
    differ = sum(
        abs(p - e.polarity) > 1e-9 or abs(q - e.subjectivity) > 1e-9
        for (p, q), e in zip(frame.itertuples(index=False), expected)
    )

    fast_rate, cold_rate, oracle_rate = words / warm, words / cold, sample_words / oracle_seconds
    print(f"sentences {len(sentences):,}  words {words:,}")
    print(f"textblob_scores warm  {warm:8.3f} s CPU  {fast_rate:12,.0f} words/s")
    print(f"textblob_scores cold  {cold:8.3f} s CPU  {cold_rate:12,.0f} words/s  (includes lexicon and caches)")
    print(
        f"TextBlob per sentence {oracle_seconds:8.3f} s CPU  {oracle_rate:12,.0f} words/s  "
        f"({len(sample):,} sentences, {sample_words:,} words; import textblob {import_seconds:.2f} s wall)"
    )
    print(f"ratio warm/TextBlob {fast_rate / oracle_rate:.1f}x   cold/TextBlob {cold_rate / oracle_rate:.1f}x")
    print(f"sentences that differ from TextBlob: {differ} of {len(sample):,}")


if __name__ == "__main__":
    main()
