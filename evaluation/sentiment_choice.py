"""Which sentence sentiment should be the headline `sentiment` column?

Measures VADER (compound), TextBlob (pattern polarity) and their mean against
NewsMTSC sentence labels (../shared/data/newsmtsc/train.jsonl). NewsMTSC labels
the sentiment toward each target in a sentence; we keep the sentences whose
targets all carry the same polarity and use that as the sentence's label
(2 = negative, 4 = neutral, 6 = positive). A score maps to a label with a
neutral band of +-threshold; we report macro-F1 at VADER's standard 0.05 and,
for fairness to methods on other scales, at the best threshold found on the
first half of the sentences, evaluated on the second half.

    python evaluation/sentiment_choice.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

from framing.scoring.sentences import analyse_sentences
from framing.scoring.sentiment import headline

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "newsmtsc" / "train.jsonl"
LABELS = {2.0: -1, 4.0: 0, 6.0: 1}
THRESHOLDS = np.round(np.arange(0.0, 0.51, 0.025), 3)


def agreed_sentences(path: Path, limit: int | None):
    """(sentence, label) for sentences whose targets all agree."""
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            polarities = {t["polarity"] for t in row["targets"]}
            if len(polarities) == 1:
                out.append((row["sentence_normalized"], LABELS[polarities.pop()]))
            if limit and len(out) >= limit:
                break
    return out


def to_labels(scores: np.ndarray, threshold: float) -> np.ndarray:
    return np.where(scores >= threshold, 1, np.where(scores <= -threshold, -1, 0))


def macro_f1(gold, scores, threshold) -> float:
    return f1_score(gold, to_labels(scores, threshold), average="macro", labels=[-1, 0, 1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="use only the first N agreeing sentences")
    args = parser.parse_args(argv)
    data = agreed_sentences(DATA, args.limit)
    gold = np.array([label for _, label in data])
    started = time.perf_counter()
    scores = analyse_sentences([s for s, _ in data], emoji=False).scores  # as the scorer reads them
    vader = scores["vader.compound"].to_numpy()
    textblob = scores["textblob.polarity"].to_numpy()
    seconds = time.perf_counter() - started
    methods = {
        "vader (headline)": headline(vader, textblob),
        "textblob": textblob,
        "mean(vader, textblob)": (vader + textblob) / 2,
    }
    half = len(gold) // 2
    print(
        f"NewsMTSC train.jsonl, sentences whose targets agree: {len(gold)} "
        f"(neg {np.sum(gold == -1)}, neu {np.sum(gold == 0)}, pos {np.sum(gold == 1)}); scored in {seconds:.1f} s"
    )
    print(f"{'method':24s} {'F1@0.05':>8s} {'best t (1st half)':>18s} {'F1 2nd half':>12s}")
    for name, scores in methods.items():
        best = max(THRESHOLDS, key=lambda t: macro_f1(gold[:half], scores[:half], t))
        print(
            f"{name:24s} {macro_f1(gold, scores, 0.05):8.3f} {best:18.3f} "
            f"{macro_f1(gold[half:], scores[half:], best):12.3f}"
        )


if __name__ == "__main__":
    main()
