"""How well story grouping holds together on real news: group a sample and print what came out.

    python evaluation/stories.py [--limit 2000] [--show 12] [--threshold T]  (default: the size-aware threshold)

Prints the number of stories, the distribution of their sizes, the largest
stories with their labels, date spans and a few headlines, and a random
sample of two-article stories (seeded), so a reader can judge by eye whether
the groups are one event each. AllSides' own topic tags are printed beside
each story as a rough cross-check (they are coarse: one event can carry
"politics" and "elections").
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "allsides-10k.jsonl.gz"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--show", type=int, default=12)
    parser.add_argument("--threshold", type=float, default=None)
    args = parser.parse_args(argv)
    if not DATA.is_file():
        print(f"{DATA} not found; nothing to measure")
        return
    from framing.comparison.stories import group_stories, story_threshold
    from framing.corpus.model import load_corpus

    articles = load_corpus(str(DATA), id_column="id").articles.head(args.limit)
    threshold = story_threshold(len(articles)) if args.threshold is None else args.threshold
    start = time.perf_counter()
    stories, labels = group_stories(articles, threshold=threshold)
    seconds = time.perf_counter() - start
    sizes = labels["articles"].to_numpy()
    print(f"{len(articles):,} articles -> {len(labels):,} stories in {seconds:.1f} s (threshold {threshold})")
    print(
        f"singletons {int((sizes == 1).sum()):,}; stories of 2+ articles {int((sizes > 1).sum()):,} "
        f"holding {int(sizes[sizes > 1].sum()):,} articles; with 2+ outlets {int((labels['outlets'] > 1).sum()):,}"
    )
    print("size histogram: " + ", ".join(f"{s}: {int((sizes == s).sum())}" for s in np.unique(sizes)))
    frame = articles.assign(story=stories.to_numpy())
    print("\nlargest stories:")
    for row in labels.sort_values(["articles", "story"], ascending=[False, True]).head(args.show).itertuples():
        show_story(row, frame)
    pairs = labels[labels["articles"] == 2].sample(n=min(args.show, int((sizes == 2).sum())), random_state=1)
    print("\nrandom two-article stories:")
    for row in pairs.itertuples():
        show_story(row, frame)


def show_story(row, frame):
    members = frame[frame["story"] == row.story]
    topics = ", ".join(sorted(members["topic"].dropna().astype(str).unique())) if "topic" in members else ""
    span = f"{_day(row.start)} .. {_day(row.end)}"
    print(
        f"- story {row.story}: {row.articles} articles, {row.outlets} outlets, {span}; [{row.label}]; topics: {topics}"
    )
    for title in members["title"].head(3):
        print(f"    {str(title)[:110]}")


def _day(value) -> str:
    return "?" if value is None or str(value) == "NaT" else str(value)[:10]


if __name__ == "__main__":
    main()
