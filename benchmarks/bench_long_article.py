"""Scoring time of ONE long article as it doubles in size: the cost must stay linear in the text.

    python benchmarks/bench_long_article.py [--sizes 1 2 4 8] [--evidence] [--one-paragraph]

Each article is built from consecutive AllSides articles joined by blank
lines (so it has the paragraphs, quotations and speakers of real news, and
more of them as it grows, as a long report would) until it reaches the size
in MB; `--one-paragraph` joins them with spaces instead (no line break at
all: the hardest case for anything that looks for a paragraph's ends). It is scored with `framing.score` in this process (one job). Prints
MB, words, CPU seconds, microseconds per word and the ratio of each size's
time to the previous one's: 2.0 per doubling is linear; the per-word time
should stay flat. Then the peak memory (ru_maxrss, which only grows, so it is
the largest size's run) as a ratio to that article's UTF-8 size, with the
resident set before scoring (interpreter, pandas, lexicons are not the text's
cost) taken off: the target is 10x.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import Stopwatch, machine, peak_mib  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"


def long_article(data: Path, megabytes: float, joiner: str = "\n\n") -> str:
    """Consecutive articles of `data`, joined by `joiner` (blank lines), up to `megabytes` MB of UTF-8."""
    want, parts, size = int(megabytes * 2**20), [], 0
    with gzip.open(data, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = (json.loads(line).get("text") or "").strip()
            if not text:
                continue
            parts.append(" ".join(text.split()) if joiner == " " else text)
            size += len(parts[-1].encode("utf-8")) + len(joiner)
            if size >= want:
                return joiner.join(parts)
    raise SystemExit(f"{data} holds fewer than {megabytes} MB of text")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 8], help="article sizes in MB")
    parser.add_argument("--data", default=str(DATA), help="source articles (default: allsides-10k.jsonl.gz)")
    parser.add_argument("--evidence", action="store_true", help="also build the evidence tables")
    parser.add_argument("--one-paragraph", action="store_true", help="join the articles with spaces: no line break")
    args = parser.parse_args(argv)

    import pandas as pd

    import framing

    print(machine())
    print(f"{'MB':>5s} {'words':>10s} {'CPU s':>8s} {'wall s':>8s} {'µs/word':>8s} {'ratio':>6s}")
    previous, largest, before = None, 0, peak_mib()
    for megabytes in args.sizes:
        text = long_article(Path(args.data), megabytes, " " if args.one_paragraph else "\n\n")
        articles = pd.DataFrame({"doc_id": ["long"], "outlet": ["bench"], "text": [text]})
        largest = max(largest, len(text.encode("utf-8")))
        with Stopwatch() as watch:
            scores = framing.score(articles, n_jobs=1, evidence=args.evidence)
        words = int(scores.table["words"].iloc[0])
        ratio = f"{watch.cpu / previous:6.2f}" if previous else "     -"
        print(
            f"{megabytes:5g} {words:10,d} {watch.cpu:8.1f} {watch.wall:8.1f} {watch.cpu / words * 1e6:8.2f} {ratio}",
            flush=True,
        )
        previous = watch.cpu
    peak, text_mib = peak_mib(), largest / 2**20
    print(
        f"peak memory {peak:,.0f} MiB (ru_maxrss; the largest article's run), {before:,.0f} MiB before any article: "
        f"{(peak - before) / text_mib:.1f}x the {text_mib:,.1f} MiB text ({peak / text_mib:.1f}x counting everything)"
    )


if __name__ == "__main__":
    main()
