"""Fitting and cross-validating the slant model: used by tools/fit_slant.py and evaluation/slant_accuracy.py.

Everything is chosen by leave-one-topic-out cross-validation: the model is
fitted on all topics but one and judged on the one left out, so a setting
wins by working on topics it has never seen, not by remembering a topic's
vocabulary. A word or character n-gram feature is kept only when it occurs
in at least `min_topics` of the training topics, for the same reason.
"""

from __future__ import annotations

import ast
import csv
import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from framing.scoring.slant.features import FAMILIES, WordFeatures, word_features
from framing.scoring.slant.model import STACK_INPUTS, SentenceSlant, SlantModel, stack_inputs
from framing.scoring.slant.vectors import WordVectors

# BABE spells two of its topics two ways; the eight topics are these names.
TOPIC_NAMES = {"blm": "black lives matter", "vaccines": "vaccine"}
THRESHOLD = 0.5  # balanced class weights: 0.5 is where the model finds both labels equally likely
THRESHOLDS = (0.45, 0.475, 0.5, 0.525, 0.55)  # sentence thresholds tried (ties: the one nearest 0.5 listed first)
STACK_C = 1.0  # the stacker's inverse regularisation (six inputs: it hardly matters)
WORD_MINS = (0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.4)  # word strengths tried as the cut-off
FAMILY_PREFIX = {
    "words": ("w:",),
    "cues": ("cue:",),
    "valence": ("vader", "subj"),
    "shape": ("cap", "suf:"),
    "chars": ("c:",),
    "context": ("vpos", "vneg", "tbpol", "tbint", "tbmod", "stop", "long", "place", "p:", "n:"),
    "vectors": (),  # dense columns while fitting (`use_vectors`), folded into `e:<word>` weights after
}
TOPICAL = ("w:", "c:")  # features that need `min_topics` training topics
# An expert label the same sentence's opinion label contradicts: left out of training when `clean` is set.
CONTRADICTED = {1: "Entirely factual", 0: "Expresses writer’s opinion"}


@dataclass(frozen=True)
class Labelled:
    """Sentences with their expert label (1 = biased), topic, the words annotators marked, opinion label."""

    texts: list[str]
    labels: np.ndarray
    topics: np.ndarray
    gold_words: list[frozenset[str]]
    opinions: np.ndarray = field(default_factory=lambda: np.array([], dtype=str))  # BABE's label_opinion, or none

    def subset(self, mask: np.ndarray) -> Labelled:
        index = np.flatnonzero(mask)
        opinions = self.opinions[index] if len(self.opinions) else self.opinions
        return Labelled(
            [self.texts[i] for i in index],
            self.labels[index],
            self.topics[index],
            [self.gold_words[i] for i in index],
            opinions,
        )

    def consistent(self) -> np.ndarray:
        """True for each sentence whose opinion label does not contradict its bias label (all, without opinions).

        A "Biased" sentence the same experts call "Entirely factual", or a
        "Non-biased" one they say "Expresses writer's opinion", is a label the
        panel itself disagreed on; a model trained without them learns the
        clearer cases.
        """
        if not len(self.opinions):
            return np.ones(len(self.texts), dtype=bool)
        return np.array([CONTRADICTED[int(y)] != o for y, o in zip(self.labels, self.opinions)])


@dataclass(frozen=True)
class Settings:
    """One point of the grid: feature families, topic coverage a word needs, inverse regularisation.

    `balanced`: class weights balanced (the sentence part, so that 0.5 means
    even odds) or as observed (the word part, whose probability is a word's
    chance of being marked); `clean`: train without contradicted labels
    (`Labelled.consistent`).
    """

    families: tuple[str, ...]
    min_topics: int
    C: float
    balanced: bool = True
    clean: bool = False
    vectors: float = 1.0  # with the `vectors` family: the scale of the dense word-vector columns


# The word vectors a fit with the `vectors` family uses (`use_vectors`); they never ship, only folded weights.
_VECTORS: list[WordVectors] = []


def use_vectors(vectors: WordVectors | None) -> None:
    """Set (or, with None, drop) the word vectors that fits with the `vectors` family read."""
    _VECTORS.clear()
    if vectors is not None:
        _VECTORS.append(vectors)


def _vectors() -> WordVectors:
    if not _VECTORS:
        raise ValueError("the `vectors` family needs word vectors: call fitting.use_vectors first")
    return _VECTORS[0]


