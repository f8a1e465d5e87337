"""Fitting and cross-validating the slant model: used by tools/fit_slant.py and evaluation/slant_accuracy.py.

Everything is chosen by leave-one-topic-out cross-validation: the model is
fitted on all topics but one and judged on the one left out, so a setting
wins by working on topics it has never seen, not by remembering a topic's
vocabulary. A word feature is kept only when it occurs in at least
`min_topics` of the training topics, for the same reason.
"""
from __future__ import annotations

import ast
import csv
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from framing.scoring.slant.features import FAMILIES, WordFeatures, word_features
from framing.scoring.slant.model import SentenceSlant, SlantModel

# BABE spells two of its topics two ways; the eight topics are these names.
TOPIC_NAMES = {"blm": "black lives matter", "vaccines": "vaccine"}
THRESHOLD = 0.5  # balanced class weights: 0.5 is where the model finds both labels equally likely
WORD_MINS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)  # word probabilities tried as the cut-off
FAMILY_PREFIX = {"words": ("w:",), "cues": ("cue:",), "valence": ("vader", "subj"), "shape": ("cap", "suf:")}


@dataclass(frozen=True)
class Labelled:
    """Sentences with their expert label (1 = biased), topic and the words annotators marked."""

    texts: list[str]
    labels: np.ndarray
    topics: np.ndarray
    gold_words: list[frozenset[str]]

    def subset(self, mask: np.ndarray) -> Labelled:
        index = np.flatnonzero(mask)
        return Labelled([self.texts[i] for i in index], self.labels[index], self.topics[index],
                        [self.gold_words[i] for i in index])


@dataclass(frozen=True)
class Settings:
    """One point of the grid: feature families, topic coverage a word needs, inverse regularisation."""

    families: tuple[str, ...]
    min_topics: int
    C: float


def load_babe(path: Path) -> Labelled:
    """BABE's CSV (text, topic, label_bias, biased_words) as `Labelled`, topic spellings merged."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Labelled(
        [r["text"] for r in rows],
        np.array([int(r["label_bias"] == "Biased") for r in rows]),
        np.array([TOPIC_NAMES.get(r["topic"], r["topic"]) for r in rows]),
        [frozenset(str(w).lower() for w in ast.literal_eval(r["biased_words"] or "[]")) for r in rows],
    )


def grid(families: Sequence[tuple[str, ...]], min_topics: Sequence[int], cs: Sequence[float]) -> list[Settings]:
    return [Settings(f, m, c) for f, m, c in itertools.product(families, min_topics, cs)]


def _kept(name: str, families: tuple[str, ...]) -> bool:
    return any(name.startswith(prefix) for family in families for prefix in FAMILY_PREFIX[family])


def vocabulary(words: Sequence[Sequence[WordFeatures]], topics: np.ndarray, settings: Settings) -> list[str]:
    """Feature names of the families asked for; word features only when seen in `min_topics` topics."""
    seen: dict[str, set[str]] = {}
    for sentence, topic in zip(words, topics):
        for word in sentence:
            for name, _ in word.features:
                seen.setdefault(name, set()).add(str(topic))
    return sorted(name for name, where in seen.items() if _kept(name, settings.families)
                  and (not name.startswith("w:") or len(where) >= settings.min_topics))


def design(words: Sequence[Sequence[WordFeatures]], vocab: Sequence[str], scaled: bool = True) -> sparse.csr_matrix:
    """Sentence x feature matrix: feature values summed over the words, over sqrt(word count) if `scaled`."""
    index = {name: j for j, name in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for i, sentence in enumerate(words):
        scale = 1.0 / np.sqrt(len(sentence)) if sentence and scaled else 1.0
        for word in sentence:
            for name, value in word.features:
                j = index.get(name)
                if j is not None:
                    rows.append(i)
                    cols.append(j)
                    vals.append(value * scale)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(words), len(vocab)))


def _logistic(matrix: sparse.csr_matrix, labels: np.ndarray, C: float,
              vocab: Sequence[str]) -> tuple[dict[str, float], float]:
    """Balanced-class logistic regression (lbfgs: deterministic): weights by feature name, intercept."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, labels)
    return {name: float(w) for name, w in zip(vocab, model.coef_[0]) if w != 0.0}, float(model.intercept_[0])


def word_design(words: Sequence[Sequence[WordFeatures]], vocab: Sequence[str]) -> sparse.csr_matrix:
    """Word x feature matrix over every word of every sentence, in order."""
    return design([[w] for sentence in words for w in sentence], vocab, scaled=False)


