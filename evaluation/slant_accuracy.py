"""Sentence slant against BABE's expert labels, leave one topic out, beside the baselines in the same run.

    python evaluation/slant_accuracy.py [--data PATH] [--nested]

For each of the eight topics of babe-sg2-dev.csv, every method is fitted on
the other seven and judged on it; the held-out predictions of all topics are
pooled into one macro-F1 (and shown per topic). Word F1 compares the words a
method lists with the words annotators marked (`biased_words`), over every
word of every sentence.

Methods: the shipped slant model's settings (read from the weights file and
refitted per fold: the same settings were chosen by this same
leave-one-topic-out score, so with `--nested` the choice itself is also made
inside each fold, on the seven training topics only, which is the honest
figure); the TF-IDF bigram logistic regression baseline (plain, and with
balanced class weights); flagging a sentence with any evaluative
loaded-language cue; VADER |compound| > 0.5.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

from framing.scoring.slant import fitting
from framing.scoring.slant.model import SentenceSlant
from framing.scoring.slant.scorer import SlantScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "babe" / "babe-sg2-dev.csv"
WEIGHTS = Path(__file__).resolve().parents[1] / "framing" / "scoring" / "slant" / "data" / "slant_weights.json"


def _topics(data: fitting.Labelled) -> list[str]:
    return sorted(set(data.topics.tolist()))


def _scores(data: fitting.Labelled, flags: np.ndarray) -> tuple[float, list[float]]:
    pooled = float(f1_score(data.labels, flags, average="macro"))
    per_topic = [float(f1_score(data.labels[data.topics == t], flags[data.topics == t], average="macro"))
                 for t in _topics(data)]
    return pooled, per_topic


def tfidf_baseline(data: fitting.Labelled, class_weight: str | None) -> np.ndarray:
    """TF-IDF over word unigrams and bigrams, logistic regression; vectorizer fitted on the training topics."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    flags = np.zeros(len(data.texts), dtype=int)
    for topic in _topics(data):
        test = data.topics == topic
        train_texts = [t for t, keep in zip(data.texts, ~test) if keep]
        vectorizer = TfidfVectorizer(ngram_range=(1, 2))
        model = LogisticRegression(max_iter=2000, class_weight=class_weight)
        model.fit(vectorizer.fit_transform(train_texts), data.labels[~test])
        flags[test] = model.predict(vectorizer.transform([t for t, keep in zip(data.texts, test) if keep]))
    return flags


def cue_baseline(data: fitting.Labelled) -> np.ndarray:
    """1 when a sentence has any evaluative loaded-language cue (the classes `loaded` counts)."""
    from framing.lexicons.match import match
    from framing.lexicons.model import load_lexicon
    from framing.scoring.loaded import LOADING_CLASSES

    hits = match(load_lexicon("loaded-language"), data.texts, list(range(len(data.texts))))
    flagged = set(hits.loc[hits["category"].isin(LOADING_CLASSES), "doc_id"].astype(int))
    return np.array([int(i in flagged) for i in range(len(data.texts))])


def vader_baseline(data: fitting.Labelled) -> np.ndarray:
    from framing.scoring.sentiment import vader_sentence

    return np.array([int(abs(vader_sentence(t)[0]) > 0.5) for t in data.texts])


def shipped_parts(path: Path) -> fitting.Parts:
    """The settings recorded in the weights file."""
    training = json.loads(path.read_text(encoding="utf-8"))
    document = training["training"]

    def settings(s: dict[str, object]) -> fitting.Settings:
        return fitting.Settings(tuple(s["families"]), int(s["min_topics"]), float(s["C"]))  # type: ignore[arg-type]

    return fitting.Parts(settings(document["sentence_settings"]), settings(document["word_settings"]),
                         float(training["words"]["word_min"]))


def nested(words: list[list[fitting.WordFeatures]], data: fitting.Labelled) -> list[SentenceSlant]:
    """Leave one topic out, with the settings chosen inside each fold on its seven training topics."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from fit_slant import SENTENCE_GRID, WORD_GRID

    out: list[SentenceSlant | None] = [None] * len(words)
    for topic in _topics(data):
        test = data.topics == topic
        train = np.flatnonzero(~test)
        inner = data.subset(~test)
        train_words = [words[i] for i in train]
        choice = fitting.choose(train_words, inner, SENTENCE_GRID, WORD_GRID)
        model = fitting.fit(train_words, inner, choice.parts)
        print(f"  fold {topic}: chose {choice.parts}", file=sys.stderr)
        for i in np.flatnonzero(test):
            out[i] = model.explain(words[i])
    return [s for s in out if s is not None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--nested", action="store_true", help="also choose the settings inside each fold (slow)")
    args = parser.parse_args(argv)
    data = fitting.load_babe(args.data)
    words = fitting.featurize(data)
    parts = shipped_parts(WEIGHTS)
    rows: list[tuple[str, np.ndarray, float | None]] = []
    slants = fitting.held_out(words, data, parts)
    rows.append(("slant model, shipped settings", np.array([int(s.biased) for s in slants]),
                 fitting.word_f1(words, data, slants, parts.word_min)))
    if args.nested:
        chosen = nested(words, data)
        rows.append(("slant model, settings chosen per fold", np.array([int(s.biased) for s in chosen]),
                     fitting.word_f1(words, data, chosen, 0.0)))
    rows.append(("TF-IDF bigram logistic regression", tfidf_baseline(data, None), None))
    rows.append(("TF-IDF bigram LR, balanced classes", tfidf_baseline(data, "balanced"), None))
    rows.append(("any evaluative loaded-language cue", cue_baseline(data), None))
    rows.append(("VADER |compound| > 0.5", vader_baseline(data), None))
    topics = _topics(data)
    print(f"BABE SG2 dev, {len(data.texts)} sentences, {len(topics)} topics, leave one topic out")
    print(f"{'method':<40} {'macro-F1':>8} {'word F1':>8}  per topic ({', '.join(topics)})")
    for name, flags, word in rows:
        pooled, per_topic = _scores(data, flags)
        word_text = f"{word:8.3f}" if word is not None else f"{'-':>8}"
        print(f"{name:<40} {pooled:8.3f} {word_text}  {' '.join(f'{v:.2f}' for v in per_topic)}")
    print(f"shipped settings: {parts}; slant threshold {SlantScorer().model.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