def load_babe(path: Path) -> Labelled:
    """BABE's CSV (text, topic, label_bias, biased_words; label_opinion if present) as `Labelled`."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return Labelled(
        [r["text"] for r in rows],
        np.array([int(r["label_bias"] == "Biased") for r in rows]),
        np.array([TOPIC_NAMES.get(r["topic"], r["topic"]) for r in rows]),
        [frozenset(str(w).lower() for w in ast.literal_eval(r["biased_words"] or "[]")) for r in rows],
        np.array([r.get("label_opinion") or "" for r in rows], dtype=str)
        if rows and "label_opinion" in rows[0]
        else np.array([], dtype=str),
    )


def grid(
    families: Sequence[tuple[str, ...]],
    min_topics: Sequence[int],
    cs: Sequence[float],
    balanced: bool = True,
    clean: Sequence[bool] = (False,),
    vectors: Sequence[float] = (1.0,),
) -> list[Settings]:
    """Every combination; the vector scales only for families with `vectors` (one candidate without)."""
    return [
        Settings(f, m, c, balanced, k, v)
        for f, m, c, k in itertools.product(families, min_topics, cs, clean)
        for v in (vectors if "vectors" in f else vectors[:1])
    ]


def _kept(name: str, families: tuple[str, ...]) -> bool:
    return any(name.startswith(prefix) for family in families for prefix in FAMILY_PREFIX[family])


def vocabulary(words: Sequence[Sequence[WordFeatures]], topics: np.ndarray, settings: Settings) -> list[str]:
    """Feature names of the families asked for; word and n-gram features only when seen in `min_topics` topics."""
    seen: dict[str, set[str]] = {}
    for sentence, topic in zip(words, topics):
        for word in sentence:
            for name, _ in word.features:
                seen.setdefault(name, set()).add(str(topic))
    return sorted(
        name
        for name, where in seen.items()
        if _kept(name, settings.families) and (not name.startswith(TOPICAL) or len(where) >= settings.min_topics)
    )


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


def _logistic(
    matrix: sparse.csr_matrix,
    labels: np.ndarray,
    settings: Settings,
    vocab: Sequence[str],
    dense: np.ndarray | None = None,
) -> tuple[dict[str, float], float]:
    """Logistic regression (lbfgs: deterministic): weights by feature name, intercept.

    `dense`: word-vector columns (`WordVectors.pooled` or `.rows`), scaled by
    `settings.vectors`; their weights come back folded into `e:<word>` ones.
    """
    from sklearn.linear_model import LogisticRegression

    if dense is not None:
        matrix = sparse.hstack([matrix, sparse.csr_matrix(dense * settings.vectors)]).tocsr()
    model = LogisticRegression(C=settings.C, class_weight="balanced" if settings.balanced else None, max_iter=5000).fit(
        matrix, labels
    )
    coef = model.coef_[0]
    weights = {name: float(w) for name, w in zip(vocab, coef) if w != 0.0}
    if dense is not None:
        weights.update(_vectors().fold(coef[len(vocab) :] * settings.vectors))
    return weights, float(model.intercept_[0])


def _dense(words: Sequence[Sequence[WordFeatures]], settings: Settings, per_word: bool) -> np.ndarray | None:
    """The word-vector columns a setting asks for: per sentence (pooled) or per word; None without the family."""
    if "vectors" not in settings.families:
        return None
    if per_word:
        return _vectors().rows([w.norm for sentence in words for w in sentence])
    return _vectors().pooled(words)


def word_design(words: Sequence[Sequence[WordFeatures]], vocab: Sequence[str]) -> sparse.csr_matrix:
    """Word x feature matrix over every word of every sentence, in order."""
    return design([[w] for sentence in words for w in sentence], vocab, scaled=False)


def word_labels(words: Sequence[Sequence[WordFeatures]], data: Labelled) -> np.ndarray:
    """1 for each word whose normal form the annotators marked in its sentence."""
    return np.array([int(w.norm in gold) for sentence, gold in zip(words, data.gold_words) for w in sentence])


@dataclass(frozen=True)
class Parts:
    """The settings of the two parts of a model: sentence and word (None: no word part, to judge the sentence part).

    `stack`: also fit the stacker (which needs a word part) on the parts'
    leave-one-topic-out predictions over the training topics, with its own
    threshold chosen there; `threshold` is then the stacker's.
    """

    sentence: Settings
    word: Settings | None
    word_min: float = 0.5
    threshold: float = THRESHOLD
    stack: bool = False


# Parts already fitted, by (settings, training topics): within one data set the same topics give the same
# fit (cut-off and threshold do not change a fit, so they are left out of the key).
Fitted = dict[tuple[Parts, frozenset[str]], SlantModel]


def fit(
    words: Sequence[Sequence[WordFeatures]], data: Labelled, parts: Parts, fitted: Fitted | None = None
) -> SlantModel:
    """Both parts fitted on these sentences (and the stacker, if `parts.stack`, with its threshold).

    `fitted`: parts fitted before on the same data set, reused by their
    training topics (leave-one-topic-out with a stacker fits each pair of
    left-out topics twice otherwise); new fits are added to it.
    """
    fitted = {} if fitted is None else fitted
    model = _fit_parts(words, data, parts, fitted)
    if not parts.stack:
        return model
    stacked = stacker(words, data, parts, fitted)
    return dataclasses.replace(model, stack=stacked.weights, stack_bias=stacked.bias, threshold=stacked.threshold)


def _fit_parts(words: Sequence[Sequence[WordFeatures]], data: Labelled, parts: Parts, fitted: Fitted) -> SlantModel:
    """The label for the sentence part, marked words for the word part (reused from `fitted` if there)."""
    key = (dataclasses.replace(parts, stack=False, word_min=0.0, threshold=0.0), frozenset(data.topics.tolist()))
    if key not in fitted:
        fitted[key] = _fit_new_parts(words, data, parts)
    return dataclasses.replace(fitted[key], word_min=parts.word_min, threshold=parts.threshold)


def _fit_new_parts(words: Sequence[Sequence[WordFeatures]], data: Labelled, parts: Parts) -> SlantModel:
    kept = data.consistent() if parts.sentence.clean else np.ones(len(words), dtype=bool)
    trained = [words[i] for i in np.flatnonzero(kept).tolist()]
    vocab = vocabulary(trained, data.topics[kept], parts.sentence)
    weights, bias = _logistic(
        design(trained, vocab), data.labels[kept], parts.sentence, vocab, _dense(trained, parts.sentence, False)
    )
    word_weights: dict[str, float] = {}
    word_bias = float("-inf")  # without a word part no word is listed
    if parts.word is not None:
        word_vocab = vocabulary(words, data.topics, parts.word)
        word_weights, word_bias = _logistic(
            word_design(words, word_vocab),
            word_labels(words, data),
            parts.word,
            word_vocab,
            _dense(words, parts.word, True),
        )
    used = parts.sentence.families + (parts.word.families if parts.word is not None else ())
    families = tuple(f for f in FAMILIES if f in used)
    return SlantModel(weights, bias, parts.threshold, word_weights, word_bias, parts.word_min, families)


@dataclass(frozen=True)
class Stacked:
    """The stacker's weights by input name, intercept, threshold, and its leave-one-topic-out macro-F1 there."""

    weights: dict[str, float]
    bias: float
    threshold: float
    macro_f1: float


