"""Sentence slant against BABE's expert labels, leave one topic out, beside the baselines in the same run.

    python evaluation/slant_accuracy.py [--data PATH] [--nested] [--vectors PATH] [--screen]

For each of the eight topics of babe-sg2-dev.csv, every method is fitted on
the other seven and judged on it; the held-out predictions of all topics are
pooled into one macro-F1 (and shown per topic). Word F1 compares the words a
method lists with the words annotators marked (`biased_words`), over every
word of every sentence.

Methods: the shipped slant model's settings (read from the weights file and
refitted per fold: the same settings were chosen by this same
leave-one-topic-out score, so with `--nested` the choice itself is also made
inside each fold, on the seven training topics only, which is the honest
figure, see `nested`; a stacked model's stacker and threshold are always
refitted inside each fold, on the seven training topics' own
leave-one-topic-out predictions); the TF-IDF bigram logistic regression baseline (plain, and with
balanced class weights); flagging a sentence with any evaluative
loaded-language cue; VADER |compound| > 0.5.

`--screen` prints instead the sentence part alone, leave one topic out, for
each candidate of SCREEN_GRID at each threshold (regularisation, feature
families, vector scale; pass another `--vectors` file to screen other
vectors). Those figures pick their best threshold on the folds they report,
so they only rank candidates for a nested run; they are never the figure to
quote.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score

from framing.scoring.slant import fitting
from framing.scoring.slant.model import SentenceSlant
from framing.scoring.slant.scorer import SlantScorer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "babe" / "babe-sg2-dev.csv"
# Nested: the shipped candidates and the vector ones that led the un-nested screen, cut to the leaders so the
# eight outer folds (each a leave-one-topic-out choice over seven topics) fit in minutes on two cores.
NESTED_GRID = fitting.grid([("words", "cues"), ("words", "cues", "vectors")], [2], [1.0], clean=[True])
NESTED_WORD_GRID = fitting.grid(
    [("words", "cues", "valence", "shape", "chars", "context", "vectors")], [1], [1.0], balanced=False
)
# The sentence-part candidates screened after the vectors shipped (docs/guide/slant.md): none led the shipped one.
SCREEN_GRID = fitting.grid(
    [("words", "cues", "vectors")], [2], [0.3, 0.5, 1.0, 2.0], clean=[True], vectors=[1.0, 2.0]
) + [
    fitting.Settings(families, 2, 1.0, clean=True)
    for families in (
        ("words", "cues", "valence", "vectors"),
        ("words", "cues", "context", "vectors"),
        ("words", "cues", "shape", "vectors"),
    )
]
WEIGHTS = Path(__file__).resolve().parents[1] / "framing" / "scoring" / "slant" / "data" / "slant_weights.json"


def _fit_tool() -> Any:
    """tools/fit_slant.py, for reading (or building) the word vectors the same way the fit did."""
    tools = str(Path(__file__).resolve().parents[1] / "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import fit_slant

    return fit_slant


def _topics(data: fitting.Labelled) -> list[str]:
    return sorted(set(data.topics.tolist()))


def _scores(data: fitting.Labelled, flags: np.ndarray) -> tuple[float, list[float]]:
    pooled = float(f1_score(data.labels, flags, average="macro"))
    per_topic = [
        float(f1_score(data.labels[data.topics == t], flags[data.topics == t], average="macro")) for t in _topics(data)
    ]
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
    from framing.scoring.vader_fast import vader_scores

    return (vader_scores(data.texts)["vader.compound"].abs().to_numpy() > 0.5).astype(int)


def shipped_parts(path: Path) -> fitting.Parts:
    """The settings recorded in the weights file."""
    training = json.loads(path.read_text(encoding="utf-8"))
    document = training["training"]

    def settings(s: dict[str, object]) -> fitting.Settings:
        return fitting.Settings(
            tuple(s["families"]),
            int(s["min_topics"]),
            float(s["C"]),  # type: ignore[arg-type]
            bool(s.get("balanced", True)),
            bool(s.get("clean", False)),
            float(s.get("vectors", 1.0)),  # type: ignore[arg-type]
        )

    return fitting.Parts(
        settings(document["sentence_settings"]),
        settings(document["word_settings"]),
        float(training["words"]["word_min"]),
        float(training["sentence"]["threshold"]),
        bool(document.get("stacked", False)),
    )


def nested(
    words: list[list[fitting.WordFeatures]], data: fitting.Labelled, shipped: fitting.Parts, fitted: fitting.Fitted
) -> list[SentenceSlant]:
    """Leave one topic out, with both parts, the threshold and the cut-off chosen inside each fold.

    The choice is made by leave-one-topic-out over the fold's seven training
    topics only (`fitting.choose`), from NESTED_GRID and NESTED_WORD_GRID and
    the usual thresholds and cut-offs; a stacked model then fits its stacker
    and threshold on the fold's seven topics as always. So no setting, scale,
    threshold or cut-off was read off the held-out topic.
    """
    out: list[SentenceSlant | None] = [None] * len(words)
    for topic in _topics(data):
        test = data.topics == topic
        train = np.flatnonzero(~test)
        inner = data.subset(~test)
        train_words = [words[i] for i in train]
        choice = fitting.choose(train_words, inner, NESTED_GRID, NESTED_WORD_GRID, fitted)
        parts = dataclasses.replace(choice.parts, stack=shipped.stack)
        model = fitting.fit(train_words, inner, parts, fitted)
        print(
            f"  fold {topic}: chose {choice.parts.sentence}, threshold {choice.parts.threshold}; "
            f"word {choice.parts.word} >= {choice.parts.word_min}",
            file=sys.stderr,
            flush=True,
        )
        for i in np.flatnonzero(test):
            out[i] = model.explain(words[i])
    return [s for s in out if s is not None]


def screen(words: list[list[fitting.WordFeatures]], data: fitting.Labelled) -> None:
    """Print each SCREEN_GRID candidate's held-out macro-F1 at every threshold (sentence part alone, not nested)."""
    print(f"sentence part alone, leave one topic out, {len(data.texts)} sentences (not nested: ranks candidates)")
    print(f"{'families':<40} {'C':>4} {'scale':>5}  " + " ".join(f"{t:>6}" for t in fitting.THRESHOLDS))
    for settings in SCREEN_GRID:
        slants = fitting.held_out(words, data, fitting.Parts(settings, None), {})
        scores = " ".join(f"{fitting.macro_f1(data.labels, slants, t):6.3f}" for t in fitting.THRESHOLDS)
        print(f"{'+'.join(settings.families):<40} {settings.C:>4} {settings.vectors:>5}  {scores}", flush=True)


