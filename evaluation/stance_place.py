"""Are the mentions the place rule matches really stance-free? Measured on NewsMTSC train only.

    python evaluation/stance_place.py [--train PATH] [--sample N] [--allsides PATH]

Prints how many NewsMTSC training targets framing/scoring/stance_place.py
calls a place, and the human labels of those targets against the labels of
all targets (if place mentions carry no stance, they should be mostly
neutral). With `--sample N` it also prints N seeded examples of each, and of
place mentions of the bundled corpus's targets in the AllSides articles, for
reading by hand; and on the first 600 AllSides articles, how many article
scores the rule moves and by how much. The dev files are not read.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from framing.scoring.stance import model as stance
from framing.scoring.stance.place import is_place

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import fit_stance  # noqa: E402  (tools/ is a folder of scripts, not a package)

ALLSIDES = fit_stance.REPO.parent / "shared" / "data" / "allsides-10k.jsonl.gz"
TARGETS = fit_stance.REPO / "corpora" / "nato-eastern-flank-2022" / "targets.yaml"


def shares(labels) -> str:
    counts = Counter(stance.CLASSES[label] for label in labels)
    total = max(1, sum(counts.values()))
    return ", ".join(f"{c} {counts[c]} ({counts[c] / total:.0%})" for c in stance.CLASSES)


def context(text: str, start: int, end: int, width: int = 70) -> str:
    return (text[max(0, start - width) : start] + "[" + text[start:end] + "]" + text[end : end + width]).replace(
        "\n", " "
    )


def allsides_articles(path: Path, limit: int = 600):
    """The first `limit` AllSides articles, cleaned as `framing score` cleans them."""
    import framing

    return framing.load_corpus(path, id_column="id").articles.head(limit)


def allsides(path: Path, sample: int, rng) -> None:
    """How much the place rule moves article stance on real news, and a sample of its place mentions."""
    import numpy as np

    from framing.scoring.stance.article import score_stance

    articles = allsides_articles(path)
    on, evidence = score_stance(articles, TARGETS)
    off, _ = score_stance(articles, TARGETS, places=False)
    both = on.merge(off, on=["doc_id", "target"], suffixes=("", "_off"))
    both = both[both["mentions"] > 0]
    moved = (both["score"] - both["score_off"]).abs()
    places = evidence[evidence["kind"] == "place"]
    named = int((evidence["kind"].isin(["place", "mention"])).sum())
    only = int(((both["score"] == 0) & (both["score_off"] != 0)).sum())
    print(
        f"AllSides, first {len(articles)} articles, bundled targets: {len(places)} of {named} mentions are places "
        f"({dict(sorted(places['target'].value_counts().items()))})"
    )
    print(
        f"  {int((moved > 1e-9).sum())} of {len(both)} article scores move, mean |change| {moved.mean():.3f}, "
        f"correlation with the rule off {np.corrcoef(both['score'], both['score_off'])[0, 1]:.3f}; "
        f"{only} name the actor only as a place"
    )
    text = dict(zip(articles["doc_id"], articles["clean_text"]))
    for row in places.sample(n=min(sample, len(places)), random_state=rng.randrange(2**31)).itertuples():
        print(f"  {row.target:14} {context(text[row.doc_id], int(row.start), int(row.end))}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", default=fit_stance.TRAIN, type=Path)
    parser.add_argument("--allsides", default=ALLSIDES, type=Path)
    parser.add_argument("--sample", default=0, type=int, help="print this many seeded examples of each kind")
    args = parser.parse_args(argv)
    rows = fit_stance.load_rows(args.train)
    place = [r for r in rows if is_place(r[0].norms, r[1], r[2])]
    print(f"NewsMTSC train: the place rule matches {len(place)} of {len(rows)} targets")
    print(f"  labels of place targets: {shares(r[3] for r in place)}")
    print(f"  labels of all targets:   {shares(r[3] for r in rows)}")
    rng = random.Random(20221116)
    if args.sample:
        for sent, a, b, label, _ in rng.sample(place, min(args.sample, len(place))):
            print(f"  {stance.CLASSES[label]:8} {context(sent.text, int(sent.starts[a]), int(sent.ends[b - 1]))}")
    if args.allsides.exists():
        allsides(args.allsides, args.sample, rng)
    return 0


if __name__ == "__main__":
    sys.exit(main())
