"""The sentence slant model: two logistic regressions over the same word features.

- The sentence part: probability = sigmoid(bias + sum over words of their
  feature values times the weights, over the square root of the sentence's
  word count). A sentence is `biased` when the probability reaches
  `threshold` (chosen by leave-one-topic-out cross-validation; the model is
  fitted with balanced class weights, so 0.5 is where it finds both labels
  equally likely).
- The word part, fitted on the words annotators marked as carrying the bias:
  each word's probability of being such a word, on its own. A word's
  *strength* is that probability times the sentence's: annotators mark words
  almost only in sentences they call biased, so a loaded word in a plain
  sentence counts for less. `.words` lists the words whose strength reaches
  `word_min`, the strongest first, with `.strengths`.

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


@dataclass(frozen=True)
class SlantModel:
    """Sentence weights, intercept and threshold; word weights, intercept and cut-off; the features used."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    word_weights: Mapping[str, float]
    word_bias: float
    word_min: float
    families: tuple[str, ...]
    _lexical: dict[str, tuple[float, float]] = field(
        default_factory=dict, compare=False, repr=False
    )  # normal form -> its lexical (sentence, word) terms

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlantModel:
        sentence, words = data["sentence"], data["words"]
        return cls(
            dict(sentence["weights"]),
            float(sentence["bias"]),
            float(sentence["threshold"]),
            dict(words["weights"]),
            float(words["bias"]),
            float(words["word_min"]),
            tuple(data["families"]),
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
        return lexical[0] + _linear(self.weights, word.context), lexical[1] + _linear(self.word_weights, word.context)

    def _probability(self, parts: Sequence[tuple[float, float]]) -> float:
        scale = 1.0 / math.sqrt(len(parts)) if parts else 0.0
        return _sigmoid(self.bias + scale * sum(p[0] for p in parts))

    def probability(self, words: Sequence[WordFeatures]) -> float:
        """The sentence part: how likely an expert reads the sentence as biased."""
        return self._probability([self._parts(w) for w in words])

    def word_probabilities(self, words: Sequence[WordFeatures]) -> list[float]:
        """The word part alone: how likely an expert marks each word as carrying bias."""
        return [_sigmoid(self.word_bias + self._parts(w)[1]) for w in words]

    def explain(self, words: Sequence[WordFeatures]) -> SentenceSlant:
        """Probability, flag and the words behind it, for one featurized sentence."""
        parts = [self._parts(w) for w in words]
        probability = self._probability(parts)
        chances = (probability * _sigmoid(self.word_bias + p[1]) for p in parts)
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