def topic_word_f1(
    words: list[list[fitting.WordFeatures]], data: fitting.Labelled, slants: list[SentenceSlant]
) -> list[float]:
    """Word F1 of the listed words within each topic."""
    out = []
    for topic in _topics(data):
        index = np.flatnonzero(data.topics == topic).tolist()
        out.append(
            fitting.word_f1([words[i] for i in index], data.subset(data.topics == topic), [slants[i] for i in index])
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--nested", action="store_true", help="also choose the settings inside each fold (slow)")
    parser.add_argument("--vectors", type=Path, help="word vectors .npz for the `vectors` family (tools/fit_slant.py)")
    parser.add_argument("--screen", action="store_true", help="only rank SCREEN_GRID's sentence parts (not nested)")
    args = parser.parse_args(argv)
    parts = shipped_parts(WEIGHTS)
    try:
        data = fitting.load_babe(args.data)
        if (
            "vectors" in (parts.sentence.families + (parts.word.families if parts.word else ()))
            or args.vectors
            or args.nested
            or args.screen
        ):
            fitting.use_vectors(_fit_tool().read_vectors(args.vectors))
    except (OSError, ValueError, KeyError) as error:
        print(
            f"slant_accuracy: {error} (pass --data PATH to BABE's babe-sg2-dev.csv, --vectors PATH to an .npz)",
            file=sys.stderr,
        )
        return 2
    words = fitting.featurize(data)
    if args.screen:
        screen(words, data)
        return 0
    rows: list[tuple[str, np.ndarray, float | None]] = []
    fitted: fitting.Fitted = {}  # fits by training topics, shared by the shipped and nested rows
    slants = fitting.held_out(words, data, parts, fitted)
    rows.append(
        (
            "slant model, shipped settings",
            np.array([int(s.biased) for s in slants]),
            fitting.word_f1(words, data, slants, parts.word_min),
        )
    )
    word_rows = [("slant model, shipped settings", topic_word_f1(words, data, slants))]
    if args.nested:
        chosen = nested(words, data, parts, fitted)
        rows.append(
            (
                "slant model, settings chosen per fold",
                np.array([int(s.biased) for s in chosen]),
                fitting.word_f1(words, data, chosen, 0.0),  # each fold's model lists words at its own cut-off
            )
        )
        word_rows.append(("slant model, settings chosen per fold", topic_word_f1(words, data, chosen)))
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
    print(f"{'word F1 per topic':<40} {'':>8} {'':>8}  ({', '.join(topics)})")
    for name, per_topic in word_rows:
        print(f"{name:<40} {'':>8} {'':>8}  {' '.join(f'{v:.2f}' for v in per_topic)}")
    print(f"shipped settings: {parts}; slant threshold {SlantScorer().model.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
