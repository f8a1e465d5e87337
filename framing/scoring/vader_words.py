"""The words that carried VADER valence in each sentence, with their character offsets.

Word evidence is VADER's own per-token `sentiments` list (after every rule and
"but"), read from a `VaderAnalysis` of the sentences as written. A word is
placed where `str.find` finds it from the end of the previous word: for
almost every token that is its raw token's start plus the punctuation
`SentiText` stripped from it, computed for all tokens at once. The one
exception is a token of ASCII punctuation only (":)", "--") right after a
token whose trailing punctuation was stripped ("good:) :)"): `str.find` can
meet it inside that punctuation, so those few sentences walk their words
with `str.find`, exactly as the per-sentence code did.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from framing.scoring.vader_fast import VaderAnalysis, round_like_python
from framing.scoring.vader_tokens import token_starts


@dataclass(frozen=True)
class WordValences:
    """One entry per word with nonzero valence, in sentence and word order; offsets into its sentence."""

    sentence: np.ndarray
    start: np.ndarray
    end: np.ndarray
    word: list[str]
    valence: np.ndarray  # rounded to 4 places, as the evidence shows it
    negated: np.ndarray  # the rules turned the lexicon's sign around

    def shifted(self, first: int) -> WordValences:
        """The same words, their sentence numbers counted from `first` (a batch's first sentence)."""
        return WordValences(self.sentence + first, self.start, self.end, self.word, self.valence, self.negated)

    @staticmethod
    def join(parts: list[WordValences]) -> WordValences:
        """Several batches' words as one, in order."""
        if len(parts) == 1:
            return parts[0]
        sentence, start, end, valence, negated = (
            np.concatenate([getattr(p, name) for p in parts])
            for name in ("sentence", "start", "end", "valence", "negated")
        )
        return WordValences(sentence, start, end, [w for p in parts for w in p.word], valence, negated)


def word_counts(analysis: VaderAnalysis) -> np.ndarray:
    """Words per sentence: VADER tokens holding a letter or digit."""
    alnum = analysis.features["alnum"][analysis.ids]
    return np.bincount(analysis.sentence[alnum], minlength=len(analysis.lengths)).astype(np.int64)


def word_valences(analysis: VaderAnalysis) -> WordValences:
    """Every valenced word of the analysed sentences with its offsets, rounded valence and negation flag."""
    f, ids = analysis.features, analysis.ids
    starts = token_starts(analysis.texts, analysis.lengths) + f["lead"][ids]
    ends = starts + f["length"][ids]
    at = np.flatnonzero(analysis.sentiments)
    sentence = analysis.sentence
    follows = np.zeros(len(ids), bool)
    follows[1:] = f["loose"][ids[1:]] & f["trail"][ids[:-1]] & (sentence[1:] == sentence[:-1])
    firsts = np.cumsum(analysis.lengths) - analysis.lengths
    for k in np.unique(sentence[follows]).tolist():
        _walk(analysis, k, int(firsts[k]), starts, ends)
    values = analysis.sentiments[at]
    return WordValences(
        sentence[at].astype(np.int64),
        starts[at].astype(np.int64),
        ends[at].astype(np.int64),
        [analysis.words[i] for i in ids[at].tolist()],
        round_like_python(values, 4),
        f["lex_val"][ids[at]] * values < 0,
    )


def _walk(analysis: VaderAnalysis, k: int, first: int, starts: np.ndarray, ends: np.ndarray) -> None:
    """Offsets of sentence k's tokens (from token `first` on) by `str.find` after the previous word, in place."""
    text, cursor = analysis.texts[k], 0
    for t in range(first, first + int(analysis.lengths[k])):
        word = analysis.words[int(analysis.ids[t])]
        at = text.find(word, cursor)
        starts[t], ends[t] = at, at + len(word)
        cursor = at + len(word)
