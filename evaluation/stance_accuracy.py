"""Stance accuracy on NewsMTSC dev_rw.jsonl and dev_mt.jsonl against the human labels.

    python evaluation/stance_accuracy.py [--data DIR] [--speed N]

Prints macro-F1, per-class F1, accuracy and the confusion matrix for
(a) the whole-sentence VADER baseline (compound >= 0.05 positive, <= -0.05
negative, else neutral: every target in a sentence gets the same label) and
(b) `framing.target_stance`, whose weights were fitted on train.jsonl only.
Each line also gives the speed in targets/s and words/s (words of the
sentence scored for each target, so a sentence with two targets counts twice;
VADER, timed in the same run, is the baseline; CPU time, best of three).
The literature's reference point is about 0.83 macro-F1 (the best fine-tuned
transformer of Hamborg & Donnay 2021). With `--speed N` it also times
`score_stance` on the first N articles of allsides-10k.jsonl.gz with the
bundled targets (one process) and prints articles/s, mentions/s and peak memory.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path

from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from framing.scoring.stance.model import CLASSES, target_stance

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "newsmtsc"
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
FILES = ("dev_rw.jsonl", "dev_mt.jsonl")
REPEATS = 3


def load(path: Path):
    """[(sentence, start, end, gold label)] for every target in the file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for target in record["targets"]:
            rows.append((record["sentence_normalized"], target["from"], target["to"], POLARITY[target["polarity"]]))
    return rows


def vader_labels(rows):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    out = []
    for sentence, *_ in rows:
        compound = analyzer.polarity_scores(sentence)["compound"]
        out.append("positive" if compound >= 0.05 else "negative" if compound <= -0.05 else "neutral")
    return out


def stance_labels(rows):
    return [target_stance(sentence, start, end).label for sentence, start, end, _ in rows]


def metrics(gold, predicted) -> dict:
    per_class = f1_score(gold, predicted, labels=list(CLASSES), average=None)
    return {
        "macro_f1": float(f1_score(gold, predicted, labels=list(CLASSES), average="macro")),
        "accuracy": float(accuracy_score(gold, predicted)),
        "f1": dict(zip(CLASSES, (float(v) for v in per_class))),
        "confusion": confusion_matrix(gold, predicted, labels=list(CLASSES)).tolist(),
    }


def evaluate(path: Path) -> dict:
    rows = load(path)
    gold = [r[3] for r in rows]
    out = {}
    for name, method in (("VADER sentence baseline", vader_labels), ("framing.target_stance", stance_labels)):
        times = []
        for _ in range(REPEATS):  # CPU time, best of REPEATS: the machine is shared
            started = time.process_time()
            predicted = method(rows)
            times.append(time.process_time() - started)
        out[name] = {**metrics(gold, predicted), "seconds": min(times)}
    return {"targets": len(rows), "words": sum(len(r[0].split()) for r in rows), "methods": out}


def report(name: str, result: dict) -> str:
    lines = [f"## {name}: {result['targets']} targets"]
    for method, m in result["methods"].items():
        f1 = " ".join(f"{c}={m['f1'][c]:.3f}" for c in CLASSES)
        lines.append(
            f"{method:<26} macro-F1 {m['macro_f1']:.3f}  accuracy {m['accuracy']:.3f}  F1 {f1}"
            f"  ({m['seconds']:.2f} s, {result['targets'] / m['seconds']:.0f} targets/s,"
            f" {result['words'] / m['seconds']:,.0f} words/s)"
        )
        lines.append("    confusion (rows gold, columns predicted; neg/neu/pos): " + str(m["confusion"]))
    return "\n".join(lines)


def speed(path: Path, limit: int) -> str:
    import pandas as pd

    from framing.corpus.model import bundled_corpus_path
    from framing.scoring.stance.article import score_stance

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = [json.loads(line) for _, line in zip(range(limit), handle)]
    articles = pd.DataFrame(
        {"doc_id": [str(r["id"]) for r in records], "clean_text": [r["text"] or "" for r in records]}
    )
    words = int(articles["clean_text"].str.split().str.len().sum())
    targets = bundled_corpus_path("nato-eastern-flank-2022") / "targets.yaml"
    score_stance(articles.head(5), targets)  # load lexicons and weights outside the timing
    started = time.process_time()
    table, _ = score_stance(articles, targets)
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    mentions = int(table["mentions"].sum())
    return (
        f"score_stance: {len(articles)} articles, {words} words, {mentions} mentions in {seconds:.1f} s"
        f" ({len(articles) / seconds:.0f} articles/s, {words / seconds:,.0f} words/s, {mentions / seconds:.0f}"
        f" mentions/s, CPU time, one process); peak RSS {peak:.0f} MB"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with the NewsMTSC dev files")
    parser.add_argument(
        "--speed", type=int, default=0, metavar="N", help="also time score_stance on N allsides articles"
    )
    args = parser.parse_args(argv)
    missing = [f for f in FILES if not (args.data / f).is_file()]
    if missing:
        print(f"{args.data}: missing {', '.join(missing)}; pass --data", file=sys.stderr)
        return 2
    target_stance("Warm up the lexicons and weights.", 0, 4)  # loading is not timed
    for name in FILES:
        print(report(name, evaluate(args.data / name)))
    print("reference: best fine-tuned transformer in Hamborg & Donnay (2021) about 0.83 macro-F1")
    if args.speed:
        print(speed(args.data.parent / "allsides-10k.jsonl.gz", args.speed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
