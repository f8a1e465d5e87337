"""VADER speed: `framing.scoring.vader_fast.vader_scores` against the package, same run, same sentences.

Takes the first N sentences (`sentence_spans`) of the AllSides sample, scores
them with vaderSentiment's `polarity_scores` one sentence at a time and with
`vader_scores` on the whole list, checks that the numbers agree, and prints
words/s for both ("words" = whitespace tokens) and their ratio. Times are CPU
seconds (`time.process_time`, the per-core rate, which other jobs on a shared
machine do not distort), best of --repeat passes. The fast path is timed cold
(a fresh token table, as a new process sees it) and warm (tokens seen before).

    python benchmarks/bench_vader.py [--sentences N] [--repeat K] [--data PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from _timing import timed
from bench_tokenize import DATA, load_texts
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.scoring import vader_fast, vader_tokens
from framing.text.tokenize import sentence_spans


def allsides_sentences(path: Path, n: int) -> list[str]:
    """The first n sentences of the sample, article by article."""
    sentences: list[str] = []
    for text in load_texts(path, None):
        sentences += [text[a:b] for a, b in sentence_spans(text)]
        if len(sentences) >= n:
            break
    return sentences[:n]


def best(func, repeat: int, before=lambda: None) -> tuple[float, object]:
    """Least CPU seconds of `repeat` calls of func (after `before`, untimed), and its last result."""
    seconds, result = float("inf"), None
    for _ in range(repeat):
        before()
        result, cpu, _ = timed(func)
        seconds = min(seconds, cpu)
    return seconds, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()

    sentences = allsides_sentences(args.data, args.sentences)
    words = sum(len(s.split()) for s in sentences)
    analyzer = SentimentIntensityAnalyzer()
    package_s, expected = best(lambda: [analyzer.polarity_scores(s) for s in sentences], args.repeat)
    cold_s, _ = best(lambda: vader_fast.vader_scores(sentences), args.repeat, vader_tokens.token_table.cache_clear)
    warm_s, got = best(lambda: vader_fast.vader_scores(sentences), args.repeat)

    want = np.array([[e[c.split(".")[1]] for c in vader_fast.COLUMNS] for e in expected])
    differences = int((np.abs(got.to_numpy() - want) > 1e-9).any(axis=1).sum())
    print(f"{len(sentences):,} sentences, {words:,} words; sentences that differ: {differences}")
    for name, seconds in (
        ("vaderSentiment, per sentence", package_s),
        ("vader_scores, cold", cold_s),
        ("vader_scores, warm", warm_s),
    ):
        print(f"{name:30s} {seconds:7.3f} s CPU  {words / seconds:12,.0f} words/s  x{package_s / seconds:5.1f}")


if __name__ == "__main__":
    main()
