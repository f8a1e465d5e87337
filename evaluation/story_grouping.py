"""Story grouping against hand-labelled events, with and without dates: adjusted Rand index (ARI).

    python evaluation/story_grouping.py [--folds 3]

The events are tests/fixtures/allsides_story_events.csv (article ids of
../shared/data/allsides-10k.jsonl.gz and the event each reports, labelled by
reading). The size-aware threshold's SLOPE and CEILING
(`framing.comparison.stories.story_threshold`) are chosen by cross-validation:
events are split into folds; on the other folds a grid of (slope, ceiling) is
scored by the mean ARI over corpora of several sizes (all their events, and
seeded samples of 5, 15 and 40 events), with dates and without; the best pair
is then measured on the held-out fold alone, which was never used to choose.
The last lines give the choice made on all folds (the shipped defaults) and
the fixed threshold 0.1 used before, for comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("FRAMING_SHARED_DATA", ROOT.parent / "shared" / "data")) / "allsides-10k.jsonl.gz"
EVENTS = ROOT / "tests" / "fixtures" / "allsides_story_events.csv"
SLOPES = (0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08)
CEILINGS = (0.18, 0.2, 0.22, 0.25, 0.28, 0.3)
SAMPLE_EVENTS = (5, 15, 40)
SAMPLES = 3
OLD_THRESHOLD = 0.1


def labelled_articles(data: Path = DATA, events: Path = EVENTS) -> pd.DataFrame:
    """The labelled articles (corpus columns plus `event`), in fixture order."""
    from framing.corpus.model import load_corpus

    labels = pd.read_csv(events, comment="#", dtype=str)
    articles = load_corpus(str(data), id_column="id").articles
    articles = articles[articles["doc_id"].isin(set(labels["id"]))]
    table = labels.merge(articles, left_on="id", right_on="doc_id", how="inner", validate="one_to_one")
    if len(table) != len(labels):
        raise SystemExit(f"{events.name}: {len(labels) - len(table)} ids are not in {data.name}")
    return table.drop(columns="id").reset_index(drop=True)


def event_folds(events: Sequence[str], folds: int) -> dict[str, int]:
    """Event -> fold, by a hash of the event label (stable, independent of file order)."""
    ranked = sorted(set(events), key=lambda e: hashlib.sha1(e.encode()).hexdigest())
    return {event: x % folds for x, event in enumerate(ranked)}


class Scorer:
    """ARI of story grouping on one corpus, computed once per (threshold, dates)."""

    def __init__(self, articles: pd.DataFrame) -> None:
        from framing.comparison.similarity import tfidf_matrix

        self.articles = articles.reset_index(drop=True)
        self.undated = self.articles.drop(columns="date")
        self.matrix, self.vocabulary = tfidf_matrix(self.articles["clean_text"])
        self.cache: dict[tuple[float, bool], float] = {}

    def ari(self, threshold: float, dates: bool) -> float:
        from sklearn.metrics import adjusted_rand_score

        from framing.comparison.stories import group_stories

        key = (round(threshold, 4), dates)
        if key not in self.cache:
            table = self.articles if dates else self.undated
            stories, _ = group_stories(table, threshold=threshold, matrix=self.matrix, vocabulary=self.vocabulary)
            self.cache[key] = float(adjusted_rand_score(self.articles["event"], stories.to_numpy()))
        return self.cache[key]

    def at(self, slope: float, ceiling: float, dates: bool) -> float:
        from framing.comparison.stories import story_threshold

        return self.ari(story_threshold(len(self.articles), slope=slope, ceiling=ceiling), dates)


def training_corpora(articles: pd.DataFrame, seed: int) -> list[Scorer]:
    """All the events given, and seeded samples of a few events each (small corpora matter too)."""
    rng = np.random.default_rng(seed)
    events = np.array(sorted(articles["event"].unique()))
    corpora = [Scorer(articles)]
    for size, _ in itertools.product(SAMPLE_EVENTS, range(SAMPLES)):
        if size < len(events):
            chosen = set(rng.choice(events, size, replace=False))
            corpora.append(Scorer(articles[articles["event"].isin(chosen)]))
    return corpora


def choose(corpora: list[Scorer]) -> tuple[float, float, float]:
    """(slope, ceiling, mean ARI) best over the grid; ties go to the smaller slope, then ceiling."""
    best = (SLOPES[0], CEILINGS[0], -2.0)
    for slope, ceiling in itertools.product(SLOPES, CEILINGS):
        score = float(np.mean([c.at(slope, ceiling, dates) for c in corpora for dates in (True, False)]))
        if score > best[2] + 1e-12:
            best = (slope, ceiling, score)
    return best


def folds_option(argv: Sequence[str] | None, doc: str | None) -> int | None:
    """The --folds of an evaluation's command line; None (said on stdout) when the data is absent."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--folds", type=int, default=3)
    folds: int = parser.parse_args(argv).folds
    if not DATA.is_file():
        print(f"{DATA} not found; nothing to measure")
        return None
    return folds


def main(argv: Sequence[str] | None = None) -> None:
    folds = folds_option(argv, __doc__)
    if folds is None:
        return
    from framing.comparison import stories

    articles = labelled_articles()
    fold_of = event_folds(articles["event"].tolist(), folds)
    fold = articles["event"].map(fold_of).to_numpy()
    print(
        f"{len(articles)} articles, {articles['event'].nunique()} events, {articles['outlet'].nunique()} outlets; "
        f"{folds} folds of events"
    )
    print("fold  slope  ceiling  articles  threshold  ARI dated  ARI undated  (old 0.1: dated  undated)")
    held: list[tuple[float, float]] = []
    for k in range(folds):
        slope, ceiling, _ = choose(training_corpora(articles[fold != k], seed=k))
        test = Scorer(articles[fold == k])
        scores = (test.at(slope, ceiling, True), test.at(slope, ceiling, False))
        held.append(scores)
        threshold = stories.story_threshold(len(test.articles), slope=slope, ceiling=ceiling)
        print(
            f"{k:4d}  {slope:5.2f}  {ceiling:7.2f}  {len(test.articles):8d}  {threshold:9.3f}  {scores[0]:9.3f}  "
            f"{scores[1]:11.3f}  ({test.ari(OLD_THRESHOLD, True):.3f}  {test.ari(OLD_THRESHOLD, False):.3f})"
        )
    dated, undated = np.mean(held, axis=0)
    print(f"held-out mean ARI: with dates {dated:.3f}, without dates {undated:.3f}")
    slope, ceiling, _ = choose(training_corpora(articles, seed=folds))
    shipped = (stories.SLOPE, stories.CEILING)
    whole = Scorer(articles)
    print(
        f"chosen on all folds: slope {slope}, ceiling {ceiling} (shipped: slope {shipped[0]}, ceiling {shipped[1]}"
        f"{'' if shipped == (slope, ceiling) else ' -- DIFFERS'})"
    )
    print(
        f"all {len(articles)} articles with the shipped defaults (in-sample, not an estimate): "
        f"dated {whole.at(*shipped, True):.3f}, undated {whole.at(*shipped, False):.3f}; "
        f"old threshold 0.1: dated {whole.ari(OLD_THRESHOLD, True):.3f}, undated {whole.ari(OLD_THRESHOLD, False):.3f}"
    )


if __name__ == "__main__":
    sys.exit(main())
