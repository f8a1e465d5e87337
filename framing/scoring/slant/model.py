"""The sentence slant model: two logistic regressions over the same word features, and a small stacker.

- The sentence part: its probability = sigmoid(bias + sum over words of their
  feature values times the weights, over the square root of the sentence's
  word count).
- The word part, fitted on the words annotators marked as carrying the bias:
  each word's probability of being such a word, on its own. A word's
  *strength* is that probability times the sentence part's: annotators mark
  words almost only in sentences they call biased, so a loaded word in a
  plain sentence counts for less. `.words` lists the words whose strength
  reaches `word_min`, the strongest first, with `.strengths`.
- The stacker: the sentence's `probability` = sigmoid(stack bias + weights
  times `stack_inputs`: the sentence part's logit and what the word part
  says of the sentence's words, its strongest word, noisy-or, top-three
  mean, mean, count of likely words). A model without stack weights (format
  2 files) gives the sentence part's probability. A sentence is `biased`
  when the probability reaches `threshold` (chosen by leave-one-topic-out
  cross-validation; the stacker is fitted with balanced class weights).

Both are linear in named features (`framing.scoring.slant.features`), so each
number can be traced to words and weights. The weights live in
`data/slant_weights.json`, built by `tools/fit_slant.py`; its datasheet,
`data/slant_weights.md`, says on what data and under which licence.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from framing.resources import data_path
from framing.scoring.slant.features import WordFeatures, word_features

WEIGHTS_FILE = "slant_weights.json"
TOP = 3  # the stacker's `top` input: mean probability of the sentence's TOP likeliest words
LIKELY = 0.2  # the stacker's `count` input counts words at least this likely (over sqrt of the word count)
STACK_INPUTS = ("sentence", "max", "noisy_or", "top", "mean", "count")


@dataclass(frozen=True)
class SentenceSlant:
    """How slanted one sentence reads, and the words that make it so.

    `words`: (start, end) offsets into the sentence of the words likely to
    carry the bias, the strongest first; `strengths`: each word's probability
    of being marked times the sentence's `probability`.
    """

    probability: float
    biased: bool
    words: list[tuple[int, int]]
    strengths: list[float]


def _sigmoid(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit)) if logit > -700 else 0.0


def _linear(weights: Mapping[str, float], features: tuple[tuple[str, float], ...]) -> float:
    return sum(weights.get(name, 0.0) * value for name, value in features)


def _logit(probability: float) -> float:
    p = min(max(probability, 1e-4), 1.0 - 1e-4)
    return math.log(p / (1.0 - p))


def stack_inputs(sentence: float, words: Sequence[float]) -> dict[str, float]:
    """The stacker's named inputs: the sentence part's logit and summaries of its words' probabilities."""
    ranked = sorted(words, reverse=True)
    none_marked = 1.0
    for p in words:
        none_marked *= 1.0 - p
    return {
        "sentence": _logit(sentence),
        "max": ranked[0] if ranked else 0.0,
        "noisy_or": 1.0 - none_marked if words else 0.0,
        "top": sum(ranked[:TOP]) / len(ranked[:TOP]) if ranked else 0.0,
        "mean": sum(words) / len(words) if words else 0.0,
        "count": sum(p >= LIKELY for p in words) / math.sqrt(len(words)) if words else 0.0,
    }


