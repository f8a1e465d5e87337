"""Precision and recall of "same fact" alignment on the hand-labelled NATO pairs, per threshold.

    python evaluation/align_threshold.py

A second check beside evaluation/same_fact.py, which chooses the defaults on
the judged AllSides pairs: these five articles are too few to choose on.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from alignment_gold import gold_pairs, precision_recall

from framing.comparison.align import THRESHOLD, align_facts, sentences
from framing.corpus.model import load_corpus


def main():
    articles = load_corpus("nato-eastern-flank-2022").articles
    gold = gold_pairs(sentences(articles))
    print(f"{len(gold['sure'])} sure pairs, {len(gold['possible'])} possible pairs")
    print("threshold  pairs  precision  recall")
    for step in range(10, 55, 5):
        threshold = step / 100
        facts, _ = align_facts(articles, threshold=threshold)
        precision, recall, found = precision_recall(facts, gold)
        mark = "  <- default" if abs(threshold - THRESHOLD) < 1e-9 else ""
        print(f"{threshold:9.2f}  {found:5d}  {precision:9.2f}  {recall:6.2f}{mark}")


if __name__ == "__main__":
    main()