def stacker(words: Sequence[Sequence[WordFeatures]], data: Labelled, parts: Parts, fitted: Fitted) -> Stacked:
    """The stacker, from parts fitted on all training topics but each one in turn.

    So the stacker learns how far to trust each part on a topic that part
    has not seen, and the threshold is the one whose leave-one-topic-out
    macro-F1 over those inputs is best (ties: nearest 0.5). That score is
    slightly flattering (the parts that scored one topic saw the others), so
    `held_out` of a stacked model, which repeats all this inside each fold,
    gives the figure to report.
    """
    from sklearn.linear_model import LogisticRegression

    if parts.word is None:
        raise ValueError("a stacked slant model needs a word part")
    inputs = np.zeros((len(words), len(STACK_INPUTS)))
    for topic in sorted(set(data.topics.tolist())):
        test = data.topics == topic
        model = _fit_parts([words[i] for i in np.flatnonzero(~test).tolist()], data.subset(~test), parts, fitted)
        for i in np.flatnonzero(test).tolist():
            named = stack_inputs(model.probability(words[i]), model.word_probabilities(words[i]))
            inputs[i] = [named[name] for name in STACK_INPUTS]

    def fitted_stacker(mask: np.ndarray) -> LogisticRegression:
        return LogisticRegression(C=STACK_C, class_weight="balanced").fit(inputs[mask], data.labels[mask])

    probabilities = np.zeros(len(words))
    for topic in sorted(set(data.topics.tolist())):
        test = data.topics == topic
        probabilities[test] = fitted_stacker(~test).predict_proba(inputs[test])[:, 1]
    scores = {t: _f1_of_flags(data.labels, probabilities >= t) for t in THRESHOLDS}
    threshold = max(sorted(THRESHOLDS, key=lambda t: (abs(t - THRESHOLD), t)), key=scores.__getitem__)
    final = fitted_stacker(np.ones(len(words), dtype=bool))
    weights = dict(zip(STACK_INPUTS, (float(w) for w in final.coef_[0])))
    return Stacked(weights, float(final.intercept_[0]), threshold, scores[threshold])


