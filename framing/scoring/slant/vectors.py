"""Word vectors for fitting the slant model: words used alike in unlabelled news get alike vectors.

Why: BABE's topics use different words, so a word the training topics never
used has no weight of its own. Vectors learnt from unlabelled news
(`tools/stance_vectors.py`: PPMI over allsides-10k, truncated SVD) place
"lambasted" near "slammed"; a weight vector over their dimensions, fitted
beside the word features, carries what the labelled words taught to the
words used like them.

Only the fit reads vectors. Their fitted weights are folded back into one
weight per vocabulary word (`e:<word>`: `scale * vector(word) . coef`), so
the shipped model is still a sum of named per-word terms and each word's
share of a probability remains its evidence; nothing but those weights ships.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from framing.scoring.slant.features import WordFeatures

PREFIX = "e:"  # the folded per-word weight of the `vectors` family


@dataclass(frozen=True)
class WordVectors:
    """Words and their vectors (one row each, unit length), as `tools/stance_vectors.py` writes them."""

    words: tuple[str, ...]
    matrix: np.ndarray
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.words) != len(self.matrix):
            raise ValueError(f"word vectors: {len(self.words)} words but {len(self.matrix)} rows")
        self._index.update((w, i) for i, w in enumerate(self.words))

    def rows(self, norms: Sequence[str]) -> np.ndarray:
        """One row per normal form: its vector, zeros for a word without one."""
        out = np.zeros((len(norms), self.matrix.shape[1]))
        for i, norm in enumerate(norms):
            j = self._index.get(norm)
            if j is not None:
                out[i] = self.matrix[j]
        return out

    def pooled(self, sentences: Sequence[Sequence[WordFeatures]]) -> np.ndarray:
        """Per sentence, the sum of its words' vectors over the square root of its word count (as `design`)."""
        out = np.zeros((len(sentences), self.matrix.shape[1]))
        for i, sentence in enumerate(sentences):
            if sentence:
                out[i] = self.rows([w.norm for w in sentence]).sum(axis=0) / np.sqrt(len(sentence))
        return out

    def fold(self, coef: np.ndarray) -> dict[str, float]:
        """`e:<word>` -> the word's vector times `coef` (one weight per dimension), for every word."""
        per_word = self.matrix @ coef
        return {f"{PREFIX}{w}": float(v) for w, v in zip(self.words, per_word) if v != 0.0}


def load_vectors(path: Path) -> WordVectors:
    """Vectors from an `.npz` with `words` and `vectors` (`tools/stance_vectors.py --out`)."""
    with np.load(path) as data:
        return WordVectors(tuple(str(w) for w in data["words"]), data["vectors"].astype(np.float64))
