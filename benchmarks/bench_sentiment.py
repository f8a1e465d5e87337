"""`framing.sentence_sentiment` against vaderSentiment + TextBlob called per sentence, same run, alternating.

Takes the first N sentences (`sentence_spans`) of the AllSides sample and, in
each of --rounds rounds, times the two packages one sentence at a time
(`polarity_scores(s)` and `TextBlob(s).sentiment`, what a researcher's loop
does) and then `sentence_sentiment` on the whole list. Times are CPU seconds
of this process (`time.process_time`: the per-core rate, which other jobs on
a shared machine distort far less than the wall clock); the best round of
each is reported, and their ratio. "Words" are whitespace tokens. Also prints
the first (cold) call of `sentence_sentiment` in a process whose caches are
empty, the sentences whose numbers differ (must be 0) and the peak memory.

    python benchmarks/bench_sentiment.py [--sentences N] [--rounds R] [--data PATH]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from _timing import machine, peak_mib, timed
from bench_vader import DATA, allsides_sentences


def cpu(func: Callable[[], Any]) -> tuple[float, Any]:
    """CPU seconds of one call, and its result."""
    result, seconds, _ = timed(func)
    return seconds, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()

    sentences = allsides_sentences(args.data, args.sentences)
    words = sum(len(s.split()) for s in sentences)

    import framing

    cold_s, _ = cpu(lambda: framing.sentence_sentiment(sentences))
    import_s, _ = cpu(lambda: __import__("textblob"))
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()

    def packages() -> np.ndarray:
        rows = []
        for s in sentences:
            v, blob = analyzer.polarity_scores(s), TextBlob(s).sentiment
            rows.append((v["compound"], v["pos"], v["neg"], v["neu"], blob.polarity, blob.subjectivity))
        return np.array(rows, dtype=float).reshape(-1, 6)

    slow, fast = [], []
    for _ in range(args.rounds):
        seconds, want = cpu(packages)
        slow.append(seconds)
        seconds, got = cpu(lambda: framing.sentence_sentiment(sentences))
        fast.append(seconds)
    differ = int((np.abs(got.to_numpy() - want) > 1e-9).any(axis=1).sum())
    print(machine())
    print(f"{len(sentences):,} sentences, {words:,} words; sentences that differ (> 1e-9): {differ}")
    print(
        f"{'vaderSentiment + TextBlob, per sentence':42s} {min(slow):8.3f} s CPU  {words / min(slow):12,.0f} words/s"
        f"  (rounds: {', '.join(f'{s:.2f}' for s in slow)}; importing textblob: {import_s:.2f} s more)"
    )
    print(
        f"{'framing.sentence_sentiment, warm':42s} {min(fast):8.3f} s CPU  {words / min(fast):12,.0f} words/s"
        f"  (rounds: {', '.join(f'{s:.3f}' for s in fast)})"
    )
    print(f"{'framing.sentence_sentiment, cold (1st call)':42s} {cold_s:8.3f} s CPU  {words / cold_s:12,.0f} words/s")
    print(f"ratio: {min(slow) / min(fast):.1f}x warm, {min(slow) / cold_s:.1f}x cold (best round against best round)")
    print(f"peak memory: {peak_mib():,.0f} MiB (ru_maxrss)")


if __name__ == "__main__":
    main()