def word_labels(words: Sequence[Sequence[WordFeatures]], data: Labelled) -> np.ndarray:
    """1 for each word whose normal form the annotators marked in its sentence."""
    return np.array([int(w.norm in gold) for sentence, gold in zip(words, data.gold_words) for w in sentence])


@dataclass(frozen=True)
class Parts:
    """The settings of the two parts of a model: sentence and word (None: no word part, to judge the sentence part)."""

    sentence: Settings
    word: Settings | None
    word_min: float = 0.5


def fit(words: Sequence[Sequence[WordFeatures]], data: Labelled, parts: Parts) -> SlantModel:
    """Both parts fitted on these sentences: the label for the sentence part, marked words for the word part."""
    vocab = vocabulary(words, data.topics, parts.sentence)
    weights, bias = _logistic(design(words, vocab), data.labels, parts.sentence.C, vocab)
    word_weights: dict[str, float] = {}
    word_bias = float("-inf")  # without a word part no word is listed
    if parts.word is not None:
        word_vocab = vocabulary(words, data.topics, parts.word)
        word_weights, word_bias = _logistic(word_design(words, word_vocab), word_labels(words, data),
                                            parts.word.C, word_vocab)
    used = parts.sentence.families + (parts.word.families if parts.word is not None else ())
    families = tuple(f for f in FAMILIES if f in used)
    return SlantModel(weights, bias, THRESHOLD, word_weights, word_bias, parts.word_min, families)


def held_out(words: Sequence[Sequence[WordFeatures]], data: Labelled, parts: Parts) -> list[SentenceSlant]:
    """Every sentence scored by a model fitted on the other topics."""
    out: list[SentenceSlant | None] = [None] * len(data.texts)
    for topic in sorted(set(data.topics.tolist())):
        test = data.topics == topic
        model = fit([words[i] for i in np.flatnonzero(~test).tolist()], data.subset(~test), parts)
        for i in np.flatnonzero(test).tolist():
            out[i] = model.explain(words[i])
    return [s for s in out if s is not None]


def macro_f1(labels: np.ndarray, slants: Sequence[SentenceSlant]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(labels, [int(s.biased) for s in slants], average="macro"))


def word_f1(words: Sequence[Sequence[WordFeatures]], data: Labelled, slants: Sequence[SentenceSlant],
            word_min: float = 0.0) -> float:
    """F1 of the words listed (strength >= word_min) against the words annotators marked, over all words."""
    listed = predicted = marked = 0
    for sentence, gold, slant in zip(words, data.gold_words, slants):
        norms = {w.start: w.norm for w in sentence}
        marked += sum(w.norm in gold for w in sentence)
        chosen = [start for (start, _), p in zip(slant.words, slant.strengths) if p >= word_min]
        predicted += len(chosen)
        listed += sum(norms[start] in gold for start in chosen)
    return 2.0 * listed / (predicted + marked) if predicted + marked else 0.0


@dataclass(frozen=True)
class Choice:
    """The winning parts with their held-out macro-F1 and word F1, and every candidate's scores."""

    parts: Parts
    macro_f1: float
    word_f1: float
    table: list[tuple[str, Settings, float]]


def choose(words: Sequence[Sequence[WordFeatures]], data: Labelled, sentence_grid: Sequence[Settings],
           word_grid: Sequence[Settings]) -> Choice:
    """Each part by its own leave-one-topic-out score (ties: the earlier candidate).

    The sentence part by macro-F1 of the flag, the word part and its cut-off
    `word_min` by word F1 against the marked words.
    """
    table: list[tuple[str, Settings, float]] = []
    sentence, sentence_score = sentence_grid[0], -1.0
    for settings in sentence_grid:
        score = macro_f1(data.labels, held_out(words, data, Parts(settings, None)))
        table.append(("sentence", settings, score))
        if score > sentence_score:
            sentence, sentence_score = settings, score
    word, cut, word_score = word_grid[0], WORD_MINS[0], -1.0
    for settings in word_grid:
        slants = held_out(words, data, Parts(sentence, settings, min(WORD_MINS)))
        for threshold in WORD_MINS:
            score = word_f1(words, data, slants, threshold)
            table.append((f"word >= {threshold}", settings, score))
            if score > word_score:
                word, cut, word_score = settings, threshold, score
    return Choice(Parts(sentence, word, cut), sentence_score, word_score, table)


def final_model(words: Sequence[Sequence[WordFeatures]], data: Labelled, choice: Choice) -> SlantModel:
    """The chosen parts refitted on every sentence."""
    return fit(words, data, choice.parts)


def featurize(data: Labelled) -> list[list[WordFeatures]]:
    """Every feature family at once; `vocabulary` keeps the ones a setting uses."""
    return word_features(data.texts, FAMILIES)