@dataclass(frozen=True)
class SlantModel:
    """Sentence weights, intercept and threshold; word weights, intercept and cut-off; the features used.

    `stack` / `stack_bias`: the stacker's weights by `STACK_INPUTS` name and
    its intercept; empty: the probability is the sentence part's.
    """

    weights: Mapping[str, float]
    bias: float
    threshold: float
    word_weights: Mapping[str, float]
    word_bias: float
    word_min: float
    families: tuple[str, ...]
    stack: Mapping[str, float] = field(default_factory=dict)
    stack_bias: float = 0.0
    _lexical: dict[str, tuple[float, float]] = field(
        default_factory=dict, compare=False, repr=False
    )  # normal form -> its lexical (sentence, word) terms
    _both: dict[str, tuple[float, float]] = field(
        default_factory=dict, compare=False, repr=False
    )  # feature name -> its (sentence, word) weights, filled on first use

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlantModel:
        sentence, words, stack = data["sentence"], data["words"], data.get("stack") or {}
        return cls(
            dict(sentence["weights"]),
            float(sentence["bias"]),
            float(sentence["threshold"]),
            dict(words["weights"]),
            float(words["bias"]),
            float(words["word_min"]),
            tuple(data["families"]),
            dict(stack.get("weights", {})),
            float(stack.get("bias", 0.0)),
        )

    def _parts(self, word: WordFeatures) -> tuple[float, float]:
        """The word's (sentence, word) linear terms; the lexical share is computed once per normal form.

        Lexical features follow from the normal form alone (`WordFeatures`), so
        the form is the cache key: hashing it is cheaper than hashing the features.
        """
        lexical = self._lexical.get(word.norm)
        if lexical is None:
            lexical = (_linear(self.weights, word.lexical), _linear(self.word_weights, word.lexical))
            self._lexical[word.norm] = lexical
        if not word.context:
            return lexical
        both = self._both or self._fill_both()
        sentence, marked = lexical
        for name, value in word.context:  # one look-up per context feature for both parts
            pair = both.get(name)
            if pair is not None:
                sentence += pair[0] * value
                marked += pair[1] * value
        return sentence, marked

    def _fill_both(self) -> dict[str, tuple[float, float]]:
        for name in set(self.weights) | set(self.word_weights):
            self._both[name] = (self.weights.get(name, 0.0), self.word_weights.get(name, 0.0))
        return self._both

    def _probability(self, parts: Sequence[tuple[float, float]]) -> float:
        scale = 1.0 / math.sqrt(len(parts)) if parts else 0.0
        return _sigmoid(self.bias + scale * sum(p[0] for p in parts))

    def _stacked(self, sentence: float, words: Sequence[float]) -> float:
        if not self.stack:
            return sentence
        inputs = stack_inputs(sentence, words)
        return _sigmoid(self.stack_bias + sum(w * inputs[name] for name, w in self.stack.items()))

    def probability(self, words: Sequence[WordFeatures]) -> float:
        """The sentence part alone: how likely an expert reads the sentence as biased, from its words' weights."""
        return self._probability([self._parts(w) for w in words])

    def word_probabilities(self, words: Sequence[WordFeatures]) -> list[float]:
        """The word part alone: how likely an expert marks each word as carrying bias."""
        return [_sigmoid(self.word_bias + self._parts(w)[1]) for w in words]

    def explain(self, words: Sequence[WordFeatures]) -> SentenceSlant:
        """Probability, flag and the words behind it, for one featurized sentence."""
        parts = [self._parts(w) for w in words]
        sentence = self._probability(parts)
        word_probabilities = [_sigmoid(self.word_bias + p[1]) for p in parts]
        probability = self._stacked(sentence, word_probabilities)
        chances = (sentence * p for p in word_probabilities)
        carried = sorted(
            ((c, w.start, w.end) for c, w in zip(chances, words) if c >= self.word_min),
            key=lambda item: (-item[0], item[1]),
        )
        return SentenceSlant(
            probability,
            probability >= self.threshold,
            [(s, e) for _, s, e in carried],
            [round(c, 6) for c, _, _ in carried],
        )

    def score(self, sentences: Sequence[str]) -> list[SentenceSlant]:
        """Slant of many sentences at once (the cue lexicon is matched in one batch)."""
        return [self.explain(words) for words in word_features(sentences, self.families)]


@functools.lru_cache(maxsize=1)
def shipped_model() -> SlantModel:
    """The model in `data/slant_weights.json` (read once per process)."""
    path = data_path("framing.scoring.slant.data", WEIGHTS_FILE)
    return SlantModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


def sentence_slant(sentence: str, model: SlantModel | None = None) -> SentenceSlant:
    """How slanted `sentence` reads: `.probability`, `.biased`, `.words` (spans, strongest first).

    Args:
        sentence: one sentence of plain text.
        model: a `SlantModel` of your own; the shipped one by default.

    Returns:
        The `SentenceSlant`; `.words` are offsets into `sentence`.

    >>> result = sentence_slant("The senator said the bill passed on Tuesday.")
    >>> 0.0 <= result.probability <= 1.0
    True
    """
    return (model or shipped_model()).score([sentence])[0]