def _f1_of_flags(labels: np.ndarray, flags: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(labels, flags.astype(int), average="macro"))


def held_out(
    words: Sequence[Sequence[WordFeatures]], data: Labelled, parts: Parts, fitted: Fitted | None = None
) -> list[SentenceSlant]:
    """Every sentence scored by a model fitted on the other topics (a stacker, too, on those topics only)."""
    out: list[SentenceSlant | None] = [None] * len(data.texts)
    fitted = {} if fitted is None else fitted
    for topic in sorted(set(data.topics.tolist())):
        test = data.topics == topic
        model = fit([words[i] for i in np.flatnonzero(~test).tolist()], data.subset(~test), parts, fitted)
        for i in np.flatnonzero(test).tolist():
            out[i] = model.explain(words[i])
    return [s for s in out if s is not None]


def macro_f1(labels: np.ndarray, slants: Sequence[SentenceSlant], threshold: float | None = None) -> float:
    """Macro-F1 of the flags (`biased`, or probability >= `threshold` when one is given)."""
    flags = np.array([s.biased if threshold is None else s.probability >= threshold for s in slants])
    return _f1_of_flags(labels, flags)


def word_f1(
    words: Sequence[Sequence[WordFeatures]], data: Labelled, slants: Sequence[SentenceSlant], word_min: float = 0.0
) -> float:
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


def choose(
    words: Sequence[Sequence[WordFeatures]],
    data: Labelled,
    sentence_grid: Sequence[Settings],
    word_grid: Sequence[Settings],
    fitted: Fitted | None = None,
) -> Choice:
    """Each part by its own leave-one-topic-out score (ties: the earlier candidate).

    The sentence part and its threshold by macro-F1 of the flag, the word part
    and its cut-off `word_min` by word F1 against the marked words (an empty
    `word_grid`: no word part, `word` None).
    """
    table: list[tuple[str, Settings, float]] = []
    sentence, threshold, sentence_score = sentence_grid[0], THRESHOLD, -1.0
    for settings in sentence_grid:
        slants = held_out(words, data, Parts(settings, None), fitted)
        for candidate in sorted(THRESHOLDS, key=lambda t: (abs(t - THRESHOLD), t)):
            score = macro_f1(data.labels, slants, candidate)
            table.append((f"sentence >= {candidate}", settings, score))
            if score > sentence_score:
                sentence, threshold, sentence_score = settings, candidate, score
    word: Settings | None = None
    cut, word_score = WORD_MINS[0], -1.0
    for settings in word_grid:
        slants = held_out(words, data, Parts(sentence, settings, min(WORD_MINS), threshold), fitted)
        for cut_off in WORD_MINS:
            score = word_f1(words, data, slants, cut_off)
            table.append((f"word >= {cut_off}", settings, score))
            if score > word_score:
                word, cut, word_score = settings, cut_off, score
    return Choice(Parts(sentence, word, cut, threshold), sentence_score, word_score, table)


def final_model(
    words: Sequence[Sequence[WordFeatures]], data: Labelled, choice: Choice, fitted: Fitted | None = None
) -> SlantModel:
    """The chosen parts refitted on every sentence (and their stacker, reusing the fits in `fitted`)."""
    return fit(words, data, choice.parts, fitted)


def featurize(data: Labelled) -> list[list[WordFeatures]]:
    """Every feature family at once; `vocabulary` keeps the ones a setting uses."""
    return word_features(data.texts, FAMILIES)
